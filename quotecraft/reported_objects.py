"""Where an object content ends: what the parser hung on the cue after the object.

``announced steps | to tighten gun sales``, ``endorsed Cruz | for president``,
``issued a statement | in observance of the holiday``, ``questioned his record | and
her readiness to lead``, ``endorsed the re | - | election``: the tails of an object content (``dobj``, a preposition's
object) that :class:`quotecraft.reported.ReportedMatcher` takes after
:func:`quotecraft.reported_bounds.content_bounds` has cut the object's subtree.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .mark_table import as_mark
from .wordlists import word_list


def object_tail(cue: Token, end: int, standing: bool = True) -> int:
    """Extend an object content over what the parser hung on the cue right after it.

    ``announced steps | to tighten gun sales``, ``endorsed Cruz | for president``,
    ``showed Sanders | within two points``: an infinitive or a phrase with one of
    preposition of ``data/lists/object_tail_preps.txt`` that directly follows the object
    completes it, and so does a ``that`` clause (``echoed claims last week | that ...``),
    a participle (``showed the mayor | leading the race``), a predicate *as* opens
    (``portrayed the mayor | as indifferent to ...``) or an ``, including ...`` phrase. After an object that is a content on its own (``standing``: not one common
    word), a phrase of place of ``data/lists/object_place_preps.txt`` completes it too
    (``announced a concert | in support of the victims``, ``cited his record | in the
    House``), unless it names a medium (``in an interview``, ``on Twitter``: where it was
    said, not what). A phrase of time, place or medium between them is crossed
    (``blasted Trump | on Monday | over his stance``, ``thanked her | on the radio | for
    ...``); alone it does not complete the content. A phrase is one of time when its own
    object is a date or time, not when a date appears deeper (``for hitting a 40-year-old``).
    """
    doc = cue.doc
    held = None  # after a crossed phrase: kept only when the content goes on after it
    for c in cue.rights:
        if c.i < end:
            continue
        start = held if held is not None else end
        including = c.dep_ == "prep" and c.lower_ == "including" and doc[start].text == ","
        if c.left_edge.i != start and not (including and c.left_edge.i == start + 1):
            break
        infinitive = c.dep_ in ("advcl", "xcomp") and any(
            x.dep_ == "aux" and x.lower_ == "to" for x in c.children
        )
        clause = c.dep_ in ("ccomp", "advcl", "acl") and any(
            x.dep_ == "mark" and x.lower_ == "that" and x.i == c.left_edge.i for x in c.children
        )
        prep = c.dep_ == "prep" and (
            c.lower_ in word_list("object_tail_preps")
            or (standing and c.lower_ in word_list("object_place_preps") and _place_phrase(c))
        )
        # "showed the mayor | leading the race": a participle right after the object is
        # what the object is shown doing (after a comma it is the subject's own act)
        participle = (
            c.dep_ in ("advcl", "acl", "xcomp") and c.tag_ == "VBG" and c.left_edge.i == c.i
        )
        # "described the country | as beset by ...": what the object is described as
        predicate = c.dep_ == "advcl" and _as_predicate(c)
        heads = [c] + [x for x in c.children if x.dep_ in ("pobj", "pcomp")]
        timed = any(x.ent_type_ in ("DATE", "TIME") for x in heads)
        crossed = timed or (c.dep_ == "prep" and not (prep or including))
        if held is None and crossed and c.dep_ in ("prep", "npadvmod"):
            held = c.right_edge.i + 1  # "blasted Trump | on Monday | over his stance"
            continue
        if not (infinitive or prep or clause or including or participle or predicate) or timed:
            break
        end = c.right_edge.i + 1
        held = None
    while end > 0 and (doc[end - 1].is_punct and as_mark(doc[end - 1].text) not in "”\"’»)'"):
        end -= 1
    return end


def _as_predicate(clause: Token) -> bool:
    """Whether ``clause`` is a predicate opened by *as* and without a subject of its own
    (``as beset by ...``, ``as highly accomplished``): what the object is said to be, not
    a time clause (``as the bill was sailing through``: the speaker's moment)."""
    first = clause.doc[clause.left_edge.i]
    return (
        first.lower_ == "as"
        and first.head.i == clause.i
        and not any(x.dep_ in _SUBJECT_DEPS for x in clause.children)
    )


_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})


def passive_clause_end(cue: Token, start: int, end: int) -> int:
    """Extend the subject of a passive cue over the rest of its clause.

    ``Two players were named | in the lawsuit as defendants``, ``The mayor has been
    criticized | for the delays``: what was named, criticized ... is the subject with
    what the clause says of it, the cue inside it, as a reader reports it. Taken when
    the cue has no agent (``by ...``: the speaker, whose report the subject alone is), the
    subject is no relative word (``which was announced``), and something follows the cue
    in its clause; it stops at a comma, a clause of the cue's own (``..., though ...``,
    ``while ...``) or a second conjunct.
    """
    doc = cue.doc
    if end > cue.i or any(
        c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by") for c in cue.children
    ):
        return end
    if any(t.tag_ in ("WDT", "WP", "WP$") for t in doc[start:end]):
        return end
    e = end
    for c in cue.rights:
        if c.dep_ in _PASSIVE_STOPS or doc[c.left_edge.i - 1].text == ",":
            break
        e = c.right_edge.i + 1
    if e == end:
        return end  # "The result was announced.": the subject alone
    return _end_after(doc, end, e)


_PASSIVE_STOPS = frozenset(
    {"advcl", "conj", "cc", "parataxis", "ccomp", "punct", "agent", "npadvmod"}
)


def _place_phrase(prep: Token) -> bool:
    """Whether the phrase ``prep`` heads has an object and it names no medium, where
    something was said (``in an interview``, ``on Twitter``: a medium noun or a platform)."""
    objects = [o for o in prep.children if o.dep_ in ("pobj", "pcomp")]
    return bool(objects) and not any(
        o.lemma_.lower() in word_list("medium_nouns") or o.lower_ in word_list("platforms")
        for o in objects
    )


_CONJUNCT_GAPS = (["and"], ["or"], [",", "and"], [",", "or"])


def object_conjunct_tail(cue: Token, start: int, end: int) -> int:
    """Extend an object content over a second item the parser hung on the cue.

    ``questioned the mayor's record and her readiness to lead``, ``condemned the test as
    "reckless" and a "danger" to the region``, ``questioned his manners and whether he
    would find work``: a noun phrase cannot be coordinated with the verb, nor an
    embedded question (``whether``, ``how`` ...) with a verb that asks about something,
    so the conjunct is the object's second item; so is a gerund after an object that is
    a gerund phrase (``mentioned cutting fees and forcing landlords to ...``), and a
    second object the parser gave the cue (``condemned the launch as "reckless" and a
    "grave threat" to ...``: two readings of one object, one report). Only what comes
    first after the content, across ``and``/``or`` (a comma before it allowed, quotation
    marks ignored).
    """
    doc = cue.doc
    for c in cue.rights:
        if c.i < end or c.is_punct or c.dep_ == "cc":
            continue
        if c.dep_ not in ("conj", "dobj"):
            return end  # only what comes first after the content
        i = end
        while i < c.i and (doc[i].is_punct or doc[i].dep_ == "cc" or doc[i].is_space):
            i += 1
        gap = [t.lower_ for t in doc[end:i] if not (t.is_space or t.is_quote)]
        if gap not in _CONJUNCT_GAPS or i < c.left_edge.i:
            return end
        own = {x.dep_ for x in c.children}
        nominal = c.pos_ in ("NOUN", "PROPN", "NUM") and not own & {"nsubj", "aux", "dobj"}
        question = (
            c.pos_ in ("VERB", "AUX")
            and doc[i].lower_ in word_list("object_question_words")
            and i < c.i
        )
        gerund = c.tag_ == "VBG" and doc[start].tag_ == "VBG" and not own & {"nsubj", "aux"}
        if not (nominal or question or gerund):
            return end
        return _end_after(doc, end, c.right_edge.i + 1)
    return end


def _end_after(doc: Doc, end: int, e: int) -> int:
    """The token end ``e`` of an extended content, its trailing punctuation and spaces
    left out (a closing quotation mark or bracket kept), never before ``end``."""
    while e > end and (
        (doc[e - 1].is_punct and as_mark(doc[e - 1].text) not in "”\"’»)'") or doc[e - 1].is_space
    ):
        e -= 1
    return e


_JOINERS = frozenset({"-", "’", "'", "–"})
"""Marks that join two halves of one word or a possessive to its noun (``re-election``,
``the Hendersons’ plan``)."""


def _written_together(first: Token, second: Token) -> bool:
    """Whether ``second`` continues ``first`` in one word or phrase: nothing but a hyphen
    or an apostrophe between them and no space after ``first``, or ``first`` ends with a
    possessive marker right before ``second`` (``the workers’ | long hours``)."""
    doc = first.doc
    last = first.right_edge.i
    if doc[last].dep_ == "case" and second.left_edge.i == last + 1:
        return True
    gap = doc[last + 1 : second.left_edge.i]
    return (
        last < second.left_edge.i
        and not doc[last].whitespace_
        and all(t.text in _JOINERS for t in gap)
    )


_SPLIT_DEPS = frozenset({"dobj", "xcomp"})
"""The complements the parser splits at a hyphen into siblings: objects (``endorsed the
re-election``) and infinitives (``wanted to re-record the album``)."""


def _objects(cue: Token, dep: str) -> list[Token]:
    """The cue's complements of ``dep`` on its right, and for an infinitive the conjuncts
    the parser may hang its last half on (``to re-introduce``: *re*, *-* and a conjunct
    *introduce*; not ``denied the charges and counter-accused her``)."""
    deps = (dep, "conj") if dep == "xcomp" else (dep,)
    return [c for c in cue.rights if c.dep_ in deps]


def object_part(cue: Token, content: Token) -> bool:
    """Whether the object or infinitive ``content`` is the second half of one the parser
    split at a hyphen or a possessive apostrophe (``endorsed the re-election``: *re*, *-*
    and *election* as three objects; ``wanted to co-write it``: *co*, *-* and *write* as
    three infinitives; ``criticized the Hendersons’ spending``): the whole word is the
    first half's content (:func:`split_object_end`), not this one's."""
    if content.dep_ not in _SPLIT_DEPS or content.head.i != cue.i:
        return False
    objects = _objects(cue, content.dep_)
    k = next((n for n, o in enumerate(objects) if o.i == content.i), 0)
    return k > 0 and _written_together(objects[k - 1], content)


def split_object_end(cue: Token, content: Token, end: int) -> int:
    """The end of the object or infinitive ``content`` over the halves the parser split
    off it (see :func:`object_part`)."""
    if content.dep_ not in _SPLIT_DEPS or content.head.i != cue.i:
        return end
    last = content
    for obj in _objects(cue, content.dep_):
        if obj.i > last.i and _written_together(last, obj):
            last = obj
            if obj.text not in _JOINERS:  # not up to a hyphen alone ("to re-")
                end = max(end, obj.right_edge.i + 1)
    return end


def held_clause(noun: Token) -> bool:
    """Whether a noun cue is the subject of *be* with a ``that`` clause (``her view of the
    plan is that it will fail``): the clause is what she holds (rule
    ``reported.noun_is_that.v1``), not the noun's prepositional object."""
    head = noun.head
    return (
        noun.dep_ == "nsubj"
        and head.lemma_ == "be"
        and any(
            c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            for c in head.children
        )
    )
