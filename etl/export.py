"""`python -m etl export --dataset NAME --format csv|csv-id|xlsx|parquet [--area CODE ...]
[--metric CODE ...] [--from YYYY-MM] [--to YYYY-MM] [--out PATH]`: the file the Data page's
download button gives for the same filters, from a script.

The rows come from analytics.datasets.load and the bytes from analytics.exports.to_bytes, exactly
as on the page; the defaults are the page's defaults (Provinsi Banten, PHK, dirumahkan and
closures, January 2020 to December 2022).
"""

import datetime as dt
import logging
from pathlib import Path


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
    # outside a Streamlit server the query cache warns on every call; a script has no use for it
    import streamlit.runtime.caching.cache_data_api  # noqa: F401  (creates the logger to quiet)

    logging.getLogger("streamlit.runtime.caching.cache_data_api").setLevel(logging.ERROR)
    from analytics import datasets, exports, queries
    from analytics.metrics import LABOUR

    if dataset not in datasets.DATASETS:
        raise ExportError(
            f"unknown dataset '{dataset}': choose one of {', '.join(datasets.DATASETS)}"
        )
    month_from = _month(start, queries.FIRST_MONTH, "--from")
    month_to = _month(end, queries.LAST_MONTH, "--to")
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
    frame = datasets.load(dataset, tuple(areas), tuple(metrics), month_from, month_to, synthetic)
    meta = datasets.meta(dataset, tuple(areas), tuple(metrics), month_from, month_to, synthetic)
    target = out or Path(
        exports.file_name(
            dataset, tuple(areas), month_from, month_to, fmt, exports.has_synthetic(frame)
        )
    )
    target.write_bytes(exports.to_bytes(frame, fmt, meta))
    return target


def _month(text: str | None, default: dt.date, option: str) -> dt.date:
    if text is None:
        return default
    try:
        return dt.date.fromisoformat(f"{text}-01")
    except ValueError:
        raise ExportError(
            f"{option} '{text}' is not a month: write YYYY-MM, e.g. 2020-05"
        ) from None
