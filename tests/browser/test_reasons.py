"""Why a row was rejected, and what a load noticed, in the reader's language (issue 10: no English
on the Indonesian UI). The shipped data loads whole, so these tests serve a copy of data/ whose
manifest also lists three messy agency files: rejects made in Python (an observations file, a
wide table) and in DuckDB's SQL (a register), and load notes of both. Signed in as no one with no
sign-in configured, the reader is the trusted local user (pengelola), who sees the staff tables.
"""

import shutil

import pytest

from etl.build import build
from tests.browser.conftest import _opener, _serve
from tests.conftest import DATA, PROJECT

AGENCY = PROJECT / "tests" / "fixtures" / "agency"
# (file, kind) added to the manifest of the copy
MESSY = (
    ("bad_numbers.csv", "observations"),
    ("unknown_area.csv", "observations_wide"),
    ("unknown_column.csv", "observations_wide"),
    ("register_pii.csv", "umkm_register"),
)


@pytest.fixture(scope="module")
def messy_server(chromium, tmp_path_factory):
    root = tmp_path_factory.mktemp("reasons")
    data = root / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("*.duckdb*", "national"))
    (data / "raw" / "agency").mkdir(exist_ok=True)
    entries = []
    for name, kind in MESSY:
        shutil.copy(AGENCY / name, data / "raw" / "agency" / name)
        entries.append(
            f'\n[[file]]\nid = "{name.removesuffix(".csv")}"\npath = "raw/agency/{name}"\n'
            f'kind = "{kind}"\ntitle = "{name}"\npublisher = "Disnaker Kota Tangerang"\n'
            'outlet = ""\nurl = "https://example.org/rekap"\npublished = "2020-06-01"\n'
            'licence = "public"\nsynthetic = false\n'
        )
    with (data / "sources.toml").open("a", encoding="utf-8") as manifest:
        manifest.write("".join(entries))
    warehouse = root / "pulih.duckdb"
    build(data, warehouse)
    yield from _serve(warehouse, tmp_path_factory, data=data)


@pytest.fixture
def open_messy(browser, messy_server):
    yield from _opener(browser, messy_server)


def grid(app, which: str) -> list[list[str]]:
    """The rows of the rejected table or of the load notes, as text: the page's last two tables
    (Sumber & Metode ends with them)."""
    tables = app.page.locator('[data-testid="stMain"] [data-testid="stDataFrame"]')
    index = tables.count() - (2 if which == "rejected" else 1)
    # drawn after the page has run
    tables.nth(index).locator("table tbody tr").first.wait_for(state="attached")
    return app.table_cells(index)


def reasons(app) -> dict[str, str]:
    """The rejected table's reason of each (file, line)."""
    return {(row[0].rsplit("/", 1)[-1], row[1]): row[-1] for row in grid(app, "rejected")}


# What each file's rows were rejected for, worked out from the files by hand: bad_numbers.csv
# line 2 holds "12a", line 5 the unknown measure "Pekerja Hilang"; unknown_area.csv line 2
# "Karawachi" (close to Karawaci); register_pii.csv line 4 the scale "Raksasa", line 5 an
# onboarding date before the registration, line 7 a NIK as the id. Each pair: a word of the
# Indonesian reason, a word of the English one.
EXPECTED = {
    ("bad_numbers.csv", "2"): ("bukan angka", "is not a number"),
    ("bad_numbers.csv", "5"): ("tidak dikenal", "unknown measure"),
    ("unknown_area.csv", "2"): ("mungkin maksudnya Karawaci", "did you mean Karawaci"),
    # the scale "Raksasa" is a word: not repeated (it may be a name), in either language
    ("register_pii.csv", "4"): (
        "bukan mikro, kecil atau menengah (isinya tidak",
        "not mikro, kecil or menengah (the value is not",
    ),
    ("register_pii.csv", "5"): ("sebelum terdaftar", "onboarded before it was registered"),
    ("register_pii.csv", "7"): ("data pribadi (NIK)", "personal data (NIK)"),
}


def test_rejected_rows_give_their_reasons_in_indonesian_by_default(open_messy):
    app = open_messy("/sumber_metode")
    shown = reasons(app)
    app.screenshot("sumber-metode-alasan-id")
    for where, (indonesian, english) in EXPECTED.items():
        assert indonesian in shown.get(where, ""), (where, shown.get(where))
        assert english not in shown[where], (where, shown[where])
    # the load notes too: the first drawn are the build's own, golden cases that the added files
    # make uncheckable (etl/golden.py)
    notes = " | ".join(row[0] for row in grid(app, "warnings"))
    assert "tidak diperiksa" in notes and "not checked" not in notes, notes


def test_with_lang_en_the_same_reasons_are_english(open_messy):
    app = open_messy("/sumber_metode?lang=en")
    shown = reasons(app)
    for where, (indonesian, english) in EXPECTED.items():
        assert english in shown.get(where, ""), (where, shown.get(where))
        assert indonesian not in shown[where], (where, shown[where])
    notes = " | ".join(row[0] for row in grid(app, "warnings"))
    assert "not checked" in notes and "tidak diperiksa" not in notes, notes
