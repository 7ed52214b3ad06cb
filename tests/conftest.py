"""Shared fixtures: a warehouse built once per session from the project's own data/, and small
data folders built per test from the project's reference files plus a few rows of their own."""

import os
import re
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest

from etl.build import build

PROJECT = Path(__file__).resolve().parents[1]
DATA = PROJECT / "data"
# the small data folder the page tests read (its figures are invented; README.md beside it)
PAGE_FIXTURE = PROJECT / "tests" / "fixtures" / "pages"


@pytest.fixture(scope="session")
def warehouse(tmp_path_factory) -> Path:
    """The project's default data, built into a session warehouse that every read-side test uses."""
    path = tmp_path_factory.mktemp("warehouse") / "pulih.duckdb"
    build(DATA, path)
    os.environ["PULIH_WAREHOUSE"] = str(path)
    return path


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A copy of the project's data folder and a warehouse built from it that the pages read:
    for tests that change the data and rebuild."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("*.duckdb*"))
    warehouse = tmp_path / "live.duckdb"
    monkeypatch.setenv("PULIH_WAREHOUSE", str(warehouse))
    build(data, warehouse)
    return data, warehouse


@pytest.fixture
def con(warehouse):
    connection = duckdb.connect(str(warehouse), read_only=True)
    yield connection
    connection.close()


def entry(file_id: str, path: str, kind: str, synthetic: bool = False) -> str:
    return textwrap.dedent(
        f"""
        [[file]]
        id = "{file_id}"
        path = "{path}"
        kind = "{kind}"
        title = "test file {file_id}"
        publisher = "test publisher"
        outlet = "test outlet"
        url = "https://example.org/{file_id}"
        published = "2020-06-01"
        licence = "test"
        synthetic = {"true" if synthetic else "false"}
        """
    )


OBS_HEADER = (
    "area_code,area_name,ref_date,date_precision,metric,value,unit,qualifier,basis,"
    "statement_by,outlet,url,published,note\n"
)


def make_data_dir(
    root: Path, observations: dict[str, str], synthetic: frozenset = frozenset()
) -> Path:
    """A data folder with the project's metric catalogue and regions, and the given observation
    files (name -> CSV body below the standard header)."""
    data = root / "data"
    (data / "raw").mkdir(parents=True)
    for name in ("metrics.csv", "regions_banten.csv", "regions_kota_tangerang.csv"):
        shutil.copy(DATA / "raw" / name, data / "raw" / name)
    shutil.copytree(DATA / "aliases", data / "aliases")
    manifest = entry("metrics", "raw/metrics.csv", "metrics")
    manifest += entry("regions_banten", "raw/regions_banten.csv", "regions")
    manifest += entry("regions_kota_tangerang", "raw/regions_kota_tangerang.csv", "regions")
    for name, body in observations.items():
        (data / "raw" / name).write_text(
            OBS_HEADER + textwrap.dedent(body).lstrip(), encoding="utf-8"
        )
        manifest += entry(
            name.removesuffix(".csv"), f"raw/{name}", "observations", name in synthetic
        )
    (data / "sources.toml").write_text(manifest, encoding="utf-8")
    return data


def page_fixture_data(root: Path) -> Path:
    """A copy of tests/fixtures/pages under `root`, with the project's metric catalogue and aliases
    (reference tables, no figures) copied in: a data folder `etl.build.build` can build."""
    data = root / "data"
    shutil.copytree(PAGE_FIXTURE, data, ignore=shutil.ignore_patterns("*.md"))
    shutil.copy(DATA / "raw" / "metrics.csv", data / "raw" / "metrics.csv")
    shutil.copytree(DATA / "aliases", data / "aliases")
    return data


# the columns of a stored reason's template and values (warehouse/reasons.py), left out by
# tests that read the English text
REASON_TEMPLATE = ("run_id", "reason_key", "reason_args")
NOTE_TEMPLATE = ("message_key", "message_args")


def table_rows(path: Path, table: str, exclude: tuple[str, ...] = ()) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        columns = [c[0] for c in con.execute(f"describe {table}").fetchall() if c[0] not in exclude]
        select = ", ".join(f'"{c}"' for c in columns)
        return con.execute(f"select {select} from {table} order by all").fetchall()
    finally:
        con.close()


def etl(*args: str, env: dict | None = None) -> subprocess.Popen:
    """`python -m etl ARGS` as its own process, as a person or `make` starts it: stdout and stderr
    captured as text; `env` adds to (or, with None values, removes from) this process's
    environment."""
    environ = {**os.environ, "PYTHONPATH": str(PROJECT)}
    for key, value in (env or {}).items():
        if value is None:
            environ.pop(key, None)
        else:
            environ[key] = str(value)
    return subprocess.Popen(
        [sys.executable, "-m", "etl", *args],
        cwd=PROJECT,
        env=environ,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def paused_at(point: str, marker: Path) -> dict:
    """The environment that makes an ETL process stop at a named point (etl/pause.py): it writes
    its pid to `marker` and waits there until the marker is removed (or it is killed)."""
    return {"PULIH_PAUSE_AT": point, "PULIH_PAUSE_FILE": str(marker)}


def wait_for(marker: Path, proc: subprocess.Popen, timeout: float = 120) -> None:
    """Until `proc` has paused at its point; fails (and ends it) if it finished or never got
    there."""
    deadline = time.monotonic() + timeout
    while not marker.exists():
        if proc.poll() is not None or time.monotonic() > deadline:
            if proc.poll() is None:
                proc.kill()
            out, err = proc.communicate()
            pytest.fail(f"the process never paused at its point (exit {proc.returncode}):\n{err}")
        time.sleep(0.01)


def row_counts(path: Path, tables) -> dict[str, int]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in tables}
    finally:
        con.close()


def _app(page: str, repo=None) -> None:
    """The whole app (router, sidebar, the page's main) opened on `page`; the body of an AppTest
    script, so it imports what it needs."""
    from ui import data, router

    router.run(repo=repo or data, default=page)


def plain_table(element):
    """A plain table (st.table) of a page, as the reader sees it: its cells are markdown written
    plain (ui/tables.py: show_whole, "12\\.000" for "12.000"), which AppTest gives unrendered."""

    def unescaped(value):
        return re.sub(r"\\(.)", r"\1", value) if isinstance(value, str) else value

    return element.value.map(unescaped).rename(columns=unescaped)


def open_page(page: str, lang: str | None = None, repo=None, timeout: float = 60, **query):
    """A page as a person opens it: through the router (sidebar and demo switch included), with
    the URL's query parameters. A page that fails shows the router's error message rather than a
    traceback, so both are checked here: every page test fails on either."""
    from streamlit.testing.v1 import AppTest

    page = page.removeprefix("pages/").removesuffix(".py")
    at = AppTest.from_function(_app, args=(page, repo), default_timeout=timeout)
    if lang:
        at.session_state["lang"] = lang
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert not [e.value for e in at.error if "kode kesalahan" in e.value or "error code" in e.value]
    return at


def run_again(at):
    """Rerun an open page after an interaction, with the same checks as open_page."""
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at
