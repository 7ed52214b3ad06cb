"""The Indonesian texts say in Indonesian what they can: a reader found "pengelola dashboard" on
Wilayah and "Berjalan tanpa masuk (sign-in)" in the sidebar, where the briefing PDF already says
"dasbor". The words below are the English ones a reader meets in software, each with the word
the Indonesian texts use instead (KBBI): dasbor, masuk, unggah, unduh, tautan, berkas, grafik,
himpunan data, surel. Placeholders ({files}), code (`make build`), quoted names of columns and paths
are not words of the text and are left out."""

import re
from pathlib import Path

from babel.messages.pofile import read_po

CATALOG = Path(__file__).resolve().parents[2] / "ui/locale/id/LC_MESSAGES/messages.po"
ENGLISH = re.compile(
    r"\b(dashboard|sign-in|sign in|log ?in|upload|download|link|files?|charts?|dataset|e-?mail)\b",
    re.IGNORECASE,
)
NOT_WORDS = re.compile(r"\{[^}]*\}|`[^`]*`|'[^']*'|https?://\S+|\S*/\S*")


def test_no_english_word_in_the_indonesian_texts():
    with CATALOG.open("rb") as f:
        catalog = read_po(f, locale="id")
    found = {}
    for message in catalog:
        if not message.id:
            continue
        texts = [message.string] if isinstance(message.string, str) else message.string
        words = {w.lower() for text in texts for w in ENGLISH.findall(NOT_WORDS.sub("", text))}
        if words:
            found[message.id if isinstance(message.id, str) else message.id[0]] = sorted(words)
    assert found == {}
