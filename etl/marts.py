"""After every file is stored: the marts the pages read (etl/sql/marts/, one model per file), in
build order and with the parameters the rules of the numbers need, and the data checks
(etl/sql/checks/: each query returns the bad rows). The golden check follows (etl/golden.py).
"""

import datetime as dt
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
MARTS = (
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


def build_marts(con) -> None:
    for mart, own in MARTS:
        for statement in paths.sql_text(f"marts/{mart}").split(";\n"):
            if statement.strip():
                values = {**PARAMS, **own}
                con.execute(statement, {k: v for k, v in values.items() if f"${k}" in statement})


def failed_checks(con) -> list[str]:
    """One message per data check (CHECKS) that finds bad rows, with the first ten of them."""
    failures = []
    for path in sorted(CHECKS.glob("*.sql")):
        bad = con.execute(path.read_text(encoding="utf-8")).fetchdf()
        if len(bad):
            failures.append(
                f"check {path.stem} found {len(bad)} bad row(s):\n{bad.head(10).to_string()}"
            )
    return failures
