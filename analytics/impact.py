"""Dampak vs Adopsi: layoffs relative to an area's size against how many of its UMKM went online.

For each kecamatan the layoff peak is the month with the largest rise in cumulative PHK. The impact
is cumulative PHK at that month, per 1.000 residents (fixed population) or per 100 registered UMKM;
the adoption rate is read `lag` months later. This is a description of co-movement across areas:
r is stated with n, its 95 % confidence interval (Fisher z) and a two-sided permutation p-value;
what the reading may say is chosen from the interval (`verdict`), not from r, and below MIN_AREAS
areas it says that nothing can be concluded. Nothing here says one causes the other, and an
association between areas says nothing about individual businesses (the ecological fallacy).
"""

import datetime as dt
import itertools

import numpy as np
import pandas as pd

from analytics import areas, queries

DENOMINATORS = ("per_1000", "per_100_umkm")
MAX_LAG = 12
# below this many areas the page says plainly that nothing can be concluded (the points stay)
MIN_AREAS = 10
# the permutation test: every ordering up to 8 areas (8! = 40.320), else this many from this seed
EXACT_UP_TO = 8
PERMUTATIONS = 10_000
SEED = 2020


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


def fisher_interval(r: float, n: int, z: float = 1.96) -> tuple[float, float] | None:
    """The 95 % confidence interval of Pearson r by Fisher's z transform: tanh(atanh(r) ± z/√(n−3)).

    None when n ≤ 3 (no standard error). It assumes roughly bivariate-normal data; with a handful
    of areas it is wide, and that width is the point of showing it."""
    if n <= 3:
        return None
    r = float(np.clip(r, -1.0, 1.0))
    with np.errstate(divide="ignore"):
        centre = np.arctanh(r)
    half = z / np.sqrt(n - 3)
    return float(np.tanh(centre - half)), float(np.tanh(centre + half))


def _correlations(x: np.ndarray, y_orders: np.ndarray) -> np.ndarray:
    """Pearson r of x against each row of y_orders (y in another order), vectorised."""
    xc = x - x.mean()
    yc = y_orders - y_orders.mean(axis=1, keepdims=True)
    return (yc @ xc) / (np.sqrt((xc**2).sum()) * np.sqrt((yc**2).sum(axis=1)))


def permutation_p(
    x, y, permutations: int = PERMUTATIONS, seed: int = SEED
) -> tuple[float, int, bool]:
    """Two-sided permutation p-value of Pearson r: how often y shuffled against x gives an |r| at
    least as large as the observed one. Returns (p, orderings used, exact).

    Up to EXACT_UP_TO areas every ordering is enumerated (8! = 40.320) and p is exact (the observed
    ordering is one of them). Above that, `permutations` random orderings from a fixed seed, and
    p = (1 + hits) / (1 + permutations) (Phipson & Smyth 2010): never 0, the same on every run."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    n = len(x)
    observed = abs(_correlations(x, y[np.newaxis, :])[0])
    tolerance = 1e-12  # orderings with the same |r| up to rounding count as hits
    if n <= EXACT_UP_TO:
        orders = np.array(list(itertools.permutations(range(n))))
        hits = int((np.abs(_correlations(x, y[orders])) >= observed - tolerance).sum())
        return hits / len(orders), len(orders), True
    rng = np.random.default_rng(seed)
    orders = rng.permuted(np.tile(np.arange(n), (permutations, 1)), axis=1)
    hits = int((np.abs(_correlations(x, y[orders])) >= observed - tolerance).sum())
    return (1 + hits) / (1 + permutations), permutations, False


def fit(frame: pd.DataFrame) -> dict:
    """Least-squares line and Pearson r over the areas with both figures, with r's 95 % interval
    (Fisher z) and a permutation p-value; n is always stated."""
    used = frame[frame["excluded"].isna()] if "excluded" in frame else frame
    n = len(used)
    line = {
        "n": n,
        "r": None,
        "slope": None,
        "intercept": None,
        "ci_low": None,
        "ci_high": None,
        "p": None,
        "orderings": None,
        "exact": None,
    }
    if n < 3 or used["x"].nunique() < 2 or used["y"].nunique() < 2:
        return line
    slope, intercept = np.polyfit(used["x"], used["y"], 1)
    r = float(np.corrcoef(used["x"], used["y"])[0, 1])
    interval = fisher_interval(r, n)
    p, orderings, exact = permutation_p(used["x"], used["y"])
    line.update(
        r=r,
        slope=float(slope),
        intercept=float(intercept),
        ci_low=interval[0] if interval else None,
        ci_high=interval[1] if interval else None,
        p=p,
        orderings=orderings,
        exact=exact,
    )
    return line


def verdict(line: dict) -> tuple[str, str | None, float | None]:
    """What the reading may say, chosen from the interval, never from r alone.

    Returns (conclusion, strength, bound): conclusion is 'too_few' (no r, or fewer than MIN_AREAS
    areas: nothing is concluded), 'inconclusive' (the 95 % interval spans 0), 'same' or
    'opposite' (the interval lies wholly above or below 0); strength ('weak', 'moderate',
    'strong') and bound come from the interval's bound nearest 0, the weakest association the
    data are compatible with."""
    if line["r"] is None or line["n"] < MIN_AREAS or line["ci_low"] is None:
        return "too_few", None, None
    low, high = line["ci_low"], line["ci_high"]
    if low <= 0 <= high:
        return "inconclusive", None, None
    bound = low if low > 0 else high
    size = abs(bound)
    strength = "weak" if size < 0.3 else ("moderate" if size < 0.6 else "strong")
    return ("same" if low > 0 else "opposite"), strength, bound


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
