"""Figure builders for figures over time: DataFrame in, plotly Figure out. No Streamlit, no
formatting of their own. (The map: analytics/area_map.py; the scatter: analytics/scatter.py.)

Text on the figure (titles, axis names, hover lines) comes in from the page, already translated and
formatted, so the builders can be tested on fig.data and fig.layout alone. Synthetic points are
drawn as their own dotted trace, named as synthetic, so they never pass for reported figures.
"""

import functools
import html
import json
import textwrap

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from analytics import chart_style, layout_items, policy, ticks
from analytics.chart_style import MEASURE
from analytics.chart_text import LinesText, PairedText, PanelsText, TrendText

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
        if "age_months" in frame:
            flags &= frame["age_months"].fillna(0) == 0
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
    _one_conflict_entry(traces)
    traces += policy.legend_entries(events, text.unknown, locale=text.context.locale)
    y_axis = {"title": {"text": text.y}} | ticks.y_ticks(
        frame[y], text.context.locale, percent=text.percent
    )
    layout: dict = {"xaxis": dict(chart_style.YEARS_ON_X), "yaxis": y_axis}
    for axis in layout.values():
        _merge(axis, chart_style.AXES)
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


def _one_conflict_entry(traces: list[dict]) -> None:
    """Every area's rings belong to one legend group, named once: an entry per area repeated
    "laporan berbeda" in the legend."""
    rings = [t for t in traces if t.get("legendgroup") == "conflict"]
    for ring in rings[1:]:
        ring["showlegend"] = False


def small_multiples(
    frame: pd.DataFrame, y: str, events: pd.DataFrame | None, text: PanelsText, columns: int = 3
) -> go.Figure:
    """One small time chart per area on shared axes, so the panels compare at a glance.

    frame: region_code, region_name, month, <y>, synthetic, hover

    Built as one dict and handed to plotly once (with the policy periods' shapes, which plotly
    checks once per period, analytics/layout_items.py): every update_* or add_* call on a figure
    of 40 panels walks plotly's object tree again, and the chart took a second and more to build.
    """
    names = frame.drop_duplicates("region_code").sort_values("region_name")
    rows = max(1, -(-len(names) // columns))
    # each panel PANEL px high, and between two rows the room for the upper panel's years and
    # the lower panel's name, so that neither covers the other or the data
    plots = rows * PANEL + (rows - 1) * PANEL_GAP
    grid, refs = _grid(rows, columns, len(names), round(PANEL_GAP / plots, 4))
    layout = json.loads(grid)
    for note, name in zip(layout["annotations"], names["region_name"], strict=True):
        note.update(_name_above_panel(plain_label(name)))
    traces = []
    by_area = dict(tuple(frame.groupby("region_code", sort=False)))
    for i, area in enumerate(names.itertuples()):
        x_ref, y_domain = refs[i]
        for trace in series_traces(
            by_area[area.region_code],
            text.real,
            text.synthetic,
            y,
            chart_style.BLUE,
            showlegend=i == 0,
            conflict_name=text.conflict if i == 0 else None,
        ):
            traces.append(trace | {"xaxis": x_ref, "yaxis": y_domain.removesuffix(" domain")})
    traces += policy.legend_entries(events, text.unknown, locale=text.context.locale)
    y_axis = ticks.y_ticks(frame[y], text.context.locale, percent=text.percent)
    # two labels a panel: four panels a row on a phone; and on every panel, not on the bottom
    # row's alone (make_subplots' shared axes): with four areas in three columns that row has one
    # panel, and the chart showed a single year
    x_axis: dict = chart_style.YEARS_ON_X | {"dtick": "M24", "showticklabels": True}
    for key, axis in layout.items():
        if key.startswith("xaxis"):
            _merge(axis, x_axis | chart_style.AXES)
        elif key.startswith("yaxis"):
            _merge(axis, y_axis | chart_style.AXES)
    # a cell of the grid with no area draws no empty axes
    for i in range(len(names), rows * columns):
        layout["xaxis" + refs[i][0].removeprefix("x")]["visible"] = False
        layout["yaxis" + refs[i][1].removeprefix("y").removesuffix(" domain")]["visible"] = False
    # the legend (one entry a row on a phone) and the first row's names above the plots: the
    # top margin holds both, so Plotly does not push the plots up under the names
    standing, footer = chart_style.standing(
        text.title,
        text.context,
        chart_style.any_synthetic(frame),
        height=0,
        entries=chart_style.legend_entries(traces),
        plot=(plots, NAME_ROOM),
    )
    layout |= standing | {"hovermode": "closest"}
    layout["annotations"] = layout.get("annotations", []) + footer
    fig = go.Figure(data=traces, layout=layout)
    if events is not None and not events.empty:
        # the panels with an area only: a cell left empty has a hidden x axis with no length,
        # and a shape on it is drawn from NaN ("MNaN,358HNaN…" in the browser's console)
        layout_items.set_items(fig, "shapes", policy.shapes(events, refs[: len(names)]))
    return fig


PANEL = 150  # px, a small chart's height
NAME_ROOM = 2 * 15 + 4  # an area's name above its panel: two lines of 12 px text
PANEL_GAP = chart_style.X_TICKS + NAME_ROOM  # the years under a panel and the name above the next


@functools.lru_cache(maxsize=64)
def _grid(
    rows: int, columns: int, titles: int, spacing: float = 0.06
) -> tuple[str, tuple[tuple[str, str], ...]]:
    """make_subplots' layout of a grid of panels (the axes, their domains and shared scales, the
    places of `titles` panel names), as JSON (each figure reads its own copy), and each panel's
    x axis and y domain, row by row. Cached: it depends on the grid's size alone, and makes
    ~0,1 s of work at 40 panels."""
    fig = make_subplots(
        rows=rows,
        cols=columns,
        shared_xaxes=True,
        # "all": one y scale for every panel; True shares it within a row only, and panels in
        # different rows would look alike at different scales
        shared_yaxes="all",
        subplot_titles=["-"] * titles,
        vertical_spacing=spacing if rows > 1 else 0,
        horizontal_spacing=0.03,
    )
    layout = fig.layout.to_plotly_json()
    layout.pop("template", None)  # the figure gets plotly's default, as make_subplots' did
    return json.dumps(layout), tuple(policy.panel_refs(fig))


def _merge(target: dict, patch: dict) -> None:
    """Update a figure dict with another, nested dicts merged as plotly's update merges them."""
    for key, value in patch.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            _merge(target[key], value)
        else:
            target[key] = value


def _name_above_panel(text: str) -> dict:
    """An area's name right above its panel, small, wrapped: inside the panel it covered the
    first points; at 16 px four names a row run into each other on a phone. (make_subplots puts
    it there, anchored at its bottom.)"""
    return {
        "yanchor": "bottom",
        "font": {"size": chart_style.NOTE_FONT, "color": chart_style.TEXT},
        "text": "<br>".join(chart_style.wrap(text, 14)),
    }


def _name_inside_panel(text: str) -> dict:
    """An area's name inside its panel's top edge, small, on a white ground: above the panel,
    the first row's names would sit under the legend, and at 16 px four names a row run into
    each other on a phone."""
    return {
        "yanchor": "top",
        "yshift": -1,
        "font": {"size": chart_style.NOTE_FONT, "color": chart_style.TEXT},
        "bgcolor": "rgba(255,255,255,0.85)",
        "text": "<br>".join(chart_style.wrap(text, 14)),
    }


def _names_inside_panels(fig: go.Figure) -> None:
    """The area names make_subplots puts above each panel go inside its top edge
    (_name_inside_panel), set on the figure at once."""
    fig.layout.annotations = [
        note.to_plotly_json() | _name_inside_panel(note.text) for note in fig.layout.annotations
    ]


def paired_over_time(
    labour: pd.DataFrame, umkm: pd.DataFrame, events: pd.DataFrame | None, text: PairedText
) -> go.Figure:
    """Two areas, one panel above the other: cumulative PHK (left axis) and the adoption rate
    (right axis), each measure on one scale in both panels, so the panels compare at a glance.
    Stacked, not side by side: on a 390 px phone two panels abreast were 100 px wide each, their
    year labels ran into each other; one above the other, each has the chart's whole width.

    labour: region_code, region_name, month, value, synthetic, hover
    umkm: region_code, month, adoption_rate, synthetic, hover
    """
    codes = (
        list(dict.fromkeys(labour["region_code"]))[:2]
        or list(dict.fromkeys(umkm["region_code"]))[:2]
    )
    names = {c: n for c, n in zip(labour["region_code"], labour["region_name"], strict=True)}
    panels = max(1, len(codes))
    fig = make_subplots(
        rows=panels,
        cols=1,
        shared_xaxes=True,  # the years once, under the lower panel
        specs=[[{"secondary_y": True}]] * panels,
        subplot_titles=[plain_label(names.get(c, c)) for c in codes],
        vertical_spacing=0.06,
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
            row=i,
            col=1,
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
            row=i,
            col=1,
            showlegend=i == 1,
            symbol=umkm_symbol,
        )
    policy.add_events(fig, events, panels=True, unknown=text.unknown, locale=text.context.locale)
    _names_inside_panels(fig)
    locale = text.context.locale
    # the same range for a measure in both panels: 800 against 300 drawn as the same height
    # would say the two areas are alike
    for row in range(1, panels + 1):
        ticks.set_ticks(fig, labour.get("value", []), locale, secondary_y=False, row=row, col=1)
        ticks.set_ticks(
            fig,
            umkm.get("adoption_rate", []),
            locale,
            percent=True,
            secondary_y=True,
            row=row,
            col=1,
        )
    # each panel reads its own numbers and names them: PHK on the left, the rate on the right
    fig.update_yaxes(title_text=text.y_phk, secondary_y=False)
    fig.update_yaxes(title_text=text.y_adoption, secondary_y=True, showgrid=False)
    chart_style.years_on_x(fig)
    return chart_style.stand_alone(
        fig, text.title, text.context, chart_style.any_synthetic(labour, umkm), height=640
    )
