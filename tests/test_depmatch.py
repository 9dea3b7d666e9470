"""FastDependencyMatcher gives exactly what spaCy's DependencyMatcher gives, in the same order.

Hand-built Docs cover each feature and each fallback; a property test compares the two
on random dependency trees; a model test runs the packaged reported-speech patterns on
parsed text written for it.
"""

from __future__ import annotations

import warnings
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.lang.en import English
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc

from quotecraft.depmatch import FastDependencyMatcher

VOCAB = English().vocab  # lexical attributes (LOWER) set, no model needed

# "Smith said that the plan , which he backed , failed and officials agreed ."
WORDS = [
    "Smith", "said", "that", "the", "plan", ",", "which", "he", "backed", ",",
    "failed", "and", "officials", "agreed", ".",
]  # fmt: skip
HEADS = [1, 1, 10, 4, 10, 4, 8, 8, 4, 4, 1, 1, 13, 1, 1]
DEPS = [
    "nsubj", "ROOT", "mark", "det", "nsubj", "punct", "nsubj", "nsubj", "relcl", "punct",
    "ccomp", "cc", "nsubj", "conj", "punct",
]  # fmt: skip
POS = [
    "PROPN", "VERB", "SCONJ", "DET", "NOUN", "PUNCT", "PRON", "PRON", "VERB", "PUNCT",
    "VERB", "CCONJ", "NOUN", "VERB", "PUNCT",
]  # fmt: skip
TAGS = [
    "NNP", "VBD", "IN", "DT", "NN", ",", "WDT", "PRP", "VBD", ",", "VBD", "CC", "NNS", "VBD", ".",
]  # fmt: skip
LEMMAS = [
    "Smith", "say", "that", "the", "plan", ",", "which", "he", "back", ",", "fail", "and",
    "official", "agree", ".",
]  # fmt: skip


def _doc(**changes: Any) -> Doc:
    kw: dict[str, Any] = {
        "words": WORDS,
        "heads": HEADS,
        "deps": DEPS,
        "pos": POS,
        "tags": TAGS,
        "lemmas": LEMMAS,
    }
    kw.update(changes)
    return Doc(VOCAB, **kw)


def _node(
    rid: str, attrs: dict[str, Any], left: str | None = None, op: str = ">"
) -> dict[str, Any]:
    if left is None:
        return {"RIGHT_ID": rid, "RIGHT_ATTRS": attrs}
    return {"LEFT_ID": left, "REL_OP": op, "RIGHT_ID": rid, "RIGHT_ATTRS": attrs}


RULES: dict[str, list[dict[str, Any]]] = {
    "ccomp": [
        _node("cue", {"LEMMA": {"IN": ["say", "agree"]}, "POS": "VERB"}),
        _node("content", {"DEP": {"IN": ["ccomp", "conj"]}}, "cue"),
    ],
    "deep": [  # ">>" and a node hanging off a non-root node
        _node("cue", {"LEMMA": "say"}),
        _node("clause", {"DEP": {"IN": ["relcl", "ccomp"]}}, "cue", ">>"),
        _node("subj", {"DEP": "nsubj", "TAG": {"NOT_IN": ["WDT"]}}, "clause"),
    ],
    "siblings": [  # two nodes that may land on the same token
        _node("v", {"POS": "VERB"}),
        _node("a", {"DEP": {"NOT_IN": ["punct"]}}, "v"),
        _node("b", {"LOWER": {"IN": ["smith", "that", "plan", "officials"]}}, "v"),
    ],
    "anything": [_node("x", {}), _node("y", {"ORTH": ","}, "x")],
    "up": [  # "<": the head
        _node("d", {"DEP": {"IN": ["nsubj", "det", "mark", "ROOT"]}}),  # a root has no head
        _node("h", {"POS": {"NOT_IN": ["PUNCT"]}}, "d", "<"),
        _node("k", {}, "h", ">"),
    ],
    "sides": [  # ">++" a right child, ">--" a left child
        _node("v", {"POS": {"IN": ["VERB", "NOUN"]}}),
        _node("r", {"DEP": {"NOT_IN": ["punct"]}}, "v", ">++"),
        _node("l", {}, "r", ">--"),
    ],
}


def _pair(
    rules: dict[str, list[dict[str, Any]]],
) -> tuple[DependencyMatcher, FastDependencyMatcher]:
    native = DependencyMatcher(VOCAB, validate=True)
    for name, pattern in rules.items():
        native.add(name, [pattern])
    return native, FastDependencyMatcher(native, list(rules))


def test_same_matches_same_order() -> None:
    native, fast = _pair(RULES)
    doc = _doc()
    expected = native(doc)
    assert len(expected) > 10
    assert fast(doc) == expected
    assert fast._rules and all(p is not None for _, p in fast._rules)  # all on the fast path


def test_no_match_and_empty_doc() -> None:
    native, fast = _pair({"x": [_node("cue", {"LEMMA": "deny"})]})
    assert fast(_doc()) == native(_doc()) == []
    assert fast(Doc(VOCAB, words=[])) == []


def test_unsupported_rule_runs_on_spacy_in_key_order() -> None:
    rules = dict(RULES)
    rules["precedes"] = [_node("a", {"POS": "VERB"}), _node("b", {"POS": "NOUN"}, "a", ".*")]
    rules = {"precedes": rules.pop("precedes"), **rules}  # the slow rule comes first
    native, fast = _pair(rules)
    doc = _doc()
    assert native(doc)[0][0] == VOCAB.strings["precedes"]
    assert fast(doc) == native(doc)
    assert fast._slow is not None


def test_missing_annotation_raises_like_spacy() -> None:
    native, fast = _pair(RULES)
    doc = Doc(VOCAB, words=WORDS, heads=HEADS, deps=DEPS, pos=POS, tags=TAGS)  # no lemmas
    with pytest.raises(ValueError, match="E155"):
        native(doc)
    with pytest.raises(ValueError, match="E155"):
        fast(doc)


def test_keys_not_given_fall_back_to_spacy() -> None:
    native, _ = _pair(RULES)
    fast = FastDependencyMatcher(native, ["ccomp"])
    assert not fast._rules
    assert fast(_doc()) == native(_doc())


# -- random trees ---------------------------------------------------------------------------

LEMMA_POOL = ["say", "agree", "plan", "the", "that", "Smith", ","]
DEP_POOL = ["nsubj", "ccomp", "relcl", "conj", "punct", "det", "mark"]
POS_POOL = ["VERB", "NOUN", "PRON", "PUNCT", "PROPN"]
TAG_POOL = ["VBD", "NN", "WDT", ",", "NNP"]


@st.composite
def trees(draw: Any) -> Doc:
    n = draw(st.integers(1, 14))
    heads: list[int] = []
    for i in range(n):
        if i == 0 or draw(st.integers(0, 5)) == 0:
            heads.append(i)  # a new root: sentences, possibly interleaved
        else:
            heads.append(draw(st.integers(0, i - 1)) if draw(st.booleans()) else i)
    # attach some later tokens' heads forward too (non-projective arcs)
    pick = st.sampled_from
    words = [draw(pick(LEMMA_POOL)) for _ in range(n)]
    deps = [draw(pick(DEP_POOL)) if heads[i] != i else "ROOT" for i in range(n)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return Doc(
            VOCAB,
            words=words,
            heads=heads,
            deps=deps,
            pos=[draw(pick(POS_POOL)) for _ in range(n)],
            tags=[draw(pick(TAG_POOL)) for _ in range(n)],
            lemmas=list(words),
        )


NATIVE, FAST = _pair(RULES)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(trees())
def test_random_trees_agree(doc: Doc) -> None:
    assert FAST(doc) == NATIVE(doc)


# -- the packaged patterns on parsed text ---------------------------------------------------

TEXT = (
    "The mayor said that the budget was balanced, and officials agreed it would pass. "
    "According to the police chief, the suspect fled on foot. As the governor noted, "
    "the deadline has passed. Her claim that the vote was rigged was rejected by the court, "
    "which warned voters to stay home. Smith raised the possibility of a second vote.\n\n"
    "The senator called for an independent inquiry, saying the report was flawed."
)


@pytest.mark.model
def test_packaged_patterns_on_parsed_text(extractor: Any) -> None:
    fast = extractor.matcher.matcher
    assert isinstance(fast, FastDependencyMatcher)
    doc = extractor.nlp(TEXT)
    expected = fast.native(doc)
    assert len(expected) >= 5
    assert fast(doc) == expected


@pytest.mark.model
def test_every_packaged_pattern_runs_on_the_fast_matcher(extractor: Any) -> None:
    # a relation the fast matcher lacks ('>--', '$+') sends its rule to spaCy's matcher,
    # several times slower on every document (reported.aside.v1 did, for a while)
    fast = extractor.matcher.matcher
    slow = fast._slow
    names = (
        []
        if slow is None
        else [extractor.nlp.vocab.strings[k] for k, _ in fast._rules if _ is None]
    )
    assert slow is None, f"packaged patterns on spaCy's matcher: {names}"


def test_doc_freed_without_the_cycle_collector() -> None:
    """The per-Doc search state must not sit in a reference cycle: it holds the Doc (and
    its tensor), which would then live until the next full collection, and RSS would climb
    over a long stream."""
    import gc
    import weakref

    _, fast = _pair(RULES)
    doc = _doc()
    ref = weakref.ref(doc)
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        assert fast(doc)
        del doc
        assert ref() is None
    finally:
        if was_enabled:
            gc.enable()
