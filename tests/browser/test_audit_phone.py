"""Log audit at a phone's width: each event's details (what it did) are read whole within the
screen, not cut at its edge in a grid's far column."""

from tests.browser.test_upload_words import BOX, PHONE_WIDTH


def test_the_details_of_a_download_are_within_a_phones_screen(open_app):
    # a download first, so the log holds an event of this session: Data's CSV at province level
    app = open_app("/data?level=province")
    app.download_all(app.popovers()[0])
    app = open_app("/log_audit", "phone")
    # the catalog's audit.field.dataset and the Data page's dataset "reported" in Indonesian
    details = app.page.get_by_text("data: Angka yang dilaporkan", exact=False).first
    assert details.is_visible()  # a grid keeps its cells' text in a hidden table of its own
    details.scroll_into_view_if_needed()
    box = details.evaluate(BOX)
    app.screenshot("log_audit-phone")
    assert box["left"] >= 0 and box["right"] <= PHONE_WIDTH and not box["cut"], box
