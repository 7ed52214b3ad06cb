"""What the browser's console says while a reader goes through every page, at both widths: no
drawing error from a number that is not a number (SVG paths such as "MNaN,NaN" that Plotly
writes when a shape or a line has a missing coordinate, or a chart is drawn with no room)."""

import pytest

from tests.browser.dashboard import PAGES, VIEWPORTS, Dashboard

# the pages with tabs: each tab opened in turn, as a reader does (a hidden tab's charts are drawn
# when it is shown)
WILAYAH_TABS = ("Peringkat", "Per wilayah", "Gabungan", "Beda laporan", "Peta")
TABS = {"/wilayah": WILAYAH_TABS, "/wilayah?level=district": WILAYAH_TABS}
# every page, and Wilayah's kecamatan too: 13 panels in a grid of 15 cells
PATHS = [*PAGES.values(), "/wilayah?level=district"]


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("path", PATHS)
def test_no_nan_in_the_console(browser, dashboard, path, viewport):
    context = browser.new_context(
        viewport=VIEWPORTS[viewport], locale="id-ID", timezone_id="Asia/Jakarta"
    )
    messages: list[str] = []
    try:
        page = context.new_page()
        page.on("console", lambda m: messages.append(f"{m.type}: {m.text}"))
        page.on("pageerror", lambda e: messages.append(f"pageerror: {e}"))
        app = Dashboard(page, dashboard, viewport)
        app.open(path)
        for tab in TABS.get(path, ()):
            app.tab(tab)
        page.wait_for_timeout(500)
    finally:
        context.close()
    assert [m for m in messages if "NaN" in m] == []
