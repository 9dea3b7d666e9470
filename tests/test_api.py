"""The public API: load (cached), extract, extract_many, the bundled example, offsets everywhere."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import quotecraft
from quotecraft import Article, ErrorRecord, ModelNotFoundError, QuoteKind, TextSpan, model

INSTALL_COMMAND = 'pip install "quotecraft[model]"'


def all_spans(art: Article) -> list[TextSpan]:
    """Every span-like value of an article, speakers and cues included."""
    out: list[TextSpan] = [*art.paragraphs, *art.boilerplate]
    for q in art.quotes:
        out.append(q.content)
        out.extend(q.fragments)
        if q.cue is not None:
            out.append(q.cue.span)
        for sp in (q.speaker, q.addressee):
            if sp is not None and sp.mention is not None:
                out.append(sp.mention)
        out.extend(s for s in (q.medium, q.date) if s is not None)
    for sp in art.speakers:
        if sp.mention is not None:
            out.append(sp.mention)
    return out


def assert_offsets(art: Article) -> None:
    for s in all_spans(art):
        assert 0 <= s.start <= s.end <= len(art.text), s
        assert art.text[s.start : s.end] == s.text, s


# -- load ---------------------------------------------------------------------------------------


@pytest.mark.model
def test_load_is_cached(extractor: Any) -> None:
    assert quotecraft.load() is extractor
    assert quotecraft.load() is quotecraft.load()
    assert quotecraft.load(model.resolve_model_name()) is extractor  # same resolved name


@pytest.mark.model
def test_load_with_other_options_shares_the_pipeline(extractor: Any) -> None:
    other = quotecraft.load(config={"kinds": ["direct"]})
    assert other is not extractor
    assert other is quotecraft.load(config={"kinds": ["direct"]})
    assert other.nlp is extractor.nlp  # the model is loaded once per process
    kinds = {q.kind for q in other('"Yes," he said. She said that it rained.').quotes}
    assert kinds == {QuoteKind.DIRECT}


@pytest.mark.model
def test_load_honours_the_environment_variable(
    extractor: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QUOTECRAFT_MODEL", extractor.model_name)
    assert quotecraft.load() is extractor
    monkeypatch.setenv("QUOTECRAFT_MODEL", "no_such_pipeline_from_env")
    with pytest.raises(ModelNotFoundError, match="no_such_pipeline_from_env") as exc:
        quotecraft.load()
    assert INSTALL_COMMAND in str(exc.value)
    with pytest.raises(ModelNotFoundError):
        quotecraft.extract("He said no.")


def test_load_with_a_bogus_model_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QUOTECRAFT_MODEL", raising=False)
    with pytest.raises(ModelNotFoundError) as exc:
        quotecraft.load(model="en_core_web_nonexistent")
    msg = str(exc.value)
    assert "en_core_web_nonexistent" in msg
    assert INSTALL_COMMAND in msg


def test_load_when_no_candidate_is_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QUOTECRAFT_MODEL", raising=False)
    monkeypatch.setattr(model, "PREFERRED_MODELS", ("no_such_model_1", "no_such_model_2"))
    with pytest.raises(ModelNotFoundError) as exc:
        quotecraft.load()
    assert "tried: no_such_model_1, no_such_model_2" in str(exc.value)
    assert INSTALL_COMMAND in str(exc.value)
    with pytest.raises(quotecraft.QuotecraftError):
        quotecraft.extract("No model, no quotes.")


# -- extract and extract_many -------------------------------------------------------------------


@pytest.mark.model
def test_extract_returns_an_article(extractor: Any) -> None:
    text = '"We will rebuild," said Mayor Ann Lee. She added that the pier would reopen.'
    art = quotecraft.extract(text)
    assert isinstance(art, Article)
    assert art.text == text and art.id is None and not art.is_html
    [d, r] = art.quotes
    assert d.kind is QuoteKind.DIRECT and d.content.text == "We will rebuild,"
    assert d.speaker is not None and (d.speaker.name, d.speaker.title) == ("Ann Lee", "Mayor")
    assert r.kind is QuoteKind.INDIRECT and r.speaker is not None
    assert r.speaker.id == d.speaker.id  # one entity, one id
    assert [s.id for s in art.speakers] == [d.speaker.id]
    assert_offsets(art)


def test_extract_rejects_bytes() -> None:
    with pytest.raises(quotecraft.InputTypeError, match="decode"):
        quotecraft.extract(b'"No," he said.')  # type: ignore[arg-type]


@pytest.mark.model
def test_extract_empty_and_blank_text(extractor: Any) -> None:
    for text in ("", "   \n\n  "):
        art = quotecraft.extract(text)
        assert art.quotes == () and art.paragraphs == ()


@pytest.mark.model
def test_extract_many_streams_in_order_with_errors_in_place(extractor: Any) -> None:
    items: list[Any] = [
        '"Yes," he said.',
        {"id": "b", "text": b"bytes"},
        ("c", "“No,” she said."),
        {"id": "d", "text": ""},
    ]
    out = list(quotecraft.extract_many(items))
    assert [type(r).__name__ for r in out] == ["Article", "ErrorRecord", "Article", "Article"]
    assert [r.id for r in out] == ["0", "b", "c", "d"]
    err = out[1]
    assert isinstance(err, ErrorRecord) and err.type == "InputTypeError"
    assert out[2].quotes[0].content.text == "No,"  # type: ignore[union-attr]


@pytest.mark.model
def test_html_input_offsets_index_the_extracted_text(extractor: Any) -> None:
    html = (
        "<html><body><article><p>“We will rebuild,” said <a href='/lee'>Mayor Ann Lee</a>.</p>"
        "<p>Read more: the budget</p></article></body></html>"
    )
    art = quotecraft.extract(html)
    assert art.is_html and "<" not in art.text
    assert [q.content.text for q in art.quotes] == ["We will rebuild,"]
    assert [b.text for b in art.boilerplate] == ["Read more: the budget"]
    assert_offsets(art)


# -- the bundled example ------------------------------------------------------------------------


@pytest.mark.model
def test_example_article_has_what_the_demo_shows(extractor: Any) -> None:
    text = quotecraft.examples.article()
    assert text.startswith("Harbor city council")
    art = extractor(text)
    assert_offsets(art)
    direct = [q for q in art.quotes if q.kind is QuoteKind.DIRECT]
    assert len(direct) >= 5  # several direct quotes
    names = {q.speaker.name for q in direct if q.speaker is not None}
    assert {"Helen Okafor", "Derek Vance", "Priya Raman", "Sam Ortiz"} <= names
    # a split quote: one record spanning both parts, around "Raman told reporters"
    split = [q for q in direct if q.rule.startswith("direct.split")]
    assert any("Raman told reporters" in q.content.text for q in split)
    # a multi-paragraph quote: content over two paragraphs, one fragment per paragraph
    multi = [q for q in direct if "\n\n" in q.content.text]
    assert multi and len(multi[0].fragments) == 2
    assert multi[0].speaker is not None and multi[0].speaker.name == "Sam Ortiz"
    # a pronoun speaker resolved to the person
    pron = [
        q
        for q in direct
        if q.speaker is not None
        and q.speaker.mention is not None
        and q.speaker.mention.text == "he"
    ]
    assert pron and pron[0].speaker is not None and pron[0].speaker.name == "Derek Vance"
    # boilerplate lines at the end, never quoted
    assert [b.text for b in art.boilerplate] == [
        "Share this article",
        "Subscribe to our newsletter",
        "Read more: Port Alder's budget explained",
    ]
    for q in art.quotes:
        assert not any(q.content.overlaps(b) for b in art.boilerplate)


# -- property: offsets hold on any text with any quote marks ------------------------------------

PIECES = [
    "Ann Lee",
    "said",
    "he said",
    "told reporters",
    "the workers",
    "union",
    "No",
    "We will win",
    ",",
    ".",
    ":",
    "—",
    " ",
    " ",
    "\n",
    "\n\n",
    *list("\"'“”‘’«»„"),
]


@pytest.mark.model
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_every_span_indexes_the_input(extractor: Any, text: str) -> None:
    art = extractor(text)
    assert art.text == text
    assert_offsets(art)
    for q in art.quotes:
        assert q.content.start <= q.content.end
        for f in q.fragments:
            assert q.content.contains(f)
        assert 0 <= q.paragraph < max(1, len(art.paragraphs))
        assert 0.0 <= q.confidence <= 1.0


# -- switching rules off by name ----------------------------------------------------------------

_COLON_TEXT = "Mayor Lopez: The bridge will reopen next month.\n\nThe city said more."


def test_disabled_rules_must_be_rule_names() -> None:
    from quotecraft.errors import RuleError

    with pytest.raises(RuleError, match=r"E015 'Colon' is not a rule name"):
        quotecraft.Config(disabled_rules=["Colon"])
    assert quotecraft.Config(disabled_rules="reported.colon.v1").disabled_rules == {
        "reported.colon.v1"
    }


@pytest.mark.model
def test_a_code_rule_can_be_switched_off(extractor: Any) -> None:
    assert [q.rule for q in extractor(_COLON_TEXT).quotes] == ["reported.colon.v1"]
    off = quotecraft.load(config={"disabled_rules": ["reported.colon.v1"]})
    assert off(_COLON_TEXT).quotes == ()


@pytest.mark.model
def test_a_switched_off_pattern_lets_another_rule_take_its_place() -> None:
    text = "The mayor said that the budget was balanced, according to the minutes."
    default = [q.rule for q in quotecraft.load()(text).quotes]
    off = quotecraft.load(config={"disabled_rules": [default[0]]})
    got = [q.rule for q in off(text).quotes]
    assert default[0] not in got


@pytest.mark.model
def test_switching_off_continuations_drops_them(extractor: Any) -> None:
    text = '"We will rebuild," Ann Lee said.\n\n"We always do."'
    assert [q.rule for q in extractor(text).quotes] == [
        "direct.cue_after.v1",
        "direct.continuation.v1",
    ]
    off = quotecraft.load(config={"disabled_rules": ["direct.continuation.v1"]})
    assert [q.rule for q in off(text).quotes] == ["direct.cue_after.v1"]
    # switching off standalone quotes keeps the continuations, and the other way round
    off = quotecraft.load(config={"disabled_rules": ["direct.standalone.v1"]})
    assert [q.rule for q in off(text).quotes] == [
        "direct.cue_after.v1",
        "direct.continuation.v1",
    ]
    alone = '"We always do."'
    assert [q.rule for q in extractor(alone).quotes] == ["direct.standalone.v1"]
    assert off(alone).quotes == ()


@pytest.mark.model
def test_switching_off_action_beats_leaves_the_quote_standing_alone(extractor: Any) -> None:
    text = '"We will rebuild," Ann Lee said.\n\nBo Keller put down the phone. "They said yes."'
    beat = extractor(text).quotes[1]
    assert (beat.rule, beat.speaker and beat.speaker.name) == ("direct.beat.v1", "Bo Keller")
    off = quotecraft.load(config={"disabled_rules": ["direct.beat.v1"]})
    q = off(text).quotes[1]
    assert (q.rule, q.speaker and q.speaker.name) == ("direct.continuation.v1", "Ann Lee")


@pytest.mark.model
def test_an_unknown_rule_cannot_be_switched_off() -> None:
    from quotecraft.errors import RuleError

    with pytest.raises(
        RuleError, match=r"E015 cannot disable unknown rules \['reported.nope.v1'\]"
    ):
        quotecraft.load(config={"disabled_rules": ["reported.nope.v1"]})


def test_code_rules_are_all_the_rules_written_as_code() -> None:
    import re
    from pathlib import Path

    from quotecraft import registry
    from quotecraft.extractor import CODE_RULES

    source = Path(quotecraft.__file__).parent
    found = set()
    for path in source.glob("*.py"):
        found.update(
            re.findall(r"""["']((?:direct|mixed|reported)\.[a-z_]+\.v\d+)["']""", path.read_text())
        )
    found.add("direct.continuation.v1")  # a standalone quote renamed when it continues
    patterns = {r.name for get in registry.pattern_sets.get_all().values() for r in get()}
    assert found - patterns == CODE_RULES


@pytest.mark.issue(18)
def test_a_rule_name_without_its_version_suggests_the_versioned_name() -> None:
    from quotecraft.errors import RuleError

    with pytest.raises(RuleError) as info:
        quotecraft.Config(disabled_rules=["direct.cue_after"])
    message = str(info.value)
    assert message.startswith("E015 'direct.cue_after' is not a rule name")
    assert "did you mean 'direct.cue_after.v1'" in message  # the versioned name first
    with pytest.raises(RuleError) as info:
        quotecraft.Config(disabled_rules=["zzzz"])
    assert "did you mean" not in str(info.value)  # nothing close: no guess


@pytest.mark.model
@pytest.mark.issue(18)
def test_an_unknown_rule_suggests_the_closest_known_rules() -> None:
    from quotecraft.errors import RuleError

    with pytest.raises(RuleError, match=r"did you mean 'reported\.colon\.v1'"):
        quotecraft.load(config={"disabled_rules": ["reported.colonn.v1"]})


@pytest.mark.issue(18)
def test_a_blank_pipeline_error_names_the_real_install_command() -> None:
    import spacy

    from quotecraft.errors import MissingAnnotationError

    nlp = spacy.blank("en")
    nlp.add_pipe("quotecraft")
    with pytest.raises(MissingAnnotationError) as info:
        nlp('"No," she said.')
    message = str(info.value)
    assert 'pip install "quotecraft[model]"' in message
    assert "en_core_web_sm'" not in message
    extractor = quotecraft.Extractor(
        nlp, lexicon=quotecraft.registry.cue_lexicons.get("en.v1")(), patterns=[]
    )
    with pytest.raises(MissingAnnotationError, match=r'pip install "quotecraft\[model\]"'):
        extractor.analyze(nlp.make_doc('"No," she said.'))
