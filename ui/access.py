"""Sign-in and roles on the Streamlit side: who the session is, what it may see, and the guard
every page and every staff-only piece of data goes through on the server.

- Sign-in is Streamlit's own OIDC client (st.login, st.user, st.logout; Authlib), configured by
  the `[auth]` section of .streamlit/secrets.toml (.streamlit/secrets.example.toml). The role of a
  signed-in account comes from its ID token's claims and an allowlist file (analytics/roles.py),
  set by the `[roles]` section and PULIH_ROLES_FILE.
- With no `[auth]` section the dashboard runs as it always has, for one trusted user on
  localhost, with the pengelola role; the sidebar says it runs without sign-in.
- A guard is a check on the server: a page or a section a role may not use is not run and its
  data is not queried (ui/data.py refuses the staff-only queries as well); hiding a button is
  not the check.

The interface other pages use: `current_role()`, `allowed(role)`, `require(role)` (stops the page
with a message and a sign-in button), `actor()` (the pseudonymous id for the audit log), and the
roles PUBLIK < STAF < PENGELOLA.
"""

import functools
import logging
import os
from pathlib import Path

import streamlit as st

from analytics import roles
from analytics.roles import PENGELOLA, PUBLIK, STAF, Role
from ui import safe
from ui.i18n import N_, t
from warehouse import audit

__all__ = [
    "PENGELOLA",
    "PUBLIK",
    "STAF",
    "Forbidden",
    "Role",
    "actor",
    "allowed",
    "check",
    "current_role",
    "require",
    "sidebar",
    "sign_in_configured",
]

LABELS = {PUBLIK: N_("role.publik"), STAF: N_("role.staf"), PENGELOLA: N_("role.pengelola")}
ROLES_FILE = "PULIH_ROLES_FILE"  # the allowlist of e-mails per role (a TOML file)
_SIGN_IN_RECORDED = "_access_sign_in_recorded"
log = logging.getLogger("pulih")


class Forbidden(PermissionError):
    """Staff-only data asked for by a session whose role is lower: a page that forgot its guard.
    The router shows it as a page error; the data never leaves the server."""


def sign_in_configured() -> bool:
    """Whether the operator configured an identity provider (`[auth]` in secrets.toml)."""
    return st.secrets.load_if_toml_exists() and "auth" in st.secrets


def signed_in() -> bool:
    return sign_in_configured() and bool(st.user.get("is_logged_in"))


def current_role() -> Role:
    """The role of this session: pengelola without sign-in configured (the trusted local user),
    publik when signed out, else what the account's claims give."""
    if not sign_in_configured():
        return PENGELOLA
    if not st.user.get("is_logged_in"):
        return PUBLIK
    return roles.role_of(st.user.to_dict(), _rules())


def allowed(role: Role) -> bool:
    return current_role() >= role


def check(role: Role) -> None:
    """Raise Forbidden when the session's role is lower: for the queries of staff-only data."""
    if not allowed(role):
        raise Forbidden(f"needs the role {role.name.lower()}")


def require(role: Role) -> None:
    """Stop the page here, with a message in the reader's language, when the session's role is
    lower than `role`; signed out, the message offers to sign in. For a whole page (it writes the
    page's title); a section checks `allowed` and says `withheld`."""
    if allowed(role):
        return
    st.title(t("access.title"))
    needed = t(LABELS[role])
    if signed_in():
        st.warning(t("access.needs_role", role=needed), icon=":material/lock:")
    else:
        st.info(t("access.needs_sign_in", role=needed), icon=":material/lock:")
        _sign_in_button("access_require_sign_in")
    st.stop()


def withheld(role: Role) -> None:
    """In place of a section the session's role may not see: a line saying who may."""
    st.caption(t("access.withheld", role=t(LABELS[role])))


def actor() -> str:
    """Who this session is, for the audit log, never an e-mail: an HMAC of the account's issuer
    and subject (warehouse/audit.py), "lokal:<os user>" without sign-in, "publik" signed out."""
    if not sign_in_configured():
        return audit.os_actor("lokal")
    if not st.user.get("is_logged_in"):
        return "publik"
    subject = st.user.get("sub") or st.user.get("email") or ""
    return audit.account_actor(str(st.user.get("iss") or ""), str(subject))


def sidebar() -> None:
    """The sidebar's lines about sign-in: the mode, the role, and a sign-in or sign-out button.
    A signed-in account's name is shown to its own session only, never logged."""
    if not sign_in_configured():
        st.caption(t("access.no_sign_in"))
        return
    role = t(LABELS[current_role()])
    if not st.user.get("is_logged_in"):
        st.caption(t("access.signed_out", role=role))
        _sign_in_button("access_sidebar_sign_in")
        return
    name = st.user.get("name") or st.user.get("preferred_username") or ""
    st.caption(t("access.signed_in", name=safe.plain(name, limit=60), role=role))
    st.button(t("access.sign_out"), key="access_sign_out", on_click=st.logout)
    _record_sign_in()


def _sign_in_button(key: str) -> None:
    st.button(t("access.sign_in"), key=key, icon=":material/login:", on_click=st.login)


def _record_sign_in() -> None:
    """One audit line per signed-in browser session (a new tab is a new session)."""
    if st.session_state.get(_SIGN_IN_RECORDED):
        return
    st.session_state[_SIGN_IN_RECORDED] = True
    audit.record("sign_in", actor(), role=current_role().name.lower())


def _rules() -> roles.RoleRules:
    settings = dict(st.secrets.get("roles", {}))
    path = os.environ.get(ROLES_FILE) or settings.get("allowlist")
    if not path:
        return roles.rules(settings)
    try:
        allowlist = Path(path)
        frozen = tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in settings.items())
        return _with_allowlist(frozen, allowlist, _mtime(allowlist))
    except roles.RolesError as e:
        # fail closed: nobody gains a role from a file that cannot be read; the operator sees why
        # in the server log
        log.error("roles: %s", e)
        return roles.rules({k: v for k, v in settings.items() if k != "allowlist"})


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return -1.0


@functools.lru_cache(maxsize=4)
def _with_allowlist(settings: tuple, path: Path, mtime: float) -> roles.RoleRules:
    """The rules with the allowlist read once per version of the file (its mtime)."""
    return roles.rules({k: list(v) if isinstance(v, tuple) else v for k, v in settings}, path)
