"""The possessor of a reply before a colon speaks (direct_bare.possessor_speaks), and
coordinated roles are one group speaker (speaker_groups.described_member). Sentences
written for these tests."""

from __future__ import annotations

from typing import Any

import pytest


def _speakers(art: Any) -> list[tuple[str, str | None, str | None, tuple[str, ...]]]:
    return [
        (
            q.content.text,
            q.speaker.name if q.speaker else None,
            q.speaker.kind.value if q.speaker else None,
            tuple(q.speaker.members) if q.speaker else (),
        )
        for q in art.quotes
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the pronoun, resolved when it can be, else named by its subject form
        ('Her reply was quick: "Tomorrow."', "She"),
        ('The landlord\'s answer was short: "Pay up."', "landlord"),
        ('The response from the council was terse: "No."', "council"),
        # not a cue noun: the subject stays the speaker
        ('The sign on the gate was clear: "Keep out."', "sign"),
    ],
)
def test_a_reply_before_a_colon_is_spoken_by_its_possessor(
    extractor: Any, text: str, speaker: str
) -> None:
    (q,) = extractor(text).quotes
    assert q.rule == "direct.colon.v1"
    assert q.speaker is not None and q.speaker.name == speaker


@pytest.mark.model
def test_the_possessor_pronoun_resolves_to_the_person_named_before(extractor: Any) -> None:
    art = extractor('Marta Lind read the offer. Her reply was quick: "Tomorrow."')
    (q,) = art.quotes
    assert q.speaker is not None and q.speaker.name == "Marta Lind"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name", "members"),
    [
        (
            "The mayor and the fire chief said the dam was safe.",
            "mayor and the fire chief",
            ("mayor", "fire chief"),
        ),
        (
            "Sara Holm and the coach said the match was off.",
            "Sara Holm and the coach",
            ("Sara Holm", "coach"),
        ),
        # names keep their shared surname; roles take none
        (
            "Maria and Luis Ortega said the farm was not for sale.",
            "Maria and Luis Ortega",
            ("Maria Ortega", "Luis Ortega"),
        ),
    ],
)
def test_coordinated_roles_are_one_group(
    extractor: Any, text: str, name: str, members: tuple[str, ...]
) -> None:
    ((_, got_name, kind, got_members),) = _speakers(extractor(text))
    assert (got_name, kind, got_members) == (name, "group", members)


@pytest.mark.model
def test_two_titles_of_one_person_are_no_group(extractor: Any) -> None:
    # "president and CEO": the second title has no determiner of its own
    ((_, name, kind, members),) = _speakers(
        extractor("The president and CEO said sales had doubled.")
    )
    assert (name, kind, members) == ("president", "person", ())


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "addressee"),
    [
        ("The captain turned to the helmsman. “How long until we reach port?”", "helmsman"),
        ("Nora looked at her sister. “Are you coming?”", "her sister"),
        ("Nora looked at Jonas. “Are you coming?”", "Jonas"),
        # a thing looked at is no one spoken to
        ("Nora looked at the clock. “Are you coming?”", None),
        ("Nora looked at the door. “Are you coming?”", None),
    ],
)
def test_a_beat_turned_to_a_person_names_the_one_spoken_to(
    extractor: Any, text: str, addressee: str | None
) -> None:
    (q,) = extractor(text).quotes
    assert q.rule == "direct.beat.v1"
    assert (q.addressee.name if q.addressee else None) == addressee


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "“Which platform?” asked the driver.",
        "“Which platform?” asked the porter.",
        "“Is it far?” asked the old woman.",
    ],
)
def test_who_asks_after_the_quote_is_not_also_the_one_asked(extractor: Any, text: str) -> None:
    (q,) = extractor(text).quotes
    assert q.speaker is not None and q.addressee is None
