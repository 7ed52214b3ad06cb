"""Observations loaded set-based, as the register is (etl/kinds/register.py): DuckDB reads a
long-form CSV (etl/kinds/observations_staging.py), each distinct value (or pair) of each cell
group goes once through the rules of etl/kinds/observations.py (Rules), and the verdicts are
joined back onto the rows in SQL (etl/sql/observations/). The few rows with a faulty cell are
parsed whole by the same rules (Rules.full) for their rejects with line and column. A figure
given twice loads once, and another value for the same figure is rejected with the conflict's
reason (FIGURE_KEY), worked out in SQL (repeats.sql); the counts are those of etl/load.py run().

A workbook, and a CSV this path would read otherwise than the row loader (the staging says
which, and a file with a total row, a missing column, no row, or a row the rules and the
verdicts disagree on), are read in Python and walked row by row (observations.load): the same
rules, the same answers, only slower.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from etl import columns, paths, read, validate
from etl.aliases import norm
from etl.columns import Reject, Table, control_reason
from etl.kinds import observations
from etl.kinds.observations import CITED, COLUMNS, FAULT, KIND, Rules
from etl.kinds.observations_staging import Staged, stage
from etl.load import Citations, Context, Loaded, Row, note_two_source_columns
from warehouse import reasons

if TYPE_CHECKING:
    from etl.manifest import FileEntry

EVERY = KIND.required + KIND.optional  # the columns obs_input holds, in this order
# what Python's str.strip() takes away (str.isspace): a cell of these alone is blank
SPACES = "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace())
BLANK = "[" + "".join(f"\\x{{{ord(c):x}}}" for c in SPACES) + "]*"  # as RE2 writes them


def load(con, path: Path, entry: FileEntry, ctx: Context) -> Loaded:
    """The file set-based where it can be, else row by row (above)."""
    staged = stage(con, path, ctx, EVERY)
    loaded = _load_staged(con, staged, path, entry, ctx) if staged else None
    if loaded is None:
        grid = read.read_grid(path, entry.sheet, entry.kind)
        table = columns.to_table(grid, ctx.columns, KIND.wanted, KIND.wide)
        loaded = observations.load(table, entry, ctx)
    return loaded


class _Cells:
    """Each distinct raw cell as the Python reader keeps it (etl/read.py, etl/columns.py: trimmed,
    a tab or line break inside it a space), worked out once."""

    def __init__(self) -> None:
        self.seen: dict[str, str] = {}

    def __call__(self, raw: str | None) -> str | None:
        if raw is None:
            return None  # the file has no such column
        if raw not in self.seen:
            self.seen[raw] = read.BREAKS.sub(" ", raw.strip()).strip()
        return self.seen[raw]


def _load_staged(con, staged: Staged, path: Path, entry: FileEntry, ctx: Context) -> Loaded | None:
    naming = staged.naming
    table = Table(
        path, "", list(naming.index.values()), headers=naming.headers, levels=naming.levels,
        warnings=naming.warnings, header_line=staged.header_line,
    )  # fmt: skip
    con.execute(
        paths.sql_text("observations/table"), {"blank": BLANK, "control": read.CONTROL.pattern}
    )
    rows, suspects = con.execute(
        "select count(*) filter (where not suspect), count(*) filter (where suspect) from obs_table"
    ).fetchone()
    cell = _Cells()
    broken = _broken(con, table, cell)
    if broken is None or not rows:
        return None  # a row the Python reader keeps that this one set aside; or no row at all
    if any(c not in table.headers for c in KIND.required):
        return None  # every row rejected for the header (etl/columns.py missing_columns)
    note_two_source_columns(table)
    rules, citations = Rules(entry, ctx), Citations(entry)
    if not _verdicts(con, table, rules, citations, cell, ctx):
        return None  # a total row: the row loader sets it aside with its checks
    con.execute(paths.sql_text("observations/checked"))
    faulty = _faulty(con, table, rules, citations, cell)
    if faulty is None:
        return None
    con.execute(paths.sql_text("observations/repeats"), {"basis": entry.basis})
    counts = dict(
        zip(
            ("new", "repeat", "conflict"),
            con.execute(
                "select count(*) filter (where outcome = 'new'), "
                "count(*) filter (where outcome = 'repeat'), "
                "count(*) filter (where outcome = 'conflict') from obs_records"
            ).fetchone(),
            strict=True,
        )
    )
    warnings = [
        reasons.reason(reasons.REPEATS, line=str(line), lines=str(first))
        for line, first in con.execute(
            "select line, first_line from obs_records where outcome = 'repeat' order by line"
        ).fetchall()
    ]
    rejects = faulty + _conflicts(con, table, ctx, cell)
    rejects.sort(key=lambda r: r.line)  # stable: a row's rejects keep their order
    con.execute(paths.sql_text("observations/insert"), {"file_id": entry.id})
    rejected_rows = len({r.line for r in faulty}) + counts["conflict"]
    return Loaded(
        table=KIND.table,
        frame=None,  # inserted above
        sources=citations.rows,
        rejects=broken + rejects,
        rows_read=rows + suspects,
        rows_loaded=counts["new"] + counts["repeat"],
        rows_rejected=rejected_rows + len(broken),
        warnings=list(table.warnings) + warnings + citations.url_warnings(),
        rows_repeated=counts["repeat"],
        figures_loaded=counts["new"],
    )


def _broken(con, table: Table, cell: _Cells) -> list[Reject] | None:
    """The rows with a control character in a column read (etl/columns.py to_table sets them
    aside), or None when a row the SQL suspected holds none once trimmed as Python trims."""
    broken = []
    order = list(table.headers)  # the columns in the order of the header
    query = f"select line, {', '.join(order)} from obs_table where suspect order by line"
    for line, *raws in con.execute(query).fetchall():
        fault = None
        for name, raw in zip(order, raws, strict=True):
            kept = raw.strip()
            if control := read.CONTROL.search(kept):
                written = table.headers[name]
                fault = Reject(
                    line, written, read.shown(kept), control_reason(written, control.group())
                )
                break
        if fault is None:
            return None
        broken.append(fault)
    return broken


def _distinct(con, names: Iterable[str]) -> list[tuple]:
    """The distinct values of these obs_table columns over the rows read, with the first line
    each is on, in the order of that line."""
    names = ", ".join(names)  # the kind's own column names, never the file's
    return con.execute(
        f"select {names}, min(line) as first from obs_table where not suspect "
        "group by all order by first"
    ).fetchall()


def _verdict(table: Table, line: int, cells: dict, rule: Callable[[Row], Any]) -> Any:
    """What a rule says of the cells of one group, on a row holding them alone (as Probe does):
    its answer, or FAULT when it rejected a cell."""
    alone = Row(line, cells, table)
    answer = rule(alone)
    return FAULT if alone.rejects else answer


def _verdicts(con, table: Table, rules: Rules, citations: Citations, cell, ctx: Context) -> bool:
    """Each distinct value (or pair) of each cell group through its rule once, into the tables
    the SQL joins (obs_v_*). False when an area is a total row's ('Jumlah')."""

    def each(names: tuple[str, ...], rule) -> list[tuple]:
        out = []
        for *raws, line in _distinct(con, names):
            cells = {n: cell(r) for n, r in zip(names, raws, strict=True)}
            out.append((*raws, _verdict(table, line, cells, rule)))
        return out

    areas = each(("area_code",), rules.region)
    if any(norm(cell(raw) or "") in validate.TOTAL_WORDS for raw, _ in areas):
        return False
    _map(con, "obs_v_region", ("raw", "region"), [(raw, _or_none(v)) for raw, v in areas], areas)
    dates = each(("ref_date", "date_precision"), rules.dated)
    _map(
        con, "obs_v_date", ("raw", "precision_raw", "ref_date", "date_precision"),
        [(a, b, *(v if v is not FAULT else (None, None))) for a, b, v in dates], dates,
    )  # fmt: skip
    metrics = each(("metric",), rules.metric)
    _map(con, "obs_v_metric", ("raw", "metric"), [(r, _or_none(v)) for r, v in metrics], metrics)
    figures = each(("value",), rules.figure)
    _map(
        con, "obs_v_value", ("raw", "value", "from_value"),
        [(r, *(v if v is not FAULT else (None, None))) for r, v in figures], figures,
    )  # fmt: skip
    for name in ("basis", "sector", "note"):
        found = each((name,), getattr(rules, name))
        _map(con, f"obs_v_{name}", ("raw", name), [(r, _or_none(v)) for r, v in found], found)
    # in the order of the rows' first lines: the citations get the ids the row loader gives
    cited = each(CITED, citations.for_row)
    _map(
        con, "obs_v_cited", (*CITED, "source_id"), [(*c[:-1], _or_none(c[-1])) for c in cited],
        cited,
    )  # fmt: skip
    con.execute(paths.sql_text("observations/parsed"))
    # the rules that read what another gave: the unit with the metric, the qualifier with the
    # figure's own, the figure's bound with the metric's unit and the area
    units = []
    for raw, metric, line in _distinct_parsed(con, ("unit", "metric_code")):
        verdict = _verdict(table, line, {"unit": cell(raw)}, partial(rules.unit, metric=metric))
        units.append((raw, metric, verdict))
    _map(con, "obs_v_unit", ("raw", "metric"), [(r, m) for r, m, _ in units], units)
    qualifiers = []
    for raw, from_value, line in _distinct_parsed(con, ("qualifier", "from_value")):
        verdict = _verdict(
            table, line, {"qualifier": cell(raw)}, partial(rules.qualifier, from_value=from_value)
        )
        qualifiers.append((raw, from_value, verdict))
    _map(
        con, "obs_v_qualifier", ("raw", "from_value", "qualifier"),
        [(r, f, _or_none(v)) for r, f, v in qualifiers], qualifiers,
    )  # fmt: skip
    bounds = [
        (metric, region, validate.figure_bound(ctx.metric_units.get(metric), region, ctx.areas))
        for metric, region, _ in _distinct_parsed(con, ("metric_code", "region"))
    ]
    frame = pd.DataFrame(bounds, columns=["metric", "region", "bound"]).astype(
        {"metric": "object", "region": "object", "bound": "float64"}
    )
    _create(con, "obs_v_bound", frame, "metric::varchar as metric, region::varchar as region, "
            "bound::double as bound")  # fmt: skip
    return True


def _distinct_parsed(con, names: tuple[str, str]) -> list[tuple]:
    """Distinct pairs of obs_parsed (rows with no fault so far), with a first line."""
    a, b = names  # our own column names
    return con.execute(
        f"select {a}, {b}, min(line) from obs_parsed where not fault group by all order by 3"
    ).fetchall()


def _or_none(verdict):
    return None if verdict is FAULT else verdict


def _map(con, name: str, names: tuple[str, ...], rows: list[tuple], verdicts: list[tuple]) -> None:
    """A verdict table: the key and answer columns `names`, every one text but value (a number)
    and ref_date (a date), and whether the rule found a fault."""
    frame = pd.DataFrame(rows, columns=list(names)).astype("object")
    frame["fault"] = [v[-1] is FAULT for v in verdicts]
    typed = {"value": "double", "ref_date": "date"}
    select = ", ".join(f'"{n}"::{typed.get(n, "varchar")} as "{n}"' for n in names)
    _create(con, name, frame, select + ", fault::boolean as fault")


def _create(con, name: str, frame: pd.DataFrame, select: str) -> None:
    con.register("obs_incoming", frame)
    try:
        # `name` and `select` are this module's own, never text from the file
        con.execute(f"create or replace temp table {name} as select {select} from obs_incoming")
    finally:
        con.unregister("obs_incoming")


def _faulty(con, table: Table, rules: Rules, citations: Citations, cell) -> list[Reject] | None:
    """The rejects of the rows with a faulty cell, each row parsed whole by the rules; None when a
    row the verdicts found faulty has none (the row loader then reads the file)."""
    names = list(table.headers)
    rejects: list[Reject] = []
    query = f"select line, {', '.join(names)} from obs_checked where not ok order by line"
    for line, *raws in con.execute(query).fetchall():
        row = Row(line, {n: cell(r) for n, r in zip(names, raws, strict=True)}, table)
        rules.full(row, citations)
        if not row.rejects:
            return None
        rejects += row.rejects
    return rejects


def _conflicts(con, table: Table, ctx: Context, cell) -> list[Reject]:
    """A reject for each figure that states another value than the line that first gave it."""
    assert KIND.conflict is not None
    found = []
    for line, raw, region, ref_date, metric, value, qualifier, first_value, first_qualifier, first \
            in con.execute(paths.sql_text("observations/conflicts")).fetchall():  # fmt: skip
        record = {"region_code": region, "ref_date": ref_date, "metric": metric}
        reason = KIND.conflict(
            ctx, record, (value, qualifier), (first_value, first_qualifier), first
        )
        found.append(Reject(line, table.headers.get("value", "value"), str(cell(raw)), reason))
    return found


__all__ = ["COLUMNS", "load"]
