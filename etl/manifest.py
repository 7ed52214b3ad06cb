"""The manifest, data/sources.toml: every input file with its kind and provenance, in the order
the build loads them. An entry's kind is one of the registry of kinds (etl/kinds)."""

import datetime as dt
import tomllib
from dataclasses import dataclass
from pathlib import Path

from etl.kinds import REGISTRY

REQUIRED = ("id", "path", "kind", "title", "publisher", "published", "licence", "synthetic")


class ManifestError(ValueError):
    """The manifest cannot be used as written; the message says where and how to fix it."""


@dataclass(frozen=True)
class FileEntry:
    id: str
    path: str
    kind: str
    title: str
    publisher: str
    outlet: str
    url: str
    published: str
    licence: str
    synthetic: bool
    basis: str = "workplace"  # the basis of figures whose rows do not say (wide tables)
    sheet: str | None = None  # for a workbook: the sheet to read (default: the first)
    series: str = ""  # releases of one series are vintages of each other (default: the id)
    received_sha256: str = ""  # `etl add`: the checksum of the file as received (before screening)

    @property
    def vintage(self) -> dt.date | None:
        """The release date: the publication date, or the end of a from/to range."""
        try:
            return dt.date.fromisoformat(self.published.split("/")[-1][:10])
        except ValueError:
            return None


def load(path: Path) -> list[FileEntry]:
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        raise ManifestError(f"{path}: manifest not found") from e
    except tomllib.TOMLDecodeError as e:
        raise ManifestError(f"{path}: not valid TOML ({e}); fix the syntax at that place") from e

    entries, seen = [], set()
    for n, raw in enumerate(doc.get("file", []), start=1):
        where = f"{path}: [[file]] number {n} ({raw.get('id', 'no id')})"
        missing = [key for key in REQUIRED if key not in raw]
        if missing:
            raise ManifestError(f"{where}: missing {', '.join(missing)}; add them to the entry")
        if raw["kind"] not in REGISTRY:
            raise ManifestError(
                f"{where}: kind '{raw['kind']}' is not one of {', '.join(REGISTRY)}"
            )
        if not isinstance(raw["synthetic"], bool):
            raise ManifestError(f"{where}: synthetic must be true or false")
        if raw["id"] in seen:
            raise ManifestError(f"{where}: id '{raw['id']}' is used twice; ids must be unique")
        seen.add(raw["id"])
        entries.append(
            FileEntry(
                id=raw["id"],
                path=raw["path"],
                kind=raw["kind"],
                title=raw["title"],
                publisher=raw["publisher"],
                outlet=raw.get("outlet", ""),
                url=raw.get("url", ""),
                published=str(raw["published"]),
                licence=raw["licence"],
                synthetic=raw["synthetic"],
                basis=raw.get("basis", "workplace"),
                sheet=raw.get("sheet"),
                series=raw.get("series", raw["id"]),
                received_sha256=raw.get("received_sha256", ""),
            )
        )
    if not entries:
        raise ManifestError(f"{path}: no [[file]] entries")
    return entries
