"""Wilayah, driven control by control: what the page shows after each."""

import base64
import json

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import PROJECT, open_page

GEO = PROJECT.parent / "shared" / "geo"


def ranking(at: AppTest):
    return at.dataframe[0].value


def values(array) -> list:
    """Plotly writes numeric arrays as base64 ('bdata') in the JSON it sends to the browser."""
    if isinstance(array, dict) and "bdata" in array:
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array)


def charts(at: AppTest) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def test_each_control_changes_what_the_page_shows(warehouse):
    at = open_page("wilayah")
    assert list(ranking(at)["Wilayah"]) == ["Provinsi Banten"]

    at.radio(key="level").set_value("regency").run()
    assert list(ranking(at)["Wilayah"]) == [
        "Kabupaten Serang",
        "Kabupaten Tangerang",
        "Kota Tangerang",
        "Kota Tangerang Selatan",
    ]  # fmt: skip  (latest PHK in the period, highest first)

    at.selectbox(key="mode").set_value("per_1000").run()
    shown = list(ranking(at)["Angka yang dibandingkan"])
    assert (
        shown[0] == "9,85 per 1.000 penduduk (basis tempat kerja)"
    )  # Kab. Serang: 15985 / 1622630 * 1000
    assert list(ranking(at)["Wilayah"])[0] == "Kabupaten Serang"

    at.selectbox(key="ukuran").set_value("dirumahkan").run()
    first = ranking(at).iloc[0]
    assert first["Wilayah"] == "Kabupaten Tangerang"  # 9836 / 3245619 * 1000 = 3,03
    assert first["Angka yang dibandingkan"] == "3,03 per 1.000 penduduk (basis tempat kerja)"

    at.selectbox(key="sampai").set_value("2020-04").run()
    assert "Kabupaten Tangerang" not in list(ranking(at)["Wilayah"])[:1]  # its report is from July

    at.toggle(key="kebijakan").set_value(False).run()
    assert not any(
        s.get("type") == "rect" for c in charts(at) for s in c["layout"].get("shapes", [])
    )
    assert not at.exception


def test_drill_down_opens_the_kecamatan_and_the_breadcrumb_goes_back(warehouse):
    at = open_page("wilayah", level="regency")
    at.button(key="drill_36.71").click().run()
    assert at.radio(key="level").value == "district"
    assert len(ranking(at)) == 13
    assert "Provinsi Banten › Kota Tangerang" in [c.value for c in at.caption]
    assert "data contoh — sintetis" in "".join(m.value for m in at.markdown)
    at.button(key="up_36").click().run()
    assert at.radio(key="level").value == "regency"
    assert "Kota Tangerang" in list(ranking(at)["Wilayah"])


def test_the_map_draws_markers_without_boundaries(warehouse, monkeypatch):
    monkeypatch.delenv("PULIH_BOUNDARIES", raising=False)
    at = open_page("wilayah", level="district", mode="per_1000")
    traces = charts(at)[0]["data"]
    assert [t["type"] for t in traces] == ["scattermap", "scattermap"]
    with_figure, without = traces
    # six kecamatan lack a population figure: grey markers that say so
    assert len(values(with_figure["lat"])) == 7 and len(values(without["lat"])) == 6
    # hover: the figure in the mode with its unit, the reported figure, the as-of date, the source
    jatiuwung = next(h for h in with_figure["hovertext"] if "Kec. Jatiuwung" in h)
    assert (
        "11,06 per 1.000 penduduk (basis tempat kerja)" in jatiuwung
        and "1.129 pekerja" in jatiuwung
    )
    assert "per Desember 2022" in jatiuwung and "data contoh — sintetis" in jatiuwung
    assert all("tidak ada angka penduduk" in h for h in without["hovertext"])
    assert any("Pulih demo generator" in h for h in with_figure["hovertext"])


@pytest.mark.skipif(not GEO.is_dir(), reason="boundaries in ../shared/geo are not on this machine")
def test_the_map_shades_areas_with_a_boundaries_file(warehouse, monkeypatch):
    monkeypatch.setenv("PULIH_BOUNDARIES", str(GEO))
    at = open_page("wilayah", level="district")
    traces = charts(at)[0]["data"]
    assert traces[0]["type"] == "choroplethmap"
    assert sorted(traces[0]["locations"]) == [f"36.71.{n:02d}" for n in range(1, 14)]
    assert "Wilayah diarsir menurut angka" in " ".join(c.value for c in at.caption)


def test_an_unusable_boundaries_file_is_named_and_the_markers_stay(
    warehouse, monkeypatch, tmp_path
):
    broken = tmp_path / "batas.geojson"
    broken.write_text("{not json")
    monkeypatch.setenv("PULIH_BOUNDARIES", str(broken))
    at = open_page("wilayah", level="district")
    assert charts(at)[0]["data"][0]["type"] == "scattermap"
    assert any(
        c.value.startswith("Berkas batas tidak dapat dipakai: batas.geojson") for c in at.caption
    )


def test_small_multiples_one_panel_per_area_on_shared_axes(warehouse):
    at = open_page("wilayah", level="district", kebijakan="true")
    panels = charts(at)[1]
    titles = [
        a["text"]
        for a in panels["layout"]["annotations"]
        if a.get("yref") == "paper" and a["text"].startswith("Kec.")
    ]
    assert len(titles) == 13
    assert (
        panels["layout"]["yaxis2"]["matches"] == "y"
        or panels["layout"]["yaxis2"].get("matches") == "y"
    )


def test_conflicting_reports_are_shown_side_by_side(warehouse):
    at = open_page(
        "wilayah", level="regency", areas_regency=["36.04"], dari="2020-06", sampai="2020-07"
    )
    conflicts = at.dataframe[1].value
    row = conflicts.iloc[0]
    assert row["Wilayah"] == "Kabupaten Serang"
    assert row["Jenis"] == "total lebih kecil dari bagiannya"
    assert row["Laporan A"].startswith(
        "PHK: 15.985 pekerja · 25 Juni 2020 · Kabid HI Disnakertrans Iwan Setiawan, Okezone"
    )
    assert row["Laporan B"].startswith("PHK + dirumahkan: 9.500 pekerja · 21 Juli 2020")
    assert row["Selisih (B − A)"] == "-6.485"
