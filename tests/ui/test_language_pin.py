"""The reader's language, read once for a page's run (ui/i18n.one_language)."""

import threading

import streamlit as st

from ui import i18n


def test_a_pinned_language_holds_for_the_block_and_is_read_again_after_it():
    st.session_state["lang"] = "en"
    try:
        with i18n.one_language() as pinned:
            # a change in the session during the block is not read: the page's run keeps one
            # language
            st.session_state["lang"] = "id"
            assert (pinned, i18n.lang(), i18n.t("nav.areas")) == ("en", "en", "Areas")
        assert i18n.lang() == "id"
    finally:
        del st.session_state["lang"]


def test_the_pin_belongs_to_the_thread_that_set_it():
    # each session's script runs in a thread of its own: another thread reads its own session
    st.session_state["lang"] = "en"
    seen = []
    try:
        with i18n.one_language():
            st.session_state["lang"] = "id"
            other = threading.Thread(target=lambda: seen.append(i18n.lang()))
            other.start()
            other.join()
    finally:
        del st.session_state["lang"]
    assert seen == ["id"]
