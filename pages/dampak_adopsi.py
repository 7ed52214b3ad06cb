"""Dampak vs Adopsi: were the kecamatan that lost the most jobs, for their size, the ones whose
UMKM went online?

Per kecamatan: layoffs at their peak per 1.000 residents (or per 100 registered UMKM) against the
UMKM adoption rate some months later (or its change since the month before the peak); a fitted
line with r, its interval, p and n; a plain reading whose words follow the interval, names the
outliers and makes no causal claim; and two areas side by side over time.
"""

import pandas as pd
import streamlit as st

from analytics import impact, panels, policy, scatter
from analytics.chart_text import PairedText, ScatterText
from ui import captions, downloads, filters, fmt, hover, labels, present, tables
from ui.i18n import t, tn


def main(repo) -> None:
    st.title(t("impact.title"))
    st.caption(t("impact.intro"))
    notices = st.container()
    parent = filters.district_parent(repo)
    left, middle, right = st.columns(3)
    with left:
        denominators = {d: t(labels.DENOMINATORS[d]) for d in impact.DENOMINATORS}
        denominator = filters.choice(t("filter.denominator"), denominators, key="dampak")
    with right:  # first: the adoption measure's name says how many months it waits
        lag = filters.lag(maximum=impact.MAX_LAG)
    with middle:
        measures = {
            "level": tn("impact.adoption.level", "impact.adoption.level.plural", lag),
            "change": t("impact.adoption.change"),
        }
        adoption = filters.choice(t("filter.adoption_measure"), measures, key="ukuran_adopsi")
    demo = filters.demo()
    frame = impact.impact_and_adoption(repo, parent, denominator, lag, adoption, demo)
    if frame.empty:
        with notices:
            filters.url_notices()
        st.info(t("areas.no_data") if demo else t("areas.no_data_demo_off"))
        return
    unit = impact.impact_unit(frame, denominator)  # per 1.000 penduduk names its basis
    frame = hover.impact(frame, unit, adoption)
    line = impact.fit(frame)
    far = impact.outliers(frame, line)
    impact_scatter(frame, line, far, parent, denominator, unit, adoption, lag)
    st.subheader(t("impact.paired"))
    two_areas(repo, frame, far, parent)
    with notices:  # after every filter has read the URL
        filters.url_notices()


def impact_scatter(
    frame, line, far, parent: str, denominator: str, unit: str, adoption: str, lag: int
) -> None:
    """Impact against adoption, the fitted line, the reading and the table behind it; `unit`
    is the impact's unit (analytics.impact.impact_unit: per 1.000 penduduk with its basis)."""
    captions.badge_if_synthetic(frame)
    text = ScatterText(
        separators=fmt.separators(),
        title=t(labels.ADOPTION_CHARTS[adoption], lag=lag),
        x=t(labels.IMPACT_AXES[unit]),
        y=t(labels.ADOPTION_AXES[adoption], lag=lag),
        y_format=".0%" if adoption == "level" else ".1f",
        areas=t("impact.areas"),
        fitted=t("impact.fitted"),
        stats=present.chart_stats(line),
        context=captions.chart_context(
            frame[frame.excluded.isna()], date_column="adoption_month", precision="month"
        ),
    )
    st.plotly_chart(scatter.impact_vs_adoption(frame, line, text), key="impact_chart")
    st.caption(
        t(
            "impact.combinations",
            denominators=len(impact.DENOMINATORS),
            adoptions=len(impact.ADOPTION_MEASURES),
            lags=impact.MAX_LAG + 1,
            max_lag=impact.MAX_LAG,
            total=impact.combinations(),
        )
    )
    st.markdown(present.impact_reading(frame, line, far, unit, lag, adoption))
    captions.excluded_notes(frame)
    if unit == "per_1000_workplace":
        st.caption(t("areas.workplace_note"))
    if denominator == "per_1000":
        captions.other_year_note(frame[frame.excluded.isna()])
    captions.sources_caption(frame[frame.excluded.isna()])
    tables.show_grid_or_stacked(tables.impact_table(frame, unit, adoption), key="impact_table")
    meta = downloads.meta_for(
        "dampak_adopsi",
        t("title.impact"),
        scope=parent,
        impact=denominator,
        adopsi=adoption,
        lag=lag,
    )
    downloads.downloads(frame, meta, "impact_dl", (parent,))


def two_areas(repo, frame, far, parent: str) -> None:
    """Two areas side by side over time: PHK and the adoption rate, policy periods shaded."""
    names = dict(zip(frame.region_code, frame.region_name, strict=True))
    default = list(far.region_code[:2]) if len(far) >= 2 else list(names)[:2]
    pair = filters.multichoice(t("filter.pair"), names, key="pasangan", default=default, most=2)
    show_events = filters.toggle(t("chart.events"), key="kebijakan", default=True)
    first, last = repo.horizon()
    labour, umkm = impact.paired(repo, tuple(pair), first, last, filters.demo())
    labour, umkm = hover.monthly(labour), hover.umkm(umkm)
    events = policy.with_unknown_gaps(repo.events(parent)) if show_events else None
    context = captions.chart_context(labour, umkm, column="source_names", date_column="as_of_date")
    text = PairedText(
        separators=fmt.separators(),
        title=t("impact.paired.title"),
        phk=t("card.phk"),
        phk_synthetic=t("chart.legend.synthetic", label=t("card.phk")),
        adoption=t("card.adoption"),
        adoption_synthetic=t("chart.legend.synthetic", label=t("card.adoption")),
        y_phk=t("chart.axis.workers"),
        y_adoption=t("card.adoption"),
        unknown=t("events.legend.unknown"),
        context=context,
    )
    st.plotly_chart(panels.paired_over_time(labour, umkm, events, text), key="paired_chart")
    captions.chart_table(tables.paired_table(labour, umkm), context, key="paired_table")
    captions.events_caption(events)
    captions.badge_if_synthetic(labour, umkm)
    captions.sources_caption(labour, column="source_names", date_column="as_of_date")
    downloads.downloads(
        pd.concat([labour, umkm], ignore_index=True),
        downloads.meta_for("dua_wilayah", t("title.paired"), areas=", ".join(pair)),
        "paired_dl",
        tuple(pair),
        first,
        last,
    )


if __name__ == "__main__":  # a deep link's first visit runs this file alone: hand it to the router
    from ui import router

    router.run()
