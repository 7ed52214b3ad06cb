"""Under every chart and table: the data behind it, in four formats, with its metadata.

Every download is written to the audit log (warehouse/audit.py) on the server, when its bytes are
made: the file is a callable Streamlit runs when the button is clicked (deferred download), and
the callable records who, which dataset, which filters and which format before it returns the
bytes. A popover that is only opened makes nothing and records nothing; a click that Streamlit
serves is always recorded, whatever the browser does with the file. The who is taken when the
page is drawn (the callable runs outside the script run, where the session cannot be read).
What a role may not see never reaches a download: the page does not query it (ui/access.py).
A staff-only download (`role=` above publik) is checked again when drawn, and its file is served
once, to the click that made it, never to a replay of its URL (ui/served_once.py)."""

import dataclasses
import functools
from collections.abc import Callable

import pandas as pd
import streamlit as st

from analytics import datasets, exports
from ui import access, filter_words, labels, served_once
from ui.i18n import t
from warehouse import audit


def downloads(
    frame: pd.DataFrame,
    meta: exports.Meta,
    key: str,
    areas_: tuple[str, ...] = (),
    start=None,
    end=None,
    role: access.Role = access.PUBLIK,
) -> None:
    """Under a chart or table: the data behind it, in the four formats, named for what it holds.
    Files are made when clicked (a callable), so a page with many tables stays fast. `role`: who
    may have the data (staff-only data: served once, to the click)."""
    access.check(role)  # a page that forgot its guard stops here, before any button is drawn
    if role > access.PUBLIK:
        served_once.install()
    frame = frame.drop(columns=[c for c in ("hover",) if c in frame]).reset_index(drop=True)
    # the log keeps the filters' codes; the file's metadata says them in the reader's words
    who, logged = access.actor(), filters_logged(meta, areas_, start, end)
    meta = dataclasses.replace(
        meta, words=metadata_words(), filters=filter_words.worded(meta.filters)
    )
    with st.popover(t("download.label"), icon=":material/download:"):
        for fmt_ in exports.FORMATS:
            name = exports.file_name(
                meta.dataset, areas_, start, end, fmt_, exports.has_synthetic(frame)
            )
            made: Callable[[], bytes] = functools.partial(
                made_and_logged, frame, fmt_, meta, who, logged
            )
            if role > access.PUBLIK:
                made = functools.partial(served_once_made, name, made)
            st.download_button(
                t(labels.DOWNLOADS[fmt_]),
                data=made,
                file_name=name,
                mime=exports.FORMATS[fmt_][1],
                key=f"{key}_{fmt_}",
                # no rerun after a download: the page stays as it is, and the next button of the
                # popover is not clicked while the page is being redrawn (it would never answer)
                on_click="ignore",
            )


def made_and_logged(
    frame: pd.DataFrame, fmt_: str, meta: exports.Meta, who: str, logged: dict
) -> bytes:
    """The file's bytes, once the download is in the audit log (no log line, no file)."""
    data = exports.to_bytes(frame, fmt_, meta)
    audit.record(
        "download", who, dataset=meta.dataset, format=fmt_, rows=len(frame), filters=logged
    )
    return data


def served_once_made(name: str, made: Callable[[], bytes]) -> bytes:
    """A staff-only file's bytes, registered to be served once (ui/served_once.py)."""
    return served_once.register(name, made())


def filters_logged(meta: exports.Meta, areas_: tuple[str, ...], start, end) -> dict:
    """The filters behind a download as the audit log keeps them: codes and months, lists as
    lists, each text cut to a length the log takes."""
    logged: dict = {}
    if areas_:
        logged["areas"] = list(areas_)
    if start is not None:
        logged["from"] = str(start)
    if end is not None:
        logged["to"] = str(end)
    for name, value in meta.filters.items():
        parts = [p[:LOGGED_TEXT] for p in str(value).split(", ")]
        logged.setdefault(name, parts if len(parts) > 1 else parts[0])
    return logged


LOGGED_TEXT = 120


def metadata_words() -> dict[str, str]:
    """The words of a download's metadata sheet in the reader's language (ui/labels.py); a unit
    by its word with its code beside it ("pekerja (workers)"), as the data's unit column holds
    the code."""
    units = {code: t(key) for code, key in labels.UNITS.items()}
    units[datasets.UMKM_UNIT] = t("meta.umkm_unit")
    return {english: t(key) for english, key in labels.METADATA.items()} | {
        code: word if word == code else f"{word} ({code})" for code, word in units.items()
    }


def meta_for(dataset: str, title: str, **filters) -> exports.Meta:
    """A download's metadata: what it is (in the reader's language) and the filters behind it."""
    return exports.Meta(
        dataset=dataset, title=title, filters={k: str(v) for k, v in filters.items()}
    )
