"""Chart builders, tested on the figure they return."""

import pandas as pd

from analytics import charts

TEXT = {
    "title": "T",
    "y_workers": "W",
    "y_umkm": "U",
    "umkm_label": "UMKM",
    "synthetic_suffix": "{label} (sintetis)",
    "y": "Y",
}
MONTHS = pd.to_datetime(["2020-03-01", "2020-04-01", "2020-05-01"])


def labour():
    return pd.DataFrame(
        {
            "month": list(MONTHS) * 2,
            "metric": ["phk"] * 3 + ["dirumahkan"] * 3,
            "metric_label": ["PHK"] * 3 + ["Dirumahkan"] * 3,
            "value": [1750, 3888, 6023, 300, 757, 1174],
            "synthetic": [True, False, False, True, False, False],
            "hover": ["h"] * 6,
        }
    )


def events():
    return pd.DataFrame(
        {
            "start_date": pd.to_datetime(["2020-04-18", "2022-12-30"]),
            "end_date": pd.to_datetime(["2020-05-03", "2022-12-30"]),
            "kind": ["PSBB", "PPKM"],
            "name": ["PSBB tahap 1", "PPKM revoked"],
        }
    )


def test_impact_over_time_splits_real_and_synthetic_and_shades_events():
    umkm = pd.DataFrame(
        {"month": MONTHS, "onboarded": [10, 20, 30], "synthetic": [True] * 3, "hover": ["h"] * 3}
    )
    fig = charts.impact_over_time(labour(), umkm, events(), TEXT)
    names = [t.name for t in fig.data]
    assert names == [
        "Dirumahkan",
        "Dirumahkan (sintetis)",
        "PHK",
        "PHK (sintetis)",
        "UMKM (sintetis)",
    ]
    phk, phk_synthetic = fig.data[2], fig.data[3]
    assert list(pd.Series(phk.y).fillna(-1)) == [-1, 3888, 6023]
    assert list(pd.Series(phk_synthetic.y).fillna(-1)) == [1750, -1, -1]
    assert phk.line.dash == "solid" and phk_synthetic.line.dash == "dot"
    assert fig.data[4].yaxis == "y2"
    # one shaded period, one line for the one-day event, a label for each
    rects = [s for s in fig.layout.shapes if s.type == "rect"]
    lines = [s for s in fig.layout.shapes if s.type == "line"]
    assert len(rects) == 1 and len(lines) == 1
    assert pd.Timestamp(rects[0].x0) == pd.Timestamp("2020-04-18")
    assert pd.Timestamp(rects[0].x1) == pd.Timestamp("2020-05-04")
    assert [a.text for a in fig.layout.annotations] == ["PSBB", "PPKM"]
    assert fig.layout.title.text == "T"


def test_impact_over_time_without_register_has_no_umkm_trace():
    fig = charts.impact_over_time(labour(), pd.DataFrame(), events().head(0), TEXT)
    assert [t.name for t in fig.data if "UMKM" in t.name] == []
    assert fig.layout.shapes == ()
    # events switched off: the page passes None
    assert charts.impact_over_time(labour(), pd.DataFrame(), None, TEXT).layout.shapes == ()


def test_areas_over_time_draws_one_line_per_area():
    frame = pd.DataFrame(
        {
            "region_code": ["36.71.01"] * 2 + ["36.71.02"] * 2,
            "region_name": ["Kec. Tangerang"] * 2 + ["Kec. Jatiuwung"] * 2,
            "month": list(MONTHS[:2]) * 2,
            "per_1000": [None, None, 1.5, 2.5],
            "synthetic": [True] * 4,
            "hover": ["h"] * 4,
        }
    )
    fig = charts.areas_over_time(frame, "per_1000", events().head(0), TEXT)
    assert [t.name for t in fig.data] == ["Kec. Tangerang (sintetis)", "Kec. Jatiuwung (sintetis)"]
    assert list(fig.data[1].y) == [1.5, 2.5]
    assert fig.layout.yaxis.title.text == "Y"
