"""Dampak vs Adopsi: r with its interval, p and n as computed, the controls, a reading whose words
follow the interval and make no causal claim."""

import itertools
import json
import math

import numpy as np
import pandas as pd
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from analytics import impact, queries
from tests.conftest import open_page
from ui import present

CAUSAL = ("menyebabkan", "karena", "akibat", "mendorong", "memicu", "causes", "because")


def reading(at: AppTest) -> str:
    return next(
        m.value for m in at.markdown if m.value.startswith(("Di ", "Terlalu", "Across", "Too"))
    )


def comma(value: float, decimals: int = 2) -> str:
    return f"{value:.{decimals}f}".replace(".", ",")


def brute_force_p(x: np.ndarray, y: np.ndarray) -> float:
    """The two-sided permutation p by brute force, one np.corrcoef per ordering: a slow, plain
    reference for the vectorised code under test."""
    observed = abs(np.corrcoef(x, y)[0, 1])
    orders = list(itertools.permutations(range(len(y))))
    hits = sum(abs(np.corrcoef(x, y[list(o)])[0, 1]) >= observed - 1e-12 for o in orders)
    return hits / len(orders)


def scatter(at: AppTest) -> dict:
    return json.loads(at.get("plotly_chart")[0].proto.spec)


def test_r_interval_p_and_n_on_the_page_are_the_computed_ones(warehouse):
    at = open_page("dampak_adopsi")
    frame = impact.impact_and_adoption(queries, "36.71", "per_1000", 0)
    used = frame[frame.excluded.isna()]
    x, y = used.x.to_numpy(), used.y.to_numpy()
    r = np.corrcoef(x, y)[0, 1]
    # Fisher z by the published formula: tanh(atanh(r) -+ 1.96 / sqrt(n - 3)), n = 7
    z, half = math.atanh(r), 1.96 / math.sqrt(7 - 3)
    low, high = math.tanh(z - half), math.tanh(z + half)
    stats = (
        f"r = {comma(r)} · selang kepercayaan 95%: {comma(low)} s.d. {comma(high)}"
        f" · p = {comma(brute_force_p(x, y))} · n = 7"
    )
    text = reading(at)
    assert stats in text
    # seven areas: too few to conclude anything, whatever r is; no strength word is used
    assert text.startswith("Terlalu sedikit kecamatan (n = 7, kurang dari 10) untuk menyimpulkan")
    assert "titik-titiknya tetap ditampilkan" in text
    assert not any(w in text for w in ("hubungan sedang", "hubungan lemah", "hubungan kuat"))
    assert "uji permutasi dua sisi: semua 5.040 urutan (eksak)" in text  # 7! = 5.040
    annotation = scatter(at)["layout"]["annotations"][0]["text"]
    assert annotation.split("<br>") == [
        stats,
        "p: uji permutasi dua sisi, semua 5.040 urutan (eksak)",
        "terlalu sedikit wilayah (< 10) untuk menyimpulkan",
    ]
    assert [t["type"] for t in scatter(at)["data"]] == ["scatter", "scatter"]  # areas, fitted line
    assert "Tidak dihitung (tidak ada angka penduduk): Kec. Tangerang" in " ".join(
        c.value for c in at.caption
    )


def test_an_interval_that_spans_zero_cannot_be_concluded_in_both_languages(warehouse):
    at = open_page("dampak_adopsi", dampak="per_100_umkm")  # all 13 kecamatan
    text = reading(at)
    assert text.startswith("Di 13 kecamatan, arah hubungan antara")
    assert "tidak dapat disimpulkan: selang kepercayaan 95% untuk r mencakup 0" in text
    assert "searah" not in text and "berlawanan arah" not in text
    assert "10.000 urutan acak, benih 2020" in text  # 13! is too many to enumerate
    assert "(kekeliruan ekologis)" in text
    english = reading(open_page("dampak_adopsi", lang="en", dampak="per_100_umkm"))
    assert "cannot be concluded: the 95% confidence interval of r includes 0" in english
    assert "says nothing about the individual businesses" in english
    assert "(the ecological fallacy)" in english
    assert "95% CI " in english and "10,000 random orderings, seed 2020" in english


@pytest.fixture
def english():
    st.session_state["lang"] = "en"
    yield
    del st.session_state["lang"]


def hand_built_reading(low: float, high: float, n: int = 12) -> str:
    line = {
        "n": n,
        "r": (low + high) / 2,
        "slope": 1.0,
        "intercept": 0.0,
        "ci_low": low,
        "ci_high": high,
        "p": 0.004,
        "orderings": 10_000,
        "exact": False,
    }
    frame = pd.DataFrame({"synthetic": [False]})
    far = pd.DataFrame({"region_name": [], "residual": []})
    return present.impact_reading(frame, line, far, "per_1000", 3)


def test_direction_and_strength_words_only_from_an_interval_clear_of_zero():
    above = hand_built_reading(0.41, 0.94)  # r = 0.675, but the bound nearest 0 is 0.41
    assert "bergerak searah" in above
    assert "batasnya yang terdekat ke 0 (0,41) menunjukkan hubungan yang setidaknya sedang" in above
    assert "p = 0,004" in above and "kekeliruan ekologis" in above
    below = hand_built_reading(-0.95, -0.62)
    assert "bergerak berlawanan arah" in below and "(-0,62)" in below and "setidaknya kuat" in below
    spans = hand_built_reading(-0.08, 0.86)
    assert "tidak dapat disimpulkan" in spans and "searah" not in spans
    assert "Terlalu sedikit" in hand_built_reading(0.41, 0.94, n=9)


def test_the_words_in_english(english):
    assert "cannot be concluded" in hand_built_reading(-0.08, 0.86)
    above = hand_built_reading(0.41, 0.94)
    assert "move together" in above and "an association at least moderate" in above
    assert "says nothing about the individual businesses" in above


def test_the_lag_and_denominator_controls(warehouse):
    at = open_page("dampak_adopsi")
    at.slider(key="lag").set_value(6).run()
    table = at.dataframe[0].value.set_index("Wilayah")
    assert table.loc["Kec. Jatiuwung", "Puncak PHK"] == "April 2020"
    assert table.loc["Kec. Jatiuwung", "Bulan adopsi"] == "Oktober 2020"
    # Benda rose +145 in April and +152 in May 2020; half its Dec-2020 level (428) is 214, passed
    # in April (263), so April it is, with 263 workers, not May's 415
    assert table.loc["Kec. Benda", "Puncak PHK"] == "April 2020"
    assert table.loc["Kec. Benda", "PHK kumulatif saat puncak"] == "263 pekerja"
    at.selectbox(key="dampak").set_value("per_100_umkm").run()
    assert "n = 13" in reading(at)
    assert at.query_params["lag"] == ["6"] or at.slider(key="lag").value == 6


def test_the_reading_names_outliers_and_makes_no_causal_claim(warehouse):
    text = reading(open_page("dampak_adopsi", lag="3")).lower()
    assert not any(word in text for word in CAUSAL)
    assert "paling jauh dari garis: kec." in text
    assert "tidak menunjukkan bahwa yang satu mengubah yang lain" in text
    assert "tidak mengatakan apa pun tentang masing-masing usaha" in text
    assert "data contoh (sintetis)" in text


def test_the_adoption_measure_is_a_choice_kept_in_the_url(warehouse):
    at = open_page("dampak_adopsi", ukuran_adopsi="change")
    assert at.selectbox(key="ukuran_adopsi").value == "change"
    table = at.dataframe[0].value.set_index("Wilayah")
    # Jatiuwung: 145 / 1425 (April 2020) - 124 / 1420 (March) = 0.0144305 -> +1,44 points
    assert table.loc["Kec. Jatiuwung", "Bulan sebelum puncak"] == "Maret 2020"
    assert table.loc["Kec. Jatiuwung", "Perubahan adopsi (poin persentase)"] == (
        "+1,44 poin persentase"
    )
    assert "perubahan adopsi digital dari bulan sebelum puncak PHK" in reading(at)
    layout = scatter(at)["layout"]
    assert layout["yaxis"]["title"]["text"].startswith("Perubahan adopsi digital (poin persentase)")
    at.selectbox(key="ukuran_adopsi").set_value("level").run()
    assert "ukuran_adopsi" not in at.query_params  # the default keeps the link clean
    assert "Perubahan adopsi (poin persentase)" not in at.dataframe[0].value.columns
    at.selectbox(key="ukuran_adopsi").set_value("change").run()
    assert at.query_params["ukuran_adopsi"] == "change"


def test_a_caption_under_the_chart_counts_the_combinations(warehouse):
    captions = [c.value for c in open_page("dampak_adopsi").caption]
    # 2 denominators x 2 adoption measures x 13 lags (0-12) = 52; right under the chart (after the
    # intro, before the reading's notes)
    assert captions[1].startswith(
        "Halaman ini memungkinkan 2 ukuran dampak × 2 ukuran adopsi × 13 jeda (0–12 bulan)"
        " = 52 kombinasi."
    )
    assert "r yang mencolok bisa muncul secara kebetulan" in captions[1]
    english = [c.value for c in open_page("dampak_adopsi", lang="en").caption][1]
    assert "2 impact measures × 2 adoption measures × 13 lags (0–12 months) = 52 combinations" in (
        english
    )
    assert "a striking r can turn up by chance" in english


def test_the_intro_says_how_the_peak_is_found(warehouse):
    intro = open_page("dampak_adopsi").caption[0].value
    assert "bulan pertama ketika PHK kumulatif wilayah itu mencapai separuh angkanya" in intro
    assert "Desember 2020" in intro
    english = open_page("dampak_adopsi", lang="en").caption[0].value
    assert "reaches half of its December 2020 level" in english


def test_paired_chart_for_two_areas_from_the_url(warehouse):
    at = open_page("dampak_adopsi", pasangan=["36.71.02", "36.71.13"])
    assert at.multiselect(key="pasangan").value == ["36.71.02", "36.71.13"]
    paired = json.loads(at.get("plotly_chart")[1].proto.spec)
    titles = [a["text"] for a in paired["layout"]["annotations"] if a["text"].startswith("Kec.")]
    assert titles == ["Kec. Jatiuwung", "Kec. Larangan"]
    assert any(s.get("type") == "rect" for s in paired["layout"]["shapes"])  # policy periods shaded


def test_garbage_in_the_url_gives_the_default_view_and_a_notice(warehouse):
    at = open_page("dampak_adopsi", lag="99", dampak="x", ukuran_adopsi="x", pasangan=["nowhere"])
    assert not at.exception
    assert at.slider(key="lag").value == 0
    assert at.selectbox(key="dampak").value == "per_1000"
    assert at.selectbox(key="ukuran_adopsi").value == "level"
    assert len(at.warning) == 4
