"""Filters kept in the URL: a copied link reopens the same view.

Each filter is seeded from the query string the first time a session renders it, then written back
on every run. Values in the URL are codes (`level=district`, `areas_district=36.71.05`,
`dari=2020-03`), never translated labels, so a link works in either language. A value that is not
one of the filter's options is dropped for the default, never raised on.
"""

import datetime as dt

import pandas as pd
import streamlit as st

from analytics import queries
from ui.i18n import t

LEVELS = ("province", "regency", "district")
# what a planner most likely wants first at each level
DEFAULT_AREAS = {"province": ["36"], "regency": ["36.71", "36.03", "36.04", "36.74"]}


def _seed(key: str, options: list[str], default, multi: bool = False) -> None:
    """Put the URL's value (or the default) into the session, once, before the widget is drawn."""
    if key in st.session_state:
        return
    raw = st.query_params.get_all(key)
    if multi:
        chosen = [v for v in dict.fromkeys(raw) if v in options]
        st.session_state[key] = chosen if chosen else list(default)
    else:
        st.session_state[key] = raw[0] if raw and raw[0] in options else default


def _publish(key: str, value, default) -> None:
    """Mirror the widget's value into the URL; a default value leaves the URL clean."""
    if value == default:
        st.query_params.pop(key, None)
    else:
        st.query_params[key] = value


def _select(
    label: str, options: list[str], default: str, key: str, labels=None, widget=st.selectbox, **kw
):
    _seed(key, options, default)
    value = widget(label, options, format_func=lambda v: (labels or {}).get(v, v), key=key, **kw)
    _publish(key, value, default)
    return value


def months() -> list[str]:
    return [
        m.strftime("%Y-%m")
        for m in pd.date_range(queries.FIRST_MONTH, queries.LAST_MONTH, freq="MS")
    ]


def level(key: str = "level") -> str:
    labels = {v: t(f"level.{v}") for v in LEVELS}
    return _select(
        t("filter.level"), list(LEVELS), "province", key, labels, st.radio, horizontal=True
    )


def areas(level_code: str, key: str = "areas") -> list[str]:
    regions = queries.regions()
    if level_code == "district":
        # the kecamatan Pulih knows are those of Kota Tangerang
        regions = regions[regions.parent_code == "36.71"]
    options = regions[regions.level == level_code]
    names = dict(zip(options.code, options.name, strict=True))
    default = [c for c in DEFAULT_AREAS.get(level_code, list(names)) if c in names]
    key = f"{key}_{level_code}"  # one URL key per level: switching level keeps each choice
    _seed(key, list(names), default, multi=True)
    chosen = st.multiselect(
        t("filter.areas"), list(names), format_func=lambda c: names.get(c, c), key=key
    )
    _publish(key, chosen, default)
    return chosen


def period(from_key: str = "dari", to_key: str = "sampai") -> tuple[dt.date, dt.date]:
    options = months()
    left, right = st.columns(2)
    with left:
        start = _select(t("filter.from"), options, options[0], from_key)
    with right:
        end = _select(t("filter.to"), options, options[-1], to_key)
    if start > end:
        st.info(t("filter.period_swapped"))
        start, end = end, start
    return dt.date.fromisoformat(start + "-01"), dt.date.fromisoformat(end + "-01")


def choice(label_key: str, options: dict[str, str], key: str, default: str | None = None) -> str:
    """A selectbox over codes, shown by their labels, with the code in the URL."""
    codes = list(options)
    return _select(t(label_key), codes, default or codes[0], key, options)


def multichoice(label_key: str, options: dict[str, str], key: str, default: list[str]) -> list[str]:
    codes = list(options)
    _seed(key, codes, default, multi=True)
    chosen = st.multiselect(t(label_key), codes, format_func=lambda c: options.get(c, c), key=key)
    _publish(key, chosen, list(default))
    return chosen


def toggle(label_key: str, key: str, default: bool = False) -> bool:
    if key not in st.session_state:
        raw = st.query_params.get(key)
        st.session_state[key] = {"true": True, "false": False}.get(raw, default)
    value = st.toggle(t(label_key), key=key)
    _publish(key, "true" if value else "false", "true" if default else "false")
    return value


def events_scope(level_code: str) -> str:
    """Which region's policy periods to shade: the city for its kecamatan, else the province."""
    return "36.71" if level_code == "district" else "36"
