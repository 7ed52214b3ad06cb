"""What a figure or a date may plausibly be: the bounds that stage 5 (etl/validate.py) and the
kinds apply. A value beyond them is a typing or unit error, never news: its row (or, in a wide
table, its cell) is rejected with the reason. The bounds are stated in README, "For analysts".

Dates: nothing after the day of the build (a report cannot come before its date), and nothing
before our data begins: the earliest figures Pulih takes are a 2016 UMKM register total
(raw/umkm_counts.csv, 31 Dec 2016) and BPS Sakernas August 2018; register dates go back to 2010
(the demo register's first businesses, and agencies' registers of long-standing businesses);
PSBB/PPKM periods begin in 2020, so an event before 2019 is a typing error.

Figures: a count of people (workers, persons) is at most the population of its area where the
regions file knows it (else of the nearest area it lies in that has one), and never more than 300
million (Indonesia: about 278 million in 2023). A workplace count could in principle pass its
area's population (commuters); no figure we hold comes near, and one that did would be a kecamatan
of factories worth loading at the kota level with a note, so the bound stays. A
count of businesses or companies at most 100 million (Indonesia's UMKM: about 65 million); a
percentage at most 100.
"""

import datetime as dt

from warehouse import reasons

OBSERVED_FROM = dt.date(2015, 1, 1)  # observations (ref_date)
REGISTERED_FROM = dt.date(2010, 1, 1)  # the UMKM register (registered_on, onboarded_on)
EVENTS_FROM = dt.date(2019, 1, 1)  # PSBB/PPKM periods (start_date, end_date)
EVENT_END_AHEAD = dt.timedelta(days=366)  # a period may be announced to end up to a year ahead

CEILINGS = {
    "workers": 300_000_000,
    "persons": 300_000_000,
    "businesses": 100_000_000,
    "companies": 100_000_000,
    "products": 1_000_000_000,
    "percent": 100,
}
OTHER_CEILING = 1_000_000_000_000  # a unit not listed above
PEOPLE = ("workers", "persons")  # units compared with the area's population


def date_problem(
    value: dt.date, earliest: dt.date, latest: dt.date, what: str
) -> reasons.Reason | None:
    """Why a date cannot be right, or None. `what` names where the data begins, for the reason."""
    if value > latest:
        return reasons.reason(reasons.AFTER_BUILD, date=value.isoformat(), build=latest.isoformat())
    if value < earliest:
        return reasons.reason(
            reasons.BEFORE_DATA,
            date=value.isoformat(),
            earliest=earliest.isoformat(),
            what=reasons.Word(what),
        )
    return None


def value_problem(
    value: float, unit: str | None, area: tuple | None = None
) -> reasons.Reason | None:
    """Why a figure in `unit` cannot be right, or None. `area` is (name, population, year, name of
    the area the figure is for) of the nearest area, the figure's own or one it lies in, whose
    population the regions files give."""
    if value <= value_bound(unit, area):
        return None
    ceiling = CEILINGS.get(unit or "", OTHER_CEILING)
    if unit in PEOPLE and area and value > area[1]:
        name, population, year, asked = area
        within = asked and asked != name
        return reasons.reason(
            reasons.ABOVE_POPULATION_WITHIN if within else reasons.ABOVE_POPULATION,
            value=value,
            unit=_unit(unit),
            area=name,
            population=population,
            year=str(year),
            **({"asked": asked} if within else {}),
        )
    if value > ceiling:
        if not unit:
            return reasons.reason(reasons.ABOVE_CEILING_NO_UNIT, value=value, ceiling=ceiling)
        return reasons.reason(reasons.ABOVE_CEILING, value=value, ceiling=ceiling, unit=_unit(unit))
    return None


def value_bound(unit: str | None, area: tuple | None = None) -> float:
    """The largest figure in `unit` that can be right (value_problem gives the reason beyond it):
    the unit's ceiling, and for a count of people the population of `area` (as value_problem's)
    where it is lower. A loader that checks many figures compares each with its bound."""
    ceiling = CEILINGS.get(unit or "", OTHER_CEILING)
    if unit in PEOPLE and area:
        return min(ceiling, area[1])
    return ceiling


def _unit(unit: str | None) -> str:
    """A unit the reasons know by name is a word to translate; any other is shown as written."""
    return reasons.Word(unit) if unit in reasons.UNITS else (unit or "")
