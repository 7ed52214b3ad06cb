"""The command line only: arguments parsed, then one call into the module that does the work.

`python -m etl --help` lists the commands; the docstring of each command's module (etl/build.py,
check.py, add.py, remove.py, demo.py, verify.py) says what it does. `python -m etl export` is an
alias that runs the read side's `python -m analytics export` (analytics/export.py).
"""

import argparse
import subprocess
import sys
from pathlib import Path

from etl import add as add_module
from etl import build as build_module
from etl import demo, journal, kinds, lock, manifest, national, paths, summary, verify
from etl import remove as remove_module
from etl.check import check_file, print_result
from warehouse import audit, location

# what `check` and `add` take: every kind but the metric catalogue
FILE_KINDS = tuple(name for name in kinds.REGISTRY if name != "metrics")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["export"]:  # the read side's command: run it, without importing it
        return subprocess.run([sys.executable, "-m", "analytics", *argv], check=False).returncode
    parser = argparse.ArgumentParser(prog="python -m etl", description="Pulih's ETL")
    commands = parser.add_subparsers(dest="command", required=True)

    b = commands.add_parser("build", help="rebuild the warehouse from data/sources.toml")
    b.add_argument("--data", type=Path, help="data folder (default: data/ or $PULIH_DATA)")
    b.add_argument("--warehouse", type=Path, help="warehouse file (default: $PULIH_WAREHOUSE)")

    c = commands.add_parser(
        "check", help="dry run: what a file would load and reject; writes nothing"
    )
    c.add_argument("file", type=Path)
    c.add_argument("--kind", required=True, choices=FILE_KINDS)
    c.add_argument("--sheet", help="for a workbook: the sheet to read (default: the first)")
    c.add_argument("--json", action="store_true", help="print one JSON object")
    c.add_argument("--data", type=Path, help="data folder (default: data/ or $PULIH_DATA)")

    a = commands.add_parser(
        "add", help="copy a file under data/raw/agency/, add it to the manifest, rebuild"
    )
    a.add_argument("file", type=Path)
    a.add_argument("--kind", required=True, choices=FILE_KINDS)
    a.add_argument(
        "--publisher",
        required=True,
        help="who published the figures, e.g. 'Disnaker Kota Tangerang'",
    )
    a.add_argument("--url", required=True, help="where the figures were published")
    a.add_argument("--published", required=True, help="publication date, YYYY-MM-DD")
    a.add_argument("--licence", default="figures as published by the agency")
    a.add_argument("--title", help="what the file holds (default: its name)")
    a.add_argument(
        "--series", help="releases of one series are vintages (default: publisher + kind)"
    )
    a.add_argument("--sheet", help="for a workbook: the sheet to read (default: the first)")
    a.add_argument(
        "--accept-rejects", action="store_true", help="add the file even if some rows are rejected"
    )
    a.add_argument(
        "--keep-original",
        type=Path,
        metavar="DIR",
        help="also keep the file as received (with any personal data) in DIR: a folder outside "
        "the project, or data/received/ (git-ignored); the project itself keeps a screened copy",
    )
    a.add_argument("--data", type=Path, help="data folder (default: data/ or $PULIH_DATA)")

    r = commands.add_parser(
        "remove",
        help="take a file `add` added out of the manifest, data/raw/agency/ and the warehouse",
    )
    r.add_argument(
        "file",
        help="its id, its copy (raw/agency/ID.csv), its name as added, or the file itself",
    )
    r.add_argument("--data", type=Path, help="data folder (default: data/ or $PULIH_DATA)")

    commands.add_parser(
        "export",
        help="alias of `python -m analytics export` (the read side writes exports)",
        add_help=False,
    )
    d = commands.add_parser("demo", help="regenerate the synthetic demo data under data/raw/demo/")
    d.add_argument("--data", type=Path, help="data folder (default: data/ or $PULIH_DATA)")
    d.add_argument(
        "--scale",
        choices=("city", "national"),
        default="city",
        help="city: Kota Tangerang's demo files under data/raw/demo/; national: a synthetic "
        "national-shape dataset in data/national/ (or --data), built into its own warehouse there",
    )
    d.add_argument(
        "--register-rows",
        type=int,
        default=national.REGISTER_ROWS,
        help="national: businesses in the register (default: %(default)s)",
    )
    d.add_argument(
        "--province",
        action="append",
        default=[],
        help="national: only this province (a Kemendagri code such as 32; repeat for more)",
    )

    v = commands.add_parser(
        "verify", help="exit 0 if the warehouse can be used, else 1 with the reason (make rebuilds)"
    )
    v.add_argument("--warehouse", type=Path, help="warehouse file (default: $PULIH_WAREHOUSE)")
    args = parser.parse_args(argv)

    try:
        return _run(args)
    except lock.LockTimeout as e:  # another writer held the warehouse too long; nothing changed
        print(f"{args.command} failed: {e}", file=sys.stderr)
        return lock.EX_TEMPFAIL
    except journal.JournalError as e:  # an interrupted add that needs a person to look
        print(f"{args.command} failed: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("stopped; nothing was replaced", file=sys.stderr)
        return 130
    except Exception as e:  # the last guard: a message, never a traceback
        print(f"{args.command} failed unexpectedly: {type(e).__name__}: {e}", file=sys.stderr)
        print(
            "nothing was replaced; please report this with the file that caused it", file=sys.stderr
        )
        return 3


def _run(args) -> int:
    if args.command == "build":
        try:
            report = build_module.build(args.data, args.warehouse)
        except (build_module.BuildError, manifest.ManifestError) as e:
            print(f"build failed: {e}", file=sys.stderr)
            return 1
        summary.print_summary(report)
        audit.record(
            "rebuild",
            audit.os_actor("cli"),
            path=location.audit_path(report.warehouse),
            files=len(report.files),
            rows_read=report.rows_read,
            rows_loaded=report.rows_loaded,
            rows_rejected=report.rows_rejected,
        )
        return 0
    if args.command == "check":
        result = check_file(args.file, args.kind, args.sheet, args.data)
        if args.json:
            print(result.to_json())
        else:
            print_result(result, sys.stdout)
        return result.exit_code
    if args.command == "add":
        return add_module.add(
            args.file,
            args.kind,
            args.publisher,
            args.url,
            args.published,
            args.licence,
            args.title,
            args.series,
            args.sheet,
            args.accept_rejects,
            args.data,
            keep_original=args.keep_original,
            actor=audit.os_actor("cli"),
        )
    if args.command == "remove":
        return remove_module.remove(args.file, args.data, actor=audit.os_actor("cli"))
    if args.command == "demo" and args.scale == "national":
        return _national(args)
    if args.command == "demo":
        for path, rows in demo.write(args.data):
            print(f"wrote {path.name} ({rows} rows, synthetic)")
        return 0
    if args.command == "verify":
        warehouse = args.warehouse or paths.warehouse_path()
        found = verify.problems(warehouse)
        record = journal.pending(paths.data_dir())
        if record and journal.for_warehouse(record, warehouse):
            found.append(
                f"an interrupted {journal.describe(record)} is pending "
                f"({journal.journal_path(paths.data_dir())}); the next build finishes it or "
                "rolls it back"
            )
        if found:
            print(
                f"{warehouse} cannot be used as the warehouse: {'; '.join(found)}.\n"
                "Rebuild it: make build (or python -m etl build).",
                file=sys.stderr,
            )
            return 1
        print(f"ok: {warehouse}: {verify.summary(warehouse)}")
        return 0
    return 2


def _national(args) -> int:
    out = args.data or national.folder()
    for path, rows in national.write(out, args.register_rows, tuple(args.province)):
        print(f"wrote {path.relative_to(out)} ({rows} rows, synthetic)")
    try:
        report = national.build_warehouse(out)
    except (build_module.BuildError, manifest.ManifestError) as e:
        print(f"build failed: {e}", file=sys.stderr)
        return 1
    summary.print_summary(report)
    print(f"serve it: PULIH_DATA={out} make run")
    return 0


if __name__ == "__main__":
    sys.exit(main())
