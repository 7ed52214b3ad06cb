"""Derived measures. Per-capita rates use the region's fixed population (SP2020 where known) and
stay empty, never zero or guessed, where there is no population figure."""

import pandas as pd


def per_1000(frame: pd.DataFrame, value: str = "value") -> pd.DataFrame:
    out = frame.copy()
    population = pd.to_numeric(out["population"], errors="coerce")
    out["per_1000"] = (out[value] / population * 1000).where(population > 0)
    return out


def latest_per_area(frame: pd.DataFrame) -> pd.DataFrame:
    """The last month in the frame for each area (and metric)."""
    keys = [c for c in ("region_code", "metric") if c in frame]
    return frame.sort_values("month").groupby(keys, as_index=False).tail(1).sort_values(keys)
