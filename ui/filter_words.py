"""The filters behind a download (its metadata sheet) and behind an audit line, in the reader's
language: each filter's name (ui/labels.py: FILTERS) and its values' words: areas by their names,
measures by their labels, a level, a mode or an adoption measure by the words the page's own
choices use, a month as the page writes it. A code the dashboard has no word for stays as
written, so nothing is lost; the audit log and a script's `etl export` keep the codes."""

import re

from analytics import privacy
from ui import data, fmt, labels
from ui.i18n import t

AREAS = frozenset({"areas", "area", "scope"})
MEASURES = frozenset({"measure", "metrics"})
MONTHS = frozenset({"from", "to", "start", "end"})
CHOICES = {
    "level": labels.LEVELS,
    "mode": labels.MODES,
    "impact": labels.DENOMINATORS,
    "adopsi": labels.ADOPTION_MEASURES,
    "dataset": labels.DATASETS,
    "format": labels.DOWNLOADS,
    "kind": labels.FILE_KINDS,
}
# a month, or the first day that stands for it (the Data page logs its period as dates)
_MONTH = re.compile(r"\d{4}-\d{2}(-01)?")


def name(key: str) -> str:
    """A filter's name: 'areas' -> 'wilayah'."""
    return t(labels.FILTERS[key]) if key in labels.FILTERS else key


def value(key: str, raw) -> str:
    """A filter's value in words: '36.71, 36.71.02' -> 'Kota Tangerang, Kec. Cipondoh'; a list
    (as the audit log keeps one) the same."""
    if key == "small cells":  # the rule, in the reader's words, from the same threshold
        return t("meta.small_cells.rule", threshold=fmt.number(privacy.threshold(), decimals=0))
    parts = raw if isinstance(raw, list | tuple) else str(raw).split(", ")
    return ", ".join(_word(key, str(p)) for p in parts)


def worded(filters: dict[str, str]) -> dict[str, str]:
    """Every filter of a download named and valued in the reader's language."""
    return {name(k): value(k, v) for k, v in filters.items()}


def _word(key: str, code: str) -> str:
    if key in AREAS:
        return _region_names().get(code, "—" if code == "-" else code)
    if key in MEASURES:
        return data.metric_names().get(code, _fixed(code))
    if key in MONTHS and _MONTH.fullmatch(code):
        return fmt.month(code[:7] + "-01")
    table = CHOICES.get(key, {})
    return t(table[code]) if code in table else _fixed(code)


def _fixed(code: str) -> str:
    """The metadata's fixed English values ('all', 'excluded', ...) in the reader's words."""
    return t(labels.METADATA[code]) if code in labels.METADATA else code


def _region_names() -> dict[str, str]:
    regions = data.regions()
    return dict(zip(regions["code"], regions["name"], strict=True))
