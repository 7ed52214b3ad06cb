"""Wilayah: where were people hit hardest, relative to the size of the place?

A planner picks a level (province, kabupaten/kota, kecamatan), areas, a measure, a mode (absolute,
per 1.000 residents, per 100 registered UMKM, index Jan–Feb 2020 = 100) and a period, and sees a
map, a ranking, one small chart per area, the lines together, and any reports that disagree.
Choosing an area on the map or in the ranking opens the level below it; the breadcrumb goes back.
Every choice lives in the URL.
"""

import datetime as dt
import functools
import os
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from analytics import area_map, areas, boundaries, charts, panels, policy
from analytics.chart_text import LinesText, MapText, PanelsText
from analytics.months import month_end
from ui import captions, downloads, filters, fmt, hover, labels, navigation, present, safe, tables
from ui.i18n import metric_label, t


@dataclass
class View:
    """What the planner chose and what it gives: every tab draws from this."""

    level: str
    parent: str | None
    chosen: list[str]
    metric: str
    label: str
    mode: str
    start: dt.date
    end: dt.date
    series: pd.DataFrame  # one row per area and month, in the mode
    latest: pd.DataFrame  # the ranking: each area's latest figure
    events: pd.DataFrame | None

    @functools.cached_property
    def table(self) -> pd.DataFrame:
        """The charts over time as a table (the panels and the lines show the same one)."""
        return tables.areas_table(self.series)

    @property
    def unit(self) -> str:
        return present.unit_title(self.series["shown_unit"].iloc[0])

    def meta(self, dataset: str, title: str):
        return downloads.meta_for(
            dataset,
            title,
            level=self.level,
            scope=self.parent or "-",
            areas=", ".join(self.chosen),
            measure=self.metric,
            mode=self.mode,
            start=f"{self.start:%Y-%m}",
            end=f"{self.end:%Y-%m}",
        )

    def download(self, frame: pd.DataFrame, dataset: str, title: str, key: str) -> None:
        downloads.downloads(
            frame, self.meta(dataset, title), key, tuple(self.chosen), self.start, self.end
        )


def main(repo) -> None:
    st.title(t("areas.title"))
    st.caption(t("areas.intro"))
    notices = st.container()
    view = choose(repo)
    with notices:
        filters.url_notices()
        navigation.drill_notice()
    if view is None:
        return
    # the synthetic badge is in each tab that shows synthetic figures (a map of real reports
    # beside charts that carry a series on with demo months has none)
    captions.missing_notes(view.latest)
    captions.absent_note(repo, view.chosen, view.series)
    # one part at a time, chosen like a tab and kept in the link (`tab=ranking`); "Laporan
    # berbeda" on a headline card opens the comparison. Streamlit's own tabs would build every
    # tab's chart on every run, the panels' most of all
    parts = {code: t(labels.TABS[code]) for code in PARTS}
    shown = filters.segments(t("filter.tab"), parts, key="tab")
    PARTS[shown](repo, view)


def choose(repo) -> View | None:
    """The filters, in the URL, and the figures they select (None when there are none)."""
    catalogue = repo.metric_catalogue().set_index("code")
    left, right = st.columns([2, 1])
    with left:
        level = filters.level()
        parent = filters.scope(repo, level)
        navigation.breadcrumb(repo, level, parent)
        chosen = filters.areas(repo, level, parent)
    with right:
        measure_names = {m: metric_label(catalogue.loc[m]) for m in areas.MEASURES}
        metric = filters.choice(t("filter.metric"), measure_names, key="ukuran")
        modes = {m: t(labels.MODES[m]) for m in areas.MODES}
        mode = filters.choice(t("filter.mode"), modes, key="mode")
        show_events = filters.toggle(t("chart.events"), key="kebijakan", default=True)
    start, end = filters.period(repo)
    demo = filters.demo()
    series = areas.series(repo, tuple(chosen), metric, start, end, synthetic=demo)
    if series.empty:
        st.info(t("areas.no_data") if demo else t("areas.no_data_demo_off"))
        return None
    if areas.unavailable(series["unit"].iloc[0], mode):
        st.info(t("mode.rate"))
        mode = "absolute"
    per_umkm = mode == "per_100_umkm"
    registered = repo.umkm_monthly(tuple(chosen), start, end, synthetic=demo) if per_umkm else None
    in_mode = areas.apply_mode(series, mode, registered)
    if mode == "index" and not areas.any_shown(in_mode):
        # no area has a level before the pandemic to index against: say so, show the figures
        st.info(t("mode.no_baseline"))
        mode = "absolute"
        in_mode = areas.apply_mode(series, mode)
    series = hover.area(in_mode)
    events = policy.with_unknown_gaps(repo.events(parent or "36")) if show_events else None
    return View(
        level, parent, chosen, metric, measure_names[metric], mode, start, end, series,
        areas.ranking(series), events,
    )  # fmt: skip


def notes_under(view: View, frame: pd.DataFrame, ranked: bool = False) -> None:
    """What every tab says under its chart or table: the window compared (a ranking or map),
    which months are demo data (a chart), the per-capita caveats, the sources and their dates."""
    if ranked:
        captions.window_caption(view.latest, areas.as_of_window(view.latest))
        captions.bases_caption(view.latest)
    else:
        captions.events_caption(view.events)
        captions.months_caption(view.series)
    if view.mode == "per_1000":
        captions.per_capita_notes(view.series)
    captions.sources_caption(frame, column="source_names", date_column="as_of_date")


def map_tab(repo, view: View) -> None:
    shapes, problems = boundaries.load()
    latest = view.latest
    captions.badge_if_synthetic(latest)
    # the map compares what the ranking compares: unranked areas are grey and say why
    located = hover.area(
        latest.assign(
            shown=latest["shown"].where(latest["rank"].notna()),
            missing=latest["unranked"].where(latest["unranked"].notna(), latest["missing"]),
        )
    ).merge(repo.regions()[["code", "lat", "lon"]], left_on="region_code", right_on="code")
    usable = shapes if shapes and boundaries.codes(shapes) & set(located.region_code) else None
    figure = area_map.area_map(
        located,
        MapText(
            separators=fmt.separators(),
            title=t("map.title", metric=view.label, unit=view.unit),
            colorbar=view.unit,
            no_figure=t("map.no_figure"),
            tick=functools.partial(fmt.tick, unit_code=view.series["shown_unit"].iloc[0]),
        ),
        usable,
        map_style=os.environ.get("PULIH_MAP_STYLE", area_map.DEFAULT_MAP_STYLE),
    )
    st.plotly_chart(
        figure,
        key="areas_map",
        on_select=functools.partial(navigation.drill_from_map, repo, "areas_map"),
        selection_mode="points",
    )
    numbered = area_map.numbered(figure)
    if numbered:
        key = " · ".join(f"{number} {name}" for number, name in numbered)
        st.caption(t("map.numbered", areas=safe.plain(key)))
    st.caption(t("map.areas") if usable else t("map.markers"))
    for problem in problems:
        st.caption(t("map.problem", problem=problem))
    notes_under(view, latest, ranked=True)
    view.download(latest, "wilayah_peta", t("title.map"), "map_dl")


def ranking_tab(repo, view: View) -> None:
    latest = view.latest
    captions.badge_if_synthetic(latest)
    # a row of the grid opens the level below; on a phone, a block per area, the buttons under
    # them do
    tables.show_grid_or_stacked(
        tables.ranking_table(latest),
        key="ranking",
        height=tables.height_for(len(latest)),  # every area at once, none behind a scroll
        on_select=functools.partial(
            navigation.drill_from_table, repo, "ranking", tuple(latest.region_code)
        ),
        selection_mode="single-row",
    )
    navigation.drill_buttons(repo, latest)
    notes_under(view, latest, ranked=True)
    view.download(latest, "wilayah_peringkat", t("title.ranking"), "ranking_dl")


def chart_context(view: View):
    """What the panels and the lines carry inside their figures: sources and as-of dates."""
    return captions.chart_context(view.series, column="source_names", date_column="as_of_date")


def is_rate(view: View) -> bool:
    """A figure between 0 and 1 (the adoption rate), drawn in percent."""
    return bool(view.series["shown_unit"].iloc[0] == "ratio")


def panels_tab(repo, view: View) -> None:
    context = chart_context(view)
    text = PanelsText(
        separators=fmt.separators(),
        title=t("panels.title", metric=view.label, unit=view.unit),
        real=t("legend.reported"),
        synthetic=t("chart.legend.synthetic", label=t("legend.reported")),
        conflict=t("conflict.legend"),
        unknown=t("events.legend.unknown"),
        percent=is_rate(view),
        context=context,
    )
    over_time(
        view, panels.small_multiples(view.series, "shown", view.events, text), context, "panels"
    )


def lines_tab(repo, view: View) -> None:
    context = chart_context(view)
    text = LinesText(
        separators=fmt.separators(),
        title=t("areas.chart.title", metric=view.label) + f" ({view.unit})",
        y=view.unit,
        synthetic_suffix=t("chart.legend.synthetic"),
        conflict=t("conflict.legend"),
        unknown=t("events.legend.unknown"),
        percent=is_rate(view),
        context=context,
    )
    over_time(
        view, charts.areas_over_time(view.series, "shown", view.events, text), context, "lines"
    )


def over_time(view: View, figure, context, tab: str) -> None:
    """A chart over time of the chosen areas, the table behind it, its notes and its download
    (the panels and the lines tabs show the same figures, drawn two ways)."""
    chart_key = {"panels": "areas_panels", "lines": "areas_chart"}[tab]  # the keys tests read
    captions.badge_if_synthetic(view.series)
    st.plotly_chart(figure, key=chart_key)
    captions.chart_table(view.table, context, key=f"{tab}_table")
    notes_under(view, view.series)
    view.download(view.series, "wilayah_bulanan", t("title.monthly"), f"{tab}_dl")


def conflicts_tab(repo, view: View) -> None:
    st.caption(t("conflict.caption"))
    disagreeing = repo.conflicts(tuple(view.chosen), view.start, month_end(view.end))
    if disagreeing.empty:
        st.caption(t("conflict.none"))
        return
    captions.badge_if_synthetic(disagreeing)
    # a plain table at the page's width, its long cells wrapped: in a grid the second report ran
    # off the right edge at 1366 px, and the comparison is the point of the tab; on a phone, a
    # block per disagreement
    tables.show_whole_or_stacked(tables.conflicts_table(disagreeing), key="conflicts")
    view.download(disagreeing, "laporan_berbeda", t("title.conflicts"), "conflicts_dl")


PARTS = {
    "map": map_tab,
    "ranking": ranking_tab,
    "panels": panels_tab,
    "lines": lines_tab,
    "conflicts": conflicts_tab,
}


if __name__ == "__main__":  # a deep link's first visit runs this file alone: hand it to the router
    from ui import router

    router.run()
