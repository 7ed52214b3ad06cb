"""`python -m etl build`: rebuild the warehouse from the manifest, atomically. This module only
orchestrates; each step is another module's:

    manifest (etl/manifest.py), then for each file in its order, load_file:
        read (etl/read.py) -> name columns (etl/columns.py) -> its kind (etl/kinds/, through
        etl/load.py: parse cells etl/cells.py, resolve areas etl/areas.py, validate
        etl/validate.py) -> stage and insert (etl/store.py)
    -> marts and data checks (etl/marts.py) -> golden check (etl/golden.py) -> the run recorded
    -> verify (etl/verify.py) -> swap

The build holds the writer lock (<warehouse>.lock, etl/lock.py) from start to swap, so a second
writer waits for it. It writes <warehouse>.tmp, runs the data checks, closes the file, opens it
again read-only to check that it is a whole warehouse of this very run (etl/verify.py), and only
then os.replace()s it over the warehouse. A dashboard that is serving keeps reading the old file
until its next query; a build that fails or is killed leaves the old warehouse exactly as it was.
`python -m etl check` runs the same loading into an in-memory database and writes nothing.
"""

import datetime as dt
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from etl import (
    columns,
    golden,
    journal,
    lock,
    manifest,
    marts,
    paths,
    pause,
    read,
    store,
    verify,
)
from etl.kinds import REGISTRY
from etl.load import Context, CountError, Loaded
from warehouse import location, reasons


class BuildError(RuntimeError):
    """The build stopped; the previous warehouse is untouched. The message says why. When a file
    could not be read, the message is a template with its values (warehouse/reasons.py IN_ENTRY:
    the entry, and the file's own reason), which the dashboard writes in the reader's language
    (`reason`); the build's own checks say theirs in English to the operator."""

    def __init__(self, message: str):
        super().__init__(message)
        self.reason = message if isinstance(message, reasons.Reason) else None


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
    wait: float | None = None,
) -> BuildReport:
    """Build the warehouse from the manifest (data_dir/sources.toml, or `manifest_file`). With
    swap=False the checked new file is left at <warehouse>.tmp (report.built) for the caller, who
    holds the writer lock, to swap in. `wait`: seconds to wait for another writer (default
    PULIH_LOCK_TIMEOUT), then LockTimeout."""
    data_dir = data_dir or paths.data_dir()
    warehouse = warehouse or paths.warehouse_path()
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    with lock.hold(warehouse, "etl build", wait=wait) as first:
        if first:  # an `etl add` killed half-way: finish it or roll it back first
            journal.recover(data_dir, warehouse)
        return _build(data_dir, warehouse, manifest_file or data_dir / "sources.toml", swap)


def _build(data_dir: Path, warehouse: Path, manifest_file: Path, swap: bool) -> BuildReport:
    started = dt.datetime.now()
    entries = manifest.load(manifest_file)
    tmp = location.new_build(warehouse)
    _remove(tmp)  # what a killed build left behind

    report = BuildReport(warehouse=warehouse, run_id=started.strftime("%Y%m%dT%H%M%S.%f"))
    con = store.open_database(str(tmp))
    try:
        ctx = Context.for_data(data_dir)
        for entry in entries:
            report.files.append(load_file(con, data_dir, entry, ctx, report.files))
        marts.build_marts(con)
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
        found = verify.problems(tmp, report.run_id, len(report.files), marts.CHECKS)
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


def load_file(
    con, data_dir: Path, entry: manifest.FileEntry, ctx: Context, earlier: list[FileReport]
) -> FileReport:
    """One file through the stages, into the open database: read (etl/read.py), columns named
    (etl/columns.py), its kind's loader (etl/kinds/: cells parsed, areas resolved, rows validated),
    then stored with its rejects and provenance (etl/store.py). A file whose content an earlier
    entry already gave loads once."""
    path = Path(entry.path) if Path(entry.path).is_absolute() else data_dir / entry.path
    kind = REGISTRY[entry.kind]
    try:
        if kind.reads_itself and path.is_file() and not _same_size(path, data_dir, earlier):
            # a register of millions of rows, and no earlier file it could be a copy of: its
            # checksum is worked out on the other core while it loads (hashlib lets go of the
            # interpreter; 0,26 s of a 5-million-row load)
            with ThreadPoolExecutor(1) as pool:
                digest = pool.submit(read.sha256, path)
                loaded = kind.load(con, path, entry, ctx)
                checksum = digest.result()
            store.store(con, entry, loaded, checksum, None)
            return FileReport(entry, loaded, checksum, None)
        checksum = read.sha256(path)
        twin = next((f for f in earlier if f.sha256 == checksum and not f.duplicate_of), None)
        if twin:  # the same file listed twice loads once
            note = reasons.reason(reasons.SAME_CONTENT, path=twin.entry.path)
            loaded = Loaded(kind.table, None, [], [], 0, 0, 0, [note])
        elif kind.reads_itself:  # the register: DuckDB reads it, streaming
            loaded = kind.load(con, path, entry, ctx)
        else:
            grid = read.read_grid(path, entry.sheet, entry.kind)
            table = columns.to_table(grid, ctx.columns, kind.wanted, kind.wide)
            loaded = kind.load(table, entry, ctx)
    except (read.FileError, CountError) as e:
        raise BuildError(
            reasons.reason(reasons.IN_ENTRY, entry=entry.id, problem=e.reason)
        ) from None
    except OSError as e:  # the system's own words ("Permission denied"), as they are
        raise BuildError(reasons.reason(reasons.IN_ENTRY, entry=entry.id, problem=str(e))) from None
    store.store(con, entry, loaded, checksum, twin.entry.id if twin else None)
    return FileReport(entry, loaded, checksum, twin.entry.id if twin else None)


def _same_size(path: Path, data_dir: Path, earlier: list[FileReport]) -> bool:
    """Whether an earlier file has as many bytes as this one: only then can it be its copy."""
    size = path.stat().st_size
    for report in earlier:
        other = Path(report.entry.path)
        other = other if other.is_absolute() else data_dir / other
        if other.is_file() and other.stat().st_size == size:
            return True
    return False


def _run_checks(con) -> None:
    if failures := marts.failed_checks(con):
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
    store.append(con, "load_warning", store.notes("golden", skipped))


def _record_run(con, report: BuildReport, started: dt.datetime) -> None:
    con.execute(
        'insert into rejected select $run_id as run_id, source_file, line, "column", '
        "value, reason, reason_key, reason_args from rejected_staging "
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
            **marts.PARAMS,
        },
    )


def _remove(path: Path) -> None:
    for p in (path, location.wal(path)):
        p.unlink(missing_ok=True)
