"""Every label on screen, in Bahasa Indonesia (default) and English.

Pages never hold literal text: they call t("key"). The language is kept in the session; English is
wired through but not yet offered in the sidebar.
"""

from pathlib import Path

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
    "demo.switch": {"id": "Tampilkan data contoh (sintetis)", "en": "Show demo data (synthetic)"},
    "demo.switch_help": {
        "id": "Matikan untuk melihat hanya angka resmi: semua angka sintetis hilang dari layar dan "
        "dari unduhan. Tersimpan di tautan sebagai contoh=0.",
        "en": "Turn off to see official figures only: every synthetic figure leaves the screen and "
        "the downloads. Kept in the link as contoh=0.",
    },
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
    "error.page": {
        "id": "Maaf, bagian halaman ini tidak dapat ditampilkan. Coba muat ulang, atau ubah pilihan "
        "Anda. Bila masih terjadi, sampaikan kode kesalahan ini kepada pengelola data: {id}",
        "en": "Sorry, this part of the page could not be shown. Reload, or change your choices. "
        "If it happens again, give the data stewards this error code: {id}",
    },
    "warehouse.missing": {
        "id": "Gudang data belum dibangun. Jalankan `make build` lalu muat ulang halaman.",
        "en": "The warehouse is not built yet. Run `make build`, then reload.",
    },
    "warehouse.broken": {
        "id": "Gudang data ({file}) rusak atau tidak lengkap, jadi tidak ada angka yang ditampilkan. Bangun ulang dengan `make build` (atau `python -m etl build`), lalu muat ulang halaman. Rincian teknis: `{detail}`",
        "en": "The warehouse ({file}) is damaged or incomplete, so no figures are shown. Rebuild it with `make build` (or `python -m etl build`), then reload. Technical detail: `{detail}`",
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
    "card.demo_line": {
        "id": "Data contoh (sintetis), bukan angka resmi: {figure}, per {date}",
        "en": "Demo data (synthetic), not an official figure: {figure}, as of {date}",
    },
    "card.also_cited": {
        "id": "Angka yang sama juga: {outlets}",
        "en": "Same figure also: {outlets}",
    },
    "card.newer": {
        "id": "Laporan lebih baru: {label} {figure} per {date}",
        "en": "A later report: {label} {figure} as of {date}",
    },
    "card.undated": {
        "id": "Laporan lain, {date}: {figure} ({outlet})",
        "en": "Another report, {date}: {figure} ({outlet})",
    },
    "conflict.flag": {
        "id": "Laporan berbeda — lihat perbandingan",
        "en": "Reports disagree — see the comparison",
    },
    "chart.overview.title": {
        "id": "Dampak pada pekerja dan UMKM yang masuk digital — {area}",
        "en": "Impact on workers and UMKM going digital — {area}",
    },
    "chart.overview.area": {"id": "Wilayah grafik", "en": "Chart area"},
    "chart.events": {"id": "Periode PSBB/PPKM diarsir", "en": "PSBB/PPKM periods shaded"},
    "chart.axis.workers": {"id": "Pekerja (kumulatif)", "en": "Workers (cumulative)"},
    "chart.axis.umkm": {"id": "UMKM masuk digital", "en": "UMKM onboarded"},
    "chart.no_umkm": {
        "id": "Tidak ada register UMKM untuk wilayah ini; hanya angka ketenagakerjaan yang ditampilkan.",
        "en": "No UMKM register for this area; only labour figures are shown.",
    },
    "events.caption": {
        "id": "Arsiran: periode PSBB (merah) dan PPKM (ungu) menurut keputusan yang bersumber.",
        "en": "Shading: PSBB (red) and PPKM (purple) periods per their sourced decrees.",
    },
    "events.unknown": {
        "id": "Arsiran abu-abu bertanda ?: status pembatasan tidak diketahui (belum ada sumber), bukan berarti tanpa pembatasan.",
        "en": "Grey shading marked ?: restriction status unknown (no source yet), not a period without restrictions.",
    },
    "chart.no_umkm_real": {
        "id": "Tidak ada angka resmi UMKM masuk digital untuk wilayah ini (data contoh disembunyikan).",
        "en": "No official figure of UMKM onboarded for this area (demo data hidden).",
    },
    "chart.note.asof_real": {
        "id": "Tiap bulan memakai laporan terakhir pada atau sebelum bulan itu (maks. {months} bulan).",
        "en": "Each month shows the latest report in or before it (at most {months} months old).",
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
    "col.rank": {"id": "Peringkat", "en": "Rank"},
    "col.shown": {"id": "Angka yang dibandingkan", "en": "Figure compared"},
    "conflict.title": {
        "id": "Laporan yang berbeda, berdampingan",
        "en": "Reports that disagree, side by side",
    },
    "conflict.caption": {
        "id": "Dua sumber memberi angka berbeda untuk wilayah dan waktu yang (hampir) sama. Keduanya ditampilkan; Pulih tidak memilih salah satunya.",
        "en": "Two sources give different figures for (nearly) the same area and time. Both are shown; Pulih does not pick one.",
    },
    "conflict.none": {
        "id": "Tidak ada laporan yang saling berbeda untuk pilihan ini.",
        "en": "No reports disagree for this choice.",
    },
    "conflict.kind": {"id": "Jenis", "en": "Kind"},
    "conflict.a": {"id": "Laporan A", "en": "Report A"},
    "conflict.b": {"id": "Laporan B", "en": "Report B"},
    "conflict.difference": {"id": "Selisih (B − A)", "en": "Difference (B − A)"},
    "conflict.same_measure": {
        "id": "angka berbeda, ukuran sama",
        "en": "same measure, different figures",
    },
    "conflict.alternative_estimate": {"id": "perkiraan lain", "en": "another estimate"},
    "conflict.inconsistent_total": {
        "id": "total lebih kecil dari bagiannya",
        "en": "total below its part",
    },
    "col.source": {"id": "Sumber", "en": "Source"},
    "col.area": {"id": "Wilayah", "en": "Area"},
    "col.metric": {"id": "Ukuran", "en": "Measure"},
    "col.value": {"id": "Angka", "en": "Figure"},
    "col.as_of": {"id": "Per tanggal", "en": "As of"},
    "col.population": {"id": "Penduduk", "en": "Population"},
    "col.synthetic": {"id": "Sintetis", "en": "Synthetic"},
    "col.note": {"id": "Catatan", "en": "Note"},
    "basis.reported_by_workers": {
        "id": "dilaporkan pekerja, bukan perusahaan",
        "en": "reported by workers, not companies",
    },
    "basis.ktp_kota_tangerang": {
        "id": "basis KTP Kota Tangerang",
        "en": "Kota Tangerang ID-card basis",
    },
    "conflict.short": {"id": "laporan berbeda", "en": "reports disagree"},
    "conflict.legend": {"id": "laporan berbeda", "en": "reports disagree"},
    "missing.synthetic_only": {
        "id": "hanya data contoh (sintetis): tidak diperingkat bersama angka resmi",
        "en": "demo data only (synthetic): not ranked with official figures",
    },
    "ranking.window": {
        "id": "Membandingkan angka resmi terakhir tiap wilayah dalam periode; tanggal angkanya {start} sampai {end}.",
        "en": "Compares each area's latest official figure in the period; their dates run from {start} to {end}.",
    },
    "ranking.window_synthetic": {
        "id": "Semua angka di peringkat ini adalah data contoh (sintetis); tanggal {start} sampai {end}.",
        "en": "Every figure in this ranking is demo data (synthetic); dated {start} to {end}.",
    },
    "months.both": {
        "id": "{line}: angka resmi {real}; data contoh (sintetis) {synthetic}.",
        "en": "{line}: official figures {real}; demo data (synthetic) {synthetic}.",
    },
    "months.synthetic": {
        "id": "{line}: seluruhnya data contoh (sintetis), {synthetic}.",
        "en": "{line}: all demo data (synthetic), {synthetic}.",
    },
    "months.many": {
        "id": "{n} garis memuat data contoh (sintetis): titik putus-putus; garis penuh adalah angka resmi.",
        "en": "{n} lines hold demo data (synthetic): dotted points; solid lines are official figures.",
    },
    "population.sp2020": {"id": "SP2020", "en": "SP2020"},
    "population.sp2020_derived": {
        "id": "SP2020, diturunkan dari kepadatan × luas",
        "en": "SP2020, derived from density × area",
    },
    "population.projection": {
        "id": "proyeksi BPS {year}, bukan SP2020",
        "en": "BPS projection for {year}, not SP2020",
    },
    "unit.per_1000_workplace": {
        "id": "per 1.000 penduduk (basis tempat kerja)",
        "en": "per 1,000 residents (workplace basis)",
    },
    "areas.workplace_note": {
        "id": "Angka basis tempat kerja menghitung pekerja perusahaan di wilayah itu, yang sebagian tinggal di luarnya (Kota Tangerang: sekitar 30 % warga kota); dibagi penduduk, angka ini bukan tingkat per warga.",
        "en": "Workplace-basis figures count workers of firms in the area, many of whom live elsewhere (Kota Tangerang: about 30 % are residents); divided by residents, this is not a rate per resident.",
    },
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
    "filter.dataset": {"id": "Himpunan data", "en": "Dataset"},
    "filter.mode": {"id": "Tampilan angka", "en": "Show figures as"},
    "filter.lag": {
        "id": "Jeda: adopsi diukur … bulan setelah puncak PHK",
        "en": "Lag: adoption measured … months after the layoff peak",
    },
    "filter.denominator": {"id": "Dampak diukur sebagai", "en": "Impact measured as"},
    "filter.adoption_measure": {"id": "Adopsi diukur sebagai", "en": "Adoption measured as"},
    "filter.pair": {"id": "Dua wilayah untuk dibandingkan", "en": "Two areas to compare"},
    "url.unknown": {
        "id": "Nilai di tautan tidak dikenali dan diganti nilai bawaan: {param} = {values}",
        "en": "A value in the link was not recognised and the default is shown instead: {param} = {values}",
    },
    "drill.none": {
        "id": "Belum ada data kecamatan untuk {area}.",
        "en": "No kecamatan data for {area} yet.",
    },
    "drill.open": {"id": "Buka kecamatan {area}", "en": "Open the kecamatan of {area}"},
    "drill.open_regencies": {
        "id": "Buka kabupaten/kota {area}",
        "en": "Open the regencies and cities of {area}",
    },
    "drill.up": {"id": "Naik ke {area}", "en": "Up to {area}"},
    "mode.absolute": {"id": "Angka absolut", "en": "Absolute"},
    "mode.per_1000": {"id": "Per 1.000 penduduk (SP2020)", "en": "Per 1,000 residents (SP2020)"},
    "mode.per_100_umkm": {"id": "Per 100 UMKM terdaftar", "en": "Per 100 registered UMKM"},
    "mode.index": {"id": "Indeks (Jan–Feb 2020 = 100)", "en": "Index (Jan–Feb 2020 = 100)"},
    "mode.rate": {
        "id": "Ukuran ini sudah berupa tingkat; ditampilkan apa adanya, bukan dibagi lagi.",
        "en": "This measure is already a rate; it is shown as it is, not divided again.",
    },
    "missing.note": {
        "id": "Tanpa angka ({reason}): {areas}",
        "en": "No figure ({reason}): {areas}",
    },
    "tab.map": {"id": "Peta", "en": "Map"},
    "tab.ranking": {"id": "Peringkat", "en": "Ranking"},
    "tab.panels": {"id": "Grafik per wilayah", "en": "One chart per area"},
    "tab.lines": {"id": "Semua wilayah", "en": "All areas"},
    "tab.conflicts": {"id": "Laporan berbeda", "en": "Reports that disagree"},
    "map.title": {"id": "{metric} — {unit}", "en": "{metric} — {unit}"},
    "map.no_figure": {"id": "tanpa angka", "en": "no figure"},
    "map.markers": {
        "id": "Lingkaran di titik tengah wilayah, besar dan warnanya menurut angka. Batas wilayah tampil bila berkas batas dipasang (PULIH_BOUNDARIES atau data/boundaries/).",
        "en": "Circles at each area's centre, sized and coloured by the figure. Boundaries show when a boundaries file is configured (PULIH_BOUNDARIES or data/boundaries/).",
    },
    "map.areas": {
        "id": "Wilayah diarsir menurut angka (batas dari berkas yang dipasang).",
        "en": "Areas shaded by the figure (boundaries from the configured file).",
    },
    "map.problem": {
        "id": "Berkas batas tidak dapat dipakai: {problem}",
        "en": "Boundaries file not usable: {problem}",
    },
    "panels.title": {
        "id": "{metric} per wilayah — {unit} (sumbu sama)",
        "en": "{metric} by area — {unit} (shared axes)",
    },
    "legend.reported": {"id": "dilaporkan", "en": "reported"},
    "impact.title": {"id": "Dampak vs Adopsi", "en": "Impact vs Adoption"},
    "impact.intro": {
        "id": "Per kecamatan Kota Tangerang: PHK pada puncaknya, dibanding ukuran wilayah, terhadap adopsi digital UMKM beberapa bulan kemudian, sebagai tingkat atau sebagai perubahan (poin persentase) sejak bulan sebelum puncak. Puncak PHK = bulan pertama ketika PHK kumulatif wilayah itu mencapai separuh angkanya pada Desember 2020 (bulan tengah PHK 2020). Selisih kecil antara kenaikan dua bulan yang hampir sama besar tidak menggeser bulan ini, sedangkan “bulan dengan kenaikan terbesar” bisa berpindah oleh selisih seperti itu.",
        "en": "Per kecamatan of Kota Tangerang: layoffs at their peak, relative to the area's size, against UMKM digital adoption some months later, as a level or as its change (percentage points) since the month before the peak. Layoff peak = the first month in which the area's cumulative PHK reaches half of its December 2020 level (the median month of its 2020 layoffs). A small difference between two nearly equal monthly rises does not move this month, whereas “the month with the largest rise” can flip on such a difference.",
    },
    "impact.per_1000": {"id": "PHK per 1.000 penduduk", "en": "Layoffs per 1,000 residents"},
    "impact.per_100_umkm": {
        "id": "PHK per 100 UMKM terdaftar",
        "en": "Layoffs per 100 registered UMKM",
    },
    "impact.axis.per_1000": {
        "id": "PHK per 1.000 penduduk (puncak)",
        "en": "Layoffs per 1,000 residents (peak)",
    },
    "impact.axis.per_100_umkm": {
        "id": "PHK per 100 UMKM terdaftar (puncak)",
        "en": "Layoffs per 100 registered UMKM (peak)",
    },
    "impact.axis.level": {
        "id": "Tingkat adopsi digital, {lag} bulan setelah puncak",
        "en": "Digital adoption rate, {lag} months after the peak",
    },
    "impact.axis.change": {
        "id": "Perubahan adopsi digital (poin persentase), bulan sebelum puncak → {lag} bulan setelah puncak",
        "en": "Change in digital adoption (percentage points), month before the peak → {lag} months after it",
    },
    "impact.adoption.level": {
        "id": "Tingkat adopsi k bulan setelah puncak",
        "en": "Adoption rate k months after the peak",
    },
    "impact.adoption.change": {
        "id": "Perubahan adopsi sejak bulan sebelum puncak (poin persentase)",
        "en": "Change in adoption since the month before the peak (percentage points)",
    },
    "reading.adoption.level": {
        "id": "tingkat adopsi digital {lag} bulan setelah puncak PHK",
        "en": "the adoption rate {lag} months after the layoff peak",
    },
    "reading.adoption.change": {
        "id": "perubahan adopsi digital dari bulan sebelum puncak PHK sampai {lag} bulan setelah puncak",
        "en": "the change in adoption from the month before the layoff peak to {lag} months after it",
    },
    "unit.pp": {"id": "poin persentase", "en": "percentage points"},
    "impact.chart.level": {
        "id": "PHK terhadap adopsi digital UMKM ({lag} bulan kemudian), per kecamatan",
        "en": "Layoffs against UMKM adoption ({lag} months later), by kecamatan",
    },
    "impact.chart.change": {
        "id": "PHK terhadap perubahan adopsi digital UMKM (sampai {lag} bulan kemudian), per kecamatan",
        "en": "Layoffs against the change in UMKM adoption (to {lag} months later), by kecamatan",
    },
    "impact.hover.change": {
        "id": "Adopsi digital {before_month}: {before} → {month}: {after} ({change})",
        "en": "Digital adoption {before_month}: {before} → {month}: {after} ({change})",
    },
    "impact.col.before_month": {"id": "Bulan sebelum puncak", "en": "Month before the peak"},
    "impact.col.before": {"id": "Adopsi sebelum puncak", "en": "Adoption before the peak"},
    "impact.col.change": {
        "id": "Perubahan adopsi (poin persentase)",
        "en": "Change in adoption (percentage points)",
    },
    "impact.combinations": {
        "id": "Halaman ini memungkinkan {denominators} ukuran dampak × {adoptions} ukuran adopsi × {lags} jeda (0–{max_lag} bulan) = {total} kombinasi. Dengan mencoba cukup banyak kombinasi, r yang mencolok bisa muncul secara kebetulan; selang kepercayaan dan p di atas berlaku untuk satu kombinasi yang dipilih sebelum melihat datanya, bukan untuk yang paling mencolok dari {total}.",
        "en": "This page allows {denominators} impact measures × {adoptions} adoption measures × {lags} lags (0–{max_lag} months) = {total} combinations. Try enough of them and a striking r can turn up by chance; the confidence interval and p above hold for one combination chosen before looking at the data, not for the most striking of {total}.",
    },
    "impact.areas": {"id": "kecamatan", "en": "kecamatan"},
    "impact.fitted": {"id": "garis kecenderungan", "en": "fitted line"},
    "impact.sources": {
        "id": "Pulih demo generator (sintetis): PHK per kecamatan dan register UMKM; penduduk: BPS SP2020 (Databoks) dan proyeksi BPS 2023 bila tertera",
        "en": "Pulih demo generator (synthetic): kecamatan layoffs and the UMKM register; population: BPS SP2020 and the 2023 projection where stated",
    },
    "impact.excluded": {
        "id": "Tidak dihitung ({reason}): {areas}",
        "en": "Left out ({reason}): {areas}",
    },
    "impact.paired": {"id": "Dua wilayah berdampingan", "en": "Two areas side by side"},
    "impact.paired.title": {
        "id": "PHK kumulatif dan tingkat adopsi digital dari waktu ke waktu",
        "en": "Cumulative layoffs and digital adoption over time",
    },
    "impact.hover.peak": {
        "id": "Puncak PHK {month}: {phk} pekerja (kumulatif)",
        "en": "Layoff peak {month}: {phk} workers (cumulative)",
    },
    "impact.hover.adoption": {
        "id": "Adopsi digital {month}: {rate}",
        "en": "Digital adoption {month}: {rate}",
    },
    "impact.stats.interval": {
        "id": "selang kepercayaan 95%: {low} s.d. {high}",
        "en": "95% CI {low} to {high}",
    },
    "impact.stats.p_line": {
        "id": "p: uji permutasi dua sisi, {method}",
        "en": "p: two-sided permutation test, {method}",
    },
    "impact.stats.exact": {
        "id": "semua {orderings} urutan (eksak)",
        "en": "all {orderings} orderings (exact)",
    },
    "impact.stats.sampled": {
        "id": "{orderings} urutan acak, benih {seed}",
        "en": "{orderings} random orderings, seed {seed}",
    },
    "impact.stats.too_few": {
        "id": "terlalu sedikit wilayah (< {minimum}) untuk menyimpulkan",
        "en": "too few areas (< {minimum}) to conclude",
    },
    "impact.col.peak": {"id": "Puncak PHK", "en": "Layoff peak"},
    "impact.col.phk": {"id": "PHK kumulatif saat puncak", "en": "Cumulative layoffs at the peak"},
    "impact.col.adoption_month": {"id": "Bulan adopsi", "en": "Adoption month"},
    "reading.too_few": {
        "id": "Terlalu sedikit kecamatan (n = {n}) untuk menarik garis atau menghitung r.",
        "en": "Too few areas (n = {n}) for a line or r.",
    },
    "reading.too_few_to_conclude": {
        "id": "Terlalu sedikit kecamatan (n = {n}, kurang dari {minimum}) untuk menyimpulkan apa pun tentang {measure} dan {adoption}; titik-titiknya tetap ditampilkan ({stats}).",
        "en": "Too few areas (n = {n}, fewer than {minimum}) to conclude anything about {measure} and {adoption}; the points are still shown ({stats}).",
    },
    "reading.inconclusive": {
        "id": "Di {n} kecamatan, arah hubungan antara {measure} dan {adoption} tidak dapat disimpulkan: selang kepercayaan 95% untuk r mencakup 0 ({stats}).",
        "en": "Across {n} kecamatan, the direction of the association between {measure} and {adoption} cannot be concluded: the 95% confidence interval of r includes 0 ({stats}).",
    },
    "reading.main": {
        "id": "Di {n} kecamatan, {measure} dan {adoption} bergerak {direction}; selang kepercayaan 95% untuk r tidak mencakup 0, dan batasnya yang terdekat ke 0 ({bound}) menunjukkan hubungan yang setidaknya {strength} ({stats}).",
        "en": "Across {n} kecamatan, {measure} and {adoption} move {direction}; the 95% confidence interval of r excludes 0, and its bound nearest 0 ({bound}) shows an association at least {strength} ({stats}).",
    },
    "reading.p_method": {
        "id": "Nilai p dari uji permutasi dua sisi: {method}.",
        "en": "p from a two-sided permutation test: {method}.",
    },
    "reading.ecological": {
        "id": "Hubungan antarwilayah tidak mengatakan apa pun tentang masing-masing usaha atau pekerja di dalamnya (kekeliruan ekologis).",
        "en": "An association between areas says nothing about the individual businesses or workers in them (the ecological fallacy).",
    },
    "reading.same": {"id": "searah", "en": "together"},
    "reading.opposite": {"id": "berlawanan arah", "en": "in opposite directions"},
    "reading.weak": {"id": "lemah", "en": "weak"},
    "reading.moderate": {"id": "sedang", "en": "moderate"},
    "reading.strong": {"id": "kuat", "en": "strong"},
    "reading.not_causal": {
        "id": "Ini hanya menggambarkan kecenderungan bersama antarwilayah; angka ini tidak menunjukkan bahwa yang satu mengubah yang lain.",
        "en": "This only describes how the areas vary together; it does not show that one changes the other.",
    },
    "reading.outliers": {
        "id": "Paling jauh dari garis: {areas}.",
        "en": "Farthest from the line: {areas}.",
    },
    "reading.above": {
        "id": "{area} (adopsi di atas garis)",
        "en": "{area} (adoption above the line)",
    },
    "reading.below": {
        "id": "{area} (adopsi di bawah garis)",
        "en": "{area} (adoption below the line)",
    },
    "reading.synthetic": {
        "id": "Data per kecamatan di sini adalah data contoh (sintetis), bukan data resmi.",
        "en": "The kecamatan data here is synthetic demo data, not official data.",
    },
    "nav.impact": {"id": "Dampak vs Adopsi", "en": "Impact vs Adoption"},
    "nav.method": {"id": "Sumber & Metode", "en": "Sources & Method"},
    "method.title": {"id": "Sumber & Metode", "en": "Sources & Method"},
    "method.intro": {
        "id": "Dari mana setiap angka berasal, apa artinya, bagaimana dihitung, dan dari berkas apa gudang data ini dibangun.",
        "en": "Where every figure comes from, what it means, how it is computed, and which files this warehouse was built from.",
    },
    "method.sources": {"id": "Sumber", "en": "Sources"},
    "method.dictionary": {"id": "Kamus data", "en": "Data dictionary"},
    "method.metrics": {"id": "Ukuran", "en": "Measures"},
    "method.columns": {"id": "Kolom unduhan", "en": "Download columns"},
    "method.notes": {"id": "Catatan metode", "en": "Method notes"},
    "method.synthetic": {
        "id": "Di mana data contoh (sintetis) dipakai",
        "en": "Where demo (synthetic) data is used",
    },
    "synthetic.summary": {
        "id": "Dibaca dari gudang data: {areas} wilayah dan {measures} ukuran memuat data contoh, antara {first} dan {last}. Tabel di bawah menyebut bulan-bulannya. Matikan 'Tampilkan data contoh' di samping untuk menyembunyikan semuanya.",
        "en": "Read from the warehouse: {areas} areas and {measures} measures hold demo data, between {first} and {last}. The table names the months. Turn off 'Show demo data' in the sidebar to hide it all.",
    },
    "synthetic.none": {
        "id": "Gudang data ini tidak memuat data contoh.",
        "en": "This warehouse holds no demo data.",
    },
    "col.months": {"id": "Bulan", "en": "Months"},
    "method.build": {"id": "Status pembangunan data", "en": "Build status"},
    "method.files": {
        "id": "Berkas masukan (dengan checksum SHA-256)",
        "en": "Input files (with SHA-256 checksums)",
    },
    "method.rejected": {"id": "Baris yang ditolak", "en": "Rejected rows"},
    "method.no_rejects": {
        "id": "Tidak ada baris yang ditolak pada pembangunan terakhir.",
        "en": "No row was rejected in the last build.",
    },
    "method.warnings": {"id": "Catatan pemuatan", "en": "Load notes"},
    "method.sources_count": {
        "id": "{n} sumber, {files} berkas",
        "en": "{n} sources, {files} files",
    },
    # the same words for a count below the threshold and for its complement: saying which is
    # which would give the small one away (analytics/privacy.py)
    "missing.small_cell": {
        "id": "disamarkan (sel kecil, di bawah {limit} atau pelengkapnya)",
        "en": "withheld (small cell, below {limit} or its complement)",
    },
    "missing.no_population": {"id": "tidak ada angka penduduk", "en": "no population figure"},
    "missing.no_register": {"id": "tidak ada register UMKM", "en": "no UMKM register"},
    "missing.no_baseline": {
        "id": "tidak ada angka Jan–Feb 2020 (atau nol)",
        "en": "no Jan–Feb 2020 figure (or zero)",
    },
    "missing.rate": {"id": "tidak berlaku untuk tingkat", "en": "not for a rate"},
    "missing.no_peak": {
        "id": "tidak ada PHK tercatat sampai Desember 2020",
        "en": "no layoffs recorded by December 2020",
    },
    "missing.no_prior_month": {
        "id": "tidak ada angka adopsi bulan sebelum puncak",
        "en": "no adoption figure for the month before the peak",
    },
    "missing.after_horizon": {"id": "di luar periode data", "en": "beyond the data period"},
    "unit.per_100_umkm": {"id": "per 100 UMKM terdaftar", "en": "per 100 registered UMKM"},
    "unit.index": {"id": "indeks (Jan–Feb 2020 = 100)", "en": "index (Jan–Feb 2020 = 100)"},
    "filter.period_swapped": {
        "id": "Bulan awal setelah bulan akhir; periode dibalik.",
        "en": "The start month was after the end month; the period was swapped.",
    },
    "level.province": {"id": "Provinsi", "en": "Province"},
    "level.regency": {"id": "Kabupaten/Kota", "en": "Regency/City"},
    "level.district": {"id": "Kecamatan (Kota Tangerang)", "en": "District (Kota Tangerang)"},
    "areas.chart.title": {"id": "{metric} per wilayah", "en": "{metric} by area"},
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
    "areas.absent": {
        "id": "Tanpa angka untuk ukuran ini pada periode ini (tidak diperingkat): {areas}",
        "en": "No figure for this measure in this period (not ranked): {areas}",
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
    "title.map": {"id": "Angka terakhir per wilayah (peta)", "en": "Latest figure per area (map)"},
    "title.ranking": {"id": "Peringkat wilayah", "en": "Ranking of areas"},
    "title.monthly": {"id": "Seri bulanan per wilayah", "en": "Monthly series per area"},
    "title.conflicts": {"id": "Laporan yang berbeda", "en": "Reports that disagree"},
    "title.trend": {
        "id": "Tren PHK, dirumahkan dan UMKM masuk digital",
        "en": "Trend of layoffs, furloughs and UMKM onboarded",
    },
    "title.timeline": {
        "id": "Linimasa laporan Provinsi Banten",
        "en": "Provinsi Banten reported timeline",
    },
    "title.bases": {
        "id": "Laporan Disnaker Kota Tangerang per basis",
        "en": "Kota Tangerang labour-office reports by basis",
    },
    "title.impact": {
        "id": "Dampak vs adopsi per kecamatan",
        "en": "Impact vs adoption per kecamatan",
    },
    "title.paired": {"id": "Dua wilayah berdampingan", "en": "Two areas side by side"},
    "download.label": {"id": "Unduh data", "en": "Download data"},
    "download.csv": {
        "id": "CSV (koma, titik desimal, UTF-8)",
        "en": "CSV (comma, dot decimals, UTF-8)",
    },
    "download.csv-id": {
        "id": "CSV untuk Excel Indonesia (titik koma, koma desimal)",
        "en": "CSV for Indonesian Excel (semicolon, decimal comma)",
    },
    "download.xlsx": {
        "id": "Excel (.xlsx) dengan lembar metadata",
        "en": "Excel (.xlsx) with a metadata sheet",
    },
    "download.parquet": {"id": "Parquet", "en": "Parquet"},
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


def document(name: str, **values) -> str:
    """A longer text (ui/text/<name>.<lang>.md) in the user's language, with values filled in."""
    folder = Path(__file__).parent / "text"
    path = folder / f"{name}.{lang()}.md"
    text = (path if path.exists() else folder / f"{name}.{DEFAULT_LANG}.md").read_text(
        encoding="utf-8"
    )
    return text.format(**values)


def metric_label(row) -> str:
    """A metric's label in the current language, from a row with label_id / label_en."""
    english = getattr(row, "label_en", None)
    return english if lang() == "en" and english else row.label_id
