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

from analytics import chart_style, layout_items, policy, ticks
from analytics.chart_style import MEASURE
from analytics.chart_text import LinesText, TrendText

PALETTE = chart_style.PALETTE
colour_of = chart_style.colour_of


def plain_label(text) -> str:
    """A name from the data as Plotly text: its HTML subset escaped (no tag, no link)."""
    return html.escape(str(text))


def short_name(name: str) -> str:
    """An area's name beside its point (the scatter) or marker (the map): "Kec. " and "Kab. "
    left out, since such a chart is of one level; the full name is in the hover and the table."""
    for prefix in ("Kec. ", "Kab. ", "Kecamatan "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


TITLE_CHARACTERS = 38  # what a 390 px phone fits of a chart title on one line


def wrapped_title(title: str, width: int = TITLE_CHARACTERS) -> tuple[str, int]:
    """A title on lines of at most `width` characters (Plotly does not wrap titles, a phone would
    cut it), as plain text, and how many lines it takes."""
    lines = textwrap.wrap(str(title), width) or [""]
    return "<br>".join(plain_label(line) for line in lines), len(lines)


def add_series(
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
    """Add the traces of one series (series_traces) to the figure, on the panel row, col."""
    placement: dict = {"row": row, "col": col} if row else {}
    if secondary_y is not None:
        placement["secondary_y"] = secondary_y
    traces = series_traces(
        frame, name, synthetic_name, y, colour, showlegend, conflict_name, symbol
    )
    for trace in traces:
        fig.add_trace(trace, **placement)


def series_traces(
    frame: pd.DataFrame,
    name: str,
    synthetic_name: str,
    y: str,
    colour: str,
    showlegend: bool = True,
    conflict_name: str | None = None,
    symbol: str = "circle",
) -> list[dict]:
    """A solid trace for real points and a dotted one for synthetic points of one series:
    separate series, never one line that jumps where the source changes.

    Each trace keeps every month on its x axis with gaps where the other trace has the point, so
    a line never bridges a stretch it has no figure for. Months whose figure another report
    disagrees with get a ring marker of their own (`conflict_name` names it in the legend).
    """
    frame = frame.sort_values("month")
    synthetic = frame["synthetic"].fillna(False).astype(bool)
    hover = "hover" in frame
    traces = []
    for is_synthetic, label, dash in ((False, name, "solid"), (True, synthetic_name, "dot")):
        mask = synthetic == is_synthetic
        if not mask.any():
            continue
        trace = {
            "type": "scatter",
            "x": frame["month"],
            "y": frame[y].where(mask),
            "name": label,
            "mode": "lines+markers",
            "line": {"color": colour, "dash": dash, "width": 2.5 if not is_synthetic else 2},
            "marker": {"size": 6, "symbol": symbol if not is_synthetic else f"{symbol}-open"},
            "hoverinfo": "text" if hover else "x+y",
            "legendgroup": name,
            "connectgaps": False,
            "showlegend": showlegend,
        }
        if hover:
            trace["hovertext"] = frame["hover"].where(mask)
        traces.append(trace)
    flags = frame["conflict"].fillna(False).astype(bool) if "conflict" in frame else None
    if conflict_name and flags is not None and flags.any():
        # one ring where the disputed figure was reported, not on every month it is carried to
        # (Wilayah's lines and panels have no age column: there the month of its as-of date)
        if "age_months" in frame:
            flags &= frame["age_months"].fillna(0) == 0
        elif "as_of_date" in frame:
            reported = pd.to_datetime(frame["as_of_date"]).dt.to_period("M")
            flags &= reported == pd.to_datetime(frame["month"]).dt.to_period("M")
        flagged = frame[flags]
        ring = {
            "type": "scatter",
            "x": flagged["month"],
            "y": flagged[y],
            "name": conflict_name,
            "mode": "markers",
            "marker": {
                "size": 12,
                "symbol": "circle-open",
                "color": chart_style.BLACK,
                "line": {"width": 2},
            },
            "hoverinfo": "text" if "hover" in flagged else "x+y",
            "legendgroup": "conflict",
            "showlegend": showlegend,
        }
        if flagged.get("hover") is not None:
            ring["hovertext"] = flagged["hover"]
        traces.append(ring)
    return traces


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
        add_series(
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
        add_series(
            fig,
            umkm,
            label,
            text.synthetic_suffix.format(label=label),
            "onboarded",
            colour,
            secondary_y=True,
            symbol=symbol,
        )
    locale = text.context.locale
    months = pd.concat([labour.get("month", pd.Series()), umkm.get("month", pd.Series())])
    x_axis = chart_style.months_on_x(months, locale) if months.notna().any() else {}
    if x_axis:  # the periods over the figures shown, no further
        events = policy.within(events, *x_axis["range"])
    policy.add_events(fig, events, unknown=text.unknown, locale=locale)
    fig.update_layout(hovermode="x unified")
    # two measures, two scales: each axis has round ticks of its own (Plotly would put the right
    # axis' ticks on the left axis' grid lines, at values such as 608 and 1.215)
    ticks.set_ticks(fig, labour.get("value", []), locale, secondary_y=False)
    ticks.set_ticks(fig, umkm.get("onboarded", []), locale, secondary_y=True)
    fig.update_yaxes(title_text=text.y_workers, secondary_y=False)
    fig.update_yaxes(title_text=text.y_umkm, secondary_y=True, showgrid=False)
    if x_axis:
        fig.update_xaxes(**x_axis)
    else:
        chart_style.years_on_x(fig)
    return chart_style.stand_alone(
        fig, text.title, text.context, chart_style.any_synthetic(labour, umkm), height=520
    )


def areas_over_time(
    frame: pd.DataFrame, y: str, events: pd.DataFrame | None, text: LinesText
) -> go.Figure:
    """One line per area of the chosen measure (absolute or per 1.000), synthetic points dotted.

    frame: region_code, region_name, month, <y>, synthetic, hover

    Built as one dict and handed to plotly once, as small_multiples is.
    """
    traces = []
    for i, (_, series) in enumerate(frame.groupby("region_code", sort=True)):
        name = plain_label(series["region_name"].iloc[0])
        traces += series_traces(
            series,
            name,
            text.synthetic_suffix.format(label=name),
            y,
            colour_of(i),
            conflict_name=text.conflict,
            symbol=chart_style.symbol_of(i),
        )
    name_each_once(traces)
    traces += policy.legend_entries(events, text.unknown, locale=text.context.locale)
    y_axis = {"title": {"text": text.y}} | ticks.y_ticks(
        frame[y], text.context.locale, percent=text.percent
    )
    layout: dict = {"xaxis": dict(chart_style.YEARS_ON_X), "yaxis": y_axis}
    for axis in layout.values():
        merge_into(axis, chart_style.AXES)
    standing, footer = chart_style.standing(
        text.title,
        text.context,
        chart_style.any_synthetic(frame),
        height=600,
        entries=chart_style.legend_entries(traces),
    )
    layout |= standing | {"hovermode": "closest", "annotations": footer}
    fig = go.Figure(data=traces, layout=layout)
    if events is not None and not events.empty:
        layout_items.set_items(fig, "shapes", policy.shapes(events, [("x", "paper")]))
    return fig


def name_each_once(traces: list[dict]) -> None:
    """Each name in the legend once, by the first trace that has it: every area's rings are one
    entry ("laporan berbeda" repeated per area before), and in small multiples the reported and
    synthetic lines are named by the first panel that has each (the first panel alone left out
    "sintetis" when its area was all reported)."""
    named: set[str] = set()
    for trace in traces:
        trace["showlegend"] = trace["name"] not in named
        named.add(trace["name"])


def merge_into(target: dict, patch: dict) -> None:
    """Update a figure dict with another, nested dicts merged as plotly's update merges them."""
    for key, value in patch.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            merge_into(target[key], value)
        else:
            target[key] = value
