"""Helpers for the style gate's tests: the repository root and a Material-shaped page.

(Kept out of conftest.py so tests can import them by a name no other conftest uses.)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def material_page(article_html: str, *, nav_text: str = "Utilise the navigation") -> str:
    """A page shaped like MkDocs Material's, with theme chrome around the article."""
    return f"""<!doctype html>
<html lang="en">
<head><title>Page</title><script>var x = "<b>e.g.</b>";</script></head>
<body>
<header class="md-header"><div class="md-header__title">Going forward with the header</div></header>
<nav class="md-nav" aria-label="Navigation"><ul><li><a href="#">{nav_text}</a></li></ul></nav>
<div class="md-content" data-md-component="content">
<article class="md-content__inner md-typeset">
{article_html}
<aside class="md-source-file">Last update: in order to test the footer</aside>
</article>
</div>
<footer class="md-footer">Shall we utilise the footer?</footer>
</body>
</html>
"""
