"""Log audit: for the data stewards (pengelola). Who signed in, downloaded, added or removed a
file, or rebuilt the warehouse, newest first, with a download of the whole log. Actors are
pseudonymous ids (warehouse/audit.py); the log holds no value from any file."""

import streamlit as st

from ui import access, audit_log, downloads, tables
from ui.i18n import t, tn


def main(repo) -> None:
    access.require(access.PENGELOLA)  # the router checks too; this page never runs without it
    st.title(t("audit.title"))
    st.caption(t("audit.intro", file=audit_log.location_name()))
    events = audit_log.events()
    st.caption(tn("audit.count", "audit.count.plural", len(events)))
    # a plain table, which wraps each event's details to the screen's width (ui/screen.css)
    tables.show_whole_or_stacked(audit_log.table(events), key="audit_table")
    meta = downloads.meta_for("log_audit", t("audit.title"))
    downloads.downloads(events, meta, "audit_dl", role=access.PENGELOLA)


if __name__ == "__main__":  # a deep link's first visit runs this file alone: hand it to the router
    from ui import router

    router.run()
