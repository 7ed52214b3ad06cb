"""The as-of rules of the monthly mart, on small hand-made data."""

import datetime as dt

import duckdb
import pandas as pd

from etl.build import build
from tests.conftest import make_data_dir

CITY = """\
36.71,Kota Tangerang,2020-04-17,day,phk,3888,workers,exact,workplace,,TangerangNews,https://e.org/1,2020-04-17,
36.71,Kota Tangerang,2020-06-20,day,phk,6023,workers,approx,workplace,,Kompas,https://e.org/2,2020-06-20,
36,Provinsi Banten,2020-05-20,day,phk,17298,workers,exact,workplace,,Kompas,https://e.org/3,2020-05-28,
36.71,Kota Tangerang,2020-09-01,day,dirumahkan,100,workers,exact,workplace,,A,https://e.org/4,2020-09-01,
36.71,Kota Tangerang,2020-09-01,day,dirumahkan,120,workers,exact,workplace,,B,https://e.org/5,2020-09-02,
"""
KECAMATAN = [f"36.71.{n:02d}" for n in range(1, 14)]


def synthetic_children(months: list[str], skip: dict[str, str] | None = None) -> str:
    """Every kecamatan reports 10 PHK at each month end, except those in skip (code -> month)."""
    lines = []
    for month in months:
        for code in KECAMATAN:
            if (skip or {}).get(code) == month:
                continue
            lines.append(f"{code},x,{month},month,phk,10,workers,exact,workplace,,demo,,,\n")
    return "".join(lines)


def mart(tmp_path, observations, synthetic=frozenset()):
    data = make_data_dir(tmp_path, observations, synthetic)
    build(data, tmp_path / "w.duckdb")
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    frame = con.execute("select * from mart_monthly order by region_code, metric, month").df()
    con.close()
    return frame


def row(frame, region, metric, month):
    hit = frame[
        (frame.region_code == region)
        & (frame.metric == metric)
        & (frame.month == pd.Timestamp(month))
    ]
    return None if hit.empty else hit.iloc[0]


def test_a_month_without_report_carries_the_last_figure_and_says_its_date(tmp_path):
    frame = mart(tmp_path, {"city.csv": CITY})
    may = row(frame, "36.71", "phk", "2020-05-01")
    assert (may.value, may.method, pd.Timestamp(may.as_of_date).date(), may.age_months) == (
        3888,
        "carried_forward",
        dt.date(2020, 4, 17),
        1,
    )
    june = row(frame, "36.71", "phk", "2020-06-01")
    assert (june.value, june.qualifier, june.method) == (6023, "approx", "reported")
    # nothing before the first report, and nothing carried beyond twelve months
    assert row(frame, "36.71", "phk", "2020-03-01") is None
    assert row(frame, "36.71", "phk", "2021-06-01").value == 6023
    assert row(frame, "36.71", "phk", "2021-07-01") is None
    # figures are never summed across dates: the province keeps its own single report
    assert row(frame, "36", "phk", "2020-06-01").value == 17298


def test_conflicting_sources_are_flagged_not_picked_silently(tmp_path):
    frame = mart(tmp_path, {"city.csv": CITY})
    sept = row(frame, "36.71", "dirumahkan", "2020-09-01")
    assert bool(sept.conflict) is True


def test_a_parent_is_summed_only_when_every_child_reported(tmp_path):
    children = synthetic_children(["2020-01-31", "2020-02-29"], skip={"36.71.05": "2020-02-29"})
    frame = mart(tmp_path, {"kec.csv": children}, synthetic=frozenset({"kec.csv"}))
    january = row(frame, "36.71", "phk", "2020-01-01")
    assert (january.value, january.method, bool(january.synthetic)) == (
        130,
        "sum_of_children",
        True,
    )
    # Cipondoh did not report for February: no city figure is made up from twelve kecamatan
    assert row(frame, "36.71", "phk", "2020-02-01") is None
    # Banten has eight kabupaten/kota and only one reported: never summed
    assert row(frame, "36", "phk", "2020-01-01") is None


def test_a_parent_own_report_outranks_the_sum_of_its_children(tmp_path):
    children = synthetic_children(["2020-04-30", "2020-05-31"])
    frame = mart(
        tmp_path, {"city.csv": CITY, "kec.csv": children}, synthetic=frozenset({"kec.csv"})
    )
    april = row(frame, "36.71", "phk", "2020-04-01")
    assert (april.value, april.method, bool(april.synthetic)) == (3888, "reported", False)
    may = row(frame, "36.71", "phk", "2020-05-01")
    assert (may.value, may.method) == (3888, "carried_forward")
