"""MkDocs hooks: add the generated pages and exports to the site as virtual files.

A thin adapter over :mod:`trustdocs.pipeline.generate`, which does the work and is tested
without MkDocs. Zensical ignores ``hooks:``; ``trustdocs pages --out DIR``
writes the same pages to disk for it.
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from trustdocs.core.problems import DataError
from trustdocs.loading import load_dataset_once
from trustdocs.model.records import DataSet
from trustdocs.pipeline.generate import site_files
from trustdocs.rendering.pages.framework import abbreviations
from trustdocs.pipeline.security import secure_page

log = logging.getLogger("mkdocs.plugins.trustdocs")


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

_edit_sources: dict[str, str] = {}  # generated page src_uri -> the data file to edit
_abbreviations = ""
_form_endpoints: tuple[str, ...] = ()  # where consultation forms may post (the policy's form-action)
_audit_findings: list[str] = []


def on_config(config):  # noqa: ANN001, ANN201
    """A local build names no repository (mkdocs.yml): then there is nothing to edit, so no edit links at all."""
    if not config.repo_url:
        config.edit_uri = None
    return config


def on_files(files: Files, config) -> Files:  # noqa: ANN001
    global _abbreviations, _form_endpoints
    data = load_for_build(Path(config.config_file_path).parent)
    _edit_sources.clear()
    _audit_findings.clear()
    _form_endpoints = tuple(sorted({c.respond.endpoint for c in data.consultations if c.respond.endpoint}))
    pages, exports = site_files(data, cache_dir=Path(config.config_file_path).parent / ".cache" / "documents")
    for page in pages:
        if files.get_file_from_path(page.path) is not None:
            raise PluginError(f"docs/{page.path} is generated from data/; delete the hand-written file")
        files.append(File.generated(config, page.path, content=page.text))
        _edit_sources[page.path] = page.data_files[0]
    for path, content in exports.items():
        files.append(File.generated(config, path, content=content))
    _abbreviations = abbreviations(data)
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:  # noqa: ANN001
    """Hand-written pages get the glossary's abbreviations too (generated ones carry them)."""
    if page.file.src_uri in _edit_sources:
        return markdown
    return markdown + _abbreviations


def on_page_context(context, page, config, nav):  # noqa: ANN001, ANN201
    """'Edit this page' on a generated page goes to the data file it comes from."""
    data_file = _edit_sources.get(page.file.src_uri)
    if data_file and config.repo_url and config.edit_uri:
        page.edit_url = urljoin(config.repo_url.rstrip("/") + "/", repository_edit_uri(config.edit_uri, config.docs_dir) + data_file)
    return context


def repository_edit_uri(edit_uri: str, docs_dir: str) -> str:
    """'edit/main/docs/' -> 'edit/main/': data files sit beside docs/, at the repository's root."""
    edit_uri = edit_uri.rstrip("/") + "/"
    docs = Path(docs_dir).name + "/"
    return edit_uri[: -len(docs)] if edit_uri.endswith("/" + docs) else edit_uri


def on_post_page(output: str, page, config) -> str:  # noqa: ANN001
    """Audit each built page, then give it its Content-Security-Policy (see trustdocs.pipeline.security)."""
    secured, findings = secure_page(page.file.dest_uri, output, _form_endpoints)
    _audit_findings.extend(findings)
    return secured


def on_post_template(output_content: str, template_name: str, config) -> str:  # noqa: ANN001
    """Static pages rendered from theme templates (404.html) get the same audit and policy."""
    if not template_name.endswith(".html"):
        return output_content
    secured, findings = secure_page(template_name, output_content, _form_endpoints)
    _audit_findings.extend(findings)
    return secured


def on_post_build(config) -> None:  # noqa: ANN001
    """Fail the build if any page could run code that is not the theme's or load from another origin."""
    if _audit_findings:
        for finding in _audit_findings:
            log.error(finding)
        raise PluginError(f"post-build audit: {len(_audit_findings)} problem(s), listed above; the site is not safe to publish")
