"""Figure builders for figures over time: DataFrame in, plotly Figure out. No Streamlit, no
formatting of their own. (The map: analytics/area_map.py; the scatter: analytics/scatter.py.)

Text on the figure (titles, axis names, hover lines) comes in from the page, already translated and
formatted, so the builders can be tested on fig.data and fig.layout alone. Synthetic points are
drawn as their own dotted trace, named as synthetic, so they never pass for reported figures.
"""

import html
import textwrap

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from analytics import policy
from analytics.chart_text import LinesText, PairedText, PanelsText, TrendText

PALETTE = (
    "#1f4e79",
    "#c0504d",
    "#4f8a3c",
    "#8064a2",
    "#d08a2e",
    "#2c9fa3",
    "#7f7f7f",
    "#b5651d",
    "#3a6ea5",
    "#a23b72",
    "#5b8c5a",
    "#e07b39",
    "#6c757d",
)


def colour_of(i: int):
    """The i-th series' colour: the palette repeats rather than runs out (a 14th area is drawn
    too); a line's name in the legend and hover tells lines of one colour apart."""
    return PALETTE[i % len(PALETTE)]


def plain_label(text) -> str:
    """A name from the data as Plotly text: its HTML subset escaped (no tag, no link)."""
    return html.escape(str(text))


TITLE_CHARACTERS = 38  # what a 390 px phone fits of a chart title on one line


def wrapped_title(title: str, width: int = TITLE_CHARACTERS) -> tuple[str, int]:
    """A title on lines of at most `width` characters (Plotly does not wrap titles, a phone would
    cut it), as plain text, and how many lines it takes."""
    lines = textwrap.wrap(str(title), width) or [""]
    return "<br>".join(plain_label(line) for line in lines), len(lines)


def _series_traces(
    fig: go.Figure,
    frame: pd.DataFrame,
    name: str,
    synthetic_name: str,
    y: str,
    colour: str,
    secondary_y: bool | None = None,
    row: int | None = None,
    col: int | None = None,
    showlegend: bool = True,
    conflict_name: str | None = None,
) -> None:
    """Add a solid trace for real points and a dotted one for synthetic points of one series:
    separate series, never one line that jumps where the source changes.

    Each trace keeps every month on its x axis with gaps where the other trace has the point, so
    a line never bridges a stretch it has no figure for. Months whose figure another report
    disagrees with get a ring marker of their own (`conflict_name` names it in the legend).
    """
    frame = frame.sort_values("month")
    synthetic = frame["synthetic"].fillna(False).astype(bool)
    placement = {"row": row, "col": col} if row else {}
    if secondary_y is not None:
        placement["secondary_y"] = secondary_y
    for is_synthetic, label, dash in ((False, name, "solid"), (True, synthetic_name, "dot")):
        mask = synthetic == is_synthetic
        if not mask.any():
            continue
        trace = go.Scatter(
            x=frame["month"],
            y=frame[y].where(mask),
            name=label,
            mode="lines+markers",
            line={"color": colour, "dash": dash, "width": 2.5 if not is_synthetic else 2},
            marker={"size": 5, "symbol": "circle" if not is_synthetic else "circle-open"},
            hovertext=frame["hover"].where(mask) if "hover" in frame else None,
            hoverinfo="text" if "hover" in frame else "x+y",
            legendgroup=name,
            connectgaps=False,
        )
        trace.showlegend = showlegend
        fig.add_trace(trace, **placement)
    flags = frame["conflict"].fillna(False).astype(bool) if "conflict" in frame else None
    if conflict_name and flags is not None and flags.any():
        # one ring where the disputed figure was reported, not on every month it is carried to
        if "age_months" in frame:
            flags &= frame["age_months"].fillna(0) == 0
        flagged = frame[flags]
        marker = go.Scatter(
            x=flagged["month"],
            y=flagged[y],
            name=conflict_name,
            mode="markers",
            marker={"size": 12, "symbol": "circle-open", "color": "#000000", "line": {"width": 2}},
            hovertext=flagged.get("hover"),
            hoverinfo="text" if "hover" in flagged else "x+y",
            legendgroup="conflict",
            showlegend=showlegend,
        )
        fig.add_trace(marker, **placement)


def impact_over_time(
    labour: pd.DataFrame,
    umkm: pd.DataFrame,
    events: pd.DataFrame | None,
    text: TrendText,
) -> go.Figure:
    """Cumulative layoffs and furloughs (left axis) against UMKM onboarded (right axis), by month.

    labour: month, metric, metric_label, value, synthetic, hover (one row per metric and month)
    umkm: month, onboarded, synthetic, hover
    text: title, y_workers, y_umkm, umkm_label, synthetic_suffix ('{label} (sintetis)')
    """
    fig = make_subplots(specs=[[{"secondary_y": True}]])
    for i, (_metric, series) in enumerate(labour.groupby("metric", sort=True)):
        colour = colour_of(i)
        label = series["metric_label"].iloc[0]
        _series_traces(
            fig,
            series,
            label,
            text.synthetic_suffix.format(label=label),
            "value",
            colour,
            secondary_y=False,
            conflict_name=text.conflict,
        )
    if not umkm.empty:
        label = text.umkm_label
        _series_traces(
            fig,
            umkm,
            label,
            text.synthetic_suffix.format(label=label),
            "onboarded",
            PALETTE[2],
            secondary_y=True,
        )
    policy.add_events(fig, events)
    fig.update_layout(
        title=text.title,
        hovermode="x unified",
        legend={"orientation": "h", "y": -0.15},
        margin={"t": 60, "b": 40},
        separators=text.separators,
    )
    # "," groups thousands; the layout's separators make that 17.298 in Indonesian
    fig.update_yaxes(
        title_text=text.y_workers, secondary_y=False, rangemode="tozero", tickformat=",.0f"
    )
    fig.update_yaxes(
        title_text=text.y_umkm,
        secondary_y=True,
        rangemode="tozero",
        showgrid=False,
        tickformat=",.0f",
    )
    return fig


def areas_over_time(
    frame: pd.DataFrame, y: str, events: pd.DataFrame | None, text: LinesText
) -> go.Figure:
    """One line per area of the chosen measure (absolute or per 1.000), synthetic points dotted.

    frame: region_code, region_name, month, <y>, synthetic, hover
    """
    fig = go.Figure()
    for i, (_, series) in enumerate(frame.groupby("region_code", sort=True)):
        colour = colour_of(i)
        name = plain_label(series["region_name"].iloc[0])
        _series_traces(
            fig,
            series,
            name,
            text.synthetic_suffix.format(label=name),
            y,
            colour,
            conflict_name=text.conflict,
        )
    policy.add_events(fig, events)
    title, lines = wrapped_title(text.title)
    areas = frame["region_code"].nunique()
    fig.update_layout(
        title=title,
        yaxis_title=text.y,
        hovermode="closest",
        legend={"orientation": "h", "y": -0.15},
        # the legend under the chart takes a line per area on a phone: room for it, so the plot
        # keeps its height
        height=420 + 18 * areas,
        margin={"t": 40 + 20 * lines, "b": 40},
        separators=text.separators,
    )
    fig.update_yaxes(rangemode="tozero", tickformat=",.4~r")
    return fig


def small_multiples(
    frame: pd.DataFrame, y: str, events: pd.DataFrame | None, text: PanelsText, columns: int = 3
) -> go.Figure:
    """One small time chart per area on shared axes, so the panels compare at a glance.

    frame: region_code, region_name, month, <y>, synthetic, hover
    """
    names = frame.drop_duplicates("region_code").sort_values("region_name")
    rows = max(1, -(-len(names) // columns))
    fig = make_subplots(
        rows=rows,
        cols=columns,
        shared_xaxes=True,
        # "all": one y scale for every panel; True shares it within a row only, and panels in
        # different rows would look alike at different scales
        shared_yaxes="all",
        subplot_titles=[plain_label(n) for n in names["region_name"]],
        vertical_spacing=0.08,
        horizontal_spacing=0.03,
    )
    fig.update_annotations(font_size=11)  # the area names, so "Kec. Karang Tengah" fits a phone
    for i, area in enumerate(names.itertuples()):
        series = frame[frame.region_code == area.region_code]
        _series_traces(
            fig,
            series,
            text.real,
            text.synthetic,
            y,
            PALETTE[0],
            row=i // columns + 1,
            col=i % columns + 1,
            showlegend=i == 0,
        )
    policy.add_events(fig, events, panels=True)
    title, lines = wrapped_title(text.title)
    fig.update_layout(
        # the title from the top, the legend under it, then the panels
        title={"text": title, "yref": "container", "y": 1, "yanchor": "top", "pad": {"t": 12}},
        height=max(260, 190 * rows) + 20 * lines,
        margin={"t": 85 + 20 * lines, "b": 30},
        legend={"orientation": "h", "y": 1.06, "x": 0},
        hovermode="closest",
        separators=text.separators,
    )
    fig.update_yaxes(rangemode="tozero", tickformat=",.4~r")
    return fig


def paired_over_time(
    labour: pd.DataFrame, umkm: pd.DataFrame, events: pd.DataFrame | None, text: PairedText
) -> go.Figure:
    """Two areas side by side: cumulative PHK (left axis) and the adoption rate (right axis).

    labour: region_code, region_name, month, value, synthetic, hover
    umkm: region_code, month, adoption_rate, synthetic, hover
    """
    codes = (
        list(dict.fromkeys(labour["region_code"]))[:2]
        or list(dict.fromkeys(umkm["region_code"]))[:2]
    )
    names = {c: n for c, n in zip(labour["region_code"], labour["region_name"], strict=True)}
    fig = make_subplots(
        rows=1,
        cols=max(1, len(codes)),
        shared_yaxes=False,
        specs=[[{"secondary_y": True}] * max(1, len(codes))],
        subplot_titles=[plain_label(names.get(c, c)) for c in codes],
    )
    for i, code in enumerate(codes, start=1):
        _series_traces(
            fig,
            labour[labour.region_code == code],
            text.phk,
            text.phk_synthetic,
            "value",
            PALETTE[1],
            secondary_y=False,
            row=1,
            col=i,
            showlegend=i == 1,
        )
        _series_traces(
            fig,
            umkm[umkm.region_code == code],
            text.adoption,
            text.adoption_synthetic,
            "adoption_rate",
            PALETTE[2],
            secondary_y=True,
            row=1,
            col=i,
            showlegend=i == 1,
        )
    policy.add_events(fig, events, panels=True)
    fig.update_yaxes(rangemode="tozero", secondary_y=False, tickformat=",.0f")
    fig.update_yaxes(title_text=text.y_phk, secondary_y=False, col=1)
    fig.update_yaxes(rangemode="tozero", secondary_y=True, tickformat=".0%", showgrid=False)
    fig.update_layout(
        title=text.title,
        legend={"orientation": "h", "y": -0.15},
        height=420,
        separators=text.separators,
    )
    return fig
