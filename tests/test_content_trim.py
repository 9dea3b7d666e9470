"""The ends a reported content sheds or takes in (quotecraft.content_trim), on hand-built
parses. Sentences written for these tests."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from quotecraft.content_trim import trim_bounds


def _doc(words: list[str]) -> Doc:
    """A Doc of ``words`` with a flat parse: every word hangs on the first."""
    return Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=[0] * len(words),
        deps=["ROOT"] + ["dep"] * (len(words) - 1),
    )


@pytest.mark.parametrize(
    ("words", "clock"),
    [
        (["crews", "arrived", "at", "3", "a.m.", "."], True),
        (["crews", "arrived", "at", "2:14", "a.m.", "."], True),
        (["crews", "arrived", "at", "11.45", "p.m.", "."], True),
        (["crews", "arrived", "at", "ten", "p.m.", "."], True),
        (["crews", "arrived", "at", "dawn", "a.m.", "."], False),
    ],
)
def test_a_clock_time_keeps_its_a_m_when_the_parse_hung_it_elsewhere(
    words: list[str], clock: bool
) -> None:
    """``said crews arrived at 2:14 a.m.``: the parse hangs *a.m.* on the cue, so the
    content's subtree ends at the number; the content takes the *a.m.* in after an hour
    (with or without minutes), never after a word that is no number."""
    doc = _doc(words)
    assert trim_bounds(doc, 0, 4) == ((0, 5) if clock else (0, 4))
