"""Stage 2, name the columns: the header row of a grid found, and each column it heads named.

The header is the row, among the first HEADER_SEARCH_ROWS, that names the most columns the file's
kind reads; the rows above it are the title (a wide table may date itself there). A header is
named through data/aliases/columns.csv (ColumnMap: "Kecamatan" is area_code at district level,
"PHK" the figure column of the metric phk). Personal-data columns (etl/personal.py) are dropped
here, before anything else sees them; a column nobody knows is named in a warning and not read.
Each data row is kept with its line, its cells by column name; a row that cannot be read as a row
(more cells than the header, a cell too long, a control character) is set aside with the reason.
"""

from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path

from etl.aliases import norm, read_rows
from etl.personal import is_personal_header
from etl.read import BREAKS, CONTROL, FileError, Grid, blank, shown
from warehouse import reasons

HEADER_SEARCH_ROWS = 30
MAX_CELL_CHARS = 100_000  # a cell longer than this is not data a human typed


@dataclass(frozen=True)
class Column:
    name: str  # canonical column, or "metric:<code>" for a figure column of a wide table
    level: str | None = None  # for an area column: the level its names are at


@dataclass
class ColumnMap:
    """data/aliases/columns.csv: a header as people write it -> the column it names."""

    aliases: dict[str, Column]

    @classmethod
    def load(cls, path: Path) -> "ColumnMap":
        aliases = {}
        for r in read_rows(path):
            aliases[norm(r["alias"])] = Column(r["column"], r.get("level") or None)
        return cls(aliases)

    def add_metrics(self, codes) -> None:
        """Every catalogued metric code also heads its own column in a wide table."""
        for code in codes:
            self.aliases.setdefault(norm(code), Column(f"metric:{code}"))

    def examples(self, name: str, n: int = 2) -> list[str]:
        """Headers people use for a column, for messages ('Tanggal', 'Periode')."""
        return [
            alias
            for alias, column in self.aliases.items()
            if column.name == name and alias != norm(name)
        ][:n]

    def get(self, header, wanted: AbstractSet[str] = frozenset()) -> Column | None:
        """The column a header names; a kind's own column names are always recognised."""
        if header is None:
            return None
        key = norm(header)
        own = {norm(name): name for name in wanted}
        return Column(own[key]) if key in own else self.aliases.get(key)


@dataclass(frozen=True)
class Reject:
    """A row (or one cell of it) that cannot be loaded: every stage from this one on may give one.
    The column is as headed in the file; the reason says how to fix it."""

    line: int
    column: str | None
    value: str | None
    reason: str


@dataclass
class Table:
    path: Path
    sha256: str
    columns: list[str]  # canonical names of the columns read
    rows: list[tuple[int, dict]] = field(default_factory=list)
    broken: list[Reject] = field(default_factory=list)  # rows that cannot be read as a row
    headers: dict[str, str] = field(default_factory=dict)  # canonical -> header as written
    levels: dict[str, str] = field(default_factory=dict)  # area column -> its level, if known
    warnings: list[str] = field(default_factory=list)
    title: list[str] = field(default_factory=list)  # text of the rows above the header
    header_line: int = 1


def control_reason(header: str, character: str) -> str:
    return reasons.reason(reasons.CONTROL, header=header, code=f"{ord(character):04X}")


def find_header(grid: Grid, columns: ColumnMap, wanted: set[str], wide: bool) -> int:
    """Index in grid.rows of the row that names the most columns this kind reads."""

    def known(cell) -> bool:
        column = columns.get(cell, wanted) if isinstance(cell, str) else None
        return column is not None and (
            column.name in wanted or (wide and column.name.startswith("metric:"))
        )

    best, best_score = None, 1
    for i, (_, cells) in enumerate(grid.rows[:HEADER_SEARCH_ROWS]):
        score = len({norm(c) for c in cells if known(c)})
        if score > best_score:
            best, best_score = i, score
    if best is None:
        raise FileError(
            reasons.reason(reasons.NO_HEADER, name=grid.path.name, rows=HEADER_SEARCH_ROWS)
        )
    return best


@dataclass
class Naming:
    """What a header row names."""

    index: dict[int, str]  # position in the row -> the column read there
    headers: dict[str, str]  # column -> its header as written
    levels: dict[str, str]  # area column -> the level its names are at, if the header says
    dropped: dict[int, str]  # personal-data columns, never read: position -> header as written
    warnings: list[str]  # columns not read, and why (warehouse/reasons.py)


def name_columns(header: list, columns: ColumnMap, wanted: set[str], wide: bool = False) -> Naming:
    """Name each column of a header row: through the aliases, a kind's own column names (wanted)
    and, in a wide table, a metric's figure column. Personal-data columns are dropped (a header
    the aliases name as a column that is read is personal only for a word other than "nama":
    etl/personal.py); a column known but deliberately not read ('-', such as a row number) is
    skipped; a column nobody knows, or a second column naming the same thing, is named in a
    warning and not read. The one rule for every file: the register read by DuckDB and the
    screened copy of `etl add` use it too."""
    naming = Naming({}, {}, {}, {}, [])
    for i, cell in enumerate(header):
        written = "" if blank(cell) else shown(BREAKS.sub(" ", str(cell)).strip())
        if not written:
            continue
        column = columns.get(written, wanted)
        name = column.name if column else None
        read = name is not None and (name in wanted or (wide and name.startswith("metric:")))
        # the aliases first: "Nama Kecamatan" names the area column, not a person
        if is_personal_header(written, names_a_read_column=read):
            naming.dropped[i] = written
            continue
        if name == "-":
            continue  # known and deliberately not read, such as a row number
        if not read or name is None:
            naming.warnings.append(reasons.reason(reasons.UNKNOWN_COLUMN, header=written))
            continue
        if name in naming.headers:
            naming.warnings.append(
                reasons.reason(reasons.REPEATED_COLUMN, header=written, first=naming.headers[name])
            )
            continue
        naming.index[i] = name
        naming.headers[name] = written
        if column and column.level:
            naming.levels[name] = column.level
    if naming.dropped:
        naming.warnings.append(
            reasons.reason(
                reasons.PERSONAL_COLUMNS, headers=reasons.joined(naming.dropped.values())
            )
        )
    return naming


def to_table(grid: Grid, columns: ColumnMap, wanted: set[str], wide: bool = False) -> Table:
    """Find the header, name the columns (name_columns), keep each data row with its line."""
    h = find_header(grid, columns, wanted, wide)
    header_line, header = grid.rows[h]
    naming = name_columns(header, columns, wanted, wide)
    index = naming.index
    table = Table(
        grid.path,
        grid.sha256,
        columns=list(index.values()),
        headers=naming.headers,
        levels=naming.levels,
        warnings=naming.warnings,
        title=[" ".join(str(c) for c in cells if not blank(c)) for _, cells in grid.rows[:h]],
        header_line=header_line,
    )
    for line, cells in grid.rows[h + 1 :]:
        if all(blank(c) for c in cells):
            continue
        # a CSV row with more cells than its header is shifted; a sheet's trailing blanks are not
        extra = [c for c in cells[len(header) :] if not blank(c)]
        if extra or (grid.delimiter and len(cells) > len(header)):
            reason = reasons.reason(reasons.ROW_WIDTH, cells=len(cells), width=len(header))
            table.broken.append(Reject(line, None, None, reason))
            continue
        if any(isinstance(c, str) and len(c) > MAX_CELL_CHARS for c in cells):
            reason = reasons.reason(reasons.LONG_CELL, limit=MAX_CELL_CHARS)
            table.broken.append(Reject(line, None, None, reason))
            continue
        row, fault = {}, None
        for i, name in index.items():
            value = cells[i] if i < len(cells) else None
            if isinstance(value, str):
                if fault is None and (control := CONTROL.search(value)):
                    written = table.headers[name]
                    fault = Reject(
                        line, written, shown(value), control_reason(written, control.group())
                    )
                value = BREAKS.sub(" ", value).strip()
            row[name] = value
        if fault:
            table.broken.append(fault)
            continue
        if all(blank(v) for v in row.values()):
            continue  # only unread columns have content: nothing of ours on this line
        table.rows.append((line, row))
    return table


def _headers(aliases: list[str]) -> list[str]:
    """Aliases as a header is written: 'kode wilayah' -> 'Kode Wilayah' (matching ignores case)."""
    return [" ".join(w[:1].upper() + w[1:] for w in a.split()) for a in aliases]


def missing_columns(
    required: tuple[str, ...], headers: dict, header_line: int, lines, columns: ColumnMap
) -> list[Reject]:
    """When the header lacks a required column: one reject that says which (with the names
    agencies use for it), and one per row, which cannot load. Empty when nothing is missing."""
    missing = [c for c in required if c not in headers]
    if not missing:
        return []
    named = [reasons.joined(_headers(columns.examples(c, 3) or [c]), reasons.OR) for c in missing]
    reason = reasons.reason(reasons.MISSING_COLUMNS, missing=reasons.joined(named, "; "))
    not_loaded = reasons.reason(reasons.NOT_LOADED_HEADER)
    return [Reject(header_line, None, ", ".join(headers.values()), reason)] + [
        Reject(line, None, None, not_loaded) for line in lines
    ]
