"""The Log audit page's details column: an event's own fields as words in the reader's language,
never the JSON with its English keys and codes (ui/audit_log.py: details_text)."""

import json

import pytest
import streamlit as st

from ui import audit_log

# an `etl add` line as etl/add.py writes it (its fields, in its order)
ADDED = json.dumps(
    {
        "file": "phk_2021.csv",
        "file_id": "added_phk_2021",
        "kind": "observations",
        "sha256": "ab12",
        "rows_read": 1200,
        "rows_loaded": 1198,
        "rows_rejected": 2,
    }
)
# a download from Wilayah (ui/downloads.py: filters_logged; lists where the page chose several)
DOWNLOADED = json.dumps(
    {
        "dataset": "monthly",
        "format": "xlsx",
        "rows": 1500,
        "filters": {
            "areas": ["36.71", "36.03"],
            "from": "2020-03",
            "to": "2020-06-01",  # the Data page logs its months as their first days
            "level": "regency",
            "measure": "phk",
            "mode": "per_1000",
        },
    }
)


@pytest.fixture
def english():
    st.session_state["lang"] = "en"
    yield
    del st.session_state["lang"]


def test_an_added_file_reads_as_indonesian_words(warehouse):
    # the catalogs' words (audit.field.*, upload.kind.observations), with 1200 grouped the
    # Indonesian way (1.200)
    assert audit_log.details_text(ADDED) == (
        "berkas: phk_2021.csv; pengenal berkas: added_phk_2021; jenis berkas: Angka per wilayah "
        "dan tanggal (satu angka per baris); SHA-256: ab12; baris dibaca: 1.200; "
        "baris dimuat: 1.198; baris ditolak: 2"
    )


def test_a_download_names_its_filters_areas_and_months_in_english(warehouse, english):
    # the English catalog's words (dataset.monthly, download.xlsx, level.regency, mode.per_1000;
    # metrics.csv's label_en of phk); data/raw: 36.71 is Kota Tangerang, 36.03 Kabupaten
    # Tangerang; 2020-03 is March 2020, 2020-06-01 June 2020
    text = audit_log.details_text(DOWNLOADED)
    assert text == (
        "dataset: Monthly series per area; format: Excel (.xlsx) with a metadata sheet; "
        "rows: 1,500; areas: Kota Tangerang, Kabupaten Tangerang; from: March 2020; to: June 2020; "
        "level: Regency/City; measure: Layoffs; mode: Per 1,000 residents (SP2020)"
    )
    for code in ("file_id", "rows_read", "per_1000", "regency", "{", '"'):
        assert code not in text
