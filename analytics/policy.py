"""Policy periods (PSBB, PPKM) on the charts, with the stretches nobody has sourced.

Between the first and the last known period of an area, a stretch that no sourced period covers is
not "no restriction": its status is unknown, and it is drawn as such (kind "unknown"), so a gap in
our sources never reads as a lifted restriction.
"""

import datetime as dt
from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go
from babel.dates import format_date

from analytics import layout_items

UNKNOWN = "unknown"
# Okabe-Ito orange and reddish purple, light enough that the lines stay readable over them
EVENT_RGB = {"PSBB": (230, 159, 0), "PPKM": (204, 121, 167)}
EVENT_COLOURS = {kind: "rgba({}, {}, {}, 0.16)".format(*rgb) for kind, rgb in EVENT_RGB.items()}
UNKNOWN_COLOUR = "rgba(160, 160, 160, 0.10)"
OTHER_COLOUR = "rgba(127, 127, 127, 0.13)"
# the same colours whole, for a one-day period's dashed line in the legend
LINE_COLOURS = {"PSBB": "#E69F00", "PPKM": "#CC79A7"}
GREY = "#7F7F7F"


def with_unknown_gaps(events: pd.DataFrame) -> pd.DataFrame:
    """The known periods plus one row of kind "unknown" for every gap of a day or more between
    them (periods are inclusive of their end day)."""
    if events is None or events.empty:
        return events
    known = events.assign(
        start_date=pd.to_datetime(events["start_date"]).dt.date,
        end_date=pd.to_datetime(events["end_date"]).dt.date,
    ).sort_values(["start_date", "end_date"])
    gaps = []
    covered_to = known["end_date"].iloc[0]
    for start, end in zip(known["start_date"].iloc[1:], known["end_date"].iloc[1:], strict=True):
        if start > covered_to + dt.timedelta(days=1):
            gaps.append((covered_to + dt.timedelta(days=1), start - dt.timedelta(days=1)))
        covered_to = max(covered_to, end)
    unknown = pd.DataFrame(
        [{"start_date": a, "end_date": b, "kind": UNKNOWN, "name": None} for a, b in gaps],
        columns=["start_date", "end_date", "kind", "name"],
    )
    return pd.concat([known, unknown], ignore_index=True).sort_values("start_date", kind="stable")


def within(events: pd.DataFrame | None, start, end) -> pd.DataFrame | None:
    """The periods that touch the span from `start` to `end`: one outside the axis draws nothing,
    and would still be named in the legend."""
    if events is None or events.empty:
        return events
    starts, ends = pd.to_datetime(events["start_date"]), pd.to_datetime(events["end_date"])
    return events[(starts <= pd.Timestamp(end)) & (ends >= pd.Timestamp(start))]


def panel_refs(fig: go.Figure) -> list[tuple[str, str]]:
    """(x ref, y-domain ref) of every panel of the figure: one for a plain figure."""
    grid = getattr(fig, "_grid_ref", None)
    if not grid:
        return [("x", "paper")]
    refs = []
    for row in grid:
        for cell in row:
            if cell is None:
                continue
            x_axis, y_axis = cell[0].layout_keys[:2]
            x = "x" + x_axis.removeprefix("xaxis")
            y = "y" + y_axis.removeprefix("yaxis")
            refs.append((x, f"{y} domain"))
    return refs


def _on_panel(shape: dict, x_ref: str, y_ref: str) -> dict:
    """A copy of a checked shape on another panel: its own axes, and its own nested dicts (the
    line), so a change to one panel's shape never reaches another's."""
    copy = {k: dict(v) if isinstance(v, dict) else v for k, v in shape.items()}
    return copy | {"xref": x_ref, "yref": y_ref}


def add_events(
    fig: go.Figure,
    events: pd.DataFrame | None,
    panels: bool = False,
    unknown: str = "?",
    locale: str = "id_ID",
) -> None:
    """Shade each policy period on the figure (on every panel of a figure of several panels) and
    name its kinds in the legend: see shapes() and legend_entries()."""
    if events is None or events.empty:
        return
    refs = panel_refs(fig) if panels else panel_refs(fig)[:1]
    existing = [s.to_plotly_json() for s in fig.layout.shapes]
    layout_items.set_items(fig, "shapes", existing + shapes(events, refs))
    fig.add_traces(legend_entries(events, unknown, x_axis=refs[0][0], locale=locale))


def _colour(kind: str) -> str:
    return UNKNOWN_COLOUR if kind == UNKNOWN else EVENT_COLOURS.get(kind, OTHER_COLOUR)


def shapes(events: pd.DataFrame | None, refs: Sequence[tuple[str, str]]) -> list[dict]:
    """Each policy period shaded on each panel (refs: its x axis and y domain): a one-day event
    is a line; a stretch whose status nobody has sourced (kind "unknown") is grey with a dotted
    edge. In the order of the periods, each on every panel.

    Built as one list, to be set on the figure once: adding shapes one at a time makes plotly
    re-check all earlier shapes on each, so the time grew with the square of the number of
    panels. Plotly checks each period's shape once, on the first panel; the other panels get
    copies that name their own axes (analytics/layout_items.py)."""
    if events is None or events.empty:
        return []
    first_x, first_y = refs[0]
    periods: list[dict] = []  # each period's shape on the first panel, as plotly checked it
    for e in events.sort_values("start_date", kind="stable").itertuples():
        start, end = pd.Timestamp(e.start_date), pd.Timestamp(e.end_date)
        is_unknown = e.kind == UNKNOWN
        colour = _colour(str(e.kind))
        # dates as the text the figure's JSON holds: thousands of Timestamps are slow to copy
        # and to write (Streamlit does both with every figure)
        x0, x1 = start.isoformat(), (end + dt.timedelta(days=1)).isoformat()
        if start == end and not is_unknown:
            shape = {
                "type": "line",
                "x0": x0,
                "x1": x0,
                "line": {"color": colour.replace("0.16", "0.8"), "dash": "dash"},
            }
        else:
            shape = {
                "type": "rect",
                "x0": x0,
                "x1": x1,
                "fillcolor": colour,
                "line": {"width": 1, "dash": "dot", "color": "rgba(110,110,110,0.6)"}
                if is_unknown
                else {"width": 0},
                "layer": "below",
            }
        shape |= {"xref": first_x, "yref": first_y, "y0": 0, "y1": 1}
        periods.append(layout_items.checked("shapes", shape))
    return [_on_panel(shape, x_ref, y_ref) for shape in periods for x_ref, y_ref in refs]


def _one_day(events: pd.DataFrame) -> pd.DataFrame:
    """The periods of a single day, drawn as a dashed line (shapes())."""
    starts, ends = pd.to_datetime(events["start_date"]), pd.to_datetime(events["end_date"])
    return events[(starts == ends) & (events["kind"] != UNKNOWN)]


def legend_entries(
    events: pd.DataFrame | None, unknown: str, x_axis: str = "x", locale: str = "id_ID"
) -> list[dict]:
    """One legend entry per kind of period, in the order first drawn ("PSBB", "PPKM", and
    `unknown` for the grey stretches), as traces: a square of the period's colour, no point drawn
    on the chart; and one per single-day period, a dashed line of its colour named by its kind
    and day ("PPKM, 30 Des 2022"), for a line the squares do not explain.

    The kinds are named in the legend, not by a label on each period: weekly PPKM extensions put
    labels on top of each other, and a rotated 9 px label is not readable on a phone."""
    if events is None or events.empty:
        return []
    ordered = events.sort_values("start_date", kind="stable")
    days = _one_day(ordered)
    kinds = dict.fromkeys(ordered.drop(days.index)["kind"])
    return [
        {
            "type": "scatter",
            "x": [None],
            "y": [None],
            "mode": "markers",
            "name": unknown if kind == UNKNOWN else str(kind),
            "marker": {
                "symbol": "square",
                "size": 15,
                "color": _colour(str(kind)).replace("0.16", "0.45").replace("0.10", "0.35"),
                "line": {"width": 1, "color": "rgba(90,90,90,0.8)"},
            },
            "legendgroup": "policy",
            "legendrank": 2000,
            "hoverinfo": "skip",
            "xaxis": x_axis,
            "yaxis": "y",
        }
        for kind in kinds
    ] + [
        {
            "type": "scatter",
            "x": [None],
            "y": [None],
            "mode": "lines",
            "name": f"{e.kind}, "
            + format_date(pd.Timestamp(e.start_date).date(), "d MMM yyyy", locale=locale),
            # the line's Okabe-Ito colour at the line's opacity (shapes(): the same at 0,8)
            "line": {"color": LINE_COLOURS.get(str(e.kind), GREY), "dash": "dash"},
            "opacity": 0.8,
            "legendgroup": "policy",
            "legendrank": 2001,
            "hoverinfo": "skip",
            "xaxis": x_axis,
            "yaxis": "y",
        }
        for e in days.itertuples()
    ]
