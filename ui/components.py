"""Small Streamlit pieces every page uses: headline cards, badges, source captions, downloads."""

import functools
import logging
import secrets

import pandas as pd
import streamlit as st

from analytics import areas, db, exports, queries
from ui import filters, fmt, present, safe
from ui.i18n import t


def synthetic_badge() -> None:
    """Shown wherever demo data appears, so a reader never mistakes it for an official figure."""
    st.badge(
        t("badge.synthetic"),
        icon=":material/science:",
        color="orange",
        help=t("badge.synthetic_help"),
    )


def build_caption() -> None:
    info = queries.build_info()
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


def headline_card(row, region: str) -> None:
    """One real headline figure with its unit, as-of date, qualifier and source, or an honest
    blank ("belum ada angka"). A demo value never takes the headline: where there is one, it is a
    second line with the badge."""
    with st.container(border=True):
        if row.value is None or pd.isna(row.value):
            st.metric(t(row.card), t("card.none"))
            st.caption(t("card.none_help"))
            if row.demo_value is not None and pd.notna(row.demo_value):
                demo = fmt.figure(row.demo_value, row.demo_qualifier, row.demo_unit)
                when = fmt.date(row.demo_as_of, row.demo_date_precision)
                st.caption(t("card.demo_line", figure=demo, date=when))
                synthetic_badge()
            return
        st.metric(t(row.card), fmt.figure(row.value, row.qualifier, row.unit))
        lines = [t("card.as_of", date=fmt.date(row.as_of, row.date_precision))]
        if isinstance(row.label_id, str) and row.label_id and t(row.card) != row.label_id:
            lines.append(t("card.measured_as", label=safe.plain(row.label_id)))
        lines.append(source_text(row.outlet, row.url, row.statement_by))
        if row.newer_value is not None and pd.notna(row.newer_value):
            lines.append(
                t(
                    "card.newer",
                    label=safe.plain(row.newer_label),
                    figure=fmt.figure(row.newer_value, row.newer_qualifier, row.unit),
                    date=fmt.date(row.newer_date, row.newer_precision),
                )
            )
        if isinstance(row.also_cited, str) and row.also_cited:
            lines.append(t("card.also_cited", outlets=safe.plain(row.also_cited)))
        if row.undated_value is not None and pd.notna(row.undated_value):
            lines.append(
                t(
                    "card.undated",
                    figure=fmt.figure(row.undated_value, row.undated_qualifier, row.unit),
                    date=fmt.date(row.undated_date, "year"),
                    outlet=safe.plain(row.undated_outlet),
                )
            )
        st.caption("  \n".join(lines))
        if row.conflict:
            conflict_link(region, key=f"conflict_{region}_{row.card}")
        if row.synthetic:
            synthetic_badge()


def conflict_link(region: str, key: str) -> None:
    """'Laporan berbeda': the figure has a report that disagrees with it; the button opens the two
    side by side on Wilayah, for this area."""
    if st.button(t("conflict.flag"), key=key, icon=":material/compare_arrows:", type="tertiary"):
        level = queries.regions().set_index("code").loc[region, "level"]
        st.session_state["level"] = level
        st.session_state[f"areas_{level}"] = [region]
        st.session_state["_open_conflicts"] = True
        st.switch_page("pages/wilayah.py")


def source_text(outlet, url=None, statement_by=None) -> str:
    """'Sumber: <who>, <outlet as a link to its article>', every part from the data plain."""
    outlet = outlet if isinstance(outlet, str) else ""
    who = f"{safe.plain(statement_by)}, " if isinstance(statement_by, str) and statement_by else ""
    return t("caption.sources", sources=who + safe.link(url, outlet or None))


def _source_item(text: str) -> str:
    """One "outlet url" item of a sources column: the outlet, linked to the URL when it is one."""
    outlet, _, url = text.rpartition(" ")
    return safe.link(url, outlet or None) if url.startswith("http") else safe.plain(text)


def sources_caption(
    frame: pd.DataFrame, column: str = "sources", date_column: str | None = None
) -> None:
    """A caption naming every source (and the as-of dates, if given) behind a chart or table."""
    sources = sorted({s for cell in frame[column].dropna() for s in str(cell).split("; ") if s})
    parts = [t("caption.sources", sources="; ".join(_source_item(s) for s in sources) or "—")]
    if date_column and not frame.empty:
        shown = _dates(frame, date_column)
        if shown:
            text = ", ".join(shown[-3:])
            parts.append(t("caption.as_of", dates=("… " if len(shown) > 3 else "") + text))
    st.caption(" ".join(parts))


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


def badge_if_synthetic(*frames: pd.DataFrame) -> None:
    """One badge when any row of any of the frames behind a chart or table is synthetic."""
    if any("synthetic" in f and f["synthetic"].fillna(False).astype(bool).any() for f in frames):
        synthetic_badge()


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
    key = "ranking.window_synthetic" if ranked["synthetic"].all() else "ranking.window"
    shown = _dates(ranked, "as_of_date")
    st.caption(t(key, start=shown[0], end=shown[-1]))


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


def downloads(
    frame: pd.DataFrame,
    meta: exports.Meta,
    key: str,
    areas_: tuple[str, ...] = (),
    start=None,
    end=None,
) -> None:
    """Under a chart or table: the data behind it, in the four formats, named for what it holds.
    Files are made when clicked (a callable), so a page with many tables stays fast."""
    frame = frame.drop(columns=[c for c in ("hover",) if c in frame]).reset_index(drop=True)
    with st.popover(t("download.label"), icon=":material/download:"):
        for fmt_ in exports.FORMATS:
            st.download_button(
                t(f"download.{fmt_}"),
                data=functools.partial(exports.to_bytes, frame, fmt_, meta),
                file_name=exports.file_name(
                    meta.dataset, areas_, start, end, fmt_, exports.has_synthetic(frame)
                ),
                mime=exports.FORMATS[fmt_][1],
                key=f"{key}_{fmt_}",
            )


def page_setup() -> None:
    """First lines of every page: run inside the app; a clear message if there is no data yet."""
    _inside_the_app()
    warehouse_or_stop()


def _inside_the_app() -> None:
    """A shared deep link (/wilayah?...) opened as the first visit to a freshly started server makes
    Streamlit run the page file on its own, through its old pages/ folder fallback, without
    dashboard.py: no navigation labels, no sidebar. Hand that run back to the entry point, which
    opens the same page through st.navigation. (Streamlit switches the fallback off for good as
    soon as any run calls st.navigation; this only does it one run earlier.)"""
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def page_error() -> None:
    """What a reader sees when a page fails: a short message and an error id; the trace goes to
    the server log under that id, never to the browser (server paths, internals)."""
    error_id = secrets.token_hex(4)
    logging.getLogger("pulih").exception("page error %s", error_id)
    st.error(t("error.page", id=error_id), icon=":material/error:")


def warehouse_or_stop() -> None:
    """A clear message instead of a traceback when the warehouse has not been built, or is there
    but cannot be used (empty, truncated, not DuckDB, a table or its build record missing)."""
    try:
        db.check()
    except db.WarehouseBroken as e:
        st.error(t("warehouse.broken", file=e.path.name, detail="; ".join(e.problems)))
        st.stop()
    except db.WarehouseMissing:
        st.error(t("warehouse.missing"))
        st.stop()


def breadcrumb(level_code: str, parent: str | None) -> None:
    """Where the comparison sits (Provinsi Banten › Kota Tangerang), with a way back up."""
    path = areas.lineage(parent) if parent else []
    if not path:
        return
    st.caption(" › ".join(safe.plain(name) for _, name in path))
    for code, name in path[:-1] if level_code == "district" else []:
        st.button(
            t("drill.up", area=safe.plain(name)),
            key=f"up_{code}",
            on_click=_up,
            args=(code,),
            icon=":material/north:",
        )


def _up(code: str) -> None:
    """Back to the areas under `code` (the province: its kabupaten/kota)."""
    st.session_state["level"] = "regency"
    st.session_state.pop("areas_regency", None)


def drill_buttons(latest: pd.DataFrame) -> None:
    """A button for each area with areas below it (a click on the map or ranking does the same)."""
    regions = queries.regions()
    with_children = set(regions.parent_code.dropna())
    for r in latest.itertuples():
        if r.region_code in with_children:
            below = "drill.open_regencies" if r.level == "province" else "drill.open"
            st.button(
                t(below, area=safe.plain(r.region_name)),
                key=f"drill_{r.region_code}",
                on_click=filters.drill,
                args=(r.region_code,),
                icon=":material/south:",
            )


def drill_from_map(key: str) -> None:
    points = (st.session_state.get(key) or {}).get("selection", {}).get("points", [])
    if points:
        code = points[0].get("customdata")
        filters.drill(code[0] if isinstance(code, list) else code)


def drill_from_table(key: str, codes: tuple[str, ...]) -> None:
    rows = (st.session_state.get(key) or {}).get("selection", {}).get("rows", [])
    if rows and rows[0] < len(codes):
        filters.drill(codes[rows[0]])


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


def absent_note(chosen: list[str], series: pd.DataFrame) -> None:
    """Chosen areas with no figure at all for the measure in the period: named, never dropped."""
    names = queries.regions().set_index("code")["name"]
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


def meta_for(dataset: str, title_key: str, **filters) -> exports.Meta:
    """A download's metadata: what it is (in the reader's language) and the filters behind it."""
    return exports.Meta(
        dataset=dataset, title=t(title_key), filters={k: str(v) for k, v in filters.items()}
    )
