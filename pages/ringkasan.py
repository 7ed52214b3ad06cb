"""Ringkasan: the mayor's one-minute view.

Headline cards for Banten and Kota Tangerang (latest reported figure, date, qualifier, source), the
trend of layoffs and furloughs against UMKM going digital with PSBB/PPKM shaded, Banten's reported
timeline, and Kota Tangerang's reports with the workplace and KTP-resident bases kept apart.
"""

import pandas as pd
import streamlit as st

from analytics import charts, policy, queries
from analytics.metrics import KOTA_REPORTED, LABOUR
from ui import components, filters, fmt, present, safe
from ui.i18n import t

BANTEN, KOTA = "36", "36.71"
AREAS = {KOTA: "Kota Tangerang", BANTEN: "Provinsi Banten"}
CARDS_PER_ROW = 3

components.page_setup()
st.title(t("overview.title"))
st.caption(t("overview.intro"))

# Headline cards
for code in (BANTEN, KOTA):
    st.subheader(AREAS[code])
    cards = list(queries.headline(code, synthetic=filters.demo()).itertuples())
    for start in range(0, len(cards), CARDS_PER_ROW):  # three a row keeps each figure whole
        row = cards[start : start + CARDS_PER_ROW]
        for column, card in zip(st.columns(CARDS_PER_ROW), row, strict=False):
            with column:
                components.headline_card(card, code)

# A new release of a series: say what moved, so nobody has to diff two spreadsheets
revisions = queries.revisions()
for (series, latest, previous), changes in revisions.groupby(
    ["series", "latest_vintage", "previous_vintage"], sort=False
):
    st.subheader(t("revisions.title"))
    st.caption(
        t(
            "revisions.caption",
            publisher=safe.plain(changes.publisher.iloc[0]),
            latest=fmt.date(latest),
            previous=fmt.date(previous),
        )
    )
    st.dataframe(present.revisions_table(changes), hide_index=True, key=f"revisions_{series}")
    components.downloads(
        changes,
        components.meta_for(f"revisi_{series}", "revisions.title", series=series),
        f"revisions_dl_{series}",
    )

# Trend: labour impact against UMKM onboarding, policy periods shaded
st.divider()
area = filters.choice("chart.overview.area", AREAS, key="wilayah")
show_events = filters.toggle("chart.events", key="kebijakan", default=True)
demo = filters.demo()
labour = present.hover_monthly(queries.monthly((area,), ("phk", "dirumahkan"), synthetic=demo))
umkm = present.hover_umkm(queries.umkm_monthly((area,), synthetic=demo))
events = policy.with_unknown_gaps(queries.events(area)) if show_events else None
figure = charts.impact_over_time(
    labour,
    umkm,
    events,
    {
        "title": t("chart.overview.title", area=AREAS[area]),
        "y_workers": t("chart.axis.workers"),
        "y_umkm": t("chart.axis.umkm"),
        "umkm_label": t("card.umkm_onboarded"),
        "synthetic_suffix": t("chart.legend.synthetic"),
        "conflict": t("conflict.legend"),
    },
)
components.badge_if_synthetic(labour, umkm)
st.plotly_chart(figure, key="overview_chart")
components.events_caption(events)
if umkm.empty:
    st.caption(t("chart.no_umkm" if demo else "chart.no_umkm_real"))
st.caption(
    t(
        "chart.note.asof" if demo else "chart.note.asof_real",
        months=queries.build_info().max_carry_months.iloc[0],
    )
)
components.months_caption(
    pd.concat([labour, umkm.assign(metric="umkm_onboarded", metric_label=t("card.umkm_onboarded"))])
)
components.sources_caption(labour, date_column="as_of_date")
if not umkm.empty:
    components.sources_caption(umkm)
components.downloads(
    pd.concat([labour, umkm], ignore_index=True),
    components.meta_for("ringkasan_tren", "title.trend", area=area),
    "trend_dl",
    (area,),
)

# Banten: the reported timeline (20 May 2020 reads 17.298 / 27.569 / 59)
st.divider()
st.subheader(t("timeline.banten.title"))
banten = queries.reported((BANTEN,), LABOUR, synthetic=demo)
st.dataframe(present.reported_timeline(banten, LABOUR), hide_index=True, key="banten_timeline")
components.sources_caption(banten, column="outlet")
components.downloads(
    banten,
    components.meta_for("linimasa_banten", "title.timeline", area=BANTEN),
    "banten_dl",
    (BANTEN,),
)

# Kota Tangerang: the two bases, never added together
st.subheader(t("timeline.kota.title"))
st.caption(t("timeline.bases_note"))
kota = queries.reported((KOTA,), KOTA_REPORTED, synthetic=demo)
workplace, ktp = st.columns(2)
with workplace:
    st.markdown(f"**{t('timeline.kota.workplace')}**")
    rows = kota[kota.basis == "workplace"]
    st.dataframe(present.reported_list(rows), hide_index=True, key="kota_workplace")
with ktp:
    st.markdown(f"**{t('timeline.kota.ktp')}**")
    rows = kota[kota.basis == "ktp_kota_tangerang"]
    st.dataframe(present.reported_list(rows), hide_index=True, key="kota_ktp")
components.downloads(
    kota,
    components.meta_for("laporan_kota_tangerang", "title.bases", area=KOTA),
    "kota_dl",
    (KOTA,),
)
