"""Dampak vs Adopsi: layoffs relative to an area's size against how many of its UMKM went online.

For each kecamatan the layoff peak is the month with the largest rise in cumulative PHK. The impact
is cumulative PHK at that month, per 1.000 residents (fixed population) or per 100 registered UMKM;
the adoption rate is read `lag` months later. This is a description of co-movement across areas:
r and n are stated, and nothing here says one causes the other.
"""

import datetime as dt

import numpy as np
import pandas as pd

from analytics import areas, queries

DENOMINATORS = ("per_1000", "per_100_umkm")
MAX_LAG = 12


def impact_and_adoption(parent: str, denominator: str, lag: int) -> pd.DataFrame:
    """One row per child area of `parent`: x (impact), y (adoption k months after the peak)."""
    codes = tuple(areas.children(parent)["code"])
    first, last = queries.FIRST_MONTH, queries.LAST_MONTH
    phk = queries.monthly(codes, ("phk",), first, last)
    register = queries.umkm_monthly(codes, first, last)
    if phk.empty:
        return pd.DataFrame(columns=["region_code", "region_name", "x", "y", "excluded"])
    phk = phk.sort_values(["region_code", "month"])
    phk["rise"] = phk.groupby("region_code")["value"].diff()
    peaks = phk.dropna(subset=["rise"]).sort_values(
        ["region_code", "rise", "month"], ascending=[True, False, True]
    )
    peaks = peaks.groupby("region_code").head(1)
    rows = []
    for p in peaks.itertuples():
        adoption_month = p.month + pd.DateOffset(months=lag)
        at_peak = register[(register.region_code == p.region_code) & (register.month == p.month)]
        later = register[
            (register.region_code == p.region_code) & (register.month == adoption_month)
        ]
        registered = at_peak["registered"].iloc[0] if len(at_peak) else np.nan
        if denominator == "per_1000":
            x = (
                p.value / p.population * 1000
                if pd.notna(p.population) and p.population > 0
                else np.nan
            )
            excluded = "no_population" if np.isnan(x) else None
        else:
            x = p.value / registered * 100 if registered and registered > 0 else np.nan
            excluded = "no_register" if np.isnan(x) else None
        y = later["adoption_rate"].iloc[0] if len(later) else np.nan
        if excluded is None and np.isnan(y):
            excluded = "after_horizon"
        rows.append(
            {
                "region_code": p.region_code,
                "region_name": p.region_name,
                "peak_month": p.month,
                "phk_at_peak": p.value,
                "registered_at_peak": registered,
                "population": p.population,
                "population_year": p.population_year,
                "population_basis": p.population_basis,
                "adoption_month": adoption_month,
                "x": x,
                "y": y,
                "synthetic": bool(p.synthetic)
                or bool(later["synthetic"].any() if len(later) else False),
                "excluded": excluded,
            }
        )
    return pd.DataFrame(rows)


def fit(frame: pd.DataFrame) -> dict:
    """Least-squares line and Pearson r over the areas with both figures; n is always stated."""
    used = frame[frame["excluded"].isna()] if "excluded" in frame else frame
    n = len(used)
    if n < 3 or used["x"].nunique() < 2 or used["y"].nunique() < 2:
        return {"n": n, "r": None, "slope": None, "intercept": None}
    slope, intercept = np.polyfit(used["x"], used["y"], 1)
    r = float(np.corrcoef(used["x"], used["y"])[0, 1])
    return {"n": n, "r": r, "slope": float(slope), "intercept": float(intercept)}


def outliers(frame: pd.DataFrame, line: dict, count: int = 2) -> pd.DataFrame:
    """The areas farthest from the fitted line, with the sign of their distance."""
    used = frame[frame["excluded"].isna()].copy()
    if line["slope"] is None or used.empty:
        return used.head(0).assign(residual=[])
    used["residual"] = used["y"] - (line["slope"] * used["x"] + line["intercept"])
    return used.reindex(used["residual"].abs().sort_values(ascending=False).index).head(count)


def paired(
    codes: tuple[str, ...], start: dt.date, end: dt.date
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Cumulative PHK and the adoption rate over time for the areas to be set side by side."""
    return queries.monthly(codes, ("phk",), start, end), queries.umkm_monthly(codes, start, end)
