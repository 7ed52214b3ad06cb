"""What a reader sees of the rules that make a figure quotable: real headlines, like-with-like
rankings, real and synthetic kept apart, the demo switch, conflicts and per-capita bases.

These tests read the shipped default data (data/, built into the session `warehouse`) on purpose:
they check that the figures a mayor would quote from it are the sourced ones. Expected values are
read off data/raw by hand (the comment on each says where)."""

import datetime as dt

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from analytics import areas, charts, datasets, exports, queries
from analytics.chart_text import LinesText
from etl.__main__ import main
from tests.conftest import open_page, plain_table
from ui import hover, present

PAGES = ("ringkasan", "wilayah", "dampak_adopsi", "data", "sumber_metode")


def cards(at: AppTest) -> dict[str, list[str]]:
    shown: dict[str, list[str]] = {}
    for metric in at.metric:
        shown.setdefault(metric.label, []).append(metric.value)
    return shown


def test_headline_cards_never_show_a_synthetic_figure(warehouse):
    at = open_page("ringkasan")
    assert not at.exception
    shown = cards(at)
    # Kota Tangerang has no public closures count, no onboarded count and no adoption rate: the
    # demo register's 10 / 4.808 / 32,8 % are not headlines
    assert shown["Perusahaan tutup"] == ["74 perusahaan", "belum ada angka"]
    assert shown["UMKM masuk digital"][1] == "belum ada angka"
    assert shown["Tingkat adopsi digital"] == ["belum ada angka", "belum ada angka"]
    captions = " ".join(c.value for c in at.caption)
    # ... they are a second, badged line under the blank card
    assert "Data contoh (sintetis), bukan angka resmi: 10 perusahaan, per Desember 2022" in captions


def test_the_kota_tangerang_phk_card_is_kompas_5_may_2020_with_antara_cited(warehouse):
    # kabkota_labour.csv: Kompas 5 May 2020 6.023; ANTARA (year only, 2020) the same 6.023
    at = open_page("ringkasan")
    captions = " ".join(c.value for c in at.caption)
    assert "6.023 pekerja" in cards(at)["PHK"]
    assert "per 5 Mei 2020" in captions and "Angka yang sama juga: ANTARA Banten" in captions
    assert "tanggal pasti tidak disebut" in captions  # ANTARA's undated 1.971 dirumahkan, apart
    assert "per 2020 (tanggal pasti tidak disebut)" not in captions


def test_a_conflicting_headline_says_so_and_opens_the_comparison(warehouse):
    # Apindo's ± 8.000 beside Disnaker's 6.023 (Kompas, 5 May 2020): a conflict
    at = open_page("ringkasan")
    button = at.button(key="conflict_36.71_card.phk")
    assert button.label == "Laporan berbeda — lihat perbandingan"


def test_indonesia_is_never_banten(warehouse, tmp_path):
    out = tmp_path / "id.csv"
    assert main(["export", "--dataset", "monthly", "--format", "csv", "--area", "ID",
                 "--out", str(out)]) == 0  # fmt: skip
    frame = pd.read_csv(out)
    # Banten is Indonesia's only loaded province (of 38): no PHK, dirumahkan or closures for ID
    assert frame.empty
    banten = datasets.load(
        queries, "monthly", ("36",), ("phk",), dt.date(2020, 5, 1), dt.date(2020, 5, 1)
    )
    # banten_province_labour.csv, 20 May 2020: 17.298 PHK (Kompas.com)
    assert (banten.value.iloc[0], banten.sources.iloc[0].split(" ")[0]) == (17298, "Kompas.com")


def test_the_regency_ranking_compares_real_figures_only(warehouse):
    series = areas.series(
        queries, ("36.71", "36.03"), "phk", dt.date(2020, 1, 1), dt.date(2022, 12, 1)
    )
    ranked = areas.ranking(areas.apply_mode(series, "absolute"))
    # Kab. Tangerang 14.910 (10 Jul 2020), Kota Tangerang 6.023 (5 May 2020); never the demo 7.914
    assert list(zip(ranked.region_name, ranked.shown, strict=True)) == [
        ("Kabupaten Tangerang", 14910.0),
        ("Kota Tangerang", 6023.0),
    ]
    assert not ranked.synthetic.any()


def test_a_real_line_and_its_synthetic_continuation_are_separate_series(warehouse):
    frame = queries.monthly(("36.71",), ("phk",))
    fig = charts.areas_over_time(
        hover.monthly(frame).assign(shown=frame.value),
        "shown",
        None,
        LinesText(title="", y="", synthetic_suffix="{label} (sintetis)"),
    )
    real, demo = (pd.Series(t.y, index=pd.to_datetime(t.x)).dropna() for t in fig.data[:2])
    # real: Apr 2020 (3.888) to May 2021 (6.023 carried 12 months from 5 May 2020)
    assert (real.index.min(), real.index.max()) == (
        pd.Timestamp("2020-04-01"),
        pd.Timestamp("2021-05-01"),
    )
    assert demo[demo.index > "2021-01-01"].index.min() == pd.Timestamp("2021-06-01")
    assert fig.data[0].line.dash == "solid" and fig.data[1].line.dash == "dot"
    assert present.real_and_synthetic_months(frame) == (
        "Kota Tangerang · PHK: angka resmi April 2020 – Mei 2021; data contoh (sintetis) "
        "Januari 2020 – Maret 2020, Juni 2021 – Desember 2022."
    )


@pytest.mark.parametrize("page", PAGES)
def test_with_the_demo_switch_on_the_district_view_is_badged(warehouse, page):
    # the check below can fail: with the switch on, every page shows demo data badged
    at = open_page(page, level="district")
    assert [m.value for m in at.markdown if "orange-badge" in m.value]


@pytest.mark.parametrize("page", PAGES)
def test_with_the_demo_switch_off_no_synthetic_figure_is_on_screen(warehouse, page):
    at = open_page(page, contoh="0", level="district")
    assert not at.exception, [e.value for e in at.exception]
    assert at.toggle(key="contoh").value is False
    # st.badge reaches AppTest as markdown (":orange-badge[...]")
    badges = [m.value for m in at.markdown if "orange-badge" in m.value]
    assert not badges
    # Sumber & Metode's build status lists every input file, demo files included (marked): only
    # its sources table is about figures
    frames = (
        [at.dataframe[0].value]
        if page == "sumber_metode"
        else [d.value for d in at.dataframe] + [plain_table(t) for t in at.table]
    )
    for frame in frames:
        for column in ("synthetic", "Sintetis"):
            if column in frame:
                assert not frame[column].astype(bool).any()
    assert "Data contoh (sintetis), bukan angka resmi" not in " ".join(c.value for c in at.caption)


def test_with_the_demo_switch_off_no_download_holds_a_synthetic_row(warehouse):
    start, end = dt.date(2020, 1, 1), dt.date(2022, 12, 1)
    for name in datasets.DATASETS:
        frame = datasets.load(
            queries, name, ("36.71", "36.71.02"), ("phk",), start, end, synthetic=False
        )
        assert not frame["synthetic"].astype(bool).any(), name
    # with it on, the same download says "sintetis" in its file name and metadata
    frame = datasets.load(queries, "monthly", ("36.71",), ("phk",), start, end)
    meta = datasets.meta("monthly", ("36.71",), ("phk",), start, end)
    name = exports.file_name("monthly", ("36.71",), start, end, "csv", exports.has_synthetic(frame))
    assert name == "pulih_monthly_36.71_2020-01_2022-12_sintetis.csv"
    lines = dict(meta.rows(frame))
    assert (
        lines["synthetic data (demo)"] == "Kota Tangerang · PHK: 2020-01..2020-03, 2021-06..2022-12"
    )


def test_where_demo_data_is_used_is_read_from_the_warehouse(warehouse):
    coverage = queries.synthetic_coverage()
    kota = coverage[(coverage.region_code == "36.71") & (coverage.metric == "phk")]
    # the city's PHK before its first report (Jan-Mar 2020) and after its carried figure ends
    assert list(zip(kota.first_month.astype(str), kota.last_month.astype(str), strict=True)) == [
        ("2020-01-01", "2020-03-01"),
        ("2021-06-01", "2022-12-01"),
    ]
    # the city's closures are synthetic in every month: no public figure exists
    closures = coverage[(coverage.region_code == "36.71") & (coverage.metric == "companies_closed")]
    assert closures.months.tolist() == [36]


def test_per_1000_on_a_projection_says_so_in_indonesian(warehouse):
    at = open_page(
        "wilayah", level="district", mode="per_1000", areas_district=["36.71.07", "36.71.05"]
    )
    captions = " ".join(c.value for c in at.caption)
    # regions_kota_tangerang.csv: Karawaci 186.149, a BPS projection for 2023
    assert "Kec. Karawaci (proyeksi BPS 2023, bukan SP2020)" in captions
    assert "NOT SP2020" not in captions
    assert "basis tempat kerja" in captions


def test_a_later_total_is_said_on_the_cards_of_its_parts(warehouse):
    # kabkota_labour.csv line 17: PHK + dirumahkan 8.207 on 6 July 2020, after the 5 May figures
    at = open_page("ringkasan")
    captions = " ".join(c.value for c in at.caption)
    assert "Laporan lebih baru: PHK + dirumahkan 8.207 pekerja per 6 Juli 2020" in captions
    # Banten has no public count of UMKM gone digital (572 is a province marketplace programme)
    assert cards(at)["UMKM masuk digital"][0] == "belum ada angka"


def test_figures_known_to_the_month_are_never_given_a_day(warehouse):
    # kabkota_labour.csv line 34: Pandeglang PHK 28, April 2020 (month precision)
    at = open_page("wilayah", level="regency", areas_regency=["36.01", "36.02", "36.73"])
    captions = " ".join(c.value for c in at.caption)
    assert "April 2020" in captions and "1 April 2020" not in captions
    # Kabupaten Lebak reported no PHK (only dirumahkan): named, not dropped silently
    assert "Tanpa angka untuk ukuran ini pada periode ini (tidak diperingkat): Kabupaten Lebak" in (
        captions
    )
