"""How one cell of a display table reads: a missing text, a date or a range of dates, a yes/no,
who said a figure, a list of codes by their names (ui/tables.py, ui/source_tables.py)."""

import pandas as pd

from ui import fmt


def text(value) -> str:
    return value if isinstance(value, str) else "—"


def span(first, last) -> str:
    """The dates a source covers: "13 April 2020 – 26 Juli 2021", or one date when it is one."""
    start, end = fmt.date(first), fmt.date(last)
    return start if start == end else f"{start} – {end}"


def when(value) -> str:
    """A date as the reader writes it; a range ("2020-04-13/2021-07-26") as its two dates; any
    other text as it is."""
    if isinstance(value, str) and "/" in value:
        first, last = (when(part) for part in value.split("/", 1))
        return first if first == last else f"{first} – {last}"  # one day is one date
    try:
        return fmt.date(value)
    except (ValueError, TypeError):
        return text(value)


def yes(value) -> bool:
    """A yes/no column stays boolean: the grid draws a checkbox, the same in either language."""
    return bool(value) and not pd.isna(value)


def who(r) -> str:
    return (
        ", ".join(
            x
            for x in (getattr(r, "statement_by", None), getattr(r, "outlet", None))
            if isinstance(x, str) and x
        )
        or "—"
    )


def names(codes, names: dict[str, str]) -> str:
    """'phk, dirumahkan' -> 'PHK, Dirumahkan': a list of codes by their names."""
    if not isinstance(codes, str) or not codes:
        return "—"
    return ", ".join(names.get(c.strip(), c.strip()) for c in codes.split(","))
