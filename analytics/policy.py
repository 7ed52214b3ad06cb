"""Policy periods (PSBB, PPKM) for the charts, with the stretches nobody has sourced.

Between the first and the last known period of an area, a stretch that no sourced period covers is
not "no restriction": its status is unknown, and it is drawn as such (kind "unknown"), so a gap in
our sources never reads as a lifted restriction.
"""

import datetime as dt

import pandas as pd

UNKNOWN = "unknown"


def with_unknown_gaps(events: pd.DataFrame) -> pd.DataFrame:
    """The known periods plus one row of kind "unknown" for every gap of a day or more between
    them (periods are inclusive of their end day)."""
    if events is None or events.empty:
        return events
    known = events.assign(
        start_date=pd.to_datetime(events["start_date"]).dt.date,
        end_date=pd.to_datetime(events["end_date"]).dt.date,
    ).sort_values(["start_date", "end_date"])
    gaps = []
    covered_to = known["end_date"].iloc[0]
    for start, end in zip(known["start_date"].iloc[1:], known["end_date"].iloc[1:], strict=True):
        if start > covered_to + dt.timedelta(days=1):
            gaps.append((covered_to + dt.timedelta(days=1), start - dt.timedelta(days=1)))
        covered_to = max(covered_to, end)
    unknown = pd.DataFrame(
        [{"start_date": a, "end_date": b, "kind": UNKNOWN, "name": None} for a, b in gaps],
        columns=["start_date", "end_date", "kind", "name"],
    )
    return pd.concat([known, unknown], ignore_index=True).sort_values("start_date", kind="stable")
