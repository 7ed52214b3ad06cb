"""Demo data: deterministic, calibrated to the public figures above it, free of personal data."""

import csv
import datetime as dt
import shutil
from collections import Counter

from etl import demo
from tests.conftest import DATA


def rows(path):
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_regenerating_gives_the_committed_files_byte_for_byte(tmp_path):
    shutil.copytree(DATA / "raw", tmp_path / "raw", ignore=shutil.ignore_patterns("demo"))
    demo.write(tmp_path)
    for name in ("umkm_register.csv", "kecamatan_labour_monthly.csv"):
        assert (tmp_path / "raw" / "demo" / name).read_bytes() == (
            DATA / "raw" / "demo" / name
        ).read_bytes()


REGISTER = rows(DATA / "raw" / "demo" / "umkm_register.csv")


def registered_by(day: dt.date, where=lambda r: True) -> int:
    return sum(1 for r in REGISTER if dt.date.fromisoformat(r["registered_on"]) <= day and where(r))


def test_register_meets_the_published_city_totals_at_their_dates():
    published = {
        dt.date(2016, 12, 31): 10553,
        dt.date(2017, 12, 31): 10675,
        dt.date(2018, 12, 31): 11746,
        dt.date(2019, 4, 30): 12508,
        dt.date(2020, 4, 9): 13368,
    }
    assert {d: registered_by(d) for d in published} == published
    assert 13000 <= len(REGISTER) <= 15000


def test_register_meets_the_published_top_three_kecamatan_and_scale_split():
    day = dt.date(2019, 4, 30)
    by_kecamatan = Counter(
        r["region_code"] for r in REGISTER if dt.date.fromisoformat(r["registered_on"]) <= day
    )
    assert by_kecamatan["36.71.09"] == 4019
    assert by_kecamatan["36.71.02"] == 1336
    assert by_kecamatan["36.71.11"] == 961
    assert [c for c, _ in by_kecamatan.most_common(3)] == ["36.71.09", "36.71.02", "36.71.11"]
    scale_2018 = Counter(
        r["scale"]
        for r in REGISTER
        if dt.date.fromisoformat(r["registered_on"]) <= dt.date(2018, 12, 31)
    )
    assert scale_2018 == {"mikro": 11079, "kecil": 633, "menengah": 34}


def test_register_has_no_personal_data_columns():
    assert list(REGISTER[0]) == [
        "umkm_id",
        "region_code",
        "sector",
        "scale",
        "registered_on",
        "onboarded_on",
        "platform",
    ]
    assert all(r["umkm_id"].startswith("DEMO-") for r in REGISTER)


def test_kecamatan_labour_adds_up_to_the_city_figures_in_reported_months():
    monthly = rows(DATA / "raw" / "demo" / "kecamatan_labour_monthly.csv")
    totals = Counter()
    for r in monthly:
        totals[(r["metric"], r["ref_date"][:7])] += int(r["value"])
    # latest published city figure (workplace basis) in each month
    assert totals[("phk", "2020-04")] == 3888
    assert totals[("dirumahkan", "2020-04")] == 757
    assert totals[("phk", "2020-05")] == 6023
    assert totals[("dirumahkan", "2020-05")] == 1174
    # ANTARA's 1.971 is known only to the year 2020 (a placeholder date): never a monthly target,
    # so June carries May's 1.174 (Kompas, 5 May 2020)
    assert totals[("dirumahkan", "2020-06")] == 1174
    assert totals[("phk", "2020-07")] + totals[("dirumahkan", "2020-07")] == 8207
    assert len({r["area_code"] for r in monthly}) == 13
    assert len({r["ref_date"] for r in monthly}) == 36
