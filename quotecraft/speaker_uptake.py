"""Whether a pronoun takes up a name, the text's evidence that the name is a person's.

:mod:`quotecraft.speaker_untagged` asks these of a name the tagger missed or mislabelled:
whether *he* or *she* is the next sentence's main subject (:func:`next_subject_pronoun`,
``Okonkwo Achebe ran the market. He said ...``), the first gendered pronoun after it
(:func:`taken_up`), *his* or *her* in its own clause (:func:`own_possessive`,
``Marcus found his sister``), and whether any other person is named near it for the
pronoun to take up instead (:func:`no_person_near`).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .speaker_features import first_names, pronouns

__all__ = ["next_subject_pronoun", "no_person_near", "own_possessive", "taken_up"]

PERSON = "PERSON"
_PERSONAL = frozenset({"he", "she"})
_DOUBLE_MARKS = frozenset({'"', "“", "”"})
_GENDERS = frozenset({"male", "female"})


def taken_up(tok: Token) -> Token | None:
    """The first gendered third-person pronoun after ``tok`` outside quotation marks, in
    its sentence and the two after it (a quotation the parser split off its attribution
    is one of them), None when a person is named first."""
    doc, sent = tok.doc, tok.sent
    end = sent.end
    for _ in range(2):
        if end < len(doc):
            end = doc[end].sent.end
    quoted = False
    for t in doc[tok.i + 1 : end]:
        if t.ent_type_ == PERSON or (t.pos_ == "PROPN" and t.lower_ in first_names()):
            return None
        if t.text in _DOUBLE_MARKS:
            quoted = t.text == "“" or (t.text == '"' and not quoted)
        elif not quoted and pronouns().get(t.lower_) in _GENDERS:
            return t
    return None


def next_subject_pronoun(span: Span) -> Token | None:
    """*he* or *she* as the subject of the main verb of the sentence after ``span``'s
    (past up to two sentences wholly in quotation marks), with no person named between
    (``Okonkwo Achebe ran the market. He said ...``)."""
    doc = span.doc
    sent = span.sent
    if sent.end >= len(doc) or any(t.ent_type_ == PERSON for t in doc[span.end : sent.end]):
        return None
    nxt = doc[sent.end].sent
    for _ in range(2):  # a line of dialogue is no narration: '"Again?" She set down ...'
        first, last = nxt.start, nxt.end - 1
        while first < last and doc[first].is_space:
            first += 1
        while last > first and doc[last].is_space:
            last -= 1
        if nxt.end >= len(doc) or not (doc[first].is_quote and doc[last].is_quote):
            break
        nxt = doc[nxt.end].sent
    for t in nxt:
        if t.ent_type_ == PERSON:
            return None
        if t.dep_ == "nsubj" and t.head.dep_ == "ROOT":
            return t if t.lower_ in _PERSONAL else None
    return None


def no_person_near(span: Span) -> bool:
    """No person named in ``span``'s sentence or the three before it, for *he* or *she*
    to take up instead (``Okoro said ... He added``, ``Okoro`` read as a body)."""
    first = span.sent
    for _ in range(3):
        if first.start == 0:
            break
        first = span.doc[first.start - 1].sent
    return not any(e.label_ == PERSON for e in span.doc[first.start : span.sent.end].ents)


def own_possessive(span: Span) -> Token | None:
    """*his* or *her* after the verb ``span`` is the subject of, in that verb's clause and
    outside quotation marks, with no person named before it (``Marcus found his sister``)."""
    verb = span.root.head
    for t in verb.subtree:
        if t.i <= verb.i:
            continue
        if t.ent_type_ == PERSON or t.is_quote:
            return None
        if t.tag_ == "PRP$" and pronouns().get(t.lower_) in _GENDERS:
            return t
    return None
