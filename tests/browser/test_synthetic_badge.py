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
