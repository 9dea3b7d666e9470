"""The learned cue scorer: candidates, features, training, weights files, ``quotecraft train``.

Sentences are written for these tests; hand-built Docs fix the parse where the
feature under test depends on it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.tokens import Doc

import quotecraft
from quotecraft import cli
from quotecraft.cue_typing import TypeModel, type_features
from quotecraft.cues import default_lexicon
from quotecraft.errors import TrainingDataError, WeightsError
from quotecraft.extractor import Config, Extractor
from quotecraft.records import CueType
from quotecraft.scorer import (
    ALL_FRAMES,
    FORMAT,
    SCORED_RULE,
    CueScorer,
    cue_candidates,
    features,
    subject_type,
)
from quotecraft.train import examples, read_gold, train, train_examples

GOLD = Path(__file__).parent / "data" / "scorer_gold.jsonl"
_VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower_, is_punct)


def built(
    words: list[str],
    heads: list[int],
    deps: list[str],
    pos: list[str],
    tags: list[str] | None = None,
    lemmas: list[str] | None = None,
    ents: list[str] | None = None,
) -> Doc:
    """A parsed Doc from lists (heads are absolute indices)."""
    return Doc(
        _VOCAB,
        words=words,
        heads=heads,
        deps=deps,
        pos=pos,
        tags=tags or ["NN"] * len(words),
        lemmas=lemmas or [w.lower() for w in words],
        ents=ents or ["O"] * len(words),
    )


def fumed_doc() -> Doc:
    # Nora Voss fumed that the council had lied .
    return built(
        ["Nora", "Voss", "fumed", "that", "the", "council", "had", "lied", "."],
        heads=[1, 2, 2, 7, 5, 7, 7, 2, 2],
        deps=["compound", "nsubj", "ROOT", "mark", "det", "nsubj", "aux", "ccomp", "punct"],
        pos=["PROPN", "PROPN", "VERB", "SCONJ", "DET", "NOUN", "AUX", "VERB", "PUNCT"],
        tags=["NNP", "NNP", "VBD", "IN", "DT", "NN", "VBD", "VBN", "."],
        lemmas=["Nora", "Voss", "fume", "that", "the", "council", "have", "lie", "."],
        ents=["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O", "O"],
    )


def test_candidates_of_a_hand_built_doc() -> None:
    doc = fumed_doc()
    assert [(c.text, x.text, f) for c, x, f in cue_candidates(doc)] == [("fumed", "lied", "ccomp")]


def test_a_clause_of_degree_is_no_cue_candidate(nlp: Any) -> None:
    # "so fierce that we thought ...": the clause is the storm's result, and the report is
    # the one of "thought"; with "so" gone, "certain that ..." is a view and stays
    doc = nlp("A storm blew in, so fierce that we thought the roof would go.")
    assert [(c.text, f) for c, _, f in cue_candidates(doc) if f == "ccomp"] == [
        ("thought", "ccomp")
    ]
    doc = nlp("The mayor was certain that the harbor wall would hold.")
    assert [(c.text, f) for c, _, f in cue_candidates(doc)] == [("certain", "ccomp")]


def test_features_name_lemma_frame_subject_and_that() -> None:
    doc = fumed_doc()
    cue, content, frame = cue_candidates(doc)[0]
    f = features(cue, content, frame, default_lexicon())
    assert {"bias", "lemma=fume", "frame=ccomp", "subj=person", "that", "tag=VBD"} <= set(f)
    assert "negated" not in f and "question" not in f and "content_before" not in f
    # a capped vocabulary turns an unknown lemma into <other>
    capped = features(cue, content, frame, default_lexicon(), vocabulary={"say"})
    assert "lemma=<other>" in capped and "lemma=fume" not in capped


def test_features_negation_question_and_title_subject() -> None:
    # The senator did not say whether the mill would close .
    doc = built(
        ["The", "senator", "did", "not", "say", "whether", "the", "mill", "would", "close", "."],
        heads=[1, 4, 4, 4, 4, 9, 7, 9, 9, 4, 4],
        deps=[
            "det",
            "nsubj",
            "aux",
            "neg",
            "ROOT",
            "mark",
            "det",
            "nsubj",
            "aux",
            "ccomp",
            "punct",
        ],
        pos=["DET", "NOUN", "AUX", "PART", "VERB", "SCONJ", "DET", "NOUN", "AUX", "VERB", "PUNCT"],
        tags=["DT", "NN", "VBD", "RB", "VB", "IN", "DT", "NN", "MD", "VB", "."],
        lemmas=[
            "the",
            "senator",
            "do",
            "not",
            "say",
            "whether",
            "the",
            "mill",
            "would",
            "close",
            ".",
        ],
    )
    cue, content, frame = cue_candidates(doc)[0]
    f = features(cue, content, frame, default_lexicon())
    assert {"negated", "question", "subj=title", "class=speech", "lexicon_frame"} <= set(f)
    assert subject_type(cue) == "title"


def test_features_parenthetical_pronoun_cue() -> None:
    # The mill , she reckons , will close .
    doc = built(
        ["The", "mill", ",", "she", "reckons", ",", "will", "close", "."],
        heads=[1, 7, 7, 4, 7, 7, 7, 7, 7],
        deps=["det", "nsubj", "punct", "nsubj", "parataxis", "punct", "aux", "ROOT", "punct"],
        pos=["DET", "NOUN", "PUNCT", "PRON", "VERB", "PUNCT", "AUX", "VERB", "PUNCT"],
        tags=["DT", "NN", ",", "PRP", "VBZ", ",", "MD", "VB", "."],
        lemmas=["the", "mill", ",", "she", "reckon", ",", "will", "close", "."],
    )
    cands = cue_candidates(doc)
    assert [(c.text, x.text, f) for c, x, f in cands] == [("reckons", "close", "parataxis")]
    f = features(*cands[0], default_lexicon())
    assert {"subj=pron3", "content_before", "parenthetical", "class=belief"} <= set(f)


def test_candidates_for_objects_prepositions_and_according_to(nlp: Any) -> None:
    frames = {f for _, _, f in cue_candidates(nlp("Pia Lund griped about the late buses."))}
    assert "prep_about" in frames
    doc = nlp("The levy will pass, according to the county clerk.")
    assert ("according", "pass", "according") in [
        (c.text, x.text, f) for c, x, f in cue_candidates(doc)
    ]


def test_probability_is_logistic_of_summed_weights() -> None:
    s = CueScorer({"bias": -1.0, "a": 3.0})
    assert s.probability(["bias"]) == pytest.approx(0.2689, abs=1e-4)
    assert s.probability(["bias", "a", "unknown"]) == pytest.approx(0.8808, abs=1e-4)
    assert s.probability(["bias"] * 1000) == 0.0  # no overflow


def test_training_scores_a_seen_cue_above_an_unseen_one(nlp: Any) -> None:
    docs = read_gold(GOLD)
    parsed = [nlp(d["text"]) for d in docs]
    exs = list(examples(parsed, docs, default_lexicon()))
    assert sum(label for _, label in exs) == 6  # every 'wagered', nothing else
    scorer = train_examples(exs, default_lexicon(), min_cue_count=1, min_candidate_count=99)
    assert "wager" in scorer.vocabulary and "ensure" not in scorer.vocabulary
    seen = nlp("Ivo Tamm wagered that the pier would reopen.")
    unseen = nlp("The storm guaranteed that the pier would stay closed.")
    p_seen = max(scorer.score(c, x, f, default_lexicon()) for c, x, f in cue_candidates(seen))
    p_unseen = max(scorer.score(c, x, f, default_lexicon()) for c, x, f in cue_candidates(unseen))
    assert p_seen > 0.5 > p_unseen


def test_weights_json_round_trip(tmp_path: Path) -> None:
    s = CueScorer({"bias": -0.5, "lemma=say": 2.25}, {"say"}, {"corpus": "mine"})
    path = tmp_path / "w.json"
    s.save(path)
    data = json.loads(path.read_text("utf-8"))
    assert data["format"] == FORMAT and data["corpus"] == "mine"
    back = CueScorer.from_file(path)
    assert back.weights == s.weights and back.vocabulary == s.vocabulary
    assert back.meta == {"corpus": "mine"}


def test_packaged_weights_are_readable_and_say_where_they_come_from() -> None:
    s = CueScorer.default()
    for key in ("corpus", "citation", "command", "date", "commit"):
        assert s.meta.get(key), key
    assert "PolNeAR" in s.meta["corpus"]
    assert len(s.weights) > 50
    # every lemma feature is in the capped vocabulary (no rare words of the corpus)
    lemmas = {n.split("|")[0][6:] for n in s.weights if n.startswith("lemma=")}
    assert lemmas <= s.vocabulary | {"<other>"}


def test_load_with_missing_or_corrupt_weights(tmp_path: Path) -> None:
    with pytest.raises(WeightsError, match=r"E071 no weights file .*quotecraft train"):
        quotecraft.load(weights=tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", "utf-8")
    with pytest.raises(WeightsError, match=r"E070 .*not valid JSON.*quotecraft train"):
        quotecraft.load(weights=bad)
    other = tmp_path / "other.json"
    other.write_text('{"weights": {"bias": 1}}', "utf-8")
    with pytest.raises(WeightsError, match="not a quotecraft cue scorer file"):
        quotecraft.load(weights=other)
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({"format": FORMAT, "weights": {"bias": "high"}}), "utf-8")
    with pytest.raises(WeightsError, match="must map feature names to numbers"):
        quotecraft.load(weights=wrong)


def test_scorer_admits_a_cue_the_rules_miss(extractor: Any, tmp_path: Path) -> None:
    text = "Ivo Tamm wagered that the pier would reopen in spring."
    off = Extractor(
        extractor.nlp,
        lexicon=extractor.lexicon,
        patterns=extractor.patterns,
        config=Config(disabled_rules=[SCORED_RULE]),
    )
    assert off(text).quotes == ()
    w = tmp_path / "w.json"
    CueScorer({"bias": -3.0, "lemma=wager": 6.0}, {"wager"}).save(w)
    ex = quotecraft.load(weights=w)
    (q,) = ex(text).quotes
    assert q.rule == SCORED_RULE and q.cue is not None and q.cue.text == "wagered"
    assert q.content.text == "the pier would reopen in spring"
    assert q.confidence == pytest.approx(0.953, abs=1e-3)
    assert q.speaker is not None and q.speaker.name == "Ivo Tamm"
    # below the threshold, or switched off by name: nothing
    assert quotecraft.load(weights=w, config={"scorer_threshold": 0.99})(text).quotes == ()
    with pytest.raises(quotecraft.ConfigError, match="E006 scorer_threshold"):
        Config(scorer_threshold=1.5)
    assert quotecraft.load(weights=w, config={"disabled_rules": [SCORED_RULE]})(text).quotes == ()


def test_an_adjective_cue_speaks_for_the_subject_of_its_copula(tmp_path: Path) -> None:
    # "X is confident that ...": the scorer's adjective cue has no subject of its own; the
    # copula's subject holds the view (without one, the candidate had no speaker and was
    # dropped)
    w = tmp_path / "w.json"
    CueScorer(
        {"bias": -3.0, "lemma=confident": 6.0, "lemma=sure": 6.0}, {"confident", "sure"}
    ).save(w)
    ex = quotecraft.load(weights=w)
    (q,) = ex("The harbor master is confident that the new wall will hold.").quotes
    assert q.rule == SCORED_RULE and q.cue is not None and q.cue.text == "confident"
    assert q.content.text == "the new wall will hold"
    assert q.speaker is not None and q.speaker.mention is not None
    assert q.speaker.mention.text == "The harbor master"
    (q,) = ex("Pia Lund seemed sure that the ferry would run late.").quotes
    assert q.cue is not None and q.cue.text == "sure"
    assert q.speaker is not None and q.speaker.name == "Pia Lund"


def test_rule_candidates_stay_whatever_the_weights(tmp_path: Path) -> None:
    w = tmp_path / "w.json"
    CueScorer({"bias": -20.0}).save(w)
    (q,) = quotecraft.load(weights=w)("Ivo Tamm said that the pier would reopen.").quotes
    assert q.rule.startswith("reported.") and q.rule != SCORED_RULE


def test_train_function_and_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "w.json"
    assert cli.main(["train", str(GOLD), "-o", str(out), "--min-cue-count", "1"]) == 0
    data = json.loads(out.read_text("utf-8"))
    assert data["format"] == FORMAT and data["corpus"] == "scorer_gold.jsonl"
    assert data["command"].startswith("quotecraft train")
    assert "wager" in data["vocabulary"]
    assert "written to" in capsys.readouterr().err
    assert CueScorer.from_file(out).weights == train(GOLD, min_cue_count=1).weights


def test_train_cli_takes_all_frames(tmp_path: Path) -> None:
    out = tmp_path / "w.json"
    assert cli.main(["train", str(GOLD), "-o", str(out), "--frames", "all"]) == 0
    data = json.loads(out.read_text("utf-8"))
    assert data["frames"] == list(ALL_FRAMES)
    assert "--frames all" in data["command"]


def test_train_cli_names_an_unknown_frame(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "w.json"
    assert cli.main(["train", str(GOLD), "-o", str(out), "--frames", "ccomp,objekt"]) == 2
    err = capsys.readouterr().err
    assert "E075 unknown frames ['objekt']" in err and "Traceback" not in err
    assert not out.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "E072 no gold file"),
        ("{oops\n", "E073 .*line 1 is not JSON"),
        ('{"id": "a"}\n', 'E073 .*needs a "text" string'),
        ('{"text": "Hi.", "quotes": [{"cue": {"start": 5, "end": 2}}]}\n', "E073 .*cue"),
        ('{"text": "Hi there.", "quotes": []}\n', 'E074 .*no quote with a "cue"'),
    ],
)
def test_train_cli_bad_input_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | None, message: str
) -> None:
    gold = tmp_path / "gold.jsonl"
    if content is not None:
        gold.write_text(content, "utf-8")
    assert cli.main(["train", str(gold), "-o", str(tmp_path / "w.json")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("quotecraft train: ")
    assert "Traceback" not in err
    import re

    assert re.search(message, err), err
    assert not (tmp_path / "w.json").exists()
    with pytest.raises(TrainingDataError):
        read_gold(gold)


# -- cue types of the cues the scorer admits (quotecraft.cue_typing) ------------------------


def test_type_model_predicts_the_highest_score_and_round_trips(tmp_path: Path) -> None:
    types = TypeModel({"speech": {"bias": 0.5}, "belief": {"subj=pron1": 2.0}})
    assert types.predict(["bias"]) == "speech"
    assert types.predict(["bias", "subj=pron1"]) == "belief"
    path = tmp_path / "w.json"
    CueScorer({"bias": -1.0}, types=types).save(path)
    data = json.loads(path.read_text("utf-8"))
    assert data["type_weights"] == {"belief": {"subj=pron1": 2.0}, "speech": {"bias": 0.5}}
    back = CueScorer.from_file(path)
    assert back.types is not None and back.types.weights == types.weights
    assert "type_weights" not in back.meta
    assert CueScorer.from_dict({"format": FORMAT, "weights": {}}).types is None


def test_bad_type_weights_are_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps({"format": FORMAT, "weights": {}, "type_weights": {"gossip": {"bias": 1}}})
    )
    with pytest.raises(WeightsError, match=r"'type_weights' must map cue types .*quotecraft train"):
        quotecraft.load(weights=bad)


def test_a_cue_outside_the_lexicon_takes_the_type_models_type(tmp_path: Path) -> None:
    w = tmp_path / "w.json"
    types = TypeModel({"speech": {"bias": 0.5}, "belief": {"subj=pron1": 2.0}})
    CueScorer({"bias": -3.0, "lemma=wager": 6.0}, {"wager"}, types=types).save(w)
    ex = quotecraft.load(weights=w)
    (q,) = ex("Ivo Tamm wagered that the pier would reopen in spring.").quotes
    assert q.rule == SCORED_RULE and q.cue is not None and q.cue.type is CueType.SPEECH
    (q,) = ex("I wagered that the pier would reopen in spring.").quotes
    assert q.cue is not None and q.cue.type is CueType.BELIEF
    # so a user who keeps speech only drops the belief
    speech = quotecraft.load(weights=w, config={"cue_types": ["speech"]})
    assert len(speech("I wagered that the pier would reopen in spring.").quotes) == 0
    # a weights file without a type model leaves such a cue untyped, as before
    CueScorer({"bias": -3.0, "lemma=wager": 6.0}, {"wager"}).save(w)
    (q,) = quotecraft.load(weights=w)("Ivo Tamm wagered that the pier would reopen.").quotes
    assert q.cue is not None and q.cue.type is None


def test_type_features_leave_out_the_word_and_its_lexicon_class(nlp: Any) -> None:
    doc = nlp("The survey hinted that turnout had fallen.")
    cue, content, frame = cue_candidates(doc)[0]
    names = features(cue, content, frame, default_lexicon())
    kept = type_features(cue, names)
    assert not [n for n in kept if n.startswith(("lemma=", "head=")) or "class=" in n]
    assert "frame=ccomp" in kept and "subj_doc=evidence" in kept


def test_training_fits_a_type_model_on_the_lexicons_cues(tmp_path: Path) -> None:
    lines = []
    for i, (text, cue) in enumerate(
        [
            ("Ana Ruiz said that the ferry would run late.", "said"),
            ("Tom Berg announced that the mill would reopen.", "announced"),
            ("We believe that the mill will stay shut.", "believe"),
            ("I think that the ferry is late again.", "think"),
        ]
        * 3
    ):
        s = text.index(cue)
        lines.append(
            json.dumps(
                {
                    "id": f"d{i}",
                    "text": text,
                    "quotes": [{"cue": {"start": s, "end": s + len(cue)}}],
                }
            )
        )
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(lines) + "\n", "utf-8")
    scorer = train(gold, min_cue_count=1)
    assert scorer.meta["typed_examples"] == 12
    assert scorer.types is not None and set(scorer.types.weights) == {"speech", "belief"}
    doc = quotecraft.load().nlp("We suspect that the pier will close.")
    cue, content, frame = cue_candidates(doc)[0]
    names = type_features(cue, features(cue, content, frame, default_lexicon()))
    assert scorer.types.predict(names) == "belief"


def test_packaged_weights_type_every_kind_of_cue() -> None:
    s = CueScorer.default()
    assert s.types is not None and set(s.types.weights) == {t.value for t in CueType}
    assert s.meta.get("type_weights_trained", {}).get("command", "").startswith("quotecraft train")


def test_extract_cli_takes_trained_weights(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "in.txt"
    src.write_text("Ivo Tamm wagered that the pier would reopen in spring.\n", "utf-8")
    w = tmp_path / "w.json"
    CueScorer({"bias": -3.0, "lemma=wager": 6.0}, {"wager"}).save(w)
    assert cli.main(["extract", "-q", "--weights", str(w), str(src)]) == 0
    (q,) = json.loads(capsys.readouterr().out)["quotes"]
    assert q["rule"] == SCORED_RULE and q["cue"]["text"] == "wagered"
    CueScorer({"bias": -30.0}).save(w)
    assert cli.main(["extract", "-q", "--weights", str(w), str(src)]) == 0
    assert json.loads(capsys.readouterr().out)["quotes"] == []
    assert cli.main(["extract", "-q", "--weights", str(tmp_path / "none.json"), str(src)]) == 1
    err = capsys.readouterr().err
    assert "E071 no weights file" in err and "Traceback" not in err
