"""`make bench`, national part: the national-scale demo (etl/national.py: 38 provinces, 514
kab/kota, 7.285 kecamatan, monthly labour per kecamatan, a register of --register-rows businesses)
generated into a temporary folder and built by the project's normal build in a child process, then
every page opened on it with Streamlit's AppTest, cold and warm. Prints the build time, its peak
memory (getrusage of the child), the warehouse size and each page's server time, with the load
average beside them (the machine is shared: read the figures with it).

Targets: build peak < 2 GiB; every page < 1,5 s warm.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))
from measure import load_average, measure  # noqa: E402  (bench/, beside this file)

PEAK_TARGET_MB = 2048
PAGE_TARGET_S = 1.5
WARM_RUNS = 3
# (what is measured, page, its link's query): each page at its default, and Wilayah and Data at
# every level, inside and outside Banten
VIEWS = (
    ("Ringkasan", "ringkasan", {}),
    ("Wilayah provinsi", "wilayah", {"level": "province"}),
    ("Wilayah kab/kota Banten", "wilayah", {}),
    ("Wilayah kab/kota Jawa Barat (27)", "wilayah", {"provinsi": "32"}),
    ("Wilayah kecamatan Kota Tangerang (13)", "wilayah", {"level": "district"}),
    ("Wilayah kecamatan Kota Yogyakarta (14)", "wilayah", {"level": "district", "induk": "34.71"}),
    ("Dampak vs Adopsi", "dampak_adopsi", {}),
    ("Data (kab/kota)", "data", {}),
    ("Data (kecamatan)", "data", {"level": "district"}),
    ("Sumber & Metode", "sumber_metode", {}),
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--register-rows", type=int, default=1_000_000)
    parser.add_argument("--province", action="append", default=[], help="only these provinces")
    parser.add_argument("--pages", metavar="WAREHOUSE", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.pages:
        return _pages(Path(args.pages))

    from etl import national

    folder = Path(tempfile.mkdtemp(prefix="pulih-national-"))
    try:
        started = time.perf_counter()
        written = national.write(folder, args.register_rows, tuple(args.province))
        seconds = time.perf_counter() - started
        print(f"national demo: generated in {seconds:.1f} s (load average {load_average()})")
        for path, rows in written:
            print(f"  {path.name}: {rows:,} rows, {path.stat().st_size / 1e6:,.0f} MB")
        warehouse = folder / "pulih.duckdb"
        build = [sys.executable, "-m", "etl", "build", "--data", str(folder)]
        seconds, peak_mb, code, tail = measure([*build, "--warehouse", str(warehouse)])
        verdict = "within" if peak_mb < PEAK_TARGET_MB else "OVER"
        print(
            f"  build: {seconds:.1f} s, peak memory {peak_mb:,.0f} MB ({verdict} the "
            f"{PEAK_TARGET_MB:,} MB target), exit {code} (load average {load_average()})"
        )
        if code != 0:
            print(tail)
            return 1
        print(f"  warehouse: {warehouse.stat().st_size / 1e6:,.0f} MB")
        # the pages in a process of their own: its caches start empty, as a server's do
        pages = subprocess.run(
            [sys.executable, __file__, "--pages", str(warehouse)],
            cwd=PROJECT,
            stderr=subprocess.PIPE,
            text=True,
        )
        # a new AppTest sets its session state outside a script run, and Streamlit warns of it
        # each time: the rest of what it says is shown
        sys.stderr.write(
            "".join(
                line
                for line in pages.stderr.splitlines(keepends=True)
                if "missing ScriptRunContext" not in line
            )
        )
        return 0
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _pages(warehouse: Path) -> int:
    """Each view cold (a new session, the query cache emptied) and warm (the same session run
    again: what every click costs once the queries are cached), server time."""
    os.environ["PULIH_WAREHOUSE"] = str(warehouse)
    from streamlit.testing.v1 import AppTest

    from ui import data

    load = load_average()
    print(f"  pages on the national warehouse (AppTest server time; load average {load}):")
    print(f"  {'view':<42} {'cold':>7} {'warm':>7}")
    for name, page, query in VIEWS:
        data.CACHE.clear()
        at = AppTest.from_function(_app, args=(page,), default_timeout=600)
        for key, value in query.items():
            at.query_params[key] = value
        started = time.perf_counter()
        at.run()
        cold = time.perf_counter() - started
        warm = []
        for _ in range(WARM_RUNS):
            started = time.perf_counter()
            at.run()
            warm.append(time.perf_counter() - started)
        failed = [e.value for e in at.exception] + [
            e.value for e in at.error if "kode kesalahan" in e.value
        ]
        median = statistics.median(warm)
        verdict = "" if median < PAGE_TARGET_S else f"  OVER the {PAGE_TARGET_S} s target"
        problem = f"  FAILED: {json.dumps(failed)[:200]}" if failed else ""
        print(f"  {name:<42} {cold:6.2f}s {median:6.2f}s{verdict}{problem}")
    return 0


def _app(page: str) -> None:
    """The whole app opened on `page` (the body of an AppTest script: it imports what it needs)."""
    from ui import data, router

    router.run(repo=data, default=page)


if __name__ == "__main__":
    sys.exit(main())
