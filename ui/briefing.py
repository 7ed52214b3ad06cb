"""Ringkasan's briefing to take away: "Unduh ringkasan (PDF)", one A4 page made on the server.

On it: the headline figures the cards show (real reports only, each with its unit, qualifier,
as-of date and source), the trend the page draws (PHK and dirumahkan, UMKM going digital, PSBB and
PPKM shaded, synthetic stretches dotted and badged), the "data per" date, and a link back to the
same view. Everything is put in words here, in the reader's language, while the page runs; the
file itself is drawn by ui/briefing_pdf.py only when the button is clicked (Streamlit's deferred
download), and cached per view.

The link is the address the reader's browser shows (st.context.url) with the page's current query
string. Where Streamlit cannot tell the address (a test run, no browser), the setting
PULIH_PUBLIC_URL (e.g. https://pulih.example.go.id/) is used, else http://localhost:8501/.
"""

import datetime as dt
import os
from urllib.parse import urlencode, urlsplit

import pandas as pd
import streamlit as st
from babel.dates import format_date

from analytics import briefing, headline, policy
from analytics.charts import PALETTE, colour_of
from analytics.metrics import TREND
from ui import captions, cards, fmt
from ui.briefing_pdf import Area, Axis, Chart, Headline, Page, Series, Shade, render
from ui.i18n import lang, metric_label, t

PUBLIC_URL = "PULIH_PUBLIC_URL"
DEFAULT_URL = "http://localhost:8501/"
PAGE_PATH = "ringkasan"
TICKS_EVERY_MONTHS = 6
LABEL_GAP_DAYS = 60  # rotated labels closer than this print over each other on paper
CACHE_TTL_SECONDS = 600


def download(repo, areas: dict[str, str], chosen: str, show_events: bool, demo: bool) -> None:
    """The download button; `chosen` and `show_events` are the trend's choices on the page."""
    page = content(repo, areas, chosen, show_events, demo, view_url())
    # a briefing with demo data on it says so in its name, as every download does
    # (analytics/exports.py file_name: "_sintetis" in every language)
    synthetic = "_sintetis" if page.badge else ""
    st.download_button(
        t("briefing.download"),
        data=lambda: render(page),  # drawn on click, on Streamlit's download thread
        file_name=f"pulih_ringkasan_{chosen}_{lang()}{synthetic}.pdf",
        mime="application/pdf",
        icon=":material/picture_as_pdf:",
        on_click="ignore",
        key="briefing_pdf",
        help=t("briefing.download_help"),
    )


def view_url() -> str:
    """This view's address: the browser's URL (or the setting) with the current query string."""
    base = st.context.url if _is_web(st.context.url) else None
    if base is None:
        setting = os.environ.get(PUBLIC_URL, "")
        base = (setting if _is_web(setting) else DEFAULT_URL).rstrip("/") + "/" + PAGE_PATH
    if not urlsplit(base).path:
        base += "/"  # the default page's address has no path: "http://host:8501/"
    query = urlencode([(k, v) for k in st.query_params for v in st.query_params.get_all(k)])
    return base + ("?" + query if query else "")


def _is_web(url) -> bool:
    parts = urlsplit(url) if isinstance(url, str) else None
    return bool(parts and parts.scheme in ("http", "https") and parts.netloc)


def content(
    repo, areas: dict[str, str], chosen: str, show_events: bool, demo: bool, url: str
) -> Page:
    """Everything the page says, in the reader's language."""
    chart = trend_chart(repo, areas[chosen], chosen, show_events, demo)
    any_synthetic = any(s.synthetic for s in chart.series)
    build = repo.build_info()
    built = fmt.date(build.finished_at.iloc[0]) if not build.empty else "—"
    return Page(
        title=t("briefing.title"),
        subtitle=t("app.tagline"),
        data_per=t("briefing.data_per", date=data_per(repo, tuple(areas))),
        areas=tuple(
            Area(areas[code], headlines(repo, code, demo)) for code in sorted(areas)
        ),  # Banten (36) before Kota Tangerang (36.71), as the page shows them
        headline_note=t("briefing.real_only"),
        chart=chart,
        # at the top: what is synthetic (the chart; the figures above it are real only)
        badge=t("briefing.badge") if any_synthetic else None,
        link_label=t("briefing.link"),
        url=url,
        footer=t("briefing.footer", built=built),
    )


def data_per(repo, regions: tuple[str, ...]) -> str:
    """The newest as-of date of the real figures on the cards, as the page says it
    (analytics/headline.py data_per), as precisely as it is known."""
    found = headline.data_per(repo, regions)
    return fmt.date(*found) if found else "—"


def headlines(repo, region: str, demo: bool) -> tuple[Headline, ...]:
    """The cards of one area as the page shows them, real figures only: a card without a real
    report says "belum ada angka" (its demo line stays on screen, never on paper)."""
    out = []
    for row in headline.cards(repo, region, synthetic=demo).itertuples():
        if row.value is None or pd.isna(row.value):
            out.append(Headline(t(row.card), t("card.none"), ()))
            continue
        source = captions.sources_text([_source(row.outlet, row.statement_by)])
        details = cards.detail_lines(repo, row, source, _plain)
        if row.conflict:  # the page links the comparison; on paper it is said
            details.append(t("briefing.conflict"))
        figure = fmt.figure(row.value, row.qualifier, row.unit)
        out.append(Headline(t(row.card), figure, tuple(details)))
    return tuple(out)


def trend_chart(repo, area_name: str, area: str, show_events: bool, demo: bool) -> Chart:
    """The page's trend for the chosen area, as the PDF draws it (the same queries)."""
    labour = repo.monthly((area,), TREND, synthetic=demo)
    umkm = repo.umkm_monthly((area,), synthetic=demo)
    events = policy.with_unknown_gaps(repo.events(area)) if show_events else None
    # each line named as the page names it, in the reader's language
    names = {r.code: metric_label(r) for r in repo.metric_catalogue().itertuples()}
    labels = {
        m: names.get(m, label) for m, label in zip(labour.metric, labour.metric_label, strict=True)
    }
    colours = {m: colour_of(i) for i, m in enumerate(sorted(labels))}
    series = [
        _series(line, labels[line.key], colours[line.key], right_axis=False)
        for line in briefing.lines(labour, "metric", "value")
    ] + [
        _series(line, t("card.umkm_onboarded"), PALETTE[2], right_axis=True)
        for line in briefing.lines(umkm, None, "onboarded", key="umkm_onboarded")
    ]
    first, last = repo.horizon()
    months = [m for s in series for m in s.months]
    start, end = (min(months), max(months)) if months else (first, last)
    x_range = (start, _next_month(end))
    ticks = [
        m for m in pd.date_range(start, end, freq="MS").date if m.month % TICKS_EVERY_MONTHS == 1
    ]
    locale = fmt.LOCALES[lang()]
    months_setting = repo.build_info().max_carry_months.iloc[0]
    notes = [
        t("chart.note.asof", months=months_setting)
        if demo
        else t("chart.note.asof_real", months=months_setting)
    ]
    if events is not None and not events.empty:
        notes.insert(0, t("events.caption"))
        if (events["kind"] == policy.UNKNOWN).any():
            notes.insert(1, t("events.unknown"))
    notes.append(captions.sources_text(_sources(labour, umkm)))
    return Chart(
        title=t("chart.overview.title", area=area_name),
        series=tuple(series),
        shades=_shades(events, x_range),
        x_ticks=tuple(ticks),
        x_labels=tuple(format_date(m, "MMM y", locale=locale) for m in ticks),
        x_range=x_range,
        left=_axis(t("chart.axis.workers"), [s for s in series if not s.right_axis]),
        right=(
            _axis(t("chart.axis.umkm"), [s for s in series if s.right_axis])
            if any(s.right_axis for s in series)
            else None
        ),
        notes=tuple(notes),
        shade_names=_shade_names(events, x_range),
        conflict_name=t("conflict.legend"),
        badge=t("badge.synthetic"),
    )


def _shade_names(events: pd.DataFrame | None, x_range) -> tuple[tuple[str, str], ...]:
    """(kind, legend name) of each kind of period shaded on the chart, in the page's words."""
    kinds = {shade.kind for shade in _shades(events, x_range)}
    return tuple(
        (kind, t("events.legend.unknown") if kind == policy.UNKNOWN else kind)
        for kind in sorted(kinds, key=lambda k: (k == policy.UNKNOWN, k))
    )


def _series(line: briefing.Line, label: str, colour: str, right_axis: bool) -> Series:
    name = t("chart.legend.synthetic", label=label) if line.synthetic else label
    return Series(
        name, colour, right_axis, line.synthetic, line.months, line.values, line.conflicts
    )


def _axis(title: str, series: list[Series]) -> Axis:
    """Round ticks from 0 to at least the highest value, written as the reader writes numbers."""
    top = max((v for s in series for v in s.values if v is not None), default=0.0)
    ticks = _nice_ticks(top)
    return Axis(title, ticks, tuple(fmt.number(v, decimals=0) for v in ticks))


def _nice_ticks(top: float, most: int = 6) -> tuple[float, ...]:
    """0, step, 2·step … up to the first tick above `top` by at least 1 % (a line on the frame's
    edge is hard to read), the step 1, 2, 2.5 or 5 × 10ⁿ."""
    if top <= 0:
        return (0.0, 1.0)
    for exponent in range(0, 16):
        for base in (1, 2, 2.5, 5):
            step = base * 10**exponent
            count = -(-(top * 1.01) // step)  # ceiling
            if count <= most - 1:
                return tuple(float(step * i) for i in range(int(count) + 1))
    return (0.0, float(top))


def _shades(events: pd.DataFrame | None, x_range: tuple[dt.date, dt.date]) -> tuple[Shade, ...]:
    """Each policy period inside the chart's range; one label per run of periods of one kind
    (weekly PPKM extensions would otherwise write a label a week), as the page's chart does."""
    if events is None or events.empty:
        return ()
    out: list[Shade] = []
    covered_to: dict[str, dt.date] = {}
    last_label: dt.date | None = None
    for e in events.sort_values("start_date", kind="stable").itertuples():
        start = pd.Timestamp(e.start_date).date()
        end = pd.Timestamp(e.end_date).date() + dt.timedelta(days=1)
        run_end = covered_to.get(e.kind)
        continues = run_end is not None and start <= run_end
        covered_to[e.kind] = max(end, run_end) if continues else end
        if end <= x_range[0] or start >= x_range[1]:
            continue
        label = None if continues else ("?" if e.kind == policy.UNKNOWN else str(e.kind))
        if label and last_label and (start - last_label).days < LABEL_GAP_DAYS:
            label = None  # on paper two labels this close print over each other
        last_label = start if label else last_label
        out.append(Shade(max(start, x_range[0]), min(end, x_range[1]), str(e.kind), label))
    return tuple(out)


def _sources(*frames: pd.DataFrame) -> list[str]:
    names = {
        name
        for frame in frames
        if "source_names" in frame
        for cell in frame["source_names"].dropna()
        for name in str(cell).split("; ")
        if name
    }
    return sorted(names)


def _source(outlet, statement_by) -> str:
    """'<who>, <outlet>' from the data, with any address left out (the dashboard links it)."""
    outlet = " ".join(w for w in str(outlet or "").split() if not w.startswith("http"))
    who = _plain(statement_by)
    return ", ".join(part for part in (who, outlet) if part) or "—"


def _plain(text) -> str:
    """Data-derived text for the page: one line of plain characters (the PDF renders no markup,
    and its maths parsing is off)."""
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        return ""
    return " ".join(str(text).split())


def _next_month(month: dt.date) -> dt.date:
    return (pd.Timestamp(month) + pd.offsets.MonthBegin(1)).date()
