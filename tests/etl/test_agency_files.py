"""Files as agencies send them (tests/fixtures/agency/): exactly what each loads and rejects."""

import datetime as dt
import json

import pytest

from etl.__main__ import main
from etl.check import check_file, loaded_in_memory
from tests.conftest import PROJECT

AGENCY = PROJECT / "tests" / "fixtures" / "agency"
D = dt.date


def observations(name, kind="observations_wide", sheet=None):
    """(region, date, precision, metric, value, qualifier) loaded from a fixture, in file order."""
    with loaded_in_memory(AGENCY / name, kind, sheet) as (con, _):
        return con.execute(
            "select region_code, ref_date, date_precision, metric, value, qualifier "
            "from observation order by line, metric"
        ).fetchall()


def rejects(name, kind, sheet=None):
    result = check_file(AGENCY / name, kind, sheet)
    return [(r["line"], r["column"], r["value"]) for r in result.rejected], result


def test_long_form_comma_utf8_with_indonesian_headers_and_numbers():
    assert observations("long_comma_utf8.csv", "observations") == [
        ("36.71", D(2020, 5, 20), "day", "phk", 6023.0, "exact"),
        ("36.71", D(2020, 5, 20), "day", "dirumahkan", 1174.0, "exact"),
        ("36.71", D(2020, 5, 20), "day", "companies_closed", 7.0, "exact"),
    ]
    assert rejects("long_comma_utf8.csv", "observations")[0] == []


def test_long_form_semicolon_with_bom_and_a_sign_that_becomes_the_qualifier():
    assert observations("long_semicolon_bom.csv", "observations") == [
        ("36", D(2020, 5, 20), "day", "phk", 17298.0, "exact"),
        ("36", D(2020, 5, 20), "day", "dirumahkan", 27569.0, "exact"),
        ("36", D(2020, 10, 12), "day", "phk", 19000.0, "approx"),
    ]


def test_wide_tab_windows_1252_with_missing_cells_not_zero():
    assert observations("wide_tab_cp1252.csv") == [
        ("36.71.02", D(2020, 5, 1), "month", "dirumahkan", 310.0, "exact"),
        ("36.71.02", D(2020, 5, 1), "month", "phk", 1204.0, "exact"),
        ("36.71.09", D(2020, 5, 1), "month", "phk", 875.0, "exact"),
        ("36.71.08", D(2020, 5, 1), "month", "dirumahkan", 122.0, "exact"),
    ]
    found, result = rejects("wide_tab_cp1252.csv", "observations_wide")
    assert (
        found == []
        and "2 cell(s) with no figure ('-', blank, n/a) were not loaded" in result.warnings
    )


def test_workbook_with_title_block_date_and_matching_total_row():
    rows = observations("wide_title_block.xlsx")
    assert len(rows) == 13 * 3
    assert {r[1] for r in rows} == {
        D(2020, 5, 20)
    }  # the date of "Per 20 Mei 2020" above the header
    by_area = {(r[0], r[3]): r[4] for r in rows}
    assert by_area[("36.71.01", "phk")] == 100.0
    assert by_area[("36.71.07", "phk")] == 700.0  # "Kec. Karawaci"
    assert by_area[("36.71.12", "dirumahkan")] == 120.0  # "KARANG TENGAH"
    assert by_area[("36.71.03", "companies_closed")] == 0.0  # "Batu Ceper"
    assert (
        sum(v for (_, m), v in by_area.items() if m == "phk") == 9100.0
    )  # the total row is not an area
    found, result = rejects("wide_title_block.xlsx", "observations_wide")
    assert found == []
    assert "date taken from the title rows: 2020-05-20" in result.warnings
    assert "line 18: total row 'Jumlah' checked and not loaded as an area" in result.warnings
    assert not any("is not recognised" in w for w in result.warnings)  # "No" is a row number


def test_workbook_named_sheet_with_merged_two_row_header_and_excel_serial_date():
    assert observations("wide_merged_header.xlsx", sheet="Rekap") == [
        ("36.71.05", D(2020, 6, 30), "day", "dirumahkan", 95.0, "exact"),
        ("36.71.05", D(2020, 6, 30), "day", "phk", 410.0, "exact"),
        ("36.71.13", D(2020, 6, 30), "day", "dirumahkan", 40.0, "exact"),
        ("36.71.13", D(2020, 6, 30), "day", "phk", 120.0, "exact"),
    ]
    # the first sheet holds only a note: no header there
    assert check_file(AGENCY / "wide_merged_header.xlsx", "observations_wide").exit_code == 2


def test_a_total_that_does_not_add_up_is_a_warning():
    found, result = rejects("wide_total_mismatch.csv", "observations_wide")
    assert found == [] and result.rows_loaded == 2
    assert (
        "line 4: total 'Total' of PHK is 160 but the 2 rows above add up to 150" in result.warnings
    )


def test_numbers_as_people_write_them():
    assert observations("numbers_words.csv", "observations") == [
        ("36", D(2020, 4, 20), "day", "phk", 4000.0, "at_least"),
        ("36", D(2020, 5, 6), "day", "dirumahkan", 23000.0, "approx"),
        ("36", D(2020, 10, 12), "day", "dirumahkan", 30000.0, "more_than"),
        # "2,5 juta" is 2.500.000 rounded to the hundred thousand: approximate, never exact
        ("ID", D(2020, 5, 1), "day", "phk", 2500000.0, "approx"),
        ("36", D(2020, 5, 20), "day", "phk", 17298.0, "exact"),
    ]
    found, result = rejects("numbers_words.csv", "observations")
    assert found == [(7, "Jumlah", "-"), (8, "Jumlah", "n/a")]
    assert all("never zero" in r["reason"] for r in result.rejected)


def test_dates_as_people_write_them():
    assert [(r[1], r[2]) for r in observations("dates_forms.csv", "observations")] == [
        (D(2020, 5, 20), "day"),
        (D(2020, 5, 21), "day"),
        (D(2020, 5, 22), "day"),
        (D(2020, 6, 1), "month"),
        (D(2020, 7, 1), "day"),
        (D(2020, 8, 1), "day"),  # Excel serial 44044
    ]


def test_areas_as_people_write_them():
    assert [r[0] for r in observations("area_forms.csv")] == [
        "36.71.07", "36.71.07", "36.71.12", "36.71.12", "36.71", "36.71", "36.71", "36.71.05",
    ]  # fmt: skip


def test_unknown_and_ambiguous_areas_are_explained_with_a_suggestion():
    found, result = rejects("unknown_area.csv", "observations_wide")
    assert found == [
        (2, "Wilayah", "Karawachi"),
        (3, "Wilayah", "Tangerang"),
        (4, "Wilayah", "Jakarta"),
    ]
    reasons = [r["reason"] for r in result.rejected]
    assert reasons[0] == "unknown area 'Karawachi' — did you mean Karawaci?"
    assert reasons[1].startswith(
        "'Tangerang' could be Kabupaten Tangerang or Kec. Tangerang or Kota Tangerang"
    )
    assert "data/aliases/regions.csv" in reasons[2]
    assert observations("unknown_area.csv") == [
        ("36.71.04", D(2020, 5, 31), "day", "phk", 4.0, "exact")
    ]


def test_bad_numbers_and_unknown_measures():
    found, result = rejects("bad_numbers.csv", "observations")
    assert found == [(2, "Jumlah", "12a"), (3, "Jumlah", "<5"), (5, "Ukuran", "Pekerja Hilang")]
    assert "upper bound" in result.rejected[1]["reason"]
    assert observations("bad_numbers.csv", "observations") == [
        ("36.71", D(2020, 5, 31), "day", "companies_closed", 3.0, "exact")
    ]


def test_bad_dates():
    found, result = rejects("bad_dates.csv", "observations")
    assert found == [(2, "Tanggal", "31/02/2020"), (3, "Tanggal", "Mai 2020"), (4, "Tanggal", "")]
    assert "'mai' is not a month name" in result.rejected[1]["reason"]
    assert result.rows_loaded == 1


def test_an_unrecognised_column_is_a_warning_that_names_it():
    found, result = rejects("unknown_column.csv", "observations_wide")
    assert found == [] and result.rows_loaded == 1
    assert any("'Sumber Data Internal' is not recognised" in w for w in result.warnings)


def test_a_missing_required_column_rejects_every_row_and_says_which():
    found, result = rejects("missing_column.csv", "observations")
    assert found == [(1, None, "Wilayah, Ukuran, Jumlah"), (2, None, None), (3, None, None)]
    assert "missing column(s): Tanggal or Tgl or Per Tanggal;" in result.rejected[0]["reason"]
    assert (result.rows_read, result.rows_loaded) == (2, 0)


def test_register_faults_are_explained_and_personal_data_is_dropped_and_masked():
    found, result = rejects("register_pii.csv", "umkm_register")
    assert found == [
        (3, "Kecamatan", "Karawachi"),
        # a scale that is a word but none of mikro, kecil, menengah may be a name: not repeated
        (4, "Skala", "[disamarkan]"),
        (5, "Tanggal Onboarding", "2020-01-01"),
        (6, "ID UMKM", "TNG-001"),
        (7, "ID UMKM", "[disamarkan]"),  # a personal value is never shown, masked or not
    ]
    assert (
        result.rejected[0]["reason"]
        == "unknown kecamatan 'Karawachi' — did you mean Karawaci? (umkm_id TNG-002)"
    )
    assert result.rejected[1]["reason"] == (
        "not mikro, kecil or menengah (the value is not shown: it may be personal data) "
        "(umkm_id TNG-003)"
    )
    assert result.warnings == [
        "personal-data column(s) dropped and never stored: Nama Pemilik, NIK, No. HP, Alamat, Email"
    ]
    with loaded_in_memory(AGENCY / "register_pii.csv", "umkm_register") as (con, _):
        assert con.execute(
            "select umkm_id, region_code, scale, onboarded_on, platform from umkm"
        ).fetchall() == [("TNG-001", "36.71.07", "mikro", D(2020, 8, 1), "Shopee")]


def test_register_semicolon_windows_1252_day_first_dates():
    with loaded_in_memory(AGENCY / "register_semicolon_cp1252.csv", "umkm_register") as (
        con,
        report,
    ):
        assert report.loaded.rejects == []
        assert con.execute(
            "select umkm_id, region_code, sector, scale, registered_on, onboarded_on, platform "
            "from umkm order by 1"
        ).fetchall() == [
            # sector and platform map to the closed vocabularies (data/aliases/sectors.csv,
            # platforms.csv): "GoFood" is GoFood/GrabFood, "kerajinan – batik" is kerajinan
            (
                "A-1",
                "36.71.05",
                "kuliner",
                "mikro",
                D(2019, 2, 1),
                D(2020, 7, 15),
                "GoFood/GrabFood",
            ),
            ("A-2", "36.71.13", "kerajinan", "menengah", D(2019, 4, 3), None, None),
        ]


def test_register_in_a_workbook():
    with loaded_in_memory(AGENCY / "register.xlsx", "umkm_register") as (con, report):
        assert report.loaded.rejects == []
        assert con.execute(
            "select umkm_id, region_code, registered_on, onboarded_on from umkm order by 1"
        ).fetchall() == [
            ("X-1", "36.71.08", D(2019, 1, 2), D(2021, 3, 4)),
            ("X-2", "36.71.10", D(2019, 1, 3), None),
        ]


def test_policy_events_with_areas_by_name():
    found, result = rejects("events.csv", "events")
    assert found == [(4, "Selesai", "2021-07-03")]
    with loaded_in_memory(AGENCY / "events.csv", "events") as (con, _):
        assert con.execute(
            "select start_date, end_date, scope_codes from event order by 1"
        ).fetchall() == [
            (D(2020, 4, 18), D(2020, 5, 3), ["36.71", "36.03", "36.74"]),
            (D(2021, 7, 3), D(2021, 7, 20), ["36.71"]),
        ]


@pytest.mark.parametrize("name", ["no_header.csv", "binary.csv"])
def test_a_file_that_is_not_a_table_exits_2_with_the_reason(name, capsys):
    assert main(["check", str(AGENCY / name), "--kind", "observations"]) == 2
    out = capsys.readouterr().out
    assert out.startswith("cannot be read: ") and "Traceback" not in out


def test_check_json_output_and_exit_codes(capsys):
    assert main(["check", str(AGENCY / "bad_dates.csv"), "--kind", "observations", "--json"]) == 1
    body = json.loads(capsys.readouterr().out)
    assert set(body) == {
        "file", "kind", "rows_read", "rows_loaded", "rows_rejected", "rows_partly",
        "rows_repeated", "figures_loaded", "cells_rejected", "rejected", "warnings",
    }  # fmt: skip
    assert (body["file"], body["kind"], body["rows_read"], body["rows_loaded"]) == (
        "bad_dates.csv",
        "observations",
        4,
        1,
    )
    assert body["rejected"][0] == {
        "line": 2,
        "column": "Tanggal",
        "value": "31/02/2020",
        "reason": "'31/02/2020' is not a calendar date: check the day and the month",
        # its template and values (warehouse/reasons.py), for the dashboard's languages
        "reason_key": "'{raw}' is not a calendar date: check the day and the month",
        "reason_args": '{"raw": "31/02/2020"}',
    }
    assert main(["check", str(AGENCY / "long_comma_utf8.csv"), "--kind", "observations"]) == 0


def test_the_fixture_folder_holds_one_file_per_shape_and_fault():
    assert len([p for p in AGENCY.iterdir() if p.is_file()]) >= 15


def test_hostile_control_characters_fixture():
    found, result = rejects("control_characters.csv", "observations")
    # lines as a spreadsheet shows them: line 3's quoted line break stays inside line 3
    assert found == [
        (4, "Keterangan", "catatan\\x01tersembunyi"),
        (5, "Wilayah", "Kota\\x0bTangerang"),
        (6, "Keterangan", "\\x00"),
    ]
    assert (result.rows_read, result.rows_loaded, result.rows_rejected) == (5, 2, 3)


def test_hostile_repeated_rows_fixture(capsys):
    found, result = rejects("repeated_rows.csv", "observations_wide")
    assert found == [(5, "Dirumahkan", "5")]
    assert main(["check", str(AGENCY / "repeated_rows.csv"), "--kind", "observations_wide"]) == 1
    assert capsys.readouterr().out.splitlines()[0] == (
        "repeated_rows.csv (observations_wide): 4 rows read, 4 would load (1 of them partly: "
        "1 cell rejected; 1 of them repeats an earlier line and loads once), 0 would be "
        "rejected; 4 figures would load"
    )


def test_hostile_implausible_fixture():
    found, result = rejects("implausible.csv", "observations")
    assert [(line, column) for line, column, _ in found] == [
        (2, "Jumlah"),  # 400 nines: infinity
        (3, "Tanggal"),  # 31-12-2099: after the build
        (4, "Jumlah"),  # 1.895.487 workers: one more than Kota Tangerang's population
        (5, "Tanggal"),  # 2014: before 2015
        (6, "Jumlah"),  # an Arabic-Indic 3
    ]
    assert observations("implausible.csv", "observations") == [
        ("36.71", D(2020, 5, 31), "day", "phk", 6023.0, "exact")
    ]


def test_hostile_row_sources_fixture():
    found, result = rejects("row_sources.csv", "observations_wide")
    assert found == [] and result.warnings == []


def test_hostile_register_whose_line_endings_change_on_its_last_line():
    found, result = rejects("register_crlf_then_lf.csv", "umkm_register")
    assert found == [(3, None, None), (5, None, None)]
    assert [r["reason"].split(":")[0] for r in result.rejected] == [
        "row has 3 cells but the header has 7",
        "row has 8 cells but the header has 7",
    ]
    assert (result.rows_read, result.rows_loaded, result.rows_rejected) == (4, 2, 2)
