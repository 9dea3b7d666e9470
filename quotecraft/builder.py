"""From registry names and rule files to an :class:`~quotecraft.extractor.Extractor`.

The one place that turns names (``lexicon="en.v1"``, ``patterns="en.reported.v1"``,
``speakers``, ``titles``, ``boilerplate``) and rule-file paths into the objects an
extractor is made of. :func:`quotecraft.load`, the spaCy component and the Dask
adapters (through :func:`quotecraft.load`) all build their extractor here.

Example:
    >>> rules = build_rules("en.v1", "en.reported.v1")
    >>> "say" in rules.lexicon.verbs, "interview" in rules.lists["medium_nouns"]
    (True, True)
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Sequence
from typing import Any

from attrs import frozen
from spacy.language import Language

from . import errors, registry
from .cues import CueLexicon, PatternRule
from .errors import RuleError
from .extractor import Config, Extractor
from .kb import KnowledgeBase
from .wordlists import WordLists, packaged_lists

RulePaths = str | os.PathLike[str] | Iterable[str | os.PathLike[str]] | None
"""One rule-file path, several, or none."""

PACKAGED_TITLES = "en.v1"
"""The title lexicon every speaker resolver has by default."""


def rule_paths(rules: RulePaths) -> tuple[str, ...]:
    """Rule-file paths as a tuple of strings (one path, several, or ``None``).

    Example:
        >>> rule_paths("a.json"), rule_paths(["a.json", "b.yaml"]), rule_paths(None)
        (('a.json',), ('a.json', 'b.yaml'), ())
    """
    if rules is None:
        return ()
    if isinstance(rules, (str, os.PathLike)):
        rules = [rules]
    return tuple(os.fspath(r) for r in rules)


@frozen
class Rules:
    """The cue lexicon, the reported-speech patterns and the word lists of an extractor."""

    lexicon: CueLexicon
    patterns: tuple[PatternRule, ...]
    lists: WordLists


def build_rules(
    lexicon: str = "en.v1",
    patterns: str | Sequence[str] = "en.reported.v1",
    rule_files: Iterable[str] = (),
) -> Rules:
    """The named cue lexicon and pattern set(s), and the packaged word lists, extended by
    the rule files in order.

    Raises:
        RuleError: a name is not registered, or a rule file is invalid.
    """
    from .rulefiles import load_rule_file

    names = [patterns] if isinstance(patterns, str) else list(patterns)
    lex = registry.cue_lexicons.get(lexicon)()
    pats = [p for name in names for p in registry.pattern_sets.get(name)()]
    lists = packaged_lists()
    for path in rule_files:
        extra = load_rule_file(path)
        lex = lex.extended(verbs=extra.verbs, nouns=extra.nouns)
        pats.extend(extra.patterns)
        if extra.lists:
            lists = lists.extended(extra.lists)
    return Rules(lexicon=lex, patterns=tuple(pats), lists=lists)


def speaker_resolver(
    speakers: str = "en.v1", titles: str = PACKAGED_TITLES, kb: KnowledgeBase | None = None
) -> Any:
    """The named speaker resolver, given the named title lexicon (and a knowledge base).

    A resolver class says it takes a title lexicon with ``takes_titles = True``; one that
    does not is used with its own titles, and asking it for others is an error.

    ``kb``, a :class:`~quotecraft.kb.KnowledgeBase`, goes to a resolver class that sets
    ``takes_kb = True``.

    Raises:
        RuleError: a name is not registered, or the resolver takes no titles or kb (E022).
    """
    resolver = registry.speaker_resolvers.get(speakers)()
    title_lexicon = registry.title_lexicons.get(titles)()
    extra: dict[str, Any] = {}
    if kb is not None:
        if not getattr(resolver, "takes_kb", False):
            raise RuleError(
                f"{errors.RESOLVER_ARGUMENT} the speaker resolver {speakers!r} takes no knowledge "
                "base (its class does not set takes_kb = True): use the packaged resolver "
                "'en.v1' with kb="
            )
        extra["kb"] = kb
    if titles != PACKAGED_TITLES:  # the packaged titles are every resolver's default
        if not getattr(resolver, "takes_titles", False):
            raise RuleError(
                f"{errors.RESOLVER_ARGUMENT} the speaker resolver {speakers!r} takes no 'titles' "
                f"argument (its class does not set takes_titles = True), so titles={titles!r} "
                "cannot be used: use the packaged titles, or give the resolver a 'titles' "
                "argument and that flag"
            )
        extra["titles"] = title_lexicon
    return functools.partial(resolver, **extra) if extra else resolver


def build_extractor(
    nlp: Language,
    *,
    rule_files: RulePaths = None,
    config: Config | None = None,
    model_name: str | None = None,
    lexicon: str = "en.v1",
    patterns: str | Sequence[str] = "en.reported.v1",
    speakers: str = "en.v1",
    titles: str = PACKAGED_TITLES,
    boilerplate: str = "en.v1",
    kb: KnowledgeBase | None = None,
    weights: str | os.PathLike[str] | None = None,
) -> Extractor:
    """An extractor over ``nlp`` with the named rules, extended by the rule files, and the
    cue scorer's ``weights`` (a file written by ``quotecraft train``; None: the packaged ones).

    Raises:
        RuleError: a name is not registered, a rule file is invalid, or an option is.
        WeightsError: the weights file is missing or not a weights file.
    """
    from .scorer import CueScorer

    rules = build_rules(lexicon, patterns, rule_paths(rule_files))
    return Extractor(
        nlp,
        lexicon=rules.lexicon,
        patterns=rules.patterns,
        lists=rules.lists,
        config=config,
        model_name=model_name,
        resolver=speaker_resolver(speakers, titles, kb),
        boilerplate=registry.boilerplate_detectors.get(boilerplate)(),
        scorer=CueScorer.from_file(weights) if weights is not None else None,
    )
