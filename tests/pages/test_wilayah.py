"""Wilayah, driven control by control on the fixture warehouse (tests/fixtures/pages): what the
page shows after each. Expected figures are worked out by hand from the fixture's rows."""

import base64
import json

import numpy as np
from streamlit.testing.v1 import AppTest

from tests.conftest import PROJECT, open_page, plain_table

BOUNDARIES = PROJECT / "tests" / "fixtures" / "boundaries"


def ranking(at: AppTest):
    """The ranking, opened as a person opens it (the page draws one part at a time)."""
    show(at, "ranking")
    return at.dataframe[0].value


def show(at: AppTest, part: str) -> None:
    if at.segmented_control(key="tab").value != part:
        at.segmented_control(key="tab").set_value(part).run()
        assert not at.exception, [e.value for e in at.exception]


def values(array) -> list:
    """Plotly writes numeric arrays as base64 ('bdata') in the JSON it sends to the browser."""
    if isinstance(array, dict) and "bdata" in array:
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array)


def charts(at: AppTest) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def rects(at: AppTest) -> list[dict]:
    return [s for c in charts(at) for s in c["layout"].get("shapes", []) if s.get("type") == "rect"]


def test_each_control_changes_what_the_page_shows(fixture_warehouse):
    at = open_page("wilayah")
    # a link that names no level opens on Banten's kabupaten/kota (the province alone is one
    # marker, nothing to compare)
    assert at.radio(key="level").value == "regency"
    at.radio(key="level").set_value("province").run()
    assert list(ranking(at)["Wilayah"]) == ["Provinsi Banten"]

    at.radio(key="level").set_value("regency").run()
    # the default kabupaten/kota of the fixture, each by its latest PHK in 2020-01..2022-12
    # (labour.csv): Kab. Tangerang 9.000 (10 Jul 2020), Kota Tangerang 6.000 (5 May 2020),
    # Kab. Serang 5.000 (25 Jun 2020)
    assert list(ranking(at)["Wilayah"]) == [
        "Kabupaten Tangerang",
        "Kota Tangerang",
        "Kabupaten Serang",
    ]
    assert list(ranking(at)["Angka yang dibandingkan"]) == [
        "9.000 pekerja", "6.000 pekerja", "5.000 pekerja"
    ]  # fmt: skip

    at.selectbox(key="mode").set_value("per_1000").run()
    # per 1.000 residents (regions.csv): Serang 5000 / 1000000 * 1000 = 5,00; Kota
    # 6000 / 1500000 * 1000 = 4,00; Kab. Tangerang 9000 / 3000000 * 1000 = 3,00: the order turns
    assert list(ranking(at)["Wilayah"]) == [
        "Kabupaten Serang",
        "Kota Tangerang",
        "Kabupaten Tangerang",
    ]
    assert ranking(at).iloc[0]["Angka yang dibandingkan"] == (
        "5,00 per 1.000 penduduk (basis tempat kerja)"
    )

    at.selectbox(key="ukuran").set_value("dirumahkan").run()
    # dirumahkan per 1.000: Kab. Tangerang 6000 / 3000000 * 1000 = 2,00 (10 Jul 2020); Serang
    # 1000 / 1000000 * 1000 = 1,00 (15 Apr 2020); Kota 600 / 1500000 * 1000 = 0,40 (9 Apr 2020)
    assert list(ranking(at)["Angka yang dibandingkan"]) == [
        "2,00 per 1.000 penduduk (basis tempat kerja)",
        "1,00 per 1.000 penduduk (basis tempat kerja)",
        "0,40 per 1.000 penduduk (basis tempat kerja)",
    ]
    assert ranking(at).iloc[0]["Wilayah"] == "Kabupaten Tangerang"

    at.selectbox(key="sampai").set_value("2020-04").run()
    # up to April 2020 Kab. Tangerang has reported nothing (its report is from July)
    assert list(ranking(at)["Wilayah"]) == ["Kabupaten Serang", "Kota Tangerang"]

    # events.csv: PSBB Uji (Kota and Kab. Tangerang) and PPKM Uji (Banten) are shaded until the
    # toggle turns them off
    show(at, "panels")
    assert rects(at)
    at.toggle(key="kebijakan").set_value(False).run()
    assert not rects(at)
    assert not at.exception


def test_drill_down_opens_the_kecamatan_and_the_breadcrumb_goes_back(fixture_warehouse):
    at = open_page("wilayah", level="regency", tab="ranking")  # its "Buka kecamatan" buttons
    at.button(key="drill_36.71").click().run()
    assert at.radio(key="level").value == "district"
    assert len(ranking(at)) == 10  # regions.csv: ten kecamatan under 36.71
    assert "Provinsi Banten › Kota Tangerang" in [c.value for c in at.caption]
    assert "data contoh — sintetis" in "".join(m.value for m in at.markdown)
    at.button(key="up_36").click().run()
    assert at.radio(key="level").value == "regency"
    assert "Kota Tangerang" in list(ranking(at)["Wilayah"])


def test_the_map_draws_markers_without_boundaries(fixture_warehouse, monkeypatch):
    monkeypatch.delenv("PULIH_BOUNDARIES", raising=False)
    at = open_page("wilayah", level="district", mode="per_1000")
    traces = charts(at)[0]["data"]
    assert {t["type"] for t in traces} == {"scattermap"}
    # each marker trace on its dark outline, then one name per area (10 kecamatan)
    _, with_figure, _, without, *names = traces
    assert len(names) == 10 and all(t["mode"] == "markers+text" for t in names)
    # regions.csv: four kecamatan have a population (Jatiuwung, Batuceper, Benda, Cipondoh), six
    # do not: grey markers that say so
    assert len(values(with_figure["lat"])) == 4 and len(values(without["lat"])) == 6
    # hover: the figure in the mode with its unit, the reported figure, the as-of date, the source.
    # Jatiuwung: 100 PHK (30 April 2020) / 100.000 residents * 1.000 = 1,00
    jatiuwung = next(h for h in with_figure["hovertext"] if "Kec. Jatiuwung" in h)
    assert "1,00 per 1.000 penduduk (basis tempat kerja)" in jatiuwung
    assert "100 pekerja" in jatiuwung
    assert "per 30 April 2020" in jatiuwung and "data contoh — sintetis" in jatiuwung
    assert all("tidak ada angka penduduk" in h for h in without["hovertext"])
    assert all("Fixture demo generator" in h for h in with_figure["hovertext"])


def test_the_map_shades_areas_with_a_boundaries_file(fixture_warehouse, monkeypatch):
    # tests/fixtures/boundaries: one small square per fixture kecamatan
    monkeypatch.setenv("PULIH_BOUNDARIES", str(BOUNDARIES))
    at = open_page("wilayah", level="district")
    traces = charts(at)[0]["data"]
    assert traces[0]["type"] == "choroplethmap"
    # every kecamatan has a PHK figure in the absolute mode: all ten are shaded
    assert sorted(traces[0]["locations"]) == [f"36.71.{n:02d}" for n in range(1, 11)]
    assert "Wilayah diarsir menurut angka" in " ".join(c.value for c in at.caption)


def test_an_unusable_boundaries_file_is_named_and_the_markers_stay(
    fixture_warehouse, monkeypatch, tmp_path
):
    broken = tmp_path / "batas.geojson"
    broken.write_text("{not json")
    monkeypatch.setenv("PULIH_BOUNDARIES", str(broken))
    at = open_page("wilayah", level="district")
    assert charts(at)[0]["data"][0]["type"] == "scattermap"
    assert any(
        c.value.startswith("Berkas batas tidak dapat dipakai: batas.geojson") for c in at.caption
    )


def panel_chart(at: AppTest) -> dict:
    (chart,) = charts(at)  # one part of the page at a time: the panels alone
    return chart


def y_leaders(layout: dict) -> dict[str, str]:
    """Each y axis of a figure ("y", "y2", ...) and the axis it follows (itself if none)."""
    axes = {k.replace("yaxis", "y"): v for k, v in layout.items() if k.startswith("yaxis")}
    return {name: axis.get("matches", name) for name, axis in axes.items()}


def test_small_multiples_one_panel_per_area(fixture_warehouse):
    at = open_page("wilayah", level="district", kebijakan="true", tab="panels")
    layout = panel_chart(at)["layout"]
    titles = [
        a["text"]
        for a in layout["annotations"]
        if a.get("yref") == "paper" and a["text"].startswith("Kec.")
    ]
    # one per fixture kecamatan (regions.csv), in name order
    assert titles == [
        "Kec. Batuceper", "Kec. Benda", "Kec. Cibodas", "Kec. Ciledug", "Kec. Cipondoh",
        "Kec. Jatiuwung", "Kec. Karawaci", "Kec. Neglasari", "Kec. Periuk", "Kec. Tangerang",
    ]  # fmt: skip
    # ten panels, four to a row: three rows of four axes (the last row has two empty places);
    # the four panels of the first row follow one y axis
    leaders = y_leaders(layout)
    assert len(leaders) == 12
    assert len({leaders[n] for n in ("y", "y2", "y3", "y4")}) == 1


def test_small_multiples_share_one_y_scale_across_rows(fixture_warehouse):
    at = open_page("wilayah", level="district", kebijakan="true", tab="panels")
    layout = panel_chart(at)["layout"]
    # Benda's 600 PHK (first row) and Tangerang's 100 (third row) must be read on one scale:
    # all twelve axes follow one and the same axis
    assert len(set(y_leaders(layout).values())) == 1


def test_conflicting_reports_are_shown_side_by_side(fixture_warehouse):
    at = open_page(
        "wilayah",
        level="regency",
        areas_regency=["36.04"],
        dari="2020-06",
        sampai="2020-07",
        tab="conflicts",
    )
    assert not at.dataframe  # the comparison alone, as a plain table
    (conflicts,) = [plain_table(table) for table in at.table]
    # labour.csv, Kab. Serang: PHK 5.000 on 25 June 2020, then a PHK + dirumahkan total of 4.000
    # on 21 July 2020 (26 days later): a total below one of its parts; 4.000 - 5.000 = -1.000
    assert len(conflicts) == 1
    row = conflicts.iloc[0]
    assert row["Wilayah"] == "Kabupaten Serang"
    assert row["Jenis"] == "total lebih kecil dari bagiannya"
    assert row["Laporan A"] == "PHK: 5.000 pekerja · 25 Juni 2020 · Kabid HI Uji, Harian Dua"
    assert row["Laporan B"] == (
        "PHK + dirumahkan: 4.000 pekerja · 21 Juli 2020 · Kadisnakertrans Uji, Harian Tiga"
    )
    assert row["Selisih (B − A)"] == "-1.000 pekerja"  # both exact, both in workers
