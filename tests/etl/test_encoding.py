"""One rule decides a CSV's encoding (etl/read.py, file_encoding), on the whole file: the readers
of the build and the screened copy that `etl add` keeps (etl/screen.py) read a file alike, even
where the first 64 KB alone would mislead (a letter cut in two at byte 65.536, a Windows-1252
letter that first appears after it)."""

import csv
import io

from etl import read, screen
from etl.check import loaded_in_memory, reference_context
from tests.conftest import DATA

HEADER = "ID UMKM,Nama Pemilik,Kecamatan,Sektor,Skala,Tanggal Daftar,Tanggal Onboarding,Platform"


def register_text(last_id: str, at: int | None = None) -> str:
    """A register of about 70 KB whose last row has the id `last_id`, padded (with 'x' after
    'B-') so that the id's last letter begins at byte `at` of the file in UTF-8."""
    rows, size = [HEADER], len(HEADER) + 1
    while size < 65_536 - 200:
        rows.append(f"A-{len(rows)},Siti,Karawaci,kuliner,Mikro,2019-03-01,,")
        size += len(rows[-1]) + 1
    prefix = "\n".join([*rows, "B-"])
    pad = "x" * (at - len(prefix.encode()) - len(last_id[:-1].encode())) if at else ""
    last = f"B-{pad}{last_id},Budi,Cibodas,jasa,Kecil,2019-04-01,,"
    more = [f"C-{i},Ani,Pinang,kuliner,Mikro,2019-05-01,," for i in range(100)]
    return "\n".join([*rows, last, *more]) + "\n"


def without_owner(text: str) -> str:
    """The text as the screened copy must be: the same rows without the Nama Pemilik column."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for cells in csv.reader(io.StringIO(text, newline="")):
        writer.writerow(cells[:1] + cells[2:])
    return out.getvalue()


def screened(tmp_path, path):
    target = tmp_path / "screened.csv"
    screen.screened_copy(path, "umkm_register", None, reference_context(DATA), target)
    return target.read_text(encoding="utf-8")


def test_a_utf8_letter_cut_at_64_kb_survives_the_screened_copy(tmp_path):
    text = register_text("é", at=65_535)
    assert text.encode().find("é".encode()) == 65_535  # its second byte is byte 65.537
    path = tmp_path / "register.csv"
    path.write_text(text, encoding="utf-8")
    assert screened(tmp_path, path) == without_owner(text)
    assert read.file_encoding(path) == "utf-8"


def test_a_windows_1252_letter_after_64_kb_is_read_as_windows_1252(tmp_path):
    # the first 64 KB are ASCII, valid UTF-8 too: only the whole file tells the encoding
    text = register_text("é", at=70_000)
    assert text.encode("cp1252").find(b"\xe9") == 70_000
    path = tmp_path / "register.csv"
    path.write_bytes(text.encode("cp1252"))
    with loaded_in_memory(path, "umkm_register") as (con, report):
        ids = con.execute("select umkm_id from umkm where umkm_id like 'B-%'").fetchall()
    assert len(ids) == 1 and ids[0][0].endswith("xé") and report.loaded.rows_rejected == 0
    assert screened(tmp_path, path) == without_owner(text)
    assert read.file_encoding(path) == "cp1252"
