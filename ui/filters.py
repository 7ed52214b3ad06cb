"""Filters bound to the URL (bind="query-params"): a copied link reopens the same view.

Streamlit drops a query value that is not one of a widget's options and falls back to the default,
so a stale or mistyped link never raises.
"""

import datetime as dt

import pandas as pd
import streamlit as st

from analytics import queries
from ui.i18n import t

LEVELS = ("province", "regency", "district")
# what a planner most likely wants first at each level
DEFAULT_AREAS = {
    "province": ["36"],
    "regency": ["36.71", "36.03", "36.04", "36.74"],
    "district": None,
}


def months() -> list[str]:
    return [
        m.strftime("%Y-%m")
        for m in pd.date_range(queries.FIRST_MONTH, queries.LAST_MONTH, freq="MS")
    ]


def level(key: str = "level") -> str:
    return st.radio(
        t("filter.level"),
        LEVELS,
        format_func=lambda v: t(f"level.{v}"),
        horizontal=True,
        key=key,
        bind="query-params",
    )


def areas(level_code: str, key: str = "areas") -> list[str]:
    regions = queries.regions()
    if level_code == "district":
        # the kecamatan Pulih knows are those of Kota Tangerang
        regions = regions[regions.parent_code == "36.71"]
    options = regions[regions.level == level_code]
    names = dict(zip(options.code, options.name, strict=True))
    default = DEFAULT_AREAS.get(level_code) or list(names)
    return st.multiselect(
        t("filter.areas"),
        list(names),
        default=[c for c in default if c in names],
        format_func=lambda c: names.get(c, c),
        key=f"{key}_{level_code}",  # one URL key per level: switching level keeps each choice
        bind="query-params",
    )


def period(from_key: str = "dari", to_key: str = "sampai") -> tuple[dt.date, dt.date]:
    options = months()
    left, right = st.columns(2)
    start = left.selectbox(t("filter.from"), options, index=0, key=from_key, bind="query-params")
    end = right.selectbox(
        t("filter.to"), options, index=len(options) - 1, key=to_key, bind="query-params"
    )
    if start > end:
        st.info(t("filter.period_swapped"))
        start, end = end, start
    return dt.date.fromisoformat(start + "-01"), dt.date.fromisoformat(end + "-01")


def choice(label_key: str, options: dict[str, str], key: str) -> str:
    """A selectbox over codes shown by their labels."""
    return st.selectbox(
        t(label_key),
        list(options),
        format_func=lambda c: options.get(c, c),
        key=key,
        bind="query-params",
    )


def toggle(label_key: str, key: str) -> bool:
    return st.toggle(t(label_key), key=key, bind="query-params")


def events_scope(level_code: str) -> str:
    """Which region's policy periods to shade: the city for its kecamatan, else the province."""
    return "36.71" if level_code == "district" else "36"
