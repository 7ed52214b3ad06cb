"""`python -m etl check FILE --kind KIND`: a dry run. The file is read exactly as the build would
read it, into an in-memory database holding the project's regions and metrics, and nothing is
written anywhere. Exit 0: every row would load; 1: some rows would be rejected; 2: the file
cannot be read at all."""

import json
import re
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

from etl import manifest, paths
from etl.build import BuildError, FileReport, load_file
from etl.kinds import REGISTRY
from etl.load import Context
from etl.read import brief
from etl.store import cleaned, masked_rejects, open_database
from warehouse import reasons

REFERENCE_KINDS = tuple(name for name, kind in REGISTRY.items() if kind.reference)
COUNTS = ("rows_read", "rows_loaded", "rows_rejected", "rows_partly", "rows_repeated",
          "figures_loaded", "cells_rejected")  # fmt: skip
FIGURE_KINDS = tuple(name for name, kind in REGISTRY.items() if kind.table == "observation")
SHOWN_REJECTS = 50  # on the terminal; --json lists every one


@dataclass
class CheckResult:
    file: str
    kind: str
    rows_read: int = 0
    rows_loaded: int = 0  # rows_read = rows_loaded + rows_rejected (see etl.load.Loaded)
    rows_rejected: int = 0
    rows_partly: int = 0
    rows_repeated: int = 0
    figures_loaded: int = 0
    cells_rejected: int = 0
    rejected: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # each a Reason where it has a template
    error: str | None = None  # the file cannot be read at all: why, in English
    # ... and the same as its template and values (warehouse/reasons.py; the values as JSON, as
    # the warehouse stores a reason's), for the dashboard to write it in the reader's language
    error_key: str | None = None
    error_args: str | None = None

    @property
    def exit_code(self) -> int:
        return 2 if self.error else (1 if self.rejected else 0)

    def to_json(self) -> str:
        body = asdict(self)
        if not self.error:
            for name in ("error", "error_key", "error_args"):
                body.pop(name)
        return json.dumps(body, ensure_ascii=False, indent=2)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "file"


def entry_for(path: Path, kind: str, sheet: str | None = None, **provenance) -> manifest.FileEntry:
    """A manifest entry for a file that has none yet."""
    return manifest.FileEntry(
        id=provenance.get("id") or slug(path.stem),
        path=str(path),
        kind=kind,
        title=provenance.get("title") or path.name,
        publisher=provenance.get("publisher") or "(not yet in the manifest)",
        outlet=provenance.get("outlet") or "",
        url=provenance.get("url") or "",
        published=provenance.get("published") or "",
        licence=provenance.get("licence") or "",
        synthetic=False,
        sheet=sheet,
        series=provenance.get("series") or slug(path.stem),
    )


def reference_context(data_dir: Path) -> Context:
    """The aliases, metrics and regions of the project, as the build knows them before it reads
    an agency's file (to resolve areas outside a build, e.g. for a screened copy)."""
    con = open_database(":memory:")
    try:
        ctx = Context.for_data(data_dir)
        for reference in manifest.load(data_dir / "sources.toml"):
            if reference.kind in REFERENCE_KINDS:
                load_file(con, data_dir, reference, ctx, [])
        return ctx
    finally:
        con.close()


@contextmanager
def loaded_in_memory(path: Path, kind: str, sheet: str | None = None, data_dir: Path | None = None):
    """The file loaded, with the project's regions and metrics, into an in-memory database:
    yields (connection, FileReport), or raises BuildError when the file cannot be read."""
    data_dir = data_dir or paths.data_dir()
    con = open_database(":memory:")
    try:
        ctx = Context.for_data(data_dir)
        for reference in manifest.load(data_dir / "sources.toml"):
            if reference.kind in REFERENCE_KINDS:
                load_file(con, data_dir, reference, ctx, [])
        yield con, load_file(con, data_dir, entry_for(path, kind, sheet), ctx, [])
    finally:
        con.close()


def check_file(
    path: Path, kind: str, sheet: str | None = None, data_dir: Path | None = None
) -> CheckResult:
    path = Path(path).resolve()
    try:
        with loaded_in_memory(path, kind, sheet, data_dir) as (con, report):
            return check_result(path.name, kind, report, masked_rejects(con), str(path))
    except BuildError as e:
        result = CheckResult(file=str(path.name), kind=kind)
        # the file's own reason, without the build's entry id (the file has no entry yet)
        if e.reason is not None and e.reason.key == reasons.IN_ENTRY:
            problem = e.reason.args["problem"]
        else:
            problem = str(e).split(": ", 1)[-1]
        result.error = str(problem)
        if isinstance(problem, reasons.Reason):
            result.error_key, result.error_args = problem.key, problem.encoded()
        return result


def check_result(
    name: str, kind: str, report: FileReport, rejects: list[tuple], source_file: str
) -> CheckResult:
    """What a load of the file (`report`, and the rejects stored beside it: source_file, line,
    column, value, reason, reason_key, reason_args) says: `etl check`'s verdict, and that of
    `etl add`, whose build is its check (etl/add.py)."""
    result = CheckResult(file=name, kind=kind)
    for count in COUNTS:
        setattr(result, count, getattr(report.loaded, count))
    # each note as stored: masked, and keeping its template (warehouse/reasons.py)
    result.warnings = [
        reasons.decoded(key, args) if key and args else text
        for text, key, args in map(cleaned, report.loaded.warnings)
    ]
    result.rejected = [
        {"line": line, "column": column, "value": value, "reason": reason,
         "reason_key": key, "reason_args": args}
        for file, line, column, value, reason, key, args in rejects
        if file == source_file
    ]  # fmt: skip
    if result.rows_read == 0:
        # a header and nothing under it (an export cut short): readable, but nothing to add
        refused = reasons.reason(reasons.NO_ROWS, name=name)
        result.error, result.error_key = str(refused), refused.key
        result.error_args = refused.encoded()
    return result


def print_result(result: CheckResult, out) -> None:
    if result.error:
        print(f"cannot be read: {result.error}", file=out)
        return
    print(f"{result.file} ({result.kind}): {counts(result)}", file=out)
    for r in result.rejected[:SHOWN_REJECTS]:
        column = f" column {r['column']}" if r["column"] else ""
        value = f" value {brief(r['value'])}" if r["value"] is not None else ""
        print(f"  line {r['line']}{column}{value}: {r['reason']}", file=out)
    if len(result.rejected) > SHOWN_REJECTS:
        print(
            f"  ... and {len(result.rejected) - SHOWN_REJECTS:,} more (--json lists them all)",
            file=out,
        )
    for w in result.warnings:
        print(f"  warning: {w}", file=out)


def counts(result: CheckResult) -> str:
    """'3 rows read, 2 would load (1 of them partly: 1 cell rejected), 1 would be rejected; 3
    figures would load': read = would load + would be rejected, always."""
    of_them = []
    if result.rows_partly:
        cells = f"{result.cells_rejected} cell{'s' if result.cells_rejected != 1 else ''}"
        of_them.append(f"{result.rows_partly} of them partly: {cells} rejected")
    if result.rows_repeated:
        one = result.rows_repeated == 1
        of_them.append(
            f"{result.rows_repeated} of them repeat{'s' if one else ''} an earlier line and "
            f"load{'s' if one else ''} once"
        )
    text = f"{result.rows_read} rows read, {result.rows_loaded} would load"
    text += f" ({'; '.join(of_them)})" if of_them else ""
    text += f", {result.rows_rejected} would be rejected"
    if result.kind in FIGURE_KINDS:
        text += f"; {result.figures_loaded} figure{'s' if result.figures_loaded != 1 else ''} "
        text += "would load"
    return text
