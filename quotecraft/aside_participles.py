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

from spacy.tokens import Token

from .subject_asides import SUBJECT_DEPS, finite

__all__ = ["aside_read_as_clause", "main_read_as_clause"]

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
