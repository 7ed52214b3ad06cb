"""A warehouse that cannot be used (issue 21) is found before it is served: `python -m etl verify`
exits 1 and says why, and `make run` / `make test` rebuild it (their `warehouse` target)."""

import json
import random
import shutil
import subprocess

import duckdb
import pytest

from etl.build import build
from tests.conftest import DATA, PROJECT, etl
from warehouse import health

REQUIRED = ", ".join(health.required_tables())


def verify(warehouse, **env):
    proc = etl("verify", "--warehouse", str(warehouse), env=env)
    out, err = proc.communicate(timeout=120)
    return proc.returncode, out, err


@pytest.fixture(scope="module")
def good(tmp_path_factory):
    path = tmp_path_factory.mktemp("good") / "pulih.duckdb"
    build(DATA, path)
    return path


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


BROKEN = {
    "zero bytes": (zero_bytes, "cannot be opened as a DuckDB database"),
    "cut in half": (cut_in_half, "truncated: {half} bytes where its own header says {size}"),
    "random bytes": (random_bytes, "cannot be opened as a DuckDB database"),
    "empty database": (empty_database, f"missing table(s) {REQUIRED}"),
    "no etl_run row": (no_run_row, "0 rows in etl_run, where a finished build leaves exactly one"),
}


@pytest.mark.parametrize("kind", BROKEN)
def test_verify_says_why_a_warehouse_cannot_be_used(tmp_path, good, kind):
    make, problem = BROKEN[kind]
    warehouse = tmp_path / "pulih.duckdb"
    make(warehouse, good)
    size = good.stat().st_size
    code, out, err = verify(warehouse)
    assert code == 1
    assert out == ""
    assert f"{warehouse} cannot be used as the warehouse: " in err
    assert problem.format(half=size // 2, size=size) in err
    assert "Rebuild it: make build (or python -m etl build)." in err


def test_verify_passes_a_whole_warehouse_and_names_a_missing_one(tmp_path, good):
    code, out, err = verify(good)
    assert (code, err) == (0, "")
    # data/: 11 files, 16,353 rows loaded (the build summary in README)
    assert out.startswith(f"ok: {good}: build run ")
    assert out.rstrip().endswith(", 11 files, 16353 rows loaded")
    code, _, err = verify(tmp_path / "none.duckdb")
    assert code == 1 and f"no warehouse at {tmp_path / 'none.duckdb'}" in err


def test_verify_fails_while_an_interrupted_add_is_pending(tmp_path, good):
    data = tmp_path / "data"
    data.mkdir()
    record = {
        "file_id": "2020_05_21_rekap",
        "name": "rekap.xlsx",
        "sha256": "0" * 64,
        "copy": "raw/agency/2020_05_21_rekap.xlsx",
        "warehouse": str(good.resolve()),
        "manifest_before": "",
        "manifest_after_sha256": "0" * 64,
    }
    (data / ".add-journal.json").write_text(json.dumps(record))
    code, _, err = verify(good, PULIH_DATA=data)
    assert code == 1
    assert "an interrupted `etl add` of rekap.xlsx ('2020_05_21_rekap') is pending" in err


make_missing = shutil.which("make") is None


@pytest.mark.slow
@pytest.mark.skipif(make_missing, reason="make is not installed")
@pytest.mark.parametrize("kind", ["zero bytes", "cut in half"])
def test_make_rebuilds_a_broken_warehouse_newer_than_its_inputs(tmp_path, good, kind):
    warehouse = tmp_path / "pulih.duckdb"
    BROKEN[kind][0](warehouse, good)  # written now: newer than every input
    # -o .venv/.installed: use the environment as it is, never install anything
    done = subprocess.run(
        ["make", "-o", ".venv/.installed", "warehouse", f"WAREHOUSE={warehouse}"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert f"{warehouse} cannot be used as the warehouse" in done.stderr
    assert "total: 11 files" in done.stdout
    assert verify(warehouse)[0] == 0
    for target in ("run", "test"):  # both go through it
        dry = subprocess.run(
            ["make", "-n", "-o", ".venv/.installed", target, f"WAREHOUSE={warehouse}"],
            cwd=PROJECT,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert "-m etl verify" in dry.stdout, dry.stdout


def test_export_names_a_broken_warehouse_instead_of_a_traceback(tmp_path, good):
    warehouse = tmp_path / "pulih.duckdb"
    zero_bytes(warehouse, good)
    proc = etl(
        "export",
        "--dataset",
        "monthly",
        "--format",
        "csv",
        "--out",
        str(tmp_path / "x.csv"),
        env={"PULIH_WAREHOUSE": warehouse},
    )
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 2
    assert f"export failed: the warehouse {warehouse} cannot be used: cannot be opened" in err
    assert "Rebuild it with `make build`" in err and "Traceback" not in err
    assert not (tmp_path / "x.csv").exists()
