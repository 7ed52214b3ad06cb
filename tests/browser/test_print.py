"""The browser's own print of a page (ui/print.css): nothing on paper is cut off.

On screen Streamlit scrolls inside a fixed-height main area; printed as it was, only what was in
view reached the paper (cut at the bottom), the sidebar took a part of its width, and a chart
drawn wider than the paper was cut at its edge.
Chromium prints here as a reader's Ctrl+P does: print media, then page.pdf() on A4, rendered with
poppler's pdftoppm; a page's picture is kept in tests/browser/screenshots/ for a reviewer.
"""

import io
import shutil
import subprocess

import pypdf
import pytest
from PIL import Image

from tests.browser.dashboard import PAGES, SCREENSHOTS

# what each box of the main area measures, for "is anything cut off?"
MEASURE = """
() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const block = document.querySelector('[data-testid="stMainBlockContainer"]') || main;
  const visible = s => [...document.querySelectorAll(s)].filter(e => e.checkVisibility()).length;
  return {
    main: {scrollWidth: main.scrollWidth, clientWidth: main.clientWidth,
           scrollHeight: main.scrollHeight, clientHeight: main.clientHeight},
    block: {scrollWidth: block.scrollWidth, clientWidth: block.clientWidth,
            left: block.getBoundingClientRect().left, width: block.getBoundingClientRect().width},
    // boxes around the main block that would cut it: they hide or scroll what overflows them
    clipping: (() => {
      const out = [];
      for (let e = block; e && e !== document.documentElement; e = e.parentElement) {
        const y = getComputedStyle(e).overflowY;
        if (y !== 'visible' && y !== 'clip' && e.scrollHeight > e.clientHeight + 1)
          out.push(`${e.dataset.testid || e.className || e.tagName} (${y})`);
        if (y === 'clip' && e.scrollHeight > e.clientHeight + 1) out.push(e.tagName + ' (clip)');
      }
      return out;
    })(),
    viewport: window.innerWidth,
    sidebar: visible('[data-testid="stSidebar"]'),
    buttons: visible('[data-testid="stMain"] [data-testid="stDownloadButton"], ' +
                     '[data-testid="stMain"] [data-testid="stPopover"], [data-testid="stToolbar"]'),
  };
}
"""


@pytest.mark.parametrize("path", list(PAGES.values()))
def test_print_media_hides_the_sidebar_and_clips_nothing(open_app, path):
    app = open_app(path)
    app.page.emulate_media(media="print")
    # Streamlit redraws charts and tables at the width the sidebar leaves, a moment after the
    # media changes; measure what is on paper once that is done (a first run measured the table's
    # resize handle, 10 px past the edge, only after the table had grown)
    app.page.wait_for_timeout(1500)
    found = app.page.evaluate(MEASURE)
    assert found["sidebar"] == 0, found
    assert found["buttons"] == 0, found  # no download, popover or toolbar on paper
    main, block = found["main"], found["block"]
    assert main["scrollWidth"] <= main["clientWidth"], found
    assert block["scrollWidth"] <= block["clientWidth"], found
    # nothing around the main block scrolls or hides: the whole page flows onto the paper
    assert found["clipping"] == [], found
    # and it takes the width the sidebar left (the sidebar is 15-25 % of the screen), up to the
    # paper's: A4 less 2 × 12 mm of margin is 186 mm, 186 / 25,4 × 96 = 703 CSS px
    paper = 186 / 25.4 * 96
    assert block["left"] < 0.1 * found["viewport"], found
    assert block["width"] > min(0.8 * found["viewport"], paper - 1), found
    assert block["width"] < paper + 1, found


def test_ringkasan_prints_whole_on_a4(open_app, tmp_path):
    if not shutil.which("pdftoppm"):
        pytest.fail("pdftoppm (Debian's poppler-utils) is needed to look at the printed pages")
    app = open_app("/")
    app.page.emulate_media(media="print")
    content = app.page.pdf(format="A4", print_background=True)
    reader = pypdf.PdfReader(io.BytesIO(content))
    text = [" ".join(p.extract_text().split()) for p in reader.pages]  # lines joined
    # the title on the first page; the last section (Kota Tangerang's reports, at the bottom of
    # the page) printed too, not cut off with what was out of view
    assert "Ringkasan" in text[0]
    assert any("laporan Disnaker, dua basis dipisah" in t for t in text), text
    assert len(reader.pages) >= 2
    # the trend runs to the end of the horizon (December 2022), its axis to the end of that month
    # (no tick for 2023, where no figure is): every year's tick, and the right axis' ticks (UMKM
    # onboarded, 0 to 5.000), which a chart cut at the paper's edge loses
    assert any("2020 2021 2022" in t for t in text), text
    assert any("0 1.000 2.000 3.000 4.000 5.000" in t for t in text), text
    pdf = tmp_path / "ringkasan.pdf"
    pdf.write_bytes(content)
    subprocess.run(
        ["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf),
         str(tmp_path / "page1")],
        check=True,
    )  # fmt: skip
    png = tmp_path / "page1.png"
    grey = Image.open(png).convert("L")
    histogram = grey.histogram()
    assert sum(histogram[:230]) / sum(histogram) > 0.02  # not a blank page
    shutil.copy(png, SCREENSHOTS / "print-ringkasan-page1.png")
