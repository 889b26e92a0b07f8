"""The MkDocs adapter: stages 1 and 3 of the pipeline, run inside an MkDocs build.

Thin on purpose. :mod:`trustdocs.pipeline.generate` makes the pages and files
(added here as virtual files); :mod:`trustdocs.pipeline.postprocess` fixes,
audits and secures each built page. Neither knows about MkDocs: another engine
builds from ``trustdocs pages --out DIR`` and finishes with ``trustdocs
postprocess SITE_DIR``. Invalid data stops the build with the same
``file:line:col: path: message`` lines as ``trustdocs validate``, and no
traceback; so does any finding of the post-build audit.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from trustdocs.core.clock import as_at_date
from trustdocs.core.problems import DataError
from trustdocs.model.dataset import DataSet
from trustdocs.pipeline.generate import site_files
from trustdocs.pipeline.load import load_dataset_once
from trustdocs.pipeline.postprocess import PostProcess
from trustdocs.pipeline.publishing import publishing_problems
from trustdocs.rendering import paths, print_pages
from trustdocs.rendering.common import format_day
from trustdocs.rendering.documents.catalogue import cache_location
from trustdocs.rendering.navigation import NavigationError, navigation
from trustdocs.rendering.pages.framework import abbreviations
from trustdocs.rendering.print_pages import print_pages_css

log = logging.getLogger("mkdocs.plugins.trustdocs")
PRODUCTION = "TRUSTDOCS_PRODUCTION"  # set by `trustdocs build --production`


class _Build:
    """What one build carries from stage to stage."""

    abbreviations = ""
    postprocess = PostProcess()
    findings: list[str] = []


_build = _Build()


def load_for_build(project_dir: Path) -> DataSet:
    """The data set for this MkDocs build, loaded once and shared by the macros and the page hook.

    Invalid data stops the build: each problem logged as one line, then a
    PluginError, which MkDocs reports without a traceback.
    """
    try:
        return load_dataset_once(project_dir / "data")
    except DataError as err:
        for problem in err.problems:
            log.error(str(problem))
        raise PluginError(f"data/ has {len(err.problems)} problem(s), listed above; nothing was built") from None


def on_config(config):
    """A production build needs real addresses; a local one names no repository, so it has no edit links."""
    if os.environ.get(PRODUCTION) == "1":
        problems = publishing_problems(config.site_url, config.repo_url)
        for problem in problems:
            log.error(problem)
        if problems:
            raise PluginError(
                "not built: a production build needs the published address and repository (README, Publishing)"
            )
    if not config.repo_url:
        config.edit_uri = None
    return config


def on_files(files: Files, config) -> Files:
    project = Path(config.config_file_path).parent
    data = load_for_build(project)
    pages, downloads = site_files(data, cache_dir=cache_location(project / ".cache" / "documents"))
    for page in pages:
        if files.get_file_from_path(page.path) is not None:
            raise PluginError(f"docs/{page.path} is generated from data/; delete the hand-written file")
        files.append(File.generated(config, page.path, content=page.text))
    for path, content in downloads.items():
        files.append(File.generated(config, path, content=content))
    # The navigation by task, from the generated pages (rendering/navigation.py); mkdocs.yml has no nav.
    try:
        config.nav = navigation(pages, data)
    except NavigationError as err:
        raise PluginError(f"navigation: {err}") from None
    _build.abbreviations = abbreviations(data)
    # The printed page's header names the date the statuses are worked out for (overrides/main.html),
    # and so does every printed sheet's footer (rendering/print_pages.py).
    config.extra["trustdocs_as_at"] = format_day(as_at_date(data.latest_source_date))
    files.append(
        File.generated(
            config, print_pages.PATH, content=print_pages_css(config.site_name, config.extra["trustdocs_as_at"])
        )
    )
    if print_pages.PATH not in config.extra_css:
        config.extra_css.append(print_pages.PATH)
    # Every page's head names the change log's feed (overrides/main.html), only when this build writes it.
    config.extra["trustdocs_feed"] = paths.CHANGES_FEED if paths.CHANGES_FEED in downloads else ""
    _build.postprocess = PostProcess(
        form_endpoints=tuple(sorted({c.respond.endpoint for c in data.consultations if c.respond.endpoint})),
        edit_sources={page.path: page.data_files[0] for page in pages},
    )
    _build.findings = []
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    """Hand-written pages get the glossary's abbreviations too (generated ones carry them)."""
    if page.file.src_uri in _build.postprocess.edit_sources:
        return markdown
    return markdown + _build.abbreviations


def on_page_context(context, page, config, nav):
    """MkDocs gives generated pages no edit link; give them one to the data file they come from."""
    data_file = _build.postprocess.edit_sources.get(page.file.src_uri)
    if data_file and config.repo_url and config.edit_uri:
        page.edit_url = urljoin(
            config.repo_url.rstrip("/") + "/", repository_edit_uri(config.edit_uri, config.docs_dir) + data_file
        )
    return context


def repository_edit_uri(edit_uri: str, docs_dir: str) -> str:
    """'edit/main/docs/' -> 'edit/main/': data files sit beside docs/, at the repository's root."""
    edit_uri = edit_uri.rstrip("/") + "/"
    docs = Path(docs_dir).name + "/"
    return edit_uri[: -len(docs)] if edit_uri.endswith("/" + docs) else edit_uri


def on_post_page(output: str, page, config) -> str:
    html, findings = _build.postprocess.page(page.file.dest_uri, output, page.file.src_uri)
    _build.findings.extend(findings)
    return html


def on_post_template(output_content: str, template_name: str, config) -> str:
    """Static pages rendered from theme templates (404.html) go through the same stage."""
    if not template_name.endswith(".html"):
        return output_content
    html, findings = _build.postprocess.page(template_name, output_content)
    _build.findings.extend(findings)
    return html


def on_post_build(config) -> None:
    """Fail the build if any page could run code that is not the theme's, or a theme fix no longer applies."""
    if _build.findings:
        for finding in _build.findings:
            log.error(finding)
        raise PluginError(
            f"post-build audit: {len(_build.findings)} problem(s), listed above; the site is not safe to publish"
        )
