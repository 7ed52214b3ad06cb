"""Rebuilding is deterministic and atomic: the same data gives the same tables, and a build that
fails, is killed, or runs while the dashboard reads never leaves a broken warehouse behind."""

import os
import shutil
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from etl.build import BuildError, build
from tests.conftest import DATA, PROJECT, make_data_dir, table_rows

TABLES = (
    "source_file",
    "source",
    "region",
    "metric",
    "observation",
    "umkm",
    "event",
    "rejected",
    "mart_monthly",
    "mart_umkm_monthly",
)


def test_two_builds_give_identical_tables(tmp_path):
    first, second = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    build(DATA, first)
    build(DATA, second)
    for table in TABLES:
        assert table_rows(first, table, exclude=("run_id",)) == table_rows(
            second, table, exclude=("run_id",)
        ), table
    assert len(table_rows(first, "umkm")) > 13000


def run_id(path) -> str:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute("select run_id from etl_run").fetchone()[0]
    finally:
        con.close()


def test_a_failed_check_leaves_the_previous_warehouse(tmp_path, monkeypatch):
    good = make_data_dir(
        tmp_path / "good",
        {
            "x.csv": "36,Provinsi Banten,2020-05-20,day,phk,1,workers,exact,workplace,,x,https://e.org,2020,\n"
        },
    )
    warehouse = tmp_path / "w.duckdb"
    build(good, warehouse)
    before = run_id(warehouse), warehouse.read_bytes()

    # a check that finds a bad row: the build stops before the swap
    checks = tmp_path / "checks"
    shutil.copytree(PROJECT / "etl" / "sql" / "checks", checks)
    (checks / "always_fails.sql").write_text("select 1 as bad")
    import etl.marts

    monkeypatch.setattr(etl.marts, "CHECKS", checks)
    with pytest.raises(BuildError, match="always_fails"):
        build(good, warehouse)
    assert (run_id(warehouse), warehouse.read_bytes()) == before
    assert not warehouse.with_name("w.duckdb.tmp").exists()


def test_a_killed_build_leaves_the_previous_warehouse_usable(tmp_path):
    warehouse = tmp_path / "w.duckdb"
    build(DATA, warehouse)
    before = run_id(warehouse)
    tmp = warehouse.with_name("w.duckdb.tmp")
    env = {**os.environ, "PULIH_WAREHOUSE": str(warehouse), "PYTHONPATH": str(PROJECT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "etl", "build"],
        cwd=PROJECT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while not tmp.exists() and time.monotonic() < deadline:
        time.sleep(0.005)
    assert tmp.exists(), "the build never started writing"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    # the old warehouse still answers, and it is the old one
    assert run_id(warehouse) == before
    con = duckdb.connect(str(warehouse), read_only=True)
    assert con.execute("select count(*) from observation").fetchone()[0] > 1000
    con.close()
    # the next build clears the leftovers and succeeds
    build(DATA, warehouse)
    assert run_id(warehouse) != before and not tmp.exists()


def test_a_build_while_the_dashboard_reads_succeeds(tmp_path):
    warehouse = tmp_path / "w.duckdb"
    build(DATA, warehouse)
    before = run_id(warehouse)
    reader = duckdb.connect(str(warehouse), read_only=True)  # a dashboard query in flight
    try:
        env = {**os.environ, "PULIH_WAREHOUSE": str(warehouse)}
        done = subprocess.run(
            [sys.executable, "-m", "etl", "build"],
            cwd=PROJECT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr
        assert "total: 11 files" in done.stdout
        assert reader.execute("select run_id from etl_run").fetchone()[0] == before
    finally:
        reader.close()
    assert run_id(warehouse) != before  # the next query sees the new build
