"""Parsing one cell of an input file. A bad cell raises CellError with the reason and the fix."""

import datetime as dt
import re


class CellError(ValueError):
    pass


def number(raw: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        raise CellError(
            f"'{raw}' is not a number: write the figure in digits with a dot for decimals "
            "and no thousands separator, e.g. 17298 or 8.52"
        ) from None
    if value != value or value in (float("inf"), float("-inf")):
        raise CellError(f"'{raw}' is not a finite number")
    return value


def integer(raw: str) -> int:
    value = number(raw)
    if value != int(value):
        raise CellError(f"'{raw}' must be a whole number")
    return int(value)


_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")


def date_with_precision(raw: str) -> tuple[dt.date, str]:
    """'2020-05-20' -> (date, 'day'); '2020-08' -> (first of the month, 'month')."""
    try:
        if _DAY.match(raw):
            return dt.date.fromisoformat(raw), "day"
        if _MONTH.match(raw):
            return dt.date.fromisoformat(raw + "-01"), "month"
    except ValueError:
        raise CellError(f"'{raw}' is not a calendar date: check the day and month") from None
    raise CellError(
        f"'{raw}' is not a date: write YYYY-MM-DD (e.g. 2020-05-20) or YYYY-MM for a month"
    )


def date(raw: str) -> dt.date:
    value, precision = date_with_precision(raw)
    if precision != "day":
        raise CellError(f"'{raw}' needs a day: write YYYY-MM-DD, e.g. 2020-05-20")
    return value


def choice(*allowed: str):
    def parse(raw: str) -> str:
        if raw not in allowed:
            raise CellError(f"'{raw}' is not one of: {', '.join(allowed)}")
        return raw

    return parse


def boolean(raw: str) -> bool:
    if raw.lower() in ("true", "1", "yes", "ya"):
        return True
    if raw.lower() in ("false", "0", "no", "tidak"):
        return False
    raise CellError(f"'{raw}' is not true or false")


def text(raw: str) -> str:
    return raw
