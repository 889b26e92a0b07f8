"""Rendering documents on every core, in long-lived worker processes.

A PDF costs WeasyPrint's layout of every page, in Python, so one process
renders one document at a time on one core. The pool here keeps one worker
per usable core for the life of the process: each pays its start-up once
(Python, this package, and on its first PDF WeasyPrint's import, fontconfig
and Pango), then renders document after document, and under ``mkdocs serve``
build after build.

The result is the same as rendering one after another in this process:

* jobs go out in order and their results are taken back in that order, so
  the first failing job in order is the error reported, exactly as in a
  sequential run, and every later job is cancelled;
* each job carries the SOURCE_DATE_EPOCH of the process that asked for it
  (the only setting outside a document's source that reaches its bytes), so
  a worker started under another value renders the same bytes;
* workers are started with ``spawn``, never forked from a process that may
  hold threads (``mkdocs serve`` does), and run this package's code as it was
  when they started: the pool is replaced whenever the code's fingerprint
  changes.

TRUSTDOCS_DOCUMENT_WORKERS sets the number of workers; 1 renders in this
process, with no pool. A small batch (fewer than :data:`SMALL_BATCH` files)
while no pool is running is also rendered in this process: starting workers
costs about as much as rendering a dozen files, and a preview after an edit
to one area re-renders only that area's six.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from trustdocs.rendering.documents.convert import render
from trustdocs.rendering.documents.source import DocumentError, DocumentSource

WORKERS = "TRUSTDOCS_DOCUMENT_WORKERS"
EPOCH = "SOURCE_DATE_EPOCH"

Job = tuple[DocumentSource, str]
SMALL_BATCH = 12  # below this, and with no pool running, render here rather than start workers


def worker_count() -> int:
    """TRUSTDOCS_DOCUMENT_WORKERS if set, otherwise the number of cores this process may use."""
    value = os.environ.get(WORKERS, "").strip()
    if value:
        if not value.isdigit() or int(value) < 1:
            raise DocumentError(f"{WORKERS} must be a whole number of at least 1, not {value!r}")
        return int(value)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _render_job(source: DocumentSource, fmt: str, epoch: str | None) -> bytes:
    """In a worker: one document in one format, under the asking process's SOURCE_DATE_EPOCH."""
    if epoch is None:
        os.environ.pop(EPOCH, None)
    else:
        os.environ[EPOCH] = epoch
    return render(source, fmt)


class _Pool:
    """The process's one pool, kept between calls and rebuilt when the worker count or the code changes."""

    def __init__(self) -> None:
        self._executor: ProcessPoolExecutor | None = None
        self._key: tuple[int, str] | None = None

    def get(self, workers: int, code: str) -> ProcessPoolExecutor:
        if self._executor is None or self._key != (workers, code):
            self.close()
            self._executor = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
            self._key = (workers, code)
        return self._executor

    def running(self, workers: int, code: str) -> bool:
        return self._executor is not None and self._key == (workers, code)

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
        self._executor, self._key = None, None


_POOL = _Pool()


def render_jobs(jobs: Sequence[Job], code: str, workers: int | None = None) -> Iterator[bytes]:
    """Each job's bytes, in the jobs' order, rendered on ``workers`` processes (default: :func:`worker_count`).

    ``code`` fingerprints the rendering code (a changed fingerprint starts new
    workers). Raises the first failing job's :class:`DocumentError`, in order.
    """
    workers = worker_count() if workers is None else workers
    if workers <= 1 or len(jobs) <= 1 or (len(jobs) < SMALL_BATCH and not _POOL.running(workers, code)):
        for source, fmt in jobs:
            yield render(source, fmt)
        return
    epoch = os.environ.get(EPOCH)
    pool = _POOL.get(workers, code)  # a spawned pool starts its workers as jobs need them
    futures: list[Future[bytes]] = []
    try:
        futures = [pool.submit(_render_job, source, fmt, epoch) for source, fmt in jobs]
        for future in futures:
            yield future.result()
    except BrokenProcessPool as err:
        _POOL.close()
        raise DocumentError(f"a document rendering worker stopped unexpectedly: {err}") from None
    finally:
        for future in futures:  # after a failure, or if the caller stops early
            future.cancel()


def shutdown() -> None:
    """Stop the workers (they also stop when this process exits)."""
    _POOL.close()
