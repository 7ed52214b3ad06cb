"""Personal data in a register never reaches any warehouse table, nor the rejects."""

import shutil

import duckdb

from analytics import queries
from etl.build import build
from etl.check import loaded_in_memory
from etl.columns import ColumnMap, name_columns
from etl.kinds import REGISTRY
from tests.conftest import DATA, PROJECT, entry, make_data_dir

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


# Personal data inside the columns that are read (sector, platform, area, id): screened and
# rejected, stored masked or not at all. Every planted string below must be found nowhere.
HIDDEN = [
    "3671 0999 8887 7755",
    "3671-0999-8887-7722",
    "3671099988877755",
    "+62 812-9999-8877",
    "0812.9999.8855",
    "081299998866",
    "andi@contoh.id",
    "Budi Hartono",
    "Joko Widodo",
    "Sri Rahayu",
]
READ_COLUMNS = """\
ID UMKM,Kecamatan,Sektor,Skala,Tanggal Daftar,Tanggal Onboarding,Platform
T-01,Karawaci,3671 0999 8887 7755,Mikro,2019-03-01,,
T-02,Karawaci,kuliner,Mikro,2019-03-01,2020-08-01,+62 812-9999-8877
T-03,Karawaci,kuliner a.n. Budi Hartono,Mikro,2019-03-01,,
T-04,Sri Rahayu,kuliner,Mikro,2019-03-01,,
3671-0999-8887-7722,Cibodas,jasa,Kecil,2019-04-01,,
0812.9999.8855,Cibodas,jasa,Kecil,2019-04-01,,
T-07,Cibodas,Toko Joko Widodo,Kecil,2019-04-01,2020-09-01,Hp 081299998866
T-08,Pinang,andi@contoh.id,Kecil,2019-04-01,,
T-09,Pinang,fesyen,Kecil,2019-04-01,2020-10-01,Shopee
"""


def build_register(tmp_path, body: str, name: str = "register.csv"):
    data = make_data_dir(tmp_path, {})
    (data / "raw" / name).write_text(body, encoding="utf-8")
    with (data / "sources.toml").open("a") as f:
        f.write(entry(name.removesuffix(".csv"), f"raw/{name}", "umkm_register"))
    warehouse = tmp_path / "w.duckdb"
    report = build(data, warehouse)
    return data, warehouse, report


def everything_in(warehouse) -> str:
    """Every text cell of every table, and the file's bytes, as one string to search."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        texts = []
        for table, column in con.execute(
            "select table_name, column_name from information_schema.columns "
            "where data_type like 'VARCHAR%' and table_schema = 'main'"
        ).fetchall():
            texts += [
                str(v) for (v,) in con.execute(f'select "{column}" from "{table}"').fetchall()
            ]
        return "\n".join(texts) + warehouse.read_bytes().decode("latin-1")
    finally:
        con.close()


def test_personal_data_in_read_columns_is_rejected_and_never_stored(tmp_path):
    _, warehouse, report = build_register(tmp_path, READ_COLUMNS)
    stored = everything_in(warehouse)
    for value in HIDDEN:
        assert value not in stored, value
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        # T-07's sector "Toko Joko Widodo" maps to perdagangan by its first word; its platform
        # holds a phone number: the row is rejected. T-09 loads; T-02 (phone as platform) not.
        kept = con.execute("select umkm_id, sector, platform from umkm order by 1").fetchall()
        assert kept == [("T-09", "fesyen", "Shopee")]
        rejected = con.execute(
            'select line, "column", value from rejected order by line, "column"'
        ).fetchall()
    finally:
        con.close()
    # lines as the file shows them (header = 1); a personal value is never shown
    assert rejected == [
        (2, "Sektor", "[disamarkan]"),
        (3, "Platform", "[disamarkan]"),
        (4, "Sektor", "[disamarkan]"),
        (5, "Kecamatan", "[disamarkan]"),
        (6, "ID UMKM", "[disamarkan]"),
        (7, "ID UMKM", "[disamarkan]"),
        (8, "Platform", "[disamarkan]"),
        (9, "Sektor", "[disamarkan]"),
    ]


REGISTER_WITHOUT_ID = """\
No,NIK Pemilik,Nama Usaha,Kecamatan,Sektor,Skala,Tanggal Daftar
1,3671 0999 8887 7755,Warung Bu Siti,Karawaci,makanan,Mikro,2019-03-01
2,3671099988877722,Toko Budi,Cibodas,toko,Kecil,2019-04-01
"""


def test_a_register_without_ids_gets_stable_pseudonymous_ids(tmp_path, monkeypatch):
    monkeypatch.setenv("PULIH_ID_KEY", "kunci-uji")
    _, first, report = build_register(tmp_path / "a", REGISTER_WITHOUT_ID)
    # the next export lists the same businesses in another order, the NIK written otherwise
    again = "No,NIK Pemilik,Nama Usaha,Kecamatan,Sektor,Skala,Tanggal Daftar\n" + "\n".join(
        [
            "1,3671-0999-8887-7722,Toko Budi,Cibodas,toko,Kecil,2019-04-01",
            "2,3671099988877755,Warung Bu Siti,Karawaci,makanan,Mikro,2019-03-01",
        ]
    )
    _, second, _ = build_register(tmp_path / "b", again + "\n")

    def ids(warehouse):
        con = duckdb.connect(str(warehouse), read_only=True)
        try:
            return dict(con.execute("select region_code, umkm_id from umkm").fetchall())
        finally:
            con.close()

    assert ids(first) == ids(second)
    assert all(v.startswith("PID-") and len(v) == 24 for v in ids(first).values())
    # another key, other ids: nobody without the key can match them to a NIK
    monkeypatch.setenv("PULIH_ID_KEY", "kunci-lain")
    _, third, _ = build_register(tmp_path / "c", REGISTER_WITHOUT_ID)
    assert set(ids(third).values()).isdisjoint(ids(first).values())
    for warehouse in (first, second, third):
        stored = everything_in(warehouse)
        for value in ("3671099988877755", "3671 0999 8887 7755", "Warung Bu Siti", "Toko Budi"):
            assert value not in stored


def test_no_download_format_carries_a_planted_personal_string(tmp_path, monkeypatch):
    from analytics import datasets, exports

    _, warehouse, _ = build_register(tmp_path, READ_COLUMNS)
    monkeypatch.setenv("PULIH_WAREHOUSE", str(warehouse))
    start, end = queries.horizon()
    areas = ("36.71", "36.71.07", "36.71.09", "36.71.11")
    for name in datasets.DATASETS:
        frame = datasets.load(queries, name, areas, (), start, end)
        meta = datasets.meta(name, areas, (), start, end)
        for fmt in exports.FORMATS:
            text = readable(exports.to_bytes(frame, fmt, meta), fmt)
            for value in HIDDEN:
                assert value not in text, (name, fmt, value)
    # and Sumber & Metode's rejected rows, as downloaded
    rejected = queries.rejected()
    for fmt in exports.FORMATS:
        text = readable(exports.to_bytes(rejected, fmt, exports.Meta("rejected", "r")), fmt)
        for value in HIDDEN:
            assert value not in text, (fmt, value)


def readable(data: bytes, fmt: str) -> str:
    """Every cell of a download as text (a workbook and a Parquet file are compressed)."""
    import io

    import openpyxl
    import pandas as pd

    if fmt == "xlsx":
        book = openpyxl.load_workbook(io.BytesIO(data))
        return "\n".join(
            str(c) for sheet in book for row in sheet.iter_rows(values_only=True) for c in row
        )
    if fmt == "parquet":
        frame = pd.read_parquet(io.BytesIO(data))
        return frame.to_csv() + str(frame.attrs)
    return data.decode("utf-8-sig", errors="replace")


# "Nama" names a person only when nothing else is named: a header the alias table gives as a
# column the file's kind reads ("Nama Kecamatan" is the area) is read; an unknown "Nama ..." and
# any header with another personal word ("Nama Pemilik") is dropped.
def test_every_alias_of_a_read_column_is_read_and_never_dropped():
    columns = ColumnMap.load(DATA / "aliases" / "columns.csv")
    for alias, column in columns.aliases.items():
        if column.name == "-":
            continue
        wide = column.name.startswith("metric:")
        readers = [k for k in REGISTRY.values() if column.name in k.wanted or (wide and k.wide)]
        assert readers, f"no kind reads {column.name}"
        for kind in readers:
            naming = name_columns([alias], columns, kind.wanted, kind.wide)
            assert (naming.index, naming.dropped) == ({0: column.name}, {}), (alias, kind.name)


def test_an_area_headed_nama_kecamatan_is_read_and_the_owner_is_dropped(tmp_path):
    body = (
        "ID UMKM,Nama Pemilik,Nama Kecamatan,Sektor,Skala,Tanggal Daftar\n"
        "N-1,Siti Aminah,Karawaci,kuliner,Mikro,2019-03-01\n"
        "N-2,Budi Santoso,Cibodas,jasa,Kecil,2019-04-01\n"
    )
    _, warehouse, report = build_register(tmp_path, body)
    register = next(f for f in report.files if f.entry.id == "register")
    assert "personal-data column(s) dropped and never stored: Nama Pemilik" in (
        register.loaded.warnings
    )
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        assert con.execute("select umkm_id, region_code from umkm order by 1").fetchall() == [
            ("N-1", "36.71.07"),
            ("N-2", "36.71.09"),
        ]
    finally:
        con.close()
    stored = everything_in(warehouse)
    assert "Siti Aminah" not in stored and "Budi Santoso" not in stored


def test_a_wide_table_by_nama_wilayah_loads_its_areas(tmp_path):
    path = tmp_path / "wide.csv"
    path.write_text(
        "Nama Wilayah,Tanggal,PHK\nKarawaci,2020-05-31,10\nCibodas,2020-05-31,20\n",
        encoding="utf-8",
    )
    with loaded_in_memory(path, "observations_wide") as (con, report):
        rows = con.execute("select region_code, metric, value from observation order by all")
        assert rows.fetchall() == [("36.71.07", "phk", 10.0), ("36.71.09", "phk", 20.0)]
    assert not report.loaded.rows_rejected


# A name typed into a register's date or scale column: the cell is rejected (not a date, not a
# scale), and the reject names neither the cell nor the name inside its reason.
NAMES_IN_PARSED_COLUMNS = """\
ID UMKM,Kecamatan,Sektor,Skala,Tanggal Daftar,Tanggal Onboarding,Platform
D-01,Karawaci,kuliner,Mikro,Budi Hartono,,
D-02,Karawaci,kuliner,Ibu Sri Rahayu,2019-03-01,,
D-03,Karawaci,kuliner,Mikro,2019-03-01,Joko Widodo,Shopee
D-04,Karawaci,kuliner,Mikro,2019-13-45,,
D-05,Karawaci,kuliner,Mikro,2019-03-01,,
"""


def test_a_name_in_a_register_date_or_scale_cell_is_never_stored_in_the_rejects(tmp_path):
    _, warehouse, report = build_register(tmp_path, NAMES_IN_PARSED_COLUMNS)
    stored = everything_in(warehouse)
    for name in ("Budi Hartono", "Sri Rahayu", "Joko Widodo"):
        assert name not in stored, name
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        rejected = con.execute(
            'select line, "column", value from rejected order by line'
        ).fetchall()
        assert con.execute("select umkm_id from umkm").fetchall() == [("D-05",)]
    finally:
        con.close()
    # by hand: lines 2-4 hold a name where a date or a scale belongs, masked; line 5's
    # impossible date has no letter in it, so it is shown for the clerk to correct
    assert rejected == [
        (2, "Tanggal Daftar", "[disamarkan]"),
        (3, "Skala", "[disamarkan]"),
        (4, "Tanggal Onboarding", "[disamarkan]"),
        (5, "Tanggal Daftar", "2019-13-45"),
    ]
    # nor what the check tells the clerk: each reject's value and reason
    register = next(f for f in report.files if f.entry.id == "register")
    said = " ".join(f"{r.value} {r.reason}" for r in register.loaded.rejects)
    assert "'2019-13-45' is not a calendar date" in said  # line 5's reason names its cell
    for name in ("Budi Hartono", "Sri Rahayu", "Joko Widodo"):
        assert name not in said, name


# A register's id column holding a plain personal name: letters, spaces and name punctuation
# (. , ' -) in two or more words is read as a possible name and rejected, masked. An id with a
# digit or of one word is a register number and loads.
NAMES_AS_IDS = """\
ID UMKM,Kecamatan,Sektor,Skala,Tanggal Daftar
Rina Marlina,Karawaci,kuliner,Mikro,2019-03-01
Bpk. Ahmad Fauzi,Karawaci,kuliner,Mikro,2019-03-01
"Nur'aini Siregar-Lubis, S.E.",Cibodas,jasa,Kecil,2019-04-01
Dedi Kurniawan,Cibodas,jasa,Mikro,2019-13-45
UMKM-0001,Cibodas,jasa,Kecil,2019-04-01
TGR 001,Pinang,fesyen,Kecil,2019-04-01
A17,Pinang,fesyen,Kecil,2019-04-01
"""
NAMES = ["Rina Marlina", "Ahmad Fauzi", "Nur'aini", "Siregar-Lubis", "Dedi Kurniawan"]


def test_a_personal_name_as_register_id_is_rejected_masked_and_never_stored(tmp_path):
    _, warehouse, report = build_register(tmp_path, NAMES_AS_IDS)
    stored = everything_in(warehouse)
    for name in NAMES:
        assert name not in stored, name
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        kept = con.execute("select umkm_id from umkm order by 1").fetchall()
        rejected = con.execute(
            'select line, "column", value from rejected order by line, "column"'
        ).fetchall()
    finally:
        con.close()
    # by hand: lines 2-5 hold two or more words of letters and name punctuation alone (line 5
    # also an impossible date, shown: it has no letter); lines 6-8 have a digit: they load
    assert kept == [("A17",), ("TGR 001",), ("UMKM-0001",)]
    assert rejected == [
        (2, "ID UMKM", "[disamarkan]"),
        (3, "ID UMKM", "[disamarkan]"),
        (4, "ID UMKM", "[disamarkan]"),
        (5, "ID UMKM", "[disamarkan]"),
        (5, "Tanggal Daftar", "2019-13-45"),
    ]
    # nor does what the check tells the clerk name them, in a reject's value or its reason
    register = next(f for f in report.files if f.entry.id == "register")
    said = " ".join(f"{r.value} {r.reason}" for r in register.loaded.rejects)
    assert "ID UMKM looks like personal data (nama)" in said
    for name in NAMES:
        assert name not in said, name


def test_python_and_duckdb_read_a_name_as_id_alike():
    from etl import personal

    # by hand: two or more space-separated words with a letter, nothing but letters, spaces and
    # . , ' ’ - -> a name; a digit, an underscore or a single word -> a register number
    names = ["Rina Marlina", "Bpk. Ahmad Fauzi", "José Ramos", "Rina - Marlina", "Ani’s Shop"]
    numbers = ["UMKM-0001", "TGR 001", "A17", "Rina-Marlina", " - ", "x_y z", "KT 00A", ""]
    con = duckdb.connect()
    for text in names + numbers:
        by_sql = con.execute("select regexp_matches(?, ?)", [text, personal.NAME_ID]).fetchone()
        assert (personal.is_name_id(text), by_sql[0]) == ((text in names),) * 2, text
