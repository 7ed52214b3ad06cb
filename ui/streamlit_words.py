"""The names Streamlit, Plotly and maplibre give their own parts, in the reader's language.

Streamlit writes its buttons', regions' and fields' accessible names in English whatever the page
says ("Collapse sidebar", "Help for Tampilkan data contoh", "Remove Kota Tangerang", "Choose
date", the skip link), and so do Plotly's chart buttons ("Download plot as a PNG", "Zoom in") and
maplibre's map ("Map", "Toggle attribution"). None offers a setting for it (Streamlit has no
locale; Plotly's locales are files it does not bundle). A screen reader on an Indonesian page
read them out in English. A script (ui/streamlit_words.js), added once per run like
ui/history.js, renames them on the page from the table below, in the language chosen, and again
whenever Streamlit draws them anew; in English each name maps to itself.
"""

import json
from pathlib import Path

import streamlit as st

from ui.i18n import N_, t

SCRIPT = Path(__file__).with_suffix(".js")

# a whole name as the library writes it -> its message key
NAMES = {
    # Streamlit: the app's frame
    "Skip to main content": N_("streamlit.skip"),
    "App pages": N_("streamlit.app_pages"),
    "Sidebar": N_("streamlit.sidebar"),
    "Collapse sidebar": N_("streamlit.collapse_sidebar"),
    "Expand sidebar": N_("streamlit.expand_sidebar"),
    "Main menu": N_("streamlit.main_menu"),
    "Running...": N_("streamlit.running"),
    "Link to heading": N_("streamlit.heading_link"),
    # Streamlit: select boxes, multiselects, date fields, number fields, passwords
    "Open": N_("streamlit.open"),
    "Close": N_("streamlit.close"),
    "Clear all": N_("streamlit.clear_all"),
    "Clear value": N_("streamlit.clear_value"),
    "Selected values": N_("streamlit.selected_values"),
    "Select all": N_("streamlit.select_all"),
    "No results": N_("streamlit.no_results"),
    "Choose an option": N_("filter.placeholder_one"),
    "Choose options": N_("filter.placeholder"),
    "Choose date": N_("streamlit.choose_date"),
    "Previous month": N_("streamlit.previous_month"),
    "Next month": N_("streamlit.next_month"),
    "Increment": N_("streamlit.increment"),
    "Decrement": N_("streamlit.decrement"),
    "Show password": N_("streamlit.show_password"),
    "Hide password": N_("streamlit.hide_password"),
    "Press Enter to apply": N_("streamlit.enter_apply"),
    "Press Enter to submit form": N_("streamlit.enter_submit"),
    # Streamlit: a table's toolbar and column menu, a chart's full screen
    "Search": N_("streamlit.search"),
    "Show/hide columns": N_("streamlit.columns"),
    "Download as CSV": N_("streamlit.download_csv"),
    "Fullscreen": N_("streamlit.fullscreen"),
    "Close fullscreen": N_("streamlit.close_fullscreen"),
    "Sort ascending": N_("streamlit.sort_ascending"),
    "Sort descending": N_("streamlit.sort_descending"),
    # Streamlit: the menu a grid's column opens (its ⋮), written as text beside each icon, and
    # its statistics, formats and the kind of the column (the icon's tooltip)
    "Dataframe column menu": N_("streamlit.column_menu"),
    "Copy column name": N_("streamlit.copy_column_name"),
    "Statistics": N_("streamlit.statistics"),
    "Format": N_("streamlit.format"),
    "Autosize": N_("streamlit.autosize"),
    "Pin column": N_("streamlit.pin_column"),
    "Unpin column": N_("streamlit.unpin_column"),
    "Hide column": N_("streamlit.hide_column"),
    "Values": N_("streamlit.stat_values"),
    "Empty": N_("streamlit.stat_empty"),
    "Distinct": N_("streamlit.stat_distinct"),
    "Minimum length": N_("streamlit.stat_min_length"),
    "Maximum length": N_("streamlit.stat_max_length"),
    "Average length": N_("streamlit.stat_average_length"),
    "Minimum": N_("streamlit.stat_minimum"),
    "25th percentile": N_("streamlit.stat_q25"),
    "Median": N_("streamlit.stat_median"),
    "75th percentile": N_("streamlit.stat_q75"),
    "Maximum": N_("streamlit.stat_maximum"),
    "Average": N_("streamlit.stat_average"),
    "Standard deviation": N_("streamlit.stat_sd"),
    "Sum": N_("streamlit.stat_sum"),
    "Range": N_("streamlit.stat_range"),
    "Based on sample": N_("streamlit.stat_sampled"),
    "No data": N_("streamlit.stat_no_data"),
    "True": N_("streamlit.true"),
    "False": N_("streamlit.false"),
    "Automatic": N_("streamlit.format_automatic"),
    "Localized": N_("streamlit.format_localized"),
    "Plain": N_("streamlit.format_plain"),
    "Compact": N_("streamlit.format_compact"),
    "Percent": N_("streamlit.format_percent"),
    "Scientific": N_("streamlit.format_scientific"),
    "Accounting": N_("streamlit.format_accounting"),
    "Duration": N_("streamlit.format_duration"),
    "Distance": N_("streamlit.format_distance"),
    "Calendar": N_("streamlit.format_calendar"),
    "text": N_("streamlit.kind_text"),
    "number": N_("streamlit.kind_number"),
    "checkbox": N_("streamlit.kind_checkbox"),
    "link": N_("streamlit.kind_link"),
    "list": N_("streamlit.kind_list"),
    # Plotly's chart buttons
    "Download plot as a PNG": N_("streamlit.plot_png"),
    "Zoom": N_("streamlit.zoom"),
    "Pan": N_("streamlit.pan"),
    "Zoom in": N_("streamlit.zoom_in"),
    "Zoom out": N_("streamlit.zoom_out"),
    "Autoscale": N_("streamlit.autoscale"),
    "Reset axes": N_("streamlit.reset_axes"),
    "Reset view": N_("streamlit.reset_view"),
    "Box Select": N_("streamlit.box_select"),
    "Lasso Select": N_("streamlit.lasso_select"),
    # maplibre's map
    "Map": N_("streamlit.map"),
    "Toggle attribution": N_("streamlit.attribution"),
}
# a name that starts so, and names a part of the page after it ("Help for Berkas (CSV atau
# XLSX)", "Remove PHK") -> its message key, whose {name} is the rest
PREFIXES = {
    "Help for ": N_("streamlit.help_for"),
    "Remove ": N_("streamlit.remove"),
    # a date field's calendar, named with the month it shows (react-aria writes the months and
    # days in the page's language itself, from <html lang>)
    "Choose date, ": N_("streamlit.choose_date_in"),
    # a column's statistics drawn as a chart, named with what it shows ("Top values frequency
    # chart: Kota Tangerang: 8 (57,1%); …"), and each bar of a yes/no column ("True: 3 (50%)")
    "Top values frequency chart: ": N_("streamlit.chart_top_values"),
    "Distribution histogram: ": N_("streamlit.chart_histogram"),
    "True/false distribution chart: ": N_("streamlit.chart_true_false"),
    "True: ": N_("streamlit.true_is"),
    "False: ": N_("streamlit.false_is"),
}


def words() -> dict:
    """The table the script reads, in the reader's language."""
    return {
        "names": {english: t(key) for english, key in NAMES.items()},
        "prefixes": {english: t(key, name="{name}") for english, key in PREFIXES.items()},
    }


def relabel() -> None:
    # the words go on the window for the script (and a switch of language renames at once); the
    # script installs its observer once, however often it is added
    # Streamlit's sanitiser drops a script whose text holds "<" before a letter or "/" (a tag, to
    # DOMPurify): the table's "<" are written as JSON escapes, and the script holds none
    table = json.dumps(words()).replace("<", "\\u003c")
    st.html(
        f"<script>window.__pulihWords = {table};\n{SCRIPT.read_text()}</script>",
        unsafe_allow_javascript=True,
    )
