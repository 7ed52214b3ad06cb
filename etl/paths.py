"""Where the ETL reads and writes (warehouse.location, shared with the read side), and its SQL."""

from pathlib import Path

from warehouse.location import PROJECT, data_dir, warehouse_path

__all__ = ["PROJECT", "data_dir", "sql_text", "warehouse_path"]


def sql_text(name: str) -> str:
    """The text of etl/sql/<name>.sql."""
    return (Path(__file__).parent / "sql" / f"{name}.sql").read_text(encoding="utf-8")
