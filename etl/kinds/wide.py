"""Reported figures as agencies tabulate them (kind `observations_wide`): one row per area and a
figure column per metric (PHK, Dirumahkan, ...), the date in a column or in the title rows above
the header ('Data PHK per 20 Mei 2020'). A row's good figures load beside its bad cells (the row
loads partly); a cell with no figure ('-', blank) is not a figure. The rules of a figure are the
long form's (etl/kinds/observations.py)."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from etl import cells, validate
from etl.kinds.observations import (
    COLUMNS,
    conflict,
    date_problem,
    identity,
    observed_date,
    plausible_figure,
)
from etl.load import Citations, Context, Kind, Loaded, Row, run
from warehouse import reasons

if TYPE_CHECKING:
    from etl.columns import Table
    from etl.manifest import FileEntry

REQUIRED = ("area_code",)
OPTIONAL = ("area_name", "ref_date", "statement_by", "outlet", "url", "source", "published", "note")
TITLE_DATE = re.compile(
    r"(\d{1,2}[/-]\d{1,2}[/-]\d{4}|\d{4}-\d{2}-\d{2}|(?:\d{1,2}\s+)?[A-Za-z]{3,9}\.?\s+\d{4})"
)


def load(table: Table, entry: FileEntry, ctx: Context) -> Loaded:
    metrics = [c for c in table.columns if c.startswith("metric:")]
    title_date = None if "ref_date" in table.columns else _date_in_title(table)
    if not metrics:
        table.warnings.append(reasons.reason(reasons.NO_FIGURE_COLUMN))
    if "ref_date" not in table.columns and title_date is None:
        table.warnings.append(reasons.reason(reasons.NO_DATE))
    elif title_date:
        table.warnings.append(reasons.reason(reasons.TITLE_DATE, date=title_date[0].isoformat()))
    empty_cells = 0

    def parse(row: Row, citations: Citations):
        nonlocal empty_cells
        region = row.region("area_code", ctx)
        ref_date: dt.date | None
        precision: str | None
        if title_date:
            ref_date, precision = title_date
            if problem := date_problem(ref_date, ctx):
                row.reject(
                    None,
                    ref_date.isoformat(),
                    reasons.reason(reasons.TITLE_DATE_PROBLEM, problem=problem),
                )
                ref_date = None
        else:
            ref_date, precision = observed_date(row, "ref_date", ctx)
        source_id = citations.for_row(row)
        records = []
        for column in metrics:
            if row.raw(column) is None:
                empty_cells += 1
                continue
            value, qualifier = row.quantity(column)
            metric = column.removeprefix("metric:")
            if not plausible_figure(row, column, value, metric, region, ctx):
                continue
            if value is None or region is None or ref_date is None:
                continue
            records.append(
                {
                    "obs_id": f"{entry.id}:{row.line}:{metric}",
                    "region_code": region,
                    "ref_date": ref_date,
                    "date_precision": precision,
                    "metric": metric,
                    "value": value,
                    "qualifier": qualifier,
                    "basis": entry.basis,
                    "sector": None,
                    "note": row.get("note", required=False),
                    "source_id": source_id,
                    "line": row.line,
                    "_column": column,
                }
            )
        if metrics and all(row.raw(column) is None for column in metrics):
            row.reject(None, None, reasons.reason(reasons.ROW_WITHOUT_FIGURE))
        return records

    table = validate.set_aside_totals(table)
    loaded = run(table, entry, KIND, parse, ctx)
    if empty_cells:
        loaded.warnings.append(reasons.reason(reasons.EMPTY_CELLS, n=empty_cells))
    return loaded


def _date_in_title(table: Table) -> tuple[dt.date, str] | None:
    """'Data PHK per 20 Mei 2020' above the header: the date the whole table is as of."""
    for text in table.title:
        for candidate in TITLE_DATE.findall(text):
            try:
                return cells.date_with_precision(candidate)
            except cells.CellError:
                continue
    return None


KIND = Kind(
    "observations_wide", "observation", REQUIRED, OPTIONAL, load, COLUMNS, wide=True,
    identity=identity, conflict=conflict,
)  # fmt: skip
