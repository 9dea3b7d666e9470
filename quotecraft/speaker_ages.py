"""A person described by what the text said of them: ``the 45-year-old`` is the person the
text gave that age (``Kofi Mensah, 45,`` or ``45-year-old Kofi Mensah``), and no one when
no person was given it or two were; ``the former`` and ``the latter`` are the first and the
second of the two people the last sentence that names two named (:func:`pair_member`); a
person's relation said again is the person it named (``her husband, Pieter, ... her
husband said``: :func:`named_relation`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from .records import SpeakerKind

if TYPE_CHECKING:
    from .speaker_table import Entity, Mention

__all__ = [
    "aged_person",
    "described_age",
    "described_person",
    "named_relation",
    "pair_member",
    "stated_age",
]

_YEAR_OLD = ["-", "year", "-", "old"]


def described_age(span: Span) -> str | None:
    """The age of a definite description that says only that (``the 45-year-old``,
    ``the 45-year-old's``), else None; ``a 45-year-old`` introduces someone new."""
    words = [t.lower_ for t in span if not t.is_punct or t.text == "-"]
    if words[-1:] in (["'s"], ["’s"]):
        words.pop()
    if len(words) == 6 and words[0] == "the" and words[2:] == _YEAR_OLD:
        age = words[1]
        return age if age.isdigit() and 0 < int(age) < 120 else None
    return None


def stated_age(doc: Doc, i: int) -> str | None:
    """The age given with the name around token ``i``: set off after it (``Kofi
    Mensah, 45,``) or before it (``45-year-old Kofi Mensah``)."""
    start = end = i
    while start > 0 and doc[start - 1].pos_ == "PROPN":
        start -= 1
    while end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN":
        end += 1
    after = doc[end + 1 : end + 4]
    if len(after) == 3 and after[0].text == "," == after[2].text and after[1].text.isdigit():
        return after[1].text
    before = doc[max(0, start - 5) : start]
    if len(before) == 5 and [t.lower_ for t in before[1:]] == _YEAR_OLD:
        return before[0].text if before[0].text.isdigit() else None
    return None


def aged_person(span: Span, entities: Iterable[Entity]) -> Entity | None:
    """The one person named before ``span`` with the age ``span`` describes."""
    age = described_age(span)
    if age is None:
        return None
    found = [
        ent
        for ent in entities
        if ent.kind == SpeakerKind.PERSON
        and any(p < span.start and stated_age(span.doc, p) == age for p in ent.positions)
    ]
    return found[0] if len(found) == 1 else None


def described_person(
    span: Span, entities: Iterable[Entity], mentions: Sequence[Mention], sent_of: Sequence[int]
) -> Entity | None:
    """The person ``span`` describes by an age (:func:`aged_person`) or by a place in a
    pair (:func:`pair_member`), else None."""
    return (
        aged_person(span, entities)
        or pair_member(span, mentions, sent_of)
        or named_relation(span, entities, mentions)
    )


def named_relation(
    span: Span, entities: Iterable[Entity], mentions: Sequence[Mention]
) -> Entity | None:
    """``her husband`` said again after ``her husband, Pieter,``: the person the entity
    table found the same words named (``Entity.relation_at``); None for a description no
    name was set beside, or when the last person of the possessive's gender is another
    than when the name was given."""
    head = span.root
    ent = next((e for e in entities if head.i in e.relation_at), None)
    if ent is None or ent.kind != SpeakerKind.PERSON:
        return None
    gender = _POSSESSOR_GENDER.get(span[0].lower_)
    if gender is not None:  # "her husband": whose, then and now, is the same woman
        first = min((m.token for m in mentions if m.entity is ent), default=head.i)
        owners = [_owner(mentions, at, ent, gender) for at in (first, head.i)]
        if owners[0] is not owners[1]:
            return None  # "Ana came with her husband, Tom. Maria arrived. Her husband said"
    return ent


_POSSESSOR_GENDER = {"his": "male", "her": "female"}


def _owner(mentions: Sequence[Mention], before: int, other: Entity, gender: str) -> Entity | None:
    """The person of ``gender`` mentioned last before token ``before``, not ``other``."""
    last = [m for m in mentions if m.token < before and m.entity is not other]
    last = [m for m in last if m.entity.gender == gender]
    return max(last, key=lambda m: m.token).entity if last else None


_PAIR_PLACES = {"former": 0, "latter": 1}
_PAIR_REACH = 2
"""Sentences before the description's own searched for the pair."""


def pair_member(span: Span, mentions: Sequence[Mention], sent_of: Sequence[int]) -> Entity | None:
    """``the former`` or ``the latter``: the first or second of the two people named in the
    latest sentence before it (its own included, up to ``_PAIR_REACH`` back) that names
    people, when it names exactly two (``Ana Ruiz met Paul Stein. The latter said``: Paul
    Stein); no one when it names one or three."""
    if not 2 <= len(span) <= 3 or span[1].lower_ not in _PAIR_PLACES:
        return None  # checked first: most descriptions are no pair's
    words = [t.lower_ for t in span if not t.is_punct]
    if words[-1:] in (["'s"], ["’s"]):
        words.pop()
    if len(words) != 2 or words[0] != "the":
        return None
    own = sent_of[span.start]
    doc = span.doc  # not "The former says A; the latter says B": the former is no name
    named = [
        m
        for m in mentions
        if m.token < span.start
        and own - _PAIR_REACH <= m.sent <= own
        and doc[m.token].lower_ not in _PAIR_PLACES
    ]
    if not named:
        return None
    last = max(m.sent for m in named)
    people = list({id(m.entity): m.entity for m in named if m.sent == last}.values())
    return people[_PAIR_PLACES[words[1]]] if len(people) == 2 else None
