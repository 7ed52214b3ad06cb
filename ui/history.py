"""The browser's Back button: one history entry per page visited (ui/history.js says why)."""

from pathlib import Path

import streamlit as st

SCRIPT = Path(__file__).with_suffix(".js")


def one_entry_per_page() -> None:
    # the script runs in the page itself, where Streamlit's history calls are; it wraps them
    # once, however often it is added
    st.html(f"<script>{SCRIPT.read_text()}</script>", unsafe_allow_javascript=True)
