"""Reject reasons and load notes in the reader's language (warehouse/reasons.py, ui/reasons.py):
every template has its Indonesian text with the same values, and what a real build stores as
template and values writes again exactly the English text it stored beside them, so the two cannot
drift.
"""

import shutil
import string

import duckdb
import pytest

from etl.build import build
from tests.conftest import PROJECT, entry, make_data_dir
from tests.ui.test_catalogs import catalog
from ui import i18n
from ui import reasons as shown_reasons
from warehouse import reasons

AGENCY = PROJECT / "tests" / "fixtures" / "agency"


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_template_has_an_indonesian_text_with_the_same_values():
    indonesian, english = catalog("id"), catalog("en")
    templates = reasons.templates()
    assert len(templates) > 90  # every module constant and word (a sanity floor, not a count)
    missing = [k for k in templates if not indonesian.get(k) or not english.get(k)]
    assert missing == [], "run `make i18n` and fill in both catalogs"
    differing = [k for k in templates if placeholders(indonesian[k]) != placeholders(k)]
    assert differing == []
    # English is the template itself: the command line and the dashboard say the same
    assert [k for k in templates if english[k] != k] == []


@pytest.fixture(scope="module")
def messy_build(tmp_path_factory):
    """A real build of three messy agency files beside the reference files: rejects made in
    Python (observations, a wide table) and in the register's SQL, and load notes of both."""
    root = tmp_path_factory.mktemp("messy")
    data = make_data_dir(root, {})
    (data / "raw" / "agency").mkdir()
    files = (
        ("bad_numbers.csv", "observations"),
        ("unknown_area.csv", "observations_wide"),
        ("unknown_column.csv", "observations_wide"),
        ("register_pii.csv", "umkm_register"),
    )
    with (data / "sources.toml").open("a", encoding="utf-8") as manifest:
        for name, kind in files:
            shutil.copy(AGENCY / name, data / "raw" / "agency" / name)
            manifest.write(entry(name.removesuffix(".csv"), f"raw/agency/{name}", kind))
    warehouse = root / "w.duckdb"
    build(data, warehouse)
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        rejected = con.execute(
            "select reason, reason_key, reason_args from rejected order by all"
        ).fetchall()
        notes = con.execute(
            "select message, message_key, message_args from load_warning order by all"
        ).fetchall()
    finally:
        con.close()
    return rejected, notes


def test_the_stored_template_and_values_write_the_stored_english_again(messy_build):
    rejected, notes = messy_build
    # bad_numbers.csv 3, unknown_area.csv 3, register_pii.csv 5 (tests/browser/test_reasons.py)
    assert len(rejected) == 11
    for text, key, args in rejected + notes:
        assert key is not None, text  # every reason and note of these files has its template
        assert str(reasons.decoded(key, args)) == text


def test_the_register_sql_reasons_keep_their_values(messy_build):
    rejected, _ = messy_build
    by_key = {key: args for _, key, args in rejected}
    # register_pii.csv line 6 repeats TNG-001 of line 2; line 7's id is a NIK, named by its kind
    assert by_key[reasons.ID_AGAIN] == '{"umkm_id": "TNG-001", "first": "2"}'
    assert by_key[reasons.PERSONAL_ID] == '{"header": "ID UMKM", "kind": {"word": "NIK"}}'
    # the personal value itself appears in no reason (register_pii.csv line 7: 3671045505800001)
    assert not any("3671045505800001" in (text + args) for text, _, args in rejected)


@pytest.fixture
def language():
    def set_(code: str) -> None:
        i18n.st.session_state["lang"] = code

    yield set_
    i18n.st.session_state.pop("lang", None)


def test_a_reason_is_written_in_the_readers_language(language):
    made = reasons.reason(
        reasons.ABOVE_POPULATION,
        value=1895487.0,
        unit=reasons.Word("workers"),
        area="Kota Tangerang",
        population=1895486,
        year="2020",
    )
    stored = (str(made), made.key, made.encoded())
    language("id")
    # the catalog's Indonesian, the unit's word translated, numbers as Indonesian writes them
    assert shown_reasons.text(*stored) == (
        "1.895.487 pekerja lebih banyak dari 1.895.486 penduduk Kota Tangerang (2020): periksa "
        "angka dan satuannya"
    )
    language("en")
    assert shown_reasons.text(*stored) == str(made)


def test_a_reason_without_a_template_shows_its_stored_text(language):
    language("id")
    assert shown_reasons.text("an old note", None, None) == "an old note"
    assert shown_reasons.text("broken", reasons.EMPTY, "not json") == "broken"


def test_a_figure_past_any_count_is_written_short_in_both_languages():
    # a truncated file left a cell of 200 nines: 10^200 - 1 as a float is 1e+200, which Babel
    # cannot round to a pattern (decimal.InvalidOperation stopped the check); written "1e+200"
    rendered = reasons.render("{n} workers", {"n": float("9" * 200)})
    assert rendered == "1e+200 workers"
    assert reasons.render("{n} workers", {"n": 1_895_487}) == "1,895,487 workers"


@pytest.mark.parametrize(
    ("template", "values", "indonesian", "english"),
    [
        # the templates' texts in both catalogs, with the header or measure written in by hand
        (
            reasons.UNKNOWN_COLUMN,
            {"header": "Sumber Data Internal"},
            "kolom 'Sumber Data Internal' tidak dikenali dan tidak dibaca; bila berisi data, beri "
            "kolom itu salah satu judul di bawah 'Judul kolom yang dibaca' di halaman Unggah data, "
            "atau minta tim data menambahkan 'Sumber Data Internal' sebagai nama lain sebuah kolom",
            "column 'Sumber Data Internal' is not recognised and was not read; if it holds data, "
            "head it with one of the names under 'Column headings read' on the Upload data page, "
            "or ask the data team to add 'Sumber Data Internal' as another name of a column",
        ),
        (
            reasons.UNKNOWN_METRIC,
            {"raw": "Pekerja Hilang"},
            "ukuran 'Pekerja Hilang' tidak dikenal: tulis salah satu kode ukuran di bawah 'Judul "
            "kolom yang dibaca' di halaman Unggah data (mis. phk, dirumahkan), atau minta tim "
            "data menambahkan ukuran ini",
            "unknown measure 'Pekerja Hilang': write one of the measure codes under 'Column "
            "headings read' on the Upload data page (e.g. phk, dirumahkan), or ask the data team "
            "to add this measure",
        ),
    ],
)
def test_a_reason_naming_a_server_file_says_what_a_steward_can_do(
    language, template, values, indonesian, english
):
    """The command line keeps the server file an operator opens; the dashboard, in either
    language, tells a steward what they can do in the browser instead."""
    made = reasons.reason(template, **values)
    assert "data/" in str(made)  # the operators' English, as stored and printed
    stored = (str(made), made.key, made.encoded())
    language("id")
    assert shown_reasons.text(*stored) == indonesian
    language("en")
    assert shown_reasons.text(*stored) == english
