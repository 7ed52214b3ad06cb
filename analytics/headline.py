"""The headline cards of Ringkasan: what each card shows, from the repository's queries.

A card takes the latest real report of its measure (analytics/metrics.py HEADLINE). The headline is
real or it is "belum ada angka": a demo value, where there is one, comes separately (`demo_*`) for
a second, badged line. A later combined total (PHK + dirumahkan) after a part's report is said
too (`newer_*`), and an undated report of the same year (`undated_*`).
"""

import datetime as dt

import pandas as pd

from analytics.metrics import HEADLINE, UMKM_UNITS

COMBINED, COMBINED_PARTS = "phk_plus_dirumahkan", ("phk", "dirumahkan")


def cards(repo, region: str, synthetic: bool = True) -> pd.DataFrame:
    """One row per headline card. The headline is real: the latest real report of the card's
    measure, with its unit, as-of date, qualifier and source, or nothing ("belum ada angka").
    Where there is no real figure and demo data is shown, the card's demo value comes in the
    `demo_*` columns, for a secondary line that is badged, never for the headline."""
    reported_metrics = tuple(m for card in HEADLINE for m in card.reported) + (COMBINED,)
    real = repo.latest_reported(region, reported_metrics).set_index("metric")
    labour = repo.monthly(
        (region,),
        tuple(c.fallback[1] for c in HEADLINE if c.fallback[0] == "monthly"),
        synthetic=synthetic,
    )
    umkm = repo.umkm_monthly((region,), synthetic=synthetic)
    rows = []
    for card in HEADLINE:
        found = next((m for m in card.reported if m in real.index), None)
        row = {"card": card.key, **EMPTY_CARD}
        if found:
            r = real.loc[found]
            row.update(
                metric=found,
                label_id=r.label_id,
                value=r.value,
                unit=r.unit,
                qualifier=r.qualifier,
                as_of=pd.Timestamp(r.ref_date).date(),
                date_precision=r.date_precision,
                outlet=r.outlet,
                url=r.url,
                statement_by=r.statement_by,
                also_cited=r.also_cited if isinstance(r.also_cited, str) else None,
                undated_value=r.undated_value,
                undated_qualifier=r.undated_qualifier,
                undated_date=r.undated_date,
                undated_outlet=r.undated_outlet,
                conflict=bool(r.conflict),
            )
            if found in COMBINED_PARTS and COMBINED in real.index:
                newer = real.loc[COMBINED]
                if pd.Timestamp(newer.ref_date) > pd.Timestamp(r.ref_date):
                    # a later total of both parts says more than this part's older figure
                    row.update(
                        newer_label=newer.label_id,
                        newer_value=newer.value,
                        newer_qualifier=newer.qualifier,
                        newer_date=pd.Timestamp(newer.ref_date).date(),
                        newer_precision=newer.date_precision,
                    )
        fallback = _fallback(card.fallback, labour, umkm)
        if not found and fallback["value"] is not None and not fallback["synthetic"]:
            row.update(fallback)  # a real figure of the monthly mart (e.g. a sum of all children)
        elif not found and fallback["value"] is not None:
            row.update({f"demo_{k}": v for k, v in fallback.items() if f"demo_{k}" in DEMO_COLUMNS})
        rows.append(row)
    return pd.DataFrame(rows)


EMPTY_CARD = {
    "metric": None,
    "label_id": None,
    "value": None,
    "unit": None,
    "qualifier": None,
    "as_of": None,
    "date_precision": None,
    "outlet": None,
    "url": None,
    "statement_by": None,
    "also_cited": None,
    "undated_value": None,
    "undated_qualifier": None,
    "undated_date": None,
    "undated_outlet": None,
    "synthetic": False,
    "conflict": False,
    "newer_label": None,
    "newer_value": None,
    "newer_qualifier": None,
    "newer_date": None,
    "newer_precision": None,
    "demo_value": None,
    "demo_unit": None,
    "demo_qualifier": None,
    "demo_as_of": None,
    "demo_date_precision": None,
}
DEMO_COLUMNS = ("demo_value", "demo_unit", "demo_qualifier", "demo_as_of", "demo_date_precision")


def _fallback(spec: tuple[str, str], labour: pd.DataFrame, umkm: pd.DataFrame) -> dict:
    """The latest month of a mart, for a card with no real report (may be synthetic)."""
    empty = {"value": None, "synthetic": False}
    table, column = spec
    if table == "monthly":
        series = labour[labour.metric == column]
        if series.empty:
            return empty
        r = series.iloc[-1]
        return {
            "metric": column,
            "label_id": r.metric_label,
            "value": r.value,
            "unit": r.unit,
            "qualifier": r.qualifier,
            "as_of": pd.Timestamp(r.as_of_date).date(),
            "date_precision": r.date_precision,
            "outlet": r.sources,
            "synthetic": bool(r.synthetic),
        }
    if umkm.empty or pd.isna(umkm.iloc[-1][column]):
        return empty
    r = umkm.iloc[-1]
    month_end = (pd.Timestamp(r.month) + pd.offsets.MonthEnd(0)).date()
    return {
        "metric": column,
        "value": r[column],
        "unit": UMKM_UNITS[column],
        "qualifier": "exact",
        "as_of": month_end,
        "date_precision": "month",
        "outlet": r.sources,
        "synthetic": bool(r.synthetic),
    }


def data_per(repo, regions: tuple[str, ...]) -> tuple[dt.date, str] | None:
    """The "data per" date of a page of headline cards: the newest as-of date of the real figures
    the cards of `regions` show (a later combined report named on a card included), with its
    precision; None when no card has a real figure. It is the date of what the reader sees: a
    newer figure elsewhere in the warehouse (another area, a survey rate no card shows) is not
    the date of these cards, and the build time is not the date of any figure."""
    found: list[tuple[dt.date, str]] = []
    for region in regions:
        for card in cards(repo, region, synthetic=False).itertuples():
            if card.value is not None and not pd.isna(card.value):
                found.append((card.as_of, card.date_precision))
            newer = getattr(card, "newer_date", None)
            if newer is not None and not pd.isna(newer):
                found.append((newer, card.newer_precision))
    # a day outranks the month it falls in: "5 Mei 2020" says more than "Mei 2020"
    return max(found, key=lambda f: (f[0], f[1] == "day"), default=None)
