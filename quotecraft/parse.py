"""The parse: the segmented texts parsed with spaCy, long ones in pieces, in input order.

spaCy's time per character grows with the length of a ``Doc``, so a text longer
than the chunk limit is cut at paragraph breaks (:func:`split_for_parsing`), its
pieces parsed in the same stream as the other texts and joined back into one
``Doc`` whose offsets index the whole text. :func:`looks_english` is the cheap
guess behind the "not English" warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc

from . import errors
from .limits import describe_cuts
from .segment import Segmentation
from .wordlists import word_list


def chunk_limit(nlp: Language, chunk_chars: int) -> int:
    """Longest piece parsed at once: ``chunk_chars``, within spaCy's ``max_length``."""
    return max(1000, min(chunk_chars, nlp.max_length))


def parse_stream(
    nlp: Language,
    segs: Iterator[Segmentation],
    *,
    limit: int,
    batch_size: int = 32,
    n_process: int = 1,
) -> Iterator[Doc]:
    """Parse a stream of segmented documents, long ones in pieces, in input order."""
    pending: list[tuple[int, int]] = []  # (doc number, number of pieces)

    def pieces() -> Iterator[str]:
        for n, seg in enumerate(segs):
            chunks = split_for_parsing(seg.normalized, limit)
            pending.append((n, len(chunks)))
            for s, e in chunks:
                yield seg.normalized[s:e]

    docs_iter = nlp.pipe(pieces(), batch_size=batch_size, n_process=n_process)
    buffer: list[Doc] = []
    for doc in docs_iter:
        buffer.append(doc)
        while pending and len(buffer) >= pending[0][1]:
            _, k = pending.pop(0)
            parts, buffer = buffer[:k], buffer[k:]
            if k == 0:
                yield nlp.make_doc("")
            elif k == 1:
                yield parts[0]
            else:
                yield Doc.from_docs(parts, ensure_whitespace=False)
    while pending and pending[0][1] == 0:
        pending.pop(0)
        yield nlp.make_doc("")


def text_warnings(seg: Segmentation, limit: int) -> list[str]:
    """Warnings about a whole text: parsed in pieces (W004), not English (W003)."""
    out = []
    if len(seg.normalized) > limit:
        pieces = split_for_parsing(seg.normalized, limit)
        how = describe_cuts(seg.normalized, pieces)
        out.append(errors.W_SPLIT.format(n=len(seg.text), k=len(pieces), how=how))
    if not looks_english(seg.normalized):
        out.append(errors.W_LANGUAGE)
    return out


def split_for_parsing(text: str, limit: int) -> list[tuple[int, int]]:
    """Partition ``text`` into pieces of at most about ``limit`` characters.

    Cuts fall at paragraph breaks where possible, else at line breaks, sentence
    ends or spaces; the pieces cover the text exactly, in order.

    Example:
        >>> split_for_parsing("aa\\n\\nbb\\n\\ncc", 5)
        [(0, 4), (4, 8), (8, 10)]
    """
    if len(text) <= limit:
        return [(0, len(text))] if text else []
    out: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    while start < n:
        if n - start <= limit:
            out.append((start, n))
            break
        window_end = start + limit
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            k = text.rfind(sep, start + limit // 2, window_end)
            if k >= 0:
                cut = k + len(sep)
                break
        if cut <= start:
            cut = window_end
        out.append((start, cut))
        start = cut
    return out


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
