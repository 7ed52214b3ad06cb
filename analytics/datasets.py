"""The datasets an analyst can download: the exact frame shown on the Data page is the CSV.

Every dataset carries its unit, its as-of date, its sources and a `synthetic` column.
"""

import datetime as dt

import pandas as pd

from analytics import exports, privacy
from analytics.months import month_end

DATASETS = ("reported", "monthly", "umkm")
UMKM_UNIT = "businesses; adoption_rate as a ratio of 0-1"  # the umkm dataset's unit column

COLUMNS = {
    "reported": [
        "region_code", "region_name", "level", "ref_date", "date_precision", "period", "metric",
        "metric_label", "value", "unit", "qualifier", "basis", "statement_by", "outlet", "url",
        "published", "synthetic", "conflict", "note", "source_id",
    ],
    "monthly": [
        "region_code", "region_name", "level", "month", "metric", "metric_label", "value", "unit",
        "qualifier", "basis", "as_of_date", "date_precision", "age_months", "method", "derivation",
        "conflict",
        "population", "population_year", "population_basis", "synthetic", "sources",
    ],
    "umkm": [
        "region_code", "region_name", "level", "month", "registered", "onboarded", "adoption_rate",
        "registered_suppressed", "onboarded_suppressed", "unit", "as_of_date", "synthetic",
        "sources",
    ],
}  # fmt: skip


def load(
    repo,
    name: str,
    regions: tuple[str, ...],
    metrics: tuple[str, ...],
    month_from: dt.date,
    month_to: dt.date,
    synthetic: bool = True,
) -> pd.DataFrame:
    """The rows of one dataset for the filters, in a fixed column order; no synthetic row when
    synthetic is False (the demo switch off)."""
    if name == "reported":
        frame = repo.reported(regions, metrics, month_from, month_end(month_to), synthetic)
        dated = zip(frame["ref_date"], frame["date_precision"], strict=True)
        frame["period"] = [period(day, precision) for day, precision in dated]
    elif name == "monthly":
        frame = repo.monthly(regions, metrics, month_from, month_to, synthetic)
    elif name == "umkm":
        frame = repo.umkm_monthly(regions, month_from, month_to, synthetic).assign(unit=UMKM_UNIT)
        frame["as_of_date"] = [month_end(m) for m in frame["month"]]
        # counts below the threshold arrive withheld (null, with *_suppressed flags): the query
        # layer applied the small-cell rule
    else:
        raise ValueError(f"unknown dataset '{name}': choose one of {', '.join(DATASETS)}")
    return frame[COLUMNS[name]].reset_index(drop=True)


def period(ref_date, precision: str | None) -> str:
    """What the source dated a figure to, as it said it: '2020' (the year only), '2020-05' (the
    month), '2020-05-20'. ref_date of a figure known to its year or month is that period's first
    day, a point to sort and filter by, not a date anyone reported."""
    day = pd.Timestamp(ref_date)
    if precision == "year":
        return f"{day:%Y}"
    if precision == "month":
        return f"{day:%Y-%m}"
    return f"{day:%Y-%m-%d}"


TITLES = {
    "reported": "Reported figures, exactly as reported",
    "monthly": "Monthly as-of series per area",
    "umkm": "UMKM registered, onboarded and adoption rate per area and month",
}


def meta(
    name: str,
    regions: tuple[str, ...],
    metrics: tuple[str, ...],
    month_from: dt.date,
    month_to: dt.date,
    synthetic: bool = True,
) -> exports.Meta:
    """What the Data page and `python -m etl export` write beside the same rows."""
    filters = {
        "areas": ", ".join(regions),
        "from": f"{month_from:%Y-%m}",
        "to": f"{month_to:%Y-%m}",
        "demo data": "included where no official figure exists" if synthetic else "excluded",
    }
    if name != "umkm":
        filters["metrics"] = ", ".join(metrics) or "all"
    else:
        filters["small cells"] = (
            f"register counts below {privacy.threshold()} at kecamatan level, and the smallest "
            "siblings that would give them back, are empty with *_suppressed = true"
        )
    return exports.Meta(dataset=name, title=TITLES[name], filters=filters)
