"""Unggah data in the browser: a steward chooses a file, sees what the check finds before anything
is written, names its source and adds it; the dashboard then shows its figures.

The page writes: these tests run a server of their own over a copy of data/ (PULIH_DATA) and a
warehouse built from it, never the session's, so the shipped data and the other browser tests
are untouched.
"""

import hashlib
import json
import re
import shutil

import duckdb
import pytest

from etl import lock
from etl.build import build
from tests.browser.conftest import _opener, _serve
from tests.conftest import DATA, PROJECT, entry

AGENCY = PROJECT / "tests" / "fixtures" / "agency"
# the owners' names, NIKs, phone numbers, streets and e-mails of register_pii.csv (its first rows)
PERSONAL = ("Siti Aminah", "Budi Santoso", "3671045505800001", "081234567890", "Jl. Melati",
            "siti@contoh.id")  # fmt: skip


@pytest.fixture(scope="module")
def writable(tmp_path_factory):
    root = tmp_path_factory.mktemp("upload")
    data = root / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("*.duckdb*", "national"))
    warehouse = root / "pulih.duckdb"
    build(data, warehouse)
    return data, warehouse


@pytest.fixture(scope="module")
def upload_server(chromium, writable, tmp_path_factory):
    data, warehouse = writable
    log = warehouse.with_name("audit.jsonl")
    yield from _serve(warehouse, tmp_path_factory, data=data, env={"PULIH_AUDIT_LOG": str(log)})


def audit_events(warehouse) -> list[dict]:
    log = warehouse.with_name("audit.jsonl")
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def open_upload(browser, upload_server):
    yield from _opener(browser, upload_server)


FIGURES = "Angka per wilayah dan tanggal (satu angka per baris)"  # the kind chosen at first


def choose_file(app, path, kind_label: str, kind_box: str = "Jenis berkas") -> None:
    if app.selectbox_value(kind_box) != kind_label:  # choosing the shown one runs nothing
        app.choose(kind_box, kind_label)
    # as a person does: the uploader's button opens the browser's file chooser. (A file set
    # straight on the hidden input at times started no run, when the input was drawn anew just
    # then; a person would choose the file again, and so does the test, once.)
    button = app.page.locator('[data-testid="stFileUploaderDropzone"] button').first
    for attempt in range(2):
        before = app.runs()
        with app.page.expect_file_chooser() as chooser:
            button.click()
        chooser.value.set_files(str(path))
        try:
            app.wait(after_runs=before, timeout=30)
            return
        except Exception:
            if attempt:
                raise


def fill_source(app, publisher="Disnaker Kota Tangerang", url="https://example.org/rekap-phk",
                date="21/05/2020") -> None:  # fmt: skip
    app.page.get_by_label("Penerbit (mis. Disnaker Kota Tangerang)").fill(publisher)
    app.page.get_by_label("URL tempat angka diterbitkan").fill(url)
    # the date field is typed into as a person does: day, month, year (its segments move on)
    app.page.get_by_role("spinbutton", name="day, Tanggal terbit").click()
    app.page.keyboard.type(date.replace("/", ""))


def accept_rejects(app) -> None:
    """Tick "add although some rows are rejected" (a form's checkbox: no run until submitted)."""
    # the box itself: after a refused add, the error names the same words
    app.page.locator('[data-testid="stCheckbox"]', has_text="Tambahkan walau ada").click()


def press_add(app) -> None:
    app.act(app.page.get_by_role("button", name="Tambahkan").click, timeout=120)


def manifest_ids(data) -> str:
    return (data / "sources.toml").read_text(encoding="utf-8")


def test_a_messy_file_shows_its_rejects_before_anything_is_written(open_upload, writable):
    data, warehouse = writable
    before = manifest_ids(data), warehouse.stat().st_mtime_ns
    app = open_upload("/unggah")
    choose_file(
        app, AGENCY / "bad_numbers.csv", "Angka per wilayah dan tanggal (satu angka per baris)"
    )
    text = app.text()
    # bad_numbers.csv: "12a" on line 2 is not a number, "<5" on line 3 is refused as a small
    # cell written as a bound; the check names each line (worked out from the file by hand)
    assert "Baris dibaca" in text and "Baris akan ditolak" in text
    # the plain table of the check's rejects (pages/unggah.py): line, reason, column, cell
    table = app.page.locator(".st-key-upload_rejects table tbody tr")
    cells = [[c.strip() for c in row.locator("td").all_inner_texts()] for row in table.all()]
    lines = [row[0] for row in cells]
    assert "2" in lines and "12a" in [row[3] for row in cells], cells
    app.screenshot("unggah-check")
    # nothing written: the manifest and the warehouse are as they were
    assert (manifest_ids(data), warehouse.stat().st_mtime_ns) == before
    # and "Tambahkan" without ticking "add although rejected" adds nothing
    fill_source(app)
    press_add(app)
    assert any("Ada baris yang ditolak" in a for a in app.alerts()), app.alerts()
    assert (manifest_ids(data), warehouse.stat().st_mtime_ns) == before
    # ticked, the rows that load are added, and the log has the file with its rejected rows
    accept_rejects(app)
    press_add(app)
    assert any("ditambahkan sebagai" in a for a in app.alerts()), app.alerts()
    added = [e for e in audit_events(warehouse) if e.get("file") == "bad_numbers.csv"]
    assert [(e["event"], e["rows_read"], e["rows_loaded"], e["rows_rejected"]) for e in added] == [
        ("add", 4, 1, 3)  # the check's figures above: 4 read, 1 loads, 3 rejected
    ]


def files_counted(app) -> int:
    """Sumber & Metode's "N sumber, M berkas": M, the files the warehouse was built from."""
    found = re.search(r"(\d+) berkas", app.text())
    assert found, app.text()[:500]
    return int(found.group(1))


def test_a_steward_adds_a_workbook_and_the_dashboard_shows_it(open_upload, writable):
    data, warehouse = writable
    files_before = files_counted(open_upload("/sumber_metode"))
    app = open_upload("/unggah")
    choose_file(
        app, AGENCY / "wide_title_block.xlsx", "Tabel rekap (wilayah per baris, ukuran per kolom)"
    )
    assert "Tidak ada baris yang ditolak" in app.text()
    fill_source(app)
    press_add(app)
    assert any("ditambahkan sebagai '2020_05_21_wide_title_block'" in a for a in app.alerts()), (
        app.alerts()
    )
    assert 'id = "2020_05_21_wide_title_block"' in manifest_ids(data)
    # the audit log has the add: the file's name, checksum and rows, by the server's local user
    # (no sign-in configured here): the workbook's 13 kecamatan rows (Tangerang … Larangan, under
    # a 3-row title block; its "Jumlah" row is the check total, not data) read and loaded
    added = [e for e in audit_events(warehouse) if e.get("file") == "wide_title_block.xlsx"]
    assert [(e["file"], e["rows_read"], e["rows_loaded"], e["rows_rejected"]) for e in added] == [
        ("wide_title_block.xlsx", 13, 13, 0)
    ], added
    assert added[0]["actor"].startswith("lokal:") and len(added[0]["sha256"]) == 64
    # the workbook's Karawaci (36.71.01) PHK cell reads 100 (tests/etl/test_add.py)
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        held = con.execute(
            "select value from observation o join source s using (source_id) "
            "where s.file_id = '2020_05_21_wide_title_block' and region_code = '36.71.01' "
            "and metric = 'phk'"
        ).fetchall()
    finally:
        con.close()
    assert held == [(100.0,)]
    # the dashboard reads the new warehouse on its next run: Sumber & Metode counts one file more
    app.go("Sumber & Metode")
    assert files_counted(app) == files_before + 1


def test_a_register_with_personal_columns_is_added_screened(open_upload, writable):
    data, warehouse = writable
    app = open_upload("/unggah")
    choose_file(app, AGENCY / "register_pii.csv", "Daftar UMKM (register)")
    shown = app.text()
    for personal in PERSONAL:
        assert personal not in shown
    fill_source(app, url="https://example.org/register-umkm")
    accept_rejects(app)
    press_add(app)
    assert any("ditambahkan sebagai" in a for a in app.alerts()), app.alerts()
    copies = list((data / "raw" / "agency").glob("*register_pii*.csv"))
    assert len(copies) == 1
    kept = copies[0].read_text(encoding="utf-8")
    for personal in PERSONAL:
        assert personal not in kept, personal
        assert personal not in app.text()
    log = warehouse.with_name("audit.jsonl").read_text(encoding="utf-8")
    assert "register_pii.csv" in log  # the add is logged, and nothing personal with it
    for personal in PERSONAL:
        assert personal not in log, personal


# A name typed where a register's date or scale belongs: the check's rejects, on screen before
# anything is written, name the line and the column but never the cell.
NAMES_WHERE_DATES_BELONG = """\
ID UMKM,Kecamatan,Sektor,Skala,Tanggal Daftar,Tanggal Onboarding,Platform
D-01,Karawaci,kuliner,Mikro,Budi Hartono,,
D-02,Karawaci,kuliner,Ibu Sri Rahayu,2019-03-01,,
D-03,Karawaci,kuliner,Mikro,2019-03-01,,
"""


def test_a_name_in_a_register_date_or_scale_is_not_shown_in_the_check(open_upload, tmp_path):
    path = tmp_path / "register_nama.csv"
    path.write_text(NAMES_WHERE_DATES_BELONG, encoding="utf-8")
    app = open_upload("/unggah")
    choose_file(app, path, "Daftar UMKM (register)")
    table = app.page.locator(".st-key-upload_rejects table tbody tr")
    cells = [[c.strip() for c in row.locator("td").all_inner_texts()] for row in table.all()]
    # lines 2 and 3 (the header is line 1) rejected, their cells masked; line 4 loads
    assert [(row[0], row[3]) for row in cells] == [("2", "[disamarkan]"), ("3", "[disamarkan]")]
    text = app.text()
    assert "Budi Hartono" not in text and "Sri Rahayu" not in text
    app.screenshot("unggah-register-nama")


def test_a_second_writer_is_told_and_nothing_changes(open_upload, writable):
    data, warehouse = writable
    app = open_upload("/unggah")
    choose_file(app, AGENCY / "bad_numbers.csv", FIGURES)
    fill_source(app, url="https://example.org/kebijakan")
    accept_rejects(app)  # bad_numbers.csv has three rows the check rejects
    before = manifest_ids(data), warehouse.stat().st_mtime_ns
    with lock.hold(warehouse, "etl build"):  # another steward's rebuild is running
        press_add(app)
    assert any("Pengelola lain sedang menambahkan" in a for a in app.alerts()), app.alerts()
    assert (manifest_ids(data), warehouse.stat().st_mtime_ns) == before


@pytest.mark.parametrize(
    ("name", "body", "said"),
    [
        ("rekap.csv", (AGENCY / "wide_title_block.xlsx").read_bytes(), "isinya arsip ZIP"),
        ("rekap.csv", (AGENCY / "binary.csv").read_bytes(), "bukan berkas teks"),
        ("rekap.xlsx", b"Wilayah,PHK\nKarawaci,3\n", "bukan buku kerja Excel"),
    ],
)
def test_a_file_that_is_not_what_its_name_says_is_refused(open_upload, tmp_path, name, body, said):
    path = tmp_path / name
    path.write_bytes(body)
    app = open_upload("/unggah")
    choose_file(app, path, "Angka per wilayah dan tanggal (satu angka per baris)")
    assert any(said in a for a in app.alerts()), app.alerts()
    assert "Hasil pemeriksaan" not in app.text()


@pytest.mark.parametrize(
    ("path", "kind_box", "kind", "said", "not_said"),
    [
        (
            "/unggah",
            "Jenis berkas",
            FIGURES,
            # the template of warehouse/reasons.py NO_HEADER in the Indonesian catalog, with the
            # file's name and the 30 rows of etl/columns.py HEADER_SEARCH_ROWS written in
            "Berkas tidak dapat dibaca: no_header.csv: tidak ada baris judul kolom di 30 baris "
            "pertama",
            "no header row",
        ),
        (
            "/unggah?lang=en",
            "Kind of file",
            "Figures per area and date (one figure per row)",
            # the same template: its English, as `python -m etl check` prints it
            "The file cannot be read: no_header.csv: no header row in the first 30 rows: a header "
            "names the columns (e.g. Kecamatan, Tanggal, PHK)",
            "baris judul",
        ),
    ],
    ids=["id", "en"],
)
@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_a_file_that_cannot_be_read_says_why_in_the_readers_language(
    open_upload, path, kind_box, kind, said, not_said, viewport
):
    # no_header.csv is text (the upload takes it) with no row that names a column: the check
    # cannot read it at all, and says why
    app = open_upload(path, viewport)
    choose_file(app, AGENCY / "no_header.csv", kind, kind_box)
    alerts = app.alerts()
    assert any(said in a for a in alerts), alerts
    assert not any(not_said in a for a in alerts), alerts
    app.screenshot("unggah-unreadable" + ("-en" if "lang" in path else ""))


@pytest.mark.parametrize(
    ("path", "button", "limits", "english"),
    [
        ("/unggah", "Pilih berkas", "CSV atau XLSX, paling besar 50 MB", ("per file",)),
        ("/unggah?lang=en", "Choose file", "CSV or XLSX, at most 50 MB", ()),
    ],
)
@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_the_uploader_speaks_the_readers_language(open_upload, path, button, limits, english,
                                                  viewport):  # fmt: skip
    # Streamlit draws "Upload" and "50MB per file • CSV, XLSX" whatever the language; 50 MB is
    # server.maxUploadSize in .streamlit/config.toml
    app = open_upload(path, viewport)
    after = "e => [getComputedStyle(e, '::after').content, getComputedStyle(e).visibility]"
    size = "e => getComputedStyle(e).fontSize"
    word = '[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p'
    # the button's own word is drawn at size 0, the reader's after it (it stays the button's name
    # for a screen reader: axe asks every button for one)
    assert app.page.locator(word).evaluate(after)[0] == f'"{button}"'
    assert app.page.locator(word).evaluate(size) == "0px"
    line = '[data-testid="stFileUploaderDropzoneInstructions"] span'
    assert app.page.locator(line).evaluate(after) == [f'"{limits}"', "hidden"]
    shown = app.text()
    for word in english:
        assert word not in shown
    app.screenshot("unggah-uploader" + ("-en" if "lang" in path else ""))


def test_a_steward_rebuilds_and_the_log_says_who(open_upload, writable):
    data, warehouse = writable
    before = warehouse.stat().st_ino, warehouse.stat().st_mtime_ns
    app = open_upload("/unggah")
    app.act(app.page.get_by_role("button", name="Bangun ulang").click, timeout=120)
    said = [a for a in app.alerts() if "Gudang data dibangun ulang" in a]
    # every [[file]] of the manifest (the shipped ones and any this module's tests added) is read
    files = len(re.findall(r"^\[\[file\]\]$", manifest_ids(data), re.M))  # not the comment's
    assert said and f"{files} berkas" in said[0], app.alerts()
    assert (warehouse.stat().st_ino, warehouse.stat().st_mtime_ns) != before  # a new file
    rebuilt = [e for e in audit_events(warehouse) if e["event"] == "rebuild"]
    assert [(e["files"], e["actor"].split(":")[0]) for e in rebuilt] == [(files, "lokal")]


def test_a_rebuild_while_another_writer_works_is_told_and_changes_nothing(open_upload, writable):
    _, warehouse = writable
    app = open_upload("/unggah")
    before = warehouse.stat().st_ino, warehouse.stat().st_mtime_ns
    with lock.hold(warehouse, "etl add"):
        app.act(app.page.get_by_role("button", name="Bangun ulang").click, timeout=120)
    assert any("Pengelola lain sedang menambahkan" in a for a in app.alerts()), app.alerts()
    assert (warehouse.stat().st_ino, warehouse.stat().st_mtime_ns) == before


def test_a_rebuild_that_cannot_read_a_file_says_why_in_the_readers_language(open_upload, writable):
    data, warehouse = writable
    manifest = data / "sources.toml"
    listed = manifest.read_bytes()
    before = warehouse.stat().st_ino, warehouse.stat().st_mtime_ns
    # a file put in data/ by hand and listed in the manifest, which names no column
    (data / "raw" / "agency").mkdir(exist_ok=True)
    (data / "raw" / "agency" / "catatan.csv").write_bytes((AGENCY / "no_header.csv").read_bytes())
    manifest.write_bytes(
        listed + entry("catatan_rapat", "raw/agency/catatan.csv", "observations").encode()
    )
    try:
        app = open_upload("/unggah")
        app.act(app.page.get_by_role("button", name="Bangun ulang").click, timeout=120)
        # upload.rebuild_failed, then the entry's id and the file's reason (NO_HEADER), Indonesian
        said = (
            "Pembangunan gagal; gudang data lama tetap dipakai: catatan_rapat: catatan.csv: tidak "
            "ada baris judul kolom di 30 baris pertama"
        )
        assert any(said in a for a in app.alerts()), app.alerts()
        assert not any("no header row" in a for a in app.alerts()), app.alerts()
        app.screenshot("unggah-rebuild-failed")
        assert (warehouse.stat().st_ino, warehouse.stat().st_mtime_ns) == before  # kept
    finally:
        manifest.write_bytes(listed)
        (data / "raw" / "agency" / "catatan.csv").unlink()


# a small file of its own (no other test adds this content): two kecamatan's PHK at end of June
JUNE = "Wilayah,Tanggal,Ukuran,Jumlah\nKarawaci,2020-06-30,PHK,41\nCibodas,2020-06-30,PHK,17\n"


def test_a_steward_removes_an_added_file_after_confirming(open_upload, writable, tmp_path):
    data, warehouse = writable
    path = tmp_path / "rekap_juni.csv"
    path.write_text(JUNE, encoding="utf-8")
    app = open_upload("/unggah")
    choose_file(app, path, FIGURES)
    fill_source(app, url="https://example.org/rekap-juni", date="01/07/2020")
    press_add(app)
    assert any("ditambahkan sebagai '2020_07_01_rekap_juni'" in a for a in app.alerts())
    assert (data / "raw" / "agency" / "2020_07_01_rekap_juni.csv").exists()
    # the section lists it (the shipped files are not listed, and the page says so)
    app.open("/unggah")
    app.screenshot("unggah-files")
    assert "Berkas bawaan proyek tidak dapat dihapus di sini" in app.text()
    card = app.page.locator('[data-testid="stLayoutWrapper"]', has_text="2020_07_01_rekap_juni")
    # its id, publisher, date and rows (the file's 2 rows: both load)
    assert "2 baris dimuat, 0 ditolak" in app.text_of(card.last)
    assert "banten_province_labour" not in app.text()  # a shipped file is not listed
    # "Hapus" asks first; nothing is written until "Ya, hapus"
    app.act(card.last.get_by_role("button", name="Hapus").click)
    assert any("Hapus rekap_juni.csv?" in a for a in app.alerts()), app.alerts()
    assert 'id = "2020_07_01_rekap_juni"' in manifest_ids(data)
    app.screenshot("unggah-remove-confirm")
    app.act(app.page.get_by_role("button", name="Ya, hapus").click, timeout=120)
    assert any("dihapus" in a for a in app.alerts()), app.alerts()
    assert 'id = "2020_07_01_rekap_juni"' not in manifest_ids(data)
    assert not (data / "raw" / "agency" / "2020_07_01_rekap_juni.csv").exists()
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        held = con.execute(
            "select count(*) from source_file where file_id = '2020_07_01_rekap_juni'"
        ).fetchone()
    finally:
        con.close()
    assert held == (0,)
    # the log has both, the same file (its checksum) and the 2 rows it had: 2 read, 2 loaded
    events = [e for e in audit_events(warehouse) if e.get("file_id") == "2020_07_01_rekap_juni"]
    checksum = hashlib.sha256(JUNE.encode("utf-8")).hexdigest()
    assert [(e["event"], e["sha256"]) for e in events] == [("add", checksum), ("remove", checksum)]
    assert (events[1]["rows_read"], events[1]["rows_loaded"], events[1]["rows_rejected"]) == (
        2, 2, 0
    )  # fmt: skip
    assert events[1]["actor"].startswith("lokal:")
    app.open("/unggah")
    assert "rekap_juni" not in app.text()
