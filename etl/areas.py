"""Stage 4, resolve areas: an area as written ('Kec. Karawaci', 'KARAWACI', '3671', 'Kota Tng')
-> its Kemendagri code, or the reason it cannot be, with a suggestion where a spelling is close.

The areas are the ones the regions files define (loaded first, in manifest order), under their
codes, their names with and without a prefix (Kec., Kab., Kota, Prov.), and the spellings in
data/aliases/regions.csv. A column's level (a Kecamatan column holds districts) settles a name two
levels share.
"""

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from etl.aliases import norm, read_rows
from warehouse import reasons

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
        for r in read_rows(path):
            if r["code"] in self.regions:
                self.add_alias(r["alias"], r["code"])

    def resolve(self, raw, level: str | None = None) -> tuple[str | None, reasons.Reason | None]:
        """(code, None) or (None, reason with a suggestion)."""
        key = norm(raw)
        codes = self.keys.get(key) or self.keys.get(key.replace(" ", "")) or set()
        if level:
            codes = {c for c in codes if self.regions[c].level == level} or codes
        if len(codes) == 1:
            return next(iter(codes)), None
        if len(codes) > 1:
            names = reasons.joined(sorted(self.regions[c].name for c in codes), reasons.OR)
            return None, reasons.reason(reasons.AMBIGUOUS_AREA, raw=str(raw), names=names)
        where = reasons.Word(reasons.LEVELS.get(level, reasons.LEVELS[None]))
        suggestion = self.suggest(key, level)
        if suggestion:
            return None, reasons.reason(
                reasons.UNKNOWN_AREA_SUGGESTED, level=where, raw=str(raw), suggestion=suggestion
            )
        return None, reasons.reason(reasons.UNKNOWN_AREA, level=where, raw=str(raw))

    def suggest(self, key: str, level: str | None = None) -> reasons.Joined | None:
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
        return reasons.joined(
            sorted(self.regions[c].name.removeprefix("Kec. ") for c in codes), reasons.OR
        )
