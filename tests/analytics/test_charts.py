"""Chart builders, tested on the figure they return."""

from dataclasses import replace

import pandas as pd
import pytest

from analytics import area_map, charts, panels, scatter
from analytics.chart_text import (
    ChartContext,
    LinesText,
    MapText,
    PairedText,
    PanelsText,
    ScatterText,
    TrendText,
)

TEXT = TrendText(
    title="T", y_workers="W", y_umkm="U", umkm_label="UMKM", synthetic_suffix="{label} (sintetis)"
)
LINES = LinesText(title="T", y="Y", synthetic_suffix="{label} (sintetis)")
MONTHS = pd.to_datetime(["2020-03-01", "2020-04-01", "2020-05-01"])


def labour():
    return pd.DataFrame(
        {
            "month": list(MONTHS) * 2,
            "metric": ["phk"] * 3 + ["dirumahkan"] * 3,
            "metric_label": ["PHK"] * 3 + ["Dirumahkan"] * 3,
            "value": [1750, 3888, 6023, 300, 757, 1174],
            "synthetic": [True, False, False, True, False, False],
            "hover": ["h"] * 6,
        }
    )


def events():
    return pd.DataFrame(
        {
            "start_date": pd.to_datetime(["2020-04-18", "2022-12-30"]),
            "end_date": pd.to_datetime(["2020-05-03", "2022-12-30"]),
            "kind": ["PSBB", "PPKM"],
            "name": ["PSBB tahap 1", "PPKM revoked"],
        }
    )


def test_impact_over_time_splits_real_and_synthetic_and_shades_events():
    umkm = pd.DataFrame(
        {"month": MONTHS, "onboarded": [10, 20, 30], "synthetic": [True] * 3, "hover": ["h"] * 3}
    )
    fig = charts.impact_over_time(labour(), umkm, events(), TEXT)
    names = [t.name for t in drawn(fig)]
    assert names == [
        "Dirumahkan",
        "Dirumahkan (sintetis)",
        "PHK",
        "PHK (sintetis)",
        "UMKM (sintetis)",
    ]
    phk, phk_synthetic = fig.data[2], fig.data[3]
    assert list(pd.Series(phk.y).fillna(-1)) == [-1, 3888, 6023]
    assert list(pd.Series(phk_synthetic.y).fillna(-1)) == [1750, -1, -1]
    assert phk.line.dash == "solid" and phk_synthetic.line.dash == "dot"
    assert fig.data[4].yaxis == "y2"
    # the axis spans the months plotted, mid-February to the end of May 2020: one shaded period;
    # the one-day event of 30 December 2022 lies beyond it and is neither drawn nor named
    assert list(fig.layout.xaxis.range) == ["2020-02-15T00:00:00", "2020-06-01T00:00:00"]
    rects = [s for s in fig.layout.shapes if s.type == "rect"]
    lines = [s for s in fig.layout.shapes if s.type == "line"]
    assert len(rects) == 1 and len(lines) == 0
    assert pd.Timestamp(rects[0].x0) == pd.Timestamp("2020-04-18")
    assert pd.Timestamp(rects[0].x1) == pd.Timestamp("2020-05-04")
    # the kinds are named in the legend; the figure's own notes are the only annotations
    assert [t.name for t in fig.data if t.legendgroup == "policy"] == ["PSBB"]
    assert fig.layout.title.text == "T"
    # the right axis: UMKM onboarded 10 to 30, in round steps of 10 (30 / 5 = 6, rounded up)
    assert list(fig.layout.yaxis2.tickvals) == [0, 10, 20, 30]
    # the left: 6.023 at most; 6.023 / 5 = 1.204,6, rounded up to 2.000
    assert list(fig.layout.yaxis.ticktext) == ["0", "2.000", "4.000", "6.000", "8.000"]


def drawn(fig):
    """The traces that draw data (not the legend's entries for the policy periods)."""
    return [t for t in fig.data if t.legendgroup != "policy"]


def test_impact_over_time_without_register_has_no_umkm_trace():
    fig = charts.impact_over_time(labour(), pd.DataFrame(), events().head(0), TEXT)
    assert [t.name for t in fig.data if "UMKM" in t.name] == []
    assert fig.layout.shapes == ()
    # events switched off: the page passes None
    assert charts.impact_over_time(labour(), pd.DataFrame(), None, TEXT).layout.shapes == ()


def test_areas_over_time_draws_one_line_per_area():
    frame = pd.DataFrame(
        {
            "region_code": ["36.71.01"] * 2 + ["36.71.02"] * 2,
            "region_name": ["Kec. Tangerang"] * 2 + ["Kec. Jatiuwung"] * 2,
            "month": list(MONTHS[:2]) * 2,
            "per_1000": [None, None, 1.5, 2.5],
            "synthetic": [True] * 4,
            "hover": ["h"] * 4,
        }
    )
    fig = charts.areas_over_time(frame, "per_1000", events().head(0), LINES)
    assert [t.name for t in fig.data] == ["Kec. Tangerang (sintetis)", "Kec. Jatiuwung (sintetis)"]
    assert list(fig.data[1].y) == [1.5, 2.5]
    assert fig.layout.yaxis.title.text == "Y"


def located():
    return pd.DataFrame(
        {
            "region_code": ["36.71.01", "36.71.02", "36.71.03"],
            "region_name": ["Kec. Tangerang", "Kec. Jatiuwung", "Kec. Batuceper"],
            "lat": [-6.19, -6.20, -6.16],
            "lon": [106.64, 106.58, 106.67],
            "shown": [None, 11.06, 8.83],
            "hover": ["h0", "h1", "h2"],
        }
    )


MAP_TEXT = MapText(title="T", colorbar="per 1.000", no_figure="tanpa angka")


def test_area_map_markers_sized_and_coloured_by_value_and_grey_without_a_figure():
    fig = area_map.area_map(located(), MAP_TEXT)
    ring, figures, grey_ring, grey, *labels = fig.data  # each marker trace on its dark outline
    # one name per area, the biggest marker first (Jatiuwung 11,06 -> 40 px, Batuceper 8,83 ->
    # 36,8 px, the grey one 9 px). At the map's zoom (spread 0,09° -> 10,77: 2.491 px a degree)
    # Batuceper is 224 px east and 100 px north of Jatiuwung, Tangerang 150 px east and 25 px
    # north: each name, "Kec." left out (9 letters, 59 px at most), fits above its marker
    names = [(label.text[0], label.textposition) for label in labels]
    assert names == [
        ("Jatiuwung", "top center"),
        ("Batuceper", "top center"),
        ("Tangerang", "top center"),
    ]
    assert (figures.type, grey.type) == ("scattermap", "scattermap")
    assert list(ring.marker.size) == [s + 3 for s in figures.marker.size]
    assert list(grey_ring.lat) == list(grey.lat) and grey_ring.showlegend is False
    assert list(figures.marker.color) == [11.06, 8.83]
    assert figures.marker.size[0] > figures.marker.size[1]  # bigger figure, bigger marker
    assert list(grey.customdata) == ["36.71.01"] and grey.name == "tanpa angka"
    assert list(figures.customdata) == ["36.71.02", "36.71.03"]  # a click drills into this code
    assert area_map.numbered(fig) == []  # every area named: no key under the map
    # a grey marker is there, so the coloured ones have their legend entry beside it
    assert figures.showlegend is True


def test_map_names_on_one_spot_take_turns_around_it_and_never_overlap():
    # five areas on one spot (equal figures: 40 px markers, ring 43 px) and one far away. Each
    # name is 8 letters ("Kec." left out), 52,8 px, 24,5 px off the point: the first goes above,
    # the second below, the third right. The spot is 0,05° (112 px at zoom 10,62) west of the
    # map's middle, so a name on its left would end 189 px west of the middle, off a phone's
    # 358 px wide map: the fourth and
    # fifth are left unnamed (their names are in their hover and the ranking); the far one goes
    # above its own marker
    names = [f"Kec. Tempat {i}" for i in range(5)] + ["Kec. Jauh Sekal"]
    frame = pd.DataFrame(
        {
            "region_code": [f"36.71.0{i}" for i in range(6)],
            "region_name": names,
            "lat": [-6.20] * 5 + [-6.10],
            "lon": [106.60] * 5 + [106.70],
            "shown": [10.0] * 6,
            "hover": ["h"] * 6,
        }
    )
    fig = area_map.area_map(frame, MAP_TEXT)
    labels = [t for t in fig.data if t.mode == "markers+text"]
    assert [(t.text[0], t.textposition) for t in labels] == [
        ("Tempat 0", "top center"),
        ("Tempat 1", "bottom center"),
        ("Tempat 2", "middle right"),
        ("Jauh Sekal", "top center"),
    ]
    # the two left unnamed carry a number in their marker, in the key under the map: both on the
    # one spot, so in the order they were tried; every figure is the highest (10 of 10, over
    # 70 % of the scale), so the numbers are white
    assert area_map.numbered(fig) == [(1, "Tempat 3"), (2, "Tempat 4")]
    # every area has a figure: the colour bar names the markers, and no legend repeats it
    assert fig.data[1].showlegend is False
    numbers = [t for t in fig.data if t.meta == area_map.NUMBERED]
    assert [(t.text[0], t.textposition, t.textfont.color) for t in numbers] == [
        ("1", "middle center", "#ffffff"),
        ("2", "middle center", "#ffffff"),
    ]


def test_colour_bar_ticks_are_round_steps_from_zero():
    # 19.000 / 5 = 3.800 -> the next step of 1, 2, 2,5 or 5 × 10^k is 5.000
    assert area_map.round_ticks(0, 19000) == [0, 5000, 10000, 15000]
    # 11,06 / 5 = 2,21 -> 2,5
    assert area_map.round_ticks(0, 11.06) == [0, 2.5, 5, 7.5, 10]
    # an index from 0 to 180: 36 -> 50
    assert area_map.round_ticks(0, 180) == [0, 50, 100, 150]


def test_area_map_shades_areas_when_boundaries_are_given():
    shapes = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {"kode_kemendagri": c}, "geometry": None}
            for c in ("36.71.01", "36.71.02", "36.71.03")
        ],
    }
    fig = area_map.area_map(located(), MAP_TEXT, shapes)
    assert fig.data[0].type == "choroplethmap"
    assert list(fig.data[0].locations) == ["36.71.02", "36.71.03"]
    assert fig.data[0].featureidkey == "properties.kode_kemendagri"


def test_a_disputed_figure_carried_on_gets_one_ring_where_it_was_reported():
    # Kab. Serang's PHK of 25 June 2020 (disputed by a total of July) carried to July and August:
    # Wilayah's lines drew a ring on every carried month, a black bar along the line; one ring
    # now, in June, the month of its as-of date (Wilayah's frames have no age column)
    frame = pd.DataFrame(
        {
            "region_code": ["36.04"] * 3,
            "region_name": ["Kabupaten Serang"] * 3,
            "month": pd.to_datetime(["2020-06-01", "2020-07-01", "2020-08-01"]),
            "value": [15985.0] * 3,
            "as_of_date": pd.to_datetime(["2020-06-25"] * 3),
            "conflict": [True] * 3,
            "synthetic": [False] * 3,
            "hover": ["h"] * 3,
        }
    )
    text = replace(LINES, conflict="laporan berbeda")
    fig = charts.areas_over_time(frame, "value", events().head(0), text)
    (ring,) = [t for t in fig.data if t.name == "laporan berbeda"]
    assert list(ring.x) == [pd.Timestamp("2020-06-01")]


def test_small_multiples_ring_every_panels_dispute_and_name_each_line_once():
    # Kab. Serang (first panel) all reported, its June figure disputed; Kota Tangerang (second)
    # reported in May, disputed, then synthetic: the legend read only "dilaporkan" (the first
    # panel's lines) and the second panel had no ring
    frame = pd.DataFrame(
        {
            "region_code": ["36.04"] * 2 + ["36.71"] * 2,
            "region_name": ["Kabupaten Serang"] * 2 + ["Kota Tangerang"] * 2,
            "month": pd.to_datetime(["2020-05-01", "2020-06-01"] * 2),
            "shown": [100.0, 200.0, 300.0, 400.0],
            "as_of_date": pd.to_datetime(["2020-05-20", "2020-06-25", "2020-05-05", "2020-06-30"]),
            "conflict": [False, True, True, False],
            "synthetic": [False, False, False, True],
            "hover": ["h"] * 4,
        }
    )
    text = PanelsText(title="T", real="dilaporkan", synthetic="sintetis", conflict="berbeda")
    fig = panels.small_multiples(frame, "shown", events().head(0), text, columns=2)
    rings = [t for t in fig.data if t.name == "berbeda"]
    assert [(t.xaxis, list(t.x)) for t in rings] == [
        ("x", [pd.Timestamp("2020-06-01")]),
        ("x2", [pd.Timestamp("2020-05-01")]),
    ]
    shown = [t.name for t in fig.data if t.showlegend]
    assert shown == ["dilaporkan", "berbeda", "sintetis"]


def test_small_multiples_one_panel_per_area_shared_axes_events_in_every_panel():
    frame = pd.DataFrame(
        {
            "region_code": ["a"] * 3 + ["b"] * 3,
            "region_name": ["Kec. A"] * 3 + ["Kec. B"] * 3,
            "month": list(MONTHS) * 2,
            "shown": [1, 2, 3, 4, 5, 6],
            "synthetic": [True] * 6,
            "hover": ["h"] * 6,
        }
    )
    fig = panels.small_multiples(
        frame, "shown", events().head(1), PanelsText(title="T", real="r", synthetic="s"), columns=2
    )
    assert [t.xaxis for t in drawn(fig)] == ["x", "x2"]
    assert [a.text for a in fig.layout.annotations][:2] == ["Kec. A", "Kec. B"]
    assert fig.layout.yaxis2.matches == "y"
    assert (
        len([s for s in fig.layout.shapes if s.type == "rect"]) == 2
    )  # the PSBB period in each panel
    assert sum(1 for t in drawn(fig) if t.showlegend) == 1


def test_impact_vs_adoption_points_line_and_stats():
    frame = pd.DataFrame(
        {
            "region_name": ["A", "B", "C", "D"],
            "x": [1.0, 2.0, 3.0, 4.0],
            "y": [0.1, 0.2, 0.2, 0.4],
            "hover": ["h"] * 4,
            "excluded": [None, None, None, "no_population"],
        }
    )
    line = {"n": 3, "r": 0.87, "slope": 0.05, "intercept": 0.05}
    text = ScatterText(
        title="T", x="X", y="Y", areas="kecamatan", fitted="garis", stats="r = 0,87 · n = 3"
    )
    fig = scatter.impact_vs_adoption(frame, line, text)
    assert [t.name for t in fig.data] == ["kecamatan", "garis"]
    assert list(fig.data[0].text) == ["A", "B", "C"]  # D has no population: not drawn
    assert fig.data[1].y[0] == pytest.approx(0.05 * 1.0 + 0.05)
    assert fig.layout.annotations[0].text == "r = 0,87 · n = 3"
    no_line = scatter.impact_vs_adoption(
        frame, {"n": 2, "r": None, "slope": None, "intercept": None}, text
    )
    assert len(no_line.data) == 1


def test_paired_over_time_two_panels_with_phk_and_adoption():
    labour = pd.DataFrame(
        {
            "region_code": ["a"] * 3 + ["b"] * 3,
            "region_name": ["Kec. A"] * 3 + ["Kec. B"] * 3,
            "month": list(MONTHS) * 2,
            "value": [1, 2, 3, 4, 5, 6],
            "synthetic": [True] * 6,
            "hover": ["h"] * 6,
        }
    )
    umkm = labour.rename(columns={"value": "adoption_rate"}).assign(adoption_rate=0.1)
    text = PairedText(
        title="T",
        phk="PHK",
        phk_synthetic="PHK (s)",
        adoption="Adopsi",
        adoption_synthetic="Adopsi (s)",
        y_phk="Pekerja",
    )
    fig = panels.paired_over_time(labour, umkm, events(), text)
    assert [t.name for t in drawn(fig)] == ["PHK (s)", "Adopsi (s)", "PHK (s)", "Adopsi (s)"]
    assert [a.text for a in fig.layout.annotations][:2] == ["Kec. A", "Kec. B"]
    assert len([s for s in fig.layout.shapes if s.type == "rect"]) >= 2


def test_paired_panels_share_one_range_per_measure():
    """Area a reaches 3 workers, area b 6: both PHK axes read 0 to 6 (6 / 5 = 1,2, rounded up
    to a step of 2); the adoption rates 0,1 and 0,3 share 0% to 30% (0,3 / 5 = 0,06 -> 0,1)."""
    labour = pd.DataFrame(
        {
            "region_code": ["a"] * 3 + ["b"] * 3,
            "region_name": ["Kec. A"] * 3 + ["Kec. B"] * 3,
            "month": list(MONTHS) * 2,
            "value": [1, 2, 3, 4, 5, 6],
            "synthetic": [False] * 6,
            "hover": ["h"] * 6,
        }
    )
    umkm = labour.rename(columns={"value": "adoption_rate"}).assign(
        adoption_rate=[0.1] * 3 + [0.3] * 3
    )
    text = PairedText(
        title="T", phk="PHK", phk_synthetic="s", adoption="A", adoption_synthetic="s", y_phk="P"
    )
    fig = panels.paired_over_time(labour, umkm, None, text)
    layout = fig.layout
    assert list(layout.yaxis.ticktext) == list(layout.yaxis3.ticktext) == ["0", "2", "4", "6"]
    assert layout.yaxis.range == layout.yaxis3.range
    assert list(layout.yaxis2.ticktext) == ["0%", "10%", "20%", "30%"]
    assert layout.yaxis2.range == layout.yaxis4.range
    # no synthetic figure drawn: no badge in the figure
    assert not any("SINTETIS" in (a.text or "") for a in layout.annotations)


def test_a_chart_carries_its_title_sources_date_and_badge():
    context = ChartContext(source="Sumber: Kompas.com", as_of="Angka per 5 Mei 2020.")
    fig = charts.impact_over_time(labour(), pd.DataFrame(), None, replace(TEXT, context=context))
    notes = [a.text for a in fig.layout.annotations]
    # labour() has synthetic rows: the badge first, then the sources and the date
    assert notes == ["<b>DATA CONTOH — SINTETIS</b>", "Sumber: Kompas.com<br>Angka per 5 Mei 2020."]
    assert fig.layout.title.text == "T"
    # the margin under the plot holds the x ticks (26 px), the badge (16 + 8) and 2 lines of 16
    assert fig.layout.margin.b == 26 + 24 + 2 * 16 + 12
    real = labour().assign(synthetic=False)
    notes = [
        a.text for a in charts.impact_over_time(real, pd.DataFrame(), None, TEXT).layout.annotations
    ]
    assert not any("SINTETIS" in n for n in notes)


def test_scatter_names_close_points_apart_at_phone_size():
    # Ciledug (0,6; 4,7 %) and Cipondoh (0,8; 4,8 %) sit close, Jatiuwung far right. Worked by
    # hand at the phone plot of 280 × 300 px, ranges padded 6 %: x 0,312..5,688 -> Ciledug at
    # 15,0 px, Cipondoh 25,4, Jatiuwung 265,0; y -> 283,9 / 278,9 / 16,1 px (from the top).
    # Letters 7,2 px wide, a line 15 px, markers 6 px. Ciledug (50,4 px) centred would start at
    # -10,2 (off the plot): it goes right of its point. Cipondoh centred starts at -3,4; on its
    # right it meets Ciledug's name (271,4..286,4 against 276,4..291,4); above-right it is clear.
    # Jatiuwung (64,8 px) runs off the right edge centred and to the right: it goes left.
    names, positions = scatter.label_positions(
        pd.Series([0.6, 0.8, 5.4]),
        pd.Series([0.047, 0.048, 0.10]),
        pd.Series(["Ciledug", "Cipondoh", "Jatiuwung"]),
    )
    assert names == ["Ciledug", "Cipondoh", "Jatiuwung"]
    assert positions == ["middle right", "top right", "middle left"]


def test_a_crowd_of_points_leaves_some_unnamed_rather_than_overwritten():
    # twelve areas on one spot: at most the eight positions around it can hold a name, so at
    # least four go unnamed on the chart (their names stay in the hover and the table)
    names, _ = scatter.label_positions(
        pd.Series([2.0] * 12 + [0.0, 4.0]),
        pd.Series([0.05] * 12 + [0.0, 0.1]),
        pd.Series([f"Area {i}" for i in range(14)]),
    )
    assert names.count("") >= 4
    assert charts.short_name("Kec. Ciledug") == "Ciledug"
    assert charts.short_name("Kota Tangerang") == "Kota Tangerang"


def test_numbers_are_dark_on_pale_markers_and_white_on_dark_ones():
    # the scale runs 0..10 (as the colour bar): 6,9 is 69 % of it, under the 70 % where OrRd
    # turns dark enough for white; 7 is 70 %; an area with no figure is a grey marker
    pale = area_map._pale_below(pd.Series([0.0, 10.0, None]))
    assert (pale(6.9), pale(7.0), pale(float("nan"))) == (True, False, True)
