"""Pulih: the entry point. Page config, navigation over pages/, the shared sidebar."""

import streamlit as st

from ui import components, filters
from ui.i18n import t

st.set_page_config(page_title=t("app.title"), page_icon=":material/monitoring:", layout="wide")

pages = [
    st.Page(
        "pages/ringkasan.py", title=t("nav.overview"), icon=":material/dashboard:", default=True
    ),
    st.Page("pages/wilayah.py", title=t("nav.areas"), icon=":material/map:"),
    st.Page("pages/dampak_adopsi.py", title=t("nav.impact"), icon=":material/scatter_plot:"),
    st.Page("pages/data.py", title=t("nav.data"), icon=":material/table:"),
    st.Page("pages/sumber_metode.py", title=t("nav.method"), icon=":material/menu_book:"),
]
page = st.navigation(pages)

with st.sidebar:
    st.markdown(f"**{t('app.title')}**  \n{t('app.tagline')}")
    components.warehouse_or_stop()
    filters.demo_switch()
    components.build_caption()

try:
    page.run()
except Exception:  # st.stop() and st.rerun() are BaseExceptions: they pass through
    components.page_error()
