"""The UMKM register, read by DuckDB: a file of millions of rows streams from disk into the
warehouse without ever being held in Python, and personal-data columns are never staged.

Each distinct raw value of the area, scale and date columns is parsed once in Python with the same
parsers and alias tables as every other file; DuckDB joins the results back onto the rows.
Line numbers count data rows after the header: a blank line in between shifts them, so every
reject also carries the business's umkm_id.
"""

import codecs
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from etl import cells, paths
from etl.aliases import is_personal, norm
from etl.kinds import KINDS, Citations, Context, Loaded, Reject, header_rejects
from etl.manifest import FileEntry
from etl.readers import FileError, is_xlsx, read_grid, sniff_csv_header, to_table

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
    rows_read = con.execute("select count(*) from register_input").fetchone()[0]
    rows_read += len(staged.rejects)
    lines = [r[0] for r in con.execute("select line from register_input order by line").fetchall()]
    faults = header_rejects(kind, staged.headers, staged.header_line, lines, ctx.columns)
    rejects, loaded = staged.rejects + faults, 0
    if not faults:
        rows_rejected, loaded = _validate_and_insert(con, staged, ctx, citations.file_source())
        rejects += rows_rejected
    return Loaded("umkm", None, citations.rows, rejects, rows_read, loaded, staged.warnings)


def _validate_and_insert(con, staged: Staged, ctx: Context, source_id: str):
    """Rejects for every bad cell, then every row without one into umkm: (rejects, rows loaded)."""
    _parse_distinct(con, ctx, staged.levels.get("area_code"))
    shown = {f"h_{key}": staged.headers.get(col, col) for key, col in HEADER_PARAMS.items()}
    con.execute(
        "create or replace temp table register_rejects "
        "(line bigint, col varchar, value varchar, reason varchar)"
    )
    con.execute(paths.sql_text("register/rejects"), shown)
    before = con.execute("select count(*) from umkm").fetchone()[0]
    con.execute(paths.sql_text("register/insert"), {"source_id": source_id})
    loaded = con.execute("select count(*) from umkm").fetchone()[0] - before
    rejects = [
        Reject(line, col, value, _with_id(reason, umkm_id))
        for line, col, value, reason, umkm_id in con.execute(
            "select x.line, x.col, x.value, x.reason, i.umkm_id from register_rejects as x "
            "left join register_input as i using (line) order by x.line, x.col"
        ).fetchall()
    ]
    return rejects, loaded


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


def _utf8_copy(path: Path, folder: Path) -> Path:
    """A UTF-8 copy of a Windows-1252 file, written 1 MB at a time (never whole in memory)."""
    target = folder / (path.stem + ".utf8.csv")
    decoder = codecs.getincrementaldecoder("cp1252")(errors="replace")
    with path.open("rb") as src, target.open("w", encoding="utf-8", newline="") as dst:
        for chunk in iter(lambda: src.read(1 << 20), b""):
            dst.write(decoder.decode(chunk))
        dst.write(decoder.decode(b"", final=True))
    return target


def _stage_csv(con, path: Path, ctx: Context, scratch: Path):
    encoding, delimiter, header_line, header = sniff_csv_header(
        path, ctx.columns, KINDS["umkm_register"].wanted
    )
    if encoding == "cp1252":  # DuckDB reads UTF-8 and strict Latin-1 only: transcode, streaming
        path = _utf8_copy(path, scratch)
    index, headers, levels, warnings = _name_columns(header, ctx)
    by_column = {name: f"c{i}" for i, name in index.items()}
    # Identifiers here are our own (c0, c1, ...), never text from the file; values are bound.
    select = ", ".join(
        f"nullif(trim({by_column[source]}), '') as {staged}"
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
            f"rejects_table = 'register_parse_errors', max_line_size = 1000000)",
            {
                "header_line": header_line,
                "path": str(path),
                "delim": delimiter,
                "skip": header_line - 1,
                "encoding": "utf-8",
                "columns": {f"c{i}": "VARCHAR" for i in range(len(header))},
            },
        )
    except Exception as e:  # DuckDB's own message names the line; the file stays unread
        raise FileError(f"{path.name}: cannot be read as CSV ({str(e).splitlines()[0]})") from None
    errors = con.execute(
        "select line, column_idx, error_message from register_parse_errors order by line"
    ).fetchall()
    rejects = [
        Reject(
            int(line), None, None, f"the row cannot be split into the header's columns: {message}"
        )
        for line, _, message in errors
    ]
    return Staged(headers, levels, warnings, rejects, header_line)


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
    rejects = [Reject(line, None, None, reason) for line, reason in table.broken]
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
            date_rows.append((raw, cells.date(raw), None))
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
