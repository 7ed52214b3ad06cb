"""Policy periods: a stretch nobody has sourced is drawn as unknown, never as no restriction."""

import datetime as dt

import pandas as pd
from plotly.subplots import make_subplots

from analytics import policy

D = dt.date


def test_gaps_between_known_periods_are_unknown():
    events = pd.DataFrame(
        {
            "start_date": [D(2020, 4, 18), D(2020, 5, 4), D(2020, 6, 15), D(2020, 6, 20)],
            "end_date": [D(2020, 5, 3), D(2020, 5, 31), D(2020, 6, 28), D(2020, 7, 12)],
            "kind": ["PSBB"] * 4,
            "name": ["a", "b", "c", "d"],
        }
    )
    out = policy.with_unknown_gaps(events)
    unknown = out[out.kind == "unknown"]
    # 18 Apr-3 May and 4-31 May touch (no gap); 1-14 June is not covered by any period;
    # the overlapping 15-28 June and 20 June-12 July leave no gap
    assert list(zip(unknown.start_date, unknown.end_date, strict=True)) == [
        (D(2020, 6, 1), D(2020, 6, 14))
    ]
    assert len(out) == 5


def test_every_panel_is_shaded_with_shapes_set_once():
    events = pd.DataFrame(
        {
            "start_date": [D(2020, 4, 18), D(2020, 6, 1), D(2022, 12, 30)],
            "end_date": [D(2020, 5, 3), D(2020, 6, 14), D(2022, 12, 30)],
            "kind": ["PSBB", "unknown", "PPKM"],
            "name": ["PSBB", None, "revoked"],
        }
    )
    fig = make_subplots(rows=4, cols=4)
    policy.add_events(fig, events, panels=True, unknown="Status tidak diketahui (?)")
    # 3 periods x 16 panels = 48 shapes; each kind named once, in the legend, not on the chart;
    # the one-day event (a dashed line) by its kind and day, 30 December 2022 in Indonesian
    assert len(fig.layout.shapes) == 48
    assert fig.layout.annotations == ()
    named = [t.name for t in fig.data if t.legendgroup == "policy"]
    assert named == ["PSBB", "Status tidak diketahui (?)", "PPKM, 30 Des 2022"]
    unknown = [s for s in fig.layout.shapes if s.line.dash == "dot"]
    assert len(unknown) == 16 and {s.xref for s in unknown} == {"x"} | {
        f"x{i}" for i in range(2, 17)
    }


def test_the_shipped_timeline_names_its_decrees_and_covers_tangerang_raya_in_2020(warehouse):
    from analytics import queries

    events = queries.events("36.71")
    first = events[events.start_date == pd.Timestamp("2020-04-18")].iloc[0]
    assert "Pergub Banten 16/2020" in first.legal_basis  # not 6/2020
    extension = events[events.start_date == pd.Timestamp("2020-05-04")].iloc[0]
    assert "443/Kep.149-Huk/2020" in extension.legal_basis  # 4-17 May, all of Tangerang Raya
    # from PSBB tahap 1 (18 Apr) to the end of the 7 Sep - 20 Sep extension, no unknown stretch
    # but 9 Aug 2020 (the one day the sources disagree on)
    shown = policy.with_unknown_gaps(events)
    unknown = shown[(shown.kind == "unknown") & (shown.start_date <= D(2020, 9, 20))]
    assert list(zip(unknown.start_date, unknown.end_date, strict=True)) == [
        (D(2020, 8, 9), D(2020, 8, 9))
    ]
    assert events.url.str.startswith("http").all() and events.legal_basis.notna().all()


def test_the_readme_names_every_stretch_drawn_unknown_for_kota_tangerang(warehouse):
    """The closing note lists where no source was found. The stretches, read by hand off
    data/raw/policy_events.csv (the periods naming 36.71, 36 or ID, sorted: each day after one
    period's end that no later period covers until the next one starts)."""
    from pathlib import Path

    from analytics import queries

    by_hand = [
        (D(2020, 8, 9), D(2020, 8, 9), "9 Aug 2020"),  # jilid 7 ends 8 Aug, the 8th starts 10 Aug
        (D(2021, 6, 29), D(2021, 7, 2), "29 Jun – 2 Jul 2021"),  # 15-28 Jun; Darurat from 3 Jul
        (D(2021, 8, 31), D(2021, 9, 6), "31 Aug – 6 Sep 2021"),
        (D(2021, 12, 14), D(2022, 1, 17), "14 Dec 2021 – 17 Jan 2022"),
        (D(2022, 3, 1), D(2022, 3, 14), "1 – 14 Mar 2022"),
        (D(2022, 4, 5), D(2022, 4, 18), "5 – 18 Apr 2022"),
        (D(2022, 7, 5), D(2022, 7, 5), "5 Jul 2022"),
        (D(2022, 8, 16), D(2022, 9, 5), "16 Aug – 5 Sep 2022"),
        (D(2022, 11, 8), D(2022, 11, 21), "8 – 21 Nov 2022"),
    ]
    shown = policy.with_unknown_gaps(queries.events("36.71"))
    unknown = shown[shown.kind == "unknown"]
    drawn = [(pd.Timestamp(a).date(), pd.Timestamp(b).date()) for a, b in
             zip(unknown.start_date, unknown.end_date, strict=True)]  # fmt: skip
    assert drawn == [(a, b) for a, b, _ in by_hand]
    readme = " ".join(Path(__file__).parents[2].joinpath("README.md").read_text().split())
    note = readme.split("**Not found (open).**")[1].split("- **")[0]
    assert [w for _, _, w in by_hand if w not in note] == []
