"""Every mart declares its grain (the columns that key one row) in its header comment, and the
build fails when a mart's rows break it, when a declared column is not the mart's, or when a mart
declares none (etl/marts.py, failed_grains)."""

import duckdb
import pytest

from etl import marts, paths, verify
from etl.build import BuildError, build
from tests.conftest import make_data_dir

LABOUR = """\
36.71,Kota Tangerang,2020-05-05,day,phk,6023,workers,exact,workplace,,Kompas.com,https://example.org/a,2020-05-05,
36.71,Kota Tangerang,2020-06-05,day,phk,6500,workers,exact,workplace,,Kompas.com,https://example.org/b,2020-06-05,
"""
DECLARED = "-- grain: region_code, metric, month\n"


def test_every_mart_that_makes_a_table_declares_one_grain_of_its_own_columns(con):
    found = {g.table: g for g in marts.grains()}
    assert set(found) == {"mart_conflicts", "mart_monthly", "mart_umkm_monthly", "mart_revisions"}
    assert found["mart_monthly"].columns == ("region_code", "metric", "month")
    assert found["mart_umkm_monthly"].columns == ("region_code", "series", "month")
    for g in found.values():
        assert g.declared == 1 and all(g.columns), g
    # no table called mart_* escapes: every one in the warehouse is made by a declared mart
    tables = con.execute(
        "select table_name from information_schema.tables where starts_with(table_name, 'mart_')"
    ).fetchall()
    assert {t for (t,) in tables} == set(found)
    assert marts.failed_grains(con) == []


def with_mart_text(monkeypatch, mart: str, change) -> None:
    """The build reads etl/sql/marts/<mart>.sql as `change` makes it."""
    original = paths.sql_text
    monkeypatch.setattr(
        paths,
        "sql_text",
        lambda name: change(original(name)) if name == f"marts/{mart}" else original(name),
    )


def build_fails(tmp_path) -> str:
    data = make_data_dir(tmp_path, {"labour.csv": LABOUR})
    with pytest.raises(BuildError) as raised:
        build(data, tmp_path / "w.duckdb")
    assert not (tmp_path / "w.duckdb").exists()  # nothing replaced
    return str(raised.value)


def test_a_duplicate_row_breaks_the_grain_and_fails_the_build(tmp_path, monkeypatch):
    original = marts.build_marts

    def build_marts_twice_one_row(con):
        original(con)
        con.execute(
            "insert into mart_monthly select * from mart_monthly "
            "where region_code = '36.71' and metric = 'phk' and month = '2020-06-01'"
        )

    monkeypatch.setattr(marts, "build_marts", build_marts_twice_one_row)
    message = build_fails(tmp_path)
    assert "data checks failed; the warehouse was not replaced" in message
    assert "mart mart_monthly breaks its grain (region_code, metric, month): 1 key(s)" in message
    assert "36.71" in message and "2020-06-01" in message


def test_a_grain_too_narrow_for_the_rows_fails_the_build(tmp_path, monkeypatch):
    with_mart_text(
        monkeypatch,
        "mart_monthly",
        lambda t: t.replace(DECLARED, "-- grain: region_code, metric\n"),
    )
    message = build_fails(tmp_path)
    assert "mart mart_monthly breaks its grain (region_code, metric):" in message


def test_a_declared_column_the_mart_lacks_fails_the_build(tmp_path, monkeypatch):
    with_mart_text(
        monkeypatch,
        "mart_monthly",
        lambda t: t.replace(
            DECLARED, '-- grain: region_code, metric, month, "month"; drop table x\n'
        ),
    )
    message = build_fails(tmp_path)
    assert 'has no column "month"; drop table x' in message


def test_a_mart_without_a_grain_fails_the_build(tmp_path, monkeypatch):
    with_mart_text(
        monkeypatch,
        "mart_revisions",
        lambda t: "\n".join(x for x in t.splitlines() if not x.startswith("-- grain:")),
    )
    message = build_fails(tmp_path)
    assert (
        "mart mart_revisions (etl/sql/marts/mart_revisions.sql) must declare its grain" in message
    )


def test_verify_finds_a_broken_grain_in_a_warehouse(tmp_path):
    data = make_data_dir(tmp_path, {"labour.csv": LABOUR})
    warehouse = tmp_path / "w.duckdb"
    build(data, warehouse)
    assert verify.problems(warehouse) == []
    con = duckdb.connect(str(warehouse))
    con.execute("insert into mart_monthly select * from mart_monthly limit 1")
    con.close()
    assert any("breaks its grain" in p for p in verify.problems(warehouse))
