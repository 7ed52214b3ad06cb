"""A warehouse that cannot be used (issue 21) is never shown: every page says so in Indonesian,
with what to do, instead of a traceback. The broken files are made from the fixture warehouse
(tests/fixtures/pages)."""

import random
import shutil

import duckdb
import pytest

from tests.conftest import open_page


@pytest.fixture
def good(fixture_warehouse_file):
    return fixture_warehouse_file


def zero_bytes(path, good):
    path.write_bytes(b"")


def cut_in_half(path, good):
    path.write_bytes(good.read_bytes()[: good.stat().st_size // 2])


def random_bytes(path, good):
    path.write_bytes(random.Random(21).randbytes(good.stat().st_size))


def empty_database(path, good):
    duckdb.connect(str(path)).close()


def no_run_row(path, good):
    shutil.copy(good, path)
    con = duckdb.connect(str(path))
    con.execute("delete from etl_run")
    con.close()


@pytest.mark.parametrize(
    ("make", "detail"),
    [
        (zero_bytes, "cannot be opened as a DuckDB database"),
        (cut_in_half, "truncated: "),
        (random_bytes, "cannot be opened as a DuckDB database"),
        (empty_database, "missing table(s) source_file, load_warning, source"),
        (no_run_row, "0 rows in etl_run"),
    ],
    ids=["zero bytes", "cut in half", "random bytes", "empty database", "no etl_run row"],
)
@pytest.mark.parametrize("page", ["ringkasan", "data"])
def test_a_broken_warehouse_is_named_not_served(tmp_path, monkeypatch, good, make, detail, page):
    warehouse = tmp_path / "pulih.duckdb"
    make(warehouse, good)
    monkeypatch.setenv("PULIH_WAREHOUSE", str(warehouse))
    at = open_page(page)
    [error] = [e.value for e in at.error]
    assert error.startswith(
        "Gudang data (pulih.duckdb) rusak atau tidak lengkap, jadi tidak ada angka yang "
        "ditampilkan. Bangun ulang dengan `make build` (atau `python -m etl build`), lalu muat "
        "ulang halaman."
    )
    assert detail in error
    assert not at.metric  # no headline card from it
