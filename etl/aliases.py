"""Names as people type them -> the codes Pulih uses: column headers and areas.

The tables live in data/aliases/ so an analyst can add a spelling without touching code. Matching
is on a normalised form: lower case, anything but letters and digits made a single space.
"""

import csv
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path


def norm(text) -> str:
    return re.sub(r"[^a-z0-9]+", " ", str(text).lower()).strip()


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [r for r in csv.DictReader(line for line in f if not line.startswith("#"))]


@dataclass(frozen=True)
class Column:
    name: str  # canonical column, or "metric:<code>" for a figure column of a wide table
    level: str | None = None  # for an area column: the level its names are at


@dataclass
class ColumnMap:
    aliases: dict[str, Column]

    @classmethod
    def load(cls, path: Path) -> "ColumnMap":
        aliases = {}
        for r in _rows(path):
            aliases[norm(r["alias"])] = Column(r["column"], r.get("level") or None)
        return cls(aliases)

    def add_metrics(self, codes) -> None:
        """Every catalogued metric code also heads its own column in a wide table."""
        for code in codes:
            self.aliases.setdefault(norm(code), Column(f"metric:{code}"))

    def examples(self, name: str, n: int = 2) -> list[str]:
        """Headers people use for a column, for messages ('Tanggal', 'Periode')."""
        return [
            alias
            for alias, column in self.aliases.items()
            if column.name == name and alias != norm(name)
        ][:n]

    def get(self, header, wanted: set[str] = frozenset()) -> Column | None:
        """The column a header names; a kind's own column names are always recognised."""
        if header is None:
            return None
        key = norm(header)
        own = {norm(name): name for name in wanted}
        return Column(own[key]) if key in own else self.aliases.get(key)


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
        return cls({norm(r["alias"]): r[path.stem.removesuffix("s")] for r in _rows(path)})

    def get(self, written: str) -> tuple[str, bool]:
        """(canonical value, known?): the whole value, else its first word ("kerajinan – batik"
        is kerajinan, "makanan ringan" kuliner), else `other`."""
        key = norm(written)
        first = key.split(" ")[0] if key else ""
        for candidate in (key, first):
            if candidate in self.values:
                return self.values[candidate], True
        return self.other, False


# a name's first word, and the other ways of writing that same word
PREFIXES = {
    "kec": ("kec", "kecamatan"),
    "kecamatan": ("kec", "kecamatan"),
    "kab": ("kab", "kabupaten"),
    "kabupaten": ("kab", "kabupaten"),
    "kota": ("kota",),
    "prov": ("prov", "provinsi"),
    "provinsi": ("prov", "provinsi"),
}


@dataclass
class Region:
    code: str
    name: str
    level: str


@dataclass
class RegionResolver:
    """An area as written ('Kec. Karawaci', 'KARAWACI', '3671', 'Kota Tng') -> Kemendagri code."""

    regions: dict[str, Region] = field(default_factory=dict)
    keys: dict[str, set[str]] = field(default_factory=dict)  # normalised form -> codes

    def add_region(self, code: str, name: str, level: str) -> None:
        self.regions[code] = Region(code, name, level)
        for key in self._forms(code, name, level):
            self.keys.setdefault(key, set()).add(code)

    def add_alias(self, alias: str, code: str) -> None:
        self.keys.setdefault(norm(alias), set()).add(code)
        self.keys.setdefault(norm(alias).replace(" ", ""), set()).add(code)

    @staticmethod
    def _forms(code: str, name: str, level: str) -> set[str]:
        forms = {norm(code), code.replace(".", ""), norm(name), norm(name).replace(" ", "")}
        words = norm(name).split()
        if words and words[0] in PREFIXES:
            base = " ".join(words[1:])
            forms |= {base, base.replace(" ", "")}
            forms |= {f"{p} {base}" for p in PREFIXES[words[0]]}
        return {f for f in forms if f}

    def load_aliases(self, path: Path) -> None:
        """Aliases of the regions known so far (regions files load first, in manifest order)."""
        for r in _rows(path):
            if r["code"] in self.regions:
                self.add_alias(r["alias"], r["code"])

    def resolve(self, raw, level: str | None = None) -> tuple[str | None, str | None]:
        """(code, None) or (None, reason with a suggestion)."""
        key = norm(raw)
        codes = self.keys.get(key) or self.keys.get(key.replace(" ", "")) or set()
        if level:
            codes = {c for c in codes if self.regions[c].level == level} or codes
        if len(codes) == 1:
            return next(iter(codes)), None
        where = {"district": "kecamatan", "regency": "kabupaten/kota", "province": "provinsi"}
        if len(codes) > 1:
            names = " or ".join(sorted(self.regions[c].name for c in codes))
            return None, f"'{raw}' could be {names}: write the full name or the Kemendagri code"
        reason = f"unknown {where.get(level, 'area')} '{raw}'"
        suggestion = self.suggest(key, level)
        if suggestion:
            return None, f"{reason} — did you mean {suggestion}?"
        return None, (
            f"{reason}: use a Kemendagri code (e.g. 36.71.05) or a name in data/raw/regions_*.csv, "
            "or add the spelling to data/aliases/regions.csv"
        )

    def suggest(self, key: str, level: str | None = None) -> str | None:
        candidates = {
            k: codes
            for k, codes in self.keys.items()
            if not k.replace(" ", "").isdigit()
            and (level is None or any(self.regions[c].level == level for c in codes))
        }
        match = difflib.get_close_matches(key, list(candidates), n=1, cutoff=0.75)
        if not match:
            return None
        codes = candidates[match[0]]
        return " or ".join(sorted(self.regions[c].name.removeprefix("Kec. ") for c in codes))
