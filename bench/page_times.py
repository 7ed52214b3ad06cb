"""`make bench`, the pages: each page's server time, cold and warm, at Banten scale, against the
0,5 s target.

Server time is one script run of the page through Streamlit's AppTest (the router, the sidebar and
the page, everything the server does for a click, not the browser's drawing). Cold: the query
caches emptied and a new session (the first visitor after a rebuild); warm: the same session run
again (every click after the first). Each is the median of --runs runs; the process has run a page
once before, so imports are not counted.

Wilayah at kecamatan level is measured on Kota Tangerang's 13 kecamatan (the shipped data) and on
a city of 40 (a kab/kota can have ~40): a copy of the shipped data with 27 more kecamatan, each a
renamed copy of one of the 13 (its region row and its monthly series), built into a temporary
warehouse. The chart of one panel per area is what grows with the number of areas; the page draws
one part at a time (`tab=`), so the kecamatan cases are timed on the map (the part a link opens)
and on the panels (the costliest).
"""

import argparse
import csv
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))
from measure import load_average  # noqa: E402  (bench/, beside this file)

TARGET_SECONDS = 0.5
CITY = "36.71"  # Kota Tangerang
CITY_REGIONS = Path("raw") / "regions_kota_tangerang.csv"
CITY_SERIES = Path("raw") / "demo" / "kecamatan_labour_monthly.csv"

# (what is measured, page, query parameters, warehouse: "banten" or "wide")
CASES = (
    ("Ringkasan", "ringkasan", {}, "banten"),
    ("Wilayah, provinsi", "wilayah", {"level": "province"}, "banten"),
    ("Wilayah, kab/kota", "wilayah", {}, "banten"),
    ("Wilayah, kecamatan (13)", "wilayah", {"level": "district", "induk": CITY}, "banten"),
    ("Wilayah, kecamatan (40)", "wilayah", {"level": "district", "induk": CITY}, "wide"),
    # the page draws only the part chosen (tab=): the map above, its costliest part here
    ("Wilayah, kec. (13), panels", "wilayah", {"level": "district", "tab": "panels"}, "banten"),
    ("Wilayah, kec. (40), panels", "wilayah", {"level": "district", "tab": "panels"}, "wide"),
    ("Dampak vs Adopsi", "dampak_adopsi", {}, "banten"),
    ("Data", "data", {}, "banten"),
    ("Sumber & Metode", "sumber_metode", {}, "banten"),
)


def _app(page: str) -> None:
    """The body of an AppTest script: the whole app opened on `page`."""
    from ui import data, router

    router.run(repo=data, default=page)


def _session(page: str, query: dict):
    from streamlit import logger
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(_app, args=(page,), default_timeout=120)
    logger.set_log_level("error")  # AppTest has no server, and would say so at every run
    for key, value in query.items():
        at.query_params[key] = value
    return at


def _run(at) -> tuple[float, float]:
    """Seconds of one run: on the clock, and of CPU (the script runs in a thread of this
    process), which other work on a shared machine disturbs less."""
    started, cpu = time.perf_counter(), time.process_time()
    at.run()
    seconds = time.perf_counter() - started, time.process_time() - cpu
    if at.exception:
        raise RuntimeError([e.value for e in at.exception])
    return seconds


def measure(page: str, query: dict, runs: int) -> tuple[float, float, float, float]:
    """Median seconds of one script run of the page: cold and warm, on the clock and of CPU."""
    import streamlit as st

    cold = []
    for _ in range(runs):
        st.cache_data.clear()
        cold.append(_run(_session(page, query)))
    at = _session(page, query)
    _run(at)
    warm = [_run(at) for _ in range(runs)]
    return (
        statistics.median(c[0] for c in cold),
        statistics.median(w[0] for w in warm),
        statistics.median(c[1] for c in cold),
        statistics.median(w[1] for w in warm),
    )


def wide_city(data: Path, folder: Path, areas: int = 40) -> Path:
    """A copy of the data folder whose city has `areas` kecamatan: the shipped ones and renamed
    copies of them (region row, monthly series), placed a little apart on the map."""
    copy = folder / "data"
    shutil.copytree(data, copy, ignore=shutil.ignore_patterns("*.duckdb*"))
    regions = _read(copy / CITY_REGIONS)
    series = _read(copy / CITY_SERIES)
    kecamatan = [r for r in regions if r["parent_code"] == CITY]
    new_regions, new_series = [], []
    for number in range(len(kecamatan) + 1, areas + 1):
        model = kecamatan[number % len(kecamatan)]
        code, name = f"{CITY}.{number:02d}", f"Kec. Uji {number}"
        new_regions.append(
            model
            | {
                "code": code,
                "name": name,
                "lat": f"{float(model['lat']) + 0.004 * (number % 5):.5f}",
                "lon": f"{float(model['lon']) + 0.004 * (number // 5):.5f}",
            }
        )
        new_series += [
            r | {"area_code": code, "area_name": name}
            for r in series
            if r["area_code"] == model["code"]
        ]
    _append(copy / CITY_REGIONS, new_regions)
    _append(copy / CITY_SERIES, new_series)
    return copy


def _read(path: Path) -> list[dict]:
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _append(path: Path, rows: list[dict]) -> None:
    with path.open("a", newline="", encoding="utf-8") as f:
        csv.DictWriter(f, list(rows[0])).writerows(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3, help="runs per median (default 3)")
    parser.add_argument("--only", default="", help="only the cases whose name contains this")
    args = parser.parse_args()

    from streamlit import logger

    from etl.build import build

    logger.set_log_level("error")

    folder = Path(tempfile.mkdtemp(prefix="pulih-bench-pages-"))
    try:
        data = PROJECT / "data"
        warehouses = {"banten": folder / "banten.duckdb", "wide": folder / "wide.duckdb"}
        build(data, warehouses["banten"])
        build(wide_city(data, folder), warehouses["wide"])
        os.environ["PULIH_WAREHOUSE"] = str(warehouses["banten"])
        _run(_session("ringkasan", {}))  # imports, once: not part of any page's time

        print(f"pages: server time of one run (AppTest), median of {args.runs} runs, in seconds")
        load = load_average()
        print(f"on the clock and of CPU; target {TARGET_SECONDS} s warm; load average {load}")
        print(f"{'page':<26}{'cold':>7}{'warm':>7}{'warm/target':>13}{'cpu cold':>10}{'warm':>7}")
        for name, page, query, warehouse in CASES:
            if args.only not in name:
                continue
            os.environ["PULIH_WAREHOUSE"] = str(warehouses[warehouse])
            cold, warm, cpu_cold, cpu_warm = measure(page, query, args.runs)
            ratio = warm / TARGET_SECONDS
            verdict = "" if ratio < 1 else "  OVER"
            print(
                f"{name:<26}{cold:7.2f}{warm:7.2f}{ratio:12.2f}x"
                f"{cpu_cold:10.2f}{cpu_warm:7.2f}{verdict}"
            )
        print(f"load average after: {load_average()}")
        return 0
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
