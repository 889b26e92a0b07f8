"""Every downloadable document, and rendering them all with a content-addressed cache.

The catalogue is data-driven: the generic constitution and plan template, the
same two for each area in data/areas/, and each consultation's printable
response form. A new area file adds its documents with no other edit.

Rendering is deterministic, so a rendered file can be reused whenever its
inputs are unchanged: the cache key covers the source (title, language,
Markdown), the format, SOURCE_DATE_EPOCH, the converters' versions and this
package's own code and assets. ``mkdocs serve`` then re-renders only what an
edit changed. TRUSTDOCS_DOCUMENT_CACHE names another cache folder, or is ``off`` to
render everything afresh.
"""

from __future__ import annotations

import functools
import hashlib
import os
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import TextIO

from trustdocs.core.clock import source_date_epoch
from trustdocs.model.dataset import DataSet
from trustdocs.model.records import Area
from trustdocs.rendering import paths
from trustdocs.rendering.documents import parallel
from trustdocs.rendering.documents.constitution import constitution
from trustdocs.rendering.documents.convert import FORMATS, render
from trustdocs.rendering.documents.cypp_template import cypp_template
from trustdocs.rendering.documents.source import ASSETS, DocumentSource

FORMAT_LABELS = {"pdf": "PDF", "docx": "Word", "odt": "OpenDocument text", "md": "Markdown"}
MEDIA_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "md": "text/markdown",
}


def area_documents(data: DataSet, area: Area | None) -> list[DocumentSource]:
    """The model documents for one area, or the generic ones (area None)."""
    return [constitution(data, area), cypp_template(data, area)]


def model_documents(data: DataSet) -> list[DocumentSource]:
    """The model documents: the generic pair, then each area's, in a stable order."""
    out = area_documents(data, None)
    for area in data.areas:
        out += area_documents(data, area)
    return out


def download_path(source: DocumentSource, fmt: str) -> str:
    """Where a rendered document goes on the site, relative to docs/."""
    return paths.download(source.slug, fmt, source.owner)


@dataclass(frozen=True)
class Progress:
    """Reports long runs on stderr: one line per file, with a running count."""

    total: int
    stream: TextIO = sys.stderr

    def __call__(self, done: int, path: str, seconds: float) -> None:
        print(f"[{done}/{self.total}] {path} ({seconds:.1f} s)", file=self.stream, flush=True)


def render_documents(
    sources: Iterable[DocumentSource],
    formats: Iterable[str] = FORMATS,
    cache_dir: Path | None = None,
    progress: Callable[[int, str, float], None] | None = None,
    workers: int | None = None,
) -> dict[str, bytes]:
    """Every source in every format: {download path: bytes}, in a stable order.

    Files found in the cache are read from it; the rest are rendered on every
    core (:mod:`~trustdocs.rendering.documents.parallel`; ``workers``
    overrides TRUSTDOCS_DOCUMENT_WORKERS) and cached as each arrives. The
    bytes are the same as rendering one after another. A failure raises the
    first failing document's error, in order, and returns nothing: whatever
    rendered before it stays in the cache, which only ever holds whole files
    under the key of what made them.
    """
    jobs = [(source, fmt) for source in sources for fmt in formats]
    cache = None if os.environ.get("TRUSTDOCS_DOCUMENT_CACHE") == "off" else cache_dir
    known: dict[int, bytes] = {}
    for index, (source, fmt) in enumerate(jobs):
        if fmt == "md":  # the source itself: nothing to render or cache
            known[index] = render(source, fmt)
        elif cache is not None and (content := _read_cache(cache, source, fmt)) is not None:
            known[index] = content
    missing = [job for index, job in enumerate(jobs) if index not in known]
    rendered = parallel.render_jobs(missing, _toolchain(), workers)
    out: dict[str, bytes] = {}
    start = time.perf_counter()
    for index, (source, fmt) in enumerate(jobs):
        if index in known:
            content = known[index]
        else:
            content = next(rendered)
            if cache is not None:
                _write_cache(cache, source, fmt, content)
        out[download_path(source, fmt)] = content
        if progress is not None:
            now = time.perf_counter()
            progress(index + 1, download_path(source, fmt), now - start)
            start = now
    return out


def cache_location(default: Path) -> Path | None:
    """Where rendered documents are cached: TRUSTDOCS_DOCUMENT_CACHE if it names a folder, None if it is ``off``."""
    value = os.environ.get("TRUSTDOCS_DOCUMENT_CACHE", "").strip()
    if value == "off":
        return None
    return Path(value) if value else default


def _cache_path(cache_dir: Path, source: DocumentSource, fmt: str) -> Path:
    key = hashlib.sha256(
        "\0".join((_toolchain(), str(source_date_epoch()), fmt, source.lang, source.title, source.markdown)).encode()
    ).hexdigest()
    return cache_dir / key[:2] / f"{key}.{fmt}"


def _read_cache(cache_dir: Path, source: DocumentSource, fmt: str) -> bytes | None:
    try:
        return _cache_path(cache_dir, source, fmt).read_bytes()
    except FileNotFoundError:
        return None


def _write_cache(cache_dir: Path, source: DocumentSource, fmt: str, content: bytes) -> None:
    path = _cache_path(cache_dir, source, fmt)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    partial.write_bytes(content)
    partial.replace(path)  # atomic: a half-written file is never read back


@functools.cache
def _toolchain() -> str:
    """Converter versions and a hash of this package's code and assets: any change makes a new key."""
    digest = hashlib.sha256()
    for name in ("pypandoc-binary", "weasyprint", "pydyf"):
        digest.update(f"{name}={version(name)}\n".encode())
    for folder in (Path(__file__).parent, ASSETS):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in (".py", ".css", ".ttf"):
                digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()
