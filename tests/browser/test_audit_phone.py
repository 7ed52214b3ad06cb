"""Log audit at a phone's width: each event's details (what it did) are read whole within the
screen, not cut at its edge in a grid's far column."""

from tests.browser.test_upload_words import PHONE_WIDTH


def test_the_details_of_a_download_are_within_a_phones_screen(open_app):
    # a download first, so the log holds an event of this session: Data's CSV at province level
    app = open_app("/data?level=province")
    app.download_all(app.popovers()[0])
    app = open_app("/log_audit", "phone")
    # the catalog's audit.field.dataset and the Data page's dataset "reported" in Indonesian
    box = app.text_box("data: Angka yang dilaporkan", "log_audit-phone")
    assert box["left"] >= 0 and box["right"] <= PHONE_WIDTH and not box["cut"], box
