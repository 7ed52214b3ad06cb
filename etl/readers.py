"""Reading an input file as the agency sent it: CSV or XLSX -> a grid of cells with line numbers,
then the header row found and the columns named through data/aliases/columns.csv.

CSV: comma, semicolon or tab; UTF-8 with or without BOM, else Windows-1252. XLSX: the first or a
named sheet, merged cells filled with their value, typed numbers and dates kept as such. A title
block above the header is skipped: the header is the row that names the most known columns.
Personal-data columns are dropped here, before anything else sees them.
"""

import csv
import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path

from etl.aliases import ColumnMap, norm
from etl.personal import is_personal_header

csv.field_size_limit(16 * 1024 * 1024)  # agency notes can be long; a 16 MB cell is still refused

HEADER_SEARCH_ROWS = 30
DELIMITERS = (",", ";", "\t")
MAX_CELL_CHARS = 100_000  # a cell longer than this is not data a human typed


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
    broken: list[tuple[int, str]] = field(default_factory=list)  # (line, reason)
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


def read_grid(path: Path, sheet: str | None = None) -> Grid:
    if not path.exists():
        raise FileError(f"{path.name}: file not found; check the path")
    if path.is_dir():
        raise FileError(f"{path.name}: is a folder, not a file")
    if is_xlsx(path):
        return _read_xlsx(path, sheet)
    if path.suffix.lower() in (".xls", ".xlsm", ".ods"):
        raise FileError(f"{path.name}: save the workbook as .xlsx (Excel Workbook) or CSV")
    return _read_csv(path)


def decode(data: bytes, name: str) -> tuple[str, str]:
    """The text and the encoding it was in: UTF-8 (with or without BOM), else Windows-1252."""
    if b"\x00" in data[:65536]:
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
    lines = text.splitlines(keepends=True)
    delimiter = sniff_delimiter(lines[:50])
    reader = csv.reader(lines, delimiter=delimiter)
    rows, start = [], 1
    try:
        for cells in reader:
            rows.append((start, [c.strip() for c in cells]))
            start = reader.line_num + 1
    except csv.Error as e:
        raise FileError(f"{path.name}: line {start}: {e}; check the quotes on that line") from None
    return Grid(path, sha256(path), rows, encoding=encoding, delimiter=delimiter)


def _read_xlsx(path: Path, sheet: str | None) -> Grid:
    import openpyxl  # only needed for workbooks

    try:
        # openpyxl raises many kinds of error on a damaged workbook: every one means "cannot open"
        workbook = openpyxl.load_workbook(path, data_only=True)
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
        grid = [list(row) for row in ws.iter_rows(values_only=True)]
        for merged in ws.merged_cells.ranges:  # a merged header names every column it spans
            value = grid[merged.min_row - 1][merged.min_col - 1]
            for r in range(merged.min_row - 1, min(merged.max_row, len(grid))):
                for c in range(merged.min_col - 1, min(merged.max_col, len(grid[r]))):
                    grid[r][c] = value
        name = ws.title
    except FileError:
        raise
    except Exception as e:
        raise FileError(
            f"{path.name}: the workbook is damaged ({type(e).__name__}); save it again as .xlsx"
        ) from None
    finally:
        workbook.close()
    rows = [
        (i, [c.strip() if isinstance(c, str) else c for c in cells])
        for i, cells in enumerate(grid, start=1)
    ]
    return Grid(path, sha256(path), rows, sheet=name)


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
        written = "" if _blank(cell) else str(cell).strip()
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
            table.broken.append((line, reason))  # fmt: skip
            continue
        if any(isinstance(c, str) and len(c) > MAX_CELL_CHARS for c in cells):
            table.broken.append((line, f"a cell is longer than {MAX_CELL_CHARS:,} characters"))
            continue
        row = {name: (cells[i] if i < len(cells) else None) for i, name in index.items()}
        if all(_blank(v) for v in row.values()):
            continue  # only unread columns have content: nothing of ours on this line
        table.rows.append((line, row))
    return table


def sniff_csv_header(
    path: Path, columns: ColumnMap, wanted: set[str]
) -> tuple[str, str, int, list[str]]:
    """For large CSVs read by DuckDB: encoding, delimiter, header line and header cells, from the
    first 64 KB only, so the whole file is never held in Python."""
    with path.open("rb") as f:
        head = f.read(65536)
    if is_xlsx(path):
        raise FileError(f"{path.name}: is a workbook; the fast path reads CSV only")
    text, encoding = decode(head, path.name) if head else ("", "utf-8")
    lines = text.splitlines()[:-1] or text.splitlines()  # the last line may be cut mid-way
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
