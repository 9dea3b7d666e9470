"""Admission checks about *wh*-words (:mod:`quotecraft.admission` lists them all):
``adverbial_wh``, a time or place clause read as a question, ``free_relative``, a
*what* clause read as a cue's subject and object, and ``relative_on_object``, a relative
clause on the cue's object read as its content."""

from __future__ import annotations

from spacy.tokens import Token

from .cues import CueLexicon
from .subject_asides import SUBJECT_DEPS
from .wordlists import word_list

_WH_ADVERBS = frozenset({"when", "where", "why", "how"})


def adverbial_wh(cue: Token, content: Token, lexicon: CueLexicon | None = None) -> bool:
    """An adverbial clause opening with *when*, *where*, *why* or *how* that does not
    follow the cue or its object directly (``asked for help when the storm hit``): a time
    or place, not the question. ``asked when the office would reopen`` and ``asked the
    clerk when ...``, which the parser reads the same way, are kept
    (``reported.advcl_wh.v1``)."""
    if content.dep_ != "advcl" or content.head.i != cue.i:
        return False
    first = content.left_edge
    if first.lower_ not in _WH_ADVERBS:
        return False
    if first.i < cue.i:
        return True  # "When I joined, they asked me for ...": a fronted time clause
    objects = [c for c in cue.children if c.dep_ in ("dobj", "dative") and c.i < first.i]
    if any(_asked_thing(c, lexicon) for c in objects):
        return True  # "asked a question about X when ...": the question is the object
    before = max((c.right_edge.i for c in objects), default=cue.i)
    return before != first.i - 1


def _asked_thing(obj: Token, lexicon: CueLexicon | None) -> bool:
    """An object that is what was asked (``a question``, ``a favour``), not whom."""
    lemma = obj.lemma_.lower()
    if lemma in ("question", "favour", "favor"):
        return True
    return lexicon is not None and (lemma in lexicon.nouns or lemma in lexicon.propositional_nouns)


_FREE_RELATIVES = frozenset({"what", "whatever"})


def free_relative(cue: Token, content: Token, lexicon: CueLexicon | None = None) -> bool:
    """``What voters think is hard to say``, ``What she believes matters less``: a clause
    opened by *what* at the start of the sentence, whose *what* is the cue's object, is the
    subject of the verb after the cue, which the parser made the cue's content (with
    *what* its subject, or with none). ``What she said, she said that ...`` and ``Asked
    what ..., she said that ...`` have a content with a subject after the cue and stay."""
    if content.i < cue.i:
        return False
    what = min(cue.left_edge, content.left_edge, key=lambda t: t.i)
    if what.lower_ not in _FREE_RELATIVES or not what.is_sent_start or what.i >= cue.i:
        return False
    if what.dep_ not in ("dobj", "nsubj") or what.head.i not in (cue.i, content.i):
        return False
    return not any(c.dep_ in SUBJECT_DEPS and cue.i < c.i for c in content.children)


def relative_on_object(cue: Token, content: Token, lexicon: CueLexicon | None = None) -> bool:
    """A clause whose subject is *who* or *which*, right after the cue's object, on a cue
    that neither tells nor asks (``want to call my dad who is probably at work``): a
    relative clause on the object, which the parser hung on the cue. ``asked the clerk who
    had signed it`` and ``told voters who wonder why ... that ...`` keep theirs."""
    first = content.left_edge
    if content.dep_ != "ccomp" or first.tag_ not in ("WP", "WDT") or first.dep_ not in SUBJECT_DEPS:
        return False
    lemma = cue.lemma_.lower()
    if lemma in word_list("telling_verbs") or lemma == "ask" or first.i == 0:
        return False
    before = content.doc[first.i - 1]
    return before.dep_ == "dobj" and before.head.i == cue.i
