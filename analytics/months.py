"""Months as the marts count them: a month is its first day; its figures are as of its last."""

import datetime as dt

import pandas as pd


def month_end(month: dt.date) -> dt.date:
    return (pd.Timestamp(month) + pd.offsets.MonthEnd(0)).date()


def between(first: dt.date, last: dt.date) -> list[dt.date]:
    """Every month from `first` to `last`, as first days."""
    return [m.date() for m in pd.date_range(first, last, freq="MS")]
