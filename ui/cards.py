"""A headline card: one real figure with its unit, as-of date, qualifier and source."""

import pandas as pd
import streamlit as st

from analytics.headline import COMBINED
from ui import fmt, navigation, safe
from ui.captions import source_text, synthetic_badge
from ui.i18n import metric_label, t


def headline_card(repo, row, region: str) -> None:
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
        source = source_text(row.outlet, row.url, row.statement_by)
        lines = detail_lines(repo, row, source, safe.plain)
        st.caption("  \n".join(lines))
        if row.conflict:
            navigation.conflict_link(repo, region, key=f"conflict_{region}_{row.card}")
        if row.synthetic:
            synthetic_badge()


def detail_lines(repo, row, source: str, plain) -> list[str]:
    """The lines under a card's real figure, in the reader's language: its as-of date, what the
    figure measures where the card's title does not say it, `source` (the source line as the
    page or the briefing writes it), a newer combined report, the outlets that also cited it,
    and an undated report of another figure. `plain` makes data-derived text plain for where it
    is written (the page's markdown caption, the PDF's text). The page's card and the briefing
    (ui/briefing.py) both write these."""
    lines = [t("card.as_of", date=fmt.date(row.as_of, row.date_precision))]
    names = {r.code: metric_label(r) for r in repo.metric_catalogue().itertuples()}
    label = names.get(row.metric, row.label_id)
    if isinstance(label, str) and label and t(row.card) != label:
        lines.append(t("card.measured_as", label=plain(label)))
    lines.append(source)
    if row.newer_value is not None and pd.notna(row.newer_value):
        lines.append(
            t(
                "card.newer",
                label=plain(names.get(COMBINED, row.newer_label)),
                figure=fmt.figure(row.newer_value, row.newer_qualifier, row.unit),
                date=fmt.date(row.newer_date, row.newer_precision),
            )
        )
    if isinstance(row.also_cited, str) and row.also_cited:
        lines.append(t("card.also_cited", outlets=plain(row.also_cited)))
    if row.undated_value is not None and pd.notna(row.undated_value):
        lines.append(
            t(
                "card.undated",
                figure=fmt.figure(row.undated_value, row.undated_qualifier, row.unit),
                date=fmt.date(row.undated_date, "year"),
                outlet=plain(row.undated_outlet),
            )
        )
    return lines
