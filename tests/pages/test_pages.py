"""Every page opened with AppTest on the fixture warehouse (tests/fixtures/pages): renders without
exception and shows what its users rely on. Expected values are worked out by hand from the
fixture's rows (raw/labour.csv, raw/kecamatan_labour.csv, raw/register.csv, raw/regions.csv); the
comment on each says how."""

import csv
import datetime as dt
import io

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from analytics import datasets, exports, queries
from analytics.metrics import LABOUR
from etl.build import build
from tests.conftest import make_data_dir, open_page, page_fixture_data, plain_table, run_again
from ui import tables

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


def cards(at: AppTest) -> list[tuple[str, str]]:
    return [(m.label, m.value) for m in at.metric]


@pytest.mark.parametrize("page", PAGES + ("dashboard.py",))
def test_page_renders_without_exception(fixture_warehouse, page):
    at = open_page(page)
    assert not at.exception, [e.value for e in at.exception]


def test_overview_timeline_has_one_row_per_reported_date_with_its_source(fixture_warehouse):
    at = open_page("pages/ringkasan.py")
    timeline = plain_table(at.table[0])  # the first plain table, under the trend chart
    # labour.csv, Provinsi Banten: 20 Apr 2020 "at least" 4000 PHK and 5000 dirumahkan (Harian
    # Satu); 20 May 2020 12000 / 20000 / 50 closures (Harian Dua); 26 Jul 2021 about 19000 PHK
    # (Harian Tiga). Qualifiers stay with the figure: ≥ for at_least, ± for approx
    assert timeline.values.tolist() == [
        ["20 April 2020", "≥ 4.000 pekerja", "≥ 5.000 pekerja", "—", "Harian Satu"],
        ["20 Mei 2020", "12.000 pekerja", "20.000 pekerja", "50 perusahaan", "Harian Dua"],
        ["26 Juli 2021", "± 19.000 pekerja", "—", "—", "Harian Tiga"],
    ]
    assert list(timeline.columns) == ["Tanggal", "PHK", "Dirumahkan", "Perusahaan tutup", "Sumber"]


def test_overview_headline_cards_carry_unit_date_and_source(fixture_warehouse):
    at = open_page("pages/ringkasan.py")
    # Banten's latest report of each measure (labour.csv): PHK ± 19.000 (26 Jul 2021, approx),
    # dirumahkan 20.000 and closures 50 (20 May 2020); no register report and no register below
    # Banten's kabupaten/kota, so no UMKM figure. Kota Tangerang: PHK 6.000 (5 May 2020, later
    # than 9 April's 3.000), dirumahkan 600 and UMKM terdaftar 13.000 (9 April 2020); no public
    # closures count, and its onboarding and adoption exist only in the synthetic register
    assert cards(at) == [
        ("PHK", "± 19.000 pekerja"),
        ("Dirumahkan", "20.000 pekerja"),
        ("Perusahaan tutup", "50 perusahaan"),
        ("UMKM terdaftar", "belum ada angka"),
        ("UMKM masuk digital", "belum ada angka"),
        ("Tingkat adopsi digital", "belum ada angka"),
        ("PHK", "6.000 pekerja"),
        ("Dirumahkan", "600 pekerja"),
        ("Perusahaan tutup", "belum ada angka"),
        ("UMKM terdaftar", "13.000 usaha"),
        ("UMKM masuk digital", "belum ada angka"),
        ("Tingkat adopsi digital", "belum ada angka"),
    ]
    captions = [c.value for c in at.caption]
    banten_phk = "Sumber: Gubernur Uji, [Harian Tiga](https://example.org/banten/2021-07-26)"
    kota_umkm = "Sumber: Kabid UKM Uji, [Kabar Kota](https://example.org/kota/2020-04-09)"
    assert f"per 26 Juli 2021  \n{banten_phk}" in captions
    assert f"per 9 April 2020  \n{kota_umkm}" in captions
    # the PHK + dirumahkan total of 6 July 2020 is later than both parts' reports: said on both
    said = [c for c in captions if "Laporan lebih baru" in c]
    assert len(said) == 2
    newer = "Laporan lebih baru: PHK + dirumahkan 7.000 pekerja per 6 Juli 2020"
    assert all(c.endswith(newer) for c in said)


def test_overview_demo_values_are_a_badged_second_line_never_the_headline(fixture_warehouse):
    at = open_page("pages/ringkasan.py")
    captions = [c.value for c in at.caption]
    # register.csv by December 2022: onboarded 8 + 10 + 6 + 8 + 7 + 5 + 7 + 6 + 6 + 6 = 69 of the
    # 10 x 10 = 100 registered businesses of Kota Tangerang's ten kecamatan: 69 usaha, 69,0 %
    assert "Data contoh (sintetis), bukan angka resmi: 69 usaha, per Desember 2022" in captions
    assert "Data contoh (sintetis), bukan angka resmi: 69,0%, per Desember 2022" in captions
    assert ("UMKM masuk digital", "69 usaha") not in cards(at)


def test_a_conflicting_headline_says_so_and_opens_the_comparison(fixture_warehouse):
    # labour.csv, 5 May 2020: Disnaker's PHK 6.000 beside Apindo's ± 8.000 on the same day
    at = open_page("pages/ringkasan.py")
    assert at.button(key="conflict_36.71_card.phk").label == "Laporan berbeda — lihat perbandingan"
    # Banten's PHK has no report that disagrees with it: no button
    assert "conflict_36_card.phk" not in [b.key for b in at.button]
    at.button(key="conflict_36.71_card.phk").click()
    run_again(at)
    assert at.radio(key="level").value == "regency"
    assert at.multiselect(key="areas_regency").value == ["36.71"]
    # the page opens on the comparison, the one part it draws
    assert at.segmented_control(key="tab").value == "conflicts"
    (conflicts,) = [plain_table(table) for table in at.table]
    assert conflicts[["Wilayah", "Jenis", "Selisih (B − A)"]].values.tolist() == [
        # 8.000 - 6.000 from Apindo's "± 8.000": approximate, in workers
        ["Kota Tangerang", "perkiraan lain", "± 2.000 pekerja"]
    ]


def test_overview_keeps_kota_tangerang_bases_apart(fixture_warehouse):
    at = open_page("pages/ringkasan.py")
    workplace = plain_table(at.table[1])  # the plain tables after Banten's timeline
    ktp = plain_table(at.table[2])
    # labour.csv, Kota Tangerang, basis workplace: 9 Apr 600 dirumahkan and 3.000 PHK, 5 May
    # 6.000 PHK and Apindo's ± 8.000, 6 Jul 7.000 PHK + dirumahkan; basis ktp_kota_tangerang:
    # 5 May 1.800 PHK and 200 dirumahkan
    assert list(workplace["Angka"]) == [
        "600 pekerja", "3.000 pekerja", "6.000 pekerja", "± 8.000 pekerja", "7.000 pekerja"
    ]  # fmt: skip
    assert list(ktp["Angka"]) == ["200 pekerja", "1.800 pekerja"]
    assert set(ktp["Ukuran"]) == {"PHK (KTP Kota Tangerang)", "Dirumahkan (KTP Kota Tangerang)"}
    assert not set(workplace["Ukuran"]) & set(ktp["Ukuran"])


def test_synthetic_data_is_badged(fixture_warehouse):
    # Kota Tangerang's trend holds the synthetic register and March 2020's sum of the synthetic
    # kecamatan: badged; the kecamatan are all synthetic: badged; Banten's PHK is real only
    overview = open_page("pages/ringkasan.py")
    assert "data contoh — sintetis" in texts(overview)
    areas = open_page("pages/wilayah.py", level="district")
    assert "data contoh — sintetis" in texts(areas)
    banten_only = open_page("pages/wilayah.py", level="province", ukuran="phk")
    assert "data contoh — sintetis" not in texts(banten_only)


def test_url_restores_the_areas_view(fixture_warehouse):
    at = open_page(
        "pages/wilayah.py",
        level="regency",
        areas_regency=["36.71", "36.03"],
        ukuran="phk",
        mode="per_1000",
        dari="2020-07",
        sampai="2020-07",
        kebijakan="false",
        tab="ranking",
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
    # July 2020: Kota Tangerang's 6.000 of 5 May carried forward, Kab. Tangerang's 9.000 of
    # 10 July. Per 1.000 residents by hand: 6000 / 1500000 * 1000 = 4,00 and
    # 9000 / 3000000 * 1000 = 3,00, so Kota ranks first although its count is smaller
    assert list(ranking["Wilayah"]) == ["Kota Tangerang", "Kabupaten Tangerang"]
    assert list(ranking["Angka yang dibandingkan"]) == [
        "4,00 per 1.000 penduduk (basis tempat kerja)",
        "3,00 per 1.000 penduduk (basis tempat kerja)",
    ]
    assert list(ranking["Angka"]) == ["6.000 pekerja", "9.000 pekerja"]


def test_areas_without_population_say_so(fixture_warehouse):
    at = open_page(
        "pages/wilayah.py",
        level="district",
        areas_district=["36.71.01", "36.71.05"],
        mode="per_1000",
        tab="ranking",
    )
    ranking = at.dataframe[0].value
    shown = dict(zip(ranking["Wilayah"], ranking["Angka yang dibandingkan"], strict=True))
    # regions.csv: Kec. Tangerang has no population; Cipondoh 100.000 residents and 400 PHK
    # (30 April 2020): 400 / 100000 * 1000 = 4,00
    assert shown["Kec. Tangerang"] == "tidak ada angka penduduk"
    assert shown["Kec. Cipondoh"] == "4,00 per 1.000 penduduk (basis tempat kerja)"
    assert list(ranking["Wilayah"]) == ["Kec. Cipondoh", "Kec. Tangerang"]  # no figure ranks last
    assert "Tanpa angka (tidak ada angka penduduk): Kec. Tangerang" in texts(at)


def test_garbage_in_the_url_falls_back_to_defaults_with_a_notice(fixture_warehouse):
    at = open_page(
        "pages/wilayah.py", level="planet", ukuran="nope", mode="x", dari="1999-01", tab="nope"
    )
    assert not at.exception
    assert at.radio(key="level").value == "regency"  # the default: Banten's kabupaten/kota
    assert at.selectbox(key="ukuran").value == "phk"
    assert at.selectbox(key="mode").value == "absolute"
    assert at.selectbox(key="dari").value == "2020-01"  # the first month of the build's horizon
    assert at.segmented_control(key="tab").value == "map"  # the first part of the page
    notices = [w.value for w in at.warning]
    # what the link said is echoed as code, never as markdown
    assert "Nilai di tautan tidak dikenali dan diganti nilai bawaan: `level` = `planet`" in notices
    assert "Nilai di tautan tidak dikenali dan diganti nilai bawaan: `dari` = `1999-01`" in notices
    assert "Nilai di tautan tidak dikenali dan diganti nilai bawaan: `tab` = `nope`" in notices
    assert len(notices) == 5


def test_data_page_download_is_exactly_the_rows_shown(fixture_warehouse):
    at = open_page(
        "pages/data.py",
        dataset="monthly",
        level="district",
        areas_district=["36.71.02"],
        dari="2020-03",
        sampai="2020-06",
    )
    shown = at.dataframe[0].value
    # kecamatan_labour.csv, Kec. Jatiuwung: PHK 40 on 31 March and 100 on 30 April 2020 (day
    # precision, so carried forward); no dirumahkan or closures. March and April are reported,
    # May and June carry April's 100 (as of 30 April)
    key = ["Bulan", "Ukuran", "Angka", "Per tanggal", "Sintetis"]
    expected = [
        ("Maret 2020", "PHK", "40 pekerja", "31 Maret 2020", True),
        ("April 2020", "PHK", "100 pekerja", "30 April 2020", True),
        ("Mei 2020", "PHK", "100 pekerja", "30 April 2020", True),
        ("Juni 2020", "PHK", "100 pekerja", "30 April 2020", True),
    ]
    assert [tuple(r) for r in shown[key].values] == expected
    assert set(shown["Wilayah"]) == {"Kec. Jatiuwung"}
    # the download holds the same rows, one for one, with the warehouse's columns
    months = (dt.date(2020, 3, 1), dt.date(2020, 6, 1))
    frame = datasets.load(queries, "monthly", ("36.71.02",), LABOUR, *months, True)
    meta = datasets.meta("monthly", ("36.71.02",), LABOUR, *months)
    downloaded = pd.read_csv(io.BytesIO(exports.to_bytes(frame, "csv", meta)))
    assert list(downloaded.columns) == datasets.COLUMNS["monthly"]
    assert [
        (r.month, r.metric, r.value, r.as_of_date, r.age_months, r.method)
        for r in downloaded.itertuples()
    ] == [
        ("2020-03-01", "phk", 40, "2020-03-31", 0, "reported"),
        ("2020-04-01", "phk", 100, "2020-04-30", 0, "reported"),
        ("2020-05-01", "phk", 100, "2020-04-30", 1, "carried_forward"),
        ("2020-06-01", "phk", 100, "2020-04-30", 2, "carried_forward"),
    ]
    assert {"unit", "as_of_date", "sources", "synthetic"} <= set(downloaded.columns)
    assert downloaded["value"].tolist() == [40, 100, 100, 100]
    assert downloaded["synthetic"].all()
    assert "data contoh — sintetis" in texts(at)
    assert "4 baris" in texts(at)


def test_the_data_preview_is_a_page_of_rows_and_says_how_many_there_are(
    fixture_warehouse, monkeypatch
):
    monkeypatch.setattr(tables, "PREVIEW_ROWS", 2)
    at = open_page(
        "pages/data.py",
        dataset="monthly",
        level="district",
        areas_district=["36.71.02"],
        dari="2020-03",
        sampai="2020-06",
    )
    # the 4 rows of the view above (Jatiuwung's PHK, March to June 2020); the first 2 shown
    assert list(at.dataframe[0].value["Bulan"]) == ["Maret 2020", "April 2020"]
    assert "2 baris pertama dari 4 ditampilkan; unduhan memuat semua 4 baris" in texts(at)
    assert "4 baris" not in [c.value for c in at.caption]  # the count is in the sentence above


def test_reported_dataset_keeps_qualifier_and_source_url(fixture_warehouse):
    at = open_page(
        "pages/data.py", dataset="reported", level="province", dari="2020-04", sampai="2020-04"
    )
    meta = exports.Meta("reported", "test")
    # labour.csv: Banten's only April 2020 reports, 20 April, both "at least" (4000 PHK, 5000
    # dirumahkan), from https://example.org/banten/2020-04-20: on screen with their sign
    shown = at.dataframe[0].value
    assert list(zip(shown["Ukuran"], shown["Angka"], strict=True)) == [
        ("Dirumahkan", "≥ 5.000 pekerja"),
        ("PHK", "≥ 4.000 pekerja"),
    ]
    months = (dt.date(2020, 4, 1), dt.date(2020, 4, 1))
    frame = datasets.load(queries, "reported", ("36",), LABOUR, *months, True)
    rows = list(csv.DictReader(io.StringIO(exports.to_bytes(frame, "csv", meta).decode())))
    assert [(r["metric"], r["value"], r["qualifier"], r["url"]) for r in rows] == [
        ("dirumahkan", "5000", "at_least", "https://example.org/banten/2020-04-20"),
        ("phk", "4000", "at_least", "https://example.org/banten/2020-04-20"),
    ]
    assert {r["synthetic"] for r in rows} == {"False"}


def test_a_rebuild_shows_on_the_next_interaction(tmp_path, monkeypatch):
    data = page_fixture_data(tmp_path)
    warehouse = tmp_path / "live.duckdb"
    monkeypatch.setenv("PULIH_WAREHOUSE", str(warehouse))
    build(data, warehouse)
    at = open_page("pages/ringkasan.py")
    assert ("PHK", "6.000 pekerja") in cards(at)  # Kota Tangerang, 5 May 2020

    labour = data / "raw" / "labour.csv"
    labour.write_text(
        labour.read_text(encoding="utf-8")
        + "36.71,Kota Tangerang,2020-08-01,day,phk,7500,workers,exact,workplace,Kadisnaker,Test,https://example.org/new,2020-08-01,\n",
        encoding="utf-8",
    )
    build(data, warehouse)  # while the "dashboard" session is open
    at.run()
    assert ("PHK", "7.500 pekerja") in cards(at)
    assert ("PHK", "6.000 pekerja") not in cards(at)


def test_pages_render_on_a_warehouse_with_no_figures(tmp_path, monkeypatch):
    # a data folder with only the reference tables still renders every page (no data, no crash)
    data = make_data_dir(tmp_path, {})
    build(data, tmp_path / "empty.duckdb")
    monkeypatch.setenv("PULIH_WAREHOUSE", str(tmp_path / "empty.duckdb"))
    for page in PAGES:
        assert not open_page(page).exception, page


@pytest.mark.parametrize("page", [p.removeprefix("pages/").removesuffix(".py") for p in PAGES])
def test_with_the_demo_switch_on_the_district_view_is_badged(fixture_warehouse, page):
    # every page shows some of the synthetic kecamatan figures or register at the district level
    at = open_page(page, level="district")
    assert [m.value for m in at.markdown if "orange-badge" in m.value]


# every page, and each part of Wilayah (it draws one at a time, `tab=`)
VIEWS = [(p.removeprefix("pages/").removesuffix(".py"), None) for p in PAGES] + [
    ("wilayah", part) for part in ("ranking", "panels", "lines", "conflicts")
]


@pytest.mark.parametrize(("page", "part"), VIEWS, ids=str)
def test_with_the_demo_switch_off_no_synthetic_figure_is_on_screen(fixture_warehouse, page, part):
    at = open_page(page, contoh="0", level="district", **({"tab": part} if part else {}))
    assert at.toggle(key="contoh").value is False
    # st.badge reaches AppTest as markdown (":orange-badge[...]")
    assert not [m.value for m in at.markdown if "orange-badge" in m.value]
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
    assert "Fixture demo generator" not in texts(at)


def test_one_source_is_a_source_in_english(fixture_warehouse):
    """English captions read "Sources: Kompas.com" for a single source. Every caption on
    Ringkasan in English that names one source (no "; " between names) says "Source:", and one
    naming several says "Sources:"."""
    at = open_page("ringkasan", lang="en")
    # captions are markdown with the colon escaped ("Sources\\:"): read without the escapes
    captions = [c.value.replace("\\", "") for c in at.caption]
    captions = [c for c in captions if c.startswith(("Source", "Sumber"))]
    assert captions
    for caption in captions:
        names = caption.split(": ", 1)[1].split(". ")[0]
        word = "Sources:" if "; " in names else "Source:"
        assert caption.startswith(word), caption


def test_the_overview_trend_names_its_sources_once(fixture_warehouse):
    """Under Ringkasan's trend, "Sumber: Fixture demo generator (sintetis)." (the register's
    source) stood alone after the caption that had already named it with the figures' sources.
    The trend has one sources caption: the one right after its months caption ("Kota Tangerang
    · PHK: angka resmi ...") names the demo generator, Harian Satu and Kabar Kota, and the
    caption after it is no second "Sumber:" line."""
    at = open_page("ringkasan")
    captions = [c.value for c in at.caption]
    months = next(i for i, c in enumerate(captions) if c.startswith("Kota Tangerang · PHK"))
    sources, after = captions[months + 1], captions[months + 2]
    assert sources.startswith("Sumber: Fixture demo generator (sintetis); [Harian Satu]")
    assert "[Kabar Kota]" in sources
    assert after != "Sumber: Fixture demo generator (sintetis)."
