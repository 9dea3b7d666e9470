"""Naming verbs beside quotation marks: a name given, or words said.

``a podcast called "Night Shift"`` names (:func:`naming`), ``a plan the mayor called
"bold"`` quotes, and ``called the deal "a betrayal."`` says the object and its predicate
together (:func:`names_object`). :mod:`quotecraft.direct` asks these functions.
"""

from __future__ import annotations

from spacy.tokens import Token

from .subject_asides import zero_relative_subject
from .wordlists import word_list


def names_object(t: Token, open_mark: int, end: int) -> bool:
    """A naming verb whose object comes before the marks and whose predicate is in them
    (``called the deal "a betrayal."``, ``calling it "absurd."``): what the verb says is
    the object and its predicate together, a mixed quote (rule ``reported.call_as.v1``),
    not a direct quote of the predicate, even when the sentence's full stop is inside
    the marks."""
    if t.lemma_.lower() not in word_list("naming_verbs"):
        return False
    kids = list(t.children)
    # the object after the verb: 'what she called "..."' names a relative pronoun, whose
    # quoted predicate is the words said (a direct quote)
    objects = [c for c in kids if c.dep_ == "dobj" and t.i < c.i and c.idx < open_mark]
    return bool(objects) and (
        any(c.dep_ == "oprd" and open_mark < c.idx < end for c in kids)
        or any(_predicate_on_object(o, open_mark, end) for o in objects)
    )


def _predicate_on_object(obj: Token, open_mark: int, end: int) -> bool:
    """The quoted predicate hung on the object itself, its marks right after it (``called
    the decision "deeply troubling."``, parsed with *troubling* an adjective of
    *decision*: ``reported.call_quoted_after.v1``)."""
    doc = obj.doc
    return (
        obj.i + 1 < len(doc)
        and doc[obj.i + 1].idx == open_mark
        and any(d.dep_ == "amod" and open_mark < d.idx < end for d in obj.children)
    )


def leads_in(verb: Token) -> bool:
    """Whether ``verb``, right before a quotation's opening mark with no comma between,
    leads the quotation in (``The guard said "No entry," but ...``): a verb of its own
    clause, not a participle on a noun (``a self-described "..."``), a preposition the
    tagger read as a verb (``including "..."``) or a naming verb, whose marks hold a name
    or a sound (``xeno, pronounced "ZEE-no,"``)."""
    return (
        verb.pos_ == "VERB"
        and verb.dep_ not in ("amod", "acl", "prep")
        and verb.lemma_.lower() not in word_list("naming_verbs")
    )


def naming(t: Token) -> bool:
    """A verb of ``naming_verbs`` as a participle on a noun (``a podcast called``, ``a
    city pronounced``, ``the so-called``): what follows in marks is a name or a sound,
    not words someone said. A finite naming verb (``She called the plan "a disgrace"``)
    is an attribution."""
    if t.lemma_.lower() not in word_list("naming_verbs") and t.lower_ not in word_list(
        "naming_verbs"
    ):
        return False
    doc = t.doc
    so_called = t.i >= 2 and doc[t.i - 1].text == "-" and doc[t.i - 2].lower_ == "so"
    # "a plan the mayor called", "a move parents called": a clause with no relative pronoun
    # (a name the parser made its subject is the naming phrase's: 'Hits 1 called "X"')
    own_subject = _common_subject(t) or zero_relative_subject(t) is not None
    if so_called:
        return True
    if own_subject:
        return False
    if t.dep_ in ("acl", "amod") and t.tag_ == "VBN":
        return True
    if _names_nothing_said(t):
        return True
    # the parser's past tense for the participle ('a show on Coast FM called', 'her
    # brother Tomas Berg called'): no subject of its own, right after the noun it names
    if t.tag_ != "VBD" or t.dep_ not in ("acl", "advcl", "relcl"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in t.children):
        return False
    j = t.i - 1
    while j >= 0 and doc[j].pos_ == "ADV":
        j -= 1  # 'formerly called', 'also named'
    return j >= 0 and (doc[j].pos_ in ("NOUN", "PROPN") or doc[j].text == "(")


def _common_subject(t: Token) -> bool:
    """``t`` has a subject of its own that is no name (``the mayor``, ``they``): a name the
    parser made its subject belongs to the naming phrase (``on Hits 1 called "X"``)."""
    return any(
        c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PRON") and (c.is_lower or c.pos_ == "PRON")
        for c in t.children
    )


def _names_nothing_said(t: Token) -> bool:
    """``Hits 1 called "Top 15"``: the marks open right after the naming verb and hold its
    object predicate, and nothing else is its object: the parser's reading of a participle
    (``a show on Hits 1 called``). ``She called the plan "a disgrace"`` has an object,
    ``He called, "Stop!"`` a comma before the marks, and ``a decision Tom Berg called
    "painful"`` a subject with a predicate in lowercase words, a judgement, not a name."""
    doc = t.doc
    children = list(t.children)
    if any(c.dep_ in ("dobj", "ccomp") for c in children) or _common_subject(t):
        return False  # an object, or a subject of its own: 'a plan the mayor called "bold"'
    if not any(c.dep_ == "oprd" and c.i > t.i for c in children):
        return False
    if not (t.i + 2 < len(doc) and doc[t.i + 1].is_quote):
        return False
    # 'a decision Tom Berg called "painful"': a name's judgement in lowercase words, where
    # a name given is capitalized ('Hits 1 called "Top 15"')
    judged = doc[t.i + 2].is_lower and any(c.dep_ == "nsubj" for c in children)
    return not judged


_ADJUNCTS = frozenset(("prep", "advmod", "npadvmod"))


def adjunct_of(t: Token, start: int, end: int) -> bool:
    """Whether the quoted words from character ``start`` to ``end``, right after the cue
    ``t`` with no comma or colon before their mark, are a phrase of the cue's own clause
    (``would respond "in due course."``): every word of them that hangs outside them hangs
    on the cue as a preposition or an adverb. The marks then hold a fragment of a writer's
    sentence, not words the cue introduces (``said "we will win."``: a clause; ``said
    "no."``: an object)."""
    doc = t.doc
    span = doc.char_span(start, end, alignment_mode="expand")
    lead = span.start - 1 if span is not None else 0
    while lead > 0 and doc[lead].is_quote:
        lead -= 1  # past the opening mark
    if span is None or lead <= 0 or doc[lead].text in (",", ":"):
        return False
    inside = [x for x in span if not x.is_punct]
    outside = [x for x in inside if not start <= x.head.idx < end or x.head.i == x.i]
    return bool(outside) and all(x.head.i == t.i and x.dep_ in _ADJUNCTS for x in outside)
