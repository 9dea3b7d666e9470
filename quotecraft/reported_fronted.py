"""Where a reported clause starts when its first words come before an interposed attribution.

``The new library, the mayor said on Tuesday, will open next spring``: the clause's
subject stands before the attribution the parser took it into (:func:`fronted_subject_lead`),
as may its question word (``Why, she asked, had no one told her?``: :func:`question_word`),
a fronted relative (``What they found, X says, was ...``: :func:`fronted_relative`) or a
thing the parser set in apposition to the speaker's name (:func:`apposed_speaker`). Split
out of :mod:`quotecraft.reported_clauses` as a pure move.
"""

from __future__ import annotations

from spacy.tokens import Token

from .content_trim import SUBJECT_DEPS
from .subject_asides import inverted_aside


def fronted_subject_lead(cue: Token, content: Token, start: int) -> int:
    """Where a clause after its cue starts when its subject comes before the attribution.

    ``The new library, the mayor said on Tuesday, will open next spring``: the parser gives
    *said* two subjects (*library*, *mayor*) and *will open* none. The first subject, set
    off by a comma before the speaker and starting the sentence, is the clause's: the
    content starts there and runs across the interposed attribution, as it does when the
    parse hangs that attribution on the clause (``reported.parataxis.v1``). So too an
    inverted attribution (``The verdict, said the lawyer, was unjust``:
    :func:`~quotecraft.subject_asides.inverted_aside`), below or above the clause.
    """
    below = content.dep_ == "ccomp" and content.head.i == cue.i
    above = cue.dep_ == "parataxis" and cue.head.i == content.i  # "The plan, said X, was"
    on_aux = (  # "Where, the mayor asked, | was the money going?": hung on the auxiliary
        cue.dep_ == "parataxis"
        and cue.head.dep_ in ("aux", "auxpass")
        and cue.head.head.i == content.i
    )
    if not (below or above or on_aux) or content.i < cue.i:
        return start
    asked = question_word(cue) if above or on_aux else None  # "Why, she asked, had ...?"
    if asked is not None:
        return min(start, asked.i)
    if on_aux:
        return start
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ in ("expl", "mark") for c in content.children):
        return start  # a subject of its own, or a clause with "that", which none precedes
    what = fronted_relative(cue) if above else None  # "What they found, X says, was ..."
    if what is not None:
        return min(start, what.left_edge.i)
    if any(c.dep_ == "aux" and c.i < cue.i for c in cue.children) or cue.sent[-1].text == "?":
        return start  # "Mr. President, do you think ...?": a question; the name is vocative
    doc = cue.doc
    inverted = inverted_aside(cue)  # "The verdict, said the lawyer, was unjust"
    if inverted is not None:
        fronted = inverted[0]
    else:
        subjects = [c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < cue.i]
        if above and len(subjects) == 1 and apposed_speaker(subjects[0]) is not None:
            fronted = subjects[0]  # "The budget, Ines Moll said, would be cut": parsed
        elif len(subjects) != 2 or not below:  # as one subject, Moll apposed to budget
            return start
        else:
            fronted, speaker = subjects
            comma = fronted.right_edge.i + 1
            if comma >= speaker.left_edge.i or doc[comma].text != ",":
                return start
    first = fronted.left_edge.i
    if any(not (t.is_punct or t.is_space) for t in doc[cue.sent.start : first]):
        return start  # the subject must open the sentence
    return first


def fronted_relative(cue: Token) -> Token | None:
    """The clause opened by *what* that is the subject of the clause an attribution
    interrupts, when the parser hung it on the cue (``What the inspectors found, the report
    says, was neglect``): it opens the sentence and a comma closes it."""
    doc = cue.doc
    for c in cue.lefts:
        first = c.left_edge
        if c.dep_ not in ("advcl", "csubj", "ccomp") or first.i != cue.sent.start:
            continue
        if first.lower_ in ("what", "whatever") and doc[c.right_edge.i + 1].text == ",":
            return c
    return None


def question_word(cue: Token) -> Token | None:
    """The *why* or *how* that opens a question the attribution ``cue`` interrupts, set off
    by a comma before it and hung by the parser on the cue (``Why, the auditor asked, had
    no one checked?``): the question's first word, not the cue's."""
    first = cue.sent[0]
    if first.tag_ not in ("WRB", "WP") or not first.is_title or first.head.i != cue.i:
        return None
    if first.i + 1 >= cue.i:
        return None
    return first if cue.doc[first.i + 1].text == "," else None


def apposed_speaker(subject: Token) -> Token | None:
    """The name the parser set in apposition to a thing that opens the sentence, when the
    two are the subject of an interposed attribution (``The budget, Ines Moll, the
    treasurer, said, would be cut``; ``Memory, Okafor (2004) argues, is``; or coordinated
    with no conjunction, ``Tone, Marchetti (2015) writes,``): the name, a proper noun
    after a comma, is the speaker; the thing, a common noun (or a proper noun read as
    one), opens the clause reported."""
    if subject.pos_ not in ("NOUN", "PROPN") or subject.ent_type_ == "PERSON":
        return None
    if any(c.dep_ == "cc" for c in subject.children):
        return None  # "Tone, rhyme and metre": a list
    c = next((c for c in subject.rights if c.dep_ in ("appos", "conj")), None)
    if c is None or c.pos_ != "PROPN" or c.ent_type_ in ("DATE", "GPE", "LOC", "ORG"):
        return None
    comma = c.left_edge.i - 1
    return c if comma > subject.i and subject.doc[comma].text == "," else None


def fronted_speaker(cue: Token, lead: int) -> Token | None:
    """The speaker :func:`apposed_speaker` finds on the subject of ``cue`` that starts at
    ``lead`` (:func:`fronted_subject_lead`), if any."""
    subject = next((c for c in cue.children if c.left_edge.i == lead), None)
    return apposed_speaker(subject) if subject is not None else None
