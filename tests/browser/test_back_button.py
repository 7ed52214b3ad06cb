"""The browser's Back button: one step back is the page the reader came from, with its filters.

Streamlit writes the filters a run publishes (st.query_params) as a new history entry when they
differ from the URL; a page opened without them in its link (a sidebar click, st.switch_page)
then had two entries, the bare page and the page with its filters, and Back only went from the
second to the first: the URL stayed on the page just opened.
"""


def back(app) -> None:
    """Press the browser's Back and wait for the run it starts."""
    app.act(app.page.go_back)


def test_back_after_the_conflict_link_returns_to_ringkasan(open_app):
    """Ringkasan's 'Laporan berbeda' opens Wilayah on the reports that disagree; Back stayed on
    Wilayah. The expected page is the one the click started from: Ringkasan, the bare URL."""
    app = open_app("/")
    before = app.runs()
    app.page.get_by_role("button", name="Laporan berbeda — lihat perbandingan").first.click()
    # the click's run switches page in a second run: wait for Wilayah's address, then its run
    app.page.wait_for_url(lambda url: "tab=conflicts" in url, timeout=60_000)
    app.wait(after_runs=before)
    assert app.path == "/wilayah" and app.param("tab") == "conflicts", app.page.url
    back(app)
    # Ringkasan's own address: no filter of Wilayah's written onto it on the way out
    assert app.path == "/" and app.query == {}, app.page.url
    assert app.title() == "Ringkasan"


def test_back_through_the_sidebar_returns_page_by_page_with_filters(open_app):
    """Ringkasan -> Wilayah (a mode chosen) -> Data, then Back twice: Wilayah with the mode it
    had (per_1000 in the link and on screen), then Ringkasan."""
    app = open_app("/")
    app.go("Wilayah")
    app.choose("Tampilan angka", "Per 1.000 penduduk (SP2020)")
    app.go("Data")
    assert app.path == "/data"
    assert app.page.evaluate("history.length") == 4  # the blank tab, Ringkasan, Wilayah, Data
    back(app)
    assert app.path == "/wilayah", app.page.url
    assert app.param("mode") == "per_1000", app.page.url
    assert app.selectbox_value("Tampilan angka") == "Per 1.000 penduduk (SP2020)"
    back(app)
    assert app.path == "/", app.page.url
