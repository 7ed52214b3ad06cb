"""The browser suite: the real dashboard (`streamlit run dashboard.py`, as `make run` starts it) on
a free port, driven by Debian's Chromium through Playwright's sync API.

- `dashboard`: one server per session, reading the session warehouse built from data/
  (tests/conftest.py), stopped after the last test; `national_dashboard` a second one over a
  small national-scale demo warehouse (a few whole provinces, etl/national.py), started only
  by the tests that ask for it (`open_national`).
- `browser`: one Chromium per session, the system's (`chromium` on PATH, or PULIH_CHROMIUM), never
  a browser Playwright downloads. Missing, it fails every test here with how to install it; only
  PULIH_NO_BROWSER=1 turns the suite into skips (`make test` and .ci/run never set it).
- `open_app`: a fresh browser context (own cookies, own Streamlit session) per call, at a viewport,
  closed after the test; it returns a `Dashboard` (tests/browser/dashboard.py) on the page.
- `provider`: a local OpenID provider for the sign-in tests (tests/browser/oidc.py).
- `shown`: a page opened once per session and viewport, for tests that only read it (render
  checks, accessibility, clipping, words on screen); a screenshot of each lands in SCREENSHOTS.
"""

import os
import shutil
from pathlib import Path

import pytest

from deploy import serve
from deploy.serve import free_port
from tests.browser.dashboard import SCREENSHOTS, VIEWPORTS, Dashboard

HERE = Path(__file__).parent
INSTALL = (
    "Chromium is needed for the browser tests (tests/browser) and was not found on PATH.\n"
    "Install Debian's package: `sudo apt-get update && sudo apt-get install -y chromium` "
    "(`make test` does this itself when run as root), or point PULIH_CHROMIUM at a Chromium "
    "binary. To run the rest of the suite without a browser, set PULIH_NO_BROWSER=1."
)


def pytest_collection_modifyitems(config, items):
    """Everything under tests/browser is a browser test (and slow): `-m "not browser"` leaves
    them out on purpose; nothing leaves them out by itself."""
    for item in items:
        if HERE in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def chromium() -> str:
    if os.environ.get("PULIH_NO_BROWSER") == "1":
        pytest.skip("PULIH_NO_BROWSER=1: the browser tests are switched off")
    path = os.environ.get("PULIH_CHROMIUM") or shutil.which("chromium")
    if not path or not Path(path).exists():
        pytest.fail(INSTALL, pytrace=False)
    return path


@pytest.fixture(scope="session")
def dashboard(chromium, warehouse, tmp_path_factory) -> str:
    """The base URL of a real dashboard server over the session warehouse."""
    yield from _serve(warehouse, tmp_path_factory)


# a few whole provinces of the national-scale demo (etl/national.py): Banten and Daerah Istimewa
# Yogyakarta, with a small register
NATIONAL_PROVINCES = ("36", "34")


@pytest.fixture(scope="session")
def national_warehouse(tmp_path_factory) -> Path:
    from etl import national

    folder = tmp_path_factory.mktemp("national")
    national.write(folder, 2000, NATIONAL_PROVINCES)
    national.build_warehouse(folder)
    return folder / "pulih.duckdb"


@pytest.fixture(scope="session")
def national_dashboard(chromium, national_warehouse, tmp_path_factory) -> str:
    """The base URL of a second server, over the small national warehouse."""
    yield from _serve(national_warehouse, tmp_path_factory)


def _serve(
    warehouse: Path,
    tmp_path_factory,
    port: int | None = None,
    host: str = "127.0.0.1",
    args: tuple[str, ...] = (),
    env: dict[str, str] | None = None,
    data: Path | None = None,
):
    """Start `streamlit run dashboard.py` over `warehouse` (and the data folder `data`, when
    given) on a free port (or `port`), yield its base URL once it answers, and stop it
    afterwards. The audit log goes beside the server's log unless `env` says otherwise."""
    port = port or free_port()
    folder = tmp_path_factory.mktemp("server")
    log = folder / "streamlit.log"
    env = {
        **os.environ,
        "PULIH_WAREHOUSE": str(warehouse),
        "PULIH_AUDIT_LOG": str(folder / "audit.jsonl"),
        **({"PULIH_DATA": str(data)} if data is not None else {}),
        **(env or {}),
    }
    try:
        with serve.dashboard(log, env, port, host, args) as base:
            yield base
    except serve.ServeError as e:
        pytest.fail(str(e))


@pytest.fixture(scope="session")
def provider():
    """The base URL of a local OpenID provider (PyPI oidc-provider-mock) on a free port, with
    the accounts of tests/browser/oidc.py; started by the first sign-in test that asks for it."""
    import oidc_provider_mock

    from tests.browser.oidc import ACCOUNTS

    users = [oidc_provider_mock.User(sub=sub, claims=c) for sub, c in ACCOUNTS.items()]
    with oidc_provider_mock.run_server_in_thread(user_claims=users) as server:
        yield f"http://localhost:{server.server_port}"


@pytest.fixture(scope="session")
def browser(chromium):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=chromium,
            headless=True,
            # containers: no user namespaces for the sandbox, a small /dev/shm
            args=["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
        )
        yield launched
        launched.close()


@pytest.fixture(scope="session", autouse=True)
def _screenshots_folder():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)


@pytest.fixture
def open_app(browser, dashboard):
    """open_app(path, viewport="desktop") -> Dashboard on a new context; closed after the test."""
    yield from _opener(browser, dashboard)


@pytest.fixture
def open_national(browser, national_dashboard):
    """open_app's twin on the national warehouse's server."""
    yield from _opener(browser, national_dashboard)


def _opener(browser, base: str):
    contexts = []

    def open_(path: str = "/", viewport: str = "desktop", wait: bool = True) -> Dashboard:
        context = browser.new_context(
            viewport=VIEWPORTS[viewport],
            locale="id-ID",
            timezone_id="Asia/Jakarta",
            accept_downloads=True,
        )
        contexts.append(context)
        app = Dashboard(context.new_page(), base, viewport)
        app.open(path, wait=wait)
        return app

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def shown(browser, dashboard):
    """shown(path, viewport) -> a Dashboard opened once per session on that page and viewport,
    for tests that only read it. Its screenshot is taken when it is first opened."""
    cache: dict[tuple[str, str], Dashboard] = {}
    contexts = []

    def get(path: str, viewport: str = "desktop") -> Dashboard:
        if (path, viewport) not in cache:
            context = browser.new_context(
                viewport=VIEWPORTS[viewport], locale="id-ID", timezone_id="Asia/Jakarta"
            )
            contexts.append(context)
            app = Dashboard(context.new_page(), dashboard, viewport)
            app.open(path)
            app.screenshot(path)
            cache[(path, viewport)] = app
        return cache[(path, viewport)]

    yield get
    for context in contexts:
        context.close()
