"""MkDocs hook: fix invalid or inaccessible markup in Material's own templates.

Why a hook and not a template in overrides/: the markup below sits outside any
Jinja block, so ``overrides/main.html`` cannot reach it, and copying Material's
``base.html`` would freeze its content-hashed asset names (``bundle.<hash>.js``)
and silently break the site on the next Material upgrade. Instead each fix
edits Material's template source as Jinja loads it. Every fix names the exact
text it replaces; if an upgrade changes that text the build stops and says so,
so a fix can never silently stop applying (and can be deleted once upstream
fixes the markup).

Enabled by ``hooks: [overrides/hooks/material_template_fixes.py]`` in
mkdocs.yml. MkDocs does not copy ``*.py`` files from the theme directory into
the built site.
"""

from __future__ import annotations

from collections.abc import Callable

import jinja2
from mkdocs.exceptions import PluginError

# template name -> [(text in Material's template, replacement, why)]
FIXES: dict[str, list[tuple[str, str, str]]] = {
    "base.html": [
        (
            '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
            '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">',
            # HTML allows autocomplete only on text-like inputs (Nu checker
            # error). Material added it so Firefox does not restore an open
            # drawer on reload; Material's script closes drawer and search on
            # every page load anyway, so nothing is lost.
            "autocomplete is not allowed on a checkbox",
        ),
        (
            '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
            '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">',
            "autocomplete is not allowed on a checkbox",
        ),
    ],
    "partials/search.html": [
        (
            '<div class="md-search" data-md-component="search" role="dialog">',
            # A dialog needs an accessible name (axe aria-dialog-name): screen
            # readers announce it when search opens. The translated "Search".
            '<div class="md-search" data-md-component="search" role="dialog" aria-label="{{ lang.t(\'search\') }}">',
            "the search dialog has no accessible name",
        ),
    ],
    "partials/source.html": [
        (
            'class="md-source" data-md-component="source">',
            # The "source" component makes Material's script fetch the
            # repository's stars, forks and latest release from GitHub's API
            # on page load: a request to another origin, which this site must
            # not make (privacy; it also fails offline). The link stays.
            'class="md-source">',
            "the repository link fetches facts from another origin",
        ),
    ],
}


class FixingLoader(jinja2.BaseLoader):
    """Wraps the theme's loader and applies FIXES to the templates it returns."""

    def __init__(self, inner: jinja2.BaseLoader) -> None:
        self.inner = inner

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        source, filename, uptodate = self.inner.get_source(environment, template)
        for old, new, why in FIXES.get(template, []):
            if old not in source:
                raise PluginError(
                    f"material_template_fixes: {template} ({filename}) no longer contains\n"
                    f"  {old}\n"
                    f"The fix for '{why}' cannot apply. Check whether the theme fixed it "
                    "upstream (then delete this fix) or changed the markup (then update it)."
                )
            source = source.replace(old, new)
        return source, filename, uptodate

    def list_templates(self) -> list[str]:
        return self.inner.list_templates()


def on_env(env: jinja2.Environment, config: object, files: object) -> jinja2.Environment:
    if not isinstance(env.loader, FixingLoader):
        env.loader = FixingLoader(env.loader)
    return env
