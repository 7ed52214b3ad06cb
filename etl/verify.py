"""`python -m etl verify [--warehouse PATH]`: can the warehouse be used as it is?

It must open read-only as a DuckDB database, be as long as its header says, have every table the
schema and the marts create and the etl_run row of the build that made it (warehouse.health,
the same test the dashboard applies), and pass the data checks: each mart's grain (etl/marts.py,
failed_grains) and etl/sql/checks/. Exit 0 when it can, 1 with the reason when it cannot: the
Makefile then rebuilds it. The build runs the same test on its new file before the swap, with the
run and file count it expects.
"""

from pathlib import Path

import duckdb

from etl import marts
from warehouse import health
from warehouse.health import one_row

CHECKS = Path(__file__).parent / "sql" / "checks"


def problems(
    path: Path, run_id: str | None = None, files: int | None = None, checks: Path = CHECKS
) -> list[str]:
    found = health.problems(path)
    if found:
        return found
    con = duckdb.connect(str(path), read_only=True)
    try:
        (held,) = one_row(con, "select run_id from etl_run")
        if run_id is not None and held != run_id:
            found.append(
                f"it holds build run {held}, not this build's run {run_id} "
                "(another process wrote the file)"
            )
        (loaded,) = one_row(con, "select count(*) from source_file")
        if files is not None and loaded != files:
            found.append(f"{loaded} file(s) in source_file where this build loaded {files}")
        found += [failure.splitlines()[0] for failure in marts.failed_grains(con)]
        for check in sorted(checks.glob("*.sql")):
            bad = len(con.execute(check.read_text(encoding="utf-8")).fetchall())
            if bad:
                found.append(f"data check {check.stem} finds {bad} bad row(s)")
    except duckdb.Error as e:
        found.append(f"cannot be read ({str(e).strip().splitlines()[0]})")
    finally:
        con.close()
    return found


def summary(path: Path) -> str:
    """One line about a usable warehouse: its run, when it finished, what it holds."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        run, finished, files, loaded = one_row(
            con, "select run_id, finished_at, files, rows_loaded from etl_run"
        )
    finally:
        con.close()
    when = f"{finished:%Y-%m-%d %H:%M}"
    return f"build run {run}, finished {when}, {files} files, {loaded} rows loaded"
