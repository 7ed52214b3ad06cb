"""One loader per kind of input file: rows in, validated frame and rejects out.

A loader never drops a row silently: a row either becomes a row of its table or one reject per bad
cell (file, line, column, value, reason and how to fix it). The rest of the file loads.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from etl import cells
from etl.manifest import FileEntry
from etl.readers import Table

QUALIFIERS = ("exact", "approx", "at_least", "more_than")
BASES = ("workplace", "ktp_kota_tangerang", "reported_by_workers", "resident", "register")
LEVELS = ("country", "province", "regency", "district", "village")
SCALES = ("mikro", "kecil", "menengah")


@dataclass(frozen=True)
class Reject:
    line: int
    column: str | None
    value: str | None
    reason: str


@dataclass
class Context:
    """What earlier files established: the known regions and metrics (loaded first)."""

    regions: dict[str, str] = field(default_factory=dict)  # code -> level
    metric_units: dict[str, str] = field(default_factory=dict)  # code -> unit


@dataclass
class Loaded:
    table: str
    frame: pd.DataFrame
    sources: list[dict]
    rejects: list[Reject]
    rows_read: int

    @property
    def rows_loaded(self) -> int:
        return len(self.frame)

    @property
    def rows_rejected(self) -> int:
        # every row read either loads or is rejected (a header problem rejects them all)
        return self.rows_read - self.rows_loaded


class Row:
    """One input row being validated; collects a reject per bad cell."""

    def __init__(self, line: int, cells_: dict[str, str]):
        self.line, self.cells, self.rejects = line, cells_, []

    def get(self, column: str, parse: Callable = cells.text, required: bool = True):
        raw = self.cells.get(column, "")
        if raw == "":
            if required:
                self.reject(column, raw, f"{column} is empty: every row needs one")
            return None
        try:
            return parse(raw)
        except cells.CellError as e:
            self.reject(column, raw, str(e))
            return None

    def reject(self, column: str | None, value: str | None, reason: str) -> None:
        self.rejects.append(Reject(self.line, column, value, reason))

    def region(self, column: str, ctx: Context, required: bool = True) -> str | None:
        code = self.get(column, required=required)
        if code is not None and code not in ctx.regions:
            self.reject(
                column,
                code,
                f"unknown region code '{code}': use a Kemendagri code such as 36.71 "
                "(Kota Tangerang) or 36.71.05 (Kec. Cipondoh), or add the region to a regions file",
            )
            return None
        return code


class Citations:
    """The distinct citations of one file, numbered in order of first appearance."""

    def __init__(self, entry: FileEntry):
        self.entry, self.ids, self.rows = entry, {}, []

    def id_for(self, statement_by="", outlet="", url="", published="") -> str:
        key = (statement_by, outlet, url, published)
        if key not in self.ids:
            source_id = f"{self.entry.id}#{len(self.ids) + 1}"
            self.ids[key] = source_id
            self.rows.append(
                {
                    "source_id": source_id,
                    "file_id": self.entry.id,
                    "title": self.entry.title,
                    "publisher": self.entry.publisher,
                    "statement_by": statement_by or None,
                    "outlet": outlet or self.entry.outlet or None,
                    "url": url or self.entry.url or None,
                    "published": published or None,
                    "licence": self.entry.licence,
                    "synthetic": self.entry.synthetic,
                }
            )
        return self.ids[key]

    def file_source(self) -> str:
        return self.id_for(
            outlet=self.entry.outlet, url=self.entry.url, published=self.entry.published
        )


def _missing_columns(table: Table, required: tuple[str, ...]) -> list[Reject]:
    missing = [c for c in required if c not in table.columns]
    if not missing:
        return []
    reason = (
        f"missing column(s) {', '.join(missing)}: the header must have "
        f"{', '.join(required)}; no row of this file was loaded"
    )
    return [Reject(1, None, ",".join(table.columns), reason)] + [
        Reject(line, None, None, "not loaded: the header lacks required columns")
        for line, _ in table.rows
    ]


def _load(table: Table, entry: FileEntry, name: str, required, columns, parse_row) -> Loaded:
    citations = Citations(entry)
    rejects = [Reject(line, None, None, reason) for line, reason in table.broken]
    header_rejects = _missing_columns(table, required)
    records = []
    if header_rejects:
        rejects += header_rejects
    else:
        for line, values in table.rows:
            row = Row(line, values)
            record = parse_row(row, citations)
            if row.rejects:
                rejects += row.rejects
            else:
                records.append(record)
    return Loaded(
        table=name,
        frame=pd.DataFrame.from_records(records, columns=columns),
        sources=citations.rows,
        rejects=rejects,
        rows_read=len(table.rows) + len(table.broken),
    )


def load_metrics(table: Table, entry: FileEntry, ctx: Context) -> Loaded:
    required = (
        "code",
        "label_id",
        "label_en",
        "unit",
        "kind",
        "basis",
        "time_aggregation",
        "space_aggregation",
        "additive",
        "description_id",
        "description_en",
    )
    columns = list(required) + ["caveats"]

    def parse(row: Row, citations: Citations):
        record = {c: row.get(c) for c in required}
        record["kind"] = row.get("kind", cells.choice("stock", "flow", "rate"))
        record["additive"] = row.get("additive", cells.boolean)
        record["caveats"] = row.get("caveats", required=False)
        if record["code"] in ctx.metric_units:
            row.reject("code", record["code"], "metric code defined twice: keep one row per code")
        return record

    loaded = _load(table, entry, "metric", required, columns, parse)
    ctx.metric_units.update(zip(loaded.frame["code"], loaded.frame["unit"], strict=True))
    return loaded


def load_regions(table: Table, entry: FileEntry, ctx: Context) -> Loaded:
    required = ("code", "name", "level", "parent_code")
    columns = [
        "code",
        "name",
        "level",
        "parent_code",
        "population",
        "population_year",
        "population_basis",
        "area_km2",
        "lat",
        "lon",
        "kelurahan_count",
        "source_id",
    ]

    def parse(row: Row, citations: Citations):
        code = row.get("code")
        if code in ctx.regions:
            row.reject("code", code, f"region '{code}' is defined twice: keep one row per code")
        level = row.get("level", cells.choice(*LEVELS))
        parent = row.region("parent_code", ctx, required=level != "country")
        record = {
            "code": code,
            "name": row.get("name"),
            "level": level,
            "parent_code": parent,
            "population": row.get("population", cells.integer, required=False),
            "population_year": row.get("population_year", cells.integer, required=False),
            "population_basis": row.get("population_basis", required=False),
            "area_km2": row.get("area_km2", cells.number, required=False),
            "lat": row.get("lat", cells.number, required=False),
            "lon": row.get("lon", cells.number, required=False),
            "kelurahan_count": row.get("kelurahan_count", cells.integer, required=False),
            "source_id": citations.id_for(
                outlet=entry.outlet,
                url=row.cells.get("population_source", ""),
                published=entry.published,
            ),
        }
        if record["population"] is not None and record["population_year"] is None:
            row.reject("population_year", "", "a population needs its year (e.g. 2020 for SP2020)")
        if not row.rejects:
            ctx.regions[code] = level  # later rows may name this region as their parent
        return record

    return _load(table, entry, "region", required, columns, parse)


def load_observations(table: Table, entry: FileEntry, ctx: Context) -> Loaded:
    required = ("area_code", "ref_date", "metric", "value", "unit")
    columns = [
        "region_code",
        "ref_date",
        "date_precision",
        "metric",
        "value",
        "qualifier",
        "basis",
        "sector",
        "note",
        "source_id",
        "line",
    ]

    def parse(row: Row, citations: Citations):
        region = row.region("area_code", ctx)
        parsed_date = row.get("ref_date", cells.date_with_precision)
        ref_date, precision = parsed_date if parsed_date else (None, None)
        precision = (
            row.get("date_precision", cells.choice("day", "month", "year"), required=False)
            or precision
        )
        metric = row.get("metric")
        if metric is not None and metric not in ctx.metric_units:
            row.reject(
                "metric",
                metric,
                f"unknown metric '{metric}': use a code from data/raw/metrics.csv or add it there",
            )
        value = row.get("value", cells.number)
        if value is not None and value < 0:
            row.reject("value", row.cells["value"], "a count cannot be negative")
        unit = row.get("unit")
        expected = ctx.metric_units.get(metric)
        if unit is not None and expected is not None and unit != expected:
            row.reject("unit", unit, f"metric '{metric}' is measured in '{expected}', not '{unit}'")
        if entry.synthetic:
            source_id = citations.file_source()
        else:
            source_id = citations.id_for(
                statement_by=row.cells.get("statement_by", ""),
                outlet=row.cells.get("outlet", ""),
                url=row.cells.get("url", ""),
                published=row.cells.get("published", ""),
            )
        return {
            "region_code": region,
            "ref_date": ref_date,
            "date_precision": precision,
            "metric": metric,
            "value": value,
            "qualifier": row.get("qualifier", cells.choice(*QUALIFIERS), required=False) or "exact",
            "basis": row.get("basis", cells.choice(*BASES), required=False) or "workplace",
            "sector": row.get("sector", required=False),
            "note": row.get("note", required=False),
            "source_id": source_id,
            "line": row.line,
        }

    return _load(table, entry, "observation", required, columns, parse)


def load_events(table: Table, entry: FileEntry, ctx: Context) -> Loaded:
    required = ("start_date", "end_date", "name", "kind", "scope", "scope_codes")
    columns = [
        "start_date",
        "end_date",
        "name",
        "kind",
        "scope",
        "scope_codes",
        "legal_basis",
        "source_id",
    ]

    def parse(row: Row, citations: Citations):
        start = row.get("start_date", cells.date)
        end = row.get("end_date", cells.date, required=False) or start
        if start and end and end < start:
            row.reject("end_date", row.cells["end_date"], "the period ends before it starts")
        codes = [c.strip() for c in row.cells.get("scope_codes", "").split(";") if c.strip()]
        for code in codes:
            if code not in ctx.regions:
                row.reject("scope_codes", code, f"unknown region code '{code}' in scope_codes")
        if not codes:
            row.reject(
                "scope_codes", "", "scope_codes is empty: list region codes separated by ';'"
            )
        return {
            "start_date": start,
            "end_date": end,
            "name": row.get("name"),
            "kind": row.get("kind"),
            "scope": row.get("scope"),
            "scope_codes": codes,
            "legal_basis": row.get("legal_basis", required=False),
            "source_id": citations.id_for(
                outlet=row.cells.get("outlet", ""), url=row.cells.get("url", "")
            ),
        }

    return _load(table, entry, "event", required, columns, parse)


def load_umkm_register(table: Table, entry: FileEntry, ctx: Context) -> Loaded:
    required = ("umkm_id", "region_code", "sector", "scale", "registered_on")
    columns = [
        "umkm_id",
        "region_code",
        "sector",
        "scale",
        "registered_on",
        "onboarded_on",
        "platform",
        "source_id",
    ]

    def parse(row: Row, citations: Citations):
        registered = row.get("registered_on", cells.date)
        onboarded = row.get("onboarded_on", cells.date, required=False)
        platform = row.get("platform", required=False)
        if onboarded and registered and onboarded < registered:
            row.reject(
                "onboarded_on", row.cells["onboarded_on"], "onboarded before it was registered"
            )
        if onboarded and not platform:
            row.reject("platform", "", "an onboarded business needs its platform")
        if platform and not onboarded:
            row.reject("onboarded_on", "", "a platform is given but no onboarding date")
        return {
            "umkm_id": row.get("umkm_id"),
            "region_code": row.region("region_code", ctx),
            "sector": row.get("sector"),
            "scale": row.get("scale", cells.choice(*SCALES)),
            "registered_on": registered,
            "onboarded_on": onboarded,
            "platform": platform,
            "source_id": citations.file_source(),
        }

    return _load(table, entry, "umkm", required, columns, parse)


LOADERS = {
    "metrics": load_metrics,
    "regions": load_regions,
    "observations": load_observations,
    "events": load_events,
    "umkm_register": load_umkm_register,
}
