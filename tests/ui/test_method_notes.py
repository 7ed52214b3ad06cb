"""The method notes on Sumber & Metode say the same in English as in Indonesian: the English was a
shorter summary (6 sections against 9, no worked example of a combined measure), so an English
reader learnt less about how the figures were made.

Expected values are read by hand from the Indonesian notes (ui/locale/id, doc.metode): nine
sections; the worked examples Banten 20 Mei 2020, 17.298 + 27.569 = 44.867, ANTARA's 6.023 PHK =
Kompas 5 Mei 2020, the Kemendagri list's 38 provinces, 8 kabupaten/kota and 13 kecamatan, about
30 % of Kota Tangerang's workers living in the city, about 14,7 ribu businesses in the register;
written in English with English separators (17,298; 14.7)."""

from ui import i18n

VALUES = {"max_carry": 12, "conflict_days": 7, "total_days": 30, "threshold": 5}


def notes(language: str) -> str:
    return i18n._catalog(language).gettext("doc.metode").format(**VALUES)


def test_english_notes_have_every_section_of_the_indonesian():
    indonesian, english = notes("id"), notes("en")
    assert indonesian.count("#### ") == 9
    assert english.count("#### ") == 9
    # the same bullets: four in "Angka per tanggal"
    assert english.count("\n- ") == indonesian.count("\n- ") == 4


def test_english_notes_hold_the_worked_examples():
    english = notes("en")
    for example in (
        "20 May 2020: 17,298 + 27,569 = 44,867",
        "6,023",
        "5 May 2020",
        "38 provinces",
        "13 districts",
        "30 %",
        "14.7 thousand",
        "1,129 + 456 = 1,585",
    ):
        assert example in english, example
