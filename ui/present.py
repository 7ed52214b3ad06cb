"""Query results made ready to show: hover lines and display tables, in the user's language."""

import pandas as pd

from ui import fmt
from ui.i18n import t


def hover_monthly(
    frame: pd.DataFrame, value: str = "value", unit: str | None = None
) -> pd.DataFrame:
    """Adds `hover`: area, month, figure with qualifier and unit, as-of date, source, synthetic."""
    out = frame.copy()
    out["hover"] = [
        "<br>".join(
            [
                f"<b>{r.region_name}</b> · {fmt.month(r.month)}",
                f"{r.metric_label}: {fmt.figure(getattr(r, value), r.qualifier, unit or r.unit)}",
                t("card.as_of", date=fmt.date(r.as_of_date, r.date_precision)),
                r.source_names,
            ]
            + ([t("badge.synthetic")] if r.synthetic else [])
        )
        for r in out.itertuples()
    ]
    return out


def hover_umkm(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    out["hover"] = [
        "<br>".join(
            [
                f"<b>{r.region_name}</b> · {fmt.month(r.month)}",
                f"{t('card.umkm_onboarded')}: {fmt.figure(r.onboarded, 'exact', 'businesses')}",
                f"{t('card.adoption')}: {fmt.percent(r.adoption_rate)}",
                r.source_names,
            ]
            + ([t("badge.synthetic")] if r.synthetic else [])
        )
        for r in out.itertuples()
    ]
    return out


def reported_timeline(frame: pd.DataFrame, metrics: tuple[str, ...]) -> pd.DataFrame:
    """One row per report date, one column per measure (figure with qualifier), and the sources."""
    if frame.empty:
        return pd.DataFrame()
    frame = frame.assign(
        shown=[fmt.figure(r.value, r.qualifier, r.unit) for r in frame.itertuples()],
        day=[fmt.date(r.ref_date, r.date_precision) for r in frame.itertuples()],
    )
    table = frame.pivot_table(
        index=["ref_date", "day"], columns="metric_label", values="shown", aggfunc=" / ".join
    )
    sources = frame.groupby(["ref_date", "day"])["outlet"].agg(
        lambda s: "; ".join(dict.fromkeys(s))
    )
    # measures in the order the caller asked for them (PHK, dirumahkan, closures), not alphabetical
    order = frame.drop_duplicates("metric").set_index("metric")["metric_label"]
    table = table[[order[m] for m in metrics if m in order.index]]
    table[t("col.source")] = sources
    table = table.reset_index().drop(columns="ref_date").rename(columns={"day": t("col.date")})
    table.columns.name = None
    return table.fillna("—")


def revisions_table(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per figure that moved between two releases of a series."""
    return pd.DataFrame(
        {
            t("col.area"): frame["region_name"].tolist(),
            t("col.metric"): frame["metric_label"].tolist(),
            t("col.date"): [fmt.date(d) for d in frame["ref_date"]],
            t("revisions.previous"): [
                fmt.figure(r.previous_value, r.previous_qualifier, r.unit)
                for r in frame.itertuples()
            ],
            t("revisions.latest"): [
                fmt.figure(r.latest_value, r.latest_qualifier, r.unit) for r in frame.itertuples()
            ],
            t("revisions.change"): [t(f"change.{c}") for c in frame["change"]],
        }
    )


def reported_list(frame: pd.DataFrame) -> pd.DataFrame:
    """Reported figures one per row: date, measure, figure, source."""
    return pd.DataFrame(
        {
            t("col.date"): [fmt.date(r.ref_date, r.date_precision) for r in frame.itertuples()],
            t("col.value"): [fmt.figure(r.value, r.qualifier, r.unit) for r in frame.itertuples()],
            t("col.metric"): frame["metric_label"].tolist(),
            t("col.source"): [
                ", ".join(x for x in (r.statement_by, r.outlet) if isinstance(x, str) and x)
                for r in frame.itertuples()
            ],
        }
    )


def area_summary(frame: pd.DataFrame, per_capita: bool) -> pd.DataFrame:
    """One row per area: latest figure in the period, its date, the denominator, the source."""
    return pd.DataFrame(
        {
            t("col.area"): frame["region_name"].tolist(),
            t("col.value"): [fmt.figure(r.value, r.qualifier, r.unit) for r in frame.itertuples()],
            t("col.as_of"): [fmt.date(r.as_of_date, r.date_precision) for r in frame.itertuples()],
            t("col.population"): [
                f"{fmt.number(r.population, decimals=0)} ({r.population_basis})"
                if pd.notna(r.population)
                else t("areas.none_population")
                for r in frame.itertuples()
            ],
            t("col.per_1000"): [
                fmt.number(r.per_1000, r.qualifier, decimals=2)
                if pd.notna(r.per_1000)
                else t("areas.none_population")
                for r in frame.itertuples()
            ],
            t("col.synthetic"): frame["synthetic"].astype(bool).tolist(),
            t("col.source"): frame["source_names"].tolist(),
        }
    ).drop(columns=[] if per_capita else [t("col.per_1000")])


def unit_title(unit_code: str) -> str:
    return fmt.unit(unit_code).capitalize()
