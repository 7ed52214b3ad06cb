"""What the upload page looks at before `check` reads a file (etl/upload.py): the bytes decide, not
the name the browser sent."""

import io
import zipfile

import pytest

from etl import kinds, upload
from pages import unggah
from tests.conftest import PROJECT

AGENCY = PROJECT / "tests" / "fixtures" / "agency"
CSV = b"region_code,region_name,date\n36,Provinsi Banten,2020-05-20\n"


def codes(name: str, data: bytes, limit_mb: int = 1):
    refused = upload.refusal(name, data, limit_mb)
    return None if refused is None else refused.code


def test_a_text_csv_and_a_real_workbook_are_taken():
    assert codes("rekap.csv", CSV) is None
    assert codes("REKAP.CSV", CSV) is None  # the extension in any case
    assert codes("wide.xlsx", (AGENCY / "wide_title_block.xlsx").read_bytes()) is None


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("rekap.txt", CSV, "extension"),
        ("rekap.xls", CSV, "extension"),  # an old workbook: the readers ask for .xlsx
        ("rekap", CSV, "extension"),
        ("rekap.csv", b"", "empty"),
        # an .xlsx renamed .csv would otherwise be read as a workbook by the readers' sniffing
        ("rekap.csv", (AGENCY / "wide_title_block.xlsx").read_bytes(), "zip_as_csv"),
        ("rekap.csv", b"%PDF-1.7\n" + CSV, "binary_as_csv"),
        ("rekap.csv", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "binary_as_csv"),
        ("rekap.csv", (AGENCY / "binary.csv").read_bytes(), "not_text"),
        ("rekap.xlsx", CSV, "not_workbook"),  # a CSV renamed .xlsx
    ],
)
def test_a_file_whose_bytes_are_not_what_its_name_says_is_refused(name, data, code):
    assert codes(name, data) == code


def test_a_zip_that_is_not_a_workbook_is_refused():
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("rekap.csv", CSV)
    assert codes("rekap.xlsx", archive.getvalue()) == "not_workbook"
    assert codes("rekap.xlsx", b"PK\x03\x04 but not a zip") == "not_workbook"


def test_the_size_limit_holds_whatever_the_server_setting_let_through():
    # 1 MB = 1.048.576 bytes: one byte over is refused, the limit itself is taken
    assert codes("big.csv", b"a,b\n" + b"1" * (1024 * 1024 - 4)) is None
    refused = upload.refusal("big.csv", b"a,b\n" + b"1" * (1024 * 1024 - 3), 1)
    assert (refused.code, refused.details["limit_mb"]) == ("too_large", 1)
    assert str(refused) == "big.csv: 1.0 MB is more than the limit of 1 MB"


def test_a_refusal_names_the_file_without_its_folders():
    refused = upload.refusal("C:\\Users\\staf\\rekap.pdf", CSV, 1)
    assert (refused.code, refused.details["name"]) == ("extension", "rekap.pdf")


@pytest.mark.parametrize(
    ("sent", "kept"),
    [
        ("rekap PHK Mei 2020.csv", "rekap_PHK_Mei_2020.csv"),
        ("../../etc/passwd.csv", "passwd.csv"),  # no folder can be named from the browser
        ("..\\..\\boot.XLSX", "boot.xlsx"),
        ("...csv", "file.csv"),
        ("<script>.csv", "script.csv"),
    ],
)
def test_the_staged_file_keeps_a_safe_name_inside_its_folder(sent, kept):
    assert upload.safe_name(sent) == kept
    with upload.staged(sent, CSV) as path:
        assert path.name == kept
        assert path.read_bytes() == CSV
        folder = path.parent
    assert not folder.exists()  # the file as received, with any personal data, is gone after


def test_the_page_names_every_kind_the_command_line_takes():
    # the page's list is written out for translation; it must not fall behind the registry
    assert set(unggah.KINDS) == set(kinds.REGISTRY) - {"metrics"}
    assert set(unggah.REFUSED) == set(upload.ENGLISH)
