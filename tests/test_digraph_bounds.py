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


def test_the_parser_reads_a_pair_as_one_mark(extractor: Any) -> None:
    # marks are paired where each pair is one mark and a space; the parser must not see
    # that space as a token inside the sentence
    text = "Nurses, he said, can ''work miracles'' and ''move mountains.''"
    (doc,) = extractor.parse_stream(iter([extractor.segment(text)]))
    assert not any(t.is_space for t in doc)
    assert [t.text for t in doc if t.text == "''"] == ["''"] * 4
    (q,) = extractor(text).quotes  # the clause around the marks is read as one
    assert (q.kind.value, q.content.text, q.speaker.name) == ("mixed", text[:-3] + ".''", "he")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            'The league issued a statement calling the fine "a gross overreach and in plain '
            'breach" of its own rules.',
            'the fine "a gross overreach and in plain breach"',
        ),
        (
            "The mayor called the plan ''a disaster in waiting,'' and vowed to fight it.",
            "the plan ''a disaster in waiting,''",
        ),
    ],
)
def test_a_content_cut_inside_a_quoted_fragment_takes_its_closing_mark(
    extractor: Any, text: str, content: str
) -> None:
    assert content in [q.content.text for q in extractor(text).quotes]
