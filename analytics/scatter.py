"""The scatter of Dampak vs Adopsi: impact against adoption per area, the fitted line, and the
statistics on the chart. Pure: DataFrame in, plotly Figure out."""

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analytics import chart_style, ticks
from analytics.chart_text import ScatterText
from analytics.charts import plain_label


def label_positions(x: pd.Series) -> list[str]:
    """Where each point's name goes: to the left of a point in the right quarter of the x range,
    to the right of one in the left quarter, else above it; a name centred on a point at the edge
    runs off the chart (Kec. Jatiuwung on a phone)."""
    low, high = x.min(), x.max()
    span = (high - low) or 1.0

    def side(v: float) -> str:
        at = (v - low) / span
        return "top left" if at > 0.75 else "top right" if at < 0.25 else "top center"

    return [side(v) for v in x]


def impact_vs_adoption(frame: pd.DataFrame, line: dict, text: ScatterText) -> go.Figure:
    """Impact (x) against the adoption rate (y) per area, the fitted line, and r and n under it.

    frame: region_name, x, y, hover, excluded (areas left out are not drawn)
    line: n, r, slope, intercept (slope None when there are too few areas for a line)
    text: title, x, y, areas, fitted, stats ('r = … · interval · p = … · n = …', lines joined by
    <br>); y_format '.0%' for a rate (ticks in percent) or anything else for points; context
    """
    used = frame[frame["excluded"].isna()]
    fig = go.Figure(
        go.Scatter(
            x=used["x"],
            y=used["y"],
            mode="markers+text",
            text=used["region_name"].map(plain_label),
            textposition=label_positions(used["x"]),
            textfont={"size": chart_style.NOTE_FONT, "color": chart_style.TEXT},
            marker={"size": 11, "color": chart_style.BLUE},
            hovertext=used["hover"],
            hoverinfo="text",
            name=text.areas,
            cliponaxis=False,
        )
    )
    if line["slope"] is not None:
        xs = np.linspace(used["x"].min(), used["x"].max(), 20)
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=line["slope"] * xs + line["intercept"],
                mode="lines",
                line={"color": chart_style.VERMILLION, "dash": "dash"},
                name=text.fitted,
                hoverinfo="skip",
            )
        )
    locale = text.context.locale
    ticks.set_x_ticks(fig, used["x"], locale)
    ticks.set_ticks(fig, used["y"], locale, percent=text.y_format.endswith("%"), zero=False)
    fig.update_layout(xaxis_title=text.x, yaxis_title=text.y)
    # the statistics go under the chart with the sources: inside the plot they covered points
    return chart_style.stand_alone(
        fig,
        text.title,
        text.context,
        chart_style.any_synthetic(used),
        height=560,
        x_title=True,
        extra=[text.stats],
    )
