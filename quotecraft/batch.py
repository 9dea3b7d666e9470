"""Many documents: segment each, parse them as a stream, analyze each.

A document that fails becomes an :class:`~quotecraft.records.ErrorRecord` in its place
(logged), and the batch goes on; results come in input order. :func:`pipe_documents`
runs a batch in this process or in forked workers (:mod:`quotecraft.workers`);
:func:`stream_documents` is the one-process pipeline.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from . import errors, limits, workers
from .parse import Unit
from .records import Article, ErrorRecord
from .segment import Segmentation


def pipe_documents(
    items: Iterable[Any],
    *,
    segment: Callable[[Any], Segmentation],
    parse: Callable[..., Iterator[Unit]],
    analyze: Callable[..., Article],
    batch_size: int = 32,
    n_process: int = 1,
) -> Iterator[Article | ErrorRecord]:
    """Batch items (:func:`unpack_item`) through :func:`stream_documents`, in input order.

    ``parse`` takes the segmentations and ``batch_size`` and ``n_process``. With
    ``n_process`` > 1 where :func:`~quotecraft.workers.available`, that many forked workers
    each run the whole pipeline on chunks of documents and send back the records;
    elsewhere ``parse`` gets ``n_process`` and this process does the rest.
    """
    limits.check_batch(batch_size, n_process)
    numbered = (unpack_item(item, n) for n, item in enumerate(items))

    def here(
        items: Iterable[tuple[str | None, Any]], *, batch_size: int = batch_size, n_process: int = 1
    ) -> Iterator[Article | ErrorRecord]:
        return stream_documents(
            items,
            segment=segment,
            parse=lambda segs: parse(segs, batch_size=batch_size, n_process=n_process),
            analyze=analyze,
        )

    if n_process > 1 and workers.available():
        # forked workers run the whole pipeline; only records come back
        return workers.pipe_processes(here, numbered, batch_size=batch_size, n_process=n_process)
    return here(numbered, n_process=n_process)


def stream_documents(
    items: Iterable[tuple[str | None, Any]],
    *,
    segment: Callable[[Any], Segmentation],
    parse: Callable[[Iterator[Segmentation]], Iterator[Unit]],
    analyze: Callable[..., Article],
) -> Iterator[Article | ErrorRecord]:
    """``(id, text)`` items through ``segment``, ``parse`` (a stream of units) and
    ``analyze`` (a document's segmentation and its :class:`DocUnits`), in order."""
    queue: deque[tuple[str | None, Segmentation | ErrorRecord]] = deque()

    def segs() -> Iterator[Segmentation]:
        for doc_id, text in items:
            try:
                seg = segment(text)
            except Exception as exc:  # isolate one bad document
                queue.append((doc_id, error_record(doc_id, exc)))
                continue
            queue.append((doc_id, seg))
            yield seg

    units = DocUnits(parse(segs()))
    while units.more():
        while queue and isinstance(queue[0][1], ErrorRecord):
            yield queue.popleft()[1]  # type: ignore[misc]
        doc_id, seg = queue.popleft()
        assert isinstance(seg, Segmentation)
        try:
            yield analyze(seg, units, id=doc_id)
        except Exception as exc:  # isolate one bad document
            units.skip_document()
            yield error_record(doc_id, exc)
    while queue:
        rec = queue.popleft()[1]
        if isinstance(rec, ErrorRecord):
            yield rec


class DocUnits:
    """The parsed units of a stream of documents (:func:`~quotecraft.parse.parse_units`),
    read one document at a time."""

    def __init__(self, units: Iterator[Unit]) -> None:
        self._units = units
        self._next: Unit | None = None
        self._in_document = False  # a document's units are being read

    def more(self) -> bool:
        """Whether another document follows."""
        if self._next is None:
            self._next = next(self._units, None)
        return self._next is not None

    def peek(self) -> Unit:
        """The current document's next unit, left to be read."""
        if self._next is None:
            self._next = next(self._units)
        return self._next

    def __next__(self) -> Unit:
        """The current document's next unit."""
        unit = self._next if self._next is not None else next(self._units)
        self._next = None
        self._in_document = not unit.last
        return unit

    def skip_document(self) -> None:
        """Read past the rest of a document whose analysis failed."""
        while self._in_document:
            next(self)


_log = logging.getLogger(__name__)


def error_record(doc_id: str | None, exc: Exception) -> ErrorRecord:
    """The record that takes a failed document's place in a batch, logged.

    quotecraft's own errors (bad input, a text over the limit) are the user's to fix and
    are logged at DEBUG; any other exception is a bug, logged at WARNING with its traceback.
    """
    if isinstance(exc, errors.QuotecraftError):
        _log.debug("document %r: %s: %s", doc_id, type(exc).__name__, exc)
    else:
        _log.warning(
            "document %r failed (%s: %s); it becomes an error record",
            doc_id,
            type(exc).__name__,
            exc,
            exc_info=exc,
        )
    return ErrorRecord(doc_id, type(exc).__name__, str(exc))


def unpack_item(item: Any, n: int) -> tuple[str | None, Any]:
    """``(id, text)`` of a batch item: a string, an ``{"id", "text"}`` dict or an ``(id, text)``
    tuple; ``n`` (the item's position) is the id when it has none."""
    if isinstance(item, dict):
        doc_id = item.get("id")
        return (str(doc_id) if doc_id is not None else str(n)), item.get("text")
    if isinstance(item, tuple) and len(item) == 2:
        return str(item[0]), item[1]
    return str(n), item
