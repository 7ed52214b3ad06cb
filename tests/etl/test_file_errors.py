"""A file that cannot be read at all says why as a template with its values (warehouse/reasons.py),
as a rejected row does: the command line prints the English it always printed, `etl check` keeps
the template and its values beside it (CheckResult.error_key / error_args, also in --json), and
the dashboard writes it in the reader's language (ui/reasons.py). Each case is one of the worst
files an agency sends; the English is the message as the ETL writes it, its values worked out from
the file by hand.
"""

import contextlib
import io
import json
from pathlib import Path

import pytest

from etl import read
from etl.__main__ import main
from etl.build import BuildError, build
from etl.check import check_file
from tests.conftest import PROJECT, entry, make_data_dir
from tests.etl.test_workbook_limits import _small_workbook, header_and_rows, with_sheet
from ui import i18n
from ui import reasons as shown_reasons
from warehouse import reasons

AGENCY = PROJECT / "tests" / "fixtures" / "agency"
REGISTER = "umkm_id,kecamatan,sektor,skala,tanggal_daftar,tanggal_onboarding,platform"
ROW = "A-1,Cibodas,jasa,Kecil,2019-04-01,,"
FAR = b'<row r="100"><c r="XFD100"><v>1</v></c></row>'  # one cell, at XFD100


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


# (name, how the file is made in a folder, kind, sheet, template, English)
CASES = [
    (
        "binary",
        lambda d: AGENCY / "binary.csv",
        "observations",
        None,
        reasons.BINARY_FILE,
        "binary.csv: this is a binary file, not CSV or XLSX; export the data as CSV",
    ),
    (
        "old workbook",
        lambda d: write(d, "rekap.xls", b"\xd0\xcf\x11\xe0 an old workbook"),
        "observations",
        None,
        reasons.OLD_WORKBOOK,
        "rekap.xls: save the workbook as .xlsx (Excel Workbook) or CSV",
    ),
    (
        "no header",
        lambda d: AGENCY / "no_header.csv",
        "observations",
        None,
        reasons.NO_HEADER,
        # etl/columns.py HEADER_SEARCH_ROWS = 30
        "no_header.csv: no header row in the first 30 rows: a header names the columns (e.g. "
        "Kecamatan, Tanggal, PHK); head the columns with such names and load the file again",
    ),
    (
        "register without a header",
        lambda d: AGENCY / "no_header.csv",
        "umkm_register",
        None,
        reasons.NO_HEADER,
        "no_header.csv: no header row in the first 30 rows: a header names the columns (e.g. "
        "Kecamatan, Tanggal, PHK); head the columns with such names and load the file again",
    ),
    (
        "Windows-1252 with an invalid byte",
        # 0x81 is not UTF-8 and has no Windows-1252 letter; it is byte 30 (from 0): the header
        # and its line feed are 22 bytes, "Karawaci" 8 more
        lambda d: write(d, "bad.csv", b"Kecamatan,Tanggal,PHK\nKarawaci\x81,2020-05-31,3\n"),
        "observations",
        None,
        reasons.NOT_TEXT,
        "bad.csv: byte 30 is neither UTF-8 nor Windows-1252 text; save the file as 'CSV UTF-8' "
        "and try again",
    ),
    (
        "BOM then not UTF-8",
        lambda d: write(d, "bom.csv", b"\xef\xbb\xbfKecamatan,Tanggal,PHK\nKarawaci\xff,1,3\n"),
        "observations",
        None,
        reasons.NOT_UTF8_AFTER_BOM,
        # 0xff starts no UTF-8 letter: Python's codec says "invalid start byte"
        "bom.csv: not valid UTF-8 after its byte-order mark (invalid start byte)",
    ),
    (
        "a cell over 16 MB",
        # the csv module refuses a cell longer than the 16 MB limit etl/read.py sets, on line 2
        lambda d: write(d, "big.csv", b'PHK\n"' + b"9" * (17 * 1024 * 1024) + b'"\n'),
        "observations",
        None,
        reasons.CSV_LINE,
        "big.csv: line 2: field larger than field limit (16777216); check the quotes on that line",
    ),
    (
        "not a workbook",
        lambda d: write(d, "broken.xlsx", b"PK\x03\x04 not a zip archive"),
        "observations",
        None,
        reasons.NOT_A_WORKBOOK,
        "broken.xlsx: cannot be opened as an Excel workbook (BadZipFile); open it in Excel and "
        "save it again as .xlsx",
    ),
    (
        "no such sheet",
        lambda d: write(d, "ok.xlsx", _small_workbook()),
        "observations",
        "Rekap",
        reasons.NO_SHEET,
        "ok.xlsx: no sheet 'Rekap'; the sheets are Sheet",  # openpyxl's one sheet: "Sheet"
    ),
    (
        "a declared range of 17 billion cells",
        lambda d: with_sheet(d / "far.xlsx", header_and_rows(2), "A1:XFD1048576"),
        "observations",
        None,
        reasons.TOO_MANY_CELLS,
        # XFD is column 16.384; 1.048.576 x 16.384 = 17.179.869.184
        "far.xlsx: the sheet declares its used range as A1:XFD1048576: 1,048,576 rows x 16,384 "
        "columns = 17,179,869,184 cells, more than the 1,000,000 a workbook may hold; delete the "
        "empty rows and columns beyond the data (Ctrl+End shows where Excel thinks the data ends) "
        "and save again, or split the table",
    ),
    (
        "a register workbook with one far cell",
        lambda d: with_sheet(d / "reg.xlsx", [FAR], None),
        "umkm_register",
        None,
        reasons.TOO_MANY_CELLS,
        # no declared range; row 100 reaches column 16.384: 100 x 16.384 = 1.638.400 cells
        "reg.xlsx: the sheet's data reaches row 100 and column 16,384 (XFD): 1,638,400 cells "
        "from A1, more than the 1,000,000 a workbook may hold; send the register as CSV, which is "
        "read streaming at any size",
    ),
    (
        "a register quote never closed",
        # the quote opens on line 3 (the header is line 1) and runs to the end
        lambda d: write(d, "open.csv", f'{REGISTER}\n{ROW}\nA-2,"Cibodas,jasa\n{ROW}\n'.encode()),
        "umkm_register",
        None,
        reasons.IN_FILE,
        "open.csv: line 3 opens a quote that is never closed, so no row after it can be told "
        "apart; close the quote (or remove it) on that line",
    ),
    (
        "a register quote running on",
        # the quote opens on line 2; the cell runs on over 1.100 lines of 1.001 bytes, past the
        # 1.000.000 bytes of etl/lines.py MAX_LINE_BYTES
        lambda d: write(
            d, "long.csv", f'{REGISTER}\nA-1,"{("x" * 1000 + chr(10)) * 1100}'.encode()
        ),
        "umkm_register",
        None,
        reasons.IN_FILE,
        "long.csv: line 2: a quoted cell runs on for more than 1,000,000 bytes (a quote that is "
        "never closed?); check the quotes on that line",
    ),
]


@pytest.fixture
def language():
    def set_(code: str) -> None:
        i18n.st.session_state["lang"] = code

    yield set_
    i18n.st.session_state.pop("lang", None)


@pytest.mark.parametrize(
    ("make", "kind", "sheet", "template", "english"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_an_unreadable_file_keeps_its_template_and_values(
    tmp_path, language, make, kind, sheet, template, english
):
    path = make(tmp_path)
    result = check_file(path, kind, sheet)
    assert result.error == english
    assert result.exit_code == 2
    assert result.error_key == template
    assert result.error_args is not None
    # the template and its values write the English again
    assert str(reasons.decoded(result.error_key, result.error_args)) == english
    # and, in Indonesian, another text that still names the file
    language("id")
    indonesian = shown_reasons.text(result.error, result.error_key, result.error_args)
    assert indonesian != english and indonesian.startswith(f"{path.name}: ")
    language("en")
    assert shown_reasons.text(result.error, result.error_key, result.error_args) == english


# the Indonesian of warehouse/reasons.py's templates, in ui/locale/id, with the same values
INDONESIAN = {
    "no header": "no_header.csv: tidak ada baris judul kolom di 30 baris pertama: baris judul "
    "menamai kolom-kolomnya (mis. Kecamatan, Tanggal, PHK); beri kolom-kolomnya judul seperti "
    "itu lalu muat berkasnya lagi",
    "Windows-1252 with an invalid byte": "bad.csv: bita ke-30 bukan teks UTF-8 maupun "
    "Windows-1252; simpan berkas sebagai 'CSV UTF-8' lalu coba lagi",
    "a register workbook with one far cell": "reg.xlsx: data lembar kerja mencapai baris 100 dan "
    "kolom 16.384 (XFD): 1.638.400 sel dari A1, lebih dari 1.000.000 sel yang boleh dimuat buku "
    "kerja; kirim register sebagai CSV, yang dibaca bertahap berapa pun ukurannya",
    "a register quote never closed": "open.csv: baris 3 membuka tanda kutip yang tidak pernah "
    "ditutup, sehingga tidak ada baris sesudahnya yang dapat dipisahkan; tutup tanda kutipnya "
    "(atau hapus) di baris itu",
    "not a workbook": "broken.xlsx: tidak dapat dibuka sebagai buku kerja Excel (galat Python: "
    "BadZipFile); buka di Excel lalu simpan ulang sebagai .xlsx",
}


@pytest.mark.parametrize("name", sorted(INDONESIAN))
def test_the_reason_reads_in_indonesian(tmp_path, language, name):
    make, kind, sheet = next(case[1:4] for case in CASES if case[0] == name)
    result = check_file(make(tmp_path), kind, sheet)
    language("id")
    shown = shown_reasons.text(result.error, result.error_key, result.error_args)
    assert shown == INDONESIAN[name]


@pytest.mark.parametrize(
    ("call", "template", "english"),
    [
        (lambda d: read.read_grid(d / "missing.csv"), reasons.FILE_NOT_FOUND,
         "missing.csv: file not found; check the path"),
        (lambda d: read.read_grid(d), reasons.FILE_IS_FOLDER, "{folder}: is a folder, not a file"),
        (lambda d: read.read_head(write(d, "r.xlsx", _small_workbook())),
         reasons.WORKBOOK_NOT_CSV, "r.xlsx: is a workbook; the fast path reads CSV only"),
    ],
    ids=["not found", "a folder", "the register's fast path given a workbook"],
)  # fmt: skip
def test_the_reader_itself_says_why_with_a_template(tmp_path, call, template, english):
    # the build and `check` look at a file before these readers do; called alone, they say why
    with pytest.raises(read.FileError) as raised:
        call(tmp_path)
    assert str(raised.value) == english.format(folder=tmp_path.name)
    assert raised.value.reason.key == template


@pytest.mark.parametrize(
    ("template", "values", "english", "indonesian"),
    [
        (
            reasons.NOT_CSV,
            {"name": "r.csv", "message": "Invalid Input Error: CSV Error on Line: 7"},
            "r.csv: cannot be read as CSV (Invalid Input Error: CSV Error on Line: 7)",
            # DuckDB's message stays as DuckDB wrote it, and the Indonesian says whose it is
            "r.csv: tidak dapat dibaca sebagai CSV (pesan DuckDB: Invalid Input Error: CSV Error "
            "on Line: 7)",
        ),
        (
            reasons.ROWS_UNACCOUNTED,
            {"name": "r.csv", "expected": "5.000.000", "read": "4.999.998"},
            "r.csv: the file has 5.000.000 rows below its header but 4.999.998 were read; the "
            "rest cannot be told apart (check the quotes and line endings), and nothing of it was "
            "loaded",
            "r.csv: berkas memuat 5.000.000 baris di bawah judul kolomnya, tetapi 4.999.998 yang "
            "terbaca; sisanya tidak dapat dipisahkan (periksa tanda kutip dan akhir barisnya), "
            "dan tidak ada isinya yang dimuat",
        ),
        (
            reasons.PACKING_RATIO,
            {"name": "w.xlsx", "part": "xl/media/a.bin", "ratio": 1234, "limit": 100},
            "w.xlsx: part xl/media/a.bin unpacks to 1,234 times its stored size (more than 100), "
            "which no table typed in Excel does; open the workbook in Excel, save it again as "
            ".xlsx, or send the data as CSV",
            # a number: written as each language writes it
            "w.xlsx: bagian xl/media/a.bin terurai menjadi 1.234 kali ukuran simpannya (lebih "
            "dari 100), hal yang tidak terjadi pada tabel yang diketik di Excel; buka buku kerja "
            "di Excel, simpan ulang sebagai .xlsx, atau kirim datanya sebagai CSV",
        ),
    ],
    ids=["DuckDB's message", "rows unaccounted for", "packing ratio"],
)
def test_a_reason_a_real_file_rarely_reaches_reads_in_both_languages(
    language, template, values, english, indonesian
):
    # these guard what a file can hardly do (DuckDB refusing the file as a whole, rows lost
    # between the count of lines and DuckDB's read, a zip bomb's part): the template itself
    made = reasons.reason(template, **values)
    stored = (str(made), made.key, made.encoded())
    assert stored[0] == english
    language("id")
    assert shown_reasons.text(*stored) == indonesian


def run(argv) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue() + err.getvalue()


def test_the_command_line_prints_the_english_and_json_keeps_the_template(tmp_path):
    path = AGENCY / "no_header.csv"
    code, out = run(["check", str(path), "--kind", "observations"])
    assert (code, out) == (
        2,
        "cannot be read: no_header.csv: no header row in the first 30 rows: a header names the "
        "columns (e.g. Kecamatan, Tanggal, PHK); head the columns with such names and load the "
        "file again\n",
    )
    code, out = run(["check", str(path), "--kind", "observations", "--json"])
    body = json.loads(out)
    assert code == 2 and body["error_key"] == reasons.NO_HEADER
    assert json.loads(body["error_args"]) == {"name": "no_header.csv", "rows": 30}
    # a file that can be read has no error, and no template of one
    code, out = run(["check", str(AGENCY / "bad_numbers.csv"), "--kind", "observations", "--json"])
    assert not {"error", "error_key", "error_args"} & set(json.loads(out))


def test_a_build_names_the_entry_and_keeps_the_files_reason(tmp_path):
    data = make_data_dir(tmp_path, {})
    (data / "raw" / "agency").mkdir()
    (data / "raw" / "agency" / "binary.csv").write_bytes((AGENCY / "binary.csv").read_bytes())
    with (data / "sources.toml").open("a", encoding="utf-8") as manifest:
        manifest.write(entry("rekap_dinas", "raw/agency/binary.csv", "observations"))
    with pytest.raises(BuildError) as raised:
        build(data, tmp_path / "w.duckdb")
    # the entry's id, then the file's own reason
    english = (
        "rekap_dinas: binary.csv: this is a binary file, not CSV or XLSX; export the data as CSV"
    )
    assert str(raised.value) == english
    made = raised.value.reason
    assert made is not None and made.key == reasons.IN_ENTRY
    assert made.args["problem"].key == reasons.BINARY_FILE
    assert str(reasons.decoded(made.key, made.encoded())) == english


def test_a_file_with_a_header_and_no_rows_is_refused_with_its_reason(tmp_path):
    # an export cut short: the header of a wide table and nothing under it. It used to pass the
    # check as 0 read, 0 rejected, and the upload page offered to add it
    path = tmp_path / "header_only.csv"
    path.write_text("Kecamatan,Tanggal,PHK\n", encoding="utf-8")
    result = check_file(path, "observations_wide")
    assert (result.exit_code, result.rows_read) == (2, 0)
    assert result.error == (
        "header_only.csv: no rows below its header: the file holds no figures; export it again"
    )
    assert result.error_key == reasons.NO_ROWS
