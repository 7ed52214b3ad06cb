"""The tables that say where the figures come from (Sumber & Metode, Unggah data): sources,
measures, input files, rejected rows, a file's check, the download columns and where demo data
is used; labelled and formatted in the reader's language like every display table."""

import pandas as pd

from ui import fmt, labels, present
from ui import table_cells as cells
from ui.i18n import lang, metric_label, t


def sources_table(frame: pd.DataFrame, metric_names: dict[str, str]) -> pd.DataFrame:
    """Every source: who published and said it, where, when, under which licence, what it
    covers, and whether it is demo data."""
    rows = list(frame.itertuples())
    return pd.DataFrame(
        {
            t("col.publisher"): [cells.text(r.publisher) for r in rows],
            t("col.source"): [cells.who(r) for r in rows],
            t("col.published"): [cells.when(r.published) for r in rows],
            t("col.licence"): [cells.text(r.licence) for r in rows],
            t("col.measures"): [cells.names(r.metrics, metric_names) for r in rows],
            t("col.covers"): [cells.span(r.first_date, r.last_date) for r in rows],
            t("col.rows"): [fmt.number(r.rows, decimals=0) for r in rows],
            t("col.synthetic"): [cells.yes(r.synthetic) for r in rows],
            t("col.url"): [cells.text(r.url) for r in rows],
        }
    )


def metrics_table(frame: pd.DataFrame) -> pd.DataFrame:
    """The measures: name, definition, unit and kind in the reader's language, and caveats."""
    rows = list(frame.itertuples())
    english = lang() == "en"
    return pd.DataFrame(
        {
            t("col.metric"): [metric_label(r) for r in rows],
            t("col.meaning"): [
                cells.text(r.description_en if english else r.description_id) for r in rows
            ],
            t("col.unit"): [fmt.unit(r.unit) or "%" for r in rows],
            t("col.kind"): [_kind(r) for r in rows],
            t("col.code"): [r.code for r in rows],
        }
    )


def _kind(r) -> str:
    if r.kind == "stock":
        return t(labels.STOCKS[str(r.cumulative).lower() == "true"])
    return t(labels.KINDS[r.kind]) if r.kind in labels.KINDS else r.kind


def files_table(frame: pd.DataFrame) -> pd.DataFrame:
    """The input files of the build: what each is, rows read, loaded and rejected, checksum."""
    rows = list(frame.itertuples())
    return pd.DataFrame(
        {
            t("col.file"): [r.path for r in rows],
            t("col.title"): [cells.text(r.title) for r in rows],
            t("col.publisher"): [cells.text(r.publisher) for r in rows],
            t("col.published"): [cells.when(r.published) for r in rows],
            t("col.rows_read"): [fmt.number(r.rows_read, decimals=0) for r in rows],
            t("col.rows_loaded"): [fmt.number(r.rows_loaded, decimals=0) for r in rows],
            t("col.rows_rejected"): [fmt.number(r.rows_rejected, decimals=0) for r in rows],
            t("col.synthetic"): [cells.yes(r.synthetic) for r in rows],
            "SHA-256": [r.sha256 for r in rows],
        }
    )


def rejected_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Every rejected row of the warehouse: file, line, column, the cell as written (a figure
    that could not be read, a date, a word: not always a number), and why."""
    rows = list(frame.itertuples())
    return pd.DataFrame(
        {
            t("col.file"): [r.source_file for r in rows],
            t("col.line"): [fmt.number(r.line, decimals=0) for r in rows],
            t("col.column"): [cells.text(r.column) for r in rows],
            t("col.cell"): [cells.text(r.value) for r in rows],
            t("col.reason"): [cells.text(r.reason) for r in rows],
        }
    )


def check_rejects_table(frame: pd.DataFrame) -> pd.DataFrame:
    """One file's rejects as the upload's check shows them: the line and why first (what a
    steward fixes), then the column and the cell as written; the file is the one just chosen."""
    rows = list(frame.itertuples())
    return pd.DataFrame(
        {
            t("col.line"): [fmt.number(r.line, decimals=0) for r in rows],
            t("col.reason"): [cells.text(r.reason) for r in rows],
            t("col.column"): [cells.text(r.column) for r in rows],
            t("col.cell"): [cells.text(r.value) for r in rows],
        }
    )


def column_dictionary() -> pd.DataFrame:
    """Every column a download can hold, with its meaning in the reader's language."""
    return pd.DataFrame(
        [(name, t(key)) for name, key in labels.COLUMNS.items()],
        columns=[t("col.column"), t("col.meaning")],
    )


def synthetic_coverage_table(coverage: pd.DataFrame) -> pd.DataFrame:
    """Area, measure and the months whose figures are synthetic, one row per area and measure."""
    rows = []
    for _, group in coverage.groupby(["region_code", "metric"], sort=False):
        first = group.iloc[0]
        rows.append(
            {
                t("col.area"): first.region_name,
                t("col.metric"): metric_label(first),
                t("col.months"): present.spans(
                    list(zip(group.first_month, group.last_month, strict=True))
                ),
            }
        )
    return pd.DataFrame(rows, columns=[t("col.area"), t("col.metric"), t("col.months")])
