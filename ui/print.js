/* The browser's own print of a page, for what CSS alone cannot fit on paper (ui/print.css does
   the rest). Added once by ui/styles.py; it only listens for printing.

   - A chart is drawn at the width it had on screen (Plotly and Streamlit size it in pixels), and
     on A4 the paper is narrower: a desktop chart lost its right edge (the last year, the right
     axis). Before printing, each chart wider than the paper is copied, drawn at the paper's
     width; print.css puts the copy in its place on paper; the copy is removed after.
   - The map is drawn by maplibre on a WebGL canvas, which keeps no copy of its picture once it
     is on screen (preserveDrawingBuffer is off, as Plotly sets it for an interactive map), so
     it printed blank. Before printing, the map is drawn once more and copied, in the same task,
     onto an ordinary canvas over it, which prints; the copy is removed after.
   Whatever the browser does between the announcement of a print and the print itself, this
   works in the same task: the page printed is the page this leaves. */
(() => {
  if (window.__pulihPrint) return;
  window.__pulihPrint = true;
  // A4's width less the @page margins of ui/print.css (210 mm − 2 × 12 mm), in CSS pixels; a
  // letter-size page is wider, so a chart that fits A4 fits it too
  const PAPER_PX = ((210 - 2 * 12) / 25.4) * 96;
  const COPY = "pulih-print-copy";
  const MAP_COPY = "pulih-print-map";

  // A copy of a chart drawn at the paper's width, beside it, which print.css shows on paper in
  // its place. Not the chart itself: Streamlit draws that again at the width of its box on
  // screen whenever the page renders, and did so before the page was printed. Plotly draws an
  // SVG chart at once, so the copy is on the page Chromium prints.
  const copyChart = (plot, box) => {
    const copy = document.createElement("div");
    copy.className = COPY;
    box.appendChild(copy);
    const layout = { ...plot.layout, width: Math.floor(PAPER_PX) };
    window.Plotly.newPlot(copy, plot.data, layout, { staticPlot: true, displayModeBar: false });
  };

  // The map's picture, drawn once more and copied before the task ends, while the WebGL canvas
  // still holds it, onto an ordinary canvas over it. A map wider than the paper is scaled down
  // whole (it is a picture now); its box keeps the width it was drawn at.
  const copyMap = (plot, box, map) => {
    const gl = map.getCanvas();
    map.redraw();
    const copy = document.createElement("canvas");
    copy.width = gl.width;
    copy.height = gl.height;
    copy.className = MAP_COPY;
    copy.style.cssText = `position:absolute;left:0;top:0;width:${gl.clientWidth}px;`
      + `height:${gl.clientHeight}px;pointer-events:none`;
    copy.getContext("2d").drawImage(gl, 0, 0);
    gl.parentElement.appendChild(copy);
    const width = plot.getBoundingClientRect().width;
    if (width > PAPER_PX + 1) {
      box.style.width = `${width}px`;
      box.style.zoom = String(PAPER_PX / width);
      box.dataset.pulihPrintZoom = "1";
    }
  };

  // Both the print media query and beforeprint announce a print, in either order: each time,
  // the copies are made afresh from the charts as they are then.
  const before = () => {
    after();
    if (!window.Plotly) return;
    for (const plot of document.querySelectorAll('[data-testid="stPlotlyChart"] .js-plotly-plot')) {
      const box = plot.closest('[data-testid="stElementContainer"]');
      const full = plot._fullLayout;
      if (!box || !full || plot.getBoundingClientRect().width === 0) continue;  // a hidden tab
      const map = full.map && full.map._subplot && full.map._subplot.map;
      if (map) copyMap(plot, box, map);
      else if (full.width > PAPER_PX + 1) copyChart(plot, box);
    }
  };

  const after = () => {
    for (const copy of document.querySelectorAll(`.${COPY}`)) {
      if (window.Plotly) window.Plotly.purge(copy);
      copy.remove();
    }
    document.querySelectorAll(`canvas.${MAP_COPY}`).forEach((c) => c.remove());
    for (const box of document.querySelectorAll("[data-pulih-print-zoom]")) {
      box.style.zoom = "";
      box.style.width = "";
      delete box.dataset.pulihPrintZoom;
    }
  };

  window.addEventListener("beforeprint", before);
  window.addEventListener("afterprint", after);
  const media = window.matchMedia("print");
  media.addEventListener("change", (e) => (e.matches ? before() : after()));
})();
