"""A noun cue with its owner, then a colon: ``Her message to the players was simple: ...``.

Rule ``reported.noun_colon.v1``. A sentence that opens with a noun cue of the lexicon
(``data/cues/nouns.tsv``: *message*, *answer*, *warning*, *argument* ...) owned by a
speaker (a possessor, ``the coach's answer``, ``her warning``, or a *from* phrase, ``the
reply from the ministry``), perhaps with a copula and an adjective (``was simple``,
``came quickly``), and then a colon: what follows the colon, a clause with a verb and not
in quotation marks (quoted words after a colon are :mod:`quotecraft.direct`'s
``direct.colon.v1``), is what the owner said. A noun with no owner (``The message was
clear: ...``) names no speaker and is left alone, as is a noun that is no cue (``The
weather was simple: ...``).

Rule ``reported.verb_colon.v1``. A speech or writing verb of the lexicon whose object
points ahead to what follows the colon (``I will say this: ...``, ``Let me say this
clearly: ...``, ``She wrote the following: ...``, ``He told them one thing: ...``): the
clause after the colon, not in quotation marks, is what the verb's subject said. An
object that points back or names a thing (``He said it twice: ...``, ``She signed the
letter: ...``) is no lead-in.
"""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

from .attribution import Attribution, mention_bounds
from .candidates import Candidate
from .cues import CueLexicon
from .doc_arrays import token_array

NOUN_COLON_RULE = "reported.noun_colon.v1"
VERB_COLON_RULE = "reported.verb_colon.v1"
_MAX_LEAD = 14
"""At most this many tokens before the colon."""
_LINKING_VERBS = frozenset({"be", "come", "seem", "remain", "sound", "stay"})
_LINK_POS = frozenset({"ADJ", "ADV", "PART", "PUNCT", "DET"})
_OPENING_MARKS = frozenset("\"“‘«„'")


def noun_colon_attributions(doc: Doc, lexicon: CueLexicon, text: str) -> list[Candidate]:
    """The reports of rule ``reported.noun_colon.v1`` in ``doc`` (``text`` is its text)."""
    if ":" not in text:
        return []
    out: list[Candidate] = []
    colons = (token_array(doc, ORTH) == doc.vocab.strings[":"]).nonzero()[0].tolist()
    for i in colons:  # read from the token array: a Token for each word is slow
        colon = doc[i]
        sent = colon.sent
        lead = doc[sent.start : colon.i]
        if not 2 <= len(lead) <= _MAX_LEAD:
            continue
        noun = next(
            (t for t in lead if t.pos_ == "NOUN" and t.dep_ not in ("poss", "compound")), None
        )
        if noun is None or noun.lemma_.lower() not in lexicon.nouns:
            continue
        owner = _owner(noun)
        if owner is None or noun.left_edge.i != sent.start or not _links(lead, noun):
            continue
        rest = _clause_after(doc, colon)
        if rest is None:
            continue
        weight = lexicon.nouns[noun.lemma_.lower()]
        out.append(_colon_report(NOUN_COLON_RULE, weight, noun, owner, rest, lexicon))
    return out


def _colon_report(
    rule: str, weight: float, cue: Token, speaker: Token, rest: list[Token], lexicon: CueLexicon
) -> Candidate:
    """The report of ``rule``: the words ``rest`` after the colon, said by ``speaker``
    through ``cue``, at 0.85 of the cue's ``weight`` in the lexicon."""
    lemma = cue.lemma_.lower()
    return Candidate(
        kind="indirect",
        start=rest[0].idx,
        end=rest[-1].idx + len(rest[-1].text),
        rule=rule,
        confidence=round(0.85 * weight, 3),
        cue=(cue.idx, cue.idx + len(cue.text)),
        cue_lemma=lemma,
        cue_type=lexicon.cue_type(lemma),
        cue_token=cue.i,
        attribution=Attribution(speaker=mention_bounds(speaker), speaker_head=speaker.i),
    )


def _owner(noun: Token) -> Token | None:
    """Who owns a noun cue: its possessor (``her``, ``the coach's``) or the object of a
    *from* phrase on it (``the reply from the ministry``); None if neither."""
    for c in noun.children:
        if c.dep_ == "poss" and c.pos_ in ("PRON", "PROPN", "NOUN"):
            return c
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "from":
            obj = next((x for x in c.children if x.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ in ("PROPN", "NOUN", "PRON"):
                return obj
    return None


def _links(lead: Span, noun: Token) -> bool:
    """Whether the words between the noun's phrase and the colon only link it to what
    follows (nothing, ``was simple``, ``was the same``, ``came within the hour``): a
    linking verb with its adjectives, adverbs and prepositional phrases, no other verb."""
    for t in lead:
        if t.i <= noun.right_edge.i:
            continue
        if t.pos_ in ("VERB", "AUX"):
            if t.lemma_.lower() not in _LINKING_VERBS:
                return False
        elif t.pos_ not in _LINK_POS and not any(
            a.dep_ in ("prep", "npadvmod") and a.head.lemma_.lower() in _LINKING_VERBS
            for a in [t, *t.ancestors]
        ):
            return False
    return True


def _clause_after(doc: Doc, colon: Token) -> list[Token] | None:
    """The words after ``colon`` to the end of its sentence, without final punctuation,
    when they are a clause with a verb not in quotation marks; else None."""
    rest = [t for t in doc[colon.i + 1 : colon.sent.end] if not t.is_space]
    while rest and rest[-1].is_punct:
        rest.pop()
    if (
        len(rest) < 2
        or any(t.text in _OPENING_MARKS for t in rest)
        or not any(t.pos_ in ("VERB", "AUX") for t in rest)
    ):
        return None
    return rest


_AHEAD_COUNTED = frozenset({"thing", "things", "word", "words", "point", "points"})
"""Nouns that point ahead when counted (``one thing:``, ``two points:``)."""
_SAYING = frozenset({"speech", "writing"})


def verb_colon_attributions(doc: Doc, lexicon: CueLexicon, text: str) -> list[Candidate]:
    """The reports of rule ``reported.verb_colon.v1`` in ``doc`` (``text`` is its text)."""
    if ":" not in text:
        return []
    out: list[Candidate] = []
    colons = (token_array(doc, ORTH) == doc.vocab.strings[":"]).nonzero()[0].tolist()
    for i in colons:
        colon = doc[i]
        k = i - 1
        while k >= 0 and doc[k].pos_ == "ADV":  # "say this clearly:"
            k -= 1
        if k < 0 or not _points_ahead(doc[k]):
            continue
        verb = doc[k].head
        said = lexicon.verb(verb)
        if said is None or said.cls not in _SAYING:
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None:
            continue  # "Consider this:": no one named says it
        rest = _clause_after(doc, colon)
        if rest is None:
            continue
        out.append(_colon_report(VERB_COLON_RULE, said.confidence, verb, subject, rest, lexicon))
    return out


def _points_ahead(word: Token) -> bool:
    """Whether ``word``, right before a colon, is an object pointing ahead: *this*, *the
    following*, or a counted *thing*, *word* or *point* (``one thing``, ``two points``)."""
    if word.dep_ != "dobj":
        return False
    if word.lower_ == "following":
        return word.i > 0 and word.doc[word.i - 1].lower_ == "the"
    if word.lower_ in _AHEAD_COUNTED:
        return any(c.dep_ == "nummod" for c in word.children)
    return word.lower_ == "this"
