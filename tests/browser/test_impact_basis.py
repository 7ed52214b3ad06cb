"""Dampak vs Adopsi per 1.000 penduduk divides a workplace-basis count (workers of firms in the
kecamatan; data/raw/demo/kecamatan_labour_monthly.csv writes basis 'workplace' on every row) by
the residents: the rate says "basis tempat kerja" wherever it is shown (the scatter's axis, the
table's column, the reading) and the page says why, as Wilayah does. The page wrote "PHK per
1.000 penduduk (puncak)" with no basis anywhere."""

WORKPLACE = "basis tempat kerja"


def test_the_per_1000_impact_names_its_workplace_basis(open_app):
    app = open_app("/dampak_adopsi")  # the default denominator is per 1.000 penduduk
    assert app.failures() == []
    axis = app.figure("impact_chart")["layout"]["xaxis"]["title"]["text"]
    assert WORKPLACE in axis, axis
    headers = app.table_headers(0)  # the table behind the scatter
    assert any(WORKPLACE in h for h in headers), headers
    text = app.text()
    # the reading names the measure it speaks of, and the note says why the basis matters
    reading = text.split("Terlalu sedikit kecamatan")[1]
    assert f"PHK per 1.000 penduduk (puncak; {WORKPLACE})" in reading
    assert "dibagi penduduk, angka ini bukan tingkat per warga" in text
    app.screenshot("dampak_basis")


def test_per_100_umkm_has_no_population_basis_to_name(open_app):
    app = open_app("/dampak_adopsi?dampak=per_100_umkm")
    axis = app.figure("impact_chart")["layout"]["xaxis"]["title"]["text"]
    # a count per 100 registered UMKM divides by no population: no per-resident caveat
    assert "UMKM" in axis and WORKPLACE not in axis, axis
    assert "bukan tingkat per warga" not in app.text()
