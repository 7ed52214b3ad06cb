"""The shipped default data (data/, built into the session `warehouse`) shows these sourced
figures on the pages. These tests depend on the shipped data's numbers on purpose: each expected
value is read off data/raw by hand (the comment on each says where), and a change to those files
that changes a quoted figure should fail here. How the pages behave is tested in tests/pages on
a fixture warehouse."""

import csv
import datetime as dt
import io

import pytest
from streamlit.testing.v1 import AppTest

from analytics import datasets, exports, queries
from analytics.metrics import LABOUR
from tests.conftest import open_page, plain_table

PAGES = ("ringkasan", "wilayah", "dampak_adopsi", "data", "sumber_metode")


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [str(m.value) for m in at.metric] + [m.label for m in at.metric]
    return "\n".join(parts)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_on_the_shipped_data(warehouse, page):
    at = open_page(page)
    assert not at.exception, [e.value for e in at.exception]


def test_overview_shows_banten_20_may_2020_with_source(warehouse):
    # banten_province_labour.csv, 20 May 2020: 17.298 PHK, 27.569 dirumahkan, 59 closures
    at = open_page("ringkasan")
    timeline = plain_table(at.table[0])  # the first plain table, under the trend chart
    may20 = timeline[timeline["Tanggal"] == "20 Mei 2020"].iloc[0]
    assert may20["PHK"] == "17.298 pekerja"
    assert may20["Dirumahkan"] == "27.569 pekerja"
    assert may20["Perusahaan tutup"] == "59 perusahaan"
    assert may20["Sumber"] == "Kompas.com"
    assert "Kompas.com" in texts(at)


def test_overview_headline_cards_carry_unit_date_and_source(warehouse):
    at = open_page("ringkasan")
    cards = [(m.label, m.value) for m in at.metric]
    # banten_province_labour.csv 26 Jul 2021 "sekitar 19 ribu" (bantenraya.com); kabkota_labour.csv
    # Kota Tangerang 6.023 (5 May 2020); umkm_counts.csv 13.368 (TangerangNews, 9 April 2020)
    assert ("PHK", "± 19.000 pekerja") in cards  # Banten's latest report, qualifier kept
    assert ("PHK", "6.023 pekerja") in cards  # Kota Tangerang's latest
    assert ("UMKM terdaftar", "13.368 usaha") in cards
    assert ("UMKM terdaftar", "belum ada angka") in cards  # Banten: no verified register total
    captions = texts(at)
    assert "per 26 Juli 2021" in captions and "bantenraya.com" in captions
    assert "per 9 April 2020" in captions and "TangerangNews" in captions


def test_overview_keeps_kota_tangerang_bases_apart(warehouse):
    # kabkota_labour.csv: 6.023 PHK (5 May 2020) and 8.207 PHK + dirumahkan (6 July 2020) on the
    # workplace basis; the KTP-resident rows apart
    at = open_page("ringkasan")
    workplace = plain_table(at.table[1])  # the plain tables after Banten's timeline
    ktp = plain_table(at.table[2])
    assert "6.023 pekerja" in set(workplace["Angka"]) and "8.207 pekerja" in set(workplace["Angka"])
    assert set(ktp["Ukuran"]) == {
        "PHK (KTP Kota Tangerang)",
        "Dirumahkan (KTP Kota Tangerang)",
        "PHK + dirumahkan (KTP Kota Tangerang)",
    }
    assert not set(workplace["Ukuran"]) & set(ktp["Ukuran"])


def test_the_regency_ranking_per_1000_residents(warehouse):
    at = open_page(
        "wilayah",
        level="regency",
        areas_regency=["36.71", "36.03"],
        ukuran="phk",
        mode="per_1000",
        dari="2020-07",
        sampai="2020-07",
        tab="ranking",
    )
    ranking = at.dataframe[0].value
    assert list(ranking["Wilayah"]) == ["Kabupaten Tangerang", "Kota Tangerang"]
    # kabkota_labour.csv and regions_banten.csv: 14910 / 3245619 * 1000 = 4.59;
    # 6023 / 1895486 * 1000 = 3.18; both workplace counts divided by residents, and say so
    assert list(ranking["Angka yang dibandingkan"]) == [
        "4,59 per 1.000 penduduk (basis tempat kerja)",
        "3,18 per 1.000 penduduk (basis tempat kerja)",
    ]
    assert list(ranking["Angka"]) == ["14.910 pekerja", "6.023 pekerja"]


def test_the_default_regencies_per_1000_residents(warehouse):
    at = open_page("wilayah", level="regency", mode="per_1000", tab="ranking")
    # Kab. Serang: 15985 PHK (25 June 2020) / 1622630 residents * 1000 = 9,85
    first = at.dataframe[0].value.iloc[0]
    assert first["Wilayah"] == "Kabupaten Serang"
    assert first["Angka yang dibandingkan"] == "9,85 per 1.000 penduduk (basis tempat kerja)"
    at = open_page("wilayah", level="regency", mode="per_1000", ukuran="dirumahkan", tab="ranking")
    # Kab. Tangerang: 9836 dirumahkan / 3245619 * 1000 = 3,03
    first = at.dataframe[0].value.iloc[0]
    assert first["Wilayah"] == "Kabupaten Tangerang"
    assert first["Angka yang dibandingkan"] == "3,03 per 1.000 penduduk (basis tempat kerja)"


def test_kab_serang_conflicting_reports(warehouse):
    at = open_page(
        "wilayah",
        level="regency",
        areas_regency=["36.04"],
        dari="2020-06",
        sampai="2020-07",
        tab="conflicts",
    )
    # the part shown: the comparison alone, as a plain table
    assert not at.dataframe
    (comparison,) = [plain_table(table) for table in at.table]
    row = comparison.iloc[0]
    # kabkota_labour.csv: 15.985 PHK (Okezone, 25 June 2020), then 9.500 PHK + dirumahkan
    # (21 July 2020): 9500 - 15985 = -6.485
    assert row["Wilayah"] == "Kabupaten Serang"
    assert row["Jenis"] == "total lebih kecil dari bagiannya"
    assert row["Laporan A"].startswith(
        "PHK: 15.985 pekerja · 25 Juni 2020 · Kabid HI Disnakertrans Iwan Setiawan, Okezone"
    )
    assert row["Laporan B"].startswith("PHK + dirumahkan: 9.500 pekerja · 21 Juli 2020")
    assert row["Selisih (B − A)"] == "-6.485 pekerja"  # both exact, both in workers


def test_reported_dataset_keeps_the_rmol_at_least_figure_and_url(warehouse):
    at = open_page("data", dataset="reported", level="province", dari="2020-04", sampai="2020-04")
    shown = at.dataframe[0].value  # on screen with its sign; in the file as value and qualifier
    assert ("20 April 2020", "PHK", "≥ 4.000 pekerja") in set(
        zip(shown["Tanggal"], shown["Ukuran"], shown["Angka"], strict=True)
    )
    april = (dt.date(2020, 4, 1), dt.date(2020, 4, 1))
    frame = datasets.load(queries, "reported", ("36",), LABOUR, *april, True)
    downloaded = exports.to_bytes(frame, "csv", exports.Meta("reported", "test")).decode()
    rows = list(csv.DictReader(io.StringIO(downloaded)))
    # banten_province_labour.csv, 20 April 2020: "4 ribu lebih" PHK (RMOLBanten)
    at_least = [r for r in rows if r["ref_date"] == "2020-04-20" and r["metric"] == "phk"]
    assert at_least[0]["value"] == "4000" and at_least[0]["qualifier"] == "at_least"
    assert at_least[0]["url"].startswith("https://nusantara.rmol.id/read/2020/04/20/431221/")
    assert {r["synthetic"] for r in rows} == {"False"}
