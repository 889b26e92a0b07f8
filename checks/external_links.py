"""Syntax of links that leave the site, checked offline.

The offline link gate cannot fetch external URLs, but a typo in one is still
a broken link a reader will hit: ``htps:/x``, ``https://exa mple.com``, an
empty ``mailto:``. This module says what is wrong with such a URL, without
the network. LinkChecker's own offline syntax check misses spaces in hosts
and ``javascript:`` links, so we do not rely on it.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import unquote, urlsplit

# A DNS label: letters, digits and inner hyphens; internationalised names are
# checked in their ASCII (punycode) form.
_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_TOP_LEVEL = re.compile(r"^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$")
_MAIL_ADDRESS = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
# Schemes a reader's browser can follow from a guidance page.
WEB_SCHEMES = ("https", "http")


def syntax_problem(raw: str, resolved: str) -> str | None:
    """Why an external link is malformed, or None when it is well formed.

    ``raw`` is the attribute value as written (whitespace matters there);
    ``resolved`` is the same URL made absolute, so ``//host/x`` has a scheme.
    """
    if raw != raw.strip():
        return "has leading or trailing whitespace"
    if any(ch.isspace() for ch in raw):
        return "contains whitespace"
    try:
        parts = urlsplit(resolved)
    except ValueError as error:
        return f"is not a valid URL ({error})"
    scheme = parts.scheme.lower()
    if scheme == "javascript":
        return "is a javascript: URL, which is not a link (use a button)"
    if scheme == "mailto":
        addresses = unquote(parts.path).split(",")
        if not parts.path or not all(_MAIL_ADDRESS.match(a.strip()) for a in addresses):
            return "is a mailto: link without a valid address"
        return None
    if scheme == "tel":
        return None if parts.path else "is a tel: link without a number"
    if scheme == "data":
        return None  # inline content, nothing to resolve
    if scheme not in WEB_SCHEMES:
        expected = ", ".join(f"{s}:" for s in (*WEB_SCHEMES, "mailto", "tel"))
        return f"has an unknown scheme {parts.scheme + ':'!r} (expected {expected})"
    return _host_problem(parts)


def _host_problem(parts) -> str | None:
    if not parts.netloc or not parts.hostname:
        return "has no host (an http(s) URL needs //host/)"
    try:
        parts.port  # noqa: B018 - urllib validates the port only when asked
    except ValueError:
        return "has an invalid port"
    host = parts.hostname
    try:
        ipaddress.ip_address(host)
        return None
    except ValueError:
        pass
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return f"has an invalid host name {host!r}"
    labels = ascii_host.rstrip(".").split(".")
    if len(labels) < 2:
        return f"has a host without a dot {host!r}"
    if not all(_LABEL.match(label) for label in labels) or not _TOP_LEVEL.match(labels[-1]):
        return f"has an invalid host name {host!r}"
    return None
