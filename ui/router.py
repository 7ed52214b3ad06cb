"""The router: page config, navigation over pages/, the shared sidebar, and the edge every page
runs inside. Each page is a function `main(repo)`; the router passes it the repository (ui/data.py:
the cached queries). A page that fails shows a short message and an error id, never a trace."""

import logging
import secrets
from importlib import import_module

import streamlit as st

from analytics import db
from ui import captions, data, filters, printing
from ui.i18n import N_, t

# (url path and module in pages/, i18n key of the title, icon)
PAGES = (
    ("ringkasan", N_("nav.overview"), ":material/dashboard:"),
    ("wilayah", N_("nav.areas"), ":material/map:"),
    ("dampak_adopsi", N_("nav.impact"), ":material/scatter_plot:"),
    ("data", N_("nav.data"), ":material/table:"),
    ("sumber_metode", N_("nav.method"), ":material/menu_book:"),
)


def _page(name: str, repo):
    main = import_module(f"pages.{name}").main

    def run() -> None:
        # whose filters this run reads and keeps (ui/filters.py)
        st.session_state[filters.PAGE] = name
        main(repo)

    run.__name__ = name  # Streamlit names a page after its function
    return run


def run(repo=data, default: str = "ringkasan") -> None:
    """The whole app for one script run. `default` is the page a bare URL opens (tests open
    another page through it)."""
    st.set_page_config(page_title=t("app.title"), page_icon=":material/monitoring:", layout="wide")
    printing.style()  # the browser's own print of any page: nothing cut off (ui/print.css)
    pages = {
        name: st.Page(
            _page(name, repo), title=t(key), icon=icon, url_path=name, default=name == default
        )
        for name, key, icon in PAGES
    }
    st.session_state["_pages"] = pages  # for st.switch_page from a page (ui/navigation.py)
    current = st.navigation(list(pages.values()))
    st.session_state.pop(filters.NOTICES, None)  # no notice of another page's link shown here
    with st.sidebar:
        st.markdown("**" + t("app.title") + "**  \n" + t("app.tagline"))
        warehouse_or_stop()
        filters.demo_switch()
        captions.build_caption(repo)
    try:
        current.run()
    except Exception:  # st.stop() and st.rerun() are BaseExceptions: they pass through
        page_error()


def page(name: str):
    """The st.Page of a page of this app, for st.switch_page."""
    return st.session_state["_pages"][name]


def page_error() -> None:
    """What a reader sees when a page fails: a short message and an error id; the trace goes to
    the server log under that id, never to the browser (server paths, internals)."""
    error_id = secrets.token_hex(4)
    logging.getLogger("pulih").exception("page error %s", error_id)
    st.error(t("error.page", id=error_id), icon=":material/error:")


def warehouse_or_stop() -> None:
    """A clear message instead of a traceback when the warehouse has not been built, or is there
    but cannot be used (empty, truncated, not DuckDB, a table or its build record missing)."""
    try:
        db.check()
    except db.WarehouseBroken as e:
        st.error(t("warehouse.broken", file=e.path.name, detail="; ".join(e.problems)))
        st.stop()
    except db.WarehouseMissing:
        st.error(t("warehouse.missing"))
        st.stop()
