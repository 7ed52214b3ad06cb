"""Small cells: a count taken from the record-level register that is below a threshold, for an area
as small as a kecamatan, could point at a handful of named businesses. Such counts show as "<5"
(the threshold) on screen and in every download, and a rate computed from them is withheld.

The threshold is a setting: PULIH_SMALL_CELL (default 5). Counts of 0 are shown: an empty cell
identifies nobody. Reported aggregate figures (Disnaker, BPS) are published numbers and are not
touched."""

import os

import pandas as pd

DEFAULT_THRESHOLD = 5
SMALL_LEVELS = ("district", "village")


def threshold() -> int:
    try:
        return max(1, int(os.environ.get("PULIH_SMALL_CELL", DEFAULT_THRESHOLD)))
    except ValueError:
        return DEFAULT_THRESHOLD


def label(limit: int | None = None) -> str:
    return f"<{limit or threshold()}"


def is_small(values: pd.Series, level: pd.Series, limit: int | None = None) -> pd.Series:
    limit = limit or threshold()
    numbers = pd.to_numeric(values, errors="coerce")
    return level.isin(SMALL_LEVELS) & numbers.between(1, limit - 1)


def suppress(
    frame: pd.DataFrame, counts: list[str], rates: list[str], limit: int | None = None
) -> pd.DataFrame:
    """Counts below the threshold become "<5"; a rate built on one becomes empty. The count columns
    become text where anything was suppressed (a download must not carry the hidden number)."""
    out = frame.copy()
    hidden = pd.Series(False, index=out.index)
    for column in counts:
        small = is_small(out[column], out["level"], limit)
        if small.any():
            out[column] = out[column].astype(object).where(~small, label(limit))
            hidden |= small
    for column in rates:
        out[column] = out[column].where(~hidden)
    return out
