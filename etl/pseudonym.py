"""Pseudonymous register ids for a register that has none.

Agencies' exports often carry only a running "No" and the owner's NIK. Pulih never stores the NIK;
it derives an id from it with a keyed hash, HMAC-SHA256, so the same business gets the same id in
the next export (and vintages de-duplicate) while nobody without the key can tell the NIK back.
Without a NIK column, the id comes from the business name (normalised: case, punctuation and
spaces ignored) together with its kecamatan code.

The key is a secret kept outside git: the environment variable PULIH_ID_KEY, or else the file
data/.pulih_id_key (git-ignored), created with a random key the first time it is needed. Keep it
with the city's other secrets: with another key the same business gets another id, so losing the
key breaks matching across vintages (the next export looks like all-new businesses).
"""

import hashlib
import hmac
import re

# the key lives with the project's other secret (warehouse/keys.py): the audit log's actor ids
# are derived with it too
from warehouse.keys import KEY_FILE as KEY_FILE
from warehouse.keys import key as key

PREFIX = "PID-"  # a derived id says so, and is never mistaken for an agency's register number
LENGTH = 20  # hex characters kept: 80 bits, no collision in any register of a realistic size

# header words of the columns an id may be derived from (they are personal: never stored)
NIK_WORDS = frozenset({"nik", "ktp"})
NAME_WORDS = frozenset({"usaha", "umkm", "toko", "merek", "brand", "business"})


def _digest(secret: bytes, message: str) -> str:
    return PREFIX + hmac.new(secret, message.encode(), hashlib.sha256).hexdigest()[:LENGTH]


def from_nik(secret: bytes, nik: str | None) -> str | None:
    """The id of the business whose owner has this NIK (digits only: "3671 0999..." and
    "3671-0999..." are the same NIK)."""
    digits = re.sub(r"\D", "", nik or "")
    return _digest(secret, f"nik:{digits}") if digits else None


def name_key(secret: bytes, name: str | None) -> str | None:
    """A keyed digest of the normalised business name: staged instead of the name itself."""
    normal = " ".join(re.sub(r"[^a-z0-9]+", " ", (name or "").lower()).split())
    return _digest(secret, f"name:{normal}") if normal else None


def from_name(secret: bytes, key_of_name: str | None, area_code: str | None) -> str | None:
    """The id of a business from its name's digest and its kecamatan code."""
    if not key_of_name or not area_code:
        return None
    return _digest(secret, f"{key_of_name}|{area_code}")


def id_source(header_words: list[set[str]]) -> tuple[str, int] | None:
    """Which column an id can be derived from: ("nik", index) or ("name", index), else None."""
    for i, words in enumerate(header_words):
        if words & NIK_WORDS:
            return "nik", i
    for i, words in enumerate(header_words):
        if "nama" in words and words & NAME_WORDS:
            return "name", i
    return None
