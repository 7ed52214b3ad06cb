"""The kinds of input file, one module each, and the one registry of them (REGISTRY), which the
manifest (etl/manifest.py) validates its entries against and the build (etl/build.py) loads by.

Each kind declares only its columns and rules (etl/load.py Kind) and runs its rows through the
same stages: read (etl/read.py), name columns (etl/columns.py), parse cells (etl/cells.py),
resolve areas (etl/areas.py), validate (etl/validate.py), then stage and insert (etl/store.py):
- metrics, regions (reference kinds: what later files are read against) and events (PSBB/PPKM);
- observations: reported figures in long form, one row per area, date and metric;
- observations_wide (wide.py): reported figures as agencies tabulate them, a column per metric;
- umkm_register (register.py): the record-level register, read by DuckDB, streaming, its
  staging in register_staging.py.
"""

from etl.kinds import events, metrics, observations, regions, register, wide
from etl.load import Kind

# in the order a manifest lists them: reference kinds first
REGISTRY: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        metrics.KIND,
        regions.KIND,
        observations.KIND,
        wide.KIND,
        events.KIND,
        register.KIND,
    )
}
