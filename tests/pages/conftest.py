"""The page tests read a small fixture warehouse, never the shipped data: tests/fixtures/pages
(invented figures for a handful of areas; its README.md works out what the pages show), built once
per session with etl.build.build. Tests that change the data build their own copy."""

from pathlib import Path

import pytest

from etl.build import build
from tests.conftest import page_fixture_data


@pytest.fixture(scope="session")
def fixture_warehouse_file(tmp_path_factory) -> Path:
    """tests/fixtures/pages built into a warehouse, once per session."""
    root = tmp_path_factory.mktemp("page_fixture")
    path = root / "pulih.duckdb"
    build(page_fixture_data(root), path)
    return path


@pytest.fixture
def fixture_warehouse(fixture_warehouse_file, monkeypatch) -> Path:
    """The fixture warehouse as the one the pages read, for this test only (the session's
    `warehouse` fixture sets PULIH_WAREHOUSE for the shipped data; this undoes nothing of it)."""
    monkeypatch.setenv("PULIH_WAREHOUSE", str(fixture_warehouse_file))
    return fixture_warehouse_file
