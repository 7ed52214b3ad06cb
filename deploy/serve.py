"""One dashboard process: `streamlit run dashboard.py` on a port, started, waited for and
stopped. The replicas behind nginx (deploy/replicas.py), the browser suite's server
(tests/browser/conftest.py) and the server test (tests/e2e/test_server.py) all start it here, so
the flags a served dashboard runs with are written once."""

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from warehouse.location import PROJECT

STARTUP_SECONDS = 120  # a dashboard starts in a few seconds; much longer on a busy 2-core machine


class ServeError(RuntimeError):
    """A process did not start; the message holds the end of its log."""


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def streamlit_command(
    port: int, host: str = "127.0.0.1", streamlit_args: Sequence[str] = ()
) -> list[str]:
    """The command of a served dashboard: headless, no file watcher (a server does not reload
    on edits), no usage statistics sent anywhere."""
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "dashboard.py",
        "--server.port",
        str(port),
        "--server.address",
        host,
        "--server.headless",
        "true",
        "--server.fileWatcherType",
        "none",
        "--browser.gatherUsageStats",
        "false",
        *streamlit_args,
    ]


@contextmanager
def process(cmd: list[str], log: Path, env: dict[str, str]) -> Iterator[subprocess.Popen]:
    """`cmd` run from the project folder with its output in `log`; stopped afterwards (killed
    if it does not stop within 20 s)."""
    with log.open("wb") as out:
        started = subprocess.Popen(cmd, cwd=PROJECT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        yield started
    finally:
        started.terminate()
        try:
            started.wait(timeout=20)
        except subprocess.TimeoutExpired:
            started.kill()
            started.wait()


def wait_healthy(url: str, started: subprocess.Popen, log: Path, what: str) -> None:
    """Return once `url` answers Streamlit's health check; ServeError if the process ends or
    STARTUP_SECONDS pass first."""
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.read().decode() == "ok":
                    return
        except OSError:
            pass
        if started.poll() is not None or time.monotonic() > deadline:
            raise ServeError(f"{what} did not start:\n{log.read_text(errors='replace')[-4000:]}")
        time.sleep(0.3)


@contextmanager
def dashboard(
    log: Path,
    env: dict[str, str],
    port: int | None = None,
    host: str = "127.0.0.1",
    streamlit_args: Sequence[str] = (),
) -> Iterator[str]:
    """A dashboard on `port` (a free one when None); yields its base URL once it answers."""
    port = port or free_port(host)
    with process(streamlit_command(port, host, streamlit_args), log, env) as started:
        url = f"http://{host}:{port}"
        wait_healthy(url, started, log, "the dashboard")
        yield url
