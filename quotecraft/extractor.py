"""The extractor: the stages composed, in pipeline order.

    segment -> parse -> marks -> direct -> reported -> merge -> speakers -> assemble

Each stage is a module named for it (:mod:`~quotecraft.segment`,
:mod:`~quotecraft.parse`, :mod:`~quotecraft.marks`, :mod:`~quotecraft.direct`,
:mod:`~quotecraft.reported`, :mod:`~quotecraft.merge`, :mod:`~quotecraft.speakers`,
:mod:`~quotecraft.assemble`); after the parse every stage receives the document's
:class:`~quotecraft.context.DocContext`. :class:`Extractor` holds what is built once
per process (the spaCy pipeline, the cue lexicon, the compiled matchers);
:meth:`Extractor.analyze` is the one implementation shared by
:func:`quotecraft.extract`, the batch functions and the spaCy component.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import attrs
from attrs import field, frozen
from spacy.language import Language
from spacy.tokens import Doc

from . import direct, doc_arrays, errors, limits, transcripts
from .assemble import build_article, build_quotes
from .batch import DocUnits, pipe_documents
from .candidates import Candidate
from .context import DocContext
from .cues import CueLexicon, PatternRule, default_patterns, lexicon_for_pipeline
from .marks import find_quoted
from .merge import merge_candidates
from .parse import Unit, chunk_limit, parse_stream, parse_units, require_parse, text_warnings
from .records import Article, CueType, ErrorRecord, Quote
from .reported import ReportedMatcher
from .reported_frames import reported_candidates
from .scorer import SCORED_RULE, CueScorer
from .segment import Segmentation, segment
from .speakers import Resolver
from .units import quotes_by_unit
from .wordlists import WordLists, packaged_lists

ALL_KINDS = frozenset({"direct", "indirect", "mixed"})
ALL_CUE_TYPES = frozenset(t.value for t in CueType)


def _kinds(value: Iterable[str]) -> frozenset[str]:
    kinds = frozenset(str(k) for k in value)
    bad = kinds - ALL_KINDS
    if bad:
        raise errors.RuleError(
            f"{errors.UNKNOWN_KINDS} unknown quote kinds {sorted(bad)}; "
            f"use some of {sorted(ALL_KINDS)}"
        )
    return kinds


def _cue_types(value: Iterable[str]) -> frozenset[str]:
    if isinstance(value, str):
        value = [value]
    types = frozenset(str(t) for t in value)
    bad = types - ALL_CUE_TYPES
    if bad:
        raise errors.RuleError(
            f"{errors.UNKNOWN_CUE_TYPES} unknown cue types {sorted(bad)}; "
            f"use some of {sorted(ALL_CUE_TYPES)}"
        )
    return types


_RULE_NAME = re.compile(r"[a-z0-9_]+(?:\.[a-z0-9_]+)+\.v\d+")

CODE_RULES = frozenset(
    {
        "direct.cue_after.v1",
        "direct.cue_before.v1",
        "direct.inverted.v1",
        "direct.according_to.v1",
        "direct.split.v1",
        "direct.split_sentence.v1",
        "direct.colon.v1",
        "direct.dash.v1",
        "direct.reply_noun.v1",
        "direct.view_of.v1",
        "direct.beat.v1",
        "direct.standalone.v1",
        "direct.open_paragraphs.v1",
        "direct.transcript.v1",
        "direct.continuation.v1",
        "mixed.cue_after.v1",
        "mixed.interposed.v1",
        "mixed.clause_before.v1",
        "mixed.split.v1",
        "mixed.split_sentence.v1",
        "reported.colon.v1",
        "reported.trailing.v1",
        "reported.block.v1",
        "reported.misread_verb.v1",
        "reported.misread_object.v1",
        "reported.misread_adjective.v1",
        "reported.xcomp_clause.v1",
        "reported.marked_object.v1",
        "reported.addressee_clause.v1",
        "reported.medium_clause.v1",
        "reported.make_clear.v1",
        "reported.raised.v1",
        "reported.proform.v1",
        "reported.scored.v1",
        "reported.passive.v1",
        "reported.interposed.v1",
        "reported.fragment.v1",
        "reported.phrase.v1",
        "reported.noun_colon.v1",
        "reported.verb_colon.v1",
        "reported.medium_that.v1",
    }
)
"""Rules written as code rather than as patterns: a rule set cannot leave them out, but
:attr:`Config.disabled_rules` can switch them off."""


def _rule_names(value: Iterable[str]) -> frozenset[str]:
    if isinstance(value, str):
        value = [value]
    names = frozenset(str(v) for v in value)
    bad = sorted(n for n in names if not _RULE_NAME.fullmatch(n))
    if bad:
        known = CODE_RULES | {p.name for p in default_patterns()}
        raise errors.RuleError(
            f"{errors.UNKNOWN_RULE} {bad[0]!r} is not a rule name; "
            "rule names look like 'reported.colon.v1'" + errors.did_you_mean(bad[0], known)
        )
    return names


def _check_disabled(disabled: frozenset[str], patterns: Sequence[PatternRule]) -> None:
    """Refuse to switch off rules that are neither code rules nor among ``patterns``."""
    known = CODE_RULES | {p.name for p in patterns}
    unknown = sorted(disabled - known)
    if unknown:
        raise errors.RuleError(
            f"{errors.UNKNOWN_RULE} cannot disable unknown rules {unknown}: they are neither "
            "quotecraft's code rules nor in this extractor's patterns"
            + errors.did_you_mean(unknown[0], known)
        )


def _threshold(value: Any) -> float:
    return limits.unit_interval("scorer_threshold", value)


@frozen
class Config:
    """Options of an extractor (also the spaCy component's config).

    Example:
        >>> Config(kinds=["direct"], min_confidence=0.6).kinds
        frozenset({'direct'})
    """

    kinds: frozenset[str] = field(default=ALL_KINDS, converter=_kinds)
    """Which quote kinds to return."""
    cue_types: frozenset[str] = field(default=ALL_CUE_TYPES, converter=_cue_types)
    """Which cue types to return (:class:`~quotecraft.records.CueType` values), e.g.
    ``{"speech", "writing"}`` to drop beliefs, intentions and evidence. A direct quote
    whose cue type is unknown (no cue, or a verb outside the lexicon) counts as speech;
    a reported quote of unknown type is kept only when every type is."""
    min_confidence: float = field(default=0.0, converter=limits.confidence)
    """Drop quotes below this confidence (belief and intention cues score 0.5); from 0 to 1."""
    max_chars: int | None = field(default=None, converter=limits.max_chars)
    """Refuse texts longer than this with :class:`~quotecraft.errors.InputTooLargeError`."""
    chunk_chars: int = field(default=20_000, converter=limits.chunk_chars)
    """Texts longer than this are parsed in pieces split at paragraph breaks (spaCy's time
    per character grows with the length of a Doc: 100,000-character pieces parse 10-40%
    slower per character than 20,000-character ones)."""
    html: bool | None = None
    """Force HTML handling on or off; ``None`` detects it."""
    disabled_rules: frozenset[str] = field(default=frozenset(), converter=_rule_names)
    """Rules to switch off by name (``Quote.rule``), patterns and code rules alike: their
    candidates are dropped before quotes are merged, so another rule may take their place.
    An extractor refuses names it does not know (:class:`~quotecraft.errors.RuleError`)."""
    scorer_threshold: float = field(default=0.25, converter=_threshold)
    """Admit a reported-speech cue the patterns miss (rule ``reported.scored.v1``) when the
    learned cue scorer gives it at least this probability (:mod:`quotecraft.scorer`), from 0
    to 1; ``disabled_rules=["reported.scored.v1"]`` switches the scorer off. The default was chosen by 5-fold cross-validation on PolNeAR
    train; ``docs/benchmarks.md`` shows precision and recall by threshold."""


class Extractor:
    """A ready-to-use quotation extractor: call it on a text.

    Build one with :func:`quotecraft.load`; it is safe to reuse for any number of texts.

    Example:
        >>> import quotecraft
        >>> ex = quotecraft.load()
        >>> [q.kind.value for q in ex('"Fine," he said.').quotes]
        ['direct']
    """

    def __init__(
        self,
        nlp: Language,
        *,
        lexicon: CueLexicon,
        patterns: Sequence[PatternRule],
        config: Config | None = None,
        model_name: str | None = None,
        resolver: Callable[..., Resolver] | None = None,
        boilerplate: Iterable[re.Pattern[str]] | None = None,
        lists: WordLists | None = None,
        scorer: CueScorer | None = None,
    ) -> None:
        self.nlp = nlp
        self.scorer = scorer if scorer is not None else CueScorer.default()
        """The learned cue scorer (the packaged weights unless others are given)."""
        self.lexicon = lexicon
        self.patterns = tuple(patterns)
        self.config = config or Config()
        self.model_name = model_name
        # registry speaker_resolvers / boilerplate_detectors (quotecraft.builder); None is en.v1
        self.resolver = resolver or Resolver
        self.lists = lists if lists is not None else packaged_lists()
        self.boilerplate = tuple(boilerplate) if boilerplate is not None else None
        _check_disabled(self.config.disabled_rules, self.patterns)
        self.matcher = ReportedMatcher(nlp.vocab, lexicon, self.patterns)
        self._forms_checked = False

    def check_verb_forms(self) -> None:
        """Once: cue verbs match the forms the model reads as other lemmas (at load or text 1)."""
        if not self._forms_checked:
            self._forms_checked = True
            lexicon = lexicon_for_pipeline(self.nlp, self.lexicon)
            if lexicon is not self.lexicon:
                self.lexicon = lexicon
                self.matcher = ReportedMatcher(self.nlp.vocab, lexicon, self.patterns)

    def __call__(self, text: str, *, id: str | None = None) -> Article:
        """Extract the quotations of one text (plain text or HTML)."""
        seg = self.segment(text)
        return self._analyze_units(seg, DocUnits(self._parse_units(iter([seg]))), id=id)

    def segment(self, text: str) -> Segmentation:
        """Stage 0: the segmentation of a text (plain text or HTML)."""
        limits.check_text(text, self.config.max_chars)
        with self.lists.active():
            return segment(text, html=self.config.html, boilerplate_patterns=self.boilerplate)

    def parse_stream(
        self, segs: Iterator[Segmentation], *, batch_size: int = 32, n_process: int = 1
    ) -> Iterator[Doc]:
        """Stage 1: a ``Doc`` of each segmentation's text (long texts parsed in pieces)."""
        limit = chunk_limit(self.nlp, self.config.chunk_chars)
        return parse_stream(self.nlp, segs, limit=limit, batch_size=batch_size, n_process=n_process)

    def _parse_units(
        self, segs: Iterator[Segmentation], *, batch_size: int = 32, n_process: int = 1
    ) -> Iterator[Unit]:
        limit = chunk_limit(self.nlp, self.config.chunk_chars)
        return parse_units(self.nlp, segs, limit=limit, batch_size=batch_size, n_process=n_process)

    def _analyze_units(self, seg: Segmentation, units: DocUnits, *, id: str | None) -> Article:
        """:meth:`analyze` on a document parsed in units (:mod:`quotecraft.units`)."""
        if units.peek().last:
            return self.analyze(next(units).doc, seg, id=id)
        with self.lists.active():
            merger, ctx = quotes_by_unit(seg, units, self._quotes, boilerplate=self.boilerplate)
        limit = chunk_limit(self.nlp, self.config.chunk_chars)
        warnings = [*seg.warnings, *text_warnings(seg, limit), *merger.mark_warnings()]
        return build_article(attrs.evolve(ctx, seg=seg), merger.quotes, warnings, id=id)

    def analyze(
        self, doc: Doc, seg: Segmentation | None = None, *, id: str | None = None
    ) -> Article:
        """Run every stage after the parse on ``doc``.

        Args:
            doc: a parsed ``Doc`` whose text is ``seg.parse_text`` (or the article text).
            seg: the segmentation of the text; computed from ``doc.text`` when omitted.
            id: the document id to put on the result.

        Raises:
            MissingAnnotationError: ``doc`` has no dependency parse.
        """
        with self.lists.active(), doc_arrays.reading(doc):  # each token array read once
            ctx = DocContext.of(doc, seg, boilerplate=self.boilerplate)
            require_parse(doc)
            limit = chunk_limit(self.nlp, self.config.chunk_chars)
            warnings = [*ctx.seg.warnings, *text_warnings(ctx.seg, limit)]
            quotes = self._quotes(ctx, warnings) if len(doc) else []
            return build_article(ctx, quotes, warnings, id=id)

    def _quotes(self, ctx: DocContext, warnings: list[str]) -> list[Quote]:
        """The stages after the parse: marks, direct, reported, merge, speakers, records."""
        self.check_verb_forms()
        quoted = find_quoted(
            ctx.seg.normalized, ctx.paragraphs, skip=ctx.boilerplate, warnings=warnings
        )
        off = self.config.disabled_rules
        quoted, turns = transcripts.split_turns(ctx, quoted, off)
        direct_cands, fragments = direct.detect(ctx, quoted, self.lexicon)
        direct_cands += turns
        scorer = None if SCORED_RULE in off else self.scorer
        reported_cands = reported_candidates(
            ctx, self.matcher, scorer, self.config.scorer_threshold
        )
        cands = merge_candidates(
            ctx, direct_cands, reported_cands, fragments, off, self.config.min_confidence
        )
        resolver = _build_resolver(self.resolver, ctx, _quoted_stretches(cands))
        return build_quotes(
            ctx,
            cands,
            resolver,
            disabled_rules=off,
            kinds=self.config.kinds,
            lexicon=self.lexicon,
            cue_types=self.config.cue_types,
        )

    def pipe(
        self, items: Iterable[Any], *, batch_size: int = 32, n_process: int = 1
    ) -> Iterator[Article | ErrorRecord]:
        """Extract from many documents, streaming results in input order.

        Items are strings, ``{"id": ..., "text": ...}`` dicts or ``(id, text)``
        tuples. A document that cannot be processed yields an ``ErrorRecord`` in its place.
        ``n_process`` > 1 runs forked workers where it can (:func:`~quotecraft.batch.pipe_documents`).
        """
        yield from pipe_documents(
            items,
            segment=self.segment,
            parse=self._parse_units,
            analyze=self._analyze_units,
            batch_size=batch_size,
            n_process=n_process,
        )


def _build_resolver(
    factory: Callable[..., Resolver], ctx: DocContext, stretches: list[tuple[int, int]]
) -> Resolver:
    """The speaker resolver of one document, given the text with the bylines and
    signatures the segmenter blanked when its class reads them (``takes_source_text``,
    as the packaged one does; ``factory`` may be a ``functools.partial`` of the class)."""
    if getattr(getattr(factory, "func", factory), "takes_source_text", False):
        return factory(ctx.doc, stretches, source_text=ctx.seg.text)
    return factory(ctx.doc, stretches)


def _quoted_stretches(cands: list[Candidate]) -> list[tuple[int, int]]:
    """The direct quotes' quoted stretches, for the speaker resolver: a split quote's
    attribution (``"A," I said, "B."``) is narration, not quotation."""
    return [p for c in cands if c.kind == "direct" for p in c.pieces or [(c.start, c.end)]]
