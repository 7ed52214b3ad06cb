"""Filters as a person meets them in a browser: moving between pages in the sidebar keeps each
page's own filters, a copied link opens the same view in a fresh browser, and a value in a link
that the page does not know is named on that page, and on no other.

Expected values are the pages' defaults as a fresh visit shows them (ui/filters.py and the pages)
and the warehouse's horizon, January 2020 to December 2022 (etl/marts.py: HORIZON_START,
HORIZON_END), worked out from the source, not read back from the app under test.
"""

import pytest

FIRST_MONTH, LAST_MONTH = "Januari 2020", "Desember 2022"
SHADING = "Periode PSBB/PPKM diarsir"


def filters_of_data(app) -> dict:
    return {
        "dataset": app.selectbox_value("Himpunan data"),
        "level": app.radio_value("Tingkat wilayah"),
        "areas": app.multiselect_values("Wilayah"),
        "measures": app.multiselect_values("Ukuran"),
        "from": app.selectbox_value("Dari bulan"),
        "to": app.selectbox_value("Sampai bulan"),
    }


def filters_of_wilayah(app) -> dict:
    return {
        "level": app.radio_value("Tingkat wilayah"),
        "areas": app.multiselect_values("Wilayah"),
        "measure": app.selectbox_value("Ukuran"),
        "mode": app.selectbox_value("Tampilan angka"),
        "shading": app.toggle_value(SHADING),
        "from": app.selectbox_value("Dari bulan"),
        "to": app.selectbox_value("Sampai bulan"),
        "part": app.tab_value(),
    }


def test_data_opened_after_two_pages_shows_its_own_defaults(open_app):
    """Ringkasan -> Wilayah -> Data opened Data with no areas, no measures and the period
    2020-01 to 2020-01 ("0 baris"); it must show what a fresh visit to Data shows."""
    fresh = filters_of_data(open_app("/data"))
    assert fresh["areas"] and fresh["measures"], fresh
    assert (fresh["from"], fresh["to"]) == (FIRST_MONTH, LAST_MONTH)

    app = open_app("/")
    app.go("Wilayah")
    app.go("Data")
    assert filters_of_data(app) == fresh
    assert "0 baris" not in app.text()


def test_wilayah_keeps_its_filters_after_a_visit_to_data(open_app):
    """/wilayah -> Data -> Wilayah showed an empty Wilayah."""
    app = open_app("/wilayah")
    app.choose("Tampilan angka", "Per 1.000 penduduk (SP2020)")
    before = filters_of_wilayah(app)
    assert before["areas"] and before["mode"] == "Per 1.000 penduduk (SP2020)"
    app.go("Data")
    app.go("Wilayah")
    assert filters_of_wilayah(app) == before
    assert app.param("mode") == "per_1000"  # the URL says it again, so the link can be copied


CHARTS = '[data-testid="stMain"] [data-testid="stPlotlyChart"]'


def test_wilayah_builds_only_the_part_shown_and_the_link_keeps_it(open_app):
    """Wilayah built every tab's chart on every run (st.tabs), the panels of 40 kecamatan too,
    and a link could not say which tab was open. Now one part is drawn at a time, named in the
    link (`tab=`): a link to the panels opens on them, with their chart the only one built."""
    app = open_app("/wilayah?level=district&tab=panels")
    assert app.tab_value() == "Per wilayah"
    assert app.page.locator(CHARTS).count() == 1
    app.figure("areas_panels")  # the one chart there is: the panels
    app.tab("Gabungan")
    assert app.param("tab") == "lines"
    assert app.page.locator(CHARTS).count() == 1
    app.figure("areas_chart")
    app.tab("Peta")  # the part a link with no `tab` opens: the link says nothing
    assert app.param("tab") is None
    app.figure("areas_map")


def test_policy_shading_stays_on_when_untouched(open_app):
    """Ringkasan -> Wilayah and Wilayah -> Dampak turned the shading off (kebijakan=false) though
    nobody touched it; it is on by default on each of the three pages."""
    app = open_app("/")
    assert app.toggle_value(SHADING)
    app.go("Wilayah")
    assert app.toggle_value(SHADING)
    app.go("Dampak vs Adopsi")
    assert app.toggle_value(SHADING)
    app.go("Ringkasan")
    assert app.toggle_value(SHADING)
    assert app.param("kebijakan") is None


def test_a_toggle_turned_off_on_one_page_stays_off_there_only(open_app):
    app = open_app("/wilayah")
    app.toggle(SHADING)
    assert not app.toggle_value(SHADING) and app.param("kebijakan") == "false"
    app.go("Ringkasan")
    assert app.toggle_value(SHADING)  # Ringkasan's own, untouched
    app.go("Wilayah")
    assert not app.toggle_value(SHADING)


def test_every_page_keeps_its_filters_through_every_other_page(open_app):
    """A non-default choice on each page with filters, then a walk through the sidebar that moves
    between every pair of pages: each page still shows its own choice whenever it is opened."""
    app = open_app("/wilayah")
    app.choose("Tampilan angka", "Per 1.000 penduduk (SP2020)")
    app.go("Data")
    app.choose("Himpunan data", "Seri bulanan per wilayah")
    app.go("Dampak vs Adopsi")
    app.choose("Dampak diukur sebagai", "PHK per 100 UMKM terdaftar")
    app.go("Ringkasan")
    app.choose("Wilayah grafik", "Provinsi Banten")

    expected = {
        "Wilayah": ("Tampilan angka", "Per 1.000 penduduk (SP2020)"),
        "Data": ("Himpunan data", "Seri bulanan per wilayah"),
        "Dampak vs Adopsi": ("Dampak diukur sebagai", "PHK per 100 UMKM terdaftar"),
        "Ringkasan": ("Wilayah grafik", "Provinsi Banten"),
        "Sumber & Metode": None,
    }
    names = list(expected)
    # every ordered pair (a, b) with a != b appears as consecutive pages in this walk
    walk = [names[0]]
    for a in names:
        for b in names:
            if a != b:
                if walk[-1] != a:
                    walk.append(a)
                walk.append(b)
    for step, title in enumerate(walk[1:], start=1):
        try:
            app.go(title)
        except AssertionError as e:
            raise AssertionError(f"step {step}: {walk[step - 1]} -> {title}: {e}") from e
        assert app.failures() == []
        if expected[title]:
            label, value = expected[title]
            assert app.selectbox_value(label) == value, (title, walk)


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_a_copied_link_opens_the_same_view_in_a_fresh_browser(open_app, viewport):
    app = open_app("/wilayah", viewport)
    app.radio("Tingkat wilayah", "Provinsi")  # the default is Kabupaten/Kota
    app.choose("Tampilan angka", "Per 1.000 penduduk (SP2020)")
    app.choose("Dari bulan", "Maret 2020")
    app.toggle(SHADING)
    app.tab("Gabungan")
    before = filters_of_wilayah(app)
    link = app.page.url

    other = open_app(link, viewport)
    assert filters_of_wilayah(other) == before
    assert other.page.url == link


def test_a_bad_link_value_is_named_on_its_page_and_no_other(open_app):
    """/data?dataset=hack&ukuran=zzz named the values on Wilayah, not on Data."""
    app = open_app("/data?dataset=hack&ukuran=zzz")
    said = "\n".join(app.alerts())
    assert "dataset" in said and "hack" in said and "ukuran" in said and "zzz" in said
    assert app.selectbox_value("Himpunan data") == "Angka yang dilaporkan"  # the default
    for title in ("Wilayah", "Ringkasan", "Data"):
        app.go(title)
        assert not [a for a in app.alerts() if "hack" in a or "zzz" in a], title


@pytest.mark.parametrize("path", ["/?lang=xx", "/?wilayah=zzz", "/sumber_metode?contoh=zz"])
def test_a_bad_link_value_on_any_page_is_named(open_app, path):
    """Ringkasan and Sumber & Metode have no notice place of their own: the language, the
    sidebar's demo switch and Ringkasan's chart area were replaced in silence."""
    key, value = path.split("?")[1].split("=")
    app = open_app(path)
    said = "\n".join(app.alerts())
    assert key in said and value in said, said
