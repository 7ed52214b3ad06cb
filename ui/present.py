"""Query results made ready to show: hover lines and display tables, in the user's language."""

import pandas as pd

from analytics import impact, privacy
from ui import fmt, safe
from ui.i18n import metric_label, t


def hover_monthly(frame: pd.DataFrame) -> pd.DataFrame:
    """Adds `hover`: area, month, figure with qualifier and unit, as-of date, source, synthetic."""
    out = frame.copy()
    out["hover"] = [
        "<br>".join(
            [
                f"<b>{safe.hover(r.region_name)}</b> · {fmt.month(r.month)}",
                f"{safe.hover(r.metric_label)}: {fmt.figure(r.value, r.qualifier, r.unit)}",
                t("card.as_of", date=fmt.date(r.as_of_date, r.date_precision)),
                safe.hover(r.source_names),
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
                f"<b>{safe.hover(r.region_name)}</b> · {fmt.month(r.month)}",
                f"{t('card.umkm_onboarded')}: "
                + (
                    missing_text("small_cell")
                    if getattr(r, "onboarded_suppressed", False)
                    else fmt.figure(r.onboarded, "exact", "businesses")
                ),
                f"{t('card.adoption')}: "
                + (
                    missing_text("small_cell")
                    if getattr(r, "registered_suppressed", False)
                    or getattr(r, "onboarded_suppressed", False)
                    else fmt.percent(r.adoption_rate)
                ),
                safe.hover(r.source_names),
            ]
            + ([t("badge.synthetic")] if r.synthetic else [])
        )
        for r in out.itertuples()
    ]
    return out


def data_preview(frame: pd.DataFrame) -> pd.DataFrame:
    """The Data page's table as a person reads it: a withheld register count says so. The
    download keeps the empty number and its *_suppressed flag (analytics/privacy.py)."""
    out = frame.copy()
    for count in ("registered", "onboarded"):
        flag = f"{count}_suppressed"
        if flag in out and out[flag].any():
            out[count] = out[count].astype(object).where(~out[flag], missing_text("small_cell"))
    return out


def reported_timeline(frame: pd.DataFrame, metrics: tuple[str, ...]) -> pd.DataFrame:
    """One row per report date, one column per measure (figure with qualifier), and the sources."""
    if frame.empty:
        return pd.DataFrame()
    frame = frame.assign(
        shown=[
            fmt.figure(r.value, r.qualifier, r.unit)
            + (f" ({t('conflict.short')})" if getattr(r, "conflict", False) else "")
            for r in frame.itertuples()
        ],
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
            t("col.note"): [note(r) for r in frame.itertuples()],
        }
    )


def population_basis(r) -> str:
    """The denominator's basis in the reader's language: SP2020, SP2020 derived from density, or a
    projection of another year (never passed off as the census)."""
    year = r.population_year
    if pd.isna(year):
        return "—"
    if int(year) != 2020:
        return t("population.projection", year=int(year))
    basis = str(r.population_basis or "")
    return t("population.sp2020_derived") if "derived" in basis else t("population.sp2020")


def real_and_synthetic_months(frame: pd.DataFrame) -> str:
    """'Kota Tangerang · PHK: angka resmi Apr 2020 – Mei 2021; data contoh Jan – Mar 2020, Jun
    2021 – Des 2022', for every line of a chart that has demo data, from the rows themselves."""
    if frame.empty or "synthetic" not in frame:
        return ""
    parts = []
    for _, rows in frame.groupby(["region_code", "metric"], sort=True):
        rows = rows.sort_values("month")
        flags = rows["synthetic"].fillna(False).astype(bool).tolist()
        if not any(flags):
            continue
        runs = _runs(rows["month"].tolist(), flags)
        real = _spans([(a, b) for a, b, synthetic in runs if not synthetic])
        demo = _spans([(a, b) for a, b, synthetic in runs if synthetic])
        name = safe.plain(f"{rows['region_name'].iloc[0]} · {rows['metric_label'].iloc[0]}")
        if real:
            parts.append(t("months.both", line=name, real=real, synthetic=demo))
        else:
            parts.append(t("months.synthetic", line=name, synthetic=demo))
    if len(parts) > 4:  # many areas (kecamatan): one sentence, not a list of thirteen
        return t("months.many", n=len(parts))
    return " ".join(parts)


def _runs(months: list, flags: list[bool]) -> list[tuple]:
    """Consecutive stretches of the same flag: [(first month, last month, flag), ...]."""
    runs: list[tuple] = []
    for month, flag in zip(months, flags, strict=True):
        if runs and runs[-1][2] == flag:
            runs[-1] = (runs[-1][0], month, flag)
        else:
            runs.append((month, month, flag))
    return runs


def _spans(spans: list[tuple]) -> str:
    return ", ".join(
        fmt.month(a) if a == b else f"{fmt.month(a)} – {fmt.month(b)}" for a, b in spans
    )


def synthetic_summary(coverage: pd.DataFrame) -> str:
    """One sentence, from the warehouse: how many areas and measures hold demo data, and when."""
    if coverage.empty:
        return t("synthetic.none")
    return t(
        "synthetic.summary",
        areas=coverage["region_code"].nunique(),
        measures=coverage["metric"].nunique(),
        first=fmt.month(coverage["first_month"].min()),
        last=fmt.month(coverage["last_month"].max()),
    )


def synthetic_coverage_table(coverage: pd.DataFrame) -> pd.DataFrame:
    """Area, measure and the months whose figures are synthetic, one row per area and measure."""
    rows = []
    for _, group in coverage.groupby(["region_code", "metric"], sort=False):
        first = group.iloc[0]
        rows.append(
            {
                t("col.area"): first.region_name,
                t("col.metric"): metric_label(first),
                t("col.months"): _spans(
                    list(zip(group.first_month, group.last_month, strict=True))
                ),
            }
        )
    return pd.DataFrame(rows, columns=[t("col.area"), t("col.metric"), t("col.months")])


def note(r) -> str:
    """What a reader must know about a figure in a table row: another report disagrees with it;
    it is not ranked, and why."""
    notes = []
    if getattr(r, "conflict", False) is True:
        notes.append(t("conflict.short"))
    unranked = getattr(r, "unranked", None)
    if isinstance(unranked, str):
        notes.append(missing_text(unranked))
    basis = getattr(r, "basis", None)
    if basis in OTHER_BASES:  # a figure on another basis than its neighbours says so
        notes.append(t(f"basis.{basis}"))
    return "; ".join(notes)


OTHER_BASES = ("reported_by_workers", "ktp_kota_tangerang")


def unit_title(unit_code: str) -> str:
    return fmt.unit(unit_code).capitalize()


def missing_text(reason: str) -> str:
    """Why a figure is not shown ('tidak ada angka penduduk', 'disamarkan (sel kecil ...)')."""
    return t(f"missing.{reason}", limit=privacy.threshold())


def _shown(r) -> str:
    """The figure in the chosen mode, or why there is none."""
    if pd.isna(r.shown):
        return missing_text(r.missing) if isinstance(r.missing, str) else "—"
    decimals = (
        1 if r.shown_unit == "index" else (2 if str(r.shown_unit).startswith("per_") else None)
    )
    if r.shown_unit == "ratio":
        return fmt.percent(r.shown)
    if str(r.shown_unit).startswith("per_"):  # a rate: two decimals, always (1,20 not 1,2)
        return f"{fmt.fixed(r.shown)} {fmt.unit(r.shown_unit)}".strip()
    return f"{fmt.number(r.shown, r.qualifier, decimals=decimals)} {fmt.unit(r.shown_unit)}".strip()


def hover_area(frame: pd.DataFrame) -> pd.DataFrame:
    """Adds `hover`: area and month, the figure in the mode, the reported figure with its unit,
    qualifier and as-of date, the source, and the badge where synthetic."""
    out = frame.copy()
    out["hover"] = [
        "<br>".join(
            [
                f"<b>{safe.hover(r.region_name)}</b> · {fmt.month(r.month)}",
                f"{safe.hover(r.metric_label)}: {_shown(r)}",
            ]
            + ([fmt.figure(r.value, r.qualifier, r.unit)] if r.shown_unit != r.unit else [])
            + [
                t("card.as_of", date=fmt.date(r.as_of_date, r.date_precision)),
                safe.hover(r.source_names),
            ]
            + ([t("badge.synthetic")] if r.synthetic else [])
        )
        for r in out.itertuples()
    ]
    return out


def ranking_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Rank, area, the figure in the mode, the reported figure, its date, denominator, source."""
    return pd.DataFrame(
        {
            t("col.rank"): [str(int(r)) if pd.notna(r) else "—" for r in frame["rank"]],
            t("col.area"): frame["region_name"].tolist(),
            t("col.shown"): [_shown(r) for r in frame.itertuples()],
            t("col.value"): [fmt.figure(r.value, r.qualifier, r.unit) for r in frame.itertuples()],
            t("col.as_of"): [fmt.date(r.as_of_date, r.date_precision) for r in frame.itertuples()],
            t("col.population"): [
                f"{fmt.number(r.population, decimals=0)} ({population_basis(r)})"
                if pd.notna(r.population)
                else t("areas.none_population")
                for r in frame.itertuples()
            ],
            t("col.source"): frame["source_names"].tolist(),
            t("col.note"): [note(r) for r in frame.itertuples()],
            t("col.synthetic"): frame["synthetic"].astype(bool).tolist(),
        }
    )


def conflicts_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Two reports that disagree, side by side, with both sources and the difference."""

    def report(r, side: str) -> str:
        label, value, qualifier, unit = (
            getattr(r, f"{side}_{k}") for k in ("label", "value", "qualifier", "unit")
        )
        who = ", ".join(
            x
            for x in (getattr(r, f"{side}_statement_by"), getattr(r, f"{side}_outlet"))
            if isinstance(x, str) and x
        )
        day = fmt.date(getattr(r, f"{side}_ref_date"))
        return f"{label}: {fmt.figure(value, qualifier, unit)} · {day} · {who}"

    return pd.DataFrame(
        {
            t("col.area"): frame["region_name"].tolist(),
            t("conflict.kind"): [t(f"conflict.{k}") for k in frame["kind"]],
            t("conflict.a"): [report(r, "a") for r in frame.itertuples()],
            t("conflict.b"): [report(r, "b") for r in frame.itertuples()],
            t("conflict.difference"): [fmt.number(d) for d in frame["difference"]],
        }
    )


def fit_stats(line: dict) -> str:
    """'r = 0,56 · selang kepercayaan 95%: -0,33 s.d. 0,92 · p = 0,20 · n = 7', in the user's
    number format; r, its interval and p are left out when there is no line."""
    if line["r"] is None:
        return f"n = {line['n']}"
    parts = [f"r = {fmt.fixed(line['r'])}"]
    if line.get("ci_low") is not None:
        low, high = fmt.fixed(line["ci_low"]), fmt.fixed(line["ci_high"])
        parts.append(t("impact.stats.interval", low=low, high=high))
    if line.get("p") is not None:
        parts.append(f"p {p_value(line['p'])}")
    parts.append(f"n = {line['n']}")
    return " · ".join(parts)


def p_value(p: float) -> str:
    """'= 0,19', '= 0,004', '< 0,001': two decimals, three below 0,01, a bound below 0,001."""
    if p < 0.001:
        return f"< {fmt.fixed(0.001, 3)}"
    return f"= {fmt.fixed(p, 2 if p >= 0.01 else 3)}"


def permutation_note(line: dict) -> str:
    """How p was found: every ordering (exact) or so many random ones from a fixed seed."""
    if line.get("p") is None:
        return ""
    if line["exact"]:
        return t("impact.stats.exact", orderings=fmt.number(line["orderings"], decimals=0))
    return t(
        "impact.stats.sampled",
        orderings=fmt.number(line["orderings"], decimals=0),
        seed=impact.SEED,
    )


def chart_stats(line: dict) -> str:
    """The chart's annotation: the figures, how p was found, and a warning below MIN_AREAS."""
    method = permutation_note(line)
    lines = [fit_stats(line), t("impact.stats.p_line", method=method) if method else ""]
    if line["r"] is not None and line["n"] < impact.MIN_AREAS:
        lines.append(t("impact.stats.too_few", minimum=impact.MIN_AREAS))
    return "<br>".join(text for text in lines if text)


def percentage_points(value) -> str:
    """A change in adoption: '+1,44 poin persentase', '-0,30 poin persentase', '—'."""
    if value is None or pd.isna(value):
        return "—"
    sign = "+" if value > 0 else ""
    return f"{sign}{fmt.fixed(value)} {t('unit.pp')}"


def _adoption_line(r, adoption: str) -> str:
    if adoption == "change":
        return t(
            "impact.hover.change",
            before_month=fmt.month(r.adoption_before_month),
            before=fmt.percent(r.adoption_before),
            month=fmt.month(r.adoption_month),
            after=fmt.percent(r.adoption_after),
            change=percentage_points(r.y),
        )
    return t(
        "impact.hover.adoption",
        month=fmt.month(r.adoption_month),
        rate=fmt.percent(r.y),
    )


def hover_impact(frame: pd.DataFrame, denominator: str, adoption: str = "level") -> pd.DataFrame:
    out = frame.copy()
    unit = t(f"unit.{denominator}")
    out["hover"] = [
        "<br>".join(
            [
                f"<b>{safe.hover(r.region_name)}</b>",
                t(
                    "impact.hover.peak",
                    month=fmt.month(r.peak_month),
                    phk=fmt.number(r.phk_at_peak),
                ),
                f"{fmt.number(r.x, decimals=2)} {unit}"
                if pd.notna(r.x)
                else missing_text(r.excluded),
                _adoption_line(r, adoption),
            ]
            + ([t("badge.synthetic")] if r.synthetic else [])
        )
        for r in out.itertuples()
    ]
    return out


def impact_reading(
    frame: pd.DataFrame,
    line: dict,
    far: pd.DataFrame,
    denominator: str,
    lag: int,
    adoption: str = "level",
) -> str:
    """A short reading in plain Indonesian: how many areas, what the 95 % interval of r allows one
    to say, who stands out. Its words come from the interval (impact.verdict), never from r alone;
    it never says that one thing changed the other, and always says that an association between
    areas says nothing about individual businesses."""
    n = line["n"]
    measure = t(f"impact.axis.{denominator}")
    adoption_text = t(f"reading.adoption.{adoption}", lag=lag)
    conclusion, strength, bound = impact.verdict(line)
    if line["r"] is None:
        parts = [t("reading.too_few", n=n)]
    elif conclusion == "too_few":
        parts = [
            t(
                "reading.too_few_to_conclude",
                n=n,
                minimum=impact.MIN_AREAS,
                measure=measure,
                adoption=adoption_text,
                stats=fit_stats(line),
            )
        ]
    elif conclusion == "inconclusive":
        parts = [
            t(
                "reading.inconclusive",
                n=n,
                measure=measure,
                adoption=adoption_text,
                stats=fit_stats(line),
            )
        ]
    else:
        parts = [
            t(
                "reading.main",
                n=n,
                measure=measure,
                adoption=adoption_text,
                direction=t(f"reading.{conclusion}"),
                strength=t(f"reading.{strength}"),
                bound=fmt.fixed(bound),
                stats=fit_stats(line),
            )
        ]
    if line["p"] is not None:
        parts.append(t("reading.p_method", method=permutation_note(line)))
    parts += [t("reading.not_causal"), t("reading.ecological")]
    if len(far):
        named = [
            t(
                "reading.above" if o.residual > 0 else "reading.below",
                area=safe.plain(o.region_name),
            )
            for o in far.itertuples()
        ]
        parts.append(t("reading.outliers", areas="; ".join(named)))
    if frame["synthetic"].any():
        parts.append(t("reading.synthetic"))
    return " ".join(parts)


def impact_table(frame: pd.DataFrame, denominator: str, adoption: str = "level") -> pd.DataFrame:
    columns = {
        t("col.area"): frame["region_name"].tolist(),
        t("impact.col.peak"): [fmt.month(m) for m in frame["peak_month"]],
        t("impact.col.phk"): [fmt.figure(v, "exact", "workers") for v in frame["phk_at_peak"]],
        t(f"impact.axis.{denominator}"): [
            fmt.number(r.x, decimals=2) if pd.notna(r.x) else missing_text(r.excluded)
            for r in frame.itertuples()
        ],
    }
    if adoption == "change":
        columns[t("impact.col.before_month")] = [
            fmt.month(m) for m in frame["adoption_before_month"]
        ]
        columns[t("impact.col.before")] = [fmt.percent(v) for v in frame["adoption_before"]]
    columns[t("impact.col.adoption_month")] = [fmt.month(m) for m in frame["adoption_month"]]
    if adoption == "change":
        columns[t("card.adoption")] = [fmt.percent(v) for v in frame["adoption_after"]]
        columns[t("impact.col.change")] = [percentage_points(v) for v in frame["y"]]
    else:
        columns[t("card.adoption")] = [fmt.percent(y) for y in frame["y"]]
    columns[t("col.synthetic")] = frame["synthetic"].astype(bool).tolist()
    return pd.DataFrame(columns)
