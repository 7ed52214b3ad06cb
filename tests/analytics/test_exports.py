"""Every download format opened with the tool an analyst would use, compared with the query."""

import csv
import datetime as dt
import io

import openpyxl
import pandas as pd
import pyarrow.parquet as pq
import pytest

from analytics import datasets, exports, privacy, queries
from analytics.metrics import LABOUR

AREAS, START, END = ("36.71", "36.71.02"), dt.date(2020, 3, 1), dt.date(2020, 6, 1)


@pytest.fixture
def monthly(warehouse):
    frame = datasets.load(queries, "monthly", AREAS, LABOUR, START, END)
    return frame, datasets.meta("monthly", AREAS, LABOUR, START, END)


def comparable(frame: pd.DataFrame) -> pd.DataFrame:
    """Dates as ISO text, so a frame read back from a file compares with the query's."""
    out = frame.copy()
    for column in out.columns:
        if (
            pd.api.types.is_datetime64_any_dtype(out[column])
            or out[column].map(lambda v: isinstance(v, dt.date)).any()
        ):
            out[column] = pd.to_datetime(out[column]).dt.strftime("%Y-%m-%d")
    return out.astype(object).where(out.notna(), None)


def test_csv(monthly):
    frame, meta = monthly
    back = pd.read_csv(
        io.BytesIO(exports.to_bytes(frame, "csv", meta)), dtype=object, keep_default_na=False
    )
    assert list(back.columns) == datasets.COLUMNS["monthly"]
    assert len(back) == len(frame) == 24
    assert back["value"].astype(float).tolist() == frame["value"].tolist()
    assert back["as_of_date"].tolist() == comparable(frame)["as_of_date"].tolist()


def test_csv_for_indonesian_excel(warehouse):
    frame = datasets.load(queries, "umkm", ("36.71.02",), (), START, START)
    meta = datasets.meta("umkm", ("36.71.02",), (), START, START)
    data = exports.to_bytes(frame, "csv-id", meta)
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel reads the encoding right
    header, row = data.decode("utf-8-sig").splitlines()[:2]
    assert header.split(";")[:5] == ["region_code", "region_name", "level", "month", "registered"]
    rate = row.split(";")[6]
    assert "," in rate and "." not in rate  # decimal comma
    back = pd.read_csv(io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig")
    assert back["adoption_rate"].tolist() == pytest.approx(frame["adoption_rate"].tolist())
    assert back["registered"].tolist() == frame["registered"].tolist()


def test_xlsx_data_and_metadata_sheets(monthly):
    frame, meta = monthly
    workbook = openpyxl.load_workbook(io.BytesIO(exports.to_bytes(frame, "xlsx", meta)))
    assert workbook.sheetnames == ["data", "metadata"]
    back = pd.read_excel(io.BytesIO(exports.to_bytes(frame, "xlsx", meta)), sheet_name="data")
    assert back["value"].tolist() == frame["value"].tolist()
    assert back["region_code"].tolist() == frame["region_code"].tolist()
    assert back["month"].tolist() == comparable(frame)["month"].tolist()
    fields = dict(workbook["metadata"].iter_rows(min_row=2, values_only=True))
    assert fields["dataset"] == "monthly"
    assert fields["filter: areas"] == "36.71, 36.71.02"
    assert fields["filter: from"] == "2020-03" and fields["filter: to"] == "2020-06"
    assert fields["units (unit)"] == "companies, workers"
    # the demo kecamatan figures are known to the month: dated the first of it (Mar..Jun 2020)
    assert fields["dates (as_of_date)"] == "2020-03-01 .. 2020-06-01"
    assert fields["synthetic rows"] == "18"
    assert dt.datetime.fromisoformat(fields["made at"]) <= dt.datetime.now()
    sources = [
        v
        for k, v in workbook["metadata"].iter_rows(min_row=2, values_only=True)
        if k.startswith("source")
    ]
    assert any(s.startswith("Kompas.com https://") for s in sources)


def test_parquet_keeps_types_and_metadata(monthly):
    frame, meta = monthly
    table = pq.read_table(io.BytesIO(exports.to_bytes(frame, "parquet", meta)))
    back = table.to_pandas()
    pd.testing.assert_frame_equal(back, frame, check_dtype=False)
    assert (
        b"pulih" in table.schema.metadata and b"36.71, 36.71.02" in table.schema.metadata[b"pulih"]
    )


def test_file_names_say_what_is_in_them():
    assert (
        exports.file_name("monthly", AREAS, START, END, "csv-id")
        == "pulih_monthly_36.71-36.71.02_2020-03_2020-06_id.csv"
    )
    assert (
        exports.file_name("umkm", tuple("abcd"), START, END, "xlsx")
        == "pulih_umkm_4-wilayah_2020-03_2020-06.xlsx"
    )


DANGEROUS = ["=1+1", "+628123", "-2+3", "@SUM(A1)", "\tTAB", "\rCR", "aman", "Kec. Benda"]


def test_text_that_a_spreadsheet_would_run_is_neutralised():
    frame = pd.DataFrame({"note": DANGEROUS, "value": [-5.0, 1, 2, 3, 4, 5, 6, 7]})
    meta = exports.Meta("test", "injection")
    expected = ["'=1+1", "'+628123", "'-2+3", "'@SUM(A1)", "'\tTAB", "'\rCR", "aman", "Kec. Benda"]
    for fmt, sep in (("csv", ","), ("csv-id", ";")):
        text = exports.to_bytes(frame, fmt, meta).decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=sep))
        assert [r[0] for r in rows[1:]] == expected, fmt
        assert rows[1][1] in ("-5.0", "-5,0")  # a negative number is a number, left alone
    sheet = openpyxl.load_workbook(io.BytesIO(exports.to_bytes(frame, "xlsx", meta)))["data"]
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    # XML stores a carriage return in cell text as a line feed; the apostrophe is what matters
    assert [c.value for c in cells] == [e.replace("\r", "\n") for e in expected]
    assert all(c.data_type == "s" for c in cells)  # text, never a formula
    assert sheet["B2"].value == -5


def test_small_cells_are_withheld_with_their_complement(monkeypatch):
    # one city (36.71) and its kecamatan in one month; the city total is published
    frame = pd.DataFrame(
        {
            "region_code": ["a", "b", "c", "d", "36.71"],
            "parent_code": ["36.71"] * 4 + ["36"],
            "level": ["district"] * 4 + ["regency"],
            "month": [pd.Timestamp("2020-03-01")] * 5,
            "registered": [3, 7, 20, 0, 30],
            "onboarded": [1, 6, 15, 0, 22],
            "adoption_rate": [1 / 3, 6 / 7, 15 / 20, None, 22 / 30],
        }
    )
    out = privacy.suppress_register(frame).set_index("region_code")
    # a (3) is small; alone it would be 30 - 7 - 20 - 0 = 3: the smallest non-zero sibling, b (7),
    # is withheld with it (two cells, 3 + 7 = 10 >= 5); zero is shown
    assert out["registered_suppressed"].to_dict() == {
        "a": True, "b": True, "c": False, "d": False, "36.71": False
    }  # fmt: skip
    assert out["registered"].isna().tolist() == [True, True, False, False, False]
    assert out.loc["c", "registered"] == 20 and out.loc["36.71", "registered"] == 30
    # onboarded: a (1) small; b (6) completes it (1 + 6 = 7 >= 5)
    assert out["onboarded_suppressed"].tolist() == [True, True, False, False, False]
    # rates on withheld counts are withheld; the city's stays
    assert out["adoption_rate"].isna().tolist() == [True, True, False, True, False]
    assert out.loc["36.71", "adoption_rate"] == pytest.approx(22 / 30)
    # numbers stay numbers: no "<5" text inside a count column
    assert str(out["registered"].dtype) == "Float64"
    monkeypatch.setenv("PULIH_SMALL_CELL", "10")
    # threshold 10: a (3) and b (7) are both small; together 10 >= 10: nothing more withheld
    ten = privacy.suppress_register(frame).set_index("region_code")
    assert ten["registered_suppressed"].tolist() == [True, True, False, False, False]
