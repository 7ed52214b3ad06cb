"""Who may see and change what: three roles, each allowed everything of the ones below it.

- publik: no sign-in (or signed in with no role): the published aggregate figures, with small
  register counts withheld (analytics/privacy.py); no rejected rows, load notes or checksums.
- staf: the mayor's office, planners, analysts: everything on screen and in downloads, rejected
  values masked as the warehouse stores them.
- pengelola: the data stewards: also uploads, rebuilds and the audit log.

A signed-in account's role is the highest of two sources, either of which may be left out:
1. a claim of its ID token (`claim`, default "groups"): a list of groups, or one group as a
   string; a group named in `pengelola` gives that role, else one named in `staf`;
2. an allowlist file (TOML) of e-mail addresses per role, `staf = [...]`, `pengelola = [...]`,
   compared without case; only an address the provider has not marked unverified counts
   (`email_verified = false` in the token skips the list).
An account that matches neither is publik: signing in alone gives nothing more than the public
sees. Plain functions: no Streamlit here (ui/access.py reads the settings and the session).
"""

import enum
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path


class Role(enum.IntEnum):
    PUBLIK = 0
    STAF = 1
    PENGELOLA = 2


PUBLIK, STAF, PENGELOLA = Role.PUBLIK, Role.STAF, Role.PENGELOLA
DEFAULT_CLAIM = "groups"
# the roles a setting can name, highest first (the first match wins)
GRANTED = (PENGELOLA, STAF)


@dataclass(frozen=True)
class RoleRules:
    """How an account's claims become a role."""

    claim: str = DEFAULT_CLAIM
    groups: Mapping[Role, frozenset[str]] = field(default_factory=dict)
    emails: Mapping[Role, frozenset[str]] = field(default_factory=dict)


class RolesError(ValueError):
    """A role setting or allowlist file that cannot be read."""


def rules(settings: Mapping | None = None, allowlist: Path | None = None) -> RoleRules:
    """The mapping from the `[roles]` settings (claim name, groups per role) and an allowlist
    file of e-mails per role. `settings` may name the allowlist itself (`allowlist = "path"`);
    an explicit `allowlist` argument wins."""
    settings = dict(settings or {})
    claim = str(settings.get("claim") or DEFAULT_CLAIM)
    groups = {role: _names(settings.get(role.name.lower()), role) for role in GRANTED}
    path = allowlist or (Path(settings["allowlist"]) if settings.get("allowlist") else None)
    return RoleRules(claim=claim, groups=groups, emails=read_allowlist(path) if path else {})


def read_allowlist(path: Path) -> dict[Role, frozenset[str]]:
    """`staf = ["a@kota.go.id"]`, `pengelola = [...]` -> the addresses of each role, lower case."""
    try:
        table = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise RolesError(f"the roles allowlist {Path(path).name} cannot be read: {e}") from e
    unknown = set(table) - {role.name.lower() for role in GRANTED}
    if unknown:
        raise RolesError(f"the roles allowlist names no such role: {', '.join(sorted(unknown))}")
    return {role: _names(table.get(role.name.lower()), role, lower=True) for role in GRANTED}


def role_of(claims: Mapping, by: RoleRules) -> Role:
    """The role of a signed-in account from its ID token's claims."""
    found = PUBLIK
    groups = _claim_values(claims.get(by.claim))
    for role in GRANTED:
        if groups & by.groups.get(role, frozenset()):
            found = max(found, role)
            break
    email = claims.get("email")
    if isinstance(email, str) and claims.get("email_verified") is not False:
        for role in GRANTED:
            if email.strip().lower() in by.emails.get(role, frozenset()):
                found = max(found, role)
                break
    return found


def _claim_values(value) -> set[str]:
    """A claim as a set of names: a list of them, or one name as a string."""
    if isinstance(value, str):
        return {value}
    if isinstance(value, Iterable) and not isinstance(value, bytes | Mapping):
        return {str(v) for v in value}
    return set()


def _names(value, role: Role, lower: bool = False) -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RolesError(f"'{role.name.lower()}' is a list of names")
    return frozenset(v.strip().lower() if lower else v.strip() for v in value)
