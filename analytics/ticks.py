"""Round axis ticks, written as the reader's language writes numbers.

Plotly picks its own ticks: on a second y axis it lines them up with the first one's grid and
prints whatever values fall there ("608", "1.215", or "607,580252666" with a fine format), and
large numbers get an SI suffix ("5k"). Every numeric axis here gets ticks at a round step (1, 2
or 5 times a power of ten) and their text from Babel, so "5.000" and "12,5%" in Indonesian.
"""

import math
from collections.abc import Iterable

import plotly.graph_objects as go
from babel.numbers import format_decimal, format_percent

STEPS = 5  # about this many intervals on an axis
ROUND = (1, 2, 5, 10)
PAD = 0.04  # a marker on the top tick is not cut in half by the plot's edge


def round_step(span: float, steps: int = STEPS) -> float:
    """The smallest round step that covers `span` in at most `steps` intervals."""
    if span <= 0:
        return 1.0
    raw = span / steps
    scale = 10 ** math.floor(math.log10(raw))
    return next(m * scale for m in ROUND if m * scale >= raw * (1 - 1e-9))


def round_ticks(low: float, high: float, steps: int = STEPS) -> list[float]:
    """Ticks at a round step from a multiple at or below `low` to one at or above `high`."""
    if high == low:
        high = low + 1
    step = round_step(high - low, steps)
    first, last = math.floor(low / step + 1e-9), math.ceil(high / step - 1e-9)
    decimals = _decimals(step)
    return [round(i * step, decimals + 2) for i in range(first, last + 1)]


def _decimals(step: float) -> int:
    """Decimals a tick at this step needs: 0 for 1 or 500, 1 for 0,5 or 2,5, 2 for 0,05."""
    return next(
        (d for d in range(10) if math.isclose(step * 10**d, round(step * 10**d), abs_tol=1e-6)),
        10,
    )


def tick_text(ticks: list[float], locale: str, percent: bool = False) -> list[str]:
    """Each tick as Babel writes it in `locale`, with as many decimals as the step needs."""
    step = ticks[1] - ticks[0] if len(ticks) > 1 else 1.0
    decimals = _decimals(step * 100 if percent else step)
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    if percent:
        return [format_percent(v, format=pattern + "%", locale=locale) for v in ticks]
    return [format_decimal(v, format=pattern, locale=locale) for v in ticks]


def finite(values: Iterable) -> list[float]:
    out = []
    for v in values:
        try:
            f = float(v)
        except (TypeError, ValueError):
            continue
        if math.isfinite(f):
            out.append(f)
    return out


def set_ticks(
    fig: go.Figure,
    values: Iterable,
    locale: str,
    percent: bool = False,
    zero: bool = True,
    **selector,
) -> None:
    """Round ticks over `values` (from 0 when `zero`) on the y axes `selector` picks
    (fig.update_yaxes' selectors: secondary_y=, row=, col=); nothing when there is no value."""
    axis = y_ticks(values, locale, percent, zero)
    if axis:
        fig.update_yaxes(**axis, **selector)


def y_ticks(values: Iterable, locale: str, percent: bool = False, zero: bool = True) -> dict:
    """The y axis properties of set_ticks, for a figure built as a dict ({} when there is no
    value)."""
    found = finite(values)
    if not found:
        return {}
    low, high = min(found), max(found)
    if zero:
        low, high = min(low, 0.0), max(high, 0.0)
    ticks = round_ticks(low, high)
    pad = (ticks[-1] - ticks[0]) * PAD
    return {
        "tickmode": "array",
        "tickvals": ticks,
        "ticktext": tick_text(ticks, locale, percent),
        "range": [ticks[0] - (pad if ticks[0] < 0 or not zero else pad / 2), ticks[-1] + pad],
        "autorange": False,
    }


def set_x_ticks(fig: go.Figure, values: Iterable, locale: str, percent: bool = False) -> None:
    """The same for the x axis of a plain (not subplot) figure."""
    found = finite(values)
    if not found:
        return
    ticks = round_ticks(min(found), max(found))
    pad = (ticks[-1] - ticks[0]) * PAD
    fig.update_xaxes(
        tickmode="array",
        tickvals=ticks,
        ticktext=tick_text(ticks, locale, percent),
        range=[ticks[0] - pad, ticks[-1] + pad],
        autorange=False,
    )
