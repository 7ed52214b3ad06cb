"""Dampak vs Adopsi's scatter names each point; two names never lie on top of each other (Ciledug
and Cipondoh did, on a phone and on a desktop: their points sit close together)."""

import pytest

# the boxes of the point names drawn in the scatter (Plotly's text of a markers+text trace)
NAME_BOXES = """
() => [...document.querySelectorAll('.st-key-impact_chart .scatterlayer .textpoint text')]
  .filter(t => t.textContent.trim())
  .map(t => { const r = t.getBoundingClientRect();
              return {name: t.textContent, left: r.left, right: r.right, top: r.top,
                      bottom: r.bottom}; })
"""


def overlapping(boxes: list[dict], slack: float = 1.0) -> list[tuple[str, str]]:
    found = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            if (
                a["left"] < b["right"] - slack
                and b["left"] < a["right"] - slack
                and a["top"] < b["bottom"] - slack
                and b["top"] < a["bottom"] - slack
            ):
                found.append((a["name"], b["name"]))
    return found


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_no_two_point_names_overlap(shown, viewport):
    app = shown("/dampak_adopsi", viewport)
    boxes = app.page.evaluate(NAME_BOXES)
    # the default view names Kota Tangerang's kecamatan that have both figures (7 of the 13)
    assert len(boxes) >= 5, boxes
    assert overlapping(boxes) == [], overlapping(boxes)
