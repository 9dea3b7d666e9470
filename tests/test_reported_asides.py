"""The writer's asides that close a reported content (``reported_asides``)."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a gloss of a noun of the content, set off by a comma or a dash
        (
            "The council vowed to repeal the levy, a tax that funds the harbour.",
            "to repeal the levy",
        ),
        (
            "Critics said the ferry plan was burning money — a charge the mayor denies.",
            "the ferry plan was burning money",
        ),
        # an adverbial noun with a relative clause: someone's comment on the content
        (
            "The minister said the reforms were working, a view few economists share.",
            "the reforms were working",
        ),
        # after a spaced hyphen, which the parser reads as an adverbial noun
        (
            'Critics said the ferry plan was "burning money" - a charge the mayor denies.',
            'the ferry plan was "burning money"',
        ),
        # a clause of its own on the noun after the dash may be what was said: no aside
        (
            "The mayor said the debate was poisoned by what she called tribalism - a belief "
            "that you are either for the mine or against it.",
            "the debate was poisoned by what she called tribalism - a belief that you are "
            "either for the mine or against it",
        ),
        # the speaker's own words go on in marks: no aside
        (
            'Critics said the ferry plan was burning money, a "shameful" waste of public funds.',
            'the ferry plan was burning money, a "shameful" waste of public funds',
        ),
        # a non-restrictive relative clause
        (
            "The mayor said she backs the harbour bill, which includes a new ferry.",
            "she backs the harbour bill",
        ),
    ],
)
def test_a_content_ends_before_the_writers_aside(extractor: Any, text: str, content: str) -> None:
    (q,) = extractor(text).quotes
    assert q.content.text == content
