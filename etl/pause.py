"""Named points where a writer can be made to stop, for tests only.

A test that must kill a writer at an exact moment (between two steps of `etl add`, just before a
build's swap) or hold it there while a second writer starts sets PULIH_PAUSE_AT to the point's
name and PULIH_PAUSE_FILE to a path. At that point the process writes its pid to the file and
waits until the file is removed, then goes on. Without PULIH_PAUSE_AT nothing happens.
"""

import os
import time
from pathlib import Path


def point(name: str) -> None:
    if os.environ.get("PULIH_PAUSE_AT") != name:
        return
    marker = Path(os.environ["PULIH_PAUSE_FILE"])
    marker.write_text(str(os.getpid()), encoding="utf-8")
    while marker.exists():
        time.sleep(0.01)
