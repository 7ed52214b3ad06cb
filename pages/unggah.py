"""Unggah data: a data steward adds an agency's file from the browser. Choose what kind of file it
is and the file; see what `python -m etl check` reports (rows, rejected rows with line, column,
masked value and reason, warnings) before anything is written; then name its publisher, URL and
date and add it. The same check and add code as the command line runs (etl/check.py,
etl/add.py), so the rules are the same: personal data screened out, duplicates loaded once, the
writer lock, an atomic rebuild. What the browser sends is looked at first (etl/upload.py).
Below: the files added so far, each removable after a confirmation, as `python -m etl remove`
does (etl/remove.py; the shipped files are not); and a rebuild of the warehouse from data/ as it
is, as `python -m etl build` does."""

import datetime as dt
import hashlib
import io

import pandas as pd
import streamlit as st

from etl import add, build, lock, manifest, remove, upload, urls
from etl.check import CheckResult, check_file
from ui import (
    access,
    downloads,
    fmt,
    labels,
    reasons,
    safe,
    source_tables,
    styles,
    tables,
    upload_headings,
)
from ui.i18n import N_, t, tn
from warehouse import audit, location
from warehouse.location import MANIFEST, data_dir, warehouse_path

# what each kind of file is called on the page (every kind `etl check` and `etl add` take)
KINDS = labels.FILE_KINDS
# why a file is refused before it is read (etl/upload.py's codes)
REFUSED = {
    "empty": N_("upload.refused.empty"),
    "extension": N_("upload.refused.extension"),
    "too_large": N_("upload.refused.too_large"),
    "zip_as_csv": N_("upload.refused.zip_as_csv"),
    "binary_as_csv": N_("upload.refused.binary_as_csv"),
    "not_text": N_("upload.refused.not_text"),
    "not_workbook": N_("upload.refused.not_workbook"),
}
# how long "Tambahkan" waits for another writer (a build or another steward's add) before it
# says so; a person at a browser is better told than kept waiting for minutes
LOCK_WAIT_SECONDS = 5.0
SHOWN_REJECTS = 200  # on screen; the download holds every one


def main(repo) -> None:
    access.require(access.PENGELOLA)  # on the server: the router hides the page as well
    st.title(t("upload.title"))
    st.caption(t("upload.intro"))
    upload_a_file()
    st.divider()
    files_added()
    st.divider()
    rebuild()


def upload_a_file() -> None:
    kind = st.selectbox(
        t("upload.kind"), tuple(KINDS), format_func=lambda k: t(KINDS[k]), key="upload_kind"
    )
    column_headings(kind)
    styles.uploader_words(t("upload.button"), t("upload.limits", limit=limit_mb()))
    received = st.file_uploader(
        t("upload.file"),
        type=[suffix.lstrip(".") for suffix in upload.ALLOWED],
        key="upload_file",
        help=t("upload.file_help"),
    )
    if received is None:
        st.caption(t("upload.choose"))
        return
    sheet = None
    if received.name.lower().endswith(".xlsx"):
        sheet = st.text_input(t("upload.sheet"), key="upload_sheet").strip() or None
    data = received.getvalue()
    refused = upload.refusal(received.name, data, limit_mb())
    if refused is not None:
        st.error(t(REFUSED[refused.code], **refused.details))
        return
    result = checked(received.name, data, kind, sheet)
    show_check(result)
    if result.error is None:
        provenance_and_add(received.name, data, kind, sheet, result)


def column_headings(kind: str) -> None:
    """The headings the check reads for this kind, one line per column: what a steward renames
    an unrecognised heading to (the check's warnings point here)."""
    with st.expander(t("upload.headings")), st.container(key="upload_headings"):
        st.caption(t("upload.headings_intro"))
        for line in upload_headings.headings(kind):
            st.markdown(safe.plain(" · ".join(line)))


def files_added() -> None:
    """The agency files added so far (by this page or `etl add`), each with a remove button that
    asks once more before anything is written. The shipped files are not listed: they are part
    of the project, changed in a commit."""
    st.subheader(t("upload.files_title"))
    st.caption(t("upload.files_intro"))
    files = remove.added_files(data_dir(), warehouse_path())
    if not files:
        st.caption(t("upload.files_none"))
        return
    for added in files:
        entry = added.entry
        with st.container(border=True):
            st.markdown(f"**{safe.plain(entry.title, limit=120)}**")
            st.caption(
                t(
                    "upload.file_line",
                    id=safe.plain(entry.id),
                    publisher=safe.plain(entry.publisher, limit=80),
                    published=_published(entry),
                    loaded=fmt.number(added.rows_loaded, decimals=0),
                    rejected=fmt.number(added.rows_rejected, decimals=0),
                )
            )
            if st.session_state.get("upload_remove_asked") != entry.id:
                st.button(
                    t("upload.remove"),
                    key=f"upload_remove_{entry.id}",
                    icon=":material/delete:",
                    on_click=_ask_to_remove,
                    args=(entry.id,),
                )
                continue
            st.warning(t("upload.remove_confirm", name=safe.plain(entry.title, limit=120)))
            yes, no, _ = st.columns([1, 1, 3])
            confirmed = yes.button(
                t("upload.remove_yes"), key=f"upload_remove_yes_{entry.id}", type="primary"
            )
            no.button(
                t("upload.remove_no"),
                key=f"upload_remove_no_{entry.id}",
                on_click=_ask_to_remove,
                args=(None,),
            )
            if confirmed:
                st.session_state["upload_remove_asked"] = None
                removed(entry)


def _published(entry: manifest.FileEntry) -> str:
    """The publication date in the reader's language (20 Mei 2020), else as the manifest has it."""
    return fmt.date(entry.vintage) if entry.vintage else safe.plain(entry.published)


def _ask_to_remove(file_id: str | None) -> None:
    st.session_state["upload_remove_asked"] = file_id


def removed(entry: manifest.FileEntry) -> None:
    """Run `etl remove` on the file and say what came of it."""
    out = io.StringIO()
    try:
        with st.spinner(t("upload.removing")):
            code = remove.remove(
                entry.id,
                data_dir(),
                out=out,
                warehouse=warehouse_path(),
                wait=LOCK_WAIT_SECONDS,
                actor=access.actor(),
            )
    except lock.LockTimeout:
        busy()
        return
    name = safe.plain(entry.title, limit=120)
    if code == 0:
        st.success(t("upload.removed", name=name, id=safe.plain(entry.id)))
    else:
        st.error(t("upload.not_removed", name=name))
    with st.expander(t("upload.etl_output")):
        st.code(out.getvalue(), language=None)


def busy() -> None:
    """Another steward (or the command line) holds the writer lock: say since when; nothing
    changed."""
    _who, since = lock.holder(warehouse_path())
    st.warning(t("upload.busy", since=since))


def technical_failure(details: str) -> None:
    """A build stopped by a data check, the golden figures or the manifest: an operator's
    message naming checks and SQL, kept as the ETL wrote it (English, as on the command line)
    under a sentence in the reader's language."""
    st.error(t("upload.rebuild_failed_technical"))
    with st.expander(t("upload.etl_output"), expanded=True):
        st.code(details, language=None)


def rebuild() -> None:
    """Rebuild the warehouse from data/ as it is (after a file was put there by hand, or to
    retry a build that failed), as `python -m etl build` does, and log who did."""
    st.subheader(t("upload.rebuild_title"))
    st.caption(t("upload.rebuild_intro"))
    if not st.button(t("upload.rebuild"), key="upload_rebuild"):
        return
    try:
        with st.spinner(t("upload.rebuilding")):
            report = build.build(wait=LOCK_WAIT_SECONDS)
    except lock.LockTimeout:
        busy()
        return
    except build.BuildError as e:  # a file that cannot be read says why in the reader's language
        if e.reason:
            st.error(t("upload.rebuild_failed", error=safe.plain(reasons.text(e.reason))))
        else:
            technical_failure(str(e))
        return
    except manifest.ManifestError as e:
        technical_failure(str(e))
        return
    audit.record(
        "rebuild",
        access.actor(),
        path=location.audit_path(report.warehouse),
        files=len(report.files),
        rows_read=report.rows_read,
        rows_loaded=report.rows_loaded,
        rows_rejected=report.rows_rejected,
    )
    st.success(
        t(
            "upload.rebuilt",
            files=fmt.number(len(report.files), decimals=0),
            loaded=fmt.number(report.rows_loaded, decimals=0),
            rejected=fmt.number(report.rows_rejected, decimals=0),
        )
    )


def limit_mb() -> int:
    return int(st.get_option("server.maxUploadSize"))


def checked(name: str, data: bytes, kind: str, sheet: str | None) -> CheckResult:
    """`etl check` of the uploaded bytes, once per file, kind and sheet (a rerun of the page,
    such as typing in the form, does not read the file again)."""
    key = (hashlib.sha256(data).hexdigest(), kind, sheet)
    last = st.session_state.get("upload_checked")
    if last is None or last[0] != key:
        with st.spinner(t("upload.checking")), upload.staged(name, data) as path:
            result = check_file(path, kind, sheet)
        result.file = upload.safe_name(name)
        st.session_state["upload_checked"] = (key, result)
        return result
    return last[1]


def show_check(result: CheckResult) -> None:
    st.subheader(t("upload.check_title"))
    if result.error is not None:
        why = reasons.text(result.error, result.error_key, result.error_args)
        st.error(t("upload.unreadable", error=safe.plain(why)))
        return
    read, loaded, rejected = st.columns(3)
    read.metric(t("upload.rows_read"), fmt.number(result.rows_read, decimals=0))
    loaded.metric(t("upload.rows_loaded"), fmt.number(result.rows_loaded, decimals=0))
    rejected.metric(t("upload.rows_rejected"), fmt.number(result.rows_rejected, decimals=0))
    if result.figures_loaded:
        n = result.figures_loaded
        st.caption(
            tn("upload.figures", "upload.figures_plural", n, count=fmt.number(n, decimals=0))
        )
    for warning in result.warnings:  # in the reader's language, and plain text
        st.warning(safe.plain(reasons.text(warning)))
    if not result.rejected:
        st.success(t("upload.no_rejects"))
        return
    n = len(result.rejected)
    st.warning(tn("upload.rejects", "upload.rejects_plural", n, count=fmt.number(n, decimals=0)))
    frame = reasons.rejected(pd.DataFrame(result.rejected).assign(source_file=result.file))
    # a plain table, which wraps the reasons to the screen's width (a grid cut them at a phone's)
    tables.show_whole(
        source_tables.check_rejects_table(frame.head(SHOWN_REJECTS)), key="upload_rejects"
    )
    if len(frame) > SHOWN_REJECTS:
        st.caption(t("upload.rejects_more", shown=SHOWN_REJECTS))
    meta = downloads.meta_for("baris_ditolak_unggahan", t("upload.check_title"))
    downloads.downloads(frame, meta, "upload_rejects_dl", role=access.PENGELOLA)


def provenance_and_add(name: str, data: bytes, kind: str, sheet, result: CheckResult) -> None:
    """Where the figures were published, then the add itself."""
    st.subheader(t("upload.provenance"))
    styles.date_hint(t("upload.date.day"), t("upload.date.month"), t("upload.date.year"))
    with st.form("upload_add"):
        publisher = st.text_input(t("upload.publisher"), key="upload_publisher")
        url = st.text_input(t("upload.url"), key="upload_url")
        published = st.date_input(
            t("upload.published"), value=None, format="DD/MM/YYYY", key="upload_published"
        )
        title = st.text_input(t("upload.file_title"), key="upload_title")
        accept = st.checkbox(
            t("upload.accept_rejects"), disabled=not result.rejected, key="upload_accept"
        )
        submitted = st.form_submit_button(t("upload.add"), type="primary")
    if not submitted:
        return
    problems = form_problems(publisher, url, published, result, accept)
    if problems:
        for problem in problems:
            st.error(problem)
        return
    assert isinstance(published, dt.date)
    added(name, data, kind, sheet, publisher.strip(), url.strip(), published, title.strip(), accept)


def form_problems(publisher: str, url: str, published, result: CheckResult, accept) -> list[str]:
    problems = []
    if not publisher.strip():
        problems.append(t("upload.need_publisher"))
    if not url.strip().lower().startswith(("http://", "https://")):
        problems.append(t("upload.need_url"))
    elif problem := urls.url_problem(url.strip()):
        problems.append(t("upload.bad_url", problem=safe.plain(reasons.text(problem))))
    if not isinstance(published, dt.date):
        problems.append(t("upload.need_date"))
    if result.rejected and not accept:
        problems.append(t("upload.need_accept"))
    return problems


def added(name, data, kind, sheet, publisher, url, published, title, accept) -> None:
    """Run `etl add` on the uploaded bytes and say what came of it."""
    before = {entry.id for entry in manifest.load(data_dir() / MANIFEST)}
    out = io.StringIO()
    try:
        with st.spinner(t("upload.adding")), upload.staged(name, data) as path:
            code = add.add(
                path,
                kind,
                publisher,
                url,
                published.isoformat(),
                title=title or upload.safe_name(name),
                sheet=sheet,
                accept_rejects=accept,
                out=out,
                wait=LOCK_WAIT_SECONDS,
                actor=access.actor(),
            )
    except lock.LockTimeout:
        busy()
        return
    new = [e for e in manifest.load(data_dir() / MANIFEST) if e.id not in before]
    if code == 0 and new:
        st.success(t("upload.added", name=safe.plain(name), id=safe.plain(new[0].id)))
    elif code == 0:
        st.info(t("upload.known", name=safe.plain(name)))
    else:
        st.error(t("upload.not_added", name=safe.plain(name)))
    with st.expander(t("upload.etl_output")):
        st.code(out.getvalue(), language=None)


if __name__ == "__main__":  # a deep link's first visit runs this file alone: hand it to the router
    from ui import router

    router.run()
