"""The query cache (ui/cache.py) is bounded in bytes: however many different views are asked
for, the results it holds never pass its budget, the least recently used leave first, and a hit
is a copy."""

import pandas as pd

from ui import cache, data


def frame(rows: int) -> pd.DataFrame:
    # 8 bytes per int64 value + 132 bytes of RangeIndex, as pandas counts a frame of one column
    return pd.DataFrame({"value": range(rows)})


def test_a_frame_is_counted_in_bytes():
    assert cache.size_of(frame(1000)) == 8 * 1000 + 132


def test_many_views_never_pass_the_budget():
    # a budget for two frames of 1.000 rows (8.132 bytes each), not three
    bounded = cache.Bounded(max_bytes=20_000, ttl=600)
    for n in range(50):
        bounded.get(("monthly", n), lambda: frame(1000))
        assert bounded.bytes <= 20_000
    assert len(bounded) == 2
    assert bounded.bytes == 2 * 8132


def test_the_least_recently_used_leaves_first():
    bounded = cache.Bounded(max_bytes=20_000, ttl=600)
    calls = []

    def compute(name):
        calls.append(name)
        return frame(1000)

    bounded.get("a", lambda: compute("a"))
    bounded.get("b", lambda: compute("b"))
    bounded.get("a", lambda: compute("a"))  # a hit: "a" is now the most recent
    bounded.get("c", lambda: compute("c"))  # "b" leaves
    bounded.get("a", lambda: compute("a"))
    bounded.get("b", lambda: compute("b"))
    assert calls == ["a", "b", "c", "b"]


def test_a_result_larger_than_the_budget_is_returned_and_not_kept():
    bounded = cache.Bounded(max_bytes=1000, ttl=600)
    assert len(bounded.get("big", lambda: frame(1000))) == 1000
    assert len(bounded) == 0 and bounded.bytes == 0


def test_a_hit_is_a_copy():
    bounded = cache.Bounded(max_bytes=20_000, ttl=600)
    first = bounded.get("a", lambda: frame(10))
    first.loc[0, "value"] = -1
    assert bounded.get("a", lambda: frame(10)).loc[0, "value"] == 0


def test_an_expired_result_is_computed_again():
    bounded = cache.Bounded(max_bytes=20_000, ttl=0)
    calls = []
    bounded.get("a", lambda: calls.append(1) or frame(10))
    bounded.get("a", lambda: calls.append(1) or frame(10))
    assert len(calls) == 2


def test_the_dashboard_shares_one_bounded_cache():
    # 256 MB unless PULIH_CACHE_MB says otherwise
    assert data.CACHE.max_bytes == data.CACHE_BYTES
    assert isinstance(data.CACHE, cache.Bounded)
