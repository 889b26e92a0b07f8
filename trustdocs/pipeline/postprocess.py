"""Stage 3 of the pipeline: the built HTML, whatever engine made it, made fit to publish.

Each built page goes through, in order:

1. the theme fixes (:data:`THEME_FIXES`): markup in Material's templates that
   fails our HTML validity or accessibility gates, or that would make a
   request to another origin, edited in the page itself;
2. the edit link: on a page generated from data, "Edit this page" opens the
   data file, not a ``docs/`` file that does not exist;
3. the post-build audit and the page's Content-Security-Policy
   (:mod:`trustdocs.pipeline.security`).

The MkDocs adapter calls :func:`postprocess_page` on every page as it is
written; ``trustdocs postprocess SITE_DIR`` runs the same stage over a site
built by another engine (Zensical). A finding fails the build.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from trustdocs.pipeline.security import secure_page
from trustdocs.rendering.paths import page_url


@dataclass(frozen=True)
class ThemeFix:
    """One piece of theme markup replaced in every page that has it.

    ``required``: every page of the theme has this markup, so a page without
    either the old or the new text means the theme changed, and the fix must be
    reviewed (it may be fixed upstream, or need new text). Never silently skipped.
    """

    old: str
    new: str
    why: str
    required: bool = True
    unless: str = ""  # markup that, present in the page, means the old text is right there: leave it


THEME_FIXES = (
    # HTML allows autocomplete only on text-like inputs (Nu checker error).
    # Material added it so Firefox does not restore an open drawer on reload;
    # its script closes drawer and search on every page load anyway.
    ThemeFix(
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">',
        "autocomplete is not allowed on a checkbox",
    ),
    ThemeFix(
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">',
        "autocomplete is not allowed on a checkbox",
    ),
    # A dialog needs an accessible name (axe aria-dialog-name): screen readers
    # announce it when search opens. The site is in English.
    ThemeFix(
        '<div class="md-search" data-md-component="search" role="dialog">',
        '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">',
        "the search dialog has no accessible name",
    ),
    # The "source" component makes Material's script fetch the repository's
    # stars, forks and latest release from GitHub's API on page load: a request
    # to another origin, which this site must not make. The link stays. Only
    # pages of a site with a repository have it.
    ThemeFix(
        'class="md-source" data-md-component="source">',
        'class="md-source">',
        "the repository link fetches facts from another origin",
        required=False,
    ),
    # A label's `for` must name a form control (Nu checker error). The table of contents' title is a
    # label for the checkbox that folds the contents into the navigation on a phone; on a section's
    # overview page (navigation.indexes) Material writes no such checkbox, so the label names nothing.
    ThemeFix(
        '<label class="md-nav__title" for="__toc">',
        '<label class="md-nav__title">',
        "the table of contents' title labels a checkbox that is not on the page",
        required=False,
        unless='id="__toc"',
    ),
)


def apply_theme_fixes(path: str, html: str) -> tuple[str, list[str]]:
    findings = []
    for fix in THEME_FIXES:
        if fix.unless and fix.unless in html:
            continue
        if fix.old in html:
            html = html.replace(fix.old, fix.new)
        elif fix.required and fix.new not in html:
            findings.append(
                f"{path}: theme fix '{fix.why}' cannot apply: the page has no\n  {fix.old}\n"
                "Check whether the theme fixed it (then delete the fix in trustdocs/pipeline/postprocess.py) "
                "or changed the markup (then update it)."
            )
    return html, findings


_EDIT_LINK = re.compile(r'<a href="(?P<href>[^"]*)" title="Edit this page"')


def edit_link_to_data(html: str, source_page: str, data_file: str) -> str:
    """Point "Edit this page" at the data file a generated page comes from.

    An engine links every page to ``<repo>/<edit_uri>docs/<page>.md``; a
    generated page has no such file, so the link goes to the data file beside
    ``docs/`` instead. A link already at the data file is left as it is.
    """

    def repoint(match: re.Match[str]) -> str:
        href = match.group("href")
        suffix = "docs/" + source_page
        if not href.endswith("/" + suffix):
            return match.group(0)
        return match.group(0).replace(href, href[: -len(suffix)] + data_file, 1)

    return _EDIT_LINK.sub(repoint, html, count=1)


@dataclass(frozen=True)
class PostProcess:
    """What the stage needs from the generate stage: where forms may post, and each generated page's data file."""

    form_endpoints: tuple[str, ...] = ()
    edit_sources: Mapping[str, str] = field(default_factory=dict)  # docs/ path of a generated page -> its data file

    def page(self, dest: str, html: str, source_page: str | None = None) -> tuple[str, list[str]]:
        """One built page (``dest``, as written in the site) through every step: the page and any findings."""
        html, findings = apply_theme_fixes(dest, html)
        if source_page is not None and source_page in self.edit_sources:
            html = edit_link_to_data(html, source_page, self.edit_sources[source_page])
        html, audit = secure_page(dest, html, self.form_endpoints)
        return html, findings + audit

    def site(self, site_dir: Path) -> list[str]:
        """Every HTML file of a built site, rewritten in place; the findings, empty when fit to publish."""
        by_url = {page_url(src) + "index.html": src for src in self.edit_sources}
        findings = []
        for path in sorted(site_dir.rglob("*.html")):
            dest = path.relative_to(site_dir).as_posix()
            html, found = self.page(dest, path.read_text(encoding="utf-8"), by_url.get(dest))
            path.write_text(html, encoding="utf-8")
            findings += found
        return findings
