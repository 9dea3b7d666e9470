"""Many processes: each worker runs the whole pipeline on whole documents.

spaCy's own ``nlp.pipe(n_process=N)`` parses in N worker processes but ships every
parsed ``Doc`` (with its tensors) back to the main process, which then does the rest
of the work alone: on a 2-core machine the main process competes with both workers
and two processes give well under twice the speed. Here each worker segments, parses
and extracts a chunk of documents itself and sends back only the records.

The workers are forked from the calling process, so they share its loaded model,
lexicons, compiled matchers and registered rules (nothing is loaded twice) and the
results are exactly those of one process. Where ``fork`` is not available (Windows,
macOS), :meth:`Extractor.pipe <quotecraft.extractor.Extractor.pipe>` falls back to
spaCy's ``n_process``.

A worker that dies (killed for memory, a crash in native code) costs only its own
documents: its chunk is retried one document at a time in a fresh pool, and a
document that kills a worker again becomes an :class:`~quotecraft.records.ErrorRecord`
of type ``WorkerError``.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Any, Protocol

from . import errors
from .records import Article, ErrorRecord

Result = Article | ErrorRecord


class RunHere(Protocol):
    """The whole pipeline in one process on ``(id, text)`` items, results in input order
    (what :meth:`Extractor.pipe <quotecraft.extractor.Extractor.pipe>` does with one process)."""

    def __call__(
        self, items: Iterable[tuple[str | None, Any]], *, batch_size: int = ...
    ) -> Iterator[Result]: ...


_RUN: RunHere | None = None
"""The pipeline the forked workers inherit (set only while a pool is running)."""

CHUNKS_AHEAD = 2
"""Chunks queued per worker beyond the one it is working on (bounds memory)."""

CHUNK_DOCS = 8
"""Documents per task at most: small tasks keep both workers busy to the end of a batch;
spaCy parses 8 documents at a time as fast as 32."""


def available() -> bool:
    """Whether a worker pool can be forked here now (Linux, and no pool already running).

    When it is not, :meth:`Extractor.pipe <quotecraft.extractor.Extractor.pipe>` with
    ``n_process`` > 1 uses spaCy's ``n_process`` instead, with the same results.

    Example:
        >>> from quotecraft import workers
        >>> isinstance(workers.available(), bool)
        True
    """
    return (
        _RUN is None
        and sys.platform.startswith("linux")
        and "fork" in multiprocessing.get_all_start_methods()
    )


def _work(chunk: list[tuple[str | None, str]], batch_size: int) -> list[Result]:
    """Runs in a worker: the whole pipeline on one chunk of documents."""
    assert _RUN is not None, "quotecraft worker started without an extractor"
    return list(_RUN(chunk, batch_size=batch_size))


class _Pool:
    """A fork-based process pool that can be replaced when a worker dies."""

    def __init__(self, n_process: int) -> None:
        self.n_process = n_process
        self.ctx = multiprocessing.get_context("fork")
        self.executor = ProcessPoolExecutor(n_process, mp_context=self.ctx)

    def submit(self, chunk: list[tuple[str | None, str]], batch_size: int) -> Future[list[Result]]:
        try:
            return self.executor.submit(_work, chunk, batch_size)
        except BrokenProcessPool:
            self.renew()
            return self.executor.submit(_work, chunk, batch_size)

    def renew(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = ProcessPoolExecutor(self.n_process, mp_context=self.ctx)

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def pipe_processes(
    run: RunHere,
    items: Iterable[tuple[str | None, Any]],
    *,
    batch_size: int,
    n_process: int,
) -> Iterator[Result]:
    """Extract ``(id, text)`` items in ``n_process`` forked workers, in input order.

    Each worker calls ``run`` (the extractor's one-process pipeline) on its chunks.

    The input is read lazily: at most ``n_process * (1 + CHUNKS_AHEAD)`` chunks of
    ``min(batch_size, CHUNK_DOCS)`` documents are in flight at any time. Most code
    calls it through ``extract_many(..., n_process=N)`` or ``Extractor.pipe``.

    Raises:
        RuntimeError: :func:`available` is false (not Linux, or a pool is running).

    Example:
        >>> import quotecraft
        >>> from quotecraft import workers
        >>> items = [("a", '"Yes," he said.'), ("b", b"bytes"), ("c", "")]
        >>> if workers.available():
        ...     run = quotecraft.load().pipe  # in a worker: one process
        ...     out = list(workers.pipe_processes(run, items, batch_size=8, n_process=2))
        ... else:  # not Linux: the same through spaCy's processes
        ...     out = list(quotecraft.load().pipe(items, n_process=2))
        >>> [(r.id, type(r).__name__) for r in out]
        [('a', 'Article'), ('b', 'ErrorRecord'), ('c', 'Article')]
    """
    global _RUN
    size = max(1, min(batch_size, CHUNK_DOCS))
    if not available():
        raise RuntimeError("quotecraft: forked workers are not available here (see available())")
    _RUN = run
    pool = _Pool(n_process)
    it = iter(items)
    # per chunk: its items in order, and the future of its string documents
    pending: deque[tuple[list[tuple[str | None, Any]], Future[list[Result]]]] = deque()

    def fill() -> None:
        while len(pending) < n_process * (1 + CHUNKS_AHEAD):
            chunk = list(islice(it, size))
            if not chunk:
                return
            texts = [(i, t) for i, t in chunk if isinstance(t, str)]
            pending.append((chunk, pool.submit(texts, size)))

    try:
        fill()
        while pending:
            chunk, future = pending.popleft()
            try:
                done = future.result()
            except BrokenProcessPool:
                # a worker died and took the pool with it. Every chunk that had not
                # finished is retried one document at a time, each alone in the pool,
                # so a document that kills a worker again is known for certain.
                pool.renew()
                retried = [(chunk, _one_by_one(pool, chunk, size))]
                for c, f in pending:
                    finished = _result_if_done(f)
                    retried.append(
                        (c, finished if finished is not None else _one_by_one(pool, c, size))
                    )
                pending.clear()
                for c, d in retried:
                    yield from _in_order(run, c, d)
                fill()
                continue
            yield from _in_order(run, chunk, done)
            fill()
    finally:
        pool.close()
        _RUN = None


def _result_if_done(future: Future[list[Result]]) -> list[Result] | None:
    """A future's result if it finished before the pool broke, else None."""
    if future.done() and not future.cancelled() and future.exception() is None:
        return future.result()
    return None


def _one_by_one(pool: _Pool, chunk: list[tuple[str | None, Any]], batch_size: int) -> list[Result]:
    """Retry a chunk whose worker died, one document per task, one task at a time."""
    out: list[Result] = []
    for doc_id, text in chunk:
        if not isinstance(text, str):
            continue
        try:
            out.extend(pool.submit([(doc_id, text)], batch_size).result())
        except BrokenProcessPool:
            pool.renew()
            out.append(
                ErrorRecord(
                    doc_id,
                    "WorkerError",
                    f"{errors.WORKER_DIED} the worker process died on this document (out of "
                    "memory, or a crash in native code); run it alone with n_process=1 to see "
                    "the error",
                )
            )
    return out


def _in_order(
    run: RunHere, chunk: list[tuple[str | None, Any]], done: list[Result]
) -> Iterator[Result]:
    """The chunk's results in input order: worker results for strings, errors for the rest."""
    results = iter(done)
    for doc_id, text in chunk:
        if isinstance(text, str):
            yield next(results)
        else:
            # the same ErrorRecord one process gives (the worker never saw this item)
            yield from run([(doc_id, text)])
