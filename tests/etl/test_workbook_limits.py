"""Workbook bombs: a small .xlsx that would unpack into gigabytes, or a sheet that claims (or
holds) more cells than a table an agency types. Each is refused before it is parsed, with a
message that says what is wrong and how to fix it (exit 2). The bombs are built here, in tmp_path:
no large binary is committed."""

import contextlib
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from etl import read
from etl.__main__ import main
from etl.check import check_file, loaded_in_memory
from tests.conftest import PROJECT

AGENCY = PROJECT / "tests" / "fixtures" / "agency"
SHEET = "xl/worksheets/sheet1.xml"
NS = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def run(argv) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue() + err.getvalue()


def _small_workbook() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Kecamatan", "Tanggal", "PHK"])
    ws.append(["Karawaci", "2020-05-31", 1])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def with_sheet(path: Path, rows, dimension: str | None, extra: dict | None = None) -> Path:
    """A valid workbook whose first sheet's XML is written here, row by row (rows: an iterable of
    <row> elements as bytes), with an optional <dimension ref=...> and extra zip members."""
    template = zipfile.ZipFile(io.BytesIO(_small_workbook()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info in template.infolist():
            if info.filename != SHEET:
                z.writestr(info.filename, template.read(info.filename))
                continue
            with z.open(SHEET, "w", force_zip64=True) as f:
                f.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet ' + NS + b">")
                if dimension:
                    f.write(f'<dimension ref="{dimension}"/>'.encode())
                f.write(b"<sheetData>")
                for row in rows:
                    f.write(row)
                f.write(b"</sheetData></worksheet>")
        for name, (size, chunk) in (extra or {}).items():
            with z.open(name, "w", force_zip64=True) as f:
                for _ in range(size // len(chunk)):
                    f.write(chunk)
    return path


def header_and_rows(n: int):
    """A header (Kecamatan, Tanggal, PHK) and n rows of 3 cells holding varied numbers, so that the
    sheet packs about as tightly as typed data does (not a hundredfold)."""
    yield (
        b'<row r="1"><c r="A1" t="inlineStr"><is><t>Kecamatan</t></is></c>'
        b'<c r="B1" t="inlineStr"><is><t>Tanggal</t></is></c>'
        b'<c r="C1" t="inlineStr"><is><t>PHK</t></is></c></row>'
    )
    x = 12345
    for _ in range(n):
        cells = []
        for _ in range(3):
            x = (x * 1103515245 + 12345) % 2**31
            cells.append(b"<c><v>%d</v></c>" % x)
        yield b"<row>" + b"".join(cells) + b"</row>"


def test_one_cell_at_the_last_row_and_column_is_refused_from_its_declared_range(tmp_path):
    # (the command line speaks English, and writes its numbers the English way)
    # The 4,9 KB bomb of the issue: openpyxl declares the used range A1:XFD1048576, i.e.
    # 1.048.576 rows x 16.384 columns = 17.179.869.184 cells (worked out: 2^20 x 2^14 = 2^34).
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Kecamatan", "Tanggal", "PHK"])
    ws["XFD1048576"] = 1
    path = tmp_path / "far_cell.xlsx"
    wb.save(path)
    assert path.stat().st_size < 10_000
    code, out = run(["check", str(path), "--kind", "observations_wide"])
    assert code == 2
    assert out.startswith("cannot be read: far_cell.xlsx: ")
    assert "A1:XFD1048576" in out
    assert "1,048,576 rows x 16,384 columns = 17,179,869,184 cells" in out
    assert "more than the 1,000,000" in out and "delete the empty rows and columns" in out


def test_a_declared_range_beyond_the_limit_is_refused_even_when_few_cells_hold_data(tmp_path):
    # <dimension ref="A1:Z40000">: 40.000 rows x 26 columns = 1.040.000 cells > 1.000.000
    path = with_sheet(tmp_path / "claims.xlsx", header_and_rows(2), "A1:Z40000")
    code, out = run(["check", str(path), "--kind", "observations_wide"])
    assert code == 2 and "A1:Z40000" in out and "40,000 rows x 26 columns = 1,040,000 cells" in out


def test_a_sheet_without_a_declared_range_is_stopped_at_the_first_row_beyond_it(tmp_path):
    # no <dimension>, and a row numbered 400.000 holding 3 cells: 400.000 x 3 = 1.200.000 cells
    # from A1, more than 1.000.000, known the moment that row is parsed
    far = b'<row r="400000"><c r="A400000"><v>1</v></c><c r="C400000"><v>2</v></c></row>'
    path = with_sheet(tmp_path / "sparse.xlsx", [*header_and_rows(2), far], None)
    code, out = run(["check", str(path), "--kind", "observations_wide"])
    assert code == 2
    assert "reaches row 400,000 and column 3 (C): 1,200,000 cells from A1" in out
    assert "more than the 1,000,000" in out


@pytest.mark.slow
def test_a_dense_sheet_whose_declared_range_lies_is_stopped_while_it_streams(tmp_path):
    # the sheet claims A1:C5 but holds 1 header row + 340.000 rows of 3 cells. The limit is passed
    # at the first row whose number times 3 columns exceeds 1.000.000: row 333.334 (x 3 = 1.000.002)
    path = with_sheet(tmp_path / "liar.xlsx", header_and_rows(340_000), "A1:C5")
    code, out = run(["check", str(path), "--kind", "observations_wide"])
    assert code == 2 and "reaches row 333,334 and column 3 (C)" in out


def test_a_register_workbook_beyond_the_limit_must_come_as_csv(tmp_path):
    path = with_sheet(tmp_path / "register.xlsx", header_and_rows(2), "A1:G200000")
    code, out = run(["check", str(path), "--kind", "umkm_register"])
    # 200.000 rows x 7 columns = 1.400.000 cells
    assert code == 2 and "1,400,000 cells" in out and "send the register as CSV" in out


def test_a_workbook_that_unpacks_to_more_than_200_mb_is_refused_unopened(tmp_path):
    # a 201 MB member of zeros deflates to about 200 KB: total unpacked 201.000.000 bytes + the
    # few KB of the real workbook > 200.000.000
    zeros = (201_000_000, b"\0" * 1_000_000)
    path = with_sheet(tmp_path / "big.xlsx", header_and_rows(2), "A1:C3", {"xl/pad.bin": zeros})
    assert path.stat().st_size < 2_000_000
    code, out = run(["check", str(path), "--kind", "observations_wide"])
    assert code == 2 and "unpacks to 201 MB" in out and "more than the 200 MB" in out


def test_a_part_that_unpacks_a_hundred_times_its_stored_size_is_refused(tmp_path):
    # 20 MB of spaces (valid XML whitespace) in the sheet deflate to about 20 KB: ratio ~1000
    def padded():
        yield from header_and_rows(2)
        for _ in range(20):
            yield b" " * 1_000_000

    path = with_sheet(tmp_path / "ratio.xlsx", padded(), "A1:C3")
    code, out = run(["check", str(path), "--kind", "observations_wide"])
    assert code == 2 and SHEET in out and "times its stored size" in out


def test_workbooks_within_the_limits_read_as_before_merged_header_included():
    # the fixture's two-row header merges A2:A3, B2:B3 and C2:D2 (tests/fixtures)
    with loaded_in_memory(AGENCY / "wide_merged_header.xlsx", "observations_wide", "Rekap") as (
        con,
        report,
    ):
        assert report.loaded.rows_loaded == 2
        assert con.execute("select count(*) from observation").fetchone() == (4,)
    assert check_file(AGENCY / "wide_title_block.xlsx", "observations_wide").exit_code == 0


def test_the_grid_keeps_the_row_numbers_excel_shows_and_skips_empty_rows(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "judul"
    ws["A4"], ws["B4"] = "Kecamatan", "PHK"
    ws["A7"], ws["B7"] = "Karawaci", 5
    path = tmp_path / "gaps.xlsx"
    wb.save(path)
    grid = read.read_grid(path)
    assert grid.rows == [(1, ["judul"]), (4, ["Kecamatan", "PHK"]), (7, ["Karawaci", 5])]


@pytest.mark.parametrize("name", ["MAX_WORKBOOK_CELLS", "MAX_UNPACKED_BYTES"])
def test_the_limits_are_the_documented_ones(name):
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert f"{getattr(read, name):,}".replace(",", ".") in readme


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        # the Indonesian catalog's text of DECLARED_RANGE and TOO_MANY_CELLS, with the numbers
        # grouped by dots: 40.000 x 26 = 1.040.000, the limit 1.000.000 (etl/read.py)
        ("id", "40.000 baris x 26 kolom = 1.040.000 sel"),
        ("en", "40,000 rows x 26 columns = 1,040,000 cells"),
    ],
)
def test_the_sizes_in_a_whole_file_error_are_written_in_the_readers_language(tmp_path, lang, said):
    """Unggah data shows this error through ui/reasons.py: its numbers are the reader's (the
    stored text once had Indonesian dots in English: '1.000.000')."""
    import streamlit as st

    from ui import reasons as shown

    path = with_sheet(tmp_path / "claims.xlsx", header_and_rows(2), "A1:Z40000")
    result = check_file(path, "observations_wide")
    st.session_state["lang"] = lang
    try:
        text = shown.text(result.error, result.error_key, result.error_args)
    finally:
        del st.session_state["lang"]
    assert said in text
    other = "1,000,000" if lang == "id" else "1.000.000"
    assert ("1.000.000" if lang == "id" else "1,000,000") in text and other not in text
