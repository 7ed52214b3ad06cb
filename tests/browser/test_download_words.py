"""A download's metadata sheet speaks the reader's language: the filters behind the file by their
names (areas by name, the measure by its label, the mode and level by the page's own words,
months as words), not the codes of the URL; and the `note` column, which the data files write in
their own words, is said to be as written."""

import io

import openpyxl

# Wilayah, the kabupaten/kota of Banten, Kota Tangerang (36.71) per 1.000 residents, as a ranking
VIEW = "/wilayah?level=regency&areas_regency=36.71&mode=per_1000&tab=ranking"


def metadata(app) -> dict[str, str]:
    """The Excel file's metadata sheet of the first "Unduh data" under the page: field -> value."""
    files = app.download_all(app.popovers()[0])
    workbook = next(f for f in files if f.name.endswith(".xlsx"))
    sheet = openpyxl.load_workbook(io.BytesIO(workbook.content))["metadata"]
    rows = [(r[0].value, r[1].value) for r in sheet.iter_rows(min_row=2)]
    return {str(k): str(v) for k, v in rows}


def filters(meta: dict[str, str]) -> dict[str, str]:
    return {k.split(": ", 1)[1]: v for k, v in meta.items() if k.startswith("filter: ")}


def test_the_filters_are_words_of_the_indonesian_page(open_app):
    # the Indonesian catalog: meta.* for the names, level.regency, mode.per_1000, and the
    # measure's label_id in data/raw/metrics.csv (PHK, the page's default); 36 is Provinsi
    # Banten, 36.71 Kota Tangerang (data/raw/regions_banten.csv); the URL's period is the whole
    # horizon, so its months are read back from the sheet and only their form is checked
    found = filters(metadata(open_app(VIEW)))
    assert found["tingkat"] == "Kabupaten/Kota"
    assert found["induk wilayah"] == "Provinsi Banten"
    assert found["wilayah"] == "Kota Tangerang"
    assert found["ukuran"] == "PHK"
    assert found["tampilan"] == "Per 1.000 penduduk (SP2020)"
    assert found["dari"].endswith("2020") and not found["dari"][:1].isdigit()


def test_the_filters_are_words_of_the_english_page(open_app):
    found = filters(metadata(open_app(VIEW + "&lang=en")))
    assert found["level"] == "Regency/City"
    assert found["areas"] == "Kota Tangerang"
    assert found["measure"] == "Layoffs"
    assert found["mode"] == "Per 1,000 residents (SP2020)"


def test_the_note_column_is_said_to_be_as_written(open_app):
    # Data, Banten's reported figures: data/raw/banten_province_labour.csv has English notes
    meta = metadata(open_app("/data?level=province"))
    assert (
        meta["catatan (note)"] == "apa adanya seperti tertulis di berkas data, tidak diterjemahkan"
    )


def test_the_units_are_words_of_the_page_with_their_codes(open_app):
    # Data, Banten's reported figures (data/raw/banten_province_labour.csv): PHK and dirumahkan
    # in workers, perusahaan tutup in companies (raw/metrics.csv); the data's unit column keeps
    # the codes, so the metadata names both; the Indonesian catalog: unit.companies
    # "perusahaan", unit.workers "pekerja"
    meta = metadata(open_app("/data?level=province"))
    assert meta["satuan (unit)"] == "perusahaan (companies), pekerja (workers)"
