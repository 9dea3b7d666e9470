"""Quotations found by their structure (issue 16): texts written for these tests.

- a direct quote is recognised from its marks and an adjacent attribution clause, whatever
  the verb; the lexicon sets the cue type and confidence;
- cue types (speech, writing, belief, intention, evidence) on every cue, and
  ``Config(cue_types=...)`` to keep some of them;
- cue verbs match by form where the model reads their lemma otherwise, with a warning.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import pytest

import quotecraft
from quotecraft import Article, Config, QuoteKind
from quotecraft.cues import CUE_TYPES, default_lexicon, inflections
from quotecraft.errors import QuotecraftWarning, RuleError

UNKNOWN_VERBS = {
    # text: (content, cue, speaker name)
    '"The ferry is late again," Omar Haddad fumed.': (
        "The ferry is late again,",
        "fumed",
        "Omar Haddad",
    ),
    '"Keep the gate shut," the shepherd, Ines Varga, yelped at the hikers.': (
        "Keep the gate shut,",
        "yelped",
        "Ines Varga",
    ),
    '"It was worth every mile," glowed Tomas Eriksen after the relay.': (
        "It was worth every mile,",
        "glowed",
        "Tomas Eriksen",
    ),
    'Omar Haddad seethed: "The ferry is late again."': (
        "The ferry is late again.",
        "seethed",
        "Omar Haddad",
    ),
    # the parser gives the speaker to the verb as a compound (and may read it as a noun)
    '"Two engines are out," the navigator radioed.': (
        "Two engines are out,",
        "radioed",
        "navigator",
    ),
    '"All clear," the lookout radioed.': ("All clear,", "radioed", "lookout"),
    '"Gate four is clear," Ines Varga radioed.': ("Gate four is clear,", "radioed", "Ines Varga"),
}
NO_ATTRIBUTION = {
    # text: a word that must not be taken as a cue
    '"Why?" He shrugged.': "shrugged",
    'The report "Water Futures" worried the council.': "worried",
    '"Harbor Lights," her second novel, sold well.': "sold",
}
TYPED = (
    "Omar Haddad plans to sell the ferry. The survey shows that fares rose. "
    "Ines Varga wrote that the gate was shut. Tomas Eriksen believes the relay was fair. "
    "Lena Park said the pier would reopen."
)
TEXTS = [
    *UNKNOWN_VERBS,
    *NO_ATTRIBUTION,
    TYPED,
    '"The deal is dead," Omar Haddad reckoned.',
]


@pytest.fixture(scope="module")
def articles(extractor: Any) -> dict[str, Article]:
    out = {}
    for text, art in zip(TEXTS, extractor.pipe(TEXTS), strict=True):
        assert isinstance(art, Article), art
        out[text] = art
    return out


@pytest.mark.model
@pytest.mark.parametrize("text", list(UNKNOWN_VERBS))
def test_a_quote_next_to_name_and_verb_is_direct_whatever_the_verb(
    articles: dict[str, Article], text: str
) -> None:
    content, cue, name = UNKNOWN_VERBS[text]
    [q] = articles[text].quotes
    assert q.kind is QuoteKind.DIRECT
    assert q.content.text == content
    assert q.cue is not None and q.cue.text == cue
    assert q.cue.type is not None and q.cue.type.value == "speech"
    assert q.speaker is not None and q.speaker.name == name
    # outside the lexicon: found, at a lower confidence than a lexicon verb gives
    assert 0.5 <= q.confidence < 0.9


@pytest.mark.model
@pytest.mark.parametrize("text", list(NO_ATTRIBUTION))
def test_no_attribution_clause_no_cue(articles: dict[str, Article], text: str) -> None:
    word = NO_ATTRIBUTION[text]
    assert all(q.cue is None or q.cue.text != word for q in articles[text].quotes)


@pytest.mark.model
def test_a_lexicon_verb_outside_the_quote_frame_gives_a_direct_quote_of_its_type(
    articles: dict[str, Article],
) -> None:
    [q] = articles['"The deal is dead," Omar Haddad reckoned.'].quotes
    assert q.kind is QuoteKind.DIRECT  # not mixed: the whole content is in marks
    assert q.cue is not None and q.cue.type is not None and q.cue.type.value == "belief"


@pytest.mark.model
def test_cue_types_come_from_the_lexicon(articles: dict[str, Article]) -> None:
    types = {q.cue.text: q.cue.type.value for q in articles[TYPED].quotes if q.cue and q.cue.type}
    assert types == {
        "plans": "intention",
        "shows": "evidence",
        "wrote": "writing",
        "believes": "belief",
        "said": "speech",
    }


def test_every_lexicon_class_maps_to_a_cue_type() -> None:
    lex = default_lexicon()
    assert {v.cls for v in lex.verbs.values()} <= set(CUE_TYPES)
    assert set(CUE_TYPES.values()) <= {t.value for t in quotecraft.CueType}
    assert lex.cue_type("raise") == "speech"  # the "object" class: a speech act
    assert lex.cue_type("view") == "belief"  # a noun cue
    assert lex.cue_type("according to") == "speech"
    assert lex.cue_type(":") == "speech"
    assert lex.cue_type("frobnicate") is None


@pytest.mark.model
def test_config_keeps_only_the_cue_types_asked_for() -> None:
    ex = quotecraft.load(config=Config(cue_types={"speech", "writing"}))
    art = ex(TYPED + ' "Not again," Omar Haddad fumed.')
    kept = sorted(q.cue.text for q in art.quotes if q.cue is not None)
    assert kept == ["fumed", "said", "wrote"]


def test_config_refuses_an_unknown_cue_type() -> None:
    with pytest.raises(RuleError, match="E017"):
        Config(cue_types={"speech", "gossip"})
    assert Config(cue_types="belief").cue_types == frozenset({"belief"})


@pytest.mark.model
def test_cli_cue_types_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from quotecraft.cli import main

    src = tmp_path / "a.txt"
    src.write_text(TYPED, encoding="utf-8")
    assert main(["extract", "-q", "--cue-types", "belief", str(src)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [q["cue"]["type"] for q in out["quotes"]] == ["belief"]
    assert main(["extract", "-q", "--cue-types", "gossip", str(src)]) != 0
    assert "E017" in capsys.readouterr().err


def test_inflections() -> None:
    assert inflections("grumble") == ("grumbles", "grumbled", "grumbling")
    assert inflections("carry") == ("carries", "carried", "carrying")
    assert inflections("hiss") == ("hisses", "hissed", "hissing")
    assert inflections("bark") == ("barks", "barked", "barking")


@pytest.mark.model
def test_a_rule_verb_the_model_lemmatizes_otherwise_matches_by_form_with_a_warning(
    tmp_path: Path,
) -> None:
    rules = tmp_path / "rules.json"
    rules.write_text('{"verbs": [{"lemma": "gripe", "frames": ["ccomp", "quote"]}]}')
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ex = quotecraft.load(rules=rules)
    w006 = [str(w.message) for w in caught if issubclass(w.category, QuotecraftWarning)]
    assert any("W006" in m and "'gripe'" in m and "'grip'" in m for m in w006), w006
    [q] = ex("Lena Park griped that the ferry was slow.").quotes
    assert q.cue is not None and q.cue.text == "griped" and q.cue.lemma == "gripe"
    assert q.content.text == "the ferry was slow"
    # the lemma seen is not a cue by itself: "gripped" is another verb
    assert ex("Lena Park gripped the rail that was wet.").quotes == ()


@pytest.mark.model
def test_a_rule_verb_the_model_reads_right_gives_no_warning(tmp_path: Path) -> None:
    rules = tmp_path / "rules.json"
    rules.write_text('{"verbs": [{"lemma": "snort", "frames": ["ccomp", "quote"]}]}')
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ex = quotecraft.load(rules=rules)
    assert not [w for w in caught if "W006" in str(w.message)]
    [q] = ex("Lena Park snorted that the ferry was slow.").quotes
    assert q.cue is not None and q.cue.lemma == "snort"


def test_an_imperative_the_tagger_took_for_an_interjection_before_a_quotation() -> None:
    from quotecraft.handbuilt import make_doc
    from quotecraft.structure import is_speech_cue

    # 'When a guest arrives, say, "Welcome aboard."' with "say" tagged INTJ
    words = ["When", "a", "guest", "arrives", ",", "say", ",", '"', "Welcome", "aboard", "."]
    words.append('"')
    pos = ["SCONJ", "DET", "NOUN", "VERB", "PUNCT", "INTJ", "PUNCT", "PUNCT", "VERB", "ADV"]
    pos += ["PUNCT", "PUNCT"]
    tags = ["WRB", "DT", "NN", "VBZ", ",", "UH", ",", "``", "VB", "RB", ".", "''"]
    lemmas = [w.lower() for w in words]
    doc = make_doc(words, pos=pos, tags=tags, lemmas=lemmas)
    lexicon = default_lexicon()
    assert is_speech_cue(doc[5], lexicon)
    # the same word with no quotation after it is "for example" ('pick one, say, 12')
    words[7:] = ["12", "."]
    doc = make_doc(words, pos=[*pos[:7], "NUM", "PUNCT"], tags=[*tags[:7], "CD", "."])
    assert not is_speech_cue(doc[5], lexicon)


def test_a_copula_cue_spans_its_adjective() -> None:
    from quotecraft.candidates import cue_bounds
    from quotecraft.handbuilt import make_doc

    # "The mayor was very clear that it closed."
    words = ["The", "mayor", "was", "very", "clear", "that", "it", "closed", "."]
    heads = [1, 2, 2, 4, 2, 7, 7, 2, 2]
    deps = ["det", "nsubj", "ROOT", "advmod", "acomp", "mark", "nsubj", "ccomp", "punct"]
    pos = ["DET", "NOUN", "AUX", "ADV", "ADJ", "SCONJ", "PRON", "VERB", "PUNCT"]
    lemmas = ["the", "mayor", "be", "very", "clear", "that", "it", "close", "."]
    doc = make_doc(words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    start, end, lemma = cue_bounds(doc[2])
    assert (doc.text[start:end], lemma) == ("was very clear", "be clear")
    # a verb keeps its own word
    start, end, lemma = cue_bounds(doc[7])
    assert (doc.text[start:end], lemma) == ("closed", "close")
