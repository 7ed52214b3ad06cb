"""Moving between areas, in one place: the level below an area (a drill, from a button, a map
click or a ranking row), the way back up (the breadcrumb), and the jump from a headline card to
the reports that disagree with it. It sets Wilayah's filters (`level`, `induk`, `areas_<level>`)
through ui/filters.py (preset, forget), which keeps them: drill state has this one home."""

import pandas as pd
import streamlit as st

from analytics import areas
from ui import filters, safe
from ui.i18n import t

CHILD_LEVEL = {"country": "province", "province": "regency", "regency": "district"}
NOTICE = "_drill_notice"


def drill(repo, code: str) -> None:
    """Open the level below an area (a callback: runs before the widgets are drawn again)."""
    regions = repo.regions().set_index("code")
    if code not in regions.index:
        return
    below = CHILD_LEVEL.get(regions.loc[code, "level"])
    if below is None or not (regions.parent_code == code).any():
        st.session_state[NOTICE] = regions.loc[code, "name"]
        return
    _open(below, code)


def _open(level: str, parent: str) -> None:
    """Wilayah at `level`, under `parent` (a callback on Wilayah: before its widgets are drawn)."""
    filters.preset("wilayah", "level", level)
    if level == "regency":
        filters.preset("wilayah", filters.PROVINCE, parent)
    if level == "district":
        filters.preset("wilayah", "induk", parent)
    filters.forget(f"areas_{level}")  # the new level starts from its default areas


def drill_notice() -> None:
    name = st.session_state.pop(NOTICE, None)
    if name:
        st.info(t("drill.none", area=safe.plain(name)))


def breadcrumb(repo, level_code: str, parent: str | None) -> None:
    """Where the comparison sits (Provinsi Banten › Kota Tangerang), with a way back up."""
    path = areas.lineage(repo, parent) if parent else []
    if not path:
        return
    st.caption(" › ".join(safe.plain(name) for _, name in path))
    regions = repo.regions().set_index("code")
    country = regions.loc[path[0][0], "parent_code"]  # Indonesia: every province
    ups = [(country, regions.loc[country, "name"])] if country in regions.index else []
    for code, name in ups + path[:-1]:
        st.button(
            t("drill.up", area=safe.plain(name)),
            key=f"up_{code}",
            on_click=_up,
            args=(repo, code),
            icon=":material/north:",
        )


def _up(repo, code: str) -> None:
    """Back up to the areas under `code` (for the province: its kabupaten/kota)."""
    level = repo.regions().set_index("code").loc[code, "level"]
    _open(CHILD_LEVEL[level], code)


def drill_buttons(repo, latest: pd.DataFrame) -> None:
    """A button for each area with areas below it (a click on the map or ranking does the same)."""
    with_children = set(repo.regions().parent_code.dropna())
    for r in latest.itertuples():
        if r.region_code in with_children:
            area = safe.plain(r.region_name)
            st.button(
                t("drill.open_regencies", area=area)
                if r.level == "province"
                else t("drill.open", area=area),
                key=f"drill_{r.region_code}",
                on_click=drill,
                args=(repo, r.region_code),
                icon=":material/south:",
            )


def drill_from_map(repo, key: str) -> None:
    points = (st.session_state.get(key) or {}).get("selection", {}).get("points", [])
    if points:
        code = points[0].get("customdata")
        drill(repo, code[0] if isinstance(code, list) else code)


def drill_from_table(repo, key: str, codes: tuple[str, ...]) -> None:
    rows = (st.session_state.get(key) or {}).get("selection", {}).get("rows", [])
    if rows and rows[0] < len(codes):
        drill(repo, codes[rows[0]])


def conflict_link(repo, region: str, key: str) -> None:
    """'Laporan berbeda': the figure has a report that disagrees with it; the button opens the two
    side by side on Wilayah, for this area."""
    if st.button(t("conflict.flag"), key=key, icon=":material/compare_arrows:", type="tertiary"):
        level = repo.regions().set_index("code").loc[region, "level"]
        filters.preset("wilayah", "level", level)
        filters.preset("wilayah", f"areas_{level}", [region])
        filters.preset("wilayah", "tab", "conflicts")
        from ui import router  # the router imports the pages, which import this module

        st.switch_page(router.page("wilayah"))
