"""Data-derived text on screen is plain text: never markdown, HTML or a link the data chose.

An agency's file can carry anything in its outlet, URL, note or area columns, and a URL parameter
anything a stranger typed. Streamlit renders captions, warnings and button labels as markdown (and
Plotly renders a subset of HTML in hover text), so every such string goes through here first:
`plain` for markdown, `hover` for Plotly, `link` for a source link (http(s) only, shown by its
host, so a data: link or a look-alike label cannot be planted).
"""

import html
import re
from urllib.parse import quote, urlsplit

# the marks that start markdown anywhere in a line (emphasis, code, links and images, HTML, maths,
# tables, strike-through, Streamlit's :directive[...] and :icon:); with [ and ] escaped no link or
# image can form, so ( ) stay as written
_MARKDOWN = re.compile(r"([\\`*_{}\[\]!|~<>$:])")
# what starts markdown only at the start of a line: a heading, a list item, a quote
_LEADING = re.compile(r"^(\s*)(\d*)([#>+\-.)])")


def plain(text, limit: int | None = None) -> str:
    """Text that markdown shows as written: punctuation escaped, line breaks as spaces, and cut
    to `limit` characters (with "…") when given."""
    if text is None:
        return ""
    text = " ".join(str(text).split())
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "…"
    text = _MARKDOWN.sub(r"\\\1", text)
    return _LEADING.sub(lambda m: f"{m.group(1)}{m.group(2)}\\{m.group(3)}", text)


def hover(text) -> str:
    """Text for Plotly hover labels: its HTML subset escaped (no tag, no link)."""
    return html.escape(" ".join(str(text or "").split()))


def link(url, label=None) -> str:
    """A markdown link to an http(s) URL, labelled with the host (or `label`, as plain text);
    anything else (data:, javascript:, a relative path) is plain text with no link."""
    if not isinstance(url, str) or not url:
        return plain(label)
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return plain(label or url, limit=80)
    shown = plain(label) if label else plain(parts.netloc.removeprefix("www."))
    target = quote(url.strip(), safe=":/?#=&%+~,;@!$'*.-_")  # no ( ) [ ] space to break out
    return f"[{shown}]({target})"
