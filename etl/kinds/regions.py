"""The areas (data/raw/regions_*.csv), a reference kind: Kemendagri codes, names, levels and
parents, with populations for per-capita rates and plausibility. A region is known from its own
row on (a later row may name it as its parent); once a file is loaded, the spellings in
data/aliases/regions.csv of the regions known so far are added (etl/areas.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from etl import cells
from etl.load import Citations, Context, Kind, Loaded, Row, run
from warehouse import reasons

if TYPE_CHECKING:
    from etl.columns import Table
    from etl.manifest import FileEntry

LEVELS = ("country", "province", "regency", "district", "village")
REQUIRED = ("code", "name", "level", "parent_code")
OPTIONAL = (
    "children_count",
    "population",
    "population_year",
    "population_basis",
    "area_km2",
    "lat",
    "lon",
    "kelurahan_count",
    "population_source",
    "note",
)
COLUMNS = ("code", "name", "level", "parent_code", "children_count", "population",
           "population_year", "population_basis", "area_km2", "lat", "lon", "kelurahan_count",
           "source_id")  # fmt: skip


def load(table: Table, entry: FileEntry, ctx: Context) -> Loaded:
    def parse(row: Row, citations: Citations):
        code = row.get("code")
        if code in ctx.resolver.regions:
            row.reject("code", code, reasons.reason(reasons.REGION_TWICE, code=code))
        level = row.get("level", cells.choice(*LEVELS))
        parent = row.get("parent_code", required=level != "country")
        if parent is not None and parent not in ctx.resolver.regions:
            row.reject("parent_code", parent, reasons.reason(reasons.PARENT_UNKNOWN, parent=parent))
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
            row.reject("population_year", "", reasons.reason(reasons.POPULATION_YEAR))
        if not row.rejects:  # later rows may name this region as their parent
            ctx.resolver.add_region(code, record["name"], level)
            ctx.areas[code] = (
                record["name"], record["population"], record["population_year"], parent
            )  # fmt: skip
        return record

    loaded = run(table, entry, KIND, parse, ctx)
    ctx.resolver.load_aliases(ctx.aliases / "regions.csv")
    return loaded


KIND = Kind("regions", "region", REQUIRED, OPTIONAL, load, COLUMNS, reference=True)
