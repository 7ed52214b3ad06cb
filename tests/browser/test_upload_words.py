"""Unggah data in the reader's language and at a phone's width: what the check says about a file
(the headers a person would write, never the warehouse's own column names or a server file), the
date field's hint, the uploader's accessible name, and the rejects' reasons within the screen.

The page writes only when a file is added; these tests add nothing, and run on the upload tests'
own server over a copy of data/ (tests/browser/test_upload.py)."""

import pytest

from tests.browser import test_upload as uploading
from tests.browser.dashboard import VIEWPORTS
from tests.browser.test_upload import FIGURES, choose_file

# the upload tests' fixtures, by their names (a second server of this module's own)
writable = uploading.writable
upload_server = uploading.upload_server
open_upload = uploading.open_upload

# a figures file without its figure column: Kecamatan, Tanggal and Ukuran name area_code,
# ref_date and metric (data/aliases/columns.csv); value, headed Nilai, Jumlah or Angka, is missing
NO_VALUE = "Kecamatan,Tanggal,Ukuran\nKarawaci,2020-05-31,phk\n"


def reasons_of(app) -> list[str]:
    """The rejects table's reasons (its column "Alasan"/"Reason"): a plain table, in the
    container keyed upload_rejects (pages/unggah.py)."""
    table = app.page.locator(".st-key-upload_rejects table")
    headers = [h.strip() for h in table.locator("thead th").all_inner_texts()]
    column = headers.index("Alasan")
    return [
        [c.strip() for c in row.locator("td").all_inner_texts()][column]
        for row in table.locator("tbody tr").all()
    ]


def test_a_missing_column_is_named_by_the_headers_a_person_writes(open_upload, tmp_path):
    path = tmp_path / "tanpa_nilai.csv"
    path.write_text(NO_VALUE, encoding="utf-8")
    app = open_upload("/unggah")
    choose_file(app, path, FIGURES)
    said = reasons_of(app)
    # the Indonesian template of MISSING_COLUMNS, with the aliases of value as headers, joined
    # by the catalog's " atau "
    assert said[0] == (
        "kolom tidak ada: Nilai atau Jumlah atau Angka; tambahkan kolom dengan judul itu lalu muat "
        "berkasnya lagi; tidak ada baris berkas ini yang dimuat"
    ), said
    assert not [s for s in said if "value" in s or "data/aliases" in s], said


# what the date field's empty segments show: Streamlit draws react-aria's English "dd", "mm",
# "yyyy" whatever the page's language
SEGMENTS = '[data-testid="stDateInput"] [role="spinbutton"][data-placeholder="true"]'
SHOWN = "e => [getComputedStyle(e).fontSize, getComputedStyle(e, '::after').content]"


@pytest.mark.parametrize(
    ("path", "kind", "hint"),
    [
        # the Indonesian catalog's upload.date.day/month/year: hari, bulan, tahun
        ("/unggah", FIGURES, ['"hh"', '"bb"', '"tttt"']),
        ("/unggah?lang=en", "Figures per area and date (one figure per row)",
         ['"dd"', '"mm"', '"yyyy"']),
    ],
)  # fmt: skip
def test_the_date_field_hints_its_format_in_the_readers_language(open_upload, path, kind, hint):
    app = open_upload(path)
    box = "Jenis berkas" if "lang" not in path else "Kind of file"
    choose_file(app, uploading.AGENCY / "bad_numbers.csv", kind, box)
    segments = app.page.locator(SEGMENTS)
    assert segments.count() == 3
    drawn = [segments.nth(i).evaluate(SHOWN) for i in range(3)]
    # react-aria's own letters drawn at size 0, the reader's in their place
    assert [d[1] for d in drawn] == hint, drawn
    assert {d[0] for d in drawn} == {"0px"}, drawn
    app.page.locator('[data-testid="stDateInput"]').first.scroll_into_view_if_needed()
    app.screenshot("unggah-date-hint" + ("-en" if "lang" in path else ""))


@pytest.mark.parametrize(
    ("path", "name"), [("/unggah", "Pilih berkas"), ("/unggah?lang=en", "Choose file")]
)
def test_the_upload_button_is_named_in_the_readers_language(open_upload, path, name):
    """What a screen reader says for the button (its accessible name), not Streamlit's "Upload"
    drawn at size 0 (the catalog's upload.button)."""
    app = open_upload(path)
    dropzone = app.page.locator('[data-testid="stFileUploaderDropzone"]')
    # the visible button and the hidden file input behind it (Streamlit's "file upload")
    buttons = dropzone.get_by_role("button")
    names = [buttons.nth(i).evaluate("e => e.getAttribute('aria-label')") for i in range(2)]
    assert names == [name, name], names
    assert dropzone.get_by_role("button", name=name, exact=True).count() == 2
    for english in ("Upload", "file upload", "UploadPilih berkas"):
        assert dropzone.get_by_role("button", name=english, exact=True).count() == 0


PHONE_WIDTH = VIEWPORTS["phone"]["width"]


def test_the_rejects_reason_is_within_a_phones_screen(open_upload):
    # bad_numbers.csv line 2 holds "12a": the Indonesian NOT_NUMBER reason begins "'12a' bukan
    # angka" (tests/browser/test_reasons.py worked out the file's rejects)
    app = open_upload("/unggah", "phone")
    choose_file(app, uploading.AGENCY / "bad_numbers.csv", FIGURES)
    box = app.text_box("'12a' bukan angka", "unggah-rejects-phone")
    assert box["left"] >= 0 and box["right"] <= PHONE_WIDTH and not box["cut"], box


# what the check says of a heading it does not know (unknown_column.csv: "Sumber Data Internal")
# and of a measure it does not know (bad_numbers.csv line 5: "Pekerja Hilang"): a steward at a
# browser cannot open the server's files, so the page tells them what to do in their own terms
SUMMARY = "Tabel rekap (wilayah per baris, ukuran per kolom)"
SERVER_FILES = ("columns.csv", "metrics.csv", "data/aliases", "data/raw")


def test_an_unknown_heading_says_what_a_steward_can_do(open_upload):
    app = open_upload("/unggah")
    choose_file(app, uploading.AGENCY / "unknown_column.csv", SUMMARY)
    warning = next(a for a in app.alerts() if "Sumber Data Internal" in a)
    assert not [f for f in SERVER_FILES if f in warning], warning
    # the two ways out: a heading the page lists, or an alias the data team adds
    assert "Judul kolom yang dibaca" in warning and "tim data" in warning, warning
    # and the page does list the headings it reads for this kind: the figure columns' names
    # and the area's (data/aliases/columns.csv: Kecamatan names area_code at district level)
    app.page.get_by_text("Judul kolom yang dibaca", exact=True).click()
    listed = app.text(".st-key-upload_headings")
    assert "kecamatan" in listed and "phk" in listed, listed


def test_an_unknown_measure_says_what_a_steward_can_do(open_upload):
    app = open_upload("/unggah")
    choose_file(app, uploading.AGENCY / "bad_numbers.csv", FIGURES)
    said = [r for r in reasons_of(app) if "Pekerja Hilang" in r]
    assert len(said) == 1, reasons_of(app)
    assert not [f for f in SERVER_FILES if f in said[0]], said
    assert "tim data" in said[0] and "phk" in said[0], said


# the calendar a date field opens: its names (aria-label) and its text, where a screen reader
# reads "Choose date, November 2026" before the days
CALENDAR = """e => [e.innerText, ...[...e.querySelectorAll('[aria-label]')]
                     .map(x => x.getAttribute('aria-label'))]"""


@pytest.mark.parametrize(
    ("path", "kind", "wanted", "unwanted"),
    [
        ("/unggah", FIGURES, "Pilih tanggal, ", "Choose"),
        ("/unggah?lang=en", "Figures per area and date (one figure per row)", "Choose date, ",
         "Pilih"),
    ],
)  # fmt: skip
def test_the_calendar_is_named_in_the_readers_language(open_upload, path, kind, wanted, unwanted):
    """react-aria writes the calendar's months and days in the page's language (from <html
    lang>: "Minggu, 1 November 2026"), but named the calendar itself in English ("Choose date,
    November 2026") on an Indonesian page."""
    app = open_upload(path)
    box = "Jenis berkas" if "lang" not in path else "Kind of file"
    choose_file(app, uploading.AGENCY / "bad_numbers.csv", kind, box)
    field = app.page.locator('[data-testid="stDateInput"]').first
    field.scroll_into_view_if_needed()
    field.locator("button").last.click()
    calendar = app.page.locator('[role="application"]').last
    calendar.wait_for()
    # the renaming script runs as the calendar is drawn: waited for (10 s at most, then read as
    # it is and the assertions say what it reads)
    calendar.evaluate(
        f"async e => {{ for (let i = 0; i < 100; i++) {{"
        f"  if (({CALENDAR})(e).some(s => s && s.startsWith({wanted!r}))) return;"
        f"  await new Promise(r => setTimeout(r, 100)); }} }}"
    )
    said = calendar.evaluate(CALENDAR)
    assert any(s.startswith(wanted) for s in said), said
    assert not [s for s in said if unwanted in s], said
