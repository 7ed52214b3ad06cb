"""`python -m etl remove FILE-OR-NAME`: take a file that `etl add` added out of the manifest, the
warehouse and data/raw/agency/, as one transaction, the inverse of etl/add.py.

The file is named by its id ("2020_05_21_rekap"), its copy ("raw/agency/2020_05_21_rekap.csv"),
its name as added ("rekap.xlsx", the entry's title unless one was given), or the file itself (its
checksum as received). Only files `etl add` placed under data/raw/agency/ can be removed this way:
the shipped files are part of the project, changed by editing data/sources.toml in a commit.

Nothing changes unless all of it works: the new manifest (without the entry) is written beside
the old one, the warehouse is rebuilt from it and checked, and only then are the warehouse and the
manifest swapped and the copy deleted. A failed rebuild leaves the manifest, the copy and the
warehouse as they were; a removal that is killed is finished or rolled back by the next writer
(etl/journal.py). The whole removal holds the writer lock (etl/lock.py). With an actor, the
removal is written to the audit log: the file's name, checksum and the rows it had contributed.
"""

import hashlib
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb

from etl import journal, lock, manifest, read
from etl.add import carry_out
from etl.manifest import FileEntry
from etl.paths import data_dir as default_data_dir
from etl.paths import warehouse_path
from warehouse import audit, location

AGENCY = "raw/agency/"  # where `etl add` puts its copies (etl/add.py)


@dataclass(frozen=True)
class Added:
    """A file `etl add` added, as the page lists it: its entry and what it contributed."""

    entry: FileEntry
    rows_read: int | None
    rows_loaded: int | None
    rows_rejected: int | None


def added_files(data_dir: Path | None = None, warehouse: Path | None = None) -> list[Added]:
    """The files of the manifest that `etl add` added (under data/raw/agency/), with the rows
    each contributed to the warehouse now serving (None where it holds none)."""
    data_dir = data_dir or default_data_dir()
    warehouse = warehouse or warehouse_path()
    entries = [e for e in manifest.load(data_dir / "sources.toml") if removable(e)]
    counts = _rows(warehouse, [e.id for e in entries])
    return [Added(e, *counts.get(e.id, (None, None, None))) for e in entries]


def removable(entry: FileEntry) -> bool:
    """Whether `etl remove` takes this entry: a copy `etl add` made, not a shipped file."""
    return entry.path.startswith(AGENCY)


def remove(
    what: str,
    data_dir: Path | None = None,
    out=None,
    warehouse: Path | None = None,
    wait: float | None = None,
    actor: str | None = None,
) -> int:
    """Find the file, then take it out as one transaction (module docstring); the exit code of
    `python -m etl remove`. `wait`: seconds to wait for another writer (then LockTimeout)."""
    out = out or sys.stdout
    data_dir = data_dir or default_data_dir()
    warehouse = warehouse or warehouse_path()
    with lock.hold(warehouse, "etl remove", wait=wait) as first:
        if first:
            journal.recover(data_dir, warehouse)
        other = journal.pending(data_dir)
        if other:
            print(
                f"nothing removed: an interrupted {journal.describe(other)} into "
                f"{other['warehouse']} is pending in {data_dir}; finish it first with "
                f"PULIH_WAREHOUSE={other['warehouse']} python -m etl build",
                file=out,
            )
            return 1
        entries = manifest.load(data_dir / "sources.toml")
        found = _find(what, entries, out)
        if found is None:
            return 2
        if not removable(found):
            print(
                f"nothing removed: '{found.id}' ({found.path}) is a shipped file, not one "
                "`etl add` added; the shipped files change by editing data/sources.toml",
                file=out,
            )
            return 2
        rows = _rows(warehouse, [found.id]).get(found.id, (None, None, None))
        done = _commit(found, data_dir, warehouse, out)
        if done == 0 and actor:
            audit.record(
                "remove",
                actor,
                path=location.audit_path(warehouse),
                file=_logged_name(found),
                file_id=found.id,
                kind=found.kind,
                sha256=found.received_sha256 or None,
                rows_read=rows[0],
                rows_loaded=rows[1],
                rows_rejected=rows[2],
            )
        return done


def _find(what: str, entries: list[FileEntry], out) -> FileEntry | None:
    """The entry `what` names (module docstring); says why when none or several do."""
    path = Path(what)
    checksum = read.sha256(path) if path.is_file() else None
    named = [
        e
        for e in entries
        if what in (e.id, e.path, e.title, Path(e.path).name)
        or (checksum is not None and checksum == e.received_sha256)
    ]
    if len(named) == 1:
        return named[0]
    added = ", ".join(f"'{e.id}'" for e in entries if removable(e)) or "none"
    if not named:
        print(
            f"nothing removed: no file in the manifest is '{what}' (added files: {added})", file=out
        )
    else:
        ids = ", ".join(f"'{e.id}'" for e in named)
        print(f"nothing removed: '{what}' names several files ({ids}); give its id", file=out)
    return None


def _commit(entry: FileEntry, data_dir: Path, warehouse: Path, out) -> int:
    """Manifest without the entry, rebuild, swaps, copy deleted, in the order etl/journal.py
    describes; a failure puts everything back."""
    manifest_path = data_dir / "sources.toml"
    copy = data_dir / entry.path
    before = manifest_path.read_bytes().decode("utf-8")  # as it is, line ends included
    try:
        after = without(before, entry.id)
    except ValueError as e:
        print(f"nothing removed: {e}", file=out)
        return 1
    journal.begin(
        data_dir,
        {
            "op": "remove",
            "file_id": entry.id,
            "name": _logged_name(entry),
            "sha256": read.sha256(copy) if copy.is_file() else None,
            "copy": entry.path,
            "warehouse": str(warehouse.resolve()),
            "manifest_before": before,
            "manifest_after_sha256": hashlib.sha256(after.encode("utf-8")).hexdigest(),
        },
    )
    removed = f"removed '{entry.id}' ({entry.path}) from the manifest and the warehouse"
    return carry_out("remove", data_dir, warehouse, after, removed, "nothing was removed", out,
                     tidy=lambda: copy.unlink(missing_ok=True))  # fmt: skip


HEADER = re.compile(r"^\s*\[")  # a table or array-of-tables header: [x] or [[file]]


def without(text: str, file_id: str) -> str:
    """The manifest's text without the [[file]] entry of `file_id`; every other line as it was.
    The blank lines before the entry go with it (etl add wrote them), so removing the last file
    added gives back the manifest as it was before that add."""
    lines = text.splitlines(keepends=True)
    wanted = re.compile(rf"^\s*id\s*=\s*\"{re.escape(file_id)}\"\s*(#.*)?$")
    headers = [i for i, line in enumerate(lines) if HEADER.match(line)] + [len(lines)]
    for start, stop in zip(headers, headers[1:], strict=False):
        if lines[start].strip() != "[[file]]":
            continue
        if not any(wanted.match(line.rstrip("\r\n")) for line in lines[start:stop]):
            continue
        end = stop  # the entry's own lines end at its last key; comments after it stay
        while end > start + 1 and (
            not lines[end - 1].strip() or lines[end - 1].lstrip()[:1] == "#"
        ):
            end -= 1
        begin = start
        while begin > 0 and not lines[begin - 1].strip():
            begin -= 1
        # between two entries, the blank lines after this one keep its neighbours apart
        kept = "".join(lines[:begin] + lines[end:])
        return kept if kept.endswith("\n") else kept + "\n"
    raise ValueError(f"the manifest has no [[file]] entry with id '{file_id}'")


def _rows(warehouse: Path, ids: list[str]) -> dict[str, tuple]:
    """Rows read, loaded and rejected of each file id the warehouse holds."""
    if not ids or not warehouse.is_file():
        return {}
    try:
        con = duckdb.connect(str(warehouse), read_only=True)
    except duckdb.Error:
        return {}
    try:
        found = con.execute(
            "select file_id, rows_read, rows_loaded, rows_rejected from source_file "
            "where list_contains($ids, file_id)",
            {"ids": ids},
        ).fetchall()
    except duckdb.Error:
        return {}
    finally:
        con.close()
    return {file_id: tuple(counts) for file_id, *counts in found}


def _logged_name(entry: FileEntry) -> str:
    """The file's name for the audit log: as added (the title), or its copy's name when the
    title is not a short plain name the log takes."""
    title = entry.title
    if len(title) <= audit.MAX_TEXT and "@" not in title:
        return title
    return Path(entry.path).name
