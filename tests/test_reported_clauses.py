"""Where a clausal reported content ends beside what follows it (quotecraft.reported_neighbours,
quotecraft.reported_bounds). Texts written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from quotecraft.reported_neighbours import speaker_next_acts


def _cue_and_content(nlp: Any, text: str, cue: str) -> tuple[Any, Any]:
    doc = nlp(text)
    tok = next(t for t in doc if t.text == cue)
    content = next(c for c in tok.children if c.dep_ == "ccomp")
    return tok, content


@pytest.mark.parametrize(
    ("text", "acts"),
    [
        # a past verb after a modal's bare verb: the speaker's next act
        ("The vet said the dog would recover and thanked us for waiting.", ["thanked"]),
        ("Lena said she would call back later and hung up.", ["hung"]),
        # a bare verb continues the modal's clause
        ("The vet said the dog would recover and eat normally again.", []),
        # a perfect after the modal: "used a key and locked" both hang on "have"
        ("The detective said the thief must have used a key and locked the door.", []),
        # a conjunct with its own subject is no act of the speaker's
        ("The vet said the dog would recover and the cat slept.", []),
    ],
)
def test_speaker_next_acts(nlp: Any, text: str, acts: list[str]) -> None:
    cue, content = _cue_and_content(nlp, text, "said")
    assert [t.text for t in speaker_next_acts(cue, content)] == acts


def test_no_next_act_after_a_present_cue(nlp: Any) -> None:
    # "says ... would recover and thanked": a present cue is not coordinated with a past verb
    cue, content = _cue_and_content(
        nlp, "The vet says the dog would recover and thanked us.", "says"
    )
    assert speaker_next_acts(cue, content) == []
