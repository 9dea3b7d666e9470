"""``As X notes, ...`` with the cue verb read as a noun, rule ``reported.misread_verb.v1``.

``As Chomsky notes, language is a uniquely human capacity``: a small model reads *Chomsky
notes* as a noun phrase, the object of the preposition *as*, and the attribution
(``reported.as_said.v1`` when the parse is right) is lost. The rule reads the noun back
as the verb when

- *as* opens its sentence and hangs on the sentence's verb as a preposition, or marks a
  clause whose verb the tagger read as a noun (``As Brandt (2019) reports,``);
- its object (or that noun) is the third-person form of a verb of the lexicon with a
  clause frame whose class is speech, writing or belief (``notes``, ``argues``,
  ``writes``, ``believes``), or its plain form after names joined by *and* or *et al.*
  (``As Brandt and Ito report``), the words between *as* and it (the subject the parser
  folded into the noun phrase) name someone (a capitalized word, or a determiner first:
  ``As the author notes``), and a comma follows it;
- the rest of the sentence is a clause with a verb: that clause is what was said.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .attribution import Attribution
from .candidates import Candidate, reported_candidate
from .content_trim import trim_bounds
from .cues import CueLexicon
from .misread_forms import plural_form, verb_lemma, without_citation
from .reported_misread import MISREAD_RULE
from .speaker_names import tokens_lowered

_CONFIDENCE = 0.6
_CLASSES = frozenset({"speech", "writing", "belief"})


def as_misread(as_tok: Token, lexicon: CueLexicon) -> tuple[Token, int, int, int] | None:
    """The misread cue, the speaker's start, the content's start and end (token indices)
    for an ``As X notes, ...`` sentence opened by ``as_tok``, else None."""
    doc = as_tok.doc
    if not as_tok.is_sent_start:
        return None
    if as_tok.dep_ == "prep":
        noun = next((c for c in as_tok.children if c.dep_ == "pobj"), None)
    elif as_tok.dep_ == "mark" and as_tok.head.pos_ in ("NOUN", "PROPN"):
        noun = as_tok.head  # "As Brandt (2019) reports,": the clause's verb read as a noun
    else:
        return None
    if noun is None or noun.i < as_tok.i + 2 or noun.i + 2 >= len(doc):
        return None
    if doc[noun.i + 1].text != ",":
        return None
    sent = as_tok.sent
    lemma = verb_lemma(noun, lexicon) or plural_form(noun, lexicon)
    verb = lexicon.verbs.get(lemma) if lemma is not None else None
    if verb is None or verb.cls not in _CLASSES or "ccomp" not in verb.frames:
        return None
    first = doc[as_tok.i + 1]
    subject = doc[as_tok.i + 1 : noun.i]
    if not all(noun.is_ancestor(t) for t in subject):
        return None
    if not (first.is_title or first.is_upper or first.tag_ in ("DT", "PRP$")):
        return None
    bounds = trim_bounds(doc, noun.i + 2, sent.end)
    if bounds is None or not any(t.pos_ in ("VERB", "AUX") for t in doc[bounds[0] : bounds[1]]):
        return None
    return noun, as_tok.i + 1, bounds[0], bounds[1]


def as_misread_attributions(doc: Doc, lexicon: CueLexicon) -> list[Candidate]:
    """The candidates of ``As X notes, ...`` sentences whose cue was read as a noun."""
    out: list[Candidate] = []
    for as_tok in tokens_lowered(doc, ("as",)):
        found = as_misread(as_tok, lexicon)
        if found is None:
            continue
        noun, start, s, e = found
        first, end = without_citation(doc, start, noun.i)  # "As Brandt (2019) reports,"
        # the subject's head: the word that hangs outside it ("Ferreira" of "Ferreira and Lund")
        head = next((t.i for t in doc[first:end] if not first <= t.head.i < end), end - 1)
        speaker = Attribution(speaker=(first, end), speaker_head=head)
        lemma = verb_lemma(noun, lexicon) or plural_form(noun, lexicon)
        out.append(reported_candidate(doc, (s, e), noun, MISREAD_RULE, _CONFIDENCE, speaker, lemma))
    return out
