"""Captions and notes under charts and tables: sources and their dates, which months are demo
data, who has no figure and why, per-capita caveats, the synthetic badge, the build line. Every
piece of data-derived text goes through ui/safe.py first."""

import pandas as pd
import streamlit as st

from analytics import headline
from analytics.chart_text import ChartContext
from ui import fmt, present, safe
from ui.i18n import t, tn


def synthetic_badge() -> None:
    """Shown wherever demo data appears, so a reader never mistakes it for an official figure."""
    st.badge(
        t("badge.synthetic"),
        icon=":material/science:",
        color="orange",
        help=t("badge.synthetic_help"),
    )


def badge_if_synthetic(*frames: pd.DataFrame) -> None:
    """One badge when any row of any of the frames behind a chart or table is synthetic."""
    if any("synthetic" in f and f["synthetic"].fillna(False).astype(bool).any() for f in frames):
        synthetic_badge()


def build_caption(repo) -> None:
    info = repo.build_info()
    if info.empty:
        return
    run = info.iloc[0]
    st.caption(
        t(
            "build.info",
            built=fmt.date(run.finished_at) + " " + pd.Timestamp(run.finished_at).strftime("%H:%M"),
            files=fmt.number(run.files),
            loaded=fmt.number(run.rows_loaded),
            rejected=fmt.number(run.rows_rejected),
        )
    )


def data_as_of(repo, regions: tuple[str, ...]) -> None:
    """The first line a reader needs: how recent the real figures on the cards are (the newest
    as-of date among them, analytics/headline.py data_per). The build time alone was read as the
    date of the data; it is named second, as when the dashboard was last updated."""
    latest, info = headline.data_per(repo, regions), repo.build_info()
    built = fmt.date(info.iloc[0].finished_at) if not info.empty else "—"
    if latest is None:
        st.caption(t("overview.data_as_of_none", built=built))
        return
    st.caption(t("overview.data_as_of", date=fmt.date(*latest), built=built))


def sources_text(names: list[str]) -> str:
    """'Sumber: A; B'; in English 'Source: A' for one, 'Sources: A; B' for more (tn)."""
    joined = "; ".join(names) or "—"
    return tn("caption.sources", "caption.sources.plural", len(names), sources=joined)


def source_text(outlet, url=None, statement_by=None) -> str:
    """'Sumber: <who>, <outlet as a link to its article>', every part from the data plain."""
    outlet = outlet if isinstance(outlet, str) else ""
    who = f"{safe.plain(statement_by)}, " if isinstance(statement_by, str) and statement_by else ""
    return sources_text([who + safe.link(url, outlet or None)])


def _source_item(text: str) -> str:
    """One "outlet url" item of a sources column: the outlet, linked to the URL when it is one."""
    outlet, _, url = text.rpartition(" ")
    return safe.link(url, outlet or None) if url.startswith("http") else safe.plain(text)


def sources_caption(
    frame: pd.DataFrame, column: str = "sources", date_column: str | None = None
) -> None:
    """A caption naming every source (and the as-of dates, if given) behind a chart or table."""
    sources = sorted({s for cell in frame[column].dropna() for s in str(cell).split("; ") if s})
    parts = [sources_text([_source_item(s) for s in sources])]
    if date_column and not frame.empty:
        shown = _dates(frame, date_column)
        if shown:
            parts.append(as_of_text(shown))
    st.caption(sentences(parts))


def as_of_text(shown: list[str]) -> str:
    """Up to three as-of dates named ("Angka per 5 Mei 2020."); more, as a span first to last."""
    if len(shown) > 3:
        return t("caption.as_of_range", first=shown[0], last=shown[-1])
    return t("caption.as_of", dates=", ".join(shown))


def sentences(parts: list[str]) -> str:
    """Caption parts as sentences: a part without its own full stop gets one ("Sumber: X" and
    "Angka per Y." read as two sentences, not one)."""
    return " ".join(p if p.rstrip().endswith((".", "!", "?")) else p.rstrip() + "." for p in parts)


def chart_context(
    *frames: pd.DataFrame,
    column: str = "sources",
    date_column: str | None = None,
    precision: str | None = None,
) -> ChartContext:
    """What a chart carries inside its figure (analytics/chart_style.py): the same sources and
    as-of dates as the caption under it, as plain text (the outlets, without their links), the
    badge's words and the reader's locale. `precision` overrides the frames' date precision (a
    month column is known to the month)."""
    frame = pd.concat([f for f in frames if f is not None and not f.empty] or [pd.DataFrame()])
    names = sorted(
        {
            _source_name(s)
            for cell in (frame[column].dropna() if column in frame else [])
            for s in str(cell).split("; ")
            if s
        }
    )
    as_of = ""
    if date_column and date_column in frame and not frame.empty:
        dated = frame if precision is None else frame.assign(date_precision=precision)
        shown = _dates(dated, date_column)
        if shown:
            as_of = as_of_text(shown)
    return ChartContext(
        source=sources_text(list(names)),
        as_of=as_of,
        badge=t("badge.synthetic").upper(),
        locale=fmt.babel_locale(),
    )


def _source_name(text: str) -> str:
    """One "outlet url" item of a sources column, as words: the outlet (the URL is for a link)."""
    outlet, _, url = text.rpartition(" ")
    return outlet if url.startswith("http") and outlet else text


def _dates(frame: pd.DataFrame, column: str) -> list[str]:
    """The distinct dates of a column, oldest first, each as precisely as it is known ("Mei
    2020" for a figure known to the month, never "1 Mei 2020")."""
    dated = pd.DataFrame(
        {
            "date": pd.to_datetime(frame[column]),
            "precision": frame.get("date_precision", "day"),
        }
    ).dropna(subset=["date"])
    dated = dated.drop_duplicates().sort_values("date")
    return list(dict.fromkeys(fmt.date(r.date, r.precision) for r in dated.itertuples()))


def population_notes(frame: pd.DataFrame) -> None:
    """Say which areas have no denominator, or one that is not SP2020: never fill it silently."""

    areas = frame.drop_duplicates("region_code")
    missing = areas[areas.population.isna()].region_name.tolist()
    if missing:
        st.caption(t("areas.no_population", areas=safe.plain(", ".join(missing))))
    other_year_note(frame)


def other_year_note(frame: pd.DataFrame) -> None:
    """Name the areas whose denominator is not the 2020 census (a projection of another year)."""
    areas = frame.drop_duplicates("region_code")
    other = areas[areas.population.notna() & (areas.population_year != 2020)]
    if not other.empty:
        listed = safe.plain(
            ", ".join(
                f"{r.region_name} ({present.population_basis(r)})" for r in other.itertuples()
            )
        )
        st.caption(t("areas.other_year", areas=listed))


def per_capita_notes(frame: pd.DataFrame) -> None:
    """Under every per-1.000 figure: which population, which areas have none or another year's,
    and that a workplace count divided by residents is not a resident rate."""
    st.caption(t("areas.population_note"))
    if "basis" in frame and (frame["basis"] == "workplace").any():
        st.caption(t("areas.workplace_note"))
    population_notes(frame)


def window_caption(latest: pd.DataFrame, window) -> None:
    """Under a ranking or map: the as-of dates of the figures it compares."""
    if window is None:
        return
    ranked = latest[latest["rank"].notna()]
    shown = _dates(ranked, "as_of_date")
    synthetic = bool(ranked["synthetic"].all())
    start, end = shown[0], shown[-1]
    # one date reads "tanggal Desember 2022", not "Desember 2022 sampai Desember 2022"
    if synthetic and start == end:
        st.caption(t("ranking.window_synthetic_one", date=end))
    elif synthetic:
        st.caption(t("ranking.window_synthetic", start=start, end=end))
    elif start == end:
        st.caption(t("ranking.window_one", date=end))
    else:
        st.caption(t("ranking.window", start=start, end=end))


def bases_caption(latest: pd.DataFrame) -> None:
    """Under a ranking or map whose ranked figures were counted on more than one basis (by the
    workplace, as reported by workers, by KTP): they are compared with care, and each one's
    basis is in the ranking's Catatan (ui/present.py note) where it is not the workplace."""
    ranked = latest[latest["rank"].notna()]
    if "basis" in ranked and ranked["basis"].dropna().nunique() > 1:
        st.caption(t("ranking.bases_differ"))


def chart_table(table: pd.DataFrame, context: ChartContext, key: str) -> None:
    """A chart's figures as a table, under it and folded ("Lihat sebagai tabel"): for a reader
    who cannot see the lines, or wants the numbers, with the chart's sources and dates."""
    with st.expander(t("chart.as_table")):
        st.dataframe(table, hide_index=True, key=key)
        st.caption(safe.plain(sentences([p for p in (context.source, context.as_of) if p])))


def events_caption(events: pd.DataFrame | None) -> None:
    """Under a chart with policy periods: what the shading means, and the unknown stretches."""
    if events is None or events.empty:
        return
    text = t("events.caption")
    if (events["kind"] == "unknown").any():
        text += " " + t("events.unknown")
    st.caption(text)


def months_caption(frame: pd.DataFrame) -> None:
    """Which months of each line are official figures and which are demo data."""
    text = present.real_and_synthetic_months(frame)
    if text:
        st.caption(text)


def missing_notes(latest: pd.DataFrame) -> None:
    """Name the areas that are not ranked, and why (no figure in the chosen mode, or only demo
    figures beside real ones): never a silent blank."""
    for reason, group in latest[latest["unranked"].notna()].groupby("unranked"):
        st.caption(
            t(
                "missing.note",
                reason=present.missing_text(reason),
                areas=safe.plain(", ".join(group.region_name)),
            )
        )


def absent_note(repo, chosen: list[str], series: pd.DataFrame) -> None:
    """Chosen areas with no figure at all for the measure in the period: named, never dropped."""
    names = repo.regions().set_index("code")["name"]
    absent = [names.get(c, c) for c in chosen if c not in set(series["region_code"])]
    if absent:
        st.caption(t("areas.absent", areas=safe.plain(", ".join(absent))))


def excluded_notes(frame: pd.DataFrame) -> None:
    """Areas left out of the fit, and why (n says how many stayed in)."""
    for reason, group in frame[frame["excluded"].notna()].groupby("excluded"):
        st.caption(
            t(
                "impact.excluded",
                reason=present.missing_text(reason),
                areas=safe.plain(", ".join(group.region_name)),
            )
        )
