"""The loading framework every kind of file shares: a named table in (etl/columns.py), a validated
frame, its citations and its rejects out (Loaded), for etl/store.py to put in the warehouse.

A kind (etl/kinds/) declares its columns and rules (Kind) and parses one row at a time; run()
walks the rows. Each row is a Row: its cells are parsed (etl/cells.py), its areas resolved
(etl/areas.py) and what it says validated (etl/validate.py) as the kind asks for them. A row
never drops silently: it becomes records of its table, or one reject per bad cell (file, line,
column as headed in the file, value, reason and how to fix it); a wide row's good figures load
beside its bad cells; a row repeating an earlier one loads once. The rest of the file loads, and
the counts add up (Loaded).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from etl import cells, validate
from etl.aliases import Vocabulary
from etl.areas import RegionResolver
from etl.columns import ColumnMap, Reject, Table, missing_columns
from warehouse import reasons

if TYPE_CHECKING:  # the manifest validates its kinds against etl/kinds: imported for types only
    from etl.manifest import FileEntry

__all__ = ["Citations", "Context", "CountError", "Kind", "Loaded", "Reject", "Row", "run"]


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

    @classmethod
    def for_data(cls, data_dir: Path) -> Context:
        """The context before any file is read: the spelling tables of data_dir/aliases/."""
        aliases = data_dir / "aliases"
        return cls(
            columns=ColumnMap.load(aliases / "columns.csv"),
            aliases=aliases,
            sectors=Vocabulary.load(aliases / "sectors.csv"),
            platforms=Vocabulary.load(aliases / "platforms.csv"),
        )


class CountError(RuntimeError):
    """Rows read do not add up to rows loaded and rejected: a fault in the ETL, never the file's.
    The message is a template with its values (warehouse/reasons.py), as etl/read.py's FileError."""

    def __init__(self, message: reasons.Reason):
        super().__init__(message)
        self.reason = message


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
                reasons.reason(
                    reasons.COUNTS_DISAGREE,
                    table=self.table,
                    # written as the counts were before they were templates: plain digits
                    read=str(self.rows_read),
                    loaded=str(self.rows_loaded),
                    rejected=str(self.rows_rejected),
                    partly=str(self.rows_partly),
                    repeated=str(self.rows_repeated),
                )
            )


@dataclass(frozen=True)
class Kind:
    """A kind of input file, as the manifest names it, and all it declares: the warehouse table
    its records go to, the columns it reads, and its loader, load(table, entry, ctx) -> Loaded.

    A kind that reads itself (the register: DuckDB streams it) is given the open database and
    the file instead: load(con, path, entry, ctx). A wide kind reads a figure column per metric.
    A reference kind (metrics, regions) establishes what later files are read against."""

    name: str
    table: str
    required: tuple[str, ...]
    optional: tuple[str, ...]
    load: Callable[..., Loaded]
    columns: tuple[str, ...] = ()  # of the frame load() returns
    wide: bool = False
    reads_itself: bool = False
    reference: bool = False
    # a record given twice in one file (etl/validate.py Repeats): record -> (key, figure), and
    # the reason when the same key states another figure, conflict(ctx, record, figure, first
    # figure, first line)
    identity: Callable[[dict], tuple[tuple, tuple]] | None = None
    conflict: Callable[..., str] | None = None

    @property
    def wanted(self) -> set[str]:
        return set(self.required) | set(self.optional)


class Row:
    """One input row being validated; collects a reject per bad cell."""

    def __init__(self, line: int, values: dict, table: Table):
        self.line, self.cells, self.table = line, values, table
        self.rejects: list[Reject] = []

    def raw(self, column: str):
        value = self.cells.get(column)
        return None if cells.is_missing(value) else value

    def get(self, column: str, parse: Callable = cells.text, required: bool = True):
        """The cell parsed (etl/cells.py); a kept text screened for personal data."""
        raw = self.raw(column)
        if raw is None:
            if required:
                self.reject(
                    column,
                    self.cells.get(column),
                    reasons.reason(reasons.EMPTY, header=self.header(column)),
                )
            return None
        try:
            value = parse(raw)
        except cells.CellError as e:
            self.reject(column, raw, e.reason)
            return None
        if (
            parse is cells.text
            and column not in validate.URL_COLUMNS
            and (found := validate.personal_data(value, self.header(column)))
        ):
            self.reject(column, raw, found[1])
            return None
        return value

    def header(self, column: str) -> str:
        return self.table.headers.get(column, column)

    def reject(self, column: str | None, value, reason: str) -> None:
        shown = None if value is None else str(value)
        self.rejects.append(Reject(self.line, column and self.header(column), shown, reason))

    def region(self, column: str, ctx: Context, required: bool = True) -> str | None:
        """The area the cell names, as a Kemendagri code (etl/areas.py)."""
        raw = self.raw(column)
        if raw is None:
            return self.get(column, required=required)
        code, reason = ctx.resolver.resolve(raw, self.table.levels.get(column))
        if reason is not None:  # no code: the reason says why
            self.reject(column, raw, reason)
        return code

    def quantity(self, column: str) -> tuple[float | None, str | None]:
        """A reported figure and its qualifier (etl/cells.py); never negative."""
        raw = self.raw(column)
        if raw is None:
            self.reject(
                column,
                self.cells.get(column),
                reasons.reason(reasons.NO_FIGURE),
            )
            return None, None
        try:
            value, qualifier = cells.quantity(raw)
        except cells.CellError as e:
            self.reject(column, raw, e.reason)
            return None, None
        if value < 0:
            self.reject(column, raw, reasons.reason(reasons.NEGATIVE))
        return value, qualifier


class Citations:
    """The distinct citations of one file, numbered in order of first appearance."""

    def __init__(self, entry: FileEntry):
        self.entry = entry
        self.ids: dict[tuple, str] = {}
        self.rows: list[dict] = []
        # cited URL -> why it cannot stand as a citation
        self.url_problems: dict[str, reasons.Reason] = {}

    def id_for(self, statement_by="", outlet="", url="", published="") -> str:
        key = (statement_by or "", outlet or "", url or "", published or "")
        if found := validate.cited_url_problem(url):
            self.url_problems.setdefault(*found)
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
        return [
            reasons.reason(reasons.CITED_URL, url=url, why=why)
            for url, why in self.url_problems.items()
        ]

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
            if value and (found := validate.personal_data(value, row.header(column))):
                row.reject(column, value, found[1])
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


def note_two_source_columns(table: Table) -> None:
    """A load note when a file gives a source column beside an outlet or URL column (the row's
    own outlet or URL comes first: Citations.for_row)."""
    if "source" in table.headers and (
        named := [c for c in ("outlet", "url") if c in table.headers]
    ):
        both = reasons.joined((f"'{table.headers[c]}'" for c in named), reasons.AND)
        table.warnings.append(
            reasons.reason(reasons.TWO_SOURCE_COLUMNS, source=table.headers["source"], both=both)
        )


def run(table: Table, entry: FileEntry, kind: Kind, parse_row, ctx: Context) -> Loaded:
    """Run parse_row over every row; it returns a record, or a list of records (a wide row: one per
    figure). A row with a bad cell loads nothing, except a wide row, whose good figures load (the
    row is then counted as loaded partly). A record repeated in the file loads once (Repeats)."""
    citations = Citations(entry)
    conflict = partial(kind.conflict, ctx) if kind.conflict else None
    repeats = validate.Repeats(kind.identity, conflict)
    note_two_source_columns(table)
    rejects = list(table.broken)
    header_faults = missing_columns(
        kind.required, table.headers, table.header_line, [line for line, _ in table.rows],
        ctx.columns,
    )  # fmt: skip
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
            kept: list = []
            repeated: list = []
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
    return Loaded(
        table=kind.table,
        frame=pd.DataFrame.from_records(records, columns=list(kind.columns)),
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
