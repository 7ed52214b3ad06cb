"""The app's own stylesheets and print script, added by the router on every script run, for every
page: the browser's own print of any page (Ctrl+P, "Save as PDF": ui/print.css, and ui/print.js
for the charts, which CSS cannot fit to the paper) and text contrast on screen (ui/screen.css)."""

from pathlib import Path

import streamlit as st

HERE = Path(__file__).parent
SHEETS = [HERE / name for name in ("screen.css", "print.css")]
PRINT_SCRIPT = HERE / "print.js"


def style() -> None:
    # style alone goes to Streamlit's event container and takes no room on the page
    for sheet in SHEETS:
        st.html(sheet)
    # the script runs in the page itself (not in a component's frame), where the charts are; it
    # installs its listeners once, however often it is added
    st.html(f"<script>{PRINT_SCRIPT.read_text()}</script>", unsafe_allow_javascript=True)
