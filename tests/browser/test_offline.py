"""A closed office network: no page asks anything of a host other than the dashboard's own. Every
request to another host is aborted and recorded (a font, an icon, a map's glyphs), as a network
without the internet would answer it, and the page still renders."""

from urllib.parse import urlsplit

import pytest

from tests.browser.dashboard import PAGES, VIEWPORTS, Dashboard

LOCAL = {"127.0.0.1", "localhost"}
# the glyph files the page fetched (maplibre asks for a range as soon as a label is drawn)
GLYPHS_LOADED = """() => {
  const names = performance.getEntriesByType('resource').map(e => e.name)
    .filter(n => n.includes('/app/static/glyphs/') && n.endsWith('.pbf'));
  return names.length ? names : false;
}"""


def outside(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https", "ws", "wss") and parts.hostname not in LOCAL


def opened_offline(browser, base: str, path: str, viewport: str) -> tuple[Dashboard, list[str]]:
    context = browser.new_context(viewport=VIEWPORTS[viewport], locale="id-ID")
    asked: list[str] = []

    def answer(route):
        if outside(route.request.url):
            asked.append(route.request.url)
            return route.abort("internetdisconnected")
        return route.continue_()

    context.route("**/*", answer)
    app = Dashboard(context.new_page(), base, viewport)
    app.open(path)
    app.page.wait_for_timeout(1500)  # the favicon, a map's fonts: asked for after the run
    return app, asked


# every page, the map of Wilayah among them: its names and numbers are drawn from glyphs, which
# Plotly's own map style fetched from fonts.openmaptiles.org (the dashboard serves them now:
# deploy/glyphs.py); and the tab's icon, which a `:material/…:` icon fetched from Google
@pytest.mark.parametrize("path", list(PAGES.values()))
def test_a_page_asks_nothing_of_another_host(browser, dashboard, path):
    app, asked = opened_offline(browser, dashboard, path, "desktop")
    try:
        assert app.failures() == []
        assert asked == []
        if path == "/wilayah":  # the map's names were drawn from the dashboard's own glyphs
            # asked for when maplibre draws its first name: waited for, as a loaded machine is slow
            glyphs = app.page.wait_for_function(GLYPHS_LOADED, timeout=30_000).json_value()
            assert glyphs, "no glyph range loaded"
    finally:
        app.page.context.close()
