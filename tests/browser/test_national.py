"""Every area reachable at national scale, in a real browser: on a national-scale warehouse (a
few whole provinces of the Kemendagri list, synthetic figures; the `national_dashboard` server), a
planner opens the kecamatan of a kabupaten/kota outside Banten with clicks only.

Expected names from data/raw/national/kemendagri_regions.csv: Daerah Istimewa Yogyakarta (34) has
5 kabupaten/kota; Kota Yogyakarta (34.71) has 14 kecamatan."""

LEVEL = "Tingkat wilayah"
KOTA_YOGYAKARTA = [
    "Tegalrejo", "Jetis", "Gondokusuman", "Danurejan", "Gedongtengen", "Ngampilan", "Wirobrajan",
    "Mantrijeron", "Kraton", "Gondomanan", "Pakualaman", "Mergangsan", "Umbulharjo", "Kotagede",
]  # fmt: skip


def test_a_planner_opens_the_kecamatan_of_a_kota_outside_banten_by_clicks(open_national):
    app = open_national("/wilayah")
    assert app.radio_value(LEVEL) == "Kabupaten/Kota"  # Banten's, as the page opens
    app.choose("Provinsi", "Daerah Istimewa Yogyakarta")
    assert app.param("provinsi") == "34"
    # the province's 5 kabupaten/kota, each with its way down
    assert sorted(app.multiselect_values("Wilayah")) == [
        "Kabupaten Bantul", "Kabupaten Gunungkidul", "Kabupaten Kulon Progo", "Kabupaten Sleman",
        "Kota Yogyakarta",
    ]  # fmt: skip
    app.tab("Peringkat")
    button = app.page.get_by_role("button", name="Buka kecamatan Kota Yogyakarta", exact=True)
    app.act(button.click)

    assert app.radio_value(LEVEL) == "Kecamatan"
    assert app.selectbox_value("Provinsi") == "Daerah Istimewa Yogyakarta"
    assert app.selectbox_value("Kabupaten/kota") == "Kota Yogyakarta"
    assert app.param("induk") == "34.71"
    assert sorted(app.multiselect_values("Wilayah")) == sorted(KOTA_YOGYAKARTA)
    app.tab("Peringkat")
    ranked = {row[1] for row in app.table_cells()}
    assert ranked == set(KOTA_YOGYAKARTA)
    assert not app.failures()
    app.screenshot("national_kota_yogyakarta")


def test_the_kabupaten_kota_list_holds_only_the_chosen_province(open_national):
    app = open_national("/wilayah?level=district")
    assert app.selectbox_value("Kabupaten/kota") == "Kota Tangerang"
    app.choose("Provinsi", "Daerah Istimewa Yogyakarta")
    # another province: its first kabupaten/kota (34.01 Kulon Progo), on all 12 of its kecamatan
    assert app.selectbox_value("Kabupaten/kota") == "Kabupaten Kulon Progo"
    assert app.param("induk") == "34.01"
    assert len(app.multiselect_values("Wilayah")) == 12
    box = app.page.get_by_role("combobox", name="Kabupaten/kota", exact=True).first
    box.click()
    options = app.page.get_by_role("option").all_inner_texts()
    app.page.keyboard.press("Escape")
    assert sorted(options) == [
        "Kabupaten Bantul", "Kabupaten Gunungkidul", "Kabupaten Kulon Progo", "Kabupaten Sleman",
        "Kota Yogyakarta",
    ]  # fmt: skip
    assert not app.alerts()
