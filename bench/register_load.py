"""`make bench`: the register load against DuckDB's own speed. A 5-million-row UMKM register CSV
is generated (by DuckDB: synthetic, with owner-name and NIK columns that the load must drop), then,
in the same run and on the same file:

- the floor: a bare DuckDB `create table ... as select * from read_csv(...)` into a new database
  file, DuckDB's defaults, nothing checked;
- the project's load: `python -m etl build` of a manifest holding the register (read, every cell
  checked, rejects, insert, marts, data checks, verify, swap);
- `python -m etl check` of the register, for reference.

Each runs as its own process, so its peak memory is its own (getrusage of the child); each is run
--runs times, alternating, and the medians are printed with the ratios to the floor. Targets for
the build at 5 M rows: wall time at most 2x the floor's, peak memory under 1 GiB. The machine's
load average is printed beside the figures: timings taken while other work runs are noisy.
"""

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import duckdb
from measure import load_average, measure

PROJECT = Path(__file__).resolve().parents[1]
WALL_RATIO = 2.0  # the build's wall time, at most this many times the floor's
PEAK_MIB = 1024  # the build's peak resident memory, below this
MANIFEST = """
[[file]]
id = "metrics"
path = "raw/metrics.csv"
kind = "metrics"
title = "metric catalogue"
publisher = "Pulih"
published = "2026-11-28"
licence = "project's own"
synthetic = false
{regions}
[[file]]
id = "bench_register"
path = "raw/register.csv"
kind = "umkm_register"
title = "BENCH - synthetic register"
publisher = "make bench"
published = "2026-11-28"
licence = "synthetic"
synthetic = true
"""
REGION_ENTRY = """
[[file]]
id = "{id}"
path = "raw/{id}.csv"
kind = "regions"
title = "regions"
publisher = "Pulih"
published = "2026-11-28"
licence = "public statistics"
synthetic = false
"""

GENERATE = """
copy (
    select
        'B-' || lpad(cast(i as varchar), 8, '0') as "ID UMKM",
        'Pemilik ' || i as "Nama Pemilik",
        cast(3671000000000000 + i as varchar) as "NIK",
        (['Tangerang', 'Jatiuwung', 'Batuceper', 'Benda', 'Cipondoh', 'Ciledug', 'Karawaci',
          'Periuk', 'Cibodas', 'Neglasari', 'Pinang', 'Karang Tengah', 'Larangan'])[i % 13 + 1]
            as "Kecamatan",
        (['kuliner', 'perdagangan', 'fesyen', 'jasa', 'kerajinan'])[i % 5 + 1] as "Sektor",
        (['Mikro', 'Mikro', 'Mikro', 'Mikro', 'Kecil', 'Menengah'])[i % 6 + 1] as "Skala",
        strftime(date '2010-01-01' + cast(i % 4700 as integer), '%Y-%m-%d') as "Tanggal Daftar",
        case when i % 3 = 0
            then strftime(date '2023-01-01' + cast(i % 30 as integer), '%Y-%m-%d') end
            as "Tanggal Onboarding",
        case when i % 3 = 0 then 'Shopee' end as "Platform"
    from range($rows) as t(i)
) to '{path}' (header, delimiter ',')
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=5_000_000)
    parser.add_argument("--runs", type=int, default=3, help="runs of each, medians printed")
    parser.add_argument("--floor", nargs=2, metavar=("CSV", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.floor:
        return floor(*args.floor)

    folder = Path(tempfile.mkdtemp(prefix="pulih-bench-"))
    try:
        data = folder / "data"
        (data / "raw").mkdir(parents=True)
        shutil.copytree(PROJECT / "data" / "aliases", data / "aliases")
        for name in ("metrics", "regions_banten", "regions_kota_tangerang"):
            shutil.copy(PROJECT / "data" / "raw" / f"{name}.csv", data / "raw" / f"{name}.csv")
        regions = "".join(
            REGION_ENTRY.format(id=i) for i in ("regions_banten", "regions_kota_tangerang")
        )
        (data / "sources.toml").write_text(MANIFEST.format(regions=regions))
        register = data / "raw" / "register.csv"

        started = time.perf_counter()
        con = duckdb.connect()
        # the path is ours (a temporary folder); the row count is bound
        con.execute(GENERATE.format(path=register.as_posix()), {"rows": args.rows})
        con.close()
        generated = time.perf_counter() - started
        size_mb = register.stat().st_size / 1e6
        print(
            f"register: {args.rows:,} rows, {size_mb:,.0f} MB CSV (generated in {generated:.1f} s)"
        )
        print(f"load average before: {load_average()}")

        runs: dict[str, list[tuple[float, float]]] = {"floor": [], "build": [], "check": []}
        commands = {
            "floor": [__file__, "--floor", str(register), str(folder / "floor.duckdb")],
            "build": ["-m", "etl", "build", "--data", str(data),
                      "--warehouse", str(folder / "bench.duckdb")],
            "check": ["-m", "etl", "check", str(register), "--kind", "umkm_register",
                      "--data", str(data)],
        }  # fmt: skip
        for _ in range(args.runs):
            for name, command in commands.items():
                seconds, peak_mb, code, tail = measure([sys.executable, *command])
                # check exits 1 when it finds rejects; the generated register has none
                if code != 0:
                    print(f"{name} failed (exit {code}):\n{tail}")
                    return 1
                runs[name].append((seconds, peak_mb))
                (folder / "floor.duckdb").unlink(missing_ok=True)
        print(f"load average after:  {load_average()}")
        return _report(runs, args.rows)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _report(runs: dict[str, list[tuple[float, float]]], rows: int) -> int:
    """The medians, their ratios to the floor, and the verdict on the build."""
    wall = {name: statistics.median(s for s, _ in r) for name, r in runs.items()}
    peak = {name: statistics.median(m for _, m in r) for name, r in runs.items()}
    print(f"{'':>6}  {'wall':>8}  {'rows/s':>11}  {'peak':>9}  {'wall/floor':>10}  "
          f"{'peak/floor':>10}  (medians of {len(runs['floor'])})")  # fmt: skip
    for name in runs:
        print(
            f"{name:>6}  {wall[name]:7.1f}s  {rows / wall[name]:11,.0f}  {peak[name]:6,.0f} MiB  "
            f"{wall[name] / wall['floor']:9.2f}x  {peak[name] / peak['floor']:9.2f}x"
        )
    ratio = wall["build"] / wall["floor"]
    fast, small = ratio <= WALL_RATIO, peak["build"] < PEAK_MIB
    print(
        f"build wall {ratio:.2f}x the floor (target <= {WALL_RATIO:.0f}x): "
        f"{'PASS' if fast else 'FAIL'}; peak {peak['build']:,.0f} MiB "
        f"(target < {PEAK_MIB:,} MiB): {'PASS' if small else 'FAIL'}"
    )
    return 0


def floor(csv: str, db: str) -> int:
    """DuckDB's own speed: the file read into a table, nothing else."""
    con = duckdb.connect(db)
    con.execute("create table register as select * from read_csv($path)", {"path": csv})
    con.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
