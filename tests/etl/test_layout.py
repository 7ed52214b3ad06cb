"""etl/ is laid out as the path a file goes down (README, "Layout"): a module per stage, and no
stage imports a later one, so a file never goes back to a stage it has left; only the build (and
check and add, which reuse its per-file load) wires the stages together. The manifest takes the
kinds of the one registry."""

import ast
from pathlib import Path

import pytest

from etl import manifest
from etl.kinds import REGISTRY
from tests.conftest import PROJECT

ETL = PROJECT / "etl"
# in the order a file passes them: load.py runs a kind's rows through cells, areas and validate;
# the kinds use it; store.py puts what a kind loaded into the warehouse
STAGES = ("read", "columns", "cells", "areas", "validate", "load", "kinds", "store")
WIRING = {"build", "check", "add"}


def etl_imports(path: Path) -> set[str]:
    """The etl modules a file imports, anywhere in it ("kinds.observations" counts as "kinds")."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module == "etl":
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("etl."):
            found.add(node.module.removeprefix("etl."))
        elif isinstance(node, ast.Import):
            found |= {a.name.removeprefix("etl.") for a in node.names if a.name.startswith("etl.")}
    return {name.split(".")[0] for name in found}


@pytest.mark.parametrize("stage", STAGES)
def test_no_stage_imports_a_later_stage_or_the_build(stage):
    files = sorted((ETL / "kinds").glob("*.py")) if stage == "kinds" else [ETL / f"{stage}.py"]
    later = set(STAGES[STAGES.index(stage) + 1 :]) | WIRING
    for path in files:
        assert not etl_imports(path) & later, path.relative_to(PROJECT)


def test_a_manifest_kind_is_one_of_the_registry(tmp_path):
    path = tmp_path / "sources.toml"
    path.write_text(
        '[[file]]\nid = "x"\npath = "x.csv"\nkind = "census"\ntitle = "x"\npublisher = "x"\n'
        'published = "2020-01-01"\nlicence = "x"\nsynthetic = false\n',
        encoding="utf-8",
    )
    with pytest.raises(manifest.ManifestError) as raised:
        manifest.load(path)
    assert f"kind 'census' is not one of {', '.join(REGISTRY)}" in str(raised.value)
    assert list(REGISTRY) == [
        "metrics", "regions", "observations", "observations_wide", "events", "umkm_register"
    ]  # fmt: skip
