"""Area comparison modes and the Dampak vs Adopsi arithmetic, checked by hand."""

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from analytics import areas, impact, queries

JUL = dt.date(2020, 7, 1)


def test_per_1000_uses_the_fixed_population(warehouse):
    frame = areas.apply_mode(
        areas.series(("36.71", "36.03", "36.71.01"), "phk", JUL, JUL), "per_1000"
    )
    shown = dict(zip(frame.region_code, frame.shown, strict=True))
    assert shown["36.71"] == pytest.approx(6023 / 1895486 * 1000)
    assert shown["36.03"] == pytest.approx(14910 / 3245619 * 1000)
    assert np.isnan(shown["36.71.01"])  # Kec. Tangerang: no population figure
    assert frame.set_index("region_code").loc["36.71.01", "missing"] == "no_population"


def test_per_100_umkm_uses_the_register_of_the_same_area_and_month(warehouse):
    frame = areas.series(("36.71", "36.03"), "phk", JUL, JUL)
    register = queries.umkm_monthly(("36.71", "36.03"), JUL, JUL)
    out = areas.apply_mode(frame, "per_100_umkm", register).set_index("region_code")
    registered = register.set_index("region_code").loc["36.71", "registered"]
    assert out.loc["36.71", "shown"] == pytest.approx(6023 / registered * 100)
    assert out.loc["36.03", "missing"] == "no_register" and np.isnan(out.loc["36.03", "shown"])


def test_index_against_january_february_2020(warehouse):
    start, end = dt.date(2020, 1, 1), dt.date(2020, 12, 1)
    frame = areas.apply_mode(areas.series(("36.71.05",), "umkm_onboarded", start, end), "index")
    base = frame[frame.month.isin(areas.BASELINE_MONTHS)].value.mean()
    december = frame[frame.month == pd.Timestamp("2020-12-01")].iloc[0]
    assert december.shown == pytest.approx(december.value / base * 100)
    # a cumulative series that starts at zero has no baseline: no index, and it says why
    labour = areas.apply_mode(areas.series(("36.71.05",), "phk", start, end), "index")
    assert labour.shown.isna().all() and set(labour.missing) == {"no_baseline"}


def test_a_rate_is_not_divided_again(warehouse):
    frame = areas.series(("36.71.05",), "umkm_adoption_rate", JUL, JUL)
    assert areas.unavailable(frame.unit.iloc[0], "per_1000")
    assert not areas.unavailable(frame.unit.iloc[0], "index")


def test_register_measures_prefer_a_real_report(warehouse):
    april = dt.date(2020, 4, 1)
    frame = areas.series(("36.71",), "umkm_registered", april, dt.date(2020, 6, 1)).set_index(
        "month"
    )
    assert frame.loc[pd.Timestamp(april), "value"] == 13368  # Dinas report, 9 April 2020
    assert not frame.loc[pd.Timestamp(april), "synthetic"]


def test_ranking_puts_the_highest_first_and_areas_without_a_figure_last_unranked():
    frame = pd.DataFrame(
        {
            "region_code": ["a", "b", "c", "a"],
            "region_name": ["A", "B", "C", "A"],
            "month": pd.to_datetime(["2020-01-01"] * 3 + ["2020-02-01"]),
            "shown": [5.0, 9.0, np.nan, 12.0],
            "missing": [None, None, "no_population", None],
            "synthetic": [False] * 4,
        }
    )
    ranked = areas.ranking(frame)
    assert list(ranked.region_code) == ["a", "b", "c"]
    # C has no figure (no population): listed last, without a rank of its own
    assert list(ranked["rank"].astype(object).where(ranked["rank"].notna(), None)) == [1, 2, None]
    assert list(ranked.unranked.fillna("")) == ["", "", "no_population"]
    assert list(ranked.shown.fillna(-1)) == [12.0, 9.0, -1]


def test_a_ranking_never_mixes_real_and_synthetic_figures():
    # Kota Tangerang's latest figure in the period is synthetic (Dec 2022, 7.914); its latest
    # real one is 6.023 (May 2020). Kab. Tangerang has a real 14.910. Kec-only demo area D.
    frame = pd.DataFrame(
        {
            "region_code": ["kota", "kota", "kab", "d"],
            "region_name": ["Kota", "Kota", "Kab", "D"],
            "month": pd.to_datetime(["2020-05-01", "2022-12-01", "2020-07-01", "2022-12-01"]),
            "as_of_date": pd.to_datetime(["2020-05-05", "2022-12-31", "2020-07-10", "2022-12-31"]),
            "shown": [6023.0, 7914.0, 14910.0, 50.0],
            "missing": [None] * 4,
            "synthetic": [False, True, False, True],
        }
    )
    ranked = areas.ranking(frame)
    assert list(ranked.region_code) == ["kab", "kota", "d"]
    assert list(ranked.shown) == [14910.0, 6023.0, 50.0]  # Kota's real figure, not 7.914
    assert list(ranked.unranked.fillna("")) == ["", "", "synthetic_only"]
    # the window the ranking compares: the as-of dates of the ranked figures
    assert areas.as_of_window(ranked) == (dt.date(2020, 5, 5), dt.date(2020, 7, 10))


def test_fit_states_r_and_n_and_finds_the_outlier():
    frame = pd.DataFrame(
        {
            "region_name": list("ABCDE"),
            "x": [1.0, 2.0, 3.0, 4.0, 5.0],
            "y": [0.1, 0.2, 0.3, 0.4, 0.9],
            "excluded": [None] * 5,
        }
    )
    line = impact.fit(frame)
    assert line["n"] == 5
    assert line["r"] == pytest.approx(np.corrcoef(frame.x, frame.y)[0, 1])
    assert impact.outliers(frame, line, count=1).region_name.tolist() == ["E"]
    assert impact.fit(frame.head(2)) == {"n": 2, "r": None, "slope": None, "intercept": None}


def test_impact_and_adoption_per_kecamatan(warehouse):
    frame = impact.impact_and_adoption("36.71", "per_1000", 3).set_index("region_code")
    assert len(frame) == 13
    cipondoh = frame.loc["36.71.05"]
    phk = queries.monthly(("36.71.05",), ("phk",)).set_index("month").value
    peak = phk.diff().idxmax()
    assert cipondoh.peak_month == peak
    assert cipondoh.x == pytest.approx(phk[peak] / 248210 * 1000)
    later = queries.umkm_monthly(("36.71.05",)).set_index("month").adoption_rate
    assert cipondoh.y == pytest.approx(later[peak + pd.DateOffset(months=3)])
    assert frame.loc["36.71.01", "excluded"] == "no_population"
    assert impact.fit(frame.reset_index())["n"] == 7
