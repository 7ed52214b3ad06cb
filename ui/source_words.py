"""The manifest's own phrases in the reader's language. data/sources.toml is written in English,
and a few of its texts reach the screen: each file's licence (a handful the project uses), the
outlet of a file whose rows name none of their own ("per row", the demo generator), the shipped
files' titles and the publishers written as phrases. Those are catalog keys (ui/labels.py:
LICENCES, OUTLETS, TITLES, PUBLISHERS); any other text is a name (Kompas.com, BPS) and stays as
it is. A file added later (`etl add`, Unggah data) keeps the title its steward gave."""

import pandas as pd

from ui import labels
from ui.i18n import t

# the columns of the repository's frames that hold licences and outlets: one phrase a cell, or a
# list of "outlet url" items joined by "; "
COLUMNS = (
    "licence",
    "outlet",
    "a_outlet",
    "b_outlet",
    "undated_outlet",
    "also_cited",
    "source_names",
    "sources",
    "title",
    "publisher",
)
PHRASES = {**labels.LICENCES, **labels.OUTLETS, **labels.TITLES, **labels.PUBLISHERS}


def phrase(text: str) -> str:
    """One phrase of the manifest in the reader's language; a name as it is."""
    key = PHRASES.get(text)
    return t(key) if key else text


def _item(item: str) -> str:
    """'<outlet> <url>' or '<outlet>': the outlet in the reader's language, the URL as it is."""
    outlet, _, url = item.rpartition(" ")
    if url.startswith("http") and outlet:
        return f"{phrase(outlet)} {url}"
    return phrase(item)


def cell(text):
    """A cell of one of COLUMNS: each of its "; "-joined items (a phrase alone is one item)."""
    if not isinstance(text, str):
        return text
    if text in PHRASES:  # a phrase that holds "; " itself (a licence) is one item
        return phrase(text)
    return "; ".join(_item(item) for item in text.split("; "))


def in_language(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with the manifest's phrases in the reader's language; the frame itself when it
    has none (a cached frame is never changed in place)."""
    changes = {}
    for column in COLUMNS:
        if column not in frame:
            continue
        values = frame[column].dropna().unique()
        mapping = {v: cell(v) for v in values if isinstance(v, str)}
        mapping = {k: v for k, v in mapping.items() if k != v}
        if mapping:
            changes[column] = frame[column].map(lambda v, m=mapping: m.get(v, v))
    return frame.assign(**changes) if changes else frame
