"""The UMKM register, read by DuckDB: a file of millions of rows streams from disk into the
warehouse without ever being held in Python, and personal-data columns are never staged.

Each distinct raw value of the area, scale and date columns is parsed once in Python with the same
parsers and alias tables as every other file; DuckDB joins the results back onto the rows.
Before DuckDB reads a CSV, etl/lines.py counts its lines, so every row is given the line a
spreadsheet shows (blank lines and rows DuckDB refused included) and none is lost unseen; every
reject also carries the business's umkm_id.
"""

import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from etl import cells, lines, paths, plausible
from etl.aliases import is_personal, norm
from etl.kinds import KINDS, Citations, Context, Loaded, Reject, header_rejects
from etl.manifest import FileEntry
from etl.readers import FileError, is_xlsx, read_grid, shown, sniff_csv_header, to_table

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
# the SQL parameter that names each column in a reject -> the register column it is
HEADER_PARAMS = {
    "umkm_id": "umkm_id",
    "area": "area_code",
    "sector": "sector",
    "scale": "scale",
    "registered": "registered_on",
    "onboarded": "onboarded_on",
    "platform": "platform",
}
SCALES = {
    "mikro": "mikro", "usaha mikro": "mikro", "micro": "mikro",
    "kecil": "kecil", "usaha kecil": "kecil", "small": "kecil",
    "menengah": "menengah", "usaha menengah": "menengah", "medium": "menengah",
}  # fmt: skip


@dataclass
class Staged:
    headers: dict[str, str]  # register column -> header as written
    levels: dict[str, str]  # area column -> the level its names are at
    warnings: list[str]
    rejects: list[Reject]  # rows the CSV parser could not split
    header_line: int


def load(con, path: Path, entry: FileEntry, ctx: Context) -> Loaded:
    kind = KINDS["umkm_register"]
    citations = Citations(entry)
    if is_xlsx(path):
        staged = _stage_rows(con, path, entry, ctx)
    else:
        with tempfile.TemporaryDirectory(prefix="pulih-register-") as scratch:
            staged = _stage_csv(con, path, ctx, Path(scratch))
    staged_rows = con.execute("select count(*) from register_input").fetchone()[0]
    rows_read = staged_rows + len(staged.rejects)  # one reject per row the parser refused
    if any(c not in staged.headers for c in kind.required):
        numbers = [
            r[0] for r in con.execute("select line from register_input order by 1").fetchall()
        ]
        faults = header_rejects(kind, staged.headers, staged.header_line, numbers, ctx.columns)
        return Loaded(
            "umkm", None, citations.rows, staged.rejects + faults, rows_read, 0, rows_read,
            staged.warnings,
        )  # fmt: skip
    row_rejects, loaded, rejected = _validate_and_insert(con, staged, ctx, citations.file_source())
    return Loaded(
        "umkm", None, citations.rows, staged.rejects + row_rejects, rows_read, loaded,
        rejected + len(staged.rejects), staged.warnings, figures_loaded=loaded,
    )  # fmt: skip


def _validate_and_insert(con, staged: Staged, ctx: Context, source_id: str):
    """Rejects for every bad cell, then every row without one into umkm: (rejects, rows loaded,
    rows rejected)."""
    _parse_distinct(con, ctx, staged.levels.get("area_code"))
    headers = {f"h_{key}": staged.headers.get(col, col) for key, col in HEADER_PARAMS.items()}
    con.execute(
        "create or replace temp table register_rejects "
        "(line bigint, col varchar, value varchar, reason varchar)"
    )
    con.execute(paths.sql_text("register/rejects"), headers)
    before = con.execute("select count(*) from umkm").fetchone()[0]
    con.execute(paths.sql_text("register/insert"), {"source_id": source_id})
    loaded = con.execute("select count(*) from umkm").fetchone()[0] - before
    rejected = con.execute("select count(distinct line) from register_rejects").fetchone()[0]
    rejects = [
        Reject(line, col, shown(value), shown(_with_id(reason, umkm_id)))
        for line, col, value, reason, umkm_id in con.execute(
            "select x.line, x.col, x.value, x.reason, i.umkm_id from register_rejects as x "
            "left join register_input as i using (line) order by x.line, x.col"
        ).fetchall()
    ]
    return rejects, loaded, rejected


def _with_id(reason: str, umkm_id) -> str:
    return reason if not umkm_id or "umkm_id" in reason else f"{reason} (umkm_id {umkm_id})"


def _name_columns(header: list, ctx: Context) -> tuple[dict[int, str], dict, dict, list[str]]:
    wanted = KINDS["umkm_register"].wanted
    index, headers, levels, warnings, dropped = {}, {}, {}, [], []
    for i, written in enumerate(header):
        written = str(written or "").strip()
        if not written:
            continue
        if is_personal(written):
            dropped.append(written)
            continue
        column = ctx.columns.get(written, wanted)
        if column is not None and column.name == "-":
            continue
        if column is None or column.name not in wanted:
            warnings.append(f"column '{written}' is not recognised and was not read")
            continue
        if column.name not in headers:
            index[i], headers[column.name] = column.name, written
            if column.level:
                levels[column.name] = column.level
    if dropped:
        warnings.append(f"personal-data column(s) dropped and never stored: {', '.join(dropped)}")
    return index, headers, levels, warnings


def _stage_csv(con, path: Path, ctx: Context, scratch: Path):
    """The register's rows into register_input with the lines a spreadsheet shows, and one reject
    per row DuckDB's parser refuses; every row of the file is one or the other (checked)."""
    encoding, delimiter, header_line, header = sniff_csv_header(
        path, ctx.columns, KINDS["umkm_register"].wanted
    )
    name = path.name
    try:
        shape = lines.scan(path)
        if encoding == "cp1252" or shape.needs_copy:
            # DuckDB reads UTF-8 with one kind of line ending, and no line longer than its buffer
            shape = lines.normalised_copy(path, encoding, scratch / "register.csv")
            path = scratch / "register.csv"
    except lines.LineError as e:
        raise FileError(f"{name}: {e}") from None
    index, headers, levels, warnings = _name_columns(header, ctx)
    by_column = {name: f"c{i}" for i, name in index.items()}
    # Identifiers here are our own (c0, c1, ...), never text from the file; values are bound.
    # a tab or a line break inside a cell becomes a space, as in every other kind
    select = ", ".join(
        f"nullif(trim(regexp_replace({by_column[source]}, '\\s*[\\t\\r\\n]+\\s*', ' ', 'g')), '') "
        f"as {staged}"
        if source in by_column
        else f"null::varchar as {staged}"
        for staged, source in STAGED.items()
    )
    try:
        con.execute(
            f"create or replace temp table register_input as "
            f"select row_number() over () + $header_line as line, {select} "
            f"from read_csv($path, delim = $delim, header = true, skip = $skip, "
            f"encoding = $encoding, auto_detect = false, columns = $columns, quote = '\"', "
            f"escape = '\"', store_rejects = true, rejects_scan = 'register_scan', "
            f"rejects_table = 'register_parse_errors', max_line_size = $max_line)",
            {
                "header_line": header_line,
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
        raise FileError(f"{name}: cannot be read as CSV ({str(e).splitlines()[0]})") from None
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
            f"{name}: the file has {expected:,} rows below its header but {read:,} were read; "
            "the rest cannot be told apart (check the quotes and line endings), and nothing of "
            "it was loaded".replace(",", ".")
        )
    return Staged(headers, levels, warnings, rejects, header_line)


def _number_lines(con, header_line: int, skipped: list[int]) -> None:
    """Give register_input's rows the lines a spreadsheet shows. DuckDB numbers the rows it
    returns 1, 2, ... (row i was staged on line header_line + i); the lines it refused or skipped
    (blank) sit between them. Row i is on line header_line + i + (how many skipped lines come
    before it); a skipped line e comes before row i when the rows before e,
    e - header_line - rank(e), are fewer than i."""
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
        "create or replace temp table register_input as "
        "select r.line + coalesce(s.rank, 0) as line, r.* exclude (line) "
        "from register_input as r asof left join register_skipped as s "
        "on r.line - $header_line > s.before order by r.line",
        {"header_line": header_line},
    )


def _refused(line: int, kind: str, message: str, found, width: int, long: dict) -> Reject:
    """The reject for a row DuckDB's parser refused, in the words the Python reader uses."""
    if line in long:
        reason = (
            f"the line is {long[line]:,} bytes long, more than the {lines.MAX_LINE_BYTES:,} a "
            "register row may have: a cell was pasted by mistake, or line breaks were lost; "
            "fix or remove the line"
        ).replace(",", ".")
    elif kind in ("MISSING COLUMNS", "TOO MANY COLUMNS") and found is not None:
        reason = (
            f"row has {found} cells but the header has {width}: check for an unquoted comma or "
            "a shifted cell"
        )
    else:
        reason = f"the row cannot be split into the header's columns: {message}"
    return Reject(line, None, None, reason)


def _stage_rows(con, path: Path, entry: FileEntry, ctx: Context):
    """A workbook register is small enough to read in Python; it is staged the same way."""
    table = to_table(
        read_grid(path, entry.sheet, "umkm_register"), ctx.columns, KINDS["umkm_register"].wanted
    )
    frame = pd.DataFrame(
        [
            {
                "line": line,
                **{staged: _text(values.get(source)) for staged, source in STAGED.items()},
            }
            for line, values in table.rows
        ],
        columns=["line", *STAGED],
    ).astype({c: "object" for c in STAGED})
    con.register("register_rows", frame)
    con.execute("create or replace temp table register_input as select * from register_rows")
    con.unregister("register_rows")
    rejects = [Reject(*broken) for broken in table.broken]
    return Staged(table.headers, table.levels, table.warnings, rejects, table.header_line)


def _text(value) -> str | None:
    if cells.is_missing(value):
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _parse_distinct(con, ctx: Context, level: str | None) -> None:
    """Parse each distinct raw area, scale and date once; DuckDB joins the answers back."""
    areas = [
        r[0]
        for r in con.execute(
            "select distinct area_raw from register_input where area_raw is not null"
        ).fetchall()
    ]
    area_rows = [(raw, *ctx.resolver.resolve(raw, level or "district")) for raw in areas]
    scales = [
        r[0]
        for r in con.execute(
            "select distinct scale_raw from register_input where scale_raw is not null"
        ).fetchall()
    ]
    scale_rows = [
        (
            raw,
            SCALES.get(norm(raw)),
            None if norm(raw) in SCALES else f"'{raw}' is not mikro, kecil or menengah",
        )
        for raw in scales
    ]
    dates = [r[0] for r in con.execute(
        "select distinct registered_raw from register_input where registered_raw is not null "
        "union select distinct onboarded_raw from register_input where onboarded_raw is not null"
    ).fetchall()]  # fmt: skip
    date_rows = []
    for raw in dates:
        try:
            value = cells.date(raw)
            problem = plausible.date_problem(
                value, plausible.REGISTERED_FROM, ctx.build_date, "where register dates begin"
            )
            date_rows.append((raw, None if problem else value, problem))
        except cells.CellError as e:
            date_rows.append((raw, None, str(e)))
    for name, rows, columns in (
        ("area_map", area_rows, ["raw", "code", "reason"]),
        ("scale_map", scale_rows, ["raw", "value", "reason"]),
        ("date_map", date_rows, ["raw", "value", "reason"]),
    ):
        frame = pd.DataFrame(rows, columns=columns).astype({"raw": "object"})
        if name == "date_map":
            frame["value"] = pd.to_datetime(frame["value"]).dt.date
        con.register("incoming_map", frame)
        # `name` is one of the three above, never input
        con.execute(f"create or replace temp table {name} as select * from incoming_map")
        con.unregister("incoming_map")
