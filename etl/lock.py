"""One writer at a time: every write (build, add, demo) holds <warehouse>.lock.

The lock is an exclusive flock(2) on a file beside the warehouse (git-ignored). A second writer
waits for it, saying on stderr which process holds it, and gives up after PULIH_LOCK_TIMEOUT
seconds (default 600) with a message and exit code 75, having changed nothing. The kernel releases
the lock when its holder exits, however it exits (kill -9 included), so it never goes stale; the
file itself stays and is reused.

Inside one process the lock is re-entrant: `etl add` holds it and the build it runs takes it
again without waiting on itself.
"""

import datetime as dt
import fcntl
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from warehouse import location

DEFAULT_TIMEOUT = 600.0  # seconds; a build of data/ takes seconds, the 5-million-row bench ~20
POLL = 0.05
EX_TEMPFAIL = 75  # sysexits.h: a temporary failure; running again later may work

_held: dict[str, list] = {}  # lock path -> [file descriptor, depth]


class LockTimeout(RuntimeError):
    """Another writer held the lock for longer than the timeout; nothing was changed."""


def lock_path(warehouse: Path) -> Path:
    return location.writer_lock(warehouse)


def timeout() -> float:
    text = os.environ.get("PULIH_LOCK_TIMEOUT", "")
    if not text:
        return DEFAULT_TIMEOUT
    try:
        return max(float(text), 0.0)
    except ValueError:
        raise LockTimeout(
            f"PULIH_LOCK_TIMEOUT='{text}' is not a number of seconds: set it to e.g. 600"
        ) from None


@contextmanager
def hold(warehouse: Path, what: str, err=None, wait: float | None = None) -> Iterator[bool]:
    """Hold the writer lock of `warehouse` for the block; yields True when this call took it
    (the outermost holder in this process), False when the process held it already. `wait`
    seconds at most (default: PULIH_LOCK_TIMEOUT); the upload page waits only briefly, since a
    person in a browser is better told at once that another steward is adding a file."""
    path = lock_path(warehouse)
    key = str(path.resolve())
    if key in _held:
        _held[key][1] += 1
        try:
            yield False
        finally:
            _held[key][1] -= 1
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _acquire(fd, path, err or sys.stderr, timeout() if wait is None else wait)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{what}|{os.getpid()}|{dt.datetime.now():%H:%M:%S}\n".encode(), 0)
        _held[key] = [fd, 1]
        try:
            yield True
        finally:
            del _held[key]
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _acquire(fd: int, path: Path, err, limit: float) -> None:
    started = time.monotonic()
    said = False
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            pass
        who, since = _holder(path)
        if not said:
            print(
                f"waiting for another writer to finish: {who} has held {path} since {since}; "
                f"giving up after {limit:g} s (PULIH_LOCK_TIMEOUT)",
                file=err,
                flush=True,
            )
            said = True
        if time.monotonic() - started >= limit:
            raise LockTimeout(
                f"another writer, {who}, still holds {path} after {limit:g} s; nothing was "
                "changed. Please run this again when it has finished, or wait longer with "
                "PULIH_LOCK_TIMEOUT=seconds. (The lock goes with its process: if no ETL process "
                "is running, just run this again.)"
            )
        time.sleep(POLL)


def holder(warehouse: Path) -> tuple[str, str]:
    """Who holds the writer lock of `warehouse` now (or held it last), and since when."""
    return _holder(lock_path(warehouse))


def _holder(path: Path) -> tuple[str, str]:
    """Who holds the lock, as its holder wrote it: ('etl build (pid 123)', '21:03:05')."""
    try:
        what, pid, since = path.read_text(encoding="utf-8").strip().split("|")
    except (OSError, ValueError):
        return "another process", "a moment ago"
    return f"{what} (pid {pid})", since
