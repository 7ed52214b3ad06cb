"""Every label on screen, in Bahasa Indonesia (default) and English, from gettext catalogs.

The catalogs are ui/locale/<lang>/LC_MESSAGES/messages.po, managed with Babel (`make i18n`:
pybabel extract, update and compile). A message id is a key ("card.phk"); the catalogs give its
text in each language, plural forms included ("1 baris" / "1 row", "2 rows"). The same mechanism
holds the UI strings, the download columns' dictionary ("column.<name>") and the method notes
("doc.metode"). Pages never hold literal text: they call t("key"); a key the code builds from a
value is listed with N_() so extraction finds it. The language is kept in the session.
"""

import contextlib
import functools
import io
import threading
from collections.abc import Iterator
from pathlib import Path

import streamlit as st
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

DEFAULT_LANG = "id"
LANGUAGES = ("id", "en")
LOCALE = Path(__file__).parent / "locale"


def N_(key: str) -> str:  # noqa: N802  (the gettext convention for "marked, translated later")
    """Marks a key for extraction where the code picks it from a table."""
    return key


@functools.cache
def _catalog(language: str) -> Translations:
    """The compiled catalog of one language (compiled in memory from its .po, once)."""
    with (LOCALE / language / "LC_MESSAGES" / "messages.po").open("rb") as f:
        catalog = read_po(f, locale=language)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer)


# the language pinned for the rest of a script run (one_language), per thread: each session's
# script runs in a thread of its own
_pinned = threading.local()


def lang() -> str:
    pinned = getattr(_pinned, "lang", None)
    if pinned:
        return pinned
    chosen = st.session_state.get("lang", DEFAULT_LANG)
    return chosen if chosen in LANGUAGES else DEFAULT_LANG


@contextlib.contextmanager
def one_language() -> Iterator[str]:
    """Within the block the reader's language is read from the session once, not at every text:
    Wilayah's tables and hover texts for 40 kecamatan asked the session for it ~18.000 times, a
    fifth of the page's time. For a page's run, after the sidebar's switch has set it."""
    previous = getattr(_pinned, "lang", None)
    _pinned.lang = None
    _pinned.lang = lang()
    try:
        yield _pinned.lang
    finally:
        _pinned.lang = previous


def known(key: str, language: str | None = None) -> bool:
    """Whether a key has a text in the catalog (of the given language, or the reader's)."""
    return _catalog(language or lang()).gettext(key) != key


def t(key: str, **values) -> str:
    """The text of `key` in the reader's language (Indonesian where English has none)."""
    text = _catalog(lang()).gettext(key)
    if text == key:
        text = _catalog(DEFAULT_LANG).gettext(key)
    return text.format(**values) if values else text


def english_id(message: str) -> str:
    """The text of a message whose id is its own English text (the ETL's reasons, warehouse/reasons.py)
    in the reader's language: in English the id itself, where t() would look for Indonesian."""
    return _catalog(lang()).gettext(message)


def tn(key: str, plural_key: str, n: int, **values) -> str:
    """The text for a count n, in the plural form the language uses for it (gettext's
    ngettext: `key` is the singular id, `plural_key` the plural id; Indonesian has one form)."""
    text = _catalog(lang()).ngettext(key, plural_key, n)
    return text.format(n=n, **values)


def document(name: str, **values) -> str:
    """A longer text (the method notes) in the reader's language, with values filled in."""
    return t(DOCUMENTS[name], **values)


DOCUMENTS = {"metode": N_("doc.metode")}


def metric_label(row) -> str:
    """A metric's label in the current language, from a row with label_id / label_en."""
    english = getattr(row, "label_en", None)
    return english if lang() == "en" and english else row.label_id
