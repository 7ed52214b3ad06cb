"""Ringkasan's one-page briefing (ui/briefing.py, ui/briefing_pdf.py) on the shipped data.

The PDF is made from the session warehouse built from data/ and read back with pypdf. Every
expected figure is read off data/raw by hand (the comment on each says where); these tests depend
on the shipped figures on purpose, as tests/data/test_shipped_figures.py does.
"""

import datetime as dt
import io

import pypdf
import pytest
import streamlit as st

from analytics import queries
from tests.conftest import open_page
from ui import briefing
from ui.briefing_pdf import Area, Axis, Chart, Headline, Page, render

AREAS = {"36.71": "Kota Tangerang", "36": "Provinsi Banten"}  # as pages/ringkasan.py has them
URL = "http://pulih.example/ringkasan?wilayah=36&kebijakan=false"
A4 = (595, 842)


def make(area: str = "36.71", demo: bool = True, events: bool = True, url: str = URL):
    page = briefing.content(queries, AREAS, area, events, demo, url)
    return page, render(page)


def text_of(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return "\n".join(p.extract_text() for p in reader.pages)


@pytest.fixture
def english():
    st.session_state["lang"] = "en"
    yield
    del st.session_state["lang"]


@pytest.mark.parametrize("demo", [True, False])
def test_the_pdf_holds_the_figures_the_cards_show_with_dates_and_sources(warehouse, demo):
    text = text_of(make(demo=demo)[1])
    # banten_province_labour.csv, latest dated report of each measure:
    # PHK 26 Jul 2021 "19000, approx" (bantenraya.com); dirumahkan 12 Oct 2020 "30000, more_than"
    # (faktabanten.co.id); perusahaan tutup 13 Oct 2020 "74, exact" (bantenhits.com); all three
    # said by Kadisnakertrans Al Hamidi
    for line in (
        "± 19.000 pekerja",
        "per 26 Juli 2021",
        "Sumber: Kadisnakertrans Al Hamidi, bantenraya.com",
        "> 30.000 pekerja",
        "per 12 Oktober 2020",
        "Sumber: Kadisnakertrans Al Hamidi, faktabanten.co.id",
        "74 perusahaan",
        "per 13 Oktober 2020",
        "Sumber: Kadisnakertrans Al Hamidi, bantenhits.com",
    ):
        assert line in text
    # kabkota_labour.csv, Kota Tangerang, 5 May 2020 (Kompas.com, Kabid HI & Jamsos Asep Rahmat):
    # PHK 6023 and dirumahkan 1174; the later total of both, 8207 on 6 Jul 2020, is said beside
    # them; umkm_counts.csv, 9 Apr 2020 (TangerangNews): 13368 UMKM registered
    for line in (
        "6.023 pekerja",
        "1.174 pekerja",
        "per 5 Mei 2020",
        "Sumber: Kabid HI & Jamsos Asep Rahmat, Kompas.com",
        "PHK + dirumahkan 8.207 pekerja per 6 Juli 2020",
        "13.368 usaha",
        "per 9 April 2020",
        "TangerangNews",
    ):
        assert line in text
    # Banten has no UMKM figure (3 cards), Kota Tangerang no closures and no count of UMKM gone
    # digital (3 cards); the note under the cards says what "belum ada angka" means (1)
    assert text.count("belum ada angka") == 3 + 3 + 1


def test_the_data_per_date_is_the_newest_figure_on_the_cards(warehouse):
    # the cards' real figures, from data/raw: Banten PHK ± 19.000 of 26 July 2021 (bantenraya.com)
    # is the newest; Banten's other cards are of October 2020, Kota Tangerang's of May-July 2020
    # and April 2020. Newer real rows exist (Kabupaten Tangerang's UMKM count of 5 January 2023,
    # BPS's TPT of August 2022) but no card shows them, so they do not date the page.
    assert "Data per 26 Juli 2021" in text_of(make()[1])


def test_one_a4_page_with_the_link_back_to_the_same_view(warehouse):
    pdf = make()[1]
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == A4
    assert URL in text_of(pdf)
    links = [
        a.get_object()["/A"]["/URI"]
        for a in reader.pages[0].get("/Annots", [])
        if a.get_object().get("/Subtype") == "/Link"
    ]
    assert links == [URL]  # the printed address is also a link a reader can click


def test_fonts_are_dejavu_sans_so_qualifiers_render(warehouse):
    reader = pypdf.PdfReader(io.BytesIO(make()[1]))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    names = {str(f.get_object()["/BaseFont"]) for f in fonts.values()}
    assert names and all("DejaVuSans" in n for n in names), names


def test_no_synthetic_figure_without_the_badge(warehouse):
    # Kota Tangerang's trend with the demo data hidden: only the real reports, no badge
    page, pdf = make("36.71", demo=False)
    text = text_of(pdf)
    assert not any(s.synthetic for s in page.chart.series)
    assert page.badge is None
    assert "sintetis" not in text
    assert "Pulih demo generator" not in text
    # with demo data shown, the kecamatan-based months after the last report and the UMKM
    # register are synthetic: badged, and their legend entries say so
    page, pdf = make("36.71", demo=True)
    text = text_of(pdf)
    # at the top, what is synthetic (the figures above the chart are real only); on the chart,
    # the badge the page shows
    assert page.badge == "grafik memuat data contoh — sintetis"
    assert text.count("grafik memuat data contoh — sintetis") == 1
    assert text.count("data contoh — sintetis") == 2
    assert "UMKM masuk digital (sintetis)" in text
    assert "PHK (sintetis)" in text


def test_demo_values_never_take_a_headline(warehouse):
    # the demo register's latest month (Dec 2022) has 4808 UMKM gone digital in Kota Tangerang
    # (the card's badged second line on screen): on paper the card reads "belum ada angka"
    page, pdf = make("36.71", demo=True)
    kota = next(a for a in page.areas if a.name == "Kota Tangerang")
    cards = {h.title: h.figure for h in kota.headlines}
    assert cards["UMKM masuk digital"] == "belum ada angka"
    assert "4.808" not in text_of(pdf)


def test_banten_trend_is_real_and_shaded(warehouse):
    # Banten's monthly PHK and dirumahkan come from its own reports only (no demo series at the
    # province), and the PSBB periods of Tangerang Raya lie inside Banten
    page, pdf = make("36", demo=True)
    assert not any(s.synthetic for s in page.chart.series)
    assert {s.label for s in page.chart.series} == {"PHK", "Dirumahkan"}
    assert any(s.kind == "PSBB" for s in page.chart.shades)
    assert "Dampak pada pekerja dan UMKM yang masuk digital — Provinsi Banten" in text_of(pdf)
    # with the policy periods switched off on the page, the PDF has none either
    assert make("36", events=False)[0].chart.shades == ()


def test_english(warehouse, english):
    text = text_of(make("36")[1])
    assert "Data as of 26 July 2021" in text
    assert "± 19,000 workers" in text
    assert "as of 26 July 2021" in text


def test_english_cards_carry_no_indonesian_label(warehouse, english):
    # Kota Tangerang's PHK card: the combined report of 6 Jul 2020 (kabkota_labour.csv line 17,
    # phk_plus_dirumahkan 8207) named as the English page names it; no "Figure: PHK" line where
    # the card's title already says what it measures (the page's card has none)
    text = text_of(make("36.71")[1])
    assert "A later report: Laid off + furloughed 8,207 workers" in " ".join(text.split())
    # ... and the chart's lines named in English too
    assert "Layoffs (synthetic)" in text  # label_en of phk in data/raw/metrics.csv
    for indonesian in ("PHK + dirumahkan", "Figure: PHK", "Figure: Dirumahkan", "PHK (synthetic)"):
        assert indonesian not in text


def test_a_disputed_figure_says_so_on_paper(warehouse):
    # mart_conflicts: Kota Tangerang's PHK 6.023 (Kompas, 5 May 2020) beside Apindo's estimate of
    # 8.000 on the same day. The page's card links the comparison; the PDF says it, and rings the
    # month on the chart, named in the legend
    page, pdf = make("36.71")
    kota = next(a for a in page.areas if a.name == "Kota Tangerang")
    phk = next(h for h in kota.headlines if h.title == "PHK")
    assert any(d.startswith("Laporan berbeda: sumber lain") for d in phk.details)
    assert any(any(s.conflicts) for s in page.chart.series)
    assert "laporan berbeda" in text_of(pdf)


def test_the_same_view_is_made_once(warehouse):
    page, pdf = make()
    assert render(page) is pdf  # cached per view: the second click costs nothing
    assert make(url=URL + "&contoh=0")[1] != pdf  # another view, another file


def test_text_from_the_data_is_printed_as_written():
    # "$" starts matplotlib's maths mode; a source name with two of them must print as written
    page = Page(
        title="T",
        subtitle="S",
        data_per="D",
        areas=(Area("A", (Headline("H", "≥ 4.000 pekerja", ("Sumber: US$ 5 $x$ <b>",)),)),),
        headline_note="N",
        chart=Chart(
            "C",
            (),
            (),
            (),
            (),
            (dt.date(2020, 1, 1), dt.date(2020, 2, 1)),
            Axis("y", (0, 1), ("0", "1")),
            None,
            (),
        ),
        badge=None,
        link_label="L",
        url="https://example.org/",
        footer="F",
    )
    text = text_of(render(page))
    assert "Sumber: US$ 5 $x$ <b>" in text
    assert "≥ 4.000 pekerja" in text


def test_nice_ticks():
    # 7914 (Kota Tangerang PHK, Dec 2022, demo): steps of 2000 reach 8000 in 4 (1000 needs 8)
    assert briefing._nice_ticks(7914) == (0, 2000, 4000, 6000, 8000)
    # 4808: steps of 1000 reach 5000 in 5
    assert briefing._nice_ticks(4808) == (0, 1000, 2000, 3000, 4000, 5000)
    # 30000 (Banten dirumahkan, "> 30.000"): a line on the top edge; 40000 is the next tick
    assert briefing._nice_ticks(30000) == (0, 10000, 20000, 30000, 40000)


def test_ringkasan_offers_the_download(warehouse):
    at = open_page("ringkasan")
    labels = [b.label for b in at.get("download_button")]
    assert "Unduh ringkasan (PDF)" in labels
