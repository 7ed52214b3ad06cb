"""Read-only access to the warehouse: one short-lived connection per query.

DuckDB caches one database instance per path inside a process; holding a connection open across an
ETL swap would keep showing the old file. Opening and closing a read-only connection per query means
the next query after `python -m etl build` reads the new warehouse, and `version()` changes with it,
so every cache keyed on it misses once.
"""

import os
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pandas as pd

PROJECT = Path(__file__).resolve().parents[1]
SQL = Path(__file__).parent / "sql"


class WarehouseMissing(RuntimeError):
    pass


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
