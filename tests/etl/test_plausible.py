"""Figures and dates that cannot be true are rejected with the reason, never loaded: '9' typed 400
times (infinity to Python), more workers than the area has people, a rate above 100 %, a date after
the build or before our data begins (README, "For analysts": the bounds)."""

import datetime as dt
import math

import pytest

from etl.check import check_file, loaded_in_memory
from tests.conftest import DATA

LONG = "Wilayah,Tanggal,Ukuran,Jumlah\n"


def check(tmp_path, body, kind="observations", name="input.csv"):
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return check_file(path, kind)


def found(result):
    return [(r["line"], r["column"], r["value"]) for r in result.rejected]


def test_four_hundred_nines_are_not_a_figure(tmp_path):
    nines = "9" * 400  # float("9" * 400) is inf
    result = check(tmp_path, LONG + f"Kota Tangerang,2020-05-31,PHK,{nines}\n")
    assert found(result) == [(2, "Jumlah", nines)]
    assert "not a finite number" in result.rejected[0]["reason"]
    assert "(400 characters)" in result.rejected[0]["reason"]
    with loaded_in_memory(tmp_path / "input.csv", "observations") as (con, _):
        assert con.execute("select count(*) from observation").fetchone() == (0,)


def test_four_hundred_nines_as_a_population_are_rejected_not_a_crash(tmp_path):
    body = (
        "code,name,level,parent_code,population,population_year\n"
        f"36.71.99,Kec. Baru,district,36.71,{'9' * 400},2020\n"
    )
    result = check(tmp_path, body, kind="regions")
    assert result.error is None and [r["column"] for r in result.rejected] == ["population"]
    assert "not a finite number" in result.rejected[0]["reason"]


def test_more_workers_than_the_area_has_people_is_rejected(tmp_path):
    # Kota Tangerang: 1.895.486 people (SP2020, data/raw/regions_banten.csv); 1.895.487 is one more
    body = (
        LONG + "Kota Tangerang,2020-05-31,PHK,1.895.487\nKota Tangerang,2020-05-31,PHK,1.895.486\n"
    )
    result = check(tmp_path, body)
    assert found(result) == [(2, "Jumlah", "1.895.487")]
    # the stored reason is English, with English numbers (the dashboard writes it in the
    # reader's language: ui/reasons.py)
    assert result.rejected[0]["reason"] == (
        "1,895,487 workers is more than Kota Tangerang's 1,895,486 people (2020): check the "
        "figure and its unit"
    )
    assert result.rows_loaded == 1


def test_an_area_without_a_population_is_bounded_by_the_area_it_lies_in(tmp_path):
    # Kec. Tangerang (36.71.01) has no population in data/raw/regions_kota_tangerang.csv; it lies
    # in Kota Tangerang (1.895.486 people), so 1.895.487 workers there cannot be true either
    body = "Kecamatan,Tanggal,PHK\nTangerang,2020-05-31,1.895.487\n"
    result = check(tmp_path, body, kind="observations_wide")
    assert result.rejected[0]["reason"] == (
        "1,895,487 workers is more than Kota Tangerang's 1,895,486 people (2020), the area "
        "Kec. Tangerang lies in: check the figure and its unit"
    )


def test_above_the_absolute_ceiling_where_no_population_is_known(tmp_path):
    # Indonesia has no population in the regions file: the ceiling for a count of people applies
    body = LONG + "Indonesia,2020-05-31,PHK,300.000.001\nIndonesia,2020-05-31,PHK,300.000.000\n"
    result = check(tmp_path, body)
    assert found(result) == [(2, "Jumlah", "300.000.001")]
    assert "more than 300,000,000 workers" in result.rejected[0]["reason"]


def test_a_rate_above_a_hundred_percent_is_rejected(tmp_path):
    body = LONG + 'Provinsi Banten,2020-08-01,tpt,"100,5"\nProvinsi Banten,2020-08-01,tpt,8.52\n'
    result = check(tmp_path, body)
    assert found(result) == [(2, "Jumlah", "100,5")]
    assert "more than 100 percent" in result.rejected[0]["reason"]


def test_a_wide_row_loses_only_its_implausible_figure(tmp_path):
    body = "Kecamatan,Tanggal,PHK,Dirumahkan\nKarawaci,2020-05-31,10,999.999.999\n"
    result = check(tmp_path, body, kind="observations_wide")
    assert found(result) == [(2, "Dirumahkan", "999.999.999")]
    assert (result.rows_loaded, result.rows_partly, result.figures_loaded) == (1, 1, 1)


def test_a_date_after_the_build_date_is_rejected(tmp_path):
    # the row: 'PHK 10 pekerja, per 31 Desember 2099' became a headline
    result = check(tmp_path, LONG + "Kota Tangerang,31-12-2099,PHK,10\n")
    assert found(result) == [(2, "Tanggal", "31-12-2099")]
    today = dt.date.today().isoformat()
    assert result.rejected[0]["reason"] == (
        f"2099-12-31 is after the date of this build ({today}): a figure cannot be reported "
        "before its date; check the year"
    )


def test_a_month_after_the_build_month_is_rejected_and_the_wide_title_date_too(tmp_path):
    result = check(tmp_path, LONG + "Kota Tangerang,Mei 2099,PHK,10\n")
    assert found(result) == [(2, "Tanggal", "Mei 2099")]
    body = "Data PHK per 20 Mei 2099\nKecamatan,PHK\nKarawaci,5\n"
    result = check(tmp_path, body, kind="observations_wide", name="title.csv")
    assert found(result) == [(3, None, "2099-05-20")]
    assert "after the date of this build" in result.rejected[0]["reason"]


def test_an_observation_before_2015_is_rejected_and_the_2016_register_total_loads(tmp_path):
    body = (
        LONG
        + "Kota Tangerang,31-12-2014,UMKM terdaftar,10\n"
        + "Kota Tangerang,31-12-2016,UMKM terdaftar,10553\n"
    )
    result = check(tmp_path, body)
    assert found(result) == [(2, "Tanggal", "31-12-2014")]
    assert result.rejected[0]["reason"] == (
        "2014-12-31 is before 2015-01-01, where the figures Pulih takes begin: check the year"
    )


REGISTER = "ID UMKM,Kecamatan,Sektor,Skala,Tanggal Daftar,Tanggal Onboarding,Platform\n"


def test_register_dates_outside_the_bounds_are_rejected(tmp_path):
    body = REGISTER + (
        "A-1,Karawaci,kuliner,Mikro,2009-12-31,,\n"  # registered before 2010
        "A-2,Karawaci,kuliner,Mikro,2010-01-01,2099-01-01,Shopee\n"  # onboarded in the future
        "A-3,Karawaci,kuliner,Mikro,2010-01-01,2020-01-01,Shopee\n"  # both in bounds
    )
    result = check(tmp_path, body, kind="umkm_register")
    assert found(result) == [
        (2, "Tanggal Daftar", "2009-12-31"),
        (3, "Tanggal Onboarding", "2099-01-01"),
    ]
    assert "before 2010-01-01" in result.rejected[0]["reason"]
    assert "after the date of this build" in result.rejected[1]["reason"]
    assert result.rows_loaded == 1


def test_an_event_before_2019_or_starting_after_the_build_is_rejected(tmp_path):
    body = (
        "Mulai,Selesai,Kebijakan,Jenis,Cakupan,Kode Cakupan\n"
        "31/12/2018,03/05/2020,PSBB,PSBB,Kota,36.71\n"
        "01/01/2099,02/01/2099,PPKM,PPKM,Kota,36.71\n"
        "18/04/2020,03/05/2020,PSBB,PSBB,Kota,36.71\n"
    )
    result = check(tmp_path, body, kind="events")
    assert [(line, column) for line, column, _ in found(result)] == [
        (2, "Mulai"),
        (3, "Mulai"),
        (3, "Selesai"),
    ]


def test_the_bounds_are_the_documented_ones_and_every_shipped_row_is_within_them(con):
    from etl import plausible

    readme = (DATA.parent / "README.md").read_text(encoding="utf-8")
    for bound in (plausible.OBSERVED_FROM, plausible.REGISTERED_FROM, plausible.EVENTS_FROM):
        assert bound.isoformat() in readme
    assert f"{plausible.CEILINGS['workers']:,}".replace(",", ".") in readme
    # the data we ship starts at 2016-12-31 (umkm_counts.csv) and the register at 2010-01-01
    assert con.execute("select min(ref_date) from observation").fetchone()[0] >= (
        plausible.OBSERVED_FROM
    )
    assert con.execute("select min(registered_on) from umkm").fetchone()[0] >= (
        plausible.REGISTERED_FROM
    )
    assert con.execute("select count(*) from rejected").fetchone() == (0,)


@pytest.mark.parametrize("value", [math.inf, -math.inf, math.nan])
def test_typed_non_finite_cells_are_rejected(value):
    from etl import cells

    with pytest.raises(cells.CellError):
        cells.quantity(value)
