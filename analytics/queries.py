"""Query functions: filters in, DataFrames out. SQL lives in analytics/sql/*.sql.

Every function is cached on its arguments and the warehouse version, so a rebuild shows on the next
interaction without restarting the dashboard, and nothing holds a connection between calls.
"""

import datetime as dt
import functools
import inspect

import pandas as pd
import streamlit as st

from analytics import db, privacy
from analytics.metrics import HEADLINE, UMKM_UNITS

COMBINED, COMBINED_PARTS = "phk_plus_dirumahkan", ("phk", "dirumahkan")

CACHE_TTL_SECONDS = 600
FIRST_MONTH = dt.date(2020, 1, 1)
LAST_MONTH = dt.date(2022, 12, 1)


def versioned(fn):
    """Cache fn on its arguments plus the warehouse version (passed as the first argument).

    The parameter must not start with an underscore: Streamlit leaves such parameters out of the
    cache key, and a rebuilt warehouse would keep showing the old figures.
    """
    first = next(iter(inspect.signature(fn).parameters), None)
    if first != "version":
        raise TypeError(f"{fn.__name__}: a versioned query takes `version` as its first parameter")
    cached = st.cache_data(ttl=CACHE_TTL_SECONDS, max_entries=128, show_spinner=False)(fn)

    @functools.wraps(fn)
    def call(*args, **kwargs):
        return cached(db.version(), *args, **kwargs)

    call.versioned = True
    return call


@versioned
def regions(version: str) -> pd.DataFrame:
    return db.query("regions")


@versioned
def latest_reported(version: str, region: str, metrics: tuple[str, ...]) -> pd.DataFrame:
    return db.query("latest_reported", {"region": region, "metrics": list(metrics)})


@versioned
def reported(
    version: str,
    regions: tuple[str, ...],
    metrics: tuple[str, ...] = (),
    date_from: dt.date = dt.date(1900, 1, 1),
    date_to: dt.date = dt.date(2999, 12, 31),
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


@versioned
def monthly(
    version: str,
    regions: tuple[str, ...],
    metrics: tuple[str, ...],
    month_from: dt.date = FIRST_MONTH,
    month_to: dt.date = LAST_MONTH,
    synthetic: bool = True,
) -> pd.DataFrame:
    params = {
        "regions": list(regions),
        "metrics": list(metrics),
        "month_from": month_from,
        "month_to": month_to,
        "synthetic": synthetic,
    }
    return db.query("monthly", params)


@versioned
def umkm_monthly(
    version: str,
    regions: tuple[str, ...],
    month_from: dt.date = FIRST_MONTH,
    month_to: dt.date = LAST_MONTH,
    synthetic: bool = True,
) -> pd.DataFrame:
    params = {
        "regions": list(regions),
        "month_from": month_from,
        "month_to": month_to,
        "synthetic": synthetic,
    }
    # the small-cell rule, once, for every page and download that shows a register count
    family = privacy.suppress_register(db.query("umkm_monthly", params))
    return family[family["wanted"]].drop(columns="wanted").reset_index(drop=True)


@versioned
def events(version: str, region: str) -> pd.DataFrame:
    return db.query("events", {"region": region})


@versioned
def build_info(version: str) -> pd.DataFrame:
    return db.query("build_info")


def headline(region: str, synthetic: bool = True) -> pd.DataFrame:
    """One row per headline card. The headline is real: the latest real report of the card's
    measure, with its unit, as-of date, qualifier and source, or nothing ("belum ada angka").
    Where there is no real figure and demo data is shown, the card's demo value comes in the
    `demo_*` columns, for a secondary line that is badged, never for the headline."""
    reported_metrics = tuple(m for card in HEADLINE for m in card.reported) + (COMBINED,)
    real = latest_reported(region, reported_metrics).set_index("metric")
    labour = monthly(
        (region,),
        tuple(c.fallback[1] for c in HEADLINE if c.fallback[0] == "monthly"),
        synthetic=synthetic,
    )
    umkm = umkm_monthly((region,), synthetic=synthetic)
    rows = []
    for card in HEADLINE:
        found = next((m for m in card.reported if m in real.index), None)
        row = {"card": card.key, **EMPTY_CARD}
        if found:
            r = real.loc[found]
            row.update(
                metric=found,
                label_id=r.label_id,
                value=r.value,
                unit=r.unit,
                qualifier=r.qualifier,
                as_of=pd.Timestamp(r.ref_date).date(),
                date_precision=r.date_precision,
                outlet=r.outlet,
                url=r.url,
                statement_by=r.statement_by,
                also_cited=r.also_cited if isinstance(r.also_cited, str) else None,
                undated_value=r.undated_value,
                undated_qualifier=r.undated_qualifier,
                undated_date=r.undated_date,
                undated_outlet=r.undated_outlet,
                conflict=bool(r.conflict),
            )
            if found in COMBINED_PARTS and COMBINED in real.index:
                newer = real.loc[COMBINED]
                if pd.Timestamp(newer.ref_date) > pd.Timestamp(r.ref_date):
                    # a later total of both parts says more than this part's older figure
                    row.update(
                        newer_label=newer.label_id,
                        newer_value=newer.value,
                        newer_qualifier=newer.qualifier,
                        newer_date=pd.Timestamp(newer.ref_date).date(),
                        newer_precision=newer.date_precision,
                    )
        fallback = _fallback(card.fallback, labour, umkm)
        if not found and fallback["value"] is not None and not fallback["synthetic"]:
            row.update(fallback)  # a real figure of the monthly mart (e.g. a sum of all children)
        elif not found and fallback["value"] is not None:
            row.update({f"demo_{k}": v for k, v in fallback.items() if f"demo_{k}" in DEMO_COLUMNS})
        rows.append(row)
    return pd.DataFrame(rows)


EMPTY_CARD = {
    "metric": None,
    "label_id": None,
    "value": None,
    "unit": None,
    "qualifier": None,
    "as_of": None,
    "date_precision": None,
    "outlet": None,
    "url": None,
    "statement_by": None,
    "also_cited": None,
    "undated_value": None,
    "undated_qualifier": None,
    "undated_date": None,
    "undated_outlet": None,
    "synthetic": False,
    "conflict": False,
    "newer_label": None,
    "newer_value": None,
    "newer_qualifier": None,
    "newer_date": None,
    "newer_precision": None,
    "demo_value": None,
    "demo_unit": None,
    "demo_qualifier": None,
    "demo_as_of": None,
    "demo_date_precision": None,
}
DEMO_COLUMNS = ("demo_value", "demo_unit", "demo_qualifier", "demo_as_of", "demo_date_precision")


def _fallback(spec: tuple[str, str], labour: pd.DataFrame, umkm: pd.DataFrame) -> dict:
    """The latest month of a mart, for a card with no real report (may be synthetic)."""
    empty = {"value": None, "synthetic": False}
    table, column = spec
    if table == "monthly":
        series = labour[labour.metric == column]
        if series.empty:
            return empty
        r = series.iloc[-1]
        return {
            "metric": column,
            "label_id": r.metric_label,
            "value": r.value,
            "unit": r.unit,
            "qualifier": r.qualifier,
            "as_of": pd.Timestamp(r.as_of_date).date(),
            "date_precision": r.date_precision,
            "outlet": r.sources,
            "synthetic": bool(r.synthetic),
        }
    if umkm.empty or pd.isna(umkm.iloc[-1][column]):
        return empty
    r = umkm.iloc[-1]
    month_end = (pd.Timestamp(r.month) + pd.offsets.MonthEnd(0)).date()
    return {
        "metric": column,
        "value": r[column],
        "unit": UMKM_UNITS[column],
        "qualifier": "exact",
        "as_of": month_end,
        "date_precision": "month",
        "outlet": r.sources,
        "synthetic": bool(r.synthetic),
    }


@versioned
def metric_catalogue(version: str) -> pd.DataFrame:
    return db.query("metrics")


@versioned
def revisions(version: str) -> pd.DataFrame:
    return db.query("revisions")


@versioned
def conflicts(
    version: str, regions: tuple[str, ...], date_from: dt.date, date_to: dt.date
) -> pd.DataFrame:
    return db.query(
        "conflicts", {"regions": list(regions), "date_from": date_from, "date_to": date_to}
    )


@versioned
def synthetic_coverage(version: str) -> pd.DataFrame:
    return db.query("synthetic_coverage")


@versioned
def sources(version: str) -> pd.DataFrame:
    return db.query("sources")


@versioned
def source_files(version: str) -> pd.DataFrame:
    return db.query("source_files")


@versioned
def rejected(version: str) -> pd.DataFrame:
    return db.query("rejected")


@versioned
def load_warnings(version: str) -> pd.DataFrame:
    return db.query("load_warnings")
