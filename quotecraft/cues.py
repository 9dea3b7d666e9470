"""Cue lexicons (verbs, nouns, phrases) and the pattern sets built on them.

The tables live in ``quotecraft/data/cues/`` and ``quotecraft/data/patterns/``;
this module reads them once per process and answers "is this token a cue?".

Example:
    >>> lex = default_lexicon()
    >>> lex.verbs["say"].cls, "ccomp" in lex.verbs["say"].frames
    ('speech', True)
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from attrs import evolve, field, frozen

from .errors import RuleError
from .resources import data_jsonl, data_set, data_tsv

BASE_CONFIDENCE = {
    "speech": 0.9,
    "writing": 0.85,
    "object": 0.75,
    "evidence": 0.6,
    "belief": 0.5,
    "intention": 0.5,
}
"""Confidence of a cue class when the lexicon gives none."""

LOW_CONFIDENCE_CLASSES = frozenset({"belief", "intention", "evidence"})
"""Classes that PolNeAR counts as attributions but are not speech."""


def _frames(value: Iterable[str]) -> frozenset[str]:
    return frozenset(value)


def _nodes(value: Iterable[dict[str, Any]]) -> tuple[dict[str, Any], ...]:
    return tuple(value)


def _names(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@frozen
class VerbCue:
    """One cue verb of the lexicon."""

    lemma: str
    cls: str
    frames: frozenset[str] = field(converter=_frames)
    confidence: float


@frozen
class CueLexicon:
    """Cue verbs, nouns and phrases, by lemma."""

    verbs: Mapping[str, VerbCue]
    nouns: Mapping[str, float]
    phrases: Mapping[str, tuple[str, float]]
    propositional_nouns: frozenset[str]
    noun_preps: Mapping[str, frozenset[str]] = field(factory=dict)
    """Noun cues whose prepositional object is the content, with their prepositions."""

    def verbs_with(self, frame: str) -> list[str]:
        """Sorted lemmas of the verbs that allow ``frame``."""
        return sorted(v.lemma for v in self.verbs.values() if frame in v.frames)

    def extended(
        self,
        verbs: Iterable[VerbCue] = (),
        nouns: Mapping[str, float] | None = None,
        phrases: Mapping[str, tuple[str, float]] | None = None,
    ) -> CueLexicon:
        """A copy with entries added (or replaced)."""
        v = dict(self.verbs)
        for cue in verbs:
            v[cue.lemma] = cue
        n = dict(self.nouns)
        n.update(nouns or {})
        p = dict(self.phrases)
        p.update(phrases or {})
        return evolve(self, verbs=v, nouns=n, phrases=p)


@cache
def default_lexicon() -> CueLexicon:
    """The packaged English cue lexicon (``en.v1``), read once per process."""
    verbs = {}
    for row in data_tsv("cues/verbs.tsv"):
        lemma, cls, frames, conf = row[0], row[1], row[2], row[3]
        verbs[lemma] = VerbCue(lemma, cls, frozenset(frames.split(",")), float(conf))
    nouns = {row[0]: float(row[1]) for row in data_tsv("cues/nouns.tsv")}
    phrases = {row[0]: (row[1], float(row[2])) for row in data_tsv("cues/phrases.tsv")}
    return CueLexicon(
        verbs=verbs,
        nouns=nouns,
        phrases=phrases,
        propositional_nouns=data_set("propositional_nouns.txt"),
        noun_preps={
            row[0]: frozenset(row[1].split(",")) for row in data_tsv("cues/noun_preps.tsv")
        },
    )


@frozen
class PatternRule:
    """A named DependencyMatcher pattern that finds a cue and its content."""

    name: str
    pattern: tuple[dict[str, Any], ...] = field(converter=_nodes)
    cue: str = "cue"
    content: str = "content"
    exclude: tuple[str, ...] = field(default=("cue",), converter=_names)
    confidence: float = 0.8
    content_from: str | None = None
    """A node whose subtree opens the content (``called | him a liar``), if not the content's."""


def default_patterns() -> list[PatternRule]:
    """The packaged reported-speech patterns (``en.reported.v1``)."""
    return [pattern_rule_from_dict(d) for d in data_jsonl("patterns/reported.jsonl")]


def pattern_rule_from_dict(d: Mapping[str, Any], where: str = "") -> PatternRule:
    """Validate the shape of one pattern record and build a :class:`PatternRule`."""
    try:
        name = d["name"]
        pattern = d["pattern"]
    except KeyError as exc:
        raise RuleError(f"E010 {where}pattern record lacks {exc.args[0]!r}") from exc
    if not isinstance(name, str) or not name:
        raise RuleError(f"E010 {where}pattern 'name' must be a non-empty string")
    if (
        not isinstance(pattern, list)
        or not pattern
        or not all(isinstance(n, dict) for n in pattern)
    ):
        raise RuleError(
            f"E010 {where}pattern {name!r}: 'pattern' must be a non-empty list of objects"
        )
    ids = {n.get("RIGHT_ID") for n in pattern}
    roles = ["cue", "content"] + (["content_from"] if d.get("content_from") else [])
    for role in roles:
        node = d.get(role, role)
        if node not in ids:
            raise RuleError(
                f"E010 {where}pattern {name!r}: no node with RIGHT_ID {node!r} for {role}"
            )
    return PatternRule(
        name=name,
        pattern=pattern,
        cue=d.get("cue", "cue"),
        content=d.get("content", "content"),
        exclude=d.get("exclude", ["cue"]),
        confidence=float(d.get("confidence", 0.8)),
        content_from=d.get("content_from"),
    )


def expand_pattern(
    pattern: Iterable[Mapping[str, Any]], lexicon: CueLexicon
) -> list[dict[str, Any]]:
    """Replace ``"@verbs:FRAME"``, ``"@nouns"`` and ``"@propositional_nouns"`` by lexicon lists."""
    out = []
    for node in pattern:
        node2 = copy.deepcopy(dict(node))
        attrs = node2.get("RIGHT_ATTRS", {})
        for value in list(attrs.values()):
            if isinstance(value, dict):
                for op, arg in list(value.items()):
                    if isinstance(arg, str) and arg.startswith("@"):
                        value[op] = _expand(arg, lexicon)
        out.append(node2)
    return out


def _expand(ref: str, lexicon: CueLexicon) -> list[str]:
    if ref.startswith("@verbs:"):
        return lexicon.verbs_with(ref.split(":", 1)[1])
    if ref == "@verbs":
        return sorted(lexicon.verbs)
    if ref == "@nouns":
        return sorted(lexicon.nouns)
    if ref.startswith("@noun_preps:"):
        prep = ref.split(":", 1)[1]
        return sorted(n for n, preps in lexicon.noun_preps.items() if prep in preps)
    if ref == "@propositional_nouns":
        return sorted(lexicon.propositional_nouns)
    raise RuleError(
        f"E011 unknown lexicon reference {ref!r} "
        "(use @verbs:FRAME, @verbs, @nouns, @noun_preps:PREP, @propositional_nouns)"
    )
