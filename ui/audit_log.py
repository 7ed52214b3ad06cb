"""The audit log as the Log audit page shows it: the events of warehouse/audit.py as a frame
(newest first) and as a table in the reader's language."""

import json

import pandas as pd

from ui import fmt, labels
from ui.i18n import t
from warehouse import audit, location

COLUMNS = ("time", "event", "actor", "details")


def events() -> pd.DataFrame:
    """Every event, newest first: time, event, actor, and the event's own fields as JSON."""
    rows = [
        {
            "time": e.get("time"),
            "event": e.get("event"),
            "actor": e.get("actor"),
            "details": json.dumps(
                {k: v for k, v in e.items() if k not in ("time", "event", "actor")},
                ensure_ascii=False,
            ),
        }
        for e in audit.read()
    ]
    return pd.DataFrame(rows, columns=list(COLUMNS)).iloc[::-1].reset_index(drop=True)


def table(frame: pd.DataFrame) -> pd.DataFrame:
    rows = list(frame.itertuples())
    return pd.DataFrame(
        {
            t("audit.col.time"): [_when(r.time) for r in rows],
            t("audit.col.event"): [_event(r.event) for r in rows],
            t("audit.col.actor"): [r.actor or "" for r in rows],
            t("audit.col.details"): [r.details for r in rows],
        }
    )


def location_name() -> str:
    """The log's file name (not its folder: server paths stay off the page)."""
    return location.audit_path().name


def _when(iso) -> str:
    try:
        moment = pd.Timestamp(iso)
    except (ValueError, TypeError):
        return str(iso or "")
    return fmt.date(moment) + " " + moment.strftime("%H:%M:%S") + " UTC"


def _event(code) -> str:
    key = labels.AUDIT_EVENTS.get(code)
    return t(key) if key else str(code or "")
