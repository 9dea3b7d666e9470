"""The working record passed between stages before records are built.

A :class:`Candidate` is mutable and holds token indices into one parsed
``Doc``; :mod:`quotecraft.assemble` turns the survivors into frozen
:class:`~quotecraft.records.Quote` records.
"""

from __future__ import annotations

from bisect import bisect_right

from attrs import define, field
from spacy.tokens import Doc, Token

from .attribution import Attribution


@define
class Candidate:
    """A quotation found by one rule, not yet merged or resolved."""

    kind: str
    """``"direct"``, ``"indirect"`` or ``"mixed"``."""
    start: int
    """Content start (character offset)."""
    end: int
    """Content end (character offset)."""
    rule: str
    confidence: float
    pieces: list[tuple[int, int]] = field(factory=list)
    """Quoted pieces (character offsets): direct-quote parts or mixed-quote fragments."""
    cue: tuple[int, int] | None = None
    """Cue character bounds."""
    cue_lemma: str | None = None
    cue_token: int | None = None
    cue_type: str | None = None
    """A :class:`~quotecraft.records.CueType` value; None: taken from the lexicon."""
    negated: bool = False
    attribution: Attribution = field(factory=Attribution)
    inherits: bool = False
    """True when the speaker is to be taken from the preceding quotation."""
    closed: bool = True

    def overlaps(self, other: Candidate) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end


class TokenIndex:
    """Character offset to token index, for one ``Doc`` (built once per document)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.starts: list[int] = doc.to_array("IDX").tolist()  # one array read, no Token objects

    def at(self, char: int) -> int:
        """Index of the token containing (or just before) character ``char``."""
        i = bisect_right(self.starts, char) - 1
        return max(0, min(i, len(self.starts) - 1))


def cue_bounds(tok: Token) -> tuple[int, int, str]:
    """Character bounds and lemma of a cue token with its particles (``pointed out``), or
    of a copula with its adjective (``was clear`` that ...)."""
    start = tok.idx
    end = tok.idx + len(tok.text)
    lemma = tok.lemma_.lower()
    if tok.lower_ == "according":
        for c in tok.children:
            if c.lower_ == "to" and c.i == tok.i + 1:  # not the "to" of "a note to clients"
                end = c.idx + len(c.text)
                lemma = "according to"
    if lemma == "be":  # the quotative "was like", "'m just like" (structure.quotative_be)
        for c in tok.children:
            if c.lower_ in ("like", "all") and 0 < c.i - tok.i <= 2:
                end = c.idx + len(c.text)
                lemma = f"be {c.lower_}"
            elif c.dep_ == "acomp" and c.pos_ == "ADJ" and 0 < c.i - tok.i <= 2:
                end = c.idx + len(c.text)  # "was clear that ...": the adjective says how
                lemma = f"be {c.lower_}"
    for c in tok.children:
        if c.dep_ == "prt" and c.i == tok.i + 1:
            end = c.idx + len(c.text)
            lemma = f"{lemma} {c.lower_}"
    return start, end, lemma


def reported_candidate(
    doc: Doc,
    bounds: tuple[int, int],
    cue: Token,
    rule: str,
    confidence: float,
    attribution: Attribution,
    lemma: str | None = None,
) -> Candidate:
    """An indirect candidate of ``rule`` whose content is the tokens ``bounds`` and whose
    cue is ``cue`` (its lemma ``lemma`` when given, else read with :func:`cue_bounds`)."""
    s, e = bounds
    cue_s, cue_e, cue_lemma = cue_bounds(cue)
    return Candidate(
        kind="indirect",
        start=doc[s].idx,
        end=doc[e - 1].idx + len(doc[e - 1].text),
        rule=rule,
        confidence=confidence,
        cue=(cue_s, cue_e),
        cue_lemma=lemma or cue_lemma,
        cue_token=cue.i,
        attribution=attribution,
    )
