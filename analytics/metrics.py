"""What the headline cards show, and how each card finds its figure.

A card takes the latest real report of its first metric that has one; only when no real figure
exists does it fall back to the monthly marts, which may be synthetic (and are then badged).
"""

from dataclasses import dataclass

LABOUR = ("phk", "dirumahkan", "companies_closed")
# the lines of Ringkasan's trend and of the briefing's chart (one list: the PDF draws the page)
TREND = ("phk", "dirumahkan")
# measures with a monthly as-of series that areas can be compared on
MONTHLY_METRICS = ("phk", "dirumahkan", "companies_closed", "phk_plus_dirumahkan")
# Kota Tangerang's Disnaker series, on both bases (workplace and KTP-resident)
KOTA_REPORTED = (
    "phk", "dirumahkan", "phk_plus_dirumahkan", "companies_reporting", "phk_estimate_apindo",
    "phk_ktp_local", "dirumahkan_ktp_local", "phk_plus_dirumahkan_ktp_local",
)  # fmt: skip


@dataclass(frozen=True)
class Card:
    key: str  # i18n key of the card title
    reported: tuple[str, ...]  # metrics that count as a real report for this card, in order
    # where to look when no real report exists: ("monthly", metric) or ("umkm", column)
    fallback: tuple[str, str]


HEADLINE = (
    Card("card.phk", ("phk",), ("monthly", "phk")),
    Card("card.dirumahkan", ("dirumahkan",), ("monthly", "dirumahkan")),
    Card("card.companies_closed", ("companies_closed",), ("monthly", "companies_closed")),
    Card("card.umkm_registered", ("umkm_registered",), ("umkm", "registered")),
    # no public count of UMKM onboarded exists (Banten's 572 "UKM berjualan di marketplace" is a
    # province programme of Feb 2020, another measure: it is not quoted under this title)
    Card("card.umkm_onboarded", (), ("umkm", "onboarded")),
    Card("card.adoption", (), ("umkm", "adoption_rate")),
)

# units of the marts' columns
UMKM_UNITS = {"registered": "businesses", "onboarded": "businesses", "adoption_rate": "ratio"}
