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


def cli(out, fmt: str, dataset: str, areas: tuple[str, ...]) -> int:
    area_args = [arg for code in areas for arg in ("--area", code)]
    period = ["--from", "2020-03", "--to", "2020-06"]
    return main(
        ["export", "--dataset", dataset, "--format", fmt, *area_args, *period, "--out", str(out)]
    )


def page(fmt: str, dataset: str, areas: tuple[str, ...], metrics) -> bytes:
    """What the Data page's download button writes for the same filters."""
    frame = datasets.load(dataset, areas, metrics, START, END)
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
