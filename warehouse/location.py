"""Where the data folder and the warehouse are. Both can be moved by environment variables
(PULIH_DATA, PULIH_WAREHOUSE): tests, a second warehouse (the national-scale demo), a server
whose data lives elsewhere."""

import os
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]


def data_dir() -> Path:
    return Path(os.environ.get("PULIH_DATA", PROJECT / "data"))


def warehouse_path() -> Path:
    return Path(os.environ.get("PULIH_WAREHOUSE", data_dir() / "pulih.duckdb"))


# the files beside the inputs that only the ETL writes (etl/journal.py: an `etl add` in progress);
# named here so the read side's export can refuse to write over them
MANIFEST = "sources.toml"
JOURNAL = ".add-journal.json"
NEW_MANIFEST = "sources.toml.add-tmp"
INPUT_FOLDERS = ("raw", "aliases", "golden")
