"""The golden check: hand-worked monthly figures (data/golden/monthly.csv) against the build."""

import csv
import shutil

import pytest

from etl.build import BuildError, build
from tests.conftest import DATA


def golden_cases() -> list[dict]:
    with (DATA / "golden" / "monthly.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


def test_the_golden_file_covers_every_rule_with_hand_worked_cases():
    cases = golden_cases()
    assert len(cases) >= 40
    rules = {c["rule"] for c in cases}
    for rule in ("parent", "qualifier", "rounding", "precision", "carry", "flow", "rate",
                 "combined", "conflict", "basis", "dated", "synthetic_sum"):  # fmt: skip
        assert rule in rules, rule
    assert all(c["how"].strip() for c in cases)  # each says how it was worked out


def test_the_shipped_data_passes_the_golden_check(warehouse):
    # the session warehouse is built from data/ with the golden check on: it exists, so it passed
    assert warehouse.exists()


def test_a_case_the_warehouse_disagrees_with_stops_the_build(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("*.duckdb*"))
    golden = data / "golden" / "monthly.csv"
    text = golden.read_text(encoding="utf-8")
    # Banten, May 2020, PHK + dirumahkan: 17.298 + 27.569 = 44.867; claim 44.868 instead
    assert ",44867,exact,2020-05-20," in text
    golden.write_text(text.replace(",44867,exact,2020-05-20,", ",44868,exact,2020-05-20,", 1))
    with pytest.raises(BuildError, match=r"expected 44868\.0 exact .* has 44867\.0 exact"):
        build(data, tmp_path / "w.duckdb")
    assert not (tmp_path / "w.duckdb").exists()
