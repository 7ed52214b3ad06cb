"""On a phone (390 px) no word of a page is broken over two lines: plain tables of four or five
columns in 356 px broke every word of their cells ("Dirumah|kan", "Kompas.c|om", "perusaha|an").
A word may still break after its own hyphen ("titik-|titiknya"), as print does. And nothing a
mayor's aide or a planner reads scrolls sideways: only the analysts' grids of Data and Sumber &
Metode (every column of a dataset, a spreadsheet's way) may be wider than the screen."""

import pytest

# Every word of the main area's text that the browser broke over two lines: each word of each
# visible text node measured with a Range; a word whose rectangles lie on more than one line was
# split. A hyphen ends a word here, so a break after it is not counted.
SPLIT_WORDS = """
(root) => {
  const split = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.parentElement.checkVisibility()) continue;
    for (const m of node.textContent.matchAll(/[^\\s\\-–]+[\\-–]?/g)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
      if (lines.size > 1) split.push(m[0]);
    }
  }
  return split;
}
"""


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/wilayah",
        "/wilayah?tab=conflicts",
        "/dampak_adopsi",
        "/data",
        "/sumber_metode",
        "/unggah",
    ],
)
def test_no_word_is_broken_on_a_phone(open_app, path):
    app = open_app(path, "phone")
    main = app.page.locator('[data-testid="stMain"]').first
    assert main.evaluate(SPLIT_WORDS) == []


def test_no_word_of_the_audit_log_is_broken_on_a_phone(open_app):
    """The log's actor ("lokal:root") broke over two lines in a column of 22 % of 356 px. A
    download first, so the log holds an event whatever ran before (Data's CSV at province
    level, as tests/browser/test_audit_phone.py does)."""
    app = open_app("/data?level=province")
    app.download_all(app.popovers()[0])
    app = open_app("/log_audit", "phone")
    main = app.page.locator('[data-testid="stMain"]').first
    assert "lokal:" in app.text()  # the event is there (the local user, no sign-in configured)
    assert main.evaluate(SPLIT_WORDS) == []


# What in the main area scrolls sideways (a grid or a row of tags wider than the screen): the
# Streamlit element it belongs to, and its scrolling and visible widths
SIDEWAYS = """main => [...main.querySelectorAll('*')].filter(e => {
  const x = getComputedStyle(e).overflowX;
  return (x === 'auto' || x === 'scroll') && e.scrollWidth > e.clientWidth + 1
    && e.checkVisibility();
}).map(e => [(e.closest('[data-testid]') || e).getAttribute('data-testid'), e.scrollWidth,
             e.clientWidth])"""


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/wilayah?tab=ranking",
        "/wilayah?level=district&tab=ranking",
        "/wilayah?tab=conflicts",
        # its table of areas was a grid of seven columns, of which a phone showed two
        "/dampak_adopsi",
        "/dampak_adopsi?lang=en",
        "/unggah",
    ],
)
def test_nothing_a_reader_reads_scrolls_sideways_on_a_phone(open_app, path):
    app = open_app(path, "phone")
    main = app.page.locator('[data-testid="stMain"]').first
    assert main.evaluate(SIDEWAYS) == []


# the chosen options' tags of a multiselect that lie outside its box (cut or scrolled away)
TAGS_OUTSIDE = """(label) => {
  const box = [...document.querySelectorAll('[data-testid="stMultiSelect"]')]
    .find(w => w.querySelector(`[aria-label="${label}"], input[aria-label="${label}"]`)
      || w.innerText.startsWith(label));
  const edge = box.querySelector('[data-testid="stMultiSelectTagsContainer"]')
    .getBoundingClientRect();
  return [...box.querySelectorAll('[data-tag]')].filter(t => {
    const r = t.getBoundingClientRect();
    return r.right > edge.right + 1 || r.left < edge.left - 1 || r.bottom > edge.bottom + 1;
  }).map(t => t.getAttribute('aria-label'));
}"""


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_every_chosen_area_is_in_view(open_app, viewport):
    """Kota Tangerang's 13 kecamatan, chosen: at 1366 px four tags showed, the fifth cut
    mid-word ("Kec. Cipo"), nothing saying eight more were chosen; on a phone two of four."""
    app = open_app("/wilayah?level=district", viewport)
    assert len(app.multiselect_values("Wilayah")) == 13  # regions_kota_tangerang.csv
    assert app.page.evaluate(TAGS_OUTSIDE, "Wilayah") == []
