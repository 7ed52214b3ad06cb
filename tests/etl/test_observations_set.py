"""A long-form observation CSV is loaded set-based (etl/kinds/observations_set.py): DuckDB reads
it, each distinct cell goes once through the rules, and the counts, figures and rejects are those
the row loader gives. Every expected value below is worked out by hand from the file written."""

from etl import load
from etl.check import check_file, loaded_in_memory
from etl.kinds import observations

HEADER = "Wilayah,Tanggal,Ukuran,Jumlah,Keterangan\n"


def loaded(path):
    """(figures stored, whether the set-based loader took the file) of a dry run."""
    with loaded_in_memory(path, "observations") as (con, _):
        figures = con.execute(
            "select line, region_code, metric, value, qualifier, note from observation "
            "order by line"
        ).fetchall()
        staged = con.execute(
            "select count(*) from duckdb_tables() where table_name = 'obs_records'"
        ).fetchone()[0]
    return figures, staged == 1


def test_a_file_with_a_title_repeats_conflicts_and_bad_cells(tmp_path):
    path = tmp_path / "laporan.csv"
    path.write_text(
        "Laporan PHK Kota Tangerang\n"  # line 1: a title above the header (line 2)
        + HEADER
        + "Kota Tangerang,2020-05-31,PHK,10,\n"  # 3: loads
        + "Kota Tangerang,2020-05-31,Dirumahkan,≥ 4.000,\n"  # 4: loads, at least 4000
        + "Kota Tangerang,2020-05-31,PHK,10,\n"  # 5: repeats line 3, loads once
        + "Kota Tangerang,2020-05-31,PHK,12,\n"  # 6: the figure of line 3, another value
        + "Kota Tangerang,2020-13-45,PHK,5,\n"  # 7: no such date
        + "Atlantis,2020-05-31,PHK,5,\n",  # 8: no such area
        encoding="utf-8",
    )
    result = check_file(path, "observations")
    # 6 rows below the header: lines 3, 4, 5 load (5 as a repeat), 6, 7, 8 are rejected;
    # 2 figures are stored (lines 3 and 4)
    assert (result.rows_read, result.rows_loaded, result.rows_rejected) == (6, 3, 3)
    assert (result.rows_repeated, result.figures_loaded) == (1, 2)
    assert [(r["line"], r["column"], r["value"]) for r in result.rejected] == [
        (6, "Jumlah", "12"),
        (7, "Tanggal", "2020-13-45"),
        (8, "Wilayah", "Atlantis"),
    ]
    assert "line 3" in result.rejected[0]["reason"]  # the conflict names the first line
    assert "line 5 repeats line 3: loaded once" in result.warnings
    figures, set_based = loaded(path)
    assert set_based
    assert figures == [
        (3, "36.71", "phk", 10.0, "exact", None),
        (4, "36.71", "dirumahkan", 4000.0, "at_least", None),
    ]


def test_a_windows_1252_file(tmp_path):
    path = tmp_path / "cp1252.csv"
    # "é" is byte E9 in Windows-1252, which is no UTF-8: the file is read as Windows-1252
    path.write_bytes(
        (HEADER + "Kota Tangerang,2020-06-30,PHK,1.234,catatan café\n").encode("cp1252")
    )
    result = check_file(path, "observations")
    assert (result.rows_read, result.rows_loaded, result.rows_rejected) == (1, 1, 0)
    figures, set_based = loaded(path)
    assert set_based
    # "1.234": the dot groups thousands
    assert figures == [(2, "36.71", "phk", 1234.0, "exact", "catatan café")]


def test_each_distinct_cell_goes_through_its_rule_once(tmp_path, monkeypatch):
    areas = ("Kota Tangerang", "Kec. Karawaci", "Kec. Cibodas")
    months = [f"2020-{m:02d}-28" for m in range(1, 13)]
    rows = [
        f"{areas[i % 3]},{months[i % 12]},{('PHK', 'Dirumahkan')[i % 2]},5,\n"
        for i in range(10_000)
    ]
    path = tmp_path / "many.csv"
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    calls = {"region": 0, "dated": 0, "metric": 0, "figure": 0}
    for name in calls:
        rule = getattr(observations.Rules, name)

        def counted(self, row, rule=rule, name=name):
            calls[name] += 1
            return rule(self, row)

        monkeypatch.setattr(observations.Rules, name, counted)
    built = {"rows": 0}
    row_init = load.Row.__init__

    def counted_row(self, *args):
        built["rows"] += 1
        row_init(self, *args)

    monkeypatch.setattr(load.Row, "__init__", counted_row)
    result = check_file(path, "observations")
    # 3 areas, 12 dates, 2 measures, 1 figure ("5"): one call each
    assert calls == {"region": 3, "dated": 12, "metric": 2, "figure": 1}
    # no Row per line: one per distinct value of each cell group (3 + 12 + 2 + 1, and one
    # each for unit, qualifier, basis, sector, note and citation, per pair where they pair)
    assert built["rows"] < 100
    # i % 3, i % 12 and i % 2 repeat every 12 rows: 12 figures, each with value 5, so the
    # other 9.988 rows repeat one of them
    assert (result.rows_read, result.rows_loaded, result.rows_rejected) == (10_000, 10_000, 0)
    assert (result.figures_loaded, result.rows_repeated) == (12, 9_988)
