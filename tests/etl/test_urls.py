"""URL form: article addresses pass; share links, contact pages, tracking, paging and print queries,
encyclopaedia mirrors and non-web schemes are named with their offending part. And every URL the
project's own data cites passes."""

import csv
import re
import tomllib

import pytest

from etl.urls import url_problem
from tests.conftest import DATA

# real article URLs cited in data/raw (including forms that look unusual but are the page's own)
GOOD = (
    "https://megapolitan.kompas.com/read/2020/05/28/07235931/dampak-covid-19-sebanyak-17298-karyawan-kena-phk-di-banten",
    "http://megapolitan.kompas.com/read/2020/05/16/03000021/gubernur-banten-perpanjang-psbb-tangerang-raya-hingga-31-mei",
    "https://nusantara.rmol.id/read/2020/04/20/431221/selama-pandemik-covid-19-sudah-4-ribu-buruh-di-banten-di-phk",
    "https://www.tangerangnews.com/banten/read/39217/PPKM-Jawa-Bali-Diperpanjang-Seluruh-Banten-Kembali-Masuk-Level-2",
    "https://tangerangkota.bps.go.id/id/pressrelease/2021/11/08/320/tingkat-pengangguran-terbuka--tpt--sebesar-8-98-persen.html",
    "https://www.idntimes.com/business/economy/duh-sudah-3-juta-pekerja-di-indonesia-terdampak-covid-19-00-jxp64-5m5mm1/amp",
    "https://news.okezone.com/amp/2020/06/25/340/2236432/1",
    "http://online.flipbuilder.com/plcl/uufy/files/basic-html/page120.html",
    "https://mediabanten.com/?p=28136",  # the site's own permalink form
    "https://en.wikipedia.org/wiki/Pandeglang_Regency",
    "https://id.scribd.com/document/390841099/Profil-Kota-Tangerang",
    "https://www.inews.id/amp/news/nasional/daftar-lengkap-daerah-terapkan-ppkm-level-4-3-dan-2-di-pulau-jawa-bali/all",
    "https://kabar6.com/tag/kecamatan-cipondoh/",
    "",  # no URL at all: the caller decides whether one is required
)


@pytest.mark.parametrize("url", GOOD)
def test_article_urls_pass(url):
    assert url_problem(url) is None


# (bad URL, the part its reason must name)
BAD = (
    # share and intent links
    ("https://rmol.id/amp/2020/04/20/431221/whatsapp:/send", "whatsapp:/send"),
    ("https://www.example-news.id/read/123/send", "send"),
    ("https://www.example-news.id/share?url=x", "share"),
    ("https://www.example-news.id/intent/tweet", "intent"),
    ("https://twitter.com/intent/tweet?url=https://example.id", "twitter.com/intent"),
    ("https://www.facebook.com/sharer/sharer.php?u=https://example.id", "facebook.com/sharer"),
    ("https://megapolitan.kompas.com/copy/2020/10/21/10470231/twitter.com", "copy/.../twitter.com"),
    ("https://www.kompas.com/tren/read/2021/01/26/060200465/twitter.com", "twitter.com"),
    ("https://t.me/share/url?url=https://example.id", "t.me/share"),
    ("https://api.whatsapp.com/send?text=x", "api.whatsapp.com"),
    ("whatsapp://send?text=x", "whatsapp:"),
    # contact and about pages
    (
        "https://suarabantennews.com/redaksi/kontak-kami/18290/gara-gara-covid-19-1-268-warga/",
        "kontak-kami",
    ),
    ("https://www.example-news.id/kontak", "kontak"),
    ("https://www.example-news.id/contact-us.html", "contact-us"),
    ("https://www.example-news.id/about-us/", "about-us"),
    # tracking queries
    ("https://www.example-news.id/read/1/judul?utm_source=twitter", "utm_source=twitter"),
    ("https://www.example-news.id/read/1/judul?fbclid=IwAR0abc", "fbclid=IwAR0abc"),
    ("https://www.example-news.id/read/1/judul?gclid=xyz", "gclid=xyz"),
    (
        "https://review.clateway.com/wiki/view_html.php?lang=en&q=Pandeglang_Regency&sq=Facebook",
        "clateway.com",
    ),
    ("https://www.example-news.id/wiki/view?q=Serang&sq=Facebook", "sq=Facebook"),
    ("https://www.example-news.id/read/1/judul?ref=home", "ref=home"),
    # paging and print queries
    ("https://kabar6.com/tag/kecamatan-cipondoh/?print=print-search", "print=print-search"),
    ("https://tangerang.tribunnews.com/amp/2023/08/20/bps-ungkap?page=all", "page=all"),
    ("https://tangerang.tribunnews.com/2025/05/11/asal-usul-karang-tengah?page=2", "page=2"),
    # encyclopaedia mirrors
    ("https://wikipedia.bradmurray.com/wiki/Batuceper?lang=en", "bradmurray.com"),
    ("https://pinocchiopedia.com/wiki/Serang_Regency", "pinocchiopedia.com"),
    ("https://www.worddisk.com/wiki/Serang", "worddisk.com"),
    ("https://wikide.org/de/Tangerang_Regency", "wikide.org"),
    ("http://everything.explained.today/%5C/Lebak_Regency", "everything.explained.today"),
    # not a web address
    ("data:text/html;base64,PGgxPng8L2gxPg==", "data:"),
    ("javascript:alert(1)", "javascript:"),
    ("ftp://files.example.id/report.pdf", "http"),
    ("www.tangerangnews.com/banten/read/33421/PSBB", "http"),
    ("https:///read/2020/05/28/07235931/judul", "host"),
    ("https://www.example-news.id/read/1/judul dua", "whitespace"),
    (" https://www.example-news.id/read/1/judul", "whitespace"),
)


@pytest.mark.parametrize(("url", "part"), BAD, ids=[part for _, part in BAD])
def test_unusable_urls_are_named_with_their_offending_part(url, part):
    reason = url_problem(url)
    assert reason is not None
    assert part in reason


def test_a_reason_says_what_to_do():
    assert url_problem("https://rmol.id/amp/2020/04/20/431221/whatsapp:/send") == (
        "a share link ('whatsapp:/send'): cite the article's own URL"
    )


_URL_IN_TEXT = re.compile(r"https?://[^\s\"]+")


def cited_urls():
    """Every URL the project's real data cites: the url column (the whole cell), and any URL
    written inside population_source and note; data/sources.toml's url values. Not the demo."""
    for path in sorted((DATA / "raw").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as f:
            for line, row in enumerate(csv.DictReader(f), start=2):
                where = f"{path.name}:{line}"
                if row.get("url"):
                    yield where, row["url"]
                for column in ("population_source", "note"):
                    for found in _URL_IN_TEXT.findall(row.get(column) or ""):
                        yield f"{where} ({column})", found.rstrip(").,;")
    manifest = tomllib.loads((DATA / "sources.toml").read_text(encoding="utf-8"))
    for entry in manifest["file"]:
        if entry.get("url"):
            yield f"sources.toml [{entry['id']}]", entry["url"]


def test_every_url_the_data_cites_is_usable():
    found = list(cited_urls())
    assert len(found) > 100  # the files were read
    problems = [f"{where}: {url} -- {url_problem(url)}" for where, url in found if url_problem(url)]
    assert not problems, "\n".join(problems)


def test_the_build_names_a_cited_url_that_cannot_stand(tmp_path):
    from etl.build import build
    from tests.conftest import NOTE_TEMPLATE, make_data_dir, table_rows

    row = (
        "36,Provinsi Banten,2020-04-20,day,phk,4000,workers,at_least,workplace,Al Hamidi,RMOL,"
        "https://rmol.id/amp/2020/04/20/431221/whatsapp:/send,2020-04-20,\n"
    )
    data = make_data_dir(tmp_path, {"labour.csv": row})
    build(data, tmp_path / "w.duckdb")
    stored = table_rows(tmp_path / "w.duckdb", "load_warning", exclude=NOTE_TEMPLATE)
    notes = [m for _, m in stored if "cited URL" in m]
    assert notes == [
        "cited URL 'https://rmol.id/amp/2020/04/20/431221/whatsapp:/send': "
        "a share link ('whatsapp:/send'): cite the article's own URL"
    ]
