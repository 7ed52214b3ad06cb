"""The manifest's phrases in the reader's language (ui/source_words.py): every licence and every
file-level outlet that is not a name, in data/sources.toml and in the national demo's manifest,
has its words in both catalogs; names and URLs pass as they are."""

import tomllib

import pandas as pd
import pytest
import streamlit as st

from etl import national
from tests.conftest import DATA
from ui import labels, source_words


def manifest_entries(tmp_path) -> list[dict]:
    shipped = tomllib.loads((DATA / "sources.toml").read_text(encoding="utf-8"))["file"]
    national._manifest(tmp_path)  # the national demo writes its own manifest
    generated = tomllib.loads((tmp_path / "sources.toml").read_text(encoding="utf-8"))["file"]
    return shipped + generated


def test_every_licence_of_the_manifests_has_words(tmp_path):
    licences = {e["licence"] for e in manifest_entries(tmp_path)}
    assert licences - set(labels.LICENCES) == set()


def test_every_outlet_that_is_not_a_name_has_words(tmp_path):
    # a name is a publisher's or outlet's own (Pulih, BPS, Kemendagri); a phrase says "per row",
    # or names the demo generator
    outlets = {e.get("outlet", "") for e in manifest_entries(tmp_path)}
    phrases = {o for o in outlets if "per row" in o or "generator" in o}
    assert phrases and phrases - set(labels.OUTLETS) == set()


@pytest.fixture
def english():
    st.session_state["lang"] = "en"
    yield
    del st.session_state["lang"]


FRAME = pd.DataFrame(
    {
        "licence": ["synthetic; no real person or company", "BPS statistics, public", None],
        "outlet": ["Pulih demo generator (sintetis)", "Kompas.com", "per row"],
        "sources": [
            "Pulih demo generator (sintetis)",
            "Kompas.com https://kompas.com/a; per row",
            None,
        ],
    }
)


def test_indonesian_by_default():
    out = source_words.in_language(FRAME)
    assert out["licence"].tolist()[:2] == [
        "sintetis; tidak ada orang atau perusahaan nyata",
        "statistik BPS, terbuka untuk umum",
    ]
    assert out["outlet"].tolist() == [
        "Generator data contoh Pulih (sintetis)",
        "Kompas.com",  # a name: as it is
        "per baris",
    ]
    assert out["sources"].tolist()[:2] == [
        "Generator data contoh Pulih (sintetis)",
        "Kompas.com https://kompas.com/a; per baris",
    ]
    assert FRAME["outlet"][0] == "Pulih demo generator (sintetis)"  # the input is not changed


def test_english_with_lang_en(english):
    out = source_words.in_language(FRAME)
    assert out["licence"][0] == "synthetic; no real person or company"
    assert out["outlet"][0] == "Pulih demo generator (synthetic)"


def test_a_frame_with_no_phrase_is_returned_as_it_is():
    frame = pd.DataFrame({"outlet": ["Kompas.com"], "value": [1.0]})
    assert source_words.in_language(frame) is frame


def test_every_title_and_phrase_publisher_of_the_shipped_manifest_has_words():
    # the shipped files' own titles are the project's descriptions (English in the manifest);
    # publishers are names except the few written as phrases ("Disnaker of each ...")
    shipped = tomllib.loads((DATA / "sources.toml").read_text(encoding="utf-8"))["file"]
    assert {e["title"] for e in shipped} - set(labels.TITLES) == set()
    phrases = {e["publisher"] for e in shipped if " of " in e["publisher"]
               or " via " in e["publisher"]
               or "generator" in e["publisher"]}  # fmt: skip
    assert phrases and phrases - set(labels.PUBLISHERS) == set()


def test_a_title_in_indonesian_by_default_and_english_on_request():
    frame = pd.DataFrame(
        {"title": ["PSBB and PPKM periods in Banten and Tangerang Raya, with legal basis", "rekap"]}
    )
    # the catalog's Indonesian for the events file; a steward's own title stays as given
    assert source_words.in_language(frame)["title"].tolist() == [
        "Masa PSBB dan PPKM di Banten dan Tangerang Raya, dengan dasar hukumnya",
        "rekap",
    ]
