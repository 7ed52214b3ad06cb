"""Sumber & Metode, and small cells end to end: a tiny register's counts never show below 5."""

import io

import pandas as pd
import pytest

from analytics import datasets, exports, queries
from etl.build import build
from tests.conftest import entry, make_data_dir, open_page

REGISTER = """umkm_id,region_code,sector,scale,registered_on,onboarded_on,platform
A1,36.71.04,kuliner,mikro,2019-01-01,2020-02-01,Shopee
A2,36.71.04,kuliner,mikro,2019-01-01,,
B1,36.71.11,jasa,kecil,2019-01-01,2020-02-01,Shopee
B2,36.71.11,jasa,kecil,2019-01-01,2020-02-01,Tokopedia
B3,36.71.11,jasa,kecil,2019-01-01,2020-02-01,Tokopedia
B4,36.71.11,jasa,kecil,2019-01-01,2020-02-01,Shopee
B5,36.71.11,jasa,kecil,2019-01-01,2020-02-01,Shopee
B6,36.71.11,jasa,kecil,2019-01-01,,
B7,36.71.11,jasa,kecil,2019-01-01,,
"""
BAD = "36,Provinsi Banten,20 Mai 2020,day,phk,17298,workers,exact,workplace,,Kompas.com,https://e.org,2020,\n"


@pytest.fixture
def small_warehouse(tmp_path, monkeypatch):
    data = make_data_dir(tmp_path, {"labour.csv": BAD})
    (data / "raw" / "register.csv").write_text(REGISTER)
    with (data / "sources.toml").open("a") as f:
        f.write(entry("register", "raw/register.csv", "umkm_register", synthetic=True))
    path = tmp_path / "small.duckdb"
    build(data, path)
    monkeypatch.setenv("PULIH_WAREHOUSE", str(path))
    return path


def test_small_register_counts_show_as_less_than_5_on_screen_and_in_downloads(small_warehouse):
    month = pd.Timestamp("2020-03-01").date()
    frame = datasets.load(queries, "umkm", ("36.71.04", "36.71.11"), (), month, month).set_index(
        "region_code"
    )
    # Benda: 2 businesses (1 onboarded), below 5: withheld. Pinang's 7 (5 onboarded) is its
    # smallest sibling, withheld with it (complementary suppression: 2 + 7 >= 5)
    assert frame["registered_suppressed"].to_dict() == {
        "36.71.04": True, "36.71.11": True
    }  # fmt: skip
    assert frame["onboarded_suppressed"].to_dict() == {
        "36.71.04": True, "36.71.11": True
    }  # fmt: skip
    assert (
        frame.loc[["36.71.04", "36.71.11"], ["registered", "onboarded", "adoption_rate"]]
        .isna()
        .all()
        .all()
    )
    # this register has businesses in 2 of the city's 13 kecamatan: no city total is made from it
    assert datasets.load(queries, "umkm", ("36.71",), (), month, month).empty
    meta = datasets.meta("umkm", ("36.71.04",), (), month, month)
    download = exports.to_bytes(frame.reset_index(), "csv", meta).decode()
    assert "36.71.04,Kec. Benda,district,2020-03-01,,,,True,True," in download
    # every format carries the withheld counts as empty numbers with their flags
    for fmt in exports.FORMATS:
        data = exports.to_bytes(frame.reset_index(), fmt, meta)
        if fmt == "parquet":
            back = pd.read_parquet(io.BytesIO(data)).set_index("region_code")
            assert pd.isna(back.loc["36.71.04", "registered"])
            assert back["registered_suppressed"].all()
        elif fmt == "xlsx":
            back = pd.read_excel(io.BytesIO(data), sheet_name="data").set_index("region_code")
            assert bool(back.loc["36.71.04", "registered_suppressed"]) is True
    at = open_page(
        "wilayah.py",
        level="district",
        ukuran="umkm_registered",
        dari="2020-03",
        sampai="2020-03",
        tab="ranking",
    )
    shown = dict(
        zip(
            at.dataframe[0].value["Wilayah"],
            at.dataframe[0].value["Angka yang dibandingkan"],
            strict=True,
        )
    )
    # one label for both: which of the two is the small one is not said
    assert shown["Kec. Benda"] == "disamarkan (sel kecil, di bawah 5 atau pelengkapnya)"
    assert shown["Kec. Pinang"] == shown["Kec. Benda"]


def test_method_page_lists_sources_dictionary_notes_and_build_status(small_warehouse):
    at = open_page("sumber_metode.py")
    assert not at.exception
    assert [h.value for h in at.header] == [
        "Sumber",
        "Kamus data",
        "Catatan metode",
        "Status pembangunan data",
    ]
    sources, measures, columns, coverage, files, rejected = (d.value for d in at.dataframe[:6])
    # the tables as a reader reads them: labelled columns, formatted values (the downloads keep
    # the warehouse's columns, tests/analytics/test_exports.py)
    assert {
        "Penerbit",
        "Sumber",
        "Terbit",
        "Lisensi",
        "Ukuran",
        "Rentang tanggal",
        "Baris",
        "Sintetis",
        "Alamat",
    } <= set(sources.columns)
    assert "umkm register" in set(sources["Ukuran"])
    assert {"Ukuran", "Arti", "Satuan", "Jenis", "Kode"} <= set(measures.columns)
    # the kind in plain words, not the statistician's "stok": a layoff count is a running total
    # to its report's date, the employed (BPS Sakernas) a count at its survey's date
    # (data/raw/metrics.csv: phk cumulative, employed not)
    kinds = dict(zip(measures["Kode"], measures["Jenis"], strict=True))
    assert kinds["phk"] == "jumlah kumulatif sampai tanggal laporan"
    assert kinds["employed"] == "jumlah pada satu tanggal (mis. tanggal survei)"
    assert not [k for k in kinds.values() if "stok" in k]
    assert "registered" in set(columns.iloc[:, 0])  # the first column names the download column
    assert len(files) == 5 and files["SHA-256"].str.fullmatch(r"[0-9a-f]{64}").all()
    assert rejected.to_dict("records") == [
        {
            "Berkas": "raw/labour.csv",
            "Baris ke-": "2",
            "Kolom": "ref_date",
            # the cell as written, a date here: not a figure, so not headed "Angka"
            "Isi sel": "20 Mai 2020",
            # in the reader's language (the catalog's Indonesian of the template,
            # warehouse/reasons.py)
            "Alasan": "'20 Mai 2020': 'mai' bukan nama bulan (mis. Mei, Agustus, Des)",
        }
    ]
    notes = " ".join(m.value for m in at.markdown)
    assert "#### Sel kecil" in notes and "yang kurang dari\n5 disamarkan" in notes
    assert "paling lama 12 bulan" in notes
    # where the demo data is used, read from the warehouse: the synthetic register's areas
    assert set(coverage["Ukuran"]) == {
        "UMKM terdaftar",
        "UMKM masuk digital",
        "Tingkat adopsi digital UMKM",
    }
    assert len(at.get("download_button")) == 6 * 4


def family_register() -> str:
    """Benda 2 businesses, Pinang 7, every other kecamatan of Kota Tangerang 20 (all Jan 2019)."""
    counts = {f"36.71.{n:02d}": 20 for n in range(1, 14)} | {"36.71.04": 2, "36.71.11": 7}
    lines = ["umkm_id,region_code,sector,scale,registered_on,onboarded_on,platform"]
    for code, n in counts.items():
        lines += [f"{code}-{i},{code},kuliner,mikro,2019-01-01,2019-06-01,Shopee" for i in range(n)]
    return "\n".join(lines) + "\n"


def kecamatan_phk() -> str:
    """Every kecamatan reports 40 PHK for March 2020 (month precision)."""
    return "".join(
        f"36.71.{n:02d},x,2020-03,month,phk,40,workers,exact,workplace,,demo,,,\n"
        for n in range(1, 14)
    )


@pytest.fixture
def family_warehouse(tmp_path, monkeypatch):
    data = make_data_dir(tmp_path, {"phk.csv": kecamatan_phk()})
    (data / "raw" / "register.csv").write_text(family_register())
    with (data / "sources.toml").open("a") as f:
        f.write(entry("register", "raw/register.csv", "umkm_register", synthetic=True))
    path = tmp_path / "family.duckdb"
    build(data, path)
    monkeypatch.setenv("PULIH_WAREHOUSE", str(path))
    return path


def test_no_difference_of_published_counts_recovers_a_small_cell(family_warehouse):
    from analytics import queries

    month = pd.Timestamp("2020-03-01").date()
    codes = tuple(f"36.71.{n:02d}" for n in range(1, 14)) + ("36.71",)
    frame = queries.umkm_monthly(codes, month, month).set_index("region_code")
    # by hand: the city has 11 x 20 + 2 + 7 = 229; Benda (2) is small, Pinang (7) is the
    # smallest other: both withheld, and 229 - 11 x 20 = 9 is all anyone can work out
    assert frame.loc["36.71", "registered"] == 229
    shown = frame.drop(index="36.71")["registered"].dropna()
    assert len(shown) == 11 and shown.sum() == 220
    assert frame.loc["36.71", "registered"] - shown.sum() == 9  # neither 2 nor 7
    # per 100 registered UMKM on Benda would give its 2 back (40 / 2 x 100 = 2.000): withheld
    at = open_page(
        "wilayah.py", level="district", ukuran="phk", mode="per_100_umkm",
        dari="2020-03", sampai="2020-03", tab="ranking",
    )  # fmt: skip
    ranking = at.dataframe[0].value.set_index("Wilayah")["Angka yang dibandingkan"]
    assert ranking["Kec. Benda"].startswith("disamarkan")
    assert ranking["Kec. Pinang"].startswith("disamarkan")
    assert ranking["Kec. Tangerang"] == "200,00 per 100 UMKM terdaftar"  # 40 / 20 x 100
    assert "2.000" not in " ".join(ranking) and "571" not in " ".join(ranking)
