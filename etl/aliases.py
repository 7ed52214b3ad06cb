"""The spelling tables under data/aliases/, which an analyst edits without touching code: how
they are read (read_rows), and the normalised form every written name is matched on (norm: lower
case, anything but letters and digits made a single space).

What each table means lives with the stage that uses it: columns.csv in etl/columns.py (ColumnMap),
regions.csv in etl/areas.py (RegionResolver). The closed vocabularies, sectors.csv and
platforms.csv, are here (Vocabulary): the register maps its free-text sector and platform through
them, so that no name can ride along in a kept cell.
"""

import csv
import re
from dataclasses import dataclass
from pathlib import Path


def norm(text) -> str:
    """'Kec. Karawaci' -> 'kec karawaci'."""
    return re.sub(r"[^a-z0-9]+", " ", str(text).lower()).strip()


def read_rows(path: Path) -> list[dict]:
    """The rows of an alias table (a CSV whose lines starting with # are comments)."""
    with path.open(encoding="utf-8") as f:
        return [r for r in csv.DictReader(line for line in f if not line.startswith("#"))]


@dataclass
class Vocabulary:
    """A closed list of values (data/aliases/sectors.csv, platforms.csv): a written value maps to
    its canonical form, anything else to `other` ("lainnya")."""

    values: dict[str, str]
    other: str = "lainnya"

    @classmethod
    def load(cls, path: Path) -> "Vocabulary":
        if not path.exists():
            return cls({})
        return cls({norm(r["alias"]): r[path.stem.removesuffix("s")] for r in read_rows(path)})

    def get(self, written: str) -> tuple[str, bool]:
        """(canonical value, known?): the whole value, else its first word ("kerajinan – batik"
        is kerajinan, "makanan ringan" kuliner), else `other`."""
        key = norm(written)
        first = key.split(" ")[0] if key else ""
        for candidate in (key, first):
            if candidate in self.values:
                return self.values[candidate], True
        return self.other, False
