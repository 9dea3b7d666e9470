"""The spaCy component: ``nlp.add_pipe("quotecraft")``.

Works without importing quotecraft first: the factory is advertised through the
``spacy_factories`` entry point. The component runs
:meth:`quotecraft.extractor.Extractor.analyze`, the same code as
:func:`quotecraft.extract`, on each parsed ``Doc``, and stores:

- ``doc._.quotes``: the :class:`~quotecraft.records.Quote` records;
- ``doc.spans["quotes"]`` (key configurable): one span per quote content,
  labelled with its kind (``direct``, ``indirect``, ``mixed``). On each span,
  ``span._.quote`` is the :class:`~quotecraft.records.Quote` record,
  ``span._.speaker`` its :class:`~quotecraft.records.Speaker` (or None) and
  ``span._.words`` the quoted words a person reads (:attr:`Quote.words
  <quotecraft.records.Quote.words>`: a split or interrupted quote without its attribution);
- ``doc.spans["quote_speakers"]``: the speaker mention of every quote (once per
  mention), labelled with the speaker's name (else the mention's words), with
  ``span._.speaker`` set;
- ``doc.spans["quote_cues"]``: the cue of every quote (once per cue), labelled
  with the cue's lemma (``say``, ``according to``).

The records are kept in ``doc.user_data`` as plain JSON-ready dicts, with the
offsets of each quote's spans, and the ``span._`` attributes are getters reading
them, so all of it survives ``Doc.to_bytes``, ``DocBin(store_user_data=True)`` and
pickling; ``doc._.quotes`` rebuilds the records on access (after ``import
quotecraft.component``, or loading a pipeline that has the component). ``nlp.to_disk`` saves the
component's config; ``spacy.load`` rebuilds it from the registered rule names
(rule files are read again from their paths: give absolute paths).

Config (all optional):

- ``lexicon``: registered cue lexicon name (``"en.v1"``);
- ``patterns``: registered pattern set name, or a list of names (``"en.reported.v1"``);
- ``rules``: paths of rule files (JSON/YAML) that extend both;
- ``kinds``: the quote kinds to keep;
- ``min_confidence``: drop quotes below this confidence (0 to 1);
- ``disabled_rules``: rule names to switch off (``["reported.colon.v1"]``);
- ``cue_types``: the cue types to keep (``["speech"]`` drops beliefs, intentions and the rest);
- ``scorer_threshold``: the learned cue scorer's threshold (0 to 1; ``0.25``);
- ``weights``: path of cue scorer weights written by ``quotecraft train`` (``""``: the
  packaged ones; give an absolute path, it is read again when the pipeline is loaded);
- ``speakers``, ``titles``, ``boilerplate``: registered speaker resolver, title lexicon and
  boilerplate detector (``"en.v1"``);
- ``spans_key``: the ``doc.spans`` key (``"quotes"``);
- ``speakers_key``, ``cues_key``: the keys of the speaker and cue span groups
  (``"quote_speakers"``, ``"quote_cues"``).

Example:
    >>> import spacy, quotecraft
    >>> nlp = spacy.load(quotecraft.model.resolve_model_name())
    >>> _ = nlp.add_pipe("quotecraft", config={"min_confidence": 0.6})
    >>> doc = nlp('"Not now," she said.')
    >>> [(s.label_, s.text) for s in doc.spans["quotes"]]
    [('direct', 'Not now,')]
    >>> doc._.quotes[0].speaker.mention.text
    'she'
    >>> span = doc.spans["quotes"][0]
    >>> span._.quote.kind.value, span._.speaker.mention.text, span._.words
    ('direct', 'she', 'Not now,')
    >>> [s.text for s in doc.spans["quote_speakers"]], [s.label_ for s in doc.spans["quote_cues"]]
    (['she'], ['say'])
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from .errors import COMPONENT_CONFIG, MODEL_HINT, NO_PARSE, MissingAnnotationError, RuleError
from .extractor import Config, Extractor
from .records import Quote, Speaker
from .serialize import converter

USER_DATA_KEY = "quotecraft.quotes"
"""Where the component keeps the quotes in ``doc.user_data`` (as JSON-ready dicts)."""

SPANS_DATA_KEY = "quotecraft.spans"
"""Where the component keeps, per quote, the character offsets of its content span and of
its speaker mention span in ``doc.user_data`` (``[[start, end] | None, [start, end] | None]``),
so ``span._.quote`` and ``span._.speaker`` find their record after a round trip."""

DEFAULT_CONFIG: dict[str, Any] = {
    "lexicon": "en.v1",
    "patterns": "en.reported.v1",
    "rules": [],
    "kinds": ["direct", "indirect", "mixed"],
    "min_confidence": 0.0,
    "disabled_rules": [],
    "cue_types": ["speech", "writing", "belief", "intention", "evidence"],
    "scorer_threshold": 0.25,
    "weights": "",
    "speakers": "en.v1",
    "titles": "en.v1",
    "boilerplate": "en.v1",
    "spans_key": "quotes",
    "speakers_key": "quote_speakers",
    "cues_key": "quote_cues",
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


def _quote_index(span: Span, slot: int) -> int | None:
    """Index of the quote whose content (slot 0) or speaker mention (slot 1) is ``span``."""
    offsets = span.doc.user_data.get(SPANS_DATA_KEY)
    if not offsets:
        return None
    where = [span.start_char, span.end_char]
    found = [
        i
        for i, spans in enumerate(offsets)
        if spans[slot] is not None and list(spans[slot]) == where
    ]
    if slot == 0:  # two quotes on one span: the label (the kind) decides
        quotes = span.doc.user_data[USER_DATA_KEY]
        found = [i for i in found if quotes[i].get("kind") == span.label_] or found
    return found[0] if found else None


def get_span_quote(span: Span) -> Quote | None:
    """The quote whose content is ``span`` (the getter of ``span._.quote``), else None.

    Example:
        >>> import spacy
        >>> get_span_quote(spacy.blank("en")("Nothing ran here.")[0:2]) is None
        True
    """
    i = _quote_index(span, 0)
    if i is None:
        return None
    return converter.structure(span.doc.user_data[USER_DATA_KEY][i], Quote)


def get_span_speaker(span: Span) -> Speaker | None:
    """The speaker of the quote ``span`` is, or that ``span`` names (``span._.speaker``).

    Example:
        >>> import spacy
        >>> get_span_speaker(spacy.blank("en")("Nothing ran here.")[0:1]) is None
        True
    """
    quote = get_span_quote(span)
    if quote is not None:
        return quote.speaker
    i = _quote_index(span, 1)
    if i is None:
        return None
    raw = span.doc.user_data[USER_DATA_KEY][i].get("speaker")
    return converter.structure(raw, Speaker) if raw is not None else None


def get_span_words(span: Span) -> str | None:
    """The quoted words of the quote ``span`` is (``span._.words``), else None.

    Example:
        >>> import spacy
        >>> get_span_words(spacy.blank("en")("Nothing ran here.")[0:2]) is None
        True
    """
    quote = get_span_quote(span)
    return quote.words if quote is not None else None


if not Doc.has_extension("quotes"):
    Doc.set_extension("quotes", getter=get_quotes)
for _name, _getter in (
    ("quote", get_span_quote),
    ("speaker", get_span_speaker),
    ("words", get_span_words),
):
    if not Span.has_extension(_name):
        Span.set_extension(_name, getter=_getter)


def _pattern_names(patterns: str | Sequence[str]) -> list[str]:
    names = [patterns] if isinstance(patterns, str) else list(patterns)
    if not names or not all(isinstance(n, str) and n for n in names):
        raise RuleError(
            f"{COMPONENT_CONFIG} quotecraft config 'patterns' must name one or more registered pattern sets, "
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
        cue_types: Iterable[str] = ("speech", "writing", "belief", "intention", "evidence"),
        scorer_threshold: float = 0.25,
        weights: str = "",
        speakers: str = "en.v1",
        titles: str = "en.v1",
        boilerplate: str = "en.v1",
        spans_key: str = "quotes",
        speakers_key: str = "quote_speakers",
        cues_key: str = "quote_cues",
    ) -> None:
        from .builder import build_extractor

        if not 0.0 <= min_confidence <= 1.0:
            raise RuleError(
                f"{COMPONENT_CONFIG} quotecraft config 'min_confidence' must be from 0 to 1, not {min_confidence!r}"
            )
        keys = {"spans_key": spans_key, "speakers_key": speakers_key, "cues_key": cues_key}
        for option, key in keys.items():
            if not key or not isinstance(key, str):
                raise RuleError(
                    f"{COMPONENT_CONFIG} quotecraft config {option!r} must be a non-empty string"
                )
        if len(set(keys.values())) < len(keys):
            raise RuleError(
                f"{COMPONENT_CONFIG} quotecraft config 'spans_key', 'speakers_key' and 'cues_key' must differ, "
                f"not {list(keys.values())}"
            )
        names = _pattern_names(patterns)
        self.name = name
        self.nlp = nlp
        self.spans_key = spans_key
        self.speakers_key = speakers_key
        self.cues_key = cues_key
        # the Extractor doing the work: the same code as quotecraft.extract()
        self.extractor: Extractor = build_extractor(
            nlp,
            rule_files=list(rules),
            config=Config(
                kinds=kinds,
                cue_types=cue_types,
                min_confidence=min_confidence,
                disabled_rules=disabled_rules,
                scorer_threshold=scorer_threshold,
            ),
            lexicon=lexicon,
            patterns=names,
            speakers=speakers,
            titles=titles,
            boilerplate=boilerplate,
            weights=weights or None,
        )

    def __call__(self, doc: Doc) -> Doc:
        """Find the quotes of ``doc``; store them in ``doc.user_data`` and ``doc.spans``."""
        if len(doc) and not doc.has_annotation("DEP"):
            raise MissingAnnotationError(
                f"{NO_PARSE} the {self.name!r} component needs a dependency parse, but the Doc has "
                f"none: add a 'parser' (and 'ner', for speaker names) before it. This "
                f"pipeline runs {self.nlp.pipe_names}; {MODEL_HINT}."
            )
        article = self.extractor.analyze(doc)
        doc.user_data[USER_DATA_KEY] = [converter.unstructure(q) for q in article.quotes]
        spans: list[Span] = []
        speakers: dict[tuple[int, int], Span] = {}
        cues: dict[tuple[int, int], Span] = {}
        offsets: list[list[list[int] | None]] = []
        for q in article.quotes:
            span = doc.char_span(
                q.content.start, q.content.end, label=q.kind.value, alignment_mode="expand"
            )
            if span is not None:
                spans.append(span)
            mention = None
            sp = q.speaker
            if sp is not None and sp.mention is not None:
                label = sp.name or sp.mention.text
                mention = doc.char_span(
                    sp.mention.start, sp.mention.end, label=label, alignment_mode="expand"
                )
                if mention is not None:
                    speakers.setdefault((mention.start, mention.end), mention)
            if q.cue is not None:
                cue = doc.char_span(
                    q.cue.start, q.cue.end, label=q.cue.lemma, alignment_mode="expand"
                )
                if cue is not None:
                    cues.setdefault((cue.start, cue.end), cue)
            offsets.append(
                [
                    [span.start_char, span.end_char] if span is not None else None,
                    [mention.start_char, mention.end_char] if mention is not None else None,
                ]
            )
        doc.user_data[SPANS_DATA_KEY] = offsets
        doc.spans[self.spans_key] = spans
        doc.spans[self.speakers_key] = sorted(speakers.values())
        doc.spans[self.cues_key] = sorted(cues.values())
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
    assigns=["doc.spans", "doc._.quotes", "span._.quote", "span._.speaker", "span._.words"],
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
    cue_types: list[str],
    scorer_threshold: float,
    weights: str,
    speakers: str,
    titles: str,
    boilerplate: str,
    spans_key: str,
    speakers_key: str,
    cues_key: str,
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
        cue_types=cue_types,
        scorer_threshold=scorer_threshold,
        weights=weights,
        speakers=speakers,
        titles=titles,
        boilerplate=boilerplate,
        spans_key=spans_key,
        speakers_key=speakers_key,
        cues_key=cues_key,
    )
