"""Personal data (UU PDP 27/2022): what it looks like, and the one place that says so.

Pulih never stores, shows or logs a NIK, a name, a phone number, an e-mail or an address. Three
defences, all defined here and used by every kind of file:
- columns whose header names personal data are dropped as a file is read (`is_personal_header`;
  "Nama ..." only when the alias table does not name it as a column that is read);
- every text cell that is kept is screened (`finding`): a cell that holds a NIK, a phone number,
  an e-mail or a name marker ("a.n. Budi") is rejected, and the reject is stored masked (`mask`);
- free-text register fields (sector, platform) map to closed vocabularies (data/aliases/), so a
  name cannot ride along in them.

The patterns are plain regular expressions that Python's `re` and DuckDB's RE2 read alike: the
register (read by DuckDB) binds the same strings as SQL parameters.
"""

import re
from typing import overload

from warehouse import reasons

# A NIK: 16 digits, as one run or grouped as 4-4-4-4 or 6-6-4 with spaces, dots or dashes
# ("3671 0999 8887 7755", "3671-0999-8887-7722"). Arbitrary separators between every digit would
# also match two dates in a note, so only the groupings people use are read as a NIK.
NIK = r"\b(\d{16}|\d{4}[ .-]\d{4}[ .-]\d{4}[ .-]\d{4}|\d{6}[ .-]\d{6}[ .-]\d{4})\b"
# An Indonesian mobile number: +62 / 62 / 0, then 8xx, then 6 to 9 more digits in groups
# ("+62 812-9999-8877", "0812.9999.8855", "081234567890").
PHONE = r"(\+62|\b62|\b0)[ .-]?8\d{2}[ .-]?\d{3,4}[ .-]?\d{2,5}\b"
EMAIL = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+"
# "a.n. Budi", "atas nama Siti", "Bpk. Joko": a word that announces a person's name ("ibu" and
# "pemilik" are left out: "ibu kota", "pemilik usaha" are common words in notes)
NAME_MARK = r"(?i)(\ba\. ?n\.? +|\batas nama +|\b(bpk|bapak|sdr|sdri)\.? +)[a-z]"

PATTERNS = {"NIK": NIK, "telepon": PHONE, "e-mail": EMAIL, "nama": NAME_MARK}

# A register id that may be a person's name ("Rina Marlina", "Bpk. Ahmad Fauzi"): only letters,
# spaces and the punctuation of names (. , ' ’ -), in two or more words. A register number has a
# digit ("UMKM-0001", "TGR 001") or is one word ("A17"). Only register ids are read so: in a
# sector or a note two words are common ("makanan ringan"). The letters are those of the Latin
# script (to U+024F), which both Python and RE2 read alike; a word is a run between spaces that
# holds a letter. RE2 (the register, read by DuckDB) gets NAME_ID: somewhere a letter, then
# punctuation and spaces with at least one space, then a letter; Python gets `is_name_id`, the
# same rule without a regex's backtracking on a long cell.
_NAME_LETTERS = "A-Za-zÀ-ÖØ-öø-ɏ"
_NAME_PUNCTUATION = r".,'’\-"  # the dash escaped: a range otherwise
NAME_ID = (
    f"^[{_NAME_LETTERS}{_NAME_PUNCTUATION} ]*[{_NAME_LETTERS}][{_NAME_PUNCTUATION} ]* "
    f"[{_NAME_PUNCTUATION} ]*[{_NAME_LETTERS}][{_NAME_LETTERS}{_NAME_PUNCTUATION} ]*$"
)
_NAME_CHARS = re.compile(f"[{_NAME_LETTERS}{_NAME_PUNCTUATION} ]+")
_NAME_LETTER = re.compile(f"[{_NAME_LETTERS}]")
MASKS = {
    "NIK": "[NIK disamarkan]",
    "telepon": "[telepon disamarkan]",
    "e-mail": "[e-mail disamarkan]",
    "nama": "[nama disamarkan]",
}
_COMPILED = {kind: re.compile(pattern) for kind, pattern in PATTERNS.items()}
# all four at once: most cells hold none, and one search tells so (a quarter of the work of four;
# a screened copy of a register searches every kept cell). NAME_MARK's flag is scoped to its part.
_ANY = re.compile("|".join(f"(?:{p})" for p in (NIK, PHONE, EMAIL)) + f"|(?i:{NAME_MARK[4:]})")
HIDDEN = "disamarkan]"  # the end of every mask: a masked cell is still personal data's place
MASKED_CELL = "[disamarkan]"

# Columns of personal data: dropped as a file is read, never stored, never shown in a reject.
# Matched on the words of a header, so "Nama Pemilik", "NIK Pemilik", "No. HP" and "E-mail" all go.
# "nama" alone also drops a business name column ("Nama Usaha"): it often carries the owner's name.
PERSONAL_WORDS = frozenset(
    {"nama", "pemilik", "owner", "nik", "kk", "telepon", "telp", "hp", "phone", "handphone",
     "wa", "whatsapp", "email", "mail", "alamat", "address", "rt", "rw", "ktp"}
)  # fmt: skip
# "nama" says "the name of": of a person unless the header names something else Pulih reads
# ("Nama Kecamatan" is the area, "Nama Kebijakan" a policy's name; data/aliases/columns.csv)
NAME_WORD = "nama"


def _words(header: str) -> set[str]:
    return set(re.sub(r"[^a-z0-9]+", " ", str(header).lower()).split())


def is_personal_header(header: str, names_a_read_column: bool = False) -> bool:
    """A header of personal data: it holds a word of PERSONAL_WORDS (an id column aside).
    `names_a_read_column`: the alias table names the header as a column the file's kind reads
    (etl/columns.py); then "nama" alone does not make it personal ("Nama Kecamatan"), but every
    other personal word still does ("Nama Pemilik", "Alamat Kecamatan")."""
    words = _words(header)
    personal = words & PERSONAL_WORDS
    if names_a_read_column:
        personal -= {NAME_WORD}
    return bool(personal) and "id" not in words


def finding(text) -> str | None:
    """The kind of personal data a cell holds ("NIK", "telepon", "e-mail", "nama"), or None.
    A cell Pulih itself masked ("[disamarkan]", "[NIK disamarkan]") still counts: a screened
    copy of a file (etl/screen.py) rejects the same rows as the file it was made from."""
    if not isinstance(text, str) or not text:
        return None
    if HIDDEN in text:
        return "disamarkan"
    if not _ANY.search(text):
        return None
    return next((kind for kind, pattern in _COMPILED.items() if pattern.search(text)), None)


def is_name_id(text) -> bool:
    """A register id that may be a person's name (NAME_ID's rule): letters, spaces and name
    punctuation alone, two or more words with a letter."""
    if not isinstance(text, str) or not _NAME_CHARS.fullmatch(text):
        return False
    return sum(1 for word in text.split(" ") if _NAME_LETTER.search(word)) >= 2


@overload
def mask(text: str) -> str: ...
@overload
def mask(text: None) -> None: ...
def mask(text: str | None) -> str | None:
    """The text with every NIK, phone number, e-mail and name marker (with its name) masked."""
    if text is None:
        return None
    text = re.sub(NIK, MASKS["NIK"], text)
    text = re.sub(PHONE, MASKS["telepon"], text)
    text = re.sub(EMAIL, MASKS["e-mail"], text)
    # a name marker takes the words after it with it, up to punctuation
    return re.sub(NAME_MARK[4:] + r"[\w .'-]*", MASKS["nama"], text, flags=re.IGNORECASE)


# A letter of any script. A register's date or scale cell that cannot be read and holds one may be
# a name typed in the wrong column ("Budi Hartono" as Tanggal Daftar): its reject is masked. A
# value of digits and signs alone ("2019-13-45") names nobody and is shown for the clerk.
LETTER = re.compile(r"[^\W\d_]")


def holds_letters(text: str | None) -> bool:
    return isinstance(text, str) and LETTER.search(text) is not None


def reason(kind: str, header: str) -> reasons.Reason:
    """Why a cell was rejected, without its value."""
    return reasons.reason(reasons.PERSONAL_DATA, header=header, kind=reasons.Word(kind))
