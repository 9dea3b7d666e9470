"""A third-party rule package, as another project would write one.

It adds two cue verbs and a DependencyMatcher pattern to quotecraft without
quotecraft importing it: ``pyproject.toml`` (beside this folder) declares the
functions below under the entry-point groups ``quotecraft_cue_lexicons`` and
``quotecraft_pattern_sets``, and quotecraft finds them by name:
``quotecraft.load(lexicon="test_ext.social.v1", patterns="test_ext.spokesperson.v1")``
or ``nlp.add_pipe("quotecraft", config={"lexicon": ..., "patterns": ...})``.

``rules/social.json`` beside it holds the same rules as a rule file.
"""

from __future__ import annotations

from quotecraft.cues import CueLexicon, PatternRule, VerbCue
from quotecraft.registry import cue_lexicons, pattern_sets

SOCIAL_VERBS = (
    # "tooted" (Mastodon) and "messaged": the packaged lexicon has neither
    VerbCue("toot", "speech", frozenset({"ccomp", "quote"}), 0.9),
    VerbCue("message", "speech", frozenset({"ccomp", "quote"}), 0.9),
)

SPOKESPERSON = PatternRule(
    name="test_ext.spokesperson.v1",
    # "X's spokesperson <any verb> that ...": whatever a spokesperson says for X is reported
    # speech, even with a verb that is not a cue ("reaffirmed", "flagged").
    pattern=[
        {"RIGHT_ID": "cue", "RIGHT_ATTRS": {"POS": "VERB"}},
        {
            "LEFT_ID": "cue",
            "REL_OP": ">",
            "RIGHT_ID": "speaker",
            "RIGHT_ATTRS": {
                "DEP": "nsubj",
                "LEMMA": {"IN": ["spokesperson", "spokesman", "spokeswoman"]},
            },
        },
        {"LEFT_ID": "speaker", "REL_OP": ">", "RIGHT_ID": "owner", "RIGHT_ATTRS": {"DEP": "poss"}},
        {"LEFT_ID": "cue", "REL_OP": ">", "RIGHT_ID": "content", "RIGHT_ATTRS": {"DEP": "ccomp"}},
    ],
    confidence=0.85,
)


def social_lexicon() -> CueLexicon:
    """The packaged English lexicon plus "toot" and "message"."""
    return cue_lexicons.get("en.v1")().extended(verbs=SOCIAL_VERBS)


def spokesperson_patterns() -> list[PatternRule]:
    """The packaged reported-speech patterns plus the spokesperson pattern."""
    return [*pattern_sets.get("en.reported.v1")(), SPOKESPERSON]
