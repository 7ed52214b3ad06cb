"""The cached repository (ui/data.py) against a real warehouse: every query is there, keyed on the
warehouse version, and a rebuild shows on the next call without a restart."""

import datetime as dt
import inspect

from analytics import queries
from etl.build import build
from ui import data

NEW_REPORT = (
    "36.71,Kota Tangerang,2020-08-01,day,phk,7000,workers,exact,workplace,Kadisnaker,Test,"
    "https://example.org/new,2020-08-01,\n"
)


def test_every_query_is_cached_with_its_own_parameters_and_keyed_on_the_version():
    cached = {n: f for n, f in vars(data).items() if getattr(f, "versioned", False)}
    assert set(cached) == set(queries.NAMES)  # the facade has every query, and nothing else
    for name, fn in cached.items():
        # Streamlit leaves parameters whose name starts with "_" out of the cache key
        parameters = list(inspect.signature(fn.__wrapped__).parameters)
        assert parameters[0] == "version", name
        assert parameters[1:] == list(inspect.signature(getattr(queries, name)).parameters), name


def test_a_rebuild_shows_in_every_query_without_a_restart(project):
    folder, warehouse = project
    august = dt.date(2020, 8, 1)

    def phk_august():
        monthly = data.monthly(("36.71",), ("phk",), august, august)
        reported = data.reported(("36.71",), ("phk",), august, dt.date(2020, 8, 31))
        return monthly.value.tolist(), reported.value.tolist()

    # reported in August: nothing dated then, but ANTARA's 6.023 known only to its year (2020)
    # belongs to every window of 2020
    assert phk_august() == ([6023.0], [6023.0])
    umkm_before = data.umkm_monthly(("36.71",), august, august).registered.tolist()

    labour = folder / "raw" / "kabkota_labour.csv"
    labour.write_text(labour.read_text(encoding="utf-8") + NEW_REPORT, encoding="utf-8")
    register = folder / "raw" / "demo" / "umkm_register.csv"
    register.write_text(
        register.read_text(encoding="utf-8") + "DEMO-999999,36.71.01,kuliner,mikro,2020-08-15,,\n",
        encoding="utf-8",
    )
    build(folder, warehouse)

    assert phk_august() == ([7000.0], [6023.0, 7000.0])  # by ref_date: the year's, then 1 Aug
    assert data.umkm_monthly(("36.71",), august, august).registered.tolist() == [umkm_before[0] + 1]
