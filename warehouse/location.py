"""Where the data folder and the warehouse are. Both can be moved by environment variables
(PULIH_DATA, PULIH_WAREHOUSE): tests, a second warehouse (the national-scale demo), a server
whose data lives elsewhere."""

import os
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]


def data_dir() -> Path:
    return Path(os.environ.get("PULIH_DATA", PROJECT / "data"))


WAREHOUSE_NAME = "pulih.duckdb"


def warehouse_path() -> Path:
    return Path(os.environ.get("PULIH_WAREHOUSE", data_dir() / WAREHOUSE_NAME))


# The files a warehouse has beside it: the new build the ETL writes before it swaps it in, the
# writer lock (etl/lock.py) and DuckDB's write-ahead logs of both.
def new_build(warehouse: Path) -> Path:
    return warehouse.with_name(warehouse.name + ".tmp")


def writer_lock(warehouse: Path) -> Path:
    return warehouse.with_name(warehouse.name + ".lock")


def wal(database: Path) -> Path:
    return database.with_name(database.name + ".wal")


def companions(warehouse: Path) -> set[Path]:
    return {new_build(warehouse), wal(new_build(warehouse)), wal(warehouse), writer_lock(warehouse)}


# the files beside the inputs that only the ETL writes (etl/journal.py: an `etl add` in progress);
# named here so the read side's export can refuse to write over them
MANIFEST = "sources.toml"
JOURNAL = ".add-journal.json"
NEW_MANIFEST = "sources.toml.add-tmp"
INPUT_FOLDERS = ("raw", "aliases", "golden")


# The audit log (warehouse/audit.py): beside the warehouse, never inside it, so a rebuild (which
# replaces the warehouse file) never replaces it; PULIH_AUDIT_LOG moves it (a folder the service
# may append to, backed up with the city's other logs).
AUDIT_NAME = "pulih-audit.jsonl"


def audit_path(warehouse: Path | None = None) -> Path:
    if os.environ.get("PULIH_AUDIT_LOG"):
        return Path(os.environ["PULIH_AUDIT_LOG"])
    return (warehouse or warehouse_path()).with_name(AUDIT_NAME)
