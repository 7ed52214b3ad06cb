"""The translation keys of values the code chooses among (a level, a mode, a dataset, a reason a
figure is missing ...), one table each: the one place to look for the words of a code, and the
place `pybabel extract` finds them (every key is written out, marked with N_)."""

from analytics import exports
from ui.i18n import N_

LEVELS = {
    "province": N_("level.province"),
    "regency": N_("level.regency"),
    "district": N_("level.district"),
}
MODES = {
    "absolute": N_("mode.absolute"),
    "per_1000": N_("mode.per_1000"),
    "per_100_umkm": N_("mode.per_100_umkm"),
    "index": N_("mode.index"),
}
# the parts of the Wilayah page, one shown at a time (`tab=` in the URL)
TABS = {
    "map": N_("tab.map"),
    "ranking": N_("tab.ranking"),
    "panels": N_("tab.panels"),
    "lines": N_("tab.lines"),
    "conflicts": N_("tab.conflicts"),
}
DATASETS = {
    "reported": N_("dataset.reported"),
    "monthly": N_("dataset.monthly"),
    "umkm": N_("dataset.umkm"),
}
DOWNLOADS = {
    "csv": N_("download.csv"),
    "csv-id": N_("download.csv-id"),
    "xlsx": N_("download.xlsx"),
    "parquet": N_("download.parquet"),
}
# the events of the audit log (warehouse/audit.py EVENTS)
AUDIT_EVENTS = {
    "sign_in": N_("audit.event.sign_in"),
    "download": N_("audit.event.download"),
    "add": N_("audit.event.add"),
    "remove": N_("audit.event.remove"),
    "rebuild": N_("audit.event.rebuild"),
    "unreadable": N_("audit.event.unreadable"),
}
# what `etl check` and `etl add` take, as the upload page and the audit log name it
FILE_KINDS = {
    "observations": N_("upload.kind.observations"),
    "observations_wide": N_("upload.kind.observations_wide"),
    "events": N_("upload.kind.events"),
    "umkm_register": N_("upload.kind.umkm_register"),
    "regions": N_("upload.kind.regions"),
}
# the fields of an audit line (warehouse/audit.py: record's callers) -> their words
AUDIT_FIELDS = {
    "role": N_("audit.field.role"),
    "dataset": N_("audit.field.dataset"),
    "format": N_("audit.field.format"),
    "rows": N_("audit.field.rows"),
    "filters": N_("audit.field.filters"),
    "file": N_("audit.field.file"),
    "file_id": N_("audit.field.file_id"),
    "kind": N_("audit.field.kind"),
    "sha256": N_("audit.field.sha256"),
    "rows_read": N_("audit.field.rows_read"),
    "rows_loaded": N_("audit.field.rows_loaded"),
    "rows_rejected": N_("audit.field.rows_rejected"),
    "files": N_("audit.field.files"),
    "line": N_("audit.field.line"),
}
# the filters a page writes into a download's metadata and the audit log (downloads.meta_for's
# keywords, analytics/datasets.py: meta) -> their words; start/end are Wilayah's from/to
FILTERS = {
    "areas": N_("meta.areas"),
    "area": N_("meta.area"),
    "scope": N_("meta.scope"),
    "level": N_("meta.level"),
    "measure": N_("meta.measure"),
    "metrics": N_("meta.metrics"),
    "mode": N_("meta.mode"),
    "from": N_("meta.from"),
    "to": N_("meta.to"),
    "start": N_("meta.from"),
    "end": N_("meta.to"),
    "series": N_("meta.series"),
    "impact": N_("meta.impact"),
    "adopsi": N_("meta.adoption"),
    "lag": N_("meta.lag"),
    "demo data": N_("meta.demo_data"),
    "small cells": N_("meta.small_cells"),
}
CHANGES = {
    "revised": N_("change.revised"),
    "new": N_("change.new"),
    "not_reported_again": N_("change.not_reported_again"),
}
CONFLICT_KINDS = {
    "same_measure": N_("conflict.same_measure"),
    "alternative_estimate": N_("conflict.alternative_estimate"),
    "inconsistent_total": N_("conflict.inconsistent_total"),
}
MISSING = {
    "small_cell": N_("missing.small_cell"),
    "no_population": N_("missing.no_population"),
    "no_register": N_("missing.no_register"),
    "no_baseline": N_("missing.no_baseline"),
    "rate": N_("missing.rate"),
    "after_horizon": N_("missing.after_horizon"),
    "no_peak": N_("missing.no_peak"),
    "no_prior_month": N_("missing.no_prior_month"),
    "synthetic_only": N_("missing.synthetic_only"),
}
BASES = {
    "reported_by_workers": N_("basis.reported_by_workers"),
    "ktp_kota_tangerang": N_("basis.ktp_kota_tangerang"),
}
KINDS = {"stock": N_("kind.stock"), "flow": N_("kind.flow"), "rate": N_("kind.rate")}
# a count at a date in a planner's words: a running total to the report's date (PHK), or a
# count at one date (the employed of a survey); "stock" is the statistician's word for both
STOCKS = {True: N_("kind.stock.cumulative"), False: N_("kind.stock.level")}
# a ratio is shown as a plain number and has no unit word (ui/fmt.py: UNITLESS)
UNITS = {
    "workers": N_("unit.workers"),
    "companies": N_("unit.companies"),
    "businesses": N_("unit.businesses"),
    "persons": N_("unit.persons"),
    "products": N_("unit.products"),
    "percent": N_("unit.percent"),
    "per_1000": N_("unit.per_1000"),
    "per_1000_workplace": N_("unit.per_1000_workplace"),
    "per_100_umkm": N_("unit.per_100_umkm"),
    "index": N_("unit.index"),
}
# Dampak vs Adopsi
DENOMINATORS = {"per_1000": N_("impact.per_1000"), "per_100_umkm": N_("impact.per_100_umkm")}
IMPACT_AXES = {  # keyed by analytics.impact.impact_unit
    "per_1000": N_("impact.axis.per_1000"),
    "per_1000_workplace": N_("impact.axis.per_1000_workplace"),
    "per_100_umkm": N_("impact.axis.per_100_umkm"),
}
# the adoption measure as a download's metadata or an audit line names it: the months it waits
# are a filter of their own there (the page's choice names them: impact.adoption.level, plural)
ADOPTION_MEASURES = {
    "level": N_("impact.adoption.level_lagged"),
    "change": N_("impact.adoption.change"),
}
ADOPTION_AXES = {"level": N_("impact.axis.level"), "change": N_("impact.axis.change")}
ADOPTION_CHARTS = {"level": N_("impact.chart.level"), "change": N_("impact.chart.change")}
READING_ADOPTION = {
    "level": N_("reading.adoption.level"),
    "change": N_("reading.adoption.change"),
}
READING_DIRECTIONS = {"same": N_("reading.same"), "opposite": N_("reading.opposite")}
READING_STRENGTHS = {
    "weak": N_("reading.weak"),
    "moderate": N_("reading.moderate"),
    "strong": N_("reading.strong"),
}

COLUMNS = {  # every column a download can hold -> its meaning (a test checks none is missing)
    "region_code": N_("column.region_code"),
    "region_name": N_("column.region_name"),
    "level": N_("column.level"),
    "ref_date": N_("column.ref_date"),
    "date_precision": N_("column.date_precision"),
    "period": N_("column.period"),
    "metric": N_("column.metric"),
    "metric_label": N_("column.metric_label"),
    "value": N_("column.value"),
    "unit": N_("column.unit"),
    "qualifier": N_("column.qualifier"),
    "basis": N_("column.basis"),
    "statement_by": N_("column.statement_by"),
    "outlet": N_("column.outlet"),
    "url": N_("column.url"),
    "published": N_("column.published"),
    "synthetic": N_("column.synthetic"),
    "superseded": N_("column.superseded"),
    "note": N_("column.note"),
    "source_id": N_("column.source_id"),
    "month": N_("column.month"),
    "as_of_date": N_("column.as_of_date"),
    "age_months": N_("column.age_months"),
    "method": N_("column.method"),
    "derivation": N_("column.derivation"),
    "conflict": N_("column.conflict"),
    "population": N_("column.population"),
    "population_year": N_("column.population_year"),
    "population_basis": N_("column.population_basis"),
    "sources": N_("column.sources"),
    "registered": N_("column.registered"),
    "onboarded": N_("column.onboarded"),
    "registered_suppressed": N_("column.registered_suppressed"),
    "onboarded_suppressed": N_("column.onboarded_suppressed"),
    "adoption_rate": N_("column.adoption_rate"),
}

# the words of a download's metadata (analytics/exports.py: Meta.rows) -> their message keys
METADATA = {
    "dataset": N_("meta.dataset"),
    "title": N_("meta.title"),
    "filter": N_("meta.filter"),
    "rows": N_("meta.rows"),
    "source": N_("meta.source"),
    "units": N_("meta.units"),
    "dates": N_("meta.dates"),
    "dates note": N_("meta.dates_note"),
    exports.PERIOD_NOTE: N_("meta.period_note"),
    "synthetic rows": N_("meta.synthetic_rows"),
    "synthetic data": N_("meta.synthetic_data"),
    "made at": N_("meta.made_at"),
    "note": N_("meta.note"),
    "as written in the data file, not translated": N_("meta.note.as_written"),
    "areas": N_("meta.areas"),
    "area": N_("meta.area"),
    "from": N_("meta.from"),
    "to": N_("meta.to"),
    "metrics": N_("meta.metrics"),
    "series": N_("meta.series"),
    "demo data": N_("meta.demo_data"),
    "small cells": N_("meta.small_cells"),
    "all": N_("meta.all"),
    "excluded": N_("meta.excluded"),
    "included where no official figure exists": N_("meta.included"),
    "Reported figures, exactly as reported": N_("dataset.reported"),
    "Monthly as-of series per area": N_("dataset.monthly"),
    "UMKM registered, onboarded and adoption rate per area and month": N_("dataset.umkm"),
}

# The manifest's fixed phrases (data/sources.toml, etl/national.py, `etl add`'s default), written
# there in English -> their message keys (ui/source_words.py): the licences the project uses, and
# the outlets of files whose rows name none of their own. A new phrase in the manifest needs a key
# here (tests/ui/test_source_words.py checks the manifests).
LICENCES = {
    "project's own": N_("licence.own"),
    "public statistics (figures); centroids from cahyadsn/wilayah_boundaries (MIT)": N_(
        "licence.statistics_centroids"
    ),
    "figures as publicly reported; article text not reproduced": N_("licence.reported"),
    "BPS statistics, public": N_("licence.bps"),
    "public legal acts as reported": N_("licence.legal_acts"),
    "synthetic; no real person or company": N_("licence.synthetic"),
    "codes and names: cahyadsn/wilayah (MIT); figures synthetic": N_("licence.national_regions"),
    "figures as published by the agency": N_("licence.agency"),
}
OUTLETS = {
    "per row": N_("outlet.per_row"),
    "Kompas.com and other outlets, per row": N_("outlet.kompas_and_others"),
    "Liputan6 and other outlets, per row": N_("outlet.liputan6_and_others"),
    "BPS releases as reported, per row": N_("outlet.bps_releases"),
    "Pulih demo generator (sintetis)": N_("outlet.demo_generator"),
}

# The titles of the shipped files and the publishers written as phrases (data/sources.toml), in
# the reader's language as the licences are (tests/ui/test_source_words.py checks the manifest).
TITLES = {
    ("Metric catalogue: codes, labels (id/en), units, kind, basis, aggregation rules"): N_(
        "title.metrics"
    ),
    ("Banten and its 8 kabupaten/kota: Kemendagri codes, SP2020 population, area, centroid"): N_(
        "title.regions_banten"
    ),
    (
        "The 13 kecamatan of Kota Tangerang: Kemendagri codes, kelurahan counts, area, "
        "centroid, population where verified"
    ): N_("title.regions_kota_tangerang"),
    (
        "Provinsi Banten: PHK, dirumahkan and company closures reported by Disnakertrans "
        "Banten, Apr 2020 - Jul 2021"
    ): N_("title.banten_labour"),
    (
        "Kabupaten/kota of Banten: Disnaker labour-impact figures, incl. Kota Tangerang "
        "(workplace and KTP-resident bases)"
    ): N_("title.kabkota_labour"),
    (
        "BPS Sakernas: open unemployment rate and people affected by COVID-19, Banten and "
        "kabupaten/kota"
    ): N_("title.bps_sakernas"),
    (
        "UMKM register counts of Kota Tangerang 2016-2020, top-3 kecamatan 2019, programme "
        "figures, affected UKM in Banten"
    ): N_("title.umkm_counts"),
    (
        "Kemnaker national snapshots: formal PHK, formal dirumahkan, informal workers "
        "affected (context)"
    ): N_("title.kemnaker"),
    ("PSBB and PPKM periods in Banten and Tangerang Raya, with legal basis"): N_("title.events"),
    (
        "DEMO - synthetic monthly PHK, dirumahkan and closures per kecamatan of Kota "
        "Tangerang, Jan 2020 - Dec 2022"
    ): N_("title.demo_labour"),
    ("DEMO - synthetic record-level UMKM register of Kota Tangerang with digital onboarding"): N_(
        "title.demo_register"
    ),
}
PUBLISHERS = {
    "Disnaker of each kabupaten/kota": N_("publisher.disnaker_each"),
    "BPS (Sensus Penduduk 2020) via public encyclopaedia pages; Kemendagri codes and areas": N_(
        "publisher.bps_kemendagri"
    ),
    "Pulih demo generator (python -m etl demo)": N_("publisher.demo_generator"),
    "Pemkot Tangerang (Profil Kota Tangerang); BPS SP2020 via Databoks": N_("publisher.pemkot_bps"),
}
