"""Wilayah as a planner first sees it, in a real browser: the default map shows Banten's
kabupaten/kota, every area shown has a position, the colour bar speaks Indonesian, light markers
are outlined and named; the index at kecamatan level says why it cannot be drawn and shows what
can; PHK + dirumahkan is derived per kecamatan; areas without population get no rank; and on a
phone the tabs, the chart titles and the map fit the screen.

Expected values are worked out by hand from data/raw (say where in each test)."""

import math

import pytest

from tests.browser.plotly import values
from tests.browser.test_phone_words import SIDEWAYS, SPLIT_WORDS

LEVEL = "Tingkat wilayah"


def _map_traces(app) -> list[dict]:
    return app.figure("areas_map")["data"]


def _coloured(traces: list[dict]) -> dict:
    """The trace of the areas with a figure: the one whose markers carry the colour scale."""
    (trace,) = [t for t in traces if (t.get("marker") or {}).get("showscale")]
    return trace


def _placed(traces: list[dict]) -> dict[str, tuple[float, float]]:
    """Area name -> (lat, lon) of every labelled marker."""
    out = {}
    for trace in traces:
        text = trace.get("text")
        if not text or isinstance(text, str):
            continue
        for name, lat, lon in zip(
            values(text), values(trace.get("lat")), values(trace.get("lon")), strict=True
        ):
            out[name] = (lat, lon)
    return out


def test_default_view_shows_banten_kabkota_each_placed_and_named(open_app):
    """With nothing in the URL the page opens on Banten's kabupaten/kota (level regency), and the
    map has a marker with a position and its name for each default area: Kota Tangerang
    (-6.18437, 106.65199), Kabupaten Tangerang, Kabupaten Serang and Kota Tangerang Selatan, the
    centroids in data/raw/regions_banten.csv."""
    app = open_app("/wilayah")
    app.screenshot("after_wilayah")
    assert app.radio_value(LEVEL) == "Kabupaten/Kota"
    placed = _placed(_map_traces(app))
    assert set(placed) == {
        "Kota Tangerang",
        "Kabupaten Tangerang",
        "Kabupaten Serang",
        "Kota Tangerang Selatan",
    }
    assert all(not math.isnan(lat) and not math.isnan(lon) for lat, lon in placed.values())
    assert placed["Kota Tangerang"] == pytest.approx((-6.18437, 106.65199))


def test_province_has_a_centroid(open_app):
    """Provinsi Banten has a position: the area-weighted mean of its 8 kabupaten/kota centroids
    (weights area_km2 in regions_banten.csv, which add up to the province's 9.355,763 km²):
    lat = Σ area·lat / 9355.763 = -6.45594, lon = 106.10904."""
    app = open_app("/wilayah?level=province")
    placed = _placed(_map_traces(app))
    assert placed["Provinsi Banten"] == pytest.approx((-6.45594, 106.10904), abs=1e-4)


@pytest.mark.parametrize(
    ("path", "ticks"),
    [
        # Banten's latest PHK in the period is ± 19.000 (26 Jul 2021): a scale from 0 in steps
        # of 5.000 (19.000 / 5 = 3.800, the next round step up is 5.000)
        ("/wilayah?level=province", ["0", "5.000", "10.000", "15.000"]),
        # the four default kab/kota: 15.985 (Kab. Serang) at most: 15.985 / 5 = 3.197 -> 5.000
        ("/wilayah", ["0", "5.000", "10.000", "15.000"]),
        # kecamatan per 1.000 residents: 11,06 at most (Jatiuwung: 1.129 / 102.053 × 1.000):
        # 11,06 / 5 = 2,2 -> 2,5, written with a decimal comma
        ("/wilayah?level=district&mode=per_1000", ["0", "2,5", "5", "7,5", "10"]),
    ],
)
def test_colour_bar_reads_in_indonesian(open_app, path, ticks):
    app = open_app(path)
    assert app.figure("areas_map")["colorbars"] == ticks


def test_light_markers_are_outlined(open_app):
    """Scattermap markers have no marker.line: each coloured marker sits on a slightly larger dark
    one (same position, 3 px wider), so the palest colour of the scale still shows on white."""
    app = open_app("/wilayah")
    traces = _map_traces(app)
    coloured = _coloured(traces)
    sizes = values(coloured["marker"]["size"])
    below = traces[: traces.index(coloured)]
    rings = [
        t
        for t in below
        if values(t.get("lat")) == values(coloured["lat"])
        and values(t.get("lon")) == values(coloured["lon"])
    ]
    assert rings, "no outline under the coloured markers"
    ring = rings[0]["marker"]
    assert values(ring["size"]) == pytest.approx([s + 3 for s in sizes])
    assert ring["color"] == "#424242"


def test_index_at_kecamatan_level_says_why_and_shows_the_figures(open_app):
    """The kecamatan series are cumulative from 0 in Jan–Feb 2020 (data/raw/demo: Jatiuwung 0 and
    0), so no kecamatan has a baseline for the index: the page says so and shows the absolute
    figures instead, Jatiuwung 1.129 PHK in Dec 2022 (demo file, phk row of 2022-12-31)."""
    app = open_app("/wilayah?level=district&mode=index")
    app.screenshot("after_wilayah_district_index")
    assert any("Jan–Feb 2020" in a and "angka absolut" in a for a in app.alerts()), app.alerts()
    coloured = _coloured(_map_traces(app))
    figures = dict(
        zip(values(coloured["customdata"]), values(coloured["marker"]["color"]), strict=True)
    )
    assert len(figures) == 13
    assert figures["36.71.02"] == 1129  # Kec. Jatiuwung


def test_phk_plus_dirumahkan_is_derived_per_kecamatan(open_app):
    """PHK + dirumahkan per kecamatan is the sum of both parts of the same month: Jatiuwung in
    Dec 2022 1.129 + 456 = 1.585 (demo file, phk and dirumahkan rows of 2022-12-31)."""
    app = open_app("/wilayah?level=district&ukuran=phk_plus_dirumahkan")
    assert not any("Tidak ada angka" in a for a in app.alerts())
    coloured = _coloured(_map_traces(app))
    figures = dict(
        zip(values(coloured["customdata"]), values(coloured["marker"]["color"]), strict=True)
    )
    assert len(figures) == 13
    assert figures["36.71.02"] == 1585  # Kec. Jatiuwung


def test_areas_without_population_get_no_rank(open_app):
    """Per 1.000 residents at kecamatan level: 7 kecamatan have a population (5 SP2020, Karawaci
    and Pinang 2023 projections), 6 have none (regions_kota_tangerang.csv). Ranks 1–7, then the
    six without a rank, after the ranked ones, saying they have no population figure."""
    app = open_app("/wilayah?level=district&mode=per_1000")
    app.tab("Peringkat")
    rows = app.table_cells()
    assert [r[0] for r in rows] == ["1", "2", "3", "4", "5", "6", "7"] + ["—"] * 6
    assert {r[1] for r in rows[7:]} == {
        "Kec. Tangerang",
        "Kec. Periuk",
        "Kec. Cibodas",
        "Kec. Neglasari",
        "Kec. Karang Tengah",
        "Kec. Larangan",
    }
    assert all(r[2] == "tidak ada angka penduduk" for r in rows[7:])


PARTS_OUTSIDE = """() => [
  ...document.querySelectorAll('[data-testid="stMain"] [data-testid="stButtonGroup"] button')]
  .map(b => b.getBoundingClientRect())
  .filter(r => r.left < 0 || r.right > window.innerWidth).length"""

TITLE_BOXES = """() => [
  ...document.querySelectorAll('[data-testid="stPlotlyChart"] .js-plotly-plot')]
  .filter(gd => gd.checkVisibility())
  .map(gd => {
    const plot = gd.getBoundingClientRect();
    const title = gd.querySelector('.gtitle');
    const box = title ? title.getBoundingClientRect() : plot;
    return {left: box.left - plot.left, right: plot.right - box.right};
  })"""


@pytest.mark.parametrize(
    "path",
    [
        "/wilayah",
        # the longest title a measure and mode give: "UMKM masuk digital — Per 100 UMKM terdaftar"
        "/wilayah?level=district&ukuran=umkm_onboarded&mode=per_100_umkm",
    ],
)
def test_phone_shows_parts_titles_and_map_whole(open_app, path):
    """At 390×844 every part's button (map, ranking, ...) lies within the screen, each chart's
    title lies inside its chart, and the map keeps at least 300 px of width for the areas (the
    colour bar lies under it, not beside it)."""
    app = open_app(path, "phone")
    app.screenshot("after" + path)
    assert app.page.evaluate(PARTS_OUTSIDE) == 0
    for tab in ("Peta", "Per wilayah", "Gabungan"):
        app.tab(tab)
        for box in app.page.evaluate(TITLE_BOXES):
            assert box["left"] >= 0 and box["right"] >= 0, (tab, box)
    app.tab("Peta")
    inner = app.page.locator('[data-testid="stPlotlyChart"] canvas.maplibregl-canvas').first
    assert inner.bounding_box()["width"] >= 300


def test_a_ranking_of_figures_on_different_bases_says_so(open_app):
    """Banten's kabupaten/kota ranking puts Kota Tangerang Selatan's 1.582 (kabkota_labour.csv:
    basis reported_by_workers, workers who reported themselves) beside figures reported by
    workplaces; the note was only in the Catatan column, off the right edge at 1366 px. Under
    the ranking, a caption now says the bases differ."""
    app = open_app("/wilayah?tab=ranking", "desktop")
    text = app.text()
    assert "Kota Tangerang Selatan" in text
    assert "tidak semuanya dihitung dengan basis yang sama" in text


def test_the_comparison_of_reports_fits_the_desktop_width(open_app):
    """Beda laporan at 1366 px: the second report ("Laporan B", Apindo's ± 8.000 beside
    Disnaker's 6.023 for Kota Tangerang on 5 May 2020, kabkota_labour.csv) ran off the grid's
    right edge. It is a plain table at the page's width now, every cell in view."""
    app = open_app("/wilayah?areas_regency=36.71&tab=conflicts", "desktop")
    table = app.page.locator('[data-testid="stMain"] [data-testid="stTable"]').first
    table.wait_for()
    header = table.locator("th", has_text="Laporan B").first
    box = header.bounding_box()
    assert box is not None and box["x"] + box["width"] <= 1366
    assert "8.000" in app.text_of(table)


def test_the_ranking_shows_sources_before_the_denominator(open_app):
    """The ranking's Sumber column was past the right edge at 1366 px, after Penduduk; it comes
    before it now, with the note (a planner reads where a figure is from first)."""
    app = open_app("/wilayah?tab=ranking", "desktop")
    assert app.table_cells(0)  # the grid has drawn its rows (and its headers in view)
    headers = app.table_headers(0)  # the columns in view only: the grid draws no other
    assert {"Sumber", "Catatan"} <= set(headers), headers


def test_the_rankings_note_is_in_view_on_a_desktop(open_app):
    """At 1366 px with the sidebar open, the ranking's note (Catatan: "laporan berbeda") began at
    the grid's edge, cut ("laporan berbec"), read only by scrolling the grid sideways. The grid
    lists the columns it draws: the note comes before the source, and the source has begun after
    it, so the note is whole (the sources are also named under the table). In absolute figures
    the compared figure is the reported figure and is written once (no "Angka" beside it)."""
    app = open_app("/wilayah?tab=ranking")
    headers = app.table_headers()
    app.screenshot("ranking-in-view")
    assert headers[:6] == [
        "Peringkat", "Wilayah", "Angka yang dibandingkan", "Per tanggal", "Catatan", "Sumber",
    ]  # fmt: skip


def test_the_comparison_of_reports_splits_no_word_on_a_phone(open_app):
    """Beda laporan at 390 px: five columns of a plain table in 356 px broke the words of every
    cell ("Kabupate n Serang", "dirumahk an", "Kompas.c om"). On a phone each disagreement is a
    block of its own, each report on its lines, every word whole; the same reports are there
    (Kota Tangerang's 6.023 and Apindo's ± 8.000 of 5 May 2020, kabkota_labour.csv)."""
    app = open_app("/wilayah?tab=conflicts", "phone")
    main = app.page.locator('[data-testid="stMain"]').first
    shown = app.text()
    app.screenshot("wilayah-conflicts")
    assert "6.023" in shown and "8.000" in shown, shown
    assert main.evaluate(SPLIT_WORDS) == []


def test_the_ranking_on_a_phone_is_read_without_scrolling_sideways(open_app):
    """At 390 px the ranking's grid of six columns showed rank, area and half of the figure; its
    date, note and source were a sideways scroll away. On a phone each area is a block now, every
    part of it in view and every word whole; the buttons under it open the level below."""
    app = open_app("/wilayah?tab=ranking", "phone")
    main = app.page.locator('[data-testid="stMain"]').first
    app.screenshot("wilayah-ranking")
    assert main.evaluate(SIDEWAYS) == []
    blocks = app.text(".st-key-ranking_grid_narrow").split("Peringkat")[1:]
    assert len(blocks) == 4, blocks  # Banten's four kab/kota with a PHK report
    # Kabupaten Serang's latest PHK report: 15985 workers on 2020-06-25, Okezone
    # (data/raw/kabkota_labour.csv, line 28), written as the page writes figures and dates
    block = next(b for b in blocks if "Kabupaten Serang" in b)
    assert "15.985 pekerja" in block and "25 Juni 2020" in block and "Okezone" in block, block
    assert "tidak" in block.split("Sintetis")[1], block  # a reported figure, not demo data
    assert main.evaluate(SPLIT_WORDS) == []
    assert app.page.get_by_role("button", name="Buka kecamatan Kota Tangerang").is_visible()
