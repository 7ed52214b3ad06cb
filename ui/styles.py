"""The app's own stylesheets and print script, added by the router on every script run, for every
page: the browser's own print of any page (Ctrl+P, "Save as PDF": ui/print.css, and ui/print.js
for the charts, which CSS cannot fit to the paper) and text contrast on screen (ui/screen.css)."""

import json
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


# Streamlit's file uploader writes its button ("Upload") and its limits line ("50MB per file •
# CSV, XLSX") in English only, with no setting. Their English text is drawn at size 0 and the
# reader's words are drawn in its place. The limits line is hidden outright; the button's word
# stays in what a screen reader reads, since a button whose own text is hidden has no name (axe:
# button-name) and CSS cannot give it one.
UPLOADER = """
<style>
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p {
  font-size: 0;
}
[data-testid="stFileUploaderDropzoneInstructions"] span {
  visibility: hidden;
  font-size: 0;
}
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after,
[data-testid="stFileUploaderDropzoneInstructions"] span::after {
  visibility: visible;
  font-size: 0.875rem;
}
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after {
  content: BUTTON;
}
[data-testid="stFileUploaderDropzoneInstructions"] span::after {
  content: LIMITS;
}
</style>
"""


def uploader_words(button: str, limits: str) -> None:
    """The file uploader's button and limits line in the reader's language (the app's own words,
    never data: json.dumps quotes them as a CSS string)."""
    st.html(UPLOADER.replace("BUTTON", json.dumps(button)).replace("LIMITS", json.dumps(limits)))
