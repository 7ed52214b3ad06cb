"""`python -m etl build`: rebuild the warehouse from the manifest, atomically.

The build holds the writer lock (<warehouse>.lock, etl/lock.py) from start to swap, so a second
writer waits for it. It writes <warehouse>.tmp, runs the data checks, closes the file, opens it
again read-only to check that it is a whole warehouse of this very run (etl/verify.py), and only
then os.replace()s it over the warehouse. A dashboard that is serving keeps reading the old file
until its next query; a build that fails or is killed leaves the old warehouse exactly as it was.
`python -m etl check` runs the same loading into an in-memory database and writes nothing.
"""

import datetime as dt
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from etl import (
    columns,
    golden,
    journal,
    lock,
    manifest,
    paths,
    pause,
    personal,
    read,
    verify,
)
from etl.kinds import REGISTRY
from etl.load import Context, CountError, Loaded

# The months the marts cover, and how long a report is carried forward before a month goes blank.
# Assumption (README, "What the numbers mean"): a cumulative Disnaker report older than a year says
# too little about the current month to be shown as its figure.
HORIZON_START = dt.date(2020, 1, 1)
HORIZON_END = dt.date(2022, 12, 1)
MAX_CARRY_MONTHS = 12
# Reports of one measure this many days apart are about the same moment (a conflict if they
# differ); a combined PHK + dirumahkan total this soon after a single figure must not be below it.
CONFLICT_DAYS = 3
TOTAL_DAYS = 60

# The marts in build order, each with the parameters it is run with; a file may hold several
# statements. Sums of children are made bottom up, one level at a time, so a sum feeds the next.
MARTS = (
    ("supersede", {}),
    ("dated_by", {}),
    ("mart_conflicts", {}),
    ("mart_monthly", {}),
    ("mart_monthly_parents", {"child_level": "district"}),
    ("mart_monthly_parents", {"child_level": "regency"}),
    ("mart_monthly_parents", {"child_level": "province"}),
    ("mart_monthly_conflicts", {}),
    ("mart_umkm_monthly", {}),
    ("mart_revisions", {}),
)
CHECKS = Path(__file__).parent / "sql" / "checks"
# DuckDB's own cap, well below the 1.5 GB the whole process may use on a 5-million-row register
# (make bench: about 0.95 GB peak at 768 MB, no slower than at 1 GB); beyond it DuckDB spills to
# a temporary folder beside the warehouse.
MEMORY_LIMIT = "768MB"
SUMMARY_REJECTS_PER_FILE = 50


class BuildError(RuntimeError):
    """The build stopped; the previous warehouse is untouched. The message says why."""


@dataclass
class FileReport:
    entry: manifest.FileEntry
    loaded: Loaded
    sha256: str = ""
    duplicate_of: str | None = None


@dataclass
class BuildReport:
    warehouse: Path | None
    run_id: str
    files: list[FileReport] = field(default_factory=list)
    built: Path | None = None  # the checked new file, until it is swapped in (swap=False)

    @property
    def rows_read(self) -> int:
        return sum(f.loaded.rows_read for f in self.files)

    @property
    def rows_loaded(self) -> int:
        return sum(f.loaded.rows_loaded for f in self.files)

    @property
    def rows_rejected(self) -> int:
        return sum(f.loaded.rows_rejected for f in self.files)


def build(
    data_dir: Path | None = None,
    warehouse: Path | None = None,
    manifest_file: Path | None = None,
    swap: bool = True,
) -> BuildReport:
    """Build the warehouse from the manifest (data_dir/sources.toml, or `manifest_file`). With
    swap=False the checked new file is left at <warehouse>.tmp (report.built) for the caller, who
    holds the writer lock, to swap in."""
    data_dir = data_dir or paths.data_dir()
    warehouse = warehouse or paths.warehouse_path()
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    with lock.hold(warehouse, "etl build") as first:
        if first:  # an `etl add` killed half-way: finish it or roll it back first
            journal.recover(data_dir, warehouse)
        return _build(data_dir, warehouse, manifest_file or data_dir / "sources.toml", swap)


def _build(data_dir: Path, warehouse: Path, manifest_file: Path, swap: bool) -> BuildReport:
    started = dt.datetime.now()
    entries = manifest.load(manifest_file)
    tmp = warehouse.with_name(warehouse.name + ".tmp")
    _remove(tmp)  # what a killed build left behind

    report = BuildReport(warehouse=warehouse, run_id=started.strftime("%Y%m%dT%H%M%S.%f"))
    con = open_database(str(tmp))
    try:
        ctx = Context.for_data(data_dir)
        for entry in entries:
            report.files.append(load_file(con, data_dir, entry, ctx, report.files))
        build_marts(con)
        _run_checks(con)
        _run_golden(con, data_dir)
        _record_run(con, report, started)
        con.execute("checkpoint")
    except BaseException:
        con.close()
        _remove(tmp)
        raise
    con.close()
    try:
        pause.point("build:verify")
        found = verify.problems(tmp, report.run_id, len(report.files), CHECKS)
        if found:
            raise BuildError(
                f"the new warehouse {tmp} failed its last check before the swap, so the previous "
                f"warehouse was kept: {'; '.join(found)}. Run the build again; if this repeats, "
                "another program may be writing that file"
            )
        pause.point("build:swap")
    except BaseException:
        _remove(tmp)
        raise
    if not swap:
        report.built = tmp
        return report
    os.replace(tmp, warehouse)
    return report


def open_database(path: str) -> duckdb.DuckDBPyConnection:
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


def load_file(
    con, data_dir: Path, entry: manifest.FileEntry, ctx: Context, earlier: list[FileReport]
) -> FileReport:
    """Read one file into the open database: its rows, its rejects, its provenance."""
    path = Path(entry.path) if Path(entry.path).is_absolute() else data_dir / entry.path
    try:
        checksum = read.sha256(path)
        twin = next((f for f in earlier if f.sha256 == checksum and not f.duplicate_of), None)
        kind = REGISTRY[entry.kind]
        if twin:  # the same file listed twice loads once
            note = f"same content as {twin.entry.path}: loaded once, not twice"
            loaded = Loaded(kind.table, None, [], [], 0, 0, 0, [note])
        elif kind.reads_itself:  # the register: DuckDB reads it, streaming
            loaded = kind.load(con, path, entry, ctx)
        else:
            grid = read.read_grid(path, entry.sheet, entry.kind)
            table = columns.to_table(grid, ctx.columns, kind.wanted, kind.wide)
            loaded = kind.load(table, entry, ctx)
    except (read.FileError, OSError, CountError) as e:
        raise BuildError(f"{entry.id}: {e}") from None
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
            "sha256": checksum,
            "rows_read": loaded.rows_read,
            "rows_loaded": loaded.rows_loaded,
            "rows_rejected": loaded.rows_rejected,
            "series": entry.series,
            "vintage": entry.vintage,
            "duplicate_of": twin.entry.id if twin else None,
            "rows_partly": loaded.rows_partly,
            "rows_repeated": loaded.rows_repeated,
            "figures_loaded": loaded.figures_loaded,
            "cells_rejected": loaded.cells_rejected,
        },
    )
    _append(con, "source", pd.DataFrame.from_records(loaded.sources))
    if loaded.frame is not None:
        _append(con, loaded.table, loaded.frame)
    # rejects are shown to people: masked (personal data) and with no control character
    rejects = [
        {
            "source_file": entry.path,
            "line": r.line,
            "column": read.shown(r.column),
            "value": read.shown(personal.mask(r.value)),
            "reason": read.shown(personal.mask(r.reason)),
        }
        for r in loaded.rejects
    ]
    _append(con, "rejected_staging", pd.DataFrame.from_records(rejects))
    warnings = [{"file_id": entry.id, "message": read.shown(w)} for w in loaded.warnings]
    _append(con, "load_warning", pd.DataFrame.from_records(warnings))
    return FileReport(entry, loaded, checksum, twin.entry.id if twin else None)


def build_marts(con) -> None:
    params = {
        "horizon_start": HORIZON_START,
        "horizon_end": HORIZON_END,
        "max_carry_months": MAX_CARRY_MONTHS,
        "conflict_days": CONFLICT_DAYS,
        "total_days": TOTAL_DAYS,
    }
    for mart, own in MARTS:
        for statement in paths.sql_text(f"marts/{mart}").split(";\n"):
            if statement.strip():
                values = {**params, **own}
                con.execute(statement, {k: v for k, v in values.items() if f"${k}" in statement})


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


def _run_golden(con, data_dir: Path) -> None:
    """The hand-worked golden cases (etl/golden.py): a disagreement stops the build; a case that
    newer or other files make uncheckable is a load note."""
    try:
        failures, skipped = golden.check(con, data_dir)
    except golden.GoldenError as e:
        raise BuildError(str(e)) from None
    if failures:
        raise BuildError(
            "golden check failed; the warehouse was not replaced. Each case was worked out by "
            "hand (data/golden/monthly.csv); fix the rule or the data, or the case if the "
            "sources say otherwise:\n  " + "\n  ".join(failures)
        )
    _append(
        con,
        "load_warning",
        pd.DataFrame({"file_id": "golden", "message": skipped}, columns=["file_id", "message"]),
    )


def masked_rejects(con) -> list[tuple]:
    """The staged rejects (masked as they were staged)."""
    return con.execute(
        'select source_file, line, "column", value, reason '
        "from rejected_staging "
        'order by source_file, line, "column"'
    ).fetchall()


def _record_run(con, report: BuildReport, started: dt.datetime) -> None:
    con.execute(
        'insert into rejected select $run_id as run_id, source_file, line, "column", '
        "value, reason from rejected_staging "
        'order by source_file, line, "column"',
        {"run_id": report.run_id},
    )
    con.execute(
        "insert into etl_run "
        "values ($run_id, $started, $finished, $files, $read, $loaded, $rejected, "
        "$horizon_start, $horizon_end, $max_carry_months, $conflict_days, $total_days)",
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
            "conflict_days": CONFLICT_DAYS,
            "total_days": TOTAL_DAYS,
        },
    )


def _remove(path: Path) -> None:
    for p in (path, path.with_name(path.name + ".wal")):
        p.unlink(missing_ok=True)


def print_summary(report: BuildReport, out=None) -> None:
    """One line per file: rows read = loaded + rejected; of the loaded, how many partly (a wide
    row with a rejected cell); and the figures (records) loaded."""
    out = out or sys.stdout
    width = max(len(f.entry.path) for f in report.files)
    print(f"Pulih build {report.run_id} -> {report.warehouse}", file=out)
    print(
        f"{'file':<{width}}  {'kind':<17} {'read':>8} {'loaded':>8} {'rejected':>8} "
        f"{'partly':>8} {'figures':>8}",
        file=out,
    )
    for f in report.files:
        note = "  (synthetic)" if f.entry.synthetic else ""
        note += f"  (same as {f.duplicate_of})" if f.duplicate_of else ""
        n = f.loaded
        print(
            f"{f.entry.path:<{width}}  {f.entry.kind:<17} {n.rows_read:>8} {n.rows_loaded:>8} "
            f"{n.rows_rejected:>8} {n.rows_partly:>8} {n.figures_loaded:>8}{note}",
            file=out,
        )
    total = f"total: {len(report.files)} files"
    partly = sum(f.loaded.rows_partly for f in report.files)
    figures = sum(f.loaded.figures_loaded for f in report.files)
    print(
        f"{total:<{width}}  {'':<17} {report.rows_read:>8} {report.rows_loaded:>8} "
        f"{report.rows_rejected:>8} {partly:>8} {figures:>8}",
        file=out,
    )
    for f in report.files:
        print_findings(f.entry.path, f.loaded, out)


def print_findings(path: str, loaded: Loaded, out) -> None:
    """A file's rejects (file:line, column, value: reason) and warnings, the first fifty of each."""
    if loaded.rejects:
        print(f"\nRejected in {path} (line, column, value: reason):", file=out)
        for r in loaded.rejects[:SUMMARY_REJECTS_PER_FILE]:
            column = f" column {r.column}" if r.column else ""
            value = f" value {read.brief(personal.mask(r.value))}" if r.value is not None else ""
            print(f"  {path}:{r.line}{column}{value}: {personal.mask(r.reason)}", file=out)
        if len(loaded.rejects) > SUMMARY_REJECTS_PER_FILE:
            print(
                f"  ... and {len(loaded.rejects) - SUMMARY_REJECTS_PER_FILE} more "
                "(all are in the table `rejected`)",
                file=out,
            )
    for w in loaded.warnings[:SUMMARY_REJECTS_PER_FILE]:
        print(f"  warning: {path}: {w}", file=out)
