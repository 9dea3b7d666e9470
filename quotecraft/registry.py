"""Named, versioned rules, in catalogue registries.

Every rule set quotecraft uses is looked up here by name, so configs and logs
stay serializable and other packages can add their own through entry points,
without being imported first:

- :data:`cue_lexicons` (entry-point group ``quotecraft_cue_lexicons``): functions
  returning a :class:`~quotecraft.cues.CueLexicon`;
- :data:`pattern_sets` (``quotecraft_pattern_sets``): functions returning a list of
  :class:`~quotecraft.cues.PatternRule` (DependencyMatcher patterns);
- :data:`title_lexicons` (``quotecraft_title_lexicons``): functions returning a
  :class:`~quotecraft.titles.TitleLexicon` (also importable from here);
- :data:`speaker_resolvers` (``quotecraft_speaker_resolvers``): functions returning a
  resolver class, called as ``cls(doc, quote_spans)`` once per document;
- :data:`knowledge_bases` (``quotecraft_knowledge_bases``): functions returning a
  :class:`~quotecraft.kb.KnowledgeBase` to link speakers to (none is packaged);
- :data:`boilerplate_detectors` (``quotecraft_boilerplate_detectors``): functions
  returning compiled regexes; an article line matching one is boilerplate.

Never change a released ``.vN``: register ``.v2``. An unknown name raises
:class:`~quotecraft.errors.RuleError` listing the names available.

Example:
    >>> sorted(cue_lexicons.get_all())[:1]
    ['en.v1']
    >>> lex = cue_lexicons.get("en.v1")()
    >>> "say" in lex.verbs
    True
    >>> pattern_sets.get("en.reported.v2")
    Traceback (most recent call last):
    ...
    quotecraft.errors.RuleError: E020 no pattern_sets named 'en.reported.v2'; available: en.reported.v1, none.v1
"""

from __future__ import annotations

import re
from collections.abc import Callable
from importlib import metadata
from typing import Any

import catalogue

from .cues import CueLexicon, PatternRule, default_lexicon, default_patterns
from .errors import ENTRY_POINT_FAILED, UNKNOWN_NAME, RuleError
from .titles import TitleLexicon as TitleLexicon
from .titles import packaged_titles

NAMESPACE = "quotecraft"


class Registry:
    """A catalogue registry whose unknown names raise :class:`RuleError` listing the known ones.

    Entry points are looked up when a name is asked for, so a package installed
    (or put on ``sys.path``) after quotecraft was imported is found too.

    Example:
        >>> reg = Registry("cue_lexicons")
        >>> reg.entry_point_group, "en.v1" in reg
        ('quotecraft_cue_lexicons', True)
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self.entry_point_group = f"{NAMESPACE}_{name}"
        self._reg = catalogue.create(NAMESPACE, name, entry_points=True)

    def register(self, name: str, func: Callable[..., Any] | None = None) -> Any:
        """Register ``func`` under ``name`` (usable as a decorator)."""
        return self._reg.register(name, func=func)

    def _entry_points(self) -> dict[str, metadata.EntryPoint]:
        return {ep.name: ep for ep in metadata.entry_points(group=self.entry_point_group)}

    def get(self, name: str) -> Callable[..., Any]:
        """The function registered as ``name``, in this process or by an entry point.

        Raises:
            RuleError: no function has that name (the message lists the known names),
                or its entry point fails to load.
        """
        if name in self._reg:  # registered in this process, or a catalogue-cached entry point
            return self._reg.get(name)
        ep = self._entry_points().get(name)
        if ep is None:
            raise RuleError(
                f"{UNKNOWN_NAME} no {self.name} named {name!r}; available: {', '.join(self.names()) or 'none'}"
            )
        try:
            func = ep.load()
        except Exception as exc:
            raise RuleError(
                f"{ENTRY_POINT_FAILED} the {self.name} entry point {name!r} ({ep.value}) failed to load: {exc!r}"
            ) from exc
        self._reg.register(name, func=func)
        return func

    def names(self) -> list[str]:
        """Every available name, sorted, without loading entry points."""
        # catalogue has no public way to list names without loading entry points
        local = catalogue._get_all((NAMESPACE, self.name))
        return sorted({key[-1] for key in local} | set(self._entry_points()))

    def get_all(self) -> dict[str, Callable[..., Any]]:
        """Every registered function by name (entry points are loaded)."""
        return {name: self.get(name) for name in self.names()}

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name in self.names()

    def __repr__(self) -> str:
        return f"Registry({self.name!r})"


cue_lexicons = Registry("cue_lexicons")
"""Functions returning a :class:`~quotecraft.cues.CueLexicon`."""
pattern_sets = Registry("pattern_sets")
"""Functions returning a list of :class:`~quotecraft.cues.PatternRule`."""
title_lexicons = Registry("title_lexicons")
"""Functions returning a :class:`TitleLexicon`."""
speaker_resolvers = Registry("speaker_resolvers")
"""Functions returning a resolver class (see :class:`quotecraft.speakers.Resolver`)."""
knowledge_bases = Registry("knowledge_bases")
"""Functions returning a :class:`~quotecraft.kb.KnowledgeBase` (none is packaged)."""
boilerplate_detectors = Registry("boilerplate_detectors")
"""Functions returning compiled regexes; a line of the article matching one is boilerplate."""


# -- the packaged rules -----------------------------------------------------------------------


@cue_lexicons.register("en.v1")
def en_v1() -> CueLexicon:
    """The packaged English cue lexicon (verbs, nouns, phrases)."""
    return default_lexicon()


@pattern_sets.register("en.reported.v1")
def en_reported_v1() -> list[PatternRule]:
    """The packaged reported-speech DependencyMatcher patterns."""
    return default_patterns()


@pattern_sets.register("none.v1")
def no_patterns() -> list[PatternRule]:
    """No reported-speech patterns: direct quotes only."""
    return []


@title_lexicons.register("en.v1")
def en_titles_v1() -> TitleLexicon:
    """The packaged English titles (``data/titles.txt``, ``data/title_modifiers.txt``)."""
    phrases, words, modifiers = packaged_titles()
    return TitleLexicon(phrases=phrases, words=words, modifiers=modifiers)


@speaker_resolvers.register("en.v1")
def en_resolver_v1() -> Callable[..., Any]:
    """The packaged speaker resolver (:class:`quotecraft.speakers.Resolver`)."""
    from .speakers import Resolver

    return Resolver


@boilerplate_detectors.register("en.v1")
def en_boilerplate_v1() -> tuple[re.Pattern[str], ...]:
    """The packaged boilerplate lines (``data/boilerplate.txt``: newsletter sign-ups...)."""
    from .resources import data_regexes

    return data_regexes("boilerplate.txt")


@boilerplate_detectors.register("none.v1")
def no_boilerplate() -> tuple[re.Pattern[str], ...]:
    """Keep every line: nothing is boilerplate."""
    return ()
