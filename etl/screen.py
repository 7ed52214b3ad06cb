"""The copy of an agency's file that `etl add` keeps in the project: the file as Pulih reads it,
without personal data, so that nothing under data/ that git would commit holds a NIK, a name, a
phone number, an e-mail or an address.

The copy is a UTF-8 CSV with the same rows as the file (title rows, header, data; a workbook's
chosen sheet), where
- a column whose header names personal data (etl/personal.py) is left out, except that a
  register without an id column gets, in its place, the pseudonymous id derived from it
  (etl/pseudonym.py), so the copy loads with the same ids;
- a cell that holds personal data is replaced by "[disamarkan]", which the loader still rejects,
  so the copy loads exactly the rows the file loaded; so is a register id that may be a person's
  name (etl/personal.py `is_name_id`).
A CSV is copied a row at a time (a register of millions of rows is never held in memory).
"""

import csv
from collections.abc import Iterator
from pathlib import Path

from etl import columns, personal, pseudonym, read
from etl.aliases import norm
from etl.kinds import REGISTRY
from etl.load import Context

DERIVED_HEADER = "ID UMKM (pseudonim)"


def _csv_rows(path: Path) -> Iterator[list[str]]:
    """The rows of a CSV in its own encoding and delimiter, found as the readers find them
    (etl/read.py: the encoding from the whole file, the delimiter from its head), streamed."""
    head = read.read_head(path)
    with path.open(encoding=head.encoding, errors="replace", newline="") as f:
        yield from csv.reader(f, delimiter=head.delimiter or ",")


def _rows(path: Path, sheet: str | None) -> Iterator[list]:
    if read.is_xlsx(path):
        for _, cells in read.read_grid(path, sheet).rows:
            yield ["" if c is None else c for c in cells]
    else:
        yield from _csv_rows(path)


def _header_index(rows: list[list], kind: str, ctx: Context) -> int:
    grid = read.Grid(Path("file"), "", list(enumerate(rows, start=1)))
    return columns.find_header(grid, ctx.columns, REGISTRY[kind].wanted, REGISTRY[kind].wide)


def _cell(value) -> object:
    if isinstance(value, str) and personal.finding(value):
        return personal.MASKED_CELL
    return value


def screened_copy(source: Path, kind: str, sheet: str | None, ctx: Context, target: Path) -> None:
    """Write `target`: `source` without personal data (see the module's docstring)."""
    rows = _rows(source, sheet)
    head = [r for _ in range(columns.HEADER_SEARCH_ROWS) if (r := next(rows, None)) is not None]
    h = _header_index(head, kind, ctx)
    header = [str(c or "").strip() for c in head[h]]
    # the columns named as the build names them (etl/columns.py): which are personal, which
    # holds the id and which the area
    naming = columns.name_columns(head[h], ctx.columns, REGISTRY[kind].wanted, REGISTRY[kind].wide)
    personal_columns = set(naming.dropped)
    derive: tuple[str, int] | None = None
    if kind == "umkm_register" and "umkm_id" not in naming.headers:
        derive = pseudonym.id_source([set(norm(w).split()) for w in header])
    secret = pseudonym.key(ctx.aliases.parent) if derive else b""
    area = next((i for i, name in naming.index.items() if name == "area_code"), None)
    level = naming.levels.get("area_code")
    codes: dict[str, str | None] = {}

    def derived_id(cells: list) -> str:
        assert derive is not None  # called only when an id is derived
        what, i = derive
        value = str(cells[i]) if i < len(cells) and cells[i] is not None else ""
        if what == "nik":
            return pseudonym.from_nik(secret, value) or ""
        raw = str(cells[area]) if area is not None and area < len(cells) else ""
        if raw not in codes:
            codes[raw] = ctx.resolver.resolve(raw, level or "district")[0]
        return pseudonym.from_name(secret, pseudonym.name_key(secret, value), codes[raw]) or ""

    # a register's id that may be a person's name ("Rina Marlina") is masked like a NIK: the
    # loader rejects a masked id as it rejects the name
    id_column = next((i for i, name in naming.index.items() if name == "umkm_id"), None)

    def screened(cells: list, is_header: bool = False) -> list:
        kept = [
            personal.MASKED_CELL
            if i == id_column and not is_header and personal.is_name_id(c)
            else _cell(c)
            for i, c in enumerate(cells)
            if i not in personal_columns
        ]
        if derive:
            kept.insert(0, DERIVED_HEADER if is_header else derived_id(cells))
        return kept

    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        for i, cells in enumerate(head):
            if i < h:  # title rows: no columns to drop, every cell screened
                writer.writerow([_cell(c) for c in cells])
            else:
                writer.writerow(screened(cells, is_header=i == h))
        for cells in rows:
            writer.writerow(screened(cells))
