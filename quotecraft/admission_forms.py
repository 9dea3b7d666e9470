"""Admission checks about a content's or a source's form (:mod:`quotecraft.admission`
lists them all): ``bare_copula``, a copula with a pronoun subject and nothing else, and
``manner_according``, *according to* that says how, not who."""

from __future__ import annotations

from spacy.tokens import Token

from .cues import CueLexicon


def bare_copula(cue: Token, content: Token, lexicon: CueLexicon | None = None) -> bool:
    """A content that is a copula with a pronoun subject and nothing else (``That was``
    in ``"It's over." That was all the coach would say``, read as *say*'s clause): it
    states nothing."""
    if content.lemma_ != "be" or content.i > cue.i:
        return False  # after the cue: an ellipsis ('Is it true? He said it was.')
    if content.i + 1 < len(content.doc) and content.nbor(1).text in (",", "—", "-", "–"):
        return False  # 'We were, he told us, mediocre specimens': the aside cut the clause
    return all(
        c.dep_ in ("punct", "neg")
        or (c.dep_ in ("nsubj", "expl") and c.tag_ in ("DT", "PRP", "EX"))
        for c in content.children
    )


def manner_according(cue: Token, content: Token, lexicon: CueLexicon | None = None) -> bool:
    """*according to* with a bare singular noun, inside its clause with no comma before
    it, says how, not who (``Students are grouped according to ability``, ``Salaries vary
    according to experience``); a source is set off (``..., according to the report``) or
    named with an article, a possessive, a number or a name (``according to a poll``,
    ``according to Reuters``)."""
    if cue.lower_ != "according" or cue.is_sent_start or cue.i == 0:
        return False
    if cue.doc[cue.i - 1].text in (",", "(", "—", "–", "-", ";", ":"):
        return False
    to = next((c for c in cue.children if c.lower_ == "to"), None)
    obj = next((o for o in to.children if o.dep_ == "pobj"), None) if to is not None else None
    if obj is None or obj.tag_ != "NN" or obj.ent_type_:
        return False
    return not any(c.dep_ in ("det", "poss", "nummod", "compound") for c in obj.children)
