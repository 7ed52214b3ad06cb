"""How every chart looks, and what it carries so that it stands alone.

- Colours: Okabe and Ito's colour-blind-safe set, one colour per measure on every chart (PHK is
  vermillion wherever it is drawn), and a marker shape per measure, so no two series are told apart
  by red against green alone. Yellow is left out: a thin yellow line is not visible on white.
- Text: dark on white (Streamlit's grey axis text is 3,7:1 against white, under WCAG's 4,5:1).
- What a picture of the chart keeps (Plotly's PNG button saves the figure, not the page): the title,
  wrapped to fit a phone; the legend under it, inside the figure; and, under the plot, the synthetic
  badge (exactly when a synthetic figure is drawn), the sources and the as-of dates.

Plotly does not wrap text and cannot measure it for us, so titles and notes are wrapped at a count
of characters that fits a phone (390 px wide), and the margins are counted in lines.
"""

import html
import textwrap
from collections.abc import Iterable

import pandas as pd
import plotly.graph_objects as go
from babel.dates import format_date

from analytics.chart_text import ChartContext

# Okabe & Ito (2008), "Color Universal Design"; in the order lines are given them
BLUE, VERMILLION, GREEN, PURPLE, BLACK, ORANGE, SKY = (
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#CC79A7",
    "#000000",
    "#E69F00",
    "#56B4E9",
)
PALETTE = (BLUE, VERMILLION, GREEN, PURPLE, BLACK, ORANGE, SKY)
# after the palette has gone round once, the next lines get another marker
SYMBOLS = ("circle", "square", "diamond", "triangle-up")
# one colour and one marker per measure, on every chart
MEASURE = {
    "phk": (VERMILLION, "circle"),
    "dirumahkan": (BLUE, "diamond"),
    "umkm": (GREEN, "square"),
}

TEXT = "#262730"  # Streamlit's own text colour: 15:1 on white
BACKGROUND = "#FFFFFF"
GRID = "#E3E5EA"
BADGE_BACKGROUND = ORANGE  # black on Okabe-Ito orange: 9,8:1

FONT = 13
TITLE_FONT = 16
NOTE_FONT = 12
TITLE_CHARS = 42  # about 340 px of 16 px bold text: a phone's chart width
NOTE_CHARS = 52  # about 330 px of 12 px text
TITLE_LINE, NOTE_LINE = 21, 16
X_TICKS = 26  # the x axis' tick labels under the plot
X_TITLE = 22  # an x axis title under them
# A legend entry's row: a phone (390 px) fits one entry a row, and Plotly draws each 20 px high
# (measured: 9 entries, 181 px; 16 entries, 314 px)
LEGEND_ROW = 20
LEGEND_GAP = 18  # between the legend's top and the title, and the legend and the plot
# On a phone the plot keeps at least this many times the legend's height: 60 % of the two and a
# little over. Ringkasan's ten entries (200 px) over a plot of the legend's height left the legend
# half of the chart on a 390 px phone; a plot is what the chart is for.
PLOT_PER_LEGEND = 1.6


# A time axis marked at each January with the year alone: "2021" reads the same in every
# language (Plotly's own month names are English), and four labels fit a phone's panel.
YEARS_ON_X = {"dtick": "M12", "tickformat": "%Y", "tick0": "2020-01-01"}
# dark text on every axis, light lines
AXES = {
    "tickfont": {"color": TEXT, "size": NOTE_FONT},
    "title": {"font": {"color": TEXT, "size": NOTE_FONT}},
    "gridcolor": GRID,
    "linecolor": GRID,
    "zerolinecolor": GRID,
}


def years_on_x(fig: go.Figure) -> None:
    fig.update_xaxes(**YEARS_ON_X)


def month_span(months: Iterable) -> tuple[pd.Timestamp, pd.Timestamp]:
    """From half a month before the first month plotted to the end of the last one: the axis
    covers the figures shown and no more (Plotly's own range ran on to the last policy period,
    2022, beside figures that end in 2021)."""
    ordered = pd.to_datetime(pd.Series(list(months))).dropna().sort_values()
    first, last = ordered.iloc[0], ordered.iloc[-1]
    return first - pd.Timedelta(days=15), last + pd.offsets.MonthBegin(1)


def months_on_x(months: Iterable, locale: str) -> dict:
    """An x axis over the months plotted (month_span), a tick at each January in it named by its
    year, and one at the first month naming its month and year when that is no January ("Apr
    2020"): with ticks at Januaries alone, figures from April 2020 had no tick saying 2020."""
    start, end = month_span(months)
    first = (start + pd.Timedelta(days=15)).normalize()
    januaries = [d for d in pd.date_range(first, end, freq="YS") if d < end]
    ticks = ([] if first.month == 1 else [first]) + januaries
    texts = [
        str(d.year) if d.month == 1 else format_date(d.date(), "MMM yyyy", locale=locale)
        for d in ticks
    ]
    return {
        "range": [start.isoformat(), end.isoformat()],
        "autorange": False,
        "tickmode": "array",
        "tickvals": [d.isoformat() for d in ticks],
        "ticktext": texts,
    }


def colour_of(i: int) -> str:
    """The i-th series' colour: the palette repeats rather than runs out."""
    return PALETTE[i % len(PALETTE)]


def symbol_of(i: int) -> str:
    """The i-th series' marker: a new shape each time the palette starts again, so the 8th line
    is not the 1st line's twin."""
    return SYMBOLS[(i // len(PALETTE)) % len(SYMBOLS)]


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` characters (Plotly draws a line as long as it is given). Text
    that already holds <br> keeps its breaks."""
    lines: list[str] = []
    for part in text.split("<br>"):
        lines += textwrap.wrap(part, width, break_long_words=False, break_on_hyphens=False) or [""]
    return lines


def any_synthetic(*frames) -> bool:
    return any(
        "synthetic" in f and bool(f["synthetic"].fillna(False).astype(bool).any())
        for f in frames
        if f is not None
    )


def legend_entries(traces: Iterable[dict]) -> int:
    """How many entries Plotly writes in the legend for these traces (as dicts): one a trace
    shown in it."""
    return sum(1 for trace in traces if trace.get("showlegend", True) is not False)


def notes(context: ChartContext, extra: Iterable[str] = ()) -> list[str]:
    """The lines under the plot: any extra lines (the scatter's statistics, Plotly text), the
    sources, the as-of dates (plain text from the data, escaped); each part wrapped on its own."""
    lines: list[str] = []
    for part in (*extra, html.escape(context.source), html.escape(context.as_of)):
        if part:
            lines += wrap(part, NOTE_CHARS)
    return lines


def stand_alone(
    fig: go.Figure,
    title: str,
    context: ChartContext,
    synthetic: bool,
    height: int,
    x_title: bool = False,
    extra: Iterable[str] = (),
) -> go.Figure:
    """Title on top with the legend right under it, the badge and the notes under the plot, all
    inside the figure; dark text on white. `height` is the height of the whole figure in px, at
    least (standing: a long legend makes it taller)."""
    entries = legend_entries(trace.to_plotly_json() for trace in fig.data)
    layout, footer = standing(title, context, synthetic, height, x_title, extra, entries)
    fig.update_layout(annotations=list(fig.layout.annotations) + footer, **layout)
    fig.update_xaxes(**AXES)
    fig.update_yaxes(**AXES)
    return fig


def standing(
    title: str,
    context: ChartContext,
    synthetic: bool,
    height: int,
    x_title: bool = False,
    extra: Iterable[str] = (),
    entries: int = 0,
    plot: tuple[int, int] | None = None,
) -> tuple[dict, list[dict]]:
    """What stand_alone sets, for a figure built as a dict: the layout's properties, and the
    annotations under the plot (the badge, the notes) that follow the figure's own.

    `entries`: how many entries the legend has. On a phone each takes a row of its own, and a
    legend of many areas was taller than the plot it explains; the figure grows so that the plot
    keeps PLOT_PER_LEGEND times the legend's height there (on a desktop, where the entries share a
    row, the plot gets the room)."""
    title_lines = wrap(title, TITLE_CHARS)
    lines = notes(context, extra)
    top = 12 + TITLE_LINE * len(title_lines)
    left = 56
    below = X_TICKS + (X_TITLE if x_title else 0)
    badge = NOTE_LINE + 8 if synthetic else 0
    bottom = below + badge + NOTE_LINE * len(lines) + 12
    legend = LEGEND_ROW * entries
    height = max(height, round(top + 2 * LEGEND_GAP + (1 + PLOT_PER_LEGEND) * legend + bottom))
    margin_top = top + 30
    if plot is not None:
        margin_top = top + LEGEND_GAP + legend + plot[1]
        height = margin_top + plot[0] + bottom
    footer = [
        {
            "text": "<br>".join(lines),
            "xref": "paper",
            "yref": "paper",
            "x": 0,
            "y": 0,
            "xanchor": "left",
            "yanchor": "top",
            "yshift": -(below + badge),
            "xshift": 8 - left,  # from the figure's left edge, not the plot's: a phone is narrow
            "align": "left",
            "showarrow": False,
            "font": {"size": NOTE_FONT, "color": TEXT},
        }
    ]
    if synthetic:
        footer.insert(
            0,
            {
                "text": f"<b>{context.badge}</b>",
                "xref": "paper",
                "yref": "paper",
                "x": 0,
                "y": 0,
                "xanchor": "left",
                "yanchor": "top",
                "yshift": -below,
                "xshift": 8 - left,
                "showarrow": False,
                "bgcolor": BADGE_BACKGROUND,
                "borderpad": 2,
                "font": {"size": NOTE_FONT, "color": BLACK},
            },
        )
    layout = {
        "height": height,
        "title": {
            "text": "<br>".join(title_lines),
            "x": 0,
            "xref": "container",
            "xanchor": "left",
            # anchored at its middle: Plotly puts a title of several lines anchored at its top
            # one line too high, and cuts the first
            "y": 1 - (8 + TITLE_LINE * len(title_lines) / 2) / height,
            "yref": "container",
            "yanchor": "middle",
            "pad": {"l": 8},
            "font": {"size": TITLE_FONT, "color": TEXT},
        },
        # a legend placed on the figure (not the plot) reserves the margin it needs: however
        # many rows it wraps to on a phone, the plot starts under it and nothing is cut
        "legend": {
            "orientation": "h",
            "xref": "container",
            "x": 0,
            "xanchor": "left",
            "yref": "container",
            "y": 1 - (top + 4) / height,
            "yanchor": "top",
            # items in a row, wrapping (grouped, each group is a column of its own), and never
            # a scrolling legend, which a PNG would cut
            "traceorder": "normal",
            "maxheight": 0.6,
            "font": {"size": NOTE_FONT, "color": TEXT},
        },
        "margin": {
            "t": margin_top,
            "b": bottom,
            "l": left,
            "r": 16,
        },
        "font": {"size": FONT, "color": TEXT},
        "paper_bgcolor": BACKGROUND,
        "plot_bgcolor": BACKGROUND,
    }
    return layout, footer
