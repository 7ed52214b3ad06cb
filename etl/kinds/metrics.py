"""The metric catalogue (data/raw/metrics.csv), a reference kind: one row per measure, with its
unit, its kind (stock, flow or rate), how it aggregates over time and space, and, for a combined
measure (PHK + dirumahkan), its parts. From here on each code also heads its own figure column in
a wide table, and a figure is checked against its unit (etl/plausible.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from etl import cells
from etl.load import Citations, Context, Kind, Loaded, Row, run
from warehouse import reasons

if TYPE_CHECKING:
    from etl.columns import Table
    from etl.manifest import FileEntry

REQUIRED = (
    "code",
    "label_id",
    "label_en",
    "unit",
    "kind",
    "basis",
    "time_aggregation",
    "space_aggregation",
    "additive",
    "cumulative",
    "description_id",
    "description_en",
)
OPTIONAL = ("parts", "caveats")
COLUMNS = ("code", "label_id", "label_en", "unit", "kind", "basis", "time_aggregation",
           "space_aggregation", "additive", "cumulative", "parts", "description_id",
           "description_en", "caveats")  # fmt: skip


def load(table: Table, entry: FileEntry, ctx: Context) -> Loaded:
    def parse(row: Row, citations: Citations):
        record = {c: row.get(c) for c in REQUIRED}
        record["kind"] = row.get("kind", cells.choice("stock", "flow", "rate"))
        record["additive"] = row.get("additive", cells.boolean)
        record["cumulative"] = row.get("cumulative", cells.boolean)
        # a combined measure names its parts ("phk;dirumahkan"): derived where both are reported
        record["parts"] = [p.strip() for p in (row.get("parts", required=False) or "").split(";")]
        record["parts"] = [p for p in record["parts"] if p]
        record["caveats"] = row.get("caveats", required=False)
        if record["code"] in ctx.metric_units:
            row.reject("code", record["code"], reasons.reason(reasons.METRIC_TWICE))
        return record

    loaded = run(table, entry, KIND, parse, ctx)
    assert loaded.frame is not None  # run() always gives a frame; only the register does not
    ctx.metric_units.update(zip(loaded.frame["code"], loaded.frame["unit"], strict=True))
    ctx.columns.add_metrics(ctx.metric_units)
    return loaded


KIND = Kind("metrics", "metric", REQUIRED, OPTIONAL, load, COLUMNS, reference=True)
