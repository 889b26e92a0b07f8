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
) -> dict[str, bytes]:
    """Every source in every format: {download path: bytes}, in a stable order."""
    jobs = [(source, fmt) for source in sources for fmt in formats]
    out: dict[str, bytes] = {}
    for done, (source, fmt) in enumerate(jobs, 1):
        start = time.perf_counter()
        out[download_path(source, fmt)] = _cached(source, fmt, cache_dir)
        if progress is not None:
            progress(done, download_path(source, fmt), time.perf_counter() - start)
    return out


def cache_location(default: Path) -> Path | None:
    """Where rendered documents are cached: TRUSTDOCS_DOCUMENT_CACHE if it names a folder, None if it is ``off``."""
    value = os.environ.get("TRUSTDOCS_DOCUMENT_CACHE", "").strip()
    if value == "off":
        return None
    return Path(value) if value else default


def _cached(source: DocumentSource, fmt: str, cache_dir: Path | None) -> bytes:
    if cache_dir is None or os.environ.get("TRUSTDOCS_DOCUMENT_CACHE") == "off":
        return render(source, fmt)
    key = hashlib.sha256(
        "\0".join((_toolchain(), str(source_date_epoch()), fmt, source.lang, source.title, source.markdown)).encode()
    ).hexdigest()
    path = cache_dir / key[:2] / f"{key}.{fmt}"
    if path.is_file():
        return path.read_bytes()
    content = render(source, fmt)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.write_bytes(content)
    partial.replace(path)  # atomic: a half-written file is never read back
    return content


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
