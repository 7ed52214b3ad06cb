"""Charts on a phone (390 × 844) and on a desktop: legends that name each thing once.

Read from the figures as the browser drew them (tests/browser/dashboard.py: figure, chart_texts).
"""

import pytest

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
