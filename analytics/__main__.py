"""Command line of the read side: `python -m analytics export --dataset NAME --format FMT
[--area CODE ...] [--metric CODE ...] [--from YYYY-MM] [--to YYYY-MM] [--out PATH]
[--no-synthetic]`: the file the Data page's download gives for the same filters.
(`python -m etl export` is an alias.)"""

import argparse
import sys
from pathlib import Path

from analytics.db import WarehouseMissing
from analytics.export import ExportError, export


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analytics", description="Pulih's read side")
    commands = parser.add_subparsers(dest="command", required=True)
    e = commands.add_parser("export", help="write a dataset as the Data page's download would")
    e.add_argument("--dataset", required=True, help="reported, monthly or umkm")
    e.add_argument("--format", required=True, choices=("csv", "csv-id", "xlsx", "parquet"))
    e.add_argument("--area", action="append", help="Kemendagri code; repeat for more (default: 36)")
    e.add_argument(
        "--metric", action="append", help="metric code; repeat (default: PHK, dirumahkan, closures)"
    )
    e.add_argument("--from", dest="start", help="first month, YYYY-MM (default: 2020-01)")
    e.add_argument("--to", dest="end", help="last month, YYYY-MM (default: 2022-12)")
    e.add_argument(
        "--out", type=Path, help="file to write (default: a name that says what is in it)"
    )
    e.add_argument(
        "--no-synthetic",
        dest="synthetic",
        action="store_false",
        help="leave out every synthetic (demo) row, as with the dashboard's demo switch off",
    )

    args = parser.parse_args(argv)
    try:
        path = export(
            args.dataset,
            args.format,
            args.area,
            args.metric,
            args.start,
            args.end,
            args.out,
            args.synthetic,
        )
    except (ExportError, WarehouseMissing) as e:
        print(f"export failed: {e}", file=sys.stderr)
        return 2
    except Exception as e:  # the last guard: a message, never a traceback
        print(f"export failed unexpectedly: {type(e).__name__}: {e}", file=sys.stderr)
        return 3
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
