"""Reported figures in long form (kind `observations`): one row per area, date and measure, as
the project's own files and agencies' long tables give them. The rules of a figure live here and
the wide kind (etl/kinds/wide.py) shares them: its date within the bounds of etl/plausible.py, its
value plausible for its unit and area, its metric and unit known, its qualifier consistent with
how the value is written, and one figure per area, measure, date and source in a file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from etl import cells, plausible, validate
from etl.aliases import norm
from etl.load import Citations, Context, Kind, Loaded, Row, run
from warehouse import reasons

if TYPE_CHECKING:
    from etl.columns import Table
    from etl.manifest import FileEntry

OBSERVED_WHAT = reasons.OBSERVED_WHAT
BASES = ("workplace", "ktp_kota_tangerang", "reported_by_workers", "resident", "register")
UNITS = {
    "workers": {"workers", "pekerja", "orang", "jiwa", "karyawan", "tenaga kerja"},
    "companies": {"companies", "perusahaan", "unit"},
    "businesses": {"businesses", "usaha", "umkm", "unit usaha", "unit"},
    "persons": {"persons", "orang", "jiwa", "penduduk"},
    "percent": {"percent", "persen"},
    "products": {"products", "produk"},
}
REQUIRED = ("area_code", "ref_date", "metric", "value")
OPTIONAL = (
    "area_name",
    "date_precision",
    "unit",
    "qualifier",
    "basis",
    "sector",
    "statement_by",
    "outlet",
    "url",
    "source",
    "published",
    "note",
)
COLUMNS = ("obs_id", "region_code", "ref_date", "date_precision", "metric", "value", "qualifier",
           "basis", "sector", "note", "source_id", "line")  # fmt: skip
# what identifies a figure in a file (with its source): given twice, it loads once
FIGURE_KEY = ("region_code", "ref_date", "date_precision", "metric", "basis", "sector", "source_id")


def date_problem(day: dt.date, ctx: Context) -> reasons.Reason | None:
    """Why a figure cannot be dated `day` (etl/plausible.py), or None."""
    return plausible.date_problem(day, plausible.OBSERVED_FROM, ctx.build_date, OBSERVED_WHAT)


def observed_date(row: Row, column: str, ctx: Context) -> tuple[dt.date | None, str | None]:
    """A figure's date and its precision, within the bounds of etl/plausible.py."""
    parsed = row.get(column, cells.date_with_precision)
    if parsed and (problem := date_problem(parsed[0], ctx)):
        row.reject(column, row.raw(column), problem)
        return None, None
    return parsed if parsed else (None, None)


def plausible_figure(row: Row, column: str, value, metric, region, ctx: Context) -> bool:
    """Whether a parsed figure can be true (etl/validate.py); rejects its cell if not."""
    if value is None or metric is None:
        return True
    problem = validate.figure_problem(value, ctx.metric_units.get(metric), region, ctx.areas)
    if problem:
        row.reject(column, row.raw(column), problem)
    return problem is None


def identity(record: dict) -> tuple[tuple, tuple]:
    """(what identifies a figure, what it states)."""
    return tuple(record[k] for k in FIGURE_KEY), (record["value"], record["qualifier"])


def conflict(ctx: Context, record, figure, first_figure, first_line) -> reasons.Reason:
    """The reason a figure that states another value than an earlier line is rejected."""
    area = ctx.areas.get(record["region_code"], (record["region_code"],))[0]
    return reasons.reason(
        reasons.CONFLICT,
        area=area,
        metric=record["metric"],
        date=record["ref_date"].isoformat(),
        figure=_figure(*figure),
        first=_figure(*first_figure),
        line=str(first_line),
    )


def _figure(value: float, qualifier: str) -> reasons.Reason:
    sign = {"approx": "± ", "at_least": "≥ ", "more_than": "> "}.get(qualifier, "")
    return reasons.reason(reasons.QUALIFIED, sign=sign, value=value)


def _metric_code(row: Row, ctx: Context) -> str | None:
    raw = row.get("metric")
    if raw is None:
        return None
    if raw in ctx.metric_units:
        return raw
    column = ctx.columns.get(raw)  # "PHK", "Dirumahkan", "Perusahaan Tutup"
    if column and column.name.startswith("metric:"):
        return column.name.removeprefix("metric:")
    row.reject("metric", raw, reasons.reason(reasons.UNKNOWN_METRIC, raw=raw))
    return None


def _unit_ok(row: Row, metric: str | None, ctx: Context) -> None:
    unit = row.raw("unit")
    expected = ctx.metric_units.get(metric or "")
    if unit is None or expected is None:
        return  # no unit written: the metric's own unit applies
    if norm(unit) != norm(expected) and norm(unit) not in UNITS.get(expected, set()):
        row.reject(
            "unit",
            unit,
            reasons.reason(reasons.WRONG_UNIT, metric=metric, expected=expected, unit=str(unit)),
        )


def _qualifier(row: Row, from_value: str | None) -> str | None:
    written = row.get("qualifier", cells.choice(*cells.QUALIFIERS), required=False)
    if written and from_value and from_value != "exact" and written != from_value:
        row.reject(
            "qualifier", written, reasons.reason(reasons.QUALIFIER_DISAGREES, qualifier=from_value)
        )
    return written or from_value or "exact"


class Rules:
    """The rules of one file's rows, each on the cells it reads: `full` applies them all to a
    whole row (its rejects with line and column); the others are one cell (or pair) each, which
    the loaders apply once per distinct value (Probe below, and etl/kinds/observations_set.py)."""

    def __init__(self, entry: FileEntry, ctx: Context):
        self.entry, self.ctx = entry, ctx

    def region(self, row: Row) -> str | None:
        return row.region("area_code", self.ctx)

    def dated(self, row: Row) -> tuple[dt.date | None, str | None]:
        ref_date, precision = observed_date(row, "ref_date", self.ctx)
        precision = (
            row.get("date_precision", cells.choice("day", "month", "year"), required=False)
            or precision
        )
        return cells.period_start(ref_date, precision), precision

    def metric(self, row: Row) -> str | None:
        return _metric_code(row, self.ctx)

    def figure(self, row: Row) -> tuple[float | None, str | None]:
        return row.quantity("value")

    def unit(self, row: Row, metric: str | None) -> None:
        _unit_ok(row, metric, self.ctx)

    def qualifier(self, row: Row, from_value: str | None) -> str | None:
        return _qualifier(row, from_value)

    def basis(self, row: Row) -> str | None:
        return row.get("basis", cells.choice(*BASES), required=False)

    def sector(self, row: Row) -> str | None:
        return row.get("sector", required=False)

    def note(self, row: Row) -> str | None:
        return row.get("note", required=False)

    def full(self, row: Row, citations: Citations) -> dict:
        region = self.region(row)
        ref_date, precision = self.dated(row)
        metric = self.metric(row)
        value, from_value = self.figure(row)
        plausible_figure(row, "value", value, metric, region, self.ctx)
        self.unit(row, metric)
        return {
            "obs_id": f"{self.entry.id}:{row.line}:{metric}",
            "region_code": region,
            "ref_date": ref_date,
            "date_precision": precision,
            "metric": metric,
            "value": value,
            "qualifier": self.qualifier(row, from_value),
            "basis": self.basis(row) or self.entry.basis,
            "sector": self.sector(row),
            "note": self.note(row),
            "source_id": citations.for_row(row),
            "line": row.line,
            "_column": "value",  # where the figure was written, for a reject about it
        }


def load(table: Table, entry: FileEntry, ctx: Context) -> Loaded:
    """A file read in Python (a workbook, or a CSV the set-based loader leaves to this one,
    etl/kinds/observations_set.py): its rows walked one by one, each distinct cell checked once."""
    rules = Rules(entry, ctx)
    probe = Probe(table)

    def quick(row: Row, citations: Citations) -> dict | None:
        """The row's record from the verdicts on its cells, each distinct cell (or pair) checked
        once by the rules above; None when any cell has a fault (`full` then says which)."""
        region = probe(row, ("area_code",), rules.region)
        dates = probe(row, ("ref_date", "date_precision"), rules.dated)
        metric = probe(row, ("metric",), rules.metric)
        figure = probe(row, ("value",), rules.figure)
        if FAULT in (region, dates, metric, figure):
            return None
        (ref_date, precision), (value, from_value) = dates, figure
        if validate.figure_problem(value, ctx.metric_units.get(metric), region, ctx.areas):
            return None
        checked = (
            probe(row, ("unit",), lambda r: rules.unit(r, metric), metric),
            probe(row, ("qualifier",), lambda r: rules.qualifier(r, from_value), from_value),
            probe(row, ("basis",), rules.basis),
            probe(row, ("sector",), rules.sector),
            probe(row, ("note",), rules.note),
            probe(row, CITED, citations.for_row),  # in the order of the rows: the same ids
        )
        if FAULT in checked:
            return None
        _, qualifier, basis, sector, note, source_id = checked
        return {
            "obs_id": f"{entry.id}:{row.line}:{metric}",
            "region_code": region,
            "ref_date": ref_date,
            "date_precision": precision,
            "metric": metric,
            "value": value,
            "qualifier": qualifier,
            "basis": basis or entry.basis,
            "sector": sector,
            "note": note,
            "source_id": source_id,
            "line": row.line,
            "_column": "value",
        }

    def parse(row: Row, citations: Citations):
        return quick(row, citations) or rules.full(row, citations)

    table = validate.set_aside_totals(table)
    return run(table, entry, KIND, parse, ctx)


# the cells a row's citation is read from (Citations.for_row)
CITED = ("statement_by", "outlet", "url", "source", "published")
FAULT = object()  # a verdict: the cell (or pair) has a fault


class Probe:
    """The rules of a cell run once per distinct value (or pair of values) in a file, on a row that
    holds those cells alone, and remembered: the same code gives the same verdict as on the whole
    row, and a national file of 786.780 rows has a few thousand areas, 36 dates, 3 measures. A
    verdict is what the rule returns, or FAULT when it rejected the cell (the row is then parsed
    whole, by the same rules, for its rejects with their line)."""

    def __init__(self, table: Table):
        self.table = table
        self.seen: dict[tuple, object] = {}

    def __call__(self, row: Row, columns: tuple[str, ...], rule, *given) -> Any:
        key = (columns, *given, *(row.cells.get(c) for c in columns))
        if key not in self.seen:
            alone = Row(row.line, {c: row.cells.get(c) for c in columns}, self.table)
            verdict = rule(alone)
            self.seen[key] = FAULT if alone.rejects else verdict
        return self.seen[key]


def read(con, path: Path, entry: FileEntry, ctx: Context) -> Loaded:
    """The file loaded set-based in DuckDB where it can be (etl/kinds/observations_set.py), else
    read in Python and walked row by row (load above)."""
    from etl.kinds import observations_set  # it builds on this module's rules

    return observations_set.load(con, path, entry, ctx)


KIND = Kind(
    "observations", "observation", REQUIRED, OPTIONAL, read, COLUMNS,
    identity=identity, conflict=conflict, reads_itself=True,
)  # fmt: skip
