"""What a browser test does on the dashboard, in one place: open a page and wait until Streamlit
has finished (script run over, no stale element, every visible chart drawn), read what is on
screen, use the sidebar and the filters, read the Plotly figures, download files, take
screenshots. Selectors are the data-testid attributes Streamlit renders (stSidebarNav,
stSelectbox, stMultiSelect, stPlotlyChart, stDownloadButton, stDataFrame, stAlert, ...)."""

import re
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import TimeoutError as PlaywrightTimeout

SCREENSHOTS = Path(__file__).parent / "screenshots"
VIEWPORTS = {
    "desktop": {"width": 1366, "height": 900},
    "phone": {"width": 390, "height": 844},
}
# sidebar title -> URL path (ui/router.py: PAGES; the default page is the bare URL)
PAGES = {
    "Ringkasan": "/",
    "Wilayah": "/wilayah",
    "Dampak vs Adopsi": "/dampak_adopsi",
    "Data": "/data",
    "Sumber & Metode": "/sumber_metode",
    "Unggah data": "/unggah",
    "Log audit": "/log_audit",  # pengelola only: the suite's server runs without sign-in
}
# what the router shows instead of a trace when a page fails (ui/router.py: page_error)
ROUTER_ERROR = re.compile(r"kode kesalahan|error code", re.IGNORECASE)

# Counts the script runs the page has finished, from the messages the server sends: every run
# ends with a ForwardMsg whose field 6 (script_finished, streamlit/proto/ForwardMsg.proto) is set,
# so that after a click a test waits for the run that click started, not for the one before it.
# Counting stApp's data-test-script-state turning "running" missed runs: when a run's first and
# last messages reach the browser together, React draws only the last state ("notRunning"), and
# a test waited a minute for a run that had ended (seen on a loaded machine). A run cut short
# for a rerun (status 2, FINISHED_EARLY_FOR_RERUN) is not counted: the rerun's end is.
RUN_COUNTER = """
(() => {
  window.__pulihRuns = 0;
  const Native = window.WebSocket;
  const varint = (bytes, i) => {
    let value = 0, shift = 0, byte;
    do { byte = bytes[i++]; value += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
    return [value, i];
  };
  const finished = (data) => {  // the top-level fields of one ForwardMsg, read until field 6
    const bytes = new Uint8Array(data);
    let i = 0;
    while (i < bytes.length) {
      let key, n;
      [key, i] = varint(bytes, i);
      const field = Math.floor(key / 8), wire = key & 7;
      if (wire === 0) {
        [n, i] = varint(bytes, i);
        if (field === 6) return n !== 2;
      } else if (wire === 2) { [n, i] = varint(bytes, i); i += n; }
      else if (wire === 1) i += 8;
      else if (wire === 5) i += 4;
      else return false;
    }
    return false;
  };
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      // added before Streamlit's own listener: counted before the page shows the run's end
      this.addEventListener('message', (e) => {
        if (e.data instanceof ArrayBuffer && finished(e.data)) window.__pulihRuns += 1;
      });
    }
  };
})();
"""

# Visible text of an element, without the names of Material icons (their ligatures are text:
# "download", "expand_more") and without what is hidden (inactive tabs, closed popovers).
VISIBLE_TEXT = """
(root) => {
  const out = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const el = node.parentElement;
    if (!el || !node.textContent.trim()) continue;
    if (el.closest('[data-testid="stIconMaterial"], [data-testid="stIconEmoji"], style, script'))
      continue;
    if (!el.checkVisibility({visibilityProperty: true, opacityProperty: false})) continue;
    out.push(node.textContent.trim());
  }
  return out.join('\\n');
}
"""

# Every piece of text one Plotly chart draws (titles, ticks, legend, annotations, point labels),
# with what a reader sees of it: its words, its computed size and colour, its box on the page;
# and the box of the whole chart, to tell a text that is cut off from one that fits.
CHART_TEXTS = """
(key) => {
  const holder = document.querySelector(`.st-key-${key} .js-plotly-plot`);
  if (!holder) return null;
  const svg = holder.querySelector('.main-svg').getBoundingClientRect();
  const kind = el => {
    for (const [name, selector] of [
      ['title', '.g-gtitle'], ['legend', '.legend'], ['xtick', '.xtick'], ['ytick', '.ytick'],
      ['xtitle', '[class*="g-x"][class*="title"]'], ['ytitle', '[class*="g-y"][class*="title"]'],
      ['annotation', '.annotation'], ['point', '.textpoint'],
    ]) if (el.closest(selector)) return name;
    return 'other';
  };
  const texts = [...holder.querySelectorAll('text')].filter(t => t.textContent.trim()).map(t => {
    const box = t.getBoundingClientRect();
    const style = getComputedStyle(t);
    return {
      kind: kind(t), text: t.textContent.trim(), size: parseFloat(style.fontSize),
      fill: style.fill, box: {x: box.x, y: box.y, width: box.width, height: box.height},
      shown: box.width > 0 && box.height > 0 && style.visibility !== 'hidden'
        && style.opacity !== '0',
    };
  });
  return {box: {x: svg.x, y: svg.y, width: svg.width, height: svg.height}, texts};
}
"""

# Every Plotly figure on the page, as drawn: its data and layout, and each axis's tick labels
# with their values (what a reader sees on the axis).
FIGURES = """
() => [...document.querySelectorAll('[data-testid="stPlotlyChart"] .js-plotly-plot')].map(gd => {
  const full = gd._fullLayout || {};
  const axes = {};
  for (const [name, axis] of Object.entries(full)) {
    if (!/^[xy]axis\\d*$/.test(name) || !axis || !axis._vals) continue;
    axes[name] = {
      ticks: axis._vals.map(v => ({value: v.x, text: v.text})),
      range: axis.range, side: axis.side, overlaying: axis.overlaying || null,
      domain: axis.domain, anchor: axis.anchor, title: axis.title && axis.title.text,
      tickfont: axis.tickfont, type: axis.type, visible: axis.visible,
      showticklabels: axis.showticklabels,
    };
  }
  const strip = t => JSON.parse(JSON.stringify(t, (k, v) => k.startsWith('_') ? undefined : v));
  const box = gd.getBoundingClientRect();
  return {
    key: (gd.closest('[class*="st-key-"]') || {className: ''}).className.match(/st-key-(\\S+)/)?.[1]
      || null,
    data: strip(gd.data || []),
    layout: strip(gd.layout || {}),
    axes,
    paper_bgcolor: full.paper_bgcolor, plot_bgcolor: full.plot_bgcolor,
    font: full.font, colorbars: [...gd.querySelectorAll('.colorbar .cbaxis text, .cbaxis text')]
      .map(t => t.textContent),
    visible: box.width > 0 && box.height > 0,
    width: box.width, height: box.height,
  };
})
"""


@dataclass
class Download:
    button: str
    name: str
    content: bytes


class Dashboard:
    def __init__(self, page, base: str, viewport: str = "desktop"):
        self.page = page
        self.base = base
        self.viewport = viewport
        page.add_init_script(RUN_COUNTER)
        page.set_default_timeout(30_000)

    # --- opening and waiting ---------------------------------------------------------------

    def open(self, path: str = "/", wait: bool = True) -> "Dashboard":
        url = path if path.startswith("http") else self.base + path
        self.page.goto(url)
        if wait:
            self.wait()
        return self

    def runs(self) -> int:
        return self.page.evaluate("() => window.__pulihRuns || 0")

    def wait(self, after_runs: int | None = None, timeout: float = 60) -> None:
        """Until the script has run (more than `after_runs` times, when given) and finished, no
        element is stale and every visible chart is drawn."""
        self.page.wait_for_function(
            """(after) => {
              const app = document.querySelector('[data-testid="stApp"]');
              if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
              if (after !== null && (window.__pulihRuns || 0) <= after) return false;
              if (document.querySelector('[data-stale="true"], [data-testid="stSkeleton"]'))
                return false;
              const main = document.querySelector('[data-testid="stMain"]');
              if (!main || !main.querySelector('h1')) return false;
              for (const chart of document.querySelectorAll('[data-testid="stPlotlyChart"]')) {
                if (!chart.checkVisibility()) continue;
                const gd = chart.querySelector('.js-plotly-plot');
                if (!gd || !gd._fullLayout || !gd.querySelector('.main-svg')) return false;
              }
              return true;
            }""",
            arg=after_runs,
            timeout=timeout * 1000,
            polling=100,
        )
        time.sleep(0.3)  # plotly's last relayout, the URL written back by the run

    def act(self, action, timeout: float = 60) -> None:
        """Do something that reruns the script (a click, a choice), then wait for that run."""
        before = self.runs()
        action()
        self.wait_for_run(before, timeout)

    def wait_for_run(self, before: int, timeout: float = 60) -> None:
        """wait(after_runs=before); when it times out, say what the page was doing and keep its
        picture."""
        try:
            self.wait(after_runs=before, timeout=timeout)
        except PlaywrightTimeout as e:
            state = self.page.evaluate(
                """() => [document.querySelector('[data-testid="stApp"]')
                          ?.getAttribute('data-test-script-state'), window.__pulihRuns,
                          document.querySelectorAll('[data-stale="true"]').length,
                          document.querySelectorAll('[data-testid="stSkeleton"]').length,
                          location.pathname,
                          document.querySelector('[data-testid="stMain"] h1')?.innerText]"""
            )
            shot = self.screenshot(f"timeout-{self.path.strip('/') or 'ringkasan'}")
            raise AssertionError(
                f"no finished run after {before} runs: [state, runs, stale, skeletons, path, h1]"
                f" = {state}; {shot}"
            ) from e

    # --- where we are ------------------------------------------------------------------------

    @property
    def path(self) -> str:
        return urlsplit(self.page.url).path

    @property
    def query(self) -> dict[str, list[str]]:
        return parse_qs(urlsplit(self.page.url).query)

    def param(self, key: str) -> str | None:
        values = self.query.get(key)
        return values[0] if values else None

    # --- reading -----------------------------------------------------------------------------

    def text(self, selector: str = '[data-testid="stMain"]') -> str:
        """The visible text of the page's main area (or of `selector`), icons left out."""
        return self.page.locator(selector).first.evaluate(VISIBLE_TEXT)

    def text_of(self, locator) -> str:
        """The visible text of one element, icons left out."""
        return locator.evaluate(VISIBLE_TEXT)

    def sidebar_text(self) -> str:
        return self.text('[data-testid="stSidebar"]')

    def title(self) -> str:
        return self.page.locator('[data-testid="stMain"] h1').first.inner_text().strip()

    def alerts(self) -> list[str]:
        return [
            a.inner_text()
            for a in self.page.locator('[data-testid="stMain"] [data-testid="stAlert"]').all()
            if a.is_visible()
        ]

    def failures(self) -> list[str]:
        """What a broken page shows: Streamlit's exception box, a traceback, the router's error,
        Streamlit's own "Page not found" dialog (English, over a page that did open)."""
        found = []
        for box in self.page.locator('[data-testid="stException"]').all():
            found.append("stException: " + box.inner_text()[:500])
        body = self.page.locator("body").inner_text()
        if "Traceback (most recent call last)" in body:
            found.append("a traceback is on the page")
        for alert in self.page.locator('[data-testid="stAlert"]').all():
            if ROUTER_ERROR.search(alert.inner_text()):
                found.append("the router's error: " + alert.inner_text())
        for dialog in self.page.locator('[role="dialog"]').all():
            if "Page not found" in dialog.inner_text():
                found.append("Streamlit's dialog: " + dialog.inner_text()[:200])
        return found

    def figures(self) -> list[dict]:
        return self.page.evaluate(FIGURES)

    def figure(self, key: str) -> dict:
        """The figure of the chart drawn with st.plotly_chart(key=...)."""
        for figure in self.figures():
            if figure["key"] == key:
                return figure
        keys = [f["key"] for f in self.figures()]
        raise AssertionError(f"no chart {key!r} on {self.path}: {keys}")

    def chart_texts(self, key: str) -> dict:
        """The text the chart drawn with st.plotly_chart(key=...) shows, and the chart's box."""
        found = self.page.evaluate(CHART_TEXTS, key)
        if found is None:
            raise AssertionError(f"no chart {key!r} on {self.path}")
        return found

    def table_shape(self, index: int = 0, within: str = '[data-testid="stMain"]') -> tuple:
        """(rows, columns) of the index-th st.dataframe, from the grid's ARIA counts (the grid is
        drawn on a canvas; its accessible table carries the counts, header row included)."""
        grid = self.page.locator(f'{within} [data-testid="stDataFrame"]').nth(index)
        table = grid.locator("table").first
        table.wait_for(state="attached")
        rows = int(table.get_attribute("aria-rowcount") or 0) - 1
        columns = int(table.get_attribute("aria-colcount") or 0)
        return rows, columns

    def table_headers(self, index: int = 0) -> list[str]:
        """The headers of the columns the grid has drawn, waited for as table_cells waits for
        its rows (the grid writes them a moment after the page's run has ended)."""
        grid = self.page.locator('[data-testid="stMain"] [data-testid="stDataFrame"]').nth(index)
        try:
            grid.locator("table thead th").first.wait_for(state="attached", timeout=5_000)
        except PlaywrightTimeout:
            return []
        return [h.strip() for h in grid.locator("table thead th").all_inner_texts()]

    def table_cells(self, index: int = 0) -> list[list[str]]:
        """The rows the grid has drawn (the first screenful), as text. The grid writes its rows a
        moment after the page's run has ended: the first row is waited for (an empty table has
        none, so an empty answer comes after the wait)."""
        grid = self.page.locator('[data-testid="stMain"] [data-testid="stDataFrame"]').nth(index)
        try:
            grid.locator("table tbody tr").first.wait_for(state="attached", timeout=5_000)
        except PlaywrightTimeout:
            return []
        return [
            [c.strip() for c in row.locator("td").all_inner_texts()]
            for row in grid.locator("table tbody tr").all()
        ]

    # --- the sidebar ---------------------------------------------------------------------------

    def go(self, title: str) -> None:
        """Click a page in the sidebar navigation (on a phone the sidebar is opened first)."""
        nav = self.page.locator('[data-testid="stSidebarNav"]')
        if not nav.is_visible():
            self.page.locator(
                '[data-testid="stExpandSidebarButton"], [data-testid="stSidebarCollapsedControl"] '
                "button"
            ).first.click()
        link = nav.locator(
            '[data-testid="stSidebarNavLink"]', has=self.page.get_by_text(title, exact=True)
        ).first
        # where the link leads, from its own address: a page's English title is not in PAGES,
        # and without a target a click the app did not take was never made again
        href = link.get_attribute("href")
        target = urlsplit(href).path if href else PAGES.get(title)
        before = self.runs()
        link.click()
        if target is not None and self.path != target:
            # the client changes the URL before the page's run starts: a click the app did not
            # take (it can land while the previous page is still settling) is made once more
            try:
                self.page.wait_for_url(lambda url: urlsplit(url).path == target, timeout=5000)
            except Exception:
                link.click()
        self.wait_for_run(before)

    # --- filters -------------------------------------------------------------------------------

    def _widget(self, testid: str, label: str):
        return self.page.locator(
            f'[data-testid="{testid}"]', has=self.page.get_by_label(label, exact=True)
        ).first

    def selectbox_value(self, label: str) -> str:
        return self.page.get_by_role("combobox", name=label, exact=True).first.input_value()

    def choose(self, label: str, option: str) -> None:
        """Pick `option` (its label as shown) in the selectbox labelled `label`."""
        box = self.page.get_by_role("combobox", name=label, exact=True).first
        self._open_menu(box, option)
        self.act(self.page.get_by_role("option", name=option, exact=True).first.click)
        self.page.keyboard.press("Escape")

    def _open_menu(self, box, option: str) -> None:
        """Open a selectbox's menu; a click that scrolls the box into view can leave it shut, so
        the arrow key opens it then."""
        wanted = self.page.get_by_role("option", name=option, exact=True).first
        box.click()
        try:
            wanted.wait_for(state="visible", timeout=3000)
        except Exception:
            box.press("ArrowDown")
            wanted.wait_for(state="visible", timeout=10000)

    def multiselect_values(self, label: str) -> list[str]:
        widget = self.page.locator(
            '[data-testid="stMultiSelect"]', has=self.page.get_by_role("combobox", name=label)
        ).first
        # each chosen option is a tag named by the option (the group around them is named by the
        # page's language: "Nilai terpilih", ui/streamlit_words.py)
        return [t.get_attribute("aria-label") for t in widget.locator("[data-tag]").all()]

    def multiselect_add(self, label: str, option: str) -> None:
        box = self.page.get_by_role("combobox", name=label, exact=True).first
        box.click()
        self.act(self.page.get_by_role("option", name=option, exact=True).first.click)
        self.page.keyboard.press("Escape")

    def multiselect_remove(self, label: str, option: str) -> None:
        widget = self.page.locator(
            '[data-testid="stMultiSelect"]', has=self.page.get_by_role("combobox", name=label)
        ).first
        # "Hapus PHK" on an Indonesian page, "Remove PHK" on an English one (ui/streamlit_words.py)
        name = re.compile(rf"^(Hapus|Remove) {re.escape(option)}$")
        self.act(widget.get_by_role("button", name=name).click)

    def radio(self, label: str, option: str) -> None:
        group = self.page.get_by_role("radiogroup", name=label).first
        self.act(group.get_by_text(option, exact=True).click)

    def radio_value(self, label: str) -> str | None:
        group = self.page.get_by_role("radiogroup", name=label).first
        for option in group.get_by_role("radio").all():
            if option.is_checked():
                return option.evaluate("e => e.closest('label').innerText.trim()")
        return None

    def toggle_value(self, label: str) -> bool:
        return self.page.get_by_role("switch", name=label, exact=True).first.is_checked()

    def toggle(self, label: str) -> None:
        """Click the switch as a person does: on its label (the input itself is visually hidden)."""
        box = self.page.get_by_role("switch", name=label, exact=True).first
        widget = self.page.locator('[data-testid="stCheckbox"]', has=box).first
        self.act(widget.locator("label").first.click)

    def slider_value(self, label: str) -> str:
        return self.page.get_by_role("slider", name=label).first.get_attribute("aria-valuenow")

    def slide(self, label: str, steps: int) -> None:
        thumb = self.page.get_by_role("slider", name=label).first
        thumb.focus()
        key = "ArrowRight" if steps > 0 else "ArrowLeft"

        def press():
            for _ in range(abs(steps)):
                thumb.press(key)

        self.act(press)

    def _parts(self):
        """The row of buttons that picks the part of a page shown (Wilayah draws one part at a
        time: a segmented control, a radio group to assistive technology)."""
        return self.page.locator('[data-testid="stMain"] [data-testid="stButtonGroup"]').first

    def tab(self, name: str) -> None:
        """Open the part of the page named `name` (a click on its button, unless it is open)."""
        option = self._parts().get_by_role("radio", name=name, exact=True)
        if option.get_attribute("aria-checked") != "true":
            before = self.runs()
            option.click()
            try:
                self.wait(after_runs=before, timeout=15)
            except Exception:
                # a click that lands while the page is still settling is not taken (no run
                # follows, as with the sidebar's links): made once more, as a person would
                if option.get_attribute("aria-checked") != "true":
                    self.act(option.click)
                else:
                    self.wait(timeout=60)
        assert self.tab_value() == name, (name, self.tab_value())

    def tab_value(self) -> str | None:
        """The name of the part of the page shown."""
        for option in self._parts().get_by_role("radio").all():
            if option.get_attribute("aria-checked") == "true":
                return option.inner_text().strip()
        return None

    # --- downloads -----------------------------------------------------------------------------

    def popovers(self) -> list:
        """The "Unduh data" popover buttons visible on the page, top to bottom."""
        return [
            b
            for b in self.page.locator(
                '[data-testid="stMain"] [data-testid="stPopover"] button'
            ).all()
            if b.is_visible()
        ]

    def download_all(self, popover) -> list[Download]:
        """Every file offered in one "Unduh data" popover, each button clicked in turn."""
        files = []
        popover.click()
        body = self.page.locator('[data-testid="stPopoverBody"]').last
        body.wait_for(state="visible")
        buttons = body.locator('[data-testid="stDownloadButton"]').all()
        names = [b.inner_text().strip() for b in buttons]
        for name in names:
            if not body.is_visible():
                popover.click()
                body = self.page.locator('[data-testid="stPopoverBody"]').last
                body.wait_for(state="visible")
            button = body.locator('[data-testid="stDownloadButton"] button', has_text=name).first
            with self.page.expect_download(timeout=60_000) as info:
                button.click()
            download = info.value
            content = Path(download.path()).read_bytes()
            files.append(Download(name, download.suggested_filename, content))
            self.page.keyboard.press("Escape")
            self.wait()
        return files

    # --- pictures ------------------------------------------------------------------------------

    def text_box(self, text: str, shot: str) -> dict:
        """Where the first visible element holding `text` lies once scrolled into view: its left
        and right edge in the viewport, and whether it cuts its own text off (`cut`: its text is
        wider than its box). A grid keeps its cells' text in a hidden table of its own, so the
        element must be visible. The page's picture goes to SCREENSHOTS/<shot>-<viewport>.png."""
        # the first shown: a table shown whole or stacked holds the text twice, one hidden
        element = self.page.get_by_text(text, exact=False).locator("visible=true").first
        assert element.is_visible(), f"{text!r} is not shown as text"
        element.scroll_into_view_if_needed()
        box = element.evaluate(
            """e => {
              const r = e.getBoundingClientRect();
              return {left: r.left, right: r.right, cut: e.scrollWidth > e.clientWidth + 1};
            }"""
        )
        self.screenshot(shot)
        return box

    def screenshot(self, name: str) -> Path:
        """The whole page (Streamlit scrolls inside its main area, so the viewport is stretched to
        its height for the picture) as SCREENSHOTS/<name>-<viewport>.png."""
        slug = name.strip("/").replace("/", "_").replace("?", "_").replace("&", "_") or "ringkasan"
        target = SCREENSHOTS / f"{slug}-{self.viewport}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        size = self.page.viewport_size
        height = self.page.evaluate(
            """() => Math.max(...[...document.querySelectorAll(
                 '[data-testid="stMain"], [data-testid="stAppViewContainer"], section.main')]
                 .map(e => e.scrollHeight), document.body.scrollHeight)"""
        )
        try:
            self.page.set_viewport_size({"width": size["width"], "height": min(height, 16000)})
            self.page.wait_for_timeout(600)
            self.page.screenshot(path=str(target), full_page=True)
        finally:
            self.page.set_viewport_size(size)
            self.page.wait_for_timeout(300)
        return target
