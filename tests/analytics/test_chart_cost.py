"""Charts of panels cost the same per panel at 4 or 40 areas: the policy periods' shapes are set
on the figure once, as one list, and plotly checks each period once, not once per panel and not
again for each shape added after it (which made the time grow with the square of the number of
areas). Counted, not timed: the times are in `make bench` (bench/page_times.py)."""

import datetime as dt
import json

import pandas as pd
import plotly.graph_objects as go
import pytest

from analytics import charts, layout_items, panels
from analytics.chart_text import LinesText, PanelsText

D = dt.date
MONTHS = pd.to_datetime(["2020-03-01", "2020-04-01", "2020-05-01"])
PANELS = PanelsText(title="T", real="dilaporkan", synthetic="dilaporkan (sintetis)", unknown="?")


def periods() -> pd.DataFrame:
    """A PSBB stretch, a stretch nobody sourced (unknown) and a one-day PPKM event: 3 periods."""
    return pd.DataFrame(
        {
            "start_date": [D(2020, 4, 18), D(2020, 5, 4), D(2022, 12, 30)],
            "end_date": [D(2020, 5, 3), D(2020, 5, 17), D(2022, 12, 30)],
            "kind": ["PSBB", "unknown", "PPKM"],
            "name": ["PSBB tahap 1", None, "PPKM dicabut"],
        }
    )


def areas(n: int) -> pd.DataFrame:
    """n areas named Kec. 00 .. Kec. n-1, three months each."""
    return pd.DataFrame(
        {
            "region_code": [f"36.71.{i:02d}" for i in range(n) for _ in MONTHS],
            "region_name": [f"Kec. {i:02d}" for i in range(n) for _ in MONTHS],
            "month": list(MONTHS) * n,
            "shown": [10.0 * i + m for i in range(n) for m in range(3)],
            "synthetic": [True] * (3 * n),
            "hover": ["h"] * (3 * n),
        }
    )


@pytest.fixture
def counted(monkeypatch):
    """How often plotly builds a Shape object, and how often a figure is asked to add a shape or
    an annotation one at a time (the calls that set the whole list again)."""
    go.Figure()  # plotly's default template, which the first figure of a process loads
    panels._grid.cache_clear()  # each test makes its grid of panels anew
    calls = {"Shape": 0, "one at a time": 0}
    shape_init = go.layout.Shape.__init__

    def count_shape(self, *args, **kwargs):
        calls["Shape"] += 1
        shape_init(self, *args, **kwargs)

    monkeypatch.setattr(go.layout.Shape, "__init__", count_shape)
    for name in ("add_shape", "add_vrect", "add_vline", "add_hrect", "add_annotation"):
        original = getattr(go.Figure, name)

        def count_call(self, *args, _original=original, **kwargs):
            calls["one at a time"] += 1
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(go.Figure, name, count_call)
    return calls


@pytest.mark.parametrize(
    ("n", "drawn"),
    # a panel per area; the grid's empty cells (4 areas: 2 rows x 3 = 6 cells, 2 empty) are not
    # shaded: their hidden axes have no length, and a shape on one is drawn from NaN
    [(4, 4), (40, 40)],
)
def test_small_multiples_sets_every_periods_shape_once(counted, n, drawn):
    fig = panels.small_multiples(areas(n), "shown", periods(), PANELS)
    shapes = json.loads(fig.to_json())["layout"]["shapes"]
    # 3 periods x 4 panels = 12 shapes at 4 areas; 3 x 40 = 120 at 40
    assert len(shapes) == 3 * drawn
    # plotly built a Shape object once per period (checked on the first panel), not per panel,
    # plus one when make_subplots made the grid (it reads the layout's shape defaults), and
    # nothing was added one at a time
    assert counted == {"Shape": 3 + 1, "one at a time": 0}


def test_the_shapes_are_the_periods_on_every_panel_in_order():
    fig = panels.small_multiples(areas(4), "shown", periods(), PANELS)
    shapes = json.loads(fig.to_json())["layout"]["shapes"]
    refs = [("x", "y domain")] + [(f"x{i}", f"y{i} domain") for i in range(2, 5)]
    # each period on the 4 panels with an area before the next period: PSBB, unknown, PPKM
    assert [(s["xref"], s["yref"]) for s in shapes] == refs * 3
    # written out by hand: the PSBB stretch ends at the end of 3 May (the next day, 00:00); the
    # unknown one is grey with a dotted edge; a one-day event is a dashed line
    psbb = {
        "type": "rect",
        "x0": "2020-04-18T00:00:00",
        "x1": "2020-05-04T00:00:00",
        "y0": 0,
        "y1": 1,
        "fillcolor": "rgba(230, 159, 0, 0.16)",
        "line": {"width": 0},
        "layer": "below",
    }
    unknown = {
        "type": "rect",
        "x0": "2020-05-04T00:00:00",
        "x1": "2020-05-18T00:00:00",
        "y0": 0,
        "y1": 1,
        "fillcolor": "rgba(160, 160, 160, 0.10)",
        "line": {"width": 1, "dash": "dot", "color": "rgba(110,110,110,0.6)"},
        "layer": "below",
    }
    ppkm = {
        "type": "line",
        "x0": "2022-12-30T00:00:00",
        "x1": "2022-12-30T00:00:00",
        "y0": 0,
        "y1": 1,
        "line": {"color": "rgba(204, 121, 167, 0.8)", "dash": "dash"},
    }
    for i, expected in enumerate([psbb, unknown, ppkm]):
        for shape, (x_ref, y_ref) in zip(shapes[4 * i : 4 * i + 4], refs, strict=True):
            assert shape == expected | {"xref": x_ref, "yref": y_ref}
    # each kind of stretch named once in the legend, in the order first drawn; the one-day
    # event, a dashed line and no stretch, by its kind and day (30 December 2022 in Indonesian)
    policy = [t.name for t in fig.data if t.legendgroup == "policy"]
    assert policy == ["PSBB", "?", "PPKM, 30 Des 2022"]


def test_a_change_to_one_panels_shape_stays_on_that_panel():
    fig = panels.small_multiples(areas(4), "shown", periods(), PANELS)
    fig.layout.shapes[0].line.width = 3
    assert [s.line.width for s in fig.layout.shapes[:4]] == [3, 0, 0, 0]


def test_lines_chart_shades_each_period_once(counted):
    text = LinesText(title="T", y="Y", synthetic_suffix="{label} (sintetis)")
    fig = charts.areas_over_time(areas(40), "shown", periods(), text)
    # one plot: 3 periods, 3 shapes, whatever the number of lines
    assert len(fig.layout.shapes) == 3
    assert counted["one at a time"] == 0


def test_a_wrong_shape_is_still_refused():
    # the periods are checked by plotly: a misspelt key fails where it is written
    with pytest.raises(ValueError, match="fillcolour"):
        layout_items.checked("shapes", {"type": "rect", "fillcolour": "red"})
