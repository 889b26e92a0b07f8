"""Editor-supplied text is data, never markup: make it literal in Markdown and HTML.

Python-Markdown passes numeric character references through untouched and the
browser shows the character, so replacing every character that could start
markup (Markdown, HTML, attribute lists, Jinja) with its reference makes the
text appear exactly as written and do nothing else: a ``|`` cannot split a
table cell, ``{{ }}`` cannot reach a template engine, ``{: onclick=... }``
cannot become an attribute and ``<script>`` stays text.
"""

from __future__ import annotations

import json
import re
from html import escape as _html_escape

_SIGNIFICANT = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "\\": "&#92;",
    "`": "&#96;",
    "*": "&#42;",
    "_": "&#95;",
    "{": "&#123;",
    "}": "&#125;",
    "[": "&#91;",
    "]": "&#93;",
    "|": "&#124;",
    "#": "&#35;",
    "!": "&#33;",
    "~": "&#126;",
    "^": "&#94;",
    "=": "&#61;",
    "$": "&#36;",
    "%": "&#37;",
}
_TABLE = str.maketrans(_SIGNIFICANT)
# At the start of a line these begin a list, definition or heading; "---" (or "-- -") a horizontal rule.
_LINE_START = re.compile(r"^(\s*)(\d+)([.)])(?=\s|$)|^(\s*)([-+:])(?=[\s-]|$)", re.MULTILINE)


def md(text: str) -> str:
    """Text made literal for a Markdown page. Line breaks become spaces: one value, one paragraph."""
    text = " ".join(text.split())
    text = text.translate(_TABLE)
    return _LINE_START.sub(_neutralise_line_start, text)


def _neutralise_line_start(match: re.Match[str]) -> str:
    if match.group(2) is not None:  # "1." or "1)" would start an ordered list
        return f"{match.group(1)}{match.group(2)}&#{ord(match.group(3))};"
    return f"{match.group(4)}&#{ord(match.group(5))};"


def attr(text: str) -> str:
    """Text made safe inside a double-quoted HTML attribute (also neutral in Markdown)."""
    return md(text).replace("'", "&#39;")


_CODE_SAFE = re.compile(r"[A-Za-z0-9._/-]+")


def code(text: str) -> str:
    """An identifier (an id, a paragraph label, a file name) shown as code.

    Character references are not decoded inside a code span, so escaping cannot
    work there: text is put in backticks only when it has nothing to escape, and
    is shown as plain escaped text otherwise. The schemas restrict ids, labels
    and file names to these characters, so in practice every one is code.
    """
    return f"`{text}`" if _CODE_SAFE.fullmatch(text) else md(text)


def html_text(text: str) -> str:
    """Text made literal in an HTML element or attribute written by hand: ``& < > " '`` as references.

    For raw HTML the Markdown parser leaves alone (the forms' markup); text that
    Markdown also reads goes through :func:`md` or :func:`attr`.
    """
    return _html_escape(text)  # quotes too: html.escape's default


def yaml_string(text: str) -> str:
    """A double-quoted YAML scalar that reads back as ``text`` exactly: JSON's string syntax is YAML's."""
    return json.dumps(text, ensure_ascii=False)
