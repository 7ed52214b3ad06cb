"""`etl add` is one transaction (issue 19): killed at any point (kill -9), the manifest, the copy
under data/raw/agency/ and the warehouse agree once the next writer has run, and running the add
again completes it. "Already loaded" is said only when the warehouse holds the file's checksum."""

import hashlib
import shutil
import time
import tomllib

import duckdb
import pytest

from tests.conftest import PROJECT, etl, paused_at, wait_for
from warehouse import health

AGENCY = PROJECT / "tests" / "fixtures" / "agency"
FILE = AGENCY / "wide_title_block.xlsx"
FILE_ID = "2020_05_21_wide_title_block"
COPY = f"raw/agency/{FILE_ID}.csv"  # the screened copy (etl/screen.py)
ARGS = (
    "--kind",
    "observations_wide",
    "--publisher",
    "Disnaker Kota Tangerang",
    "--url",
    "https://example.org/rekap",
    "--published",
    "2020-05-21",
)
# Where a kill leaves the add, in the order add takes its steps: before the warehouse is swapped
# the next writer rolls it back; from the swap on it finishes it.
POINTS = [
    ("add:journal", "rolled back"),  # the journal is written, nothing else
    ("add:copied", "rolled back"),  # the copy is under raw/agency/
    ("add:manifest", "rolled back"),  # the new manifest is written beside the old one
    ("build:verify", "rolled back"),  # the rebuild wrote its .tmp, not yet checked
    ("add:built", "rolled back"),  # the new warehouse is built and checked, not swapped
    ("add:swapped", "finished"),  # the warehouse is swapped, the manifest not yet
    ("add:committed", "finished"),  # both swapped, the journal not yet removed
]


def add(data, warehouse, env=None):
    proc = etl(
        "add",
        str(FILE),
        *ARGS,
        "--data",
        str(data),
        env={"PULIH_WAREHOUSE": warehouse, **(env or {})},
    )
    return proc


def sha256(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def kept(data, warehouse) -> dict:
    """What the manifest lists, what raw/agency/ holds and what the warehouse holds, after
    checking that the three agree and that nothing of an add in progress is left."""
    assert not (data / ".add-journal.json").exists()
    assert not (data / "sources.toml.add-tmp").exists()
    assert not warehouse.with_name(warehouse.name + ".tmp").exists()
    assert health.problems(warehouse) == []
    entries = tomllib.loads((data / "sources.toml").read_text(encoding="utf-8"))["file"]
    listed = {e["id"]: sha256(data / e["path"]) for e in entries}
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        held = dict(con.execute("select file_id, sha256 from source_file").fetchall())
        value = con.execute(
            "select value from observation o join source s using (source_id) "
            "where s.file_id = $id and region_code = '36.71.01' and metric = 'phk'",
            {"id": FILE_ID},
        ).fetchall()
    finally:
        con.close()
    assert listed == held  # the manifest and the warehouse: the same files, the same content
    agency = (
        sorted(p.name for p in (data / "raw" / "agency").glob("*"))
        if (data / "raw" / "agency").exists()
        else []
    )
    in_manifest = sorted(
        e["path"].removeprefix("raw/agency/") for e in entries if "agency" in e["path"]
    )
    assert agency == in_manifest  # no copy without its entry, no entry without its copy
    return {"files": len(listed), "agency": agency, "value": value}


# data/ lists 11 files; the added file makes 12. Its Karawaci (36.71.01) PHK is 100 (the fixture,
# tests/fixtures/make_agency_fixtures.py).
BEFORE = {"files": 11, "agency": [], "value": []}
AFTER = {"files": 12, "agency": [f"{FILE_ID}.csv"], "value": [(100.0,)]}


@pytest.mark.slow
@pytest.mark.parametrize(("point", "outcome"), POINTS, ids=[p for p, _ in POINTS])
def test_an_add_killed_at_any_point_is_completed_by_running_it_again(
    project, tmp_path, point, outcome
):
    data, warehouse = project
    marker = tmp_path / "paused"
    proc = add(data, warehouse, paused_at(point, marker))
    wait_for(marker, proc)
    proc.kill()  # SIGKILL: no handler runs
    proc.communicate()
    assert (data / ".add-journal.json").exists()
    assert health.problems(warehouse) == []  # the dashboard reads a whole warehouse all along

    again = add(data, warehouse)
    out, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    assert f"{outcome} an interrupted `etl add` of {FILE.name} ('{FILE_ID}')" in err
    if outcome == "finished":
        assert f"already loaded as '{FILE_ID}' ({COPY})" in out
    else:
        assert f"added {FILE.name} as '{FILE_ID}' -> {COPY}" in out
    assert kept(data, warehouse) == AFTER


@pytest.mark.slow
@pytest.mark.parametrize(
    ("point", "outcome", "state"),
    [("add:copied", "rolled back", BEFORE), ("add:swapped", "finished", AFTER)],
)
def test_any_writer_completes_an_interrupted_add(project, tmp_path, point, outcome, state):
    data, warehouse = project
    marker = tmp_path / "paused"
    proc = add(data, warehouse, paused_at(point, marker))
    wait_for(marker, proc)
    proc.kill()
    proc.communicate()
    build = etl("build", "--data", str(data), env={"PULIH_WAREHOUSE": warehouse})
    out, err = build.communicate(timeout=300)
    assert build.returncode == 0, err
    assert f"{outcome} an interrupted `etl add` of {FILE.name} ('{FILE_ID}')" in err
    assert kept(data, warehouse) == state


@pytest.mark.slow
def test_an_add_killed_during_its_rebuild_is_not_already_loaded(project):
    """The issue as reported: kill -9 while add rebuilds, then add again."""
    data, warehouse = project
    tmp = warehouse.with_name(warehouse.name + ".tmp")
    proc = add(data, warehouse)
    deadline = time.monotonic() + 120
    while not tmp.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    assert proc.poll() is None, "the add finished before its rebuild could be caught"
    proc.kill()
    proc.communicate()

    again = add(data, warehouse)
    out, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    assert "already loaded" not in out
    assert f"added {FILE.name} as '{FILE_ID}' -> {COPY}" in out
    assert kept(data, warehouse) == AFTER


HAND_COPY = f"raw/agency/{FILE_ID}.xlsx"  # listed by hand: the workbook, not a screened copy
HAND_AFTER = {**AFTER, "agency": [f"{FILE_ID}.xlsx"]}


def test_already_loaded_only_when_the_warehouse_holds_the_file(project):
    """A file listed in the manifest (here by hand, as the workbook itself) that the warehouse does
    not hold yet is loaded, not called already loaded."""
    data, warehouse = project
    (data / "raw" / "agency").mkdir()
    shutil.copy(FILE, data / HAND_COPY)
    with (data / "sources.toml").open("a", encoding="utf-8") as f:
        f.write(
            f'\n[[file]]\nid = "{FILE_ID}"\npath = "{HAND_COPY}"\nkind = "observations_wide"\n'
            'title = "rekap"\npublisher = "Disnaker Kota Tangerang"\n'
            'outlet = "Disnaker Kota Tangerang"\nurl = "https://example.org/rekap"\n'
            'published = "2020-05-21"\nlicence = "as published"\nsynthetic = false\n'
        )
    proc = add(data, warehouse)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, out + err
    assert "already loaded" not in out
    assert f"listed in the manifest as '{FILE_ID}' ({HAND_COPY}) but not in the warehouse" in out
    assert kept(data, warehouse) == HAND_AFTER

    proc = add(data, warehouse)  # now it is
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert f"already loaded as '{FILE_ID}' ({HAND_COPY}); nothing added" in out
    assert kept(data, warehouse) == HAND_AFTER
