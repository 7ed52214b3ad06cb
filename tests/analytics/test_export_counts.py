"""Counts leave the dashboard as whole numbers: 13 companies, never "13.0", in every format, and
a missing count stays missing (a nullable integer); rates keep their decimals.

Figures from data/raw: Kabupaten Tangerang reported 13 companies closed, 14.910 PHK and 9.836
dirumahkan on 10 Jul 2020 (kabkota_labour.csv rows 21-23); BPS put Banten's open unemployment
rate at 8,01 % in Feb 2020 (bps_sakernas.csv row 4)."""

import datetime as dt
import io

import openpyxl
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from analytics import datasets, exports, queries
from analytics.metrics import LABOUR

START, END = dt.date(2020, 1, 1), dt.date(2020, 12, 1)
KAB_TANGERANG = ("36.03",)


@pytest.fixture
def reported(warehouse):
    frame = datasets.load(queries, "reported", KAB_TANGERANG, LABOUR, START, END)
    return frame, datasets.meta("reported", KAB_TANGERANG, LABOUR, START, END)


def csv_cells(data: bytes, sep: str = ",") -> pd.DataFrame:
    text = data.decode("utf-8-sig")
    return pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False)


def row(frame: pd.DataFrame, metric: str) -> pd.Series:
    return frame[frame["metric"] == metric].iloc[0]


@pytest.mark.parametrize(("fmt", "sep"), [("csv", ","), ("csv-id", ";")])
def test_counts_are_written_without_decimals_in_csv(reported, fmt, sep):
    frame, meta = reported
    cells = csv_cells(exports.to_bytes(frame, fmt, meta), sep)
    assert row(cells, "companies_closed")["value"] == "13"
    assert row(cells, "phk")["value"] == "14910"
    assert not cells["value"].str.contains(r"[.,]").any()


def test_counts_are_integers_in_excel(reported):
    frame, meta = reported
    book = openpyxl.load_workbook(io.BytesIO(exports.to_bytes(frame, "xlsx", meta)))
    sheet = book["data"]
    header = [c.value for c in sheet[1]]
    column = header.index("value")
    cells = [r[column] for r in sheet.iter_rows(min_row=2)]
    assert cells and all(isinstance(c.value, int) for c in cells), [c.value for c in cells]
    assert 13 in [c.value for c in cells]
    back = pd.read_excel(io.BytesIO(exports.to_bytes(frame, "xlsx", meta)), sheet_name="data")
    assert pd.api.types.is_integer_dtype(back["value"])


def test_counts_are_integers_in_parquet(reported):
    frame, meta = reported
    table = pq.read_table(io.BytesIO(exports.to_bytes(frame, "parquet", meta)))
    assert pa.types.is_integer(table.schema.field("value").type)
    assert 13 in table.column("value").to_pylist()


def test_a_missing_count_stays_missing_and_integer(warehouse):
    """The Ringkasan trend download puts the labour rows and the register rows in one frame: the
    register's counts are empty on the labour rows (a join with gaps gives floats and NaN)."""
    labour = pd.DataFrame(
        {"metric": ["phk"], "value": [6023.0], "unit": ["workers"], "registered": [None]}
    )
    umkm = pd.DataFrame({"registered": pd.array([13199], dtype="Int64"), "unit": ["businesses"]})
    frame = pd.concat([labour, umkm], ignore_index=True)
    assert frame["value"].dtype == float  # what pandas gives: the defect's cause
    meta = exports.Meta(dataset="t", title="t")
    cells = csv_cells(exports.to_bytes(frame, "csv", meta))
    assert cells["value"].tolist() == ["6023", ""]
    assert cells["registered"].tolist() == ["", "13199"]
    table = pq.read_table(io.BytesIO(exports.to_bytes(frame, "parquet", meta)))
    assert pa.types.is_integer(table.schema.field("value").type)
    assert pa.types.is_integer(table.schema.field("registered").type)
    assert table.column("registered").to_pylist() == [None, 13199]


def test_rates_keep_their_decimals_beside_counts(warehouse):
    """Reported figures of Banten with the unemployment rate (percent) among the counts: the
    rate's row keeps 8.01 (8,01 in the Indonesian CSV), the companies' row says 53 (Banten's 53
    companies closed on 6 May 2020, banten_province_labour.csv row 9)."""
    metrics = ("tpt", "companies_closed")
    frame = datasets.load(queries, "reported", ("36",), metrics, START, END)
    meta = datasets.meta("reported", ("36",), metrics, START, END)
    dated = frame.assign(ref_date=pd.to_datetime(frame["ref_date"]).dt.strftime("%Y-%m-%d"))
    tpt = dated[(dated.metric == "tpt") & (dated.ref_date == "2020-02-01")].index[0]
    closed = dated[(dated.metric == "companies_closed") & (dated.ref_date == "2020-05-06")].index[0]
    plain = csv_cells(exports.to_bytes(frame, "csv", meta))
    assert (plain.loc[tpt, "value"], plain.loc[closed, "value"]) == ("8.01", "53")
    indonesian = csv_cells(exports.to_bytes(frame, "csv-id", meta), ";")
    assert (indonesian.loc[tpt, "value"], indonesian.loc[closed, "value"]) == ("8,01", "53")
    book = openpyxl.load_workbook(io.BytesIO(exports.to_bytes(frame, "xlsx", meta)))
    header = [c.value for c in book["data"][1]]
    column = header.index("value") + 1
    assert book["data"].cell(tpt + 2, column).value == pytest.approx(8.01)
    assert book["data"].cell(closed + 2, column).value == 53
    assert isinstance(book["data"].cell(closed + 2, column).value, int)
    # a Parquet column has one type: a column of counts and rates stays decimal there
    table = pq.read_table(io.BytesIO(exports.to_bytes(frame, "parquet", meta)))
    assert table.column("value").to_pylist()[tpt] == pytest.approx(8.01)


def test_register_counts_and_population_are_integers(warehouse):
    """The UMKM dataset: registered and onboarded are counts, adoption_rate a ratio."""
    frame = datasets.load(queries, "umkm", ("36.71",), (), START, END)
    meta = datasets.meta("umkm", ("36.71",), (), START, END)
    table = pq.read_table(io.BytesIO(exports.to_bytes(frame, "parquet", meta)))
    assert pa.types.is_integer(table.schema.field("registered").type)
    assert pa.types.is_integer(table.schema.field("onboarded").type)
    assert pa.types.is_floating(table.schema.field("adoption_rate").type)
    cells = csv_cells(exports.to_bytes(frame, "csv", meta))
    assert not cells["registered"].str.contains(r"\.").any()
