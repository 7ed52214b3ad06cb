"""Small cells: a count taken from the record-level register that is below a threshold, for an area
as small as a kecamatan, could point at a handful of named businesses. Such a count is withheld
everywhere — every page, every download, every rate built on it — by one function,
`suppress_register`, applied once in the query layer (analytics/queries.py `umkm_monthly`).

- Primary suppression: a kecamatan's count from 1 to threshold − 1 is withheld. Zero is shown:
  an empty cell identifies nobody.
- Complementary suppression: the city's total is published, so one withheld kecamatan could be
  recovered as the total minus its published siblings. Whenever a kecamatan of a city is withheld
  in a month, its smallest other siblings are withheld too, until at least two are withheld and
  together they hold at least the threshold: no difference of published figures then recovers a
  withheld count.
- A rate on a withheld count (the adoption rate, per 100 UMKM) is withheld too.
- Numbers stay numbers: a withheld count is empty (null) with a flag column
  (`registered_suppressed`, `onboarded_suppressed`); "<5" is written only where a person reads
  it (ui/present.py), never into a number column of a download.

The threshold is a setting: PULIH_SMALL_CELL (default 5). Reported aggregate figures (Disnaker,
BPS) are published numbers and are not touched.
"""

import os

import pandas as pd

DEFAULT_THRESHOLD = 5
SMALL_LEVELS = ("district", "village")
COUNTS = ("registered", "onboarded")


def threshold() -> int:
    try:
        return max(1, int(os.environ.get("PULIH_SMALL_CELL", DEFAULT_THRESHOLD)))
    except ValueError:
        return DEFAULT_THRESHOLD


def label(limit: int | None = None) -> str:
    return f"<{limit or threshold()}"


def _withheld(values: pd.Series, small: pd.Series, limit: int) -> pd.Series:
    """Within one parent and month: the primary cells plus the complementary ones."""
    withheld = small.copy()
    if not withheld.any():
        return withheld
    # a zero identifies nobody and hides nothing: the complement comes from the non-zero cells
    candidates = values[~withheld & (values > 0)].sort_values(kind="stable")
    for index in candidates.index:
        if withheld.sum() >= 2 and values[withheld].sum() >= limit:
            break
        withheld[index] = True
    return withheld


def suppress_register(frame: pd.DataFrame, limit: int | None = None) -> pd.DataFrame:
    """Withhold small register counts, with complementary suppression among siblings.

    frame: region_code, parent_code, level, month, registered, onboarded, adoption_rate; it must
    hold every sibling of each small area (the query layer asks for the whole family).
    Returns the frame with those counts null, `<count>_suppressed` flags, and the adoption rate
    null wherever a count it is built on is withheld."""
    limit = limit or threshold()
    out = frame.copy()
    small_area = out["level"].isin(SMALL_LEVELS)
    for column in COUNTS:
        values = pd.to_numeric(out[column], errors="coerce")
        primary = small_area & values.between(1, limit - 1)
        flags = pd.Series(False, index=out.index)
        families = out[small_area].groupby(["parent_code", "month"], dropna=False).groups
        for rows in families.values():
            flags.loc[rows] = _withheld(values.loc[rows], primary.loc[rows], limit)
        out[f"{column}_suppressed"] = flags
        out[column] = values.astype("Float64").mask(flags)
    hidden = out["registered_suppressed"] | out["onboarded_suppressed"]
    out["adoption_rate"] = pd.to_numeric(out["adoption_rate"], errors="coerce").mask(hidden)
    return out
