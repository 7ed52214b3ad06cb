"""A bad row is rejected with file, line, column, value and reason; the rest of its file loads."""

import re
import shutil

from etl.__main__ import main
from etl.build import build
from tests.conftest import PROJECT, REASON_TEMPLATE, entry, make_data_dir, table_rows

AGENCY = PROJECT / "tests" / "fixtures" / "agency"

BAD = """\
36,Provinsi Banten,2020-05-20,day,phk,17298,workers,exact,workplace,,Kompas.com,https://example.org/a,2020-05-28,
36.99,Nowhere,2020-05-20,day,phk,10,workers,exact,workplace,,Kompas.com,https://example.org/a,2020-05-28,
36,Provinsi Banten,2020-05-20,day,dirumahkan,27.569a,workers,exact,workplace,,Kompas.com,https://example.org/a,2020-05-28,

36,Provinsi Banten,,day,companies_closed,59,companies,exact,workplace,,Kompas.com,https://example.org/a,2020-05-28,
36.71,Kota Tangerang,2020-05-05,day,phk,6023,workers,exact,workplace,,Kompas.com,https://example.org/b,2020-05-05,
"""


def test_bad_rows_are_rejected_with_where_and_why(tmp_path):
    data = make_data_dir(tmp_path, {"labour.csv": BAD})
    report = build(data, tmp_path / "w.duckdb")
    rejected = table_rows(tmp_path / "w.duckdb", "rejected", exclude=REASON_TEMPLATE)
    assert [(f, line, col, val) for f, line, col, val, _ in rejected] == [
        ("raw/labour.csv", 3, "area_code", "36.99"),
        ("raw/labour.csv", 4, "value", "27.569a"),
        ("raw/labour.csv", 6, "ref_date", ""),
    ]
    reasons = [r[-1] for r in rejected]
    assert "unknown area '36.99'" in reasons[0] and "Kemendagri code" in reasons[0]
    assert "is not a number" in reasons[1] and "17.298" in reasons[1]
    assert "ref_date is empty" in reasons[2]

    # the rest of the file loads
    loaded = table_rows(
        tmp_path / "w.duckdb",
        "observation",
        exclude=("obs_id", "source_id", "note", "superseded", "dated_by"),
    )
    assert [(r[0], r[3], r[4], r[-1]) for r in loaded] == [
        ("36", "phk", 17298.0, 2),
        ("36.71", "phk", 6023.0, 7),
    ]
    labour = next(f for f in report.files if f.entry.id == "labour")
    assert (labour.loaded.rows_read, labour.loaded.rows_loaded, labour.loaded.rows_rejected) == (
        5,
        2,
        3,
    )


def test_the_build_summary_prints_each_reject(tmp_path, capsys):
    data = make_data_dir(tmp_path, {"labour.csv": BAD})
    assert main(["build", "--data", str(data), "--warehouse", str(tmp_path / "w.duckdb")]) == 0
    out = capsys.readouterr().out
    assert re.search(r"raw/labour.csv +observations +5 +2 +3", out)
    assert "raw/labour.csv:3 column area_code value '36.99': unknown area '36.99'" in out
    assert "raw/labour.csv:4 column value value '27.569a'" in out


def test_unknown_metric_wrong_unit_and_bad_qualifier(tmp_path):
    body = """\
    36,Provinsi Banten,2020-05-20,day,layoffs,1,workers,exact,workplace,,x,https://e.org,2020,
    36,Provinsi Banten,2020-05-20,day,phk,1,perusahaan,exact,workplace,,x,https://e.org,2020,
    36,Provinsi Banten,2020-05-20,day,phk,1,workers,kira-kira,workplace,,x,https://e.org,2020,
    36,Provinsi Banten,2020-13-20,day,phk,1,workers,exact,workplace,,x,https://e.org,2020,
    """
    data = make_data_dir(tmp_path, {"odd.csv": body})
    build(data, tmp_path / "w.duckdb")
    rejected = table_rows(tmp_path / "w.duckdb", "rejected", exclude=REASON_TEMPLATE)
    assert [(line, col) for _, line, col, _, _ in rejected] == [
        (2, "metric"),
        (3, "unit"),
        (4, "qualifier"),
        (5, "ref_date"),
    ]
    assert "measured in 'workers', not 'perusahaan'" in rejected[1][-1]
    assert table_rows(tmp_path / "w.duckdb", "observation") == []


def test_a_bad_cell_repeated_is_rejected_on_every_line_it_is_on(tmp_path):
    """Each distinct cell is checked once (etl/kinds/observations.py Probe): the verdict is reused
    for its later lines, and each of them is still rejected with its own line, and a good cell
    beside a bad one loads nothing of its row."""
    body = """\
    36,Provinsi Banten,2020-05-20,day,phk,12x,workers,exact,workplace,,x,https://e.org,2020,
    36,Provinsi Banten,2020-05-21,day,phk,12x,workers,exact,workplace,,x,https://e.org,2020,
    36,Provinsi Banten,2020-05-22,day,phk,12,workers,exact,workplace,,x,https://e.org,2020,
    36.99,Nowhere,2020-05-22,day,phk,12,workers,exact,workplace,,x,https://e.org,2020,
    36.99,Nowhere,2020-05-23,day,phk,13,workers,exact,workplace,,x,https://e.org,2020,
    """
    data = make_data_dir(tmp_path, {"odd.csv": body})
    build(data, tmp_path / "w.duckdb")
    rejected = table_rows(tmp_path / "w.duckdb", "rejected", exclude=REASON_TEMPLATE)
    # lines 2 and 3 write '12x'; lines 5 and 6 name the unknown area 36.99 (line 1 is the header)
    assert [(line, col, value) for _, line, col, value, _ in rejected] == [
        (2, "value", "12x"),
        (3, "value", "12x"),
        (5, "area_code", "36.99"),
        (6, "area_code", "36.99"),
    ]
    # line 4 alone loads: Banten's 12 on 22 May, its value the same cell as line 5's
    loaded = table_rows(tmp_path / "w.duckdb", "observation", exclude=("obs_id", "source_id"))
    assert [(r[0], r[3], r[4]) for r in loaded] == [("36", "phk", 12.0)]


def test_a_row_with_too_many_cells_is_rejected_not_shifted(tmp_path):
    body = "36,Provinsi Banten,2020-05-20,day,phk,17,298,workers,exact,workplace,,x,https://e.org,2020,\n"
    data = make_data_dir(tmp_path, {"shifted.csv": body})
    build(data, tmp_path / "w.duckdb")
    rejected = table_rows(tmp_path / "w.duckdb", "rejected", exclude=REASON_TEMPLATE)
    assert len(rejected) == 1 and rejected[0][1] == 2
    assert "15 cells but the header has 14" in rejected[0][-1]


def test_a_header_without_required_columns_rejects_every_row_once(tmp_path):
    data = make_data_dir(
        tmp_path,
        {
            "x.csv": "36,Provinsi Banten,2020-05-20,day,phk,1,workers,exact,workplace,,x,https://e.org,2020,\n"
        },
    )
    # drop the metric column from the header only
    path = data / "raw" / "x.csv"
    header, body = path.read_text().split("\n", 1)
    path.write_text(header.replace(",metric,", ",measure,") + "\n" + body)
    report = build(data, tmp_path / "w.duckdb")
    x = next(f for f in report.files if f.entry.id == "x")
    assert (x.loaded.rows_read, x.loaded.rows_loaded, x.loaded.rows_rejected) == (1, 0, 1)
    rejected = table_rows(tmp_path / "w.duckdb", "rejected", exclude=REASON_TEMPLATE)
    # the metric column by the headers data/aliases/columns.csv knows for it, as written
    assert [(line, reason.split(";")[0]) for _, line, _, _, reason in rejected] == [
        (1, "missing column(s): Ukuran or Indikator"),
        (2, "not loaded: the header lacks required columns"),
    ]


def test_two_csv_registers_each_refuse_only_their_own_rows(tmp_path):
    """DuckDB keeps the rows its CSV parser refused in a temp table of the connection; the second
    register of a build must see its own refused rows, not the first one's too."""
    data = make_data_dir(tmp_path, {})
    shutil.copy(AGENCY / "register_crlf_then_lf.csv", data / "raw" / "first.csv")
    (data / "raw" / "second.csv").write_text(
        "ID UMKM,Kecamatan,Sektor,Skala,Tanggal Daftar,Tanggal Onboarding,Platform\n"
        "S-1,Karawaci,kuliner,Mikro,2019-03-01,,\n"
        "S-2,Cibodas,jasa,Kecil,2019-04-01,,\n"
        "S-3,Pinang\n"
        "S-4,Pinang,kuliner,Mikro,2019-05-01,,\n",
        encoding="utf-8",
    )
    with (data / "sources.toml").open("a") as f:
        f.write(entry("first", "raw/first.csv", "umkm_register"))
        f.write(entry("second", "raw/second.csv", "umkm_register"))
    report = build(data, tmp_path / "w.duckdb")
    counts = {
        f.entry.id: (f.loaded.rows_read, f.loaded.rows_loaded, f.loaded.rows_rejected)
        for f in report.files
        if f.entry.id in ("first", "second")
    }
    assert counts == {"first": (4, 2, 2), "second": (4, 3, 1)}
    rejected = table_rows(tmp_path / "w.duckdb", "rejected", exclude=REASON_TEMPLATE)
    assert [(source, line) for source, line, *_ in rejected] == [
        ("raw/first.csv", 3),
        ("raw/first.csv", 5),
        ("raw/second.csv", 4),
    ]
