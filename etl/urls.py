"""Whether a URL can stand as a citation: the article's own address, not a share link, a contact
page, a tracking, paging or print query, or an encyclopaedia mirror. Pure: no network, no I/O.

url_problem(url) returns None for a usable URL (and for "", no URL at all: the caller decides
whether one is required), else one short English sentence naming the offending part and the fix
(a template of warehouse/reasons.py).
"""

import re
from urllib.parse import parse_qsl, urlsplit

from warehouse import reasons
from warehouse.reasons import reason

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


def url_problem(url: str) -> reasons.Reason | None:
    """None when the URL is a usable citation; else a short English reason with the fix, e.g.
    "a share link ('whatsapp:/send'): cite the article's own URL"."""
    if url == "":
        return None
    if _WHITESPACE.search(url):
        return reason(reasons.URL_WHITESPACE)
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme in ("data", "javascript"):
        return reason(reasons.URL_SCHEME, scheme=scheme)
    if scheme == "whatsapp":
        return reason(reasons.URL_SHARE, part="whatsapp:")
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        return reason(reasons.URL_NOT_HTTP)
    host = (parts.hostname or "").lower()
    if not host:
        return reason(reasons.URL_NO_HOST)

    for mirror in MIRROR_HOSTS:
        if _on(host, mirror):
            return reason(reasons.URL_MIRROR, host=mirror)
    for share_host in SHARE_HOSTS:
        if _on(host, share_host):
            return reason(reasons.URL_SHARE, part=share_host)

    path = parts.path
    lowered = path.lower()
    if "whatsapp:" in lowered:
        start = lowered.index("whatsapp:")
        return reason(reasons.URL_SHARE, part=path[start:])
    segments = [s for s in lowered.split("/") if s]
    for i, segment in enumerate(segments):
        if segment in SOCIAL_HOSTS:
            shown = f"copy/.../{segment}" if "copy" in segments[:i] else f"/{segment}"
            return reason(reasons.URL_SHARE, part=shown)
        stem = segment.split(".")[0]
        if stem in SHARE_SEGMENTS:
            shown = f"{host}/{segment}" if host.removeprefix("www.") in SOCIAL_HOSTS else segment
            return reason(reasons.URL_SHARE, part=shown)
        if stem in CONTACT_SEGMENTS:
            return reason(reasons.URL_CONTACT, segment=segment)

    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        name = key.lower()
        if name.startswith("utm_") or name in TRACKING_KEYS:
            return reason(reasons.URL_TRACKING, query=f"{key}={value}")
        if name in PAGING_KEYS:
            return reason(reasons.URL_PAGING, query=f"{key}={value}")
    return None
