"""The audit log (warehouse/audit.py): append-only, one line per event from many processes at
once, and nothing in it that is not pseudonymous or a plain small value."""

import json
import multiprocessing
import os
from pathlib import Path

import pytest

from warehouse import audit, location


def test_events_are_appended_in_order_and_read_back(tmp_path):
    log = tmp_path / "audit.jsonl"
    audit.record("rebuild", "cli:pulih", path=log, files=11, rows_read=16353)
    audit.record("download", "publik", path=log, dataset="monthly", format="csv",
                 filters={"areas": ["36.71", "36.71.02"], "from": "2020-03"})  # fmt: skip
    events = audit.read(log)
    assert [(e["event"], e["actor"]) for e in events] == [
        ("rebuild", "cli:pulih"),
        ("download", "publik"),
    ]
    assert events[1]["filters"] == {"areas": ["36.71", "36.71.02"], "from": "2020-03"}
    assert events[0]["rows_read"] == 16353
    # appended, never rewritten: the first line is byte for byte what it was after a third write
    first = log.read_bytes().splitlines()[0]
    audit.record("sign_in", "akun:0123456789abcdef", path=log, role="staf")
    assert log.read_bytes().splitlines()[0] == first
    assert len(log.read_bytes().splitlines()) == 3
    assert oct(log.stat().st_mode & 0o777) == "0o600"  # readable by the service only


def test_the_log_lives_beside_the_warehouse_unless_moved(tmp_path, monkeypatch):
    monkeypatch.delenv("PULIH_AUDIT_LOG", raising=False)
    warehouse = tmp_path / "w" / "pulih.duckdb"
    assert location.audit_path(warehouse) == tmp_path / "w" / "pulih-audit.jsonl"
    monkeypatch.setenv("PULIH_AUDIT_LOG", str(tmp_path / "elsewhere.jsonl"))
    assert location.audit_path(warehouse) == tmp_path / "elsewhere.jsonl"


@pytest.mark.parametrize(
    ("event", "actor", "fields"),
    [
        ("delete_everything", "cli:pulih", {}),  # not an event of the log
        ("download", "ani@kota.go.id", {}),  # an e-mail as the actor
        ("download", "Ani", {}),  # a name as the actor
        ("download", "publik", {"note": "hubungi ani@kota.go.id"}),  # an address in a field
        ("add", "cli:pulih", {"cells": "x" * 301}),  # text longer than a name or a code
        ("add", "cli:pulih", {"frame": object()}),  # not a plain value
    ],
)
def test_what_the_log_refuses(tmp_path, event, actor, fields):
    log = tmp_path / "audit.jsonl"
    with pytest.raises(audit.AuditError):
        audit.record(event, actor, path=log, **fields)
    assert not log.exists()


def test_an_account_actor_is_a_keyed_hash_never_the_subject(tmp_path, monkeypatch):
    monkeypatch.setenv("PULIH_ID_KEY", "key one")
    one = audit.account_actor("https://idp", "ani@kota.go.id")
    assert one == audit.account_actor("https://idp", "ani@kota.go.id")  # the same person, same id
    assert one.startswith("akun:") and "ani" not in one and len(one) == 5 + 16
    assert one != audit.account_actor("https://other-idp", "ani@kota.go.id")
    monkeypatch.setenv("PULIH_ID_KEY", "key two")
    assert one != audit.account_actor("https://idp", "ani@kota.go.id")  # another key, another id


def _append_many(path: str, worker: int, count: int) -> None:
    for i in range(count):
        audit.record("download", "publik", path=Path(path), dataset=f"w{worker}", n=i,
                     filters={"areas": [f"36.71.{j:02d}" for j in range(13)]})  # fmt: skip


def test_concurrent_appends_from_processes_never_interleave(tmp_path):
    log = tmp_path / "audit.jsonl"
    workers, count = 4, 200
    context = multiprocessing.get_context("fork")
    procs = [
        context.Process(target=_append_many, args=(str(log), w, count)) for w in range(workers)
    ]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    lines = log.read_text().splitlines()
    # 4 processes × 200 events: every line whole JSON, each (worker, n) exactly once, and each
    # worker's own lines in the order it wrote them
    assert len(lines) == workers * count
    events = [json.loads(x) for x in lines]
    for w in range(workers):
        assert [e["n"] for e in events if e["dataset"] == f"w{w}"] == list(range(count))


def test_a_line_edited_by_hand_is_named_not_dropped(tmp_path):
    log = tmp_path / "audit.jsonl"
    audit.record("rebuild", "cli:pulih", path=log)
    with log.open("a") as f:
        f.write("not json\n")
    audit.record("rebuild", "cli:pulih", path=log)
    assert [e["event"] for e in audit.read(log)] == ["rebuild", "unreadable", "rebuild"]
    assert audit.read(log)[1]["line"] == 2
    assert audit.read(tmp_path / "none.jsonl") == []
    assert os.path.exists(log)
