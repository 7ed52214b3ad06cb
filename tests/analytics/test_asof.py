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


# --- The rules a mayor relies on (issue: numbers a mayor can quote) -------------------------

PROVINCE = """\
36,Provinsi Banten,2020-05-20,day,phk,17298,workers,exact,workplace,,Kompas,https://e.org/a,2020-05-28,
36,Provinsi Banten,2020-05-20,day,dirumahkan,27569,workers,exact,workplace,,Kompas,https://e.org/a,2020-05-28,
36,Provinsi Banten,2020-04-20,day,phk_plus_dirumahkan,9180,workers,exact,workplace,,RMOL,https://e.org/b,2020-04-20,
36,Provinsi Banten,2020-10-12,day,phk,19000,workers,approx,workplace,,Fakta,https://e.org/c,2020-10-12,
36,Provinsi Banten,2020-10-12,day,dirumahkan,30000,workers,more_than,workplace,,Fakta,https://e.org/c,2020-10-12,
36,Provinsi Banten,2021-07-26,day,phk,19000,workers,approx,workplace,,Raya,https://e.org/d,2021-07-26,
36,Provinsi Banten,2020-08,month,tpt,10.64,percent,exact,resident,,BPS,https://e.org/e,2020-11-05,
36.74,Kota Tangerang Selatan,2021-08-04,day,phk_2021_ytd,398,workers,exact,workplace,,TN,https://e.org/f,2021-08-04,
36.01,Kabupaten Pandeglang,2020-04,month,phk,28,workers,exact,workplace,,Hits,https://e.org/g,2020-05-03,
"""


def test_a_parent_with_fewer_children_loaded_than_it_has_is_never_summed(tmp_path):
    # Indonesia has 38 provinces and only Banten is loaded: Indonesia is never Banten
    frame = mart(tmp_path, {"province.csv": PROVINCE})
    assert frame[frame.region_code == "ID"].empty
    assert row(frame, "36", "phk", "2020-05-01").value == 17298


def test_a_combined_measure_is_derived_from_its_parts_and_never_carried_past_them(tmp_path):
    frame = mart(tmp_path, {"province.csv": PROVINCE})
    # April: the reported combined figure of 20 April
    april = row(frame, "36", "phk_plus_dirumahkan", "2020-04-01")
    assert (april.value, april.method) == (9180, "reported")
    # May: both parts reported on 20 May: 17.298 + 27.569 = 44.867, exact + exact = exact
    may = row(frame, "36", "phk_plus_dirumahkan", "2020-05-01")
    assert (may.value, may.qualifier, may.method) == (44867, "exact", "sum_of_parts")
    # October: ± 19.000 + > 30.000 = ± 49.000 (an approximate part makes the sum approximate)
    october = row(frame, "36", "phk_plus_dirumahkan", "2020-10-01")
    assert (october.value, october.qualifier) == (49000, "approx")
    # carried to June 2021; in July 2021 a newer PHK report (26 Jul) ends the combined figure
    assert row(frame, "36", "phk_plus_dirumahkan", "2021-06-01").value == 49000
    assert row(frame, "36", "phk_plus_dirumahkan", "2021-07-01") is None
    assert row(frame, "36", "phk", "2021-07-01").value == 19000


def test_only_cumulative_stocks_are_carried_forward(tmp_path):
    frame = mart(tmp_path, {"province.csv": PROVINCE})
    # a survey rate belongs to its survey month
    assert row(frame, "36", "tpt", "2020-08-01").value == 10.64
    assert row(frame, "36", "tpt", "2020-09-01") is None
    # a flow (layoffs in 2021 to date) belongs to its own month
    assert row(frame, "36.74", "phk_2021_ytd", "2021-08-01").value == 398
    assert row(frame, "36.74", "phk_2021_ytd", "2021-09-01") is None
    # a figure known only to its month is that month's point and is not carried to a made-up day
    april = row(frame, "36.01", "phk", "2020-04-01")
    assert (april.value, april.date_precision) == (28, "month")
    assert row(frame, "36.01", "phk", "2020-05-01") is None


def qualified_children(qualifiers: dict[str, str]) -> str:
    """Every kecamatan reports 10 PHK on 31 Jan 2020, exact unless named in qualifiers."""
    return "".join(
        f"{code},x,2020-01-31,day,phk,10,workers,{qualifiers.get(code, 'exact')},workplace,"
        f",demo,https://e.org/k,2020-02-01,\n"
        for code in KECAMATAN
    )


def test_qualifier_algebra_in_a_sum_of_children(tmp_path):
    cases = [
        ({}, "exact"),  # exact + exact = exact
        ({"36.71.01": "at_least"}, "at_least"),  # a lower bound with exact parts: lower bound
        ({"36.71.01": "more_than"}, "more_than"),
        ({"36.71.01": "at_least", "36.71.02": "more_than"}, "more_than"),  # >= a, > b: > a+b
        ({"36.71.01": "at_least", "36.71.02": "approx"}, "approx"),  # any approx: approx
    ]
    for n, (qualifiers, expected) in enumerate(cases):
        frame = mart(tmp_path / str(n), {"kec.csv": qualified_children(qualifiers)})
        january = row(frame, "36.71", "phk", "2020-01-01")
        # 13 kecamatan x 10 = 130
        assert (january.value, january.qualifier) == (130, expected), qualifiers


ANTARA = """\
36.71,Kota Tangerang,2020-05-05,day,phk,6023,workers,exact,workplace,Asep,Kompas.com,https://e.org/kompas,2020-05-05,
36.71,Kota Tangerang,2020-05-05,day,dirumahkan,1174,workers,exact,workplace,Asep,Kompas.com,https://e.org/kompas,2020-05-05,
36.71,Kota Tangerang,2020-06-01,year,phk,6023,workers,exact,workplace,Sri,ANTARA Banten,https://e.org/antara,2020,
36.71,Kota Tangerang,2020-06-01,year,dirumahkan,1971,workers,exact,workplace,Sri,ANTARA Banten,https://e.org/antara,2020,
36.71,Kota Tangerang,2020-05-05,day,phk_estimate_apindo,8000,workers,approx,workplace,Ismail,Kompas.com,https://e.org/kompas,2020-05-05,
"""


def test_a_figure_known_only_to_its_year_is_never_a_monthly_point(tmp_path):
    frame = mart(tmp_path, {"city.csv": ANTARA})
    # ANTARA's undated 1.971 is not June 2020's figure: June carries Kompas's 1.174 of 5 May
    june = row(frame, "36.71", "dirumahkan", "2020-06-01")
    assert (june.value, pd.Timestamp(june.as_of_date).date()) == (1174, dt.date(2020, 5, 5))
    # ANTARA's 6.023 is Kompas's figure of 5 May: dated 5 May, citing both (file ids city#1, #2)
    may = row(frame, "36.71", "phk", "2020-05-01")
    assert (may.value, pd.Timestamp(may.as_of_date).date()) == (6023, dt.date(2020, 5, 5))
    assert sorted(may.source_ids) == ["city#1", "city#2"]
    # carried from 5 May 2020 (not from a made-up 1 June) for twelve months: to May 2021
    assert row(frame, "36.71", "phk", "2021-05-01").value == 6023
    assert row(frame, "36.71", "phk", "2021-06-01") is None


def test_the_conflict_flag_is_set_where_reports_disagree(tmp_path):
    frame = mart(tmp_path, {"city.csv": ANTARA})
    # Apindo's ± 8.000 sits beside Disnaker's 6.023 of the same day (mart_conflicts)
    for month in ("2020-05-01", "2020-09-01"):  # the reported month and a carried one
        assert bool(row(frame, "36.71", "phk", month).conflict) is True
    assert bool(row(frame, "36.71", "dirumahkan", "2020-05-01").conflict) is False
