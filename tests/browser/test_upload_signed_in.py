"""Unggah data under a real sign-in: a steward signs in through the local OpenID provider
(tests/browser/oidc.py), adds a file, and the audit log names the add by that account's
pseudonymous id; a staff member signed in has no Unggah data in the navigation and its link
refuses. The page writes, so the server reads a copy of data/ and a warehouse built from it."""

import hashlib
import hmac
import json
import shutil
import urllib.request

import pytest

from etl.build import build
from tests.browser.dashboard import VIEWPORTS, Dashboard
from tests.browser.oidc import ID_KEY, nav, serve_signed_in, sign_in
from tests.browser.test_upload import FIGURES, choose_file, fill_source, press_add
from tests.conftest import DATA

# a file of its own: one kecamatan's closures at the end of July (no other test adds it)
JULY = "Wilayah,Tanggal,Ukuran,Jumlah\nCiledug,2020-07-31,Perusahaan Tutup,4\n"


@pytest.fixture(scope="module")
def steward_server(chromium, provider, tmp_path_factory):
    """(base URL, data folder, audit log) of a signed-in server over a writable copy of data/."""
    root = tmp_path_factory.mktemp("upload_signed_in")
    data = root / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("*.duckdb*", "national", "*.jsonl"))
    warehouse = root / "pulih.duckdb"
    build(data, warehouse)
    for base, log in serve_signed_in(warehouse, root, provider, tmp_path_factory, data=data):
        yield base, data, log


@pytest.fixture
def visit(browser, steward_server):
    base, _, _ = steward_server
    contexts = []

    def open_(path: str = "/") -> Dashboard:
        context = browser.new_context(viewport=VIEWPORTS["desktop"], locale="id-ID")
        contexts.append(context)
        return Dashboard(context.new_page(), base).open(path)

    yield open_
    for context in contexts:
        context.close()


def expected_actor(provider: str, subject: str) -> str:
    """The audit log's id of an account, worked out here from its definition (warehouse/audit.py):
    "akun:" and the first 16 hex digits of HMAC-SHA256 with the key over "actor:<iss>|<sub>", the
    issuer as the provider's discovery document names it."""
    with urllib.request.urlopen(f"{provider}/.well-known/openid-configuration") as r:
        issuer = json.load(r)["issuer"]
    digest = hmac.new(ID_KEY.encode(), f"actor:{issuer}|{subject}".encode(), hashlib.sha256)
    return "akun:" + digest.hexdigest()[:16]


def test_a_signed_in_steward_adds_a_file_under_her_own_id(visit, steward_server, provider,
                                                          tmp_path):  # fmt: skip
    _, data, log = steward_server
    path = tmp_path / "tutup_juli.csv"
    path.write_text(JULY, encoding="utf-8")
    app = visit("/")
    sign_in(app, "sub-budi")  # pengelola (groups: pulih-pengelola)
    assert "Unggah data" in nav(app)
    app.go("Unggah data")
    choose_file(app, path, FIGURES)
    fill_source(app, url="https://example.org/tutup-juli", date="05/08/2020")
    press_add(app)
    assert any("ditambahkan sebagai '2020_08_05_tutup_juli'" in a for a in app.alerts())
    assert 'id = "2020_08_05_tutup_juli"' in (data / "sources.toml").read_text(encoding="utf-8")
    events = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    added = [e for e in events if e["event"] == "add"]
    # the file's checksum as sent, and its one row: 1 read, 1 loaded, 0 rejected
    checksum = hashlib.sha256(JULY.encode("utf-8")).hexdigest()
    assert [(e["file"], e["sha256"], e["rows_loaded"]) for e in added] == [
        ("tutup_juli.csv", checksum, 1)
    ]
    assert added[0]["actor"] == expected_actor(provider, "sub-budi")
    # the account's e-mail, name and subject are nowhere in the log
    text = log.read_text(encoding="utf-8")
    for value in ("budi@kota.example", "Budi Data", "sub-budi"):
        assert value not in text


def test_a_signed_in_staff_member_has_no_upload_page(visit, steward_server):
    _, data, _ = steward_server
    manifest = (data / "sources.toml").read_bytes()
    app = visit("/")
    sign_in(app, "sub-ani")  # staf (groups: pulih-staf)
    assert "Masuk sebagai Ani Analis · peran: staf" in app.sidebar_text()
    assert "Unggah data" not in nav(app) and "Log audit" not in nav(app)
    app.open("/unggah")
    assert app.title() == "Akses terbatas"
    assert "Akun Anda tidak memiliki peran" in app.text()
    assert not app.page.locator('[data-testid="stFileUploader"]').count()
    assert not app.page.get_by_role("button", name="Bangun ulang").count()
    assert not app.page.get_by_role("button", name="Hapus").count()
    assert (data / "sources.toml").read_bytes() == manifest
