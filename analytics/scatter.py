"""The scatter of Dampak vs Adopsi: impact against adoption per area, the fitted line, and the
statistics on the chart. Pure: DataFrame in, plotly Figure out."""

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analytics import chart_style, ticks
from analytics.chart_text import ScatterText
from analytics.charts import plain_label, short_name

# Where a point's name may go, in the order it is tried: above, below, beside, at a corner.
POSITIONS = ("top center", "bottom center", "middle right", "middle left", "top right",
             "top left", "bottom right", "bottom left")  # fmt: skip
# The smallest plot the scatter is drawn in: a 390 px phone leaves about 280 × 300 px inside the
# axes. Names that do not collide there do not collide on a wider screen either, where the
# points move apart and the names keep their size.
PLOT_PX = (280.0, 300.0)
MARKER_PX = 6.0  # the marker's radius (size 11) and a pixel of air
CHAR_PX, LINE_PX = 0.6 * chart_style.NOTE_FONT, 1.25 * chart_style.NOTE_FONT  # a name's letters


def _box(position: str, x: float, y: float, width: float) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) in pixels of a name of `width` px put at `position` of a point
    at (x, y) (y down, as on screen)."""
    vertical, horizontal = position.split()
    if horizontal == "center":
        left = x - width / 2
    elif horizontal == "right":
        left = x + (MARKER_PX if vertical == "middle" else 0)
    else:
        left = x - width - (MARKER_PX if vertical == "middle" else 0)
    if vertical == "top":
        top = y - MARKER_PX - LINE_PX
    elif vertical == "bottom":
        top = y + MARKER_PX
    else:
        top = y - LINE_PX / 2
    return left, top, left + width, top + LINE_PX


def _clash(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def label_positions(x: pd.Series, y: pd.Series, names: pd.Series) -> tuple[list[str], list[str]]:
    """Each point's name and where it goes, so that no two names lie on top of each other and
    none runs off the plot, at the smallest size the chart is drawn (PLOT_PX). Placed one by
    one, the first position that is free; a point with no free position is left unnamed on the
    chart (its name is in the hover and in the table below), rather than written over another.
    Returns (names to draw, positions)."""

    def scaled(values: pd.Series, pixels: float, flip: bool) -> list[float]:
        low, high = float(values.min()), float(values.max())
        pad = ((high - low) or 1.0) * 0.06  # Plotly's autorange leaves about this much air
        span = high - low + 2 * pad
        at = [(float(v) - low + pad) / span * pixels for v in values]
        return [pixels - a for a in at] if flip else at

    xs, ys = scaled(x, PLOT_PX[0], False), scaled(y, PLOT_PX[1], True)
    placed: list[tuple[float, float, float, float]] = []
    shown, where = [], []
    for px, py, name in zip(xs, ys, names, strict=True):
        width = CHAR_PX * len(name)
        free = None
        for position in POSITIONS:
            box = _box(position, px, py, width)
            inside = box[0] >= 0 and box[2] <= PLOT_PX[0] and box[1] >= -LINE_PX
            if inside and not any(_clash(box, other) for other in placed):
                free = position, box
                break
        if free is None:
            shown.append("")
            where.append("top center")
            continue
        placed.append(free[1])
        shown.append(name)
        where.append(free[0])
    return shown, where


def impact_vs_adoption(frame: pd.DataFrame, line: dict, text: ScatterText) -> go.Figure:
    """Impact (x) against the adoption rate (y) per area, the fitted line, and r and n under it.

    frame: region_name, x, y, hover, excluded (areas left out are not drawn)
    line: n, r, slope, intercept (slope None when there are too few areas for a line)
    text: title, x, y, areas, fitted, stats ('r = … · interval · p = … · n = …', lines joined by
    <br>); y_format '.0%' for a rate (ticks in percent) or anything else for points; context
    """
    used = frame[frame["excluded"].isna()]
    names, positions = label_positions(
        used["x"], used["y"], used["region_name"].map(short_name).map(plain_label)
    )
    fig = go.Figure(
        go.Scatter(
            x=used["x"],
            y=used["y"],
            mode="markers+text",
            text=names,
            textposition=positions,
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
