"""The manifest's own phrases (data/sources.toml, written in English: a file's licence, the outlet
of a file whose rows carry no outlet of their own) read in the reader's language: Indonesian by
default, English with `?lang=en`. Names (Kompas.com, BPS) stay as they are.

The words are those of the catalogs (ui/locale/<lang>/LC_MESSAGES/messages.po: licence.*,
outlet.*); the English ones are the manifest's text itself."""

import pytest

# data/sources.toml: the licence of the news compilations and of the demo files
REPORTED_EN = "figures as publicly reported; article text not reproduced"
REPORTED_ID = "angka sebagaimana diberitakan; teks berita tidak disalin"
SYNTHETIC_EN = "synthetic; no real person or company"
SYNTHETIC_ID = "sintetis; tidak ada orang atau perusahaan nyata"
# the outlet of the demo files, named in the captions of every chart of demo data
GENERATOR_EN = "Pulih demo generator (synthetic)"
GENERATOR_ID = "Generator data contoh Pulih (sintetis)"
GENERATOR_RAW = "Pulih demo generator (sintetis)"  # as sources.toml writes it


def licences(app, wanted: set[str]) -> set[str]:
    """The licence column of the sources table: the rows the grid draws at its top, then at its
    bottom (the demo files' sources come last), scrolled there as a reader would. The grid draws
    the rows it scrolled to when it can: read again until `wanted` is there, or 10 s."""
    grid = app.page.locator('[data-testid="stMain"] [data-testid="stDataFrame"]').first
    grid.scroll_into_view_if_needed()
    app.page.wait_for_timeout(500)
    headers = app.table_headers(0)
    assert {"Lisensi", "Licence"} & set(headers), headers
    column = headers.index("Lisensi" if "Lisensi" in headers else "Licence")
    found = {row[column] for row in app.table_cells(0)}
    grid.locator(".dvn-scroller").first.evaluate("e => { e.scrollTop = e.scrollHeight; }")
    for _ in range(20):
        app.page.wait_for_timeout(500)
        found |= {row[column] for row in app.table_cells(0)}
        if wanted <= found:
            break
    grid.locator(".dvn-scroller").first.evaluate("e => { e.scrollTop = 0; }")
    return found


def test_licences_read_in_indonesian_by_default(open_app):
    found = licences(open_app("/sumber_metode"), {REPORTED_ID, SYNTHETIC_ID})
    assert REPORTED_ID in found and SYNTHETIC_ID in found, found
    assert REPORTED_EN not in found and SYNTHETIC_EN not in found


def test_licences_read_in_english_with_lang_en(open_app):
    found = licences(open_app("/sumber_metode?lang=en"), {REPORTED_EN, SYNTHETIC_EN})
    assert REPORTED_EN in found and SYNTHETIC_EN in found, found
    assert REPORTED_ID not in found


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
@pytest.mark.parametrize(
    ("path", "present", "absent"),
    [
        ("/wilayah?level=district", GENERATOR_ID, (GENERATOR_RAW, GENERATOR_EN)),
        ("/wilayah?level=district&lang=en", GENERATOR_EN, (GENERATOR_RAW, GENERATOR_ID)),
    ],
)
def test_the_demo_outlet_in_captions_reads_in_the_readers_language(
    shown, path, present, absent, viewport
):
    """Every kecamatan figure is demo data, so the caption under the map names its outlet."""
    text = shown(path, viewport).text()
    assert present in text
    assert not [a for a in absent if a in text]
