"""A long article analyzed unit by unit, keeping only the records.

A document longer than :data:`~quotecraft.parse.UNIT_CHARS` is parsed and analyzed in
units (:func:`~quotecraft.parse.parse_units`). Each unit gets its own slice of the
segmentation (:func:`slice_segmentation`); its quotes come back with offsets into the
unit, which :func:`shift` moves to offsets into the whole text. Once a unit's quotes are
out, its ``Doc`` is dropped, so memory grows with the unit, not the article.

What the units cannot share: a speaker is resolved within its unit (a surname resolves
to the full name given earlier in the same unit), and a quote does not run from one unit
into the next (units are cut at paragraph breaks). A person or organization of the
same name in different units gets the same speaker id.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable
from re import Pattern
from typing import Any

import attrs

from .batch import DocUnits
from .context import DocContext
from .doc_arrays import reading
from .errors import W_MORE, W_STRAY, W_UNCLOSED
from .marks import MAX_LISTED
from .records import Quote
from .segment import Offsets, Segmentation


def slice_segmentation(seg: Segmentation, start: int, end: int) -> Segmentation:
    """The segmentation of ``seg.text[start:end]``: paragraphs and boilerplate clipped to
    it and counted from ``start``, no warnings (the whole text's are given once).

    Example:
        >>> from quotecraft.segment import segment
        >>> part = slice_segmentation(segment("One.\\n\\nTwo two.\\n\\nThree."), 6, 15)
        >>> part.text, part.paragraphs
        ('Two two.\\n', ((0, 8),))
    """

    def clip(spans: tuple[Offsets, ...]) -> tuple[Offsets, ...]:
        return tuple(
            (max(s, start) - start, min(e, end) - start) for s, e in spans if s < end and e > start
        )

    return Segmentation(
        text=seg.text[start:end],
        normalized=seg.normalized[start:end],
        paragraphs=clip(seg.paragraphs),
        boilerplate=clip(seg.boilerplate),
        is_html=seg.is_html,
    )


def shift(record: Any, delta: int) -> Any:
    """``record`` with every ``start``/``end`` offset in it moved by ``delta`` (any attrs
    record, walked generically, so a span field added later is moved too).

    Example:
        >>> from quotecraft.records import TextSpan
        >>> shift((TextSpan(0, 3, "abc"), None), 10)
        (TextSpan(start=10, end=13, text='abc'), None)
    """
    if isinstance(record, tuple):
        items = tuple(shift(x, delta) for x in record)
        return record if all(a is b for a, b in zip(items, record, strict=True)) else items
    if not attrs.has(type(record)):
        return record
    changes: dict[str, Any] = {}
    for f in attrs.fields(type(record)):
        value = getattr(record, f.name)
        if f.name in ("start", "end") and isinstance(value, int):
            changes[f.name] = value + delta
        else:
            moved = shift(value, delta)
            if moved is not value:
                changes[f.name] = moved
    return attrs.evolve(record, **changes) if changes else record


class Merger:
    """Collects the quotes and mark warnings of one document's units, in text order."""

    def __init__(self, seg: Segmentation) -> None:
        self.seg = seg
        self.para_starts = [s for s, _ in seg.paragraphs] or [0]
        self.quotes: list[Quote] = []
        self.warnings: list[str] = []
        self.more: Counter[str] = Counter()
        self.speaker_ids: dict[str, str] = {}  # a name -> the id of its first speaker
        self.units = 0

    def add(self, start: int, quotes: list[Quote], warnings: list[str]) -> None:
        """The quotes (offsets into the unit at ``start``) and warnings of the next unit."""
        self.units += 1
        ids: dict[str, str] = {}
        for q in quotes:
            q = shift(q, start)
            q = attrs.evolve(
                q,
                paragraph=max(0, bisect_right(self.para_starts, q.content.start) - 1),
                speaker=self._speaker(q.speaker, ids),
                addressee=self._speaker(q.addressee, ids),
            )
            self.quotes.append(q)
        for w in warnings:
            more = _MORE.match(w)
            if more:
                self.more[more.group(1)] += int(more.group(2))
            else:
                self.warnings.append(_OFFSET.sub(lambda m: f"at offset {int(m[1]) + start}", w))

    def _speaker(self, sp: Any, ids: dict[str, str]) -> Any:
        """The speaker with an id unique across units; one id per person's or organization's
        name (``officials`` in two units may be two groups)."""
        if sp is None:
            return None
        if sp.id not in ids:
            named = sp.name and str(sp.kind) in ("person", "organization")
            key = f"name:{sp.name}" if named else f"unit{self.units}:{sp.id}"
            ids[sp.id] = self.speaker_ids.setdefault(key, f"U{len(self.speaker_ids) + 1}")
        return attrs.evolve(sp, id=ids[sp.id])

    def mark_warnings(self) -> list[str]:
        """The units' W001/W002 warnings: the first ``MAX_LISTED`` of each kind, then a count."""
        out: list[str] = []
        listed: Counter[str] = Counter()
        more = Counter(self.more)
        for w in self.warnings:
            code = w[:4]
            if code in _MARK_CODES:
                listed[code] += 1
                if listed[code] > MAX_LISTED:
                    more[code] += 1
                    continue
            out.append(w)
        out += [W_MORE.format(code=code, n=n) for code, n in sorted(more.items()) if n]
        return out


_MARK_CODES = frozenset(w.split()[0] for w in (W_UNCLOSED, W_STRAY))
_MORE = re.compile(r"^(W\d{3}) and (\d+) more like it")
_OFFSET = re.compile(r"at offset (\d+)")


def quotes_by_unit(
    seg: Segmentation,
    units: DocUnits,
    quotes: Callable[[DocContext, list[str]], list[Quote]],
    *,
    boilerplate: Iterable[Pattern[str]] | None = None,
) -> tuple[Merger, DocContext]:
    """The ``quotes`` (a function of a unit's context, adding to its warnings) of each of a
    document's ``units``, merged; with the last unit's context.

    Each unit's ``Doc`` is dropped before the next unit is read.
    """
    merger = Merger(seg)
    while True:
        unit = next(units)  # the previous unit's Doc is freed here
        ctx = DocContext.of(
            unit.doc, slice_segmentation(seg, unit.start, unit.end), boilerplate=boilerplate
        )
        found: list[str] = []
        with reading(unit.doc):  # each token array of the unit read once
            merger.add(unit.start, quotes(ctx, found) if len(unit.doc) else [], found)
        if unit.last:
            return merger, ctx
        del ctx
