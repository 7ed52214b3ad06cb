"""The queries: filters in, DataFrames out, a cursor each on the process's read-only warehouse
(analytics/db.py). SQL lives in analytics/sql/*.sql with bound parameters only.

These plain functions are the repository the pages read through. The dashboard reads them through
ui/data.py, a facade with the same names that caches each on its arguments and the warehouse
version; scripts (`python -m analytics export`) and tests call them as they are. No Streamlit here.
"""

import datetime as dt

import pandas as pd

from analytics import db, privacy

FAR_PAST, FAR_FUTURE = dt.date(1900, 1, 1), dt.date(2999, 12, 31)


def build_info() -> pd.DataFrame:
    """The run that built the warehouse, with the settings its marts were built with."""
    return db.query("build_info")


def horizon() -> tuple[dt.date, dt.date]:
    """The first and last month the marts cover, as the build recorded them (etl_run): one
    setting, on the write side (etl/marts.py HORIZON_START/END), read back here."""
    run = build_info().iloc[0]
    return pd.Timestamp(run.horizon_start).date(), pd.Timestamp(run.horizon_end).date()


def _months(month_from: dt.date | None, month_to: dt.date | None) -> tuple[dt.date, dt.date]:
    if month_from is not None and month_to is not None:
        return month_from, month_to
    first, last = horizon()
    return month_from or first, month_to or last


def regions() -> pd.DataFrame:
    return db.query("regions")


def metric_catalogue() -> pd.DataFrame:
    return db.query("metrics")


def latest_reported(region: str, metrics: tuple[str, ...]) -> pd.DataFrame:
    return db.query("latest_reported", {"region": region, "metrics": list(metrics)})


def reported(
    regions: tuple[str, ...],
    metrics: tuple[str, ...] = (),
    date_from: dt.date = FAR_PAST,
    date_to: dt.date = FAR_FUTURE,
    synthetic: bool = True,
) -> pd.DataFrame:
    params = {
        "regions": list(regions),
        "metrics": list(metrics),
        "date_from": date_from,
        "date_to": date_to,
        "synthetic": synthetic,
    }
    return db.query("reported", params)


def monthly(
    regions: tuple[str, ...],
    metrics: tuple[str, ...],
    month_from: dt.date | None = None,
    month_to: dt.date | None = None,
    synthetic: bool = True,
) -> pd.DataFrame:
    month_from, month_to = _months(month_from, month_to)
    params = {
        "regions": list(regions),
        "metrics": list(metrics),
        "month_from": month_from,
        "month_to": month_to,
        "synthetic": synthetic,
    }
    return db.query("monthly", params)


def umkm_monthly(
    regions: tuple[str, ...],
    month_from: dt.date | None = None,
    month_to: dt.date | None = None,
    synthetic: bool = True,
) -> pd.DataFrame:
    month_from, month_to = _months(month_from, month_to)
    params = {
        "regions": list(regions),
        "month_from": month_from,
        "month_to": month_to,
        "synthetic": synthetic,
    }
    # the small-cell rule, once, for every page and download that shows a register count
    family = privacy.suppress_register(db.query("umkm_monthly", params))
    return family[family["wanted"]].drop(columns="wanted").reset_index(drop=True)


def events(region: str) -> pd.DataFrame:
    return db.query("events", {"region": region})


def revisions() -> pd.DataFrame:
    return db.query("revisions")


def conflicts(regions: tuple[str, ...], date_from: dt.date, date_to: dt.date) -> pd.DataFrame:
    return db.query(
        "conflicts", {"regions": list(regions), "date_from": date_from, "date_to": date_to}
    )


def synthetic_coverage() -> pd.DataFrame:
    return db.query("synthetic_coverage")


def sources() -> pd.DataFrame:
    return db.query("sources")


def source_files() -> pd.DataFrame:
    return db.query("source_files")


def rejected() -> pd.DataFrame:
    return db.query("rejected")


def load_warnings() -> pd.DataFrame:
    return db.query("load_warnings")


# the repository's names: ui/data.py caches each of them, a test's fake provides them
NAMES = (
    "build_info", "horizon", "regions", "metric_catalogue", "latest_reported",
    "reported", "monthly", "umkm_monthly", "events", "revisions", "conflicts",
    "synthetic_coverage", "sources", "source_files", "rejected", "load_warnings",
)  # fmt: skip
