"""Two dashboard replicas behind nginx (deploy/replicas.py, `make serve-replicas`), in Chromium:
the page comes through nginx and runs over its websocket (the figure is drawn, which needs the
script to run on the server), each browser stays on one replica for every request, the
websocket's included, browsers are spread over both, and a rebuild of the shared warehouse shows
on both replicas without restarting them.

nginx is the Debian package (`make test` installs it when run as root, as it does chromium); a
missing nginx fails these tests with how to install it, as a missing Chromium does."""

import shutil
from collections import defaultdict
from pathlib import Path

import pytest

from deploy import replicas
from etl.build import build
from tests.browser.dashboard import VIEWPORTS, Dashboard
from tests.conftest import DATA

# a report no shipped file has: Kota Tangerang's PHK on 1 August 2020 as 7.013 (after the shipped
# 6.023 of 5 May 2020, so the Ringkasan card of Kota Tangerang shows it as the latest figure)
NEW_REPORT = (
    "36.71,Kota Tangerang,2020-08-01,day,phk,7013,workers,exact,workplace,Kadisnaker,Test,"
    "https://example.org/new,2020-08-01,\n"
)
STREAM = '"GET /_stcore/stream"'


@pytest.fixture(scope="module")
def deployment(chromium, tmp_path_factory):
    try:
        replicas.nginx_binary()
    except replicas.ServeError as e:
        pytest.fail(str(e), pytrace=False)
    folder = tmp_path_factory.mktemp("replicas")
    data = folder / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("*.duckdb*"))
    warehouse = folder / "pulih.duckdb"
    build(data, warehouse)
    env = {"PULIH_AUDIT_LOG": str(folder / "audit.jsonl"), "PULIH_DATA": str(data)}
    # the settings of `make serve-replicas` (as serve-lan's): XSRF on, no error details
    args = ("--server.enableXsrfProtection", "true", "--client.showErrorDetails", "none")
    logs = folder / "serve"
    logs.mkdir()
    with replicas.serving(2, warehouse=warehouse, streamlit_args=args, env=env, folder=logs) as d:
        yield d, data, warehouse


def routes(log: Path) -> dict[str, set[str]]:
    """Each browser's token (nginx's cookie) -> the replicas that served its requests."""
    served = defaultdict(set)
    for line in log.read_text().splitlines():
        token, upstream = line.split(" ", 2)[:2]
        served[token].add(upstream)
    return served


def open_through_nginx(browser, url: str, path: str) -> tuple[Dashboard, str]:
    """A new browser (own cookies) on `path`; the page and the token nginx gave it."""
    context = browser.new_context(
        viewport=VIEWPORTS["desktop"], locale="id-ID", timezone_id="Asia/Jakarta"
    )
    app = Dashboard(context.new_page(), url, "desktop")
    app.open(path)
    token = next(c["value"] for c in context.cookies() if c["name"] == "pulih_replica")
    return app, token


def until_both_replicas(browser, deployment, path: str, check) -> set[str]:
    """Open new browsers on `path` until each replica has served one (at most 12: with two
    replicas equally likely, twelve on one alone happen once in 2.048), checking each page."""
    d = deployment
    seen: set[str] = set()
    for _ in range(12):
        app, token = open_through_nginx(browser, d.url, path)
        try:
            check(app)
            assert app.failures() == []
        finally:
            app.page.context.close()
        (served,) = routes(d.access_log)[token]  # one replica for all of this browser's requests
        seen.add(served)
        if len(seen) == len(d.replicas):
            break
    return seen


def test_pages_come_through_nginx_each_browser_on_one_replica(browser, deployment):
    d, _, _ = deployment

    def map_drawn(app):
        # Wilayah's map is drawn from what the script sent over the websocket: through nginx
        app.page.locator(".st-key-areas_map .js-plotly-plot .main-svg").first.wait_for()
        assert app.figure("areas_map")["data"], "no markers on the map"
        app.screenshot("replicas_wilayah")

    seen = until_both_replicas(browser, d, "/wilayah?level=district&induk=36.71", map_drawn)
    assert seen == {r.removeprefix("http://") for r in d.replicas}
    served = routes(d.access_log)
    streams = {
        line.split(" ", 1)[0] for line in d.access_log.read_text().splitlines() if STREAM in line
    }
    assert streams, "no websocket went through nginx"
    for token in streams:
        assert len(served[token]) == 1, f"browser {token} was served by {served[token]}"


def test_a_rebuild_shows_on_both_replicas_without_a_restart(browser, deployment):
    d, data, warehouse = deployment

    def card_says(figure: str):
        def check(app):
            assert figure in app.text()

        return check

    # before: Kota Tangerang's latest PHK is the shipped 6.023, on each replica
    assert until_both_replicas(browser, d, "/", card_says("6.023")) == {
        r.removeprefix("http://") for r in d.replicas
    }
    labour = data / "raw" / "kabkota_labour.csv"
    labour.write_text(labour.read_text(encoding="utf-8") + NEW_REPORT, encoding="utf-8")
    build(data, warehouse)  # a new file renamed over the one both replicas hold open
    # after: both replicas, still the same processes, show the new report's 7.013
    assert until_both_replicas(browser, d, "/", card_says("7.013")) == {
        r.removeprefix("http://") for r in d.replicas
    }
