"""Area comparison modes and the Dampak vs Adopsi arithmetic, checked by hand.

The tests that read a warehouse read the page-test fixture (tests/fixtures/pages, whose README
lists its rows), built once for this module: every expected value is worked out from those rows."""

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from analytics import areas, impact, queries
from etl.build import build
from tests.conftest import page_fixture_data

JUL = dt.date(2020, 7, 1)


@pytest.fixture(scope="module")
def fixture_file(tmp_path_factory):
    root = tmp_path_factory.mktemp("areas_fixture")
    path = root / "pulih.duckdb"
    build(page_fixture_data(root), path)
    return path


@pytest.fixture
def fixture_warehouse(fixture_file, monkeypatch):
    monkeypatch.setenv("PULIH_WAREHOUSE", str(fixture_file))
    return fixture_file


def test_per_1000_uses_the_fixed_population(fixture_warehouse):
    frame = areas.apply_mode(
        areas.series(queries, ("36.71", "36.03", "36.71.01"), "phk", JUL, JUL), "per_1000"
    )
    shown = dict(zip(frame.region_code, frame.shown, strict=True))
    # July 2020: Kota Tangerang's 6.000 of 5 May carried, 1.500.000 residents: 6000 / 1500 = 4;
    # Kab. Tangerang 9.000 of 10 July, 3.000.000 residents: 9000 / 3000 = 3
    assert shown["36.71"] == pytest.approx(4.0)
    assert shown["36.03"] == pytest.approx(3.0)
    assert np.isnan(shown["36.71.01"])  # Kec. Tangerang: 100 PHK but no population figure
    assert frame.set_index("region_code").loc["36.71.01", "missing"] == "no_population"


def test_per_100_umkm_uses_the_register_of_the_same_area_and_month(fixture_warehouse):
    frame = areas.series(queries, ("36.71", "36.03"), "phk", JUL, JUL)
    register = queries.umkm_monthly(("36.71", "36.03"), JUL, JUL)
    out = areas.apply_mode(frame, "per_100_umkm", register).set_index("region_code")
    # Kota Tangerang's register is its ten kecamatan's, 10 businesses each: 100 in July 2020;
    # 6000 / 100 * 100 = 6000 PHK per 100 UMKM. Kab. Tangerang has no register
    assert out.loc["36.71", "shown"] == pytest.approx(6000.0)
    assert out.loc["36.03", "missing"] == "no_register" and np.isnan(out.loc["36.03", "shown"])


def test_index_against_january_february_2020(fixture_warehouse):
    start, end = dt.date(2020, 1, 1), dt.date(2020, 12, 1)
    frame = areas.apply_mode(
        areas.series(queries, ("36.71.04",), "umkm_onboarded", start, end), "index"
    ).set_index("month")
    # Benda: 5 businesses onboarded in January 2020, 3 more in March; the baseline is
    # (5 + 5) / 2 = 5, so January and February are 100 and March to December 8 / 5 * 100 = 160
    assert frame.loc["2020-01-01", "shown"] == pytest.approx(100.0)
    assert frame.loc["2020-02-01", "shown"] == pytest.approx(100.0)
    assert frame.loc["2020-03-01", "shown"] == pytest.approx(160.0)
    assert frame.loc["2020-12-01", "shown"] == pytest.approx(160.0)
    # Jatiuwung onboarded nobody before April 2020: a baseline of 0, no index, and it says why
    jatiuwung = areas.apply_mode(
        areas.series(queries, ("36.71.02",), "umkm_onboarded", start, end), "index"
    )
    assert jatiuwung.shown.isna().all() and set(jatiuwung.missing) == {"no_baseline"}
    # a series with no figure in January and February 2020 (Benda's PHK begins in March) has
    # no baseline either
    labour = areas.apply_mode(areas.series(queries, ("36.71.04",), "phk", start, end), "index")
    assert labour.shown.isna().all() and set(labour.missing) == {"no_baseline"}


def test_an_index_needs_a_non_zero_figure_in_both_baseline_months(fixture_warehouse):
    start, end = dt.date(2020, 1, 1), dt.date(2020, 12, 1)
    # Batuceper: 0 onboarded in January 2020, 5 in February: January is zero, so no baseline
    # (the code takes (0 + 5) / 2 = 2.5 and shows February as 200, April as 6 / 2.5 * 100 = 240)
    frame = areas.apply_mode(
        areas.series(queries, ("36.71.03",), "umkm_onboarded", start, end), "index"
    )
    assert frame.shown.isna().all() and set(frame.missing) == {"no_baseline"}


def test_a_rate_is_not_divided_again(fixture_warehouse):
    frame = areas.series(queries, ("36.71.05",), "umkm_adoption_rate", JUL, JUL)
    assert frame.unit.iloc[0] == "ratio"  # onboarded / registered from the register
    assert frame.value.iloc[0] == pytest.approx(0.7)  # Cipondoh: 7 of its 10 by July 2020
    assert areas.unavailable(frame.unit.iloc[0], "per_1000")
    assert not areas.unavailable(frame.unit.iloc[0], "index")


def test_register_measures_prefer_a_real_report(fixture_warehouse):
    march, april = dt.date(2020, 3, 1), dt.date(2020, 4, 1)
    frame = areas.series(
        queries, ("36.71",), "umkm_registered", march, dt.date(2020, 6, 1)
    ).set_index("month")
    # labour.csv: Kota Tangerang's real report of 13.000 registered UMKM on 9 April 2020 outranks
    # the synthetic register's 100 from April on; March has only the register's 100
    assert frame.loc[pd.Timestamp(april), "value"] == 13000
    assert not frame.loc[pd.Timestamp(april), "synthetic"]
    assert frame.loc[pd.Timestamp(march), "value"] == 100
    assert frame.loc[pd.Timestamp(march), "synthetic"]


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
    # by hand: dx = -2..2, dy = -0.28 -0.18 -0.08 0.02 0.52; sum dx*dy = 1.8, sum dx^2 = 10,
    # sum dy^2 = 0.388; r = 1.8 / sqrt(3.88) = 0.91381
    assert line["r"] == pytest.approx(0.91381, abs=1e-5)
    # Fisher z: atanh(0.91381) = 1.55015, se = 1/sqrt(5 - 3) = 0.70711, 1.96 se = 1.38593;
    # tanh(0.16422) = 0.16277, tanh(2.93608) = 0.99438
    assert line["ci_low"] == pytest.approx(0.16277, abs=1e-4)
    assert line["ci_high"] == pytest.approx(0.99438, abs=1e-4)
    assert line["orderings"] == 120 and line["exact"]  # 5! orderings, every one of them
    assert impact.outliers(frame, line, count=1).region_name.tolist() == ["E"]
    too_few = impact.fit(frame.head(2))
    assert too_few["n"] == 2
    assert too_few["r"] is None and too_few["ci_low"] is None and too_few["p"] is None


def test_fisher_interval_of_r_056_with_seven_areas():
    # z = atanh(0.56) = 0.5 ln(1.56 / 0.44) = 0.63283; se = 1/sqrt(7 - 3) = 0.5; 1.96 se = 0.98;
    # tanh(0.63283 - 0.98) = tanh(-0.34717) = -0.33386;
    # tanh(0.63283 + 0.98) = tanh(1.61283) = 0.92358
    low, high = impact.fisher_interval(0.56, 7)
    assert low == pytest.approx(-0.33386, abs=1e-4)
    assert high == pytest.approx(0.92358, abs=1e-4)
    assert impact.fisher_interval(0.56, 3) is None  # n - 3 = 0: no standard error


def test_permutation_p_enumerates_every_ordering_of_four_areas():
    x = [1.0, 2.0, 3.0, 4.0]
    # For y a reordering of 1..4, r = 1 - 6 S / (n (n^2 - 1)) = 1 - S / 10, S = sum of squared rank
    # differences. y = 1 2 4 3: S = 2, r = 0.8. Of the 24 orderings, |r| >= 0.8 means S <= 2
    # (identity, 3 adjacent swaps: 4) or S >= 18 (the reversal and its 3 adjacent swaps: 4): 8/24.
    p, orderings, exact = impact.permutation_p(x, [1.0, 2.0, 4.0, 3.0])
    assert (orderings, exact) == (24, True)
    assert p == pytest.approx(8 / 24)
    # y = x: r = 1; only the identity and the reversal reach |r| = 1: 2/24
    assert impact.permutation_p(x, x)[0] == pytest.approx(2 / 24)
    # y = 1 3 2 4 is one adjacent swap as well: S = 2, the same 8/24
    assert impact.permutation_p(x, [1.0, 3.0, 2.0, 4.0])[0] == pytest.approx(8 / 24)


def test_permutation_p_above_eight_areas_samples_from_a_fixed_seed():
    x = np.arange(10.0)
    # r = 1: of 10! = 3.628.800 orderings only 2 reach |r| = 1, so 10.000 random orderings almost
    # surely hit none and p = (1 + 0) / (1 + 10.000)
    p, orderings, exact = impact.permutation_p(x, x)
    assert (orderings, exact) == (10_000, False)
    assert p == pytest.approx(1 / 10_001)
    y = np.array([3.0, 1, 4, 1, 5, 9, 2, 6, 5, 3])
    assert impact.permutation_p(x, y) == impact.permutation_p(x, y)  # the same on every run


def line_with(n, low, high):
    return {"n": n, "r": (low + high) / 2, "ci_low": low, "ci_high": high}


def test_the_verdict_comes_from_the_interval_not_from_r():
    # fewer than 10 areas: nothing is concluded, however narrow the interval
    assert impact.verdict(line_with(7, 0.7, 0.95)) == ("too_few", None, None)
    # r = 0.56 but the interval spans 0: cannot be concluded
    assert impact.verdict(line_with(12, -0.05, 0.86)) == ("inconclusive", None, None)
    # wholly above 0: the strength is the bound nearest 0 (0.35: moderate, although r = 0.63)
    assert impact.verdict(line_with(12, 0.35, 0.9)) == ("same", "moderate", 0.35)
    assert impact.verdict(line_with(30, 0.1, 0.6)) == ("same", "weak", 0.1)
    assert impact.verdict(line_with(30, -0.95, -0.62)) == ("opposite", "strong", -0.62)
    assert impact.verdict({"n": 2, "r": None, "ci_low": None, "ci_high": None})[0] == "too_few"


def test_impact_and_adoption_per_kecamatan(fixture_warehouse):
    frame = impact.impact_and_adoption(queries, "36.71", "per_1000", 3).set_index("region_code")
    assert len(frame) == 10  # the fixture's ten kecamatan
    cipondoh = frame.loc["36.71.05"]
    # Cipondoh's cumulative PHK: Mar 2020 100, Apr 400, carried to Dec 400; half of 400 = 200,
    # first reached in April (400)
    assert cipondoh.peak_month == pd.Timestamp("2020-04-01")
    assert cipondoh.phk_at_peak == 400
    assert cipondoh.x == pytest.approx(4.0)  # 400 / 100.000 * 1.000
    # three months after April is July: 7 of its 10 businesses onboarded (all in April)
    assert cipondoh.adoption_month == pd.Timestamp("2020-07-01")
    assert cipondoh.y == pytest.approx(0.7)
    # Benda: Mar 300, Apr 600, Dec 600; half = 300 is reached in March (exactly half counts)
    assert frame.loc["36.71.04", "peak_month"] == pd.Timestamp("2020-03-01")
    assert frame.loc["36.71.04", "phk_at_peak"] == 300
    assert frame.loc["36.71.01", "excluded"] == "no_population"
    assert impact.fit(frame.reset_index())["n"] == 4  # Jatiuwung, Batuceper, Benda, Cipondoh


MONTHS_2020_21 = pd.date_range("2020-01-01", "2021-03-01", freq="MS")


def cumulative(code: str, rises: list[int], months=MONTHS_2020_21) -> pd.DataFrame:
    """A hand-built cumulative PHK series from its monthly rises (the rest of the months flat)."""
    rises = rises + [0] * (len(months) - len(rises))
    return pd.DataFrame(
        {
            "region_code": code,
            "region_name": f"Kec. {code.upper()}",
            "month": months,
            "value": np.cumsum(rises).astype(float),
            "population": 100_000.0,
            "population_year": 2020,
            "population_basis": "SP2020",
            "synthetic": True,
        }
    )


def test_the_layoff_peak_does_not_flip_on_a_near_tie():
    phk = pd.concat(
        [
            # rises Mar +249, Apr +308, May +295: cumulative 249, 557, 852 (to Dec); half = 426
            cumulative("a", [0, 0, 249, 308, 295]),
            # the two near-tied rises swapped: 249, 544, 852; half = 426. The largest rise was
            # April in a and May in b; the half-way month is April in both
            cumulative("b", [0, 0, 249, 295, 308]),
            # exactly half counts as reached: 0, 100, 150, 200 (Dec 200): half = 100 -> April
            cumulative("c", [0, 0, 0, 100, 50, 50]),
            # a late rise after Dec 2020 does not move the peak: Dec 100 (Mar 60 >= 50 -> March)
            cumulative("d", [0, 0, 60, 40] + [0] * 9 + [900]),
            # no layoffs by Dec 2020: no peak
            cumulative("e", [0] * 13 + [50]),
        ]
    )
    peaks = impact.layoff_peaks(phk).set_index("region_code")
    assert list(peaks.index) == ["a", "b", "c", "d"]
    assert list(peaks.month.dt.strftime("%Y-%m")) == ["2020-04", "2020-04", "2020-04", "2020-03"]
    assert list(peaks.value) == [557, 544, 100, 60]
    assert list(peaks.reference_value) == [852, 852, 200, 100]


def test_impact_frame_keeps_an_area_without_a_peak_and_says_why():
    phk = pd.concat([cumulative("a", [0, 0, 249, 308, 295]), cumulative("e", [0] * 14)])
    register = pd.DataFrame(
        {
            "region_code": "a",
            "month": MONTHS_2020_21,
            "registered": 1000,
            "adoption_rate": np.linspace(0.05, 0.19, len(MONTHS_2020_21)),  # +0.01 a month
            "synthetic": True,
        }
    )
    frame = impact.impact_frame(phk, register, "per_1000", 2).set_index("region_code")
    # a: peak April 2020 (557 of Dec's 852); 557 / 100.000 * 1.000 = 5.57; adoption June = 0.10
    assert frame.loc["a", "peak_month"] == pd.Timestamp("2020-04-01")
    assert frame.loc["a", "x"] == pytest.approx(5.57)
    assert frame.loc["a", "y"] == pytest.approx(0.10)
    assert frame.loc["e", "excluded"] == "no_peak"


def test_adoption_change_is_after_minus_the_month_before_the_peak_in_points():
    phk = pd.concat([cumulative("a", [0, 0, 249, 308, 295]), cumulative("f", [100])])
    months = len(MONTHS_2020_21)
    register = pd.DataFrame(
        {
            "region_code": ["a"] * months + ["f"] * months,
            "month": list(MONTHS_2020_21) * 2,
            "registered": 1000,
            # Jan 2020 0.05, Feb 0.06, Mar 0.07, Apr 0.08, May 0.09, Jun 0.10, ...
            "adoption_rate": list(np.linspace(0.05, 0.19, months)) * 2,
            "synthetic": True,
        }
    )
    frame = impact.impact_frame(phk, register, "per_1000", 2, "change").set_index("region_code")
    # a: peak April 2020; June 0.10 - March 0.07 = 0.03 = 3 percentage points
    assert frame.loc["a", "adoption_before_month"] == pd.Timestamp("2020-03-01")
    assert frame.loc["a", "y"] == pytest.approx(3.0)
    assert frame.loc["a", "excluded"] is None or pd.isna(frame.loc["a", "excluded"])
    # f: all of its 2020 layoffs in January, so the peak is January 2020 and the month before it
    # (December 2019) is outside the register
    assert frame.loc["f", "peak_month"] == pd.Timestamp("2020-01-01")
    assert frame.loc["f", "excluded"] == "no_prior_month"
    level = impact.impact_frame(phk, register, "per_1000", 2, "level").set_index("region_code")
    assert level.loc["a", "y"] == pytest.approx(0.10)
    assert pd.isna(level.loc["f", "excluded"])  # the level needs no month before the peak


def test_adoption_change_per_kecamatan(fixture_warehouse):
    frame = impact.impact_and_adoption(queries, "36.71", "per_1000", 0, "change").set_index(
        "region_code"
    )
    # Jatiuwung, peak April 2020: 5 / 10 onboarded in April, 0 / 10 in March: +50 points
    assert frame.loc["36.71.02", "y"] == pytest.approx(50.0)
    assert frame.loc["36.71.02", "adoption_before"] == pytest.approx(0.0)
    # Benda, peak March 2020: 8 / 10 in March, 5 / 10 in February: +30 points
    assert frame.loc["36.71.04", "adoption_before_month"] == pd.Timestamp("2020-02-01")
    assert frame.loc["36.71.04", "adoption_before"] == pytest.approx(0.5)
    assert frame.loc["36.71.04", "y"] == pytest.approx(30.0)


def test_the_page_allows_52_combinations():
    # 2 denominators (per 1.000, per 100 UMKM) x 2 adoption measures (level, change) x 13 lags
    # (0..12) = 52
    assert impact.combinations() == 52
