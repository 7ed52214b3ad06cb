"""After every file is stored: the marts the pages read (etl/sql/marts/, one model per file), in
build order and with the parameters the rules of the numbers need, and the data checks: each
mart's grain (the columns that key one row, declared in the header comment of the file that
creates the table as "-- grain: a, b, c"; failed_grains) and etl/sql/checks/ (each query returns
the bad rows). The golden check follows (etl/golden.py).
"""

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from etl import paths

# The months the marts cover, and how long a report is carried forward before a month goes blank.
# Assumption (README, "What the numbers mean"): a cumulative Disnaker report older than a year says
# too little about the current month to be shown as its figure.
HORIZON_START = dt.date(2020, 1, 1)
HORIZON_END = dt.date(2022, 12, 1)
MAX_CARRY_MONTHS = 12
# Reports of one measure this many days apart are about the same moment (a conflict if they
# differ); a combined PHK + dirumahkan total this soon after a single figure must not be below it.
CONFLICT_DAYS = 3
TOTAL_DAYS = 60
# the parameters every mart may use, and the build records with its run
PARAMS = {
    "horizon_start": HORIZON_START,
    "horizon_end": HORIZON_END,
    "max_carry_months": MAX_CARRY_MONTHS,
    "conflict_days": CONFLICT_DAYS,
    "total_days": TOTAL_DAYS,
}

# The marts in build order, each with the parameters it is run with; a file may hold several
# statements. Sums of children are made bottom up, one level at a time, so a sum feeds the next.
MARTS: tuple[tuple[str, dict[str, str]], ...] = (
    ("supersede", {}),
    ("dated_by", {}),
    ("mart_conflicts", {}),
    ("mart_monthly", {}),
    ("mart_monthly_parents", {"child_level": "district"}),
    ("mart_monthly_parents", {"child_level": "regency"}),
    ("mart_monthly_parents", {"child_level": "province"}),
    ("mart_monthly_conflicts", {}),
    ("mart_umkm_monthly", {}),
    ("mart_revisions", {}),
)
CHECKS = Path(__file__).parent / "sql" / "checks"
# A mart file's header comment (its leading "--" lines) declares the grain of the table it
# creates: the columns that key one row, e.g. "-- grain: region_code, metric, month".
GRAIN = re.compile(r"^--\s*grain:(.*)$")
CREATES = re.compile(
    r"^create\s+(?:or\s+replace\s+)?table\s+(?:if\s+not\s+exists\s+)?(\w+)", re.I | re.M
)


@dataclass(frozen=True)
class Grain:
    mart: str  # the file under etl/sql/marts/
    table: str  # the table it creates
    columns: tuple[str, ...]  # empty: the file declares no grain
    declared: int  # how many grain lines its header comment holds


def grains() -> list[Grain]:
    """The grain each mart file that creates a table declares in its header comment."""
    found = []
    for mart in dict.fromkeys(name for name, _ in MARTS):
        text = paths.sql_text(f"marts/{mart}")
        header = []
        for line in text.splitlines():
            if not line.startswith("--"):
                break
            header.append(line)
        lines = [m[1] for line in header if (m := GRAIN.match(line))]
        columns = tuple(c.strip() for c in lines[0].split(",")) if lines else ()
        for table in CREATES.findall(text):
            found.append(Grain(mart, table, columns, len(lines)))
    return found


def build_marts(con) -> None:
    for mart, own in MARTS:
        for statement in paths.sql_text(f"marts/{mart}").split(";\n"):
            if statement.strip():
                values = {**PARAMS, **own}
                con.execute(statement, {k: v for k, v in values.items() if f"${k}" in statement})


def failed_grains(con) -> list[str]:
    """One message per mart whose grain is not declared (a table called mart_* that no mart file
    declares a grain for included), names a column the table does not have, or does not hold:
    then with the first keys that name more than one row."""
    failures = []
    declared = grains()
    made = {
        name
        for (name,) in con.execute(
            "select table_name from information_schema.tables "
            "where table_catalog = current_database() and table_schema = 'main' "
            "and starts_with(table_name, 'mart_')"
        ).fetchall()
    }
    for table in sorted(made - {g.table for g in declared}):
        failures.append(
            f"mart {table} has no file in etl/marts.py MARTS that creates it and declares its grain"
        )
    for g in declared:
        where = f"mart {g.table} (etl/sql/marts/{g.mart}.sql)"
        if g.declared != 1 or not all(g.columns):
            failures.append(
                f"{where} must declare its grain once in its header comment, as a line "
                "'-- grain: <column>, <column>, ...' naming the columns that key one row"
                + (f" (it has {g.declared} such lines)" if g.declared > 1 else "")
            )
            continue
        # Column names are identifiers, not values: each declared one must be a column of the
        # table (information_schema) before the query uses it; COLUMNS() would skip any other.
        real = {
            name
            for (name,) in con.execute(
                "select column_name from information_schema.columns "
                "where table_catalog = current_database() and table_schema = 'main' "
                "and table_name = ?",
                [g.table],
            ).fetchall()
        }
        unknown = [c for c in g.columns if c not in real]
        if not real:
            failures.append(f"{where} declares a grain but the table was not made")
        elif unknown or len(set(g.columns)) < len(g.columns):
            failures.append(
                f"{where} declares the grain ({', '.join(g.columns)}), but the table has no "
                f"column {', '.join(unknown)}"
                if unknown
                else f"{where} names a column twice in its grain ({', '.join(g.columns)})"
            )
        else:  # the validated names go to etl/sql/grain.sql as values, never into its text
            bad = con.execute(
                paths.sql_text("grain"), {"mart": g.table, "grain": list(g.columns)}
            ).fetchdf()
            if len(bad):
                failures.append(
                    f"mart {g.table} breaks its grain ({', '.join(g.columns)}): "
                    f"{bad.keys_repeated.iloc[0]} key(s) name more than one row; the first:\n"
                    + bad[[*g.columns, "rows_with_key"]].to_string()
                )
    return failures


def failed_checks(con) -> list[str]:
    """One message per mart whose grain fails (failed_grains) and per data check (CHECKS) that
    finds bad rows, with the first ten of them."""
    failures = failed_grains(con)
    for path in sorted(CHECKS.glob("*.sql")):
        bad = con.execute(path.read_text(encoding="utf-8")).fetchdf()
        if len(bad):
            failures.append(
                f"check {path.stem} found {len(bad)} bad row(s):\n{bad.head(10).to_string()}"
            )
    return failures
