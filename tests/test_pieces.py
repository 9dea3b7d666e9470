"""How texts are cut for the parse (issue 17, defect 3): no run without a space over
RUN_CHARS reaches spaCy's tokenizer, punctuation without words is annotated without the
statistical pipeline, and news is cut exactly as before. The texts are written here."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.vocab import Vocab

from quotecraft.pieces import (
    JUNK_CHARS,
    PIECE_TOKENS,
    RUN_CHARS,
    SENTENCE_TOKENS,
    describe,
    junk_doc,
    plan_pieces,
)

pytestmark = pytest.mark.issue(17)


def _old_split(text: str, limit: int) -> list[tuple[int, int]]:
    """The cutting of quotecraft 0.1.0 (characters only), to compare with on news."""
    if len(text) <= limit:
        return [(0, len(text))] if text else []
    out, start, n = [], 0, len(text)
    while start < n:
        if n - start <= limit:
            out.append((start, n))
            break
        window_end, cut = start + limit, -1
        for sep in ("\n\n", "\n", ". ", " "):
            k = text.rfind(sep, start + limit // 2, window_end)
            if k >= 0:
                cut = k + len(sep)
                break
        if cut <= start:
            cut = window_end
        out.append((start, cut))
        start = cut
    return out


NEWS = (
    '"The ferry will run again in May," said Harbor Master Ola Berg on Tuesday.\n\n'
    "Councillors said that the repairs, which cost 2.4 million, were overdue. "
    "According to the port authority, traffic fell by a third (see www.example.org/port).\n\n"
    "Berg added: “We owe the islanders a reliable boat.”\n"
)


@pytest.mark.parametrize("limit", [1000, 2000, 20_000])
@pytest.mark.parametrize("joiner", ["", "\n\n", " "])
def test_news_is_cut_as_before(limit: int, joiner: str) -> None:
    text = joiner.join([NEWS] * 120)
    assert [(p.start, p.end) for p in plan_pieces(text, limit)] == _old_split(text, limit)
    assert not any(p.junk for p in plan_pieces(text, limit))


def _check_plan(text: str, limit: int) -> None:
    plan = plan_pieces(text, limit)
    assert [p.start for p in plan] == [0, *(p.end for p in plan[:-1])] if plan else text == ""
    assert (plan[-1].end if plan else 0) == len(text)
    for p in plan:
        piece = text[p.start : p.end]
        assert p.end > p.start and len(piece) <= limit
        if p.junk:
            assert not re.search(r"[^\W_]", piece)
        else:
            assert max((len(r) for r in piece.split()), default=0) <= RUN_CHARS, piece[:40]
            assert len(re.findall(r"\w+|[^\w\s]", piece)) <= PIECE_TOKENS + 1


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(
        st.sampled_from(["a", "b", " ", "\n", '"', "“", "”", "'", ".", ",", "s", "$", "«", "—"]),
        max_size=3000,
    ),
    limit=st.integers(1000, 2500),
)
def test_pieces_cover_the_text_and_respect_every_limit(text: str, limit: int) -> None:
    _check_plan(text, limit)


@pytest.mark.parametrize(
    "text",
    [
        '"' * 5000,
        ("“”«»„" + '"') * 900,
        "x" + "'s" * 3000,
        "US$" * 2000,
        "(" * 3000 + "a" + ")" * 3000,
        'He said "' + '"' * 300 + 'Hello," and left.',
        "a , " * 4000,
    ],
)
def test_hostile_shapes_are_cut(text: str) -> None:
    _check_plan(text, 20_000)


def test_marks_without_words_are_a_piece_of_their_own() -> None:
    text = 'He said "Go." ' + '"' * JUNK_CHARS + " Then he left."
    plan = plan_pieces(text, 20_000)
    assert [(text[p.start : p.end], p.junk) for p in plan] == [
        ('He said "Go." ', False),
        ('"' * JUNK_CHARS, True),
        (" Then he left.", False),
    ]
    # fewer marks, or marks broken by words, stay with the text
    assert len(plan_pieces('"' * (JUNK_CHARS - 1) + " words", 20_000)) == 1
    assert len(plan_pieces('" a ' * 100, 20_000)) == 1


def test_a_junk_doc_is_annotated_and_keeps_the_text() -> None:
    text = '“”  «»\n\n"" — !!'
    doc = junk_doc(Vocab(), text)
    assert doc.text == text
    assert doc.has_annotation("DEP") and doc.has_annotation("SENT_START")
    assert all(t.head.i == t.i and t.dep_ == "ROOT" for t in doc)
    assert {t.pos_ for t in doc} == {"PUNCT", "SPACE"}
    assert len(list(doc.sents)) == len(doc) and not doc.ents


def test_w004_names_every_kind_of_cut() -> None:
    text = "Words here.\n\n" + '"' * 40 + "\n\n" + "y" * 450
    assert describe(plan_pieces(text, 1000)) == (
        "3 long runs without a space and 2 runs of marks without words"
    )


def test_sentence_cap_is_far_above_news() -> None:
    assert SENTENCE_TOKENS >= 2 * 150  # the longest sentence of the dev sets: 150 tokens


_CAP_WORDS = ["word", ",", ".", "?", "“", "and", "BLOCK", "BLOCK", "BLOCK"]
"""``BLOCK``: 120 words without a full stop; three in a row make a stretch over the cap."""


@settings(max_examples=60, deadline=None)
@given(
    words=st.lists(st.sampled_from(_CAP_WORDS), min_size=0, max_size=12),
    starts=st.lists(st.integers(min_value=0, max_value=1500), max_size=4),
)
def test_the_array_check_before_the_sentence_cap_changes_nothing(
    words: list[str], starts: list[int]
) -> None:
    """cap_unpunctuated skips a Doc the token arrays show has no stretch over the cap;
    a Doc it skips gets the same sentence starts the token by token walk gives."""
    import spacy

    import quotecraft.pieces as pieces

    nlp = spacy.blank("en")
    text = " ".join(" ".join(["word"] * 120) if w == "BLOCK" else w for w in words)

    def made() -> object:
        doc = nlp.make_doc(text)
        for i in starts:
            if i < len(doc):
                doc[i].is_sent_start = True
        return doc

    quick = pieces.cap_unpunctuated(made())
    walked = pieces._cap_walk(made())  # the walk, whatever the arrays say
    assert [t.is_sent_start for t in quick] == [t.is_sent_start for t in walked]


def test_a_stretch_over_the_cap_is_found_by_the_array_check() -> None:
    import spacy

    from quotecraft.pieces import _may_run_long, cap_unpunctuated

    nlp = spacy.blank("en")
    long = nlp.make_doc("word " * (SENTENCE_TOKENS + 1))
    short = nlp.make_doc(("word " * (SENTENCE_TOKENS - 1) + ". ") * 3)
    assert _may_run_long(long) and not _may_run_long(short)
    assert [t.i for t in cap_unpunctuated(long) if t.is_sent_start] == [0, SENTENCE_TOKENS]
