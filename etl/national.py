"""`python -m etl demo --scale national`: a synthetic national-shape dataset in its own data folder
(data/national/, git-ignored), built into its own warehouse there (data/national/pulih.duckdb) by
the project's normal build, never mixed with the real one. Serve it with
`PULIH_DATA=data/national make run`.

Generated inside DuckDB (etl/sql/national/*.sql), deterministic, every file flagged synthetic:
- regions: the real Kemendagri codes, names and parents of 38 provinces, 514 kabupaten/kota and
  7.285 kecamatan (data/raw/national/kemendagri_regions.csv, from cahyadsn/wilayah, MIT), whole
  provinces only; populations of provinces and kabupaten/kota as Dukcapil published them for 2025
  (not SP2020), of kecamatan synthetic;
- monthly labour figures per kecamatan, Jan 2020 - Dec 2022, that add up the hierarchy;
- a record-level UMKM register of `register_rows` businesses (the issue's national size: 64 M).
The metric catalogue, the column spellings and the policy periods are copied from the project's
own data folder, so the build reads the same rules.
"""

import shutil
from pathlib import Path

import duckdb

from etl import build, lock, paths

FOLDER = "national"
REGISTER_ROWS = 64_000_000
SOURCE = Path("raw") / "national" / "kemendagri_regions.csv"
COPIED = ("raw/metrics.csv", "raw/policy_events.csv", "aliases")
# (file id, path, kind, title): the files the generator writes, in load order
GENERATED = (
    ("national_regions", "raw/regions.csv", "regions", "regions"),
    ("national_labour", "raw/labour_monthly.csv", "observations", "labour"),
    ("national_register", "raw/umkm_register.csv", "umkm_register", "register"),
)
TITLES = {
    "regions": "DEMO - Indonesia's provinces, kabupaten/kota and kecamatan: real Kemendagri codes "
    "and names (cahyadsn/wilayah, MIT), Dukcapil 2025 populations of provinces and kabupaten/kota, "
    "synthetic kecamatan populations",
    "labour": "DEMO - synthetic monthly PHK, dirumahkan and closures per kecamatan of Indonesia, "
    "Jan 2020 - Dec 2022",
    "register": "DEMO - synthetic record-level UMKM register of Indonesia",
}
MANIFEST_HEAD = """# The national-scale demo (etl demo --scale national): generated, synthetic.
[[file]]
id = "metrics"
path = "raw/metrics.csv"
kind = "metrics"
title = "Metric catalogue (copied from the project's data/raw/metrics.csv)"
publisher = "Pulih"
outlet = "Pulih"
url = ""
published = "2026-11-28"
licence = "project's own"
synthetic = false
"""
EVENTS = """
[[file]]
id = "policy_events"
path = "raw/policy_events.csv"
kind = "events"
title = "PSBB and PPKM periods in Banten (copied from the project's data/raw/policy_events.csv)"
publisher = "Gubernur Banten; Kemendagri (Inmendagri)"
outlet = "per row"
url = ""
published = "2020-04-15/2022-12-30"
licence = "public legal acts as reported"
synthetic = false
"""
ENTRY = """
[[file]]
id = "{id}"
path = "{path}"
kind = "{kind}"
title = "{title}"
publisher = "Pulih demo generator (python -m etl demo --scale national)"
outlet = "Pulih demo generator (sintetis)"
url = ""
published = "2026-11-28"
licence = "{licence}"
synthetic = true
"""


def folder() -> Path:
    return paths.PROJECT / "data" / FOLDER


def write(
    out: Path | None = None, register_rows: int = REGISTER_ROWS, provinces: tuple[str, ...] = ()
) -> list[tuple[Path, int]]:
    """Write the national data folder (`provinces`: only these whole provinces; empty: all),
    holding its warehouse's writer lock so no build reads it half written."""
    out = out or folder()
    out.mkdir(parents=True, exist_ok=True)
    with lock.hold(out / "pulih.duckdb", "etl demo --scale national"):
        return _write_all(out, register_rows, provinces)


def build_warehouse(out: Path | None = None) -> build.BuildReport:
    """The project's normal build, on the national folder, into its own warehouse."""
    out = out or folder()
    return build.build(out, out / "pulih.duckdb")


def _write_all(out: Path, register_rows: int, provinces: tuple[str, ...]) -> list[tuple[Path, int]]:
    project_data = paths.PROJECT / "data"
    for name in COPIED:
        _copy(project_data / name, out / name)
    (out / "raw").mkdir(exist_ok=True)
    con = duckdb.connect()
    try:
        params: dict[str, dict[str, object]] = {
            "regions": {"source": str(project_data / SOURCE), "provinces": list(provinces)},
            "labour": {},
            "register": {"rows": register_rows},
        }
        written: list[tuple[Path, int]] = []
        for _, path, _, name in GENERATED:
            query = paths.sql_text(f"national/{name}")
            if name == "regions":  # the later files are generated from these regions
                con.execute(f"create temp table national_region as {query}", params[name])
                query, params[name] = "select * from national_region", {}
            target = _copy_out(con, query, params[name], out / path)
            written.append((target, _rows(con, target)))
    finally:
        con.close()
    _manifest(out)
    return written


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if source.is_dir():
        shutil.copytree(source, target, dirs_exist_ok=True)
    else:
        shutil.copyfile(source, target)


def _copy_out(con, select: str, params: dict, target: Path) -> Path:
    """DuckDB writes the file beside itself, streaming, then it is renamed into place."""
    partial = target.with_name(target.name + ".partial")
    quoted = str(partial).replace("'", "''")  # a path of ours, never a user's text
    con.execute(f"copy ({select}) to '{quoted}' (header, delimiter ',')", params)
    partial.replace(target)
    return target


def _rows(con, path: Path) -> int:
    quoted = str(path).replace("'", "''")
    return con.execute(f"select count(*) from read_csv('{quoted}', all_varchar = true)").fetchone()[
        0
    ]


def _manifest(out: Path) -> None:
    entries = [
        ENTRY.format(
            id=file_id,
            path=path,
            kind=kind,
            title=TITLES[name],
            licence="codes and names: cahyadsn/wilayah (MIT); figures synthetic"
            if name == "regions"
            else "synthetic; no real person or company",
        )
        for file_id, path, kind, name in GENERATED
    ]
    # regions before the periods and figures that name them
    text = MANIFEST_HEAD + entries[0] + EVENTS + "".join(entries[1:])
    (out / "sources.toml").write_text(text, encoding="utf-8")
