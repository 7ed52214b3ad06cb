"""What the one-page briefing (Ringkasan's PDF) needs from the warehouse that the page's own
queries do not give: the "data per" date, and each line of the trend split into its real and its
synthetic stretches. Plain functions, no Streamlit (ui/briefing.py puts them in words)."""

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from analytics import db


def data_as_of() -> tuple[dt.date, str] | None:
    """The as-of date (and its precision, "day" or "month") of the latest real report in the
    warehouse, as Ringkasan's "data per" line says it (analytics/sql/latest_real.sql); None when
    it holds no dated real figure."""
    found = db.query("latest_real")
    if found.empty:
        return None
    row = found.iloc[0]
    return pd.Timestamp(row.ref_date).date(), str(row.date_precision)


@dataclass(frozen=True)
class Line:
    """One stretch of a series to draw: real or synthetic, each month's value or None where the
    other stretch has the point (so a line never bridges a source change)."""

    key: str  # the metric code, or "umkm_onboarded"
    synthetic: bool
    months: tuple[dt.date, ...]
    values: tuple[float | None, ...]


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
            out.append(Line(str(name), flag, months, values))
    return out
