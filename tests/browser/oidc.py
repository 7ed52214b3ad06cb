"""Sign-in for the browser tests: a local OpenID provider (PyPI oidc-provider-mock, the
`provider` fixture in conftest.py) with one account of each role, the `[auth]` and `[roles]`
secrets that point a dashboard server at it, and signing in through its form as a person does.

The provider's predefined accounts carry the claims the role rules read: a `groups` claim for
staf and pengelola, none that counts for the third (signed in, but publik)."""

import re
from pathlib import Path

ACCOUNTS = {
    "sub-ani": {"email": "ani@kota.example", "name": "Ani Analis", "groups": ["pulih-staf"]},
    "sub-budi": {"email": "budi@kota.example", "name": "Budi Data", "groups": ["pulih-pengelola"]},
    "sub-citra": {"email": "citra@kota.example", "name": "Citra Tamu", "groups": ["lain"]},
}
ID_KEY = "a test key"  # PULIH_ID_KEY of the signed-in servers: actors are HMACs with it


def write_secrets(path: Path, port: int, provider: str) -> Path:
    """A secrets.toml for a dashboard on `port` signing in at `provider`."""
    path.write_text(
        f"""
[auth]
redirect_uri = "http://localhost:{port}/oauth2callback"
cookie_secret = "a-cookie-secret-for-the-tests-only-0123456789"
client_id = "pulih"
client_secret = "pulih-secret"
server_metadata_url = "{provider}/.well-known/openid-configuration"

[roles]
claim = "groups"
staf = ["pulih-staf"]
pengelola = ["pulih-pengelola"]
""",
        encoding="utf-8",
    )
    return path


def sign_in(app, account: str) -> None:
    """Through the sidebar's button and the provider's form, back to the dashboard."""
    app.page.locator('[data-testid="stSidebar"]').get_by_role("button", name="Masuk").click()
    app.page.wait_for_url(re.compile(r"/oauth2/authorize"))
    app.page.locator(f'button[name="sub"][value="{account}"]').click()
    app.page.wait_for_url(lambda url: app.base in url and "oauth2callback" not in url)
    app.wait()


def sign_out(app) -> None:
    """Through the sidebar's button and the provider's end-session page, back to the dashboard."""
    app.page.locator('[data-testid="stSidebar"]').get_by_role("button", name="Keluar").click()
    app.page.wait_for_url(re.compile(r"/oauth2/end_session"))
    app.page.get_by_role("button", name="End session").click()
    app.page.wait_for_url(lambda url: app.base in url and "oauth2callback" not in url)
    app.wait()


def nav(app) -> list[str]:
    """The page titles in the sidebar's navigation."""
    return [
        app.text_of(a).strip() for a in app.page.locator('[data-testid="stSidebarNavLink"]').all()
    ]


def serve_signed_in(warehouse: Path, folder: Path, provider: str, tmp_path_factory, data=None):
    """A dashboard with sign-in configured against `provider`, over `warehouse` (and `data`,
    when given, for the pages that write): yields (base URL, its audit log) while it runs."""
    from deploy.serve import free_port
    from tests.browser.conftest import _serve  # the conftest imports this module's accounts

    port = free_port()
    secrets = write_secrets(folder / "secrets.toml", port, provider)
    log = folder / "audit.jsonl"
    for base in _serve(
        warehouse,
        tmp_path_factory,
        port=port,
        host="localhost",
        args=("--secrets.files", str(secrets)),
        env={"PULIH_AUDIT_LOG": str(log), "PULIH_ID_KEY": ID_KEY},
        data=data,
    ):
        yield base, log
