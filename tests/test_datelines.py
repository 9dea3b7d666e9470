"""Datelines (quotecraft.datelines): the place and agency a wire story opens with.

All texts are written for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest
import spacy

from quotecraft.datelines import dateline_end

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
