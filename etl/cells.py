"""Stage 3, parse cells: one cell as Indonesian agencies write it -> a number and its qualifier,
a date and its precision, a choice or a truth value. A bad cell raises CellError with the fix.

Numbers: "17.298" (dot groups thousands), "1.234,5" (comma is the decimal mark), "8.52" (a dot
not followed by groups of three is a decimal point, as our own files write), "4 ribu", "2,5 juta",
"±19.000", "> 30.000", "4 ribu lebih". A sign or word of approximation becomes the qualifier, and
so does rounding: "661 ribu" or "6,21 juta" (fewer digits than the scale word has zeros) is
approximate.
"-", blank and "n/a" mean missing, never zero.
Dates: "20/05/2020", "20-05-2020", "20 Mei 2020", "Mei 2020" (month precision), ISO "2020-05-20"
and "2020-05", Excel serial numbers, and dates typed as dates in a spreadsheet.
"""

import datetime as dt
import math
import re

from warehouse import reasons

MISSING = frozenset({"", "-", "–", "—", "n/a", "na", "n.a.", "#n/a", "tidak ada data", "tad", "?"})

QUALIFIERS = ("exact", "approx", "at_least", "more_than")

# words and signs that qualify a figure; checked in this order, longest first
_QUALIFIER_WORDS = (
    ("kurang lebih", "approx"),
    ("lebih dari", "more_than"),
    ("setidaknya", "at_least"),
    ("sedikitnya", "at_least"),
    ("minimal", "at_least"),
    ("sekitar", "approx"),
    ("kira-kira", "approx"),
    ("+/-", "approx"),
    ("±", "approx"),
    ("~", "approx"),
    (">=", "at_least"),
    ("≥", "at_least"),
    (">", "more_than"),
)
_SCALES = {"ribu": 1e3, "rb": 1e3, "juta": 1e6, "jt": 1e6, "miliar": 1e9, "milyar": 1e9}

MONTHS = {
    "januari": 1, "jan": 1, "january": 1, "februari": 2, "feb": 2, "pebruari": 2, "february": 2,
    "maret": 3, "mar": 3, "march": 3, "april": 4, "apr": 4, "mei": 5, "may": 5, "juni": 6,
    "jun": 6, "june": 6, "juli": 7, "jul": 7, "july": 7, "agustus": 8, "agu": 8, "agt": 8,
    "ags": 8, "aug": 8, "august": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10,
    "okt": 10, "oct": 10, "october": 10, "november": 11, "nov": 11, "nopember": 11,
    "desember": 12, "des": 12, "dec": 12, "december": 12,
}  # fmt: skip

EXCEL_EPOCH = dt.date(1899, 12, 30)


class CellError(ValueError):
    """A cell that cannot be read; its reason (warehouse/reasons.py) says how to fix it."""

    def __init__(self, reason: reasons.Reason):
        super().__init__(reason)
        self.reason = reason


def _ascii_digits(raw) -> None:
    """Digits other than 0-9 (Arabic-Indic, full-width, ...) are refused, never read as numbers:
    Python would read '\u0661\u0662' as 12, but no agency types it and a spreadsheet does not
    compute with it."""
    if isinstance(raw, str) and any(c.isdigit() and not c.isascii() for c in raw):
        odd = next(c for c in raw if c.isdigit() and not c.isascii())
        raise CellError(
            reasons.reason(reasons.ODD_DIGIT, raw=raw, digit=odd, code=f"{ord(odd):04X}")
        )


def is_missing(raw) -> bool:
    return raw is None or (isinstance(raw, str) and raw.strip().lower() in MISSING)


def _plain_number(text: str) -> float:
    """Digits with Indonesian or plain separators -> float."""
    text = text.replace(" ", "").replace("\u00a0", "")
    if re.fullmatch(r"[0-9]{1,3}(\.[0-9]{3})+(,[0-9]+)?", text):  # 17.298 / 1.234,5
        return float(text.replace(".", "").replace(",", "."))
    if re.fullmatch(r"[0-9]+,[0-9]+", text):  # 2,5 / 8,52
        return float(text.replace(",", "."))
    if re.fullmatch(r"[0-9]+(\.[0-9]+)?", text):  # 17298 / 8.52
        return float(text)
    raise ValueError(text)


def _rounded(digits: str, scale: float) -> bool:
    """Whether a figure written with a scale word is rounded: "661 ribu" and "6,21 juta" give
    fewer digits than the scale has zeros (so they are approximate); "17,298 ribu" gives all."""
    decimals = re.search(r"[.,](\d+)$", digits.replace(" ", ""))
    given = (
        len(decimals.group(1)) if decimals and not re.fullmatch(r"\d{1,3}(\.\d{3})+", digits) else 0
    )
    return given < round(math.log10(scale))


def _finite(value: float, raw) -> float:
    """'9' typed 400 times is 1e400 to Python: infinity, which no export can write."""
    if not math.isfinite(value):
        text = str(raw)
        shown = (
            text
            if len(text) <= 20
            else reasons.reason(reasons.CUT_SHORT, start=text[:12], length=len(text))
        )
        raise CellError(reasons.reason(reasons.TOO_LARGE, raw=shown))
    return value


def quantity(raw) -> tuple[float, str]:
    """A reported figure -> (value, qualifier). Raises CellError; callers check is_missing first."""
    if isinstance(raw, bool):
        raise CellError(reasons.reason(reasons.NOT_NUMBER_PLAIN, raw=str(raw)))
    if isinstance(raw, int | float):
        if raw != raw or raw in (float("inf"), float("-inf")):
            raise CellError(reasons.reason(reasons.NOT_FINITE, raw=str(raw)))
        return float(raw), "exact"
    _ascii_digits(raw)
    text = " ".join(str(raw).strip().lower().split())
    qualifier = "exact"
    for word, meaning in _QUALIFIER_WORDS:
        if text.startswith(word):
            qualifier, text = meaning, text[len(word) :].strip()
            break
    if text.startswith("<"):
        raise CellError(reasons.reason(reasons.UPPER_BOUND, raw=str(raw)))
    scale = 1.0
    match = re.fullmatch(r"(.+?)\s*(ribu|rb|juta|jt|miliar|milyar)(an)?(\s+lebih)?", text)
    if match:
        text, scale = match.group(1), _SCALES[match.group(2)]
        if match.group(3) or (qualifier == "exact" and _rounded(text, scale)):
            qualifier = "approx"  # "19 ribuan"; "661 ribu" is 661.000 rounded to the thousand
        if match.group(4):
            qualifier = "at_least"
    elif text.endswith(" lebih"):
        text, qualifier = text[: -len(" lebih")], "at_least"
    try:
        value = _plain_number(text) * scale
    except ValueError:
        raise CellError(reasons.reason(reasons.NOT_NUMBER, raw=str(raw))) from None
    return _finite(value, raw), qualifier


def number(raw) -> float:
    """A plain number where no qualifier is allowed (population, area, coordinates)."""
    _ascii_digits(raw)
    if isinstance(raw, str) and re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", raw.strip()):
        return _finite(float(raw), raw)  # coordinates and our own files: dot decimals, may be < 0
    value, qualifier = quantity(raw)
    if qualifier != "exact":
        raise CellError(reasons.reason(reasons.NOT_EXACT, raw=str(raw)))
    return value


def integer(raw) -> int:
    value = number(raw)
    if value != int(value):
        raise CellError(reasons.reason(reasons.NOT_WHOLE, raw=str(raw)))
    return int(value)


def date_with_precision(raw) -> tuple[dt.date, str]:
    """Any of the date forms above -> (date, 'day' | 'month'). A month is its first day."""
    if isinstance(raw, dt.datetime):
        return raw.date(), "day"
    if isinstance(raw, dt.date):
        return raw, "day"
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return _excel_serial(raw, raw)
    _ascii_digits(raw)
    text = " ".join(str(raw).strip().lower().replace(",", " ").split())
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text):
            return dt.date(int(m[1]), int(m[2]), int(m[3])), "day"
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})", text):
            return dt.date(int(m[1]), int(m[2]), 1), "month"
        if m := re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text):  # day first, always
            return dt.date(int(m[3]), int(m[2]), int(m[1])), "day"
        if m := re.fullmatch(r"(\d{1,2}) ([a-z]+)\.? (\d{4})", text):
            return dt.date(int(m[3]), _month(m[2], raw), int(m[1])), "day"
        if m := re.fullmatch(r"([a-z]+)\.? (\d{4})", text):
            return dt.date(int(m[2]), _month(m[1], raw), 1), "month"
        if re.fullmatch(r"\d{5}(\.0+)?", text):
            return _excel_serial(float(text), raw)
    except CellError:
        raise
    except ValueError:
        raise CellError(reasons.reason(reasons.NOT_CALENDAR_DATE, raw=str(raw))) from None
    raise CellError(reasons.reason(reasons.NOT_DATE, raw=str(raw)))


def _month(name: str, raw) -> int:
    if name not in MONTHS:
        raise CellError(reasons.reason(reasons.NOT_MONTH, raw=str(raw), name=name))
    return MONTHS[name]


def _excel_serial(value: float, raw) -> tuple[dt.date, str]:
    if not 20000 <= value <= 80000:  # 1954 to 2119: anything else is not a date here
        raise CellError(reasons.reason(reasons.NUMBER_NOT_DATE, raw=str(raw)))
    return EXCEL_EPOCH + dt.timedelta(days=int(value)), "day"


def period_start(day: dt.date | None, precision: str | None) -> dt.date | None:
    """A date known only to its month (or year) is stored as the first day of that month (or
    year): never as a made-up day inside it, even when the file writes one (2020-04-30)."""
    if day is None or precision == "day":
        return day
    return day.replace(day=1) if precision == "month" else day.replace(month=1, day=1)


def date(raw) -> dt.date:
    value, precision = date_with_precision(raw)
    if precision != "day":
        raise CellError(reasons.reason(reasons.NEEDS_DAY, raw=str(raw)))
    return value


def choice(*allowed: str):
    def parse(raw) -> str:
        if raw not in allowed:
            raise CellError(
                reasons.reason(reasons.NOT_ONE_OF, raw=str(raw), allowed=reasons.joined(allowed))
            )
        return raw

    return parse


def boolean(raw) -> bool:
    text = str(raw).strip().lower()
    if text in ("true", "1", "yes", "ya"):
        return True
    if text in ("false", "0", "no", "tidak"):
        return False
    raise CellError(reasons.reason(reasons.NOT_BOOLEAN, raw=str(raw)))


def text(raw) -> str:
    return str(raw).strip()
