"""`python -m etl export` writes the file the Data page's download gives for the same filters."""

import datetime as dt
import io

import openpyxl
import pandas as pd
import pytest

from analytics import datasets, exports
from analytics.metrics import LABOUR
from etl.__main__ import main

START, END = dt.date(2020, 3, 1), dt.date(2020, 6, 1)


@pytest.mark.parametrize("fmt", ["csv", "csv-id", "parquet"])
@pytest.mark.parametrize(
    ("dataset", "metrics"), [("monthly", LABOUR), ("umkm", ()), ("reported", LABOUR)]
)
def test_cli_and_download_give_the_same_bytes(warehouse, tmp_path, fmt, dataset, metrics):
    areas = ("36.71", "36.71.02")
    out = tmp_path / "export"
    assert (
        main(
            [
                "export",
                "--dataset",
                dataset,
                "--format",
                fmt,
                "--area",
                areas[0],
                "--area",
                areas[1],
                "--from",
                "2020-03",
                "--to",
                "2020-06",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    page = exports.to_bytes(
        datasets.load(dataset, areas, metrics, START, END),
        fmt,
        datasets.meta(dataset, areas, metrics, START, END),
    )
    assert out.read_bytes() == page


def test_cli_and_download_give_the_same_workbook(warehouse, tmp_path):
    out = tmp_path / "export.xlsx"
    assert (
        main(
            [
                "export",
                "--dataset",
                "monthly",
                "--format",
                "xlsx",
                "--area",
                "36.71",
                "--from",
                "2020-03",
                "--to",
                "2020-06",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    page = exports.to_bytes(
        datasets.load("monthly", ("36.71",), LABOUR, START, END),
        "xlsx",
        datasets.meta("monthly", ("36.71",), LABOUR, START, END),
    )
    for sheet in ("data", "metadata"):
        cli = pd.read_excel(out, sheet_name=sheet)
        download = pd.read_excel(io.BytesIO(page), sheet_name=sheet)
        if sheet == "metadata":  # the only difference: when each was made
            cli, download = (f[f.field != "made at"] for f in (cli, download))
        pd.testing.assert_frame_equal(cli, download)
    assert openpyxl.load_workbook(out).sheetnames == ["data", "metadata"]


def test_export_defaults_and_errors(warehouse, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["export", "--dataset", "monthly", "--format", "csv"]) == 0
    assert (tmp_path / "pulih_monthly_36_2020-01_2022-12.csv").exists()
    assert main(["export", "--dataset", "nope", "--format", "csv"]) == 2
    assert main(["export", "--dataset", "monthly", "--format", "csv", "--area", "99"]) == 2
    assert main(["export", "--dataset", "monthly", "--format", "csv", "--from", "2020-13"]) == 2
    err = capsys.readouterr().err
    assert (
        "unknown dataset 'nope'" in err
        and "unknown area code(s) 99" in err
        and "'2020-13' is not a month" in err
    )
