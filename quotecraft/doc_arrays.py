"""Token attribute arrays of the document at work, each read once (and other per-document memos).

spaCy's ``Doc.to_array`` walks every token of the ``Doc`` on each call (tens of
microseconds for a news article), and the stages after the parse ask for the same few
arrays (lowercase forms, part-of-speech tags, dependency labels ...) many times per
document. Inside :func:`reading`, :func:`token_array` and :func:`token_values` keep each
array of that one ``Doc`` and hand the same read-only copy to every stage; for another
``Doc``, or outside the block, they read it afresh. Nothing outlives the block: the
stages do not change the parse, and nothing is kept in a module or in the ``Doc``.
:func:`token_positions` finds the tokens of a word list by a binary search in the sorted
values (:func:`token_order`), not by a pass over the array per list.
:func:`memo` gives a stage a table of its own for the block, for a function of a token
that several stages ask about (:func:`quotecraft.attribution.speaker_head`).

Example:
    >>> import spacy
    >>> doc = spacy.blank("en")("A b a")
    >>> with reading(doc):
    ...     token_array(doc, "LOWER") is token_array(doc, "LOWER")
    True
    >>> token_values(doc, "LOWER") == tuple(doc.to_array("LOWER").tolist())
    True
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import numpy as np
from spacy.attrs import IDS
from spacy.tokens import Doc, Span


class _Arrays:
    """The arrays read so far from one ``Doc``."""

    __slots__ = ("arrays", "doc", "memos", "values")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.arrays: dict[int, np.ndarray] = {}
        self.values: dict[int, tuple[int, ...]] = {}
        self.memos: dict[str, dict[Any, Any]] = {}


_ACTIVE: ContextVar[_Arrays | None] = ContextVar("quotecraft_doc_arrays", default=None)


@contextmanager
def reading(doc: Doc) -> Iterator[None]:
    """Keep the arrays of ``doc`` that :func:`token_array` reads, for the ``with`` block."""
    token = _ACTIVE.set(_Arrays(doc))
    try:
        yield
    finally:
        _ACTIVE.reset(token)


def _block(doc: Doc) -> _Arrays | None:
    """The arrays kept for ``doc`` in the :func:`reading` block at work, else None."""
    active = _ACTIVE.get()
    return active if active is not None and active.doc is doc else None


def _attr_id(attr: int | str) -> int:
    return attr if isinstance(attr, int) else IDS[attr.upper()]


def token_array(doc: Doc, attr: int | str) -> np.ndarray:
    """``doc.to_array(attr)`` for one attribute (an id of :mod:`spacy.attrs` or its
    name), read once per :func:`reading` block. The array is read-only."""
    key = _attr_id(attr)
    active = _block(doc)
    if active is None:
        return doc.to_array(key)
    arr = active.arrays.get(key)
    if arr is None:
        arr = doc.to_array(key)
        arr.flags.writeable = False
        active.arrays[key] = arr
    return arr


def token_values(doc: Doc, attr: int | str) -> tuple[int, ...]:
    """:func:`token_array` as a tuple of Python ints (cheaper to index one by one)."""
    key = _attr_id(attr)
    active = _block(doc)
    if active is None:
        return tuple(doc.to_array(key).tolist())
    values = active.values.get(key)
    if values is None:
        values = tuple(token_array(doc, key).tolist())
        active.values[key] = values
    return values


def token_order(doc: Doc, attr: int | str) -> tuple[np.ndarray, np.ndarray]:
    """The values of ``attr`` sorted, and the token index of each: where a value occurs is
    a binary search away (:func:`token_positions`). Read once per :func:`reading` block."""
    key = _attr_id(attr)
    table = memo(doc, "order")
    found = table.get(key) if table is not None else None
    if found is None:
        values = token_array(doc, key)
        order = np.argsort(values, kind="stable")
        found = (values[order], order)
        if table is not None:
            table[key] = found
    return found


def token_positions(doc: Doc, attr: int | str, wanted: np.ndarray) -> list[int]:
    """The indices of the tokens whose ``attr`` is one of ``wanted`` (a sorted array of
    string hashes), in text order."""
    values, order = token_order(doc, attr)
    lo = np.searchsorted(values, wanted, "left")
    hi = np.searchsorted(values, wanted, "right")
    found = np.flatnonzero(hi > lo)
    if not len(found):
        return []
    if len(found) == 1:
        k = found[0]
        return sorted(order[lo[k] : hi[k]].tolist())
    return sorted(i for k in found.tolist() for i in order[lo[k] : hi[k]].tolist())


def memo(doc: Doc, name: str) -> dict[Any, Any] | None:
    """The table ``name`` of values computed for ``doc`` in this :func:`reading` block
    (None outside it, or for another ``Doc``: compute afresh). Its keys and values are
    the caller's; a value must depend on nothing but the ``Doc``, the key and what stays
    fixed for the block (the extractor's word lists)."""
    return None if _block(doc) is None else _kept(doc, name, dict)


def sentences(doc: Doc) -> tuple[Span, ...]:
    """``tuple(doc.sents)``, read once per :func:`reading` block: spaCy builds the
    sentences afresh, token by token, on every pass over ``Doc.sents``."""
    return _kept(doc, "sents", lambda: tuple(doc.sents))


def entities(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, read once per :func:`reading` block (spaCy builds a new ``Span`` per
    entity on every read)."""
    return _kept(doc, "ents", lambda: tuple(doc.ents))


def document_text(doc: Doc) -> str | None:
    """``doc.text``, read once per :func:`reading` block (spaCy joins every token's text
    on each read): slice it by the tokens' ``idx`` for a span's text. None outside the
    block, where a span's own text is the cheaper read."""
    return None if _block(doc) is None else _kept(doc, "text", lambda: doc.text)


def _kept(doc: Doc, name: str, compute: Callable[[], Any]) -> Any:
    active = _block(doc)
    if active is None:
        return compute()
    found = active.memos.get(name)
    if found is None:
        found = active.memos[name] = compute()
    return found
