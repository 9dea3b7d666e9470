"""JSON shape of the records and the to_dict / to_json / from_dict round trip."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotecraft import (
    Article,
    Cue,
    ErrorRecord,
    Quote,
    QuoteKind,
    Speaker,
    SpeakerKind,
    TextSpan,
    from_dict,
    to_dict,
    to_json,
)
from quotecraft.serialize import converter, quote_to_dict

TEXT = "“We will rebuild,” said Mayor Ann Lee. She added that the pier would reopen."
SPAN_KEYS = {"start", "end", "text"}
SPEAKER_KEYS = {
    "id",
    "name",
    "title",
    "organization",
    "kind",
    "mention",
    "resolution",
    "name_mention",
    "members",
    "link",
}
QUOTE_KEYS = {
    "kind",
    "content",
    "fragments",
    "cue",
    "speaker",
    "paragraph",
    "rule",
    "confidence",
    "addressee",
    "medium",
    "date",
}
DOC_KEYS = {"id", "quotes", "speakers", "paragraphs", "boilerplate", "warnings"}


def _article(**kw: Any) -> Article:
    mention = TextSpan.of(TEXT, 24, 37)
    lee = Speaker("S1", "Ann Lee", "Mayor", None, SpeakerKind.PERSON, mention)
    she = Speaker("S1", "Ann Lee", "Mayor", None, SpeakerKind.PERSON, TextSpan.of(TEXT, 39, 42))
    q1 = Quote(
        kind=QuoteKind.DIRECT,
        content=TextSpan.of(TEXT, 1, 17),
        cue=Cue(19, 23, "said", "say"),
        speaker=lee,
        rule="direct.cue_after.v1",
        confidence=0.95,
    )
    q2 = Quote(
        kind=QuoteKind.INDIRECT,
        content=TextSpan.of(TEXT, 54, 75),
        cue=Cue(43, 48, "added", "add", negated=False),
        speaker=she,
        rule="reported.ccomp.v1",
        confidence=0.9,
    )
    fields: dict[str, Any] = {
        "text": TEXT,
        "id": "doc-1",
        "paragraphs": [TextSpan.of(TEXT, 0, len(TEXT))],
        "quotes": [q1, q2],
        "speakers": [lee],
        "warnings": ["W001 unclosed quotation mark at offset 3: quote runs to the end"],
    }
    fields.update(kw)
    return Article(**fields)


def test_hand_built_spans_are_right() -> None:
    art = _article()
    assert [q.content.text for q in art.quotes] == ["We will rebuild,", "the pier would reopen"]
    assert art.quotes[1].speaker.mention.text == "She"  # type: ignore[union-attr]


# -- shape --------------------------------------------------------------------------------------


def test_to_dict_shape() -> None:
    d = to_dict(_article())
    assert set(d) == DOC_KEYS  # no "text" for plain-text input
    assert d["id"] == "doc-1"
    q = d["quotes"][0]
    assert set(q) == QUOTE_KEYS
    assert q["kind"] == "direct"
    assert q["content"] == {"start": 1, "end": 17, "text": "We will rebuild,"}
    assert q["cue"] == {
        "start": 19,
        "end": 23,
        "text": "said",
        "lemma": "say",
        "negated": False,
        "type": None,
    }
    assert set(q["speaker"]) == SPEAKER_KEYS
    assert q["speaker"]["kind"] == "person"
    assert q["speaker"]["mention"] == {"start": 24, "end": 37, "text": "Mayor Ann Lee"}
    assert q["fragments"] == [] and q["addressee"] is None and q["medium"] is None
    assert d["quotes"][1]["kind"] == "indirect"
    assert all(set(p) == SPAN_KEYS for p in d["paragraphs"])
    assert d["speakers"] == [q["speaker"]]
    assert d["warnings"] == list(_article().warnings)
    assert quote_to_dict(_article().quotes[0]) == q


def test_to_dict_includes_text_for_html_or_on_request() -> None:
    assert "text" not in to_dict(_article())
    assert to_dict(_article(), include_text=True)["text"] == TEXT
    assert to_dict(_article(is_html=True))["text"] == TEXT
    assert "text" not in to_dict(_article(is_html=True), include_text=False)


def test_error_record_shape() -> None:
    err = ErrorRecord("doc-9", "InputTypeError", "E002 quotecraft works on str, not bytes.")
    assert to_dict(err) == {
        "id": "doc-9",
        "error": {"type": "InputTypeError", "message": "E002 quotecraft works on str, not bytes."},
    }
    assert json.loads(to_json(err)) == to_dict(err)


def test_to_json_is_one_line_of_json_keeping_unicode() -> None:
    art = _article(text=TEXT + "\nSecond line “x”.", paragraphs=[])
    line = to_json(art, include_text=True)
    assert "\n" not in line
    assert "“x”" in line  # not \u201c escapes
    assert json.loads(line) == to_dict(art, include_text=True)


def test_to_dict_is_json_ready() -> None:
    d = to_dict(_article())
    assert json.loads(json.dumps(d)) == d  # only dicts, lists, str, int, float, bool, None


# -- round trips --------------------------------------------------------------------------------


def test_round_trip_with_text_argument() -> None:
    art = _article()
    assert from_dict(to_dict(art), TEXT) == art
    assert from_dict(json.loads(to_json(art)), TEXT) == art


def test_round_trip_of_html_article_carries_its_text() -> None:
    art = _article(is_html=True)
    assert from_dict(json.loads(to_json(art))) == art


@pytest.mark.parametrize("is_html", [False, True])
@pytest.mark.parametrize("include_text", [None, True, False])
def test_round_trip_keeps_is_html_whatever_the_text_option(
    is_html: bool, include_text: bool | None
) -> None:
    art = _article(is_html=is_html)
    d = json.loads(to_json(art, include_text=include_text))
    assert from_dict(d, TEXT) == art


def test_from_dict_needs_the_text() -> None:
    with pytest.raises(ValueError, match="text"):
        from_dict(to_dict(_article()))


# -- property: any quote record survives the converter ------------------------------------------

spans = st.tuples(st.integers(0, len(TEXT)), st.integers(0, len(TEXT))).map(
    lambda ab: TextSpan.of(TEXT, min(ab), max(ab))
)
speakers = st.builds(
    Speaker,
    id=st.from_regex(r"S[1-9]", fullmatch=True),
    name=st.none() | st.text(max_size=20),
    title=st.none() | st.text(max_size=20),
    organization=st.none() | st.text(max_size=10),
    kind=st.sampled_from(list(SpeakerKind)),
    mention=st.none() | spans,
)
cues = spans.flatmap(
    lambda s: st.builds(
        Cue,
        start=st.just(s.start),
        end=st.just(s.end),
        text=st.just(s.text),
        lemma=st.text(max_size=10),
        negated=st.booleans(),
    )
)
quotes = st.builds(
    Quote,
    kind=st.sampled_from(list(QuoteKind)),
    content=spans,
    fragments=st.lists(spans, max_size=3),
    cue=st.none() | cues,
    speaker=st.none() | speakers,
    paragraph=st.integers(0, 50),
    rule=st.text(max_size=30),
    confidence=st.floats(0.0, 1.0),
    addressee=st.none() | speakers,
    medium=st.none() | spans,
    date=st.none() | spans,
)


@settings(max_examples=150, deadline=None)
@given(quotes)
def test_any_quote_round_trips_through_json(q: Quote) -> None:
    data = json.loads(json.dumps(converter.unstructure(q)))
    assert converter.structure(data, Quote) == q


@settings(max_examples=50, deadline=None)
@given(st.lists(quotes, max_size=4), st.booleans())
def test_any_article_round_trips_through_json(qs: list[Quote], is_html: bool) -> None:
    sps = list({q.speaker.id: q.speaker for q in qs if q.speaker is not None}.values())
    art = Article(text=TEXT, id="x", quotes=qs, speakers=sps, is_html=is_html)
    assert from_dict(json.loads(to_json(art)), TEXT) == art


# -- with the model -----------------------------------------------------------------------------


@pytest.mark.model
def test_round_trip_of_extracted_articles(extractor: Any) -> None:
    import quotecraft

    html = "<html><body><p>“We will rebuild,” said <b>Mayor Ann Lee</b>.</p></body></html>"
    texts = [quotecraft.examples.article(), html, "", "No quotes here."]
    for art in extractor.pipe(texts):
        assert isinstance(art, Article)
        d = json.loads(to_json(art))
        assert ("text" in d) is art.is_html
        assert from_dict(d, art.text) == art
