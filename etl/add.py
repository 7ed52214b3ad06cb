"""`python -m etl add FILE --kind KIND --publisher ... --url ... --published YYYY-MM-DD`: keep a
screened copy of a file under data/raw/agency/ (etl/screen.py: no personal data), add its manifest
entry, and rebuild, as one transaction. The file as received is kept only where the operator
chooses (--keep-original: outside the project, or the git-ignored data/received/).

Nothing changes unless everything works: a file whose content the warehouse already holds is not
added again; a file that cannot be read, or that has rejected rows (unless --accept-rejects), is
refused with the reasons; a rebuild that fails, or an add that is killed at any point, is rolled
back (or, once the new warehouse is in place, finished) so that the warehouse, the manifest and
data/raw/agency/ agree. The steps and how an interrupted add is completed: etl/journal.py. The
whole add holds the writer lock (etl/lock.py).

One module (about 390 lines) for one transaction: the duplicate check, the verdict, the commit
and the kept copies are the steps of the same add and read top to bottom in the order they run.
"""

import datetime as dt
import hashlib
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

import duckdb

from etl import journal, lock, manifest, paths, pause, read, screen
from etl.build import BuildError, BuildReport, build
from etl.check import check_result, print_result, reference_context, slug
from etl.summary import print_summary
from warehouse import audit, location, reasons


def add(
    path: Path,
    kind: str,
    publisher: str,
    url: str,
    published: str,
    licence: str = "figures as published by the agency",
    title: str | None = None,
    series: str | None = None,
    sheet: str | None = None,
    accept_rejects: bool = False,
    data_dir: Path | None = None,
    out=None,
    warehouse: Path | None = None,
    keep_original: Path | None = None,
    wait: float | None = None,
    actor: str | None = None,
) -> int:
    """Check, screen, copy, list and rebuild (module docstring); the exit code of `python -m etl
    add`. `wait`: seconds to wait for another writer (default PULIH_LOCK_TIMEOUT); after it,
    LockTimeout. With `actor` (the command line's "cli:<os user>", the upload page's signed-in
    account), a file added is written to the audit log beside the warehouse: its name, checksum
    and rows, no value of it."""
    out = out or sys.stdout
    data_dir = data_dir or paths.data_dir()
    warehouse = warehouse or paths.warehouse_path()
    path = Path(path)
    try:
        dt.date.fromisoformat(published)
    except ValueError:
        print(
            f"--published '{published}' is not a date: write YYYY-MM-DD, e.g. 2020-05-28", file=out
        )
        return 2
    if not path.is_file():
        print(f"{path.name}: no such file", file=out)
        return 2
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    with lock.hold(warehouse, "etl add", wait=wait) as first:
        if first:
            journal.recover(data_dir, warehouse)
        other = journal.pending(data_dir)
        if other:
            print(
                f"nothing added: an interrupted {journal.describe(other)} into "
                f"{other['warehouse']} is pending in {data_dir}; finish it first with "
                f"PULIH_WAREHOUSE={other['warehouse']} python -m etl build",
                file=out,
            )
            return 1
        entries = manifest.load(data_dir / "sources.toml")
        checksum = read.sha256(path)
        known = _known(path, checksum, entries, data_dir, warehouse, out)
        if known is not None:
            return known

        file_id = _unique(slug(f"{published}_{path.stem}"), {e.id for e in entries})
        entry = {
            "id": file_id,
            "path": f"raw/agency/{file_id}.csv",
            "kind": kind,
            "title": title or path.name,
            "publisher": publisher,
            "outlet": publisher,
            "url": url,
            "published": published,
            "licence": licence,
            "synthetic": False,
            "series": series or f"{slug(publisher)}:{kind}",
            "received_sha256": checksum,  # the file as received; the copy is screened
        }
        with tempfile.TemporaryDirectory(prefix="pulih-add-") as scratch:
            screened = Path(scratch) / "screened.csv"
            try:
                original = _original_folder(keep_original, data_dir)
            except OSError as e:
                print(f"nothing added: {e}", file=out)
                return 1
            try:
                screen.screened_copy(path, kind, sheet, reference_context(data_dir), screened)
            except read.FileError as e:
                print(f"cannot be read: {e.reason}\nnothing added", file=out)
                return 2
            except OSError as e:
                print(f"nothing added: {e}", file=out)
                return 1
            # the check is the build's own load of the file (one load): its verdict decides
            # before the swap whether the add goes on
            verdict = Verdict(path.name, kind, file_id, accept_rejects, out)
            done = _commit(screened, path.name, entry, data_dir, warehouse, out, verdict)
            if done == 0 and original is not None:
                _keep_original(path, original, file_id, out)
            if done == 0 and actor:
                _record(actor, path.name, entry, warehouse)
            return done


class Verdict:
    """What `etl check` would say of the file added, worked out from the build that loads it
    (its FileReport and the rejects in the new warehouse), so that the file is loaded once: the
    add's check and its build are the same load. Printed as `etl check` prints it; an exit code
    when the add must stop before the swap (2: it cannot be read, 1: rows rejected and
    --accept-rejects not given), None when it goes on."""

    def __init__(self, name: str, kind: str, file_id: str, accept_rejects: bool, out):
        self.name, self.kind, self.file_id = name, kind, file_id
        self.accept_rejects, self.out = accept_rejects, out

    def __call__(self, report: BuildReport) -> int | None:
        assert report.built is not None
        added = next(f for f in report.files if f.entry.id == self.file_id)
        with duckdb.connect(str(report.built), read_only=True) as con:
            rejects = con.execute(
                'select source_file, line, "column", value, reason, reason_key, reason_args '
                'from rejected where source_file = $path order by line, "column"',
                {"path": added.entry.path},
            ).fetchall()
        result = check_result(self.name, self.kind, added, rejects, added.entry.path)
        print_result(result, self.out)
        if result.exit_code == 2:
            print("nothing added", file=self.out)
            return 2
        if result.rejected and not self.accept_rejects:
            print(
                "nothing added: fix the rows above, or pass --accept-rejects to load the rest",
                file=self.out,
            )
            return 1
        return None

    def unreadable(self, error: BuildError) -> int | None:
        """2 when the build stopped on the file added itself (it cannot be read as its kind)."""
        reason = error.reason
        if reason is None or reason.key != reasons.IN_ENTRY:
            return None
        if reason.args.get("entry") != self.file_id:
            return None
        print(f"cannot be read: {reason.args['problem']}\nnothing added", file=self.out)
        return 2


def _record(actor: str, name: str, entry: dict, warehouse: Path) -> None:
    """The audit line of a file added: counts from the warehouse now serving it."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        found = con.execute(
            "select rows_read, rows_loaded, rows_rejected from source_file where file_id = $id",
            {"id": entry["id"]},
        ).fetchone()
    rows_read, rows_loaded, rows_rejected = found or (None, None, None)
    audit.record(
        "add",
        actor,
        path=location.audit_path(warehouse),
        file=name,
        file_id=entry["id"],
        kind=entry["kind"],
        sha256=entry["received_sha256"],
        rows_read=rows_read,
        rows_loaded=rows_loaded,
        rows_rejected=rows_rejected,
    )


def _known(path: Path, checksum: str, entries, data_dir: Path, warehouse: Path, out) -> int | None:
    """The exit code when the file's content is known already: held by the warehouse (and listed
    in the manifest), or listed in the manifest but not yet in the warehouse (then it is loaded
    by a rebuild). None when it is new."""
    held = _held_as(warehouse, checksum)
    # the project keeps a screened copy: a file added before is known by its received checksum
    received = next((e for e in entries if e.received_sha256 == checksum), None)
    if received is not None and journal.holds(warehouse, received.id):
        held = (received.id, received.path)
    if held and held[0] in {e.id for e in entries}:
        print(
            f"{path.name}: the same content is already loaded as '{held[0]}' ({held[1]}); "
            "nothing added",
            file=out,
        )
        return 0
    listed = next(
        (
            e
            for e in entries
            if (data_dir / e.path).is_file() and read.sha256(data_dir / e.path) == checksum
        ),
        None,
    )
    if listed is None:
        return None
    print(
        f"{path.name}: the same content is listed in the manifest as '{listed.id}' "
        f"({listed.path}) but not in the warehouse: rebuilding to load it",
        file=out,
    )
    try:
        report = build(data_dir, warehouse)
    except (BuildError, manifest.ManifestError) as e:
        print(f"the rebuild failed: {e}", file=out)
        return 1
    print_summary(report, out)
    return 0


def _commit(
    path: Path, name: str, entry: dict, data_dir: Path, warehouse: Path, out, verdict: Verdict
) -> int:
    """Copy (the screened file at `path`), manifest entry and rebuild as one transaction, in the
    order etl/journal.py describes; a failure rolls it back."""
    checksum = read.sha256(path)
    manifest_path = data_dir / "sources.toml"
    target = data_dir / entry["path"]
    before = manifest_path.read_bytes().decode("utf-8")  # as it is, line ends included
    after = before.rstrip("\n") + "\n\n" + _toml(entry)
    journal.begin(
        data_dir,
        {
            "file_id": entry["id"],
            "name": name,
            "sha256": checksum,
            "copy": entry["path"],
            "warehouse": str(warehouse.resolve()),
            "manifest_before": before,
            "manifest_after_sha256": hashlib.sha256(after.encode("utf-8")).hexdigest(),
        },
    )
    added = f"added {name} as '{entry['id']}' -> {entry['path']}"

    def put_in_place() -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        journal.copy_durably(path, target)
        pause.point("add:copied")

    return carry_out(
        "add", data_dir, warehouse, after, added, "nothing was added", out,
        prepare=put_in_place, judge=verdict, unreadable=verdict.unreadable,
    )  # fmt: skip


def carry_out(
    op: str,
    data_dir: Path,
    warehouse: Path,
    after: str,
    done: str,
    undone: str,
    out,
    prepare=lambda: None,
    tidy=lambda: None,
    judge=lambda report: None,
    unreadable=lambda error: None,
) -> int:
    """The journaled steps an add and a removal share, in the order etl/journal.py describes,
    once journal.begin has recorded the change: `prepare` (the add puts its copy in place), the
    new manifest (`after`) written beside the old, a rebuild checked, the warehouse swapped, then
    the manifest, then `tidy` (the removal deletes its copy). A failure before the warehouse swap
    puts everything back; after it, the change is finished. Stopping points (etl/pause.py) are
    named "<op>:journal", "<op>:manifest", ... for the tests that kill it midway. `judge` sees
    the checked build before the swap and may stop the change with an exit code (the add's
    check); `unreadable` may give the exit code of a build that failed. The exit code: 0
    carried out (`done` is printed), else put back (1, or the code `judge` or `unreadable` gave;
    `undone` says what did not happen)."""
    manifest_path, new_manifest = data_dir / "sources.toml", journal.new_manifest(data_dir)
    try:
        pause.point(f"{op}:journal")
        prepare()
        journal.write_durably(new_manifest, after)
        pause.point(f"{op}:manifest")
        report = build(data_dir, warehouse, new_manifest, swap=False)
        pause.point(f"{op}:built")
        assert report.built is not None  # swap=False leaves the checked file for the caller
        stop = judge(report)
        if stop is not None:
            journal.recover(data_dir, warehouse, say=False)  # the new file goes, all as it was
            return stop
        os.replace(report.built, warehouse)  # from here on the change is done: it is finished
        pause.point(f"{op}:swapped")
        os.replace(new_manifest, manifest_path)
        tidy()
        pause.point(f"{op}:committed")
        journal.end(data_dir)
    except (BuildError, manifest.ManifestError, OSError) as e:
        if journal.recover(data_dir, warehouse, say=False) == "finished":
            print(done, file=out)
            return 0
        if isinstance(e, BuildError) and (code := unreadable(e)) is not None:
            return code
        print(f"the rebuild failed, {undone}: {e}", file=out)
        return 1
    except BaseException:  # Ctrl-C: put it back (or finish it) before going
        journal.recover(data_dir, warehouse)
        raise
    print(done, file=out)
    print_summary(report, out)
    return 0


RECEIVED = "received"  # data/received/: git-ignored, for originals kept inside the project


def _original_folder(folder: Path | None, data_dir: Path) -> Path | None:
    """Where the file as received is to be kept, with its personal data, as the operator chose:
    a folder outside the project, or the git-ignored data/received/; never anywhere git would
    commit it (OSError, before anything is done)."""
    if folder is None:
        return None
    folder = Path(folder).resolve()
    project = paths.PROJECT.resolve()
    allowed = folder == (data_dir / RECEIVED).resolve() or not folder.is_relative_to(project)
    if not allowed:
        raise OSError(
            f"--keep-original {folder.name}: the original holds personal data; keep it outside "
            f"the project or in data/{RECEIVED}/ (git-ignored), never where git would commit it"
        )
    return folder


def _keep_original(path: Path, folder: Path, file_id: str, out) -> None:
    """The file as received, kept once it is added (_original_folder said where)."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, folder / f"{file_id}{path.suffix.lower()}")
    print(f"the file as received is kept in {folder} (it holds personal data)", file=out)


def _held_as(warehouse: Path, checksum: str) -> tuple[str, str] | None:
    """The id and path under which the warehouse holds a file of this content, if it does."""
    if not warehouse.is_file():
        return None
    try:
        con = duckdb.connect(str(warehouse), read_only=True)
    except duckdb.Error:
        return None
    try:
        return con.execute(
            "select file_id, path from source_file where sha256 = $sha "
            "order by duplicate_of is not null, file_id limit 1",
            {"sha": checksum},
        ).fetchone()
    except duckdb.Error:
        return None
    finally:
        con.close()


def _unique(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}_{n}", n + 1
    return candidate


def _toml(entry: dict) -> str:
    lines = ["[[file]]"]
    for key, value in entry.items():
        # a JSON string is a valid TOML basic string; booleans are written as TOML spells them
        lines.append(
            f"{key} = {str(value).lower() if isinstance(value, bool) else json.dumps(value)}"
        )
    return "\n".join(lines) + "\n"
