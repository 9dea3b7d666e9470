"""The passes over all reported candidates of a document (quotecraft.reported_passes).
Texts written for these tests."""

from __future__ import annotations

import pytest

from quotecraft.candidates import Candidate
from quotecraft.reported_passes import drop_across_stops


def _cand(text: str, content: str, cue: str) -> Candidate:
    s = text.index(content)
    c = text.index(cue)
    return Candidate(
        kind="indirect",
        start=s,
        end=s + len(content),
        rule="reported.ccomp.v1",
        confidence=0.9,
        cue=(c, c + len(cue)),
    )


@pytest.mark.parametrize(
    ("text", "content", "cue", "kept"),
    [
        # a colon or semicolon between a content and its later cue: a new statement
        ("The plan was simple: the mayor wanted a vote.", "The plan was simple", "wanted", False),
        ("Sales fell; analysts blamed the heat.", "Sales fell", "blamed", False),
        # a comma is the attribution's own punctuation
        ("The storm was over, the captain said.", "The storm was over", "said", True),
        # a stop inside the content, or after the cue, cuts nothing off
        ("Rain fell; roads flooded, the police said.", "Rain fell; roads flooded", "said", True),
        ("The police said: roads flooded.", "roads flooded", "said", True),
        # a stop in an earlier paragraph is not between them
        ("Rain:\nroads flooded, the police said.", "roads flooded", "said", True),
    ],
)
def test_a_stop_between_content_and_cue_drops_the_content(
    text: str, content: str, cue: str, kept: bool
) -> None:
    cand = _cand(text, content, cue)
    assert (drop_across_stops([cand], text) == [cand]) is kept


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # the parse began the content at the quoted word: its opening mark joins it
        ("Miller hails 'brilliant' season", "'brilliant' season"),
        (
            'The mayor said "budget reforms" and new fees would pay for the pool.',
            '"budget reforms" and new fees would pay for the pool',
        ),
        # the closing mark after the content's end joins it (balanced before and after)
        (
            'Senator Ida Moen said the levy was "a gift to the banks."',
            'the levy was "a gift to the banks."',
        ),
        # an apostrophe is no mark: the content stays as it is
        ("The mayor praised the crews' work.", "the crews' work"),
    ],
)
def test_content_keeps_its_marks_paired(extractor: object, text: str, content: str) -> None:
    quotes = extractor(text).quotes  # type: ignore[operator]
    assert [q.content.text for q in quotes] == [content]


def _opened(conjoined: bool) -> tuple[str, list[Candidate]]:
    """'Ito said she kept asking , " Why me ? "' (the quote's cue "asking" heads the
    content 'she kept asking , "'), or with "asking" conjoined to the content's verb."""
    from quotecraft.reported_passes import take_in_opened_quotes
    from quotecraft.testing import make_doc

    words = ["Ito", "said", "she", "kept", "asking", ",", '"', "Why", "me", "?", '"']
    heads = [1, 1, 3, 1, 3, 4, 4, 8, 4, 8, 1]
    deps = ["nsubj", "ROOT", "nsubj", "ccomp", "xcomp", "punct", "punct", "advmod", "ccomp"]
    deps += ["punct", "punct"]
    if conjoined:
        deps[4] = "conj"
    doc = make_doc(words, heads=heads, deps=deps)
    text = doc.text
    s = text.index("she")
    e = text.index('"') + 1
    report = Candidate("indirect", s, e, "reported.ccomp.v1", 0.9, cue_token=1)
    q = text.index("Why")
    quote = Candidate("direct", q, text.index("?") + 1, "direct.cue_before.v1", 0.95, cue_token=4)
    return text, take_in_opened_quotes(doc, text, [report], [quote])


def test_a_content_cut_at_an_opening_mark_takes_in_the_quote_its_clause_introduces() -> None:
    text, [c] = _opened(conjoined=False)
    assert text[c.start : c.end] == 'she kept asking, "Why me?"'


def test_a_quote_whose_cue_is_conjoined_to_the_content_stays_out() -> None:
    text, [c] = _opened(conjoined=True)
    assert text[c.start : c.end] == 'she kept asking, "'
