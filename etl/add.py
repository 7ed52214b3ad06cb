"""`python -m etl add FILE --kind KIND --publisher ... --url ... --published YYYY-MM-DD`: copy a
file under data/raw/agency/, add its manifest entry, and rebuild.

Nothing changes unless everything works: a file whose content is already in the manifest is not
added again; a file that cannot be read, or that has rejected rows (unless --accept-rejects), is
refused with the reasons; a rebuild that fails puts the manifest back and removes the copy, so the
warehouse, the manifest and data/raw/ stay as they were.
"""

import datetime as dt
import json
import shutil
import sys
from pathlib import Path

from etl import manifest, paths, readers, screen
from etl.build import BuildError, build, print_summary
from etl.check import check_file, print_result, reference_context, slug


class AddError(ValueError):
    pass


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
    keep_original: Path | None = None,
) -> int:
    out = out or sys.stdout
    data_dir = data_dir or paths.data_dir()
    path = Path(path)
    try:
        dt.date.fromisoformat(published)
    except ValueError:
        print(
            f"--published '{published}' is not a date: write YYYY-MM-DD, e.g. 2020-05-28", file=out
        )
        return 2
    manifest_path = data_dir / "sources.toml"
    entries = manifest.load(manifest_path)
    if not path.is_file():
        print(f"{path.name}: no such file", file=out)
        return 2
    checksum = readers.sha256(path)
    for e in entries:
        existing = data_dir / e.path
        # the project keeps a screened copy: the file as received is known by its checksum
        if e.received_sha256 == checksum or (
            existing.is_file() and readers.sha256(existing) == checksum
        ):
            print(
                f"{path.name}: the same content is already loaded as '{e.id}' ({e.path}); "
                "nothing added",
                file=out,
            )
            return 0

    result = check_file(path, kind, sheet, data_dir)
    print_result(result, out)
    if result.exit_code == 2:
        print("nothing added", file=out)
        return 2
    if result.rejected and not accept_rejects:
        print(
            "nothing added: fix the rows above, or pass --accept-rejects to load the rest", file=out
        )
        return 1

    ids = {e.id for e in entries}
    file_id = _unique(slug(f"{published}_{path.stem}"), ids)
    target = data_dir / "raw" / "agency" / f"{file_id}.csv"
    target.parent.mkdir(parents=True, exist_ok=True)
    before = manifest_path.read_text(encoding="utf-8")
    entry = {
        "id": file_id,
        "path": target.relative_to(data_dir).as_posix(),
        "kind": kind,
        "title": title or path.name,
        "publisher": publisher,
        "outlet": publisher,
        "url": url,
        "published": published,
        "licence": licence,
        "synthetic": False,
        "series": series or f"{slug(publisher)}:{kind}",
        "received_sha256": checksum,
    }
    try:
        # the project keeps the file as Pulih reads it, without personal data (etl/screen.py);
        # the file as received is kept only where the operator chose (--keep-original)
        screen.screened_copy(path, kind, sheet, reference_context(data_dir), target)
        if keep_original is not None:
            _keep_original(path, keep_original, file_id, data_dir, out)
        manifest_path.write_text(before.rstrip("\n") + "\n\n" + _toml(entry), encoding="utf-8")
        report = build(data_dir)
    except (BuildError, manifest.ManifestError, OSError) as e:
        manifest_path.write_text(before, encoding="utf-8")
        target.unlink(missing_ok=True)
        print(f"the rebuild failed, nothing was added: {e}", file=out)
        return 1
    print(f"added {path.name} as '{file_id}' -> {entry['path']}", file=out)
    print_summary(report, out)
    return 0


RECEIVED = "received"  # data/received/: git-ignored, for originals kept inside the project


def _keep_original(path: Path, folder: Path, file_id: str, data_dir: Path, out) -> None:
    """The file as received, with its personal data, where the operator chose: a folder outside
    the project, or the git-ignored data/received/. Never anywhere git would commit it."""
    folder = Path(folder).resolve()
    project = paths.PROJECT.resolve()
    allowed = folder == (data_dir / RECEIVED).resolve() or not folder.is_relative_to(project)
    if not allowed:
        raise OSError(
            f"--keep-original {folder.name}: the original holds personal data; keep it outside "
            f"the project or in data/{RECEIVED}/ (git-ignored), never where git would commit it"
        )
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, folder / f"{file_id}{path.suffix.lower()}")
    print(f"the file as received is kept in {folder} (it holds personal data)", file=out)


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
