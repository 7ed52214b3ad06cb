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


def test_a_difference_of_reports_carries_its_unit_and_qualifier():
    # "Selisih (B − A)" read "1.977" beside Apindo's "± 8.000 pekerja" and Disnaker's 6.023:
    # 8.000 - 6.023 = 1.977, approximate, in workers; 9.500 - 15.985 = -6.485, exact
    frame = pd.DataFrame(
        {
            "region_name": ["Kota Tangerang", "Kabupaten Serang"],
            "kind": ["alternative_estimate", "inconsistent_total"],
            "difference": [1977.0, -6485.0],
            "difference_qualifier": ["approx", "exact"],
            "a_unit": ["workers", "workers"],
            "b_unit": ["workers", "workers"],
            **{
                f"{side}_{k}": [v, v]
                for side in ("a", "b")
                for k, v in {
                    "label": "PHK", "value": 1.0, "qualifier": "exact", "statement_by": "",
                    "outlet": "X", "ref_date": dt.date(2020, 5, 5),
                }.items()
            },
        }
    )  # fmt: skip
    column = tables.conflicts_table(frame).iloc[:, -1].tolist()
    assert column == ["± 1.977 pekerja", "-6.485 pekerja"]
