"""Sumber & Metode: for analysts. Every source and what it covers; the data dictionary of measures
and download columns; the method notes; where demo data is used; and the build status: when, from
which files (checksums), rows loaded and rejected, and the rejected rows themselves. The files,
their checksums, the rejected rows and the load notes are for staff (ui/access.py): for the public
they are not queried at all."""

import streamlit as st

from analytics import privacy
from ui import access, captions, downloads, filters, present, reasons, source_tables, tables
from ui.i18n import document, metric_label, t


def main(repo) -> None:
    st.title(t("method.title"))
    st.caption(t("method.intro"))
    st.header(t("method.sources"))
    sources_table(repo)
    st.header(t("method.dictionary"))
    data_dictionary(repo)
    st.header(t("method.notes"))
    method_notes(repo)
    st.subheader(t("method.synthetic"))
    where_demo_data_is_used(repo)
    st.header(t("method.build"))
    build_status(repo)


def sources_table(repo) -> None:
    sources = repo.sources()
    if not filters.demo():  # the demo switch off: the figures' sources are the real ones only
        sources = sources[~sources["synthetic"].astype(bool)]
    files = int(repo.build_info().iloc[0].files)  # the count is public; the files' list is not
    st.caption(t("method.sources_count", n=len(sources), files=files))
    captions.badge_if_synthetic(sources)
    names = {r.code: metric_label(r) for r in repo.metric_catalogue().itertuples()}
    tables.show(source_tables.sources_table(sources, names), key="sources")
    downloads.downloads(sources, downloads.meta_for("sumber", t("method.sources")), "sources_dl")


def data_dictionary(repo) -> None:
    st.subheader(t("method.metrics"))
    measures = repo.metric_catalogue()
    tables.show(source_tables.metrics_table(measures), key="metrics")
    meta = downloads.meta_for("kamus_ukuran", t("method.metrics"))
    downloads.downloads(measures, meta, "metrics_dl")
    st.subheader(t("method.columns"))
    columns = source_tables.column_dictionary()
    tables.show(columns, key="columns")
    downloads.downloads(
        columns, downloads.meta_for("kamus_kolom", t("method.columns")), "columns_dl"
    )


def method_notes(repo) -> None:
    run = repo.build_info().iloc[0]
    st.markdown(
        document(
            "metode",
            max_carry=run.max_carry_months,
            threshold=privacy.threshold(),
            conflict_days=run.conflict_days,
            total_days=run.total_days,
        )
    )


def where_demo_data_is_used(repo) -> None:
    coverage = repo.synthetic_coverage()
    st.caption(present.synthetic_summary(coverage))
    tables.show_first(coverage, source_tables.synthetic_coverage_table, key="synthetic_coverage")
    meta = downloads.meta_for("data_contoh", t("method.synthetic"))
    downloads.downloads(coverage, meta, "synthetic_dl")


def build_status(repo) -> None:
    captions.build_caption(repo)
    if not access.allowed(access.STAF):
        access.withheld(access.STAF)
        return
    files = repo.source_files()
    st.subheader(t("method.files"))
    tables.show(source_tables.files_table(files), key="files")
    meta = downloads.meta_for("berkas_masukan", t("method.files"))
    downloads.downloads(files, meta, "files_dl", role=access.STAF)
    st.subheader(t("method.rejected"))
    rejected = reasons.rejected(repo.rejected())  # each reason in the reader's language
    if rejected.empty:
        st.caption(t("method.no_rejects"))
    else:
        tables.show(source_tables.rejected_table(rejected), key="rejected")
    meta = downloads.meta_for("baris_ditolak", t("method.rejected"))
    downloads.downloads(rejected, meta, "rejected_dl", role=access.STAF)
    warnings = reasons.notes(repo.load_warnings())
    if not warnings.empty:
        st.subheader(t("method.warnings"))
        tables.show(
            warnings[["message"]].rename(columns={"message": t("col.note")}), key="warnings"
        )


if __name__ == "__main__":  # a deep link's first visit runs this file alone: hand it to the router
    from ui import router

    router.run()
