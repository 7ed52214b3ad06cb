"""Bahasa Indonesia by default, English with `?lang=en`: the sidebar switch, the language kept in
the URL through the sidebar, <html lang> as the browser sees it, no word of the other language
left on a page, and the "data per" line of Ringkasan."""

import re

import pytest

from tests.browser.dashboard import PAGES

# the same pages under their English titles (ui/locale/en: nav.*)
ENGLISH = {
    "Overview": "/",
    "Areas": "/wilayah",
    "Impact vs Adoption": "/dampak_adopsi",
    "Data": "/data",
    "Sources & Method": "/sumber_metode",
    "Audit log": "/log_audit",
}
# Indonesian UI words that must not remain on an English page. Names are allowed (places such as
# Provinsi Banten and Kec. Karawaci, outlets, the policies PSBB/PPKM, the term UMKM the metric
# catalogue's English labels use), so the list holds words of sentences and labels, not names.
INDONESIAN = (
    "Unduh", "Sumber", "Tanggal", "Angka", "Ukuran", "Wilayah", "Ringkasan", "Dampak", "Metode",
    "belum", "tidak", "yang", "dan", "atau", "dengan", "untuk", "bulan", "penduduk", "pekerja",
    "perusahaan", "Perusahaan", "terdaftar", "Dirumahkan", "dirumahkan", "PHK", "kecamatan",
    "contoh", "Pilih", "Tampilkan", "disamarkan", "Januari", "Mei", "Agustus", "Desember",
)  # fmt: skip
# English (Streamlit's own words included) that must not show on an Indonesian page, and the raw
# codes of the warehouse that a reader should never have to decode
ENGLISH_WORDS = (
    "Choose options", "Choose an option", "Deploy", "empty", "Page not found", "Download",
    "Sources", "region_code", "at_least", "date_precision", "00:00:00",
)  # fmt: skip


def words_found(text: str, words) -> list[str]:
    return [w for w in words if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text)]


def on_screen(app) -> str:
    """What a reader reads: the main area and the sidebar (the switch names each language in
    itself, so "Bahasa Indonesia" there is a name), the header's toolbar, every table's headers
    and first rows."""
    parts = [app.text(), app.sidebar_text().replace("Bahasa Indonesia", "")]
    header = app.page.locator('[data-testid="stHeader"]')
    if header.count():
        parts.append(app.text_of(header.first))
    for i in range(app.page.locator('[data-testid="stMain"] [data-testid="stDataFrame"]').count()):
        headers = app.table_headers(i)
        parts += headers
        if not DATA_TEXT_HEADERS & set(headers):
            parts += [cell for row in app.table_cells(i)[:5] for cell in row]
    return "\n".join(parts)


# tables whose cells are names and titles as the sources wrote them (publishers, outlets, file
# titles) or the download's own column names (the dictionary documents them), known by a header:
# their headers are checked, not their cells (the audit log's details are words of the page's
# language, ui/audit_log.py: details_text, and are checked)
DATA_TEXT_HEADERS = {"Publisher", "Penerbit", "File", "Berkas", "Column", "Kolom"}


def html_lang(app) -> str:
    return app.page.evaluate("() => document.documentElement.lang")


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_html_lang_is_indonesian_by_default_and_english_with_lang_en(shown, viewport):
    # Streamlit's own index.html says lang="en" whatever the page is written in
    assert html_lang(shown("/", viewport)) == "id"
    assert html_lang(shown("/?lang=en", viewport)) == "en"


def test_the_sidebar_switch_keeps_english_in_the_url_through_every_page(open_app):
    app = open_app("/")
    assert app.radio_value("Bahasa") == "Bahasa Indonesia"
    app.radio("Bahasa", "English")
    assert (app.title(), app.param("lang"), html_lang(app)) == ("Overview", "en", "en")
    for title, path in list(ENGLISH.items())[1:] + [("Overview", "/")]:
        app.go(title)  # the sidebar clears the query string; the language comes back into it
        assert (app.title(), app.path, app.param("lang")) == (title, path, "en")
        assert html_lang(app) == "en"
        assert app.failures() == []
    app.radio("Language", "Bahasa Indonesia")
    assert (app.title(), app.param("lang"), html_lang(app)) == ("Ringkasan", None, "id")
    app.go("Data")
    assert (app.title(), app.param("lang")) == ("Data", None)


def test_a_shared_english_link_opens_in_english_and_survives_a_page_switch(open_app):
    app = open_app("/wilayah?lang=en&level=regency")
    assert app.title() == "Areas"
    assert app.radio_value("Level") == "Regency/City"
    app.go("Sources & Method")
    assert (app.title(), app.param("lang")) == ("Sources & Method", "en")


@pytest.mark.parametrize("title", list(ENGLISH))
def test_an_english_page_has_no_indonesian_ui_word_left(shown, title):
    app = shown(ENGLISH[title] + "?lang=en")
    assert app.title() == title
    assert words_found(on_screen(app), INDONESIAN) == []


@pytest.mark.parametrize("title", list(PAGES))
def test_an_indonesian_page_has_no_english_ui_word_nor_raw_code(shown, title):
    app = shown(PAGES[title])
    assert app.title() == title
    assert words_found(on_screen(app), ENGLISH_WORDS) == []


def test_english_charts_write_numbers_the_english_way(shown):
    """17,298 in English (a thousands comma), as the tables and cards do: Plotly's separators."""
    app = shown("/?lang=en")
    ticks = [t["text"] for f in app.figures() for a in f["axes"].values() for t in a["ticks"]]
    assert ticks and not [t for t in ticks if re.fullmatch(r"\d{1,3}(\.\d{3})+", t)]


def test_an_unknown_page_says_so_in_the_readers_language(open_app):
    """Streamlit's own "Page not found" dialog is English only: an unknown path gets the
    overview under a notice in the page's language instead."""
    app = open_app("/halaman-lama")
    text = app.page.locator("body").inner_text()
    assert "Page not found" not in text
    assert app.title() == "Ringkasan"
    assert any("halaman-lama" in a and "tidak ada" in a for a in app.alerts()), app.alerts()
    app = open_app("/old-page?lang=en")
    assert "Page not found" not in app.page.locator("body").inner_text()
    assert app.title() == "Overview"
    assert any("old-page" in a and "no page" in a for a in app.alerts()), app.alerts()


def test_the_data_preview_shows_labelled_formatted_columns(shown):
    """Data, reported figures of Provinsi Banten (the default): data/raw/banten_province_labour.csv
    has PHK "4 ribu lebih" (at_least 4000) on 20 April 2020, the first row by date."""
    app = shown("/data?level=province")
    headers = app.table_headers(0)
    assert "region_code" not in headers and "Wilayah" in headers and "Tanggal" in headers
    first = app.table_cells(0)[:2]
    flat = [c for row in first for c in row]
    assert "20 April 2020" in flat and "≥ 4.000" in " ".join(flat)


def test_ringkasan_says_how_recent_the_real_figures_are(shown):
    """The newest real figure the cards show: Banten's PHK, ± 19.000 on 26 July 2021
    (bantenraya.com, data/raw); every other card's report is older. Newer real rows that no card
    shows (Kabupaten Tangerang's UMKM count of 5 January 2023) do not date the page, nor does the
    build time, which is named second, as an update."""
    text = shown("/").text()
    assert "Data per 26 Juli 2021 (angka resmi terbaru yang dilaporkan); diperbarui" in text
    english = shown("/?lang=en").text()
    assert "Data as of 26 July 2021 (the latest officially reported figure); updated" in english


def test_an_empty_multiselect_says_so_in_indonesian(open_app):
    app = open_app("/data")
    for option in app.multiselect_values("Ukuran"):
        app.multiselect_remove("Ukuran", option)
    assert "Choose options" not in app.text()
    box = app.page.get_by_role("combobox", name="Ukuran", exact=True).first
    assert box.get_attribute("placeholder") == "Pilih satu atau lebih"  # what the empty box says
