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

from analytics import chart_style, policy, ticks
from analytics.chart_style import MEASURE
from analytics.chart_text import LinesText, PairedText, PanelsText, TrendText

PALETTE = chart_style.PALETTE
colour_of = chart_style.colour_of


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
    symbol: str = "circle",
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
            marker={"size": 6, "symbol": symbol if not is_synthetic else f"{symbol}-open"},
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
            marker={
                "size": 12,
                "symbol": "circle-open",
                "color": chart_style.BLACK,
                "line": {"width": 2},
            },
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
    text: title, y_workers, y_umkm, umkm_label, synthetic_suffix ('{label} (sintetis)'), context
    """
    fig = make_subplots(specs=[[{"secondary_y": True}]])
    for i, (metric, series) in enumerate(labour.groupby("metric", sort=True)):
        colour, symbol = MEASURE.get(str(metric), (colour_of(i), chart_style.symbol_of(i)))
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
            symbol=symbol,
        )
    if not umkm.empty:
        label = text.umkm_label
        colour, symbol = MEASURE["umkm"]
        _series_traces(
            fig,
            umkm,
            label,
            text.synthetic_suffix.format(label=label),
            "onboarded",
            colour,
            secondary_y=True,
            symbol=symbol,
        )
    policy.add_events(fig, events, unknown=text.unknown)
    fig.update_layout(hovermode="x unified")
    locale = text.context.locale
    # two measures, two scales: each axis has round ticks of its own (Plotly would put the right
    # axis' ticks on the left axis' grid lines, at values such as 608 and 1.215)
    ticks.set_ticks(fig, labour.get("value", []), locale, secondary_y=False)
    ticks.set_ticks(fig, umkm.get("onboarded", []), locale, secondary_y=True)
    fig.update_yaxes(title_text=text.y_workers, secondary_y=False)
    fig.update_yaxes(title_text=text.y_umkm, secondary_y=True, showgrid=False)
    chart_style.years_on_x(fig)
    return chart_style.stand_alone(
        fig, text.title, text.context, chart_style.any_synthetic(labour, umkm), height=520
    )


def areas_over_time(
    frame: pd.DataFrame, y: str, events: pd.DataFrame | None, text: LinesText
) -> go.Figure:
    """One line per area of the chosen measure (absolute or per 1.000), synthetic points dotted.

    frame: region_code, region_name, month, <y>, synthetic, hover
    """
    fig = go.Figure()
    for i, (_, series) in enumerate(frame.groupby("region_code", sort=True)):
        name = plain_label(series["region_name"].iloc[0])
        _series_traces(
            fig,
            series,
            name,
            text.synthetic_suffix.format(label=name),
            y,
            colour_of(i),
            conflict_name=text.conflict,
            symbol=chart_style.symbol_of(i),
        )
    policy.add_events(fig, events, unknown=text.unknown)
    fig.update_layout(yaxis_title=text.y, hovermode="closest")
    ticks.set_ticks(fig, frame[y], text.context.locale, percent=text.percent)
    chart_style.years_on_x(fig)
    return chart_style.stand_alone(
        fig, text.title, text.context, chart_style.any_synthetic(frame), height=600
    )


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
        vertical_spacing=0.06,
        horizontal_spacing=0.03,
    )
    for i, area in enumerate(names.itertuples()):
        series = frame[frame.region_code == area.region_code]
        _series_traces(
            fig,
            series,
            text.real,
            text.synthetic,
            y,
            chart_style.BLUE,
            row=i // columns + 1,
            col=i % columns + 1,
            showlegend=i == 0,
            conflict_name=text.conflict if i == 0 else None,
        )
    policy.add_events(fig, events, panels=True, unknown=text.unknown)
    _names_inside_panels(fig)
    # a cell of the grid with no area draws no empty axes
    for i in range(len(names), rows * columns):
        fig.update_xaxes(visible=False, row=i // columns + 1, col=i % columns + 1)
        fig.update_yaxes(visible=False, row=i // columns + 1, col=i % columns + 1)
    fig.update_layout(hovermode="closest")
    ticks.set_ticks(fig, frame[y], text.context.locale, percent=text.percent)
    chart_style.years_on_x(fig)
    fig.update_xaxes(dtick="M24")  # two labels a panel: four panels a row on a phone
    return chart_style.stand_alone(
        fig,
        text.title,
        text.context,
        chart_style.any_synthetic(frame),
        height=max(320, 150 * rows + 200),
    )


def _names_inside_panels(fig: go.Figure) -> None:
    """The area names make_subplots puts above each panel go inside its top edge, small, on a
    white ground: above the panel, the first row's names would sit under the legend, and at 16 px
    four names a row run into each other on a phone."""
    for note in fig.layout.annotations:
        note.update(
            yanchor="top",
            yshift=-1,
            font={"size": chart_style.NOTE_FONT, "color": chart_style.TEXT},
            bgcolor="rgba(255,255,255,0.85)",
            text="<br>".join(chart_style.wrap(note.text, 14)),
        )


def paired_over_time(
    labour: pd.DataFrame, umkm: pd.DataFrame, events: pd.DataFrame | None, text: PairedText
) -> go.Figure:
    """Two areas side by side: cumulative PHK (left axis) and the adoption rate (right axis),
    each measure on one scale in both panels, so the panels compare at a glance.

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
        horizontal_spacing=0.05,
    )
    phk_colour, phk_symbol = MEASURE["phk"]
    umkm_colour, umkm_symbol = MEASURE["umkm"]
    for i, code in enumerate(codes, start=1):
        _series_traces(
            fig,
            labour[labour.region_code == code],
            text.phk,
            text.phk_synthetic,
            "value",
            phk_colour,
            secondary_y=False,
            row=1,
            col=i,
            showlegend=i == 1,
            symbol=phk_symbol,
        )
        _series_traces(
            fig,
            umkm[umkm.region_code == code],
            text.adoption,
            text.adoption_synthetic,
            "adoption_rate",
            umkm_colour,
            secondary_y=True,
            row=1,
            col=i,
            showlegend=i == 1,
            symbol=umkm_symbol,
        )
    policy.add_events(fig, events, panels=True, unknown=text.unknown)
    _names_inside_panels(fig)
    locale = text.context.locale
    # the same range for a measure in both panels: 800 against 300 drawn as the same height
    # would say the two areas are alike
    for col in range(1, len(codes) + 1):
        ticks.set_ticks(fig, labour.get("value", []), locale, secondary_y=False, row=1, col=col)
        ticks.set_ticks(
            fig,
            umkm.get("adoption_rate", []),
            locale,
            percent=True,
            secondary_y=True,
            row=1,
            col=col,
        )
    # one scale per measure: its numbers once, on the outer side (PHK left of the first panel,
    # the rate right of the last), not again between the panels
    fig.update_yaxes(secondary_y=False, showticklabels=False)
    fig.update_yaxes(secondary_y=True, showticklabels=False, showgrid=False)
    fig.update_yaxes(title_text=text.y_phk, secondary_y=False, col=1, showticklabels=True)
    last = len(codes) or 1
    fig.update_yaxes(title_text=text.y_adoption, secondary_y=True, col=last, showticklabels=True)
    chart_style.years_on_x(fig)
    return chart_style.stand_alone(
        fig, text.title, text.context, chart_style.any_synthetic(labour, umkm), height=480
    )
