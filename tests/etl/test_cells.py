"""One cell as an agency writes it: numbers with their qualifiers, rounding and dates."""

import datetime as dt

import pytest

from etl import cells


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("17.298", (17298.0, "exact")),  # a dot groups thousands
        ("1.234,5", (1234.5, "exact")),
        ("8.52", (8.52, "exact")),  # a dot not followed by groups of three is a decimal point
        ("4 ribu lebih", (4000.0, "at_least")),
        ("sekitar 23 ribu", (23000.0, "approx")),
        ("> 30.000", (30000.0, "more_than")),
        ("lebih dari 30 ribu", (30000.0, "more_than")),
        ("19 ribuan", (19000.0, "approx")),
        # rounded words: fewer digits than the scale word has zeros -> approximate
        ("661 ribu", (661000.0, "approx")),  # to the thousand
        ("6,21 juta", (6210000.0, "approx")),  # to ten thousand
        ("13 ribu", (13000.0, "approx")),
        ("99,85 ribu", (99850.0, "approx")),  # to ten
        ("17,298 ribu", (17298.0, "exact")),  # every digit given: exact
        ("2,5 juta", (2500000.0, "approx")),
    ],
)
def test_numbers_keep_their_qualifier_and_rounding(written, expected):
    assert cells.quantity(written) == expected


def test_dates_keep_their_precision():
    assert cells.date_with_precision("20 Mei 2020") == (dt.date(2020, 5, 20), "day")
    assert cells.date_with_precision("Mei 2020") == (dt.date(2020, 5, 1), "month")
    assert cells.date_with_precision("2020-08") == (dt.date(2020, 8, 1), "month")
