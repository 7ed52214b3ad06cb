"""What a printed page holds (the browser's own print, ui/print.css and ui/print.js): the map's
markers, a chart's right edge, every row of Ringkasan's tables.

Printed as in tests/browser/test_print.py: print media, redrawn at paper width, page.pdf() on A4;
the words read from the PDF, the picture from poppler's pdftoppm.
"""

import io
import shutil
import subprocess

import pypdf
import pytest
from PIL import Image

from tests.browser.dashboard import SCREENSHOTS

DPI = 100


def printed(app, tmp_path, name: str) -> tuple[list[str], list[Image.Image]]:
    """The page printed on A4: each sheet's words (lines joined) and its picture."""
    if not shutil.which("pdftoppm"):
        pytest.fail("pdftoppm (Debian's poppler-utils) is needed to look at the printed pages")
    app.page.emulate_media(media="print")
    app.page.wait_for_timeout(1500)  # Streamlit redraws at the width the sidebar leaves
    content = app.page.pdf(format="A4", print_background=True)
    pdf = tmp_path / f"{name}.pdf"
    pdf.write_bytes(content)
    text = [" ".join(p.extract_text().split()) for p in pypdf.PdfReader(io.BytesIO(content)).pages]
    subprocess.run(["pdftoppm", "-r", str(DPI), "-png", str(pdf), str(tmp_path / name)], check=True)
    pictures = sorted(tmp_path.glob(f"{name}-*.png"))
    for i, png in enumerate(pictures, start=1):
        shutil.copy(png, SCREENSHOTS / f"print-{name}-{i}.png")
    return text, [Image.open(p).convert("RGB") for p in pictures]


def reddish(pixel: tuple[int, int, int]) -> bool:
    """A colour of the map's OrRd scale (pale orange to dark red): red well above blue. Black
    text, grey lines and white paper are not."""
    r, g, b = pixel
    return r - b > 60


def test_the_map_prints_its_markers(open_app, tmp_path):
    """The default Wilayah map: Banten's four kab/kota as markers coloured by PHK. On paper the
    colour bar (drawn by Plotly in SVG) printed, and above it the map (maplibre's WebGL canvas)
    was white. The band above the colour bar holds the markers: the darkest (Kabupaten Serang,
    15.985 PHK, the top of the scale) is about 40 px across on screen, so thousands of reddish
    pixels at 100 dpi; a blank map has none there."""
    _, pictures = printed(open_app("/wilayah"), tmp_path, "wilayah")
    for picture in pictures:
        width, height = picture.size
        pixels = picture.load()
        rows = [sum(reddish(pixels[x, y]) for x in range(width)) for y in range(height)]
        # the colour bar: a row of reddish pixels across most of the sheet's width (the chosen
        # areas' red tags, on the first sheet, take half of it)
        bar = next((y for y, n in enumerate(rows) if n > 0.65 * width), None)
        if bar is not None:
            break
    assert bar is not None, "no colour bar printed"
    # the map over it: 398 CSS px high, 415 px at 100 dpi (96 CSS px to the inch) on a page
    # printed at full size; its lowest 20 px are the bar's title
    band = rows[max(0, bar - 400) : bar - 20]
    assert sum(band) > 1000, (bar, sum(band))


def test_ringkasan_trend_keeps_its_right_edge_on_a4(open_app, tmp_path):
    """Drawn at the screen's width, the trend was wider than A4 and lost its right side on
    paper: the right axis' ticks (UMKM onboarded, 0 to 5.000 in steps of 1.000:
    tests/browser/test_chart_defects.py) and the label of the last policy period (PPKM, cut to
    "PP"). The axis ends with December 2022, the horizon: its year ticks are 2020 to 2022."""
    text, _ = printed(open_app("/"), tmp_path, "ringkasan-trend")
    words = " ".join(text)
    assert "2020 2021 2022" in words
    assert "0 1.000 2.000 3.000 4.000 5.000" in words
    assert "PPKM" in words


# Kota Tangerang's reports (data/raw/kabkota_labour.csv, area 36.71), as each table's rows print:
# date, figure. The workplace basis: 9 and 17 April 2020 (PHK, dirumahkan, companies reporting),
# 5 May 2020 (the same three and Apindo's estimate), "2020" with no exact date (PHK, dirumahkan),
# 6 July 2020 (PHK + dirumahkan, companies). The KTP-resident basis: 5 May, "2020" (two), 6 July
# (two). The table's last column, "Catatan" (note), is the one a cut table loses.
WORKPLACE = [
    "9 April 2020 3.042 pekerja",
    "9 April 2020 651 pekerja",
    "9 April 2020 53 perusahaan",
    "17 April 2020 3.888 pekerja",
    "17 April 2020 757 pekerja",
    "17 April 2020 59 perusahaan",
    "5 Mei 2020 6.023 pekerja",
    "5 Mei 2020 1.174 pekerja",
    "5 Mei 2020 67 perusahaan",
    "5 Mei 2020 ± 8.000 pekerja",
    "2020 (tanggal pasti tidak disebut) 6.023 pekerja",
    "2020 (tanggal pasti tidak disebut) 1.971 pekerja",
    "6 Juli 2020 8.207 pekerja",
    "6 Juli 2020 72 perusahaan",
]
KTP = [
    "5 Mei 2020 931 pekerja",
    "2020 (tanggal pasti tidak disebut) 677 pekerja",
    "2020 (tanggal pasti tidak disebut) 460 pekerja",
    "6 Juli 2020 808 pekerja",
    "6 Juli 2020 460 pekerja",
]


def test_ringkasan_tables_print_every_row_and_column(open_app, tmp_path):
    """A grid (st.dataframe) is a canvas with a scroll of its own: on paper it showed its first
    screenful, its last columns cut at the paper's edge, and none of its words were text."""
    text, _ = printed(open_app("/"), tmp_path, "ringkasan-tables")
    words = " ".join(text)
    start = words.index("Kota Tangerang: laporan Disnaker, dua basis dipisah")
    kota = words[start:]
    ktp = kota.index("Basis KTP")
    for row in WORKPLACE:
        assert row in kota[:ktp], row
    for row in KTP:
        assert row in kota[ktp:], row
    assert kota.count("Catatan") == 2  # the last column's header, in both tables
    # Banten's timeline (banten_province_labour.csv): its last report, 26 July 2021, with its
    # source in the last column
    assert "26 Juli 2021 ± 19.000 pekerja — — bantenraya.com" in words
