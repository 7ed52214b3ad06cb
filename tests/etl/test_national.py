"""The national-scale demo (etl/national.py): generated in DuckDB into its own folder, built by
the normal build into its own warehouse, flagged synthetic, and adding up the hierarchy."""

import duckdb
import pytest

from etl import national

# Daerah Istimewa Yogyakarta in the Kemendagri list (data/raw/national/kemendagri_regions.csv):
# 5 kabupaten/kota (34.01-34.04, 34.71) with 12 + 17 + 18 + 17 + 14 = 78 kecamatan
PROVINCE = "34"
REGENCIES = 5
DISTRICTS = 78
ROWS = 1000


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("national")
    national.write(out, ROWS, (PROVINCE,))
    national.build_warehouse(out)
    con = duckdb.connect(str(out / "pulih.duckdb"), read_only=True)
    yield out, con
    con.close()


def test_whole_provinces_under_indonesia(built):
    _, con = built
    levels = dict(con.execute("select level, count(*) from region group by level").fetchall())
    assert levels == {"country": 1, "province": 1, "regency": REGENCIES, "district": DISTRICTS}
    # Indonesia keeps its 38 provinces as its children count, so it is never summed from one
    assert con.execute("select children_count from region where code = 'ID'").fetchone() == (38,)


def test_its_own_folder_and_warehouse(built):
    out, _ = built
    assert sorted(p.name for p in out.iterdir() if p.suffix == ".duckdb") == ["pulih.duckdb"]
    assert (out / "sources.toml").exists() and (out / "raw" / "regions.csv").exists()


def test_every_generated_figure_is_synthetic(built):
    _, con = built
    real = con.execute(
        "select count(*) from observation as o inner join source as s using (source_id) "
        "where not s.synthetic"
    ).fetchone()
    assert real == (0,)
    # 78 kecamatan x 36 months x 3 measures
    assert con.execute("select count(*) from observation").fetchone() == (DISTRICTS * 36 * 3,)
    assert con.execute("select count(*) from umkm").fetchone() == (ROWS,)


def test_the_province_is_the_sum_of_its_kecamatan_every_month(built):
    _, con = built
    summed = con.execute(
        "select count(*), bool_and(method = 'sum_of_children') from mart_monthly "
        "where region_code = $p and metric = 'phk'",
        {"p": PROVINCE},
    ).fetchone()
    assert summed == (36, True)
    gaps = con.execute(
        "select count(*) from mart_monthly as p where p.region_code = $p and p.metric = 'phk' "
        "and p.value <> (select sum(c.value) from mart_monthly as c "
        "inner join region as r on r.code = c.region_code "
        "where r.code like $p || '.%.%' and c.metric = 'phk' and c.month = p.month)",
        {"p": PROVINCE},
    ).fetchone()
    assert gaps == (0,)
    assert con.execute("select count(*) from mart_monthly where region_code = 'ID'").fetchone() == (
        0,
    )


def test_the_register_adds_up_to_the_province(built):
    _, con = built
    # every business registers by the end of 2022, so the province holds all ROWS of them then
    registered = con.execute(
        "select registered from mart_umkm_monthly where region_code = $p "
        "and month = date '2022-12-01'",
        {"p": PROVINCE},
    ).fetchone()
    assert registered == (ROWS,)
