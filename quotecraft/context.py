"""The per-document context: what every stage after the parse reads about one document.

A :class:`DocContext` is made once per document, right after the parse, and handed
to each stage (direct detection, reported detection, merging, building the records).
It carries the text the ``Doc``'s offsets index, the segmentation (paragraphs,
boilerplate), the character-to-token index and the sentence id of every token, so
no stage recomputes them and nothing is cached in a module or in the caller's ``Doc``.

Example:
    >>> import spacy
    >>> doc = spacy.blank("en")("He left. She stayed.")
    >>> doc[3].is_sent_start = True
    >>> ctx = DocContext.of(doc)
    >>> ctx.text, ctx.index.at(9), ctx.sent_ids
    ('He left. She stayed.', 3, [0, 0, 0, 1, 1, 1])
"""

from __future__ import annotations

from collections.abc import Iterable
from re import Pattern

import numpy as np
from attrs import frozen
from spacy.tokens import Doc

from .candidates import TokenIndex
from .doc_arrays import token_array
from .segment import Offsets, Segmentation, segment


@frozen
class DocContext:
    """One parsed document as the stages see it. Made by :meth:`of`; read-only."""

    doc: Doc
    """The parsed ``Doc``."""
    text: str
    """The text the ``Doc``'s character offsets index (built once: spaCy joins every
    token on each ``doc.text``)."""
    seg: Segmentation
    """The segmentation: the article text, paragraphs, boilerplate, warnings."""
    index: TokenIndex
    """Character offset to token index."""
    sent_ids: list[int]
    """The sentence number of each token."""

    @property
    def paragraphs(self) -> tuple[Offsets, ...]:
        """``(start, end)`` of each paragraph."""
        return self.seg.paragraphs

    @property
    def boilerplate(self) -> tuple[Offsets, ...]:
        """``(start, end)`` of each boilerplate line."""
        return self.seg.boilerplate

    @classmethod
    def of(
        cls,
        doc: Doc,
        seg: Segmentation | None = None,
        *,
        boilerplate: Iterable[Pattern[str]] | None = None,
    ) -> DocContext:
        """The context of ``doc``, whose text is ``seg.parse_text`` (or the article text).

        Without ``seg`` the Doc's own text is segmented as plain text, with the
        ``boilerplate`` patterns (default: the packaged ones).
        """
        if seg is None:
            text = doc.text
            seg = segment(text, html=False, boilerplate_patterns=boilerplate)
        else:
            text = seg.normalized if _ends_with_doc(doc, seg.normalized) else doc.text
        return cls(doc=doc, text=text, seg=seg, index=TokenIndex(doc), sent_ids=sentence_ids(doc))


def _ends_with_doc(doc: Doc, text: str) -> bool:
    """True when ``text`` ends where the Doc's last token does (it is the Doc's text)."""
    return not len(doc) or doc[-1].idx + len(doc[-1].text_with_ws) == len(text)


def sentence_ids(doc: Doc) -> list[int]:
    """The sentence number of each token of ``doc`` (all 0 without sentence boundaries).

    Example:
        >>> import spacy
        >>> doc = spacy.blank("en")("Yes. No. Maybe.")
        >>> doc[2].is_sent_start, doc[4].is_sent_start = True, True
        >>> sentence_ids(doc)
        [0, 0, 1, 1, 2, 2]
    """
    if not (doc.has_annotation("SENT_START") and len(doc)):
        return [0] * len(doc)
    starts = token_array(doc, "SENT_START").astype(np.int64) > 0  # one array read, no Tokens
    starts[0] = True
    return (np.cumsum(starts) - 1).tolist()
