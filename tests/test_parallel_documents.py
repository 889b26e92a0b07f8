"""Documents rendered on every core: the same bytes as one after another, the same error, the same cache.

The fast tests use DOCX from small made-up sources (pandoc only); the slow one
renders real documents in every format, both ways, and compares the bytes.
"""

from __future__ import annotations

import os

import pytest

from trustdocs.pipeline.generate import all_documents
from trustdocs.rendering.documents import parallel
from trustdocs.rendering.documents.catalogue import _toolchain, render_documents
from trustdocs.rendering.documents.source import DocumentError, DocumentSource


@pytest.fixture(autouse=True)
def _always_use_the_workers(monkeypatch):
    """The batches here are small: without this they would be rendered in this process, not by the workers."""
    monkeypatch.setattr(parallel, "SMALL_BATCH", 0)


def _source(slug: str, heading: bool = True) -> DocumentSource:
    first = f"# Document {slug}\n\n" if heading else "Not a heading\n\n"
    return DocumentSource(slug, f"Document {slug}", first + f"Text of {slug}.\n", ("data/board.yml",))


def test_parallel_and_sequential_give_the_same_files_in_the_same_order(tmp_path):
    sources = [_source(f"doc-{n}") for n in range(4)]
    parallel_files = render_documents(sources, ["docx", "md"], workers=2)
    sequential_files = render_documents(sources, ["docx", "md"], workers=1)
    assert (
        list(parallel_files)
        == list(sequential_files)
        == [f"downloads/doc-{n}.{fmt}" for n in range(4) for fmt in ("docx", "md")]
    )
    assert parallel_files == sequential_files


def test_the_first_failure_in_order_is_reported_whichever_fails_first(tmp_path):
    # doc-1 fails late (after pandoc and WeasyPrint's import: its font has no Samaritan letter), doc-2 at
    # once. On two workers doc-2 fails first; a sequential run reports doc-1, and so must a parallel one.
    late = DocumentSource("doc-1", "Document doc-1", "# Document doc-1\n\nA letter: \u0800.\n", ("data/board.yml",))
    sources = [late, _source("doc-2", heading=False)]
    for workers in (1, 2):
        with pytest.raises(DocumentError, match="^doc-1.pdf: the documents' font has no glyph for U[+]0800"):
            render_documents(sources, ["pdf"], cache_dir=tmp_path / "cache", workers=workers)
    assert not (tmp_path / "cache").exists()


def test_rendered_files_are_cached_whole_and_read_back(tmp_path, monkeypatch):
    monkeypatch.delenv("TRUSTDOCS_DOCUMENT_CACHE", raising=False)
    cache = tmp_path / "cache"
    sources = [_source("doc-0"), _source("doc-1")]
    first = render_documents(sources, ["docx"], cache_dir=cache, workers=2)
    cached = sorted(p for p in cache.rglob("*") if p.is_file())
    assert [p.suffix for p in cached] == [".docx", ".docx"]  # no partial file left behind
    for path in cached:
        path.write_bytes(b"from the cache")
    assert set(render_documents(sources, ["docx"], cache_dir=cache, workers=2).values()) == {b"from the cache"}
    assert render_documents(sources, ["docx"], workers=2) == first  # no cache: rendered again


def test_workers_render_under_the_asking_process_source_date_epoch(monkeypatch):
    sources = [_source("doc-0"), _source("doc-1")]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "315532800")
    before = render_documents(sources, ["docx"], workers=2)  # starts the workers under this value
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(315532800 + 86400 * 400))
    after = render_documents(sources, ["docx"], workers=2)  # the same long-lived workers
    assert after == render_documents(sources, ["docx"], workers=1)
    assert after != before


def test_the_worker_count_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv(parallel.WORKERS, "3")
    assert parallel.worker_count() == 3
    monkeypatch.setenv(parallel.WORKERS, "none")
    with pytest.raises(DocumentError, match="TRUSTDOCS_DOCUMENT_WORKERS must be a whole number"):
        parallel.worker_count()
    monkeypatch.delenv(parallel.WORKERS)
    assert parallel.worker_count() == len(os.sched_getaffinity(0))


@pytest.mark.slow  # renders real documents in every format, twice
def test_real_documents_are_byte_identical_rendered_in_parallel_or_one_after_another(dataset, monkeypatch):
    monkeypatch.setenv("TRUSTDOCS_DOCUMENT_CACHE", "off")
    sources = [s for s in all_documents(dataset) if s.slug in ("trust-board-constitution", "wessex/cypp-template")]
    assert len(sources) == 2
    assert render_documents(sources, workers=2) == render_documents(sources, workers=1)


class _StopsTheWorker:
    """Unpickled in a worker, it ends that process at once, as a crash in a converter would."""

    def __reduce__(self):
        return (os._exit, (70,))


def test_a_worker_that_dies_is_a_clear_document_error_and_the_next_run_starts_new_workers():
    jobs = [(_source("doc-0"), "docx"), (_StopsTheWorker(), "docx"), (_source("doc-2"), "docx")]
    with pytest.raises(DocumentError, match="^a document rendering worker stopped unexpectedly"):
        list(parallel.render_jobs(jobs, _toolchain(), workers=2))  # type: ignore[arg-type]
    sources = [_source("doc-0"), _source("doc-1")]
    assert render_documents(sources, ["docx"], workers=2) == render_documents(sources, ["docx"], workers=1)


def test_a_failure_in_a_worker_reads_as_it_does_in_one_process(tmp_path):
    """The error a worker raises comes back as itself: the same class and message, and no traceback in it."""
    errors = []
    for workers in (1, 2):
        with pytest.raises(DocumentError) as caught:
            render_documents([_source("doc-0"), _source("doc-1", heading=False)], ["docx"], workers=workers)
        errors.append((type(caught.value), str(caught.value)))
    assert errors[0] == errors[1] == (DocumentError, "doc-1: the Markdown must start with a '# ' heading")


def test_a_small_batch_is_rendered_here_unless_workers_are_already_running(monkeypatch):
    """Starting workers costs about as much as a dozen files: a preview after a one-area edit renders here."""
    monkeypatch.setattr(parallel, "SMALL_BATCH", 12)
    parallel.shutdown()
    small = [(_source(f"doc-{n}"), "docx") for n in range(2)]
    assert list(parallel.render_jobs(small, _toolchain(), workers=2)) == [
        render_documents([source], ["docx"], workers=1)[f"downloads/{source.slug}.docx"] for source, _ in small
    ]
    assert not parallel._POOL.running(2, _toolchain())
    large = [(_source(f"doc-{n}"), "docx") for n in range(parallel.SMALL_BATCH)]
    list(parallel.render_jobs(large, _toolchain(), workers=2))
    assert parallel._POOL.running(2, _toolchain())
    list(parallel.render_jobs(small, _toolchain(), workers=2))  # a running pool takes small batches too
    assert parallel._POOL.running(2, _toolchain())
