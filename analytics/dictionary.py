"""The data dictionary: every metric from the catalogue (data/raw/metrics.csv, in the warehouse's
`metric` table), and every column an analyst can download, with its meaning in Indonesian and
English. A test fails when a metric or a downloadable column has no entry."""

import pandas as pd

# column -> (Bahasa Indonesia, English)
COLUMNS: dict[str, tuple[str, str]] = {
    "region_code": (
        "Kode wilayah Kemendagri (36 Banten, 36.71 Kota Tangerang, 36.71.05 Kec. Cipondoh)",
        "Kemendagri area code",
    ),
    "region_name": ("Nama wilayah", "Area name"),
    "level": (
        "Tingkat wilayah: country, province, regency (kabupaten/kota), district (kecamatan)",
        "Area level",
    ),
    "ref_date": (
        "Tanggal angka itu berlaku (per tanggal), sebagaimana dilaporkan",
        "The date the figure is as of, as reported",
    ),
    "date_precision": (
        "Ketelitian tanggal: day, month, atau year (tanggal pasti tidak disebut)",
        "Date precision: day, month or year (exact date not given)",
    ),
    "metric": ("Kode ukuran (lihat kamus ukuran)", "Measure code (see the measure dictionary)"),
    "metric_label": ("Nama ukuran", "Measure name"),
    "value": ("Angka; lihat unit dan qualifier", "The figure; see unit and qualifier"),
    "unit": ("Satuan angka", "Unit of the figure"),
    "qualifier": (
        "exact, approx (±), at_least (≥), more_than (>) — sebagaimana dilaporkan",
        "exact, approx, at_least, more_than — as reported",
    ),
    "basis": (
        "Basis: workplace (tempat kerja), ktp_kota_tangerang (warga ber-KTP), resident, register",
        "Basis: workplace, KTP residents, resident, register",
    ),
    "statement_by": ("Pejabat yang menyampaikan angka", "Official who gave the figure"),
    "outlet": ("Media atau lembaga yang memuat angka", "Outlet that published the figure"),
    "url": ("Alamat sumber", "Source URL"),
    "published": ("Tanggal terbit sumber", "Publication date of the source"),
    "synthetic": (
        "True bila data contoh buatan (sintetis), bukan data resmi",
        "True for synthetic demo data, not official",
    ),
    "superseded": (
        "True bila rilis yang lebih baru dari seri yang sama melaporkan ulang angka ini",
        "True when a later release of the same series re-reported this figure",
    ),
    "note": ("Catatan dari sumber atau penyusun", "Note from the source or compiler"),
    "source_id": ("Kode sumber di tabel source", "Source id in the source table"),
    "month": ("Bulan (tanggal 1)", "Month (its first day)"),
    "as_of_date": (
        "Tanggal laporan yang dipakai untuk bulan itu (laporan terakhir pada/sebelum bulan itu)",
        "Date of the report used for the month (latest in or before it)",
    ),
    "age_months": (
        "Umur laporan dalam bulan (0 = dilaporkan bulan itu)",
        "Age of the report in months",
    ),
    "method": (
        "reported (dilaporkan bulan itu), carried_forward (dibawa dari laporan sebelumnya; hanya stok kumulatif), sum_of_parts (PHK + dirumahkan dari kedua bagiannya pada tanggal yang sama) atau sum_of_children (jumlah semua anak wilayah yang melapor untuk tanggal yang sama)",
        "reported (reported that month), carried_forward (from an earlier report; cumulative stocks only), sum_of_parts (PHK + dirumahkan from both parts of the same date) or sum_of_children (sum of all child areas reporting for the same date)",
    ),
    "derivation": (
        "Asal angka: as_reported (seperti dilaporkan), sum_of_parts atau sum_of_children; tetap tercatat saat dibawa ke bulan berikutnya",
        "Where the figure comes from: as_reported, sum_of_parts or sum_of_children; kept when carried forward",
    ),
    "conflict": (
        "True bila laporan lain berbeda dengan angka ini (sumber lain pada tanggal yang hampir sama, perkiraan lain, atau total di bawah bagiannya); lihat tab Laporan berbeda di halaman Wilayah",
        "True when another report disagrees with this figure (another source on nearly the same date, another estimate, or a total below its part); see Reports that disagree on the Areas page",
    ),
    "population": (
        "Penduduk tetap untuk per kapita (SP2020 bila ada)",
        "Fixed population for per-capita rates (SP2020 where known)",
    ),
    "population_year": ("Tahun angka penduduk", "Year of the population figure"),
    "population_basis": (
        "Dasar angka penduduk (SP2020, turunan, proyeksi)",
        "Basis of the population figure",
    ),
    "sources": ("Sumber angka (media dan alamat)", "Sources (outlet and URL)"),
    "registered": (
        "UMKM terdaftar sampai akhir bulan (register); kosong bila disamarkan (registered_suppressed)",
        "UMKM registered by the end of the month; empty when withheld (registered_suppressed)",
    ),
    "onboarded": (
        "UMKM yang sudah masuk platform digital sampai akhir bulan; kosong bila disamarkan (onboarded_suppressed)",
        "UMKM onboarded to digital by the end of the month; empty when withheld (onboarded_suppressed)",
    ),
    "registered_suppressed": (
        "True bila jumlah terdaftar disamarkan: di bawah ambang sel kecil, atau kecamatan terkecil lain yang disamarkan agar selisih dengan total kota tidak membukanya",
        "True when the registered count is withheld: below the small-cell threshold, or a smallest sibling withheld so that the city total minus the others does not give it back",
    ),
    "onboarded_suppressed": (
        "True bila jumlah yang masuk digital disamarkan (aturan yang sama)",
        "True when the onboarded count is withheld (same rule)",
    ),
    "adoption_rate": (
        "onboarded / registered, wilayah dan bulan yang sama (0–1); kosong bila dari sel kecil",
        "onboarded / registered, same area and month (0-1); empty when from a small cell",
    ),
}


def columns(lang: str = "id") -> pd.DataFrame:
    index = 0 if lang == "id" else 1
    return pd.DataFrame(
        [(name, text[index]) for name, text in COLUMNS.items()], columns=["column", "meaning"]
    )
