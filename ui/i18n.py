"""Every label on screen, in Bahasa Indonesia (default) and English.

Pages never hold literal text: they call t("key"). The language is kept in the session; English is
wired through but not yet offered in the sidebar.
"""

import streamlit as st

DEFAULT_LANG = "id"

STRINGS: dict[str, dict[str, str]] = {
    "app.title": {"id": "Pulih", "en": "Pulih"},
    "app.tagline": {
        "id": "Dampak COVID-19 terhadap pekerjaan dan UMKM — Banten dan Kota Tangerang",
        "en": "COVID-19's impact on work and small businesses — Banten and Kota Tangerang",
    },
    "nav.overview": {"id": "Ringkasan", "en": "Overview"},
    "nav.areas": {"id": "Wilayah", "en": "Areas"},
    "nav.data": {"id": "Data", "en": "Data"},
    "badge.synthetic": {"id": "data contoh — sintetis", "en": "demo data — synthetic"},
    "badge.synthetic_help": {
        "id": "Sebagian angka di sini adalah data contoh buatan (sintetis), bukan data resmi. "
        "Dipakai hanya di tempat yang tidak punya angka publik: per kecamatan, dan register UMKM.",
        "en": "Some figures here are made-up demo data, not official data.",
    },
    "build.info": {
        "id": "Data dibangun {built} · {files} berkas · {loaded} baris dimuat · {rejected} ditolak",
        "en": "Data built {built} · {files} files · {loaded} rows loaded · {rejected} rejected",
    },
    "warehouse.missing": {
        "id": "Gudang data belum dibangun. Jalankan `make build` lalu muat ulang halaman.",
        "en": "The warehouse is not built yet. Run `make build`, then reload.",
    },
    # overview
    "overview.title": {"id": "Ringkasan", "en": "Overview"},
    "overview.intro": {
        "id": "Angka terakhir yang dilaporkan, masing-masing dengan tanggal dan sumbernya. "
        "Angka Disnaker bersifat kumulatif sampai tanggal laporan.",
        "en": "The latest reported figures, each with its date and source. "
        "Labour-office figures are cumulative to the report date.",
    },
    "card.phk": {"id": "PHK", "en": "Layoffs"},
    "card.dirumahkan": {"id": "Dirumahkan", "en": "Furloughed"},
    "card.companies_closed": {"id": "Perusahaan tutup", "en": "Companies closed"},
    "card.umkm_registered": {"id": "UMKM terdaftar", "en": "Registered UMKM"},
    "card.umkm_onboarded": {"id": "UMKM masuk digital", "en": "UMKM onboarded to digital"},
    "card.adoption": {"id": "Tingkat adopsi digital", "en": "Digital adoption rate"},
    "card.none": {"id": "belum ada angka", "en": "no figure yet"},
    "card.none_help": {
        "id": "Tidak ada angka publik yang terverifikasi untuk wilayah ini.",
        "en": "No verified public figure for this area.",
    },
    "card.as_of": {"id": "per {date}", "en": "as of {date}"},
    "card.measured_as": {"id": "Angka: {label}", "en": "Figure: {label}"},
    "chart.overview.title": {
        "id": "Dampak pada pekerja dan UMKM yang masuk digital — {area}",
        "en": "Impact on workers and UMKM going digital — {area}",
    },
    "chart.overview.area": {"id": "Wilayah grafik", "en": "Chart area"},
    "chart.events": {"id": "Periode PSBB/PPKM diarsir", "en": "PSBB/PPKM periods shaded"},
    "chart.axis.workers": {"id": "Pekerja (kumulatif)", "en": "Workers (cumulative)"},
    "chart.axis.umkm": {"id": "UMKM masuk digital", "en": "UMKM onboarded"},
    "chart.axis.month": {"id": "Bulan", "en": "Month"},
    "chart.no_umkm": {
        "id": "Tidak ada register UMKM untuk wilayah ini; hanya angka ketenagakerjaan yang ditampilkan.",
        "en": "No UMKM register for this area; only labour figures are shown.",
    },
    "chart.legend.synthetic": {"id": "{label} (sintetis)", "en": "{label} (synthetic)"},
    "chart.note.asof": {
        "id": "Tiap bulan memakai laporan terakhir pada atau sebelum bulan itu (maks. {months} bulan); "
        "titik putus-putus adalah data contoh sintetis.",
        "en": "Each month shows the latest report in or before it (at most {months} months old); "
        "dotted points are synthetic demo data.",
    },
    "timeline.banten.title": {
        "id": "Linimasa laporan Provinsi Banten",
        "en": "Provinsi Banten: reported timeline",
    },
    "timeline.kota.title": {
        "id": "Kota Tangerang: laporan Disnaker, dua basis dipisah",
        "en": "Kota Tangerang: labour-office reports, two bases kept apart",
    },
    "timeline.kota.workplace": {
        "id": "Basis tempat kerja (pekerja perusahaan di Kota Tangerang)",
        "en": "Workplace basis (workers of companies in Kota Tangerang)",
    },
    "timeline.kota.ktp": {
        "id": "Basis KTP (warga ber-KTP Kota Tangerang, di mana pun bekerja)",
        "en": "Resident basis (Kota Tangerang ID-card holders, wherever they work)",
    },
    "timeline.bases_note": {
        "id": "Dua basis ini mengukur kelompok pekerja yang berbeda dan tidak boleh dijumlahkan.",
        "en": "The two bases count different groups of workers and must never be added.",
    },
    "revisions.title": {
        "id": "Yang berubah sejak rilis sebelumnya",
        "en": "What changed since the previous release",
    },
    "revisions.caption": {
        "id": "{publisher}: rilis {latest} dibanding rilis {previous}. Kedua rilis disimpan; angka terbaru yang ditampilkan.",
        "en": "{publisher}: release of {latest} against {previous}. Both releases are kept; the latest is shown.",
    },
    "revisions.previous": {"id": "Rilis sebelumnya", "en": "Previous release"},
    "revisions.latest": {"id": "Rilis terbaru", "en": "Latest release"},
    "revisions.change": {"id": "Perubahan", "en": "Change"},
    "change.revised": {"id": "direvisi", "en": "revised"},
    "change.new": {"id": "baru", "en": "new"},
    "change.not_reported_again": {"id": "tidak dilaporkan lagi", "en": "not reported again"},
    "col.date": {"id": "Tanggal", "en": "Date"},
    "col.source": {"id": "Sumber", "en": "Source"},
    "col.area": {"id": "Wilayah", "en": "Area"},
    "col.metric": {"id": "Ukuran", "en": "Measure"},
    "col.value": {"id": "Angka", "en": "Figure"},
    "col.as_of": {"id": "Per tanggal", "en": "As of"},
    "col.population": {"id": "Penduduk", "en": "Population"},
    "col.per_1000": {"id": "Per 1.000 penduduk", "en": "Per 1,000 residents"},
    "col.synthetic": {"id": "Sintetis", "en": "Synthetic"},
    "col.note": {"id": "Catatan", "en": "Note"},
    # areas page
    "areas.title": {"id": "Wilayah", "en": "Areas"},
    "areas.intro": {
        "id": "Bandingkan wilayah menurut tingkat, ukuran dan periode. Semua pilihan tersimpan di "
        "alamat (URL): salin tautan untuk membagikan tampilan ini.",
        "en": "Compare areas by level, measure and period. Every choice is kept in the URL: "
        "copy the link to share this view.",
    },
    "filter.level": {"id": "Tingkat wilayah", "en": "Level"},
    "filter.areas": {"id": "Wilayah", "en": "Areas"},
    "filter.metric": {"id": "Ukuran", "en": "Measure"},
    "filter.metrics": {"id": "Ukuran", "en": "Measures"},
    "filter.from": {"id": "Dari bulan", "en": "From month"},
    "filter.to": {"id": "Sampai bulan", "en": "To month"},
    "filter.per_capita": {"id": "Per 1.000 penduduk", "en": "Per 1,000 residents"},
    "filter.dataset": {"id": "Himpunan data", "en": "Dataset"},
    "filter.period_swapped": {
        "id": "Bulan awal setelah bulan akhir; periode dibalik.",
        "en": "The start month was after the end month; the period was swapped.",
    },
    "level.province": {"id": "Provinsi", "en": "Province"},
    "level.regency": {"id": "Kabupaten/Kota", "en": "Regency/City"},
    "level.district": {"id": "Kecamatan (Kota Tangerang)", "en": "District (Kota Tangerang)"},
    "areas.chart.title": {"id": "{metric} per wilayah", "en": "{metric} by area"},
    "areas.chart.title_pc": {
        "id": "{metric} per 1.000 penduduk, per wilayah",
        "en": "{metric} per 1,000 residents, by area",
    },
    "areas.no_data": {
        "id": "Tidak ada angka untuk pilihan ini. Coba wilayah, ukuran atau periode lain.",
        "en": "No figures for this choice. Try another area, measure or period.",
    },
    "areas.no_population": {
        "id": "Tanpa angka penduduk (tidak ada angka per kapita): {areas}",
        "en": "No population figure (no per-capita rate): {areas}",
    },
    "areas.other_year": {
        "id": "Penduduk bukan SP2020: {areas}",
        "en": "Population not from SP2020: {areas}",
    },
    "areas.population_note": {
        "id": "Per kapita memakai penduduk tetap Sensus Penduduk 2020 (SP2020) bila ada.",
        "en": "Per-capita rates use the fixed 2020 census population (SP2020) where known.",
    },
    "areas.table.title": {
        "id": "Angka terakhir per wilayah dalam periode",
        "en": "Latest figure per area in the period",
    },
    "areas.none_population": {"id": "tidak ada angka penduduk", "en": "no population figure"},
    # data page
    "data.title": {"id": "Data", "en": "Data"},
    "data.intro": {
        "id": "Pilih himpunan data dan saringan, lihat pratinjau, lalu unduh CSV berisi persis baris "
        "yang ditampilkan — dengan satuan, sumber, tanggal dan kolom sintetis.",
        "en": "Choose a dataset and filters, preview, and download a CSV of exactly the rows shown.",
    },
    "dataset.reported": {"id": "Angka yang dilaporkan", "en": "Reported figures"},
    "dataset.monthly": {"id": "Seri bulanan per wilayah", "en": "Monthly series per area"},
    "dataset.umkm": {
        "id": "Adopsi digital UMKM per wilayah dan bulan",
        "en": "UMKM adoption per area and month",
    },
    "data.rows": {"id": "{n} baris", "en": "{n} rows"},
    "download.csv": {"id": "Unduh CSV", "en": "Download CSV"},
    "caption.sources": {"id": "Sumber: {sources}", "en": "Sources: {sources}"},
    "caption.as_of": {"id": "Angka per {dates}.", "en": "Figures as of {dates}."},
    "conflict.note": {
        "id": "Ada sumber yang berbeda angka untuk wilayah, ukuran dan tanggal yang sama: {items}. "
        "Keduanya disimpan; lihat halaman Data.",
        "en": "Sources disagree for the same area, measure and date: {items}. Both are kept.",
    },
    "unit.workers": {"id": "pekerja", "en": "workers"},
    "unit.companies": {"id": "perusahaan", "en": "companies"},
    "unit.businesses": {"id": "usaha", "en": "businesses"},
    "unit.persons": {"id": "orang", "en": "persons"},
    "unit.products": {"id": "produk", "en": "products"},
    "unit.percent": {"id": "%", "en": "%"},
    "unit.ratio": {"id": "", "en": ""},
    "unit.per_1000": {"id": "per 1.000 penduduk", "en": "per 1,000 residents"},
    "precision.year": {
        "id": "{year} (tanggal pasti tidak disebut)",
        "en": "{year} (exact date not given)",
    },
}


def lang() -> str:
    return st.session_state.get("lang", DEFAULT_LANG)


def t(key: str, **values) -> str:
    text = STRINGS[key].get(lang()) or STRINGS[key][DEFAULT_LANG]
    return text.format(**values) if values else text


def metric_label(row) -> str:
    """A metric's label in the current language, from a row with label_id / label_en."""
    english = getattr(row, "label_en", None)
    return english if lang() == "en" and english else row.label_id
