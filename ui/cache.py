"""A cache bounded in bytes: the query results of every session of a server process share one
budget, so a planner choosing many areas, or a national warehouse, cannot grow the process without
end. Streamlit's st.cache_data is bounded in entries only, and one entry can be a few kilobytes or
hundreds of megabytes.

Least recently used results leave first once the results held pass `max_bytes` (their size as
pandas counts it, strings included); a result larger than the whole budget is returned and not
kept; every result expires after `ttl` seconds. A hit returns a copy, as st.cache_data does, so a
caller that changes a frame does not change what the next caller gets. Thread-safe: Streamlit runs
each session in its own thread.
"""

import copy
import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable

import pandas as pd


def size_of(value) -> int:
    """Bytes a result holds (a frame: its columns and index, strings included)."""
    if isinstance(value, pd.DataFrame | pd.Series):
        used = value.memory_usage(index=True, deep=True)
        return int(used.sum() if isinstance(used, pd.Series) else used)
    if isinstance(value, tuple | list):
        return sys.getsizeof(value) + sum(size_of(v) for v in value)
    return sys.getsizeof(value)


def _copy(value):
    if isinstance(value, pd.DataFrame | pd.Series):
        return value.copy(deep=True)
    return copy.deepcopy(value)


class Bounded:
    def __init__(self, max_bytes: int, ttl: float) -> None:
        self.max_bytes = max_bytes
        self.ttl = ttl
        self._items: OrderedDict[Hashable, tuple[float, int, object]] = OrderedDict()
        self._lock = threading.Lock()
        self.bytes = 0

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: Hashable, compute: Callable[[], object]):
        now = time.monotonic()
        with self._lock:
            held = self._items.get(key)
            if held is not None and held[0] > now:
                self._items.move_to_end(key)
                return _copy(held[2])
            if held is not None:  # expired
                self._drop(key)
        value = compute()  # outside the lock: other sessions' hits need not wait for a query
        size = size_of(value)
        if size > self.max_bytes:
            return value
        with self._lock:
            if key in self._items:
                self._drop(key)
            self._items[key] = (now + self.ttl, size, value)
            self.bytes += size
            while self.bytes > self.max_bytes:
                self._drop(next(iter(self._items)))
        return _copy(value)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self.bytes = 0

    def _drop(self, key: Hashable) -> None:
        self.bytes -= self._items.pop(key)[1]
