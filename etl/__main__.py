"""Command line: `python -m etl build | demo`."""

import argparse
import sys
from pathlib import Path

from etl import build as build_module
from etl import demo, manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m etl", description="Pulih's ETL")
    commands = parser.add_subparsers(dest="command", required=True)
    b = commands.add_parser("build", help="rebuild the warehouse from data/sources.toml")
    b.add_argument("--data", type=Path, help="data folder (default: data/ or $PULIH_DATA)")
    b.add_argument("--warehouse", type=Path, help="warehouse file (default: $PULIH_WAREHOUSE)")
    d = commands.add_parser("demo", help="regenerate the synthetic demo data under data/raw/demo/")
    d.add_argument("--data", type=Path, help="data folder (default: data/ or $PULIH_DATA)")
    args = parser.parse_args(argv)

    if args.command == "build":
        try:
            report = build_module.build(args.data, args.warehouse)
        except (build_module.BuildError, manifest.ManifestError) as e:
            print(f"build failed: {e}", file=sys.stderr)
            return 1
        build_module.print_summary(report)
        return 0
    if args.command == "demo":
        for path, rows in demo.write(args.data):
            print(f"wrote {path.name} ({rows} rows, synthetic)")
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
