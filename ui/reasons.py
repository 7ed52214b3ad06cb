"""Why a row was rejected, and what a load noticed, in the reader's language.

The ETL stores each reason as its English text, its template (a message id of warehouse/reasons.py,
in the gettext catalogs) and the template's values as JSON (rejected.reason_key / reason_args,
load_warning.message_key / message_args). Here the template is looked up in the reader's language
and filled in: values from the file as written (already masked), words the code chose ("NIK",
"kecamatan", a unit) translated, numbers written as the reader's language writes them (ui/fmt.py). A
reason stored without a template, or whose values cannot be read, shows its stored text. The result
is plain text: a page shows it in a table cell, or through ui/safe.py.

The templates and how values are written into them are the ETL's own (warehouse/reasons.py, pure: no
database, no Streamlit), so the English on screen is the English the command line prints.
"""

import pandas as pd

from ui import fmt
from ui.i18n import english_id
from warehouse import reasons


def text(stored: str, key: str | None = None, args: str | None = None) -> str:
    """A stored reason in the reader's language; `stored` itself when it has no template."""
    if isinstance(stored, reasons.Reason):
        return _written(stored)
    if not isinstance(key, str) or not key or not isinstance(args, str):
        return stored
    try:
        return _written(reasons.decoded(key, args))
    except (ValueError, KeyError, IndexError, TypeError, AssertionError):  # an odd stored value
        return stored


def _written(made: reasons.Reason) -> str:
    # the steward's words where the operators' name a server file (warehouse/reasons.py)
    return reasons.render(
        made.key, made.args, translate=lambda k: english_id(reasons.said(k)), number=fmt.number
    )


def rejected(frame: pd.DataFrame) -> pd.DataFrame:
    """The rejected rows with their reason in the reader's language, without the template
    columns: for the table and its download."""
    if frame.empty:
        return frame.drop(columns=["reason_key", "reason_args"], errors="ignore")
    keys = frame["reason_key"] if "reason_key" in frame else [None] * len(frame)
    args = frame["reason_args"] if "reason_args" in frame else [None] * len(frame)
    written = [text(r, k, a) for r, k, a in zip(frame["reason"], keys, args, strict=True)]
    return frame.drop(columns=["reason_key", "reason_args"], errors="ignore").assign(reason=written)


def notes(frame: pd.DataFrame) -> pd.DataFrame:
    """The load notes with their message in the reader's language (as `rejected`)."""
    if frame.empty:
        return frame.drop(columns=["message_key", "message_args"], errors="ignore")
    written = [
        text(m, k, a)
        for m, k, a in zip(
            frame["message"], frame["message_key"], frame["message_args"], strict=True
        )
    ]
    return frame.drop(columns=["message_key", "message_args"]).assign(message=written)
