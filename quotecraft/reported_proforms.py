"""Rule ``reported.proform.v1``: a word standing for what was said.

``61 percent of residents said yes``, ``the senator said no``, ``half of them said so``,
``30 percent say the same of the mayor``, ``her lawyer said the same thing`` or ``said as
much``: a verb of speech or writing (the lexicon's classes) whose complement is a
pro-form, a word that stands for a statement made or asked for just before: *yes* or *no*
(repeated: ``said no, no, no``; with what it answers: ``said no to the plan``), *so*,
*the same* (with what it is said of: ``the same of the mayor``) or *the same thing* (not
another noun: ``told the same story`` names what was told), *as much*. The content is
the pro-form; the speaker is the verb's, as for any report. Not ``said nothing`` (no
statement), not *no* as a determiner (``said no one came``: a clause, which the clause
rules read), not a choice (``asked to say yes or no``), not *so* opening a clause or a
degree (``said so that``, ``said so far``), not a verb of thought (``I think so``: a
belief, left to the lexicon's clause rules when it has a clause).

Example:
    >>> import quotecraft
    >>> [(q.content.text, q.cue.text) for q in
    ...  quotecraft.extract("Asked about the plan, the mayor said no.").quotes
    ...  if q.rule == "reported.proform.v1"]
    [('no', 'said')]
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .attribution import attribute
from .candidates import Candidate, reported_candidate
from .cues import CueLexicon
from .speaker_names import tokens_lowered

PROFORM_RULE = "reported.proform.v1"
_CONFIDENCE = 0.6
_CLASSES = frozenset({"speech", "writing"})
_ANSWERS = frozenset({"yes", "no"})
_WORDS = frozenset({"yes", "no", "so", "same", "much"})
_SO_STOPS = frozenset({"that", "as", "far", "much", "many", "long", "well"})
"""Words after *so* that make it a conjunction or a degree, not a pro-form."""


def proform_attributions(doc: Doc, lexicon: CueLexicon) -> list[Candidate]:
    """Rule ``reported.proform.v1`` (see the module's docstring)."""
    out: list[Candidate] = []
    for tok in tokens_lowered(doc, _WORDS):
        low = tok.lower_
        verb = tok.head if low != "same" or tok.dep_ == "dobj" else tok.head.head
        if low in _ANSWERS and verb.lower_ == "to" and verb.i == tok.i + 1:
            verb = verb.head  # "said no to the offer", *no* hung on *to*
        if low == "so" and verb.i == tok.i + 1 and (verb.dep_ == "prep" or _manner(verb)):
            verb = verb.head  # "would say so publicly", "said so to the players"
        if verb.pos_ != "VERB" or verb.i > tok.i:
            continue
        cue = lexicon.verb(verb)
        if cue is None or cue.cls not in _CLASSES:
            continue
        bounds = _proform_bounds(tok, verb)
        if bounds is None:
            continue
        out.append(
            reported_candidate(doc, bounds, verb, PROFORM_RULE, _CONFIDENCE, attribute(verb))
        )
    return out


def _manner(adverb: Token) -> bool:
    """An adverb of the verb after *so* (``say so publicly``), not one *so* raises to a
    degree with a clause or comparison after it (``said so quietly that ...``)."""
    nxt = adverb.doc[adverb.i + 1] if adverb.i + 1 < len(adverb.doc) else None
    return (
        adverb.pos_ == "ADV"
        and adverb.dep_ == "advmod"
        and (nxt is None or nxt.lower_ not in ("that", "as"))
    )


def _proform_bounds(tok: Token, verb: Token) -> tuple[int, int] | None:
    """The token bounds of the pro-form ``tok`` complementing ``verb``, or None."""
    doc = tok.doc
    between = doc[verb.i + 1 : tok.i]
    if any(t.is_punct or t.pos_ in ("VERB", "AUX", "SCONJ") for t in between):
        return None  # '..., he said. "No"', 'said that no one'
    if any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
        return None  # the verb reports a clause of its own
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    low = tok.lower_
    if low in _ANSWERS:
        if tok.dep_ not in ("intj", "dobj", "advmod", "npadvmod", "attr"):
            return None  # "no one", "no matter what": no answer
        if any(t.lower_ == "or" for t in doc[tok.i - 1 : tok.i + 2]):
            return None  # "asked to say yes or no": a choice, not an answer
        end = tok.i + 1
        while end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ == low:
            end += 2  # "said no, no, no"
        if nxt is not None and nxt.lower_ == "to" and nxt.head.i in (tok.i, verb.i):
            end = nxt.right_edge.i + 1  # "said no to the merger"
        return tok.i, end
    if low == "so":
        if tok.dep_ != "advmod" or (nxt is not None and nxt.lower_ in _SO_STOPS):
            return None
        return tok.i, tok.i + 1
    if low == "much":
        first = doc[tok.i - 1] if tok.i > 0 else None
        if first is None or first.lower_ != "as" or tok.dep_ not in ("advmod", "dobj"):
            return None
        if nxt is not None and nxt.lower_ == "as":
            return None  # "said as much as $2 million": a measure
        return first.i, tok.i + 1
    # "the same", "the same thing", "the same of the mayor"
    obj = tok if tok.dep_ == "dobj" else tok.head
    if obj.dep_ != "dobj" or tok.i == 0 or doc[tok.i - 1].lower_ != "the":
        return None
    if obj.i != tok.i and (obj.lemma_.lower() != "thing" or obj.i != tok.i + 1):
        return None  # "told the same story": a thing told, not an echo of a statement
    start, end = tok.i - 1, obj.i + 1
    for c in (*obj.rights, *verb.rights):  # "say the same of the mayor"
        if c.dep_ == "prep" and c.i == end and c.lower_ in ("of", "for", "about"):
            end = c.right_edge.i + 1
    return start, end
