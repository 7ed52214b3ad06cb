"""The register's rows staged in DuckDB, as the temp view register_input: one row per line of
the file with the line a spreadsheet shows, the raw text of the columns the register reads
(STAGED), and never a personal-data column. The register's stages 1 and 2 (etl/read.py,
etl/columns.py) for a file too large for Python; etl/kinds/register.py parses and checks the
staged values and inserts the rows.

A CSV is read by DuckDB, streaming: its encoding is decided on the whole file, and its first
64 KB give the delimiter and header (read_head, find_header, name_columns, as for every file);
etl/lines.py counts its lines first, so every row is given its line (blank lines and rows DuckDB
refused included) and none is lost unseen; a row DuckDB's parser refuses is a reject in the words
the Python reader uses. A workbook register is small enough (etl/read.py limits) to be read in
Python and is staged the same way. A register without an id column gets a pseudonymous id
(etl/pseudonym.py), hashed as it is read.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from etl import cells, lines, pseudonym
from etl.aliases import norm
from etl.columns import Reject, find_header, name_columns, to_table
from etl.load import Context
from etl.read import FileError, is_xlsx, read_grid, read_head
from warehouse import reasons

if TYPE_CHECKING:
    from etl.manifest import FileEntry

# staged column -> the register column it comes from
STAGED = {
    "umkm_id": "umkm_id",
    "area_raw": "area_code",
    "sector": "sector",
    "scale_raw": "scale",
    "registered_raw": "registered_on",
    "onboarded_raw": "onboarded_on",
    "platform": "platform",
}
# the staged columns whose distinct values are parsed once (etl/kinds/register.py): staged as
# written and cleaned by distinct value (clean_distinct)
BY_DISTINCT = ("area_raw", "sector", "platform", "scale_raw", "registered_raw", "onboarded_raw")
# a register without an id column: the keyed digest of the business name, until its kecamatan is
# known (etl/pseudonym.py); never the name itself
NAME_KEY = "name_key"


@dataclass
class Staged:
    headers: dict[str, str]  # register column -> header as written
    levels: dict[str, str]  # area column -> the level its names are at
    warnings: list[str]
    rejects: list[Reject]  # rows the CSV parser could not split
    header_line: int
    derived: str | None = None  # "nik" or "name" when the id is derived (etl/pseudonym.py)


def stage(con, path: Path, entry: FileEntry, ctx: Context, wanted: set[str]) -> Staged:
    """The register's rows into register_input (the columns `wanted` named as for every file)."""
    if is_xlsx(path):
        return _stage_rows(con, path, entry, ctx, wanted)
    with tempfile.TemporaryDirectory(prefix="pulih-register-") as scratch:
        return _stage_csv(con, path, ctx, wanted, Path(scratch))


def _derived_id(header: list, headers: dict, warnings: list) -> tuple[str, int] | None:
    """A register without an id column: the column its pseudonymous id comes from, if any."""
    if "umkm_id" in headers:
        return None
    source = pseudonym.id_source([set(norm(str(h or "")).split()) for h in header])
    if source:
        what, i = source
        headers["umkm_id"] = f"(id derived from {str(header[i]).strip()})"
        warnings.append(
            reasons.reason(
                reasons.DERIVED_ID,
                what=reasons.Word(reasons.FROM_NIK if what == "nik" else reasons.FROM_NAME),
                header=str(header[i]).strip(),
            )
        )
    return source


def _stage_csv(con, path: Path, ctx: Context, wanted: set[str], scratch: Path) -> Staged:
    """The register's rows into register_input with the lines a spreadsheet shows, and one reject
    per row DuckDB's parser refuses; every row of the file is one or the other (checked)."""
    head = read_head(path)  # the encoding; from the first 64 KB the delimiter and header
    header_line, header = head.rows[find_header(head, ctx.columns, wanted, wide=False)]
    # a CSV's head always has both (read_head); only a workbook's grid has neither
    assert head.encoding is not None and head.delimiter is not None
    encoding, delimiter, header = head.encoding, head.delimiter, [c.strip() for c in header]
    name = path.name
    try:
        shape = lines.scan(path)
        if encoding == "cp1252" or shape.needs_copy:
            # DuckDB reads UTF-8 with one kind of line ending, and no line longer than its buffer
            shape = lines.normalised_copy(path, encoding, scratch / "register.csv")
            path = scratch / "register.csv"
    except lines.LineError as e:
        raise FileError(reasons.reason(reasons.IN_FILE, name=name, problem=e.reason)) from None
    naming = name_columns(header, ctx.columns, wanted)
    headers, levels, warnings = naming.headers, naming.levels, naming.warnings
    derived = _derived_id(header, headers, warnings)
    by_column = {name: f"c{i}" for i, name in naming.index.items()}
    # Identifiers here are our own (c0, c1, ...), never text from the file; values are bound.
    # The id is cleaned cell by cell; the columns parsed by distinct value are staged as written
    # and cleaned by distinct value (clean_distinct): a regex in every cell of six columns took
    # 1,2 s of CPU of a 5-million-row load, and a few hundred distinct values take none
    select = ", ".join(
        (f"{by_column[source]}" if staged in BY_DISTINCT else _cleaned(by_column[source]))
        + f" as {staged}"
        if source in by_column
        else f"null::varchar as {staged}"
        for staged, source in STAGED.items()
    )
    # a derived id: the NIK (or the name) goes through the keyed hash as it is read, so it never
    # lands in a table
    secret = pseudonym.key(ctx.aliases.parent) if derived else b""
    con.create_function("pulih_nik_id", lambda v: pseudonym.from_nik(secret, v), [str], str)
    con.create_function("pulih_name_key", lambda v: pseudonym.name_key(secret, v), [str], str)
    if derived and derived[0] == "nik":
        select = select.replace(
            "null::varchar as umkm_id", f"pulih_nik_id(c{derived[1]}) as umkm_id"
        )
    name_key = f"pulih_name_key(c{derived[1]})" if derived and derived[0] == "name" else "null"
    select += f", {name_key}::varchar as {NAME_KEY}"
    # DuckDB adds the rows it refuses to these temp tables for as long as the connection lives:
    # dropped first, they hold this file's refused rows and no earlier file's
    con.execute("drop table if exists temp.register_parse_errors")
    con.execute("drop table if exists temp.register_scan")
    try:
        # no line column here: numbering the rows as they are read (row_number() over ()) is a
        # window over the whole file that took 0,8-1,3 s of a 5-million-row load. The table keeps
        # the file's order (DuckDB preserves insertion order), so a row's line follows from its
        # rowid (the view register_input, _number_lines)
        con.execute(
            f"create or replace temp table register_rows as "
            f"select {select} "
            f"from read_csv($path, delim = $delim, header = true, skip = $skip, "
            f"encoding = $encoding, auto_detect = false, columns = $columns, quote = '\"', "
            f"escape = '\"', store_rejects = true, rejects_scan = 'register_scan', "
            f"rejects_table = 'register_parse_errors', max_line_size = $max_line)",
            {
                "path": str(path),
                "delim": delimiter,
                "skip": header_line - 1,
                "encoding": "utf-8",
                "columns": {f"c{i}": "VARCHAR" for i in range(len(header))},
                # a copied line may grow: a Windows-1252 byte is up to 3 bytes of UTF-8
                "max_line": 4 * lines.MAX_LINE_BYTES,
            },
        )
    except Exception as e:  # DuckDB's own message names the line; the file stays unread
        message = str(e).splitlines()[0]  # DuckDB's text: a value, shown as DuckDB wrote it
        raise FileError(reasons.reason(reasons.NOT_CSV, name=name, message=message)) from None
    finally:
        con.remove_function("pulih_nik_id")
        con.remove_function("pulih_name_key")
    refused = con.execute(
        "select line, min(error_type), min(error_message), "
        "min(try_cast(regexp_extract(error_message, 'Found: (\\d+)', 1) as integer)) "
        "from register_parse_errors group by line order by line"
    ).fetchall()
    blank = [b for b in shape.blank if b > header_line]
    _number_lines(con, header_line, [r[0] for r in refused] + blank)
    rejects = [_refused(int(line), kind, message, found, len(header), shape.long)
               for line, kind, message, found in refused]  # fmt: skip
    read = con.execute("select count(*) from register_input").fetchone()[0] + len(refused)
    expected = shape.records - header_line - len(blank)
    if read != expected:
        raise FileError(
            reasons.reason(
                reasons.ROWS_UNACCOUNTED,
                name=name,
                expected=expected,
                read=read,
            )
        )
    return Staged(headers, levels, warnings, rejects, header_line, derived and derived[0])


def clean_distinct(con, distinct: dict[str, list[str]]) -> dict[str, list[str]]:
    """The staged columns of BY_DISTINCT cleaned as _cleaned cleans a cell, given each column's
    distinct values as staged: DuckDB cleans those values with the same SQL, and only the rows
    holding a value that changes are updated (usually none). Returns the distinct values as
    cleaned (missing left out)."""
    cleaned = {}
    for column, values in distinct.items():
        changed = con.execute(
            f"select raw, {_cleaned('raw')} from unnest($values::varchar[]) as t(raw) "
            f"where raw is distinct from ({_cleaned('raw')})",
            {"values": values},
        ).fetchall()
        if changed:
            # `column` is one of BY_DISTINCT, never input; the values are bound
            con.execute(
                f"update register_rows as r set {column} = c.cleaned "
                "from (select unnest($raw::varchar[]) as raw, unnest($new::varchar[]) as cleaned) "
                f"as c where r.{column} = c.raw",
                {"raw": [r for r, _ in changed], "new": [c for _, c in changed]},
            )
        fixed = dict(changed)
        cleaned[column] = sorted({fixed.get(v, v) for v in values} - {None})
    return cleaned


def _cleaned(column: str) -> str:
    """A cell as every other kind keeps it: a tab or a line break inside it becomes a space, the
    spaces around it are trimmed, and an empty cell is missing. Most cells need none of it: they
    are kept as they are, and only a cell with a tab or a line break, or a space (any that trim
    removes) at either end, goes through the replacement."""
    full = f"nullif(trim(regexp_replace({column}, '\\s*[\\t\\r\\n]+\\s*', ' ', 'g')), '')"
    return (
        f"case when {column} = '' or regexp_matches({column}, '[\\t\\r\\n]|^[\\pZ\\s]|[\\pZ\\s]$') "
        f"then {full} else {column} end"
    )


def _number_lines(con, header_line: int, skipped: list[int]) -> None:
    """The view register_input: register_rows with the lines a spreadsheet shows. The rows are
    kept in the order DuckDB returned them, row i (from 1) at rowid i - 1, staged on line
    header_line + i when no line was skipped. The lines it refused or skipped (blank) sit
    between them: row i is then on line header_line + i + (how many skipped lines come before
    it); a skipped line e comes before row i when the rows before e, e - header_line - rank(e),
    are fewer than i. Those lines are worked out once, into a column of register_rows."""
    con.execute(
        "create or replace temp table register_first as select $first::bigint as first_line",
        {"first": header_line + 1},
    )
    con.execute(
        "create or replace temp view register_input as "
        "select r.rowid + f.first_line as line, r.* from register_rows as r, register_first as f"
    )
    if not skipped:
        return
    con.execute(
        "create or replace temp table register_skipped as "
        "select before, max(rank) as rank from ("
        "  select e - $header_line - row_number() over (order by e) as before, "
        "         row_number() over (order by e) as rank "
        "  from (select distinct unnest($skipped::bigint[]) as e)) "
        "group by before",
        {"header_line": header_line, "skipped": skipped},
    )
    con.execute(
        "create or replace temp table register_numbered as "
        "select r.line + coalesce(s.rank, 0) as line, r.* exclude (line) "
        "from register_input as r asof left join register_skipped as s "
        "on r.line - $header_line > s.before order by r.line",
        {"header_line": header_line},
    )
    _numbered(con, "register_numbered")


def _numbered(con, table: str) -> None:
    """register_rows becomes `table`, whose rows carry their line; register_input shows it."""
    con.execute("drop view if exists register_input")
    con.execute("drop table if exists register_rows")
    con.execute(f"alter table {table} rename to register_rows")  # our own name, never input
    con.execute("create or replace temp view register_input as select * from register_rows")


def _refused(line: int, kind: str, message: str, found, width: int, long: dict) -> Reject:
    """The reject for a row DuckDB's parser refused, in the words the Python reader uses."""
    if line in long:
        reason = reasons.reason(reasons.LONG_LINE, length=long[line], limit=lines.MAX_LINE_BYTES)
    elif kind in ("MISSING COLUMNS", "TOO MANY COLUMNS") and found is not None:
        reason = reasons.reason(reasons.ROW_WIDTH, cells=found, width=width)
    else:
        reason = reasons.reason(reasons.CANNOT_SPLIT, message=message)
    return Reject(line, None, None, reason)


def _stage_rows(con, path: Path, entry: FileEntry, ctx: Context, wanted: set[str]) -> Staged:
    """A workbook register is small enough to read in Python; it is staged the same way."""
    grid = read_grid(path, entry.sheet, "umkm_register")
    table = to_table(grid, ctx.columns, wanted)
    header = next(cells for line, cells in grid.rows if line == table.header_line)
    derived = _derived_id(header, table.headers, table.warnings)
    by_line = {}
    if derived:  # hashed as read; the personal column itself was dropped by to_table
        secret = pseudonym.key(ctx.aliases.parent)
        digest = pseudonym.from_nik if derived[0] == "nik" else pseudonym.name_key
        by_line = {
            line: digest(secret, _text(cells[derived[1]]) if derived[1] < len(cells) else None)
            for line, cells in grid.rows
        }
    frame = pd.DataFrame(
        [
            {
                "line": line,
                **{staged: _text(values.get(source)) for staged, source in STAGED.items()},
                **(
                    {"umkm_id": by_line.get(line)}
                    if derived and derived[0] == "nik"
                    else {NAME_KEY: by_line.get(line)}
                ),
            }
            for line, values in table.rows
        ],
        columns=["line", *STAGED, NAME_KEY],
    ).astype({c: "object" for c in (*STAGED, NAME_KEY)})
    con.register("register_frame", frame)
    con.execute("create or replace temp table register_lined as select * from register_frame")
    con.unregister("register_frame")
    _numbered(con, "register_lined")
    return Staged(
        table.headers,
        table.levels,
        table.warnings,
        list(table.broken),
        table.header_line,
        derived and derived[0],
    )


def _text(value) -> str | None:
    if cells.is_missing(value):
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
