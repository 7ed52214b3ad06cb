"""Whether a file is a usable warehouse: it opens read-only as a DuckDB database, is as long as its
own header says, has every table the schema and the marts create, and the one etl_run row of the
finished build that made it. The build checks its new file with this before the swap; the
dashboard and `python -m etl verify` check the file they are given.
"""

import re
from pathlib import Path

import duckdb

from warehouse.location import PROJECT

# the schema and the marts, read as text: the tables their files create are the tables a usable
# warehouse has
SCHEMA = PROJECT / "etl" / "sql"
HEADER_BYTES = 3 * 4096


def required_tables() -> tuple[str, ...]:
    """Every table etl/sql/schema.sql and the marts (etl/sql/marts/, by file name) create."""
    files = [SCHEMA / "schema.sql", *sorted((SCHEMA / "marts").glob("*.sql"))]
    create = re.compile(r"^create\s+(?:or\s+replace\s+)?table\s+(\w+)", re.I | re.M)
    return tuple(name for f in files for name in create.findall(f.read_text(encoding="utf-8")))


def problems(path: Path) -> list[str]:
    """Why the file at `path` cannot be used as the warehouse (none when it can): it must open
    read-only as a DuckDB database, be as long as its header says, and have every required table
    and the one etl_run row of the build that made it."""
    if not path.is_file():
        return [f"no warehouse at {path}"]
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as e:
        return [f"cannot be opened as a DuckDB database ({_first_line(e)})"]
    try:
        # DuckDB's three 4 KiB headers, then its blocks: a file shorter than that lost its end
        block_size, blocks = one_row(
            con, "select block_size, total_blocks from pragma_database_size()"
        )
        needed, size = HEADER_BYTES + block_size * blocks, path.stat().st_size
        if size < needed:
            return [f"truncated: {size} bytes where its own header says {needed}"]
        tables = {
            row[0]
            for row in con.execute(
                "select table_name from information_schema.tables where table_schema = 'main'"
            ).fetchall()
        }
        missing = [t for t in required_tables() if t not in tables]
        if missing:
            return [f"missing table(s) {', '.join(missing)}"]
        (runs,) = one_row(con, "select count(*) from etl_run")
        if runs != 1:
            return [f"{runs} rows in etl_run, where a finished build leaves exactly one"]
    except duckdb.Error as e:
        return [f"cannot be read ({_first_line(e)})"]
    finally:
        con.close()
    return []


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


def one_row(con, sql: str, params: dict | None = None) -> tuple:
    """The one row an aggregate query returns (DuckDB types fetchone() as possibly None)."""
    row = con.execute(sql, params).fetchone() if params else con.execute(sql).fetchone()
    if row is None:
        raise duckdb.Error(f"no row from: {sql}")
    return row
