"""Numbers and dates as Indonesian and English write them, with qualifiers kept."""

import datetime as dt

import pytest
import streamlit as st

from ui import fmt


@pytest.fixture
def english():
    st.session_state["lang"] = "en"
    yield
    del st.session_state["lang"]


def test_indonesian_numbers_and_dates():
    assert fmt.figure(17298.0, "exact", "workers") == "17.298 pekerja"
    assert fmt.figure(27569, "exact", "workers") == "27.569 pekerja"
    assert fmt.figure(59, "exact", "companies") == "59 perusahaan"
    assert fmt.date(dt.date(2020, 5, 20)) == "20 Mei 2020"
    assert fmt.date(dt.date(2020, 8, 1), "month") == "Agustus 2020"
    assert fmt.date(dt.date(2020, 6, 1), "year") == "2020 (tanggal pasti tidak disebut)"


def test_qualifiers_are_shown_never_dropped():
    assert fmt.number(4000, "at_least") == "≥ 4.000"
    assert fmt.number(19000, "approx") == "± 19.000"
    assert fmt.number(30000, "more_than") == "> 30.000"


def test_never_more_precise_than_reported():
    assert fmt.figure(8.52, "exact", "percent") == "8,52 %"
    assert fmt.figure(10.6, "exact", "percent") == "10,6 %"
    assert fmt.number(1895486.0) == "1.895.486"
    assert fmt.number(None) == "—"
    assert fmt.figure(float("nan"), "exact", "workers") == "—"


def test_english(english):
    assert fmt.figure(17298, "exact", "workers") == "17,298 workers"
    assert fmt.date(dt.date(2020, 5, 20)) == "20 May 2020"
