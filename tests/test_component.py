"""The spaCy component: entry point, config validation, annotations, serialization.

Tests without the ``model`` mark use a blank pipeline and Docs built by hand.
All texts are written for these tests.
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

import quotecraft
from quotecraft.component import USER_DATA_KEY, QuoteAnnotator
from quotecraft.errors import MissingAnnotationError, RuleError
from quotecraft.testing import assert_quotes, make_doc

EXTENSION_RULES = Path(__file__).resolve().parent / "extension" / "rules" / "social.json"

TEXT = (
    "Harbor city council approved the bridge on Monday.\n\n"
    "“We will rebuild,” said Mayor Ann Lee. She added that the tolls would stay low.\n\n"
    "Critics said the vote was rushed, and the council's spokesperson denied it."
)


def _spans(doc: Doc, key: str = "quotes") -> list[tuple[str, int, int]]:
    return [(s.label_, s.start_char, s.end_char) for s in doc.spans[key]]


@pytest.fixture(scope="module")
def qnlp() -> Iterator[Language]:
    """A trained pipeline of its own (not the shared one) with the component last."""
    try:
        name = quotecraft.model.resolve_model_name()
    except quotecraft.ModelNotFoundError as exc:  # pragma: no cover - depends on the machine
        pytest.skip(str(exc))
    nlp = spacy.load(name)
    nlp.add_pipe("quotecraft")
    yield nlp


def hand_parsed(vocab: Any) -> Doc:
    """``“Not now,” Lee said.``, parsed by hand."""
    return make_doc(
        ["“", "Not", "now", ",", "”", "Lee", "said", "."],
        heads=[6, 2, 6, 6, 6, 6, 6, 6],
        deps=["punct", "neg", "ccomp", "punct", "punct", "nsubj", "ROOT", "punct"],
        pos=["PUNCT", "PART", "ADV", "PUNCT", "PUNCT", "PROPN", "VERB", "PUNCT"],
        lemmas=["“", "not", "now", ",", "”", "Lee", "say", "."],
        ents=[(5, 6, "PERSON")],
        vocab=vocab,
    )


# -- the factory ------------------------------------------------------------------------------


def test_the_factory_is_an_entry_point() -> None:
    eps = {ep.name: ep.value for ep in metadata.entry_points(group="spacy_factories")}
    assert eps.get("quotecraft") == "quotecraft.component:make_quotecraft"


@pytest.mark.model
def test_add_pipe_works_without_importing_quotecraft() -> None:
    script = textwrap.dedent(
        """
        import json, sys
        import spacy
        assert not any(m.startswith("quotecraft") for m in sys.modules), "imported too early"
        nlp = spacy.load(sys.argv[1])
        nlp.add_pipe("quotecraft")
        doc = nlp(sys.argv[2])
        print(json.dumps({
            "spans": [[s.label_, s.text] for s in doc.spans["quotes"]],
            "speakers": [q.speaker.name for q in doc._.quotes],
        }))
        """
    )
    text = "“We will rebuild,” said Mayor Ann Lee. She added that the tolls would stay low."
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    res = subprocess.run(
        [sys.executable, "-c", script, quotecraft.model.resolve_model_name(), text],
        capture_output=True,
        text=True,
        env=env,
        cwd=str(Path(__file__).resolve().parent.parent.parent),  # not the repository
        timeout=300,
    )
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout.strip().splitlines()[-1])
    assert out == {
        "spans": [["direct", "We will rebuild,"], ["indirect", "the tolls would stay low"]],
        "speakers": ["Ann Lee", "Ann Lee"],
    }


# -- config validation (no model needed) -----------------------------------------------------


@pytest.mark.parametrize(
    ("config", "error", "message"),
    [
        ({"lexicon": "en.v9"}, RuleError, r"E020 no cue_lexicons named 'en.v9'; available: en.v1"),
        ({"patterns": "nope.v1"}, RuleError, r"E020 no pattern_sets named 'nope.v1'"),
        ({"patterns": ["en.reported.v1", "x.v1"]}, RuleError, r"no pattern_sets named 'x.v1'"),
        ({"patterns": []}, RuleError, r"E014 .*'patterns' must name one or more"),
        ({"kinds": ["direct", "quoted"]}, RuleError, r"E013 unknown quote kinds \['quoted'\]"),
        ({"kinds": "direct"}, Exception, r"kinds"),
        ({"min_confidence": 1.5}, RuleError, r"E014 .*'min_confidence' must be from 0 to 1"),
        ({"min_confidence": "high"}, Exception, r"min_confidence"),
        ({"speakers": "en.v0"}, RuleError, r"E020 no speaker_resolvers named 'en.v0'"),
        ({"boilerplate": "en.v0"}, RuleError, r"E020 no boilerplate_detectors named 'en.v0'"),
        ({"titles": "en.v0"}, RuleError, r"E020 no title_lexicons named 'en.v0'"),
        ({"disabled_rules": ["Colon"]}, RuleError, r"E015 'Colon' is not a rule name"),
        ({"disabled_rules": ["reported.nope.v1"]}, RuleError, r"E015 cannot disable unknown"),
        ({"rules": ["/no/such/rules.json"]}, RuleError, r"E030 /no/such/rules.json: cannot read"),
        ({"spans_key": ""}, RuleError, r"'spans_key' must be a non-empty string"),
        ({"lexicons": "en.v1"}, Exception, r"lexicons"),
    ],
)
def test_a_bad_config_fails_clearly(
    config: dict[str, Any], error: type[Exception], message: str
) -> None:
    nlp = spacy.blank("en")
    with pytest.raises(error, match=message):
        nlp.add_pipe("quotecraft", config=config)
    assert "quotecraft" not in nlp.pipe_names


def test_a_bad_rule_file_in_the_config_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "rules.json"
    path.write_text('{"verbs": [\n  "toot",\n  {"lemma": "fume", "class": "rant"}]}')
    with pytest.raises(RuleError, match=rf"E034 {path} line 3: verb 'fume': unknown class 'rant'"):
        spacy.blank("en").add_pipe("quotecraft", config={"rules": [str(path)]})


def test_requires_declares_the_parse_and_entities() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("quotecraft")
    problems = nlp.analyze_pipes(pretty=False)["problems"]["quotecraft"]
    assert {"token.dep", "token.head", "doc.sents", "doc.ents"} <= set(problems)
    assert "doc.spans" in nlp.get_pipe_meta("quotecraft").assigns


@pytest.mark.model
def test_a_trained_pipeline_meets_the_requirements(qnlp: Language) -> None:
    assert qnlp.analyze_pipes(pretty=False)["problems"]["quotecraft"] == []


def test_a_doc_without_a_parse_says_what_to_add() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("quotecraft")
    with pytest.raises(MissingAnnotationError) as info:
        nlp("“Not now,” Lee said.")
    message = str(info.value)
    assert message.startswith("E004 the 'quotecraft' component needs a dependency parse")
    assert "'parser'" in message and "'ner'" in message and "['quotecraft']" in message
    assert isinstance(info.value, ValueError)
    assert nlp("")._.quotes == ()  # an empty Doc needs no parse


def test_the_component_annotates_a_hand_parsed_doc() -> None:
    nlp = spacy.blank("en")
    annotator = nlp.add_pipe("quotecraft", config={"spans_key": "qc"})
    assert isinstance(annotator, QuoteAnnotator)
    doc = annotator(hand_parsed(nlp.vocab))
    assert doc.text == "“Not now,” Lee said."
    assert _spans(doc, "qc") == [("direct", 1, 9)]
    assert "quotes" not in doc.spans
    assert_quotes(doc, [{"kind": "direct", "content": "Not now,", "speaker": "Lee", "cue": "say"}])


def test_kinds_and_min_confidence_filter() -> None:
    nlp = spacy.blank("en")
    only_indirect = nlp.add_pipe("quotecraft", name="q1", config={"kinds": ["indirect"]})
    assert only_indirect(hand_parsed(nlp.vocab))._.quotes == ()
    strict = nlp.add_pipe("quotecraft", name="q2", config={"min_confidence": 0.99})
    assert strict(hand_parsed(nlp.vocab))._.quotes == ()
    lax = nlp.add_pipe("quotecraft", name="q3", config={"min_confidence": 0.5})
    assert len(lax(hand_parsed(nlp.vocab))._.quotes) == 1


# -- with the model ---------------------------------------------------------------------------


@pytest.mark.model
def test_component_and_extract_share_one_implementation(qnlp: Language, extractor: Any) -> None:
    for text in (TEXT, quotecraft.examples.article()):
        doc = qnlp(text)
        quotes = extractor(text).quotes
        assert len(quotes) >= 3
        assert doc._.quotes == quotes
        assert _spans(doc) == [(q.kind.value, q.content.start, q.content.end) for q in quotes]


@pytest.mark.model
def test_pattern_sets_and_rule_files_from_the_config() -> None:
    nlp = spacy.load(quotecraft.model.resolve_model_name())
    # no reported-speech patterns (and the cue scorer, a code rule, off), and "toot" is no cue
    nlp.add_pipe(
        "quotecraft",
        config={"patterns": ["none.v1"], "disabled_rules": ["reported.scored.v1"]},
    )
    text = "Ann Lee said the tolls would stay low. “Fine,” she tooted."
    # no reported-speech patterns, and "toot" is no lexicon cue: the quote is still direct
    # by its structure (marks, a pronoun and a verb), at an unknown verb's lower confidence
    quotes = nlp(text)._.quotes
    assert [(q.kind.value, q.cue.text if q.cue else None) for q in quotes] == [("direct", "tooted")]
    assert quotes[0].confidence < 0.9
    nlp.remove_pipe("quotecraft")
    nlp.add_pipe(
        "quotecraft",
        config={"patterns": ["none.v1", "en.reported.v1"], "rules": [str(EXTENSION_RULES)]},
    )
    assert_quotes(
        nlp(text),
        [
            {"kind": "indirect", "content": "the tolls would stay low", "cue": "say"},
            {"kind": "direct", "content": "Fine", "speaker": "Ann Lee", "cue": "toot"},
        ],
    )


@pytest.mark.model
def test_weights_threshold_and_cue_types_from_the_config(tmp_path: Path) -> None:
    from quotecraft.scorer import CueScorer

    text = (
        "Ivo Tamm wagered that the pier would reopen. Mara Ek believes the ferry is late. "
        "Ola Berg said the road was shut."
    )
    w = tmp_path / "w.json"
    CueScorer({"bias": -3.0, "lemma=wager": 6.0}, {"wager"}).save(w)
    nlp = spacy.load(quotecraft.model.resolve_model_name())
    nlp.add_pipe("quotecraft", config={"weights": str(w)})
    cues = [q.cue.text for q in nlp(text)._.quotes if q.cue is not None]
    assert cues == ["wagered", "believes", "said"]
    # the same weights, a threshold above the cue's probability (0.95): the scorer admits nothing
    nlp.remove_pipe("quotecraft")
    nlp.add_pipe("quotecraft", config={"weights": str(w), "scorer_threshold": 0.99})
    assert [q.cue.text for q in nlp(text)._.quotes if q.cue is not None] == ["believes", "said"]
    # speech only: the belief goes, and so does the scored cue outside the lexicon (its type
    # is unknown, and a reported quote of unknown type stays only when every type is kept)
    nlp.remove_pipe("quotecraft")
    nlp.add_pipe("quotecraft", config={"weights": str(w), "cue_types": ["speech"]})
    assert [q.cue.text for q in nlp(text)._.quotes if q.cue is not None] == ["said"]
    # the weights path is part of the saved config: spacy.load reads the same file again
    nlp.to_disk(tmp_path / "pipe")
    again = spacy.load(tmp_path / "pipe")
    assert [q.cue.text for q in again(text)._.quotes if q.cue is not None] == ["said"]


def test_a_missing_weights_file_in_the_config_fails_clearly(tmp_path: Path) -> None:
    nlp = spacy.blank("en")
    with pytest.raises(quotecraft.WeightsError, match=r"E071 no weights file"):
        nlp.add_pipe("quotecraft", config={"weights": str(tmp_path / "none.json")})
    with pytest.raises(quotecraft.QuotecraftError, match=r"E017"):
        nlp.add_pipe("quotecraft", name="q2", config={"cue_types": ["gossip"]})
    with pytest.raises(quotecraft.ConfigError, match=r"E006 scorer_threshold"):
        nlp.add_pipe("quotecraft", name="q3", config={"scorer_threshold": 2.0})


@pytest.mark.model
def test_docbin_round_trip_keeps_quotes_and_spans(qnlp: Language) -> None:
    doc = qnlp(TEXT)
    assert len(doc._.quotes) >= 3
    db = DocBin(store_user_data=True)
    db.add(doc)
    (back,) = DocBin().from_bytes(db.to_bytes()).get_docs(qnlp.vocab)
    assert back._.quotes == doc._.quotes
    assert _spans(back) == _spans(doc)
    # into a fresh vocabulary too, as another process would read it
    (fresh,) = DocBin().from_bytes(db.to_bytes()).get_docs(spacy.blank("en").vocab)
    assert fresh._.quotes == doc._.quotes and _spans(fresh) == _spans(doc)


@pytest.mark.model
def test_without_user_data_only_the_spans_survive(qnlp: Language) -> None:
    doc = qnlp(TEXT)
    db = DocBin()  # store_user_data=False
    db.add(doc)
    (back,) = DocBin().from_bytes(db.to_bytes()).get_docs(qnlp.vocab)
    assert _spans(back) == _spans(doc)
    assert back._.quotes == ()


@pytest.mark.model
def test_doc_bytes_and_pickle_keep_the_quotes(qnlp: Language) -> None:
    doc = qnlp(TEXT)
    again = Doc(qnlp.vocab).from_bytes(doc.to_bytes())
    assert again._.quotes == doc._.quotes
    assert pickle.loads(pickle.dumps(doc))._.quotes == doc._.quotes
    assert json.dumps(doc.user_data[USER_DATA_KEY])  # plain JSON data


@pytest.mark.model
def test_to_disk_and_spacy_load_round_trip(tmp_path: Path) -> None:
    nlp = spacy.load(quotecraft.model.resolve_model_name())
    config = {
        "patterns": ["en.reported.v1"],
        "rules": [str(EXTENSION_RULES)],
        "kinds": ["direct", "indirect"],
        "min_confidence": 0.6,
        "spans_key": "qc",
    }
    nlp.add_pipe("quotecraft", config=config)
    text = TEXT + "\n\n“Fine,” she tooted. Acme's spokesperson reaffirmed that it was fair."
    before = nlp(text)
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names[-1] == "quotecraft"
    saved = loaded.config["components"]["quotecraft"]
    assert {k: saved[k] for k in config} == config
    after = loaded(text)
    assert after._.quotes == before._.quotes
    assert _spans(after, "qc") == _spans(before, "qc")
    assert {q.cue.lemma for q in after._.quotes if q.cue} >= {"toot", "reaffirm"}


# -- span attributes and span groups (issue 18) -------------------------------------------------

_SPAN_TEXT = (
    '"The locks are rusted," said Mayor Mara Voss, "and the gates stick."\n\n'
    "The port authority said that repairs would start soon. She denied that the quay was unsafe."
)


def _span_view(doc: Doc) -> dict[str, Any]:
    """Everything the component puts on spans, as plain values."""
    quotes = [
        (
            s.label_,
            s.text,
            s._.words,
            s._.quote.kind.value,
            s._.quote.rule,
            s._.speaker.name if s._.speaker else None,
        )
        for s in doc.spans["quotes"]
    ]
    speakers = [
        (s.text, s.label_, s._.speaker.id if s._.speaker else None)
        for s in doc.spans["quote_speakers"]
    ]
    cues = [(s.text, s.label_) for s in doc.spans["quote_cues"]]
    return {"quotes": quotes, "speakers": speakers, "cues": cues}


@pytest.mark.model
@pytest.mark.issue(18)
def test_every_quote_span_carries_its_record_speaker_and_words(qnlp: Language) -> None:
    doc = qnlp(_SPAN_TEXT)
    spans = list(doc.spans["quotes"])
    assert len(spans) == len(doc._.quotes) >= 3
    for span, q in zip(spans, doc._.quotes, strict=True):
        assert span._.quote == q
        assert span._.speaker == q.speaker
        assert span._.words == q.words
        assert span.label_ == q.kind.value
        assert span.start_char <= q.content.start and q.content.end <= span.end_char
        assert json.loads(json.dumps(quotecraft.serialize.quote_to_dict(span._.quote)))
    split = spans[0]
    assert split._.words == "The locks are rusted, and the gates stick."  # no attribution
    assert "said Mayor" in split.text
    # the speaker mentions and the cues, each once, each with its speaker
    mentions = {s.text: s for s in doc.spans["quote_speakers"]}
    assert "Mayor Mara Voss" in mentions and "She" in mentions
    assert mentions["Mayor Mara Voss"].label_ == "Mara Voss"
    assert mentions["Mayor Mara Voss"]._.speaker == doc._.quotes[0].speaker
    assert mentions["Mayor Mara Voss"]._.quote is None  # a mention is not a quote
    cue_texts = [s.text for s in doc.spans["quote_cues"]]
    assert len(cue_texts) == len(set((s.start, s.end) for s in doc.spans["quote_cues"]))
    assert {"said", "denied"} <= set(cue_texts)
    assert {s.label_ for s in doc.spans["quote_cues"]} >= {"say", "deny"}
    # a span the component did not make has no record
    assert doc[0:2]._.quote is None and doc[0:2]._.speaker is None and doc[0:2]._.words is None


@pytest.mark.model
@pytest.mark.issue(18)
def test_spans_and_their_attributes_survive_docbin(qnlp: Language) -> None:
    doc = qnlp(_SPAN_TEXT)
    before = _span_view(doc)
    data = DocBin(store_user_data=True, docs=[doc]).to_bytes()
    # a fresh vocab, as in another process reading the file
    fresh = spacy.blank("en")
    (back,) = DocBin().from_bytes(data).get_docs(fresh.vocab)
    assert _span_view(back) == before
    assert [s._.quote for s in back.spans["quotes"]] == list(doc._.quotes)
    assert back._.quotes == doc._.quotes
    # what is stored is plain data (msgpack), not pickled objects
    assert json.loads(json.dumps(back.user_data["quotecraft.spans"])) is not None
    # without user data, the spans survive but carry no record (and say so with None)
    (bare,) = DocBin(docs=[doc]).from_bytes(DocBin(docs=[doc]).to_bytes()).get_docs(fresh.vocab)
    assert [s.text for s in bare.spans["quotes"]] == [s.text for s in doc.spans["quotes"]]
    assert bare.spans["quotes"][0]._.quote is None


def test_span_group_keys_are_configurable_and_distinct() -> None:
    nlp = spacy.blank("en")
    annotator = nlp.add_pipe("quotecraft", config={"speakers_key": "who", "cues_key": "cue_words"})
    doc = annotator(hand_parsed(nlp.vocab))
    assert [s.text for s in doc.spans["who"]] == ["Lee"]
    assert [s.text for s in doc.spans["cue_words"]] == ["said"]
    assert doc.spans["quotes"][0]._.speaker.mention.text == "Lee"
    with pytest.raises(RuleError, match="must differ"):
        spacy.blank("en").add_pipe("quotecraft", config={"cues_key": "quotes"})
