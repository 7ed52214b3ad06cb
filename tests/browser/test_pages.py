"""Every page in a real browser, on a laptop (1366×900) and a phone (390×844): it renders with no
exception, no traceback and no router error box, with its title and the whole sidebar; a
screenshot of each lands in tests/browser/screenshots/ for a reviewer."""

import math

import pytest

from tests.browser.dashboard import PAGES
from tests.browser.plotly import values

VIEWPORTS = ("desktop", "phone")


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("title", list(PAGES))
def test_page_renders_without_error(shown, title, viewport):
    app = shown(PAGES[title], viewport)
    assert app.failures() == []
    assert app.title() == title
    assert app.path == PAGES[title]


def test_sidebar_names_every_page(shown):
    app = shown("/")
    links = app.page.locator('[data-testid="stSidebarNav"] [data-testid="stSidebarNavLink"]')
    names = [app.text_of(link) for link in links.all()]
    assert names == list(PAGES)


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_ringkasan_opens_by_its_own_name_too(open_app, viewport):
    """/ringkasan (typed, or the link a briefing prints) is the default page by name: it stopped
    with Streamlit's "Two pages resolve to the URL pathname" error and a traceback."""
    app = open_app("/ringkasan", viewport)
    assert app.failures() == []
    assert app.title() == "Ringkasan"


def test_each_page_opens_from_the_sidebar(open_app):
    """A reader clicks through the sidebar: each click opens its page at its own URL."""
    app = open_app("/")
    for title, path in list(PAGES.items())[1:] + [("Ringkasan", "/")]:
        app.go(title)
        assert (app.title(), app.path) == (title, path)
        assert app.failures() == []


def test_the_wilayah_map_draws_markers_at_kecamatan_level(open_app):
    """At kecamatan level every area has a centroid (data/raw/regions_kota_tangerang.csv): the
    map's marker traces carry a point with coordinates for each of the 13 kecamatan, and the map
    draws them (maplibre's canvas is there and sized). Names are drawn where they fit, so they
    are counted apart: a marker with no free place for its name is named in its hover."""
    app = open_app("/wilayah?level=district")
    figure = app.figure("areas_map")
    points, named, numbered = [], [], []
    for trace in figure["data"]:
        assert trace["type"] in ("scattermap", "choroplethmap")
        lat, lon = values(trace.get("lat")), values(trace.get("lon"))
        placed = [not (math.isnan(y) or math.isnan(x)) for y, x in zip(lat, lon, strict=True)]
        if trace.get("meta") == "numbered":  # a number in a crowded marker, not a name
            numbered += [n for n, ok in zip(values(trace["text"]), placed, strict=True) if ok]
        elif trace.get("text"):
            named += [n for n, ok in zip(values(trace["text"]), placed, strict=True) if ok]
        elif trace.get("hovertext") is not None:  # the markers themselves (not their outlines)
            points += [ok for ok in placed]
    assert len(points) == 13 and all(points), points
    # 8 of the 13 names find a free place (Benda, Neglasari, Periuk, Batuceper, Cipondoh,
    # Cibodas, Pinang, Larangan, as the screenshot shows); the 5 others sit in the crowd and
    # carry a number, 1 to 5 from west to east by their centroids' longitude in
    # data/raw/regions_kota_tangerang.csv (Jatiuwung 106,575, Karawaci 106,618, Tangerang
    # 106,641, Ciledug 106,706, Karang Tengah 106,710), which the key under the map names
    # (the places are worked out on the server, the same at any window width)
    assert (len(named), numbered) == (8, ["1", "2", "3", "4", "5"]), (named, numbered)
    key = "1 Jatiuwung · 2 Karawaci · 3 Tangerang · 4 Ciledug · 5 Karang Tengah"
    assert app.page.get_by_text(key, exact=False).count() == 1
    canvas = app.page.locator('[data-testid="stPlotlyChart"] canvas.maplibregl-canvas').first
    box = canvas.bounding_box()
    assert box and box["width"] > 200 and box["height"] > 200


# every word of the plain tables that is split over two lines: a Range around each word has one
# box a line it sits on
BROKEN_WORDS = """() => {
  const broken = [];
  for (const table of document.querySelectorAll('[data-testid="stTable"]')) {
    const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.textContent.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        if (lines.size > 1) broken.push(m[0]);
      }
    }
  }
  return broken;
}"""


def test_ringkasan_tables_break_no_word_at_desktop_width(open_app):
    """At 1366 px Kota Tangerang's two report tables sat side by side, half a page each, and the
    browser broke their words to fit ("pekerj a", "Angk a"). No word of those tables is split
    now; a source address longer than its cell still may be (none is, at this width)."""
    app = open_app("/", "desktop")
    app.page.locator('[data-testid="stTable"]').first.wait_for()
    assert app.page.evaluate(BROKEN_WORDS) == []
