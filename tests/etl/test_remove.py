"""`python -m etl remove`: a file `etl add` added leaves the manifest, data/raw/agency/ and the
warehouse as one transaction, and the audit log says who removed which file with its rows."""

import getpass
import hashlib

import duckdb
import pytest

import etl.add
import etl.remove
from etl.__main__ import main
from etl.build import BuildError
from tests.conftest import PROJECT, paused_at, wait_for
from tests.conftest import etl as run_etl
from tests.etl.test_add_interrupted import kept
from warehouse import audit, health

AGENCY = PROJECT / "tests" / "fixtures" / "agency"
FILE = AGENCY / "wide_title_block.xlsx"
FILE_ID = "2020_05_21_wide_title_block"
COPY = f"raw/agency/{FILE_ID}.csv"


def add(data) -> int:
    return main(
        ["add", str(FILE), "--kind", "observations_wide", "--publisher", "Disnaker Kota Tangerang",
         "--url", "https://example.org/rekap", "--published", "2020-05-21", "--data", str(data)]
    )  # fmt: skip


def remove(data, what: str) -> int:
    return main(["remove", what, "--data", str(data)])


def karawaci_phk(warehouse) -> list[tuple]:
    """Every PHK figure of Kec. Karawaci (36.71.01) the warehouse holds, with its source file."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(
            "select s.file_id, o.ref_date, o.value from observation o join source s "
            "using (source_id) where region_code = '36.71.01' and metric = 'phk' order by all"
        ).fetchall()
    finally:
        con.close()


def test_add_then_remove_gives_back_the_manifest_and_the_figures(project, capsys):
    data, warehouse = project
    manifest, figures = (data / "sources.toml").read_bytes(), karawaci_phk(warehouse)
    assert add(data) == 0
    # the workbook's Karawaci PHK cell reads 100, as of 20 Mei 2020 (its title block)
    assert (FILE_ID, 100.0) in {(f, v) for f, _, v in karawaci_phk(warehouse)}
    assert remove(data, FILE_ID) == 0
    assert f"removed '{FILE_ID}' ({COPY})" in capsys.readouterr().out
    # the manifest byte for byte as before the add, the copy gone, the figures as before
    assert (data / "sources.toml").read_bytes() == manifest
    assert not (data / COPY).exists()
    assert karawaci_phk(warehouse) == figures
    assert kept(data, warehouse)["files"] == 11  # data/ lists 11 files


def test_the_audit_log_has_the_add_and_the_removal_with_the_rows_it_had(project):
    data, warehouse = project
    assert add(data) == 0
    assert remove(data, "wide_title_block.xlsx") == 0  # by its name as added (the title)
    events = audit.read(warehouse.with_name("pulih-audit.jsonl"))
    assert [e["event"] for e in events] == ["add", "remove"]
    added, removed = events
    # the same file: its checksum as received, read from the fixture itself
    checksum = hashlib.sha256(FILE.read_bytes()).hexdigest()
    assert added["sha256"] == removed["sha256"] == checksum
    assert removed["file_id"] == FILE_ID and removed["file"] == "wide_title_block.xlsx"
    # the workbook's 13 kecamatan rows (Tangerang … Larangan under a 3-row title block; its
    # "Jumlah" row is the check total): 13 read, 13 loaded, none rejected
    assert (removed["rows_read"], removed["rows_loaded"], removed["rows_rejected"]) == (13, 13, 0)
    assert removed["actor"] == f"cli:{getpass.getuser()}"


def test_a_failed_rebuild_on_remove_leaves_everything_as_it_was(project, monkeypatch, capsys):
    data, warehouse = project
    assert add(data) == 0
    manifest, copy, before = (
        (data / "sources.toml").read_bytes(),
        (data / COPY).read_bytes(),
        warehouse.read_bytes(),
    )

    def broken(*args, **kwargs):
        raise BuildError("data checks failed")

    # the rebuild of an add or a removal runs in etl.add.carry_out
    monkeypatch.setattr(etl.add, "build", broken)
    assert remove(data, FILE_ID) == 1
    assert "the rebuild failed, nothing was removed" in capsys.readouterr().out
    assert (data / "sources.toml").read_bytes() == manifest
    assert (data / COPY).read_bytes() == copy
    assert warehouse.read_bytes() == before
    assert not (data / ".add-journal.json").exists()
    assert [e["event"] for e in audit.read(warehouse.with_name("pulih-audit.jsonl"))] == ["add"]


@pytest.mark.parametrize("what", ["metrics", "raw/metrics.csv", "no_such_file"])
def test_a_shipped_or_unknown_file_is_not_removed(project, capsys, what):
    data, warehouse = project
    manifest, before = (data / "sources.toml").read_bytes(), warehouse.read_bytes()
    assert remove(data, what) == 2
    out = capsys.readouterr().out
    assert "nothing removed" in out
    assert ("shipped file" in out) is (what != "no_such_file")
    assert (data / "sources.toml").read_bytes() == manifest
    assert warehouse.read_bytes() == before
    assert (data / "raw" / "metrics.csv").exists()


def test_the_entry_between_two_others_goes_and_its_neighbours_stay(project):
    data, _ = project
    text = (data / "sources.toml").read_text(encoding="utf-8")
    result = etl.remove.without(text, "bps_sakernas")
    assert 'id = "bps_sakernas"' not in result
    # every other entry is still there (the shipped manifest lists 11), one [[file]] fewer
    assert result.count("[[file]]") == text.count("[[file]]") - 1
    assert "\n\n\n" not in result.replace(text, "")


# a removal killed before its warehouse is swapped is rolled back; from the swap on, finished
@pytest.mark.slow
@pytest.mark.parametrize(
    ("point", "outcome", "files"),
    [("remove:built", "rolled back", 12), ("remove:swapped", "finished", 11)],
)
def test_a_removal_killed_midway_is_finished_or_rolled_back(project, tmp_path, point, outcome,
                                                           files):  # fmt: skip
    data, warehouse = project
    assert add(data) == 0
    marker = tmp_path / "paused"
    proc = run_etl(
        "remove", FILE_ID, "--data", str(data),
        env={"PULIH_WAREHOUSE": warehouse, **paused_at(point, marker)},
    )  # fmt: skip
    wait_for(marker, proc)
    proc.kill()
    proc.communicate()
    assert health.problems(warehouse) == []  # the dashboard reads a whole warehouse all along
    build = run_etl("build", "--data", str(data), env={"PULIH_WAREHOUSE": warehouse})
    _, err = build.communicate(timeout=300)
    assert build.returncode == 0, err
    assert f"{outcome} an interrupted `etl remove` of wide_title_block.xlsx ('{FILE_ID}')" in err
    assert kept(data, warehouse)["files"] == files
