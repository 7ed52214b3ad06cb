"""The charts as a reader sees them, and as they leave the page (the PNG button of Plotly's mode
bar): round ticks in Indonesian, paired panels on one scale, policy periods named legibly, the
title, source, as-of date and synthetic badge inside the figure, readable text, a colour-blind
safe palette, a table for every chart, nothing cut off on a phone.

The charts (st.plotly_chart keys): Ringkasan `overview_chart`; Dampak vs Adopsi `impact_chart`
(the scatter) and `paired_chart` (two areas side by side); Wilayah `areas_panels` (one small
chart per area) and `areas_chart` (all areas on one chart). The map belongs to another change.
"""

import itertools
import math
import re

import pytest

from tests.browser.plotly import values

VIEWPORTS = ("desktop", "phone")
KECAMATAN = "/wilayah?level=district"
# page, tab to open (None: no tabs), chart keys drawn there
CHARTS = [
    ("/", None, ("overview_chart",)),
    ("/dampak_adopsi", None, ("impact_chart", "paired_chart")),
    (KECAMATAN, "Per wilayah", ("areas_panels",)),
    (KECAMATAN, "Gabungan", ("areas_chart",)),
]
TIME_CHARTS = ("overview_chart", "paired_chart", "areas_panels", "areas_chart")
# Indonesian numbers as Babel writes them: "." groups thousands, "," is the decimal mark, no SI
# suffix ("5k"), a percent sign right after the figure ("25%")
INDONESIAN_NUMBER = re.compile(r"^[−-]?\d{1,3}(\.\d{3})*(,\d+)?%?$")
# Okabe & Ito (2008), "Color Universal Design": the eight colours, copied from the paper
OKABE_ITO = {
    "#000000",
    "#e69f00",
    "#56b4e9",
    "#009e73",
    "#f0e442",
    "#0072b2",
    "#d55e00",
    "#cc79a7",
}


def charts_on(app, tab: str | None, keys) -> list[tuple[str, dict]]:
    if tab:
        app.tab(tab)
    return [(key, app.figure(key)) for key in keys]


def labelled_axes(figure: dict) -> dict[str, dict]:
    """The numeric axes that draw their tick labels (a panel sharing its neighbour's scale draws
    none; a date axis is not a number)."""
    return {
        name: axis
        for name, axis in figure["axes"].items()
        if axis["type"] == "linear" and axis["showticklabels"] and axis["ticks"]
    }


def is_round_step(step: float) -> bool:
    """1, 2, 2,5 or 5 times a power of ten."""
    scale = 10 ** math.floor(math.log10(step))
    return any(math.isclose(step / scale, m, rel_tol=1e-9) for m in (1, 2, 2.5, 5, 10))


# --- 1. round ticks, written in Indonesian --------------------------------------------------


@pytest.mark.parametrize(("path", "tab", "keys"), CHARTS, ids=lambda v: str(v))
def test_every_axis_ticks_round_indonesian_numbers(open_app, path, tab, keys):
    app = open_app(path)
    for key, figure in charts_on(app, tab, keys):
        axes = labelled_axes(figure)
        assert axes, f"{key}: no numeric axis drawn"
        for name, axis in axes.items():
            ticks = [t["value"] for t in axis["ticks"]]
            texts = [t["text"] for t in axis["ticks"]]
            assert all(INDONESIAN_NUMBER.match(t) for t in texts), (key, name, texts)
            steps = {round(b - a, 9) for a, b in itertools.pairwise(ticks)}
            assert len(steps) == 1, (key, name, ticks)  # evenly spaced
            step = steps.pop()
            assert is_round_step(step), (key, name, ticks)
            assert all(math.isclose(v / step, round(v / step), abs_tol=1e-6) for v in ticks)


def test_the_overview_right_axis_ticks_in_thousands(open_app):
    """Kota Tangerang's UMKM onboarded (synthetic register) reach 4.808 in December 2022 (the
    card "Data contoh (sintetis) … 4.808 usaha, per Desember 2022"). About five steps over 4.808
    is 961,6, rounded up to a round step: 1.000; so the right axis reads 0 to 5.000 in steps of
    1.000 (on main it read 0, 608, 1.215, ...)."""
    figure = open_app("/").figure("overview_chart")
    right = next(a for a in figure["axes"].values() if a["side"] == "right")
    assert [t["text"] for t in right["ticks"]] == ["0", "1.000", "2.000", "3.000", "4.000", "5.000"]


# --- 2. panels compared side by side share one scale per measure --------------------------


def test_paired_panels_share_one_range_per_measure(open_app):
    """Kec. Batuceper's PHK reach about 830 and Kec. Pinang's about 360 (on main their panels
    read up to 800 and 300): one range for PHK in both panels, and one for the adoption rate."""
    figure = open_app("/dampak_adopsi").figure("paired_chart")
    axes = figure["axes"]
    left = [axes[n] for n in sorted(axes) if n.startswith("yaxis") and axes[n]["side"] == "left"]
    right = [axes[n] for n in sorted(axes) if n.startswith("yaxis") and axes[n]["side"] == "right"]
    assert len(left) == 2 and len(right) == 2
    for pair in (left, right):
        assert pair[0]["range"] == pair[1]["range"]
    # the larger area fits: Batuceper's PHK (over 800) lie inside the shared PHK range
    assert left[0]["range"][1] >= 800
    phk = [t for t in figure["data"] if t.get("yaxis") in ("y", "y3")]
    highest = max(v for t in phk for v in values(t["y"]) if v is not None and not math.isnan(v))
    assert highest <= left[0]["range"][1]


# --- 3. policy periods: readable, never on top of each other ------------------------------


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize(
    ("path", "key"), [("/", "overview_chart"), ("/dampak_adopsi", "paired_chart")]
)
def test_policy_period_labels_are_readable_and_apart(open_app, path, key, viewport):
    app = open_app(path, viewport)
    drawn = app.chart_texts(key)
    labels = [
        t for t in drawn["texts"] if t["shown"] and re.search(r"\bPSBB\b|\bPPKM\b", t["text"])
    ]
    named = " ".join(t["text"] for t in labels)
    assert "PSBB" in named and "PPKM" in named
    assert all(t["size"] >= 12 for t in labels), [(t["text"], t["size"]) for t in labels]
    for a, b in itertools.combinations(labels, 2):
        assert not overlap(a["box"], b["box"]), (a["text"], b["text"])


def overlap(a: dict, b: dict) -> bool:
    return (
        a["x"] < b["x"] + b["width"] - 0.5
        and b["x"] < a["x"] + a["width"] - 0.5
        and a["y"] < b["y"] + b["height"] - 0.5
        and b["y"] < a["y"] + a["height"] - 0.5
    )


# --- 4. a chart taken away keeps its context ----------------------------------------------


def annotation_texts(figure: dict) -> list[str]:
    """The figure's annotations as words (a line break Plotly draws is a space here)."""
    return [a.get("text", "").replace("<br>", " ") for a in figure["layout"].get("annotations", [])]


@pytest.mark.parametrize(("path", "tab", "keys"), CHARTS, ids=lambda v: str(v))
def test_every_chart_carries_title_source_date_and_badge(open_app, path, tab, keys):
    """Every chart here draws the synthetic kecamatan data or register (demo data is on by
    default), so every one carries the badge, with its title, sources and as-of dates."""
    app = open_app(path)
    for key, figure in charts_on(app, tab, keys):
        title = figure["layout"].get("title", {}).get("text", "")
        assert title.strip(), key
        notes = annotation_texts(figure)
        assert any("Sumber:" in n for n in notes), (key, notes)
        # the as-of dates: "Angka per … Desember 2022." or "Angka per April 2020."
        assert re.search(r"Angka per .*20\d\d", " ".join(notes)), (key, notes)
        assert sum("DATA CONTOH" in n for n in notes) == 1, (key, notes)
        # nothing the figure writes (title, legend, notes) is cut off by its edges
        drawn = app.chart_texts(key)
        for text in drawn["texts"]:
            if text["shown"] and text["kind"] in ("title", "legend", "annotation"):
                assert inside(text["box"], drawn["box"]), (key, text["text"])


def test_the_overview_names_its_source_and_month(open_app):
    """Kota Tangerang: PHK 6.023 (5 Mei 2020) and dirumahkan 1.174 come from Kompas.com; the
    synthetic series and register run to December 2022, the warehouse's horizon."""
    notes = annotation_texts(open_app("/").figure("overview_chart"))
    source = next(n for n in notes if n.startswith("Sumber:"))
    assert "Kompas.com" in source
    assert re.search(r"Angka per .*Desember 2022", source)


def test_no_badge_on_a_chart_of_real_figures_only(open_app):
    """With demo data switched off (contoh=0), Ringkasan draws Kota Tangerang's reported figures
    alone: no badge in the figure."""
    figure = open_app("/?contoh=0").figure("overview_chart")
    assert not any("DATA CONTOH" in n for n in annotation_texts(figure))
    assert any(n.startswith("Sumber:") for n in annotation_texts(figure))


def inside(box: dict, outer: dict) -> bool:
    return (
        box["x"] >= outer["x"] - 0.5
        and box["y"] >= outer["y"] - 0.5
        and box["x"] + box["width"] <= outer["x"] + outer["width"] + 0.5
        and box["y"] + box["height"] <= outer["y"] + outer["height"] + 0.5
    )


# --- 5. accessible charts ---------------------------------------------------------------


def luminance(rgb: tuple[int, int, int]) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def rgb_of(css: str) -> tuple[int, int, int]:
    if css.startswith("#"):
        return tuple(int(css[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]
    return tuple(int(float(v)) for v in re.findall(r"[\d.]+", css)[:3])  # type: ignore[return-value]


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(rgb_of(a)), luminance(rgb_of(b))), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_formula_by_hand():
    # WCAG 2: black on white is (1 + 0,05) / (0 + 0,05) = 21. Streamlit's grey #808495: its
    # channels 128, 132, 149 linearise to 0,216, 0,231, 0,301, so its luminance is
    # 0,2126 × 0,216 + 0,7152 × 0,231 + 0,0722 × 0,301 = 0,2325 and on white it is
    # 1,05 / (0,2325 + 0,05) = 3,72: the fault
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#808495", "#FFFFFF") == pytest.approx(3.72, abs=0.01)


@pytest.mark.parametrize(("path", "tab", "keys"), CHARTS, ids=lambda v: str(v))
def test_axis_text_contrast_at_least_4_5(open_app, path, tab, keys):
    app = open_app(path)
    for key, figure in charts_on(app, tab, keys):
        background = figure["paper_bgcolor"]
        drawn = app.chart_texts(key)
        axis_text = [
            t
            for t in drawn["texts"]
            if t["shown"] and t["kind"] in ("xtick", "ytick", "xtitle", "ytitle")
        ]
        assert axis_text, key
        for text in axis_text:
            assert contrast(text["fill"], background) >= 4.5, (key, text["text"], text["fill"])


def line_colours(figure: dict) -> dict[str, str]:
    return {
        t["name"]: (t.get("line", {}).get("color") or t.get("marker", {}).get("color")).lower()
        for t in figure["data"]
        if t.get("name") and isinstance(t.get("line", {}).get("color"), str)
    }


def test_one_colour_blind_safe_palette_across_charts(open_app):
    """Every series colour is one of Okabe and Ito's; PHK is drawn in the same colour on
    Ringkasan and on Dampak vs Adopsi, and PHK and the UMKM series differ by marker too, not by
    red against green alone."""
    app = open_app("/")
    overview = line_colours(app.figure("overview_chart"))
    app.go("Dampak vs Adopsi")
    paired_figure = app.figure("paired_chart")
    paired = line_colours(paired_figure)
    scatter = app.figure("impact_chart")
    for colour in list(overview.values()) + list(paired.values()):
        assert colour in OKABE_ITO, colour
    assert scatter["data"][0]["marker"]["color"].lower() in OKABE_ITO
    phk_overview = next(c for n, c in overview.items() if n.startswith("PHK"))
    phk_paired = next(c for n, c in paired.items() if n.startswith("PHK"))
    assert phk_overview == phk_paired
    symbols = {
        t["name"].split(" (")[0]: t["marker"].get("symbol", "circle").removesuffix("-open")
        for t in paired_figure["data"]
        if t.get("name") and t.get("mode", "").endswith("markers")
    }
    assert symbols["PHK"] != symbols["Tingkat adopsi digital"], symbols


def expanders(app) -> list:
    return [
        e
        for e in app.page.locator('[data-testid="stMain"] [data-testid="stExpander"]').all()
        if e.is_visible() and "Lihat sebagai tabel" in e.inner_text()
    ]


@pytest.mark.parametrize(
    ("path", "tab", "count"),
    [("/", None, 1), ("/dampak_adopsi", None, 1), (KECAMATAN, "Per wilayah", 1),
     (KECAMATAN, "Gabungan", 1)],
)  # fmt: skip
def test_every_time_chart_has_a_table(open_app, path, tab, count):
    """Each chart over time has "Lihat sebagai tabel" under it (the scatter's table is already
    right below it, tested in tests/pages/test_dampak_adopsi.py)."""
    app = open_app(path)
    if tab:
        app.tab(tab)
    assert len(expanders(app)) == count


def test_the_overview_table_holds_the_charts_figures(open_app):
    """Kota Tangerang, Mei 2020: PHK 6.023 and dirumahkan 1.174 workers (Kompas.com, 5 Mei
    2020), written as Indonesian numbers with their unit."""
    app = open_app("/")
    expander = expanders(app)[0]
    expander.locator("summary").first.click()
    grid = expander.locator('[data-testid="stDataFrame"]').first
    grid.locator("table tbody tr").first.wait_for(state="attached")
    headers = [h.strip() for h in grid.locator("table thead th").all_inner_texts()]
    rows = [
        [c.strip() for c in row.locator("td").all_inner_texts()]
        for row in grid.locator("table tbody tr").all()
    ]
    may = next(r for r in rows if r and "Mei 2020" in r[0])
    cells = dict(zip(headers[-len(may) :], may, strict=True))
    assert cells["PHK"] == "6.023 pekerja", cells
    assert cells["Dirumahkan"] == "1.174 pekerja", cells
    assert "Kompas.com" in app.text_of(expander)


# --- on a phone: nothing cut off --------------------------------------------------------


@pytest.mark.parametrize(("path", "tab", "keys"), CHARTS, ids=lambda v: str(v))
def test_on_a_phone_titles_and_point_labels_fit(open_app, path, tab, keys):
    app = open_app(path, "phone")
    if tab:
        app.tab(tab)
    for key in keys:
        drawn = app.chart_texts(key)
        for text in drawn["texts"]:
            if text["shown"] and text["kind"] in ("title", "point", "annotation", "legend"):
                assert inside(text["box"], drawn["box"]), (key, text["kind"], text["text"])
