"""The column headings the check reads for a kind of file, as the upload page lists them: a
steward whose heading is not recognised renames it to one of these (or asks the data team for an
alias), since the alias table and the metric catalogue are files on the server
(data/aliases/columns.csv, data/raw/metrics.csv) that a browser cannot open."""

from etl.aliases import read_rows
from etl.columns import ColumnMap
from etl.kinds import REGISTRY
from warehouse.location import data_dir

# kinds whose rows name a measure: by its code in a column (long form) or in the heading (wide)
NAMES_MEASURES = {"observations", "observations_wide"}


def headings(kind: str) -> list[list[str]]:
    """Per column the kind reads (required first), the headings that name it: its own name, then
    the alias table's spellings. A wide table's figure columns come last, one line per measure."""
    aliases = ColumnMap.load(data_dir() / "aliases" / "columns.csv").aliases
    wanted = REGISTRY[kind].required + REGISTRY[kind].optional
    lines = [_spellings(aliases, name, name) for name in wanted]
    if kind in NAMES_MEASURES:
        lines += [_spellings(aliases, code, f"metric:{code}") for code in measure_codes()]
    return lines


def measure_codes() -> list[str]:
    """The codes of the metric catalogue, as a figure's measure is written (phk, dirumahkan)."""
    return [r["code"] for r in read_rows(data_dir() / "raw" / "metrics.csv")]


def _spellings(aliases: dict, own: str, name: str) -> list[str]:
    """`own`, then each other heading the alias table maps to column `name`, once each."""
    spelled = [alias for alias, column in aliases.items() if column.name == name]
    return list(dict.fromkeys([own, *spelled]))
