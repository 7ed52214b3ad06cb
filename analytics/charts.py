"""Pure figure builders: DataFrame in, plotly Figure out. No Streamlit, no formatting of their own.

Text on the figure (titles, axis names, hover lines) comes in from the page, already translated and
formatted, so the builders can be tested on fig.data and fig.layout alone. Synthetic points are
drawn as their own dotted trace, named as synthetic, so they never pass for reported figures.
"""

import datetime as dt

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

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
EVENT_COLOURS = {"PSBB": "rgba(192, 80, 77, 0.13)", "PPKM": "rgba(128, 100, 162, 0.13)"}


def _series_traces(
    fig: go.Figure,
    frame: pd.DataFrame,
    name: str,
    synthetic_name: str,
    y: str,
    colour: str,
    secondary_y: bool | None = None,
) -> None:
    """Add a solid trace for real points and a dotted one for synthetic points of one series.

    Each trace keeps every month on its x axis with gaps where the other trace has the point, so
    a line never bridges a stretch it has no figure for.
    """
    frame = frame.sort_values("month")
    synthetic = frame["synthetic"].fillna(False).astype(bool)
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
        if secondary_y is None:
            fig.add_trace(trace)
        else:
            fig.add_trace(trace, secondary_y=secondary_y)


def add_events(fig: go.Figure, events: pd.DataFrame | None) -> None:
    """Shade each policy period, labelled with its kind; a one-day event is a line."""
    if events is None:
        return
    for e in events.itertuples():
        start, end = pd.Timestamp(e.start_date), pd.Timestamp(e.end_date)
        colour = EVENT_COLOURS.get(e.kind, "rgba(127, 127, 127, 0.13)")
        if start == end:
            fig.add_vline(x=start, line={"color": colour.replace("0.13", "0.8"), "dash": "dash"})
        else:
            fig.add_vrect(
                x0=start,
                x1=end + dt.timedelta(days=1),
                fillcolor=colour,
                line_width=0,
                layer="below",
            )
        fig.add_annotation(
            x=start,
            y=1.0,
            yref="paper",
            text=e.kind,
            showarrow=False,
            textangle=-90,
            xanchor="left",
            yanchor="top",
            font={"size": 9, "color": "#555"},
            hovertext=e.name,
        )


def impact_over_time(
    labour: pd.DataFrame,
    umkm: pd.DataFrame,
    events: pd.DataFrame | None,
    text: dict[str, str],
) -> go.Figure:
    """Cumulative layoffs and furloughs (left axis) against UMKM onboarded (right axis), by month.

    labour: month, metric, metric_label, value, synthetic, hover (one row per metric and month)
    umkm: month, onboarded, synthetic, hover
    text: title, y_workers, y_umkm, umkm_label, synthetic_suffix ('{label} (sintetis)')
    """
    fig = make_subplots(specs=[[{"secondary_y": True}]])
    for colour, (_metric, series) in zip(
        PALETTE, labour.groupby("metric", sort=True), strict=False
    ):
        label = series["metric_label"].iloc[0]
        _series_traces(
            fig,
            series,
            label,
            text["synthetic_suffix"].format(label=label),
            "value",
            colour,
            secondary_y=False,
        )
    if not umkm.empty:
        label = text["umkm_label"]
        _series_traces(
            fig,
            umkm,
            label,
            text["synthetic_suffix"].format(label=label),
            "onboarded",
            PALETTE[2],
            secondary_y=True,
        )
    add_events(fig, events)
    fig.update_layout(
        title=text["title"],
        hovermode="x unified",
        legend={"orientation": "h", "y": -0.15},
        margin={"t": 60, "b": 40},
        separators=text.get("separators", ",."),
    )
    fig.update_yaxes(title_text=text["y_workers"], secondary_y=False, rangemode="tozero")
    fig.update_yaxes(
        title_text=text["y_umkm"], secondary_y=True, rangemode="tozero", showgrid=False
    )
    return fig


def areas_over_time(
    frame: pd.DataFrame, y: str, events: pd.DataFrame | None, text: dict[str, str]
) -> go.Figure:
    """One line per area of the chosen measure (absolute or per 1.000), synthetic points dotted.

    frame: region_code, region_name, month, <y>, synthetic, hover
    """
    fig = go.Figure()
    for colour, (_, series) in zip(
        PALETTE * 3, frame.groupby("region_code", sort=True), strict=False
    ):
        name = series["region_name"].iloc[0]
        _series_traces(fig, series, name, text["synthetic_suffix"].format(label=name), y, colour)
    add_events(fig, events)
    fig.update_layout(
        title=text["title"],
        yaxis_title=text["y"],
        hovermode="closest",
        legend={"orientation": "h", "y": -0.15},
        margin={"t": 60, "b": 40},
        separators=text.get("separators", ",."),
    )
    fig.update_yaxes(rangemode="tozero")
    return fig
