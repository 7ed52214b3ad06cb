"""Stage 5, validate: whether what a row says can be kept. Each check gives the reason a value
cannot be (for a reject) or None; the rules it applies are each stated once, elsewhere:
- personal data in a kept text cell (the patterns: etl/personal.py); a column holding a web
  address is checked as a citation instead (etl/urls.py): an article's numeric id can look like a
  phone number;
- plausible dates and figures (the bounds: etl/plausible.py): a count of people is at most the
  population of the nearest area, its own or one it lies in, that has one;
- total rows ('Jumlah', 'Total') are not areas: checked against the rows above them, set aside;
- a figure given twice in one file loads once; given twice with two values, it is a reject.
"""

import functools

from etl import cells, personal, plausible, urls
from etl.aliases import norm
from etl.columns import Table
from warehouse import reasons

# columns that hold a web address (checked by etl/urls.py, not screened as free text: an
# article's numeric id can look like a phone number)
URL_COLUMNS = frozenset({"url", "population_source"})
TOTAL_WORDS = frozenset(
    {"jumlah", "total", "jumlah total", "grand total", "total keseluruhan", "jml"}
)


def personal_data(text, header: str) -> tuple[str, reasons.Reason] | None:
    """(the kind of personal data, the reject's reason) when a kept text holds personal data."""
    kind = personal.finding(text)
    return (kind, personal.reason(kind, header)) if kind else None


def cited_url_problem(url: str | None) -> tuple[str, reasons.Reason] | None:
    """(the address, why it cannot stand as a citation) for a URL a file or a row cites, or None.
    A URL column may carry a note after the address (regions' population_source)."""
    cited = (url or "").split()[0] if (url or "").strip() else ""
    looks_like_url = cited.startswith(("http:", "https:", "data:", "javascript:"))
    if (looks_like_url or "://" in cited) and (problem := urls.url_problem(cited)):
        return cited, problem
    return None


def counted_in(code: str | None, areas: dict[str, tuple]) -> tuple | None:
    """(name, population, year, name of the area asked about) of the nearest area, this one or
    one it lies in, whose population the regions files give; None when none does. `areas`: code
    -> (name, population, population year, parent code)."""
    asked = areas.get(code or "", (None,))[0]
    seen = set()
    while code in areas and code not in seen:
        seen.add(code)
        name, population, year, parent = areas[code]
        if population:
            return name, population, year, asked
        code = parent
    return None


def figure_problem(
    value: float, unit: str | None, code: str | None, areas: dict
) -> reasons.Reason | None:
    """Why a figure in `unit` for the area `code` cannot be true (etl/plausible.py), or None."""
    return plausible.value_problem(value, unit, counted_in(code, areas))


def figure_bound(unit: str | None, code: str | None, areas: dict) -> float:
    """The largest figure in `unit` for the area `code` that can be true (figure_problem gives
    the reason for any larger one)."""
    return plausible.value_bound(unit, counted_in(code, areas))


def set_aside_totals(table: Table) -> Table:
    """A total row ('Jumlah', 'Total') is not an area: check it against the rows above it, then
    leave it out. A mismatch is a warning, not a reject: the areas themselves are fine."""
    kept, block = [], []
    figure_columns = [c for c in table.columns if c.startswith("metric:") or c == "value"]
    # each distinct area cell read once: a national file names a few thousand areas in 786.780 rows
    total_word = functools.cache(lambda area: norm(area or "") in TOTAL_WORDS)
    for line, values in table.rows:
        if not total_word(values.get("area_code")):
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
                    reasons.reason(
                        reasons.TOTAL_MISMATCH,
                        line=str(line),
                        area=values["area_code"],
                        header=header,
                        total=total,
                        n=len(parts),
                        sum=sum(parts),
                    )
                )
        table.warnings.append(
            reasons.reason(reasons.TOTAL_ROW, line=str(line), area=values["area_code"])
        )
        block = []
    table.rows = kept
    return table


class Repeats:
    """The records one file has given so far. A kind says what identifies a record and what it
    states (identity: record -> (key, figure)); without one, every record is kept. A record again,
    stating the same, is a repeat: loaded once, named in a warning. The same record stating
    something else is a reject naming the earlier line (conflict gives the reason). For a figure
    the source is part of what identifies it: two sources disagreeing stay side by side, and
    conflicts are shown as such."""

    def __init__(self, identity=None, conflict=None):
        self.identity, self.conflict = identity, conflict
        self.seen: dict[tuple, tuple[int, tuple]] = {}  # key -> (line, figure)
        self.warnings: list[str] = []

    def keep(self, row, produced: list[dict]) -> tuple[list[dict], list[str]]:
        """(the records of a row (etl/load.py Row) that are new, the headers of the ones that
        repeat an earlier line); a conflicting record is rejected on the row."""
        kept, repeated, earlier = [], [], set()
        for record in produced:
            found = self.identity(record) if self.identity else None
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
                column, row.raw(column), self.conflict(record, figure, first_figure, first_line)
            )
        if repeated:
            lines = ", ".join(str(n) for n in sorted(earlier))
            if not kept and not row.rejects:  # the whole row repeats
                note = reasons.reason(reasons.REPEATS, line=str(row.line), lines=lines)
            else:
                note = reasons.reason(
                    reasons.REPEATS_FOR,
                    line=str(row.line),
                    lines=lines,
                    columns=reasons.joined(repeated),
                )
            self.warnings.append(note)
        return kept, repeated
