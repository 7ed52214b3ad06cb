"""`python -m etl demo`: the synthetic demo data, deterministic (fixed seed), flagged synthetic.

Only where no public figure exists (README, "Demo data (synthetic)"): a record-level UMKM register
for Kota Tangerang and monthly labour figures per kecamatan. Both are calibrated to the public
figures they sit under, which are read from the project's own inputs in data/raw/, never from
outside the project:

Register (data/raw/demo/umkm_register.csv)
- Registrations: the city's published register totals are met exactly at their dates (10,553 at
  end-2016, 10,675 end-2017, 11,746 end-2018, 12,508 at 30 Apr 2019, 13,368 at 9 Apr 2020).
  Dates before end-2016 spread from 2010. After April 2020 the register grows by
  POST_2020_GROWTH_PER_YEAR a year (assumption: slower than 2019's pace), about 14.6 thousand by
  end-2022.
- Kecamatan: on 30 Apr 2019 the published top three hold exactly their counts (Cibodas 4,019,
  Jatiuwung 1,336, Pinang 961); the other ten share the rest about equally (no split published).
- Scale: the published mikro/kecil/menengah split at end-2018 and April 2019 is met exactly.
- Onboarding to digital platforms: no public count exists. Assumption: a third of businesses are
  online by end-2022 (the national order of magnitude: 20.5 million UMKM online in Nov 2022), a few
  before 2020, most from mid-2020, with kecamatan differing by up to +-30 %.
Labour (data/raw/demo/kecamatan_labour_monthly.csv)
- Month-end cumulative PHK and dirumahkan per kecamatan whose 13 kecamatan add up, in each month
  with a published city figure (workplace basis, dated to the day), to the latest such figure in
  that month. Figures known only to their year (ANTARA's undated 2020 report) are not used.
  Before the first report (March 2020) and after the last (July 2020) the path is assumed.
- Closures: no public city figure; an assumed small count that only grows.
No names, NIK, phone numbers or addresses are generated.
"""

import calendar
import csv
import datetime as dt
import os
import random
from collections.abc import Mapping
from pathlib import Path

from etl import journal, lock, marts, paths

SEED = 20200520
POST_2020_GROWTH_PER_YEAR = 480
REGISTER_START = dt.date(2010, 1, 1)
# the last day of the warehouse's last month (etl/marts.py holds the horizon, as a month start)
HORIZON_END = marts.HORIZON_END.replace(
    day=calendar.monthrange(marts.HORIZON_END.year, marts.HORIZON_END.month)[1]
)
CITY = "36.71"
ONLINE_SHARE_END_2022 = 0.33
# share of eventual onboarders online by each date (assumption; programme pushes from mid-2020)
ONBOARDING_PATH = [
    (dt.date(2017, 1, 1), 0.0),
    (dt.date(2020, 3, 1), 0.15),
    (dt.date(2020, 12, 31), 0.50),
    (dt.date(2021, 12, 31), 0.80),
    (dt.date(2022, 12, 31), 1.0),
]
SECTORS = {
    "kuliner": 40,
    "perdagangan": 22,
    "fesyen": 12,
    "jasa": 10,
    "kerajinan": 8,
    "agribisnis": 3,
    "lainnya": 5,
}
PLATFORMS = {
    "Shopee": 30,
    "Tokopedia": 28,
    "GoFood/GrabFood": 15,
    "WhatsApp/Instagram": 17,
    "Bukalapak": 5,
    "Blibli": 5,
}
# relative exposure of each kecamatan's workplaces to layoffs (assumption: industrial belts higher)
LABOUR_WEIGHT = {
    "36.71.01": 5,
    "36.71.02": 16,
    "36.71.03": 9,
    "36.71.04": 8,
    "36.71.05": 5,
    "36.71.06": 3,
    "36.71.07": 10,
    "36.71.08": 12,
    "36.71.09": 11,
    "36.71.10": 9,
    "36.71.11": 4,
    "36.71.12": 4,
    "36.71.13": 4,
}


def write(data_dir: Path | None = None) -> list[tuple[Path, int]]:
    """Write the demo files, holding the writer lock (etl/lock.py) so no build reads them half
    written; each file is written beside itself and renamed into place."""
    data_dir = data_dir or paths.data_dir()
    warehouse = paths.warehouse_path()
    with lock.hold(warehouse, "etl demo") as first:
        if first:  # an `etl add` killed half-way: finish it or roll it back first
            journal.recover(data_dir, warehouse)
        return _write_all(data_dir)


def _write_all(data_dir: Path) -> list[tuple[Path, int]]:
    raw = data_dir / "raw"
    kecamatan = _read(raw / "regions_kota_tangerang.csv")
    counts = _read(raw / "umkm_counts.csv")
    labour = _read(raw / "kabkota_labour.csv")
    rng = random.Random(SEED)
    out = raw / "demo"
    out.mkdir(parents=True, exist_ok=True)
    register = _register(rng, kecamatan, counts)
    monthly = _labour(rng, kecamatan, labour)
    return [
        (_write(out / "umkm_register.csv", register), len(register)),
        (_write(out / "kecamatan_labour_monthly.csv", monthly), len(monthly)),
    ]


def _read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _write(path: Path, rows: list[dict]) -> Path:
    partial = path.with_name(path.name + ".partial")
    try:
        with partial.open("w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return path


def _random_date(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def _quota(rng: random.Random, counts: dict[str, int]) -> list[str]:
    labels = [k for k, n in counts.items() for _ in range(n)]
    rng.shuffle(labels)
    return labels


def _weighted(rng: random.Random, weights: Mapping[str, float], n: int) -> list[str]:
    return rng.choices(list(weights), weights=list(weights.values()), k=n)


def _register(rng, kecamatan, counts) -> list[dict]:
    city = sorted(
        (dt.date.fromisoformat(r["ref_date"]), int(float(r["value"])))
        for r in counts
        if r["area_code"] == CITY and r["metric"] == "umkm_registered"
    )
    top3 = {
        r["area_code"]: int(float(r["value"]))
        for r in counts
        if r["area_code"].startswith(CITY + ".") and r["metric"] == "umkm_registered"
    }
    top3_date = dt.date(2019, 4, 30)
    codes = [r["code"] for r in kecamatan]

    # registration dates, meeting every published total at its date
    anchors = [(REGISTER_START - dt.timedelta(days=1), 0), *city]
    last_date, last_total = city[-1]
    end_total = last_total + round(POST_2020_GROWTH_PER_YEAR * (HORIZON_END - last_date).days / 365)
    anchors.append((HORIZON_END, end_total))
    dates = []
    for (d0, n0), (d1, n1) in zip(anchors, anchors[1:], strict=False):
        dates += sorted(_random_date(rng, d0 + dt.timedelta(days=1), d1) for _ in range(n1 - n0))

    # kecamatan: exact top three at 30 Apr 2019, the rest about equal
    before = sum(1 for d in dates if d <= top3_date)
    others = [c for c in codes if c not in top3]
    share = {c: 1 + rng.uniform(-0.15, 0.15) for c in others}
    remainder = before - sum(top3.values())
    quota = {c: int(remainder * s / sum(share.values())) for c, s in share.items()}
    quota[others[0]] += remainder - sum(quota.values())
    quota.update(top3)
    places = _quota(rng, quota)
    weights = {c: n / before for c, n in quota.items()}
    places += _weighted(rng, weights, len(dates) - before)

    # scale: the published split at end-2018 and April 2019, then April 2019's proportions
    n_2018 = sum(1 for d in dates if d <= dt.date(2018, 12, 31))
    scales = _quota(rng, {"mikro": 11079, "kecil": 633, "menengah": 34})[:n_2018]
    scales += _quota(rng, {"mikro": 11793 - 11079, "kecil": 679 - 633, "menengah": 36 - 34})
    scales += _weighted(
        rng, {"mikro": 11793, "kecil": 679, "menengah": 36}, len(dates) - len(scales)
    )

    propensity = {c: ONLINE_SHARE_END_2022 * (1 + rng.uniform(-0.3, 0.3)) for c in codes}
    rows = []
    for n, (registered, place, scale) in enumerate(
        zip(dates, places, scales, strict=True), start=1
    ):
        sector = _weighted(rng, SECTORS, 1)[0]
        onboarded, platform = None, None
        if rng.random() < propensity[place]:
            onboarded = max(
                _onboarding_date(rng), registered + dt.timedelta(days=rng.randint(7, 120))
            )
            if onboarded <= HORIZON_END:
                platforms = dict(PLATFORMS)
                if sector == "kuliner":
                    platforms["GoFood/GrabFood"] *= 3
                platform = _weighted(rng, platforms, 1)[0]
            else:
                onboarded = None
        rows.append(
            {
                "umkm_id": f"DEMO-{n:06d}",
                "region_code": place,
                "sector": sector,
                "scale": scale,
                "registered_on": registered.isoformat(),
                "onboarded_on": onboarded.isoformat() if onboarded else "",
                "platform": platform or "",
            }
        )
    return rows


def _onboarding_date(rng) -> dt.date:
    u = rng.random()
    for (d0, p0), (d1, p1) in zip(ONBOARDING_PATH, ONBOARDING_PATH[1:], strict=False):
        if u <= p1:
            return d0 + dt.timedelta(days=int((d1 - d0).days * (u - p0) / (p1 - p0)))
    return ONBOARDING_PATH[-1][0]


def _month_ends() -> list[dt.date]:
    ends = []
    for year in (2020, 2021, 2022):
        for month in range(1, 13):
            ends.append(dt.date(year, month, calendar.monthrange(year, month)[1]))
    return ends


def _city_targets(labour) -> dict[str, dict[dt.date, int]]:
    """Latest published city figure (workplace basis) in each month, by metric."""
    reported: dict[str, dict[dt.date, tuple[dt.date, int]]] = {}
    for r in labour:
        # a figure known only to its year (a placeholder date) says nothing about a month
        if r["area_code"] != CITY or r["basis"] != "workplace" or r["date_precision"] != "day":
            continue
        day = dt.date.fromisoformat(r["ref_date"])
        month_end = dt.date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])
        series = reported.setdefault(r["metric"], {})
        if month_end not in series or series[month_end][0] <= day:
            series[month_end] = (day, int(float(r["value"])))
    targets = {m: {k: v for k, (_, v) in s.items()} for m, s in reported.items()}
    # A combined PHK + dirumahkan figure with no split: keep PHK at its last figure, and let
    # dirumahkan take the rest (assumption), so the two still add up to the published total.
    for month, total in targets.get("phk_plus_dirumahkan", {}).items():
        phk = targets["phk"].get(month) or max(v for k, v in targets["phk"].items() if k < month)
        targets["phk"][month] = phk
        targets["dirumahkan"][month] = total - phk
    return targets


def _path(targets: dict[dt.date, int], months: list[dt.date], rng, late_growth: float) -> list[int]:
    """A cumulative path through the published points; assumed before and after them."""
    first, last = min(targets), max(targets)
    values, level = [], 0.0
    for month in months:
        if month in targets:
            level = max(level, targets[month])
        elif month < first:
            level = targets[first] * 0.45 if (month.year, month.month) == (2020, 3) else 0
        elif month > last:
            ppkm = dt.date(2021, 7, 1) <= month <= dt.date(2021, 8, 31)
            level *= 1 + (0.05 if ppkm else late_growth * rng.uniform(0.5, 1.5))
        values.append(round(level))
    return values


def _allocate(rng, weights: Mapping[str, float], totals: list[int]) -> dict[str, list[int]]:
    """Split each month's increase over the kecamatan by weight, so every kecamatan only grows."""
    shares = {c: w * rng.uniform(0.8, 1.2) for c, w in weights.items()}
    series: dict[str, list[int]] = {c: [] for c in weights}
    running = dict.fromkeys(weights, 0)
    previous = 0
    for total in totals:
        for code in _weighted(rng, shares, total - previous):
            running[code] += 1
        for code in weights:
            series[code].append(running[code])
        previous = total
    return series


def _labour(rng, kecamatan, labour) -> list[dict]:
    months = _month_ends()
    targets = _city_targets(labour)
    closures = {
        dt.date(2020, 4, 30): 3,
        dt.date(2020, 5, 31): 5,
        dt.date(2020, 6, 30): 6,
        dt.date(2020, 7, 31): 7,
    }
    paths_ = {
        "phk": (_path(targets["phk"], months, rng, 0.006), "workers"),
        "dirumahkan": (_path(targets["dirumahkan"], months, rng, 0.004), "workers"),
        "companies_closed": (_path(closures, months, rng, 0.01), "companies"),
    }
    names = {r["code"]: r["name"] for r in kecamatan}
    rows = []
    for metric, (totals, unit) in paths_.items():
        per_kecamatan = _allocate(rng, LABOUR_WEIGHT, totals)
        for code in names:
            for month, value in zip(months, per_kecamatan[code], strict=True):
                rows.append(
                    {
                        "area_code": code,
                        "area_name": names[code],
                        "ref_date": month.isoformat(),
                        "date_precision": "month",
                        "metric": metric,
                        "value": value,
                        "unit": unit,
                        "qualifier": "exact",
                        "basis": "workplace",
                        "statement_by": "",
                        "outlet": "Pulih demo generator",
                        "url": "",
                        "published": "",
                        "note": "SYNTHETIC demo figure",
                    }
                )
    return rows
