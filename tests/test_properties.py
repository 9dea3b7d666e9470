"""Property tests (issue 8): Hypothesis-generated text through every stage.

Generated text mixes random words, quotation marks of every convention, HTML fragments,
control/invisible/RTL characters, emoji, combining marks and arbitrary Unicode
(:mod:`fuzz.robust`). About 4,000 examples run in CI: the model-free stages take thousands
cheaply, and the full pipeline takes some 700 documents in batches through ``Extractor.pipe``.
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from fuzz.robust import batch_problems, batches, documents, problems
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import quotecraft
from quotecraft import Article, Cue, Quote, QuoteKind, Speaker, TextSpan
from quotecraft.marks import find_quoted, mark_table
from quotecraft.segment import html_to_text, normalize, segment, split_paragraphs

FAST = settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MODEL = settings(
    max_examples=70,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# -- stage 0 and 1, no model --------------------------------------------------------------------


def _blanked(seg: Any, i: int) -> bool:
    """Whether position ``i`` was blanked out as boilerplate (and held a visible character)."""
    return any(s <= i < e for s, e in seg.boilerplate) and not seg.text[i].isspace()


@FAST
@given(documents(max_pieces=60))
@example("\u00a9")  # a lone copyright sign: a paragraph that is all boilerplate
@example("Hello.\n\n\u00a9 2024 Reuters. All rights reserved.")
def test_segment_invariants(raw: str) -> None:
    seg = segment(raw)
    text, norm = seg.text, seg.normalized
    assert len(norm) == len(text)
    if not seg.is_html:
        assert text == raw
    prev = 0
    for s, e in seg.paragraphs:
        assert prev <= s < e <= len(text)
        # A paragraph starts and ends on a visible character; in ``normalized`` that
        # character is a space only where the line was blanked out as boilerplate.
        assert not norm[s].isspace() or _blanked(seg, s)
        assert not norm[e - 1].isspace() or _blanked(seg, e - 1)
        prev = e
    for s, e in seg.boilerplate:
        assert any(ps <= s and e <= pe for ps, pe in seg.paragraphs)
        assert norm[s:e].strip() == ""  # blanked out before parsing
    assert all(w[:1] == "W" and w[1:4].isdigit() for w in seg.warnings)


@FAST
@given(documents(max_pieces=60))
def test_find_quoted_invariants(raw: str) -> None:
    norm, _ = normalize(raw)
    paragraphs = split_paragraphs(norm)
    warnings: list[str] = []
    quoted = find_quoted(norm, paragraphs, warnings=warnings)
    marks = mark_table().all_marks
    last_outer = -1
    for q in quoted:
        assert norm[q.open] in marks
        assert q.open >= last_outer  # outermost quotes only, in text order, disjoint
        last_outer = q.outer_end
        assert q.pieces and all(q.open < s < e <= len(norm) for s, e in q.pieces)
        assert all(a[1] <= b[0] for a, b in zip(q.pieces, q.pieces[1:], strict=False))
        for s, e in q.pieces:  # every piece inside one paragraph
            assert any(ps <= s and e <= pe for ps, pe in paragraphs)
        if q.close is not None:
            assert q.closed and norm[q.close] in marks and q.end <= q.close
        assert any(ch.isalnum() for s, e in q.pieces for ch in norm[s:e])
    assert all(w.startswith(("W001", "W002")) for w in warnings)


@FAST
@given(st.text(alphabet=st.sampled_from([*sorted(mark_table().all_marks), " ", "a", "\n"])))
def test_find_quoted_on_marks_only(raw: str) -> None:
    for q in find_quoted(raw, split_paragraphs(raw)):
        assert all(0 <= s < e <= len(raw) for s, e in q.pieces)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(["<", ">", "</", "<!", "<![", "<?", "-->", "]]>", "&", ";", "=", "'"]),
            st.sampled_from(["<p>", "<div>", "<script>", "</script>", "<b>", "<br>", '"']),
            st.text(max_size=3),
        ),
        max_size=40,
    ).map("".join)
)
def test_html_to_text_never_raises(html: str) -> None:
    out = html_to_text(html)
    assert isinstance(out, str) and out == out.strip()
    assert "\n\n\n" not in out


# -- the checker itself can fail ----------------------------------------------------------------


def _article(text: str, *quotes: Quote) -> Article:
    return Article(text=text, paragraphs=(TextSpan.of(text, 0, len(text)),), quotes=quotes)


def test_problems_catches_broken_records() -> None:
    text = '"We will," said Ann Lee. "No," he said.'
    cue, name = text.index("said"), text.index("Ann Lee")
    good = Quote(
        kind=QuoteKind.DIRECT,
        content=TextSpan.of(text, 1, 8),
        cue=Cue(cue, cue + 4, "said", "say"),
        speaker=Speaker("S1", "Ann Lee", mention=TextSpan.of(text, name, name + 7)),
    )
    assert problems(_article(text, good)) != []  # S1 missing from Article.speakers
    art = attrs.evolve(_article(text, good), speakers=(good.speaker,))
    assert problems(art, text) == []
    bad_text = attrs.evolve(good, content=TextSpan(1, 8, "We wilL"))
    bad_mention = attrs.evolve(
        good, speaker=attrs.evolve(good.speaker, mention=TextSpan(name, name + 50, "x" * 50))
    )
    bad_cue = attrs.evolve(good, cue=Cue(cue, cue + 4, "says", "say"))
    outside = attrs.evolve(good, fragments=(TextSpan.of(text, 0, 3),))
    overlap = attrs.evolve(good, content=TextSpan.of(text, 5, 12))
    addressee = attrs.evolve(good, addressee=Speaker("S1", "x", mention=TextSpan(30, 40, "x" * 10)))
    for quotes in [
        (bad_text,),
        (bad_mention,),
        (bad_cue,),
        (outside,),
        (good, overlap),
        (addressee,),
    ]:
        broken = attrs.evolve(art, quotes=quotes)
        assert problems(broken, text) != [], quotes
    assert problems(art, text + " ") != []  # Article.text must be the plain-text input
    assert batch_problems(["a", "b"], [art]) != []


# -- the whole pipeline ------------------------------------------------------------------------


@pytest.mark.model
@MODEL
@given(batches(min_size=6, max_size=16))
def test_pipeline_on_generated_batches(extractor: Any, docs: list[str]) -> None:
    items: list[Any] = [{"id": f"d{k}", "text": d} for k, d in enumerate(docs)]
    results = list(extractor.pipe(items, batch_size=8))
    assert batch_problems(items, results) == []


@pytest.mark.model
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_pipeline_is_deterministic(extractor: Any, text: str) -> None:
    first = extractor(text)
    again = extractor(text)
    [piped] = list(extractor.pipe([text]))
    assert problems(first, text) == []
    assert quotecraft.to_json(first) == quotecraft.to_json(again)
    assert quotecraft.to_json(first) == quotecraft.to_json(attrs.evolve(piped, id=None))


@pytest.mark.model
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=80))
def test_pipeline_on_arbitrary_unicode(extractor: Any, text: str) -> None:
    assert problems(extractor(text), text) == []
