"""The badge "data contoh — sintetis" stands exactly where synthetic figures are shown on Wilayah:
in the tab that shows them, and not in a tab of real figures only.

What each view holds, from data/raw: the default view (Banten's kabupaten/kota) ranks and maps
each area's latest real report (kabkota_labour.csv: Kab. Serang 15.985, Kab. Tangerang 14.910,
Kota Tangerang 6.023, Kota Tangerang Selatan 1.582), while its charts over time carry Kota
Tangerang on past its last report with the sum of its kecamatan, which are demo data
(raw/demo/kecamatan_labour_monthly.csv); at the kecamatan level every figure is demo data."""

import pytest

BADGE = "data contoh — sintetis"  # ui/locale/id: badge.synthetic (charts write it in capitals)


def badges_in(app, tab: str) -> int:
    app.tab(tab)
    return app.text().count(BADGE)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        # real reports only on the map and the ranking, demo months in the charts over time
        ("/wilayah", {"Peta": 0, "Peringkat": 0, "Per wilayah": 1, "Gabungan": 1}),
        # every kecamatan figure is demo data: every tab that shows one has the badge
        ("/wilayah?level=district", {"Peta": 1, "Peringkat": 1, "Per wilayah": 1, "Gabungan": 1}),
        # demo data switched off: nothing synthetic anywhere, no badge
        ("/wilayah?contoh=0", {"Peta": 0, "Peringkat": 0, "Per wilayah": 0, "Gabungan": 0}),
    ],
)
def test_the_badge_stands_where_synthetic_figures_are(open_app, path, expected):
    app = open_app(path)
    seen = {tab: badges_in(app, tab) for tab in expected}
    app.screenshot("badge" + path)
    assert seen == expected


@pytest.mark.parametrize(
    ("path", "said"),
    [
        # every kecamatan figure is demo data (raw/demo/kecamatan_labour_monthly.csv): with the
        # demo switch off there is nothing to show, and the page says why and how to see them
        ("/wilayah?level=district&contoh=0", "data contoh disembunyikan"),
        # Dampak vs Adopsi compares kecamatan (demo series and the demo register) the same way
        ("/dampak_adopsi?contoh=0", "data contoh disembunyikan"),
    ],
)
def test_a_view_emptied_by_the_demo_switch_says_so(open_app, path, said):
    """A planner who switched demo data off and sees no figure is told it is the switch, not a
    missing report: "Tidak ada angka untuk pilihan ini" alone sent them looking elsewhere."""
    app = open_app(path)
    assert said in app.text()
    assert app.failures() == []
