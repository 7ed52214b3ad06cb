"""One loader per kind of input file: a named table in, a validated frame and rejects out.

A loader never drops a row silently: a row either becomes rows of its table or one reject per bad
cell (file, line, column as headed in the file, value, reason and how to fix it); a wide row's
good figures load beside its bad cells; a row repeating an earlier one loads once (Repeats). The
rest of the file loads, and the counts add up (Loaded). Kinds:
- metrics, regions, events: the project's reference tables
- observations: reported figures in long form, one row per area, date and metric
- observations_wide: reported figures as agencies tabulate them, one column per metric
- umkm_register: the record-level register (see etl/register.py: read by DuckDB, streaming)
"""

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from etl import cells, personal, plausible, urls
from etl.aliases import Vocabulary, norm
from etl.areas import RegionResolver
from etl.columns import ColumnMap, Table
from etl.manifest import FileEntry

# columns that hold a web address (checked by etl/urls.py, not screened as free text: an
# article's numeric id can look like a phone number)
URL_COLUMNS = frozenset({"url", "population_source"})
OBSERVED_WHAT = "where the figures Pulih takes begin"
EVENTS_WHAT = "where PSBB/PPKM periods begin"
BASES = ("workplace", "ktp_kota_tangerang", "reported_by_workers", "resident", "register")
LEVELS = ("country", "province", "regency", "district", "village")
TOTAL_WORDS = frozenset(
    {"jumlah", "total", "jumlah total", "grand total", "total keseluruhan", "jml"}
)
UNITS = {
    "workers": {"workers", "pekerja", "orang", "jiwa", "karyawan", "tenaga kerja"},
    "companies": {"companies", "perusahaan", "unit"},
    "businesses": {"businesses", "usaha", "umkm", "unit usaha", "unit"},
    "persons": {"persons", "orang", "jiwa", "penduduk"},
    "percent": {"percent", "persen"},
    "products": {"products", "produk"},
}


@dataclass(frozen=True)
class Reject:
    line: int
    column: str | None
    value: str | None
    reason: str


@dataclass
class Context:
    """What earlier files established: regions and metrics (the manifest loads them first)."""

    columns: ColumnMap
    aliases: Path  # data/aliases/
    resolver: RegionResolver = field(default_factory=RegionResolver)
    sectors: Vocabulary = field(default_factory=lambda: Vocabulary({}))
    platforms: Vocabulary = field(default_factory=lambda: Vocabulary({}))
    metric_units: dict[str, str] = field(default_factory=dict)  # code -> unit
    # code -> (name, population, population year, parent code), for plausibility checks
    areas: dict[str, tuple] = field(default_factory=dict)
    build_date: dt.date = field(default_factory=dt.date.today)  # no figure is dated after it


class CountError(RuntimeError):
    """Rows read do not add up to rows loaded and rejected: a fault in the ETL, never the file's."""


@dataclass
class Loaded:
    """What one file gave. Every row read is loaded or rejected, never both, never neither:
    rows_read = rows_loaded + rows_rejected (README, "For analysts": how rows are counted).

    rows_loaded counts every row of which anything loaded; of them, rows_partly are wide rows
    some of whose cells were rejected (cells_rejected in all), and rows_repeated are rows that
    repeat an earlier line exactly and were loaded once. rows_rejected rows have at least one
    reject each and loaded nothing. figures_loaded counts the records added to the table (one per
    figure for observations, one per row for other kinds)."""

    table: str
    frame: pd.DataFrame | None
    sources: list[dict]
    rejects: list[Reject]
    rows_read: int
    rows_loaded: int
    rows_rejected: int
    warnings: list[str] = field(default_factory=list)
    rows_partly: int = 0
    rows_repeated: int = 0
    figures_loaded: int = 0
    cells_rejected: int = 0

    def __post_init__(self) -> None:
        if self.rows_read != self.rows_loaded + self.rows_rejected or not (
            self.rows_partly <= self.rows_loaded and self.rows_repeated <= self.rows_loaded
        ):
            raise CountError(
                f"{self.table}: {self.rows_read} rows read but {self.rows_loaded} loaded and "
                f"{self.rows_rejected} rejected ({self.rows_partly} partly, "
                f"{self.rows_repeated} repeated); please report this with the file"
            )


class Row:
    """One input row being validated; collects a reject per bad cell."""

    def __init__(self, line: int, values: dict, table: Table):
        self.line, self.cells, self.table, self.rejects = line, values, table, []

    def raw(self, column: str):
        value = self.cells.get(column)
        return None if cells.is_missing(value) else value

    def get(self, column: str, parse: Callable = cells.text, required: bool = True):
        raw = self.raw(column)
        if raw is None:
            if required:
                self.reject(
                    column,
                    self.cells.get(column),
                    f"{self.header(column)} is empty: every row needs one",
                )
            return None
        try:
            value = parse(raw)
        except cells.CellError as e:
            self.reject(column, raw, str(e))
            return None
        if parse is cells.text and column not in URL_COLUMNS and (kind := personal.finding(value)):
            self.reject(column, raw, personal.reason(kind, self.header(column)))
            return None
        return value

    def header(self, column: str) -> str:
        return self.table.headers.get(column, column)

    def reject(self, column: str | None, value, reason: str) -> None:
        shown = None if value is None else str(value)
        self.rejects.append(Reject(self.line, column and self.header(column), shown, reason))

    def region(self, column: str, ctx: Context, required: bool = True) -> str | None:
        raw = self.raw(column)
        if raw is None:
            return self.get(column, required=required)
        code, reason = ctx.resolver.resolve(raw, self.table.levels.get(column))
        if code is None:
            self.reject(column, raw, reason)
        return code

    def quantity(self, column: str) -> tuple[float | None, str | None]:
        raw = self.raw(column)
        if raw is None:
            self.reject(
                column,
                self.cells.get(column),
                "no figure ('-', blank or n/a mean missing, never zero)",
            )
            return None, None
        try:
            value, qualifier = cells.quantity(raw)
        except cells.CellError as e:
            self.reject(column, raw, str(e))
            return None, None
        if value < 0:
            self.reject(column, raw, "a count cannot be negative")
        return value, qualifier

    def date(self, column: str, ctx: "Context") -> tuple[dt.date | None, str | None]:
        """An observation's date, within the bounds of etl/plausible.py."""
        parsed = self.get(column, cells.date_with_precision)
        if parsed and (
            problem := plausible.date_problem(
                parsed[0], plausible.OBSERVED_FROM, ctx.build_date, OBSERVED_WHAT
            )
        ):
            self.reject(column, self.raw(column), problem)
            return None, None
        return parsed if parsed else (None, None)

    def plausible(self, column: str, value, metric, region, ctx: "Context") -> bool:
        """Whether a parsed figure can be true (etl/plausible.py); rejects its cell if not."""
        if value is None or metric is None:
            return True
        problem = plausible.value_problem(
            value, ctx.metric_units.get(metric), _counted_in(region, ctx)
        )
        if problem:
            self.reject(column, self.raw(column), problem)
        return problem is None


def _counted_in(code: str | None, ctx: "Context") -> tuple | None:
    """(name, population, year, name of the area asked about) of the nearest area, this one or
    one it lies in, whose population the regions files give; None when none does."""
    asked = ctx.areas.get(code, (None,))[0]
    seen = set()
    while code in ctx.areas and code not in seen:
        seen.add(code)
        name, population, year, parent = ctx.areas[code]
        if population:
            return name, population, year, asked
        code = parent
    return None


class Citations:
    """The distinct citations of one file, numbered in order of first appearance."""

    def __init__(self, entry: FileEntry):
        self.entry, self.ids, self.rows = entry, {}, []
        self.url_problems: dict[str, str] = {}  # cited URL -> why it cannot stand as a citation

    def id_for(self, statement_by="", outlet="", url="", published="") -> str:
        key = (statement_by or "", outlet or "", url or "", published or "")
        # a URL column may carry a note after the address (regions' population_source)
        cited = (url or "").split()[0] if (url or "").strip() else ""
        looks_like_url = cited.startswith(("http:", "https:", "data:", "javascript:"))
        if (looks_like_url or "://" in cited) and (problem := urls.url_problem(cited)):
            self.url_problems.setdefault(cited, problem)
        if key not in self.ids:
            source_id = f"{self.entry.id}#{len(self.ids) + 1}"
            self.ids[key] = source_id
            self.rows.append(
                {
                    "source_id": source_id,
                    "file_id": self.entry.id,
                    "title": self.entry.title,
                    "publisher": self.entry.publisher,
                    "statement_by": key[0] or None,
                    "outlet": key[1] or self.entry.outlet or None,
                    "url": key[2] or self.entry.url or None,
                    "published": key[3] or None,
                    "licence": self.entry.licence,
                    "synthetic": self.entry.synthetic,
                }
            )
        return self.ids[key]

    def url_warnings(self) -> list[str]:
        """One load note per cited URL that cannot stand as a citation (etl/urls.py)."""
        return [f"cited URL '{u}': {why}" for u, why in self.url_problems.items()]

    def file_source(self) -> str:
        return self.id_for(
            outlet=self.entry.outlet, url=self.entry.url, published=self.entry.published
        )

    def for_row(self, row: Row) -> str:
        """A row's own citation where the file carries one, else the file's. A source column
        (Sumber, Link, ...) is the row's URL when it is one (http:// or https://), else its
        outlet; an outlet or URL column of the row itself comes first. What the row does not give
        comes from the file's manifest entry (id_for), so the row is cited with its file."""
        own = {c: str(row.raw(c) or "").strip() for c in ("statement_by", "outlet", "url")}
        source = str(row.raw("source") or "").strip()
        # each kept cell is screened for personal data like every other text (Row.get)
        for column in ("statement_by", "outlet", "source"):
            value = source if column == "source" else own[column]
            if value and (kind := personal.finding(value)):
                row.reject(column, value, personal.reason(kind, row.header(column)))
                if column == "source":
                    source = ""
                else:
                    own[column] = ""
        if source:
            slot = "url" if re.match(r"(?i)https?://", source) else "outlet"
            own[slot] = own[slot] or source
        if self.entry.synthetic or not any(own.values()):
            return self.file_source()
        published = str(row.get("published", required=False) or "")
        return self.id_for(own["statement_by"], own["outlet"], own["url"], published)


@dataclass(frozen=True)
class Kind:
    table: str
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()
    wide: bool = False

    @property
    def wanted(self) -> set[str]:
        return set(self.required) | set(self.optional)


def header_rejects(kind: Kind, headers: dict, header_line: int, lines, columns: ColumnMap):
    """When the header lacks a required column: one reject that says which (with the names
    agencies use for it), and one per row, which cannot load. Empty when nothing is missing."""
    missing = [c for c in kind.required if c not in headers]
    if not missing:
        return []
    named = [f"{c} (e.g. {', '.join(columns.examples(c)) or c})" for c in missing]
    reason = (
        f"missing column(s) {'; '.join(named)}: add the column, or its name to "
        "data/aliases/columns.csv; no row of this file was loaded"
    )
    return [Reject(header_line, None, ", ".join(headers.values()), reason)] + [
        Reject(line, None, None, "not loaded: the header lacks required columns") for line in lines
    ]


class Repeats:
    """The figures one file has given so far. A figure again, the same (value and qualifier), is a
    repeat: loaded once, named in a warning. The same figure with another value, from the same
    source, is a reject naming the earlier line. Two sources disagreeing stay side by side: the
    source is part of what identifies a figure, and conflicts are shown as such."""

    def __init__(self, table: str, ctx: Context):
        self.table, self.ctx = table, ctx
        self.seen: dict[tuple, tuple[int, tuple]] = {}  # key -> (line, figure)
        self.warnings: list[str] = []

    def key(self, record: dict) -> tuple[tuple, tuple] | None:
        if self.table == "observation":
            key = ("region_code", "ref_date", "date_precision", "metric", "basis", "sector")
            return (
                tuple(record[k] for k in (*key, "source_id")),
                (record["value"], record["qualifier"]),
            )
        if self.table == "event":
            return tuple(str(v) for v in record.values()), ()
        return None  # metrics and regions reject a code defined twice themselves

    def keep(self, row: Row, produced: list[dict]) -> tuple[list[dict], list[str]]:
        """(the records that are new, the headers of the ones that repeat an earlier line)."""
        kept, repeated, earlier = [], [], set()
        for record in produced:
            found = self.key(record)
            if found is None:
                kept.append(record)
                continue
            key, figure = found
            if key not in self.seen:
                self.seen[key] = (row.line, figure)
                kept.append(record)
                continue
            first_line, first_figure = self.seen[key]
            column = record.get("_column")
            if figure == first_figure:
                repeated.append(row.header(column) if column else "")
                earlier.add(first_line)
                continue
            row.reject(
                column, row.raw(column), self._conflict(record, figure, first_figure, first_line)
            )
        if repeated:
            lines = ", ".join(str(n) for n in sorted(earlier))
            whole = not kept and not row.rejects
            what = "" if whole else f" for {', '.join(repeated)}"
            self.warnings.append(f"line {row.line} repeats line {lines}{what}: loaded once")
        return kept, repeated

    def _conflict(self, record, figure, first_figure, first_line) -> str:
        area = self.ctx.areas.get(record["region_code"], (record["region_code"],))[0]
        return (
            f"{area}, {record['metric']} on {record['ref_date'].isoformat()} is "
            f"{_figure(*figure)} here but {_figure(*first_figure)} on line {first_line} of this "
            "file, from the same source: one figure per area, measure and date; keep the right "
            "one (a revision belongs in a later release of the file)"
        )


def _figure(value: float, qualifier: str) -> str:
    sign = {"approx": "± ", "at_least": "≥ ", "more_than": "> "}.get(qualifier, "")
    return sign + plausible.dots(value)


def _load(table: Table, entry: FileEntry, kind: Kind, parse_row, ctx: Context) -> Loaded:
    """Run parse_row over every row; it returns a record, or a list of records (a wide row: one per
    figure). A total row never reaches it (_set_aside_totals). A row with a bad cell loads nothing,
    except a wide row, whose good figures load (the row is then counted as loaded partly). A
    figure repeated in the file loads once (Repeats)."""
    citations = Citations(entry)
    repeats = Repeats(kind.table, ctx)
    if "source" in table.headers and (
        named := [c for c in ("outlet", "url") if c in table.headers]
    ):
        both = " and ".join(f"'{table.headers[c]}'" for c in named)
        table.warnings.append(
            f"column '{table.headers['source']}' names a row's source, and so does {both}: "
            f"where a row fills both, {both} is cited and '{table.headers['source']}' is not"
        )
    rejects = [Reject(*broken) for broken in table.broken]
    header_faults = header_rejects(
        kind, table.headers, table.header_line, [line for line, _ in table.rows], ctx.columns
    )
    records, loaded, partly, repeated_rows, cells_rejected = [], 0, 0, 0, 0
    rejected = len(table.broken)
    if header_faults:
        rejects += header_faults
        rejected += len(table.rows)
    else:
        for line, values in table.rows:
            row = Row(line, values, table)
            produced = parse_row(row, citations)
            produced = [r for r in (produced if isinstance(produced, list) else [produced]) if r]
            kept, repeated = [], []
            if not row.rejects or kind.wide:  # a long row with a bad cell has no whole record
                kept, repeated = repeats.keep(row, produced)
            if not row.rejects:
                loaded += 1
                repeated_rows += 1 if repeated and not kept else 0
            elif kind.wide and (kept or repeated):  # its good figures load; its bad cells do not
                loaded, partly = loaded + 1, partly + 1
                cells_rejected += len(row.rejects)
            else:
                rejected += 1
                kept = []
            records += kept
            rejects += row.rejects
    columns = COLUMNS[kind.table]
    return Loaded(
        table=kind.table,
        frame=pd.DataFrame.from_records(records, columns=columns),
        sources=citations.rows,
        rejects=rejects,
        rows_read=len(table.rows) + len(table.broken),
        rows_loaded=loaded,
        rows_rejected=rejected,
        warnings=list(table.warnings) + repeats.warnings + citations.url_warnings(),
        rows_partly=partly,
        rows_repeated=repeated_rows,
        figures_loaded=len(records),
        cells_rejected=cells_rejected,
    )


COLUMNS = {
    "metric": ["code", "label_id", "label_en", "unit", "kind", "basis", "time_aggregation",
               "space_aggregation", "additive", "cumulative", "parts", "description_id",
               "description_en", "caveats"],
    "region": ["code", "name", "level", "parent_code", "children_count", "population",
               "population_year",
               "population_basis", "area_km2", "lat", "lon", "kelurahan_count", "source_id"],
    "observation": ["obs_id", "region_code", "ref_date", "date_precision", "metric", "value",
                    "qualifier", "basis", "sector", "note", "source_id", "line"],
    "event": ["start_date", "end_date", "name", "kind", "scope", "scope_codes", "legal_basis",
              "source_id"],
}  # fmt: skip


def load_metrics(table: Table, entry: FileEntry, ctx: Context) -> Loaded:
    kind = KINDS["metrics"]

    def parse(row: Row, citations: Citations):
        record = {c: row.get(c) for c in kind.required}
        record["kind"] = row.get("kind", cells.choice("stock", "flow", "rate"))
        record["additive"] = row.get("additive", cells.boolean)
        record["cumulative"] = row.get("cumulative", cells.boolean)
        # a combined measure names its parts ("phk;dirumahkan"): derived where both are reported
        record["parts"] = [p.strip() for p in (row.get("parts", required=False) or "").split(";")]
        record["parts"] = [p for p in record["parts"] if p]
        record["caveats"] = row.get("caveats", required=False)
        if record["code"] in ctx.metric_units:
            row.reject("code", record["code"], "metric code defined twice: keep one row per code")
        return record

    loaded = _load(table, entry, kind, parse, ctx)
    ctx.metric_units.update(zip(loaded.frame["code"], loaded.frame["unit"], strict=True))
    ctx.columns.add_metrics(ctx.metric_units)
    return loaded


def load_regions(table: Table, entry: FileEntry, ctx: Context) -> Loaded:
    def parse(row: Row, citations: Citations):
        code = row.get("code")
        if code in ctx.resolver.regions:
            row.reject("code", code, f"region '{code}' is defined twice: keep one row per code")
        level = row.get("level", cells.choice(*LEVELS))
        parent = row.get("parent_code", required=level != "country")
        if parent is not None and parent not in ctx.resolver.regions:
            row.reject(
                "parent_code", parent, f"parent '{parent}' is not a region defined above this row"
            )
        record = {
            "code": code,
            "name": row.get("name"),
            "level": level,
            "parent_code": parent,
            "children_count": row.get("children_count", cells.integer, required=False),
            "population": row.get("population", cells.integer, required=False),
            "population_year": row.get("population_year", cells.integer, required=False),
            "population_basis": row.get("population_basis", required=False),
            "area_km2": row.get("area_km2", cells.number, required=False),
            "lat": row.get("lat", cells.number, required=False),
            "lon": row.get("lon", cells.number, required=False),
            "kelurahan_count": row.get("kelurahan_count", cells.integer, required=False),
            "source_id": citations.id_for(
                outlet=entry.outlet,
                url=row.cells.get("population_source") or "",
                published=entry.published,
            ),
        }
        if record["population"] is not None and record["population_year"] is None:
            row.reject("population_year", "", "a population needs its year (e.g. 2020 for SP2020)")
        if not row.rejects:  # later rows may name this region as their parent
            ctx.resolver.add_region(code, record["name"], level)
            ctx.areas[code] = (
                record["name"], record["population"], record["population_year"], parent
            )  # fmt: skip
        return record

    return _load(table, entry, KINDS["regions"], parse, ctx)


def _metric_code(row: Row, ctx: Context) -> str | None:
    raw = row.get("metric")
    if raw is None:
        return None
    if raw in ctx.metric_units:
        return raw
    column = ctx.columns.get(raw)  # "PHK", "Dirumahkan", "Perusahaan Tutup"
    if column and column.name.startswith("metric:"):
        return column.name.removeprefix("metric:")
    row.reject(
        "metric",
        raw,
        f"unknown metric '{raw}': use a code from data/raw/metrics.csv or add it there",
    )
    return None


def _unit_ok(row: Row, metric: str | None, ctx: Context) -> None:
    unit = row.raw("unit")
    expected = ctx.metric_units.get(metric)
    if unit is None or expected is None:
        return  # no unit written: the metric's own unit applies
    if norm(unit) != norm(expected) and norm(unit) not in UNITS.get(expected, set()):
        row.reject("unit", unit, f"metric '{metric}' is measured in '{expected}', not '{unit}'")


def _qualifier(row: Row, from_value: str | None) -> str | None:
    written = row.get("qualifier", cells.choice(*cells.QUALIFIERS), required=False)
    if written and from_value and from_value != "exact" and written != from_value:
        row.reject("qualifier", written, f"the value itself says '{from_value}'; the two disagree")
    return written or from_value or "exact"


def load_observations(table: Table, entry: FileEntry, ctx: Context) -> Loaded:
    def parse(row: Row, citations: Citations):
        region = row.region("area_code", ctx)
        ref_date, precision = row.date("ref_date", ctx)
        precision = (
            row.get("date_precision", cells.choice("day", "month", "year"), required=False)
            or precision
        )
        ref_date = cells.period_start(ref_date, precision)
        metric = _metric_code(row, ctx)
        value, from_value = row.quantity("value")
        row.plausible("value", value, metric, region, ctx)
        _unit_ok(row, metric, ctx)
        return {
            "obs_id": f"{entry.id}:{row.line}:{metric}",
            "region_code": region,
            "ref_date": ref_date,
            "date_precision": precision,
            "metric": metric,
            "value": value,
            "qualifier": _qualifier(row, from_value),
            "basis": row.get("basis", cells.choice(*BASES), required=False) or entry.basis,
            "sector": row.get("sector", required=False),
            "note": row.get("note", required=False),
            "source_id": citations.for_row(row),
            "line": row.line,
            "_column": "value",  # where the figure was written, for a reject about it
        }

    table = _set_aside_totals(table, ctx)
    return _load(table, entry, KINDS["observations"], parse, ctx)


def load_observations_wide(table: Table, entry: FileEntry, ctx: Context) -> Loaded:
    metrics = [c for c in table.columns if c.startswith("metric:")]
    title_date = None if "ref_date" in table.columns else _date_in_title(table)
    if not metrics:
        table.warnings.append(
            "no figure column recognised (e.g. PHK, Dirumahkan, Perusahaan Tutup)"
        )
    if "ref_date" not in table.columns and title_date is None:
        table.warnings.append("no Tanggal/Periode column and no date in the title rows")
    elif title_date:
        table.warnings.append(f"date taken from the title rows: {title_date[0].isoformat()}")
    empty_cells = 0

    def parse(row: Row, citations: Citations):
        nonlocal empty_cells
        region = row.region("area_code", ctx)
        if title_date:
            ref_date, precision = title_date
            if problem := plausible.date_problem(
                ref_date, plausible.OBSERVED_FROM, ctx.build_date, OBSERVED_WHAT
            ):
                row.reject(None, ref_date.isoformat(), f"the date in the title rows: {problem}")
                ref_date = None
        else:
            ref_date, precision = row.date("ref_date", ctx)
        source_id = citations.for_row(row)
        records = []
        for column in metrics:
            if row.raw(column) is None:
                empty_cells += 1
                continue
            value, qualifier = row.quantity(column)
            metric = column.removeprefix("metric:")
            if not row.plausible(column, value, metric, region, ctx):
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
            row.reject(None, None, "no figure in this row: every figure column is '-', blank, n/a")
        return records

    table = _set_aside_totals(table, ctx)
    loaded = _load(table, entry, KINDS["observations_wide"], parse, ctx)
    if empty_cells:
        loaded.warnings.append(
            f"{empty_cells} cell(s) with no figure ('-', blank, n/a) were not loaded"
        )
    return loaded


def _set_aside_totals(table: Table, ctx: Context) -> Table:
    """A total row ('Jumlah', 'Total') is not an area: check it against the rows above it, then
    leave it out. A mismatch is a warning, not a reject: the areas themselves are fine."""
    kept, block = [], []
    figure_columns = [c for c in table.columns if c.startswith("metric:") or c == "value"]
    for line, values in table.rows:
        if norm(values.get("area_code") or "") not in TOTAL_WORDS:
            kept.append((line, values))
            block.append(values)
            continue
        for column in figure_columns:
            try:
                total = (
                    cells.quantity(values[column])[0]
                    if not cells.is_missing(values[column])
                    else None
                )
                parts = [
                    cells.quantity(v[column])[0]
                    for v in block
                    if not cells.is_missing(v.get(column))
                ]
            except cells.CellError:
                continue
            if total is None:
                continue
            header = table.headers.get(column, column)
            if abs(sum(parts) - total) > 0.5:
                table.warnings.append(
                    f"line {line}: total '{values['area_code']}' of {header} is {total:,.0f} "
                    f"but the {len(parts)} rows above add up to {sum(parts):,.0f}"
                )
        table.warnings.append(
            f"line {line}: total row '{values['area_code']}' checked and not loaded as an area"
        )
        block = []
    table.rows = kept
    return table


def _date_in_title(table: Table) -> tuple[dt.date, str] | None:
    """'Data PHK per 20 Mei 2020' above the header: the date the whole table is as of."""
    import re

    pattern = re.compile(
        r"(\d{1,2}[/-]\d{1,2}[/-]\d{4}|\d{4}-\d{2}-\d{2}|(?:\d{1,2}\s+)?[A-Za-z]{3,9}\.?\s+\d{4})"
    )
    for text in table.title:
        for candidate in pattern.findall(text):
            try:
                return cells.date_with_precision(candidate)
            except cells.CellError:
                continue
    return None


def load_events(table: Table, entry: FileEntry, ctx: Context) -> Loaded:
    def parse(row: Row, citations: Citations):
        start = row.get("start_date", cells.date)
        end = row.get("end_date", cells.date, required=False) or start
        if start and end and end < start:
            row.reject("end_date", row.cells["end_date"], "the period ends before it starts")
        if start and (
            problem := plausible.date_problem(
                start, plausible.EVENTS_FROM, ctx.build_date, EVENTS_WHAT
            )
        ):
            row.reject("start_date", row.raw("start_date"), problem)
        if end and end > ctx.build_date + plausible.EVENT_END_AHEAD:
            row.reject(
                "end_date",
                row.raw("end_date"),
                f"{end.isoformat()} is more than a year after the date of this build "
                f"({ctx.build_date.isoformat()}): check the year",
            )
        codes = []
        for written in str(row.raw("scope_codes") or "").split(";"):
            if written.strip():
                code, reason = ctx.resolver.resolve(written.strip())
                if code is None:
                    row.reject("scope_codes", written.strip(), reason)
                codes.append(code)
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
            "source_id": citations.for_row(row),
        }

    return _load(table, entry, KINDS["events"], parse, ctx)


KINDS = {
    "metrics": Kind(
        "metric",
        ("code", "label_id", "label_en", "unit", "kind", "basis", "time_aggregation",
         "space_aggregation", "additive", "cumulative", "description_id", "description_en"),
        ("parts", "caveats"),
    ),
    "regions": Kind(
        "region",
        ("code", "name", "level", "parent_code"),
        ("children_count", "population", "population_year", "population_basis", "area_km2",
         "lat", "lon", "kelurahan_count", "population_source", "note"),
    ),
    "observations": Kind(
        "observation",
        ("area_code", "ref_date", "metric", "value"),
        ("area_name", "date_precision", "unit", "qualifier", "basis", "sector", "statement_by",
         "outlet", "url", "source", "published", "note"),
    ),
    "observations_wide": Kind(
        "observation",
        ("area_code",),
        ("area_name", "ref_date", "statement_by", "outlet", "url", "source", "published", "note"),
        wide=True,
    ),
    "events": Kind(
        "event",
        ("start_date", "end_date", "name", "kind", "scope", "scope_codes"),
        ("legal_basis", "outlet", "url", "source", "note"),
    ),
    "umkm_register": Kind(
        "umkm",
        ("umkm_id", "area_code", "sector", "scale", "registered_on"),
        ("onboarded_on", "platform"),
    ),
}  # fmt: skip

LOADERS = {
    "metrics": load_metrics,
    "regions": load_regions,
    "observations": load_observations,
    "observations_wide": load_observations_wide,
    "events": load_events,
}
