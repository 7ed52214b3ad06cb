"""The briefing to take away, as a reader gets it: click "Unduh ringkasan (PDF)" on Ringkasan in
Chromium, receive a one-page PDF whose link reopens the same view, and see ink on it (rendered
with poppler's pdftoppm; the picture is kept in tests/browser/screenshots/ for a reviewer)."""

import io
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest
from PIL import Image

from tests.browser.dashboard import SCREENSHOTS

BUTTON = "Unduh ringkasan (PDF)"


def download_briefing(app):
    button = app.page.locator('[data-testid="stMain"] [data-testid="stDownloadButton"] button')
    button = button.filter(has_text=BUTTON).first
    with app.page.expect_download(timeout=60_000) as info:
        button.click()
    download = info.value
    return download.suggested_filename, Path(download.path()).read_bytes()


def ink(png: Path) -> float:
    """The share of pixels that are not near white."""
    grey = Image.open(png).convert("L")
    histogram = grey.histogram()
    return sum(histogram[:230]) / sum(histogram)


def test_the_briefing_downloads_as_a_pdf_that_links_back_to_the_view(open_app, tmp_path):
    if not shutil.which("pdftoppm"):
        pytest.fail("pdftoppm (Debian's poppler-utils) is needed to look at the PDF")
    app = open_app("/?wilayah=36&kebijakan=false")  # a shared link: choices the PDF must carry
    assert (app.param("wilayah"), app.param("kebijakan")) == ("36", "false")
    app.screenshot("ringkasan-briefing")  # where the button sits on the page
    name, content = download_briefing(app)

    assert name == "pulih_ringkasan_36_id.pdf"
    assert content.startswith(b"%PDF-")
    reader = pypdf.PdfReader(io.BytesIO(content))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Dampak pada pekerja dan UMKM yang masuk digital — Provinsi Banten" in text
    assert "± 19.000 pekerja" in text  # Banten's PHK card (banten_province_labour.csv, 2021-07-26)
    links = [a.get_object()["/A"]["/URI"] for a in reader.pages[0].get("/Annots", [])]
    assert links == [app.page.url]  # the same view: this page's address and its query string

    pdf = tmp_path / "briefing.pdf"
    pdf.write_bytes(content)
    subprocess.run(
        ["pdftoppm", "-r", "50", "-png", "-singlefile", str(pdf), str(tmp_path / "briefing")],
        check=True,
    )
    png = tmp_path / "briefing.png"
    width, height = Image.open(png).size
    # A4 at 50 dpi: 595 x 842 points -> 413 x 585 pixels (poppler rounds up)
    assert (abs(width - 413), abs(height - 585)) <= (1, 1)
    # a blank page has none; text alone a few per cent; text, the chart and its shading more
    assert ink(png) > 0.05, ink(png)
    shutil.copy(png, SCREENSHOTS / "briefing-pdf.png")
