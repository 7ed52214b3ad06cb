"""The words around the figures, in the reader's language: why a figure is missing, units, bases,
which months are demo data, the statistics of Dampak vs Adopsi and their plain reading. Hover
lines are in ui/hover.py, display tables in ui/tables.py and ui/source_tables.py."""

import pandas as pd

from analytics import impact, privacy
from ui import fmt, labels, safe
from ui.i18n import t


def population_basis(r) -> str:
    """The denominator's basis in the reader's language: SP2020, SP2020 derived from density, or a
    projection of another year (never passed off as the census)."""
    year = r.population_year
    if pd.isna(year):
        return "—"
    basis = str(r.population_basis or "")
    if basis.startswith("sintetis"):  # the national-scale demo's kecamatan (etl/national.py)
        return t("population.synthetic")
    if basis.startswith("Dukcapil"):  # the Kemendagri list's registry count, not a census
        return t("population.dukcapil", year=int(year))
    if int(year) != 2020:
        return t("population.projection", year=int(year))
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
        real = spans([(a, b) for a, b, synthetic in runs if not synthetic])
        demo = spans([(a, b) for a, b, synthetic in runs if synthetic])
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


def spans(spans: list[tuple]) -> str:
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
        notes.append(t(labels.BASES[basis]))
    return "; ".join(notes)


OTHER_BASES = ("reported_by_workers", "ktp_kota_tangerang")


def unit_title(unit_code: str) -> str:
    """The unit as a title: its first letter up, the rest as written ('Per 100 UMKM terdaftar';
    str.capitalize would write 'umkm' and 'jan–feb')."""
    unit = fmt.unit(unit_code)
    return unit[:1].upper() + unit[1:]


def missing_text(reason: str) -> str:
    """Why a figure is not shown ('tidak ada angka penduduk', 'disamarkan (sel kecil ...)')."""
    return t(labels.MISSING[reason], limit=privacy.threshold())


def shown(r) -> str:
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
    return sign + fmt.fixed(value) + " " + t("unit.pp")


def adoption_line(r, adoption: str) -> str:
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


def impact_reading(
    frame: pd.DataFrame,
    line: dict,
    far: pd.DataFrame,
    unit: str,
    lag: int,
    adoption: str = "level",
) -> str:
    """A short reading in plain Indonesian: how many areas, what the 95 % interval of r allows one
    to say, who stands out. Its words come from the interval (impact.verdict), never from r alone;
    it never says that one thing changed the other, and always says that an association between
    areas says nothing about individual businesses."""
    n = line["n"]
    measure = t(labels.IMPACT_AXES[unit])
    adoption_text = t(labels.READING_ADOPTION[adoption], lag=lag)
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
        # 'same' or 'opposite': the interval lies on one side of 0, so it has a strength and bound
        assert strength is not None and bound is not None
        parts = [
            t(
                "reading.main",
                n=n,
                measure=measure,
                adoption=adoption_text,
                direction=t(labels.READING_DIRECTIONS[conclusion]),
                strength=t(labels.READING_STRENGTHS[strength]),
                bound=fmt.fixed(bound),
                stats=fit_stats(line),
            )
        ]
    if line["p"] is not None:
        parts.append(t("reading.p_method", method=permutation_note(line)))
    parts += [t("reading.not_causal"), t("reading.ecological")]
    if len(far):
        named = [
            t("reading.above", area=safe.plain(o.region_name))
            if o.residual > 0
            else t("reading.below", area=safe.plain(o.region_name))
            for o in far.itertuples()
        ]
        parts.append(t("reading.outliers", areas="; ".join(named)))
    if frame["synthetic"].any():
        parts.append(t("reading.synthetic"))
    return " ".join(parts)
