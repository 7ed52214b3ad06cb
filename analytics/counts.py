"""Which columns of a download hold counts, so they leave as whole numbers (13 companies, never
"13.0").

The warehouse keeps every figure as a double (one `value` column holds counts and rates), and
pandas turns an integer column with a gap (a join, a concat of labour and register rows) into
floats. A count is known by its unit, row by row (`unit` beside `value`, `shown_unit` beside
`shown`), or by the column's name where a column holds one kind of count (`registered`).
"""

import pandas as pd

# the units of the counts in data/raw/metrics.csv (the rest are rates: percent, ratio, per ...)
COUNT_UNITS = frozenset({"workers", "companies", "persons", "businesses", "products"})
# a figure column -> the column naming each row's unit
UNIT_OF = {
    "value": "unit",
    "shown": "shown_unit",
    "a_value": "a_unit",
    "b_value": "b_unit",
    "difference": "a_unit",
}
# columns that hold counts whatever the row (register counts, residents, years, months)
COUNT_COLUMNS = frozenset(
    {
        "registered",
        "onboarded",
        "population",
        "population_year",
        "age_months",
        "phk_at_peak",
        "phk_reference",
        "registered_at_peak",
        "rows_loaded",
        "rows_rejected",
    }
)


def _whole(values: pd.Series) -> bool:
    present = values.dropna()
    return bool((present == present.round()).all())


def count_rows(frame: pd.DataFrame, column: str) -> pd.Series:
    """True on the rows where `column` holds a count (False where it holds a rate)."""
    if column in COUNT_COLUMNS:
        return pd.Series(True, index=frame.index)
    unit = UNIT_OF.get(column)
    if unit is None or unit not in frame:
        return pd.Series(False, index=frame.index)
    return frame[unit].isin(COUNT_UNITS) | frame[column].isna()


def as_integers(frame: pd.DataFrame) -> pd.DataFrame:
    """Every numeric column that holds counts only, as a nullable integer (Int64: a missing count
    stays missing). A column that mixes counts and rates keeps its decimals (see `count_cells`)."""
    out = frame.copy()
    for column in out.columns:
        values = out[column]
        if not pd.api.types.is_float_dtype(values) or not _whole(values):
            continue
        if count_rows(out, column).all():
            out[column] = values.round().astype("Int64")
    return out


def count_cells(frame: pd.DataFrame, decimal: str = ".") -> pd.DataFrame:
    """For text and spreadsheet files, where a column need not have one type: in a column of
    counts and rates, each count as a whole number and each rate as a decimal (written with
    `decimal`, as text, when it is not a dot: a CSV writer leaves the cells of such a column
    alone)."""
    out = frame.copy()
    for column in out.columns:
        values = out[column]
        if not pd.api.types.is_float_dtype(values):
            continue
        counts = count_rows(out, column) & values.notna() & (values == values.round())
        if not counts.any():
            continue
        cells = values.astype(object).where(values.notna(), None)
        cells[counts] = [int(v) for v in values[counts]]
        if decimal != ".":
            rates = ~counts & values.notna()
            cells[rates] = [repr(float(v)).replace(".", decimal) for v in values[rates]]
        out[column] = cells
    return out
