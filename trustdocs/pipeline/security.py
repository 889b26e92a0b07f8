"""What every built page may run and load: the Content-Security-Policy and the post-build audit.

Editor text is escaped before it reaches a page (:mod:`trustdocs.core.escape`); this
module is the second wall, checking the built HTML itself:

* :func:`audit_page` finds any script that is not the theme's own, any
  ``on*=`` event-handler attribute, any ``javascript:`` URL and any resource
  loaded from another origin. The MkDocs hook fails the build if it finds one,
  so a bad page never reaches ``site/``. Each page is parsed once, by
  libxml2's HTML parser (through lxml: its tokenizer follows HTML5's, and it
  is about six times faster than Python's ``html.parser``); a page the parser
  cannot read without error fails the audit too.
* :func:`content_security_policy` builds the page's policy: scripts only from
  our own origin plus the theme's inline scripts by hash; every other resource
  from our own origin only; forms submit only to our origin or an endpoint a
  consultation names. :func:`with_csp` puts it in a ``<meta>`` tag at the top
  of ``<head>``, before any script.

The theme's inline scripts are recognised by hash. Material writes three; one
embeds the page's relative path to the site root, which is replaced by
``BASE`` before hashing. A Material upgrade that changes them fails the build
with the new script's text, to be reviewed and added to
:data:`THEME_INLINE_SCRIPTS` deliberately.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from lxml import etree

# sha256 of Material 9.8.1's inline scripts, with the page's path to the root replaced by BASE.
THEME_INLINE_SCRIPTS = {
    "9e2703283f0df807387b5b1d4db3fd62df6ca101c78ef8cd4b96451e9587f552": "storage helpers (__md_scope, __md_get, __md_set)",
    "0eb10c249dbdb0beef225a10ce5cbe55418cc4a7014cc208f8e7d6ed8f00906e": "colour palette restored from storage",
    "ffcc0f7735fdab434d257c80e65cec2e88d716991e69757185b7e450e41a5b2f": "content tab selected by the URL fragment",
}
_BASE_PATH = re.compile(r'new URL\("[^"]*",location\)')
# Attributes whose value is a URL that the browser fetches as a resource (not a
# link to follow). Script sources have their own, stricter rule.
_RESOURCE_ATTRIBUTES = {
    ("img", "src"),
    ("img", "srcset"),
    ("iframe", "src"),
    ("frame", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("audio", "src"),
    ("video", "src"),
    ("video", "poster"),
    ("source", "src"),
    ("source", "srcset"),
    ("track", "src"),
    ("input", "src"),
    ("image", "href"),
    ("use", "href"),
}
_RESOURCE_LINK_RELS = {
    "stylesheet",
    "icon",
    "shortcut",
    "apple-touch-icon",
    "preload",
    "prefetch",
    "modulepreload",
    "manifest",
    "mask-icon",
    "dns-prefetch",
    "preconnect",
}
_URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "poster",
    "xlink:href",
    "srcset",
    "background",
    "ping",
}
_JS_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}
_CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)""", re.I)


def script_hash(text: str) -> str:
    """The CSP source expression for an inline script: 'sha256-<base64>'."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def theme_fingerprint(text: str) -> str:
    return hashlib.sha256(_BASE_PATH.sub('new URL("BASE",location)', text).encode()).hexdigest()


@dataclass
class _Page:
    """What the audit and the policy need, collected in one pass over the parsed page."""

    inline_scripts: list[str] = field(default_factory=list)
    script_sources: list[str] = field(default_factory=list)
    handlers: list[tuple[str, str]] = field(default_factory=list)
    urls: list[tuple[str, str, str]] = field(default_factory=list)  # (tag, attribute, value)
    resources: list[tuple[str, str]] = field(default_factory=list)  # (tag, url)
    forms: list[str] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)  # the parser's complaints: the page fails the audit


def _srcset(value: str) -> list[str]:
    return [part.strip().split()[0] for part in value.split(",") if part.strip()]


def _parse(html: str) -> _Page:
    """Parse with libxml2 (through lxml), whose HTML tokenizer follows HTML5's, and walk every element once.

    The parser recovers from errors, and recovering can drop markup; so any
    error it reports is itself a finding, and a page it cannot read cleanly
    fails the audit rather than passing unseen.
    """
    page = _Page()
    # A parser for each page, so its error log is this page's. Bytes, so no declaration in the page can
    # change how it is decoded.
    parser = etree.HTMLParser(encoding="utf-8", recover=True, no_network=True, remove_comments=True, remove_pis=True)
    root = etree.HTML(html.encode("utf-8", "surrogatepass"), parser)
    page.unreadable = [f"line {e.line}: {e.message.strip()}" for e in parser.error_log]
    if root is None:  # nothing but white space or comments: nothing to run or load
        return page
    for element in root.iter(etree.Element):
        tag, values = element.tag, element.attrib
        for name, value in values.items():
            if name.startswith("on"):
                page.handlers.append((tag, name))
            if name in _URL_ATTRIBUTES:
                page.urls.append((tag, name, value))
            if (tag, name) in _RESOURCE_ATTRIBUTES:
                page.resources += [(tag, url) for url in (_srcset(value) if name == "srcset" else [value])]
            if name == "style":
                page.styles.append(value)
        if tag == "link" and _RESOURCE_LINK_RELS & set(values.get("rel", "").lower().split()):
            page.resources.append((tag, values.get("href", "")))
        elif tag == "form":
            page.forms.append(values.get("action", ""))
        elif tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            page.urls.append((tag, "content", values.get("content", "").partition("=")[2]))
        elif tag == "base":
            page.resources.append((tag, values.get("href", "")))
        elif tag == "script":
            if "src" in values:
                page.script_sources.append(values["src"])
            text = element.text or ""
            if values.get("type", "").lower() in _JS_TYPES and text.strip():
                page.inline_scripts.append(text)
        elif tag == "style":
            page.styles.append(element.text or "")
    return page


def _other_origin(url: str) -> bool:
    """True for a URL that leaves the site: any scheme or host (a relative or root-relative URL stays)."""
    url = url.strip()
    if not url or url.startswith("#"):
        return False
    if url.lower().startswith("data:"):
        return False  # inline data, fetched from nowhere
    parts = urlsplit(url)
    return bool(parts.scheme or parts.netloc)


def _runs_script(url: str) -> bool:
    """javascript: and vbscript: URLs, as browsers read them (ignoring spaces and control characters)."""
    return re.sub(r"[\s\x00-\x1f]", "", url).lower().startswith(("javascript:", "vbscript:"))


def secure_page(path: str, html: str, form_endpoints: Iterable[str] = ()) -> tuple[str, list[str]]:
    """One parse of a built page: the page with its policy, and what the audit found on it."""
    page = _parse(html)
    return _with_policy(html, _policy(page, form_endpoints)), _audit(path, page, form_endpoints)


def audit_page(path: str, html: str, form_endpoints: Iterable[str] = ()) -> list[str]:
    """Everything on one built page that could run code or load from elsewhere: one message each."""
    return _audit(path, _parse(html), form_endpoints)


def _audit(path: str, page: _Page, form_endpoints: Iterable[str]) -> list[str]:
    endpoints = set(form_endpoints)
    problems = [
        f"{path}: the audit cannot read the page cleanly ({error}), so it cannot vouch for it"
        for error in page.unreadable
    ]
    for text in page.inline_scripts:
        if theme_fingerprint(text) not in THEME_INLINE_SCRIPTS:
            problems.append(f"{path}: inline script that is not the theme's own: {text.strip()[:80]!r}")
    for src in page.script_sources:
        if _other_origin(src) or "assets/javascripts/" not in src:
            problems.append(f"{path}: script from outside the site's own assets: {src}")
    problems += [f"{path}: event-handler attribute {name}= on <{tag}>" for tag, name in page.handlers]
    for tag, name, value in page.urls:
        if _runs_script(value):
            problems.append(f"{path}: {value.strip()[:40]!r} URL in <{tag} {name}>")
    problems += [
        f"{path}: <{tag}> loads from another origin: {url}" for tag, url in page.resources if _other_origin(url)
    ]
    for css in page.styles:
        problems += [
            f"{path}: style loads from another origin: {url}" for url in _CSS_URL.findall(css) if _other_origin(url)
        ]
    for action in page.forms:
        if _other_origin(action) and action not in endpoints and not _runs_script(action):
            problems.append(f"{path}: form submits to another origin not named by a consultation: {action}")
    return problems


def content_security_policy(html: str, form_endpoints: Iterable[str] = ()) -> str:
    """The policy for one page: its own inline scripts by hash, everything else from our origin."""
    return _policy(_parse(html), form_endpoints)


def _policy(page: _Page, form_endpoints: Iterable[str]) -> str:
    hashes = sorted({script_hash(text) for text in page.inline_scripts})
    forms = " ".join(["'self'", *sorted(set(form_endpoints))])
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self' " + " ".join(hashes) if hashes else "script-src 'self'",
            # Inline styles cannot run code; Material and the accessibility
            # checker both set some. Loads still come only from our origin.
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "worker-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            f"form-action {forms}",
        ]
    )


_CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?\s*/?>", re.I)


def with_csp(html: str, form_endpoints: Iterable[str] = ()) -> str:
    """The page with its policy in a <meta> tag straight after <meta charset>, before any script."""
    return _with_policy(html, content_security_policy(html, form_endpoints))


def _with_policy(html: str, policy: str) -> str:
    match = _CHARSET.search(html)
    if match is None:
        raise ValueError("page has no <meta charset=utf-8> to put the Content-Security-Policy after")
    tag = f'\n<meta http-equiv="Content-Security-Policy" content="{policy}">'
    return html[: match.end()] + tag + html[match.end() :]
