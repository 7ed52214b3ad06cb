"""A file a data steward uploads in the browser (pages/unggah.py), looked at before `check` and
`add` read it. The browser's file name and extension are only claims: the bytes decide.

- Only CSV and XLSX are taken, the two formats the readers know (etl/read.py).
- A .csv must be text: not a ZIP (an .xlsx renamed, or an archive), not another binary format,
  and not mostly NULs or control characters (the readers' own test, `read.encoding_of`).
- An .xlsx must be a ZIP holding a workbook; its size once unpacked is limited by the reader
  (etl/read.py, the workbook limits), as for the command line.
- The size limit is Streamlit's `server.maxUploadSize` (.streamlit/config.toml), which the server
  enforces before the page sees the file; `refusal` checks it again, so a changed setting or a
  direct call cannot pass a larger file.

The uploaded bytes are written to a private temporary folder only while `check` or `add` reads
them (`staged`), and deleted after: the file as received may hold personal data, and only the
screened copy that `add` keeps stays (etl/screen.py).
"""

import io
import re
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from etl import read

ALLOWED = (".csv", ".xlsx")
ZIP = b"PK\x03\x04"
# the first bytes of binary formats an agency might send under a .csv name
BINARY_MAGIC = {
    b"%PDF": "PDF",
    b"\xd0\xcf\x11\xe0": "old Excel (.xls) or Word",
    b"\x1f\x8b": "gzip",
    b"\x89PNG": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"Rar!": "RAR",
    b"7z\xbc\xaf": "7-Zip",
}
# the parts every workbook Excel, LibreOffice or openpyxl saves holds
WORKBOOK_PARTS = ("[Content_Types].xml", "xl/workbook.xml")


@dataclass(frozen=True)
class Refusal:
    """Why a file is refused before it is read: a code the page translates (ui catalogs,
    `upload.refused.<code>`), the details it names, and the same in English for a log."""

    code: str
    details: dict = field(default_factory=dict)

    def __str__(self) -> str:
        return ENGLISH[self.code].format(**self.details)


ENGLISH = {
    "empty": "{name}: the file is empty",
    "extension": "{name}: only .csv and .xlsx files can be added; save the data as CSV or XLSX",
    "too_large": "{name}: {size_mb} MB is more than the limit of {limit_mb} MB",
    "zip_as_csv": "{name}: named .csv but is a ZIP archive (an .xlsx?); upload it as .xlsx",
    "binary_as_csv": "{name}: named .csv but is a {format} file; export the data as CSV",
    "not_text": "{name}: not a text file; export the data as CSV",
    "not_workbook": "{name}: named .xlsx but is not an Excel workbook; save it again as .xlsx",
}


def refusal(name: str, data: bytes, limit_mb: int) -> Refusal | None:
    """Why the uploaded bytes cannot be checked, or None when they may be."""
    shown = _base(name)
    suffix = Path(shown).suffix.lower()
    if suffix not in ALLOWED:
        return Refusal("extension", {"name": shown})
    if not data:
        return Refusal("empty", {"name": shown})
    if len(data) > limit_mb * 1024 * 1024:
        size_mb = f"{len(data) / 1024 / 1024:.1f}"
        return Refusal("too_large", {"name": shown, "size_mb": size_mb, "limit_mb": limit_mb})
    if suffix == ".csv":
        return _csv_refusal(shown, data)
    return _xlsx_refusal(shown, data)


def _csv_refusal(name: str, data: bytes) -> Refusal | None:
    if data.startswith(ZIP):
        return Refusal("zip_as_csv", {"name": name})
    for magic, kind in BINARY_MAGIC.items():
        if data.startswith(magic):
            return Refusal("binary_as_csv", {"name": name, "format": kind})
    try:
        read.encoding_of([data[: read.HEAD_BYTES]], name)
    except read.FileError:
        return Refusal("not_text", {"name": name})
    return None


def _xlsx_refusal(name: str, data: bytes) -> Refusal | None:
    if not data.startswith(ZIP):
        return Refusal("not_workbook", {"name": name})
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = set(archive.namelist())
    except zipfile.BadZipFile:
        return Refusal("not_workbook", {"name": name})
    if not all(part in parts for part in WORKBOOK_PARTS):
        return Refusal("not_workbook", {"name": name})
    return None


def safe_name(name: str) -> str:
    """The browser's file name as a plain file name: no folders (a name such as ../../x.csv
    stays in the staging folder), letters, digits, dot, dash and underscore only."""
    path = _base(name)
    stem = re.sub(r"[^A-Za-z0-9_-]+", "_", Path(path).stem).strip("_") or "file"
    return stem[:80] + Path(path).suffix.lower()


def _base(name: str) -> str:
    """The name without any folder, whether the browser sent / or \\ between them."""
    return Path(name.replace("\\", "/")).name


@contextmanager
def staged(name: str, data: bytes) -> Iterator[Path]:
    """The uploaded bytes as a file (its name kept, made safe) in a private temporary folder,
    for the block only."""
    with tempfile.TemporaryDirectory(prefix="pulih-upload-") as folder:
        path = Path(folder) / safe_name(name)
        path.write_bytes(data)
        yield path
