"""A click on a Wilayah map marker opens the level below, as a click on a ranking row does, and
the URL follows: a copied link opens the drilled view in a fresh browser.

Expected values from data/raw/regions_banten.csv and regions_kota_tangerang.csv: Kota Tangerang
is 36.71 and has the 13 kecamatan 36.71.01 … 36.71.13."""

from tests.browser.plotly import values

LEVEL = "Tingkat wilayah"

# Where a marker of the map is on the page: maplibre's own projection of its lon/lat into the
# map's container, plus the container's box (Plotly draws scattermap markers on maplibre's canvas,
# so they have no element of their own to click).
MARKER_AT = """([key, code]) => {
  const gd = document.querySelector(`.st-key-${key} .js-plotly-plot`);
  const full = gd._fullLayout;
  const map = full.map._subplot.map;
  for (const trace of gd._fullData) {  // decoded arrays (gd.data may hold base64 specs)
    const codes = trace.customdata || [];
    const i = Array.from(codes).findIndex(c => (Array.isArray(c) ? c[0] : c) === code);
    if (i < 0 || !trace.marker || !trace.marker.showscale) continue;
    const point = map.project([trace.lon[i], trace.lat[i]]);
    const box = map.getContainer().getBoundingClientRect();
    return {x: box.left + point.x, y: box.top + point.y};
  }
  return null;
}"""


# maplibre has drawn the map and is not moving it (a click during its first fit lands elsewhere)
MAP_SETTLED = """(key) => {
  const gd = document.querySelector(`.st-key-${key} .js-plotly-plot`);
  const map = gd && gd._fullLayout.map && gd._fullLayout.map._subplot.map;
  return Boolean(map && map.loaded() && !map.isMoving());
}"""


def marker_at(app, code: str) -> dict:
    """Where the area's coloured marker is once maplibre has settled. Waited for, not read once:
    under load Plotly can be between two drawings of the figure (its data not yet decoded) when
    the map itself already reports settled."""
    try:
        found = app.page.wait_for_function(
            f"([key, code]) => ({MAP_SETTLED})(key) && ({MARKER_AT})([key, code])",
            arg=["areas_map", code],
            timeout=30_000,
        )
    except Exception:
        app.screenshot(f"no_marker_{code}")
        raise AssertionError(f"no coloured marker for {code} on a settled map in 30 s") from None
    return found.json_value()


def click_marker(app, code: str) -> None:
    # the map sits below the filters: scrolled into view, or the pointer lands off screen
    app.page.locator(".st-key-areas_map").scroll_into_view_if_needed()
    before = app.runs()
    for attempt in range(2):
        at = marker_at(app, code)
        app.page.mouse.move(at["x"], at["y"])
        app.page.wait_for_timeout(300)  # Plotly picks the point under the pointer on hover
        app.page.mouse.click(at["x"], at["y"])
        try:
            # a person whose click did not take clicks again: once, and the second must work
            app.wait(after_runs=before, timeout=15 if attempt == 0 else 60)
            return
        except Exception:
            if attempt == 1:
                raise


def click_ranking_row(app, row: int) -> None:
    """Tick the row's selection box (the grid is drawn on a canvas: rows of 35 px under a header
    of 35 px, the box in the first 28 px)."""
    app.tab("Peringkat")
    grid = app.page.locator('[data-testid="stMain"] [data-testid="stDataFrame"]').first
    grid.scroll_into_view_if_needed()
    app.page.wait_for_timeout(300)
    box = grid.locator("canvas").first.bounding_box()
    app.act(lambda: app.page.mouse.click(box["x"] + 14, box["y"] + 35 * (row + 1) + 17))


def kecamatan_on_map(app) -> set[str]:
    coloured = [
        t for t in app.figure("areas_map")["data"] if (t.get("marker") or {}).get("showscale")
    ]
    return {code for t in coloured for code in values(t.get("customdata"))}


def test_a_marker_click_drills_down_and_the_url_follows(open_app):
    app = open_app("/wilayah")
    assert app.radio_value(LEVEL) == "Kabupaten/Kota"
    click_marker(app, "36.71")  # Kota Tangerang
    app.screenshot("after_map_click")
    assert app.radio_value(LEVEL) == "Kecamatan"
    drilled = kecamatan_on_map(app)
    assert drilled and all(c.startswith("36.71.") for c in drilled), drilled
    # the URL names the drilled view, as a ranking row's click writes it
    assert app.param("level") == "district"
    assert app.param("induk") in (None, "36.71")  # Kota Tangerang is induk's default
    url = app.page.url

    # the ranking's row for the same area writes the same URL (Kota Tangerang is the ranking's
    # third row: 15.985, 14.910, 6.023, 1.582 PHK, the latest reports in regions' sources)
    ranked = open_app("/wilayah")
    click_ranking_row(ranked, 2)
    assert ranked.radio_value(LEVEL) == "Kecamatan"
    # (the ranking stays the part shown there, so its link also says tab=ranking)
    assert ranked.param("tab") == "ranking"
    assert {k: v for k, v in ranked.query.items() if k != "tab"} == app.query

    again = open_app(url)
    assert again.radio_value(LEVEL) == "Kecamatan"
    assert again.multiselect_values("Wilayah") == app.multiselect_values("Wilayah")
    assert kecamatan_on_map(again) == drilled


def test_a_marker_click_from_the_province_level_leaves_no_stale_level_in_the_url(open_app):
    """From the province level a click on Provinsi Banten (36) opens its kabupaten/kota, the
    page's default view: the URL must no longer say level=province, or a copied link reopens
    the province."""
    app = open_app("/wilayah?level=province")
    click_marker(app, "36")
    assert app.radio_value(LEVEL) == "Kabupaten/Kota"
    assert app.param("level") in (None, "regency")
    again = open_app(app.page.url)
    assert again.radio_value(LEVEL) == "Kabupaten/Kota"
