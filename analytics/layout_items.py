"""Shapes and annotations set on a figure as one list, once, at a cost that grows with the number
of items and not with its square.

Plotly checks every item of a list set on a layout (a misspelt key fails where it is written), at
about 0,1 ms an item, and `add_shape`/`add_vrect` set the whole list again for each new item, so
each addition re-checks all the earlier ones. A chart of one panel per area draws each policy
period on every panel: 72 periods on the 42 panels of 40 areas are 3.024 shapes, 0,3 s to check
even once. So a builder has plotly check the items of one panel (`checked`) and copies them onto
the other panels, which differ only in the axes they name (axes make_subplots made); `set_items`
sets the whole list in one assignment without checking each copy again, the way plotly sets its
own default template, which it has already checked (BaseFigure._initialize_layout_template).
"""

from collections.abc import Sequence

import plotly.graph_objects as go

_CLASSES = {"shapes": go.layout.Shape, "annotations": go.layout.Annotation}


def checked(kind: str, item: dict) -> dict:
    """The item as plotly checks and writes it (a ValueError names a wrong key or value)."""
    return _CLASSES[kind](item).to_plotly_json()


def set_items(fig: go.Figure, kind: str, items: Sequence[dict]) -> None:
    """Set the layout's list `kind` ("shapes", "annotations") to `items`, each one a copy of a
    `checked` item (or an item read from the figure), in one assignment that does not check them
    again."""
    if kind not in _CLASSES:
        raise ValueError(f"not a layout list: {kind}")
    layout = fig.layout
    validate = layout._validate
    layout._validate = False
    try:
        layout[kind] = list(items)
    finally:
        layout._validate = validate
