"""What a screen reader reads besides the page's text: the names Streamlit, Plotly and maplibre
give their own buttons, regions and fields (aria-label, title, placeholder, Plotly's tooltip
data-title, alt), and the skip link's words. In Indonesian by default, in English with
`?lang=en`: none of the other language's words on any page, at either width."""

import re

import pytest

from tests.browser.dashboard import PAGES

# every attribute a screen reader (or a tooltip) reads out, and the skip link's own words
NAMES = """() => {
  const out = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of ['aria-label', 'title', 'placeholder', 'data-title', 'alt',
                     'aria-roledescription', 'aria-valuetext']) {
      const v = el.getAttribute(a);
      if (v && v.trim() && el.getAttribute('aria-hidden') !== 'true') out.push(v.trim());
    }
  }
  for (const el of document.querySelectorAll('a[href="#stMain"]')) out.push(el.textContent);
  return out;
}"""
# English words of Streamlit's, Plotly's and maplibre's own names, as they wrote them in English
# ("Help for …", "Collapse sidebar", "Remove Kota Tangerang", "science icon", "Download plot as a
# PNG", "Toggle attribution", ...): none is a place, an outlet nor a word of the app's catalogs
ENGLISH = (
    "Help", "Remove", "Collapse", "Expand", "sidebar", "Sidebar", "Skip", "Link to heading",
    "Open", "Close", "Clear", "Selected", "Select", "Search", "Show", "hide", "Download",
    "Fullscreen", "Choose", "Zoom", "Pan", "Autoscale", "Reset", "Map", "Toggle", "attribution",
    "icon", "pages", "values", "columns", "plot", "date", "month", "Press", "results", "option",
)  # fmt: skip
# the same names' Indonesian words (ui/locale/id: streamlit.*), which an English page must not
# read out
INDONESIAN = (
    "Bantuan", "Hapus", "Ciutkan", "Bentangkan", "bilah", "Lewati", "Tautan", "Buka", "Tutup",
    "Kosongkan", "terpilih", "Pilih", "Cari", "Tampilkan", "sembunyikan", "Unduh", "Layar penuh",
    "Perbesar", "Perkecil", "Geser", "Skala otomatis", "Kembalikan", "Peta", "atribusi", "ikon",
    "halaman", "nilai", "kolom", "tanggal", "bulan", "Tekan", "hasil",
)  # fmt: skip


def words_found(names: list[str], words) -> list[tuple[str, str]]:
    return [
        (w, n) for n in names for w in words if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", n)
    ]


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
@pytest.mark.parametrize("title", list(PAGES))
def test_an_indonesian_page_names_streamlits_own_parts_in_indonesian(shown, title, viewport):
    app = shown(PAGES[title], viewport)
    names = app.page.evaluate(NAMES)
    assert names  # the sidebar's own names at least
    assert words_found(names, ENGLISH) == []


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
@pytest.mark.parametrize("title", list(PAGES))
def test_an_english_page_names_them_in_english(shown, title, viewport):
    path = PAGES[title]
    app = shown(path + ("&" if "?" in path else "?") + "lang=en", viewport)
    names = app.page.evaluate(NAMES)
    assert words_found(names, INDONESIAN) == []
    # Streamlit's own English stays as Streamlit wrote it (what the catalogs' English says)
    assert "Skip to main content" in names


# the words of the menus a grid's column opens: its items (text beside icons), the statistics of
# the column and the chart's name; read once the statistics have been counted
MENU_WORDS = """() => {
  const out = [];
  for (const menu of document.querySelectorAll(
      '[data-testid="stDataFrameColumnMenu"], [data-testid="stDataFrameStatisticsMenu"]')) {
    const walker = document.createTreeWalker(menu, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      if (node.nodeValue.trim() && !node.parentElement.closest('[data-testid="stIconMaterial"]'))
        out.push(node.nodeValue.trim());
    }
    for (const el of menu.querySelectorAll('[aria-label], [title]'))
      out.push(el.getAttribute('aria-label') || el.getAttribute('title'));
  }
  return out;
}"""


# the menus' own words in each language (as Streamlit writes them; ui/locale/id: streamlit.*)
MENU_EN = (
    *ENGLISH, "Sort", "Statistics", "Autosize", "Pin", "Hide", "Copy", "column", "Empty",
    "Distinct", "length", "chart", "frequency", "text",
)  # fmt: skip
MENU_ID = (
    *INDONESIAN, "Urutkan", "Statistik", "Sematkan", "Sembunyikan", "Salin", "Kosong", "isian",
    "Grafik", "teks",
)  # fmt: skip


def open_column_menu(app) -> None:
    """Open the first column's menu as a person does: its ⋮ is drawn on the canvas at the right
    of the header cell the pointer is over, so the pointer moves along the header and clicks
    until the menu opens (a click beside the ⋮ sorts the column, which changes nothing here)."""
    grid = app.page.locator('[data-testid="stMain"] [data-testid="stDataFrame"]').first
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    menu = app.page.locator('[data-testid="stDataFrameColumnMenu"]')
    for x in range(40, 400, 6):
        app.page.mouse.move(box["x"] + x, box["y"] + 17)
        app.page.mouse.click(box["x"] + x, box["y"] + 17)
        if menu.count() and menu.first.is_visible():
            return
    raise AssertionError("no column menu opened along the header")


@pytest.mark.parametrize(
    ("path", "wanted", "unwanted"),
    [
        # ui/locale/id: streamlit.sort_ascending, streamlit.statistics, streamlit.stat_values,
        # streamlit.hide_column, streamlit.chart_top_values
        ("/data", ["Urutkan naik", "Statistik", "Jumlah isian", "Sembunyikan kolom"], MENU_EN),
        ("/data?lang=en", ["Sort ascending", "Statistics", "Values", "Hide column"], MENU_ID),
    ],
)
def test_a_grids_column_menu_speaks_the_pages_language(open_app, path, wanted, unwanted):
    """The menu a column's ⋮ opens (sort, statistics, pin, hide) and its statistics were written
    in English on an Indonesian page: they appear only on a click, so no scan of the page saw
    them."""
    app = open_app(path)
    open_column_menu(app)
    app.page.locator('[data-testid="stDataFrameColumnMenu"] [aria-haspopup="true"]').hover()
    app.page.locator('[data-testid="stDataFrameStatisticsMenu"]').wait_for()
    app.page.wait_for_function(
        """() => document.querySelector('[data-testid="stDataFrameStatisticsMetrics"]')""",
        timeout=10_000,
    )
    app.screenshot("column-menu" + ("-en" if "lang=en" in path else ""))
    words = app.page.evaluate(MENU_WORDS)
    assert not [w for w in wanted if w not in words], words
    # an English word on an Indonesian page (or the other way round), whatever menu it is in;
    # "Wilayah", the column's own name, is not a word of either list
    assert words_found(words, unwanted) == []
