"""Sumber & Metode: for analysts. Every source and what it covers; the data dictionary of measures
and download columns; the method notes; and the build status: when, from which files (checksums),
rows loaded and rejected, and the rejected rows themselves."""

import streamlit as st

from analytics import dictionary, privacy, queries
from ui import components, filters, present
from ui.i18n import document, lang, t

components.page_setup()
st.title(t("method.title"))
st.caption(t("method.intro"))
run = queries.build_info().iloc[0]
files = queries.source_files()

st.header(t("method.sources"))
sources = queries.sources()
if not filters.demo():  # the demo switch off: the figures' sources are the real ones only
    sources = sources[~sources["synthetic"].astype(bool)]
st.caption(t("method.sources_count", n=len(sources), files=len(files)))
components.badge_if_synthetic(sources)
st.dataframe(sources, hide_index=True, key="sources")
components.downloads(sources, components.meta_for("sumber", "method.sources"), "sources_dl")

st.header(t("method.dictionary"))
st.subheader(t("method.metrics"))
measures = dictionary.metrics()
st.dataframe(measures, hide_index=True, key="metrics")
components.downloads(measures, components.meta_for("kamus_ukuran", "method.metrics"), "metrics_dl")
st.subheader(t("method.columns"))
columns = dictionary.columns(lang())
st.dataframe(columns, hide_index=True, key="columns")
components.downloads(columns, components.meta_for("kamus_kolom", "method.columns"), "columns_dl")

st.header(t("method.notes"))
st.markdown(
    document(
        "metode",
        max_carry=run.max_carry_months,
        threshold=privacy.threshold(),
        conflict_days=run.conflict_days,
        total_days=run.total_days,
    )
)

st.subheader(t("method.synthetic"))
coverage = queries.synthetic_coverage()
st.caption(present.synthetic_summary(coverage))
st.dataframe(present.synthetic_coverage_table(coverage), hide_index=True, key="synthetic_coverage")
components.downloads(
    coverage, components.meta_for("data_contoh", "method.synthetic"), "synthetic_dl"
)

st.header(t("method.build"))
components.build_caption()
st.subheader(t("method.files"))
st.dataframe(files, hide_index=True, key="files")
components.downloads(files, components.meta_for("berkas_masukan", "method.files"), "files_dl")
st.subheader(t("method.rejected"))
rejected = queries.rejected()
if rejected.empty:
    st.caption(t("method.no_rejects"))
else:
    st.dataframe(rejected, hide_index=True, key="rejected")
components.downloads(
    rejected, components.meta_for("baris_ditolak", "method.rejected"), "rejected_dl"
)
warnings = queries.load_warnings()
if not warnings.empty:
    st.subheader(t("method.warnings"))
    st.dataframe(warnings, hide_index=True, key="warnings")
