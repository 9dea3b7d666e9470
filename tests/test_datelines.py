"""Datelines (quotecraft.datelines): the place and agency a wire story opens with.

All texts are written for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest
import spacy

from quotecraft.datelines import dateline_end, dateline_stop, undated

BLANK = spacy.blank("en")


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("KINGSTON (AP) — The port reopened.", "The port reopened."),
        ("PORTLAND, Ore. — The port reopened.", "The port reopened."),
        ("GENEVA, June 9 (Reuters) - The port reopened.", "The port reopened."),
        ("TALLINN -- The port reopened.", "The port reopened."),
        ("Rain fell.\n\nBERGEN — The port reopened.", "The port reopened."),
    ],
)
def test_a_dateline_at_a_paragraph_start_is_skipped(text: str, rest: str) -> None:
    doc = BLANK(text)
    s = next(t.i for t in doc if t.text.isupper() and t.is_alpha and len(t) > 2)
    assert doc[dateline_end(doc, s, len(doc)) :].text == rest


@pytest.mark.parametrize(
    "text",
    [
        "NATO officials — two of them — left.",  # a subject in capitals, not a place
        "The vote — NATO said — was close.",  # not at a paragraph's start
        "US — and only US — rules apply.",  # one letter pair and words that are no date
        "I — for one — agree.",  # a pronoun, no place
    ],
)
def test_capitals_that_are_no_dateline_stay(text: str) -> None:
    doc = BLANK(text)
    for s in range(len(doc)):
        if doc[s].text == "NATO" or s == 0:
            assert dateline_end(doc, s, len(doc)) == s


@pytest.mark.model
def test_a_reported_content_leaves_the_dateline_out(extractor: Any) -> None:
    [q] = extractor("OSLO (Reuters) — Ferry fares will rise in May, the operator said.").quotes
    assert q.content.text == "Ferry fares will rise in May"


def test_only_a_word_of_a_dateline_has_a_stop() -> None:
    doc = BLANK("Rain fell.\n\nBERGEN, June 2 (AP) — NATO officials left.")
    stops = {t.text: dateline_stop(t) for t in doc if t.is_alpha}
    assert doc[stops["BERGEN"]].text == "NATO"
    assert stops["NATO"] is None  # capitals after the dash: the sentence's own words
    assert stops["June"] is None and stops["Rain"] is None  # only a word in capitals


def test_undated_takes_the_noun_hung_on_the_place_after_the_dateline() -> None:
    words = ["LAGOS", ",", "Nigeria", "—", "The", "agency", "said", "so", "."]
    heads = [6, 0, 0, 0, 5, 0, 6, 6, 6]
    deps = ["nsubj", "punct", "appos", "punct", "det", "appos", "ROOT", "advmod", "punct"]
    doc = spacy.tokens.Doc(BLANK.vocab, words=words, heads=heads, deps=deps)
    found = undated(doc[0])
    assert found is not None and found.i == 5
    itself = undated(doc[5])  # no dateline word: itself
    assert itself is not None and itself.i == 5


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("QUITO, May 4 (Reuters) - Rescue teams warned that more rain was coming.", "Rescue teams"),
        (
            "LAGOS, Nigeria — The port authority said the berths would reopen on Friday.",
            "port authority",
        ),
    ],
)
def test_the_place_of_a_dateline_is_no_speaker(extractor: Any, text: str, speaker: str) -> None:
    [q] = extractor(text).quotes
    assert q.speaker is not None and q.speaker.name == speaker


@pytest.mark.model
def test_the_place_of_a_dateline_is_no_body_a_later_noun_refers_to(extractor: Any) -> None:
    # the tagger reads BRISTOL as an organization, the subject of the first verb
    text = "BRISTOL, England — Dozens of fishermen blocked the harbour.\n\nThe company says the dredging is safe."
    [q] = extractor(text).quotes
    assert q.speaker is not None and q.speaker.name == "company"


@pytest.mark.model
def test_a_cue_in_a_heading_in_capitals_reports_nothing(extractor: Any) -> None:
    text = (
        "Rain fell all week.\n\nEVEN HER COACH SAYS SHE IS READY — Lena Morz will race on Sunday."
    )
    assert extractor(text).quotes == ()


@pytest.mark.model
def test_a_participle_after_a_dateline_is_the_subjects_act(extractor: Any) -> None:
    # the parser makes the dash the root, with the place as its subject and the sentence its
    # complement: the participle is the agency's act, not the dash's
    text = (
        "Budget Cuts Ahead.\n\nWASHINGTON ― The agency announced plans Tuesday to cut programs,"
        " acknowledging that the current system has failed."
    )
    quotes = extractor(text).quotes
    assert [(q.cue.text, q.speaker.name) for q in quotes if q.speaker] == [
        ("announced", "agency"),
        ("acknowledging", "agency"),
    ]
