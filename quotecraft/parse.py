"""The parse: the segmented texts parsed with spaCy, long ones in pieces, in input order.

spaCy's time per character grows with the length of a ``Doc``, so a text longer
than the chunk limit is cut at paragraph breaks (:func:`split_for_parsing`), its
pieces parsed in the same stream as the other texts and joined back into one
``Doc`` whose offsets index the whole text. Runs without a space and runs of
punctuation without words are cut out too (:mod:`quotecraft.pieces`), and a sentence
the parser makes longer than :data:`~quotecraft.pieces.SENTENCE_TOKENS` tokens is cut
(:func:`cap_sentences`), so no input is slow. :func:`looks_english` is the cheap
guess behind the "not English" warning.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator
from itertools import pairwise
from typing import NamedTuple

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from . import errors
from .pieces import CUT_AFTER, SENTENCE_TOKENS, Piece, describe, junk_doc, plan_pieces
from .segment import Segmentation
from .wordlists import word_list


def chunk_limit(nlp: Language, chunk_chars: int) -> int:
    """Longest piece parsed at once: ``chunk_chars``, within spaCy's ``max_length``."""
    return max(1000, min(chunk_chars, nlp.max_length))


class Unit(NamedTuple):
    """A run of pieces of one document, parsed and joined: what the stages after the parse
    analyze at once (:data:`UNIT_CHARS`)."""

    doc: Doc
    start: int
    """Where the unit starts in the document's text (``doc`` indexes ``text[start:end]``)."""
    end: int
    last: bool
    """The document's last unit."""


UNIT_CHARS = 100_000
"""Length of text analyzed at once. A longer document is parsed and analyzed in units
of about this length, cut at paragraph breaks, and only their records are kept, so memory
grows with the unit, not with the article. Articles up to this length (news: all of them)
are analyzed whole."""


def parse_units(
    nlp: Language,
    segs: Iterator[Segmentation],
    *,
    limit: int,
    batch_size: int = 32,
    n_process: int = 1,
) -> Iterator[Unit]:
    """Parse a stream of segmented documents, long or hostile ones in pieces
    (:func:`~quotecraft.pieces.plan_pieces`), in input order: one or more
    :class:`Unit` per document, its last one marked."""
    pending: deque[tuple[str, list[Piece]]] = deque()  # (text, its pieces) per document

    def texts() -> Iterator[str]:
        for seg in segs:
            text = seg.parse_text
            plan = plan_pieces(text, limit)
            pending.append((text, plan))
            for p in plan:
                if not p.junk:
                    yield text[p.start : p.end]

    parsed = (
        _drop_tensor(cap_sentences(nlp, doc))
        for doc in _pipe(nlp, texts(), batch_size=batch_size, n_process=n_process)
    )
    ahead: Doc | None = None  # a parsed piece read before its document's plan was queued
    while True:
        if not pending:
            ahead = next(parsed, None)  # runs texts(), which queues the next plans
            if not pending:
                return
        text, plan = pending.popleft()
        if not plan:
            yield Unit(nlp.make_doc(""), 0, 0, last=True)
            continue
        groups = _units(plan)
        for k, group in enumerate(groups):
            parts: list[Doc] = []
            for p in group:
                if p.junk:
                    parts.append(junk_doc(nlp.vocab, text[p.start : p.end]))
                elif ahead is not None:
                    parts.append(ahead)
                    ahead = None
                else:
                    parts.append(next(parsed))
            yield Unit(_join(parts), group[0].start, group[-1].end, last=k == len(groups) - 1)


def _units(plan: list[Piece]) -> list[list[Piece]]:
    """The pieces grouped into units of about :data:`UNIT_CHARS` characters, cut after a
    paragraph break (or anywhere past twice that length)."""
    groups: list[list[Piece]] = [[]]
    for p in plan:
        groups[-1].append(p)
        size = p.end - groups[-1][0].start
        if p is not plan[-1] and (
            (size >= UNIT_CHARS and p.cut == "paragraph break") or size >= 2 * UNIT_CHARS
        ):
            groups.append([])
    return groups


def _join(parts: list[Doc]) -> Doc:
    if len(parts) == 1:
        return parts[0]
    # the tensors are not needed after the parse: joining them would double the memory
    return Doc.from_docs(parts, ensure_whitespace=False, exclude=["tensor"])  # type: ignore[call-arg]


def parse_stream(
    nlp: Language,
    segs: Iterator[Segmentation],
    *,
    limit: int,
    batch_size: int = 32,
    n_process: int = 1,
) -> Iterator[Doc]:
    """:func:`parse_units` with each document's units joined into one ``Doc``."""
    units: list[Doc] = []
    for unit in parse_units(nlp, segs, limit=limit, batch_size=batch_size, n_process=n_process):
        units.append(unit.doc)
        if unit.last:
            yield _join(units)
            units = []


BATCH_CHARS = 100_000
"""Most characters parsed in one batch: the parser's working memory grows with the batch,
and 32 pieces of 20,000 characters (one long article) took 2 GB."""


def _pipe(nlp: Language, texts: Iterator[str], *, batch_size: int, n_process: int) -> Iterator[Doc]:
    """``nlp.pipe`` in batches of at most ``batch_size`` texts and :data:`BATCH_CHARS`
    characters (one text at least); spaCy's own batches when it parses in processes."""
    if n_process > 1:
        yield from nlp.pipe(texts, batch_size=batch_size, n_process=n_process)
        return
    batch: list[str] = []
    size = 0
    for text in texts:
        if batch and (len(batch) >= batch_size or size + len(text) > BATCH_CHARS):
            yield from nlp.pipe(batch, batch_size=len(batch))
            batch, size = [], 0
        batch.append(text)
        size += len(text)
    if batch:
        yield from nlp.pipe(batch, batch_size=len(batch))


def _drop_tensor(doc: Doc) -> Doc:
    """The stages after the parse never read the token vectors: free them (about 400 bytes
    a token) rather than carry them, and copy them when pieces are joined."""
    doc.tensor = numpy.zeros((0, 0), dtype="float32")
    return doc


def text_warnings(seg: Segmentation, limit: int) -> list[str]:
    """Warnings about a whole text: parsed in pieces (W004), not English (W003)."""
    out = []
    plan = plan_pieces(seg.normalized, limit)
    if len(plan) > 1:
        out.append(errors.W_SPLIT.format(n=len(seg.text), k=len(plan), how=describe(plan)))
    if not looks_english(seg.normalized):
        out.append(errors.W_LANGUAGE)
    return out


def split_for_parsing(text: str, limit: int) -> list[tuple[int, int]]:
    """The ``(start, end)`` of the pieces :func:`~quotecraft.pieces.plan_pieces` cuts.

    Example:
        >>> split_for_parsing("aa\\n\\nbb\\n\\ncc", 5)
        [(0, 4), (4, 8), (8, 10)]
    """
    return [(p.start, p.end) for p in plan_pieces(text, limit)]


def cap_sentences(nlp: Language, doc: Doc) -> Doc:
    """``doc``, or when the parser made a sentence longer than
    :data:`~quotecraft.pieces.SENTENCE_TOKENS` tokens (which
    :func:`~quotecraft.pieces.cap_unpunctuated` did not prevent), its text parsed again
    with sentence starts set inside each long sentence: every ``SENTENCE_TOKENS``
    tokens at most, after a comma or quotation mark where one is near. News sentences
    are far shorter (at most about 150 tokens), so news is never parsed twice.
    """
    from spacy.attrs import SENT_START

    starts = (doc.to_array(SENT_START) == 1).nonzero()[0].tolist()
    bounds = [*starts, len(doc)] if starts and starts[0] == 0 else [0, *starts, len(doc)]
    long = [(a, b) for a, b in pairwise(bounds) if b - a > SENTENCE_TOKENS]
    if not long:
        return doc
    cuts = [c for a, b in long for c in _sentence_cuts(doc, a, b)]
    again = nlp.make_doc(doc.text)
    for i in cuts:
        again[i].is_sent_start = True
    for _, proc in nlp.pipeline:
        again = proc(again)
    return again


def _sentence_cuts(doc: Doc, a: int, b: int) -> list[int]:
    """Tokens that start a new sentence inside the long sentence ``doc[a:b]``."""
    cuts = []
    while b - a > SENTENCE_TOKENS:
        end = a + SENTENCE_TOKENS
        cut = next(
            (i for i in range(end, a + SENTENCE_TOKENS // 2, -1) if doc[i - 1].text in CUT_AFTER),
            end,
        )
        cuts.append(cut)
        a = cut
    return cuts


def looks_english(text: str, sample: int = 5000) -> bool:
    """A cheap guess: do English function words make up a plausible share of the words?

    Text mostly in a non-Latin script is not English, however short; Latin-script
    text needs more English than French/German/Spanish/Italian/Dutch function words.

    Example:
        >>> looks_english("He said the vote was fair and that the city was ready.")
        True
        >>> looks_english("市长说：“我们将重建这座桥。”")
        False
    """
    head = text[:sample]
    # letters, and letters below U+0250 (Latin), counted without a Python loop over ASCII
    latin = len(head.encode("ascii", "ignore").translate(None, _ASCII_NON_LETTERS))
    n_letters = latin
    for ch in _NON_ASCII.findall(head):
        if ch.isalpha():
            n_letters += 1
            latin += ch < "\u0250"
    if n_letters >= 8 and latin < n_letters / 2:
        return False
    words = _WORD.findall(head.lower())
    if len(words) < 12:
        return True
    hits = sum(map(word_list("english_function_words").__contains__, words))
    foreign = sum(map(word_list("foreign_function_words").__contains__, words))
    return hits / len(words) >= 0.08 and hits > foreign


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ASCII_NON_LETTERS = bytes(c for c in range(128) if not chr(c).isalpha())


_WORD = re.compile(r"[^\W\d_]{1,30}")


def require_parse(doc: Doc) -> None:
    """Refuse a non-empty ``doc`` without a dependency parse
    (:class:`~quotecraft.errors.MissingAnnotationError`)."""
    if len(doc) and not doc.has_annotation("DEP"):
        raise errors.MissingAnnotationError(
            f"{errors.NO_PARSE} the Doc has no dependency parse: quotecraft needs a "
            "pipeline with a 'parser' (and 'ner' for speaker names), and a blank or "
            f"untrained one has none: {errors.MODEL_HINT}."
        )
