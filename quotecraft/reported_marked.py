"""Reported speech the parser hid in an object: a *that* clause read as the cue's object.

Rule ``reported.marked_object.v1``: a clause opened by *that* whose verb the parser read
as a noun and made the cue's object (``argued that language shapes perception``:
*language shapes perception* read as a compound noun, the object of *argued*, with
*that* hung on it; or *that* itself read as the object, with the rest hung on it). A
noun takes no *that* as a conjunction, so an object of a cue whose frames take a clause
that is such a *that* or opens with it as its mark, with two words or more after it of
which the first may open a subject (a noun, pronoun, determiner, adjective or number;
not ``learned that from ...``, ``said that given ...``), is the clause said
(:func:`marked_object_attributions`); the content starts after *that*. *That* read as
the object's determiner opens such a clause too when a tensed verb stands between it and
its noun (``told me that hard work beats talent``: *beats* read inside the noun phrase
*that hard work beats talent*), since no noun phrase holds one, or a word in *-s* read
as an adjective after a noun (``have argued that sleep loss impairs memory``: *impairs*,
a verb; adjectives do not end in a bare *-s*). ``said that much``,
``told me that story`` (*that* a determiner) and ``said that`` (a pronoun) are left
alone.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .candidates import Candidate
from .content_trim import trim_bounds
from .cues import CueLexicon
from .reported_asides import appositive_tail, nonrestrictive_tail
from .reported_cuts import closing_bracket_end
from .reported_misread import attributed
from .speaker_names import tokens_lowered

MARKED_RULE = "reported.marked_object.v1"
_SUBJECT_OPENERS = frozenset({"DET", "NOUN", "PROPN", "PRON", "ADJ", "NUM"})
"""Parts of speech that may open a subject right after *that*."""


def _marked_object(that: Token) -> Token | None:
    """The object of a cue that opens with the conjunction ``that`` (its mark, or the
    object itself), two words or more after it (rule ``reported.marked_object.v1``), else
    None."""
    if that.i + 1 >= len(that.doc):
        return None
    if that.pos_ == "SCONJ" and that.dep_ != "det":
        obj = that if that.dep_ == "dobj" else that.head if that.dep_ == "mark" else None
    elif that.dep_ == "det" and _finite_inside(that, that.head):
        obj = that.head  # "told me that hard work beats talent": "beats" read in a noun
    else:
        return None
    if obj is None or obj.dep_ != "dobj" or obj.head.i > obj.i or obj.left_edge.i != that.i:
        return None
    if that.doc[that.i + 1].pos_ not in _SUBJECT_OPENERS:
        return None  # "learned that from ...", "said that given ...": no subject follows
    return obj if sum(1 for t in obj.subtree if t.is_alpha) >= 3 else None


def _finite_inside(that: Token, noun: Token) -> bool:
    """A tensed verb between a determiner *that* and its noun (``that hard work beats
    talent``), or a word in *-s* after a noun that the tagger read as an adjective
    (``that sleep loss impairs memory``; adjectives end in *-ous* or *-ss*, not *-s*): no
    noun phrase holds one, so *that* opens a clause the parser misread."""
    return noun.i > that.i + 2 and any(
        t.tag_ in ("VBZ", "VBD", "VBP") or (t.tag_ == "JJ" and _verb_in_s(t))
        for t in that.doc[that.i + 2 : noun.i]
    )


def _verb_in_s(word: Token) -> bool:
    """A word in *-s* (not *-ss*, *-us*, *-is*) right after a noun: a third-person verb."""
    low = word.lower_
    return (
        low.endswith("s") and not low.endswith(("ss", "us", "is")) and word.nbor(-1).pos_ == "NOUN"
    )


def marked_object_attributions(doc: Doc, lexicon: CueLexicon) -> list[Candidate]:
    """Rule ``reported.marked_object.v1`` (see the module's description)."""
    out: list[Candidate] = []
    for that in tokens_lowered(doc, ("that",)):
        obj = _marked_object(that)
        if obj is None:
            continue
        cue = obj.head
        verb = lexicon.verb(cue) if cue.pos_ == "VERB" else None
        if verb is None or "ccomp" not in verb.frames:
            continue
        start = obj.left_edge.i + 1
        # "..., an approach others have embraced": the writer's gloss, as for a clause
        end = appositive_tail(doc, start, nonrestrictive_tail(doc, start, obj.right_edge.i + 1))
        end = closing_bracket_end(cue, start, end)  # "... memory (Kaur and Lindt, 2015)"
        cand = attributed(cue, trim_bounds(doc, start, end), lexicon, MARKED_RULE)
        if cand is not None:
            out.append(cand)
    return out
