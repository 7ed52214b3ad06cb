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


# ... and the button's accessible name: with its own word drawn at size 0 and the reader's after
# it, a screen reader heard "UploadPilih berkas" (generated content joins the name). Streamlit has
# no setting for either (a pull request adding one, streamlit/streamlit#10042, was closed), so a
# script names the button, and the hidden file input behind it, with an aria-label, which wins
# over the content. It names every uploader Streamlit draws later too (a rerun redraws them); the
# name is kept on the window, so a switch of language renames them.
UPLOADER_NAME = """
<script>
(() => {
  window.__pulihUploaderName = NAME;
  const named = () => {
    const name = window.__pulihUploaderName;
    document.querySelectorAll(
      '[data-testid="stFileUploaderDropzone"] button, [data-testid="stFileUploaderDropzoneInput"]'
    ).forEach(e => {
      if (e.getAttribute('aria-label') !== name) e.setAttribute('aria-label', name);
    });
  };
  named();
  if (!window.__pulihUploaderNamer) {
    window.__pulihUploaderNamer = new MutationObserver(named);
    window.__pulihUploaderNamer.observe(document.body, {childList: true, subtree: true});
  }
})();
</script>
"""


def uploader_words(button: str, limits: str) -> None:
    """The file uploader's button and limits line in the reader's language (the app's own words,
    never data: json.dumps quotes them as a CSS string), and the button's accessible name."""
    st.html(UPLOADER.replace("BUTTON", json.dumps(button)).replace("LIMITS", json.dumps(limits)))
    st.html(UPLOADER_NAME.replace("NAME", json.dumps(button)), unsafe_allow_javascript=True)


# A date field's empty segments show react-aria's English "dd / mm / yyyy" whatever the page's
# language (st.date_input has `format`, which orders them, but no placeholder). Drawn at size 0,
# the reader's letters in their place ("hh / bb / tttt": hari, bulan, tahun); a segment that
# holds a figure is not a placeholder and shows it as typed.
DATE_HINT = """
<style>
[data-testid="stDateInput"] [role="spinbutton"][data-placeholder="true"] { font-size: 0; }
[data-testid="stDateInput"] [role="spinbutton"][data-placeholder="true"]::after {
  font-size: 0.875rem;
}
[data-testid="stDateInput"] [role="spinbutton"][data-placeholder="true"][data-type="day"]::after {
  content: DAY;
}
[data-testid="stDateInput"] [role="spinbutton"][data-placeholder="true"][data-type="month"]::after {
  content: MONTH;
}
[data-testid="stDateInput"] [role="spinbutton"][data-placeholder="true"][data-type="year"]::after {
  content: YEAR;
}
</style>
"""


def date_hint(day: str, month: str, year: str) -> None:
    """The letters of an empty date field's day, month and year in the reader's language."""
    words = {"DAY": day, "MONTH": month, "YEAR": year}
    sheet = DATE_HINT
    for mark, word in words.items():
        sheet = sheet.replace(mark, json.dumps(word))
    st.html(sheet)
