"""The map of Wilayah: the chosen measure per area, as shaded areas when boundary polygons are
given (analytics/boundaries.py), else as markers at the areas' centroids. Pure: DataFrame in,
plotly Figure out."""

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analytics.chart_text import MapText
from analytics.charts import plain_label, wrapped_title

# "white-bg" draws with no tiles, so the map works on a network that cannot reach a tile server;
# PULIH_MAP_STYLE (e.g. "carto-positron") asks for a street basemap where it can be loaded.
DEFAULT_MAP_STYLE = "white-bg"
# Scattermap markers have no outline (no marker.line): each marker sits on a dark one 3 px wider,
# so the palest colour of the scale still shows on a white map
OUTLINE = "#424242"
OUTLINE_PX = 3
LABEL_PX = 11
LABEL = {"color": "#212121", "size": LABEL_PX}


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
    biggest = with_figure["shown"].max() if len(with_figure) else 1
    sizes = 10 + 30 * np.sqrt(with_figure["shown"].clip(lower=0) / (biggest or 1))
    if boundaries is not None:
        fig.add_trace(
            go.Choroplethmap(
                geojson=boundaries,
                featureidkey="properties.kode_kemendagri",
                locations=with_figure["region_code"],
                z=with_figure["shown"],
                colorscale="OrRd",
                marker={"opacity": 0.75, "line": {"width": 0.8, "color": OUTLINE}},
                **_scale(with_figure["shown"], text, bounds="z"),
                hovertext=with_figure["hover"],
                hoverinfo="text",
                customdata=with_figure["region_code"],
                name=text.colorbar,
            )
        )
    else:
        _outline(fig, with_figure, sizes)
        fig.add_trace(
            go.Scattermap(
                lat=with_figure["lat"],
                lon=with_figure["lon"],
                mode="markers",
                marker={
                    "size": sizes,
                    "color": with_figure["shown"],
                    "colorscale": "OrRd",
                    "showscale": True,
                    "opacity": 0.9,
                    **_scale(with_figure["shown"], text),
                },
                hovertext=with_figure["hover"],
                hoverinfo="text",
                customdata=with_figure["region_code"],
                name=text.colorbar,
            )
        )
    if len(without):
        _outline(fig, without, pd.Series(9, index=without.index))
        fig.add_trace(
            go.Scattermap(
                lat=without["lat"],
                lon=without["lon"],
                mode="markers",
                marker={"size": 9, "color": "#bdbdbd"},
                hovertext=without["hover"],
                hoverinfo="text",
                customdata=without["region_code"],
                name=text.no_figure,
            )
        )
    _labels(fig, with_figure, sizes if boundaries is None else sizes * 0)
    _labels(fig, without, pd.Series(9, index=without.index))
    located = frame.dropna(subset=["lat", "lon"])
    # the middle of the areas' extent (not their mean): the farthest area is as far from the
    # edge as the nearest, and fits a phone's width
    centre = (
        {
            "lat": float(located["lat"].max() + located["lat"].min()) / 2,
            "lon": float(located["lon"].max() + located["lon"].min()) / 2,
        }
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
    title, lines = wrapped_title(text.title)
    fig.update_layout(
        title=title,
        map={"style": map_style, "center": centre, "zoom": _zoom(spread)},
        # the colour bar, then the legend, under the map
        margin={"t": 30 + 22 * lines, "b": 110, "l": 0, "r": 0},
        height=560,
        separators=text.separators,
        legend={"orientation": "h", "y": -0.17, "yanchor": "top", "x": 0},
    )
    return fig


def _labels(fig: go.Figure, frame: pd.DataFrame, sizes: pd.Series) -> None:
    """Each area's name by its marker, as plain text. One trace per area: Plotly places a trace's
    text by the mean size of its markers, so a shared trace writes names over the big markers.
    Neighbours from west to east take turns above and below, so their names collide less."""
    ordered = frame.assign(label_size=sizes).sort_values("lon")
    # added in one call: each add_trace call walks the figure again
    fig.add_traces(
        [
            {
                "type": "scattermap",
                "lat": [r.lat],
                "lon": [r.lon],
                "mode": "markers+text",
                "text": [plain_label(r.region_name)],
                "textposition": "top center" if i % 2 == 0 else "bottom center",
                "textfont": LABEL,
                "marker": {"size": [_label_offset(r.label_size + OUTLINE_PX)], "opacity": 0},
                "hoverinfo": "skip",
                "showlegend": False,
            }
            for i, r in enumerate(ordered.itertuples())
        ]
    )


def _label_offset(diameter: float, gap: float = 3) -> float:
    """The (invisible) marker size that sets a name `gap` px off a marker of this diameter.
    Plotly moves a trace's text (1.5 + size/100) em from the point, and the name is 1 em high,
    so its near edge is (0.5 + size/100) em away: solve for radius + gap."""
    return max(0.0, 100 * ((diameter / 2 + gap) / LABEL_PX - 0.5))


def _outline(fig: go.Figure, frame: pd.DataFrame, sizes: pd.Series) -> None:
    """A dark marker under each marker, OUTLINE_PX wider: the ring around it."""
    fig.add_trace(
        go.Scattermap(
            lat=frame["lat"],
            lon=frame["lon"],
            mode="markers",
            marker={"size": sizes + OUTLINE_PX, "color": OUTLINE},
            hoverinfo="skip",
            customdata=frame["region_code"],
            showlegend=False,
        )
    )


def _scale(shown: pd.Series, text: MapText, bounds: str = "c") -> dict:
    """The colour range, from 0 (or the lowest figure below 0) to the highest, with round ticks
    written in the reader's language: Plotly's own ticks say "18.9996k" for a single figure."""
    figures = pd.to_numeric(shown, errors="coerce").dropna()
    low = min(0.0, float(figures.min())) if len(figures) else 0.0
    high = float(figures.max()) if len(figures) else 1.0
    if high <= low:
        high = low + 1.0
    ticks = round_ticks(low, high)
    return {
        f"{bounds}min": low,  # cmin/cmax on markers, zmin/zmax on shaded areas
        f"{bounds}max": high,
        # under the map, not beside it: on a phone the map keeps its width
        "colorbar": {
            "title": {"text": text.colorbar, "side": "top"},
            "orientation": "h",
            "x": 0,
            "xanchor": "left",
            "y": -0.02,
            "yanchor": "top",
            "thickness": 12,
            "tickmode": "array",
            "tickvals": ticks,
            "ticktext": [text.tick(v) for v in ticks],
        },
    }


def round_ticks(low: float, high: float, most: int = 5) -> list[float]:
    """Round values from low to high, at most `most` steps of 1, 2, 2.5 or 5 times a power of 10:
    (0, 19000) -> 0, 5000, 10000, 15000; (0, 11.06) -> 0, 2.5, 5, 7.5, 10."""
    raw = (high - low) / most
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    first = math.ceil(low / step)
    count = math.floor(high / step) - first + 1
    return [round((first + i) * step, 10) for i in range(count)]


def _zoom(spread_degrees: float) -> float:
    """A map zoom that fits areas this many degrees apart, with their names, on a 390 px phone
    (Banten ~1: 7,3; the city ~0.16: 9,9). Maplibre draws 512 px per 360° at zoom 0."""
    return float(np.clip(7.3 - np.log2(max(spread_degrees, 0.05)), 5, 13))
