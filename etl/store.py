"""Stage 6, stage and insert: what one file gave (etl/load.py Loaded) into the open warehouse, set
based: its provenance (source_file), its citations (source), its records (the kind's table), its
rejects and its load notes. The register inserts its own rows in DuckDB as it is read
(etl/kinds/register.py); everything else about it is stored here too.

Rejects are shown to people: they are stored masked (etl/personal.py) and with every control
character written out (etl/read.py shown). They gather in rejected_staging until the build
records its run and stamps them with its id (etl/build.py).
"""

import sys

import duckdb
import pandas as pd

from etl import paths, personal
from etl.load import Loaded
from etl.manifest import FileEntry
from etl.read import shown
from warehouse import reasons

# DuckDB's own cap, well below the 1.5 GB the whole process may use on a 5-million-row register
# (make bench: about 0.95 GB peak at 768 MB, no slower than at 1 GB); beyond it DuckDB spills to
# a temporary folder beside the warehouse.
MEMORY_LIMIT = "768MB"


def open_database(path: str) -> duckdb.DuckDBPyConnection:
    """The warehouse at `path` (":memory:" for a dry run), created with the schema."""
    con = duckdb.connect(path)
    con.execute("set memory_limit = $limit", {"limit": MEMORY_LIMIT})
    con.execute("set preserve_insertion_order = true")  # register line numbers follow file order
    if sys.stderr.isatty():  # DuckDB draws its own bar for reads longer than two seconds
        con.execute("set enable_progress_bar = true")
    con.execute(paths.sql_text("schema"))
    # rejects gather here as files load; the run id is stamped on them once the run is recorded
    con.execute("create temp table rejected_staging as from rejected limit 0")
    con.execute("alter table rejected_staging drop column run_id")
    return con


def store(
    con, entry: FileEntry, loaded: Loaded, sha256: str, duplicate_of: str | None = None
) -> None:
    """One file's provenance, citations, records, rejects (masked) and load notes."""
    con.execute(
        "insert into source_file values ($id, $path, $kind, $title, $publisher, $outlet, $url, "
        "$published, $licence, $synthetic, $sha256, $rows_read, $rows_loaded, $rows_rejected, "
        "$series, $vintage, $duplicate_of, $rows_partly, $rows_repeated, $figures_loaded, "
        "$cells_rejected)",
        {
            "id": entry.id,
            "path": entry.path,
            "kind": entry.kind,
            "title": entry.title,
            "publisher": entry.publisher,
            "outlet": entry.outlet or None,
            "url": entry.url or None,
            "published": entry.published,
            "licence": entry.licence,
            "synthetic": entry.synthetic,
            "sha256": sha256,
            "rows_read": loaded.rows_read,
            "rows_loaded": loaded.rows_loaded,
            "rows_rejected": loaded.rows_rejected,
            "series": entry.series,
            "vintage": entry.vintage,
            "duplicate_of": duplicate_of,
            "rows_partly": loaded.rows_partly,
            "rows_repeated": loaded.rows_repeated,
            "figures_loaded": loaded.figures_loaded,
            "cells_rejected": loaded.cells_rejected,
        },
    )
    append(con, "source", pd.DataFrame.from_records(loaded.sources))
    if loaded.frame is not None:
        append(con, loaded.table, loaded.frame)
    # rejects are shown to people: masked (personal data) and with no control character
    rejects = []
    for r in loaded.rejects:
        text, key, args = cleaned(r.reason)
        rejects.append(
            {
                "source_file": entry.path,
                "line": r.line,
                "column": shown(r.column),
                "value": shown(personal.mask(r.value)),
                "reason": text,
                "reason_key": key,
                "reason_args": args,
            }
        )
    append(con, "rejected_staging", pd.DataFrame.from_records(rejects))
    append(con, "load_warning", notes(entry.id, loaded.warnings))


def cleaned(text: str) -> tuple[str, str | None, str | None]:
    """A reason or load note as stored: (its English text, its template, its values as JSON),
    every value masked for personal data and with its control characters written out, so that
    the text and the values say the same (warehouse/reasons.py). A text made without a template
    (None, None) is masked as a whole."""
    if isinstance(text, reasons.Reason):
        masked = text.mapped(lambda value: shown(personal.mask(value)))
        return str(masked), masked.key, masked.encoded()
    return shown(personal.mask(text)), None, None


def notes(file_id: str, warnings: list[str]) -> pd.DataFrame:
    """A file's load notes (or the build's own, file_id "golden") as load_warning rows."""
    rows = []
    for warning in warnings:
        text, key, args = cleaned(warning)
        rows.append({"file_id": file_id, "message": text, "message_key": key, "message_args": args})
    return pd.DataFrame.from_records(
        rows, columns=["file_id", "message", "message_key", "message_args"]
    )


def append(con, table: str, frame: pd.DataFrame) -> None:
    # `table` is one of the schema's own names, never input: safe to place in the statement.
    if frame.empty:
        return
    con.register("incoming", frame)
    try:
        con.execute(f"insert into {table} by name select * from incoming")
    finally:
        con.unregister("incoming")


def masked_rejects(con) -> list[tuple]:
    """The staged rejects (masked as they were staged), with their templates and values."""
    return con.execute(
        'select source_file, line, "column", value, reason, reason_key, reason_args '
        "from rejected_staging "
        'order by source_file, line, "column"'
    ).fetchall()
