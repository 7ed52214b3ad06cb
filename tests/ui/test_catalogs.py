"""The translation catalogs hold every key the code asks for, in both languages, with the same
placeholders: a key added in code without its texts, or a text that drops `{n}`, fails here rather
than showing a raw key or raising KeyError in front of a reader."""

import re
import string
from pathlib import Path

import pytest
from babel.messages.extract import extract, extract_from_dir
from babel.messages.pofile import read_po

from ui import i18n

ROOT = Path(__file__).resolve().parents[2]
# the same keywords as `make i18n` (Makefile): t("key"), tn("key", "key.plural", n), N_("key"),
# Card("card.key", ...)
KEYWORDS = {"t": None, "tn": (1, 2), "N_": None, "Card": (1,)}


def used_keys() -> set[str]:
    keys: set[str] = set()
    for folder in ("pages", "ui"):
        for _, _, message, _, _ in extract_from_dir(
            ROOT / folder, method_map=[("**.py", "python")], keywords=KEYWORDS
        ):
            keys.add(message if isinstance(message, str) else message[0])
    for file in ("analytics/metrics.py", "dashboard.py", "warehouse/reasons.py"):
        with (ROOT / file).open("rb") as f:
            for _, message, _, _ in extract("python", f, keywords=KEYWORDS):
                keys.add(message if isinstance(message, str) else message[0])
    return keys


def catalog(language: str) -> dict[str, object]:
    with (i18n.LOCALE / language / "LC_MESSAGES" / "messages.po").open("rb") as f:
        po = read_po(f, locale=language)
    return {(m.id if isinstance(m.id, str) else m.id[0]): m.string for m in po if m.id}


def placeholders(text: object) -> set[str]:
    texts = text if isinstance(text, tuple | list) else (text,)
    return {name for t in texts for _, name, _, _ in string.Formatter().parse(t) if name}


def test_the_extraction_finds_keys_in_every_layer_that_names_them():
    keys = used_keys()
    # one key from each place they are named: a page, a ui module, a table of labels (N_), the
    # headline cards (Card) and a plural (tn)
    assert {"data.intro", "filter.metric", "unit.workers", "card.phk", "data.rows"} <= keys


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_every_key_the_code_uses_has_a_text_in_each_language(language):
    texts = catalog(language)
    missing = sorted(k for k in used_keys() if not texts.get(k))
    assert missing == [], f"run `make i18n` and fill in {language}: {missing}"


def test_both_languages_fill_in_the_same_values():
    indonesian, english = catalog("id"), catalog("en")
    differing = {
        key: (placeholders(indonesian[key]), placeholders(english[key]))
        for key in indonesian.keys() & english.keys()
        if placeholders(indonesian[key]) != placeholders(english[key])
    }
    assert differing == {}


def test_no_catalog_keeps_a_key_the_code_no_longer_uses():
    unused = {lang: sorted(catalog(lang).keys() - used_keys()) for lang in i18n.LANGUAGES}
    assert unused == {"id": [], "en": []}, "run `make i18n` to drop them"


def test_a_count_takes_the_plural_form_of_the_language():
    # English has two forms (1 row, 2 rows); Indonesian one ("baris" for any count)
    i18n.st.session_state["lang"] = "en"
    try:
        assert i18n.tn("data.rows", "data.rows.plural", 1) == "1 row"
        assert i18n.tn("data.rows", "data.rows.plural", 2) == "2 rows"
        i18n.st.session_state["lang"] = "id"
        assert i18n.tn("data.rows", "data.rows.plural", 2) == "2 baris"
    finally:
        i18n.st.session_state.pop("lang", None)


def test_no_page_or_ui_module_builds_a_key_from_a_value():
    # a key built at run time (t(f"mode.{m}")) escapes extraction; tables in ui/labels.py name them
    built = [
        f"{path.relative_to(ROOT)}:{n}"
        for folder in ("pages", "ui")
        for path in (ROOT / folder).rglob("*.py")
        for n, line in enumerate(path.read_text().splitlines(), 1)
        if re.search(r"\bt\(f[\"']", line)
    ]
    assert built == []
