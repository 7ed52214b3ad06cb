"""A long-form observation CSV read by DuckDB: its rows into the temp table obs_input, one row per
data line with the line a spreadsheet shows and the raw text of each column the kind reads. The
stages 1 and 2 of etl/read.py and etl/columns.py, set-based, for etl/kinds/observations_set.py.

The file is read as the Python reader reads it: its encoding decided on the whole file, its
delimiter and header found in its head (read_head, find_header, name_columns), its lines counted
first (etl/lines.py) so that every row carries its line and none is lost unseen, as the register
is read (etl/kinds/register_staging.py). What this reader would read otherwise than the Python
one, it leaves to it: stage() returns None for a workbook; a file whose head leaves the delimiter
or the header in doubt (a quoted line break above the header, fewer than 51 lines in a cut head);
bytes the Python reader refuses (a Windows-1252 byte that has no letter, broken UTF-8 after a
byte-order mark); lines etl/lines.py cannot tell apart, a lone CR or an over-long line; a row
wider than the header, or any DuckDB refuses (a stray quote); a cell longer than etl/columns.py
allows. A row shorter than the header is read, its missing cells null (None in Python). Such a
file is an agency's small table; the caller reads it in Python, with the reasons that reader
gives.
"""

from __future__ import annotations

import codecs
import tempfile
from pathlib import Path

from etl import lines, paths
from etl.columns import MAX_CELL_CHARS, Naming, find_header, name_columns
from etl.load import Context
from etl.read import (
    HEAD_BYTES,
    FileError,
    Grid,
    as_text,
    first_lines,
    is_xlsx,
    read_head,
    sniff_delimiter,
)

# Windows-1252 bytes that stand for no letter: Python's codec refuses them, and so does the reader
UNDEFINED_CP1252 = (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d")
DELIMITER_LINES = 50  # the lines etl/read.py sniffs the delimiter on
# what DuckDB reads as no cell at all: an empty cell is '' (as in Python), and a cell a row is
# short of is null (None in Python) as null_padding leaves it. A cell holding exactly this text
# would read as missing rather than be rejected for its control characters.
NO_CELL = "\x01pulih: no cell\x01"


class Staged:
    """What the header names (etl/columns.py Naming) and the line it is on."""

    def __init__(self, naming: Naming, header_line: int):
        self.naming, self.header_line = naming, header_line


def stage(con, path: Path, ctx: Context, every: tuple[str, ...]) -> Staged | None:
    """The file's rows into obs_input, a column for each of `every` (the kind's columns, null
    where the file has none), or None when the Python reader must read it (above)."""
    wanted = set(every)
    if not path.is_file() or is_xlsx(path) or path.suffix.lower() in (".xls", ".xlsm", ".ods"):
        return None
    try:
        head = read_head(path)
        header_index = find_header(head, ctx.columns, wanted, wide=False)
    except FileError:
        return None  # the Python reader says why, in its words
    header_line, header = head.rows[header_index]
    if not _bytes_decode(path, head.encoding) or not _head_is_sure(path, head, header_line):
        return None
    header = [c.strip() for c in header]
    assert head.encoding is not None and head.delimiter is not None  # a CSV's head has both
    with tempfile.TemporaryDirectory(prefix="pulih-observations-") as scratch:
        try:
            shape = lines.scan(path)
            if shape.long or b"\r" in shape.endings:
                return None
            if head.encoding == "cp1252" or shape.needs_copy:
                # DuckDB reads UTF-8 with one kind of line ending
                copy = Path(scratch) / "observations.csv"
                shape = lines.normalised_copy(path, head.encoding, copy)
                path = copy
        except lines.LineError:
            return None
        naming = name_columns(header, ctx.columns, wanted)
        if not _read(con, path, head.delimiter, header_line, len(header), naming, every):
            return None
    blank = [b for b in shape.blank if b > header_line]
    _number_lines(con, header_line, blank)
    read, long_cell, wide = con.execute(
        "select count(*), bool_or(long_cell), bool_or(wide_row) from obs_input"
    ).fetchone()
    if long_cell or wide or read + len(blank) != shape.records - header_line:
        return None
    return Staged(naming, header_line)


def _head_is_sure(path: Path, head: Grid, header_line: int) -> bool:
    """Whether the head gives the delimiter and the header row the whole file would: the rows down
    to the header are each one line (no quoted line break), and the lines the delimiter is
    sniffed on are the file's first lines (all of a small file, which is read whole for it)."""
    with path.open("rb") as f:
        data = f.read(HEAD_BYTES)
    if len(data) < HEAD_BYTES:  # the whole file
        text = as_text(data, head.encoding or "utf-8", path.name)
        if sniff_delimiter(first_lines(text, DELIMITER_LINES)) != head.delimiter:
            return False
    elif len(head.rows) <= DELIMITER_LINES:
        return False
    return all(
        line.count('"') % 2 == 0 for line in first_lines(data.decode("latin-1"), header_line)
    )


def _bytes_decode(path: Path, encoding: str | None) -> bool:
    """Whether every byte decodes as the Python reader decodes it: a Windows-1252 file holds no
    byte without a letter; a file with a UTF-8 byte-order mark is UTF-8 after it."""
    with path.open("rb") as f:
        blocks = iter(lambda: f.read(1 << 20), b"")
        if encoding == "cp1252":
            return not any(b in block for block in blocks for b in UNDEFINED_CP1252)
        if encoding == "utf-8-sig":
            decoder = codecs.getincrementaldecoder("utf-8")()
            try:
                for block in blocks:
                    decoder.decode(block)
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                return False
    return True


def _read(
    con, path: Path, delimiter: str, header_line: int, width: int, naming: Naming, every: tuple
) -> bool:
    """DuckDB reads the rows below the header into obs_read, every cell as text, a row shorter
    than the header padded with nulls (as the Python reader's); False when it refuses any row
    (the Python reader then reads the file, and says why)."""
    # identifiers are our own (c0, c1, ... and the kind's column names), never text from the file
    position = {name: i for i, name in naming.index.items()}
    kept = ", ".join(
        f'c{position[name]} as "{name}"'
        if name in position
        else f'null::varchar as "{name}"'  # a column the file does not have: no cell at all
        for name in every
    )
    longest = " or ".join(f"length(c{i}) > {MAX_CELL_CHARS}" for i in range(width))
    try:
        con.execute(
            paths.sql_text("observations/read").format(
                kept=kept, long_cell=longest, beyond=f"c{width}"
            ),
            {
                "path": str(path),
                "delim": delimiter,
                "skip": header_line - 1,
                # one column more than the header: a row that fills it is wider than its header
                "columns": {f"c{i}": "VARCHAR" for i in range(width + 1)},
                "nullstr": NO_CELL,
                # a copied line may grow: a Windows-1252 byte is up to 3 bytes of UTF-8
                "max_line": 4 * lines.MAX_LINE_BYTES,
            },
        )
    except Exception:  # duckdb.Error, and whatever its reader raises on a malformed file
        return False
    return True


def _number_lines(con, header_line: int, blank: list[int]) -> None:
    """obs_input: obs_read with the line each row is on. Row i (from 0, in the file's order) is on
    line header_line + 1 + i + (the blank lines before it); blank line b, the r-th, has
    b - header_line - r rows before it (etl/kinds/register_staging.py numbers its rows so)."""
    con.execute(
        paths.sql_text("observations/lines"),
        {"header_line": header_line, "blank": blank},
    )
