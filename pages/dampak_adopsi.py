"""Dampak vs Adopsi: were the kecamatan that lost the most jobs, for their size, the ones whose
UMKM went online?

Per kecamatan: layoffs at their peak per 1.000 residents (or per 100 registered UMKM) against the
UMKM adoption rate some months later; a fitted line with r and n; a plain reading that names the
outliers and makes no causal claim; and two areas side by side over time.
"""

import pandas as pd
import streamlit as st

from analytics import charts, impact, queries
from ui import components, filters, present
from ui.i18n import t

components.page_setup()
st.title(t("impact.title"))
st.caption(t("impact.intro"))
notices = st.container()

parent = filters.scope("district")
left, right = st.columns(2)
with left:
    denominator = filters.choice(
        "filter.denominator", {d: t(f"impact.{d}") for d in impact.DENOMINATORS}, key="dampak"
    )
with right:
    lag = filters.lag(maximum=impact.MAX_LAG)

frame = impact.impact_and_adoption(parent, denominator, lag)
if frame.empty:
    st.info(t("areas.no_data"))
    st.stop()
frame = present.hover_impact(frame, denominator)
line = impact.fit(frame)
far = impact.outliers(frame, line)

components.badge_if_synthetic(frame)
st.plotly_chart(
    charts.impact_vs_adoption(
        frame,
        line,
        {
            "title": t("impact.chart", lag=lag),
            "x": t(f"impact.axis.{denominator}"),
            "y": t("impact.axis.adoption", lag=lag),
            "areas": t("impact.areas"),
            "fitted": t("impact.fitted"),
            "stats": present.chart_stats(line),
        },
    ),
    key="impact_chart",
)
st.markdown(present.impact_reading(frame, line, far, denominator, lag))
components.excluded_notes(frame)
if denominator == "per_1000":
    components.other_year_note(frame[frame.excluded.isna()])
components.sources_caption(frame.assign(sources=t("impact.sources")))
st.dataframe(present.impact_table(frame, denominator), hide_index=True, key="impact_table")
components.downloads(
    frame,
    components.meta_for("dampak_adopsi", "title.impact", scope=parent, impact=denominator, lag=lag),
    "impact_dl",
    (parent,),
)

st.subheader(t("impact.paired"))
names = dict(zip(frame.region_code, frame.region_name, strict=True))
default = list(far.region_code[:2]) if len(far) >= 2 else list(names)[:2]
pair = filters.multichoice("filter.pair", names, key="pasangan", default=default, most=2)
show_events = filters.toggle("chart.events", key="kebijakan", default=True)
with notices:
    filters.url_notices()
labour, umkm = impact.paired(tuple(pair), queries.FIRST_MONTH, queries.LAST_MONTH)
labour, umkm = present.hover_monthly(labour), present.hover_umkm(umkm)
st.plotly_chart(
    charts.paired_over_time(
        labour,
        umkm,
        queries.events(parent) if show_events else None,
        {
            "title": t("impact.paired.title"),
            "phk": t("card.phk"),
            "phk_synthetic": t("chart.legend.synthetic", label=t("card.phk")),
            "adoption": t("card.adoption"),
            "adoption_synthetic": t("chart.legend.synthetic", label=t("card.adoption")),
            "y_phk": t("chart.axis.workers"),
        },
    ),
    key="paired_chart",
)
components.badge_if_synthetic(labour, umkm)
components.sources_caption(labour, column="source_names", date_column="as_of_date")
components.downloads(
    pd.concat([labour, umkm], ignore_index=True),
    components.meta_for("dua_wilayah", "title.paired", areas=", ".join(pair)),
    "paired_dl",
    tuple(pair),
    queries.FIRST_MONTH,
    queries.LAST_MONTH,
)
