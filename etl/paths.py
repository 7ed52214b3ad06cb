"""Where the ETL reads and writes. Both can be moved by environment variables (tests do)."""

import os
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]


def data_dir() -> Path:
    return Path(os.environ.get("PULIH_DATA", PROJECT / "data"))


def warehouse_path() -> Path:
    return Path(os.environ.get("PULIH_WAREHOUSE", data_dir() / "pulih.duckdb"))


def sql_text(name: str) -> str:
    """The text of etl/sql/<name>.sql."""
    return (Path(__file__).parent / "sql" / f"{name}.sql").read_text(encoding="utf-8")
