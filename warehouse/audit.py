"""The audit log: who signed in, who downloaded which dataset with which filters and format, who
added or removed which file, who rebuilt the warehouse.

One JSON object a line, appended to a file beside the warehouse (warehouse/location.py
`audit_path`, PULIH_AUDIT_LOG to move it) that a rebuild never replaces. Nothing here rewrites or
truncates it: the only write is an append.

What a line may hold is fixed here, so no caller can put a file's cells or a person into it:
- `actor` is pseudonymous: "akun:<hmac>" for a signed-in account (an HMAC of the identity
  provider's issuer and subject with the project's key, warehouse/keys.py: the same person gets
  the same id, and nobody without the key can tell who it is), "cli:<os user>" for the command
  line (a service account on a server), "lokal:<os user>" for the single trusted user of a
  dashboard run without sign-in, "publik" for a reader who is not signed in. Never an e-mail.
- the other fields are the event's own: a dataset name, filter codes, a format, a file's name and
  checksum, row counts. Numbers, booleans, short strings and lists or objects of them; no text
  longer than MAX_TEXT.

Appends from several processes (the dashboard's sessions, `python -m etl add`) are safe: each line
is written by one write() on a file opened with O_APPEND, under an exclusive lock on the file
(flock), so lines never interleave or tear.
"""

import datetime as dt
import fcntl
import getpass
import hashlib
import hmac
import json
import os
from pathlib import Path

from warehouse import keys, location

EVENTS = ("sign_in", "download", "add", "remove", "rebuild")
MAX_TEXT = 300  # a field's text: a file name, a filter value; never a paragraph of a file
ACTOR_PREFIXES = ("akun:", "cli:", "lokal:", "publik")


class AuditError(ValueError):
    """A record the log refuses: an unknown event, an actor that is not pseudonymous, a field
    that is not a small plain value."""


def account_actor(issuer: str, subject: str, data_dir: Path | None = None) -> str:
    """The pseudonymous id of a signed-in account: HMAC-SHA256 of its issuer and subject."""
    secret = keys.key(data_dir or location.data_dir())
    digest = hmac.new(secret, f"actor:{issuer}|{subject}".encode(), hashlib.sha256)
    return "akun:" + digest.hexdigest()[:16]


def os_actor(prefix: str = "cli") -> str:
    """The account the process runs as: on a server, the service's own account."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no name for the uid (a container)
        user = str(os.getuid())
    return f"{prefix}:{user}"


def record(event: str, actor: str, path: Path | None = None, **fields) -> dict:
    """Append one event to the log and return what was written."""
    if event not in EVENTS:
        raise AuditError(f"unknown audit event '{event}': one of {', '.join(EVENTS)}")
    if not actor.startswith(ACTOR_PREFIXES) or "@" in actor:
        raise AuditError("an audit actor is pseudonymous (akun:, cli:, lokal:, publik)")
    for name, value in fields.items():
        _check(name, value)
    entry = {
        "time": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "event": event,
        "actor": actor,
        **fields,
    }
    line = (json.dumps(entry, ensure_ascii=False, sort_keys=False) + "\n").encode("utf-8")
    target = path or location.audit_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(target, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        written = 0
        while written < len(line):  # one write() in practice; a short write goes on after it
            written += os.write(fd, line[written:])
    finally:
        os.close(fd)  # closing releases the lock
    return entry


def read(path: Path | None = None) -> list[dict]:
    """Every event in the log, oldest first; none when there is no log yet. A line that is not
    JSON (the file edited by hand) is kept as an event "unreadable" with its line number, never
    dropped in silence."""
    target = path or location.audit_path()
    if not target.exists():
        return []
    events = []
    with target.open("rb") as f:
        fcntl.flock(f.fileno(), fcntl.LOCK_SH)  # never a line half appended
        lines = f.read().decode("utf-8", errors="replace").splitlines()
    for number, text in enumerate(lines, start=1):
        if not text.strip():
            continue
        try:
            entry = json.loads(text)
        except json.JSONDecodeError:
            entry = None
        events.append(entry if isinstance(entry, dict) else {"event": "unreadable", "line": number})
    return events


def _check(name: str, value, depth: int = 0) -> None:
    if depth > 2:
        raise AuditError(f"audit field '{name}' is nested too deep")
    if value is None or isinstance(value, bool | int | float):
        return
    if isinstance(value, str):
        if len(value) > MAX_TEXT or "@" in value:
            raise AuditError(f"audit field '{name}' is too long or holds an address")
        return
    if isinstance(value, list | tuple):
        for item in value:
            _check(name, item, depth + 1)
        return
    if isinstance(value, dict):
        for key, item in value.items():
            _check(f"{name}.{key}", str(key), depth + 1)
            _check(f"{name}.{key}", item, depth + 1)
        return
    raise AuditError(f"audit field '{name}' is a {type(value).__name__}, not a plain value")
