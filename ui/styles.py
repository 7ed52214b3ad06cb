"""The app's own stylesheets, added by the router on every script run, for every page: the
browser's own print of any page (Ctrl+P, "Save as PDF": ui/print.css) and text contrast on screen
(ui/screen.css)."""

from pathlib import Path

import streamlit as st

SHEETS = [Path(__file__).with_name(name) for name in ("screen.css", "print.css")]


def style() -> None:
    # style alone goes to Streamlit's event container and takes no room on the page
    for sheet in SHEETS:
        st.html(sheet)
