"""The files an analyst takes away: the exact frame behind a chart or table, in four formats, with
what it needs to be understood (sources, units, as-of dates, filters, when it was made).

- csv: UTF-8, comma, dot decimals, ISO dates (for scripts and most tools)
- csv-id: for Indonesian Excel: semicolon, decimal comma, UTF-8 with BOM
- xlsx: sheet "data" and sheet "metadata"
- parquet: typed columns, metadata in the file's key-value metadata

Counts are whole numbers in every format (analytics/counts.py): an integer column where a column
holds counts only; in CSV and XLSX also the count cells of a column that mixes counts and rates.

Text cells that begin with =, +, -, @, a tab or a carriage return are neutralised in CSV and XLSX
with a leading apostrophe (OWASP, CSV injection), so a spreadsheet never runs them as a formula.
The download buttons and `python -m etl export` both call to_bytes(): the same filters give the
same file.
"""

import datetime as dt
import io
import json
from dataclasses import dataclass, field

import pandas as pd

from analytics import counts

FORMATS = {
    "csv": ("csv", "text/csv"),
    "csv-id": ("csv", "text/csv"),
    "xlsx": ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "parquet": ("parquet", "application/vnd.apache.parquet"),
}
# beside the dates of a file holding figures dated only to their year or month
PERIOD_NOTE = (
    "ref_date of a figure known only to its year or month is that period's first day, to sort "
    "and filter by; the column period says what the source dated it to"
)
DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class Meta:
    """What travels with the data."""

    dataset: str
    title: str
    filters: dict[str, str] = field(default_factory=dict)
    made_at: dt.datetime | None = None
    # the metadata's own words in the reader's language (English word -> its translation):
    # field names ("rows", "filter", "source") and fixed values ("excluded"); the data's columns
    # and codes stay as they are, so scripts read every file alike
    words: dict[str, str] = field(default_factory=dict)

    def _say(self, text: str) -> str:
        """'filter: from' -> 'filter: dari', 'source (outlet)' -> 'sumber (outlet)'."""
        if ": " in text:
            head, _, tail = text.partition(": ")
            return f"{self._say(head)}: {self._say(tail)}"
        head, bracket, tail = text.partition(" (")
        return self.words.get(head, head) + (bracket + tail if bracket else "")

    def rows(self, frame: pd.DataFrame) -> list[tuple[str, str]]:
        """(field, value) lines what, filters, sources, units, dates, when."""
        lines = [("dataset", self.dataset), ("title", self.title)]
        lines += [(f"filter: {k}", str(v)) for k, v in self.filters.items()]
        lines.append(("rows", str(len(frame))))
        for column in ("sources", "source_names", "outlet", "url"):
            if column in frame:
                values = sorted(
                    {s for cell in frame[column].dropna() for s in str(cell).split("; ") if s}
                )
                lines += [(f"source ({column})", v) for v in values]
        for column in ("unit", "shown_unit"):
            if column in frame:
                lines.append(
                    (
                        f"units ({column})",
                        # each unit in the reader's words, its code beside it (ui/downloads.py)
                        ", ".join(
                            self.words.get(u, u)
                            for u in sorted(frame[column].dropna().astype(str).unique())
                        ),
                    )
                )
        for column in ("as_of_date", "ref_date", "month"):
            if column in frame and frame[column].notna().any():
                dates = pd.to_datetime(frame[column].dropna())
                lines.append(
                    (f"dates ({column})", f"{dates.min():%Y-%m-%d} .. {dates.max():%Y-%m-%d}")
                )
        if "date_precision" in frame and frame["date_precision"].isin(("year", "month")).any():
            lines.append(("dates note", PERIOD_NOTE))
        if "note" in frame and frame["note"].notna().any():
            # the notes are the data files' own, in the words their compiler wrote (the shipped
            # files' are English working notes quoting Indonesian sources): free prose has no
            # template to translate it through, so the file says it is as written
            lines.append(("note (note)", "as written in the data file, not translated"))
        if "synthetic" in frame:
            lines.append(
                ("synthetic rows", str(int(frame["synthetic"].fillna(False).astype(bool).sum())))
            )
            lines += [("synthetic data (demo)", line) for line in synthetic_coverage(frame)]
        lines.append(("made at", (self.made_at or dt.datetime.now()).isoformat(timespec="seconds")))
        if not self.words:
            return lines
        return [(self._say(k), self.words.get(v, v)) for k, v in lines]


def neutralise(frame: pd.DataFrame) -> pd.DataFrame:
    """A leading apostrophe on every text cell a spreadsheet would read as a formula."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(
                lambda v: "'" + v if isinstance(v, str) and v.startswith(DANGEROUS_START) else v
            )
    return out


def _dates_as_text(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[column]):
            out[column] = out[column].dt.strftime("%Y-%m-%d")
    return out


def to_bytes(frame: pd.DataFrame, fmt: str, meta: Meta) -> bytes:
    frame = counts.as_integers(frame)  # 13 companies, never "13.0"
    # CRLF line ends (RFC 4180): a cell holding a lone carriage return is then quoted, not split
    if fmt == "csv":
        text = counts.count_cells(neutralise(frame)).to_csv(
            index=False, date_format="%Y-%m-%d", lineterminator="\r\n"
        )
        return text.encode("utf-8")
    if fmt == "csv-id":
        text = counts.count_cells(neutralise(frame), decimal=",").to_csv(
            index=False, sep=";", decimal=",", date_format="%Y-%m-%d", lineterminator="\r\n"
        )
        return text.encode("utf-8-sig")
    if fmt == "xlsx":
        buffer = io.BytesIO()
        with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
            data = counts.count_cells(neutralise(_dates_as_text(frame)))
            data.to_excel(writer, sheet_name="data", index=False)
            pd.DataFrame(meta.rows(frame), columns=["field", "value"]).pipe(neutralise).to_excel(
                writer, sheet_name="metadata", index=False
            )
        return buffer.getvalue()
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pandas(frame, preserve_index=False)
        info = {"pulih": json.dumps(meta.rows(frame)[:-1], ensure_ascii=False)}  # without "made at"
        table = table.replace_schema_metadata({**(table.schema.metadata or {}), **info})
        buffer = io.BytesIO()
        pq.write_table(table, buffer)
        return buffer.getvalue()
    raise ValueError(f"unknown format '{fmt}': choose one of {', '.join(FORMATS)}")


def file_name(
    dataset: str,
    areas: tuple[str, ...],
    start: dt.date | None,
    end: dt.date | None,
    fmt: str,
    synthetic: bool = False,
) -> str:
    """Says what is in the file: pulih_<dataset>_<areas>_<from>_<to>[_sintetis].<ext>; a file
    with any synthetic row says so in its name, where nobody can miss it."""
    where = (
        "-".join(areas) if 0 < len(areas) <= 3 else (f"{len(areas)}-wilayah" if areas else "semua")
    )
    period = f"_{start:%Y-%m}_{end:%Y-%m}" if start and end else ""
    demo = "_sintetis" if synthetic else ""
    suffix = "_id" if fmt == "csv-id" else ""
    return f"pulih_{dataset}_{where}{period}{demo}{suffix}.{FORMATS[fmt][0]}"


def has_synthetic(frame: pd.DataFrame) -> bool:
    return "synthetic" in frame and bool(frame["synthetic"].fillna(False).astype(bool).any())


def synthetic_coverage(frame: pd.DataFrame) -> list[str]:
    """Where the rows of this file are synthetic: 'area · measure: 2020-01..2020-03, ...', read
    from the rows themselves."""
    if not has_synthetic(frame):
        return []
    flags = frame["synthetic"].fillna(False).astype(bool)
    rows = frame[flags]
    area = next((c for c in ("region_name", "region_code") if c in rows), None)
    measure = next((c for c in ("metric_label", "metric") if c in rows), None)
    when = next((c for c in ("month", "as_of_date", "ref_date") if c in rows), None)
    keys = [c for c in (area, measure) if c]
    if not keys or when is None:
        return [f"{int(flags.sum())} rows"]
    lines = []
    for key, group in rows.groupby(keys, sort=True):
        months = sorted(pd.to_datetime(group[when]).dt.to_period("M").unique())
        spans, start = [], months[0]
        for previous, current in zip(months, months[1:], strict=False):
            if current != previous + 1:
                spans.append((start, previous))
                start = current
        spans.append((start, months[-1]))
        label = " · ".join(str(k) for k in (key if isinstance(key, tuple) else (key,)))
        text = ", ".join(str(a) if a == b else f"{a}..{b}" for a, b in spans)
        lines.append(f"{label}: {text}")
    return lines
