"""What `python -m etl build` (and `add`) prints: one line per file, rows read = loaded +
rejected, then each file's rejects (file:line, column, value: reason) and warnings. Values and
reasons are masked (etl/personal.py) and long values cut short (etl/read.py brief); the tables
`rejected` and `load_warning` keep every one whole."""

import sys

from etl import personal
from etl.build import BuildReport
from etl.load import Loaded
from etl.read import brief

SUMMARY_REJECTS_PER_FILE = 50


def print_summary(report: BuildReport, out=None) -> None:
    """One line per file: rows read = loaded + rejected; of the loaded, how many partly (a wide
    row with a rejected cell); and the figures (records) loaded."""
    out = out or sys.stdout
    width = max(len(f.entry.path) for f in report.files)
    print(f"Pulih build {report.run_id} -> {report.warehouse}", file=out)
    print(
        f"{'file':<{width}}  {'kind':<17} {'read':>8} {'loaded':>8} {'rejected':>8} "
        f"{'partly':>8} {'figures':>8}",
        file=out,
    )
    for f in report.files:
        note = "  (synthetic)" if f.entry.synthetic else ""
        note += f"  (same as {f.duplicate_of})" if f.duplicate_of else ""
        n = f.loaded
        print(
            f"{f.entry.path:<{width}}  {f.entry.kind:<17} {n.rows_read:>8} {n.rows_loaded:>8} "
            f"{n.rows_rejected:>8} {n.rows_partly:>8} {n.figures_loaded:>8}{note}",
            file=out,
        )
    total = f"total: {len(report.files)} files"
    partly = sum(f.loaded.rows_partly for f in report.files)
    figures = sum(f.loaded.figures_loaded for f in report.files)
    print(
        f"{total:<{width}}  {'':<17} {report.rows_read:>8} {report.rows_loaded:>8} "
        f"{report.rows_rejected:>8} {partly:>8} {figures:>8}",
        file=out,
    )
    for f in report.files:
        print_findings(f.entry.path, f.loaded, out)


def print_findings(path: str, loaded: Loaded, out) -> None:
    """A file's rejects (file:line, column, value: reason) and warnings, the first fifty of each."""
    if loaded.rejects:
        print(f"\nRejected in {path} (line, column, value: reason):", file=out)
        for r in loaded.rejects[:SUMMARY_REJECTS_PER_FILE]:
            column = f" column {r.column}" if r.column else ""
            value = f" value {brief(personal.mask(r.value))}" if r.value is not None else ""
            print(f"  {path}:{r.line}{column}{value}: {personal.mask(r.reason or '')}", file=out)
        if len(loaded.rejects) > SUMMARY_REJECTS_PER_FILE:
            print(
                f"  ... and {len(loaded.rejects) - SUMMARY_REJECTS_PER_FILE} more "
                "(all are in the table `rejected`)",
                file=out,
            )
    for w in loaded.warnings[:SUMMARY_REJECTS_PER_FILE]:
        print(f"  warning: {path}: {w}", file=out)
