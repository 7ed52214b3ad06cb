"""Roles on the server (ui/access.py): with sign-in configured, what each role's session is given.

AppTest stands in for the identity provider the way Streamlit documents it: `at.secrets` holds an
`[auth]` section (so sign-in is configured) and `at.user` is the ID token's claims that st.user
reads. The real sign-in flow, in a browser against a local OpenID provider, is
tests/browser/test_sign_in.py."""

import json

import pytest
from streamlit.testing.v1 import AppTest

from etl.build import build
from tests.conftest import _app, make_data_dir, plain_table
from warehouse import audit

AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "a-test-cookie-secret-of-some-length",
    "client_id": "pulih",
    "client_secret": "secret",
    "server_metadata_url": "http://localhost:9/.well-known/openid-configuration",
}
ROLES = {"claim": "groups", "staf": ["pulih-staf"], "pengelola": ["pulih-pengelola"]}
SIGNED_OUT = {"is_logged_in": False}
STAFF = {"is_logged_in": True, "iss": "http://idp", "sub": "u-1", "name": "Ani",
         "email": "ani@example.go.id", "groups": ["pulih-staf"]}  # fmt: skip
STEWARD = {**STAFF, "sub": "u-2", "name": "Budi", "groups": ["pulih-pengelola"]}
NO_ROLE = {**STAFF, "sub": "u-3", "name": "Citra", "groups": ["lain"]}

# a row whose date does not parse: one rejected row, with its value, in the warehouse
BAD = "36,Provinsi Banten,20 Mai 2020,day,phk,17298,workers,exact,workplace,,Kompas.com,https://e.org,2020,\n"


@pytest.fixture
def with_reject(tmp_path, monkeypatch):
    data = make_data_dir(tmp_path, {"labour.csv": BAD})
    path = tmp_path / "reject.duckdb"
    build(data, path)
    monkeypatch.setenv("PULIH_WAREHOUSE", str(path))
    monkeypatch.setenv("PULIH_AUDIT_LOG", str(tmp_path / "audit.jsonl"))
    monkeypatch.setenv("PULIH_ID_KEY", "a test key")
    return tmp_path / "audit.jsonl"


def open_as(page: str, user: dict | None, auth: bool = True) -> AppTest:
    at = AppTest.from_function(_app, args=(page, None), default_timeout=60)
    if auth:
        at.secrets["auth"] = AUTH
        at.secrets["roles"] = ROLES
    at.user = user if user is not None else {}
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def words(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += (
        [i.value for i in at.info] + [w.value for w in at.warning] + [e.value for e in at.error]
    )
    return "\n".join(parts)


def table_values(at: AppTest) -> str:
    return "\n".join(d.value.to_csv() for d in at.dataframe)


def test_signed_out_the_method_page_queries_no_file_checksum_reject_or_load_note(with_reject):
    at = open_as("sumber_metode", SIGNED_OUT)
    # the rejected value "20 Mai 2020" and the column header SHA-256 are nowhere on the page
    assert "20 Mai 2020" not in table_values(at)
    assert "SHA-256" not in table_values(at)
    assert "hanya untuk peran staf" in words(at)
    # the sources, the dictionary and the method notes stay public: the sources table is there
    assert at.dataframe[0].value.shape[0] > 0
    # no download of the files or of the rejected rows is made for this session
    keys = {b.key for b in at.get("download_button")}
    assert not {"files_dl_csv", "rejected_dl_csv"} & keys


def test_staff_see_the_rejected_rows_and_the_checksums(with_reject):
    at = open_as("sumber_metode", STAFF)
    assert "20 Mai 2020" in table_values(at)
    assert "SHA-256" in table_values(at)
    assert "hanya untuk peran" not in words(at)


def test_a_signed_in_account_with_no_role_is_public(with_reject):
    at = open_as("sumber_metode", NO_ROLE)
    assert "20 Mai 2020" not in table_values(at)
    assert "Masuk sebagai Citra · peran: publik" in words(at)


@pytest.mark.parametrize(("user", "says"), [(SIGNED_OUT, "Masuk dengan akun"),
                                            (STAFF, "Akun Anda tidak memiliki peran")])  # fmt: skip
def test_the_audit_log_is_refused_below_pengelola_also_by_direct_link(with_reject, user, says):
    audit.record("rebuild", "cli:pulih", files=1)
    at = open_as("log_audit", user)
    assert says in words(at)
    assert not at.dataframe and not at.table  # the log is not read, so not shown
    # and it is not in the navigation either: the router hides it (only its guard answers a link)


def test_the_steward_sees_the_audit_log_with_its_download(with_reject):
    audit.record("rebuild", "cli:pulih", files=1, rows_read=3)
    at = open_as("log_audit", STEWARD)
    table = plain_table(at.table[0])
    # one event written above, and the steward's own sign-in, written when the sidebar drew
    assert sorted(table["Kejadian"]) == ["bangun ulang", "masuk"]
    # the rebuild's fields as words, not its JSON ({"files": 1, "rows_read": 3}); the sign-in's
    # role in the catalog's Indonesian (role.pengelola)
    assert sorted(table["Rincian"]) == ["berkas: 1; baris dibaca: 3", "peran: pengelola data"]
    assert "audit_dl_csv" in {b.key for b in at.get("download_button")}


def test_sign_in_is_logged_once_per_session_with_a_pseudonymous_actor(with_reject):
    at = open_as("ringkasan", STAFF)
    at.run()  # a second run of the same session writes no second line
    lines = [json.loads(x) for x in with_reject.read_text().splitlines()]
    assert [(e["event"], e["role"]) for e in lines] == [("sign_in", "staf")]
    actor = lines[0]["actor"]
    assert actor.startswith("akun:") and len(actor) == len("akun:") + 16
    # nothing of the account but the id: no e-mail, no name, no subject
    text = with_reject.read_text()
    assert "ani@example.go.id" not in text and "Ani" not in text and "u-1" not in text


def test_without_auth_the_trusted_local_user_sees_everything_and_is_told(with_reject):
    at = open_as("sumber_metode", None, auth=False)
    assert "20 Mai 2020" in table_values(at)
    assert "Berjalan tanpa masuk" in words(at)


def test_the_staff_only_queries_refuse_a_public_session_whatever_page_asks(with_reject):
    # a page that forgot its guard: ui/data.py refuses the query itself (the router shows the
    # page error, and no row leaves the server)
    def forgetful() -> None:
        import streamlit as st

        from ui import access, data

        try:
            data.rejected()
            st.write("leaked")
        except access.Forbidden:
            st.write("refused")

    at = AppTest.from_function(forgetful)
    at.secrets["auth"] = AUTH
    at.user = SIGNED_OUT
    at.run()
    assert [m.value for m in at.markdown] == ["refused"]
