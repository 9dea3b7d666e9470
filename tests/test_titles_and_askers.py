"""Quoted titles and words as the subject of a verb (check ``quoted_subject`` in
quotecraft.direct_subjects), and the one asked in ``(When) asked ..., X said`` (quotecraft.attribution's
addressed_participle). Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest


def _seen(art: Any) -> list[tuple[str, str, str | None, str | None]]:
    return [
        (
            q.kind.value,
            q.content.text,
            q.cue.text if q.cue else None,
            q.speaker.name if q.speaker else None,
        )
        for q in art.quotes
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        '"Lantern Bay" sold a million copies in its first year.',  # no mark sets it off
        '"Coral," topped the charts for a month.',  # a comma, then a verb of work_verbs
        'The ballad "Far Fields" appears on both albums.',  # inside the subject phrase
        "'Kaputt' comes from a French word.",  # a word, any verb
        '"Night Ferry" was recorded in a barn.',  # a passive with no agent
    ],
)
def test_a_quoted_title_as_subject_is_no_quote(extractor: Any, text: str) -> None:
    assert _seen(extractor(text)) == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "content", "cue", "speaker"),
    [
        # a comma and a verb not of work_verbs: the speaker follows the verb
        ('"Enough," growled the sergeant.', "Enough,", "growled", "sergeant"),
        # a clause in marks stays a quotation, whatever parse its subject gets
        ('"We lost," sighed Ines Carvalho.', "We lost,", "sighed", "Ines Carvalho"),
        # a passive with its agent: the author's words (PolNeAR annotates them so)
        ('"Night Ferry" was written by Lotte Brink.', "Night Ferry", "written", "Lotte Brink"),
    ],
)
def test_a_quotation_before_its_attribution_stays(
    extractor: Any, text: str, content: str, cue: str, speaker: str
) -> None:
    assert _seen(extractor(text)) == [("direct", content, cue, speaker)]


@pytest.mark.model
def test_the_one_asked_is_the_addressee_not_the_speaker(extractor: Any) -> None:
    art = extractor("When asked whether the port would close, the harbourmaster said it would not.")
    asked, said = art.quotes
    assert (asked.content.text, asked.cue.text) == ("whether the port would close", "asked")
    assert asked.speaker is None
    assert asked.addressee is not None and asked.addressee.name == "harbourmaster"
    assert (said.content.text, said.speaker and said.speaker.name) == (
        "it would not",
        "harbourmaster",
    )


@pytest.mark.model
def test_the_agent_of_the_participle_asks(extractor: Any) -> None:
    art = extractor(
        "Asked by a juror whether the receipts existed, the accountant said they had been lost."
    )
    assert _seen(art) == [
        ("indirect", "whether the receipts existed", "Asked", "juror"),
        ("indirect", "they had been lost", "said", "accountant"),
    ]


@pytest.mark.model
def test_a_participle_with_its_own_subject_is_no_asked_clause(extractor: Any) -> None:
    # 'The reporter asked whether ...': an active verb, its subject asks
    art = extractor("The reporter asked whether the port would close.")
    (q,) = art.quotes
    assert q.speaker is not None and q.speaker.name == "reporter"
