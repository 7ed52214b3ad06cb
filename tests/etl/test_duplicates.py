"""A row repeated in one file loads once, with a warning naming which line repeats which; the same
figure (area, date, measure, basis, source) with a different value in the same file is a reject
naming the earlier line, never two rows. Different sources for the same figure stay side by side
(a conflict, shown as such)."""

import re

from etl.__main__ import main
from etl.check import check_file, loaded_in_memory
from tests.conftest import NOTE_TEMPLATE, make_data_dir, table_rows

LONG = "Wilayah,Tanggal,Ukuran,Jumlah,Keterangan\n"


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def figures(path, kind="observations"):
    with loaded_in_memory(path, kind) as (con, _):
        return con.execute(
            "select line, region_code, metric, value from observation order by line, metric"
        ).fetchall()


def test_a_repeated_row_loads_once_and_says_which_line_it_repeats(tmp_path, capsys):
    body = LONG + (
        "Kota Tangerang,2020-05-31,PHK,10,\n"
        "Kota Tangerang,2020-05-31,Dirumahkan,4,\n"
        "Kota Tangerang,2020-05-31,PHK,10,\n"  # line 4 repeats line 2
        "Kota Tangerang,31/05/2020,PHK,10,dari rekap\n"  # line 5: same figure, a note: repeats
    )
    path = write(tmp_path, "dup.csv", body)
    result = check_file(path, "observations")
    assert result.rejected == []
    # by hand: 4 rows read, all loaded (2 of them as repeats of line 2); 2 distinct figures
    assert (result.rows_read, result.rows_loaded, result.rows_rejected) == (4, 4, 0)
    assert (result.rows_repeated, result.figures_loaded) == (2, 2)
    assert "line 4 repeats line 2: loaded once" in result.warnings
    assert "line 5 repeats line 2: loaded once" in result.warnings
    assert figures(path) == [(2, "36.71", "phk", 10.0), (3, "36.71", "dirumahkan", 4.0)]
    assert main(["check", str(path), "--kind", "observations"]) == 0
    out = capsys.readouterr().out
    assert "4 rows read, 4 would load (2 of them repeat an earlier line and load once)" in out


def test_the_same_figure_with_another_value_is_a_reject_naming_the_earlier_line(tmp_path):
    body = LONG + (
        "Kota Tangerang,2020-05-31,PHK,10,\n"
        "Kota Tangerang,2020-05-31,PHK,12,\n"  # line 3: same area, date and measure, other value
        "Kota Tangerang,2020-05-31,PHK,sekitar 10,\n"  # line 4: same value, but approximate
    )
    path = write(tmp_path, "conflict.csv", body)
    result = check_file(path, "observations")
    assert [(r["line"], r["column"], r["value"]) for r in result.rejected] == [
        (3, "Jumlah", "12"),
        (4, "Jumlah", "sekitar 10"),
    ]
    assert result.rejected[0]["reason"] == (
        "Kota Tangerang, phk on 2020-05-31 is 12 here but 10 on line 2 of this file, from the "
        "same source: one figure per area, measure and date; keep the right one (a revision "
        "belongs in a later release of the file)"
    )
    assert "± 10 here but 10 on line 2" in result.rejected[1]["reason"]
    assert (result.rows_read, result.rows_loaded, result.rows_rejected) == (3, 1, 2)
    assert figures(path) == [(2, "36.71", "phk", 10.0)]


def test_two_sources_in_one_file_disagreeing_stay_side_by_side(tmp_path):
    body = (
        "Wilayah,Tanggal,Ukuran,Jumlah,Media,Tautan\n"
        "Kota Tangerang,2020-05-31,PHK,10,Kompas.com,https://example.org/a\n"
        "Kota Tangerang,2020-05-31,PHK,12,ANTARA,https://example.org/b\n"
    )
    path = write(tmp_path, "sources.csv", body)
    result = check_file(path, "observations")
    assert result.rejected == [] and result.figures_loaded == 2


def test_a_wide_row_repeating_one_figure_and_changing_another(tmp_path):
    body = (
        "Kecamatan,Tanggal,PHK,Dirumahkan\n"
        "Karawaci,2020-05-31,10,4\n"
        "Cibodas,2020-05-31,7,1\n"
        "Karawaci,2020-05-31,10,4\n"  # line 4 repeats line 2 whole
        "Karawaci,2020-05-31,10,5\n"  # line 5: PHK repeats line 2, Dirumahkan differs
    )
    path = write(tmp_path, "wide.csv", body)
    result = check_file(path, "observations_wide")
    assert [(r["line"], r["column"], r["value"]) for r in result.rejected] == [
        (5, "Dirumahkan", "5")
    ]
    assert "is 5 here but 4 on line 2" in result.rejected[0]["reason"]
    # by hand: 4 rows read; lines 2 and 3 load, line 4 repeats line 2 (loaded once), line 5
    # loads partly (its PHK is line 2's, its Dirumahkan rejected): 4 loaded, 0 rejected;
    # figures: 2 (line 2) + 2 (line 3) = 4
    assert (result.rows_read, result.rows_loaded, result.rows_rejected) == (4, 4, 0)
    assert (result.rows_repeated, result.rows_partly, result.figures_loaded) == (1, 1, 4)
    assert "line 4 repeats line 2: loaded once" in result.warnings
    assert "line 5 repeats line 2 for PHK: loaded once" in result.warnings


def test_a_repeated_event_loads_once(tmp_path):
    body = (
        "Mulai,Selesai,Kebijakan,Jenis,Cakupan,Kode Cakupan\n"
        "18/04/2020,03/05/2020,PSBB tahap 1,PSBB,Kota,36.71\n"
        "18/04/2020,03/05/2020,PSBB tahap 1,PSBB,Kota,36.71\n"
    )
    path = write(tmp_path, "events.csv", body)
    result = check_file(path, "events")
    assert (result.rows_read, result.rows_loaded, result.rows_repeated) == (2, 2, 1)
    assert result.figures_loaded == 1 and "line 3 repeats line 2: loaded once" in result.warnings


def test_the_build_keeps_one_row_and_reports_the_repeat(tmp_path, capsys):
    row = (
        "36.71,Kota Tangerang,2020-05-05,day,phk,6023,workers,exact,workplace,,"
        "Kompas.com,https://example.org/b,2020-05-05,\n"
    )
    data = make_data_dir(tmp_path, {"labour.csv": row + row})
    warehouse = tmp_path / "w.duckdb"
    assert main(["build", "--data", str(data), "--warehouse", str(warehouse)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"raw/labour.csv +observations +2 +2 +0 +0 +1\n", out)
    assert "warning: raw/labour.csv: line 3 repeats line 2: loaded once" in out
    assert len(table_rows(warehouse, "observation")) == 1
    notes = table_rows(warehouse, "load_warning", exclude=NOTE_TEMPLATE)
    warnings = [w for w in notes if w[0] == "labour"]
    assert warnings == [("labour", "line 3 repeats line 2: loaded once")]
