"""PSBB/PPKM periods (data/raw/policy_events.csv): when each began and ended, where (region codes,
resolved as every area is), and under which decree; the charts annotate figures with them. A
period given twice in one file loads once."""

from __future__ import annotations

from typing import TYPE_CHECKING

from etl import cells, plausible
from etl.load import Citations, Context, Kind, Loaded, Row, run
from warehouse import reasons

if TYPE_CHECKING:
    from etl.columns import Table
    from etl.manifest import FileEntry

EVENTS_WHAT = reasons.EVENTS_WHAT
REQUIRED = ("start_date", "end_date", "name", "kind", "scope", "scope_codes")
OPTIONAL = ("legal_basis", "outlet", "url", "source", "note")
COLUMNS = ("start_date", "end_date", "name", "kind", "scope", "scope_codes", "legal_basis",
           "source_id")  # fmt: skip


def identity(record: dict) -> tuple[tuple, tuple]:
    """A period is all it says: the same values twice are one period."""
    return tuple(str(v) for v in record.values()), ()


def load(table: Table, entry: FileEntry, ctx: Context) -> Loaded:
    def parse(row: Row, citations: Citations):
        start = row.get("start_date", cells.date)
        end = row.get("end_date", cells.date, required=False) or start
        if start and end and end < start:
            row.reject("end_date", row.cells["end_date"], reasons.reason(reasons.PERIOD_BACKWARDS))
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
                reasons.reason(
                    reasons.PERIOD_TOO_FAR, date=end.isoformat(), build=ctx.build_date.isoformat()
                ),
            )
        codes = []
        for written in str(row.raw("scope_codes") or "").split(";"):
            if written.strip():
                code, reason = ctx.resolver.resolve(written.strip())
                if reason is not None:  # no code: the reason says why
                    row.reject("scope_codes", written.strip(), reason)
                codes.append(code)
        if not codes:
            row.reject("scope_codes", "", reasons.reason(reasons.SCOPE_EMPTY))
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

    return run(table, entry, KIND, parse, ctx)


KIND = Kind("events", "event", REQUIRED, OPTIONAL, load, COLUMNS, identity=identity)
