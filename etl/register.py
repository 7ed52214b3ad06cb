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

from etl import cells, lines, paths, personal, plausible, pseudonym
from etl.aliases import norm
from etl.columns import find_header, name_columns, to_table
from etl.kinds import KINDS, Citations, Context, Loaded, Reject, header_rejects
from etl.manifest import FileEntry
from etl.read import FileError, is_xlsx, read_grid, read_head, shown

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
# a register without an id column: the keyed digest of the business name, until its kecamatan is
# known (etl/pseudonym.py); never the name itself
NAME_KEY = "name_key"
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
    derived: str | None = None  # "nik" or "name" when the id is derived (etl/pseudonym.py)


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
    staged.warnings += _parse_distinct(con, ctx, staged.levels.get("area_code"), staged.headers)
    if staged.derived == "name":  # the id needs the kecamatan: now it is known
        secret = pseudonym.key(ctx.aliases.parent)
        con.create_function(
            "pulih_name_id", lambda k, code: pseudonym.from_name(secret, k, code), [str, str], str
        )
        con.execute(
            "update register_input as i set umkm_id = pulih_name_id(i.name_key, a.code) "
            "from area_map as a where a.raw = i.area_raw"
        )
        con.remove_function("pulih_name_id")
    headers = {f"h_{key}": staged.headers.get(col, col) for key, col in HEADER_PARAMS.items()}
    headers |= {
        "nik": personal.NIK,
        "phone": personal.PHONE,
        "any_personal": f"{personal.NIK}|{personal.PHONE}|{personal.EMAIL}",
    }
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
    if not umkm_id or "umkm_id" in reason or personal.finding(umkm_id):
        return reason
    return f"{reason} (umkm_id {umkm_id})"


def _derived_id(header: list, headers: dict, warnings: list) -> tuple[str, int] | None:
    """A register without an id column: the column its pseudonymous id comes from, if any."""
    if "umkm_id" in headers:
        return None
    source = pseudonym.id_source([set(norm(str(h or "")).split()) for h in header])
    if source:
        what, i = source
        headers["umkm_id"] = f"(id derived from {str(header[i]).strip()})"
        warnings.append(
            f"no id column: each business gets a pseudonymous id derived from its "
            f"{'NIK' if what == 'nik' else 'name and kecamatan'} ({str(header[i]).strip()}) with "
            "a keyed hash (HMAC-SHA256); the column itself is not stored. Keep the key "
            "(PULIH_ID_KEY or data/.pulih_id_key): the next export then gets the same ids"
        )
    return source


def _stage_csv(con, path: Path, ctx: Context, scratch: Path):
    """The register's rows into register_input with the lines a spreadsheet shows, and one reject
    per row DuckDB's parser refuses; every row of the file is one or the other (checked)."""
    head = read_head(path)  # the first 64 KB: encoding, delimiter and header
    header_line, header = head.rows[
        find_header(head, ctx.columns, KINDS["umkm_register"].wanted, wide=False)
    ]
    encoding, delimiter, header = head.encoding, head.delimiter, [c.strip() for c in header]
    name = path.name
    try:
        shape = lines.scan(path)
        if encoding == "cp1252" or shape.needs_copy:
            # DuckDB reads UTF-8 with one kind of line ending, and no line longer than its buffer
            shape = lines.normalised_copy(path, encoding, scratch / "register.csv")
            path = scratch / "register.csv"
    except lines.LineError as e:
        raise FileError(f"{name}: {e}") from None
    naming = name_columns(header, ctx.columns, KINDS["umkm_register"].wanted)
    headers, levels, warnings = naming.headers, naming.levels, naming.warnings
    derived = _derived_id(header, headers, warnings)
    by_column = {name: f"c{i}" for i, name in naming.index.items()}
    # Identifiers here are our own (c0, c1, ...), never text from the file; values are bound.
    # a tab or a line break inside a cell becomes a space, as in every other kind
    select = ", ".join(
        f"nullif(trim(regexp_replace({by_column[source]}, '\\s*[\\t\\r\\n]+\\s*', ' ', 'g')), '') "
        f"as {staged}"
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
            f"{name}: the file has {expected:,} rows below its header but {read:,} were read; "
            "the rest cannot be told apart (check the quotes and line endings), and nothing of "
            "it was loaded".replace(",", ".")
        )
    return Staged(headers, levels, warnings, rejects, header_line, derived and derived[0])


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
    grid = read_grid(path, entry.sheet, "umkm_register")
    table = to_table(grid, ctx.columns, KINDS["umkm_register"].wanted)
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
    con.register("register_rows", frame)
    con.execute("create or replace temp table register_input as select * from register_rows")
    con.unregister("register_rows")
    rejects = [Reject(*broken) for broken in table.broken]
    return Staged(
        table.headers,
        table.levels,
        table.warnings,
        rejects,
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


def _distinct(con, column: str) -> list[str]:
    # `column` is one of the staged columns named in STAGED, never input
    return [
        r[0]
        for r in con.execute(
            f"select distinct {column} from register_input where {column} is not null"
        ).fetchall()
    ]


def _screened(raw: str, header: str) -> tuple[str | None, str | None]:
    """(kind of personal data, reject reason) for a raw value, or (None, None)."""
    kind = personal.finding(raw)
    return (kind, personal.reason(kind, header)) if kind else (None, None)


def _parse_distinct(con, ctx: Context, level: str | None, headers: dict) -> list[str]:
    """Parse each distinct raw area, sector, platform, scale and date once; DuckDB joins the
    answers back. Returns load notes (values outside the closed vocabularies, counted, not named).
    """
    area_rows = []
    for raw in _distinct(con, "area_raw"):
        code, why = ctx.resolver.resolve(raw, level or "district")
        kind, personal_why = _screened(raw, headers.get("area_code", "area"))
        suggested = why is not None and "did you mean" in why
        if code is None and not suggested:
            # an area nobody recognises may be a name typed in the wrong column: not repeated
            why = (
                "not a known kecamatan or kabupaten/kota: use a Kemendagri code (e.g. 36.71.05) "
                "or a name in data/raw/regions_*.csv, or add the spelling to "
                "data/aliases/regions.csv (the value is not shown: it may be personal data)"
            )
        area_rows.append((raw, None if kind else code, personal_why or why, kind, suggested))
    vocabulary_rows, notes = {}, []
    for column, vocabulary in (("sector", ctx.sectors), ("platform", ctx.platforms)):
        header = headers.get(column, column)
        rows, unknown = [], 0
        for raw in _distinct(con, column):
            kind, why = _screened(raw, header)
            value, known = vocabulary.get(raw)
            unknown += not known and kind is None
            rows.append((raw, None if kind else value, why, kind))
        vocabulary_rows[column] = rows
        if unknown:
            notes.append(
                f"{unknown} distinct {header} value(s) not in data/aliases/{column}s.csv were "
                f"stored as '{vocabulary.other}' (not listed here: free text may hold personal "
                f"data); add common ones to data/aliases/{column}s.csv"
            )
    scale_rows = [
        (
            raw,
            SCALES.get(norm(raw)),
            None if norm(raw) in SCALES else f"'{raw}' is not mikro, kecil or menengah",
        )
        for raw in _distinct(con, "scale_raw")
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
        ("area_map", area_rows, ["raw", "code", "reason", "personal", "shown"]),
        ("sector_map", vocabulary_rows["sector"], ["raw", "value", "reason", "personal"]),
        ("platform_map", vocabulary_rows["platform"], ["raw", "value", "reason", "personal"]),
        ("scale_map", scale_rows, ["raw", "value", "reason"]),
        ("date_map", date_rows, ["raw", "value", "reason"]),
    ):
        frame = pd.DataFrame(rows, columns=columns).astype(
            {c: "object" for c in columns if c not in ("value", "shown")}
        )
        if name == "date_map":
            frame["value"] = pd.to_datetime(frame["value"]).dt.date
        elif name in ("sector_map", "platform_map"):
            frame["value"] = frame["value"].astype("object")
        con.register("incoming_map", frame)
        # `name` is one of the five above, never input
        con.execute(f"create or replace temp table {name} as select * from incoming_map")
        con.unregister("incoming_map")
    return notes
