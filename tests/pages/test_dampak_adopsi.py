"""Dampak vs Adopsi on the fixture warehouse (tests/fixtures/pages): r with its interval, p and n
as worked out by hand from the fixture's kecamatan, the controls, a reading whose words follow the
interval and make no causal claim.

The fixture's ten kecamatan (raw/kecamatan_labour.csv, raw/register.csv, raw/regions.csv), by hand:
PHK is reported on 31 March and 30 April 2020 (day precision, so April's figure is carried to
December 2020); the peak is the first month that reaches half of December's level. Each kecamatan
has 10 registered businesses; the adoption rate is onboarded / 10.

    kecamatan   population  PHK Mar  PHK Apr  peak   PHK at peak  adoption at peak
    Tangerang   -           0        100      Apr    100          8/10 = 0.8
    Jatiuwung   100.000     40       100      Apr    100          5/10 = 0.5  (10/10 from Sep)
    Batuceper   100.000     50       200      Apr    200          6/10 = 0.6  (5/10 Feb, Mar)
    Benda       100.000     300      600      Mar    300 (half)   8/10 = 0.8  (5/10 Jan, Feb)
    Cipondoh    100.000     100      400      Apr    400          7/10 = 0.7
    Ciledug     -           0        400      Apr    400          5/10 = 0.5
    Karawaci    -           0        200      Apr    200          7/10 = 0.7
    Periuk      -           0        300      Apr    300          6/10 = 0.6
    Cibodas     -           0        100      Apr    100          6/10 = 0.6
    Neglasari   -           0        400      Apr    400          6/10 = 0.6
"""

import json
import re

import pandas as pd
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.conftest import open_page
from ui import present

CAUSAL = ("menyebabkan", "karena", "akibat", "mendorong", "memicu", "causes", "because")
NO_POPULATION = (
    "Kec. Tangerang, Kec. Ciledug, Kec. Karawaci, Kec. Periuk, Kec. Cibodas, Kec. Neglasari"
)


def reading(at: AppTest) -> str:
    return next(
        m.value for m in at.markdown if m.value.startswith(("Di ", "Terlalu", "Across", "Too"))
    )


def scatter(at: AppTest) -> dict:
    return json.loads(at.get("plotly_chart")[0].proto.spec)


def test_r_interval_p_and_n_on_the_page_are_worked_out_by_hand(fixture_warehouse):
    at = open_page("dampak_adopsi")  # per 1.000 residents, adoption level, lag 0
    # n = 4: only Jatiuwung, Batuceper, Benda and Cipondoh have a population.
    # x = PHK at peak / 100.000 * 1.000 = 1, 2, 3, 4; y = adoption at peak = 0.5, 0.6, 0.8, 0.7.
    # r: dx = -1.5 -0.5 0.5 1.5, dy = -0.15 -0.05 0.15 0.05; sum dx*dy = 0.4, sum dx^2 = 5,
    # sum dy^2 = 0.05; r = 0.4 / sqrt(5 * 0.05) = 0.4 / 0.5 = 0.80.
    # Fisher z: atanh(0.8) = 0.5 ln(1.8 / 0.2) = 0.5 ln 9 = 1.09861; se = 1 / sqrt(4 - 3) = 1;
    # tanh(1.09861 - 1.96) = tanh(-0.86139) = -0.69697 -> -0,70;
    # tanh(1.09861 + 1.96) = tanh(3.05861) = 0.99560 -> 1,00.
    # p, exact over 4! = 24 orderings: x and y are both evenly spaced, so r = 1 - 6 S / (4 * 15)
    # = 1 - S / 10 with S the sum of squared rank differences; y's ranks are 1 2 4 3, S = 2.
    # |r| >= 0.8 needs S <= 2 (the identity and 3 adjacent swaps) or S >= 18 (the reversal and
    # its 3 adjacent swaps): 8 of 24 = 0.33
    stats = "r = 0,80 · selang kepercayaan 95%: -0,70 s.d. 1,00 · p = 0,33 · n = 4"
    text = reading(at)
    assert stats in text
    # four areas: too few to conclude anything, whatever r is; no strength word is used
    assert text.startswith("Terlalu sedikit kecamatan (n = 4, kurang dari 10) untuk menyimpulkan")
    assert "titik-titiknya tetap ditampilkan" in text
    assert not any(w in text for w in ("hubungan sedang", "hubungan lemah", "hubungan kuat"))
    assert "uji permutasi dua sisi: semua 24 urutan (eksak)" in text
    # the fitted line: slope 0.4 / 5 = 0.08, intercept 0.65 - 0.08 * 2.5 = 0.45; residuals
    # -0.03, -0.01, +0.11 (Benda), -0.07 (Cipondoh): the two farthest, with their side
    assert (
        "Paling jauh dari garis: Kec. Benda (adopsi di atas garis); "
        "Kec. Cipondoh (adopsi di bawah garis)." in text
    )
    # on the chart, in the notes under the plot (wrapped to fit a phone: a break is a space)
    notes = [a["text"].replace("<br>", " ") for a in scatter(at)["layout"]["annotations"]]
    on_chart = next(n for n in notes if n.startswith("r = "))
    assert on_chart.startswith(
        " ".join(
            [
                stats,
                "p: uji permutasi dua sisi, semua 24 urutan (eksak)",
                "terlalu sedikit wilayah (< 10) untuk menyimpulkan",
            ]
        )
    )
    assert [t["type"] for t in scatter(at)["data"]] == ["scatter", "scatter"]  # areas, fitted line
    assert f"Tidak dihitung (tidak ada angka penduduk): {NO_POPULATION}" in [
        c.value for c in at.caption
    ]


def test_an_interval_that_spans_zero_cannot_be_concluded_in_both_languages(fixture_warehouse):
    at = open_page("dampak_adopsi", dampak="per_100_umkm")  # all 10 kecamatan have a register
    text = reading(at)
    # x = PHK at peak / 10 registered * 100, in thousands 1 1 2 3 4 4 2 3 1 4 (Tangerang ...
    # Neglasari), mean 2.5; y = 0.8 0.5 0.6 0.8 0.7 0.5 0.7 0.6 0.6 0.6, mean 0.64.
    # sum dx*dy = -0.10 (in thousands), sum dx^2 = 14.5, sum dy^2 = 0.104:
    # r = -0.10 / sqrt(14.5 * 0.104) = -0.10 / 1.22801 = -0.0814 -> -0,08.
    # Fisher z: atanh(-0.0814) = -0.0816; se = 1 / sqrt(10 - 3) = 0.37796, 1.96 se = 0.74081;
    # tanh(-0.8224) = -0.6764 -> -0,68; tanh(0.6592) = 0.5778 -> 0,58: the interval spans 0
    assert "r = -0,08 · selang kepercayaan 95%: -0,68 s.d. 0,58 · p = " in text
    assert "· n = 10)" in text
    assert text.startswith("Di 10 kecamatan, arah hubungan antara")
    assert "tidak dapat disimpulkan: selang kepercayaan 95% untuk r mencakup 0" in text
    assert "searah" not in text and "berlawanan arah" not in text
    assert "10.000 urutan acak, benih 2020" in text  # 10! is too many to enumerate
    assert "(kekeliruan ekologis)" in text
    english = reading(open_page("dampak_adopsi", lang="en", dampak="per_100_umkm"))
    assert "cannot be concluded: the 95% confidence interval of r includes 0" in english
    assert "(r = -0.08 · 95% CI -0.68 to 0.58 · p = " in english
    assert "says nothing about the individual businesses" in english
    assert "(the ecological fallacy)" in english
    assert "10,000 random orderings, seed 2020" in english


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


def test_the_lag_and_denominator_controls(fixture_warehouse):
    at = open_page("dampak_adopsi")
    at.slider(key="lag").set_value(6).run()
    table = at.dataframe[0].value.set_index("Wilayah")
    # Jatiuwung peaks in April 2020 (40 in March is below half of 100); six months later is
    # October, when 5 + 5 (onboarded in September) of its 10 businesses are online: 100 %
    assert table.loc["Kec. Jatiuwung", "Puncak PHK"] == "April 2020"
    assert table.loc["Kec. Jatiuwung", "Bulan adopsi"] == "Oktober 2020"
    assert table.loc["Kec. Jatiuwung", "Tingkat adopsi digital"] == "100,0%"
    # Benda: March's 300 is exactly half of December's 600, and half counts as reached: March,
    # with 300 workers, not April's 600; its adoption month is September
    assert table.loc["Kec. Benda", "Puncak PHK"] == "Maret 2020"
    assert table.loc["Kec. Benda", "PHK kumulatif saat puncak"] == "300 pekerja"
    assert table.loc["Kec. Benda", "Bulan adopsi"] == "September 2020"
    at.selectbox(key="dampak").set_value("per_100_umkm").run()
    assert "n = 10" in reading(at)  # per 100 UMKM: every kecamatan has a register
    # the lag chosen before stays through the change of denominator, in the widget, the URL and
    # the table (a lag reset to 0 would read April 2020 and 50 % again)
    assert at.slider(key="lag").value == 6
    assert at.query_params["lag"] == "6"
    table = at.dataframe[0].value.set_index("Wilayah")
    assert table.loc["Kec. Jatiuwung", "Bulan adopsi"] == "Oktober 2020"
    assert table.loc["Kec. Jatiuwung", "Tingkat adopsi digital"] == "100,0%"


def test_the_reading_names_outliers_and_makes_no_causal_claim(fixture_warehouse):
    text = reading(open_page("dampak_adopsi", lag="3")).lower()
    assert not any(word in text for word in CAUSAL)
    # lag 3: July 2020 for the April peaks, June for Benda; no onboarding between April and
    # August, so y and the line are as at lag 0: Benda above it, Cipondoh below
    assert "paling jauh dari garis: kec. benda (adopsi di atas garis)" in text
    assert "tidak menunjukkan bahwa yang satu mengubah yang lain" in text
    assert "tidak mengatakan apa pun tentang masing-masing usaha" in text
    assert "data contoh (sintetis)" in text


def test_the_adoption_measure_is_a_choice_kept_in_the_url(fixture_warehouse):
    at = open_page("dampak_adopsi", ukuran_adopsi="change")
    assert at.selectbox(key="ukuran_adopsi").value == "change"
    table = at.dataframe[0].value.set_index("Wilayah")
    # Jatiuwung, peak April 2020: 5 / 10 onboarded in April - 0 / 10 in March = 0.5 -> +50 points
    assert table.loc["Kec. Jatiuwung", "Bulan sebelum puncak"] == "Maret 2020"
    assert table.loc["Kec. Jatiuwung", "Perubahan adopsi (poin persentase)"] == (
        "+50,00 poin persentase"
    )
    # Benda, peak March 2020: 8 / 10 in March - 5 / 10 in February = +30 points
    assert table.loc["Kec. Benda", "Bulan sebelum puncak"] == "Februari 2020"
    assert table.loc["Kec. Benda", "Perubahan adopsi (poin persentase)"] == (
        "+30,00 poin persentase"
    )
    text = reading(at)
    assert "perubahan adopsi digital dari bulan sebelum puncak PHK" in text
    # y = 50 10 30 70 against x = 1 2 3 4: dy = 10 -30 -10 30, dx = -1.5 -0.5 0.5 1.5;
    # sum dx*dy = 40, sum dx^2 = 5, sum dy^2 = 2000: r = 40 / sqrt(10000) = 0.40
    assert "(r = 0,40 · " in text
    layout = scatter(at)["layout"]
    assert layout["yaxis"]["title"]["text"].startswith("Perubahan adopsi digital (poin persentase)")
    at.selectbox(key="ukuran_adopsi").set_value("level").run()
    assert "ukuran_adopsi" not in at.query_params  # the default keeps the link clean
    assert "Perubahan adopsi (poin persentase)" not in at.dataframe[0].value.columns
    at.selectbox(key="ukuran_adopsi").set_value("change").run()
    assert at.query_params["ukuran_adopsi"] == "change"


def test_a_caption_under_the_chart_counts_the_combinations(fixture_warehouse):
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


def test_the_intro_says_how_the_peak_is_found(fixture_warehouse):
    intro = open_page("dampak_adopsi").caption[0].value
    assert "bulan pertama ketika PHK kumulatif wilayah itu mencapai separuh angkanya" in intro
    assert "Desember 2020" in intro
    english = open_page("dampak_adopsi", lang="en").caption[0].value
    assert "reaches half of its December 2020 level" in english


def test_paired_chart_for_two_areas_from_the_url(fixture_warehouse):
    at = open_page("dampak_adopsi", pasangan=["36.71.02", "36.71.05"])
    assert at.multiselect(key="pasangan").value == ["36.71.02", "36.71.05"]
    paired = json.loads(at.get("plotly_chart")[1].proto.spec)
    titles = [a["text"] for a in paired["layout"]["annotations"] if a["text"].startswith("Kec.")]
    assert titles == ["Kec. Jatiuwung", "Kec. Cipondoh"]
    # policy periods shaded and named in the legend (events.csv): PSBB Uji covers Kota
    # Tangerang, PPKM Uji its province
    assert any(s.get("type") == "rect" for s in paired["layout"]["shapes"])
    named = {t.get("name") for t in paired["data"]}
    assert {"PSBB", "PPKM"} <= named


def test_garbage_in_the_url_gives_the_default_view_and_a_notice(fixture_warehouse):
    at = open_page("dampak_adopsi", lag="99", dampak="x", ukuran_adopsi="x", pasangan=["nowhere"])
    assert not at.exception
    assert at.slider(key="lag").value == 0
    assert at.selectbox(key="dampak").value == "per_1000"
    assert at.selectbox(key="ukuran_adopsi").value == "level"
    assert len(at.warning) == 4


def test_by_default_the_pair_is_the_two_areas_farthest_from_the_line(fixture_warehouse):
    # residuals at lag 0 (see the first test): Benda +0.11 and Cipondoh -0.07 are the farthest
    at = open_page("dampak_adopsi")
    assert at.multiselect(key="pasangan").value == ["36.71.04", "36.71.05"]


def test_the_sources_caption_names_the_sources_of_the_figures_used(fixture_warehouse):
    captions = [c.value for c in open_page("dampak_adopsi").caption]
    sources = [c for c in captions if c.startswith("Sumber:")]
    # the kecamatan figures and the register come from "Fixture demo generator (sintetis)"
    # (sources.toml), the populations from the fixture's regions file
    assert any("Fixture demo generator" in c for c in sources)
    assert not any("Pulih demo generator" in c for c in sources)


def test_the_adoption_choice_names_the_months_chosen(fixture_warehouse):
    """The option read "Tingkat adopsi k bulan setelah puncak", a bare variable. With the lag
    slider at 6, it names six months; at 1 in English, one month (singular)."""
    at = open_page("dampak_adopsi")
    at.slider(key="lag").set_value(6).run()
    options = at.selectbox(key="ukuran_adopsi").options
    assert "Tingkat adopsi 6 bulan setelah puncak" in options
    assert not any(" k " in o for o in options)
    at.radio(key="lang").set_value("en").run()
    at.slider(key="lag").set_value(1).run()
    assert "Adoption rate 1 month after the peak" in at.selectbox(key="ukuran_adopsi").options


# Small register cells on Dampak vs Adopsi. The fixture's register with Benda cut to 3
# businesses (all registered 1 Jan 2019), 2 of them onboarded on 15 Jan 2020: 2 of 3 is 66,7 %,
# the audit's "2 usaha · 66,7 %". Every other kecamatan keeps its 10 (tests/fixtures/pages).
SMALL_BENDA = [
    "K04-01,36.71.04,kuliner,mikro,2019-01-01,2020-01-15,Shopee",
    "K04-02,36.71.04,kuliner,mikro,2019-01-01,2020-01-15,Shopee",
    "K04-03,36.71.04,kuliner,mikro,2019-01-01,,",
]
WITHHELD = "disamarkan (sel kecil, di bawah 5 atau pelengkapnya)"
# what would give a small cell back: a count of 1 to 4 businesses, Benda's 66,7 % (2 / 3) or its
# 33,3 % short of it, and per 100 UMKM on its 3: 300 / 3 x 100 = 10.000
GIVES_BACK = re.compile(r"(?<![\d.])[1-4] usaha|66,7|33,3|10\.000")


@pytest.fixture
def small_benda(tmp_path, monkeypatch):
    from etl.build import build
    from tests.conftest import page_fixture_data

    data = page_fixture_data(tmp_path)
    register = data / "raw" / "register.csv"
    rows = [r for r in register.read_text().splitlines() if not r.startswith("K04-")]
    register.write_text("\n".join(rows + SMALL_BENDA) + "\n")
    warehouse = tmp_path / "small_benda.duckdb"
    build(data, warehouse)
    monkeypatch.setenv("PULIH_WAREHOUSE", str(warehouse))
    return warehouse


def hovers(at: AppTest, charts: slice = slice(None)) -> list[str]:
    """Every hover text of the page's charts (the scatter: `slice(1)`; the paired chart after)."""
    texts = []
    for chart in at.get("plotly_chart")[charts]:
        for trace in json.loads(chart.proto.spec)["data"]:
            text = trace.get("hovertext") or []
            texts += [text] if isinstance(text, str) else text
    return texts


def test_small_register_cells_are_withheld_in_the_table_and_the_hover(small_benda):
    # per 1.000 residents, adoption rate, lag 0: the adoption month is the peak month.
    # Benda peaks in March 2020 (300 of December's 600): 3 registered and 2 onboarded, both
    # below 5, withheld with their rate. Their complements, the smallest other non-zero siblings
    # in the same month (ties in code order): registered, Tangerang's 10 (36.71.01, first of
    # nine tens: 3 + 10 >= 5); onboarded in April 2020, Jatiuwung's 5 (tied with Ciledug's 5,
    # 36.71.02 first: 2 + 5 >= 5). So Tangerang, Jatiuwung and Benda show no rate, and of the
    # four areas with a population only Batuceper and Cipondoh are drawn.
    at = open_page("dampak_adopsi")
    table = at.dataframe[0].value.set_index("Wilayah")
    rate = table["Tingkat adopsi digital"]
    assert rate[["Kec. Tangerang", "Kec. Jatiuwung", "Kec. Benda"]].tolist() == ["—"] * 3
    assert rate[["Kec. Batuceper", "Kec. Cipondoh"]].tolist() == ["60,0%", "70,0%"]
    assert f"Tidak dihitung ({WITHHELD}): Kec. Jatiuwung, Kec. Benda" in [
        c.value for c in at.caption
    ]
    drawn = [h.split("</b>")[0].removeprefix("<b>") for h in hovers(at, slice(1))]
    assert drawn == ["Kec. Batuceper", "Kec. Cipondoh"]
    shown = " ".join(table.astype(str).to_numpy().ravel().tolist() + hovers(at))
    assert not GIVES_BACK.search(shown), GIVES_BACK.search(shown)

    # per 100 registered UMKM: Benda's 300 / 3 x 100 = 10.000 would give its 3 back, and
    # Tangerang's 100 / 10 x 100 = 1.000 its complement: both withheld; the other seven read
    # PHK at peak / 10 x 100 (Jatiuwung 1.000,00) and are drawn bar Jatiuwung (no rate): n = 7
    at = open_page("dampak_adopsi", dampak="per_100_umkm")
    table = at.dataframe[0].value.set_index("Wilayah")
    per_100 = table["PHK per 100 UMKM terdaftar (puncak)"]
    assert per_100[["Kec. Tangerang", "Kec. Benda"]].tolist() == [WITHHELD] * 2
    assert per_100["Kec. Jatiuwung"] == "1.000,00"
    points = hovers(at, slice(1))
    assert len(points) == 7 and not any("Kec. Benda" in h for h in points)
    assert "n = 7" in reading(at)
    shown = " ".join(table.astype(str).to_numpy().ravel().tolist() + hovers(at))
    assert not GIVES_BACK.search(shown), GIVES_BACK.search(shown)

    # adoption as a change since the month before the peak, and Benda in the paired chart:
    # February 2020's 2 of 3 is as withheld as March's, month by month in the hover
    at = open_page("dampak_adopsi", ukuran_adopsi="change", pasangan=["36.71.04", "36.71.05"])
    table = at.dataframe[0].value.set_index("Wilayah")
    assert table.loc["Kec. Benda", "Adopsi sebelum puncak"] == "—"
    benda = [h for h in hovers(at) if h.startswith("<b>Kec. Benda</b> · Maret 2020<br>UMKM")]
    assert benda and f"UMKM masuk digital: {WITHHELD}" in benda[0]
    shown = " ".join(table.astype(str).to_numpy().ravel().tolist() + hovers(at))
    assert not GIVES_BACK.search(shown), GIVES_BACK.search(shown)
