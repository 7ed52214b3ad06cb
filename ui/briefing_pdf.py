"""The one-page briefing drawn as an A4 PDF with matplotlib: what is on the page comes in as a
`Page` of finished words (translated, numbers formatted, tick labels written), so drawing needs
neither the session nor the warehouse, and the same `Page` always gives the same file.

Each call builds its own `matplotlib.figure.Figure` and saves it with the PDF backend: nothing goes
through pyplot's global figure state, so sessions drawing at the same time cannot mix their
figures. Text is DejaVu Sans (shipped with matplotlib), which has ≥, ±, — and the Indonesian
letters; maths parsing is off, so a "$" in a source name stays a "$". The file is cached per page
(`render`). Fonts are embedded as TrueType subsets (pdf.fonttype 42): with matplotlib's default
Type 3 fonts, poppler-based readers run the bold figures into their neighbours when text is copied
or searched ("±per 2619.000"); TrueType reads back as printed.
"""

import datetime as dt
import functools
import io
import textwrap
from dataclasses import dataclass
from typing import TYPE_CHECKING

from analytics import policy

if TYPE_CHECKING:
    from matplotlib.figure import Figure

A4 = (595.0, 842.0)  # points, portrait
MARGIN = 36.0
FONT = "DejaVu Sans"
INK, MUTED, LINK = "#1a1a1a", "#555555", "#1f4e79"
BADGE = "#b35c00"
# the page's own colours (analytics/policy.py): the caption names them
SHADES = {kind: "#{:02x}{:02x}{:02x}".format(*rgb) for kind, rgb in policy.EVENT_RGB.items()}
UNKNOWN_SHADE = "#a0a0a0"
CACHE_SIZE = 32


@dataclass(frozen=True)
class Headline:
    title: str
    figure: str  # "± 19.000 pekerja", or "belum ada angka"
    details: tuple[str, ...]  # as-of date, source, further reports: one short line each


@dataclass(frozen=True)
class Area:
    name: str
    headlines: tuple[Headline, ...]


@dataclass(frozen=True)
class Series:
    label: str
    colour: str
    right_axis: bool
    synthetic: bool  # drawn dotted with open markers, its label says so
    months: tuple[dt.date, ...]
    values: tuple[float | None, ...]  # None: no point (the other stretch has it)
    conflicts: tuple[bool, ...] = ()  # a month whose figure another report contradicts: ringed


@dataclass(frozen=True)
class Shade:
    start: dt.date
    end: dt.date  # exclusive
    kind: str  # PSBB, PPKM, or unknown
    label: str | None  # written at the start of a run of periods of one kind


@dataclass(frozen=True)
class Axis:
    title: str
    ticks: tuple[float, ...]
    labels: tuple[str, ...]


@dataclass(frozen=True)
class Chart:
    title: str
    series: tuple[Series, ...]
    shades: tuple[Shade, ...]
    x_ticks: tuple[dt.date, ...]
    x_labels: tuple[str, ...]
    x_range: tuple[dt.date, dt.date]
    left: Axis
    right: Axis | None
    notes: tuple[str, ...]
    # the legend's names of what is drawn besides the series: the shades by kind (PSBB, PPKM, the
    # unknown "?") and the ring of a conflicting report, each only where the chart has one
    shade_names: tuple[tuple[str, str], ...] = ()
    conflict_name: str | None = None
    badge: str | None = None  # the synthetic badge beside the title, when a series is synthetic


@dataclass(frozen=True)
class Page:
    title: str
    subtitle: str
    data_per: str
    areas: tuple[Area, ...]
    headline_note: str
    chart: Chart
    badge: str | None  # at the top, when anything on the page is synthetic: says what is
    link_label: str
    url: str
    footer: str


@functools.lru_cache(maxsize=CACHE_SIZE)
def render(page: Page) -> bytes:
    """The page as the bytes of a one-page A4 PDF (cached: the same view gives the same file)."""
    # matplotlib loads with the first briefing, not with every page of the dashboard
    import matplotlib
    from matplotlib.figure import Figure

    # a process-wide setting, always this value: set here, never changed per session
    matplotlib.rcParams["pdf.fonttype"] = 42
    fig = Figure(figsize=(A4[0] / 72, A4[1] / 72))
    pen = _Pen(fig)
    pen.text(page.title, MARGIN, 18, size=18, weight="bold")
    if page.badge:  # on the title's line, clear of the longer subtitle below it
        pen.badge(page.badge, A4[0] - MARGIN, 0, at=pen.y)
    pen.text(page.subtitle, MARGIN, 12, size=9, colour=MUTED)
    pen.text(page.data_per, MARGIN, 13, size=9.5, weight="bold")
    pen.rule()
    _headlines(pen, page.areas)
    pen.text(page.headline_note, MARGIN, 10, size=7, colour=MUTED, width=A4[0] - 2 * MARGIN)
    pen.rule()
    _chart(fig, pen, page.chart)
    pen.rule()
    pen.text(page.link_label, MARGIN, 11, size=8, colour=MUTED)
    pen.text(page.url, MARGIN, 11, size=8, colour=LINK, url=page.url, width=A4[0] - 2 * MARGIN)
    pen.text(page.footer, MARGIN, 10, size=6.5, colour=MUTED, width=A4[0] - 2 * MARGIN)
    out = io.BytesIO()
    fig.savefig(
        out,
        format="pdf",
        metadata={"Title": page.title, "Creator": "Pulih", "Producer": "Pulih (matplotlib)"},
    )
    return out.getvalue()


def _headlines(pen: "_Pen", areas: tuple[Area, ...]) -> None:
    """The areas side by side, each a column of its headline figures."""
    column = (A4[0] - 2 * MARGIN - 18) / max(len(areas), 1)
    top = pen.y
    bottom = top
    for i, area in enumerate(areas):
        pen.y = top
        x = MARGIN + i * (column + 18)
        pen.text(area.name, x, 14, size=11, weight="bold")
        for headline in area.headlines:
            pen.text(headline.title, x, 10, size=7.5, colour=MUTED)
            pen.text(headline.figure, x, 13, size=11.5, weight="bold")
            for detail in headline.details:
                pen.text(detail, x, 8.2, size=6.3, colour=MUTED, width=column)
            pen.y += 4
        bottom = max(bottom, pen.y)
    pen.y = bottom


def _chart(fig: "Figure", pen: "_Pen", chart: Chart) -> None:
    from matplotlib import dates as mdates

    pen.text(chart.title, MARGIN, 13, size=10, weight="bold", width=A4[0] - 2 * MARGIN - 120)
    if chart.badge and any(s.synthetic for s in chart.series):
        pen.badge(chart.badge, A4[0] - MARGIN, 0, at=pen.y)
    height = 260.0
    left, right = MARGIN + 42, A4[0] - MARGIN - (42 if chart.right else 8)
    top = pen.y + 8
    ax = fig.add_axes(
        (left / A4[0], 1 - (top + height) / A4[1], (right - left) / A4[0], height / A4[1])
    )
    ax.set_xlim(mdates.date2num(chart.x_range[0]), mdates.date2num(chart.x_range[1]))
    for shade in chart.shades:
        unknown = shade.kind not in SHADES
        colour = UNKNOWN_SHADE if unknown else SHADES[shade.kind]
        ax.axvspan(
            mdates.date2num(shade.start),
            mdates.date2num(shade.end),
            facecolor=colour,
            alpha=0.10 if unknown else 0.16,
            edgecolor=MUTED if unknown else "none",
            linestyle=":",
            linewidth=0.6 if unknown else 0,
            zorder=0,
        )
        if shade.label:
            ax.text(
                mdates.date2num(shade.start),
                0.98,
                shade.label,
                transform=ax.get_xaxis_transform(),
                rotation=90,
                va="top",
                ha="left",
                fontsize=6,
                color="#444444",
                parse_math=False,
            )
    axes = {False: ax, True: ax.twinx() if chart.right else ax}
    for series in chart.series:
        target = axes[series.right_axis]
        values = [float("nan") if v is None else v for v in series.values]
        target.plot(
            mdates.date2num(series.months),
            values,
            color=series.colour,
            linestyle=":" if series.synthetic else "-",
            linewidth=1.3 if series.synthetic else 1.8,
            marker="o",
            markersize=2.2,
            markerfacecolor="white" if series.synthetic else series.colour,
            label=series.label,
        )
        # conflicts is empty (no rings) or one flag a month
        flagged = zip(series.months, values, series.conflicts, strict=False)
        ringed = [(m, v) for m, v, c in flagged if c]
        if ringed:
            target.scatter(
                mdates.date2num([m for m, _ in ringed]),
                [v for _, v in ringed],
                s=30,
                facecolors="none",
                edgecolors=INK,
                linewidths=1.0,
                zorder=5,
            )
    _axis(ax, chart.left)
    if chart.right:
        _axis(axes[True], chart.right)
        axes[True].spines["top"].set_visible(False)
    ax.spines["top"].set_visible(False)
    ax.set_xticks([mdates.date2num(d) for d in chart.x_ticks], list(chart.x_labels))
    ax.tick_params(axis="both", labelsize=6.5, length=2.5)
    ax.grid(axis="y", color="#e5e5e5", linewidth=0.6)
    ax.set_axisbelow(True)
    handles = [h for a in dict.fromkeys(axes.values()) for h in a.get_legend_handles_labels()[0]]
    handles += _extra_handles(chart)
    if handles:
        fig.legend(
            handles=handles,
            loc="upper left",
            bbox_to_anchor=(left / A4[0], 1 - (top + height + 22) / A4[1]),
            ncol=3,
            fontsize=6.5,
            frameon=False,
            prop={"family": FONT, "size": 6.5},
        )
    pen.y = top + height + 22 + 12 * (1 + (len(handles) - 1) // 3)
    for note in chart.notes:
        pen.text(note, MARGIN, 8.5, size=6.5, colour=MUTED, width=A4[0] - 2 * MARGIN)


def _extra_handles(chart: Chart) -> list:
    """Legend entries for the shades and the conflict ring, named in the reader's language."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles: list = [
        Patch(
            facecolor=SHADES.get(kind, UNKNOWN_SHADE),
            alpha=0.10 if kind not in SHADES else 0.3,
            edgecolor=MUTED if kind not in SHADES else "none",
            linestyle=":",
            label=name,
        )
        for kind, name in chart.shade_names
    ]
    if chart.conflict_name and any(any(s.conflicts) for s in chart.series):
        handles.append(
            Line2D(
                [], [], linestyle="none", marker="o", markersize=5, markerfacecolor="none",
                markeredgecolor=INK, label=chart.conflict_name,
            )
        )  # fmt: skip
    return handles


def _axis(ax, axis: Axis) -> None:
    ax.set_ylim(axis.ticks[0], axis.ticks[-1])
    ax.set_yticks(list(axis.ticks), list(axis.labels))
    ax.set_ylabel(axis.title, fontsize=7, color=MUTED)
    ax.tick_params(axis="y", labelsize=6.5, length=2.5)


class _Pen:
    """Writes lines down the page from the top, in points; `y` is where the next line goes."""

    def __init__(self, fig: "Figure"):
        self.fig = fig
        self.y = MARGIN

    def text(
        self,
        text: str,
        x: float,
        step: float,
        size: float = 9,
        weight: str = "normal",
        colour: str = INK,
        width: float | None = None,
        url: str | None = None,
    ) -> None:
        """One line (or, given a width, as many wrapped lines as it takes) at x; advances y."""
        lines = _wrap(text, size, width) if width else [text]
        for line in lines:
            self.y += step
            artist = self.fig.text(
                x / A4[0],
                1 - self.y / A4[1],
                line,
                fontsize=size,
                fontweight=weight,
                color=colour,
                family=FONT,
                va="baseline",
                parse_math=False,
            )
            if url:
                artist.set_url(url)  # a clickable link in the PDF, over the text it covers
            step = size * 1.25

    def badge(self, text: str, right: float, step: float, at: float | None = None) -> None:
        """The synthetic badge: orange text in a rounded box, right-aligned."""
        y = (at if at is not None else self.y + step) - 2
        self.fig.text(
            right / A4[0],
            1 - y / A4[1],
            text,
            fontsize=8,
            fontweight="bold",
            color=BADGE,
            family=FONT,
            ha="right",
            va="baseline",
            parse_math=False,
            bbox={"boxstyle": "round,pad=0.35", "facecolor": "#fff3e0", "edgecolor": BADGE},
        )

    def rule(self) -> None:
        from matplotlib.patches import FancyBboxPatch

        self.y += 8
        self.fig.add_artist(
            FancyBboxPatch(
                (MARGIN / A4[0], 1 - self.y / A4[1]),
                (A4[0] - 2 * MARGIN) / A4[0],
                0,
                boxstyle="square,pad=0",
                transform=self.fig.transFigure,
                edgecolor="#cccccc",
                linewidth=0.6,
            )
        )
        self.y += 2


def _wrap(text: str, size: float, width: float) -> list[str]:
    """Lines that fit `width` points at `size` (DejaVu Sans averages about 0.55 em a letter)."""
    letters = max(int(width / (size * 0.55)), 10)
    return textwrap.wrap(text, letters) or [""]
