"""Wilayah: compare areas for planners.

Choose a level and areas, a measure and a period, absolute or per 1.000 residents; see one line per
area and a table of the latest figure per area. Every choice lives in the URL.
"""

import streamlit as st

from analytics import charts, measures, queries
from analytics.metrics import MONTHLY_METRICS
from ui import components, filters, present
from ui.i18n import metric_label, t

components.warehouse_or_stop()
st.title(t("areas.title"))
st.caption(t("areas.intro"))

catalogue = queries.metric_catalogue().set_index("code")
left, right = st.columns([2, 1])
with left:
    level = filters.level()
    areas = filters.areas(level)
with right:
    metric = filters.choice(
        "filter.metric", {m: metric_label(catalogue.loc[m]) for m in MONTHLY_METRICS}, key="ukuran"
    )
    per_capita = filters.toggle("filter.per_capita", key="per_kapita")
    show_events = filters.toggle("chart.events", key="kebijakan", default=True)
start, end = filters.period()

series = measures.per_1000(queries.monthly(tuple(areas), (metric,), start, end))
if series.empty:
    st.info(t("areas.no_data"))
    st.stop()

y = "per_1000" if per_capita else "value"
series = present.hover_monthly(series, value=y, unit="per_1000" if per_capita else None)
events = queries.events(filters.events_scope(level)) if show_events else None
title_key = "areas.chart.title_pc" if per_capita else "areas.chart.title"
label = metric_label(catalogue.loc[metric])
figure = charts.areas_over_time(
    series,
    y,
    events,
    {
        "title": t(title_key, metric=label),
        "y": t("unit.per_1000") if per_capita else present.unit_title(catalogue.loc[metric].unit),
        "synthetic_suffix": t("chart.legend.synthetic"),
    },
)
components.badge_if_synthetic(series)
st.plotly_chart(figure, key="areas_chart")
components.sources_caption(series, date_column="as_of_date")
if per_capita:
    st.caption(t("areas.population_note"))
    components.population_notes(series)

st.subheader(t("areas.table.title"))
latest = measures.latest_per_area(series)
st.dataframe(present.area_summary(latest, per_capita), hide_index=True, key="areas_table")
components.download_csv(
    series.drop(columns="hover"),
    file_name=f"pulih_wilayah_{metric}_{start:%Y-%m}_{end:%Y-%m}.csv",
    key="areas_download",
)
