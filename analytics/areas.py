"""Comparing areas: one monthly series per area for a measure, shown in one of four modes.

Modes (the planner chooses; each says when it cannot apply instead of showing a wrong number):
- absolute: the figure as reported (or as carried forward, with its as-of date)
- per_1000: per 1.000 residents, on the fixed population of the regions file (SP2020 where known)
- per_100_umkm: per 100 UMKM on the register in the same area and month
- index: the baseline Jan–Feb 2020 = 100, where the series has a non-zero figure in both months
"""

import datetime as dt

import numpy as np
import pandas as pd

from analytics.metrics import MONTHLY_METRICS

MODES = ("absolute", "per_1000", "per_100_umkm", "index")
# the labour measures with a monthly series (analytics/metrics.py), then the register's
# measures read from the register mart, and the mart column each comes from
REGISTER = {
    "umkm_registered": "registered",
    "umkm_onboarded": "onboarded",
    "umkm_adoption_rate": "adoption_rate",
}
MEASURES = MONTHLY_METRICS + tuple(REGISTER)
BASELINE_MONTHS = (pd.Timestamp("2020-01-01"), pd.Timestamp("2020-02-01"))
MODE_UNITS = {"per_1000": "per_1000", "per_100_umkm": "per_100_umkm", "index": "index"}

COLUMNS = [
    "region_code",
    "region_name",
    "level",
    "month",
    "metric",
    "metric_label",
    "value",
    "unit",
    "qualifier",
    "basis",
    "as_of_date",
    "date_precision",
    "synthetic",
    "conflict",
    "sources",
    "source_names",
    "population",
    "population_year",
    "population_basis",
]


def series(
    repo,
    regions: tuple[str, ...],
    metric: str,
    start: dt.date,
    end: dt.date,
    synthetic: bool = True,
) -> pd.DataFrame:
    """One row per area and month. Register measures take a real reported figure where there is one
    (it outranks the register, which for Kota Tangerang is synthetic) and the register elsewhere.
    With synthetic=False (the demo switch off) no synthetic row is returned."""
    reported = repo.monthly(regions, (metric,), start, end, synthetic=synthetic)
    if metric not in REGISTER:
        return reported[COLUMNS]
    register = repo.umkm_monthly(regions, start, end, synthetic=synthetic)
    if register.empty:
        return reported[COLUMNS]
    catalogue = repo.metric_catalogue().set_index("code")
    column = REGISTER[metric]
    people = repo.regions().set_index("code")[["population", "population_year", "population_basis"]]
    from_register = register.assign(
        metric=metric,
        metric_label=catalogue.loc[metric, "label_id"],
        value=register[column].astype(float),
        unit="ratio" if column == "adoption_rate" else "businesses",
        qualifier="exact",
        basis="register",
        as_of_date=register["month"] + pd.offsets.MonthEnd(0),
        date_precision="month",
        conflict=False,
    ).join(people, on="region_code")
    # counts withheld by the query layer (analytics/privacy) stay withheld, and say so
    small = from_register["registered_suppressed"] | from_register["onboarded_suppressed"]
    if column != "adoption_rate":
        small = from_register[f"{column}_suppressed"]
    from_register["small_cell"] = small.astype(bool)
    merged = pd.concat(
        [reported[COLUMNS], from_register[[*COLUMNS, "small_cell"]]], ignore_index=True
    )
    # a real report of the month outranks the register's count for the same area and month
    merged["rank"] = merged["synthetic"].astype(bool).astype(int)
    merged = merged.sort_values(["region_code", "month", "rank"]).drop_duplicates(
        ["region_code", "month"]
    )
    return merged.drop(columns="rank").reset_index(drop=True)


def unavailable(metric_unit: str, mode: str) -> bool:
    """A rate is not divided again by residents or businesses."""
    return mode in ("per_1000", "per_100_umkm") and metric_unit in ("ratio", "percent")


def apply_mode(
    frame: pd.DataFrame, mode: str, registered: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Adds `shown` (the figure in the mode), `shown_unit`, and `missing` (why `shown` is empty)."""
    out = frame.copy()
    out["missing"] = None
    small = (
        out["small_cell"].fillna(False).astype(bool)
        if "small_cell" in out
        else pd.Series(False, index=out.index)
    )
    if mode == "absolute":
        out["shown"], out["shown_unit"] = out["value"], out["unit"]
        out.loc[small.to_numpy(), "missing"] = "small_cell"
        return out
    out["shown_unit"] = MODE_UNITS[mode]
    if mode == "per_1000":
        population = pd.to_numeric(out["population"], errors="coerce")
        out["shown"] = (out["value"] / population * 1000).where(population > 0)
        out.loc[population.isna(), "missing"] = "no_population"
        # a workplace count (workers of firms in the area, many living elsewhere) divided by the
        # residents says so in its unit: "per 1.000 penduduk (basis tempat kerja)"
        out.loc[out["basis"] == "workplace", "shown_unit"] = "per_1000_workplace"
    elif mode == "per_100_umkm":
        columns = ["region_code", "month", "registered", "registered_suppressed"]
        counts = registered if registered is not None else pd.DataFrame(columns=columns)
        merged = out.merge(
            counts[columns], on=["region_code", "month"], how="left", validate="many_to_one"
        )
        denominator = pd.to_numeric(merged["registered"], errors="coerce")
        out["shown"] = (merged["value"] / denominator * 100).where(denominator > 0).to_numpy()
        out.loc[denominator.isna().to_numpy(), "missing"] = "no_register"
        # a rate on a withheld count is withheld too: it would give the count back
        small = small | merged["registered_suppressed"].fillna(False).astype(bool).to_numpy()
    elif mode == "index":
        base = (
            out[out["month"].isin(BASELINE_MONTHS)]
            .groupby("region_code")["value"]
            .agg(["mean", "count", "min"])
        )
        # only where both baseline months have a non-zero figure (README: a series starting at 0
        # has no level to index against)
        base = base[(base["count"] == len(BASELINE_MONTHS)) & (base["min"] > 0)]["mean"]
        baseline = out["region_code"].map(base)
        out["shown"] = out["value"] / baseline * 100
        out.loc[baseline.isna(), "missing"] = "no_baseline"
    if unavailable(str(out["unit"].iloc[0]) if len(out) else "", mode):
        out["shown"], out["missing"] = np.nan, "rate"
    out.loc[small.to_numpy(), "missing"] = "small_cell"
    # plain floats: a missing population (a nullable integer) must read as NaN, not pd.NA
    out["shown"] = (
        pd.Series(out["shown"], index=out.index)
        .astype("Float64")
        .to_numpy(dtype=float, na_value=np.nan)
    )
    return out


def any_shown(frame: pd.DataFrame) -> bool:
    """Whether any area has a figure in the mode (the index needs a non-zero Jan–Feb 2020 level,
    which a count that starts at 0 with the pandemic never has)."""
    return bool(frame["shown"].notna().any())


def ranking(frame: pd.DataFrame) -> pd.DataFrame:
    """Each area's latest figure in the period, highest first, like with like.

    Real and synthetic figures are never ranked together: when any area has a real figure, each
    area's latest real figure is ranked, and an area with synthetic figures only is listed after
    them without a rank (`unranked` = "synthetic_only"); when none is real, the synthetic figures
    are ranked (and badged). Areas without a figure in the chosen mode get no rank either
    (`unranked` = their `missing` reason). The as-of dates of the ranked figures are the window
    the ranking compares (stated under it)."""
    frame = frame.assign(synthetic=frame["synthetic"].fillna(False).astype(bool))
    any_real = (~frame["synthetic"]).any()
    pool = frame[~frame["synthetic"]] if any_real else frame
    latest = pool.sort_values("month").groupby("region_code", as_index=False).tail(1)
    latest = latest.assign(unranked=latest["missing"].where(latest["shown"].isna()))
    if any_real:
        only_synthetic = frame[~frame["region_code"].isin(latest["region_code"])]
        only_synthetic = only_synthetic.sort_values("month").groupby("region_code").tail(1)
        only_synthetic = only_synthetic.assign(unranked="synthetic_only")
        latest = pd.concat([latest, only_synthetic], ignore_index=True)
    latest = latest.assign(_ranked=latest["unranked"].isna()).sort_values(
        ["_ranked", "shown", "region_name"], ascending=[False, False, True], na_position="last"
    )
    ranked = int(latest["_ranked"].sum())
    ranks = list(range(1, ranked + 1)) + [None] * (len(latest) - ranked)
    latest.insert(0, "rank", pd.array(ranks, dtype="Int64"))
    return latest.drop(columns="_ranked").reset_index(drop=True)


def as_of_window(latest: pd.DataFrame) -> tuple[dt.date, dt.date] | None:
    """The first and last as-of date of the figures a ranking compares."""
    ranked = latest[latest["rank"].notna()]
    if ranked.empty:
        return None
    dates = pd.to_datetime(ranked["as_of_date"])
    return dates.min().date(), dates.max().date()


def children(repo, parent: str) -> pd.DataFrame:
    regions = repo.regions()
    return regions[regions.parent_code == parent]


def lineage(repo, code: str) -> list[tuple[str, str]]:
    """(code, name) from the province down to this region, for the breadcrumb."""
    regions = repo.regions().set_index("code")
    path: list[tuple[str, str]] = []
    while code in regions.index and regions.loc[code, "level"] != "country":
        path.insert(0, (code, regions.loc[code, "name"]))
        code = regions.loc[code, "parent_code"]
    return path
