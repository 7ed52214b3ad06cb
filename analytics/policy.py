"""Policy periods (PSBB, PPKM) on the charts, with the stretches nobody has sourced.

Between the first and the last known period of an area, a stretch that no sourced period covers is
not "no restriction": its status is unknown, and it is drawn as such (kind "unknown"), so a gap in
our sources never reads as a lifted restriction.
"""

import datetime as dt

import pandas as pd
import plotly.graph_objects as go

UNKNOWN = "unknown"
EVENT_COLOURS = {"PSBB": "rgba(192, 80, 77, 0.13)", "PPKM": "rgba(128, 100, 162, 0.13)"}
UNKNOWN_COLOUR = "rgba(160, 160, 160, 0.10)"


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


def _panel_refs(fig: go.Figure) -> list[tuple[str, str]]:
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


def add_events(fig: go.Figure, events: pd.DataFrame | None, panels: bool = False) -> None:
    """Shade each policy period, labelled with its kind; a one-day event is a line; a stretch whose
    status nobody has sourced (kind "unknown") is grey with a dotted edge and labelled "?". On a
    figure of several panels every panel is shaded.

    Every shape and label is built into one list and set on the figure once: adding them one at a
    time makes plotly re-check all earlier shapes on each, so the time grew with the square of the
    number of panels."""
    if events is None or events.empty:
        return
    refs = _panel_refs(fig) if panels else _panel_refs(fig)[:1]
    shapes, labels = list(fig.layout.shapes), list(fig.layout.annotations)
    covered_to: dict[str, pd.Timestamp] = {}  # kind -> end of its current run of periods
    for e in events.sort_values("start_date", kind="stable").itertuples():
        start, end = pd.Timestamp(e.start_date), pd.Timestamp(e.end_date)
        unknown = e.kind == UNKNOWN
        colour = UNKNOWN_COLOUR if unknown else EVENT_COLOURS.get(e.kind, "rgba(127,127,127,0.13)")
        for x_ref, y_ref in refs:
            if start == end and not unknown:
                shape = {
                    "type": "line",
                    "x0": start,
                    "x1": start,
                    "line": {"color": colour.replace("0.13", "0.8"), "dash": "dash"},
                }
            else:
                shape = {
                    "type": "rect",
                    "x0": start,
                    "x1": end + dt.timedelta(days=1),
                    "fillcolor": colour,
                    "line": {"width": 1, "dash": "dot", "color": "rgba(110,110,110,0.6)"}
                    if unknown
                    else {"width": 0},
                    "layer": "below",
                }
            shapes.append({**shape, "xref": x_ref, "yref": y_ref, "y0": 0, "y1": 1})
        # one label per run of periods of the same kind (weekly PPKM extensions would otherwise
        # print a label a week, on top of each other)
        run_end = covered_to.get(e.kind)
        continues = run_end is not None and start <= run_end + pd.Timedelta(days=1)
        covered_to[e.kind] = max(end, run_end) if continues else end
        if continues:
            continue
        labels.append(
            {
                "x": start,
                "y": 1.0,
                "xref": refs[0][0],
                "yref": "paper",
                "text": "?" if unknown else e.kind,
                "showarrow": False,
                "textangle": -90,
                "xanchor": "left",
                "yanchor": "top",
                "font": {"size": 10, "color": "#444"},
                "hovertext": e.name if isinstance(e.name, str) else None,
            }
        )
    fig.update_layout(shapes=shapes, annotations=labels)
