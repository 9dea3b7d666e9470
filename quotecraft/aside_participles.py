"""An aside's participle that the parser read as a finite verb.

``The coach, asked whether he would resign, said ...``: a small model's parse often makes
*asked* a finite verb whose subject is *the coach*, and then hangs it on the main verb as
a clause (*said* has no subject), or makes it the sentence's root with the main verb as
its clause (``Ana Ruiz, asked whether the mine would reopen, could only say that ...``).
Either way *the coach* was asked and speaks in the main clause: the question has no
speaker in the sentence (:func:`quotecraft.attribution.addressed_participle`), its
content ends before the main verb (:func:`quotecraft.reported_bounds.complement_list_tail`)
and the main verb finds its subject across the aside
(:func:`quotecraft.subject_asides.subject_across_aside`).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .subject_asides import SUBJECT_DEPS, finite

__all__ = [
    "aside_read_as_clause",
    "aside_subject",
    "main_read_as_clause",
    "object_before_cue",
    "opens_aside",
    "participle_aside",
]

_SUBJECTS = SUBJECT_DEPS | {"expl"}


def aside_read_as_clause(cue: Token) -> bool:
    """``The coach, asked whether he would resign, said ...``: the parser made the aside's
    participle a finite verb with the subject before the comma, its clause the object of
    the main verb that follows with no subject of its own."""
    if not _set_off_subject(cue):
        return False
    if cue.dep_ == "ROOT":  # "Ana Ruiz, asked whether ..., could only say": "say" its clause
        return main_read_as_clause(cue) is not None
    main = cue.head
    return (
        cue.dep_ in ("ccomp", "advcl")
        and main.i > cue.i
        and not any(c.dep_ in _SUBJECTS for c in main.children)
    )


def main_read_as_clause(cue: Token) -> Token | None:
    """The main verb the parser made a clause of the aside's participle ``cue``
    (:func:`aside_read_as_clause`): its clause after a comma, with no subject of its own."""
    if cue.dep_ != "ROOT" or not _set_off_subject(cue):
        return None
    for c in cue.rights:
        first = c.left_edge.i
        if c.dep_ != "ccomp" or first <= cue.i + 1 or cue.doc[first - 1].text != ",":
            continue
        if finite(c) and not any(g.dep_ in _SUBJECTS for g in c.children):
            return c
    return None


def _set_off_subject(cue: Token) -> bool:
    """Whether ``cue``'s subject ends right before it with a comma (``The coach, asked``)."""
    subj = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.i + 2 == cue.i and cue.doc[subj.i + 1].text == ","


def object_before_cue(cue: Token, content: Token) -> list[Token]:
    """``The talks have failed, a senior official, speaking on condition of anonymity,
    said``: the parser read the speaker, set off by a comma after the clause it reports,
    as the object of that clause's verb and the aside after it as the clause's own, and
    left the cue that ends the sentence with no subject. The speaker's head and the
    aside's participle (nothing when the sentence is not so read)."""
    if content.dep_ != "ccomp" or content.head.i != cue.i or not content.i < cue.i:
        return []
    doc = cue.doc
    if doc[cue.i - 1].text != "," or any(c.dep_ in _SUBJECTS for c in cue.children):
        return []
    for obj in content.rights:
        if not _set_off_noun(obj):
            continue  # an object follows its verb with no comma
        aside = [c for c in content.rights if c.i > obj.right_edge.i and opens_aside(c)][:1]
        end = max(t.right_edge.i for t in [obj, *aside]) + 1
        if all(t.is_punct for t in doc[end : cue.i]):
            return [obj, *aside]
    return []


def aside_subject(cue: Token) -> Token | None:
    """The speaker whose aside ``cue`` is, when the parse hung both on the clause they
    follow (``Prices will rise, analysts, citing weak demand, warned``: *analysts*, not
    *Prices*, cite): the noun set off by commas right before the participle."""
    if cue.dep_ != "advcl" or cue.i < 3 or not opens_aside(cue):
        return None
    clause = cue.head  # the clause reported by a verb after the aside, not the main clause
    if clause.dep_ != "ccomp" or clause.head.i < cue.i:
        return None  # "endorsed X at Mar-a-Lago, X's club, calling him ...": his own act
    return next(
        (c for c in clause.children if c.right_edge.i == cue.i - 2 and _set_off_noun(c)), None
    )


def _set_off_noun(tok: Token) -> bool:
    """A noun the parse hung on a clause's verb as an object or a bare adverbial, after a
    comma (``..., a senior official,``): a speaker set off after the clause it reports."""
    return (
        tok.dep_ in ("dobj", "npadvmod")
        and tok.pos_ in ("NOUN", "PROPN")
        and tok.i > tok.head.i
        and tok.doc[tok.left_edge.i - 1].text == ","
    )


def opens_aside(t: Token) -> bool:
    """A participle that opens an aside after a comma (``, speaking privately``)."""
    return (
        t.tag_ in ("VBG", "VBN") and t.left_edge.i == t.i and t.i > 0 and t.doc[t.i - 1].text == ","
    )


def participle_aside(doc: Doc, t: Token, first: int) -> bool:
    """A participle opening an aside set off by commas after the speaker's noun phrase,
    which starts at token ``first`` (``a senior official, speaking on condition of
    anonymity, said``)."""
    end = t.right_edge.i + 1
    return opens_aside(t) and t.i > first + 1 and end < len(doc) and doc[end].text == ","
