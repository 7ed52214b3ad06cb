"""`python -m etl build`: rebuild the warehouse from the manifest, atomically.

The build writes <warehouse>.tmp, runs the data checks, and only then os.replace()s it over the
warehouse. A dashboard that is serving keeps reading the old file until its next query; a build that
fails or is killed leaves the old warehouse exactly as it was.
"""

import datetime as dt
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from etl import manifest, paths, readers
from etl.kinds import LOADERS, Context, Loaded

# The months the marts cover, and how long a report is carried forward before a month goes blank.
# Assumption (README, "What the numbers mean"): a cumulative Disnaker report older than a year says
# too little about the current month to be shown as its figure.
HORIZON_START = dt.date(2020, 1, 1)
HORIZON_END = dt.date(2022, 12, 1)
MAX_CARRY_MONTHS = 12

MARTS = ("mart_monthly", "mart_umkm_monthly")
CHECKS = Path(__file__).parent / "sql" / "checks"


class BuildError(RuntimeError):
    """The build stopped; the previous warehouse is untouched. The message says why."""


@dataclass
class FileReport:
    entry: manifest.FileEntry
    loaded: Loaded


@dataclass
class BuildReport:
    warehouse: Path
    run_id: str
    files: list[FileReport] = field(default_factory=list)

    @property
    def rows_read(self) -> int:
        return sum(f.loaded.rows_read for f in self.files)

    @property
    def rows_loaded(self) -> int:
        return sum(f.loaded.rows_loaded for f in self.files)

    @property
    def rows_rejected(self) -> int:
        return sum(f.loaded.rows_rejected for f in self.files)


def build(data_dir: Path | None = None, warehouse: Path | None = None) -> BuildReport:
    data_dir = data_dir or paths.data_dir()
    warehouse = warehouse or paths.warehouse_path()
    started = dt.datetime.now()
    entries = manifest.load(data_dir / "sources.toml")
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    tmp = warehouse.with_name(warehouse.name + ".tmp")
    _remove(tmp)  # what a killed build left behind

    report = BuildReport(warehouse=warehouse, run_id=started.strftime("%Y%m%dT%H%M%S.%f"))
    con = duckdb.connect(str(tmp))
    try:
        con.execute(paths.sql_text("schema"))
        # rejects gather here as files load; the run id is stamped on them once the run is recorded
        con.execute("create temp table rejected_staging as from rejected limit 0")
        con.execute("alter table rejected_staging drop column run_id")
        ctx = Context()
        for entry in entries:
            loaded = _load_file(con, data_dir, entry, ctx)
            report.files.append(FileReport(entry, loaded))
        params = {
            "horizon_start": HORIZON_START,
            "horizon_end": HORIZON_END,
            "max_carry_months": MAX_CARRY_MONTHS,
        }
        for mart in MARTS:
            sql = paths.sql_text(f"marts/{mart}")
            con.execute(sql, {k: v for k, v in params.items() if f"${k}" in sql})
        _run_checks(con)
        _record_run(con, report, started)
        con.execute("checkpoint")
    except BaseException:
        con.close()
        _remove(tmp)
        raise
    con.close()
    os.replace(tmp, warehouse)
    return report


def _load_file(con, data_dir: Path, entry: manifest.FileEntry, ctx: Context) -> Loaded:
    path = data_dir / entry.path
    try:
        table = readers.read_csv(path)
    except readers.FileError as e:
        raise BuildError(f"{entry.id}: {e}") from None
    loaded = LOADERS[entry.kind](table, entry, ctx)
    con.execute(
        "insert into source_file values "
        "($id, $path, $kind, $title, $publisher, $outlet, $url, $published, $licence, $synthetic, "
        "$sha256, $rows_read, $rows_loaded, $rows_rejected)",
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
            "sha256": table.sha256,
            "rows_read": loaded.rows_read,
            "rows_loaded": loaded.rows_loaded,
            "rows_rejected": loaded.rows_rejected,
        },
    )
    _append(con, "source", _frame(loaded.sources))
    _append(con, loaded.table, loaded.frame)
    rejects = [
        {
            "source_file": entry.path,
            "line": r.line,
            "column": r.column,
            "value": r.value,
            "reason": r.reason,
        }
        for r in loaded.rejects
    ]
    _append(con, "rejected_staging", _frame(rejects))
    return loaded


def _frame(records: list[dict]) -> pd.DataFrame:
    return pd.DataFrame.from_records(records)


def _append(con, table: str, frame: pd.DataFrame) -> None:
    # `table` is one of the schema's own names, never input: safe to place in the statement.
    if frame.empty:
        return
    con.register("incoming", frame)
    try:
        con.execute(f"insert into {table} by name select * from incoming")
    finally:
        con.unregister("incoming")


def _run_checks(con) -> None:
    failures = []
    for path in sorted(CHECKS.glob("*.sql")):
        bad = con.execute(path.read_text(encoding="utf-8")).fetchdf()
        if len(bad):
            failures.append(
                f"check {path.stem} found {len(bad)} bad row(s):\n{bad.head(10).to_string()}"
            )
    if failures:
        raise BuildError(
            "data checks failed; the warehouse was not replaced\n" + "\n".join(failures)
        )


def _record_run(con, report: BuildReport, started: dt.datetime) -> None:
    con.execute(
        "insert into rejected select $run_id as run_id, * from rejected_staging "
        'order by source_file, line, "column"',
        {"run_id": report.run_id},
    )
    con.execute(
        "insert into etl_run "
        "values ($run_id, $started, $finished, $files, $read, $loaded, $rejected, "
        "$horizon_start, $horizon_end, $max_carry_months)",
        {
            "run_id": report.run_id,
            "started": started,
            "finished": dt.datetime.now(),
            "files": len(report.files),
            "read": report.rows_read,
            "loaded": report.rows_loaded,
            "rejected": report.rows_rejected,
            "horizon_start": HORIZON_START,
            "horizon_end": HORIZON_END,
            "max_carry_months": MAX_CARRY_MONTHS,
        },
    )


def _remove(path: Path) -> None:
    for p in (path, path.with_name(path.name + ".wal")):
        p.unlink(missing_ok=True)


def print_summary(report: BuildReport, out=None) -> None:
    out = out or sys.stdout
    width = max(len(f.entry.path) for f in report.files)
    print(f"Pulih build {report.run_id} -> {report.warehouse}", file=out)
    print(f"{'file':<{width}}  {'kind':<13} {'read':>7} {'loaded':>7} {'rejected':>8}", file=out)
    for f in report.files:
        synthetic = "  (synthetic)" if f.entry.synthetic else ""
        print(
            f"{f.entry.path:<{width}}  {f.entry.kind:<13} {f.loaded.rows_read:>7} "
            f"{f.loaded.rows_loaded:>7} {f.loaded.rows_rejected:>8}{synthetic}",
            file=out,
        )
    print(
        f"{'total: ' + str(len(report.files)) + ' files':<{width}}  {'':<13} {report.rows_read:>7} "
        f"{report.rows_loaded:>7} {report.rows_rejected:>8}",
        file=out,
    )
    rejects = [(f.entry.path, r) for f in report.files for r in f.loaded.rejects]
    if rejects:
        print("\nRejected (file:line, column, value: reason):", file=out)
        for path, r in rejects:
            column = f" column {r.column}" if r.column else ""
            value = f" value {r.value!r}" if r.value is not None else ""
            print(f"  {path}:{r.line}{column}{value}: {r.reason}", file=out)
