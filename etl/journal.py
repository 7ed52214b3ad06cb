"""The journal of an `etl add` in progress: data/.add-journal.json (git-ignored).

`etl add` changes three things that must agree: the warehouse, the manifest (data/sources.toml)
and the copy under data/raw/agency/. It writes this journal first and removes it last, and in
between takes its steps in an order that keeps every state recoverable:

1. the journal (what is being added, the manifest before, the checksum of the manifest after);
2. the copy under data/raw/agency/;
3. the new manifest, beside the old one (data/sources.toml.add-tmp);
4. a build from the new manifest into <warehouse>.tmp, checked (etl/build.py);
5. the swap of the warehouse; then 6. the swap of the manifest; then 7. the journal goes.

A killed add leaves the journal behind. The next writer of the same warehouse (build, add or
demo, each holding the writer lock) reads it before anything else and decides by the warehouse
alone: if the warehouse holds the file (its id with its checksum), the add got past step 5 and is
finished (the new manifest is swapped in); otherwise it is rolled back (the copy, the new manifest
and any .tmp are removed, the manifest is as it was). Either way the three agree again, and
running the add again completes it.

`etl remove` (etl/remove.py) writes the same journal with "op": "remove" and takes the inverse
steps: 1. the journal; 2. the new manifest without the file's entry, beside the old one; 3. a build
from it into <warehouse>.tmp, checked; 4. the swap of the warehouse; 5. the swap of the manifest;
6. the copy under data/raw/agency/ goes; 7. the journal goes. The next writer decides by the
warehouse alone again: if it no longer holds the file, the removal got past step 4 and is finished
(the new manifest swapped in, the copy removed); otherwise it is rolled back (the new manifest and
any .tmp removed; the copy was never touched before step 4).
"""

import datetime as dt
import hashlib
import json
import os
import sys
from pathlib import Path

import duckdb

from warehouse import location

# the journal's and the new manifest's names are shared: the read side's export refuses them too
from warehouse.health import one_row
from warehouse.location import JOURNAL, NEW_MANIFEST

FIELDS = (
    "file_id",
    "name",
    "sha256",
    "copy",
    "warehouse",
    "manifest_before",
    "manifest_after_sha256",
)


class JournalError(RuntimeError):
    """An interrupted add that cannot be finished or rolled back safely; the message says why
    and what to do."""


def journal_path(data_dir: Path) -> Path:
    return data_dir / JOURNAL


def new_manifest(data_dir: Path) -> Path:
    return data_dir / NEW_MANIFEST


def begin(data_dir: Path, record: dict) -> None:
    record = {**record, "pid": os.getpid(), "started": dt.datetime.now().isoformat()}
    tmp = journal_path(data_dir).with_name(JOURNAL + ".tmp")
    write_durably(tmp, json.dumps(record, indent=1, ensure_ascii=False))
    os.replace(tmp, journal_path(data_dir))
    _sync_folder(data_dir)


def end(data_dir: Path) -> None:
    journal_path(data_dir).unlink(missing_ok=True)
    _sync_folder(data_dir)


def pending(data_dir: Path) -> dict | None:
    """The journal of an interrupted add in this data folder, if there is one."""
    try:
        text = journal_path(data_dir).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    try:
        record = json.loads(text)
        missing = [key for key in FIELDS if key not in record]
    except (json.JSONDecodeError, TypeError):
        record, missing = None, ["all"]
    if missing:
        raise JournalError(
            f"{journal_path(data_dir)} is not a journal `etl add` wrote (missing "
            f"{', '.join(missing)}); it is only ever written whole, so something else changed "
            "it. Check data/sources.toml and data/raw/agency/ by hand, delete the journal and "
            "run python -m etl build"
        )
    return record


def for_warehouse(record: dict, warehouse: Path) -> bool:
    return Path(record["warehouse"]) == warehouse.resolve()


def removing(record: dict) -> bool:
    """Whether the journal is of an `etl remove` (else of an `etl add`)."""
    return record.get("op") == "remove"


def describe(record: dict) -> str:
    command = "etl remove" if removing(record) else "etl add"
    return f"`{command}` of {record['name']} ('{record['file_id']}')"


def recover(data_dir: Path, warehouse: Path, err=None, say: bool = True) -> str | None:
    """Finish or roll back an add into `warehouse` that was interrupted; the caller holds the
    writer lock of `warehouse`. Returns "finished", "rolled back" or None (nothing to do), and
    says which on `err` (stderr) unless told not to."""
    err = err or sys.stderr

    def tell(message: str) -> None:
        if say:
            print(message, file=err)

    record = pending(data_dir)
    if record is None:
        return None
    if not for_warehouse(record, warehouse):
        tell(
            f"note: an interrupted {describe(record)} into {record['warehouse']} is pending in "
            f"{data_dir}; the next writer of that warehouse finishes or rolls it back"
        )
        return None
    if removing(record):
        return _recover_removal(data_dir, warehouse, record, tell)
    if holds(warehouse, record["file_id"], record["sha256"]):
        _finish(data_dir, record)
        tell(
            f"finished an interrupted {describe(record)}: the warehouse held it already, and "
            "the manifest now lists it"
        )
        return "finished"
    _roll_back(data_dir, warehouse, record)
    tell(
        f"rolled back an interrupted {describe(record)}: the warehouse did not hold it yet, so "
        "its copy and its manifest entry were removed; run the add again to load it"
    )
    return "rolled back"


def _recover_removal(data_dir: Path, warehouse: Path, record: dict, tell) -> str:
    if not holds(warehouse, record["file_id"], record["sha256"]):
        _swap_in_new_manifest(data_dir, record)
        (data_dir / record["copy"]).unlink(missing_ok=True)
        new_manifest(data_dir).unlink(missing_ok=True)
        end(data_dir)
        tell(
            f"finished an interrupted {describe(record)}: the warehouse no longer held it, so "
            "its manifest entry and its copy were removed"
        )
        return "finished"
    _drop_new_build(data_dir, warehouse)
    _put_manifest_back(data_dir, record)
    end(data_dir)
    tell(
        f"rolled back an interrupted {describe(record)}: the warehouse still held it, so it is "
        "listed and kept as before; run the removal again to remove it"
    )
    return "rolled back"


def holds(warehouse: Path, file_id: str, sha256: str | None = None) -> bool:
    """Whether the warehouse holds this file: its id (with this checksum, when given)."""
    if not warehouse.is_file():
        return False
    try:
        con = duckdb.connect(str(warehouse), read_only=True)
    except duckdb.Error:
        return False
    try:
        (found,) = one_row(
            con,
            "select count(*) from source_file where file_id = $id "
            "and ($sha is null or sha256 = $sha)",
            {"id": file_id, "sha": sha256},
        )
    except duckdb.Error:
        return False
    finally:
        con.close()
    return found > 0


def _finish(data_dir: Path, record: dict) -> None:
    _swap_in_new_manifest(data_dir, record)
    new = new_manifest(data_dir)
    copy = data_dir / record["copy"]
    if not copy.is_file() or _sha256(copy) != record["sha256"]:
        raise JournalError(
            f"cannot finish the interrupted {describe(record)}: the warehouse and the manifest "
            f"list it but its copy {copy} is missing or changed. Copy the file there again, "
            f"delete {journal_path(data_dir)}, and run python -m etl build"
        )
    new.unlink(missing_ok=True)
    end(data_dir)


def _roll_back(data_dir: Path, warehouse: Path, record: dict) -> None:
    _drop_new_build(data_dir, warehouse)
    _put_manifest_back(data_dir, record)
    (data_dir / record["copy"]).unlink(missing_ok=True)
    end(data_dir)


def _swap_in_new_manifest(data_dir: Path, record: dict) -> None:
    """The manifest after the change, if it is not in place yet (the warehouse has the change)."""
    manifest, new = data_dir / "sources.toml", new_manifest(data_dir)
    if _sha256(manifest) == record["manifest_after_sha256"]:
        return
    if not new.is_file() or _sha256(new) != record["manifest_after_sha256"]:
        fix = (
            f"Remove the entry '{record['file_id']}' from {manifest} by hand, delete "
            f"{data_dir / record['copy']}"
            if removing(record)
            else f"Add its entry to {manifest} by hand (path {record['copy']})"
        )
        raise JournalError(
            f"cannot finish the interrupted {describe(record)}: the warehouse has the change, "
            f"but neither {manifest} nor {new} is the manifest after it (was the manifest edited "
            f"meanwhile?). {fix}, delete {journal_path(data_dir)}, and run python -m etl build"
        )
    os.replace(new, manifest)
    _sync_folder(data_dir)


def _drop_new_build(data_dir: Path, warehouse: Path) -> None:
    tmp = location.new_build(warehouse)
    for leftover in (tmp, location.wal(tmp), new_manifest(data_dir)):
        leftover.unlink(missing_ok=True)


def _put_manifest_back(data_dir: Path, record: dict) -> None:
    """The manifest as it was before the change (the warehouse does not have the change)."""
    manifest = data_dir / "sources.toml"
    current = _sha256(manifest)
    if current == record["manifest_after_sha256"]:  # never by the commands' own order
        write_durably(new_manifest(data_dir), record["manifest_before"])
        os.replace(new_manifest(data_dir), manifest)
    elif current != hashlib.sha256(record["manifest_before"].encode("utf-8")).hexdigest():
        raise JournalError(
            f"cannot roll back the interrupted {describe(record)}: {manifest} is neither the "
            f"manifest before the change nor after it (was it edited meanwhile?). Check it by "
            f"hand, make sure {data_dir / record['copy']} is there exactly when it is listed, "
            f"delete {journal_path(data_dir)}, and run python -m etl build"
        )


def write_durably(path: Path, text: str) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())


def copy_durably(source: Path, target: Path) -> None:
    with source.open("rb") as src, target.open("wb") as dst:
        while chunk := src.read(1 << 20):
            dst.write(chunk)
        dst.flush()
        os.fsync(dst.fileno())


def _sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


def _sync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
