"""Records: frozen, slotted attrs classes holding plain values, with their invariants.

No model needed: every record here is built by hand.
"""

from __future__ import annotations

import itertools
import pickle
from typing import Any

import attrs
import pytest

from quotecraft import (
    Article,
    Cue,
    CueType,
    ErrorRecord,
    Quote,
    QuoteKind,
    Resolution,
    Speaker,
    SpeakerKind,
    TextSpan,
)

RECORDS = [TextSpan, Cue, Speaker, Quote, Article, ErrorRecord]

TEXT = '"We will rebuild," said Mayor Ann Lee.'


def _quote() -> Quote:
    mention = TextSpan.of(TEXT, 24, 37)
    speaker = Speaker(
        id="S1", name="Ann Lee", title="Mayor", kind=SpeakerKind.PERSON, mention=mention
    )
    return Quote(
        kind=QuoteKind.DIRECT,
        content=TextSpan.of(TEXT, 1, 17),
        cue=Cue(19, 23, "said", "say"),
        speaker=speaker,
        rule="direct.cue_after.v1",
        confidence=0.95,
    )


def _instances() -> list[Any]:
    q = _quote()
    assert q.speaker is not None and q.cue is not None
    art = Article(text=TEXT, paragraphs=[TextSpan.of(TEXT, 0, len(TEXT))], quotes=[q])
    return [q.content, q.cue, q.speaker, q, art, ErrorRecord("7", "InputTypeError", "bytes")]


# -- frozen, slots, docstrings ------------------------------------------------------------------


@pytest.mark.parametrize("obj", _instances(), ids=lambda o: type(o).__name__)
def test_records_are_frozen(obj: Any) -> None:
    name = attrs.fields(type(obj))[0].name
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(obj, name, getattr(obj, name))


@pytest.mark.parametrize("obj", _instances(), ids=lambda o: type(o).__name__)
def test_records_are_slotted(obj: Any) -> None:
    assert "__slots__" in type(obj).__dict__
    assert not hasattr(obj, "__dict__")
    with pytest.raises(AttributeError):
        obj.not_a_field = 1  # no instance dict to put it in


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__name__)
def test_every_field_has_a_docstring(cls: type) -> None:
    """Each field is documented by a string literal right under it (read from the source)."""
    import ast
    import inspect

    tree = ast.parse(inspect.getsource(cls))
    body = tree.body[0].body  # type: ignore[attr-defined]
    documented = set()
    for node, nxt in itertools.pairwise(body):
        if (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and isinstance(nxt, ast.Expr)
            and isinstance(nxt.value, ast.Constant)
            and isinstance(nxt.value.value, str)
        ):
            documented.add(node.target.id)
    fields = {a.name for a in attrs.fields(cls)}
    assert fields <= documented, f"{cls.__name__} fields without a docstring: {fields - documented}"


@pytest.mark.parametrize("obj", _instances(), ids=lambda o: type(o).__name__)
def test_records_pickle_and_compare_by_value(obj: Any) -> None:
    again = pickle.loads(pickle.dumps(obj))
    assert again == obj
    assert hash(again) == hash(obj)


def test_records_hold_plain_values_only() -> None:
    """No spaCy object ever ends up in a record (they must pickle without a vocab)."""

    def walk(value: Any) -> None:
        assert type(value).__module__.split(".")[0] != "spacy", type(value)
        if attrs.has(type(value)):
            for a in attrs.fields(type(value)):
                walk(getattr(value, a.name))
        elif isinstance(value, tuple):
            for v in value:
                walk(v)

    for obj in _instances():
        walk(obj)


# -- TextSpan invariant -------------------------------------------------------------------------


def test_textspan_of_slices_the_text() -> None:
    span = TextSpan.of(TEXT, 24, 37)
    assert span == TextSpan(24, 37, "Mayor Ann Lee")
    assert TEXT[span.start : span.end] == span.text
    assert len(span) == 13


@pytest.mark.parametrize(("start", "end"), [(-5, 4), (30, 999), (50, 60), (10, 3)])
def test_textspan_of_clamps_into_the_text(start: int, end: int) -> None:
    span = TextSpan.of(TEXT, start, end)
    assert 0 <= span.start <= span.end <= len(TEXT)
    assert TEXT[span.start : span.end] == span.text


def test_textspan_rejects_end_before_start() -> None:
    with pytest.raises(ValueError, match="before its start"):
        TextSpan(5, 3, "")


def test_textspan_rejects_negative_start() -> None:
    with pytest.raises(ValueError):
        TextSpan(-1, 2, "abc")


def test_textspan_rejects_text_of_the_wrong_length() -> None:
    """``text == input[start:end]`` implies ``len(text) == end - start``."""
    with pytest.raises(ValueError, match="length"):
        TextSpan(2, 4, "three")


def test_textspan_contains_and_overlaps() -> None:
    outer = TextSpan.of(TEXT, 0, 20)
    inner = TextSpan.of(TEXT, 1, 17)
    after = TextSpan.of(TEXT, 20, 30)
    assert outer.contains(inner)
    assert not inner.contains(outer)
    assert outer.overlaps(inner) and inner.overlaps(outer)
    assert not outer.overlaps(after)  # touching is not overlapping
    assert not after.overlaps(outer)


def test_cue_span_is_a_textspan() -> None:
    cue = Cue(19, 23, "said", "say")
    assert cue.span == TextSpan(19, 23, "said")
    assert cue.negated is False


# -- enums --------------------------------------------------------------------------------------


def test_quote_kind_values_and_str() -> None:
    assert [k.value for k in QuoteKind] == ["direct", "indirect", "mixed"]
    assert str(QuoteKind.MIXED) == "mixed"
    assert QuoteKind("indirect") is QuoteKind.INDIRECT
    assert QuoteKind.DIRECT == "direct"  # a str enum: compares with its JSON value


def test_speaker_kind_values_and_str() -> None:
    assert [k.value for k in SpeakerKind] == ["person", "organization", "group", "unknown"]
    assert str(SpeakerKind.GROUP) == "group"


def test_quote_kind_is_converted_from_a_string() -> None:
    q = Quote(kind="mixed", content=TextSpan.of(TEXT, 1, 17))
    assert q.kind is QuoteKind.MIXED
    with pytest.raises(ValueError):
        Quote(kind="paraphrase", content=TextSpan.of(TEXT, 1, 17))


def test_speaker_kind_is_converted_and_defaults_to_unknown() -> None:
    assert Speaker(id="S1", name=None).kind is SpeakerKind.UNKNOWN
    assert Speaker(id="S1", name="NATO", kind="organization").kind is SpeakerKind.ORGANIZATION


# -- Quote and Article fields -------------------------------------------------------------------


def test_quote_fields_and_defaults() -> None:
    q = Quote(kind=QuoteKind.INDIRECT, content=TextSpan.of(TEXT, 1, 17))
    assert [a.name for a in attrs.fields(Quote)][:8] == [
        "kind",
        "content",
        "fragments",
        "cue",
        "speaker",
        "paragraph",
        "rule",
        "confidence",
    ]
    assert q.fragments == () and q.cue is None and q.speaker is None
    assert q.paragraph == 0 and q.rule == "unknown" and q.confidence == 1.0
    assert q.addressee is None and q.medium is None and q.date is None


def test_quote_fragments_become_a_tuple() -> None:
    parts = [TextSpan.of(TEXT, 1, 5), TextSpan.of(TEXT, 9, 16)]
    q = Quote(kind=QuoteKind.DIRECT, content=TextSpan.of(TEXT, 1, 17), fragments=parts)
    assert isinstance(q.fragments, tuple) and list(q.fragments) == parts
    parts.clear()  # the record does not share the caller's list
    assert len(q.fragments) == 2


@pytest.mark.parametrize("confidence", [-0.01, 1.01, 2.0])
def test_quote_confidence_is_between_0_and_1(confidence: float) -> None:
    with pytest.raises(ValueError):
        Quote(kind=QuoteKind.DIRECT, content=TextSpan.of(TEXT, 1, 17), confidence=confidence)


def test_speaker_fields() -> None:
    assert [a.name for a in attrs.fields(Speaker)] == [
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
    ]


def test_speaker_resolution_and_cue_type_take_their_string_values() -> None:
    sp = Speaker("S1", "Ann Lee", resolution="pronoun")
    assert sp.resolution is Resolution.PRONOUN
    cue = Cue(0, 4, "said", "say", type="speech")
    assert cue.type is CueType.SPEECH
    with pytest.raises(ValueError):
        Speaker("S1", "Ann Lee", resolution="guessed")


def test_words_skip_the_attribution_of_a_split_quote() -> None:
    text = '"Yes," she said. "Now."'
    q = Quote(
        kind="direct",
        content=TextSpan.of(text, 1, 22),
        fragments=[TextSpan.of(text, 1, 5), TextSpan.of(text, 18, 22)],
    )
    assert q.words == "Yes, Now."
    assert "said" in q.content.text and "said" not in q.words


def _reported(text: str, cue: str, speaker: str, content: str = "", **kw: Any) -> Quote:
    content = content or text.rstrip(".")
    c, m = text.index(cue), text.index(speaker)
    return Quote(
        kind="indirect",
        content=TextSpan.of(text, text.index(content), text.index(content) + len(content)),
        cue=Cue(c, c + len(cue), cue, cue),
        speaker=Speaker("S1", speaker, mention=TextSpan.of(text, m, m + len(speaker))),
        **kw,
    )


def test_words_skip_an_attribution_that_interrupts_a_report() -> None:
    text = "The fire, two officials said, started in the kitchen."
    assert _reported(text, "said", "two officials").words == "The fire started in the kitchen"
    text = "The levy \u2014 the minister told parliament \u2014 would cost billions."
    told = text.index("parliament")
    q = _reported(
        text,
        "told",
        "the minister",
        addressee=Speaker("S2", "parliament", mention=TextSpan.of(text, told, told + 10)),
    )
    assert q.words == "The levy would cost billions"


def test_words_skip_a_source_that_follows_its_cue_in_an_aside() -> None:
    text = "The dam, in the words of one engineer, was never safe."
    q = _reported(text, "in the words of", "one engineer")
    assert q.words == "The dam was never safe"
    # the mention may be the name after a description in apposition
    text = "The dam, in the words of her aunt, Ada Lind, was never safe."
    assert _reported(text, "in the words of", "Ada Lind").words == "The dam was never safe"
    # a relative clause on the source belongs to the aside
    text = "The fee, according to two clerks, who asked not to be named, will double."
    assert _reported(text, "according to", "two clerks").words == "The fee will double"


def test_words_skip_a_few_words_of_circumstance_after_the_cue() -> None:
    text = "These tenants, Mr. Dahl explained earlier in the hearing, were never warned."
    assert _reported(text, "explained", "Mr. Dahl").words == "These tenants were never warned"
    # more than a few words, or a quotation mark, and the aside is more than an attribution
    text = (
        "These tenants, Mr. Dahl explained to the panel at length on a wet day, were never warned."
    )
    q = _reported(text, "explained", "Mr. Dahl")
    assert q.words == q.content.text
    text = 'These tenants, Mr. Dahl explained "with regret", were never warned.'
    q = _reported(text, "explained", "Mr. Dahl")
    assert q.words == q.content.text


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # the attribution ends the content: nothing interrupts it
        ("The fire started in the kitchen, officials said.", "The fire started in the kitchen"),
        # other words share the aside with the attribution: it is kept whole
        ("The fire, which officials said was small, spread fast.", ""),
    ],
)
def test_words_keep_a_report_whose_attribution_is_no_aside(text: str, content: str) -> None:
    q = _reported(text, "said", "officials", content)
    assert q.words == q.content.text


def test_article_fields_and_tuple_conversion() -> None:
    q = _quote()
    art = Article(
        text=TEXT,
        paragraphs=[TextSpan.of(TEXT, 0, len(TEXT))],
        boilerplate=[],
        quotes=[q],
        speakers=[q.speaker],  # type: ignore[list-item]
        warnings=["W001 x"],
    )
    for name in ("paragraphs", "boilerplate", "quotes", "speakers", "warnings"):
        assert isinstance(getattr(art, name), tuple), name
    assert art.id is None and art.is_html is False
    assert {a.name for a in attrs.fields(Article)} >= {
        "text",
        "paragraphs",
        "boilerplate",
        "quotes",
        "speakers",
    }


def test_evolve_makes_a_changed_copy() -> None:
    q = _quote()
    q2 = attrs.evolve(q, rule="direct.cue_before.v1")
    assert q2.rule == "direct.cue_before.v1" and q.rule == "direct.cue_after.v1"
    assert q2 != q and q2.content is q.content
