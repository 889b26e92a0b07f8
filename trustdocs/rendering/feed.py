"""The Atom feed of changes to the site (RFC 4287), from the change log.

Deterministic: ids are name-based UUIDs of the change ids, times are the
changes' dates at midnight UTC, and links are relative to the feed, so the
same data gives the same bytes whatever the site's address.
"""

from __future__ import annotations

import uuid
from xml.sax.saxutils import escape, quoteattr

from trustdocs.model.dataset import DataSet
from trustdocs.model.records import Change
from trustdocs.rendering import paths

TITLE = "Children's Trusts guidance: changes to this site"
_NAMESPACE = uuid.UUID("6f1d0c52-9a57-4c1e-8a0e-5c3b9d6a2e41")  # this site's, fixed for ever: ids must not change


def _urn(name: str) -> str:
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, name)}"


def _time(change: Change) -> str:
    return f"{change.date.start.isoformat()}T00:00:00Z"


def _title(change: Change) -> str:
    """The summary's first sentence."""
    first, _, _ = " ".join(change.summary.split()).partition(". ")
    return first.rstrip(".") + "."


def _entry(change: Change) -> str:
    # The change's row on the Changes to this site page, which every entry has; the feed is at the site's
    # root, so a page's URL path is relative to it.
    link = f"{paths.page_url(paths.SITE_CHANGES)}#{change.id}"
    return (
        "  <entry>\n"
        f"    <id>{_urn('change/' + change.id)}</id>\n"
        f"    <title>{escape(_title(change))}</title>\n"
        f"    <updated>{_time(change)}</updated>\n"
        f'    <link rel="alternate" href={quoteattr(link)}/>\n'
        f'    <summary type="text">{escape(" ".join(change.summary.split()))}</summary>\n'
        "  </entry>\n"
    )


def changes_feed(data: DataSet) -> bytes:
    changes = list(reversed(data.changes))
    updated = max((_time(c) for c in changes), default=f"{data.latest_source_date.isoformat()}T00:00:00Z")
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom">\n'
        f"  <id>{_urn('feed/changes')}</id>\n"
        f"  <title>{escape(TITLE)}</title>\n"
        f"  <updated>{updated}</updated>\n"
        "  <author><name>The Children's Trusts guidance editors</name></author>\n"
        f'  <link rel="self" href="{paths.CHANGES_FEED}"/>\n'
        f'  <link rel="alternate" href={quoteattr(paths.page_url(paths.SITE_CHANGES))}/>\n'
        + "".join(_entry(c) for c in changes)
        + "</feed>\n"
    ).encode("utf-8")


def feed_files(data: DataSet) -> dict[str, bytes]:
    return {paths.CHANGES_FEED: changes_feed(data)}
