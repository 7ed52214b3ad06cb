"""The words a chart shows, typed: each chart builder (analytics/charts.py) takes one of these,
filled in by the page in the reader's language, so a missing or misspelt label is an error where
the chart is built, not a blank on screen. `separators` is Plotly's decimal mark and thousands
separator (",." for Indonesian: 17.298 and 8,52)."""

from collections.abc import Callable
from dataclasses import dataclass

INDONESIAN = ",."


def indonesian_number(value: float) -> str:
    """17298 -> '17.298', 2.5 -> '2,5': the colour bar's ticks when the page gives no writer."""
    text = f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.0f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


@dataclass(frozen=True)
class ChartContext:
    """What a chart says about itself inside the figure, so that a picture of it taken away
    (Plotly's PNG button) keeps it: its sources, the as-of dates of its figures, and the words of
    the synthetic badge, which the chart shows exactly when it draws a synthetic figure. `locale`
    is Babel's, for the axis ticks ("id_ID": 5.000 and 12,5%)."""

    source: str = ""
    as_of: str = ""
    badge: str = "DATA CONTOH — SINTETIS"
    locale: str = "id_ID"


@dataclass(frozen=True)
class TrendText:
    title: str
    y_workers: str
    y_umkm: str
    umkm_label: str
    synthetic_suffix: str  # "{label} (sintetis)"
    conflict: str | None = None
    unknown: str = "?"  # the legend's name for a stretch of unknown policy status
    separators: str = INDONESIAN
    context: ChartContext = ChartContext()


@dataclass(frozen=True)
class LinesText:
    title: str
    y: str
    synthetic_suffix: str  # "{label} (sintetis)"
    conflict: str | None = None
    unknown: str = "?"  # the legend's name for a stretch of unknown policy status
    percent: bool = False  # a rate (0,25 -> 25%) on the y axis
    separators: str = INDONESIAN
    context: ChartContext = ChartContext()


@dataclass(frozen=True)
class MapText:
    title: str
    colorbar: str
    no_figure: str
    tick: Callable[[float], str] = indonesian_number  # a colour bar tick as the reader writes it
    separators: str = INDONESIAN


@dataclass(frozen=True)
class PanelsText:
    title: str
    real: str
    synthetic: str
    conflict: str | None = None
    unknown: str = "?"  # the legend's name for a stretch of unknown policy status
    percent: bool = False  # a rate (0,25 -> 25%) on the y axis
    separators: str = INDONESIAN
    context: ChartContext = ChartContext()


@dataclass(frozen=True)
class ScatterText:
    title: str
    x: str
    y: str
    areas: str
    fitted: str
    stats: str
    y_format: str = ".0%"
    separators: str = INDONESIAN
    context: ChartContext = ChartContext()


@dataclass(frozen=True)
class PairedText:
    title: str
    phk: str
    phk_synthetic: str
    adoption: str
    adoption_synthetic: str
    y_phk: str
    y_adoption: str = ""
    unknown: str = "?"  # the legend's name for a stretch of unknown policy status
    separators: str = INDONESIAN
    context: ChartContext = ChartContext()
