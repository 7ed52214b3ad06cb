"""The map of Wilayah: the chosen measure per area, as shaded areas when boundary polygons are
given (analytics/boundaries.py), else as markers at the areas' centroids. Pure: DataFrame in,
plotly Figure out."""

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analytics.chart_text import MapText
from analytics.charts import plain_label

# "white-bg" draws with no tiles, so the map works on a network that cannot reach a tile server;
# PULIH_MAP_STYLE (e.g. "carto-positron") asks for a street basemap where it can be loaded.
DEFAULT_MAP_STYLE = "white-bg"


def area_map(
    frame: pd.DataFrame,
    text: MapText,
    boundaries: dict | None = None,
    map_style: str = DEFAULT_MAP_STYLE,
) -> go.Figure:
    """The chosen measure per area: shaded areas when boundaries are given, else markers at the
    centroids, sized and coloured by the figure. Areas without a figure are grey and say why.

    frame: region_code, region_name, lat, lon, shown, hover
    text: title, colorbar, no_figure (legend name of the grey markers)
    """
    fig = go.Figure()
    has = frame["shown"].notna()
    with_figure, without = frame[has], frame[~has]
    if boundaries is not None:
        fig.add_trace(
            go.Choroplethmap(
                geojson=boundaries,
                featureidkey="properties.kode_kemendagri",
                locations=with_figure["region_code"],
                z=with_figure["shown"],
                colorscale="OrRd",
                marker={"opacity": 0.75, "line": {"width": 0.8, "color": "white"}},
                colorbar={"title": {"text": text.colorbar}, "tickformat": ",.4~r"},
                hovertext=with_figure["hover"],
                hoverinfo="text",
                customdata=with_figure["region_code"],
                name=text.colorbar,
            )
        )
    else:
        biggest = with_figure["shown"].max() if len(with_figure) else 1
        sizes = 10 + 30 * np.sqrt(with_figure["shown"].clip(lower=0) / (biggest or 1))
        fig.add_trace(
            go.Scattermap(
                lat=with_figure["lat"],
                lon=with_figure["lon"],
                mode="markers+text",
                text=with_figure["region_name"].map(plain_label),
                textposition="top center",
                marker={
                    "size": sizes,
                    "color": with_figure["shown"],
                    "colorscale": "OrRd",
                    "showscale": True,
                    "colorbar": {"title": {"text": text.colorbar}, "tickformat": ",.4~r"},
                    "opacity": 0.85,
                },
                hovertext=with_figure["hover"],
                hoverinfo="text",
                customdata=with_figure["region_code"],
                name=text.colorbar,
            )
        )
    if len(without):
        fig.add_trace(
            go.Scattermap(
                lat=without["lat"],
                lon=without["lon"],
                mode="markers+text",
                text=without["region_name"].map(plain_label),
                textposition="top center",
                marker={"size": 9, "color": "#9e9e9e"},
                hovertext=without["hover"],
                hoverinfo="text",
                customdata=without["region_code"],
                name=text.no_figure,
            )
        )
    located = frame.dropna(subset=["lat", "lon"])
    centre = (
        {"lat": float(located["lat"].mean()), "lon": float(located["lon"].mean())}
        if len(located)
        else {"lat": -6.4, "lon": 106.1}
    )
    spread = (
        float(
            max(
                located["lat"].max() - located["lat"].min(),
                located["lon"].max() - located["lon"].min(),
            )
        )
        if len(located) > 1
        else 1.0
    )
    fig.update_layout(
        title=text.title,
        map={"style": map_style, "center": centre, "zoom": _zoom(spread)},
        margin={"t": 50, "b": 0, "l": 0, "r": 0},
        height=480,
        separators=text.separators,
        legend={"orientation": "h", "y": -0.02},
    )
    return fig


def _zoom(spread_degrees: float) -> float:
    """A map zoom that fits areas this many degrees apart (Banten ~1.5: 7; the city ~0.16: 10)."""
    return float(np.clip(7.6 - np.log2(max(spread_degrees, 0.05)), 5, 13))
