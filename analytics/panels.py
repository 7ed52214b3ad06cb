"""Figures of several panels on shared axes: one small chart per area (Wilayah's small multiples)
and the paired panels of labour impact and UMKM adoption (Dampak vs Adopsi). Built on the traces
of analytics/charts.py, so a line, its synthetic stretch and its conflict rings look the same in
a panel as in a chart of its own.
"""

import functools
import json

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from analytics import chart_style, layout_items, policy, ticks
from analytics.chart_style import MEASURE
from analytics.chart_text import PairedText, PanelsText
from analytics.charts import (
    add_series,
    merge_into,
    name_each_once,
    plain_label,
    series_traces,
)


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
            conflict_name=text.conflict,
        ):
            traces.append(trace | {"xaxis": x_ref, "yaxis": y_domain.removesuffix(" domain")})
    name_each_once(traces)  # reported, synthetic, disputed: by the first panel that has each
    traces += policy.legend_entries(events, text.unknown, locale=text.context.locale)
    y_axis = ticks.y_ticks(frame[y], text.context.locale, percent=text.percent)
    # two labels a panel: four panels a row on a phone; and on every panel, not on the bottom
    # row's alone (make_subplots' shared axes): with four areas in three columns that row has one
    # panel, and the chart showed a single year
    x_axis: dict = chart_style.YEARS_ON_X | {"dtick": "M24", "showticklabels": True}
    for key, axis in layout.items():
        if key.startswith("xaxis"):
            merge_into(axis, x_axis | chart_style.AXES)
        elif key.startswith("yaxis"):
            merge_into(axis, y_axis | chart_style.AXES)
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
        add_series(
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
        add_series(
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
