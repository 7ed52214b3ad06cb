"""The real server: `streamlit run dashboard.py`, as `make run` starts it, answers on HTTP."""

import os
import urllib.request

import pytest

from deploy import serve


@pytest.mark.slow
def test_dashboard_serves(warehouse, tmp_path):
    env = {**os.environ, "PULIH_WAREHOUSE": str(warehouse)}
    with serve.dashboard(tmp_path / "streamlit.log", env) as url:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=5) as r:
            assert r.read().decode() == "ok"
        with urllib.request.urlopen(f"{url}/", timeout=5) as r:
            assert r.status == 200 and "<html" in r.read().decode().lower()
