"""The spaCy component: ``nlp.add_pipe("quotecraft")``.

Works without importing quotecraft first: the factory is advertised through the
``spacy_factories`` entry point. The component runs
:meth:`quotecraft.pipeline.Extractor.analyze`, the same code as
:func:`quotecraft.extract`, on each parsed ``Doc``, and stores:

- ``doc._.quotes``: the :class:`~quotecraft.records.Quote` records;
- ``doc.spans["quotes"]`` (key configurable): one span per quote content,
  labelled with its kind (``direct``, ``indirect``, ``mixed``).

The records are kept in ``doc.user_data`` as plain JSON-ready dicts, so both
survive ``Doc.to_bytes``, ``DocBin(store_user_data=True)`` and pickling;
``doc._.quotes`` rebuilds the records on access (after ``import quotecraft.component``,
or loading a pipeline that has the component). ``nlp.to_disk`` saves the
component's config; ``spacy.load`` rebuilds it from the registered rule names
(rule files are read again from their paths: give absolute paths).

Config (all optional):

- ``lexicon``: registered cue lexicon name (``"en.v1"``);
- ``patterns``: registered pattern set name, or a list of names (``"en.reported.v1"``);
- ``rules``: paths of rule files (JSON/YAML) that extend both;
- ``kinds``: the quote kinds to keep;
- ``min_confidence``: drop quotes below this confidence (0 to 1);
- ``disabled_rules``: rule names to switch off (``["reported.colon.v1"]``);
- ``speakers``, ``titles``, ``boilerplate``: registered speaker resolver, title lexicon and
  boilerplate detector (``"en.v1"``);
- ``spans_key``: the ``doc.spans`` key (``"quotes"``).

Example:
    >>> import spacy, quotecraft
    >>> nlp = spacy.load(quotecraft.model.resolve_model_name())
    >>> _ = nlp.add_pipe("quotecraft", config={"min_confidence": 0.6})
    >>> doc = nlp('"Not now," she said.')
    >>> [(s.label_, s.text) for s in doc.spans["quotes"]]
    [('direct', 'Not now,')]
    >>> doc._.quotes[0].speaker.mention.text
    'she'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .errors import MODEL_HINT, MissingAnnotationError, RuleError
from .pipeline import Config, Extractor
from .records import Quote
from .serialize import converter

USER_DATA_KEY = "quotecraft.quotes"
"""Where the component keeps the quotes in ``doc.user_data`` (as JSON-ready dicts)."""

DEFAULT_CONFIG: dict[str, Any] = {
    "lexicon": "en.v1",
    "patterns": "en.reported.v1",
    "rules": [],
    "kinds": ["direct", "indirect", "mixed"],
    "min_confidence": 0.0,
    "disabled_rules": [],
    "speakers": "en.v1",
    "titles": "en.v1",
    "boilerplate": "en.v1",
    "spans_key": "quotes",
}
"""The component's default config."""


def get_quotes(doc: Doc) -> tuple[Quote, ...]:
    """The quotes the component stored on ``doc`` (the getter of ``doc._.quotes``).

    Example:
        >>> import spacy
        >>> get_quotes(spacy.blank("en")("Nothing ran here."))
        ()
    """
    raw = doc.user_data.get(USER_DATA_KEY)
    if not raw:
        return ()
    return tuple(converter.structure(q, Quote) for q in raw)


if not Doc.has_extension("quotes"):
    Doc.set_extension("quotes", getter=get_quotes)


def _pattern_names(patterns: str | Sequence[str]) -> list[str]:
    names = [patterns] if isinstance(patterns, str) else list(patterns)
    if not names or not all(isinstance(n, str) and n for n in names):
        raise RuleError(
            "E014 quotecraft config 'patterns' must name one or more registered pattern sets, "
            f"e.g. 'en.reported.v1' or ['en.reported.v1', 'my.patterns.v1'], not {patterns!r}"
        )
    return names


class QuoteAnnotator:
    """Finds quotations in a parsed ``Doc`` and stores them on it.

    Build it with ``nlp.add_pipe("quotecraft", config={...})``; the arguments are
    those of the config (see the module documentation).

    Raises:
        RuleError: a registry name, rule file or option is invalid (at construction).
        MissingAnnotationError: a ``Doc`` has no dependency parse (when called).

    Example:
        >>> import spacy, quotecraft
        >>> nlp = spacy.load(quotecraft.model.resolve_model_name())
        >>> nlp.add_pipe("quotecraft", config={"lexicon": "en.v0"})
        Traceback (most recent call last):
        ...
        quotecraft.errors.RuleError: E020 no cue_lexicons named 'en.v0'; available: en.v1
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "quotecraft",
        *,
        lexicon: str = "en.v1",
        patterns: str | Sequence[str] = "en.reported.v1",
        rules: Iterable[str] = (),
        kinds: Iterable[str] = ("direct", "indirect", "mixed"),
        min_confidence: float = 0.0,
        disabled_rules: Iterable[str] = (),
        speakers: str = "en.v1",
        titles: str = "en.v1",
        boilerplate: str = "en.v1",
        spans_key: str = "quotes",
    ) -> None:
        from . import registry
        from .api import build_rules

        if not 0.0 <= min_confidence <= 1.0:
            raise RuleError(
                f"E014 quotecraft config 'min_confidence' must be from 0 to 1, not {min_confidence!r}"
            )
        if not spans_key:
            raise RuleError("E014 quotecraft config 'spans_key' must be a non-empty string")
        names = _pattern_names(patterns)
        self.name = name
        self.nlp = nlp
        self.spans_key = spans_key
        lex, pats = build_rules(lexicon, names[0], list(rules))
        for extra in names[1:]:
            pats.extend(registry.pattern_sets.get(extra)())
        # the Extractor doing the work: the same code as quotecraft.extract()
        self.extractor = Extractor(
            nlp,
            lexicon=lex,
            patterns=pats,
            config=Config(
                kinds=kinds, min_confidence=min_confidence, disabled_rules=disabled_rules
            ),
            resolver=registry.speaker_resolvers.get(speakers)(),
            titles=None if titles == "en.v1" else registry.title_lexicons.get(titles)(),
            boilerplate=registry.boilerplate_detectors.get(boilerplate)(),
        )

    def __call__(self, doc: Doc) -> Doc:
        """Find the quotes of ``doc``; store them in ``doc.user_data`` and ``doc.spans``."""
        if len(doc) and not doc.has_annotation("DEP"):
            raise MissingAnnotationError(
                f"E004 the {self.name!r} component needs a dependency parse, but the Doc has "
                f"none: add a 'parser' (and 'ner', for speaker names) before it. This "
                f"pipeline runs {self.nlp.pipe_names}; {MODEL_HINT}."
            )
        article = self.extractor.analyze(doc)
        doc.user_data[USER_DATA_KEY] = [converter.unstructure(q) for q in article.quotes]
        spans = []
        for q in article.quotes:
            span = doc.char_span(
                q.content.start, q.content.end, label=q.kind.value, alignment_mode="expand"
            )
            if span is not None:
                spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc

    def to_disk(self, path: Any, *, exclude: Iterable[str] = ()) -> None:
        """Nothing to save beyond the config: rules are named, rule files referenced by path."""

    def from_disk(self, path: Any, *, exclude: Iterable[str] = ()) -> QuoteAnnotator:
        """Nothing to load: the config rebuilt the component."""
        return self


@Language.factory(
    "quotecraft",
    default_config=DEFAULT_CONFIG,
    requires=["token.dep", "token.head", "token.lemma", "doc.sents", "doc.ents"],
    assigns=["doc.spans", "doc._.quotes"],
)
def make_quotecraft(
    nlp: Language,
    name: str,
    lexicon: str,
    patterns: str | list[str],
    rules: list[str],
    kinds: list[str],
    min_confidence: float,
    disabled_rules: list[str],
    speakers: str,
    titles: str,
    boilerplate: str,
    spans_key: str,
) -> QuoteAnnotator:
    """Build the quotecraft component (spaCy calls it for ``nlp.add_pipe("quotecraft")``).

    Example:
        >>> import spacy
        >>> nlp = spacy.blank("en")
        >>> nlp.add_pipe("quotecraft").spans_key
        'quotes'
    """
    return QuoteAnnotator(
        nlp,
        name,
        lexicon=lexicon,
        patterns=patterns,
        rules=rules,
        kinds=kinds,
        min_confidence=min_confidence,
        disabled_rules=disabled_rules,
        speakers=speakers,
        titles=titles,
        boilerplate=boilerplate,
        spans_key=spans_key,
    )
