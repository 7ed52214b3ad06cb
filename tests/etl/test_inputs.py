"""Each input file of the default data loads into the rows it should, with nothing rejected."""

import csv
import datetime as dt
import tomllib

import pytest

from tests.conftest import DATA

MANIFEST = tomllib.loads((DATA / "sources.toml").read_text(encoding="utf-8"))["file"]


def data_rows(path):
    with (DATA / path).open(encoding="utf-8") as f:
        return sum(1 for row in csv.reader(f) if any(row)) - 1


@pytest.mark.parametrize("entry", MANIFEST, ids=[e["id"] for e in MANIFEST])
def test_every_row_of_every_file_loads(con, entry):
    read, loaded, rejected = con.execute(
        "select rows_read, rows_loaded, rows_rejected from source_file where file_id = ?",
        [entry["id"]],
    ).fetchone()
    assert (read, loaded, rejected) == (data_rows(entry["path"]), data_rows(entry["path"]), 0)


def test_manifest_names_provenance_for_every_file():
    for e in MANIFEST:
        for key in ("kind", "publisher", "published", "licence", "synthetic", "title"):
            assert e.get(key) not in (None, ""), f"{e['id']} lacks {key}"
    synthetic = {e["id"] for e in MANIFEST if e["synthetic"]}
    assert synthetic == {"demo_kecamatan_labour", "demo_umkm_register"}
    assert all(e["path"].startswith("raw/demo/") for e in MANIFEST if e["synthetic"])


def test_banten_20_may_2020_figures_with_their_source(con):
    rows = con.execute(
        """
        select o.metric, o.value, o.qualifier, o.date_precision, s.outlet, s.url, s.published
        from observation o join source s using (source_id)
        where o.region_code = '36' and o.ref_date = date '2020-05-20'
        order by o.metric
        """
    ).fetchall()
    url = "https://megapolitan.kompas.com/read/2020/05/28/07235931/dampak-covid-19-sebanyak-17298-karyawan-kena-phk-di-banten"
    assert rows == [
        ("companies_closed", 59.0, "exact", "day", "Kompas.com", url, "2020-05-28"),
        ("dirumahkan", 27569.0, "exact", "day", "Kompas.com", url, "2020-05-28"),
        ("phk", 17298.0, "exact", "day", "Kompas.com", url, "2020-05-28"),
    ]


def test_qualifiers_survive(con):
    got = dict(
        con.execute(
            """
            select o.metric || '@' || o.ref_date, o.qualifier || ' ' || cast(o.value as bigint)
            from observation o
            where o.region_code = '36' and o.ref_date in ('2020-04-20', '2020-10-12')
            """
        ).fetchall()
    )
    assert got["phk@2020-04-20"] == "at_least 4000"
    assert got["phk_plus_dirumahkan@2020-04-20"] == "exact 9180"
    assert got["phk@2020-10-12"] == "approx 19000"
    assert got["dirumahkan@2020-10-12"] == "more_than 30000"


def test_kota_tangerang_bases_are_kept_apart(con):
    bases = dict(
        con.execute(
            "select metric, any_value(basis) from observation where region_code = '36.71' "
            "and (metric like '%ktp%' or metric in ('phk', 'dirumahkan')) group by metric"
        ).fetchall()
    )
    assert bases == {
        "phk": "workplace",
        "dirumahkan": "workplace",
        "phk_ktp_local": "ktp_kota_tangerang",
        "dirumahkan_ktp_local": "ktp_kota_tangerang",
        "phk_plus_dirumahkan_ktp_local": "ktp_kota_tangerang",
    }


def test_every_real_figure_keeps_its_source_url(con):
    missing = con.execute(
        "select o.line, s.file_id from observation o join source s using (source_id) "
        "where not s.synthetic and (s.url is null or s.url = '')"
    ).fetchall()
    assert missing == []


def test_regions_reference(con):
    levels = dict(con.execute("select level, count(*) from region group by level").fetchall())
    assert levels == {"country": 1, "province": 1, "regency": 8, "district": 13}
    cipondoh = con.execute(
        "select name, parent_code, population, population_year, kelurahan_count from region "
        "where code = '36.71.05'"
    ).fetchone()
    assert cipondoh == ("Kec. Cipondoh", "36.71", 248210, 2020, 10)
    # no population figure is invented where none was verified
    assert con.execute("select population from region where code = '36.71.01'").fetchone() == (
        None,
    )
    assert con.execute("select population from region where code = '36.71'").fetchone() == (
        1895486,
    )


def test_policy_periods(con):
    first = con.execute(
        "select start_date, end_date, kind, scope_codes from event order by start_date limit 1"
    ).fetchone()
    assert first == (dt.date(2020, 4, 18), dt.date(2020, 5, 3), "PSBB", ["36.71", "36.03", "36.74"])
    assert con.execute("select count(*) from event where kind = 'PPKM'").fetchone() == (58,)


def test_register_holds_no_personal_data(con):
    columns = {c[0] for c in con.execute("describe umkm").fetchall()}
    assert columns == {
        "umkm_id",
        "region_code",
        "sector",
        "scale",
        "registered_on",
        "onboarded_on",
        "platform",
        "source_id",
    }
