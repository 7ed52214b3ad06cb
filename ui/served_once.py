"""A staff-only download is served to the click that made it, never to a replay of its URL.

Streamlit keeps a download's bytes in memory and serves them at /media/<id>.<ext> to any request
that names the id, with no session or cookie check; the id is a hash of the bytes, the file's name
and type, so the same file gets the same URL every time it is made. A file is dropped only after
two later script runs (of any session) have ended without showing it
(MediaFileManager.remove_orphaned_files). Measured in tests/browser/test_sign_in.py: while a staff
member stayed signed in, a signed-out browser that replayed the captured URL got the input files
with their checksums. (After the staff member signed out, the sign-out's own runs had dropped it.)

So when a staff-only download is made, its bytes are registered here, and the storage's read that
the /media route calls is wrapped: a registered file is served at most READS times, the reads of
the click itself (Streamlit's button checks the URL with one request and downloads it with
another, at once), and only within SERVED_FOR seconds of being made; then it is removed from the
storage, and a replay, by anyone, gets "File not found". Another click makes the file again.
Public downloads are left as Streamlit serves them.
"""

import hashlib
import os
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

from streamlit import runtime
from streamlit.runtime.media_file_storage import MediaFileKind, MediaFileStorageError
from streamlit.runtime.memory_media_file_storage import MemoryFile, MemoryMediaFileStorage

READS = 2  # the button's check of the URL and the download itself (streamlit 1.67's frontend)
SERVED_FOR = 15.0  # seconds: the browser fetches at once; a slow machine gets some room
KEPT = 256  # files made and never fetched are forgotten, the oldest first, beyond this many


@dataclass
class _Made:
    reads_left: int
    until: float


# files made and not yet served out: (file name, sha256 of the bytes) -> what is left of them
_made: OrderedDict[tuple[str, str], _Made] = OrderedDict()
_lock = threading.Lock()
_installed: set[int] = set()  # the storages wrapped (one per server process)
_writing_url = threading.local()  # set while the storage reads a file to write its URL


def install() -> None:
    """Wrap the running server's media storage once; nothing to do outside a server (AppTest)."""
    if not runtime.exists():
        return
    # the storage behind Streamlit's /media route; no public accessor reaches it
    storage = runtime.get_instance().media_file_mgr._storage
    if not isinstance(storage, MemoryMediaFileStorage):
        return  # a host's own storage serves its files itself: nothing here can wrap it
    with _lock:
        if id(storage) in _installed:
            return
        wrap(storage)
        _installed.add(id(storage))


def wrap(storage: MemoryMediaFileStorage) -> None:
    """Make `storage` serve a registered file to its click only (module docstring). The storage
    reads the file itself to write its URL (get_url): that read is not a fetch."""
    read, url_of = storage.get_file, storage.get_url

    def get_url(file_id: str) -> str:
        _writing_url.on = True
        try:
            return url_of(file_id)
        finally:
            _writing_url.on = False

    def get_file(filename: str) -> MemoryFile:
        found = read(filename)
        if getattr(_writing_url, "on", False) or not _registered(found):
            return found
        key = (str(found.filename), hashlib.sha256(found.content).hexdigest())
        with _lock:
            made = _made.get(key)
            if made is None:  # a public file of the same name
                return found
            expired = time.monotonic() > made.until
            made.reads_left -= 1
            if made.reads_left <= 0 or expired:
                del _made[key]
        if made.reads_left <= 0 or expired:
            storage.delete_file(os.path.splitext(filename)[0])
        if expired:
            raise MediaFileStorageError(f"{filename}: served to its click only")
        return found

    storage.get_file = get_file  # type: ignore[method-assign]
    storage.get_url = get_url  # type: ignore[method-assign]


def _registered(found: MemoryFile) -> bool:
    """Cheaply: could this be a registered file (a download whose name was registered)?"""
    if found.kind != MediaFileKind.DOWNLOADABLE or found.filename is None:
        return False
    with _lock:
        return any(name == found.filename for name, _ in _made)


def register(file_name: str, data: bytes) -> bytes:
    """The bytes of a staff-only download, to be served to its click only; returns them."""
    key = (file_name, hashlib.sha256(data).hexdigest())
    with _lock:
        _made[key] = _Made(reads_left=READS, until=time.monotonic() + SERVED_FOR)
        _made.move_to_end(key)
        while len(_made) > KEPT:
            _made.popitem(last=False)
    return data
