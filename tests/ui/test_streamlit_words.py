"""The script that names Streamlit's own parts in the reader's language (ui/streamlit_words.py)."""

import re

from ui import streamlit_words


def test_the_script_holds_nothing_streamlits_sanitiser_takes_for_a_tag():
    """DOMPurify drops a script whose text holds '<' before a letter or '/': the page then ran
    none of it (a comment's "<symbol> icon" did that once)."""
    assert not re.search(r"<[/\w]", streamlit_words.SCRIPT.read_text())


def test_a_prefix_keeps_the_name_after_it_in_both_languages():
    # ui/locale: streamlit.help_for is "Bantuan untuk {name}" / "Help for {name}"
    from ui import i18n

    i18n.st.session_state["lang"] = "id"
    try:
        assert streamlit_words.words()["prefixes"]["Help for "] == "Bantuan untuk {name}"
        i18n.st.session_state["lang"] = "en"
        assert streamlit_words.words()["prefixes"]["Help for "] == "Help for {name}"
        assert streamlit_words.words()["names"]["Collapse sidebar"] == "Collapse sidebar"
    finally:
        i18n.st.session_state.pop("lang", None)
