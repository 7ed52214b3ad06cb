"""Read-only access to the warehouse: one short-lived connection per query.

DuckDB caches one database instance per path inside a process; holding a connection open across an
ETL swap would keep showing the old file. Opening and closing a read-only connection per query means
the next query after `python -m etl build` reads the new warehouse, and `version()` changes with it,
so every cache keyed on it misses once.
"""

import functools
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pandas as pd

from warehouse import health
from warehouse.location import warehouse_path

SQL = Path(__file__).parent / "sql"


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
    return tuple(health.problems(Path(path)))


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
