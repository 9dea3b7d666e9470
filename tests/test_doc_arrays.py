"""The per-document arrays and memos (quotecraft.doc_arrays): each read once inside a
``reading`` block for that Doc, afresh anywhere else, and nothing kept after the block."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
import spacy
from spacy.attrs import LOWER, ORTH

from quotecraft.attribution import find_speaker_head, speaker_head
from quotecraft.doc_arrays import (
    memo,
    reading,
    token_array,
    token_order,
    token_positions,
    token_values,
)


@pytest.fixture
def doc() -> Any:
    return spacy.blank("en")("The Mayor said the mayor was late.")


def test_inside_the_block_an_array_is_read_once_and_shared(doc: Any) -> None:
    with reading(doc):
        first = token_array(doc, LOWER)
        assert token_array(doc, "lower") is first  # by id or by name: one array
        assert token_values(doc, LOWER) is token_values(doc, "LOWER")
    assert first.tolist() == doc.to_array(LOWER).tolist()
    assert list(token_values(doc, LOWER)) == doc.to_array(LOWER).tolist()


def test_a_shared_array_cannot_be_changed_by_a_stage(doc: Any) -> None:
    with reading(doc):
        arr = token_array(doc, ORTH)
        with pytest.raises(ValueError):
            arr[0] = 0
        assert token_array(doc, ORTH)[0] == doc[0].orth


def test_outside_the_block_each_call_reads_the_doc_afresh(doc: Any) -> None:
    a, b = token_array(doc, ORTH), token_array(doc, ORTH)
    assert a is not b and np.array_equal(a, b)
    a[0] = 0  # the caller's own copy
    assert token_array(doc, ORTH)[0] == doc[0].orth
    assert memo(doc, "anything") is None


def test_another_doc_in_the_block_is_read_for_itself(doc: Any) -> None:
    other = spacy.blank("en")("Quite another text")
    with reading(doc):
        token_array(doc, LOWER)
        assert token_array(other, LOWER).tolist() == other.to_array(LOWER).tolist()
        assert token_array(other, LOWER) is not token_array(other, LOWER)
        assert memo(other, "table") is None


def test_nothing_outlives_the_block(doc: Any) -> None:
    with reading(doc):
        kept = token_array(doc, LOWER)
        table = memo(doc, "table")
        assert table is not None and memo(doc, "table") is table
        table["key"] = 1
    assert memo(doc, "table") is None
    with reading(doc):
        assert token_array(doc, LOWER) is not kept
        assert memo(doc, "table") == {}


def test_a_nested_block_gives_back_the_outer_one(doc: Any) -> None:
    other = spacy.blank("en")("Another one")
    with reading(doc):
        outer = token_array(doc, LOWER)
        with reading(other):
            assert token_array(doc, LOWER) is not outer  # the inner block is other's
        assert token_array(doc, LOWER) is outer


def test_the_speaker_head_is_the_same_with_and_without_the_memo(nlp: Any) -> None:
    doc = nlp("Ana Ruiz said the bridge would close, and her deputy told reporters it would not.")
    cues = [t for t in doc if t.lemma_ in ("say", "tell")]
    assert len(cues) == 2
    expected = [find_speaker_head(c) for c in cues]
    assert [speaker_head(c) for c in cues] == expected  # outside a block: computed
    with reading(doc):
        assert [speaker_head(c) for c in cues] == expected
        assert [speaker_head(c) for c in cues] == expected  # the second time from the memo
        assert len(memo(doc, "speaker_head") or {}) == 2
    assert [h.text for h in expected if h is not None] == ["Ruiz", "deputy"]


def test_token_positions_find_the_tokens_of_a_word_list_in_text_order(doc: Any) -> None:
    from quotecraft.speaker_names import string_hashes, tokens_lowered

    words = frozenset({"the", "mayor", "absent"})
    naive = [t.i for t in doc if t.lower_ in words]
    assert naive == [0, 1, 3, 4]
    outside = token_positions(doc, LOWER, string_hashes(words))
    with reading(doc):
        inside = token_positions(doc, LOWER, string_hashes(words))
        assert [t.i for t in tokens_lowered(doc, words)] == naive
        assert token_positions(doc, LOWER, string_hashes(frozenset({"late"}))) == [6]
        assert token_positions(doc, LOWER, string_hashes(frozenset({"absent"}))) == []
        assert token_order(doc, LOWER) is token_order(doc, LOWER)
    assert outside == inside == naive
