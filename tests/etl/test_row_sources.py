"""A per-row source column (Sumber, sumber data, Link, Tautan, ...) is the row's own citation: a
URL goes to the citation's url, anything else to its outlet; whatever the row does not give comes
from the file's manifest entry, so the row is cited along with its file."""

import duckdb
import pytest

from etl.build import build
from etl.check import check_file
from tests.conftest import make_data_dir


def add_file(data, name, kind, body):
    (data / "raw" / name).write_text(body, encoding="utf-8")
    with (data / "sources.toml").open("a", encoding="utf-8") as f:
        f.write(
            f'\n[[file]]\nid = "{name[:-4]}"\npath = "raw/{name}"\nkind = "{kind}"\n'
            'title = "Rekap Disnaker"\npublisher = "Disnaker Kota Tangerang"\n'
            'outlet = "Disnaker"\nurl = "https://example.org/rekap"\npublished = "2020-06-01"\n'
            'licence = "l"\nsynthetic = false\n'
        )


def citations(warehouse, sql):
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.mark.parametrize("header", ["Sumber", "SUMBER", "sumber data", "Link", "Tautan", "source"])
def test_a_source_column_is_read_not_warned_about(tmp_path, header):
    path = tmp_path / "x.csv"
    path.write_text(
        f"Kecamatan,Tanggal,PHK,{header}\nKarawaci,2020-05-31,10,Kompas.com\n", encoding="utf-8"
    )
    result = check_file(path, "observations_wide")
    assert result.rejected == [] and result.warnings == []


def test_each_row_cites_its_own_source_with_the_files(tmp_path):
    data = make_data_dir(tmp_path, {})
    add_file(
        data,
        "wide.csv",
        "observations_wide",
        "Kecamatan,Tanggal,PHK,Sumber\n"
        "Karawaci,2020-05-31,10,Kompas.com\n"
        "Cibodas,2020-05-31,20,https://www.antaranews.com/berita/1\n"
        "Pinang,2020-05-31,30,\n",
    )
    warehouse = tmp_path / "w.duckdb"
    build(data, warehouse)
    # codes from data/raw/regions_kota_tangerang.csv: Karawaci 36.71.07, Cibodas 36.71.09,
    # Pinang 36.71.11; the file's outlet and URL are those of add_file's manifest entry
    assert citations(
        warehouse,
        "select o.region_code, s.outlet, s.url, s.publisher, s.title from observation o "
        "join source s using (source_id) where s.file_id = 'wide' order by o.line",
    ) == [
        # the row's outlet, the file's URL
        ("36.71.07", "Kompas.com", "https://example.org/rekap", "Disnaker Kota Tangerang",
         "Rekap Disnaker"),
        # the row's URL, the file's outlet
        ("36.71.09", "Disnaker", "https://www.antaranews.com/berita/1", "Disnaker Kota Tangerang",
         "Rekap Disnaker"),
        # no source of its own: the file's
        ("36.71.11", "Disnaker", "https://example.org/rekap", "Disnaker Kota Tangerang",
         "Rekap Disnaker"),
    ]  # fmt: skip


def test_long_form_and_events_read_it_too(tmp_path):
    data = make_data_dir(tmp_path, {})
    add_file(
        data,
        "long.csv",
        "observations",
        "Wilayah,Tanggal,Ukuran,Jumlah,Sumber Data\n"
        "Kota Tangerang,2020-05-31,PHK,10,https://example.org/berita\n",
    )
    add_file(
        data,
        "psbb.csv",
        "events",
        "Mulai,Selesai,Kebijakan,Jenis,Cakupan,Kode Cakupan,Tautan\n"
        "18/04/2020,03/05/2020,PSBB tahap 1,PSBB,Kota,36.71,Tangerang News\n",
    )
    warehouse = tmp_path / "w.duckdb"
    build(data, warehouse)
    assert citations(
        warehouse,
        "select s.outlet, s.url from observation o join source s using (source_id) "
        "where s.file_id = 'long'",
    ) == [("Disnaker", "https://example.org/berita")]
    assert citations(
        warehouse,
        "select s.outlet, s.url from event e join source s using (source_id) "
        "where s.file_id = 'psbb'",
    ) == [("Tangerang News", "https://example.org/rekap")]


def test_an_explicit_url_or_outlet_column_wins_over_a_source_column(tmp_path):
    path = tmp_path / "both.csv"
    path.write_text(
        "Kecamatan,Tanggal,PHK,Media,Sumber\nKarawaci,2020-05-31,10,ANTARA,Kompas.com\n",
        encoding="utf-8",
    )
    result = check_file(path, "observations_wide")
    assert result.rejected == []
    assert any("Sumber" in w and "Media" in w for w in result.warnings)
