"""Read-only access to the warehouse: one database per process and warehouse version, shared by
every session and rerun, a cursor per query.

Opening the file costs more than most of the page's queries (16-27 ms against 2 ms for a cursor
of an open database, bench/viewers.py), so the process opens it once per version of the file and
each query takes a cursor of it (DuckDB: one cursor per thread; Streamlit runs each session in its
own thread). The ETL never writes the file in place: it renames a new build over it. The next query
sees the new version (`version()`: inode, mtime, size), opens the new file and retires the old
database, closed once the queries still running on it are done; until then they read the old file
whole, since on Linux an open file keeps its inode after the rename.

The file is ATTACHed read-only to a database in memory rather than opened with
`duckdb.connect(path)`: DuckDB keeps one instance per path in a process, and a connection opened to
the path while the old one is still open would be handed the old file (warehouse/health.py and
`etl verify` open the path themselves, and must see the new file).
"""

import functools
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
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


CATALOG = "pulih"


@dataclass(eq=False)
class _Open:
    """The warehouse file of one version, attached read-only, and the queries running on it."""

    path: str
    version: str
    con: duckdb.DuckDBPyConnection
    running: int = 0
    retired: bool = False


@dataclass
class _Shared:
    lock: threading.Lock = field(default_factory=threading.Lock)
    current: _Open | None = None
    opened: int = 0  # files opened by this process (tests count them)


_shared = _Shared()


def opened() -> int:
    """How many times this process has opened the warehouse (once per version and path)."""
    return _shared.opened


def _attach(path: str, current: str) -> _Open:
    con = duckdb.connect(":memory:")
    try:
        quoted = path.replace("'", "''")  # ATTACH takes no bound parameter
        con.execute(f"ATTACH '{quoted}' AS {CATALOG} (READ_ONLY)")
    except BaseException:
        con.close()
        raise
    return _Open(path, current, con)


def _acquire() -> tuple[_Open, duckdb.DuckDBPyConnection]:
    path, current = str(warehouse_path()), version()  # version(): a clear message when missing
    with _shared.lock:
        held = _shared.current
        if held is None or held.path != path or held.version != current:
            if held is not None:
                _retire(held)
                _shared.current = None  # not kept as current should the new file fail to open
            held = _shared.current = _attach(path, current)
            _shared.opened += 1
        held.running += 1
        cursor = held.con.cursor()  # the parent's cursor list is not safe to grow from two threads
    return held, cursor


def _release(held: _Open, cursor: duckdb.DuckDBPyConnection) -> None:
    cursor.close()
    with _shared.lock:
        held.running -= 1
        if held.retired and held.running == 0:
            held.con.close()


def _retire(held: _Open) -> None:
    """Called under the lock: the old file is closed now, or by its last running query."""
    held.retired = True
    if held.running == 0:
        held.con.close()


def close() -> None:
    """Let go of the warehouse (tests; a process that is about to remove the file)."""
    with _shared.lock:
        if _shared.current is not None:
            _retire(_shared.current)
            _shared.current = None


@contextmanager
def connect():
    """A cursor on the shared read-only warehouse of this version, for one query."""
    held, cursor = _acquire()
    try:
        cursor.execute(f"USE {CATALOG}")  # a cursor starts in the database in memory
        yield cursor
    finally:
        _release(held, cursor)


def query(name: str, params: dict | None = None) -> pd.DataFrame:
    """Run analytics/sql/<name>.sql with bound parameters."""
    sql = (SQL / f"{name}.sql").read_text(encoding="utf-8")
    with connect() as con:
        return con.execute(sql, params or {}).df()
