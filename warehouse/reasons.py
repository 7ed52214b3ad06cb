"""Every reason a row is rejected and every load note, as a message template: the one place they
are written.

A template is its English text with named placeholders ("{header} is empty: every row needs one");
the English is the message id, so the command line, which speaks English to operators, reads it
as it is, and `make i18n` (babel.cfg names this file; the keyword is N_) puts it in the gettext
catalogs of the dashboard (ui/locale/), where it has its Indonesian text. Code that makes a reason
calls `reason(TEMPLATE, name=value, ...)`: the result is the English text (a str, so every caller
that prints or compares it is unchanged) that also keeps its template and its values. The
warehouse stores all three (etl/store.py: reason, reason_key, reason_args); the dashboard writes
the reason again in the reader's language from the key and the values (ui/reasons.py).

A value is one of: text from the file (shown as written, masked for personal data when stored),
a number (written in the reader's language), a word the code chose (`Word`: "NIK", "kecamatan",
a unit; translated too), a list (`joined`, with " or " or " and " in the reader's language) or a
reason within a reason. The etl side only marks and stores: it never imports ui/ or Streamlit.

Long (about 460 lines) on purpose: it is the catalogue, and every template is in this one file so
that a steward's wording is found and changed in one place, next to the others it must match.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable
from typing import Any

from babel.numbers import format_decimal

# the English numbers of the stored text, as the dashboard writes them in English (ui/fmt.py)
ENGLISH = "en_GB"
NUMBER_FORMAT = "#,##0.###"
HUGE = 1e15  # from here on a number is written 1e+15, in either language


def N_(template: str) -> str:  # noqa: N802  (the gettext convention: marked, translated later)
    return template


# --- words the code chooses, which a reason names (translated like the templates) ---------------
# the kinds of personal data (etl/personal.py PATTERNS, and a value Pulih masked itself)
PERSONAL_KINDS = (N_("NIK"), N_("telepon"), N_("e-mail"), N_("nama"), N_("disamarkan"))
# area levels, as a reason names them (etl/areas.py)
LEVELS = {
    "district": N_("kecamatan"),
    "regency": N_("kabupaten/kota"),
    "province": N_("provinsi"),
    None: N_("area"),
}
# units of a figure (data/raw/metrics.csv), as a plausibility reason names them
UNITS = (N_("workers"), N_("persons"), N_("businesses"), N_("companies"), N_("products"),
         N_("percent"))  # fmt: skip
# where the data begins, for a date before it (etl/plausible.py)
OBSERVED_WHAT = N_("where the figures Pulih takes begin")
REGISTER_WHAT = N_("where register dates begin")
EVENTS_WHAT = N_("where PSBB/PPKM periods begin")
# what a register's pseudonymous id is derived from (etl/kinds/register_staging.py)
FROM_NIK = N_("NIK")
FROM_NAME = N_("name and kecamatan")
# how a list is joined
OR = N_(" or ")
AND = N_(" and ")

# --- reading the columns (etl/columns.py) --------------------------------------------------------
CONTROL = N_(
    "{header} holds the control character U+{code}, which a spreadsheet cannot store: delete it "
    "(retype the cell) and save again"
)
UNKNOWN_COLUMN = N_(
    "column '{header}' is not recognised and was not read; if it holds data, add its name to "
    "data/aliases/columns.csv"
)
REPEATED_COLUMN = N_("column '{header}' repeats '{first}'; only the first is read")
PERSONAL_COLUMNS = N_("personal-data column(s) dropped and never stored: {headers}")
ROW_WIDTH = N_(
    "row has {cells} cells but the header has {width}: check for an unquoted comma or a shifted "
    "cell"
)
LONG_CELL = N_("a cell is longer than {limit} characters")
# a missing column by the headers a person writes for it (data/aliases/columns.csv; capitals
# and punctuation do not matter), never by the warehouse's own name of it
MISSING_COLUMNS = N_(
    "missing column(s): {missing}; add a column headed so and load the file again; no row of this "
    "file was loaded"
)
NOT_LOADED_HEADER = N_("not loaded: the header lacks required columns")

# --- one cell (etl/cells.py) ---------------------------------------------------------------------
ODD_DIGIT = N_(
    "'{raw}' is written with the digit '{digit}' (U+{code}), not the digits 0-9: type the figure "
    "again with the digits 0-9"
)
TOO_LARGE = N_("'{raw}' is too large to be a figure (not a finite number); check the cell")
CUT_SHORT = N_("{start}... ({length} characters)")
NOT_NUMBER_PLAIN = N_("'{raw}' is not a number")
NOT_FINITE = N_("'{raw}' is not a finite number")
UPPER_BOUND = N_("'{raw}': an upper bound ('<') cannot be stored as a figure; write the figure")
NOT_NUMBER = N_(
    "'{raw}' is not a number: write digits as in 17.298, 1.234,5, 8.52, '4 ribu' or '2,5 juta'; "
    "use '-' or leave blank for no figure"
)
NOT_EXACT = N_("'{raw}' must be an exact number here")
NOT_WHOLE = N_("'{raw}' must be a whole number")
NOT_CALENDAR_DATE = N_("'{raw}' is not a calendar date: check the day and the month")
NOT_DATE = N_("'{raw}' is not a date: write 20/05/2020, 20 Mei 2020, Mei 2020 or 2020-05-20")
NOT_MONTH = N_("'{raw}': '{name}' is not a month name (e.g. Mei, Agustus, Des)")
NUMBER_NOT_DATE = N_("'{raw}' is a number, not a date")
NEEDS_DAY = N_("'{raw}' needs a day: write e.g. 20/05/2020 or 2020-05-20")
NOT_ONE_OF = N_("'{raw}' is not one of: {allowed}")
NOT_BOOLEAN = N_("'{raw}' is not true or false")

# --- a row (etl/load.py) -------------------------------------------------------------------------
EMPTY = N_("{header} is empty: every row needs one")
NO_FIGURE = N_("no figure ('-', blank or n/a mean missing, never zero)")
NEGATIVE = N_("a count cannot be negative")
CITED_URL = N_("cited URL '{url}': {why}")
TWO_SOURCE_COLUMNS = N_(
    "column '{source}' names a row's source, and so does {both}: where a row fills both, {both} "
    "is cited and '{source}' is not"
)

# --- areas (etl/areas.py) ------------------------------------------------------------------------
AMBIGUOUS_AREA = N_("'{raw}' could be {names}: write the full name or the Kemendagri code")
UNKNOWN_AREA_SUGGESTED = N_("unknown {level} '{raw}' — did you mean {suggestion}?")
UNKNOWN_AREA = N_(
    "unknown {level} '{raw}': use a Kemendagri code (e.g. 36.71.05) or a name in "
    "data/raw/regions_*.csv, or add the spelling to data/aliases/regions.csv"
)

# --- what a row says (etl/validate.py, etl/personal.py, etl/plausible.py) -----------------------
TOTAL_MISMATCH = N_(
    "line {line}: total '{area}' of {header} is {total} but the {n} rows above add up to {sum}"
)
TOTAL_ROW = N_("line {line}: total row '{area}' checked and not loaded as an area")
REPEATS = N_("line {line} repeats line {lines}: loaded once")
REPEATS_FOR = N_("line {line} repeats line {lines} for {columns}: loaded once")
PERSONAL_DATA = N_(
    "{header} looks like personal data ({kind}): personal data is not stored; remove it from the "
    "cell (or the column from the file) and send the file again"
)
AFTER_BUILD = N_(
    "{date} is after the date of this build ({build}): a figure cannot be reported before its "
    "date; check the year"
)
BEFORE_DATA = N_("{date} is before {earliest}, {what}: check the year")
ABOVE_POPULATION = N_(
    "{value} {unit} is more than {area}'s {population} people ({year}): check the figure and its "
    "unit"
)
ABOVE_POPULATION_WITHIN = N_(
    "{value} {unit} is more than {area}'s {population} people ({year}), the area {asked} lies "
    "in: check the figure and its unit"
)
ABOVE_CEILING = N_(
    "{value} is more than {ceiling} {unit}, more than any area could have: check the figure and "
    "its unit"
)
ABOVE_CEILING_NO_UNIT = N_(
    "{value} is more than {ceiling}, more than any area could have: check the figure and its unit"
)

# --- citations (etl/urls.py) ---------------------------------------------------------------------
URL_WHITESPACE = N_(
    "contains whitespace: a URL is one unbroken address; put any remark in the note"
)
URL_SCHEME = N_("a '{scheme}:' URL is not an address of a page: cite the article's own URL")
URL_SHARE = N_("a share link ('{part}'): cite the article's own URL")
URL_NOT_HTTP = N_("not an http(s) URL: write the article's address starting with https://")
URL_NO_HOST = N_("has no host: write the full address, e.g. https://www.example.com/...")
URL_MIRROR = N_(
    "an encyclopaedia mirror ('{host}'): cite the en.wikipedia.org or id.wikipedia.org page "
    "itself, once it is checked to give the same figure"
)
URL_CONTACT = N_("a contact or about page ('{segment}'): cite the article's own URL")
URL_TRACKING = N_("a tracking query ('{query}'): drop it and cite the article's own URL")
URL_PAGING = N_("a paging or print query ('{query}'): drop it and cite the article's own URL")

# --- figures (etl/kinds/observations.py, wide.py) ------------------------------------------------
CONFLICT = N_(
    "{area}, {metric} on {date} is {figure} here but {first} on line {line} of this file, from "
    "the same source: one figure per area, measure and date; keep the right one (a revision "
    "belongs in a later release of the file)"
)
QUALIFIED = N_("{sign}{value}")
UNKNOWN_METRIC = N_("unknown metric '{raw}': use a code from data/raw/metrics.csv or add it there")
WRONG_UNIT = N_("metric '{metric}' is measured in '{expected}', not '{unit}'")
QUALIFIER_DISAGREES = N_("the value itself says '{qualifier}'; the two disagree")
NO_FIGURE_COLUMN = N_("no figure column recognised (e.g. PHK, Dirumahkan, Perusahaan Tutup)")
NO_DATE = N_("no Tanggal/Periode column and no date in the title rows")
TITLE_DATE = N_("date taken from the title rows: {date}")
TITLE_DATE_PROBLEM = N_("the date in the title rows: {problem}")
ROW_WITHOUT_FIGURE = N_("no figure in this row: every figure column is '-', blank, n/a")
EMPTY_CELLS = N_("{n} cell(s) with no figure ('-', blank, n/a) were not loaded")

# --- reference files and events (etl/kinds/regions.py, metrics.py, events.py) -------------------
REGION_TWICE = N_("region '{code}' is defined twice: keep one row per code")
PARENT_UNKNOWN = N_("parent '{parent}' is not a region defined above this row")
POPULATION_YEAR = N_("a population needs its year (e.g. 2020 for SP2020)")
METRIC_TWICE = N_("metric code defined twice: keep one row per code")
PERIOD_BACKWARDS = N_("the period ends before it starts")
PERIOD_TOO_FAR = N_(
    "{date} is more than a year after the date of this build ({build}): check the year"
)
SCOPE_EMPTY = N_("scope_codes is empty: list region codes separated by ';'")

# --- the register (etl/kinds/register.py, register_staging.py, etl/sql/register/rejects.sql) ---
AREA_HIDDEN = N_(
    "not a known kecamatan or kabupaten/kota: use a Kemendagri code (e.g. 36.71.05) or a name in "
    "data/raw/regions_*.csv, or add the spelling to data/aliases/regions.csv (the value is not "
    "shown: it may be personal data)"
)
OUTSIDE_VOCABULARY = N_(
    "{n} distinct {header} value(s) not in {table} were stored as '{other}' (not listed here: "
    "free text may hold personal data); add common ones to {table}"
)
NOT_A_SCALE = N_("'{raw}' is not mikro, kecil or menengah")
# a register's date or scale cell with a letter in it may be a name typed in the wrong column:
# the reject says what belongs there without repeating the cell (etl/personal.py holds_letters)
NOT_A_SCALE_HIDDEN = N_(
    "not mikro, kecil or menengah (the value is not shown: it may be personal data)"
)
NOT_A_DATE_HIDDEN = N_(
    "not a date: write 20/05/2020, 20 Mei 2020, Mei 2020 or 2020-05-20 (the value is not shown: "
    "it may be personal data)"
)
WITH_ID = N_("{reason} (umkm_id {umkm_id})")
DERIVED_ID = N_(
    "no id column: each business gets a pseudonymous id derived from its {what} ({header}) with "
    "a keyed hash (HMAC-SHA256); the column itself is not stored. Keep the key (PULIH_ID_KEY or "
    "data/.pulih_id_key): the next export then gets the same ids"
)
LONG_LINE = N_(
    "the line is {length} bytes long, more than the {limit} a register row may have: a cell was "
    "pasted by mistake, or line breaks were lost; fix or remove the line"
)
CANNOT_SPLIT = N_("the row cannot be split into the header's columns: {message}")
ID_EMPTY = N_("umkm_id is empty: every business needs its register number")
PERSONAL_ID = N_(
    "{header} looks like personal data ({kind}): personal data is not stored; use the register "
    "number, or leave the id column out and let Pulih derive a pseudonymous id (README, "
    '"Personal data and small cells")'
)
ID_AGAIN = N_("umkm_id {umkm_id} appears again (first at line {first}): one row per business")
ONBOARDED_BEFORE = N_("onboarded before it was registered")
NEEDS_PLATFORM = N_("an onboarded business needs its platform")
NEEDS_ONBOARDING = N_("a platform is given but no onboarding date")

# --- the build (etl/build.py, etl/golden.py) -----------------------------------------------------
SAME_CONTENT = N_("same content as {path}: loaded once, not twice")
GOLDEN_NOT_LOADED = N_(
    "{where}: not checked, it cites {files}, which this build did not load; work the case out again"
)
GOLDEN_UNLISTED = N_(
    "{where}: not checked, figures from {files} (not among data/golden/files.csv, or changed "
    "since); work the case out again"
)

# --- a whole file that cannot be read (etl/read.py, etl/columns.py, etl/lines.py,
# etl/kinds/register_staging.py; a build names the file's entry, etl/build.py) ------------------
# The file's name is a value. So is a reader's own message (Python's codecs and csv module,
# openpyxl's error type, DuckDB's CSV reader): it is their text, and the Indonesian says whose.
# Sizes and limits are passed as numbers, so each language groups their digits its own way
# (1,000,000 in English and on the command line, 1.000.000 in Indonesian); a line or byte number
# is passed written, as the file's position it names.
FILE_NOT_FOUND = N_("{name}: file not found; check the path")
FILE_IS_FOLDER = N_("{name}: is a folder, not a file")
NO_ROWS = N_("{name}: no rows below its header: the file holds no figures; export it again")
OLD_WORKBOOK = N_("{name}: save the workbook as .xlsx (Excel Workbook) or CSV")
BINARY_FILE = N_("{name}: this is a binary file, not CSV or XLSX; export the data as CSV")
NOT_TEXT = N_(
    "{name}: byte {byte} is neither UTF-8 nor Windows-1252 text; save the file as 'CSV UTF-8' "
    "and try again"
)
NOT_UTF8_AFTER_BOM = N_("{name}: not valid UTF-8 after its byte-order mark ({message})")
CSV_LINE = N_("{name}: line {line}: {message}; check the quotes on that line")
NOT_A_WORKBOOK = N_(
    "{name}: cannot be opened as an Excel workbook ({error}); open it in Excel and save it again "
    "as .xlsx"
)
NO_SHEET = N_("{name}: no sheet '{sheet}'; the sheets are {sheets}")
DAMAGED_WORKBOOK = N_("{name}: the workbook is damaged ({error}); save it again as .xlsx")
UNPACKS_TO = N_(
    "{name}: the workbook unpacks to {size} MB, more than the {limit} MB a workbook may hold; "
    "send the data as CSV, or remove pictures and other sheets and save again"
)
PACKING_RATIO = N_(
    "{name}: part {part} unpacks to {ratio} times its stored size (more than {limit}), which no "
    "table typed in Excel does; open the workbook in Excel, save it again as .xlsx, or send the "
    "data as CSV"
)
TOO_MANY_CELLS = N_("{name}: {what}, more than the {limit} a workbook may hold; {fix}")
DECLARED_RANGE = N_(
    "the sheet declares its used range as A1:{last}: {rows} rows x {columns} columns = {cells} "
    "cells"
)
DATA_RANGE = N_(
    "the sheet's data reaches row {rows} and column {columns} ({letter}): {cells} cells from A1"
)
REGISTER_AS_CSV = N_("send the register as CSV, which is read streaming at any size")
TRIM_THE_SHEET = N_(
    "delete the empty rows and columns beyond the data (Ctrl+End shows where Excel thinks the "
    "data ends) and save again, or split the table"
)
MERGED_TOO_MANY = N_(
    "{name}: its merged cells cover more than {limit} cells; unmerge them and save again"
)
WORKBOOK_NOT_CSV = N_("{name}: is a workbook; the fast path reads CSV only")
NO_HEADER = N_(
    "{name}: no header row in the first {rows} rows: a header names the columns (e.g. Kecamatan, "
    "Tanggal, PHK); head the columns with such names and load the file again"
)
QUOTE_RUNS_ON = N_(
    "line {line}: a quoted cell runs on for more than {limit} bytes (a quote that is never "
    "closed?); check the quotes on that line"
)
QUOTE_NEVER_CLOSED = N_(
    "line {line} opens a quote that is never closed, so no row after it can be told apart; close "
    "the quote (or remove it) on that line"
)
IN_FILE = N_("{name}: {problem}")
NOT_CSV = N_("{name}: cannot be read as CSV ({message})")
ROWS_UNACCOUNTED = N_(
    "{name}: the file has {expected} rows below its header but {read} were read; the rest cannot "
    "be told apart (check the quotes and line endings), and nothing of it was loaded"
)
COUNTS_DISAGREE = N_(
    "{table}: {read} rows read but {loaded} loaded and {rejected} rejected ({partly} partly, "
    "{repeated} repeated); please report this with the file"
)
STORED_TWICE = N_(
    "umkm: {n} business id(s) stored more than once from one register, {umkm_id} {times} times; "
    "please report this with the file"
)
IN_ENTRY = N_("{entry}: {problem}")


class Word(str):
    """A word the code chose (a kind of personal data, an area level, a unit): a reason names it
    in the reader's language, where a value from the file is shown as written."""


class Joined(list):
    """Values shown as one list, joined by `by` (OR, AND, or plain punctuation) in the reader's
    language."""

    def __init__(self, items: Iterable, by: str = ", "):
        super().__init__(items)
        self.by = by


def joined(items: Iterable, by: str = ", ") -> Joined:
    return Joined(items, by)


class Reason(str):
    """A reason (or load note) in English that keeps its template (`key`) and values (`args`)."""

    key: str
    args: dict[str, Any]

    def __new__(cls, key: str, args: dict[str, Any]) -> Reason:
        made = super().__new__(cls, render(key, args))
        made.key, made.args = key, args
        return made

    def __reduce__(self):  # pickled (a session's check result) as its template and values
        return (Reason, (self.key, self.args))

    def encoded(self) -> str:
        """The template's values as JSON (the warehouse's reason_args)."""
        return json.dumps(_encode(self.args), ensure_ascii=False)

    def mapped(self, change: Callable[[str], str]) -> Reason:
        """The same reason with `change` applied to every value from the file (masking)."""
        return Reason(self.key, _mapped(self.args, change))


def reason(template: str, **args) -> Reason:
    return Reason(template, args)


def to_json(made: Reason | None) -> str | None:
    """A reason as one JSON text, its key and its values (how the register's SQL passes it)."""
    return None if made is None else json.dumps(_encode(made), ensure_ascii=False)


def from_json(text: str) -> Reason:
    found = _decode(json.loads(text))
    assert isinstance(found, Reason), text
    return found


def decoded(key: str, args_json: str) -> Reason:
    """A stored reason again, from its key and its values as JSON (the two stored columns)."""
    return Reason(key, _decode(json.loads(args_json)))


def english_number(value: float) -> str:
    return format_decimal(value, format=NUMBER_FORMAT, locale=ENGLISH)


def render(
    template: str,
    args: dict[str, Any],
    translate: Callable[[str], str] = lambda key: key,
    number: Callable[[float], str] = english_number,
) -> str:
    """The template with its values written in: in English as stored, or, given `translate`
    (a message id -> its text) and `number`, in the reader's language (ui/reasons.py)."""

    def value(v) -> str:
        if isinstance(v, Reason):
            return render(v.key, v.args, translate, number)
        if isinstance(v, Word):
            return translate(v)
        if isinstance(v, Joined):
            return translate(v.by).join(value(item) for item in v)
        if isinstance(v, bool) or v is None:
            return str(v)
        if isinstance(v, int | float):
            # a figure past what anyone counts (a cell of 200 nines) is written as Python writes
            # it, "1e+200": Babel's decimal arithmetic cannot round it to a pattern
            return number(v) if math.isfinite(v) and abs(v) < HUGE else f"{v:.4g}"
        return str(v)

    return translate(template).format(**{name: value(v) for name, v in args.items()})


def _encode(v):
    if isinstance(v, Reason):
        return {"key": v.key, "args": _encode(v.args)}
    if isinstance(v, Word):
        return {"word": str(v)}
    if isinstance(v, Joined):
        return {"join": [_encode(i) for i in v], "by": v.by}
    if isinstance(v, dict):
        return {name: _encode(item) for name, item in v.items()}
    return v


def _decode(v):
    if isinstance(v, dict) and set(v) == {"key", "args"}:
        return Reason(v["key"], _decode(v["args"]))
    if isinstance(v, dict) and set(v) == {"word"}:
        return Word(v["word"])
    if isinstance(v, dict) and set(v) == {"join", "by"}:
        return Joined([_decode(i) for i in v["join"]], v["by"])
    if isinstance(v, dict):
        return {name: _decode(item) for name, item in v.items()}
    return v


def _mapped(v, change: Callable[[str], str]):
    if isinstance(v, Reason):
        return v.mapped(change)
    if isinstance(v, Word):
        return v
    if isinstance(v, Joined):
        return Joined([_mapped(i, change) for i in v], v.by)
    if isinstance(v, dict):
        return {name: _mapped(item, change) for name, item in v.items()}
    if isinstance(v, str):
        return change(v)
    return v


def templates() -> list[str]:
    """Every template and word of this module (for the catalog test)."""
    found = [v for name, v in globals().items() if name.isupper() and isinstance(v, str)]
    found += [w for w in (*PERSONAL_KINDS, *LEVELS.values(), *UNITS)]
    return sorted(set(found) - {ENGLISH, NUMBER_FORMAT})


# --- the same reasons, said to a data steward at a browser ----------------------------------------
# The command line speaks to operators on the server, who can open the alias table and the metric
# catalogue it names. A steward on the upload page cannot: the dashboard writes these reasons with
# what the steward can do instead (a heading the upload page lists, or the data team's help), in
# either language. Stored reasons keep the operators' template; the page swaps it when it writes.
UNKNOWN_COLUMN_SAID = N_(
    "column '{header}' is not recognised and was not read; if it holds data, head it with one of "
    "the names under 'Column headings read' on the Upload data page, or ask the data team to add "
    "'{header}' as another name of a column"
)
UNKNOWN_METRIC_SAID = N_(
    "unknown measure '{raw}': write one of the measure codes under 'Column headings read' on the "
    "Upload data page (e.g. phk, dirumahkan), or ask the data team to add this measure"
)
FOR_READERS = {UNKNOWN_COLUMN: UNKNOWN_COLUMN_SAID, UNKNOWN_METRIC: UNKNOWN_METRIC_SAID}


def said(template: str) -> str:
    """The template a reader of the dashboard gets for a stored one (FOR_READERS)."""
    return FOR_READERS.get(template, template)
