"""Filters kept in the URL: a copied link reopens the same view.

Each filter is seeded from the query string the first time a session renders it, then written back
on every run. Values in the URL are codes (`level=district`, `areas_district=36.71.05`,
`dari=2020-03`), never translated labels, so a link works in either language. A value that is not
one of the filter's options falls back to the default, never raises, and is named in a notice at
the top of the page (`url_notices()`), so a stale link does not silently show something else.
"""

import datetime as dt
import re

import streamlit as st

from analytics.months import between
from ui import labels as labels_
from ui.i18n import t

LEVELS = ("province", "regency", "district")
NOTICES = "_url_notices"
# what a planner most likely wants first at each level
DEFAULT_AREAS = {"province": ["36"], "regency": ["36.71", "36.03", "36.04", "36.74"]}


def _seed(key: str, options: list[str], default, multi: bool = False) -> None:
    """Put the URL's value (or the default) into the session, once, before the widget is drawn."""
    if key in st.session_state:
        return
    raw = st.query_params.get_all(key)
    unknown = [v for v in raw if v not in options and v != ""]
    if unknown:
        st.session_state.setdefault(NOTICES, []).append((key, unknown))
    if multi:
        chosen = [v for v in dict.fromkeys(raw) if v in options]
        st.session_state[key] = chosen if chosen else list(default)
    else:
        st.session_state[key] = raw[0] if raw and raw[0] in options else default


def url_notices() -> None:
    """Name every value from the link that was not understood, and what is shown instead."""
    for key, values in st.session_state.pop(NOTICES, []):
        # what a stranger typed is shown as code (never markdown or a link), cut short
        shown = ", ".join(_as_code(v) for v in values[:5])
        st.warning(t("url.unknown", param=_as_code(key), values=shown), icon=":material/link_off:")


def _as_code(value: str, limit: int = 40) -> str:
    value = " ".join(str(value).split()).replace("`", "'")
    return f"`{value[: limit - 1] + '…' if len(value) > limit else value}`"


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


def months(repo) -> list[str]:
    """The months of the marts' horizon (as the build recorded it), as YYYY-MM codes."""
    return [f"{m:%Y-%m}" for m in between(*repo.horizon())]


def level(key: str = "level") -> str:
    labels = {v: t(labels_.LEVELS[v]) for v in LEVELS}
    # Banten's kabupaten/kota first: the province alone is one marker, nothing to compare
    return _select(
        t("filter.level"), list(LEVELS), "regency", key, labels, st.radio, horizontal=True
    )


def areas(repo, level_code: str, parent: str | None = None, key: str = "areas") -> list[str]:
    regions = repo.regions()
    if parent is not None:
        regions = regions[regions.parent_code == parent]
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


def period(repo, from_key: str = "dari", to_key: str = "sampai") -> tuple[dt.date, dt.date]:
    options = months(repo)
    left, right = st.columns(2)
    with left:
        start = _select(t("filter.from"), options, options[0], from_key)
    with right:
        end = _select(t("filter.to"), options, options[-1], to_key)
    if start > end:
        st.info(t("filter.period_swapped"))
        start, end = end, start
    return dt.date.fromisoformat(start + "-01"), dt.date.fromisoformat(end + "-01")


def choice(label: str, options: dict[str, str], key: str, default: str | None = None) -> str:
    """A selectbox over codes, shown by their labels, with the code in the URL."""
    codes = list(options)
    return _select(label, codes, default or codes[0], key, options)


def multichoice(
    label: str, options: dict[str, str], key: str, default: list[str], most: int | None = None
) -> list[str]:
    codes = list(options)
    _seed(key, codes, default, multi=True)
    if most and len(st.session_state[key]) > most:
        st.session_state[key] = st.session_state[key][:most]
    chosen = st.multiselect(
        label, codes, format_func=lambda c: options.get(c, c), key=key, max_selections=most
    )
    _publish(key, chosen, list(default))
    return chosen


def toggle(label: str, key: str, default: bool = False) -> bool:
    if key not in st.session_state:
        raw = st.query_params.get(key)
        st.session_state[key] = {"true": True, "false": False}.get(raw or "", default)
    value = st.toggle(label, key=key)
    _publish(key, "true" if value else "false", "true" if default else "false")
    return value


DEMO_KEY = "contoh"


def demo_switch() -> bool:
    """The sidebar switch that shows or hides every synthetic (demo) figure, on every page and in
    every download. In the URL as `contoh=0` (hidden) or absent (shown, the default)."""
    if DEMO_KEY not in st.session_state:
        raw = st.query_params.get(DEMO_KEY)
        if raw is not None and raw not in ("0", "1"):
            st.session_state.setdefault(NOTICES, []).append((DEMO_KEY, [raw]))
        st.session_state[DEMO_KEY] = raw != "0"
    value = st.toggle(t("demo.switch"), key=DEMO_KEY, help=t("demo.switch_help"))
    _publish(DEMO_KEY, "1" if value else "0", "1")
    return value


def demo() -> bool:
    """Whether synthetic demo figures are shown (the sidebar switch; on unless turned off)."""
    return bool(st.session_state.get(DEMO_KEY, True))


def scope(repo, level_code: str, key: str = "induk") -> str | None:
    """The area whose children are compared: the province for kabupaten/kota, a kabupaten/kota
    (Kota Tangerang by default) for kecamatan; None at the province level."""
    if level_code == "province":
        return None
    if level_code == "regency":
        return "36"
    return district_parent(repo, key)


def district_parent(repo, key: str = "induk") -> str:
    """The kabupaten/kota whose kecamatan are compared (Kota Tangerang by default), in the URL."""
    regions = repo.regions()
    parents = sorted(set(regions[regions.level == "district"].parent_code))
    _seed(key, parents, "36.71")
    if st.session_state[key] not in parents:
        st.session_state[key] = "36.71"
    _publish(key, st.session_state[key], "36.71")
    return st.session_state[key]


def lag(key: str = "lag", maximum: int = 12) -> int:
    if key not in st.session_state:
        raw = st.query_params.get(key)
        # digits 0-9 only: "²".isdigit() is True, and int("²") raises
        value = 0
        if raw is not None:
            if re.fullmatch(r"[0-9]{1,2}", raw) and int(raw) <= maximum:
                value = int(raw)
            else:
                st.session_state.setdefault(NOTICES, []).append((key, [raw]))
        st.session_state[key] = value
    value = st.slider(t("filter.lag"), 0, maximum, key=key)
    _publish(key, str(value), "0")
    return value
