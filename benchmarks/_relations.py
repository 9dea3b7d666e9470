"""How a gold quote's content hangs on its gold cue in quotecraft's parse.

The error analysis of ``benchmarks/accuracy.py`` uses it to sort missed quotes by
construction: a corpus that annotates the objects of verbs (*X defended the plan*) or
prepositional objects (*X voted for the bill*) misses quotes that a clause-based rule set
never reaches, whatever its word list.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

RELATIONS = (
    "clause",
    "infinitive",
    "object",
    "prepositional object",
    "passive subject",
    "noun modifier",
    "elsewhere in the sentence",
    "another sentence",
    "no parse",
)
"""The relations, in the order reports list them."""

_CLAUSE = frozenset({"ccomp", "advcl", "parataxis", "conj", "csubj", "acomp", "oprd"})
_PREP_OBJECT = frozenset({"pobj", "pcomp"})

RelationInfo = Callable[[str, tuple[int, int], tuple[int, int]], str]
"""(document id, cue (start, end), content (start, end)) -> one of :data:`RELATIONS`."""


def content_relation(doc: Any, cue: tuple[int, int], content: tuple[int, int]) -> str:
    """The relation of ``content`` to ``cue`` (character spans) in the parsed ``doc``.

    The cue's word is its first verb, noun or adjective (its last token if it has none);
    the content's head is its first token whose syntactic head lies outside the content.
    """
    cue_span = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    span = doc.char_span(content[0], content[1], alignment_mode="expand")
    if cue_span is None or span is None or not len(cue_span) or not len(span):
        return "no parse"
    word = next((t for t in cue_span if t.pos_ in ("VERB", "NOUN", "ADJ")), cue_span[-1])
    cue_ids = {t.i for t in cue_span}
    head = next(
        (t for t in span if not (span.start <= t.head.i < span.end) or t.head.i == t.i), span[0]
    )
    if head.sent.start != word.sent.start:
        return "another sentence"
    if word.head.i == head.i and word.dep_ in ("parataxis", "advcl", "ccomp"):
        return "clause"  # a parenthetical cue: "..., X said, ..." hangs on the content
    governor = head.head
    if (
        governor.dep_ == "prep"
        and head.dep_ in _PREP_OBJECT
        and (governor.i in cue_ids or governor.head.i in cue_ids)
    ):
        return "prepositional object"
    if governor.i not in cue_ids:
        if head.dep_ in ("relcl", "acl") and head.head.i in cue_ids:
            return "noun modifier"
        return "elsewhere in the sentence"
    if head.dep_ == "dobj":
        return "object"
    if head.dep_ == "xcomp":
        return "infinitive"
    if head.dep_ == "nsubjpass":
        return "passive subject"
    if head.dep_ in ("relcl", "acl"):
        return "noun modifier"
    if head.dep_ in _CLAUSE:
        return "clause"
    return "elsewhere in the sentence"


def relation_info(parsed: Sequence[Any]) -> RelationInfo:
    """:func:`content_relation` over parsed gold documents (``.gold`` and ``.doc``)."""
    docs = {str(p.gold["id"]): p.doc for p in parsed}

    def info(doc_id: str, cue: tuple[int, int], content: tuple[int, int]) -> str:
        return content_relation(docs[doc_id], cue, content)

    return info
