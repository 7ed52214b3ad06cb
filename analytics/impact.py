"""Dampak vs Adopsi: layoffs relative to an area's size against how many of its UMKM went online.

For each kecamatan the layoff peak is the first month in which its cumulative PHK reaches half of
its December 2020 level: the median month of the area's 2020 layoffs, which a near tie between two
monthly rises does not move (the largest monthly rise did: see `layoff_peaks`). The impact is
cumulative PHK at that month, per 1.000 residents (fixed population) or per 100 registered UMKM;
the adoption rate is read `lag` months later, as a level or as its change (percentage points) since
the month before the peak. This is a description of co-movement across areas:
r is stated with n, its 95 % confidence interval (Fisher z) and a two-sided permutation p-value;
what the reading may say is chosen from the interval (`verdict`), not from r, and below MIN_AREAS
areas it says that nothing can be concluded. Nothing here says one causes the other, and an
association between areas says nothing about individual businesses (the ecological fallacy).
"""

import datetime as dt
import itertools
from typing import Any

import numpy as np
import pandas as pd

from analytics import areas

DENOMINATORS = ("per_1000", "per_100_umkm")
# y: the adoption rate k months after the peak (level), or its change since the month before the
# peak in percentage points (change)
ADOPTION_MEASURES = ("level", "change")
MAX_LAG = 12
# the layoff peak: the first month in which cumulative PHK reaches PEAK_SHARE of the area's level
# at PEAK_REFERENCE (see layoff_peaks for why)
PEAK_REFERENCE = pd.Timestamp("2020-12-01")
PEAK_SHARE = 0.5
COLUMNS = [
    "region_code",
    "region_name",
    "peak_month",
    "phk_at_peak",
    "phk_basis",
    "phk_reference",
    "registered_at_peak",
    "population",
    "population_year",
    "population_basis",
    "adoption_before_month",
    "adoption_before",
    "adoption_month",
    "adoption_after",
    "x",
    "y",
    "synthetic",
    "excluded",
    "sources",
]
# below this many areas the page says plainly that nothing can be concluded (the points stay)
MIN_AREAS = 10
# the permutation test: every ordering up to 8 areas (8! = 40.320), else this many from this seed
EXACT_UP_TO = 8
PERMUTATIONS = 10_000
SEED = 2020


def combinations() -> int:
    """How many views of the scatter the page allows: denominators × adoption measures × lags.
    Said under the chart, so a reader knows a striking r can be found by trying them."""
    return len(DENOMINATORS) * len(ADOPTION_MEASURES) * (MAX_LAG + 1)


def impact_unit(frame: pd.DataFrame, denominator: str) -> str:
    """The unit the impact is shown in. PHK per 1.000 penduduk divides a count of the workers of
    firms in the area (workplace basis; in Kota Tangerang about 30 % of them live there) by its
    residents, so the rate says so wherever it is shown (per_1000_workplace), as on Wilayah."""
    if denominator == "per_1000" and (frame["phk_basis"] == "workplace").any():
        return "per_1000_workplace"
    return denominator


def layoff_peaks(phk: pd.DataFrame) -> pd.DataFrame:
    """The layoff peak of each area: the first month whose cumulative PHK reaches half of the
    area's December 2020 level (PEAK_SHARE of the value at PEAK_REFERENCE).

    phk: region_code, month, value (cumulative PHK), any other columns (kept). Returns the rows of
    `phk` at each area's peak month, with `reference_value` (the Dec-2020 level); an area with no
    Dec-2020 figure, or none laid off by then, has no peak and no row.

    Why not the month of the largest monthly rise: that is the arg-max of a difference of two noisy
    counts, so a near tie decides it (Kec. Jatiuwung, +308 in April and +295 in May 2020), and as
    the impact is the cumulative count at that month, a few workers either way moved an area's
    figure by 35-50 %. A rule such as "the first month within 10 % of the largest rise" keeps a
    threshold on those noisy differences and still flips when a rise sits near it (Kec. Karawaci:
    +200 in April is 93 % of May's +216). The half-way month is read off the 2020 curve's level:
    two near-tied rises are both summed into it, so swapping them or moving a few workers between
    them cannot move it; it changes only when half the year's layoffs fall on a month boundary. It
    is the median month of the area's 2020 layoffs. December 2020 closes the first pandemic year,
    before the 2021 wave; it is fixed, so the peak does not move with any filter."""
    phk = phk.sort_values(["region_code", "month"])
    reference = phk[phk["month"] == PEAK_REFERENCE].set_index("region_code")["value"]
    phk = phk.assign(reference_value=phk["region_code"].map(reference))
    reached = phk[
        (phk["reference_value"] > 0)
        & (phk["month"] <= PEAK_REFERENCE)
        & (phk["value"] >= PEAK_SHARE * phk["reference_value"])
    ]
    return reached.groupby("region_code").head(1).reset_index(drop=True)


def impact_and_adoption(
    repo,
    parent: str,
    denominator: str,
    lag: int,
    adoption: str = "level",
    synthetic: bool = True,
) -> pd.DataFrame:
    """One row per child area of `parent`: x (impact), y (adoption k months after the peak, or its
    change since the month before the peak). No synthetic figure when synthetic is False."""
    codes = tuple(areas.children(repo, parent)["code"])
    first, last = repo.horizon()
    phk = repo.monthly(codes, ("phk",), first, last, synthetic)
    register = repo.umkm_monthly(codes, first, last, synthetic)
    return impact_frame(phk, register, denominator, lag, adoption)


def _first(frame: pd.DataFrame, column: str) -> float:
    """The first row's value as a float, NaN when there is none (or it is withheld)."""
    if frame.empty or pd.isna(frame[column].iloc[0]):
        return np.nan
    return float(frame[column].iloc[0])


def _withheld(frame: pd.DataFrame, *counts: str) -> bool:
    """Whether a register count of the frame's first row is withheld as a small cell."""
    return not frame.empty and any(
        bool(frame.iloc[0].get(f"{count}_suppressed", False)) for count in counts
    )


def impact_frame(
    phk: pd.DataFrame, register: pd.DataFrame, denominator: str, lag: int, adoption: str = "level"
) -> pd.DataFrame:
    """x (impact at the layoff peak) and y per area, from plain frames: phk as repo.monthly
    gives it (cumulative PHK per area and month, with population), register as
    repo.umkm_monthly (registered, adoption_rate per area and month).

    y is the adoption rate `lag` months after the peak (adoption 'level', a ratio), or that rate
    minus the rate in the month before the peak (adoption 'change', in percentage points): how
    much adoption moved from just before the layoffs peaked, which the level alone mixes with
    where the area already stood. An area that cannot be placed keeps its row with the reason in
    `excluded` (no_peak, no_population, no_register, after_horizon, no_prior_month)."""
    if phk.empty:
        return pd.DataFrame(columns=COLUMNS)
    peaks = layoff_peaks(phk).set_index("region_code")
    rows = []
    for area in phk.drop_duplicates("region_code").itertuples():
        if area.region_code not in peaks.index:
            rows.append(
                {
                    "region_code": area.region_code,
                    "region_name": area.region_name,
                    "phk_basis": getattr(area, "basis", None),
                    "population": area.population,
                    "population_year": area.population_year,
                    "population_basis": area.population_basis,
                    "x": np.nan,
                    "y": np.nan,
                    "synthetic": bool(area.synthetic),
                    "excluded": "no_peak",
                    "sources": None,
                }
            )
            continue
        p = peaks.loc[area.region_code]
        own = register[register["region_code"] == area.region_code]
        adoption_month = p.month + pd.DateOffset(months=lag)
        before_month = p.month - pd.DateOffset(months=1)
        at_peak = own[own["month"] == p.month]
        later = own[own["month"] == adoption_month]
        before = own[own["month"] == before_month]
        registered = _first(at_peak, "registered")
        if denominator == "per_1000":
            x = (
                p.value / p.population * 1000
                if pd.notna(p.population) and p.population > 0
                else np.nan
            )
            excluded = "no_population" if np.isnan(x) else None
        else:
            x = p.value / registered * 100 if registered > 0 else np.nan
            excluded = "no_register" if np.isnan(x) else None
            if _withheld(at_peak, "registered"):
                excluded = "small_cell"
        after_rate = _first(later, "adoption_rate")
        before_rate = _first(before, "adoption_rate")
        used = (later, before) if adoption == "change" else (later,)
        if excluded is None and any(_withheld(f, "registered", "onboarded") for f in used):
            excluded = "small_cell"  # a rate on a withheld count is withheld (analytics/privacy)
        if excluded is None and np.isnan(after_rate):
            excluded = "after_horizon"
        if adoption == "change":
            y = (after_rate - before_rate) * 100
            if excluded is None and np.isnan(before_rate):
                excluded = "no_prior_month"
        else:
            y = after_rate
        rows.append(
            {
                "region_code": area.region_code,
                "region_name": p.region_name,
                "peak_month": p.month,
                "phk_at_peak": p.value,
                "phk_basis": p.get("basis"),
                "phk_reference": p.reference_value,
                "registered_at_peak": registered,
                "population": p.population,
                "population_year": p.population_year,
                "population_basis": p.population_basis,
                "adoption_before_month": before_month,
                "adoption_before": before_rate,
                "adoption_month": adoption_month,
                "adoption_after": after_rate,
                "x": x,
                "y": y,
                "synthetic": bool(p.synthetic)
                or bool(later["synthetic"].any())
                or (adoption == "change" and bool(before["synthetic"].any())),
                "excluded": excluded,
                "sources": _sources(
                    p,
                    at_peak if denominator == "per_100_umkm" else at_peak.head(0),
                    *used,
                    population=denominator == "per_1000",
                ),
            }
        )
    return pd.DataFrame(rows).reindex(columns=COLUMNS)


def _sources(peak, *registers: pd.DataFrame, population: bool) -> str:
    """The sources of the figures an area's point is made of: its PHK at the peak, the register
    rows used, and the population when it is the denominator ("; "-joined, each once)."""
    names = [peak.get("source_names")]
    names += [s for frame in registers for s in frame.get("sources", pd.Series(dtype=object))]
    if population:
        names.append(peak.get("population_source"))
    parts = [p for name in names if isinstance(name, str) for p in name.split("; ") if p]
    return "; ".join(dict.fromkeys(parts))


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
    line: dict[str, Any] = {
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
    repo, codes: tuple[str, ...], start: dt.date, end: dt.date, synthetic: bool = True
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Cumulative PHK and the adoption rate over time for the areas to be set side by side."""
    return (
        repo.monthly(codes, ("phk",), start, end, synthetic),
        repo.umkm_monthly(codes, start, end, synthetic),
    )
