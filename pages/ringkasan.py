"""Ringkasan: the mayor's one-minute view.

Headline cards for Banten and Kota Tangerang (latest reported figure, date, qualifier, source), the
trend of layoffs and furloughs against UMKM going digital with PSBB/PPKM shaded, Banten's reported
timeline, and Kota Tangerang's reports with the workplace and KTP-resident bases kept apart.
"""

import pandas as pd
import streamlit as st

from analytics import charts, headline, policy
from analytics.chart_text import TrendText
from analytics.metrics import KOTA_REPORTED, LABOUR, TREND
from ui import briefing, captions, cards, downloads, filters, fmt, hover, safe, tables
from ui.i18n import t

BANTEN, KOTA = "36", "36.71"
AREAS = {KOTA: "Kota Tangerang", BANTEN: "Provinsi Banten"}
CARDS_PER_ROW = 3


def main(repo) -> None:
    st.title(t("overview.title"))
    st.caption(t("overview.intro"))
    captions.data_as_of(repo, (BANTEN, KOTA))
    demo = filters.demo()
    headline_cards(repo, demo)
    take_away = st.container()  # the briefing follows the trend's choices, made further down
    what_changed(repo)
    st.divider()
    area, show_events = trend(repo, demo)
    st.divider()
    banten_timeline(repo, demo)
    kota_bases(repo, demo)
    with take_away:
        briefing.download(repo, AREAS, area, show_events, demo)


def headline_cards(repo, demo: bool) -> None:
    for code in (BANTEN, KOTA):
        st.subheader(AREAS[code])
        rows = list(headline.cards(repo, code, synthetic=demo).itertuples())
        for start in range(0, len(rows), CARDS_PER_ROW):  # three a row keeps each figure whole
            for column, card in zip(
                st.columns(CARDS_PER_ROW), rows[start : start + CARDS_PER_ROW], strict=False
            ):
                with column:
                    cards.headline_card(repo, card, code)


def what_changed(repo) -> None:
    """A new release of a series: what moved, so nobody has to diff two spreadsheets."""
    for (series, latest, previous), changes in repo.revisions().groupby(
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
        tables.show(tables.revisions_table(changes), key=f"revisions_{series}")
        downloads.downloads(
            changes,
            downloads.meta_for(f"revisi_{series}", t("revisions.title"), series=series),
            f"revisions_dl_{series}",
        )


def trend(repo, demo: bool) -> tuple[str, bool]:
    """Labour impact against UMKM onboarding, policy periods shaded; returns the area and whether
    the periods are shown (the briefing draws the same)."""
    area = filters.choice(t("chart.overview.area"), AREAS, key="wilayah")
    show_events = filters.toggle(t("chart.events"), key="kebijakan", default=True)
    labour = hover.monthly(repo.monthly((area,), TREND, synthetic=demo))
    umkm = hover.umkm(repo.umkm_monthly((area,), synthetic=demo))
    events = policy.with_unknown_gaps(repo.events(area)) if show_events else None
    context = captions.chart_context(labour, umkm, date_column="as_of_date")
    figure = charts.impact_over_time(
        labour,
        umkm,
        events,
        TrendText(
            separators=fmt.separators(),
            title=t("chart.overview.title", area=AREAS[area]),
            y_workers=t("chart.axis.workers"),
            y_umkm=t("chart.axis.umkm"),
            umkm_label=t("card.umkm_onboarded"),
            synthetic_suffix=t("chart.legend.synthetic"),
            conflict=t("conflict.legend"),
            unknown=t("events.legend.unknown"),
            context=context,
        ),
    )
    captions.badge_if_synthetic(labour, umkm)
    st.plotly_chart(figure, key="overview_chart")
    captions.chart_table(tables.trend_table(labour, umkm), context, key="overview_table")
    captions.events_caption(events)
    if umkm.empty:
        st.caption(t("chart.no_umkm") if demo else t("chart.no_umkm_real"))
    months = repo.build_info().max_carry_months.iloc[0]
    note = t("chart.note.asof", months=months) if demo else t("chart.note.asof_real", months=months)
    st.caption(note)
    onboarded = umkm.assign(metric="umkm_onboarded", metric_label=t("card.umkm_onboarded"))
    captions.months_caption(pd.concat([labour, onboarded]))
    # one caption for the figures and the register: a second "Sumber:" line named the register's
    # source again, alone, with nothing to say what it was the source of
    captions.sources_caption(pd.concat([labour, umkm]), date_column="as_of_date")
    downloads.downloads(
        pd.concat([labour, umkm], ignore_index=True),
        downloads.meta_for("ringkasan_tren", t("title.trend"), area=area),
        "trend_dl",
        (area,),
    )
    return area, show_events


def banten_timeline(repo, demo: bool) -> None:
    """Banten's reported timeline (20 May 2020 reads 17.298 / 27.569 / 59)."""
    st.subheader(t("timeline.banten.title"))
    banten = repo.reported((BANTEN,), LABOUR, synthetic=demo)
    tables.show_whole_or_stacked(tables.reported_timeline(banten, LABOUR), key="banten_timeline")
    captions.sources_caption(banten, column="outlet")
    downloads.downloads(
        banten,
        downloads.meta_for("linimasa_banten", t("title.timeline"), area=BANTEN),
        "banten_dl",
        (BANTEN,),
    )


def kota_bases(repo, demo: bool) -> None:
    """Kota Tangerang's reports on its two bases, never added together."""
    st.subheader(t("timeline.kota.title"))
    st.caption(t("timeline.bases_note"))
    kota = repo.reported((KOTA,), KOTA_REPORTED, synthetic=demo)
    # one under the other, each the page's width: side by side, half a page each, their words
    # broke mid-word ("pekerj a"); on a phone a block per report
    st.markdown("**" + t("timeline.kota.workplace") + "**")
    tables.show_whole_or_stacked(
        tables.reported_list(kota[kota.basis == "workplace"]), key="kota_workplace"
    )
    st.markdown("**" + t("timeline.kota.ktp") + "**")
    tables.show_whole_or_stacked(
        tables.reported_list(kota[kota.basis == "ktp_kota_tangerang"]), key="kota_ktp"
    )
    downloads.downloads(
        kota,
        downloads.meta_for("laporan_kota_tangerang", t("title.bases"), area=KOTA),
        "kota_dl",
        (KOTA,),
    )


if __name__ == "__main__":  # a deep link's first visit runs this file alone: hand it to the router
    from ui import router

    router.run()
