"""A person's age as a description of them: ``the 45-year-old`` is the person the text
gave that age (``Kofi Mensah, 45,`` or ``45-year-old Kofi Mensah``), and no one when no
person was given it or two were."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from .records import SpeakerKind

if TYPE_CHECKING:
    from .speaker_table import Entity

__all__ = ["aged_person", "described_age", "stated_age"]

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
