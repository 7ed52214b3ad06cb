"""Round axis ticks in the reader's language, checked against steps worked out by hand."""

import pytest

from analytics import ticks


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        # 4.808 / 5 = 961,6 -> the next round step is 1.000
        (0, 4808, [0, 1000, 2000, 3000, 4000, 5000]),
        # 607,58 / 5 = 121,5 -> 200
        (0, 607.58, [0, 200, 400, 600, 800]),
        # a rate: 0,31 / 5 = 0,062 -> 0,1
        (0, 0.31, [0, 0.1, 0.2, 0.3, 0.4]),
        # from -1,2 to 3,4 percentage points: 4,6 / 5 = 0,92 -> 1
        (-1.2, 3.4, [-2, -1, 0, 1, 2, 3, 4]),
    ],
)
def test_round_ticks(low, high, expected):
    assert ticks.round_ticks(low, high) == pytest.approx(expected)


def test_tick_text_in_indonesian_and_english():
    assert ticks.tick_text([0, 2500, 5000], "id_ID") == ["0", "2.500", "5.000"]
    assert ticks.tick_text([0, 2500, 5000], "en_GB") == ["0", "2,500", "5,000"]
    assert ticks.tick_text([0, 0.5, 1.0], "id_ID") == ["0,0", "0,5", "1,0"]
    # a rate at a step of 2,5 percentage points needs one decimal: 2,5%
    assert ticks.tick_text([0, 0.025, 0.05], "id_ID", percent=True) == ["0,0%", "2,5%", "5,0%"]
    assert ticks.tick_text([0, 0.1, 0.2], "id_ID", percent=True) == ["0%", "10%", "20%"]
