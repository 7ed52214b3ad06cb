"""Whatever the file: random bytes, truncated files, the wrong kind, huge cells. The ETL answers
with a message and an exit code, never a traceback, and the previous warehouse stays as it was."""

import contextlib
import io
import itertools
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.__main__ import FILE_KINDS, main
from etl.build import build
from tests.conftest import DATA, PROJECT

AGENCY = PROJECT / "tests" / "fixtures" / "agency"
FIXTURES = sorted(p for p in AGENCY.iterdir() if p.is_file())
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def run(argv) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue() + err.getvalue()


def check(content: bytes, kind: str, suffix: str = ".csv") -> tuple[int, str]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(content)
        return run(["check", str(path), "--kind", kind])


def assert_answered(code: int, output: str) -> None:
    assert code in (0, 1, 2), output  # 3 would be the last guard: an error we did not foresee
    assert "Traceback" not in output
    if code == 2:
        assert output.startswith("cannot be read: ") and len(output) > 30


@SETTINGS
@given(content=st.binary(max_size=4096), kind=st.sampled_from(FILE_KINDS))
def test_random_bytes(content, kind):
    assert_answered(*check(content, kind))


@SETTINGS
@given(
    fixture=st.sampled_from(FIXTURES),
    cut=st.floats(min_value=0, max_value=1),
    kind=st.sampled_from(FILE_KINDS),
)
def test_truncated_files_of_any_kind(fixture, cut, kind):
    content = fixture.read_bytes()
    assert_answered(*check(content[: int(len(content) * cut)], kind, fixture.suffix))


@pytest.mark.parametrize(
    ("fixture", "kind"),
    list(itertools.product(FIXTURES, FILE_KINDS)),
    ids=[f"{f.name}-{k}" for f, k in itertools.product(FIXTURES, FILE_KINDS)],
)
def test_every_fixture_as_every_kind(fixture, kind):
    # every pair, every run: a sample could miss the one pair that fails
    assert_answered(*check(fixture.read_bytes(), kind, fixture.suffix))


@settings(max_examples=6, deadline=None)
@given(size=st.integers(min_value=100_000, max_value=3_000_000), kind=st.sampled_from(FILE_KINDS))
def test_huge_cells(size, kind):
    content = b"Kecamatan,Tanggal,PHK\nKarawaci,2020-05-31," + b"9" * size + b"\n"
    code, output = check(content, kind)
    assert_answered(code, output)
    assert code != 0


@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    content=st.binary(min_size=1, max_size=2048)
    | st.sampled_from([f.read_bytes() for f in FIXTURES]),
    kind=st.sampled_from(FILE_KINDS),
)
def test_a_refused_add_leaves_the_warehouse_and_manifest_untouched(tmp_path_factory, content, kind):
    root = tmp_path_factory.mktemp("add")
    data = root / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("*.duckdb*", "demo"))
    manifest = (data / "sources.toml").read_text()
    manifest = manifest[: manifest.index('[[file]]\nid = "demo_kecamatan_labour"')]  # keep it small
    (data / "sources.toml").write_text(manifest)
    warehouse = root / "w.duckdb"
    build(data, warehouse)
    before = warehouse.read_bytes()
    path = root / "incoming.csv"
    path.write_bytes(content)
    with _warehouse(warehouse):
        code, output = run(
            [
                "add",
                str(path),
                "--kind",
                kind,
                "--publisher",
                "P",
                "--url",
                "https://e.org",
                "--published",
                "2021-01-01",
                "--data",
                str(data),
            ]
        )
    assert code in (0, 1, 2) and "Traceback" not in output
    if code != 0:
        assert warehouse.read_bytes() == before
        assert (data / "sources.toml").read_text() == manifest


@contextlib.contextmanager
def _warehouse(path: Path):
    import os

    old = os.environ.get("PULIH_WAREHOUSE")
    os.environ["PULIH_WAREHOUSE"] = str(path)
    try:
        yield
    finally:
        if old is None:
            del os.environ["PULIH_WAREHOUSE"]
        else:
            os.environ["PULIH_WAREHOUSE"] = old
