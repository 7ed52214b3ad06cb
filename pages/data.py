"""Data: for analysts. Pick a dataset, filter as on the other pages, preview, and download a CSV of
exactly the rows shown, with units, sources, as-of dates and a synthetic column."""

import streamlit as st

from analytics import datasets, queries
from analytics.metrics import LABOUR
from ui import components, filters, present
from ui.i18n import metric_label, t

components.page_setup()
st.title(t("data.title"))
st.caption(t("data.intro"))

dataset = filters.choice(
    "filter.dataset", {d: t(f"dataset.{d}") for d in datasets.DATASETS}, key="dataset"
)
level = filters.level()
areas = filters.areas(level)
start, end = filters.period()
metrics: list[str] = []
if dataset != "umkm":
    catalogue = queries.metric_catalogue()
    labels = {r.code: metric_label(r) for r in catalogue.itertuples()}
    metrics = filters.multichoice("filter.metrics", labels, key="ukuran", default=list(LABOUR))

demo = filters.demo()
frame = datasets.load(dataset, tuple(areas), tuple(metrics), start, end, demo)
components.badge_if_synthetic(frame)
st.caption(t("data.rows", n=len(frame)))
st.dataframe(present.data_preview(frame), hide_index=True, key="data_preview")
components.downloads(
    frame,
    datasets.meta(dataset, tuple(areas), tuple(metrics), start, end, demo),
    key="data_download",
    areas_=tuple(areas),
    start=start,
    end=end,
)
