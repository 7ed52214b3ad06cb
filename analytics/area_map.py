"""The map of Wilayah: the chosen measure per area, as shaded areas when boundary polygons are
given (analytics/boundaries.py), else as markers at the areas' centroids. Pure: DataFrame in,
plotly Figure out."""

import itertools
import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analytics.chart_text import MapText
from analytics.charts import plain_label, short_name, wrapped_title

# "white-bg" draws with no tiles, so the map works on a network that cannot reach a tile server;
# PULIH_MAP_STYLE (e.g. "carto-positron") asks for a street basemap where it can be loaded.
DEFAULT_MAP_STYLE = "white-bg"
# Plotly's own "white-bg" fetches the glyphs of the map's names and numbers from
# fonts.openmaptiles.org, out of a closed network's reach: the same white map, with the glyphs the
# dashboard serves itself (deploy/glyphs.py, static/glyphs/)
GLYPHS = "/app/static/glyphs/{fontstack}/{range}.pbf"
WHITE = {
    "version": 8,
    "sources": {},
    "glyphs": GLYPHS,
    "layers": [{"id": "white-bg", "type": "background", "paint": {"background-color": "#ffffff"}}],
}
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
                # the colour bar names the coloured markers; a legend entry is needed only
                # beside the grey ones ("tanpa angka"), else it says the bar's title again
                showlegend=bool(len(without)),
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
    centre, zoom = _view(frame)
    _labels(
        fig,
        pd.concat([with_figure, without]),
        pd.concat([sizes if boundaries is None else sizes * 0, pd.Series(9, index=without.index)]),
        zoom,
        _pixels(centre["lat"], centre["lon"], zoom)[0],
    )
    title, lines = wrapped_title(text.title)
    fig.update_layout(
        title=title,
        map={
            "style": WHITE if map_style == DEFAULT_MAP_STYLE else map_style,
            "center": centre,
            "zoom": zoom,
        },
        # the colour bar, then the legend, under the map
        margin={"t": 30 + 22 * lines, "b": 110, "l": 0, "r": 0},
        height=560,
        separators=text.separators,
        legend={"orientation": "h", "y": -0.17, "yanchor": "top", "x": 0},
    )
    return fig


def _view(frame: pd.DataFrame) -> tuple[dict, float]:
    """The map's centre and zoom for these areas."""
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
    return centre, _zoom(spread)


def _labels(
    fig: go.Figure, frame: pd.DataFrame, sizes: pd.Series, zoom: float, middle: float
) -> None:
    """Each area's name by its marker, as plain text, where it covers no other name and no other
    marker at the map's zoom: above, below, right or left of its marker, the first that is free
    (the bigger markers named first); a name beside its marker stays within a phone's width of
    the map's middle (x `middle`). An area with no free place gets a number in its marker
    instead, 1, 2, … from west to east, and the key under the map names it (`numbered`): on a
    phone or on paper there is no hover to tell which marker it is. One trace per area: Plotly
    places a trace's text by the mean size of its markers, so a shared trace writes names over
    the big markers."""
    located = frame.assign(label_size=sizes).dropna(subset=["lat", "lon"])
    ordered = located.sort_values("label_size", ascending=False, kind="stable")
    at = {r.Index: _pixels(r.lat, r.lon, zoom) for r in ordered.itertuples()}
    radius = {r.Index: (r.label_size + OUTLINE_PX) / 2 for r in ordered.itertuples()}
    markers = {
        i: (x - radius[i], y - radius[i], x + radius[i], y + radius[i]) for i, (x, y) in at.items()
    }
    names: list[tuple[float, float, float, float]] = []
    traces, crowded = [], []
    for r in ordered.itertuples():
        x, y = at[r.Index]
        name = plain_label(short_name(r.region_name))
        lines = name_lines(name)
        width = LABEL_CHAR_PX * max(len(line) for line in lines)
        boxes = _name_boxes(x, y, radius[r.Index] + LABEL_GAP_PX, width, len(lines))
        others = [box for i, box in markers.items() if i != r.Index] + names
        free = next(
            (
                (p, b)
                for p, b in boxes.items()
                if not any(_clash(b, o) for o in others)
                and (
                    p.endswith("center")
                    or abs(b[0] - middle) <= PHONE_HALF_PX >= abs(b[2] - middle)
                )
            ),
            None,
        )
        if free is None:
            crowded.append(r)
            continue
        names.append(free[1])
        traces.append(
            {
                "type": "scattermap",
                "lat": [r.lat],
                "lon": [r.lon],
                "mode": "markers+text",
                "text": [name],
                "textposition": free[0],
                "textfont": LABEL,
                "marker": {
                    "size": [
                        _label_offset(r.label_size + OUTLINE_PX, lines=_stacked(free[0], lines))
                    ],
                    "opacity": 0,
                },
                "hoverinfo": "skip",
                "showlegend": False,
            }
        )
    pale = _pale_below(located["shown"])
    for number, r in enumerate(sorted(crowded, key=lambda r: (r.lon, -r.lat)), start=1):
        traces.append(
            {
                "type": "scattermap",
                "lat": [r.lat],
                "lon": [r.lon],
                "mode": "text",
                "text": [str(number)],
                "textposition": "middle center",
                "textfont": {
                    "color": LABEL["color"] if pale(r.shown) else "#ffffff",
                    "size": NUMBER_PX,
                },
                "hoverinfo": "skip",
                "showlegend": False,
                "name": plain_label(short_name(r.region_name)),
                "meta": NUMBERED,
            }
        )
    fig.add_traces(traces)  # in one call: each add_trace call walks the figure again


def numbered(fig: go.Figure) -> list[tuple[int, str]]:
    """(number, name) of each area the map numbers instead of naming, for the key under it."""
    return [(int(d.text[0]), d.name) for d in fig.data if d.meta == NUMBERED]


NUMBERED = "numbered"  # the meta of a number's trace
NUMBER_PX = 12
# OrRd from about 70 % of its range is dark enough for white figures (#d7301f: 4,6:1 against
# white, 3,5:1 against LABEL's #212121); below it dark figures read better (#ef6548: 4,9:1)
WHITE_FROM = 0.7


def _pale_below(shown: pd.Series):
    """Whether a figure's marker is pale enough for dark text: the colour scale runs from 0 (or
    the lowest figure below 0) to the highest, as in `_scale`. No figure: a grey marker."""
    figures = pd.to_numeric(shown, errors="coerce").dropna()
    low = min(0.0, float(figures.min())) if len(figures) else 0.0
    high = float(figures.max()) if len(figures) else 1.0
    span = (high - low) or 1.0
    return lambda value: pd.isna(value) or (value - low) / span < WHITE_FROM


LABEL_GAP_PX = 3  # between a marker's ring and its name
PHONE_HALF_PX = 179  # half the map's width on a 390 px phone (the page's 16 px margins left out)
LABEL_CHAR_PX, LABEL_LINE_PX = 0.6 * LABEL_PX, 1.2 * LABEL_PX  # a name's letters and line


def _pixels(lat: float, lon: float, zoom: float) -> tuple[float, float]:
    """A point on the map in screen pixels at `zoom` (web Mercator, y down), as maplibre draws
    it: 512 px per 360° at zoom 0."""
    per_degree = 512 * 2**zoom / 360
    north = math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))
    return lon * per_degree, -north * per_degree


# maplibre wraps a name wider than 10 ems (its text-max-width, which Plotly does not set) over
# lines of about equal width, breaking at spaces: "Kota Tangerang Selatan" is two lines at 11 px
WRAP_EMS = 10


def name_lines(name: str) -> list[str]:
    """A name's lines as maplibre writes it: one when it fits WRAP_EMS, else as many as it
    needs, broken at the spaces that make them most equal (maplibre's balanced breaking)."""
    width = LABEL_CHAR_PX * len(name)
    most = WRAP_EMS * LABEL_PX
    words = name.split(" ")
    count = min(math.ceil(width / most), len(words))
    if count <= 1:
        return [name]
    target = len(name) / count
    best: list[str] = [name]
    best_badness = math.inf
    for breaks in itertools.combinations(range(1, len(words)), count - 1):
        cuts = (0, *breaks, len(words))
        lines = [" ".join(words[a:b]) for a, b in itertools.pairwise(cuts)]
        badness = sum((len(line) - target) ** 2 for line in lines)
        if badness < best_badness:
            best, best_badness = lines, badness
    return best


def _stacked(position: str, lines: list[str]) -> int:
    """How many lines a name stacks away from its marker: above or below it every line does
    (Plotly anchors a name there at its edge nearest the marker's far side, for one line);
    beside it the lines are centred on the marker's middle."""
    return len(lines) if position.endswith("center") else 1


def _name_boxes(x: float, y: float, off: float, width: float, lines: int = 1) -> dict[str, tuple]:
    """(left, top, right, bottom) of a name `width` px wide and `lines` lines high at each place
    around a point, `off` px from it, in the order they are tried."""
    h = LABEL_LINE_PX * lines
    return {
        "top center": (x - width / 2, y - off - h, x + width / 2, y - off),
        "bottom center": (x - width / 2, y + off, x + width / 2, y + off + h),
        "middle right": (x + off, y - h / 2, x + off + width, y + h / 2),
        "middle left": (x - off - width, y - h / 2, x - off, y + h / 2),
    }


def _clash(a: tuple, b: tuple) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _label_offset(diameter: float, gap: float = 3, lines: int = 1) -> float:
    """The (invisible) marker size that sets a name `gap` px off a marker of this diameter.
    Plotly moves a trace's text (1.5 + size/100) em from the point, and the name is 1 em high,
    so its near edge is (0.5 + size/100) em away: solve for radius + gap. Plotly anchors a name
    above a marker at its top (below, at its bottom), as if it were one line: each further line
    (1,2 em, maplibre's line height) moves it that much farther, or the lines after the first
    fell on the marker."""
    further = 1.2 * (lines - 1)
    return max(0.0, 100 * ((diameter / 2 + gap) / LABEL_PX - 0.5 + further))


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
