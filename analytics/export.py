"""`python -m analytics export --dataset NAME --format csv|csv-id|xlsx|parquet [--area CODE ...]
[--metric CODE ...] [--from YYYY-MM] [--to YYYY-MM] [--out PATH]`: the file the Data page's
download button gives for the same filters, from a script.

The rows come from analytics.datasets.load and the bytes from analytics.exports.to_bytes, exactly
as on the page; the defaults are the page's defaults (Provinsi Banten, PHK, dirumahkan and
closures, January 2020 to December 2022).

An export never writes over the warehouse or anything the ETL owns (its .tmp, .wal and .lock, the
manifest, the add journal, anything under data/raw/, data/aliases/ or data/golden/, any DuckDB
database): it refuses, and says why. It writes a temporary file in the target folder and renames
it over the target, so a failed export leaves no half-written file.
"""

import datetime as dt
import os
import tempfile
from pathlib import Path

from analytics import datasets, db, exports, queries
from analytics.metrics import LABOUR
from warehouse import location


class ExportError(ValueError):
    pass


def export(
    dataset: str,
    fmt: str,
    areas: list[str] | None = None,
    metrics: list[str] | None = None,
    start: str | None = None,
    end: str | None = None,
    out: Path | None = None,
    synthetic: bool = True,
) -> Path:
    db.check()  # a warehouse that cannot be used is named, not read into a traceback

    if dataset not in datasets.DATASETS:
        raise ExportError(
            f"unknown dataset '{dataset}': choose one of {', '.join(datasets.DATASETS)}"
        )
    first, last = queries.horizon()
    month_from = _month(start, first, "--from")
    month_to = _month(end, last, "--to")
    if month_from > month_to:
        raise ExportError(f"--from {start} is after --to {end}")
    known = set(queries.regions()["code"])
    areas = areas or ["36"]
    unknown = [a for a in areas if a not in known]
    if unknown:
        raise ExportError(
            f"unknown area code(s) {', '.join(unknown)}: use Kemendagri codes such as 36.71"
        )
    metrics = metrics if metrics is not None else list(LABOUR)
    catalogue = set(queries.metric_catalogue()["code"])
    if dataset != "umkm" and (bad := [m for m in metrics if m not in catalogue]):
        raise ExportError(f"unknown metric(s) {', '.join(bad)}: see data/raw/metrics.csv")
    metrics = metrics if dataset != "umkm" else []
    # the plain queries are the repository here: a script needs no cache
    frame = datasets.load(
        queries, dataset, tuple(areas), tuple(metrics), month_from, month_to, synthetic
    )
    meta = datasets.meta(dataset, tuple(areas), tuple(metrics), month_from, month_to, synthetic)
    target = out or Path(
        exports.file_name(
            dataset, tuple(areas), month_from, month_to, fmt, exports.has_synthetic(frame)
        )
    )
    refuse_if_owned(target)
    _write_atomically(target, exports.to_bytes(frame, fmt, meta))
    return target


def refuse_if_owned(target: Path) -> None:
    """An ExportError saying why, when `target` is the warehouse, a file beside it, an input of
    the build, or any DuckDB database; also when it cannot be a file (a folder, no folder)."""
    why = _owner(target.resolve())
    if why:
        raise ExportError(
            f"refusing to write to {target}: {why}. Nothing was written; choose a file outside "
            "data/, e.g. --out pulih_export.csv (or leave out --out for a name that says what "
            "is in it)"
        )
    if target.is_dir():
        raise ExportError(f"{target} is a folder: name a file in it, e.g. {target / 'export.csv'}")
    if not target.parent.is_dir():
        raise ExportError(f"the folder {target.parent} does not exist: create it first")


def _owner(path: Path) -> str | None:
    data_dirs = {location.data_dir().resolve(), (location.PROJECT / "data").resolve()}
    warehouses = {
        location.warehouse_path().resolve(),
        *(d / location.WAREHOUSE_NAME for d in data_dirs),
    }
    for warehouse in warehouses:
        if path == warehouse:
            return "it is the warehouse the dashboard reads; only the ETL writes it"
        if path in location.companions(warehouse):
            return f"it belongs to the warehouse {_short(warehouse)} (its new build, log or lock)"
    for data in data_dirs:
        if path in (data / location.MANIFEST, data / location.NEW_MANIFEST):
            return "it is the manifest the warehouse is built from"
        if path.name.startswith(location.JOURNAL) and path.parent == data:
            return "it belongs to an `etl add` in progress"
        for inputs in location.INPUT_FOLDERS:
            if path.is_relative_to(data / inputs):
                where = _short(data / inputs)
                return f"it is under {where}/, the inputs the warehouse is built from"
    if _is_duckdb(path):
        return "it is a DuckDB database"
    return None


def _short(path: Path) -> str:
    """data/pulih.duckdb for the project's own, the full path for any other."""
    for base in (Path.cwd().resolve(), location.data_dir().resolve().parent):
        if path.is_relative_to(base):
            return path.relative_to(base).as_posix()
    return str(path)


def _is_duckdb(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(12)[8:12] == b"DUCK"
    except OSError:
        return False


def _write_atomically(target: Path, content: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(content)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _month(text: str | None, default: dt.date, option: str) -> dt.date:
    if text is None:
        return default
    try:
        return dt.date.fromisoformat(f"{text}-01")
    except ValueError:
        raise ExportError(
            f"{option} '{text}' is not a month: write YYYY-MM, e.g. 2020-05"
        ) from None
