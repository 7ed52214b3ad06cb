"""Query functions against a real warehouse: a rebuild shows on the next call of every query."""

import datetime as dt
import inspect

from analytics import queries
from etl.build import build

NEW_REPORT = (
    "36.71,Kota Tangerang,2020-08-01,day,phk,7000,workers,exact,workplace,Kadisnaker,Test,"
    "https://example.org/new,2020-08-01,\n"
)


def test_every_cached_query_is_keyed_on_the_warehouse_version():
    # Streamlit leaves parameters whose name starts with "_" out of the cache key
    cached = {n: f for n, f in vars(queries).items() if getattr(f, "versioned", False)}
    assert set(cached) >= {"regions", "latest_reported", "reported", "monthly", "umkm_monthly"}
    for name, fn in cached.items():
        first = next(iter(inspect.signature(fn.__wrapped__).parameters))
        assert first == "version", name


def test_a_rebuild_shows_in_every_query_without_a_restart(project):
    data, warehouse = project
    august = dt.date(2020, 8, 1)

    def phk_august():
        monthly = queries.monthly(("36.71",), ("phk",), august, august)
        reported = queries.reported(("36.71",), ("phk",), august, dt.date(2020, 8, 31))
        return monthly.value.tolist(), reported.value.tolist()

    assert phk_august() == ([6023.0], [])
    umkm_before = queries.umkm_monthly(("36.71",), august, august).registered.tolist()

    labour = data / "raw" / "kabkota_labour.csv"
    labour.write_text(labour.read_text(encoding="utf-8") + NEW_REPORT, encoding="utf-8")
    register = data / "raw" / "demo" / "umkm_register.csv"
    register.write_text(
        register.read_text(encoding="utf-8") + "DEMO-999999,36.71.01,kuliner,mikro,2020-08-15,,\n",
        encoding="utf-8",
    )
    build(data, warehouse)

    assert phk_august() == ([7000.0], [7000.0])
    assert queries.umkm_monthly(("36.71",), august, august).registered.tolist() == [
        umkm_before[0] + 1
    ]
