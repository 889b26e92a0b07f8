"""MkDocs hooks: add the generated pages and exports to the site as virtual files.

A thin adapter over :mod:`macros.pages`, which does the work and is tested
without MkDocs. Zensical ignores ``hooks:``; ``trustdocs pages --out DIR``
writes the same pages to disk for it.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from macros import load_for_build
from macros.pages import site_files
from macros.pages.framework import abbreviations

_edit_sources: dict[str, str] = {}  # generated page src_uri -> the data file to edit
_abbreviations = ""


def on_files(files: Files, config) -> Files:  # noqa: ANN001
    global _abbreviations
    data = load_for_build(Path(config.config_file_path).parent)
    _edit_sources.clear()
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
    if data_file and config.repo_url:
        page.edit_url = urljoin(config.repo_url.rstrip("/") + "/", f"edit/main/{data_file}")
    return context
