"""The audit log as the Log audit page shows it: the events of warehouse/audit.py as a frame
(newest first) and as a table in the reader's language."""

import json

import pandas as pd

from ui import access, filter_words, fmt, labels
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
            # what the event did before who did it: on a phone the details are read whole
            t("audit.col.details"): [details_text(r.details) for r in rows],
            t("audit.col.actor"): [r.actor or "" for r in rows],
        }
    )


def details_text(details: str) -> str:
    """An event's own fields as a reader reads them, in the reader's language: 'berkas: a.csv;
    baris dibaca: 1.200; ...', a download's filters by their names (areas by name, months as
    words). The download of the log keeps the JSON with its codes, for scripts."""
    try:
        fields = json.loads(details or "{}")
    except json.JSONDecodeError:
        return str(details)
    if not isinstance(fields, dict):
        return str(details)
    parts = []
    for key, value in fields.items():
        if key == "filters" and isinstance(value, dict):
            parts += [
                f"{filter_words.name(k)}: {filter_words.value(k, v)}" for k, v in value.items()
            ]
            continue
        label = t(labels.AUDIT_FIELDS[key]) if key in labels.AUDIT_FIELDS else key
        parts.append(f"{label}: {_field_value(key, value)}")
    return "; ".join(parts)


def _field_value(key: str, value) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return t("audit.yes") if value else t("audit.no")
    if isinstance(value, int | float):
        return fmt.number(value, decimals=0 if isinstance(value, int) else None)
    if key == "role" and value in ROLES:
        return t(ROLES[value])
    if key in filter_words.CHOICES:
        return filter_words.value(key, value)
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)


ROLES = {role.name.lower(): key for role, key in access.LABELS.items()}


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
