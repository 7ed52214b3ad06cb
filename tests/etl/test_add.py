"""`python -m etl add`: a file joins the manifest and the warehouse, once, or nothing changes."""

import getpass
import hashlib
import os
import shutil
import subprocess

import duckdb
import pandas as pd

import etl.add
import etl.build
import etl.check
import etl.manifest
from analytics import headline, queries
from etl.__main__ import main
from etl.build import BuildError, build
from tests.conftest import PROJECT, make_data_dir, open_page, table_rows
from warehouse import audit

AGENCY = PROJECT / "tests" / "fixtures" / "agency"


def add(data, file, *extra, published="2020-05-21", kind="observations_wide"):
    return main(
        [
            "add",
            str(file),
            "--kind",
            kind,
            "--publisher",
            "Disnaker Kota Tangerang",
            "--url",
            "https://example.org/rekap",
            "--published",
            published,
            "--data",
            str(data),
            *extra,
        ]
    )


def query(warehouse, sql):
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_add_copies_the_file_adds_its_entry_and_rebuilds(project, capsys):
    data, warehouse = project
    assert add(data, AGENCY / "wide_title_block.xlsx") == 0
    # the project keeps the workbook's sheet as a screened CSV, title rows included
    copied = data / "raw" / "agency" / "2020_05_21_wide_title_block.csv"
    assert "Per 20 Mei 2020" in copied.read_text(encoding="utf-8")
    manifest = (data / "sources.toml").read_text()
    assert 'id = "2020_05_21_wide_title_block"' in manifest
    assert 'series = "disnaker_kota_tangerang:observations_wide"' in manifest
    assert query(
        warehouse,
        "select value from observation o join source s using (source_id) "
        "where s.file_id = '2020_05_21_wide_title_block' and region_code = '36.71.01' "
        "and metric = 'phk'",
    ) == [(100.0,)]
    assert "added wide_title_block.xlsx" in capsys.readouterr().out


def test_the_same_file_twice_loads_once(project, capsys):
    data, _ = project
    assert add(data, AGENCY / "wide_title_block.xlsx") == 0
    manifest = (data / "sources.toml").read_text()
    assert add(data, AGENCY / "wide_title_block.xlsx", published="2020-06-01") == 0
    assert "already loaded as '2020_05_21_wide_title_block'" in capsys.readouterr().out
    assert (data / "sources.toml").read_text() == manifest


def test_a_manifest_listing_the_same_content_twice_loads_it_once(tmp_path):
    body = "36,Provinsi Banten,2020-05-20,day,phk,17298,workers,exact,workplace,,x,https://e.org,2020,\n"
    data = make_data_dir(tmp_path, {"a.csv": body, "b.csv": body})
    report = build(data, tmp_path / "w.duckdb")
    b = next(f for f in report.files if f.entry.id == "b")
    assert (b.duplicate_of, b.loaded.rows_read, b.loaded.warnings) == (
        "a",
        0,
        ["same content as raw/a.csv: loaded once, not twice"],
    )
    assert len(table_rows(tmp_path / "w.duckdb", "observation")) == 1


def test_add_refuses_a_file_with_rejects_or_that_cannot_be_read(project, capsys):
    data, warehouse = project
    manifest, before = (data / "sources.toml").read_text(), warehouse.read_bytes()
    assert add(data, AGENCY / "bad_dates.csv", kind="observations") == 1
    assert "nothing added: fix the rows above, or pass --accept-rejects" in capsys.readouterr().out
    assert add(data, AGENCY / "binary.csv", kind="observations") == 2
    assert (data / "sources.toml").read_text() == manifest and warehouse.read_bytes() == before
    assert not (data / "raw" / "agency").exists() or not any((data / "raw" / "agency").iterdir())
    assert add(data, AGENCY / "bad_dates.csv", "--accept-rejects", kind="observations") == 0
    assert query(
        warehouse, "select count(*) from rejected where source_file like 'raw/agency/%'"
    ) == [(3,)]


def test_a_failed_rebuild_puts_everything_back(project, monkeypatch, capsys):
    data, warehouse = project
    manifest, before = (data / "sources.toml").read_text(), warehouse.read_bytes()

    def broken(*args, **kwargs):
        raise BuildError("data checks failed")

    monkeypatch.setattr(etl.add, "build", broken)
    assert add(data, AGENCY / "wide_title_block.xlsx") == 1
    assert "the rebuild failed, nothing was added" in capsys.readouterr().out
    assert (data / "sources.toml").read_text() == manifest
    assert warehouse.read_bytes() == before
    assert not list((data / "raw" / "agency").glob("*"))


def test_a_new_release_is_a_vintage_the_latest_is_shown_and_the_change_is_said(project, tmp_path):
    data, warehouse = project
    first, second = tmp_path / "rekap_juni.csv", tmp_path / "rekap_juni_revisi.csv"
    first.write_text("Kecamatan,Tanggal,PHK\nJatiuwung,31/05/2020,1200\nCibodas,31/05/2020,800\n")
    second.write_text(
        "Kecamatan,Tanggal,PHK\nJatiuwung,31/05/2020,1250\nCibodas,31/05/2020,800\n"
        "Periuk,31/05/2020,300\n"
    )
    assert add(data, first, "--series", "disnaker-kecamatan", published="2020-06-01") == 0
    assert add(data, second, "--series", "disnaker-kecamatan", published="2020-06-15") == 0

    # both vintages are kept; the earlier figure that was re-reported is superseded
    kept = query(
        warehouse,
        "select s.file_id, o.region_code, o.value, o.superseded from observation o "
        "join source s using (source_id) where s.file_id like '2020_06_%' order by 1, 2",
    )
    assert kept == [
        ("2020_06_01_rekap_juni", "36.71.02", 1200.0, True),
        ("2020_06_01_rekap_juni", "36.71.09", 800.0, True),
        ("2020_06_15_rekap_juni_revisi", "36.71.02", 1250.0, False),
        ("2020_06_15_rekap_juni_revisi", "36.71.08", 300.0, False),
        ("2020_06_15_rekap_juni_revisi", "36.71.09", 800.0, False),
    ]
    # the latest is shown: a real report outranks the synthetic kecamatan series
    assert query(
        warehouse,
        "select value, synthetic from mart_monthly where region_code = '36.71.02' "
        "and metric = 'phk' and month = '2020-05-01'",
    ) == [(1250.0, False)]
    assert query(
        warehouse,
        "select region_code, previous_value, latest_value, change from mart_revisions "
        "order by region_code",
    ) == [
        ("36.71.02", 1200.0, 1250.0, "revised"),
        ("36.71.08", None, 300.0, "new"),
    ]
    # and the overview says so
    at = open_page("ringkasan")
    assert "Yang berubah sejak rilis sebelumnya" in [s.value for s in at.subheader]
    changes = at.dataframe[0].value
    assert list(changes["Wilayah"]) == ["Kec. Jatiuwung", "Kec. Periuk"]
    assert list(changes["Rilis sebelumnya"]) == ["1.200 pekerja", "—"]
    assert list(changes["Rilis terbaru"]) == ["1.250 pekerja", "300 pekerja"]
    assert list(changes["Perubahan"]) == ["direvisi", "baru"]


# The project keeps a screened copy; the file as received only where the operator chose.
REGISTER_WITH_PERSONAL_DATA = "\n".join(
    ",".join(row)
    for row in (
        ("ID UMKM", "Nama Pemilik", "NIK", "No. WA", "Email", "Alamat", "Kecamatan", "Sektor",
         "Skala", "Tanggal Daftar", "Tanggal Onboarding", "Platform"),
        ("TNG-101", "Siti Aminah", "3671045505800001", "+62 812-9999-8877", "siti@contoh.id",
         "Jl. Melati 5", "Karawaci", "kuliner", "Mikro", "2019-03-01", "2020-08-01", "Shopee"),
        ("TNG-102", "Budi Santoso", "3671041212750002", "0812.9999.8855", "budi@contoh.id",
         "Jl. Mawar 1", "Cibodas", "fesyen a.n. Budi Santoso", "Kecil", "2019-04-01", "", ""),
    )
) + "\n"  # fmt: skip
PLANTED = [
    "Siti Aminah",
    "Budi Santoso",
    "3671045505800001",
    "3671041212750002",
    "+62 812-9999-8877",
    "0812.9999.8855",
    "siti@contoh.id",
    "budi@contoh.id",
    "Jl. Melati",
    "Jl. Mawar",
]


def committed_files(data):
    """Every file under data/ that git would commit, as git itself says under the project's own
    .gitignore: the copy's folder made a repository of its own (`data` sits where it sits in the
    project), and git asked for the files it would add. The user's and the system's git settings
    are left out, so a global excludes file hides nothing here."""
    root = data.parent
    shutil.copy(PROJECT / ".gitignore", root / ".gitignore")
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}

    def git(*args: str) -> str:
        done = subprocess.run(
            ["git", *args], cwd=root, env=env, capture_output=True, text=True, check=True
        )
        return done.stdout

    git("init", "--quiet")
    listed = git("ls-files", "--others", "--exclude-standard", "-z", "--", "data")
    files = [root / name for name in listed.split("\0") if name]
    assert files and all(f.is_file() for f in files)
    return files


def test_add_keeps_a_screened_copy_and_no_personal_string_under_data(project, tmp_path, capsys):
    data, warehouse = project
    register = tmp_path / "register_dinkop.csv"
    register.write_text(REGISTER_WITH_PERSONAL_DATA, encoding="utf-8")
    outside = tmp_path / "originals"
    code = add(
        data, register, "--accept-rejects", "--keep-original", str(outside), kind="umkm_register"
    )
    assert code == 0, capsys.readouterr().out
    committed = committed_files(data)
    assert data / "raw" / "agency" / "2020_05_21_register_dinkop.csv" in committed  # the copy
    for path in committed:
        text = path.read_text(encoding="utf-8", errors="replace")
        for value in PLANTED:
            assert value not in text, f"{value!r} in {path.relative_to(data)}"
    # the copy in the project loads what the file loaded: TNG-101 (TNG-102's sector names a
    # person: rejected in both)
    assert query(warehouse, "select umkm_id from umkm where umkm_id like 'TNG-%'") == [("TNG-101",)]
    # the original, with its personal data, only where the operator asked
    kept = list(outside.iterdir())
    assert len(kept) == 1 and "Siti Aminah" in kept[0].read_text(encoding="utf-8")


def test_a_name_as_register_id_is_masked_in_the_copy_and_loads_nowhere(project, tmp_path, capsys):
    data, warehouse = project
    register = tmp_path / "register_nama.csv"
    register.write_text(
        "ID UMKM,Kecamatan,Sektor,Skala,Tanggal Daftar\n"
        "Rina Marlina,Karawaci,kuliner,Mikro,2019-03-01\n"
        "Bpk. Ahmad Fauzi,Cibodas,jasa,Kecil,2019-04-01\n"
        "TNG-201,Cibodas,jasa,Kecil,2019-04-01\n",
        encoding="utf-8",
    )
    assert add(data, register, "--accept-rejects", kind="umkm_register") == 0, capsys.readouterr()
    for path in committed_files(data):
        text = path.read_text(encoding="utf-8", errors="replace")
        for name in ("Rina Marlina", "Ahmad Fauzi"):
            assert name not in text, f"{name!r} in {path.relative_to(data)}"
    # by hand: the two names are rejected from the file; in the copy they read "[disamarkan]",
    # rejected too, so the copy loads TNG-201 alone and never a masked id
    kept = "select umkm_id from umkm where umkm_id not like 'DEMO-%' order by 1"
    assert query(warehouse, kept) == [("TNG-201",)]


def test_the_original_is_never_kept_where_git_would_commit_it(project, tmp_path, capsys):
    data, _ = project
    register = tmp_path / "register_dinkop.csv"
    register.write_text(REGISTER_WITH_PERSONAL_DATA, encoding="utf-8")
    inside = PROJECT / "tests" / "originals"
    assert add(data, register, "--keep-original", str(inside), kind="umkm_register") != 0
    assert not inside.exists()


SMALL_REGISTER = """\
ID UMKM,Kecamatan,Sektor,Skala,Tanggal Daftar,Tanggal Onboarding,Platform
KRW-1,Karawaci,kuliner,Mikro,2019-03-01,2020-08-01,Shopee
KRW-2,Karawaci,jasa,Mikro,2019-03-01,2020-09-01,Tokopedia
"""


def test_a_second_register_is_kept_apart_and_never_swaps_the_city(project, tmp_path, capsys):
    from analytics import datasets

    data, _ = project
    start, end = queries.horizon()
    before = datasets.load(queries, "umkm", ("36.71", "36.71.07"), (), start, end)
    path = tmp_path / "register_kelurahan.csv"
    path.write_text(SMALL_REGISTER, encoding="utf-8")
    assert add(data, path, kind="umkm_register", published="2021-01-10") == 0, capsys.readouterr()
    after = datasets.load(queries, "umkm", ("36.71", "36.71.07"), (), start, end)
    # one register per area and month: no doubled rows (36 months x 2 areas)
    assert len(before) == len(after) == 72
    # the city's total still comes from the register that covers all 13 kecamatan (the demo one):
    # 2 businesses in Karawaci make no city total
    city = after[after.region_code == "36.71"]
    assert (
        city.synthetic.all()
        and city.registered.iloc[-1] == before[before.region_code == "36.71"].registered.iloc[-1]
    )
    # Karawaci shows the real register (real before synthetic); 2 is a small cell: withheld
    karawaci = after[after.region_code == "36.71.07"]
    assert not karawaci.synthetic.any() and karawaci.registered_suppressed.iloc[-1]
    cards = headline.cards(queries, "36.71").set_index("card")
    assert pd.isna(cards.loc["card.umkm_onboarded", "value"])  # still "belum ada angka"


def test_a_later_vintage_of_a_register_wins_for_the_same_business(project, tmp_path, capsys):
    data, warehouse = project
    first = tmp_path / "register_v1.csv"
    first.write_text(SMALL_REGISTER, encoding="utf-8")
    assert add(data, first, kind="umkm_register", published="2021-01-10") == 0
    # the next export: KRW-2 now onboarded to another platform, KRW-3 new
    second = tmp_path / "register_v2.csv"
    second.write_text(
        SMALL_REGISTER.replace("2020-09-01,Tokopedia", "2020-09-01,Shopee")
        + "KRW-3,Karawaci,fesyen,Kecil,2020-11-01,,\n",
        encoding="utf-8",
    )
    assert add(data, second, kind="umkm_register", published="2021-06-10") == 0
    # by hand: KRW-1, KRW-2 (once, with the later record) and KRW-3: 3 businesses by Dec 2022
    month = query(
        warehouse,
        "select registered from mart_umkm_monthly "
        "where region_code = '36.71.07' and month = '2022-12-01' and not synthetic",
    )
    assert month == [(3,)]


def test_an_added_file_and_a_rebuild_are_in_the_audit_log_without_its_values(
    project, tmp_path, capsys
):
    data, warehouse = project
    register = tmp_path / "register_dinkop.csv"
    register.write_text(REGISTER_WITH_PERSONAL_DATA, encoding="utf-8")
    assert add(data, register, "--accept-rejects", kind="umkm_register") == 0
    assert main(["build", "--data", str(data), "--warehouse", str(warehouse)]) == 0
    log = warehouse.with_name("pulih-audit.jsonl")  # beside the warehouse (warehouse/location.py)
    events = audit.read(log)
    assert [e["event"] for e in events] == ["add", "rebuild"]
    added = events[0]
    # the file as received: its name and checksum; 2 rows, TNG-101 loaded, TNG-102 rejected (its
    # sector names a person)
    assert added["file"] == "register_dinkop.csv"
    assert added["sha256"] == hashlib.sha256(register.read_bytes()).hexdigest()
    assert (added["rows_read"], added["rows_loaded"], added["rows_rejected"]) == (2, 1, 1)
    assert added["actor"] == f"cli:{getpass.getuser()}"
    text = log.read_text(encoding="utf-8")
    for value in PLANTED + ["TNG-101", "fesyen"]:
        assert value not in text


def test_an_add_loads_the_file_once_its_check_is_the_builds_load(
    project, tmp_path, monkeypatch, capsys
):
    """`etl add` used to load a file twice: its check (in memory), then the rebuild. Now the
    rebuild's load is the check. Every load of a file goes through etl.build.load_file (the build
    and the in-memory loads of etl/check.py call it), so counting its calls by entry counts the
    loads; nothing else is replaced."""
    data, _ = project
    register = tmp_path / "register_dinkop.csv"
    register.write_text(REGISTER_WITH_PERSONAL_DATA, encoding="utf-8")
    loads: list[tuple[str, str]] = []
    real = etl.build.load_file

    def counted(con, data_dir, entry, ctx, earlier):
        loads.append((entry.id, entry.kind))
        return real(con, data_dir, entry, ctx, earlier)

    monkeypatch.setattr(etl.build, "load_file", counted)
    monkeypatch.setattr(etl.check, "load_file", counted)
    assert add(data, register, "--accept-rejects", kind="umkm_register") == 0
    # the register is the only file of its kind in this add: loaded once, as the entry the add
    # gave it (published 2020-05-21 + the file's stem), never under the check's own name
    registers = [file_id for file_id, kind in loads if kind == "umkm_register"]
    shipped = [e for e in etl.manifest.load(data / "sources.toml") if e.kind == "umkm_register"]
    assert registers.count("2020_05_21_register_dinkop") == 1
    assert len(registers) == len(shipped)  # the shipped registers once each, by the rebuild
    # and the check said what that load found: two data rows in REGISTER_WITH_PERSONAL_DATA,
    # TNG-102 rejected (its sector names a person), on line 3 (the header is line 1)
    out = capsys.readouterr().out
    assert "2 rows read, 1 would load, 1 would be rejected" in out
    assert "line 3 column Sektor" in out
