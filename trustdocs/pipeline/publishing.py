"""Is this configuration fit to publish? The published address and repository must be real.

A site built with the local default (``http://127.0.0.1:8000/``) publishes
canonical links and a sitemap that point at a developer's machine, and edit
links to a repository nobody named. ``trustdocs build --production`` refuses
such a configuration before building anything.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

_RESERVED_SUFFIXES = (".localhost", ".local", ".internal", ".invalid", ".example", ".test")


def _not_public_host(host: str) -> str | None:
    host = host.lower().rstrip(".")
    if not host:
        return "it has no host"
    if (
        host == "localhost"
        or host.endswith(_RESERVED_SUFFIXES)
        or host in {"example.com", "example.org", "example.net"}
    ):
        return f"{host} is not a public address"
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None if "." in host else f"{host} is not a full domain name"
    if (
        address.is_loopback
        or address.is_private
        or address.is_link_local
        or address.is_unspecified
        or address.is_reserved
    ):
        return f"{host} is a loopback or private address"
    return None


def _url_problem(setting: str, variable: str, url: str | None) -> str | None:
    if not url:
        return f"{setting} is not set: set {variable} to the https:// address"
    parts = urlsplit(url)
    if parts.scheme != "https":
        return f"{setting} is {url}: set {variable} to an https:// address"
    reason = _not_public_host(parts.hostname or "")
    if reason:
        return f"{setting} is {url}, and {reason}: set {variable} to the published address"
    return None


def publishing_problems(site_url: str | None, repo_url: str | None) -> list[str]:
    """Why this site must not be published as configured (empty when it may be)."""
    problems = [
        _url_problem("site_url", "TRUSTDOCS_SITE_URL", site_url),
        _url_problem("repo_url", "TRUSTDOCS_REPO_URL", repo_url),
    ]
    return [p for p in problems if p]
