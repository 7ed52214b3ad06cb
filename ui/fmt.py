"""Numbers and dates as the user's language writes them, through Babel (never by hand).

Indonesian: 17.298 and 20 Mei 2020; English: 17,298 and 20 May 2020. A figure keeps its qualifier
("≥ 4.000", "± 19.000", "> 30.000") and is never shown more precisely than it was reported.
"""

import datetime as dt
import functools

import pandas as pd
from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

from ui import labels
from ui.i18n import lang, t

LOCALES = {"id": "id_ID", "en": "en_GB"}
QUALIFIER_SIGN = {"exact": "", "approx": "± ", "at_least": "≥ ", "more_than": "> "}


# Plotly's decimal mark and thousands separator, as Babel writes them: 17.298 / 17,298
SEPARATORS = {"id": ",.", "en": ".,"}


def separators() -> str:
    """The `separators` of a chart in the reader's language (charts take it in their text)."""
    return SEPARATORS[lang()]


def _locale() -> str:
    return LOCALES[lang()]


def babel_locale() -> str:
    """The reader's Babel locale, for text a chart builder formats itself (its axis ticks)."""
    return _locale()


def _missing(value) -> bool:
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


def number(value, qualifier: str | None = "exact", decimals: int | None = None) -> str:
    """17298 -> '17.298'; at_least 4000 -> '≥ 4.000'; keeps reported decimals (8.52 -> '8,52')."""
    if _missing(value):
        return "—"
    pattern = "#,##0" if decimals == 0 else "#,##0." + "#" * (decimals or 3)
    sign = QUALIFIER_SIGN.get(qualifier or "exact", "")
    return sign + format_decimal(value, format=pattern, locale=_locale())


def fixed(value, decimals: int = 2) -> str:
    """A statistic with a fixed number of decimals: 0.5 -> '0,50', -0.334 -> '-0,33'."""
    if _missing(value):
        return "—"
    return format_decimal(value, format="#,##0." + "0" * decimals, locale=_locale())


def percent(ratio, decimals: int = 1) -> str:
    if _missing(ratio):
        return "—"
    return format_percent(ratio, format="#,##0." + "0" * decimals + "%", locale=_locale())


# units whose figures stand without a word after them
UNITLESS = frozenset({"ratio"})


def unit(code: str | None) -> str:
    """The unit's word in the reader's language; a unit without a translation shows its code
    rather than nothing, so a new unit in metrics.csv is visible until it is named."""
    if code in UNITLESS:
        return ""
    return t(labels.UNITS[code]) if code in labels.UNITS else (code or "")


def tick(value: float, unit_code: str | None = None) -> str:
    """A tick on a scale (a map's colour bar): '0', '5.000', '2,5'; a ratio as '25%'. No unit
    word and no SI suffix ('18.9996k' is how Plotly would write it)."""
    if unit_code == "ratio":
        return format_percent(value, format="#,##0.#%", locale=_locale())
    return number(value)


def figure(value, qualifier: str | None, unit_code: str | None) -> str:
    """A number with its qualifier and unit: '≥ 4.000 pekerja', '8,52 %', '32,8%'."""
    if _missing(value):
        return "—"
    if unit_code == "ratio":
        return percent(value)
    if unit_code == "percent":
        return number(value, qualifier) + " %"
    return f"{number(value, qualifier)} {unit(unit_code)}".strip()


def date(value, precision: str | None = "day") -> str:
    """'20 Mei 2020' (day), 'Mei 2020' (month), '2020 (tanggal pasti tidak disebut)' (year)."""
    if _missing(value):
        return "—"
    value = pd.Timestamp(value).date()
    if precision == "year":
        return t("precision.year", year=value.year)
    return _date(value, "MMMM y" if precision == "month" else "d MMMM y", _locale())


@functools.lru_cache(maxsize=4096)
def _date(value: dt.date, pattern: str, locale: str) -> str:
    """Babel's date: a page writes the same few months and report dates on every row of a
    series (1.500 rows at 40 kecamatan), each asking Babel's pattern machinery again."""
    return format_date(value, pattern, locale=locale)


def month(value) -> str:
    return date(value, "month")
