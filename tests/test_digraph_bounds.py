"""A content's bounds never split a two-character quotation mark (``''`` or ``` `` ```):
marks are paired in a text where each digraph is one mark and a space, so a content
found there may end between the two apostrophes. Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The treasurer said the scheme was ''a house of cards.''",
            "the scheme was ''a house of cards.''",
        ),
        (
            "The coach said the loss was ``a wake-up call.''",
            "the loss was ``a wake-up call.''",
        ),
        (
            "''I have no regrets'' about the sale, Ms. Okafor said.",
            "''I have no regrets'' about the sale",
        ),
    ],
)
def test_content_keeps_both_apostrophes(extractor: Any, text: str, content: str) -> None:
    quotes = extractor(text).quotes
    assert [q.content.text for q in quotes] == [content]
    q = quotes[0]
    assert text[q.content.start : q.content.end] == q.content.text


def test_a_pair_is_not_split_in_fragments(extractor: Any) -> None:
    text = "Ms. Okafor called the sale ''a relief,'' adding that ''the debts are gone.''"
    for q in extractor(text).quotes:
        for span in (q.content, *q.fragments):
            inner = text[span.start : span.end]
            assert not inner.endswith("'") or inner.endswith("''"), inner
            assert not inner.startswith("'") or inner.startswith("''"), inner
