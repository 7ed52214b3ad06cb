"""Control characters in a cell: a tab or a line break inside a cell becomes a space; any other
C0 control character (U+0000-U+001F but tab, LF, CR) rejects its row with the column named, in
every kind, the register (DuckDB) included. None reaches a table, so every Excel export can hold
every cell (openpyxl refuses to write them)."""

import openpyxl
import pytest

from etl.__main__ import main
from etl.build import build
from etl.check import check_file, loaded_in_memory
from tests.conftest import OBS_HEADER, REASON_TEMPLATE, make_data_dir, table_rows

FORBIDDEN = "".join(chr(c) for c in range(32) if chr(c) not in "\t\n\r")

LONG = (
    "Wilayah,Tanggal,Ukuran,Jumlah,Keterangan\n"
    'Kota Tangerang,2020-05-31,PHK,10,"laporan\tDisnaker"\n'  # tab in a cell -> space
    'Kota Tangerang,2020-06-30,PHK,11,"baris satu\r\nbaris dua"\n'  # line break -> space
    "Kota Tangerang,2020-07-31,PHK,12,catatan\x01tersembunyi\n"  # U+0001 -> reject
    "Kota\x0bTangerang,2020-08-31,PHK,13,\n"  # vertical tab: reject, and not a line break
    "Kota Tangerang,2020-09-30,PHK,14,\x00\n"  # NUL
)


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def test_tabs_and_line_breaks_become_spaces_other_controls_reject_the_row(tmp_path):
    path = write(tmp_path, "long.csv", LONG)
    result = check_file(path, "observations")
    assert [(r["line"], r["column"], r["value"]) for r in result.rejected] == [
        (4, "Keterangan", "catatan\\x01tersembunyi"),  # shown escaped: the control is not stored
        (5, "Wilayah", "Kota\\x0bTangerang"),
        (6, "Keterangan", "\\x00"),
    ]
    assert result.rejected[0]["reason"] == (
        "Keterangan holds the control character U+0001, which a spreadsheet cannot store: "
        "delete it (retype the cell) and save again"
    )
    assert (result.rows_read, result.rows_loaded, result.rows_rejected) == (5, 2, 3)
    with loaded_in_memory(path, "observations") as (con, _):
        assert con.execute("select line, note from observation order by line").fetchall() == [
            (2, "laporan Disnaker"),
            (3, "baris satu baris dua"),  # one row, as a spreadsheet shows it, over two text lines
        ]


def test_every_forbidden_character_is_caught(tmp_path):
    body = "Wilayah,Tanggal,Ukuran,Jumlah,Keterangan\n" + "".join(
        f"Kota Tangerang,2020-05-31,PHK,10,a{c}b\n" for c in FORBIDDEN
    )
    result = check_file(write(tmp_path, "all.csv", body), "observations")
    # U+0000-U+001F is 32 characters; tab, LF and CR are allowed: 29 rows, all rejected
    assert (result.rows_read, result.rows_rejected) == (29, 29)
    assert [r["value"] for r in result.rejected][:2] == ["a\\x00b", "a\\x01b"]


def test_a_workbook_cell_with_a_line_break_loads_with_a_space(tmp_path):
    # Alt+Enter in Excel: a line break inside the cell (openpyxl refuses to write any other
    # control character, and the XML of a sheet cannot hold one)
    wb = openpyxl.Workbook()
    wb.active.append(["Kecamatan", "Tanggal", "PHK", "Keterangan"])
    wb.active.append(["Karawaci", "2020-05-31", 5, "data\nsementara\t(revisi)"])
    path = tmp_path / "wide.xlsx"
    wb.save(path)
    with loaded_in_memory(path, "observations_wide") as (con, report):
        assert report.loaded.rejects == []
        assert con.execute("select note from observation").fetchall() == [
            ("data sementara (revisi)",)
        ]


REGISTER = "ID UMKM,Kecamatan,Sektor,Skala,Tanggal Daftar,Tanggal Onboarding,Platform\n"


@pytest.mark.parametrize("crlf", [False, True])
def test_the_register_read_by_duckdb_strips_and_rejects_the_same_way(tmp_path, crlf):
    body = REGISTER + (
        'A-1,Karawaci,"kuliner\tkering",Mikro,2019-03-01,,\n'  # tab -> space
        'A-2,Cibodas,"jasa\npotong rambut",Kecil,2019-04-01,,\n'  # line break -> space
        "A-3,Pinang,kul\x01iner,Mikro,2019-05-01,,\n"  # U+0001 in Sektor -> reject
        "A-4,Benda,kuliner,Mikro,2019-05-01,2020-01-01,Sho\x00pee\n"  # NUL in Platform
        "A-5,Benda,kuliner,Mikro,2019-05-01,,\n"
    )
    if crlf:
        body = body.replace("\n", "\r\n")
    path = write(tmp_path, "register.csv", body)
    result = check_file(path, "umkm_register")
    assert [(r["line"], r["column"], r["value"]) for r in result.rejected] == [
        (4, "Sektor", "kul\\x01iner"),  # line 3 holds a line break inside a quoted cell
        (5, "Platform", "Sho\\x00pee"),
    ]
    assert result.rejected[0]["reason"].startswith(
        "Sektor holds the control character U+0001, which a spreadsheet cannot store"
    )
    assert (result.rows_read, result.rows_loaded, result.rows_rejected) == (5, 3, 2)
    with loaded_in_memory(path, "umkm_register") as (con, _):
        # the sector is stored from the closed vocabulary (first word): the spaces that replaced
        # the tab and the line break leave "kuliner" and "jasa"
        assert con.execute("select umkm_id, sector from umkm order by 1").fetchall() == [
            ("A-1", "kuliner"),
            ("A-2", "jasa"),
            ("A-5", "kuliner"),
        ]


def test_events_and_regions_reject_control_characters_too(tmp_path):
    events = (
        "Mulai,Selesai,Kebijakan,Jenis,Cakupan,Kode Cakupan\n"
        "18/04/2020,03/05/2020,PSBB\x1f1,PSBB,Kota,36.71\n"
    )
    result = check_file(write(tmp_path, "events.csv", events), "events")
    assert [(r["column"], r["value"]) for r in result.rejected] == [("Kebijakan", "PSBB\\x1f1")]
    regions = "code,name,level,parent_code\n36.71.99,Kec.\x07Baru,district,36.71\n"
    result = check_file(write(tmp_path, "regions.csv", regions), "regions")
    assert [(r["column"], r["value"]) for r in result.rejected] == [("name", "Kec.\\x07Baru")]


def test_an_excel_export_of_what_loaded_works_and_the_rejects_hold_no_control(
    tmp_path, monkeypatch
):
    row = (
        "36.71,Kota Tangerang,2020-05-05,day,phk,6023,workers,exact,workplace,,"
        "Kompas.com,https://example.org/b,2020-05-05,"
    )
    data = make_data_dir(tmp_path, {"labour.csv": ""})
    (data / "raw" / "labour.csv").write_text(
        OBS_HEADER + row + '"catatan\tpenting"\n' + row.replace("6023", "7") + "a\x01b\n",
        encoding="utf-8",
    )
    warehouse = tmp_path / "w.duckdb"
    build(data, warehouse)
    rejected = table_rows(warehouse, "rejected", exclude=REASON_TEMPLATE)
    assert [(line, column, value) for _, line, column, value, _ in rejected] == [
        (3, "note", "a\\x01b")
    ]
    monkeypatch.setenv("PULIH_WAREHOUSE", str(warehouse))
    out = tmp_path / "reported.xlsx"
    argv = ["export", "--dataset", "reported", "--format", "xlsx", "--area", "36.71"]
    assert main([*argv, "--from", "2020-05", "--to", "2020-05", "--out", str(out)]) == 0
    sheet = openpyxl.load_workbook(out)["data"]
    header = [c.value for c in sheet[1]]
    assert [row[header.index("note")] for row in sheet.iter_rows(min_row=2, values_only=True)] == [
        "catatan penting"
    ]


@pytest.mark.parametrize(
    "row, column",
    [
        ("A-\x021,Benda,kuliner,Mikro,2019-05-01,,", "ID UMKM"),
        ("A-1,Ben\x02da,kuliner,Mikro,2019-05-01,,", "Kecamatan"),
        ("A-1,Benda,kuliner,Mik\x02ro,2019-05-01,,", "Skala"),
        ("A-1,Benda,kuliner,Mikro,2019-05-01\x02,,", "Tanggal Daftar"),
        ("A-1,Benda,kuliner,Mikro,2019-05-01,2020-01-01\x02,Shopee", "Tanggal Onboarding"),
    ],
)
def test_a_control_character_in_any_register_column_rejects_its_row(tmp_path, row, column):
    # the register's pass over every row looks for control characters in the id itself and in
    # the other columns through their distinct values (etl/kinds/register.py): each column once,
    # U+0002 in it, one reject naming that column on line 2 and nothing loaded
    path = write(tmp_path, "register.csv", REGISTER + row + "\n")
    result = check_file(path, "umkm_register")
    assert [(r["line"], r["column"]) for r in result.rejected] == [(2, column)]
    assert (result.rows_read, result.rows_loaded, result.rows_rejected) == (1, 0, 1)


def test_register_cells_with_spaces_around_them_load_as_the_cell_without(tmp_path):
    """The register's area, sector, scale, date and platform cells are cleaned once per distinct
    value (etl/kinds/register_staging.py clean_distinct), not cell by cell; the same value with
    and without spaces, a tab or a line break around it must load alike, and a cell of spaces
    alone is missing. Expected values read off the rows below: Benda is 36.71.04 in
    data/raw/regions.csv, the dates as written."""
    body = REGISTER + (
        "B-1,Benda,kuliner,Mikro,2019-05-01,2020-01-01,Shopee\n"
        'B-2," Benda ","kuliner ","\tMikro"," 2019-05-01 ","2020-01-01\t"," Shopee"\n'
        'B-3,Benda ,kuliner,Mikro,2019-05-02,"  ",\n'
    )
    path = write(tmp_path, "register.csv", body)
    result = check_file(path, "umkm_register")
    assert result.rejected == [] and (result.rows_read, result.rows_loaded) == (3, 3)
    with loaded_in_memory(path, "umkm_register") as (con, _):
        assert con.execute(
            "select umkm_id, region_code, sector, scale, registered_on::varchar, "
            "onboarded_on::varchar, platform from umkm order by 1"
        ).fetchall() == [
            ("B-1", "36.71.04", "kuliner", "mikro", "2019-05-01", "2020-01-01", "Shopee"),
            ("B-2", "36.71.04", "kuliner", "mikro", "2019-05-01", "2020-01-01", "Shopee"),
            ("B-3", "36.71.04", "kuliner", "mikro", "2019-05-02", None, None),
        ]
