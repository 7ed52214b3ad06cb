"""What a screen reader reads besides the page's text: the names Streamlit, Plotly and maplibre
give their own buttons, regions and fields (aria-label, title, placeholder, Plotly's tooltip
data-title, alt), and the skip link's words. In Indonesian by default, in English with
`?lang=en`: none of the other language's words on any page, at either width."""

import re

import pytest

from tests.browser.dashboard import PAGES

# every attribute a screen reader (or a tooltip) reads out, and the skip link's own words
NAMES = """() => {
  const out = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of ['aria-label', 'title', 'placeholder', 'data-title', 'alt',
                     'aria-roledescription', 'aria-valuetext']) {
      const v = el.getAttribute(a);
      if (v && v.trim() && el.getAttribute('aria-hidden') !== 'true') out.push(v.trim());
    }
  }
  for (const el of document.querySelectorAll('a[href="#stMain"]')) out.push(el.textContent);
  return out;
}"""
# English words of Streamlit's, Plotly's and maplibre's own names, as they wrote them in English
# ("Help for …", "Collapse sidebar", "Remove Kota Tangerang", "science icon", "Download plot as a
# PNG", "Toggle attribution", ...): none is a place, an outlet nor a word of the app's catalogs
ENGLISH = (
    "Help", "Remove", "Collapse", "Expand", "sidebar", "Sidebar", "Skip", "Link to heading",
    "Open", "Close", "Clear", "Selected", "Select", "Search", "Show", "hide", "Download",
    "Fullscreen", "Choose", "Zoom", "Pan", "Autoscale", "Reset", "Map", "Toggle", "attribution",
    "icon", "pages", "values", "columns", "plot", "date", "month", "Press", "results", "option",
)  # fmt: skip
# the same names' Indonesian words (ui/locale/id: streamlit.*), which an English page must not
# read out
INDONESIAN = (
    "Bantuan", "Hapus", "Ciutkan", "Bentangkan", "bilah", "Lewati", "Tautan", "Buka", "Tutup",
    "Kosongkan", "terpilih", "Pilih", "Cari", "Tampilkan", "sembunyikan", "Unduh", "Layar penuh",
    "Perbesar", "Perkecil", "Geser", "Skala otomatis", "Kembalikan", "Peta", "atribusi", "ikon",
    "halaman", "nilai", "kolom", "tanggal", "bulan", "Tekan", "hasil",
)  # fmt: skip


def words_found(names: list[str], words) -> list[tuple[str, str]]:
    return [
        (w, n) for n in names for w in words if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", n)
    ]


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
@pytest.mark.parametrize("title", list(PAGES))
def test_an_indonesian_page_names_streamlits_own_parts_in_indonesian(shown, title, viewport):
    app = shown(PAGES[title], viewport)
    names = app.page.evaluate(NAMES)
    assert names  # the sidebar's own names at least
    assert words_found(names, ENGLISH) == []


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
@pytest.mark.parametrize("title", list(PAGES))
def test_an_english_page_names_them_in_english(shown, title, viewport):
    path = PAGES[title]
    app = shown(path + ("&" if "?" in path else "?") + "lang=en", viewport)
    names = app.page.evaluate(NAMES)
    assert words_found(names, INDONESIAN) == []
    # Streamlit's own English stays as Streamlit wrote it (what the catalogs' English says)
    assert "Skip to main content" in names
