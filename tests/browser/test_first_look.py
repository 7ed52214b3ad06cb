"""What a new reader found on a first look at the dashboard: a time axis that ran on for years
past the data, with its first year unnamed, a line on a chart explained nowhere, ...

Expected values come from the shipped data (data/raw), read by hand: Kota Tangerang's official
PHK and dirumahkan figures (demo data off) are monthly from April 2020 to May 2021 (the months
caption says so: "angka resmi April 2020 – Mei 2021"); PPKM was revoked on 30 December 2022
(data/raw/policy_events.csv, the one period of a single day).
"""

import re
from datetime import date

import pytest


def x_axis(figure: dict) -> dict:
    return figure["axes"]["xaxis"]


def day(value) -> date:
    """A date axis' value (Plotly's "2020-03-17 12:00" or epoch milliseconds) as a date."""
    if isinstance(value, int | float):
        return date.fromtimestamp(value / 1000)
    return date.fromisoformat(str(value)[:10])


def legend_names(figure: dict) -> list[str]:
    return [t["name"] for t in figure["data"] if t.get("showlegend", True) and t.get("name")]


def test_overview_axis_spans_the_real_figures_with_every_year_named(open_app):
    """Demo off: the official figures run April 2020 – May 2021. The axis ran to 2023 (the last
    policy period), with ticks "2021", "2022" and none naming 2020. Expected: the axis ends
    within a month of May 2021, and its ticks name both years, the first at April 2020."""
    figure = open_app("/?contoh=0").figure("overview_chart")
    axis = x_axis(figure)
    start, end = (day(v) for v in axis["range"])
    assert date(2020, 3, 1) <= start <= date(2020, 4, 1), axis["range"]
    assert date(2021, 5, 1) <= end <= date(2021, 6, 15), axis["range"]
    texts = [t["text"] for t in axis["ticks"]]
    assert texts == ["Apr 2020", "2021"], texts


@pytest.mark.parametrize("path", ["/", "/?contoh=0"])
def test_every_line_on_the_overview_is_named(open_app, path):
    """The pink dashed line at the end of December 2022 (PPKM revoked, 30 December 2022) was in
    no legend entry and no caption. Every one-day line drawn inside the axis is named in the
    legend with its date ("30 Des 2022")."""
    figure = open_app(path).figure("overview_chart")
    start, end = (day(v) for v in x_axis(figure)["range"])
    lines = [s for s in figure["layout"].get("shapes", []) if s["type"] == "line"]
    drawn = [s for s in lines if start <= day(s["x0"]) <= end]
    names = " | ".join(legend_names(figure))
    for line in drawn:
        assert day(line["x0"]) == date(2022, 12, 30)  # the only one-day period in the data
        assert "PPKM, 30 Des 2022" in names, names
    if path == "/":  # the demo series run to December 2022: the line is on the chart
        assert drawn


def overlaps(a: dict, b: dict) -> bool:
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


def test_two_areas_on_a_phone_are_stacked_with_years_apart(open_app):
    """Dampak vs Adopsi, "Dua wilayah berdampingan", at 390 px: the two panels stood side by side,
    about 100 px wide each, and their year labels ran into each other ("2022 2023" touching).
    Stacked, each panel is as wide as the chart (its x axis spans at least 90 % of the plot's
    width), and no two year labels overlap."""
    app = open_app("/dampak_adopsi", "phone")
    figure = app.figure("paired_chart")
    xs = [a for name, a in figure["axes"].items() if name.startswith("xaxis")]
    assert len(xs) == 2
    for axis in xs:
        assert axis["domain"][1] - axis["domain"][0] >= 0.9, axis["domain"]
    drawn = app.chart_texts("paired_chart")
    # the lower panel's axis is x2 (its labels' class is x2tick): the years are read by their text
    years = [t for t in drawn["texts"] if t["shown"] and re.fullmatch(r"20\d\d", t["text"])]
    assert years
    for i, a in enumerate(years):
        for b in years[i + 1 :]:
            assert not overlaps(a["box"], b["box"]), (a["text"], b["text"])
