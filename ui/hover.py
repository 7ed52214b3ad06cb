"""Hover lines for the charts: what a reader sees on pointing at a point. Every line starts with
the area (and month), says the figure with its qualifier and unit, its as-of date and source, and
ends with the badge where the figure is synthetic; data-derived text is escaped for Plotly."""

import pandas as pd

from ui import fmt, labels, safe
from ui.i18n import t
from ui.present import adoption_line, missing_text, shown


def _with_hover(frame: pd.DataFrame, lines) -> pd.DataFrame:
    """The frame with `hover`: the lines `lines(row)` gives, then the badge on synthetic rows."""
    out = frame.copy()
    out["hover"] = [
        "<br>".join(lines(r) + ([t("badge.synthetic")] if r.synthetic else []))
        for r in out.itertuples()
    ]
    return out


def _title(r, with_month: bool = True) -> str:
    name = f"<b>{safe.hover(r.region_name)}</b>"
    return f"{name} · {fmt.month(r.month)}" if with_month else name


def _as_of(r) -> str:
    return t("card.as_of", date=fmt.date(r.as_of_date, r.date_precision))


def monthly(frame: pd.DataFrame) -> pd.DataFrame:
    """A monthly series: the figure with its qualifier and unit, its as-of date and source."""
    return _with_hover(
        frame,
        lambda r: [
            _title(r),
            f"{safe.hover(r.metric_label)}: {fmt.figure(r.value, r.qualifier, r.unit)}",
            _as_of(r),
            safe.hover(r.source_names),
        ],
    )


def umkm(frame: pd.DataFrame) -> pd.DataFrame:
    """The register: UMKM onboarded and the adoption rate (withheld small cells say so)."""

    def lines(r) -> list[str]:
        onboarded_hidden = bool(getattr(r, "onboarded_suppressed", False))
        hidden = onboarded_hidden or bool(getattr(r, "registered_suppressed", False))
        onboarded = (
            missing_text("small_cell")
            if onboarded_hidden
            else fmt.figure(r.onboarded, "exact", "businesses")
        )
        rate = missing_text("small_cell") if hidden else fmt.percent(r.adoption_rate)
        return [
            _title(r),
            t("card.umkm_onboarded") + ": " + onboarded,
            t("card.adoption") + ": " + rate,
            safe.hover(r.source_names),
        ]

    return _with_hover(frame, lines)


def area(frame: pd.DataFrame) -> pd.DataFrame:
    """Wilayah: the figure in the chosen mode, the reported figure behind it when it differs."""
    return _with_hover(
        frame,
        lambda r: (
            [_title(r), f"{safe.hover(r.metric_label)}: {shown(r)}"]
            + ([fmt.figure(r.value, r.qualifier, r.unit)] if r.shown_unit != r.unit else [])
            + [_as_of(r), safe.hover(r.source_names)]
        ),
    )


def impact(frame: pd.DataFrame, unit: str, adoption: str = "level") -> pd.DataFrame:
    """Dampak vs Adopsi: the peak, the impact measure (in analytics.impact.impact_unit's unit),
    the adoption measure."""
    words = t(labels.UNITS[unit])
    return _with_hover(
        frame,
        lambda r: [
            _title(r, with_month=False),
            t("impact.hover.peak", month=fmt.month(r.peak_month), phk=fmt.number(r.phk_at_peak)),
            f"{fmt.number(r.x, decimals=2)} {words}" if pd.notna(r.x) else missing_text(r.excluded),
            adoption_line(r, adoption),
        ],
    )
