"""Where an object content ends: what the parser hung on the cue after the object.

``announced steps | to tighten gun sales``, ``endorsed Cruz | for president``,
``issued a statement | in observance of the holiday``: the tails of an object content
(``dobj``, a preposition's object) that :class:`quotecraft.reported.ReportedMatcher`
takes after :func:`quotecraft.reported_bounds.content_bounds` has cut the object's
subtree.
"""

from __future__ import annotations

from spacy.tokens import Token

from .wordlists import word_list


def object_tail(cue: Token, end: int, standing: bool = True) -> int:
    """Extend an object content over what the parser hung on the cue right after it.

    ``announced steps | to tighten gun sales``, ``endorsed Cruz | for president``,
    ``showed Sanders | within two points``: an infinitive or a phrase with one of
    preposition of ``data/lists/object_tail_preps.txt`` that directly follows the object
    completes it, and so does a ``that`` clause (``echoed claims last week | that ...``),
    a participle (``showed the mayor | leading the race``) or an ``, including ...``
    phrase. After an object that is a content on its own (``standing``: not one common
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
        heads = [c] + [x for x in c.children if x.dep_ in ("pobj", "pcomp")]
        timed = any(x.ent_type_ in ("DATE", "TIME") for x in heads)
        crossed = timed or (c.dep_ == "prep" and not (prep or including))
        if held is None and crossed and c.dep_ in ("prep", "npadvmod"):
            held = c.right_edge.i + 1  # "blasted Trump | on Monday | over his stance"
            continue
        if not (infinitive or prep or clause or including or participle) or timed:
            break
        end = c.right_edge.i + 1
        held = None
    while end > 0 and (doc[end - 1].is_punct and doc[end - 1].text not in "”\"’»)'"):
        end -= 1
    return end


def _place_phrase(prep: Token) -> bool:
    """Whether the phrase ``prep`` heads has an object and it names no medium, where
    something was said (``in an interview``, ``on Twitter``: a medium noun or a platform)."""
    objects = [o for o in prep.children if o.dep_ in ("pobj", "pcomp")]
    return bool(objects) and not any(
        o.lemma_.lower() in word_list("medium_nouns") or o.lower_ in word_list("platforms")
        for o in objects
    )
