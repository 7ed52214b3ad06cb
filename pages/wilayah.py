"""Wilayah: where were people hit hardest, relative to the size of the place?

A planner picks a level (province, kabupaten/kota, kecamatan), areas, a measure, a mode (absolute,
per 1.000 residents, per 100 registered UMKM, index Jan–Feb 2020 = 100) and a period, and sees a
map, a ranking, one small chart per area, the lines together, and any reports that disagree.
Choosing an area on the map or in the ranking opens the level below it; the breadcrumb goes back.
Every choice lives in the URL.
"""

import functools
import os

import streamlit as st

from analytics import areas, boundaries, charts, policy, queries
from ui import components, filters, present
from ui.i18n import metric_label, t

components.page_setup()
st.title(t("areas.title"))
st.caption(t("areas.intro"))
notices = st.container()

catalogue = queries.metric_catalogue().set_index("code")
left, right = st.columns([2, 1])
with left:
    level = filters.level()
    parent = filters.scope(level)
    components.breadcrumb(level, parent)
    chosen = filters.areas(level, parent)
with right:
    metric = filters.choice(
        "filter.metric", {m: metric_label(catalogue.loc[m]) for m in areas.MEASURES}, key="ukuran"
    )
    mode = filters.choice("filter.mode", {m: t(f"mode.{m}") for m in areas.MODES}, key="mode")
    show_events = filters.toggle("chart.events", key="kebijakan", default=True)
start, end = filters.period()
with notices:
    filters.url_notices()
    filters.drill_notice()

demo = filters.demo()
series = areas.series(tuple(chosen), metric, start, end, synthetic=demo)
if series.empty:
    st.info(t("areas.no_data"))
    st.stop()
if areas.unavailable(series["unit"].iloc[0], mode):
    st.info(t("mode.rate"))
    mode = "absolute"
registered = (
    queries.umkm_monthly(tuple(chosen), start, end, synthetic=demo)
    if mode == "per_100_umkm"
    else None
)
series = present.hover_area(areas.apply_mode(series, mode, registered))
latest = areas.ranking(series)
window = areas.as_of_window(latest)
events = policy.with_unknown_gaps(queries.events(parent or "36")) if show_events else None
label = metric_label(catalogue.loc[metric])
shown_unit = series["shown_unit"].iloc[0]
view = functools.partial(
    components.meta_for,
    level=level,
    scope=parent or "-",
    areas=", ".join(chosen),
    measure=metric,
    mode=mode,
    start=f"{start:%Y-%m}",
    end=f"{end:%Y-%m}",
)

components.badge_if_synthetic(series)
components.missing_notes(latest)
components.absent_note(chosen, series)
# "Laporan berbeda" on a headline card opens this page on the comparison
opened = t("tab.conflicts") if st.session_state.pop("_open_conflicts", False) else None
tab_map, tab_ranking, tab_panels, tab_lines, tab_conflicts = st.tabs(
    [t("tab.map"), t("tab.ranking"), t("tab.panels"), t("tab.lines"), t("tab.conflicts")],
    default=opened,
)


def per_capita_notes() -> None:
    if mode == "per_1000":
        components.per_capita_notes(series)


with tab_map:
    shapes, problems = boundaries.load()
    # the map compares what the ranking compares: unranked areas are grey and say why
    located = present.hover_area(
        latest.assign(
            shown=latest["shown"].where(latest["rank"].notna()),
            missing=latest["unranked"].where(latest["unranked"].notna(), latest["missing"]),
        )
    ).merge(queries.regions()[["code", "lat", "lon"]], left_on="region_code", right_on="code")
    usable = shapes if shapes and boundaries.codes(shapes) & set(located.region_code) else None
    figure = charts.area_map(
        located,
        {
            "title": t("map.title", metric=label, unit=present.unit_title(shown_unit)),
            "colorbar": present.unit_title(shown_unit),
            "no_figure": t("map.no_figure"),
        },
        usable,
        map_style=os.environ.get("PULIH_MAP_STYLE", charts.DEFAULT_MAP_STYLE),
    )
    st.plotly_chart(
        figure,
        key="areas_map",
        on_select=functools.partial(components.drill_from_map, "areas_map"),
        selection_mode="points",
    )
    st.caption(t("map.areas") if usable else t("map.markers"))
    for problem in problems:
        st.caption(t("map.problem", problem=problem))
    components.window_caption(latest, window)
    per_capita_notes()
    components.sources_caption(latest, column="source_names", date_column="as_of_date")
    components.downloads(
        latest, view("wilayah_peta", "title.map"), "map_dl", tuple(chosen), start, end
    )

with tab_ranking:
    st.dataframe(
        present.ranking_table(latest),
        hide_index=True,
        key="ranking",
        on_select=functools.partial(
            components.drill_from_table, "ranking", tuple(latest.region_code)
        ),
        selection_mode="single-row",
    )
    components.drill_buttons(latest)
    components.window_caption(latest, window)
    per_capita_notes()
    components.sources_caption(latest, column="source_names", date_column="as_of_date")
    components.downloads(
        latest, view("wilayah_peringkat", "title.ranking"), "ranking_dl", tuple(chosen), start, end
    )

with tab_panels:
    st.plotly_chart(
        charts.small_multiples(
            series,
            "shown",
            events,
            {
                "title": t("panels.title", metric=label, unit=present.unit_title(shown_unit)),
                "real": t("legend.reported"),
                "synthetic": t("chart.legend.synthetic", label=t("legend.reported")),
                "conflict": t("conflict.legend"),
            },
        ),
        key="areas_panels",
    )
    components.events_caption(events)
    components.months_caption(series)
    per_capita_notes()
    components.sources_caption(series, column="source_names", date_column="as_of_date")
    components.downloads(
        series, view("wilayah_bulanan", "title.monthly"), "panels_dl", tuple(chosen), start, end
    )

with tab_lines:
    title = t("areas.chart.title", metric=label) + f" ({present.unit_title(shown_unit)})"
    figure = charts.areas_over_time(
        series,
        "shown",
        events,
        {
            "title": title,
            "y": present.unit_title(shown_unit),
            "synthetic_suffix": t("chart.legend.synthetic"),
            "conflict": t("conflict.legend"),
        },
    )
    st.plotly_chart(figure, key="areas_chart")
    components.events_caption(events)
    components.months_caption(series)
    per_capita_notes()
    components.sources_caption(series, column="source_names", date_column="as_of_date")
    components.downloads(
        series, view("wilayah_bulanan", "title.monthly"), "lines_dl", tuple(chosen), start, end
    )

with tab_conflicts:
    st.caption(t("conflict.caption"))
    disagreeing = queries.conflicts(tuple(chosen), start, areas.month_end(end))
    if disagreeing.empty:
        st.caption(t("conflict.none"))
    else:
        st.dataframe(present.conflicts_table(disagreeing), hide_index=True, key="conflicts")
        components.downloads(
            disagreeing,
            view("laporan_berbeda", "title.conflicts"),
            "conflicts_dl",
            tuple(chosen),
            start,
            end,
        )
