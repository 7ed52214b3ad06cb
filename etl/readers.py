"""Reading an input file into rows that remember the line they came from."""

import csv
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

# Personal data never enters the warehouse: these register columns are dropped as the file is read,
# before any row is validated, so they reach neither the tables nor `rejected`.
PERSONAL_COLUMNS = frozenset(
    {
        "nama",
        "nama_pemilik",
        "pemilik",
        "owner",
        "owner_name",
        "nik",
        "kk",
        "no_kk",
        "telepon",
        "telp",
        "no_hp",
        "hp",
        "phone",
        "email",
        "e-mail",
        "alamat",
        "address",
    }
)


class FileError(ValueError):
    """The file as a whole cannot be read; the message says why and how to fix it."""


@dataclass
class Table:
    path: Path
    sha256: str
    columns: list[str]
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    # rows that cannot even be split into the header's columns: (line, reason)
    broken: list[tuple[int, str]] = field(default_factory=list)
    dropped_columns: list[str] = field(default_factory=list)


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def read_csv(path: Path) -> Table:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise FileError(f"{path}: file not found; check the path in data/sources.toml") from None
    except UnicodeDecodeError as e:
        raise FileError(
            f"{path}: byte {e.start} is not UTF-8; save the file as 'CSV UTF-8' and load it again"
        ) from None

    lines = text.splitlines(keepends=True)
    reader = csv.reader(lines)
    try:
        header = next(reader)
    except StopIteration:
        raise FileError(f"{path}: the file is empty; it needs a header row") from None
    columns = [name.strip() for name in header]
    keep = [i for i, name in enumerate(columns) if name.lower() not in PERSONAL_COLUMNS]
    table = Table(
        path=path,
        sha256=sha256(path),
        columns=[columns[i] for i in keep],
        dropped_columns=[name for name in columns if name.lower() in PERSONAL_COLUMNS],
    )
    for line, cells in _records(reader):
        if not any(cell.strip() for cell in cells):
            continue  # blank lines carry nothing
        if len(cells) != len(columns):
            table.broken.append(
                (
                    line,
                    f"row has {len(cells)} cells but the header has {len(columns)}: "
                    "check for an unquoted comma or a missing cell",
                )
            )
            continue
        table.rows.append((line, {columns[i]: cells[i].strip() for i in keep}))
    return table


def _records(reader) -> Iterator[tuple[int, list[str]]]:
    """Each record with the line it starts on, as a spreadsheet shows it (the header is line 1)."""
    start = reader.line_num + 1
    for cells in reader:
        yield start, cells
        start = reader.line_num + 1
