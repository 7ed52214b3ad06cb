"""Two writers at once (issue 18): every write (build, add, demo) holds <warehouse>.lock, so a
second writer waits for the first, says so on stderr, and gives up clearly after a timeout; and a
build never swaps in a file that is not a whole warehouse of its own run."""

import shutil
import subprocess
import time

import duckdb
import pytest

from etl.build import build
from tests.conftest import DATA, etl, paused_at, row_counts, wait_for
from warehouse import health

PAIRS = 10
# Every table the schema and the marts create, in the order schema.sql and the mart files
# (alphabetically) create them: worked out by reading etl/sql/schema.sql and etl/sql/marts/.
REQUIRED = (
    "source_file",
    "load_warning",
    "source",
    "region",
    "metric",
    "observation",
    "umkm",
    "event",
    "etl_run",
    "rejected",
    "mart_conflicts",
    "mart_monthly",
    "mart_revisions",
    "mart_umkm_monthly",
)


def run_id(path) -> str:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute("select run_id from etl_run").fetchone()[0]
    finally:
        con.close()


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """Row counts of every required table in a build of data/ made alone."""
    path = tmp_path_factory.mktemp("reference") / "pulih.duckdb"
    build(DATA, path)
    counts = row_counts(path, REQUIRED)
    # by hand, from the build summary of data/ (README): 11 files, a register of 14,678
    # businesses, no rejected row, one run
    assert (counts["source_file"], counts["umkm"], counts["rejected"], counts["etl_run"]) == (
        11,
        14678,
        0,
        1,
    )
    return counts


def test_the_required_tables_are_those_the_schema_and_the_marts_create():
    assert health.required_tables() == REQUIRED


@pytest.mark.slow
def test_two_builds_at_once_both_succeed_and_leave_a_whole_warehouse(tmp_path, reference):
    warehouse = tmp_path / "pulih.duckdb"
    tmp = tmp_path / "pulih.duckdb.tmp"
    env = {"PULIH_WAREHOUSE": warehouse}
    waited = 0
    for pair in range(PAIRS):
        first = etl("build", env=env)
        if pair % 2:  # the second starts while the first is writing its .tmp
            while not tmp.exists() and first.poll() is None:
                time.sleep(0.002)
        second = etl("build", env=env)
        results = [p.communicate(timeout=300) for p in (first, second)]
        codes = [first.returncode, second.returncode]
        assert codes == [0, 0], (pair, codes, [err for _, err in results])
        assert row_counts(warehouse, REQUIRED) == reference, pair
        assert not tmp.exists(), pair
        waited += sum("waiting for another writer to finish" in err for _, err in results)
    print(f"{PAIRS} pairs of concurrent builds: all exited 0, {waited} writer(s) waited")


def test_a_second_writer_waits_for_the_first_and_says_so(tmp_path, reference):
    warehouse, marker = tmp_path / "pulih.duckdb", tmp_path / "paused"
    env = {"PULIH_WAREHOUSE": warehouse}
    first = etl("build", env={**env, **paused_at("build:swap", marker)})
    wait_for(marker, first)  # the first holds the lock, its new warehouse built and checked
    second = etl("build", env=env)
    line = second.stderr.readline()
    assert line.startswith(f"waiting for another writer to finish: etl build (pid {first.pid})")
    assert "pulih.duckdb.lock" in line and "PULIH_LOCK_TIMEOUT" in line
    assert second.poll() is None  # still waiting
    marker.unlink()  # the first goes on
    first.communicate(timeout=120)
    out, _ = second.communicate(timeout=120)
    assert (first.returncode, second.returncode) == (0, 0)
    assert "total: 11 files" in out
    assert row_counts(warehouse, REQUIRED) == reference


def test_a_second_writer_gives_up_clearly_after_the_timeout(tmp_path, reference):
    warehouse, marker = tmp_path / "pulih.duckdb", tmp_path / "paused"
    build(DATA, warehouse)
    before = run_id(warehouse)
    env = {"PULIH_WAREHOUSE": warehouse}
    first = etl("build", env={**env, **paused_at("build:swap", marker)})
    wait_for(marker, first)
    for args in (("build",), ("demo", "--data", str(tmp_path / "no-data"))):
        second = etl(*args, env={**env, "PULIH_LOCK_TIMEOUT": "1"})
        _, err = second.communicate(timeout=60)
        assert second.returncode == 75, err
        assert f"waiting for another writer to finish: etl build (pid {first.pid})" in err
        assert (
            f"{args[0]} failed: another writer, etl build (pid {first.pid}), still holds "
            f"{warehouse}.lock after 1 s; nothing was changed."
        ) in err
        assert "run this again when it has finished" in err
    assert run_id(warehouse) == before  # the paused build has not swapped yet
    marker.unlink()
    first.communicate(timeout=120)
    assert first.returncode == 0
    assert run_id(warehouse) != before
    assert row_counts(warehouse, REQUIRED) == reference


def _empty_database(path):
    duckdb.connect(str(path)).close()


def _zero_bytes(path):
    path.write_bytes(b"")


def _another_run(path):  # a whole warehouse, but another build's: the swap of the old race
    build(DATA, path)


@pytest.mark.parametrize(
    ("replace", "problem"),
    [
        (_empty_database, "missing table(s) " + ", ".join(REQUIRED)),
        (_zero_bytes, "cannot be opened as a DuckDB database"),
        (_another_run, "holds build run "),
    ],
    ids=["empty database", "zero bytes", "another build's file"],
)
def test_the_swap_refuses_a_file_that_is_not_this_builds_whole_warehouse(
    tmp_path, replace, problem
):
    warehouse, marker = tmp_path / "pulih.duckdb", tmp_path / "paused"
    tmp = tmp_path / "pulih.duckdb.tmp"
    build(DATA, warehouse)
    before = warehouse.read_bytes()
    proc = etl("build", env={"PULIH_WAREHOUSE": warehouse, **paused_at("build:verify", marker)})
    wait_for(marker, proc)  # written and closed, not yet checked
    tmp.unlink()
    replace(tmp)
    marker.unlink()
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 1, err
    assert (
        f"build failed: the new warehouse {tmp} failed its last check before the swap, so the "
        "previous warehouse was kept:"
    ) in err
    assert problem in err
    assert warehouse.read_bytes() == before
    assert not tmp.exists()


def test_the_lock_file_is_kept_beside_the_warehouse_and_ignored_by_git(tmp_path):
    warehouse = tmp_path / "pulih.duckdb"
    build(DATA, warehouse)
    assert (tmp_path / "pulih.duckdb.lock").exists()
    ignored = subprocess.run(
        ["git", "check-ignore", "data/pulih.duckdb.lock", "data/.add-journal.json"],
        cwd=DATA.parent,
        capture_output=True,
        text=True,
    )
    if shutil.which("git") is None or ignored.returncode == 128:
        pytest.skip("not a git checkout")
    assert ignored.stdout.split() == ["data/pulih.duckdb.lock", "data/.add-journal.json"]
