"""Every download button gives a file that opens in the tool it is made for and holds exactly the
rows the table above it shows: the Data page's four formats, clicked in a real browser."""

import io
import re

import openpyxl
import pandas as pd
import pytest

# Data at province level, reported figures (the default dataset), all months: Banten's reports.
VIEW = "/data?level=province"


def opened(name: str, content: bytes) -> pd.DataFrame:
    """The file as an analyst's tool reads it."""
    if name.endswith(".xlsx"):
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
        assert workbook.sheetnames == ["data", "metadata"]
        return pd.read_excel(io.BytesIO(content), sheet_name="data")
    if name.endswith(".parquet"):
        return pd.read_parquet(io.BytesIO(content))
    if content.startswith(b"\xef\xbb\xbf"):  # the CSV for Indonesian Excel: ; and decimal comma
        return pd.read_csv(io.BytesIO(content), sep=";", decimal=",", encoding="utf-8-sig")
    return pd.read_csv(io.BytesIO(content))


def digits(text: str) -> str:
    return re.sub(r"[^0-9]", "", text)


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_each_file_opens_and_holds_the_rows_shown(open_app, viewport):
    app = open_app(VIEW, viewport)
    caption = re.search(r"([0-9.]+) baris", app.text())
    assert caption, "the row count is said above the table"
    shown_rows = int(caption.group(1).replace(".", ""))
    assert shown_rows > 0
    assert app.table_shape(0)[0] == shown_rows
    headers = app.table_headers(0)
    area, value = headers.index("Wilayah"), headers.index("Angka")
    first = app.table_cells(0)

    popovers = app.popovers()
    assert popovers, "a download button under the table"
    files = app.download_all(popovers[0])
    assert [f.name.rsplit(".", 1)[1] for f in files] == ["csv", "csv", "xlsx", "parquet"]
    for file in files:
        frame = opened(file.name, file.content)
        assert len(frame) == shown_rows, file.name
        # the screenful drawn: the same areas and figures, in the same order
        for cells, row in zip(first, frame.itertuples(), strict=False):
            assert cells[area] == row.region_name, file.name
            assert digits(cells[value]) == str(int(row.value)), (file.name, cells, row.value)
        assert file.name.startswith("pulih_reported_")


def test_counts_leave_as_whole_numbers_in_every_format(open_app):
    """Kabupaten Tangerang reported 13 companies closed on 10 Jul 2020 (data/raw/kabkota_labour.csv
    row 23): each file says 13, not "13.0", and Parquet and Excel type the column as integers."""
    app = open_app("/data?level=regency&areas_regency=36.03")
    files = app.download_all(app.popovers()[0])
    assert len(files) == 4
    for file in files:
        if file.name.endswith(".csv"):
            sep = ";" if file.content.startswith(b"\xef\xbb\xbf") else ","
            text = io.StringIO(file.content.decode("utf-8-sig"))
            cells = pd.read_csv(text, sep=sep, dtype=str, keep_default_na=False)
            closed = cells[cells.metric == "companies_closed"]["value"].tolist()
            assert closed == ["13"], (file.name, closed)
            assert not cells["value"].str.contains(r"[.,]").any(), file.name
        else:
            frame = opened(file.name, file.content)
            assert pd.api.types.is_integer_dtype(frame["value"]), (file.name, frame["value"].dtype)
            assert frame[frame.metric == "companies_closed"]["value"].tolist() == [13]
        if file.name.endswith(".xlsx"):
            sheet = openpyxl.load_workbook(io.BytesIO(file.content))["data"]
            column = [c.value for c in sheet[1]].index("value")
            assert all(isinstance(r[column].value, int) for r in sheet.iter_rows(min_row=2))


def test_a_figure_known_only_to_its_year_stays_in_every_window_of_that_year(open_app):
    """ANTARA Banten reported Kota Tangerang's 1.971 furloughed workers in 2020 without a date
    (data/raw: date_precision year). Moving the Data page's start month to February 2020 dropped
    it, as if it were dated 1 January. It belongs to every window that meets 2020; its download
    says '2020' in the column period (ref_date is only the year's first day, said in the
    metadata). Expected values read off the shipped file by hand."""
    app = open_app("/data?areas_regency=36.71&dari=2020-02&sampai=2020-12", "desktop")
    rows = app.table_cells(0)  # waits for the grid's rows (its headers come with them)
    headers = app.table_headers(0)
    date, value = headers.index("Tanggal"), headers.index("Angka")
    undated = [r for r in rows if r[date].startswith("2020 (")]
    assert sorted(digits(r[value]) for r in undated) == ["1971", "6023"], rows
    files = app.download_all(app.popovers()[0])
    frame = opened(files[0].name, files[0].content)
    assert sorted(frame.loc[frame["period"].astype(str) == "2020", "value"]) == [1971, 6023]
    meta = openpyxl.load_workbook(io.BytesIO(files[2].content), read_only=True)["metadata"]
    texts = [str(c) for row in meta.iter_rows(values_only=True) for c in row if c]
    assert any("hari pertama periode" in text for text in texts)
