"""The reader's language: Bahasa Indonesia by default, English on request, kept in the URL.

`?lang=en` opens the dashboard in English; no `lang` means Indonesian, so the links people already
share stay Indonesian. The choice lives in the session under the key ui/i18n.py reads ("lang"):
Streamlit clears a page's query parameters when the reader switches pages from the sidebar, so
each run writes the session's language back into the URL, and a link copied from any page
reopens it in the same language.

The page's own `<html lang>` follows the choice (screen readers pick their voice by it, browsers
their hyphenation and translation offer). Streamlit serves `<html lang="en">` and offers no
setting, so a one-line script sets `document.documentElement.lang` on the page itself
(st.html with JavaScript allowed runs in the app's document, not in an iframe).
"""

import json

import streamlit as st

from ui.i18n import DEFAULT_LANG, LANGUAGES, t

KEY = "lang"  # the session key ui/i18n.lang() reads, and the URL parameter
# each language named in itself, so a reader finds their own whatever the page's language is
NAMES = {"id": "Bahasa Indonesia", "en": "English"}
# filters.url_notices() names the values of a link the page did not understand
NOTICES = "_url_notices"


def seed() -> str:
    """The session's language, taken from the URL on the session's first run (before any text is
    drawn, page titles included). A value that is not a language is named in a notice, and the
    page is Indonesian."""
    if KEY not in st.session_state:
        raw = st.query_params.get(KEY)
        if raw is not None and raw not in LANGUAGES:
            st.session_state.setdefault(NOTICES, []).append((KEY, [raw]))
        st.session_state[KEY] = raw if raw in LANGUAGES else DEFAULT_LANG
    return st.session_state[KEY]


def switch() -> str:
    """The sidebar's language switch; its choice goes into the URL (absent for Indonesian) and
    into the page's <html lang>."""
    seed()
    chosen = st.radio(
        t("language.label"),
        list(LANGUAGES),
        format_func=NAMES.__getitem__,
        key=KEY,
        horizontal=True,
    )
    publish(chosen)
    html_lang(chosen)
    return chosen


def publish(chosen: str) -> None:
    if chosen == DEFAULT_LANG:
        st.query_params.pop(KEY, None)
    else:
        st.query_params[KEY] = chosen


def html_lang(chosen: str) -> None:
    """Set <html lang> to the chosen language. Each run draws the same element, so the script
    runs again only when the language changes (or the page is opened)."""
    st.html(
        f"<script>document.documentElement.lang = {json.dumps(chosen)};</script>",
        unsafe_allow_javascript=True,
    )


def placeholder() -> str:
    """What an empty selectbox or multiselect says instead of Streamlit's English "Choose
    options": every select widget passes it as `placeholder=` (they live in ui/filters.py)."""
    return t("filter.placeholder")
