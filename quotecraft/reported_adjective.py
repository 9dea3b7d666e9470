"""A speech verb the parser read as an adjective of the next noun, rule
``reported.misread_adjective.v1``.

``The 42-year-old said business had never been better``: a small model reads *said* as
the adjective "aforementioned" (``the said business``), so the sentence has a subject
``The 42-year-old said business`` and no cue. The rule reads the verb back when

- it is a speech or writing verb of the lexicon whose frames take a clause, hung on the
  noun after it as an adjective or a compound, and tagged as a past tense (the tagger saw
  a verb), or a participle of a verb of ``non_adjective_participles`` (*said*, *told*:
  no adjective but *the said*), not one such as ``pledged delegates`` or ``reported
  cases``, which is an adjective;
- the word before it is no determiner (``the said property`` is the adjective, as the
  admission check ``said_adjective`` knows) but ends a phrase of its own: a noun, an
  adjective, a number or a name (``The 42-year-old``, ``The mother of three``);
- that noun is the last word of the subject of a verb after it, and the subject starts
  before the cue: the words from the subject's start to the cue are the speaker, the
  rest of the clause is what was said;
- or, for a verb of ``telling_verbs``, that noun is the person told, the root of a
  sentence read as a noun phrase, and a clause with a subject of its own right after it,
  read as its relative clause, is what was told (``The 19-year-old told police he had
  been at home``).
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import DEP, POS
from spacy.tokens import Doc, Token

from .attribution import Attribution
from .candidates import Candidate, reported_candidate
from .content_trim import SUBJECT_DEPS, trim_bounds
from .cues import CueLexicon
from .doc_arrays import token_array
from .wordlists import word_list

ADJECTIVE_RULE = "reported.misread_adjective.v1"
_CONFIDENCE = 0.6
_SPEECH_CLASSES = frozenset({"speech", "writing"})
_PHRASE_ENDS = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})
_MODIFIER_DEPS = ("amod", "compound")


def misread_adjective(cue: Token, lexicon: CueLexicon) -> tuple[int, int, int, int] | None:
    """The speaker's start and head, the content's start and end (token indices) when
    ``cue`` is a speech verb read as an adjective (see the module's description), else
    None."""
    doc = cue.doc
    if cue.dep_ not in _MODIFIER_DEPS or cue.i == 0:
        return None
    if cue.tag_ != "VBD" and not (
        cue.tag_ == "VBN" and cue.lemma_.lower() in word_list("non_adjective_participles")
    ):
        return None  # "pledged delegates", "reported cases": a participle as adjective
    verb = lexicon.verb(cue)
    if verb is None or verb.cls not in _SPEECH_CLASSES or "ccomp" not in verb.frames:
        return None
    before = doc[cue.i - 1]
    if before.pos_ not in _PHRASE_ENDS or before.is_sent_start:
        return None
    noun = cue.head
    if noun.i < cue.i:
        return None
    if noun.dep_ == "ROOT" and cue.lemma_.lower() in word_list("telling_verbs"):
        return _told(cue, noun)
    subject = noun
    while subject.dep_ not in SUBJECT_DEPS and subject.head.i != subject.i:
        subject = subject.head  # "The mother of three said business": of the subject
    clause = subject.head
    if (
        subject.dep_ not in SUBJECT_DEPS
        or subject.right_edge.i != noun.right_edge.i
        or subject.left_edge.i >= cue.i
        or clause.i < noun.i
        or clause.pos_ not in ("VERB", "AUX")
    ):
        return None
    bounds = trim_bounds(doc, cue.i + 1, clause.right_edge.i + 1)
    if bounds is None or bounds[1] - bounds[0] < 2:
        return None
    head = subject.i if subject.i < cue.i else cue.i - 1
    return subject.left_edge.i, head, bounds[0], bounds[1]


def _told(cue: Token, noun: Token) -> tuple[int, int, int, int] | None:
    """``The 19-year-old told police he had been at home``: the sentence read as a noun
    phrase on the person told, the clause told as its relative clause (one with a subject
    of its own after the noun)."""
    clause = next(
        (
            c
            for c in noun.rights
            if c.dep_ in ("relcl", "acl", "ccomp") and any(x.dep_ == "nsubj" for x in c.children)
        ),
        None,
    )
    start = noun.left_edge.i
    if clause is None or start >= cue.i or clause.left_edge.i != noun.i + 1:
        return None
    first = clause.left_edge.i + (clause.doc[clause.left_edge.i].lower_ == "that")
    bounds = trim_bounds(clause.doc, first, clause.right_edge.i + 1)
    if bounds is None or bounds[1] - bounds[0] < 2:
        return None
    return start, cue.i - 1, bounds[0], bounds[1]


def misread_adjective_attributions(doc: Doc, lexicon: CueLexicon) -> list[Candidate]:
    """Rule ``reported.misread_adjective.v1`` (see the module's description)."""
    if not len(doc):
        return []
    deps = [doc.vocab.strings[d] for d in _MODIFIER_DEPS]
    verb = doc.vocab.strings["VERB"]
    modifier = np.isin(token_array(doc, DEP), deps)
    hits = np.nonzero(modifier & (token_array(doc, POS) == verb))[0].tolist()
    out: list[Candidate] = []
    for i in hits:
        cue = doc[i]
        found = misread_adjective(cue, lexicon)
        if found is None:
            continue
        start, head, s, e = found
        speaker = Attribution(speaker=(start, cue.i), speaker_head=head)
        out.append(reported_candidate(doc, (s, e), cue, ADJECTIVE_RULE, _CONFIDENCE, speaker))
    return out
