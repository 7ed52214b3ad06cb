"""The router: page config, navigation over pages/, the shared sidebar, and the edge every page
runs inside. Each page is a function `main(repo)`; the router passes it the repository (ui/data.py:
the cached queries). A page that fails shows a short message and an error id, never a trace."""

import logging
import secrets
from importlib import import_module
from typing import NamedTuple

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from analytics import db
from ui import (
    access,
    captions,
    data,
    filters,
    history,
    i18n,
    language,
    page_icon,
    streamlit_words,
    styles,
)
from ui.access import Role
from ui.i18n import N_, t


class Page(NamedTuple):
    name: str  # url path, and module in pages/
    title: str  # i18n key of the title
    icon: str
    role: Role = access.PUBLIK  # the lowest role that may open it (ui/access.py)


PAGES = (
    Page("ringkasan", N_("nav.overview"), ":material/dashboard:"),
    Page("wilayah", N_("nav.areas"), ":material/map:"),
    Page("dampak_adopsi", N_("nav.impact"), ":material/scatter_plot:"),
    Page("data", N_("nav.data"), ":material/table:"),
    Page("sumber_metode", N_("nav.method"), ":material/menu_book:"),
    Page("unggah", N_("nav.upload"), ":material/upload_file:", access.PENGELOLA),
    Page("log_audit", N_("nav.audit"), ":material/history:", access.PENGELOLA),
)


def _page(name: str, repo, role: Role = access.PUBLIK):
    main = import_module(f"pages.{name}").main

    def run() -> None:
        # a page a role may not use is left out of the navigation, and its link (typed, shared,
        # bookmarked) stops here with the sign-in message: the check is on the server
        access.require(role)
        # whose filters this run reads and keeps (ui/filters.py)
        st.session_state[filters.PAGE] = name
        main(repo)

    run.__name__ = name  # Streamlit names a page after its function
    return run


def run(repo=data, default: str = "ringkasan") -> None:
    """The whole app for one script run. `default` is the page a bare URL opens (tests open
    another page through it)."""
    st.session_state.pop(filters.NOTICES, None)  # no notice of another page's link shown here
    language.seed()  # before the first text: page titles are in the reader's language too
    st.set_page_config(page_title=t("app.title"), page_icon=page_icon.icon(), layout="wide")
    styles.style()  # text contrast on screen, and the browser's own print of any page
    history.one_entry_per_page()  # before any page's filters reach the URL
    role = access.current_role()
    # /ringkasan (typed, or the briefing's link) names the default page, whose url_path is "":
    # Streamlit opened it under its English "Page not found" dialog. For that run the page is
    # not the default, so its name resolves, and a hidden stand-in at "/" is the default.
    by_name = _asked() == default
    pages = {
        p.name: st.Page(
            _page(p.name, repo, p.role),
            title=t(p.title),
            icon=p.icon,
            url_path=p.name,
            default=p.name == default and not by_name,
            visibility="visible" if role >= p.role else "hidden",
        )
        for p in PAGES
    }
    st.session_state["_pages"] = pages  # for st.switch_page from a page (ui/navigation.py)
    unknown = _unknown_path(pages)
    extra = [_not_found(unknown, _page(default, repo), pages[default].title)] if unknown else []
    if by_name:
        extra.append(_stand_in(_page(default, repo), pages[default].title))
    current = st.navigation(list(pages.values()) + extra)
    with st.sidebar:
        st.markdown("**" + t("app.title") + "**  \n" + t("app.tagline"))
        language.switch()
        streamlit_words.relabel()  # Streamlit's own names in the language just chosen
        access.sidebar()
        warehouse_or_stop()
        filters.demo_switch()
        captions.build_caption(repo)
    # a page with filters names the link's unknown values under its title; what is left (the
    # language, the sidebar's switch, a page without such a place) is named above the page
    leftover = st.container()
    try:
        with i18n.one_language():  # the sidebar has set it; the page does not change it
            current.run()
    except Exception:  # st.stop() and st.rerun() are BaseExceptions: they pass through
        page_error()
    with leftover:
        filters.url_notices()


def _asked() -> str | None:
    """The page path the browser asked for ("wilayah"; "" or None for a bare URL)."""
    ctx = get_script_run_ctx()
    return ctx.pages_manager.intended_page_name if ctx else None


def _unknown_path(pages: dict) -> str | None:
    """The path the reader asked for when it is none of the app's pages (an old or mistyped
    link). Streamlit would answer it with its own English-only "Page not found" dialog."""
    asked = _asked()
    known = {p.url_path for p in pages.values()} | set(pages)
    if not asked or asked in known or "/" in asked:  # a nested path cannot be a page's url_path
        return None
    return asked


def _not_found(path: str, default, title: str):
    """A hidden page at the unknown path: the default page under a notice, in the reader's
    language, so the link still opens something useful and says what happened."""

    def not_found() -> None:
        st.warning(t("nav.not_found", path=path, page=title), icon=":material/link_off:")
        default()

    return st.Page(not_found, title=title, url_path=path, visibility="hidden")


def _stand_in(default, title: str):
    """The default page, hidden, at "/" for a run that asked for the default page by its name
    (a second page at that name made Streamlit stop with "Two pages resolve to the URL
    pathname"; its hash is its url_path, so this one has a path of its own)."""
    return st.Page(default, title=title, url_path="_", default=True, visibility="hidden")


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
