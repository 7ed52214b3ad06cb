"""`python -m analytics export` (alias `python -m etl export`) writes the file the Data page's
download gives for the same filters."""

import csv
import datetime as dt
import io
import shutil

import openpyxl
import pandas as pd
import pytest

from analytics import datasets, exports, queries
from analytics.__main__ import main
from analytics.metrics import LABOUR
from etl.build import build
from tests.conftest import DATA

START, END = dt.date(2020, 3, 1), dt.date(2020, 6, 1)


def cli(out, fmt: str, dataset: str, areas: tuple[str, ...]) -> int:
    area_args = [arg for code in areas for arg in ("--area", code)]
    period = ["--from", "2020-03", "--to", "2020-06"]
    return main(
        ["export", "--dataset", dataset, "--format", fmt, *area_args, *period, "--out", str(out)]
    )


def page(fmt: str, dataset: str, areas: tuple[str, ...], metrics) -> bytes:
    """What the Data page's download button writes for the same filters."""
    frame = datasets.load(queries, dataset, areas, metrics, START, END)
    return exports.to_bytes(frame, fmt, datasets.meta(dataset, areas, metrics, START, END))


@pytest.mark.parametrize("fmt", ["csv", "csv-id", "parquet"])
@pytest.mark.parametrize(
    ("dataset", "metrics"), [("monthly", LABOUR), ("umkm", ()), ("reported", LABOUR)]
)
def test_cli_and_download_give_the_same_bytes(warehouse, tmp_path, fmt, dataset, metrics):
    areas = ("36.71", "36.71.02")
    assert cli(tmp_path / "export", fmt, dataset, areas) == 0
    assert (tmp_path / "export").read_bytes() == page(fmt, dataset, areas, metrics)


def test_cli_and_download_give_the_same_workbook(warehouse, tmp_path):
    out = tmp_path / "export.xlsx"
    assert cli(out, "xlsx", "monthly", ("36.71",)) == 0
    download = page("xlsx", "monthly", ("36.71",), LABOUR)
    for sheet in ("data", "metadata"):
        from_cli = pd.read_excel(out, sheet_name=sheet)
        from_page = pd.read_excel(io.BytesIO(download), sheet_name=sheet)
        if sheet == "metadata":  # the only difference: when each was made
            from_cli, from_page = (f[f.field != "made at"] for f in (from_cli, from_page))
        pd.testing.assert_frame_equal(from_cli, from_page)
    assert openpyxl.load_workbook(out).sheetnames == ["data", "metadata"]


def test_export_defaults_and_errors(warehouse, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["export", "--dataset", "monthly", "--format", "csv"]) == 0
    assert (tmp_path / "pulih_monthly_36_2020-01_2022-12.csv").exists()
    assert main(["export", "--dataset", "nope", "--format", "csv"]) == 2
    assert main(["export", "--dataset", "monthly", "--format", "csv", "--area", "99"]) == 2
    assert main(["export", "--dataset", "monthly", "--format", "csv", "--from", "2020-13"]) == 2
    err = capsys.readouterr().err
    assert "unknown dataset 'nope'" in err and "unknown area code(s) 99" in err
    assert "'2020-13' is not a month" in err


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    """A data folder with its warehouse where `make build` puts it (data/pulih.duckdb), and the
    files that sit beside a warehouse: what an export must never write over."""
    root = tmp_path_factory.mktemp("live")
    data = root / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("*.duckdb*", ".add-journal*"))
    build(data, data / "pulih.duckdb")
    (data / "pulih.duckdb.tmp").write_bytes(b"left by a killed build")
    build(data, root / "elsewhere.duckdb")  # another warehouse, under no protected name
    (data / ".add-journal.json").write_text("{}")
    return root, data


def files_under(folder) -> dict:
    return {p: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(
    ("out", "why"),
    [
        ("data/pulih.duckdb", "it is the warehouse the dashboard reads"),
        ("data/pulih.duckdb.tmp", "it belongs to the warehouse data/pulih.duckdb"),
        ("data/pulih.duckdb.wal", "it belongs to the warehouse data/pulih.duckdb"),
        ("data/pulih.duckdb.lock", "it belongs to the warehouse data/pulih.duckdb"),
        ("data/sources.toml", "it is the manifest the warehouse is built from"),
        ("data/.add-journal.json", "it belongs to an `etl add` in progress"),
        ("data/raw/metrics.csv", "it is under data/raw/, the inputs"),
        ("data/raw/agency/new.csv", "it is under data/raw/, the inputs"),
        ("data/aliases/regions.csv", "it is under data/aliases/, the inputs"),
        ("elsewhere.duckdb", "it is a DuckDB database"),
        ("link.csv", "it is the warehouse the dashboard reads"),  # a link to it
    ],
)
def test_export_refuses_to_write_over_the_warehouse_or_its_inputs(
    live, monkeypatch, capsys, out, why
):
    root, data = live
    monkeypatch.chdir(root)
    monkeypatch.setenv("PULIH_DATA", str(data))
    monkeypatch.setenv("PULIH_WAREHOUSE", str(data / "pulih.duckdb"))
    link = root / "link.csv"
    link.unlink(missing_ok=True)
    link.symlink_to(data / "pulih.duckdb")
    before = files_under(root)
    assert main(["export", "--dataset", "monthly", "--format", "csv", "--out", out]) == 2
    err = capsys.readouterr().err
    assert f"export failed: refusing to write to {out}: {why}" in err
    assert "choose a file outside data/" in err
    assert files_under(root) == before  # nothing written, nothing left behind


def test_export_writes_through_a_temporary_file_in_the_target_folder(
    live, tmp_path, monkeypatch, capsys
):
    _, data = live
    monkeypatch.setenv("PULIH_DATA", str(data))
    monkeypatch.setenv("PULIH_WAREHOUSE", str(data / "pulih.duckdb"))
    out = tmp_path / "exports" / "phk.csv"
    out.parent.mkdir()
    out.write_text("an older export\n")
    args = ["export", "--dataset", "monthly", "--format", "csv", "--area", "36"]
    assert main([*args, "--from", "2020-05", "--to", "2020-05", "--out", str(out)]) == 0
    # Banten, May 2020: PHK 17.298, dirumahkan 27.569, closures 59 (Kompas.com, 20 May 2020)
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert sorted((r["metric"], float(r["value"])) for r in rows) == [
        ("companies_closed", 59.0),
        ("dirumahkan", 27569.0),
        ("phk", 17298.0),
    ]
    assert [p.name for p in out.parent.iterdir()] == ["phk.csv"]  # no temporary file left
    assert main([*args, "--out", str(tmp_path / "no-such-folder" / "x.csv")]) == 2
    assert main([*args, "--out", str(out.parent)]) == 2
    err = capsys.readouterr().err
    assert "the folder " in err and "no-such-folder does not exist: create it first" in err
    assert f"{out.parent} is a folder: name a file in it, e.g. {out.parent}/export.csv" in err
