"""Charts on a phone (390 × 844) and on a desktop: legends that name each thing once.

Read from the figures as the browser drew them (tests/browser/dashboard.py: figure, chart_texts).
"""

import pytest

from tests.browser.dashboard import SCREENSHOTS

VIEWPORTS = ("desktop", "phone")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_gabungan_legend_names_each_entry_once(open_app, viewport):
    """The default Wilayah (Banten's four kab/kota): Kota Tangerang's PHK has a report that
    disagrees with another (5 Mei 2020: Disnaker's 6.023 beside Apindo's ± 8.000), and so may
    other areas; each area's rings were a legend entry of their own, so "laporan berbeda" was
    written once per area that had one."""
    app = open_app("/wilayah", viewport)
    app.tab("Gabungan")
    drawn = app.chart_texts("areas_chart")
    legend = [t["text"] for t in drawn["texts"] if t["kind"] == "legend" and t["shown"]]
    assert "laporan berbeda" in legend
    assert len(legend) == len(set(legend)), sorted(legend)


# The height of a chart's legend and of its plot area as the browser drew them: the legend's
# box, and the tallest drag rectangle of a subplot (the plot area; a chart with a right axis has
# one per axis, over the same area).
LEGEND_AND_PLOT = """
(key) => {
  const holder = document.querySelector(`.st-key-${key} .js-plotly-plot`);
  const legend = holder.querySelector('.legend');
  const drags = [...holder.querySelectorAll('.nsewdrag')].map(r => r.getBoundingClientRect());
  return {
    legend: legend ? legend.getBoundingClientRect().height : 0,
    plot: Math.max(...drags.map(b => b.height)),
  };
}
"""

LEGEND_CHARTS = {
    "ringkasan": ("/", "overview_chart"),
    "wilayah kab/kota": ("/wilayah?tab=lines", "areas_chart"),
    "wilayah kecamatan": ("/wilayah?level=district&tab=lines", "areas_chart"),
}


@pytest.mark.parametrize("chart", LEGEND_CHARTS)
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_plot_is_at_least_as_tall_as_its_legend(open_app, viewport, chart):
    """On a phone the legends were taller than the plots they explain (measured: Ringkasan 181
    px of legend over 141 px of plot; Wilayah's lines 314 over 124 at kecamatan level, 200 over
    209 at kab/kota): the plot, what the chart is for, must keep at least the legend's height."""
    path, key = LEGEND_CHARTS[chart]
    app = open_app(path, viewport)
    drawn = app.page.evaluate(LEGEND_AND_PLOT, key)
    shot = f"legend-{chart.replace(' ', '-').replace('/', '')}-{viewport}.png"
    app.page.locator(f".st-key-{key}").screenshot(path=SCREENSHOTS / shot)
    assert drawn["legend"] > 0, drawn  # a legend is drawn at all
    assert drawn["plot"] >= drawn["legend"], drawn


# Each panel's plot area and the area names (the subplot titles), as drawn.
PANELS_DRAWN = """
(key) => {
  const holder = document.querySelector(`.st-key-${key} .js-plotly-plot`);
  const box = e => { const b = e.getBoundingClientRect();
    return {x: b.x, y: b.y, width: b.width, height: b.height}; };
  const plots = [...holder.querySelectorAll('.nsewdrag')].map(box)
    .filter(b => b.width > 0 && b.height > 0);
  const names = holder._fullLayout.annotations.map(a => a.text);
  const titles = [...holder.querySelectorAll('.annotation-text')]
    .filter(t => names.includes(t.getAttribute('data-unformatted')))
    .filter(t => t.textContent.trim() && !/sintetis|Sumber|Data per/i.test(t.textContent))
    .map(t => ({text: t.textContent, box: box(t)}));
  const xticks = [...holder.querySelectorAll('.xaxislayer-above text')]
    .filter(t => { const b = t.getBoundingClientRect(); return b.width > 0 && b.height > 0
      && t.textContent.trim(); }).map(t => t.textContent);
  return {plots, titles, xticks};
}
"""


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_panels_show_years_and_names_clear_of_the_data(open_app, viewport):
    """Wilayah's panels (Banten's four kab/kota, three panels a row) on a phone: only the bottom
    row's x axes had tick labels, and with four areas that row has one panel, so the chart showed
    a single year; and the area names sat inside the panels' top edge, over the points."""
    app = open_app("/wilayah?tab=panels", viewport)
    drawn = app.page.evaluate(PANELS_DRAWN, "areas_panels")
    app.page.locator(".st-key-areas_panels").screenshot(path=SCREENSHOTS / f"panels-{viewport}.png")
    # four panels of 2020-2023 with a label every other year ("M24"): at least two a panel,
    # and one a column at the very least: three columns, three labels
    assert len(drawn["xticks"]) >= 3, drawn["xticks"]
    assert len(drawn["titles"]) == 4, drawn["titles"]
    for title in drawn["titles"]:
        # its panel: the plot area right under the name, sharing its column
        middle = title["box"]["x"] + title["box"]["width"] / 2
        below = [
            p
            for p in drawn["plots"]
            if p["x"] <= middle <= p["x"] + p["width"] and p["y"] + p["height"] > title["box"]["y"]
        ]
        panel = min(below, key=lambda p: p["y"])
        bottom = title["box"]["y"] + title["box"]["height"]
        assert bottom <= panel["y"] + 1, (title, panel)


def test_ringkasan_trend_on_a_phone_gives_the_plot_most_of_the_chart(open_app):
    """At 390 px Ringkasan's trend has ten legend entries, one a row (each legend group is a
    column of its own): measured 200 px of legend over 220 px of plot, the legend about half of
    what the two take. The plot must keep at least 60 % of it: 1,5 times the legend's height."""
    app = open_app("/", "phone")
    drawn = app.page.evaluate(LEGEND_AND_PLOT, "overview_chart")
    app.page.locator(".st-key-overview_chart").screenshot(
        path=SCREENSHOTS / "legend-ringkasan-share-phone.png"
    )
    assert drawn["legend"] > 0, drawn
    assert drawn["plot"] / (drawn["plot"] + drawn["legend"]) >= 0.6, drawn
