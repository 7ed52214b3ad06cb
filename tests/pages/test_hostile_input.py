"""What users see never carries attacker content or server internals: data-derived text is plain,
URL values are echoed as code, and a failing page shows a message and an error id, not a trace."""

from streamlit.testing.v1 import AppTest

from etl.build import build
from tests.conftest import PROJECT, make_data_dir, open_page
from ui import safe

HOSTILE = (
    "36.71,Kota Tangerang,2021-08-01,day,phk,7000,workers,exact,workplace,"
    '"Kadis [Klik di sini](https://evil.example/login)",'
    '"![pixel](https://evil.example/p.png) :orange-badge[RESMI]",'
    '"javascript:alert(1)",2021-08-01,\n'
)


def test_markdown_in_a_file_is_shown_as_text_never_as_an_image_or_a_link(tmp_path, monkeypatch):
    data = make_data_dir(tmp_path, {"hostile.csv": HOSTILE})
    build(data, tmp_path / "w.duckdb")
    monkeypatch.setenv("PULIH_WAREHOUSE", str(tmp_path / "w.duckdb"))
    at = open_page("ringkasan")
    assert not at.exception
    card = next(c.value for c in at.caption if "evil" in c.value)
    # the markdown source of the caption: every bracket and bang escaped, no link target opened
    assert "](https://evil" not in card.replace("\\]", "")
    assert "\\!\\[pixel\\]" in card and "\\[Klik di sini\\]" in card
    assert "\\:orange-badge\\[RESMI\\]" in card
    assert "javascript" not in card.replace("javascript\\:", "")  # never a javascript: link


def test_safe_link_only_links_http_and_shows_the_host():
    assert (
        safe.link("https://www.kompas.com/read/1", None)
        == "[kompas.com](https://www.kompas.com/read/1)"
    )
    assert safe.link("data:text/html,<b>x</b>", "Resmi") == "Resmi"
    assert safe.link("https://e.org/a) [x](https://evil", "o") == (
        "[o](https://e.org/a%29%20%5Bx%5D%28https://evil)"
    )


def test_a_url_value_is_echoed_as_code_on_its_own_page(fixture_warehouse):
    at = open_page("wilayah", mode="[Sesi berakhir, masuk lagi](https://evil.example/login)")
    assert not at.exception
    notice = " ".join(w.value for w in at.warning)
    assert "`[Sesi berakhir, masuk lagi](https://evi…`" in notice  # 40 characters


def test_a_superscript_lag_is_a_notice_not_a_traceback(fixture_warehouse):
    at = open_page("dampak_adopsi", lag="²")
    assert not at.exception
    assert at.slider(key="lag").value == 0
    assert "`²`" in " ".join(w.value for w in at.warning)


def test_a_failing_page_shows_a_message_and_an_error_id_not_a_trace():
    def page():
        from ui import router

        try:
            raise RuntimeError("/srv/pulih/secret/path.py line 3")
        except RuntimeError:
            router.page_error()

    at = AppTest.from_function(page).run()
    message = at.error[0].value
    assert "kode kesalahan" in message and "/srv/pulih" not in message
    config = (PROJECT / ".streamlit" / "config.toml").read_text()
    assert "showErrorDetails = false" in config
