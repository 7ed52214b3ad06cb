"""What the one-page briefing (Ringkasan's PDF) needs from the warehouse that the page's own
queries do not give: each line of the trend split into its real and its synthetic stretches (the
"data per" date is the page's own: analytics/headline.py data_per). Plain functions, no
Streamlit (ui/briefing.py puts them in words)."""

import datetime as dt
from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Line:
    """One stretch of a series to draw: real or synthetic, each month's value or None where the
    other stretch has the point (so a line never bridges a source change)."""

    key: str  # the metric code, or "umkm_onboarded"
    synthetic: bool
    months: tuple[dt.date, ...]
    values: tuple[float | None, ...]
    # the months of this stretch whose figure is one side of a conflict (mart_conflicts), when
    # the frame has a `conflict` column
    conflicts: tuple[bool, ...] = ()


def lines(frame: pd.DataFrame, key_column: str | None, value_column: str, key: str = "") -> list:
    """The real and synthetic stretches of each series of a monthly frame (`month`, `synthetic`,
    the value column; `key_column` names the series when the frame holds several)."""
    if frame.empty:
        return []
    out = []
    groups = frame.groupby(key_column, sort=True) if key_column else [(key, frame)]
    for name, series in groups:
        series = series.sort_values("month")
        months = tuple(pd.Timestamp(m).date() for m in series["month"])
        synthetic = series["synthetic"].fillna(False).astype(bool)
        for flag in (False, True):
            mask = synthetic == flag
            if not mask.any():
                continue
            values = tuple(
                float(v) if m and pd.notna(v) else None
                for v, m in zip(series[value_column], mask, strict=True)
            )
            conflicts = (
                tuple(
                    bool(c) and bool(m)
                    for c, m in zip(series["conflict"].fillna(False), mask, strict=True)
                )
                if "conflict" in series
                else ()
            )
            out.append(Line(str(name), flag, months, values, conflicts))
    return out
