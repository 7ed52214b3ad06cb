"""Several Streamlit processes of the dashboard behind one nginx, on this machine.

One Streamlit process runs every session's script in its own thread under one interpreter lock,
so it uses about one core; replicas let more cores serve. Each replica is `streamlit run
dashboard.py` on a port of its own, reading the same warehouse file read-only (analytics/db.py:
a rebuild renames a new file over it, and each replica opens it on its next query, with no
restart). nginx (the Debian package) sends each browser to one replica and keeps it there
(deploy/nginx-replicas.conf), with the websocket upgrade every page runs over.

    python -m deploy.replicas [--replicas 2] [--port 8080] [--address 127.0.0.1] [-- STREAMLIT ARGS]

(`make serve-replicas`); bench/viewers.py and tests/browser/test_replicas.py start the same
thing through `serving()`.
"""

import argparse
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from deploy import serve
from deploy.serve import ServeError, free_port, streamlit_command, wait_healthy
from warehouse.location import warehouse_path

TEMPLATE = Path(__file__).with_name("nginx-replicas.conf")


@dataclass(frozen=True)
class Deployment:
    url: str  # nginx, what people open
    replicas: tuple[str, ...]  # each replica's own address, for measuring one alone
    pids: tuple[int, ...]  # each replica's process, for its CPU time
    folder: Path  # nginx's configuration and logs, the replicas' logs

    @property
    def access_log(self) -> Path:
        return self.folder / "access.log"


def nginx_binary() -> str:
    found = shutil.which("nginx") or (
        "/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None
    )
    if found is None:
        raise ServeError(
            "nginx is not installed: `sudo apt-get install nginx` (Debian's package; "
            "`make serve-replicas` installs it when run as root)"
        )
    return found


def nginx_config(folder: Path, temp: Path, listen: str, replicas: Sequence[str]) -> str:
    servers = "\n".join(f"        server {r.removeprefix('http://')};" for r in replicas)
    return (
        TEMPLATE.read_text(encoding="utf-8")
        .replace("@FOLDER@", str(folder))
        .replace("@TEMP@", str(temp))
        .replace("@LISTEN@", listen)
        .replace("@SERVERS@", servers)
    )


@contextmanager
def serving(
    replicas: int = 2,
    port: int | None = None,
    address: str = "127.0.0.1",
    warehouse: Path | None = None,
    streamlit_args: Sequence[str] = (),
    env: dict[str, str] | None = None,
    folder: Path | None = None,
) -> Iterator[Deployment]:
    """Start `replicas` dashboards over `warehouse` and nginx in front of them on `port`; yield
    once all answer, stop them all afterwards."""
    binary = nginx_binary()
    with ExitStack() as stack:
        if folder is None:
            folder = Path(
                stack.enter_context(tempfile.TemporaryDirectory(prefix="pulih-replicas-"))
            )
        # nginx's workers run as another user (nobody, when nginx starts as root) and buffer large
        # responses (Plotly's script) in files: a folder of their own that they can reach, since
        # `folder` may sit in one they cannot (a test's temporary folder is private); without it
        # the browser's chart script fails to load
        temp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="pulih-nginx-")))
        temp.chmod(0o755)
        environment = {
            **os.environ,
            "PULIH_WAREHOUSE": str(warehouse or warehouse_path()),
            # one secret for all replicas: a cookie one of them signed (XSRF) holds at the others
            "STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_hex(32),
            **(env or {}),
        }
        started = []
        for i in range(replicas):
            url = f"http://127.0.0.1:{free_port()}"
            log = folder / f"replica-{i + 1}.log"
            replica = stack.enter_context(
                serve.process(
                    # only nginx reaches a replica
                    streamlit_command(int(url.rsplit(":", 1)[1]), "127.0.0.1", streamlit_args),
                    log,
                    environment,
                )
            )
            started.append((url, replica, log))
        for i, (url, process, log) in enumerate(started):
            wait_healthy(url, process, log, f"replica {i + 1}")
        port = port or free_port(address)
        urls = tuple(url for url, _, _ in started)
        config = folder / "nginx.conf"
        config.write_text(nginx_config(folder, temp, f"{address}:{port}", urls), encoding="utf-8")
        test = subprocess.run(
            [binary, "-t", "-q", "-e", str(folder / "error.log"), "-c", str(config)],
            capture_output=True,
            text=True,
        )
        if test.returncode != 0:
            raise ServeError(f"nginx refused its configuration:\n{test.stderr}")
        command = [binary, "-e", str(folder / "error.log"), "-c", str(config), "-g", "daemon off;"]
        nginx = stack.enter_context(serve.process(command, folder / "nginx.out", environment))
        host = "127.0.0.1" if address in ("0.0.0.0", "") else address
        url = f"http://{host}:{port}"
        wait_healthy(url, nginx, folder / "error.log", "nginx")
        yield Deployment(url, urls, tuple(p.pid for _, p, _ in started), folder)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m deploy.replicas", description=__doc__)
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--address", default="127.0.0.1")
    parser.add_argument("streamlit_args", nargs="*", help="passed to every `streamlit run`")
    args = parser.parse_args(argv)
    stop = {"asked": False}

    def asked_to_stop(signum, frame):
        stop["asked"] = True

    signal.signal(signal.SIGTERM, asked_to_stop)
    signal.signal(signal.SIGINT, asked_to_stop)
    try:
        with serving(args.replicas, args.port, args.address, None, args.streamlit_args) as d:
            print(f"{args.replicas} replicas ({', '.join(d.replicas)}) behind nginx at {d.url}")
            print(f"logs in {d.folder}; Ctrl+C stops them all", flush=True)
            while not stop["asked"]:
                time.sleep(0.5)
    except ServeError as e:
        print(e, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
