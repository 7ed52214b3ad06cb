"""Unggah data in the reader's language and at a phone's width: what the check says about a file
(the headers a person would write, never the warehouse's own column names or a server file), the
date field's hint, the uploader's accessible name, and the rejects' reasons within the screen.

The page writes only when a file is added; these tests add nothing, and run on the upload tests'
own server over a copy of data/ (tests/browser/test_upload.py)."""

from tests.browser import test_upload as uploading
from tests.browser.test_upload import FIGURES, choose_file

# the upload tests' fixtures, by their names (a second server of this module's own)
writable = uploading.writable
upload_server = uploading.upload_server
open_upload = uploading.open_upload

# a figures file without its figure column: Kecamatan, Tanggal and Ukuran name area_code,
# ref_date and metric (data/aliases/columns.csv); value, headed Nilai, Jumlah or Angka, is missing
NO_VALUE = "Kecamatan,Tanggal,Ukuran\nKarawaci,2020-05-31,phk\n"


def reasons_of(app) -> list[str]:
    """The rejects table's reasons (its column "Alasan"/"Reason")."""
    headers = app.table_headers(0)
    column = next(i for i, h in enumerate(headers) if h in ("Alasan", "Reason"))
    return [row[column] for row in app.table_cells(0)]


def test_a_missing_column_is_named_by_the_headers_a_person_writes(open_upload, tmp_path):
    path = tmp_path / "tanpa_nilai.csv"
    path.write_text(NO_VALUE, encoding="utf-8")
    app = open_upload("/unggah")
    choose_file(app, path, FIGURES)
    said = reasons_of(app)
    # the Indonesian template of MISSING_COLUMNS, with the aliases of value as headers, joined
    # by the catalog's " atau "
    assert said[0] == (
        "kolom tidak ada: Nilai atau Jumlah atau Angka; tambahkan kolom dengan judul itu lalu muat "
        "berkasnya lagi; tidak ada baris berkas ini yang dimuat"
    ), said
    assert not [s for s in said if "value" in s or "data/aliases" in s], said
