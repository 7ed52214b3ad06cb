"""Personal data in a register never reaches any warehouse table, nor the rejects."""

import shutil

import duckdb

from etl.build import build
from tests.conftest import PROJECT, entry, make_data_dir

REGISTER = PROJECT / "tests" / "fixtures" / "agency" / "register_pii.csv"
PERSONAL = [
    "Siti Aminah",
    "Budi Santoso",
    "Dewi",
    "Rina",  # owner names
    "3671045505800001",
    "3671041212750002",
    "3671045505800006",  # NIK
    "081234567890",
    "082198765432",  # phone numbers
    "Jl. Melati",
    "Jl. Mawar",
    "Jl. Dahlia",  # street addresses
    "siti@contoh.id",
    "budi@contoh.id",  # e-mail
]


def test_personal_data_never_reaches_the_warehouse(tmp_path):
    data = make_data_dir(tmp_path, {})
    shutil.copy(REGISTER, data / "raw" / "register.csv")
    with (data / "sources.toml").open("a") as f:
        f.write(entry("register", "raw/register.csv", "umkm_register"))
    warehouse = tmp_path / "w.duckdb"
    build(data, warehouse)

    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        assert con.execute("select count(*) from umkm").fetchone() == (1,)
        assert con.execute("select count(*) from rejected").fetchone() == (5,)
        text_columns = con.execute(
            "select table_name, column_name from information_schema.columns "
            "where data_type like 'VARCHAR%' and table_schema = 'main'"
        ).fetchall()
        assert len(text_columns) > 40
        for table, column in text_columns:
            for value in PERSONAL:
                hits = con.execute(
                    f'select count(*) from "{table}" where contains("{column}"::varchar, ?)',
                    [value],
                ).fetchone()[0]
                assert hits == 0, f"{value!r} found in {table}.{column}"
    finally:
        con.close()
    raw = warehouse.read_bytes()
    assert not any(value.encode() in raw for value in PERSONAL)
