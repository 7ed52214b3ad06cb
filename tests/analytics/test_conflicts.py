"""The difference of two reports that disagree (analytics/sql/conflicts.sql) carries what the
reports allow: exact only between two exact figures. Run on a real DuckDB holding the three
tables the query reads, with the rows written by hand."""

import datetime as dt

import duckdb

from analytics.db import SQL

ROWS = [
    # region, A (metric, value, qualifier), B (metric, value, qualifier)
    ("36.04", "phk", 15985.0, "exact", "phk_plus_dirumahkan", 9500.0, "exact"),
    ("36.71", "phk", 6023.0, "exact", "phk_estimate_apindo", 8000.0, "approx"),
    ("36.03", "phk", 4000.0, "at_least", "phk", 4500.0, "exact"),
    ("36.74", "phk", 1000.0, "exact", "phk", 30000.0, "more_than"),
]


def differences() -> dict[str, tuple[float, str]]:
    con = duckdb.connect()
    con.execute("create table region (code varchar, name varchar)")
    con.execute("create table metric (code varchar, label_id varchar, unit varchar)")
    con.execute(
        "create table mart_conflicts (region_code varchar, a_metric varchar, a_ref_date date,"
        " a_value double, a_qualifier varchar, b_metric varchar, b_value double,"
        " b_qualifier varchar, difference double)"
    )
    for region, a_metric, a_value, a_q, b_metric, b_value, b_q in ROWS:
        con.execute("insert into region values (?, ?)", [region, region])
        con.execute(
            "insert into mart_conflicts values (?, ?, date '2020-06-25', ?, ?, ?, ?, ?, ?)",
            [region, a_metric, a_value, a_q, b_metric, b_value, b_q, b_value - a_value],
        )
    for code in ("phk", "phk_plus_dirumahkan", "phk_estimate_apindo"):
        con.execute("insert into metric values (?, ?, 'workers')", [code, code])
    frame = con.execute(
        (SQL / "conflicts.sql").read_text(encoding="utf-8"),
        {
            "regions": [r[0] for r in ROWS],
            "date_from": dt.date(2020, 1, 1),
            "date_to": dt.date(2020, 12, 31),
        },
    ).df()
    return {r.region_code: (r.difference, r.difference_qualifier) for r in frame.itertuples()}


def test_the_difference_is_exact_only_between_exact_reports():
    found = differences()
    # 9.500 - 15.985 = -6.485, both exact (Kab. Serang's PHK and its PHK + dirumahkan)
    assert found["36.04"] == (-6485.0, "exact")
    # 8.000 - 6.023 = 1.977 from Apindo's "± 8.000": approximate, never exact
    assert found["36.71"] == (1977.0, "approx")
    # a bound on either side ("≥ 4.000", "> 30.000") leaves the difference approximate
    assert found["36.03"][1] == "approx"
    assert found["36.74"][1] == "approx"
