"""Data: for analysts. Pick a dataset, filter as on the other pages, preview, and download exactly
the rows shown, with units, sources, as-of dates and a synthetic column."""

import streamlit as st

from analytics import datasets
from analytics.metrics import LABOUR
from ui import captions, downloads, filters, labels, tables
from ui.i18n import metric_label, t, tn


def main(repo) -> None:
    st.title(t("data.title"))
    st.caption(t("data.intro"))
    notices = st.container()
    names = {d: t(labels.DATASETS[d]) for d in datasets.DATASETS}
    dataset = filters.choice(t("filter.dataset"), names, key="dataset")
    level = filters.level()
    # the areas of one parent at a time: a level's default is never the whole country
    areas = tuple(filters.areas(repo, level, filters.scope(repo, level)))
    start, end = filters.period(repo)
    metrics: tuple[str, ...] = ()
    if dataset != "umkm":
        metric_names = {r.code: metric_label(r) for r in repo.metric_catalogue().itertuples()}
        chosen = filters.multichoice(
            t("filter.metrics"), metric_names, key="ukuran", default=list(LABOUR)
        )
        metrics = tuple(chosen)
    with notices:
        filters.url_notices()
    demo = filters.demo()
    frame = datasets.load(repo, dataset, areas, metrics, start, end, demo)
    captions.badge_if_synthetic(frame)
    if len(frame) <= tables.PREVIEW_ROWS:
        st.caption(tn("data.rows", "data.rows.plural", len(frame)))
    # the preview is the first rows (a page of them); the download is every row
    tables.show_first(frame, lambda rows: tables.data_preview(rows, dataset), key="data_preview")
    downloads.downloads(
        frame,
        datasets.meta(dataset, areas, metrics, start, end, demo),
        key="data_download",
        areas_=areas,
        start=start,
        end=end,
    )


if __name__ == "__main__":  # a deep link's first visit runs this file alone: hand it to the router
    from ui import router

    router.run()
