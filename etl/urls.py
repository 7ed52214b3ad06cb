"""Whether a URL can stand as a citation: the article's own address, not a share link, a contact
page, a tracking, paging or print query, or an encyclopaedia mirror. Pure: no network, no I/O.

url_problem(url) returns None for a usable URL (and for "", no URL at all: the caller decides
whether one is required), else one short English sentence naming the offending part and the fix.
"""

import re
from urllib.parse import parse_qsl, urlsplit

# sites that copy Wikipedia articles under their own address, often with junk queries
MIRROR_HOSTS = (
    "clateway.com",
    "bradmurray.com",
    "pinocchiopedia.com",
    "worddisk.com",
    "wikide.org",
    "everything.explained.today",
    "askwikinow.com",
)
# hosts whose every address is a share action, not a page
SHARE_HOSTS = ("wa.me", "api.whatsapp.com")
# social sites: an article URL that ends in one of these is a "share on ..." link
SOCIAL_HOSTS = frozenset(
    {
        "twitter.com",
        "x.com",
        "facebook.com",
        "whatsapp.com",
        "t.me",
        "telegram.me",
        "line.me",
        "linkedin.com",
        "pinterest.com",
    }
)
# path segments of share actions: /send, /share, /intent/, facebook.com/sharer.php
SHARE_SEGMENTS = frozenset({"send", "share", "sharer", "intent"})
# path segments of an outlet's own contact or about page (before any ".html")
CONTACT_SEGMENTS = frozenset(
    {"kontak", "kontak-kami", "hubungi-kami", "contact", "contact-us", "contactus"}
    | {"about", "about-us", "aboutus", "tentang-kami"}
)
# query keys that track the reader or the referrer, never part of the article's address
TRACKING_KEYS = frozenset(
    {"fbclid", "gclid", "dclid", "msclkid", "igshid", "mc_cid", "mc_eid", "ref", "ref_src", "sq"}
)
# query keys that choose a page, a print layout or a search view of the article
PAGING_KEYS = frozenset({"page", "print", "printpage", "amp_page"})

_WHITESPACE = re.compile(r"\s")


def _on(host: str, domain: str) -> bool:
    return host == domain or host.endswith("." + domain)


def url_problem(url: str) -> str | None:
    """None when the URL is a usable citation; else a short English reason with the fix, e.g.
    "a share link ('whatsapp:/send'): cite the article's own URL"."""
    if url == "":
        return None
    if _WHITESPACE.search(url):
        return "contains whitespace: a URL is one unbroken address; put any remark in the note"
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme in ("data", "javascript"):
        return f"a '{scheme}:' URL is not an address of a page: cite the article's own URL"
    if scheme == "whatsapp":
        return "a share link ('whatsapp:'): cite the article's own URL"
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        return "not an http(s) URL: write the article's address starting with https://"
    host = (parts.hostname or "").lower()
    if not host:
        return "has no host: write the full address, e.g. https://www.example.com/..."

    for mirror in MIRROR_HOSTS:
        if _on(host, mirror):
            return (
                f"an encyclopaedia mirror ('{mirror}'): cite the en.wikipedia.org or "
                "id.wikipedia.org page itself, once it is checked to give the same figure"
            )
    for share_host in SHARE_HOSTS:
        if _on(host, share_host):
            return f"a share link ('{share_host}'): cite the article's own URL"

    path = parts.path
    lowered = path.lower()
    if "whatsapp:" in lowered:
        start = lowered.index("whatsapp:")
        return f"a share link ('{path[start:]}'): cite the article's own URL"
    segments = [s for s in lowered.split("/") if s]
    for i, segment in enumerate(segments):
        if segment in SOCIAL_HOSTS:
            shown = f"copy/.../{segment}" if "copy" in segments[:i] else f"/{segment}"
            return f"a share link ('{shown}'): cite the article's own URL"
        stem = segment.split(".")[0]
        if stem in SHARE_SEGMENTS:
            shown = f"{host}/{segment}" if host.removeprefix("www.") in SOCIAL_HOSTS else segment
            return f"a share link ('{shown}'): cite the article's own URL"
        if stem in CONTACT_SEGMENTS:
            return f"a contact or about page ('{segment}'): cite the article's own URL"

    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        name = key.lower()
        if name.startswith("utm_") or name in TRACKING_KEYS:
            return f"a tracking query ('{key}={value}'): drop it and cite the article's own URL"
        if name in PAGING_KEYS:
            return (
                f"a paging or print query ('{key}={value}'): drop it and cite the article's own URL"
            )
    return None
