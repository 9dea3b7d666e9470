"""``the elder Brandt``, ``the younger Brandt``: of two people who share a surname, the one
the text names as someone's father or mother (``elder_kin``), or son or daughter
(``younger_kin``); no one when the text says neither (:func:`generation_member`), nor
when it names one bearer of the surname and someone of the other generation by a first
name alone (``John Harlan and his son, Mark ... the younger Harlan``: not John). Which
of them the surname alone names (``Brandt said``): :func:`bare_surname_order`."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Protocol, TypeVar

from spacy.tokens import Doc, Token

from .speaker_gender import bound_gender
from .speaker_names import tokens_lowered
from .wordlists import word_list

__all__ = ["bare_surname_order", "generation_member"]


class _Placed(Protocol):
    """A speaker entity: the token positions of its mentions."""

    @property
    def positions(self) -> Iterable[int]: ...


_P = TypeVar("_P", bound=_Placed)


class _Mentioned(Protocol):
    """A mention of a person: where, whose, and whether it is a subject."""

    @property
    def token(self) -> int: ...

    @property
    def entity(self) -> object: ...

    @property
    def subject(self) -> bool: ...


_GENERATIONS = {"elder": 1, "older": 1, "younger": -1}


def generation_member(head: Token, people: Sequence[_P]) -> Sequence[_P]:
    """Of ``people`` (those who share the surname ``head``), the one ``the elder`` or
    ``the younger`` before ``head`` means when two or more are named: the one the text
    names as someone's father or mother (``elder_kin``: elder) or son or daughter
    (``younger_kin``: younger), or, of two, the other of the one it puts in the other
    generation (``Tom Brandt and his son, Eli Brandt``: the elder is Tom). An empty list
    when the text does not say; ``people`` as they are without such a word."""
    doc = head.doc
    want = _GENERATIONS.get(doc[head.i - 1].lower_) if head.i else None
    if want is None:
        return people  # checked first: most names have no such word before them
    distinct = list({id(e): e for e in people}.values())
    if len(distinct) == 1 and _generation(doc, distinct[0]) != want and _kin_named(doc, want):
        return []  # "John Harlan and his son, Mark ... the younger Harlan": Mark, not John
    if len(distinct) < 2:
        return people
    marks = [_generation(doc, e) for e in distinct]
    chosen = [e for e, m in zip(distinct, marks, strict=True) if m == want]
    if not chosen and len(distinct) == 2 and sorted(marks) in ([-want, 0], [0, -want]):
        chosen = [e for e, m in zip(distinct, marks, strict=True) if m == 0]
    return chosen if len(chosen) == 1 else []


def _kin_named(doc: Doc, want: int) -> bool:
    """Whether the text names someone of generation ``want`` by a kin noun set beside a
    name (``his son, Mark``, ``their mother Ruth``): a second bearer of the surname the
    text gives by a first name alone."""
    kin = word_list("elder_kin" if want == 1 else "younger_kin")
    return any(
        t.i + 1 < len(doc)
        and (
            doc[t.i + 1].pos_ == "PROPN"
            or (doc[t.i + 1].text == "," and t.i + 2 < len(doc) and doc[t.i + 2].pos_ == "PROPN")
        )
        for t in tokens_lowered(doc, kin)  # found in the token array: no walk of the Doc
    )


def _generation(doc: Doc, ent: _Placed) -> int:
    """1 when a kin noun set next to one of ``ent``'s names puts them in the elder
    generation (``her father, Tom Brandt``, ``Tom Brandt, Eli's father``) or *elder* comes
    before it, -1 in the younger (``his son, Eli Brandt``, ``Eli Brandt, the son of ...``,
    ``the younger Brandt``), 0 when none does or they disagree."""
    elder, younger = word_list("elder_kin"), word_list("younger_kin")
    found = set()
    for p in ent.positions:
        if p > 0 and doc[p - 1].lower_ in _GENERATIONS:
            found.add(_GENERATIONS[doc[p - 1].lower_])  # "the younger Harlan" itself
            continue
        start = end = p
        while start > 0 and doc[start - 1].pos_ == "PROPN":
            start -= 1
        while end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN":
            end += 1
        k = start - 1 - (start > 0 and doc[start - 1].text == ",")
        near = [doc[k]] if k >= 0 else []
        if end + 2 < len(doc) and doc[end + 1].text == ",":
            after = doc[end + 2 : min(len(doc), end + 6)]
            lead = [t for t in after if t.tag_ in ("DT", "PRP$", "POS") or t.pos_ == "PROPN"]
            near += [t for t in after[len(lead) : len(lead) + 1]]
        for t in near:
            if t.lower_ in elder:
                found.add(1)
            elif t.lower_ in younger:
                found.add(-1)
    return found.pop() if len(found) == 1 else 0


def bare_surname_order(
    people: Sequence[_P],
    head: Token,
    evidence: Mapping[int, Collection[str]],
    mentions: Iterable[_Mentioned],
) -> list[_P]:
    """The order in which ``people``, who share the surname ``head`` gives alone, are
    tried for it: only those mentioned before it (``Paul Brandt ... Brandt said ...`` is
    Paul even when an Anna Brandt comes later), unless none is; one whose genders
    (``evidence``, by ``id``) disagree with a *he* or *she* the report binds to it
    (:func:`~.speaker_gender.bound_gender`: ``Brandt said he ...``) last; then the one
    the text made the subject of a clause most often before it (of ``mentions``), the one
    it is about (``Senator Ted Cruz said ... a photo of Heidi Cruz ... Cruz said``: Ted);
    then the one mentioned last before it."""
    at = head.i
    before = [p for p in people if min(p.positions, default=at) < at] or list(people)
    counts = {id(p): 0 for p in before}
    for m in mentions:
        if m.token < at and m.subject and id(m.entity) in counts:
            counts[id(m.entity)] += 1

    def last_before(p: _P) -> int:
        return max((i for i in p.positions if i < at), default=-1)

    order = sorted(before, key=lambda p: (-counts[id(p)], -last_before(p)))
    hint = bound_gender(head) if len(order) > 1 else None
    if hint is not None:
        order.sort(key=lambda p: any(g != hint for g in evidence.get(id(p), ())))
    return order
