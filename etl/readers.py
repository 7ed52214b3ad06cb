"""Reading an input file as the agency sent it: CSV or XLSX -> a grid of cells with line numbers,
then the header row found and the columns named through data/aliases/columns.csv.

CSV: comma, semicolon or tab; UTF-8 with or without BOM, else Windows-1252. XLSX: the first or a
named sheet, merged cells filled with their value, typed numbers and dates kept as such. A title
block above the header is skipped: the header is the row that names the most known columns.
Personal-data columns are dropped here, before anything else sees them.
"""

import bisect
import csv
import hashlib
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from etl.aliases import ColumnMap, norm
from etl.personal import is_personal_header

csv.field_size_limit(16 * 1024 * 1024)  # agency notes can be long; a 16 MB cell is still refused

HEADER_SEARCH_ROWS = 30
DELIMITERS = (",", ";", "\t")
MAX_CELL_CHARS = 100_000  # a cell longer than this is not data a human typed

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


def control_reason(header: str, character: str) -> str:
    return (
        f"{header} holds the control character U+{ord(character):04X}, which a spreadsheet "
        "cannot store: delete it (retype the cell) and save again"
    )


class FileError(ValueError):
    """The file as a whole cannot be read; the message says why and how to fix it."""


@dataclass
class Grid:
    path: Path
    sha256: str
    rows: list[tuple[int, list]]  # (line as a spreadsheet shows it, cells)
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None


@dataclass
class Table:
    path: Path
    sha256: str
    columns: list[str]  # canonical names of the columns read
    rows: list[tuple[int, dict]] = field(default_factory=list)
    # rows that cannot be read as a row: (line, column as headed, value, reason)
    broken: list[tuple[int, str | None, str | None, str]] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)  # canonical -> header as written
    levels: dict[str, str] = field(default_factory=dict)  # area column -> its level, if known
    dropped_columns: list[str] = field(default_factory=list)  # personal data, never read
    warnings: list[str] = field(default_factory=list)
    title: list[str] = field(default_factory=list)  # text of the rows above the header
    header_line: int = 1


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
        raise FileError(f"{path.name}: file not found; check the path")
    if path.is_dir():
        raise FileError(f"{path.name}: is a folder, not a file")
    if is_xlsx(path):
        return _read_xlsx(path, sheet, kind)
    if path.suffix.lower() in (".xls", ".xlsm", ".ods"):
        raise FileError(f"{path.name}: save the workbook as .xlsx (Excel Workbook) or CSV")
    return _read_csv(path)


def decode(data: bytes, name: str) -> tuple[str, str]:
    """The text and the encoding it was in: UTF-8 (with or without BOM), else Windows-1252."""
    head = data[:65536]
    controls = len(CONTROL.findall(head.decode("latin-1"))) if head else 0
    if head.count(0) > BINARY_NUL_SHARE * len(head) or controls > BINARY_CONTROL_SHARE * len(head):
        raise FileError(f"{name}: this is a binary file, not CSV or XLSX; export the data as CSV")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as e:
        raise FileError(
            f"{name}: byte {e.start} is neither UTF-8 nor Windows-1252 text; "
            "save the file as 'CSV UTF-8' and try again"
        ) from None


def _first_lines(text: str, n: int | None) -> list[str]:
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
    try:
        text, encoding = decode(path.read_bytes(), path.name)
    except UnicodeDecodeError as e:
        raise FileError(
            f"{path.name}: not valid UTF-8 after its byte-order mark ({e.reason})"
        ) from None
    delimiter = sniff_delimiter(_first_lines(text, 50))
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
        raise FileError(f"{path.name}: line {start}: {e}; check the quotes on that line") from None
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
            f"{path.name}: cannot be opened as an Excel workbook ({type(e).__name__}); "
            "open it in Excel and save it again as .xlsx"
        ) from None
    try:
        if sheet is None:
            ws = workbook.worksheets[0]
        elif sheet in workbook.sheetnames:
            ws = workbook[sheet]
        else:
            raise FileError(
                f"{path.name}: no sheet '{sheet}'; the sheets are {', '.join(workbook.sheetnames)}"
            )
        if ws.max_row and ws.max_column:  # the used range the sheet declares, from A1
            _check_used_range(path, kind, ws.max_row, ws.max_column, declared=True)
        rows = _stream_rows(path, kind, ws)
        name = ws.title
    except FileError:
        raise
    except Exception as e:
        raise FileError(
            f"{path.name}: the workbook is damaged ({type(e).__name__}); save it again as .xlsx"
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
            f"{path.name}: cannot be opened as an Excel workbook ({type(e).__name__}); "
            "open it in Excel and save it again as .xlsx"
        ) from None
    total = sum(p.file_size for p in parts)
    if total > MAX_UNPACKED_BYTES:
        raise FileError(
            f"{path.name}: the workbook unpacks to {total / 1e6:,.0f} MB, more than the "
            f"{MAX_UNPACKED_BYTES / 1e6:,.0f} MB a workbook may hold; send the data as CSV, or "
            "remove pictures and other sheets and save again".replace(",", ".")
        )
    for p in parts:
        ratio = p.file_size / max(p.compress_size, 1)
        if p.file_size > RATIO_CHECKED_FROM_BYTES and ratio > MAX_PACKING_RATIO:
            raise FileError(
                f"{path.name}: part {p.filename} unpacks to {ratio:,.0f} times its stored size "
                f"(more than {MAX_PACKING_RATIO}), which no table typed in Excel does; open the "
                "workbook in Excel, save it again as .xlsx, or send the data as CSV"
            )


def _dots(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _check_used_range(path: Path, kind, rows: int, columns: int, declared: bool) -> None:
    if rows * columns <= MAX_WORKBOOK_CELLS:
        return
    from openpyxl.utils import get_column_letter

    last = f"{get_column_letter(columns)}{rows}"
    if declared:
        what = (
            f"the sheet declares its used range as A1:{last}: {_dots(rows)} rows x "
            f"{_dots(columns)} columns = {_dots(rows * columns)} cells"
        )
    else:
        what = (
            f"the sheet's data reaches row {_dots(rows)} and column {_dots(columns)} "
            f"({get_column_letter(columns)}): {_dots(rows * columns)} cells from A1"
        )
    fix = (
        "send the register as CSV, which is read streaming at any size"
        if kind == "umkm_register"
        else "delete the empty rows and columns beyond the data (Ctrl+End shows where Excel "
        "thinks the data ends) and save again, or split the table"
    )
    raise FileError(
        f"{path.name}: {what}, more than the {_dots(MAX_WORKBOOK_CELLS)} a workbook may hold; {fix}"
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
            values = [None] * max(c["column"] for c in cells)
            for c in cells:
                value = c["value"]
                values[c["column"] - 1] = value.strip() if isinstance(value, str) else value
            if not all(_blank(v) for v in values):
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
                f"{path.name}: its merged cells cover more than {_dots(MAX_WORKBOOK_CELLS)} cells; "
                "unmerge them and save again"
            )


def _blank(cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def find_header(grid: Grid, columns: ColumnMap, wanted: set[str], wide: bool) -> int:
    """Index in grid.rows of the row that names the most columns this kind reads."""

    def known(cell) -> bool:
        column = columns.get(cell, wanted) if isinstance(cell, str) else None
        return bool(column) and (
            column.name in wanted or (wide and column.name.startswith("metric:"))
        )

    best, best_score = None, 1
    for i, (_, cells) in enumerate(grid.rows[:HEADER_SEARCH_ROWS]):
        score = len({norm(c) for c in cells if known(c)})
        if score > best_score:
            best, best_score = i, score
    if best is None:
        raise FileError(
            f"{grid.path.name}: no header row in the first {HEADER_SEARCH_ROWS} rows: a header "
            "names the columns (e.g. Kecamatan, Tanggal, PHK); add unknown names to "
            "data/aliases/columns.csv"
        )
    return best


def to_table(grid: Grid, columns: ColumnMap, wanted: set[str], wide: bool = False) -> Table:
    """Name the columns, drop personal data, keep each data row with its line."""
    h = find_header(grid, columns, wanted, wide)
    header_line, header = grid.rows[h]
    table = Table(grid.path, grid.sha256, columns=[], header_line=header_line)
    table.title = [" ".join(str(c) for c in cells if not _blank(c)) for _, cells in grid.rows[:h]]
    index: dict[int, str] = {}
    for i, cell in enumerate(header):
        written = "" if _blank(cell) else shown(BREAKS.sub(" ", str(cell)).strip())
        if not written:
            continue
        if is_personal_header(written):
            table.dropped_columns.append(written)
            continue
        column = columns.get(written, wanted)
        name = column.name if column else None
        if name == "-":
            continue  # known and deliberately not read, such as a row number
        if name is None or not (name in wanted or (wide and name.startswith("metric:"))):
            table.warnings.append(
                f"column '{written}' is not recognised and was not read; if it holds data, "
                "add its name to data/aliases/columns.csv"
            )
            continue
        if name in table.headers:
            table.warnings.append(
                f"column '{written}' repeats '{table.headers[name]}'; only the first is read"
            )
            continue
        index[i] = name
        table.headers[name] = written
        if column.level:
            table.levels[name] = column.level
    table.columns = list(index.values())
    if table.dropped_columns:
        table.warnings.append(
            f"personal-data column(s) dropped and never stored: {', '.join(table.dropped_columns)}"
        )
    for line, cells in grid.rows[h + 1 :]:
        if all(_blank(c) for c in cells):
            continue
        # a CSV row with more cells than its header is shifted; a sheet's trailing blanks are not
        extra = [c for c in cells[len(header) :] if not _blank(c)]
        if extra or (grid.delimiter and len(cells) > len(header)):
            reason = (
                f"row has {len(cells)} cells but the header has {len(header)}: "
                "check for an unquoted comma or a shifted cell"
            )
            table.broken.append((line, None, None, reason))
            continue
        if any(isinstance(c, str) and len(c) > MAX_CELL_CHARS for c in cells):
            reason = f"a cell is longer than {MAX_CELL_CHARS:,} characters"
            table.broken.append((line, None, None, reason))
            continue
        row, fault = {}, None
        for i, name in index.items():
            value = cells[i] if i < len(cells) else None
            if isinstance(value, str):
                if fault is None and (control := CONTROL.search(value)):
                    header = table.headers[name]
                    fault = (line, header, shown(value), control_reason(header, control.group()))
                value = BREAKS.sub(" ", value).strip()
            row[name] = value
        if fault:
            table.broken.append(fault)
            continue
        if all(_blank(v) for v in row.values()):
            continue  # only unread columns have content: nothing of ours on this line
        table.rows.append((line, row))
    return table


def _whole_utf8(data: bytes) -> bytes:
    """Bytes cut short of a UTF-8 letter its end had begun (a lead byte and its continuations)."""
    end = len(data)
    while end > 0 and len(data) - end < 4 and data[end - 1] & 0xC0 == 0x80:
        end -= 1
    if end > 0 and data[end - 1] >= 0xC0:
        return data[: end - 1]
    return data


def sniff_csv_header(
    path: Path, columns: ColumnMap, wanted: set[str]
) -> tuple[str, str, int, list[str]]:
    """For large CSVs read by DuckDB: encoding, delimiter, header line and header cells, from the
    first 64 KB only, so the whole file is never held in Python."""
    with path.open("rb") as f:
        head = f.read(65536)
    if is_xlsx(path):
        raise FileError(f"{path.name}: is a workbook; the fast path reads CSV only")
    if len(head) == 65536:  # never end the head inside a UTF-8 letter
        head = _whole_utf8(head)
    text, encoding = decode(head, path.name) if head else ("", "utf-8")
    lines = _first_lines(text, None)
    lines = lines[:-1] or lines  # the last line may be cut mid-way
    delimiter = sniff_delimiter(lines[:50])
    grid = Grid(
        path,
        "",
        [
            (i, next(csv.reader(io.StringIO(line), delimiter=delimiter), []))
            for i, line in enumerate(lines, start=1)
        ],
    )
    h = find_header(grid, columns, wanted, wide=False)
    line, cells = grid.rows[h]
    return encoding, delimiter, line, [c.strip() for c in cells]
