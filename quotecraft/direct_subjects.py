"""A direct quote's attribution past the window after its closing mark: a long subject.

``"...," Ann Lee, 69, a retired nurse, said`` puts the cue far from the quote;
:mod:`quotecraft.direct` asks :func:`cue_after_long_subject` for it, through the parse.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .candidates import TokenIndex
from .cues import CueLexicon
from .direct_windows import FINAL
from .marks import Quoted
from .structure import is_attribution_verb, is_speech_cue, misread_participle

QUOTE_OPENERS = frozenset('“"‘«„')
"""Opening quotation marks."""

_LONG_SUBJECT = 40
"""Tokens scanned after a quote for ``"...," Ann Lee, 69, a retired nurse, said``."""


def cue_after_long_subject(
    doc: Doc, q: Quoted, index: TokenIndex, lexicon: CueLexicon
) -> Token | None:
    """A cue verb after a long subject (name, age, apposition), found through the parse.

    Every token between the closing mark and the cue must be punctuation or belong
    to the cue's subject, so a cue of a later clause is never taken.
    """
    if q.close is None:
        return None
    first = index.at(q.close) + 1
    for i in range(first, min(len(doc), first + _LONG_SUBJECT)):
        t = doc[i]
        if "\n" in t.text or t.text in FINAL or t.text in QUOTE_OPENERS:
            return None
        if misread_participle(t, first):
            return t  # '"...," the farmer, Jo Lee, snapped ...' parsed as "the farmer snapped"
        if not is_speech_cue(t, lexicon) and not (
            is_attribution_verb(t) and t.dep_ not in ("relcl", "acl", "advcl")
        ):
            continue
        subject: set[int] = set()
        for c in t.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.i < t.i:
                subject.update(x.i for x in c.subtree)
        between = doc[first:i]
        if subject and all(x.i in subject or x.is_punct or x.is_space for x in between):
            return t
        if (
            not subject
            and t.tag_ in ("VBD", "VBZ")
            and is_speech_cue(t, lexicon)
            and phrase_before(doc, first, i) is not None
        ):
            return t  # '"...," Ramos, 58, told AFP': the parser read the name apart from the verb
        return None
    return None


def phrase_before(doc: Doc, first: int, end: int) -> Token | None:
    """The head of the one name or noun phrase (appositions included) that fills
    ``doc[first:end]`` up to a comma before ``end``, else None."""
    if end - first < 3 or doc[end - 1].text != ",":
        return None
    head = doc[first]
    while head.head.i != head.i and first <= head.head.i < end:
        head = head.head
    if head.pos_ not in ("PROPN", "NOUN"):
        return None
    own = {x.i for x in head.subtree if not (x.is_punct or x.is_space)}
    if not own or min(own) != first or max(own) >= end:
        return None
    if not all(x.i in own or x.is_punct or x.is_space for x in doc[first:end]):
        return None
    return head
