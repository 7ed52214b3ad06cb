"""The scatter of Dampak vs Adopsi: impact against adoption per area, the fitted line, and the
statistics on the chart. Pure: DataFrame in, plotly Figure out."""

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analytics.chart_text import ScatterText
from analytics.charts import PALETTE, plain_label


def impact_vs_adoption(frame: pd.DataFrame, line: dict, text: ScatterText) -> go.Figure:
    """Impact (x) against the adoption rate (y) per area, the fitted line, and r and n on the chart.

    frame: region_name, x, y, hover, excluded (areas left out are not drawn)
    line: n, r, slope, intercept (slope None when there are too few areas for a line)
    text: title, x, y, areas, fitted, stats ('r = … · interval · p = … · n = …', lines joined by
    <br>); optional y_format (a d3 format for the y ticks, '.0%' for a rate by default)
    """
    used = frame[frame["excluded"].isna()]
    fig = go.Figure(
        go.Scatter(
            x=used["x"],
            y=used["y"],
            mode="markers+text",
            text=used["region_name"].map(plain_label),
            textposition="top center",
            marker={"size": 11, "color": PALETTE[0]},
            hovertext=used["hover"],
            hoverinfo="text",
            name=text.areas,
        )
    )
    if line["slope"] is not None:
        xs = np.linspace(used["x"].min(), used["x"].max(), 20)
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=line["slope"] * xs + line["intercept"],
                mode="lines",
                line={"color": PALETTE[1], "dash": "dash"},
                name=text.fitted,
                hoverinfo="skip",
            )
        )
    fig.add_annotation(
        x=0.01,
        y=0.99,
        xref="paper",
        yref="paper",
        xanchor="left",
        yanchor="top",
        text=text.stats,
        showarrow=False,
        font={"size": 13},
        bgcolor="rgba(255,255,255,0.8)",
    )
    fig.update_layout(
        title=text.title,
        xaxis_title=text.x,
        yaxis_title=text.y,
        yaxis_tickformat=text.y_format,
        legend={"orientation": "h", "y": -0.18},
        separators=text.separators,
    )
    return fig
