"""Read-only access to the warehouse: one short-lived connection per query.

DuckDB caches one database instance per path inside a process; holding a connection open across an
ETL swap would keep showing the old file. Opening and closing a read-only connection per query means
the next query after `python -m etl build` reads the new warehouse, and `version()` changes with it,
so every cache keyed on it misses once.
"""

import functools
import os
import re
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pandas as pd

PROJECT = Path(__file__).resolve().parents[1]
SQL = Path(__file__).parent / "sql"
# The warehouse schema, where the write side and the read side meet (design.md): the tables its
# files create are the tables a usable warehouse has.
SCHEMA = PROJECT / "etl" / "sql"
HEADER_BYTES = 3 * 4096


class WarehouseMissing(RuntimeError):
    pass


class WarehouseBroken(WarehouseMissing):
    """The file is there but is not a usable warehouse; the message says what is wrong."""

    def __init__(self, path: Path, found: list[str]):
        self.path, self.problems = path, found
        super().__init__(
            f"the warehouse {path} cannot be used: {'; '.join(found)}. Rebuild it with "
            "`make build` (or python -m etl build)"
        )


def warehouse_path() -> Path:
    default = Path(os.environ.get("PULIH_DATA", PROJECT / "data")) / "pulih.duckdb"
    return Path(os.environ.get("PULIH_WAREHOUSE", default))


def version() -> str:
    """Changes whenever the warehouse file is replaced (inode, mtime, size)."""
    path = warehouse_path()
    try:
        st = path.stat()
    except FileNotFoundError:
        raise WarehouseMissing(
            f"no warehouse at {path.name}: run `make build` (python -m etl build) first"
        ) from None
    return f"{st.st_ino}-{st.st_mtime_ns}-{st.st_size}"


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
        block_size, blocks = con.execute(
            "select block_size, total_blocks from pragma_database_size()"
        ).fetchone()
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
        runs = con.execute("select count(*) from etl_run").fetchone()[0]
        if runs != 1:
            return [f"{runs} rows in etl_run, where a finished build leaves exactly one"]
    except duckdb.Error as e:
        return [f"cannot be read ({_first_line(e)})"]
    finally:
        con.close()
    return []


def check() -> str:
    """The warehouse version, once the file is known to be usable (`problems`, checked once per
    version of the file); WarehouseMissing or WarehouseBroken otherwise."""
    current = version()
    found = _problems_of_version(str(warehouse_path()), current)
    if found:
        raise WarehouseBroken(warehouse_path(), list(found))
    return current


@functools.lru_cache(maxsize=8)
def _problems_of_version(path: str, current: str) -> tuple[str, ...]:
    return tuple(problems(Path(path)))


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


@contextmanager
def connect():
    version()  # a clear message when there is no warehouse yet
    con = duckdb.connect(str(warehouse_path()), read_only=True)
    try:
        yield con
    finally:
        con.close()


def query(name: str, params: dict | None = None) -> pd.DataFrame:
    """Run analytics/sql/<name>.sql with bound parameters."""
    sql = (SQL / f"{name}.sql").read_text(encoding="utf-8")
    with connect() as con:
        return con.execute(sql, params or {}).df()
