"""Display tables: query results as a person reads them, labelled, formatted, in the reader's
language (the downloads keep the raw columns)."""

import pandas as pd
import streamlit as st

from ui import fmt, labels, present, safe
from ui import table_cells as cells
from ui.i18n import t
from ui.present import missing_text, note, population_basis, shown


def reported_timeline(frame: pd.DataFrame, metrics: tuple[str, ...]) -> pd.DataFrame:
    """One row per report date, one column per measure (figure with qualifier), and the sources."""
    if frame.empty:
        return pd.DataFrame()
    frame = frame.assign(
        shown=[
            fmt.figure(r.value, r.qualifier, r.unit)
            + (" (" + t("conflict.short") + ")" if getattr(r, "conflict", False) else "")
            for r in frame.itertuples()
        ],
        day=[fmt.date(r.ref_date, r.date_precision) for r in frame.itertuples()],
    )
    table = frame.pivot_table(
        index=["ref_date", "day"], columns="metric_label", values="shown", aggfunc=" / ".join
    )
    sources = frame.groupby(["ref_date", "day"])["outlet"].agg(
        lambda s: "; ".join(dict.fromkeys(s))
    )
    # measures in the order the caller asked for them (PHK, dirumahkan, closures), not alphabetical
    order = frame.drop_duplicates("metric").set_index("metric")["metric_label"]
    table = table[[order[m] for m in metrics if m in order.index]]
    table[t("col.source")] = sources
    table = table.reset_index().drop(columns="ref_date").rename(columns={"day": t("col.date")})
    table.columns.name = None
    return table.fillna("—")


def revisions_table(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per figure that moved between two releases of a series."""
    return pd.DataFrame(
        {
            t("col.area"): frame["region_name"].tolist(),
            t("col.metric"): frame["metric_label"].tolist(),
            t("col.date"): [fmt.date(d) for d in frame["ref_date"]],
            t("revisions.previous"): [
                fmt.figure(r.previous_value, r.previous_qualifier, r.unit)
                for r in frame.itertuples()
            ],
            t("revisions.latest"): [
                fmt.figure(r.latest_value, r.latest_qualifier, r.unit) for r in frame.itertuples()
            ],
            t("revisions.change"): [t(labels.CHANGES[c]) for c in frame["change"]],
        }
    )


def reported_list(frame: pd.DataFrame) -> pd.DataFrame:
    """Reported figures one per row: date, measure, figure, source."""
    return pd.DataFrame(
        {
            t("col.date"): [fmt.date(r.ref_date, r.date_precision) for r in frame.itertuples()],
            t("col.value"): [fmt.figure(r.value, r.qualifier, r.unit) for r in frame.itertuples()],
            t("col.metric"): frame["metric_label"].tolist(),
            t("col.source"): [
                ", ".join(x for x in (r.statement_by, r.outlet) if isinstance(x, str) and x)
                for r in frame.itertuples()
            ],
            t("col.note"): [note(r) for r in frame.itertuples()],
        }
    )


ROW_PX = 35  # st.dataframe's row height (the header row too), and its 3 px of border


def height_for(rows: int) -> int:
    """The height that shows a table's rows without a scroll bar."""
    return ROW_PX * (rows + 1) + 3


def ranking_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Rank, area, the figure in the mode, the reported figure, its date, note, source and the
    denominator. In absolute figures the compared figure is the reported one: written once."""
    rows = list(frame.itertuples())
    table = {
        t("col.rank"): [str(int(r)) if pd.notna(r) else "—" for r in frame["rank"]],
        t("col.area"): frame["region_name"].tolist(),
        t("col.shown"): [shown(r) for r in rows],
        t("col.value"): [fmt.figure(r.value, r.qualifier, r.unit) for r in rows],
        t("col.as_of"): [fmt.date(r.as_of_date, r.date_precision) for r in rows],
        # the note ("laporan berbeda") and the source before the denominator: what a planner
        # reads first is in view at 1366 px with the sidebar open, the rest a scroll away
        t("col.note"): [note(r) for r in rows],
        t("col.source"): frame["source_names"].tolist(),
        t("col.population"): [
            f"{fmt.number(r.population, decimals=0)} ({population_basis(r)})"
            if pd.notna(r.population)
            else t("areas.none_population")
            for r in rows
        ],
        t("col.synthetic"): frame["synthetic"].astype(bool).tolist(),
    }
    if len(frame) and (frame["shown_unit"] == frame["unit"]).all():  # absolute figures
        del table[t("col.value")]
    return pd.DataFrame(table)


def conflicts_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Two reports that disagree, side by side, with both sources and the difference."""

    def report(r, side: str) -> str:
        label, value, qualifier, unit = (
            getattr(r, f"{side}_{k}") for k in ("label", "value", "qualifier", "unit")
        )
        who = ", ".join(
            x
            for x in (getattr(r, f"{side}_statement_by"), getattr(r, f"{side}_outlet"))
            if isinstance(x, str) and x
        )
        day = fmt.date(getattr(r, f"{side}_ref_date"))
        return f"{label}: {fmt.figure(value, qualifier, unit)} · {day} · {who}"

    return pd.DataFrame(
        {
            t("col.area"): frame["region_name"].tolist(),
            t("conflict.kind"): [t(labels.CONFLICT_KINDS[k]) for k in frame["kind"]],
            t("conflict.a"): [report(r, "a") for r in frame.itertuples()],
            t("conflict.b"): [report(r, "b") for r in frame.itertuples()],
            # in the reports' unit when they share one (PHK and PHK + dirumahkan: workers)
            t("conflict.difference"): [
                fmt.figure(
                    r.difference, r.difference_qualifier, r.a_unit if r.a_unit == r.b_unit else None
                )
                for r in frame.itertuples()
            ],
        }
    )


def impact_table(frame: pd.DataFrame, unit: str, adoption: str = "level") -> pd.DataFrame:
    columns = {
        t("col.area"): frame["region_name"].tolist(),
        t("impact.col.peak"): [fmt.month(m) for m in frame["peak_month"]],
        t("impact.col.phk"): [fmt.figure(v, "exact", "workers") for v in frame["phk_at_peak"]],
        t(labels.IMPACT_AXES[unit]): [
            # one number of decimals down the column ("5,46", "0,80", "2,00"), so they compare
            fmt.fixed(r.x, 2) if pd.notna(r.x) else missing_text(r.excluded)
            for r in frame.itertuples()
        ],
    }
    if adoption == "change":
        columns[t("impact.col.before_month")] = [
            fmt.month(m) for m in frame["adoption_before_month"]
        ]
        columns[t("impact.col.before")] = [fmt.percent(v) for v in frame["adoption_before"]]
    columns[t("impact.col.adoption_month")] = [fmt.month(m) for m in frame["adoption_month"]]
    if adoption == "change":
        columns[t("card.adoption")] = [fmt.percent(v) for v in frame["adoption_after"]]
        columns[t("impact.col.change")] = [present.percentage_points(v) for v in frame["y"]]
    else:
        columns[t("card.adoption")] = [fmt.percent(y) for y in frame["y"]]
    columns[t("col.synthetic")] = frame["synthetic"].astype(bool).tolist()
    return pd.DataFrame(columns)


def _by_month(cells: pd.DataFrame, order: list[str]) -> pd.DataFrame:
    """cells (month, column, text) as one row per month, oldest first, the columns in `order`;
    a month a series has no figure for reads "—"."""
    if cells.empty:
        return pd.DataFrame(columns=[t("col.month"), *order])
    table = cells.pivot_table(index="month", columns="column", values="text", aggfunc="first")
    table = table.reindex(columns=[c for c in order if c in table.columns]).sort_index()
    table.insert(0, t("col.month"), [fmt.month(m) for m in table.index])
    table.columns.name = None
    return table.reset_index(drop=True).fillna("—")


def _marked(text: str, synthetic) -> str:
    """A figure from demo data says so in the cell, as its line does in the legend."""
    return t("chart.legend.synthetic", label=text) if bool(synthetic) else text


def trend_table(labour: pd.DataFrame, umkm: pd.DataFrame) -> pd.DataFrame:
    """Ringkasan's chart as a table: each month's PHK, dirumahkan and UMKM onboarded."""
    onboarded = t("card.umkm_onboarded")
    cells = [
        (r.month, r.metric_label, _marked(fmt.figure(r.value, r.qualifier, r.unit), r.synthetic))
        for r in labour.itertuples()
        if pd.notna(r.value)
    ] + [
        (r.month, onboarded, _marked(fmt.figure(r.onboarded, "exact", "businesses"), r.synthetic))
        for r in umkm.itertuples()
        if pd.notna(r.onboarded)
    ]
    order = list(dict.fromkeys(labour.sort_values("metric")["metric_label"])) + [onboarded]
    return _by_month(pd.DataFrame(cells, columns=["month", "column", "text"]), order)


def paired_table(labour: pd.DataFrame, umkm: pd.DataFrame) -> pd.DataFrame:
    """Dampak vs Adopsi's two areas as a table: each month's PHK and adoption rate per area."""
    names = dict(zip(labour["region_code"], labour["region_name"], strict=True))
    phk, adoption = t("card.phk"), t("card.adoption")
    cells = [
        (
            r.month,
            f"{r.region_name} — {phk}",
            _marked(fmt.figure(r.value, r.qualifier, r.unit), r.synthetic),
        )
        for r in labour.itertuples()
        if pd.notna(r.value)
    ] + [
        (
            r.month,
            f"{names.get(r.region_code, r.region_code)} — {adoption}",
            _marked(fmt.percent(r.adoption_rate), r.synthetic),
        )
        for r in umkm.itertuples()
        if pd.notna(r.adoption_rate)
    ]
    order = [f"{n} — {m}" for n in names.values() for m in (phk, adoption)]
    return _by_month(pd.DataFrame(cells, columns=["month", "column", "text"]), order)


def areas_table(series: pd.DataFrame) -> pd.DataFrame:
    """Wilayah's charts as a table: each month's figure in the chosen mode, one column per area."""
    cells = [
        (r.month, r.region_name, _marked(shown(r), r.synthetic))
        for r in series.itertuples()
        if pd.notna(r.shown)
    ]
    order = list(dict.fromkeys(series.sort_values("region_name")["region_name"]))
    return _by_month(pd.DataFrame(cells, columns=["month", "column", "text"]), order)


# --- tables of the Data and Sumber & Metode pages: labelled columns, formatted values -----------
# (the downloads keep the machine-readable columns; only the screen changes)


def show(table: pd.DataFrame, key: str, **kw) -> None:
    """A display table, or a sentence when it has no row: Streamlit's empty grid says "empty"
    in English whatever the page's language."""
    if table.empty:
        st.caption(t("table.empty"))
    else:
        st.dataframe(table, hide_index=True, key=key, **kw)


def show_whole(table: pd.DataFrame, key: str | None = None) -> None:
    """A short reference table, every row and column at once, as a plain table (st.table): a
    grid (st.dataframe) is drawn on a canvas that scrolls on its own, so on paper it printed its
    first rows, cut at the paper's edge, and none of its words were text. On screen a plain
    table wraps its cells to the width there is (ui/screen.css)."""
    if table.empty:
        st.caption(t("table.empty"))
    else:
        # st.table renders each cell and header as markdown: data-derived text is written plain
        shown = table.map(safe.plain).rename(columns=safe.plain)
        with st.container(key=key):  # the key names the table for its column widths (screen.css)
            st.table(shown, hide_index=True)


def show_whole_or_stacked(table: pd.DataFrame, key: str) -> None:
    """A plain table (show_whole) where the width allows it, and on a phone each row as a block
    of its own, a line per column led by its header: five columns in a phone's 356 px broke every
    word of every cell ("Kabupate n Serang", "Kompas.c om"). The page holds both; ui/screen.css
    shows the one the width suits (paper gets the table), and a screen reader reads only the one
    shown (the other is display: none)."""
    show_whole(table, key=f"{key}_wide")
    show_stacked(table, key)


def show_grid_or_stacked(table: pd.DataFrame, key: str, **grid) -> None:
    """A grid (st.dataframe, keyed `key`: sorting, and a row to select when `grid` asks for one)
    where the width allows it, and on a phone each row as a block (show_stacked): a grid of six
    columns in a phone's 356 px showed an area and half its figure, its date and source a
    sideways scroll away. A row's action needs another way on a phone (a button under it)."""
    with st.container(key=f"{key}_grid_wide"):
        st.dataframe(table, hide_index=True, key=key, **grid)
    show_stacked(table, key=f"{key}_grid")


def stacked_cell(value) -> str:
    """A cell as a line of a block reads it: a yes/no column (the grid's tick box) in words."""
    if pd.api.types.is_bool(value):  # Python's or numpy's
        return t("table.yes") if value else t("table.no")
    return str(value)


def show_stacked(table: pd.DataFrame, key: str) -> None:
    """The phone's half of show_whole_or_stacked: each row a block of its own, a line per column
    led by its header, in a container (`<key>_narrow`) that ui/screen.css shows on a phone only.
    A page that shows something else on a wider screen puts that in `<key>_wide`."""
    if table.empty:
        return
    with st.container(key=f"{key}_narrow"):
        for row in table.itertuples(index=False):
            with st.container(border=True):
                # a cell with nothing in it ("", "—") is left out: a block of "Catatan:" lines
                # with nothing after them read as something missing
                lines = [
                    f"**{safe.plain(header)}**: {safe.plain(stacked_cell(value))}"
                    for header, value in zip(table.columns, row, strict=True)
                    if str(value).strip() not in ("", "—")
                ]
                st.markdown("  \n".join(lines))


PREVIEW_ROWS = 1000  # a page of rows the browser draws at once; the download beside it has all


def show_first(frame: pd.DataFrame, to_table, key: str, rows: int | None = None) -> None:
    """A long table's first `rows` (formatted by `to_table`), saying how many there are: at
    national scale a table can hold tens of thousands of rows, which no one reads on screen and
    which would cost seconds on every run; the download has every row."""
    shown = frame.head(rows or PREVIEW_ROWS)
    if len(frame) > len(shown):
        st.caption(t("data.preview_part", shown=fmt.number(len(shown)), n=fmt.number(len(frame))))
    show(to_table(shown), key=key)


def data_preview(frame: pd.DataFrame, dataset: str) -> pd.DataFrame:
    """The Data page's table as a person reads it: area, date, measure, the figure with its
    qualifier and unit, source; a withheld register count says so. The download keeps the raw
    columns, the empty number and its *_suppressed flag (analytics/privacy.py)."""
    rows = list(frame.itertuples())
    if dataset == "umkm":

        def count(r, name: str) -> str:
            if bool(getattr(r, f"{name}_suppressed", False)):
                return missing_text("small_cell")
            return fmt.figure(getattr(r, name), "exact", "businesses")

        columns = {
            t("col.area"): [r.region_name for r in rows],
            t("col.month"): [fmt.month(r.month) for r in rows],
            t("card.umkm_registered"): [count(r, "registered") for r in rows],
            t("card.umkm_onboarded"): [count(r, "onboarded") for r in rows],
            t("card.adoption"): [fmt.percent(r.adoption_rate) for r in rows],
            t("col.as_of"): [fmt.date(r.as_of_date) for r in rows],
        }
    elif dataset == "monthly":
        columns = {
            t("col.area"): [r.region_name for r in rows],
            t("col.month"): [fmt.month(r.month) for r in rows],
            t("col.metric"): [r.metric_label for r in rows],
            t("col.value"): [fmt.figure(r.value, r.qualifier, r.unit) for r in rows],
            t("col.as_of"): [fmt.date(r.as_of_date, r.date_precision) for r in rows],
            t("col.note"): [note(r) for r in rows],
        }
    else:
        columns = {
            t("col.area"): [r.region_name for r in rows],
            t("col.date"): [fmt.date(r.ref_date, r.date_precision) for r in rows],
            t("col.metric"): [r.metric_label for r in rows],
            t("col.value"): [fmt.figure(r.value, r.qualifier, r.unit) for r in rows],
            t("col.note"): [note(r) for r in rows],
        }
    sources = [
        cells.who(r) if dataset == "reported" else cells.text(getattr(r, "sources", None))
        for r in rows
    ]
    columns[t("col.source")] = sources
    columns[t("col.synthetic")] = [cells.yes(r.synthetic) for r in rows]
    return pd.DataFrame(columns)
