"""What the benchmarks share: a command's wall time and peak memory, measured in a process of its
own, and the machine's load average to read them by. `python bench/measure.py -- CMD ...` is the
wrapper process measure() starts: it runs CMD and prints its output, then its wall seconds, its
peak resident memory (KiB) and its exit code, one per line."""

import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import NamedTuple

PROJECT = Path(__file__).resolve().parents[1]


class Measured(NamedTuple):
    seconds: float  # wall time of the command itself
    peak_mib: float
    code: int  # its exit code
    tail: str  # the end of what it printed, for a failure


def measure(cmd: list[str]) -> Measured:
    """`cmd` run under a fresh wrapper process, so that the peak memory is that command's alone
    (getrusage of children reports the largest child a process ever waited for); the wall time
    is taken around the command itself, not the wrapper's start."""
    done = subprocess.run(
        [sys.executable, __file__, "--", *cmd], cwd=PROJECT, capture_output=True, text=True
    )
    *output, seconds, peak_kib, code = done.stdout.rstrip("\n").split("\n")
    tail = ("\n".join(output) + done.stderr)[-2000:]
    return Measured(float(seconds), int(peak_kib) / 1024, int(code), tail)


def load_average() -> str:
    """The 1, 5 and 15 minute load averages: on a shared 2-core machine the timings move with it."""
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def _wrapper(cmd: list[str]) -> int:
    started = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    print(done.stdout + done.stderr)
    print(seconds)
    print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    print(done.returncode)
    return 0


if __name__ == "__main__":
    sys.exit(_wrapper(sys.argv[2:] if sys.argv[1:2] == ["--"] else sys.argv[1:]))
