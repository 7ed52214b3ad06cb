"""`make bench-viewers` (also run by `make bench`): how many people at once.

A viewer here is a Streamlit session driven over its websocket the way the browser drives it, by
a small client in this process (asyncio, the `websockets` package Streamlit's server already
needs; Streamlit's own protobuf messages). It opens Wilayah at kecamatan level (Kota Tangerang,
its 13 areas, the map) and then changes the measure four times, sending every widget's value as
the browser does. Page time is, for the opening, from the websocket's connect to the server's
"script finished"; for a change, from the message with the new widget values to "script
finished": the server's run of the page plus sending all its elements, everything but the
browser's drawing. 20 headless browsers would take the two cores away from the server they
measure; these clients cost a few milliseconds of CPU per page.

Cases, each against a fresh set of `streamlit run` processes behind nginx (deploy/replicas.py), on
the warehouse built from data/:
- 1 session at a time, 1 replica: five viewers one after the other (5 openings, 20 changes);
- 20 sessions at once, 1 replica: twenty viewers started together (20 openings, 80 changes);
- 20 sessions at once, 2 replicas: the same, with nginx spreading the browsers over two.
Each replica has first served one viewer, not counted (imports, first queries, the query cache),
so the figures are of a server that has been up for a while. Throughput is page runs finished
per second of the whole case; CPU per run is the replicas' CPU time over the case (from /proc)
divided by its runs, and the clients' own (this process), to show they did not crowd the server.
Before them, the cost of one query with a connection opened for it against a cursor of the
process's open warehouse (analytics/db.py).
"""

import argparse
import asyncio
import os
import statistics
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))
from measure import load_average  # noqa: E402  (bench/, beside this file)

PAGE, QUERY = "wilayah", "level=district&induk=36.71"
MEASURE = "ukuran"  # the widget a viewer changes (its key)
CHANGES = 4
SESSIONS = 20
ALONE = 5  # viewers one after the other, for the page time of one session


class PageFailed(RuntimeError):
    pass


@dataclass
class Times:
    opening: list[float] = field(default_factory=list)
    change: list[float] = field(default_factory=list)

    def add(self, other: "Times") -> None:
        self.opening += other.opening
        self.change += other.change

    @property
    def runs(self) -> int:
        return len(self.opening) + len(self.change)


def _cookie(base: str) -> str:
    """The page's own request, as a browser makes it first: nginx answers with the cookie that
    keeps this viewer on one replica."""
    with urllib.request.urlopen(f"{base}/{PAGE}?{QUERY}", timeout=60) as r:
        cookies = [c.split(";", 1)[0] for c in r.headers.get_all("Set-Cookie") or []]
    return "; ".join(cookies)


def _rerun(query_string: str, page_hash: str = "", widgets: dict | None = None):
    from streamlit.proto.BackMsg_pb2 import BackMsg

    msg = BackMsg()
    state = msg.rerun_script
    state.query_string = query_string
    if page_hash:
        state.page_script_hash = page_hash
    else:
        state.page_name = PAGE
    for widget_id, (kind, proto) in (widgets or {}).items():
        value = state.widget_states.widgets.add()
        value.id = widget_id
        if kind in ("radio", "selectbox"):
            value.string_value = proto.raw_value
        elif kind == "checkbox":
            value.bool_value = proto.value
        elif kind in ("multiselect", "button_group"):
            value.string_array_value.data.extend(proto.raw_values)
        else:
            del state.widget_states.widgets[-1]  # buttons, downloads, chart selections: untouched
    return msg.SerializeToString()


@dataclass
class Session:
    """What the client knows of its session after a run: its page, its URL and its widgets."""

    page_hash: str = ""
    query_string: str = QUERY
    widgets: dict = field(default_factory=dict)  # id -> (kind, proto)

    def widget(self, key: str):
        return next(proto for wid, (_, proto) in self.widgets.items() if wid.endswith(f"-{key}"))


async def _run(ws, session: Session, message: bytes) -> None:
    """Send one rerun and read the server's messages until the script has finished."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    await ws.send(message)
    while True:
        msg = ForwardMsg()
        msg.ParseFromString(await ws.recv())
        kind = msg.WhichOneof("type")
        if kind == "new_session":
            session.page_hash = msg.new_session.page_script_hash or session.page_hash
        elif kind == "page_info_changed":
            session.query_string = msg.page_info_changed.query_string
        elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            element = msg.delta.new_element
            name = element.WhichOneof("type")
            if name == "exception":
                raise PageFailed(element.exception.message)
            proto = getattr(element, name)
            if getattr(proto, "id", ""):
                session.widgets[proto.id] = (name, proto)
        elif kind == "script_finished":
            if msg.script_finished != ForwardMsg.FINISHED_SUCCESSFULLY:
                raise PageFailed(f"the script ended with status {msg.script_finished}")
            return


async def viewer(base: str, changes: int = CHANGES) -> Times:
    """One person: opens the page, then changes the measure `changes` times."""
    import websockets
    from websockets.typing import Subprotocol

    times = Times()
    cookie = await asyncio.to_thread(_cookie, base)
    started = time.perf_counter()
    async with websockets.connect(
        base.replace("http://", "ws://") + "/_stcore/stream",
        subprotocols=[Subprotocol("streamlit")],
        additional_headers={"Cookie": cookie} if cookie else None,
        max_size=None,
        open_timeout=120,
    ) as ws:
        session = Session()
        await _run(ws, session, _rerun(QUERY))
        times.opening.append(time.perf_counter() - started)
        for _ in range(changes):
            measure = session.widget(MEASURE)
            options = list(measure.options)
            chosen = options[(options.index(measure.raw_value) + 1) % len(options)]
            measure.raw_value = chosen
            started = time.perf_counter()
            await _run(
                ws, session, _rerun(session.query_string, session.page_hash, session.widgets)
            )
            times.change.append(time.perf_counter() - started)
            if session.widget(MEASURE).raw_value != chosen:  # the run must show the new measure
                raise PageFailed(f"the measure did not change to {chosen}")
    return times


async def _together(base: str, sessions: int) -> Times:
    times = Times()
    for result in await asyncio.gather(*(viewer(base) for _ in range(sessions))):
        times.add(result)
    return times


async def _one_after_another(base: str, sessions: int) -> Times:
    times = Times()
    for _ in range(sessions):
        times.add(await viewer(base))
    return times


def _p(values: list[float], q: int) -> float:
    """The q-th percentile (inclusive method: never beyond the largest value seen)."""
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


@dataclass
class Case:
    sessions: int
    replicas: int
    times: Times
    seconds: float
    server_cpu: float  # seconds of CPU of all replicas over the case
    client_cpu: float  # and of this process (the clients)

    def row(self) -> str:
        t = self.times
        return (
            f"{self.sessions:>8}{self.replicas:>9}{t.runs:>6}"
            f"{_p(t.opening, 50):>10.2f}{_p(t.opening, 95):>9.2f}"
            f"{_p(t.change, 50):>12.2f}{_p(t.change, 95):>11.2f}"
            f"{t.runs / self.seconds:>9.1f}"
            f"{self.server_cpu / t.runs:>12.2f}{self.client_cpu / t.runs:>8.3f}"
        )


def _cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process so far (/proc/PID/stat, fields 14 and 15)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure_case(replicas: int, sessions: int) -> Case:
    from deploy.replicas import serving

    with serving(replicas) as deployment:
        for replica in deployment.replicas:  # each replica has served one viewer already
            asyncio.run(viewer(replica, changes=1))
        server = sum(_cpu_seconds(pid) for pid in deployment.pids)
        started, client = time.perf_counter(), time.process_time()
        if sessions == 1:
            times = asyncio.run(_one_after_another(deployment.url, ALONE))
        else:
            times = asyncio.run(_together(deployment.url, sessions))
        seconds, client = time.perf_counter() - started, time.process_time() - client
        server = sum(_cpu_seconds(pid) for pid in deployment.pids) - server
    return Case(sessions, replicas, times, seconds, server, client)


def query_cost(runs: int = 40) -> tuple[float, float]:
    """Milliseconds of one small query (the regions): a connection opened for it, as before, and
    a cursor of the process's open warehouse (analytics/db.py); medians of `runs`."""
    import duckdb

    from analytics import db

    sql = (db.SQL / "regions.sql").read_text(encoding="utf-8")
    path = str(db.warehouse_path())

    def own_connection() -> None:
        con = duckdb.connect(path, read_only=True)
        try:
            con.execute(sql).df()
        finally:
            con.close()

    def shared() -> None:
        with db.connect() as cursor:
            cursor.execute(sql).df()

    def median_ms(fn) -> float:
        fn()
        seconds = []
        for _ in range(runs):
            started = time.perf_counter()
            fn()
            seconds.append(time.perf_counter() - started)
        return statistics.median(seconds) * 1000

    opened = median_ms(own_connection)
    db.close()  # the comparison opened the path itself: start the shared one afresh
    return opened, median_ms(shared)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=SESSIONS)
    args = parser.parse_args()

    from analytics import db

    db.check()  # a warehouse to serve, and a clear message without one
    print(f"viewers: warehouse {db.warehouse_path().name}; load average {load_average()}")
    opened, shared = query_cost()
    print(
        f"one query (regions): {opened:.1f} ms with its own connection, {shared:.1f} ms with a "
        f"cursor of the open warehouse (medians of 40)"
    )
    print(
        f"Wilayah, kecamatan of Kota Tangerang: open, then change the measure {CHANGES} times;\n"
        "page time in seconds (websocket clients: the server's run and sending, no drawing);\n"
        "CPU seconds per page run of the replicas (server) and of the clients"
    )
    print(
        f"{'sessions':>8}{'replicas':>9}{'runs':>6}{'open p50':>10}{'p95':>9}"
        f"{'change p50':>12}{'p95':>11}{'runs/s':>9}{'server cpu':>12}{'client':>8}"
    )
    cases = []
    for replicas, sessions in ((1, 1), (1, args.sessions), (2, args.sessions)):
        case = measure_case(replicas, sessions)
        cases.append(case)
        print(case.row(), flush=True)
    one, many, two = cases
    slower = [_p(many.times.change, q) / _p(one.times.change, q) for q in (50, 95)]
    gain = (two.times.runs / two.seconds) / (many.times.runs / many.seconds)
    print(
        f"{args.sessions} at once against 1: change p50 x{slower[0]:.1f}, p95 x{slower[1]:.1f}; "
        f"throughput 2 replicas / 1: x{gain:.2f} on {os.cpu_count()} cores; "
        f"load average {load_average()}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
