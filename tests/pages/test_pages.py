"""Every page opened with AppTest: renders without exception and shows what its users rely on."""

import csv
import datetime as dt
import io

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from analytics import datasets, exports, queries
from analytics.metrics import LABOUR
from etl.build import build
from tests.conftest import make_data_dir, open_page

PAGES = (
    "pages/ringkasan.py",
    "pages/wilayah.py",
    "pages/dampak_adopsi.py",
    "pages/data.py",
    "pages/sumber_metode.py",
)


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [str(m.value) for m in at.metric] + [m.label for m in at.metric]
    return "\n".join(parts)


@pytest.mark.parametrize("page", PAGES + ("dashboard.py",))
def test_page_renders_without_exception(warehouse, page):
    at = open_page(page)
    assert not at.exception, [e.value for e in at.exception]


def test_overview_shows_banten_20_may_2020_with_source(warehouse):
    at = open_page("pages/ringkasan.py")
    timeline = at.dataframe[0].value
    may20 = timeline[timeline["Tanggal"] == "20 Mei 2020"].iloc[0]
    assert may20["PHK"] == "17.298 pekerja"
    assert may20["Dirumahkan"] == "27.569 pekerja"
    assert may20["Perusahaan tutup"] == "59 perusahaan"
    assert may20["Sumber"] == "Kompas.com"
    assert "Kompas.com" in texts(at)


def test_overview_headline_cards_carry_unit_date_and_source(warehouse):
    at = open_page("pages/ringkasan.py")
    cards = [(m.label, m.value) for m in at.metric]
    assert ("PHK", "± 19.000 pekerja") in cards  # Banten's latest report, qualifier kept
    assert ("PHK", "6.023 pekerja") in cards  # Kota Tangerang's latest
    assert ("UMKM terdaftar", "13.368 usaha") in cards
    assert ("UMKM terdaftar", "belum ada angka") in cards  # Banten: no verified register total
    captions = texts(at)
    assert "per 26 Juli 2021" in captions and "bantenraya.com" in captions
    assert "per 9 April 2020" in captions and "TangerangNews" in captions


def test_overview_keeps_kota_tangerang_bases_apart(warehouse):
    at = open_page("pages/ringkasan.py")
    workplace = at.dataframe[1].value
    ktp = at.dataframe[2].value
    assert "6.023 pekerja" in set(workplace["Angka"]) and "8.207 pekerja" in set(workplace["Angka"])
    assert set(ktp["Ukuran"]) == {
        "PHK (KTP Kota Tangerang)",
        "Dirumahkan (KTP Kota Tangerang)",
        "PHK + dirumahkan (KTP Kota Tangerang)",
    }
    assert not set(workplace["Ukuran"]) & set(ktp["Ukuran"])


def test_synthetic_data_is_badged(warehouse):
    overview = open_page("pages/ringkasan.py")
    assert "data contoh — sintetis" in texts(overview)
    areas = open_page("pages/wilayah.py", level="district")
    assert "data contoh — sintetis" in texts(areas)
    banten_only = open_page("pages/wilayah.py", level="province", ukuran="phk")
    assert "data contoh — sintetis" not in texts(banten_only)


def test_url_restores_the_areas_view(warehouse):
    at = open_page(
        "pages/wilayah.py",
        level="regency",
        areas_regency=["36.71", "36.03"],
        ukuran="phk",
        mode="per_1000",
        dari="2020-07",
        sampai="2020-07",
        kebijakan="false",
    )
    assert at.radio(key="level").value == "regency"
    assert at.multiselect(key="areas_regency").value == ["36.71", "36.03"]
    assert at.selectbox(key="ukuran").value == "phk"
    assert at.selectbox(key="mode").value == "per_1000"
    assert (at.selectbox(key="dari").value, at.selectbox(key="sampai").value) == (
        "2020-07",
        "2020-07",
    )
    assert at.toggle(key="kebijakan").value is False
    assert not at.warning
    ranking = at.dataframe[0].value
    assert list(ranking["Wilayah"]) == ["Kabupaten Tangerang", "Kota Tangerang"]
    # per 1.000 residents, by hand: 14910 / 3245619 * 1000 = 4.59; 6023 / 1895486 * 1000 = 3.18;
    # both are workplace counts divided by residents, and say so
    assert list(ranking["Angka yang dibandingkan"]) == [
        "4,59 per 1.000 penduduk (basis tempat kerja)",
        "3,18 per 1.000 penduduk (basis tempat kerja)",
    ]
    assert list(ranking["Angka"]) == ["14.910 pekerja", "6.023 pekerja"]


def test_areas_without_population_say_so(warehouse):
    at = open_page(
        "pages/wilayah.py",
        level="district",
        areas_district=["36.71.01", "36.71.05"],
        mode="per_1000",
    )
    ranking = at.dataframe[0].value
    shown = dict(zip(ranking["Wilayah"], ranking["Angka yang dibandingkan"], strict=True))
    assert shown["Kec. Tangerang"] == "tidak ada angka penduduk"
    assert shown["Kec. Cipondoh"].endswith("per 1.000 penduduk (basis tempat kerja)")
    assert list(ranking["Wilayah"]) == ["Kec. Cipondoh", "Kec. Tangerang"]  # no figure ranks last
    assert "Tanpa angka (tidak ada angka penduduk): Kec. Tangerang" in texts(at)


def test_garbage_in_the_url_falls_back_to_defaults_with_a_notice(warehouse):
    at = open_page("pages/wilayah.py", level="planet", ukuran="nope", mode="x", dari="1999-01")
    assert not at.exception
    assert at.radio(key="level").value == "province"
    assert at.selectbox(key="ukuran").value == "phk"
    assert at.selectbox(key="mode").value == "absolute"
    assert at.selectbox(key="dari").value == "2020-01"
    notices = [w.value for w in at.warning]
    # what the link said is echoed as code, never as markdown
    assert "Nilai di tautan tidak dikenali dan diganti nilai bawaan: `level` = `planet`" in notices
    assert "Nilai di tautan tidak dikenali dan diganti nilai bawaan: `dari` = `1999-01`" in notices
    assert len(notices) == 4


def test_data_page_download_is_exactly_the_rows_shown(warehouse):
    at = open_page(
        "pages/data.py",
        dataset="monthly",
        level="district",
        areas_district=["36.71.02"],
        dari="2020-03",
        sampai="2020-06",
    )
    shown = at.dataframe[0].value
    expected = datasets.load(
        queries,
        "monthly",
        ("36.71.02",),
        ("phk", "dirumahkan", "companies_closed"),
        pd.Timestamp("2020-03-01").date(),
        pd.Timestamp("2020-06-01").date(),
    )
    pd.testing.assert_frame_equal(shown.reset_index(drop=True), expected, check_dtype=False)
    assert len(shown) == 12
    meta = datasets.meta("monthly", ("36.71.02",), LABOUR, dt.date(2020, 3, 1), dt.date(2020, 6, 1))
    downloaded = pd.read_csv(io.BytesIO(exports.to_bytes(shown, "csv", meta)))
    assert list(downloaded.columns) == datasets.COLUMNS["monthly"]
    assert {"unit", "as_of_date", "sources", "synthetic"} <= set(downloaded.columns)
    assert downloaded["value"].tolist() == expected["value"].tolist()
    assert downloaded["synthetic"].all()
    assert "data contoh — sintetis" in texts(at)


def test_reported_dataset_keeps_qualifier_and_source_url(warehouse):
    at = open_page(
        "pages/data.py", dataset="reported", level="province", dari="2020-04", sampai="2020-04"
    )
    meta = exports.Meta("reported", "test")
    shown = at.dataframe[0].value
    rows = list(csv.DictReader(io.StringIO(exports.to_bytes(shown, "csv", meta).decode())))
    at_least = [r for r in rows if r["ref_date"] == "2020-04-20" and r["metric"] == "phk"]
    assert at_least[0]["qualifier"] == "at_least" and at_least[0]["url"].startswith(
        "https://nusantara.rmol.id/read/2020/04/20/431221/"
    )
    assert {r["synthetic"] for r in rows} == {"False"}


def test_a_rebuild_shows_on_the_next_interaction(project):
    data, warehouse = project
    at = open_page("pages/ringkasan.py")
    assert ("PHK", "6.023 pekerja") in [(m.label, m.value) for m in at.metric]

    labour = data / "raw" / "kabkota_labour.csv"
    labour.write_text(
        labour.read_text(encoding="utf-8")
        + "36.71,Kota Tangerang,2020-08-01,day,phk,7000,workers,exact,workplace,Kadisnaker,Test,https://example.org/new,2020-08-01,\n",
        encoding="utf-8",
    )
    build(data, warehouse)  # while the "dashboard" session is open
    at.run()
    assert ("PHK", "7.000 pekerja") in [(m.label, m.value) for m in at.metric]


def test_pages_render_on_a_warehouse_with_no_figures(tmp_path, monkeypatch):
    # a data folder with only the reference tables still renders every page (no data, no crash)
    data = make_data_dir(tmp_path, {})
    build(data, tmp_path / "empty.duckdb")
    monkeypatch.setenv("PULIH_WAREHOUSE", str(tmp_path / "empty.duckdb"))
    for page in PAGES:
        assert not open_page(page).exception, page
