"""Display tables (ui/tables.py): what a reader sees in a cell, written by hand."""

import datetime as dt

import pandas as pd

from ui import table_cells, tables


def test_a_source_covering_one_day_shows_one_date_not_a_range():
    # a source with a single report (13 April 2020) read "13 April 2020 – 13 April 2020"
    assert table_cells.span(dt.date(2020, 4, 13), dt.date(2020, 4, 13)) == "13 April 2020"
    assert table_cells.span(dt.date(2020, 4, 13), dt.date(2021, 7, 26)) == (
        "13 April 2020 – 26 Juli 2021"
    )
    assert table_cells.when("2020-04-13/2020-04-13") == "13 April 2020"


def test_the_impact_column_has_one_number_of_decimals():
    # PHK per 1.000 penduduk at the peak read "5,46", "0,8", "2": two decimals each now
    frame = pd.DataFrame(
        {
            "region_name": ["A", "B", "C"],
            "peak_month": [dt.date(2020, 5, 1)] * 3,
            "phk_at_peak": [546.0, 80.0, 200.0],
            "x": [5.46, 0.8, 2.0],
            "excluded": [None, None, None],
            "y": [0.1, 0.2, 0.3],
            "adoption_month": [dt.date(2020, 11, 1)] * 3,
            "synthetic": [False] * 3,
        }
    )
    table = tables.impact_table(frame, "per_1000")
    (column,) = [c for c in table.columns if "1.000" in c]
    assert table[column].tolist() == ["5,46", "0,80", "2,00"]
