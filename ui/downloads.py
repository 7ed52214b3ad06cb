"""Under every chart and table: the data behind it, in four formats, with its metadata."""

import dataclasses
import functools

import pandas as pd
import streamlit as st

from analytics import exports
from ui import labels
from ui.i18n import t


def downloads(
    frame: pd.DataFrame,
    meta: exports.Meta,
    key: str,
    areas_: tuple[str, ...] = (),
    start=None,
    end=None,
) -> None:
    """Under a chart or table: the data behind it, in the four formats, named for what it holds.
    Files are made when clicked (a callable), so a page with many tables stays fast."""
    frame = frame.drop(columns=[c for c in ("hover",) if c in frame]).reset_index(drop=True)
    meta = dataclasses.replace(meta, words=metadata_words())
    with st.popover(t("download.label"), icon=":material/download:"):
        for fmt_ in exports.FORMATS:
            st.download_button(
                t(labels.DOWNLOADS[fmt_]),
                data=functools.partial(exports.to_bytes, frame, fmt_, meta),
                file_name=exports.file_name(
                    meta.dataset, areas_, start, end, fmt_, exports.has_synthetic(frame)
                ),
                mime=exports.FORMATS[fmt_][1],
                key=f"{key}_{fmt_}",
                # no rerun after a download: the page stays as it is, and the next button of the
                # popover is not clicked while the page is being redrawn (it would never answer)
                on_click="ignore",
            )


def metadata_words() -> dict[str, str]:
    """The words of a download's metadata sheet in the reader's language (ui/labels.py)."""
    return {english: t(key) for english, key in labels.METADATA.items()}


def meta_for(dataset: str, title: str, **filters) -> exports.Meta:
    """A download's metadata: what it is (in the reader's language) and the filters behind it."""
    return exports.Meta(
        dataset=dataset, title=title, filters={k: str(v) for k, v in filters.items()}
    )
