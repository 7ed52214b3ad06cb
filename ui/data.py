"""The repository the dashboard reads through: analytics/queries.py, each query cached.

Every function here has the name and the parameters of its query and is cached on its arguments
plus the warehouse version, so a rebuild shows on the next interaction without a restart; no
connection passes through a cache (analytics/db.py holds the open file, one per version). The
cache is bounded in bytes and expires. The router passes this module to every page as `repo`;
tests pass analytics.queries itself, or a fake.
"""

import datetime as dt
import functools
import inspect
import os

import pandas as pd

from analytics import db, queries
from ui import access, cache, source_words
from ui.i18n import DEFAULT_LANG, lang, metric_label

CACHE_TTL_SECONDS = 600
# The results every session of this process holds, at most (PULIH_CACHE_MB). A page's queries at
# one level of one parent are a few megabytes even on the national warehouse (the Data page's
# monthly series of 60 kecamatan, 36 months and every measure: about 90 thousand rows, some 30
# MB), so 256 MB keeps many views and never grows past it.
CACHE_BYTES = int(os.environ.get("PULIH_CACHE_MB", "256")) * 1024 * 1024
CACHE = cache.Bounded(CACHE_BYTES, CACHE_TTL_SECONDS)


def _versioned(fn):
    """Cache fn on its arguments plus the warehouse version (passed as its first argument), in the
    process's byte-bounded cache (ui/cache.py)."""
    first = next(iter(inspect.signature(fn).parameters), None)
    if first != "version":
        raise TypeError(f"{fn.__name__}: a versioned query takes `version` as its first parameter")

    @functools.wraps(fn)
    def call(*args, **kwargs):
        version = db.check()
        key = (fn.__name__, version, args, tuple(sorted(kwargs.items())))
        return CACHE.get(key, lambda: fn(version, *args, **kwargs))

    call.versioned = True  # type: ignore[attr-defined]  # read by tests/ui/test_data.py
    return call


def _labelled(fn):
    """Measures named in the reader's language: the queries give `metric_label` in Indonesian
    (the catalogue's label_id); in English it is the catalogue's label_en. Applied after the
    cache, so both languages share one cached result."""

    @functools.wraps(fn)
    def call(*args, **kwargs):
        frame = fn(*args, **kwargs)
        if lang() == DEFAULT_LANG or "metric_label" not in frame or "metric" not in frame:
            return frame
        names = metric_names()
        return frame.assign(metric_label=frame["metric"].map(names).fillna(frame["metric_label"]))

    call.versioned = getattr(fn, "versioned", False)  # type: ignore[attr-defined]
    return call


def _worded(fn):
    """Licences and file-level outlets in the reader's language (ui/source_words.py), applied
    after the cache like `_labelled`."""

    @functools.wraps(fn)
    def call(*args, **kwargs):
        return source_words.in_language(fn(*args, **kwargs))

    call.versioned = getattr(fn, "versioned", False)  # type: ignore[attr-defined]
    return call


def _staff_only(fn):
    """The files with their checksums, the rejected rows and the load notes are for staff: the
    query is refused (ui/access.py Forbidden) for a session of a lower role, whatever page asks."""

    @functools.wraps(fn)
    def call(*args, **kwargs):
        access.check(access.STAF)
        return fn(*args, **kwargs)

    call.versioned = getattr(fn, "versioned", False)  # type: ignore[attr-defined]
    return call


def metric_names() -> dict[str, str]:
    """Each measure's code -> its label in the reader's language."""
    return {r.code: metric_label(r) for r in metric_catalogue().itertuples()}


@_versioned
def build_info(version: str) -> pd.DataFrame:
    return queries.build_info()


@_versioned
def horizon(version: str) -> tuple[dt.date, dt.date]:
    return queries.horizon()


@_versioned
def regions(version: str) -> pd.DataFrame:
    return queries.regions()


@_versioned
def metric_catalogue(version: str) -> pd.DataFrame:
    return queries.metric_catalogue()


@_worded
@_versioned
def latest_reported(version: str, region: str, metrics: tuple[str, ...]) -> pd.DataFrame:
    return queries.latest_reported(region, metrics)


@_worded
@_labelled
@_versioned
def reported(
    version: str,
    regions: tuple[str, ...],
    metrics: tuple[str, ...] = (),
    date_from: dt.date = queries.FAR_PAST,
    date_to: dt.date = queries.FAR_FUTURE,
    synthetic: bool = True,
) -> pd.DataFrame:
    return queries.reported(regions, metrics, date_from, date_to, synthetic)


@_worded
@_labelled
@_versioned
def monthly(
    version: str,
    regions: tuple[str, ...],
    metrics: tuple[str, ...],
    month_from: dt.date | None = None,
    month_to: dt.date | None = None,
    synthetic: bool = True,
) -> pd.DataFrame:
    return queries.monthly(regions, metrics, month_from, month_to, synthetic)


@_worded
@_versioned
def umkm_monthly(
    version: str,
    regions: tuple[str, ...],
    month_from: dt.date | None = None,
    month_to: dt.date | None = None,
    synthetic: bool = True,
) -> pd.DataFrame:
    return queries.umkm_monthly(regions, month_from, month_to, synthetic)


@_versioned
def events(version: str, region: str) -> pd.DataFrame:
    return queries.events(region)


@_worded
@_labelled
@_versioned
def revisions(version: str) -> pd.DataFrame:
    return queries.revisions()


@_worded
@_versioned
def conflicts(
    version: str, regions: tuple[str, ...], date_from: dt.date, date_to: dt.date
) -> pd.DataFrame:
    return queries.conflicts(regions, date_from, date_to)


@_versioned
def synthetic_coverage(version: str) -> pd.DataFrame:
    return queries.synthetic_coverage()


@_worded
@_versioned
def sources(version: str) -> pd.DataFrame:
    return queries.sources()


@_worded
@_staff_only
@_versioned
def source_files(version: str) -> pd.DataFrame:
    return queries.source_files()


@_staff_only
@_versioned
def rejected(version: str) -> pd.DataFrame:
    return queries.rejected()


@_staff_only
@_versioned
def load_warnings(version: str) -> pd.DataFrame:
    return queries.load_warnings()
