"""The shared read-only warehouse of a process (analytics/db.py): opened once per version of the
file, reused by every query and thread, and reopened when a build renames a new file over it.
Real builds into a temporary folder, real DuckDB."""

import threading

import duckdb
import pytest

from analytics import db, queries
from etl.build import build
from tests.conftest import make_data_dir

CITY = "36.71"


def report(value: int) -> dict[str, str]:
    """One observation file: Kota Tangerang's PHK on 1 August 2020 as `value`."""
    return {
        "labour.csv": (
            f"{CITY},Kota Tangerang,2020-08-01,day,phk,{value},workers,exact,workplace,"
            "Kadisnaker,Test,https://example.org/phk,2020-08-01,\n"
        )
    }


@pytest.fixture
def warehouse(tmp_path, monkeypatch):
    """A warehouse built from a data folder whose one figure is 100 (its builder rewrites it)."""
    path = tmp_path / "pulih.duckdb"
    monkeypatch.setenv("PULIH_WAREHOUSE", str(path))
    db.close()
    build(make_data_dir(tmp_path / "v1", report(100)), path)
    yield path
    db.close()


def phk(cursor=None) -> list[float]:
    if cursor is not None:
        sql = "select value from observation where region_code = ? and metric = 'phk'"
        return [row[0] for row in cursor.execute(sql, [CITY]).fetchall()]
    return queries.reported((CITY,), ("phk",)).value.tolist()


def test_queries_share_one_open_warehouse(warehouse):
    before = db.opened()
    assert phk() == [100.0]  # the one figure of the file built above
    # the regions files copied in: Indonesia, Banten, its 8 kabupaten/kota, Kota Tangerang's 13
    assert len(queries.regions()) == 1 + 1 + 8 + 13
    assert phk() == [100.0]
    assert db.opened() == before + 1  # three queries, one open


def test_queries_from_many_threads_share_it_too(warehouse):
    before = db.opened()
    results: list[list[float]] = []
    errors: list[BaseException] = []

    def read():
        try:
            for _ in range(5):
                results.append(phk())
        except BaseException as e:  # a failure in a thread is reported by the test, not lost
            errors.append(e)

    threads = [threading.Thread(target=read) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert results == [[100.0]] * 40  # 8 threads x 5 queries, each the file's one figure
    assert db.opened() == before + 1


def test_after_a_rebuild_the_next_query_reads_the_new_file(warehouse, tmp_path):
    assert phk() == [100.0]
    before = db.opened()
    build(make_data_dir(tmp_path / "v2", report(250)), warehouse)  # renamed over the old file
    assert phk() == [250.0]  # the figure of the second build, without a restart
    assert phk() == [250.0]
    assert db.opened() == before + 1  # reopened once for the new version, then reused


def test_a_query_running_across_a_rebuild_reads_the_old_file_whole(warehouse, tmp_path):
    with db.connect() as running:
        assert phk(running) == [100.0]
        build(make_data_dir(tmp_path / "v2", report(250)), warehouse)
        # a new query opens the new file while the old one is still in use ...
        assert phk() == [250.0]
        # ... and the query on the old one keeps reading it: the renamed-over file stays
        # readable through the handle (Linux keeps its inode while it is open)
        assert phk(running) == [100.0]
        # warehouse/health.py and `etl verify` open the path themselves: they see the new file
        # even while this process holds the old one
        direct = duckdb.connect(str(warehouse), read_only=True)
        try:
            assert phk(direct) == [250.0]
        finally:
            direct.close()
    assert phk() == [250.0]


def test_the_old_file_is_closed_once_its_last_query_is_done(warehouse, tmp_path):
    with db.connect() as running:
        build(make_data_dir(tmp_path / "v2", report(250)), warehouse)
        assert phk() == [250.0]
        old = running
    with pytest.raises(duckdb.ConnectionException):
        old.execute("select 1")  # closed with the old database, not left open
