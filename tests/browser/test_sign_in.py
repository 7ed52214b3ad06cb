"""Sign-in for real: a second dashboard server whose secrets point at a local OpenID provider
(PyPI oidc-provider-mock, started here on a free localhost port), and Chromium signing in through
the provider's own form as an account of each role (tests/browser/oidc.py). Signed out, what only
staff may see is not on the page, and the stewards' page answers its direct link with the sign-in
message."""

import hashlib
import json
import re
from pathlib import Path

import pytest

from tests.browser.dashboard import VIEWPORTS, Dashboard
from tests.browser.oidc import ACCOUNTS, nav, serve_signed_in, sign_in, sign_out
from tests.conftest import DATA


@pytest.fixture(scope="module")
def signed(chromium, warehouse, provider, tmp_path_factory):
    """(base URL, audit log) of a dashboard with sign-in configured against the provider."""
    folder = tmp_path_factory.mktemp("sign_in")
    yield from serve_signed_in(warehouse, folder, provider, tmp_path_factory)


@pytest.fixture
def visit(browser, signed):
    """visit(path) -> a Dashboard on a fresh context (signed out) of the signed-in server."""
    base, _ = signed
    contexts = []

    def open_(path: str = "/") -> Dashboard:
        context = browser.new_context(
            viewport=VIEWPORTS["desktop"], locale="id-ID", accept_downloads=True
        )
        contexts.append(context)
        return Dashboard(context.new_page(), base).open(path)

    yield open_
    for context in contexts:
        context.close()


# the headings of Sumber & Metode's staff-only sections (the shipped data has no rejected row, so
# the rejected rows' heading stands for them; its load notes have none either)
STAFF_SECTIONS = {"Berkas masukan (dengan nilai hash SHA-256)", "Baris yang ditolak"}


def staff_sections(app: Dashboard) -> set[str]:
    headings = app.page.locator('[data-testid="stMain"] h3').all_inner_texts()
    return STAFF_SECTIONS & {h.strip() for h in headings}


def test_signed_out_no_file_checksum_and_the_audit_log_asks_to_sign_in(visit):
    app = visit("/sumber_metode")
    assert "Belum masuk · peran: publik" in app.sidebar_text()
    assert "Log audit" not in nav(app) and "Unggah data" not in nav(app)
    assert "hanya untuk peran staf" in app.text()
    assert staff_sections(app) == set()
    # the stewards' page by its link: the sign-in message, not the log
    app.open("/log_audit")
    assert app.title() == "Akses terbatas"
    assert "Masuk dengan akun kantor Anda" in app.text()
    assert not app.page.locator('[data-testid="stMain"] [data-testid="stDataFrame"]').count()
    app.screenshot("sign_in-signed_out-log_audit")
    # and the upload page by its link: no file chooser, the sign-in message
    app.open("/unggah")
    assert app.title() == "Akses terbatas"
    assert not app.page.locator('[data-testid="stFileUploader"]').count()


@pytest.mark.parametrize(
    ("account", "role", "checksums", "audit_page"),
    [
        ("sub-citra", "publik", False, False),
        ("sub-ani", "staf", True, False),
        ("sub-budi", "pengelola data", True, True),
    ],
)
def test_each_role_sees_what_it_may(visit, signed, account, role, checksums, audit_page):
    app = visit("/")
    sign_in(app, account)
    name = ACCOUNTS[account]["name"]
    assert f"Masuk sebagai {name} · peran: {role}" in app.sidebar_text()
    assert ("Log audit" in nav(app)) is audit_page
    assert ("Unggah data" in nav(app)) is audit_page  # both are the stewards' pages
    app.go("Sumber & Metode")
    assert staff_sections(app) == (STAFF_SECTIONS if checksums else set())
    assert ("hanya untuk peran staf" in app.text()) is not checksums
    app.open("/log_audit")
    if audit_page:
        assert app.title() == "Log audit"
        # the log as a plain table (pages/log_audit.py), which wraps its details on a phone
        assert app.page.locator('[data-testid="stMain"] [data-testid="stTable"]').count() == 1
    else:
        assert app.title() == "Akses terbatas"
        assert "Akun Anda tidak memiliki peran" in app.text()
    app.screenshot(f"sign_in-{account}-log_audit")
    app.open("/unggah")
    assert app.page.locator('[data-testid="stFileUploader"]').count() == int(audit_page)
    # the sign-in is in the log under a pseudonymous id: no e-mail, name or subject of the account
    _, log = signed
    text = log.read_text(encoding="utf-8")
    events = [json.loads(line) for line in text.splitlines()]
    assert ("sign_in", role.split()[0]) in {(e["event"], e.get("role")) for e in events}
    for value in (ACCOUNTS[account]["email"], name, account):
        assert value not in text
    assert all(re.fullmatch(r"akun:[0-9a-f]{16}|publik", e["actor"]) for e in events)


def test_a_download_is_logged_on_the_server_with_its_dataset_filters_and_format(visit, signed):
    _, log = signed
    app = visit("/data")
    sign_in(app, "sub-ani")  # back on the page the sign-in started from, or the overview
    app.open("/data")
    before = len(log.read_text(encoding="utf-8").splitlines())
    files = app.download_all(app.popovers()[0])
    # the four formats of the Data page's download (CSV, CSV for Excel, Excel, Parquet), each a
    # line written when Streamlit made the file: the page's default dataset (the first,
    # "reported"), its format, and the filters behind it
    lines = [json.loads(x) for x in log.read_text(encoding="utf-8").splitlines()[before:]]
    downloads = [e for e in lines if e["event"] == "download"]
    assert [e["format"] for e in downloads] == ["csv", "csv-id", "xlsx", "parquet"]
    assert len(files) == 4
    assert {e["dataset"] for e in downloads} == {"reported"}
    assert all(e["actor"].startswith("akun:") for e in downloads)
    assert all(e["filters"]["areas"] and e["filters"]["from"] for e in downloads)


def staff_csv(app: Dashboard) -> tuple[str, bytes]:
    """Sumber & Metode's input files (staff only) as CSV, clicked as a person does: the URL the
    browser fetched the file from, and the file."""
    popover = app.popovers()[4]  # sources, measures, columns, demo data, then the input files
    popover.click()
    body = app.page.locator('[data-testid="stPopoverBody"]').last
    button = body.locator('[data-testid="stDownloadButton"] button', has_text="CSV (koma").first
    button.wait_for(state="visible")
    with (
        app.page.expect_download(timeout=60_000) as download,
        # the button's check of the URL (a fetch), answered, beside the download itself
        app.page.expect_response(lambda r: "/media/" in r.url and "/static/" not in r.url) as got,
    ):
        button.click()
    assert download.value.suggested_filename.startswith("pulih_berkas_masukan")
    content = Path(download.value.path()).read_bytes()
    app.page.keyboard.press("Escape")
    return got.value.url, content


def test_a_staff_download_is_not_served_again_to_a_replay_of_its_url(visit, browser):
    # Streamlit serves a download at /media/<hash>.csv to any request naming it, with no session
    # or cookie check, until two later script runs have passed it by. Observed before the fix:
    # while the staff member stayed signed in, a signed-out browser replaying the captured URL
    # got the input files with their checksums (200); once the staff member had signed out, the
    # sign-out's own runs had dropped it (404). Now a staff-only file is served once, to the click.
    app = visit("/sumber_metode")
    sign_in(app, "sub-ani")
    app.open("/sumber_metode")
    url, content = staff_csv(app)
    # the checksum of a shipped input file, read from the file itself, is in the download
    checksum = hashlib.sha256((DATA / "raw" / "metrics.csv").read_bytes()).hexdigest()
    assert checksum in content.decode("utf-8")
    # a signed-out browser replaying the exact URL gets no rows, nor does the staff's own browser
    stranger = browser.new_context()
    try:
        replay = stranger.request.get(url)
        assert (replay.status, checksum in replay.text()) == (404, False), replay.status
    finally:
        stranger.close()
    again = app.page.context.request.get(url)
    assert (again.status, checksum in again.text()) == (404, False)
    # a new click makes the file again for the staff member
    _, second = staff_csv(app)
    assert second == content
    # signed out, the same URL still gives nothing, and the upload page's link asks to sign in
    sign_out(app)
    assert "Belum masuk" in app.sidebar_text()
    after = app.page.context.request.get(url)
    assert (after.status, checksum in after.text()) == (404, False)
    app.open("/unggah")
    assert app.title() == "Akses terbatas"
    assert "Masuk dengan akun kantor Anda" in app.text()
    assert not app.page.locator('[data-testid="stFileUploader"]').count()
