"""How a text is cut into pieces for the spaCy parse, so that no input is slow to parse.

The parse costs about the same per token whatever the text, except in two places,
which the cuts here keep away from the parser:

- **Runs without a space.** spaCy's tokenizer strips a run's prefixes and suffixes
  one at a time, searching the rest of the run each time, so its time grows with
  the square of the run: 20,000 quotation marks in a row take about a minute,
  ``x's's's...`` of 8,000 characters 13 s. No piece holds a run of more than
  :data:`RUN_CHARS` characters without a space: a longer run is cut into pieces of
  its own, preferably after a punctuation mark.
- **Punctuation without words.** A run of at least :data:`JUNK_CHARS` punctuation
  marks or symbols (no letter or digit; spaces do not count) can hold no quotation
  of words, only marks. It becomes a piece that the statistical pipeline never
  sees (:func:`junk_doc`): every mark is a token and a sentence of its own,
  tagged as punctuation. A page of 100,000 quotation marks takes seconds, not minutes.

Texts longer than the chunk limit are cut as before: at paragraph breaks, else
line breaks, sentence ends or spaces, into pieces of at most ``limit`` characters
and at most :data:`PIECE_TOKENS` tokens (counted roughly, as words and marks). News
text (no run of 200 characters without a space, no 32 marks without a word) is cut
exactly as before these limits.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import numpy as np
from spacy.attrs import ORTH, SENT_START
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.vocab import Vocab

RUN_CHARS = 200
"""Longest run without a space handed to spaCy's tokenizer in one piece (news: at most
about 130, a long URL)."""

JUNK_CHARS = 32
"""Punctuation marks or symbols in a row (spaces aside) that make a piece of their own,
annotated without the statistical pipeline."""

PIECE_TOKENS = 10_000
"""Most tokens (words and marks, counted roughly) in one piece: a piece of 20,000
characters of news holds about 4,700, so the limit binds only on text dense in
marks, where it keeps the memory of a piece bounded."""


SENTENCE_TOKENS = 300
"""Longest sentence the stages after the parse see (news: at most about 150 tokens).
Some stages walk a clause's whole subtree for each candidate, so their time grows with
the square of a sentence's length: ``"a," she said`` 1,400 times with no full stop took
107 s. :func:`cap_unpunctuated` presets sentence starts before the parse; the parse
stage checks the parser's sentences after it."""


class Piece(NamedTuple):
    """A piece of the text parsed on its own: ``text[start:end]``."""

    start: int
    end: int
    cut: str
    """What ends it: ``"paragraph break"``, ``"line break"``, ``"sentence end"``,
    ``"space"``, ``"word"`` (no break near), ``"run"`` (a long run without a space),
    ``"marks"`` (punctuation without words, before or after), or ``"end"``."""
    junk: bool = False
    """Punctuation without words: annotated by :func:`junk_doc`, not parsed."""


_JUNK = re.compile(rf"[\W_]{{{JUNK_CHARS},}}")
_LONG_RUN = re.compile(rf"\S{{{RUN_CHARS + 1},}}")
_TOKEN = re.compile(r"\w+|[^\w\s]")
_SEPARATORS = (
    ("\n\n", "paragraph break"),
    ("\n", "line break"),
    (". ", "sentence end"),
    (" ", "space"),
)


def plan_pieces(text: str, limit: int) -> list[Piece]:
    """Cut ``text`` into pieces that cover it exactly, in order.

    Example:
        >>> [(p.start, p.end, p.cut) for p in plan_pieces("aa\\n\\nbb\\n\\ncc", 5)]
        [(0, 4, 'paragraph break'), (4, 8, 'paragraph break'), (8, 10, 'end')]
        >>> [(p.end - p.start, p.junk) for p in plan_pieces("Hi. " + '"' * 40 + " Bye.", 1000)]
        [(4, False), (40, True), (5, False)]
    """
    out: list[Piece] = []
    pos = 0
    for m in _JUNK.finditer(text):
        s, e = _junk_bounds(text, m.start(), m.end())
        if e - s < JUNK_CHARS or sum(not c.isspace() for c in text[s:e]) < JUNK_CHARS:
            continue
        out += _plain(text, pos, s, limit, last="marks")
        out += [Piece(a, min(a + limit, e), "marks", junk=True) for a in range(s, e, limit)]
        pos = e
    out += _plain(text, pos, len(text), limit, last="end")
    return out


def _junk_bounds(text: str, s: int, e: int) -> tuple[int, int]:
    """A run of marks without its edge whitespace, and without the marks that cling to
    the words beside it (``Go."`` keeps its closing mark) when a space sets them apart."""
    if s > 0 and text[s - 1].isalnum():
        k = next((i for i in range(s, e) if text[i].isspace()), s)
        s = k
    if e < len(text) and text[e].isalnum():
        k = next((i for i in range(e - 1, s - 1, -1) if text[i].isspace()), e - 1)
        e = k + 1
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _plain(text: str, start: int, stop: int, limit: int, last: str) -> list[Piece]:
    """``text[start:stop]`` (words) in pieces of at most ``limit`` characters and
    :data:`PIECE_TOKENS` tokens, no run without a space over :data:`RUN_CHARS`."""
    out: list[Piece] = []
    while start < stop:
        window_end = _token_cap(text, start, min(stop, start + limit))
        if window_end >= stop:
            out += _cut_runs(text, start, stop, last)
            break
        cut, why = -1, "word"
        for sep, name in _SEPARATORS:
            k = text.rfind(sep, start + (window_end - start) // 2, window_end)
            if k >= 0:
                cut, why = k + len(sep), name
                break
        if cut <= start:
            cut, why = window_end, "word"
        out += _cut_runs(text, start, cut, why)
        start = cut
    return out


def _token_cap(text: str, start: int, end: int) -> int:
    """``end``, or earlier where ``text[start:end]`` reaches :data:`PIECE_TOKENS` tokens."""
    if end - start <= PIECE_TOKENS:  # fewer characters than the cap: fewer tokens too
        return end
    for n, m in enumerate(_TOKEN.finditer(text, start, end)):
        if n == PIECE_TOKENS:
            return m.start()
    return end


def _cut_runs(text: str, start: int, end: int, last: str) -> list[Piece]:
    """The piece ``text[start:end]``, cut around and inside runs without a space longer
    than :data:`RUN_CHARS`."""
    out: list[Piece] = []
    pos = start
    for m in _LONG_RUN.finditer(text, start, end):
        if m.start() > pos:
            out.append(Piece(pos, m.start(), "run"))
        a = m.start()
        while m.end() - a > RUN_CHARS:
            window = text[a + RUN_CHARS // 2 : a + RUN_CHARS]
            k = max(window.rfind(c) for c in ",.;:!?/-)]}\"'”’»")
            cut = a + RUN_CHARS // 2 + k + 1 if k >= 0 else a + RUN_CHARS
            out.append(Piece(a, cut, "run"))
            a = cut
        out.append(Piece(a, m.end(), "run"))
        pos = m.end()
    if pos < end or not out:
        out.append(Piece(pos, end, last))
    else:
        out[-1] = out[-1]._replace(cut=last)
    return out


def junk_doc(vocab: Vocab, text: str) -> Doc:
    """A ``Doc`` of punctuation without words, annotated without the statistical pipeline.

    Every mark is a token (whitespace as spaCy keeps it) and a sentence of its own: its
    own head, ``ROOT``, part of speech ``PUNCT`` (``SPACE`` for whitespace), no entity.

    Example:
        >>> from spacy.vocab import Vocab
        >>> doc = junk_doc(Vocab(), '"" «»\\n\\n—')
        >>> [t.text for t in doc], doc.text == '"" «»\\n\\n—', len(list(doc.sents))
        (['"', '"', '«', '»', '\\n\\n', '—'], True, 6)
    """
    words: list[str] = []
    spaces: list[bool] = []
    for m in re.finditer(r"\S|\s+", text):
        w = m.group()
        if w[0].isspace() and words and not spaces[-1] and w[0] == " ":
            spaces[-1] = True  # one space after a token is its trailing whitespace
            w = w[1:]
            if not w:
                continue
        words.append(w)
        spaces.append(False)
    n = len(words)
    space = [w.isspace() for w in words]
    return Doc(
        vocab,
        words=words,
        spaces=spaces,
        pos=["SPACE" if s else "PUNCT" for s in space],
        tags=["_SP" if s else "NFP" for s in space],
        lemmas=words,
        heads=list(range(n)),
        deps=["ROOT"] * n,
        ents=["O"] * n,
    )


_CUT_NAMES = {
    "paragraph break": ("paragraph break", "paragraph breaks"),
    "line break": ("line break", "line breaks"),
    "sentence end": ("sentence end", "sentence ends"),
    "space": ("space", "spaces"),
    "run": ("long run without a space", "long runs without a space"),
    "marks": ("run of marks without words", "runs of marks without words"),
    "word": ("place inside a word (no break near)", "places inside words (no break near)"),
}


def describe(plan: list[Piece]) -> str:
    """How the text was cut, for warning W004: the cuts counted by kind.

    Example:
        >>> describe(plan_pieces("aa\\n\\nbb\\ncc dd", 4))
        '1 paragraph break, 1 line break and 1 space'
    """
    counts = {kind: 0 for kind in _CUT_NAMES}
    for p in plan[:-1]:
        counts[p.cut] += 1
    parts = [f"{n} {_CUT_NAMES[kind][n != 1]}" for kind, n in counts.items() if n]
    if len(parts) < 2:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


CUT_AFTER = frozenset(",;:\"'”’»«“‘„)")
_SENTENCE_END = frozenset(".!?")
_SENTENCE_END_IDS = np.array(sorted(get_string_id(c) for c in _SENTENCE_END), dtype=np.uint64)


def _may_run_long(doc: Doc) -> bool:
    """Whether ``doc`` may have a stretch :func:`cap_unpunctuated` cuts: more than
    :data:`SENTENCE_TOKENS` tokens between two sentence starts (a set start, or the token
    after a full stop, question or exclamation mark). False only when it has none."""
    n = len(doc)
    if n <= SENTENCE_TOKENS:
        return False
    ends = np.isin(doc.to_array(ORTH), _SENTENCE_END_IDS).nonzero()[0] + 1
    set_starts = (doc.to_array(SENT_START) == 1).nonzero()[0]
    starts = np.unique(np.concatenate(([0, n], ends, set_starts)))
    return bool((np.diff(starts) > SENTENCE_TOKENS).any())


def cap_unpunctuated(doc: Doc) -> Doc:
    """Before the parse: start a sentence inside any stretch of more than
    :data:`SENTENCE_TOKENS` tokens with no full stop, question or exclamation mark and
    no sentence start already set, after a comma, colon or quotation mark where one is
    near. News never has such a stretch (the longest in the PolNeAR and GUM texts: 203).

    Example:
        >>> import spacy
        >>> doc = cap_unpunctuated(spacy.blank("en")("a , " * 400))
        >>> [t.i for t in doc if t.is_sent_start][:3]
        [0, 300, 600]
    """
    if not _may_run_long(doc):
        return doc  # read from the token arrays: no Token is made for a text without one
    return _cap_walk(doc)


def _cap_walk(doc: Doc) -> Doc:
    """:func:`cap_unpunctuated` token by token."""
    run = 0
    good = -1  # the latest token after a comma or quotation mark in this stretch
    for t in doc:
        if t.text in _SENTENCE_END:
            run, good = 0, -1  # the next token starts a sentence, or the parser may say so
            continue
        run = 1 if t.is_sent_start else run + 1
        if run == 1:
            good = -1
        if t.i > 0 and doc[t.i - 1].text in CUT_AFTER:
            good = t.i
        if run > SENTENCE_TOKENS:
            cut = good if good > t.i - SENTENCE_TOKENS // 2 else t.i
            doc[cut].is_sent_start = True
            run, good = t.i - cut + 1, -1
    return doc
