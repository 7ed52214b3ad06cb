"""Dampak vs Adopsi: r and n as computed, the lag control, a reading without causal claims."""

import json

import numpy as np
from streamlit.testing.v1 import AppTest

from analytics import impact
from tests.conftest import PROJECT

CAUSAL = ("menyebabkan", "karena", "akibat", "mendorong", "memicu", "causes", "because")


def open_page(**query) -> AppTest:
    at = AppTest.from_file(str(PROJECT / "pages" / "dampak_adopsi.py"), default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def reading(at: AppTest) -> str:
    return next(m.value for m in at.markdown if m.value.startswith(("Di ", "Terlalu")))


def scatter(at: AppTest) -> dict:
    return json.loads(at.get("plotly_chart")[0].proto.spec)


def test_r_and_n_on_the_page_are_the_computed_ones(warehouse):
    at = open_page()
    frame = impact.impact_and_adoption("36.71", "per_1000", 0)
    used = frame[frame.excluded.isna()]
    r = np.corrcoef(used.x, used.y)[0, 1]
    stats = f"r = {r:.2f}".replace(".", ",") + " · n = 7"
    assert stats in reading(at)
    annotations = [a["text"] for a in scatter(at)["layout"]["annotations"]]
    assert stats in annotations
    assert [t["type"] for t in scatter(at)["data"]] == ["scatter", "scatter"]  # areas, fitted line
    assert "Tidak dihitung (tidak ada angka penduduk): Kec. Tangerang" in " ".join(
        c.value for c in at.caption
    )


def test_the_lag_and_denominator_controls(warehouse):
    at = open_page()
    at.slider(key="lag").set_value(6).run()
    table = at.dataframe[0].value.set_index("Wilayah")
    assert table.loc["Kec. Jatiuwung", "Puncak PHK"] == "April 2020"
    assert table.loc["Kec. Jatiuwung", "Bulan adopsi"] == "Oktober 2020"
    at.selectbox(key="dampak").set_value("per_100_umkm").run()
    assert "n = 13" in reading(at)
    assert at.query_params["lag"] == ["6"] or at.slider(key="lag").value == 6


def test_the_reading_names_outliers_and_makes_no_causal_claim(warehouse):
    text = reading(open_page(lag="3")).lower()
    assert not any(word in text for word in CAUSAL)
    assert "paling jauh dari garis: kec." in text
    assert "tidak menunjukkan bahwa yang satu mengubah yang lain" in text
    assert "data contoh (sintetis)" in text


def test_paired_chart_for_two_areas_from_the_url(warehouse):
    at = open_page(pasangan=["36.71.02", "36.71.13"])
    assert at.multiselect(key="pasangan").value == ["36.71.02", "36.71.13"]
    paired = json.loads(at.get("plotly_chart")[1].proto.spec)
    titles = [a["text"] for a in paired["layout"]["annotations"] if a["text"].startswith("Kec.")]
    assert titles == ["Kec. Jatiuwung", "Kec. Larangan"]
    assert any(s.get("type") == "rect" for s in paired["layout"]["shapes"])  # policy periods shaded


def test_garbage_in_the_url_gives_the_default_view_and_a_notice(warehouse):
    at = open_page(lag="99", dampak="x", pasangan=["nowhere"])
    assert not at.exception
    assert at.slider(key="lag").value == 0
    assert at.selectbox(key="dampak").value == "per_1000"
    assert len(at.warning) == 3
