"""Filters kept in the URL and per page: a copied link reopens the same view, and a page left
and opened again shows the filters it had.

Each filter is seeded before its widget is drawn (_seed: the widget's own state, else the link,
else the page's last value, else the default), then written back to the URL and the page's memory
on every run. Values in the URL are codes (`level=district`, `areas_district=36.71.05`,
`dari=2020-03`), never translated labels, so a link works in either language. A value that is not
one of the filter's options falls back to the default, never raises, and is named in a notice at
the top of the page (`url_notices()`), so a stale link does not silently show something else.
"""

import datetime as dt
import re

import streamlit as st

from analytics.months import between
from ui import fmt, language
from ui import labels as labels_
from ui.i18n import t

LEVELS = ("province", "regency", "district")
NOTICES = "_url_notices"
# what a planner most likely wants first at each level
DEFAULT_AREAS = {"province": ["36"], "regency": ["36.71", "36.03", "36.04", "36.74"]}


PAGE = "_page"  # the page this script run draws (set by the router, ui/router.py)
KEPT = "_kept"  # page -> {filter key: its last value on that page}
OWNER = "_owner"  # filter key -> the page whose widget last held it


EVERY_PAGE = "*"  # the owner of a filter every page shares (the sidebar's)


def current_page() -> str:
    return st.session_state.get(PAGE, "")


def _kept(page: str | None = None) -> dict:
    return st.session_state.setdefault(KEPT, {}).setdefault(page or current_page(), {})


def _notice(key: str, values: list[str]) -> None:
    st.session_state.setdefault(NOTICES, []).append((key, values))


def _seed(key: str, from_url, default, valid, page: str | None = None) -> None:
    """Put the filter's value into the session before its widget is drawn: the widget's own value
    from this page's last run if there is one; else the URL's (a link opened, `from_url` turns its
    raw values into one, or None and a notice for what it does not know); else the value this page
    last had (Streamlit forgets the state of a widget the moment a run does not draw it, and a
    page change clears the URL: without this, a page visited in between wipes the filters); else
    the default. Pages share widget keys ("level", "ukuran"), so a value is this page's only if
    this page's widget held it last (OWNER). `page`: EVERY_PAGE for a filter all pages share."""
    owners = st.session_state.setdefault(OWNER, {})
    here = page or current_page()
    if key in st.session_state and owners.get(key) == here and valid(st.session_state[key]):
        return
    raw = st.query_params.get_all(key)
    value = from_url(raw) if raw else None
    if value is None:
        kept = _kept(here).get(key)
        value = kept if kept is not None and valid(kept) else default
    st.session_state[key] = value
    owners[key] = here


def _one_of(key: str, options: list[str]):
    """from_url for a single choice: the first value if it is an option, else a notice."""

    def parse(raw: list[str]):
        if raw[0] in options:
            return raw[0]
        _notice(key, raw[:1])
        return None

    return parse


def _some_of(key: str, options: list[str]):
    """from_url for a multiple choice: the known values (an empty `key=` is an empty choice); the
    unknown ones in a notice; None when nothing known is left."""

    def parse(raw: list[str]):
        unknown = [v for v in raw if v not in options and v != ""]
        if unknown:
            _notice(key, unknown)
        chosen = [v for v in dict.fromkeys(raw) if v in options]
        return chosen if chosen or raw == [""] else None

    return parse


def _subset_of(options) -> object:
    """valid for a multiple choice: a list of options."""
    return lambda v: isinstance(v, list) and set(v) <= set(options)


def preset(page: str, key: str, value) -> None:
    """Open `page` with a filter set (a jump from another page, a drill), as if chosen there."""
    st.session_state[key] = value
    st.session_state.setdefault(OWNER, {})[key] = page
    _kept(page)[key] = value


def forget(key: str) -> None:
    """Back to the filter's default on this page (a drill opens a level on its default areas):
    out of the session, the page's memory and the URL, so the link's old value is not read again
    (and named as unknown, when it was another parent's area)."""
    st.session_state.pop(key, None)
    _kept().pop(key, None)
    st.query_params.pop(key, None)


def url_notices() -> None:
    """Name every value from the link that was not understood, and what is shown instead."""
    for key, values in st.session_state.pop(NOTICES, []):
        # what a stranger typed is shown as code (never markdown or a link), cut short
        shown = ", ".join(_as_code(v) for v in values[:5])
        st.warning(t("url.unknown", param=_as_code(key), values=shown), icon=":material/link_off:")


def _as_code(value: str, limit: int = 40) -> str:
    value = " ".join(str(value).split()).replace("`", "'")
    return f"`{value[: limit - 1] + '…' if len(value) > limit else value}`"


def _publish(key: str, value, default, page: str | None = None, as_text=None) -> None:
    """Keep the widget's value for this page and mirror it into the URL (`as_text` writes a value
    that is not text); a default value leaves the URL clean, an empty multiple choice is `key=`."""
    _kept(page)[key] = value
    if value == default:
        st.query_params.pop(key, None)
    else:
        st.query_params[key] = as_text(value) if as_text else value if value != [] else ""


def _select(
    label: str, options: list[str], default: str, key: str, labels=None, widget=st.selectbox, **kw
):
    _seed(key, _one_of(key, options), default, lambda v: v in options)
    if widget is st.selectbox:
        kw.setdefault("placeholder", language.placeholder())
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
    # the level's usual first areas where they are options, else every child of the parent
    default = [c for c in DEFAULT_AREAS.get(level_code, []) if c in names] or list(names)
    key = f"{key}_{level_code}"  # one URL key per level: switching level keeps each choice
    _seed(key, _some_of(key, list(names)), default, _subset_of(names))
    chosen = st.multiselect(
        t("filter.areas"),
        list(names),
        format_func=lambda c: names.get(c, c),
        key=key,
        placeholder=language.placeholder(),
    )
    _publish(key, chosen, default)
    return chosen


def period(repo, from_key: str = "dari", to_key: str = "sampai") -> tuple[dt.date, dt.date]:
    options = months(repo)
    # the URL keeps the code (dari=2020-03), the reader sees the month ("Maret 2020")
    names = {m: fmt.month(m + "-01") for m in options}
    left, right = st.columns(2)
    with left:
        start = _select(t("filter.from"), options, options[0], from_key, names)
    with right:
        end = _select(t("filter.to"), options, options[-1], to_key, names)
    if start > end:
        st.info(t("filter.period_swapped"))
        start, end = end, start
    return dt.date.fromisoformat(start + "-01"), dt.date.fromisoformat(end + "-01")


def choice(label: str, options: dict[str, str], key: str, default: str | None = None) -> str:
    """A selectbox over codes, shown by their labels, with the code in the URL."""
    codes = list(options)
    return _select(label, codes, default or codes[0], key, options)


def segments(label: str, options: dict[str, str], key: str, default: str | None = None) -> str:
    """One of a few parts of a page as a row of buttons that always has one chosen, the code in
    the URL: a tab bar whose tab a link and a return to the page reopen. Unlike st.tabs, whose
    every tab is built on every run, the page draws only the part chosen."""
    codes = list(options)
    return _select(
        label, codes, default or codes[0], key, options, st.segmented_control, required=True
    )


def multichoice(
    label: str, options: dict[str, str], key: str, default: list[str], most: int | None = None
) -> list[str]:
    codes = list(options)
    _seed(key, _some_of(key, codes), list(default), _subset_of(codes))
    if most and len(st.session_state[key]) > most:
        st.session_state[key] = st.session_state[key][:most]
    chosen = st.multiselect(
        label,
        codes,
        format_func=lambda c: options.get(c, c),
        key=key,
        max_selections=most,
        placeholder=language.placeholder(),
    )
    _publish(key, chosen, list(default))
    return chosen


def _flag(key: str, words: dict[str, bool]):
    """from_url for an on/off filter written as one of `words`."""

    def parse(raw: list[str]):
        if raw[0] in words:
            return words[raw[0]]
        _notice(key, raw[:1])
        return None

    return parse


def toggle(label: str, key: str, default: bool = False) -> bool:
    words = {"true": True, "false": False}
    _seed(key, _flag(key, words), default, lambda v: isinstance(v, bool))
    value = st.toggle(label, key=key)
    _publish(key, value, default, as_text=lambda v: "true" if v else "false")
    return value


DEMO_KEY = "contoh"


def demo_switch() -> bool:
    """The sidebar switch that shows or hides every synthetic (demo) figure, on every page and in
    every download. In the URL as `contoh=0` (hidden) or absent (shown, the default)."""
    words = {"1": True, "0": False}
    _seed(DEMO_KEY, _flag(DEMO_KEY, words), True, lambda v: isinstance(v, bool), EVERY_PAGE)
    value = st.toggle(t("demo.switch"), key=DEMO_KEY, help=t("demo.switch_help"))
    _publish(DEMO_KEY, value, True, EVERY_PAGE, as_text=lambda v: "1" if v else "0")
    return value


def demo() -> bool:
    """Whether synthetic demo figures are shown (the sidebar switch; on unless turned off)."""
    return bool(st.session_state.get(DEMO_KEY, True))


PROVINCE = "provinsi"
DEFAULT_PROVINCE = "36"
DEFAULT_REGENCY = "36.71"


def scope(repo, level_code: str, key: str = "induk") -> str | None:
    """The area whose children are compared: a province (Banten by default) for kabupaten/kota, a
    kabupaten/kota (Kota Tangerang by default) for kecamatan; None at the province level. Each is
    picked among its parent's children only, so a list never holds the whole country."""
    if level_code == "province":
        return None
    if level_code == "regency":
        return province(repo)
    return district_parent(repo, key)


def _name_of(regions) -> dict[str, str]:
    return dict(zip(regions.code, regions.name, strict=True))


def _with_children(regions, level_code: str):
    """The regions that have children at `level_code`."""
    return regions[regions.code.isin(set(regions[regions.level == level_code].parent_code))]


def province(repo, key: str = PROVINCE) -> str:
    """The province whose kabupaten/kota are compared, in the URL (`provinsi=32`)."""
    regions = repo.regions()
    options = sorted(_with_children(regions, "regency").code)
    default = DEFAULT_PROVINCE if DEFAULT_PROVINCE in options else options[0]
    return _select(
        t("filter.province"),
        options,
        default,
        key,
        _name_of(regions),
        on_change=forget,
        args=("areas_regency",),  # another province: its own kabupaten/kota
    )


def district_parent(repo, key: str = "induk") -> str:
    """The kabupaten/kota whose kecamatan are compared (Kota Tangerang by default), in the URL
    (`induk=36.71`), picked in two steps that stay short at national scale: its province (the
    chosen kabupaten/kota's, so a link or a drill sets it), then a kabupaten/kota of it."""
    regions = repo.regions()
    regencies = _with_children(regions, "district")
    codes = list(regencies.code)
    default = DEFAULT_REGENCY if DEFAULT_REGENCY in codes else codes[0]
    _seed(key, _one_of(key, codes), default, lambda v: v in codes)
    province_of = dict(zip(regencies.code, regencies.parent_code, strict=True))
    firsts = regencies.groupby("parent_code").code.min().to_dict()
    provinces = sorted(firsts)
    preset(current_page(), PROVINCE, province_of[st.session_state[key]])
    names = _name_of(regions)
    chosen_province = _select(
        t("filter.province"),
        provinces,
        province_of[default],
        PROVINCE,
        names,
        on_change=_first_regency,
        args=(key, firsts),
    )
    in_province = [c for c in codes if province_of[c] == chosen_province]
    return _select(
        t("filter.regency"),
        in_province,
        default,
        key,
        names,
        on_change=forget,
        args=("areas_district",),  # another kabupaten/kota: its own kecamatan
    )


def _first_regency(key: str, firsts: dict[str, str]) -> None:
    """Another province chosen above the kabupaten/kota: its first kabupaten/kota, on its default
    kecamatan (a callback: before the widgets are drawn again)."""
    preset(current_page(), key, firsts[st.session_state[PROVINCE]])
    forget("areas_district")


def lag(key: str = "lag", maximum: int = 12) -> int:
    def parse(raw: list[str]):
        # digits 0-9 only: "²".isdigit() is True, and int("²") raises
        if re.fullmatch(r"[0-9]{1,2}", raw[0]) and int(raw[0]) <= maximum:
            return int(raw[0])
        _notice(key, raw[:1])
        return None

    _seed(key, parse, 0, lambda v: isinstance(v, int) and 0 <= v <= maximum)
    value = st.slider(t("filter.lag"), 0, maximum, key=key)
    _publish(key, value, 0, as_text=str)
    return value
