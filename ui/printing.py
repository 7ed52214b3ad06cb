"""The browser's own print of any page (Ctrl+P, "Save as PDF"): the stylesheet ui/print.css,
added by the router on every script run, for every page."""

from pathlib import Path

import streamlit as st

CSS = Path(__file__).with_name("print.css")


def style() -> None:
    # style alone goes to Streamlit's event container and takes no room on the page
    st.html(CSS)
