"""Stage 1, read: the bytes of a file as the agency sent it -> a grid of cells, each row with the
line a spreadsheet shows for it. Nothing here knows what a column means (etl/columns.py does).

CSV: comma, semicolon or tab; UTF-8 with or without BOM, else Windows-1252, decided on the whole
file by one rule (encoding_of) for every reader; a quoted line break stays inside its row. XLSX:
the first or a named sheet, read streaming after its size is bounded (the workbook limits below),
merged cells filled with their value, typed numbers and dates kept as such, empty rows left out.
A large CSV (the register) is not read here whole: read_head gives its encoding and first 64 KB,
for the header, and DuckDB reads the rest (etl/kinds/register_staging.py).

The rule on control characters lives here too (CONTROL, shown): what the later stages reject and
how every message shows such a character. One module for the stage (about 380 lines): the CSV and
the workbook reader share the grid, the errors and that rule, and the workbook limits sit beside
the code that enforces them.
"""

import bisect
import codecs
import csv
import hashlib
import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from warehouse import reasons

csv.field_size_limit(16 * 1024 * 1024)  # agency notes can be long; a 16 MB cell is still refused

DELIMITERS = (",", ";", "\t")
HEAD_BYTES = 65536  # what is read of a large CSV to find its encoding, delimiter and header

# Workbook limits, checked before a sheet is parsed (README, "For analysts"). A 5 KB .xlsx can
# declare a cell at XFD1048576 (17 billion cells from A1) and a 400 KB one can hold a million rows:
# either would take gigabytes once read. A table typed by an agency is far below these; a register
# larger than them comes as CSV, which DuckDB reads streaming at any size.
MAX_UNPACKED_BYTES = 200_000_000  # everything in the zip, unpacked
MAX_PACKING_RATIO = 100  # unpacked / stored, for any part larger than RATIO_CHECKED_FROM_BYTES
RATIO_CHECKED_FROM_BYTES = 10_000_000
MAX_WORKBOOK_CELLS = 1_000_000  # rows x columns of the used range from A1, declared or found


# C0 control characters a spreadsheet cannot store (openpyxl refuses to write them): a cell holding
# one is rejected. Tab, LF and CR are not among them: inside a cell they become a space.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
BREAKS = re.compile(r"\s*[\t\r\n]+\s*")
# a file is binary, not text, when its head holds more NULs or control characters than this share
BINARY_NUL_SHARE, BINARY_CONTROL_SHARE = 0.01, 0.10


def shown(text):
    """Text with every control character written out (\\x01), for messages and rejects: what a
    person can read, and what any spreadsheet or export can hold."""
    if not isinstance(text, str) or not CONTROL.search(text):
        return text
    return CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def brief(value: str, limit: int = 80) -> str:
    """A value as a terminal line shows it: quoted, control characters written out, and cut
    short when long (the rejected table and --json keep it whole)."""
    text = shown(str(value))
    if len(text) > limit:
        text = f"{text[: limit - 20]}... ({len(text):,} characters)".replace(",", ".")
    return f"'{text}'"


class FileError(ValueError):
    """The file as a whole cannot be read; the message says why and how to fix it. It is a
    template with its values (warehouse/reasons.py): its text is the English the command line
    prints, and the dashboard writes it again in the reader's language (`reason`)."""

    def __init__(self, message: reasons.Reason):
        super().__init__(message)
        self.reason = message


@dataclass
class Grid:
    path: Path
    sha256: str
    rows: list[tuple[int, list]]  # (line as a spreadsheet shows it, cells)
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def is_xlsx(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(4) == b"PK\x03\x04"


def read_grid(path: Path, sheet: str | None = None, kind: str | None = None) -> Grid:
    if not path.exists():
        raise FileError(reasons.reason(reasons.FILE_NOT_FOUND, name=path.name))
    if path.is_dir():
        raise FileError(reasons.reason(reasons.FILE_IS_FOLDER, name=path.name))
    if is_xlsx(path):
        return _read_xlsx(path, sheet, kind)
    if path.suffix.lower() in (".xls", ".xlsm", ".ods"):
        raise FileError(reasons.reason(reasons.OLD_WORKBOOK, name=path.name))
    return _read_csv(path)


def encoding_of(blocks: Iterable[bytes], name: str) -> str:
    """The encoding a CSV is read in, decided on all of its bytes (given a block at a time): UTF-8
    after a byte-order mark ("utf-8-sig"); UTF-8 when every byte is; else Windows-1252. The one
    rule: the whole-file reader, the register's (read_head, file_encoding) and the screened copy
    of `etl add` (etl/screen.py) all take it from here. A file whose first 64 KB hold a larger
    share of NULs or control characters than BINARY_NUL_SHARE, BINARY_CONTROL_SHARE is binary:
    FileError."""
    decoder = codecs.getincrementaldecoder("utf-8")()  # a letter split between blocks is whole
    for i, block in enumerate(blocks):
        if i == 0:
            head = block[:HEAD_BYTES]
            controls = len(CONTROL.findall(head.decode("latin-1")))
            if head.count(0) > BINARY_NUL_SHARE * len(head) or (
                controls > BINARY_CONTROL_SHARE * len(head)
            ):
                raise FileError(reasons.reason(reasons.BINARY_FILE, name=name))
            if block.startswith(codecs.BOM_UTF8):
                return "utf-8-sig"
        if block.isascii() and not decoder.getstate()[0]:
            continue  # nothing pending and nothing to check
        try:
            decoder.decode(block)
        except UnicodeDecodeError:
            return "cp1252"
    try:
        decoder.decode(b"", final=True)  # the file may not end inside a letter
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


def file_encoding(path: Path) -> str:
    """A CSV's encoding (encoding_of), its bytes streamed: a register of millions of rows is
    never held."""
    with path.open("rb") as f:
        return encoding_of(iter(lambda: f.read(1 << 20), b""), path.name)


def as_text(data: bytes, encoding: str, name: str, cut: bool = False) -> str:
    """Bytes in the encoding encoding_of gave, as text; `cut`: the bytes are the head of a longer
    file, which may end inside a UTF-8 letter (that letter is left for the next line to read)."""
    try:
        return codecs.getincrementaldecoder(encoding)().decode(data, final=not cut)
    except UnicodeDecodeError as e:
        if encoding == "cp1252":
            # the byte's offset as a plain number, as a text editor's "go to byte" takes it
            raise FileError(
                reasons.reason(reasons.NOT_TEXT, name=name, byte=str(e.start))
            ) from None
        # e.reason: the codec's own words ("invalid start byte")
        raise FileError(
            reasons.reason(reasons.NOT_UTF8_AFTER_BOM, name=name, message=e.reason)
        ) from None


def decode(data: bytes, name: str) -> tuple[str, str]:
    """The text of a whole file and the encoding it was in (encoding_of)."""
    encoding = encoding_of([data] if data else [], name)
    return as_text(data, encoding, name), encoding


def first_lines(text: str, n: int | None) -> list[str]:
    """The first n lines of a text (all with None), split at LF, CRLF or CR only."""
    lines = re.split(r"\r\n|\n|\r", text if n is None else text[: 1 << 20], maxsplit=n or 0)
    return lines[:n] if n else lines


def sniff_delimiter(lines: list[str]) -> str:
    """The delimiter that splits the most lines into the same number of cells."""
    best, best_score = ",", 0
    for d in DELIMITERS:
        counts = [line.count(d) for line in lines if line.strip()]
        if not counts:
            continue
        modal = max(set(c for c in counts if c), key=counts.count, default=0)
        score = counts.count(modal) * modal
        if score > best_score:
            best, best_score = d, score
    return best


def _read_csv(path: Path) -> Grid:
    text, encoding = decode(path.read_bytes(), path.name)
    delimiter = sniff_delimiter(first_lines(text, 50))
    # lines end at LF, CRLF or CR only: str.splitlines would also end them at a vertical tab, a
    # form feed or U+2028, which belong inside a cell
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    # a row's line is as a spreadsheet shows it: a quoted line break stays inside its row
    rows, start = [], 1
    try:
        for line, cells in enumerate(reader, start=1):
            rows.append((line, [c.strip() for c in cells]))
            start = reader.line_num + 1  # the text line the next row starts on, for quote errors
    except csv.Error as e:
        # str(e): the csv module's own words ("field larger than field limit (16777216)")
        raise FileError(
            reasons.reason(reasons.CSV_LINE, name=path.name, line=str(start), message=str(e))
        ) from None
    return Grid(path, sha256(path), rows, encoding=encoding, delimiter=delimiter)


def _read_xlsx(path: Path, sheet: str | None, kind: str | None = None) -> Grid:
    """A workbook's sheet, read streaming (openpyxl read-only) after its size is bounded: what the
    zip unpacks to, and the sheet's used range, both declared and as it streams (see the limits
    above). Merged cells are filled with their value; empty rows are left out."""
    import openpyxl  # only needed for workbooks

    _check_unpacked_size(path)
    try:
        # openpyxl raises many kinds of error on a damaged workbook: every one means "cannot open"
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as e:
        raise FileError(
            reasons.reason(reasons.NOT_A_WORKBOOK, name=path.name, error=type(e).__name__)
        ) from None
    try:
        if sheet is None:
            ws = workbook.worksheets[0]
        elif sheet in workbook.sheetnames:
            ws = workbook[sheet]
        else:
            raise FileError(
                reasons.reason(
                    reasons.NO_SHEET,
                    name=path.name,
                    sheet=sheet,
                    sheets=reasons.joined(workbook.sheetnames),
                )
            )
        if ws.max_row and ws.max_column:  # the used range the sheet declares, from A1
            _check_used_range(path, kind, ws.max_row, ws.max_column, declared=True)
        rows = _stream_rows(path, kind, ws)
        name = ws.title
    except FileError:
        raise
    except Exception as e:
        raise FileError(
            reasons.reason(reasons.DAMAGED_WORKBOOK, name=path.name, error=type(e).__name__)
        ) from None
    finally:
        workbook.close()
    return Grid(path, sha256(path), rows, sheet=name)


def _check_unpacked_size(path: Path) -> None:
    """Refuse a zip that unpacks to more than MAX_UNPACKED_BYTES, or one of whose large parts
    unpacks more than MAX_PACKING_RATIO times its stored size, before anything is unpacked. The
    sizes are the ones the zip declares; Python's zipfile never unpacks more than that."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as e:
        raise FileError(
            reasons.reason(reasons.NOT_A_WORKBOOK, name=path.name, error=type(e).__name__)
        ) from None
    total = sum(p.file_size for p in parts)
    if total > MAX_UNPACKED_BYTES:
        raise FileError(
            reasons.reason(
                reasons.UNPACKS_TO,
                name=path.name,
                size=round(total / 1e6),  # numbers: 1,000 in English, 1.000 in Indonesian
                limit=round(MAX_UNPACKED_BYTES / 1e6),
            )
        )
    for p in parts:
        ratio = p.file_size / max(p.compress_size, 1)
        if p.file_size > RATIO_CHECKED_FROM_BYTES and ratio > MAX_PACKING_RATIO:
            raise FileError(
                reasons.reason(
                    reasons.PACKING_RATIO,
                    name=path.name,
                    part=p.filename,
                    ratio=round(ratio),  # a number: 1,234 in English, 1.234 in Indonesian
                    limit=MAX_PACKING_RATIO,
                )
            )


def _check_used_range(path: Path, kind, rows: int, columns: int, declared: bool) -> None:
    if rows * columns <= MAX_WORKBOOK_CELLS:
        return
    from openpyxl.utils import get_column_letter

    size = {"rows": rows, "columns": columns, "cells": rows * columns}
    letter = get_column_letter(columns)
    what = (
        reasons.reason(reasons.DECLARED_RANGE, last=f"{letter}{rows}", **size)
        if declared
        else reasons.reason(reasons.DATA_RANGE, letter=letter, **size)
    )
    fix = reasons.REGISTER_AS_CSV if kind == "umkm_register" else reasons.TRIM_THE_SHEET
    raise FileError(
        reasons.reason(
            reasons.TOO_MANY_CELLS,
            name=path.name,
            what=what,
            limit=MAX_WORKBOOK_CELLS,
            fix=reasons.reason(fix),
        )
    )


def _stream_rows(path: Path, kind, ws) -> list[tuple[int, list]]:
    """(row number as Excel shows it, values) for every row holding a value, in one streaming
    pass over the sheet XML, stopped as soon as the range it covers from A1 passes the limit."""
    from openpyxl.worksheet._reader import WorkSheetParser

    book = ws.parent
    rows: dict[int, list] = {}
    widest = 0
    # the parser openpyxl's own read-only rows use, without their padding of every row (and of
    # every missing row) to the declared width: a sparse sheet stays sparse here
    with ws._get_source() as source:
        parser = WorkSheetParser(
            source,
            ws._shared_strings,
            data_only=True,
            epoch=book.epoch,
            date_formats=book._date_formats,
            timedelta_formats=book._timedelta_formats,
        )
        for index, cells in parser.parse():
            if not cells:
                continue
            widest = max(widest, max(c["column"] for c in cells))
            _check_used_range(path, kind, index, widest, declared=False)
            values: list = [None] * max(c["column"] for c in cells)
            for c in cells:
                value = c["value"]
                values[c["column"] - 1] = value.strip() if isinstance(value, str) else value
            if not all(blank(v) for v in values):
                rows[index] = values
        merged = parser.merged_cells.mergeCell if parser.merged_cells else []
    _fill_merged(path, rows, [m.ref for m in merged])
    return sorted(rows.items())


def _fill_merged(path: Path, rows: dict[int, list], ranges: list[str]) -> None:
    """A merged cell names every cell it spans (a merged header names every column under it)."""
    from openpyxl.utils.cell import range_boundaries

    numbers = sorted(rows)
    filled = 0
    for ref in ranges:
        min_col, min_row, max_col, max_row = range_boundaries(ref)
        top = rows.get(min_row)
        value = top[min_col - 1] if top and min_col <= len(top) else None
        if value is None:
            continue
        for r in numbers[
            bisect.bisect_left(numbers, min_row) : bisect.bisect_right(numbers, max_row)
        ]:
            row = rows[r]
            for c in range(min_col - 1, min(max_col, len(row))):
                row[c] = value
                filled += 1
        if filled > MAX_WORKBOOK_CELLS:
            raise FileError(
                reasons.reason(reasons.MERGED_TOO_MANY, name=path.name, limit=MAX_WORKBOOK_CELLS)
            )


def blank(cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def read_head(path: Path) -> Grid:
    """The first HEAD_BYTES of a CSV as a grid (encoding and delimiter found as for a whole file),
    for a file too large to hold in Python: the register, whose rows DuckDB reads."""
    if is_xlsx(path):
        raise FileError(reasons.reason(reasons.WORKBOOK_NOT_CSV, name=path.name))
    encoding = file_encoding(path)  # of the whole file: the head alone may mislead
    with path.open("rb") as f:
        head = f.read(HEAD_BYTES)
    # a head cut inside a UTF-8 letter ends before it
    text = as_text(head, encoding, path.name, cut=len(head) == HEAD_BYTES)
    lines = first_lines(text, None)
    lines = lines[:-1] or lines  # the last line may be cut mid-way
    delimiter = sniff_delimiter(lines[:50])
    rows = [
        (i, next(csv.reader(io.StringIO(line), delimiter=delimiter), []))
        for i, line in enumerate(lines, start=1)
    ]
    return Grid(path, "", rows, encoding=encoding, delimiter=delimiter)
