"""Rule ``reported.block.v1``: ``X wrote:`` closing a paragraph, the next paragraph as the
words. Sentences written for these tests."""

from __future__ import annotations

import pytest

import quotecraft
from quotecraft import Config
from quotecraft.reported_blocks import BLOCK_RULE

pytestmark = pytest.mark.model


def _blocks(text: str) -> list[quotecraft.Quote]:
    return [q for q in quotecraft.extract(text).quotes if q.rule == BLOCK_RULE]


def test_the_next_paragraph_is_what_the_speaker_wrote() -> None:
    text = (
        "In a note pinned to the clubhouse door, the groundskeeper, Tobias Renner, wrote:\n\n"
        "The lower pitch is flooded again and will stay shut until the drains are fixed.\n\n"
        "Members were not pleased."
    )
    (q,) = _blocks(text)
    assert q.content.text == (
        "The lower pitch is flooded again and will stay shut until the drains are fixed"
    )
    assert text[q.content.start : q.content.end] == q.content.text
    assert q.kind.value == "indirect"
    assert q.cue is not None and q.cue.text == "wrote" and q.cue.type == "writing"
    assert q.speaker is not None and q.speaker.name == "Tobias Renner"


def test_the_object_of_tell_is_the_addressee_not_the_content() -> None:
    (q,) = _blocks("The coach told reporters:\n\nWe played badly and we know it.")
    assert q.content.text == "We played badly and we know it"
    assert q.speaker is not None and q.speaker.name == "coach"


def test_only_the_next_paragraph_is_taken() -> None:
    text = "The coach said:\n\nWe played badly and we know it.\n\nThe team flies home on Sunday."
    (q,) = _blocks(text)
    assert q.content.text == "We played badly and we know it"


@pytest.mark.parametrize(
    "text",
    [
        # a quotation in marks is direct speech, not this rule's
        'The coach said:\n\n"We played badly and we know it."',
        # a verb whose object is its content lists, it does not quote
        "The coach announced the squad:\n\nThe two wingers are injured and will miss the final.",
        # an "as" clause is a source for the sentence it hangs on
        "As the coach said last week:\n\nWe played badly and we know it.",
        # not a verb that introduces a quotation
        "The coach needs the following:\n\nTwo new defenders and a fit goalkeeper are needed.",
        # no paragraph after the colon
        "The coach said:",
        # a next paragraph without a verb is a heading or a list item
        "The coach wrote:\n\nSquad for Saturday",
        # a negative subject: no one spoke
        "Nobody answered:\n\nThe room was silent and the lights were off.",
        "No official said:\n\nThe plant will close in June.",
        # markup (an embedded post), not the words
        'The coach tweeted:\n\n<post author="coach">We played badly and we know it.</post>',
    ],
)
def test_no_block_quotation(text: str) -> None:
    assert _blocks(text) == []


def test_the_rule_can_be_switched_off() -> None:
    text = "The coach said:\n\nWe played badly and we know it."
    ex = quotecraft.load(config=Config(disabled_rules=[BLOCK_RULE]))
    assert [q for q in ex(text).quotes if q.rule == BLOCK_RULE] == []
