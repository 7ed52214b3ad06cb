"""Every row read is loaded or rejected with a reason, and the counts add up
(rows_read = rows_loaded + rows_rejected) in check, add and the build summary, whatever the file:
a wide row that loads partly, a register row the CSV parser cannot split, a line longer than any
row, a file whose line endings change on its last line."""

import json
import re
from pathlib import Path

import pytest

from etl.__main__ import FILE_KINDS, main
from etl.check import check_file, loaded_in_memory
from tests.conftest import PROJECT, make_data_dir, table_rows

AGENCY = PROJECT / "tests" / "fixtures" / "agency"
FIXTURES = sorted(p for p in AGENCY.iterdir() if p.is_file())

WIDE = (
    "Kecamatan,Tanggal,PHK,Dirumahkan\n"
    "Karawaci,2020-05-31,10,12a\n"  # line 2: PHK loads, Dirumahkan rejected -> loaded partly
    "Cibodas,2020-05-31,20,30\n"  # line 3: both figures load
    "Karawachi,2020-05-31,5,6\n"  # line 4: unknown area -> nothing loads, row rejected
)


def write(tmp_path: Path, name: str, body: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(body if isinstance(body, bytes) else body.encode())
    return path


def test_a_wide_row_with_one_bad_cell_loads_partly_and_is_counted_so(tmp_path, capsys):
    path = write(tmp_path, "wide.csv", WIDE)
    result = check_file(path, "observations_wide")
    # by hand: 3 rows; lines 2 and 3 load (line 2 partly), line 4 does not;
    # figures: 1 (line 2) + 2 (line 3) = 3; cells rejected in partly loaded rows: 1 (line 2)
    assert (result.rows_read, result.rows_loaded, result.rows_rejected) == (3, 2, 1)
    assert (result.rows_partly, result.figures_loaded, result.cells_rejected) == (1, 3, 1)
    found = [(r["line"], r["column"]) for r in result.rejected]
    assert found == [(2, "Dirumahkan"), (4, "Kecamatan")]

    assert main(["check", str(path), "--kind", "observations_wide"]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[0] == (
        "wide.csv (observations_wide): 3 rows read, 2 would load (1 of them partly: 1 cell "
        "rejected), 1 would be rejected; 3 figures would load"
    )
    assert main(["check", str(path), "--kind", "observations_wide", "--json"]) == 1
    body = json.loads(capsys.readouterr().out)
    assert {k: body[k] for k in ("rows_read", "rows_loaded", "rows_rejected")} == {
        "rows_read": 3,
        "rows_loaded": 2,
        "rows_rejected": 1,
    }
    assert (body["rows_partly"], body["figures_loaded"], body["cells_rejected"]) == (1, 3, 1)


def test_the_build_summary_and_source_file_count_a_partly_loaded_row_as_loaded(tmp_path, capsys):
    data = make_data_dir(tmp_path, {})
    (data / "raw" / "wide.csv").write_text(WIDE, encoding="utf-8")
    with (data / "sources.toml").open("a", encoding="utf-8") as f:
        f.write(
            '\n[[file]]\nid = "wide"\npath = "raw/wide.csv"\nkind = "observations_wide"\n'
            'title = "t"\npublisher = "p"\npublished = "2020-06-01"\nlicence = "l"\n'
            "synthetic = false\n"
        )
    warehouse = tmp_path / "w.duckdb"
    assert main(["build", "--data", str(data), "--warehouse", str(warehouse)]) == 0
    out = capsys.readouterr().out
    # columns: read, loaded, rejected, then partly and figures
    assert re.search(r"raw/wide.csv +observations_wide +3 +2 +1 +1 +3\n", out)
    rows = table_rows(warehouse, "source_file")
    columns = [c for c in _columns(warehouse, "source_file")]
    wide = dict(zip(columns, next(r for r in rows if r[0] == "wide"), strict=True))
    assert (wide["rows_read"], wide["rows_loaded"], wide["rows_rejected"]) == (3, 2, 1)
    assert (wide["rows_partly"], wide["figures_loaded"], wide["cells_rejected"]) == (1, 3, 1)


def _columns(warehouse, table):
    import duckdb

    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return [c[0] for c in con.execute(f"describe {table}").fetchall()]
    finally:
        con.close()


def test_add_prints_the_same_counts(project, capsys):
    data, _ = project
    path = write(project[0].parent, "wide.csv", WIDE)
    argv = ["add", str(path), "--kind", "observations_wide", "--publisher", "Disnaker"]
    argv += ["--url", "https://example.org/r", "--published", "2020-06-01", "--data", str(data)]
    assert main([*argv, "--accept-rejects"]) == 0
    out = capsys.readouterr().out
    counted = "3 rows read, 2 would load (1 of them partly: 1 cell rejected), 1 would be rejected"
    assert counted in out
    assert re.search(r"raw/agency/2020_06_01_wide.csv +observations_wide +3 +2 +1 +1 +3\n", out)


def test_a_wide_row_with_no_figure_at_all_is_rejected_not_counted_as_loaded(tmp_path):
    body = "Kecamatan,Tanggal,PHK,Dirumahkan\nPeriuk,2020-05-31,-,n/a\nBenda,2020-05-31,4,-\n"
    result = check_file(write(tmp_path, "empty.csv", body), "observations_wide")
    # line 2 has no figure in either column: nothing of it can load; line 3 loads 1 figure
    assert (result.rows_read, result.rows_loaded, result.rows_rejected) == (2, 1, 1)
    assert result.figures_loaded == 1
    assert [(r["line"], r["column"]) for r in result.rejected] == [(2, None)]
    assert "no figure in this row" in result.rejected[0]["reason"]


# --- the register, read by DuckDB -------------------------------------------------------------

HEADER = "ID UMKM,Kecamatan,Sektor,Skala,Tanggal Daftar,Tanggal Onboarding,Platform"
GOOD = [
    "A-1,Karawaci,kuliner,Mikro,2019-03-01,2020-08-01,Shopee",
    "A-2,Cibodas,jasa,Kecil,2019-04-01,,",
    "A-3,Pinang,kuliner,Mikro,2019-05-01,,",
]


def register(tmp_path, lines: list[str], newline="\n", name="register.csv"):
    return write(tmp_path, name, newline.join([HEADER, *lines]) + newline)


def loaded_ids(path):
    with loaded_in_memory(path, "umkm_register") as (con, _):
        return [r[0] for r in con.execute("select umkm_id from umkm order by 1").fetchall()]


def test_a_short_register_row_is_one_row_rejected_once(tmp_path):
    path = register(tmp_path, [GOOD[0], "A-2,Cibodas,jasa", GOOD[2]])
    result = check_file(path, "umkm_register")
    # by hand: 3 rows; line 3 has 3 cells of 7 -> rejected once; lines 2 and 4 load
    assert (result.rows_read, result.rows_loaded, result.rows_rejected) == (3, 2, 1)
    assert [(r["line"], r["column"]) for r in result.rejected] == [(3, None)]
    assert "3 cells but the header has 7" in result.rejected[0]["reason"]


def test_register_lines_after_a_row_the_parser_refused_keep_their_numbers(tmp_path):
    # line 3 has an extra cell (DuckDB refuses it); line 4's scale is wrong: it must say line 4
    path = register(tmp_path, [GOOD[0], GOOD[1] + ",x", "A-3,Pinang,kuliner,Raksasa,2019-05-01,,"])
    result = check_file(path, "umkm_register")
    assert [(r["line"], r["column"]) for r in result.rejected] == [(3, None), (4, "Skala")]
    assert (result.rows_read, result.rows_loaded, result.rows_rejected) == (3, 1, 2)


def test_lines_hold_in_a_register_duckdb_reads_in_parallel(tmp_path):
    # 1.000.000 rows of ~40 bytes (40 MB, more than DuckDB's 32 MB buffer): the read is split
    # between threads, and a row's line comes from the order the rows were stored in. Row n is on
    # line n + 1 (the header is line 1); three rows carry a scale that is not one, at the start,
    # the middle and the end of the file, and each reject names its own line and id ("B-<line>")
    bad = {2, 500_001, 1_000_001}
    rows = [
        f"B-{line},Karawaci,kuliner,{'Raksasa' if line in bad else 'Mikro'},2019-03-01,,"
        for line in range(2, 1_000_002)
    ]
    result = check_file(register(tmp_path, rows), "umkm_register")
    assert (result.rows_read, result.rows_loaded, result.rows_rejected) == (1_000_000, 999_997, 3)
    assert [(r["line"], r["column"]) for r in result.rejected] == [
        (n, "Skala") for n in sorted(bad)
    ]
    assert all(
        f"(umkm_id B-{n})" in r["reason"] for n, r in zip(sorted(bad), result.rejected, strict=True)
    )


def test_blank_lines_in_a_register_do_not_shift_line_numbers(tmp_path):
    path = register(tmp_path, [GOOD[0], "", "", "A-3,Pinang,kuliner,Raksasa,2019-05-01,,"])
    result = check_file(path, "umkm_register")
    assert [(r["line"], r["column"]) for r in result.rejected] == [(5, "Skala")]
    assert (result.rows_read, result.rows_loaded, result.rows_rejected) == (2, 1, 1)


def test_a_crlf_register_whose_last_row_ends_lf_with_an_extra_cell_rejects_that_row(tmp_path):
    body = "\r\n".join([HEADER, GOOD[0], GOOD[1]]) + "\r\n" + GOOD[2] + ",extra\n"
    path = write(tmp_path, "crlf.csv", body)
    result = check_file(path, "umkm_register")
    assert result.error is None
    assert (result.rows_read, result.rows_loaded, result.rows_rejected) == (3, 2, 1)
    assert [(r["line"], r["column"]) for r in result.rejected] == [(4, None)]
    assert "8 cells but the header has 7" in result.rejected[0]["reason"]
    assert loaded_ids(path) == ["A-1", "A-2"]


def test_a_register_line_longer_than_any_row_is_rejected_and_the_rest_loads(tmp_path):
    # a 33 MB line: longer than DuckDB's 32 MB read buffer, which used to swallow it and every row
    # after it without a word ("2 rows read" for 4)
    huge = "A-9,Cibodas,jasa" + "x" * 33_000_000 + ",Kecil,2019-04-01,,"
    path = register(tmp_path, [GOOD[0], huge, GOOD[1], GOOD[2]])
    result = check_file(path, "umkm_register")
    assert (result.rows_read, result.rows_loaded, result.rows_rejected) == (4, 3, 1)
    assert [(r["line"], r["column"], r["value"]) for r in result.rejected] == [(3, None, None)]
    assert "33,000,035 bytes long" in result.rejected[0]["reason"]  # English, as the CLI speaks
    assert loaded_ids(path) == ["A-1", "A-2", "A-3"]


def test_a_quote_that_is_never_closed_refuses_the_register_with_its_line(tmp_path, capsys):
    # the quote opened on line 3 runs to the end of the file: no row after it can be told apart
    path = register(tmp_path, [GOOD[0], 'A-2,"Cibodas,jasa,Kecil,2019-04-01,,', GOOD[2]])
    assert main(["check", str(path), "--kind", "umkm_register"]) == 2
    out = capsys.readouterr().out
    assert "line 3 opens a quote that is never closed" in out


def test_a_windows_1252_register_with_a_long_line_counts_each_row(tmp_path):
    huge = "A-9,Cibodas,jasa " + "é" * 1_100_000 + ",Kecil,2019-04-01,,"
    body = "\r\n".join([HEADER, GOOD[0], huge, "A-2,Cibodas,kerajinan – batik,Kecil,2019-04-01,,"])
    path = write(tmp_path, "cp.csv", body.encode("cp1252"))
    result = check_file(path, "umkm_register")
    assert (result.rows_read, result.rows_loaded, result.rows_rejected) == (3, 2, 1)
    assert [r["line"] for r in result.rejected] == [3]


# --- digits that are not 0-9 --------------------------------------------------------------------


def test_arabic_indic_and_full_width_digits_are_not_numbers_or_dates(tmp_path):
    body = (
        "Wilayah,Tanggal,Ukuran,Jumlah\n"
        "Kota Tangerang,2020-05-31,PHK,\u0661\u0662\n"  # Arabic-Indic 12
        "Kota Tangerang,2020-05-31,Dirumahkan,\uff11\uff12\n"  # full-width 12
        "Kota Tangerang,\uff12\uff10\uff12\uff10-05-31,Perusahaan Tutup,3\n"  # full-width 2020
        "Kota Tangerang,2020-05-31,Perusahaan Tutup,3\n"
    )
    result = check_file(write(tmp_path, "digits.csv", body), "observations")
    assert [(r["line"], r["column"]) for r in result.rejected] == [
        (2, "Jumlah"),
        (3, "Jumlah"),
        (4, "Tanggal"),
    ]
    assert all("digits 0-9" in r["reason"] for r in result.rejected)
    assert (result.rows_read, result.rows_loaded, result.rows_rejected) == (4, 1, 3)


def test_full_width_digits_in_a_register_date_are_rejected(tmp_path):
    path = register(tmp_path, [GOOD[0], "A-2,Cibodas,jasa,Kecil,\uff12\uff10\uff11\uff19-04-01,,"])
    result = check_file(path, "umkm_register")
    assert [(r["line"], r["column"]) for r in result.rejected] == [(3, "Tanggal Daftar")]
    assert "digits 0-9" in result.rejected[0]["reason"]


# --- the rule, over every fixture as every kind ---------------------------------------------------


@pytest.mark.parametrize("kind", FILE_KINDS)
@pytest.mark.parametrize("fixture", FIXTURES, ids=[p.name for p in FIXTURES])
def test_every_row_read_is_loaded_or_rejected_with_a_reason(fixture, kind):
    result = check_file(fixture, kind)
    if result.error:
        return
    assert result.rows_read == result.rows_loaded + result.rows_rejected
    assert result.rows_partly <= result.rows_loaded
    # a row not loaded has a reject on its own line; so does a partly loaded one
    header_lines = {r["line"] for r in result.rejected if r["column"] is None and r["value"]}
    lines = {r["line"] for r in result.rejected} - header_lines
    assert len(lines) == result.rows_rejected + result.rows_partly


def test_a_utf8_register_is_not_taken_for_windows_1252_when_a_letter_straddles_64_kb(tmp_path):
    # the header is sniffed from the first 65.536 bytes: an 'é' (2 bytes in UTF-8) whose first
    # byte is byte 65.535 used to make that head invalid UTF-8, and the whole file was read as
    # Windows-1252 ('Ã©')
    rows, size = [], len(HEADER) + 1
    while size < 65_536 - 200:
        rows.append(f"A-{len(rows)},Karawaci,kuliner,Mikro,2019-03-01,,")
        size += len(rows[-1]) + 1
    # the letter sits in the id (the sector is a closed vocabulary and would not keep it)
    prefix = "\n".join([HEADER, *rows, "B-"])
    body = (
        prefix + "x" * (65_535 - len(prefix.encode())) + "é,Karawaci,kuliner,Mikro,2019-03-01,,\n"
    )
    assert body.encode().find("é".encode()) == 65_535
    path = write(tmp_path, "utf8.csv", body)
    with loaded_in_memory(path, "umkm_register") as (con, _):
        ids = con.execute("select umkm_id from umkm where umkm_id like 'B-%'").fetchall()
    assert len(ids) == 1 and ids[0][0].endswith("xé")
