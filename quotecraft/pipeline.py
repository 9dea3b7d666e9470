"""Compose the stages: segment, parse, detect direct, detect reported, attribute, resolve.

:class:`Extractor` holds what is built once per process (the spaCy pipeline, the
cue lexicon, the compiled matchers); :meth:`Extractor.analyze` is the one
implementation shared by :func:`quotecraft.extract`, the batch functions and the
spaCy component.
"""

from __future__ import annotations

import functools
import inspect
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import attrs
from attrs import field, frozen
from spacy.language import Language
from spacy.tokens import Doc

from . import direct, errors, limits, marks, workers
from .candidates import Candidate, TokenIndex
from .cues import CueLexicon, PatternRule, default_patterns
from .depmatch import FastDependencyMatcher
from .records import Article, Cue, ErrorRecord, Quote, QuoteKind, Speaker, TextSpan
from .reported import (
    ReportedMatcher,
    clip_to_paragraph,
    colon_attributions,
    trailing_attributions,
)
from .segment import Segmentation, segment
from .speakers import Entity, Resolver

if TYPE_CHECKING:
    from .registry import TitleLexicon

ALL_KINDS = frozenset({"direct", "indirect", "mixed"})
_EN_STOPWORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "a",
        "in",
        "that",
        "is",
        "was",
        "he",
        "she",
        "for",
        "it",
        "with",
        "as",
        "his",
        "on",
        "be",
        "at",
        "by",
        "i",
        "this",
        "had",
        "not",
        "are",
        "but",
        "from",
        "or",
        "have",
        "an",
        "they",
        "which",
        "you",
        "were",
        "her",
        "all",
        "we",
        "there",
        "been",
        "has",
        "their",
        "said",
        "would",
        "will",
        "who",
        "more",
        "if",
        "no",
        "when",
        "what",
        "so",
        "about",
        "can",
        "than",
        "them",
        "its",
        "also",
        "into",
        "only",
        "other",
    ]
)
_WORD = re.compile(r"[^\W\d_]{1,30}")


def _kinds(value: Iterable[str]) -> frozenset[str]:
    kinds = frozenset(str(k) for k in value)
    bad = kinds - ALL_KINDS
    if bad:
        raise errors.RuleError(
            f"E013 unknown quote kinds {sorted(bad)}; use some of {sorted(ALL_KINDS)}"
        )
    return kinds


_RULE_NAME = re.compile(r"[a-z0-9_]+(?:\.[a-z0-9_]+)+\.v\d+")

CODE_RULES = frozenset(
    {
        "direct.cue_after.v1",
        "direct.cue_before.v1",
        "direct.split.v1",
        "direct.split_sentence.v1",
        "direct.colon.v1",
        "direct.dash.v1",
        "direct.view_of.v1",
        "direct.standalone.v1",
        "direct.continuation.v1",
        "mixed.cue_after.v1",
        "reported.colon.v1",
        "reported.trailing.v1",
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
            f"E015 {bad[0]!r} is not a rule name; rule names look like 'reported.colon.v1'"
            + errors.did_you_mean(bad[0], known)
        )
    return names


@frozen
class Config:
    """Options of an extractor (also the spaCy component's config).

    Example:
        >>> Config(kinds=["direct"], min_confidence=0.6).kinds
        frozenset({'direct'})
    """

    kinds: frozenset[str] = field(default=ALL_KINDS, converter=_kinds)
    """Which quote kinds to return."""
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
        titles: TitleLexicon | None = None,
    ) -> None:
        self.nlp = nlp
        self.lexicon = lexicon
        self.patterns = tuple(patterns)
        self.config = config or Config()
        self.model_name = model_name
        # registry speaker_resolvers / boilerplate_detectors / title_lexicons; None is en.v1
        self.resolver = resolver or Resolver
        if titles is not None:
            try:
                accepts = "titles" in inspect.signature(self.resolver).parameters
            except (TypeError, ValueError):
                accepts = False
            if not accepts:
                raise errors.RuleError(
                    f"E022 the speaker resolver {self.resolver!r} takes no 'titles' argument, "
                    "so a title lexicon cannot be given with it"
                )
            self.resolver = functools.partial(self.resolver, titles=titles)
        self.boilerplate = tuple(boilerplate) if boilerplate is not None else None
        unknown = self.config.disabled_rules - CODE_RULES - {p.name for p in self.patterns}
        if unknown:
            first = sorted(unknown)[0]
            raise errors.RuleError(
                f"E015 cannot disable unknown rules {sorted(unknown)}: they are neither "
                "quotecraft's code rules nor in this extractor's patterns"
                + errors.did_you_mean(first, CODE_RULES | {p.name for p in self.patterns})
            )
        self.matcher = ReportedMatcher(nlp.vocab, lexicon, self.patterns)
        # same matches in the same order as spaCy's DependencyMatcher, several times faster
        self.matcher.matcher = FastDependencyMatcher(  # type: ignore[assignment]
            self.matcher.matcher, [r.name for r in self.patterns]
        )

    # -- single documents ---------------------------------------------------------------------

    def __call__(self, text: str, *, id: str | None = None) -> Article:
        """Extract the quotations of one text (plain text or HTML)."""
        seg = self._segment(text)
        doc = self._parse([seg])[0]
        _remember_text(doc, seg.normalized, check=True)
        return self.analyze(doc, seg, id=id)

    def _segment(self, text: str) -> Segmentation:
        if not isinstance(text, str):
            raise errors.InputTypeError.for_value(text)
        if self.config.max_chars is not None and len(text) > self.config.max_chars:
            raise errors.InputTooLargeError(
                f"E003 text of {len(text)} characters is over max_chars={self.config.max_chars}; "
                "raise the limit in Config or split the text"
            )
        return segment(text, html=self.config.html, boilerplate_patterns=self.boilerplate)

    def _chunks(self, text: str) -> list[tuple[int, int]]:
        limit = max(1000, min(self.config.chunk_chars, self.nlp.max_length))
        return split_for_parsing(text, limit)

    def _parse(
        self, segs: Sequence[Segmentation], *, batch_size: int = 32, n_process: int = 1
    ) -> list[Doc]:
        return list(self._parse_stream(iter(segs), batch_size=batch_size, n_process=n_process))

    def _parse_stream(
        self, segs: Iterator[Segmentation], *, batch_size: int = 32, n_process: int = 1
    ) -> Iterator[Doc]:
        """Parse a stream of segmented documents, long ones in pieces, in input order."""
        pending: list[tuple[int, int]] = []  # (doc number, number of pieces)

        def pieces() -> Iterator[str]:
            for n, seg in enumerate(segs):
                chunks = self._chunks(seg.normalized)
                pending.append((n, len(chunks)))
                for s, e in chunks:
                    yield seg.normalized[s:e]

        docs_iter = self.nlp.pipe(pieces(), batch_size=batch_size, n_process=n_process)
        buffer: list[Doc] = []
        for doc in docs_iter:
            buffer.append(doc)
            while pending and len(buffer) >= pending[0][1]:
                _, k = pending.pop(0)
                parts, buffer = buffer[:k], buffer[k:]
                if k == 0:
                    yield self.nlp.make_doc("")
                elif k == 1:
                    yield parts[0]
                else:
                    yield Doc.from_docs(parts, ensure_whitespace=False)
        while pending and pending[0][1] == 0:
            pending.pop(0)
            yield self.nlp.make_doc("")

    # -- the shared implementation -----------------------------------------------------------

    def analyze(
        self, doc: Doc, seg: Segmentation | None = None, *, id: str | None = None
    ) -> Article:
        """Run every stage after the parse on ``doc``.

        Args:
            doc: a parsed ``Doc`` whose text is ``seg.normalized`` (or the article text).
            seg: the segmentation of the text; computed from ``doc.text`` when omitted.
            id: the document id to put on the result.

        Raises:
            MissingAnnotationError: ``doc`` has no dependency parse.
        """
        if seg is None:
            doc_text = doc.text
            _remember_text(doc, doc_text)
            seg = segment(doc_text, html=False, boilerplate_patterns=self.boilerplate)
        if len(doc) and not doc.has_annotation("DEP"):
            raise errors.MissingAnnotationError(
                "E004 the Doc has no dependency parse: quotecraft needs a pipeline with a "
                "'parser' (and 'ner' for speaker names), and a blank or untrained one has "
                f"none: {errors.MODEL_HINT}."
            )
        text = seg.text
        warnings = list(seg.warnings)
        if len(seg.normalized) > self._chunks_limit():
            pieces = self._chunks(seg.normalized)
            how = limits.describe_cuts(seg.normalized, pieces)
            warnings.append(errors.W_SPLIT.format(n=len(text), k=len(pieces), how=how))
        if not looks_english(seg.normalized):
            warnings.append(errors.W_LANGUAGE)
        quotes: list[Quote] = []
        if len(doc):
            quotes = _renumber_speakers(self._quotes(doc, seg, warnings))
        speakers: dict[str, Any] = {}
        for q in quotes:
            if q.speaker is not None and q.speaker.id not in speakers:
                speakers[q.speaker.id] = q.speaker
        paragraphs = tuple(TextSpan(s, e, text[s:e]) for s, e in seg.paragraphs)
        boiler = tuple(TextSpan(s, e, text[s:e]) for s, e in seg.boilerplate)
        return Article(
            text=text,
            id=id,
            paragraphs=paragraphs,
            boilerplate=boiler,
            quotes=tuple(quotes),
            speakers=tuple(speakers.values()),
            warnings=tuple(dict.fromkeys(warnings)),
            is_html=seg.is_html,
        )

    def _chunks_limit(self) -> int:
        return max(1000, min(self.config.chunk_chars, self.nlp.max_length))

    def _quotes(self, doc: Doc, seg: Segmentation, warnings: list[str]) -> list[Quote]:
        norm = seg.normalized
        quoted = marks.find_quoted(norm, seg.paragraphs, skip=seg.boilerplate, warnings=warnings)
        index = TokenIndex(doc)
        direct_cands, fragments = direct.detect(doc, quoted, self.lexicon, index, seg.paragraphs)
        reported_cands = self.matcher(doc)
        reported_cands += colon_attributions(doc, seg.paragraphs)
        reported_cands += trailing_attributions(doc, self.lexicon)
        off = self.config.disabled_rules
        if off:
            # a standalone quote that may turn out to continue the previous speaker's is
            # decided in _records, where it gets its final rule name
            direct_cands = [c for c in direct_cands if c.rule not in off or c.inherits]
            reported_cands = [c for c in reported_cands if c.rule not in off]
        reported_cands = clip_to_paragraph(reported_cands, seg.paragraphs, direct._text(doc))
        reported_cands = drop_quoted_speakers(doc, reported_cands, direct_cands)
        cands = merge_local(direct_cands, reported_cands, fragments)
        cands = [c for c in cands if c.confidence >= self.config.min_confidence]
        # a Doc parsed with its boilerplate lines (the spaCy component) must not quote them
        cands = [c for c in cands if not any(s < c.end and c.start < e for s, e in seg.boilerplate)]
        return self._records(doc, seg, cands, index)

    def _records(
        self, doc: Doc, seg: Segmentation, cands: list[Candidate], index: TokenIndex
    ) -> list[Quote]:
        text = seg.text
        para_starts = [s for s, _ in seg.paragraphs] or [0]
        resolver = self.resolver(doc, [(c.start, c.end) for c in cands if c.kind == "direct"])
        sent_ids = _sent_ids(doc)
        # entity, sentence id, paragraph, and the mention that named it
        last: tuple[Entity, int, int, tuple[int, int] | None] | None = None
        out: list[Quote] = []
        for c in cands:
            para = max(0, bisect_right(para_starts, c.start) - 1)
            anchor = c.cue_token if c.cue_token is not None else index.at(c.start)
            sent = sent_ids[anchor] if len(sent_ids) else 0
            entity: Entity | None = None
            bounds = c.attribution.speaker
            if bounds is not None:
                gap = sent - last[1] if last is not None else 99
                entity, bounds = resolver.resolve(
                    bounds,
                    c.attribution.speaker_head,
                    last_speaker=last[0] if last is not None else None,
                    last_speaker_sent_gap=gap,
                )
            elif c.inherits and last is not None and para - last[2] <= 1:
                # a quote continuing the previous one: same speaker, named by the same mention
                entity, bounds = last[0], last[3]
                c.rule = c.rule.replace("standalone", "continuation")
            if c.rule in self.config.disabled_rules:
                continue  # switched off under its final name (standalone or continuation)
            speaker = resolver.record(entity, bounds, text) if entity is not None else None
            if entity is not None:
                last = (entity, sent, para, bounds)
            addressee = None
            if c.attribution.addressee is not None:
                a_ent, a_bounds = resolver.resolve(c.attribution.addressee, None)
                addressee = resolver.record(a_ent, a_bounds, text)
            kind = QuoteKind(c.kind)
            fragments: tuple[TextSpan, ...] = ()
            if c.pieces and (kind is QuoteKind.MIXED or len(c.pieces) > 1):
                fragments = tuple(TextSpan(s, e, text[s:e]) for s, e in c.pieces)
            cue = None
            if c.cue is not None:
                cs, ce = c.cue
                cue = Cue(cs, ce, text[cs:ce], c.cue_lemma or text[cs:ce].lower(), c.negated)
            out.append(
                Quote(
                    kind=kind,
                    content=TextSpan(c.start, c.end, text[c.start : c.end]),
                    fragments=fragments,
                    cue=cue,
                    speaker=speaker,
                    paragraph=para,
                    rule=c.rule,
                    confidence=round(min(1.0, max(0.0, c.confidence)), 3),
                    addressee=addressee,
                    medium=_char_span(doc, text, c.attribution.medium),
                    date=_char_span(doc, text, c.attribution.date),
                )
            )
        return [q for q in out if q.kind.value in self.config.kinds]

    # -- batches ------------------------------------------------------------------------------

    def pipe(
        self,
        items: Iterable[Any],
        *,
        batch_size: int = 32,
        n_process: int = 1,
    ) -> Iterator[Article | ErrorRecord]:
        """Extract from many documents, streaming results in input order.

        Items are strings, ``{"id": ..., "text": ...}`` dicts or ``(id, text)``
        tuples. A document that cannot be processed yields an
        :class:`~quotecraft.records.ErrorRecord` in its place; the batch goes on.

        With ``n_process`` > 1, on Linux, that many forked worker processes each run
        the whole pipeline on chunks of at most ``batch_size`` documents (8 at most)
        and send back the records (:mod:`quotecraft.workers`); elsewhere spaCy parses in ``n_process``
        processes and this process does the rest. The results are the same either way.
        """
        from collections import deque

        limits.check_batch(batch_size, n_process)
        if n_process > 1 and workers.available():
            # forked workers run the whole pipeline; only records come back
            numbered = (_unpack(item, n) for n, item in enumerate(items))
            yield from workers.pipe_processes(
                self, numbered, batch_size=batch_size, n_process=n_process
            )
            return
        queue: deque[tuple[str | None, Segmentation | ErrorRecord]] = deque()

        def segs() -> Iterator[Segmentation]:
            for n, item in enumerate(items):
                doc_id, text = _unpack(item, n)
                try:
                    seg = self._segment(text)
                except Exception as exc:  # isolate one bad document
                    queue.append((doc_id, ErrorRecord(doc_id, type(exc).__name__, str(exc))))
                    continue
                queue.append((doc_id, seg))
                yield seg

        docs = self._parse_stream(segs(), batch_size=batch_size, n_process=n_process)
        for doc in docs:
            while queue and isinstance(queue[0][1], ErrorRecord):
                yield queue.popleft()[1]  # type: ignore[misc]
            doc_id, seg = queue.popleft()
            assert isinstance(seg, Segmentation)
            _remember_text(doc, seg.normalized, check=True)
            try:
                yield self.analyze(doc, seg, id=doc_id)
            except Exception as exc:  # isolate one bad document
                yield ErrorRecord(doc_id, type(exc).__name__, str(exc))
        while queue:
            rec = queue.popleft()[1]
            if isinstance(rec, ErrorRecord):
                yield rec


def _renumber_speakers(quotes: list[Quote]) -> list[Quote]:
    """Speaker ids ``S1``, ``S2``, ... in order of first appearance in the quotes.

    Ids are stable for a given text and read naturally in the output, whatever
    order the resolver met the entities in.
    """
    ids: dict[str, str] = {}
    for q in quotes:
        for sp in (q.speaker, q.addressee):
            if sp is not None and sp.id not in ids:
                ids[sp.id] = f"S{len(ids) + 1}"
    out = []
    for q in quotes:
        speaker, addressee = _with_id(q.speaker, ids), _with_id(q.addressee, ids)
        if speaker is q.speaker and addressee is q.addressee:
            out.append(q)  # records are frozen: no copy needed when nothing changes
        else:
            out.append(attrs.evolve(q, speaker=speaker, addressee=addressee))
    return out


def _with_id(sp: Speaker | None, ids: dict[str, str]) -> Speaker | None:
    if sp is None or ids[sp.id] == sp.id:
        return sp
    return attrs.evolve(sp, id=ids[sp.id])


def _remember_text(doc: Doc, text: str, *, check: bool = False) -> None:
    """Hand ``doc.text`` to the stages that need it (spaCy rebuilds it on every access).

    With ``check``, only when ``text`` ends where the Doc's last token does.
    """
    if check and len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) != len(text):
        return
    cache = getattr(direct, "_TEXTS", None)
    if cache is not None:
        cache[doc] = text


def _unpack(item: Any, n: int) -> tuple[str | None, Any]:
    if isinstance(item, dict):
        doc_id = item.get("id")
        return (str(doc_id) if doc_id is not None else str(n)), item.get("text")
    if isinstance(item, tuple) and len(item) == 2:
        return str(item[0]), item[1]
    return str(n), item


def _sent_ids(doc: Doc) -> list[int]:
    from .speakers import _sentence_ids

    return _sentence_ids(doc)


def _char_span(doc: Doc, text: str, bounds: tuple[int, int] | None) -> TextSpan | None:
    if bounds is None:
        return None
    span = doc[bounds[0] : bounds[1]]
    return TextSpan(span.start_char, span.end_char, text[span.start_char : span.end_char])


def looks_english(text: str, sample: int = 5000) -> bool:
    """A cheap guess: do English function words make up a plausible share of the words?

    Text mostly in a non-Latin script is not English, however short; Latin-script
    text needs more English than French/German/Spanish/Italian/Dutch function words.

    Example:
        >>> looks_english("He said the vote was fair and that the city was ready.")
        True
        >>> looks_english("市长说：“我们将重建这座桥。”")
        False
    """
    head = text[:sample]
    # letters, and letters below U+0250 (Latin), counted without a Python loop over ASCII
    latin = len(head.encode("ascii", "ignore").translate(None, _ASCII_NON_LETTERS))
    n_letters = latin
    for ch in _NON_ASCII.findall(head):
        if ch.isalpha():
            n_letters += 1
            latin += ch < "\u0250"
    if n_letters >= 8 and latin < n_letters / 2:
        return False
    words = _WORD.findall(head.lower())
    if len(words) < 12:
        return True
    hits = sum(map(_EN_STOPWORDS.__contains__, words))
    foreign = sum(map(_FOREIGN_STOPWORDS.__contains__, words))
    return hits / len(words) >= 0.08 and hits > foreign


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ASCII_NON_LETTERS = bytes(c for c in range(128) if not chr(c).isalpha())


# function words of French, German, Spanish, Italian, Dutch, Scandinavian, Portuguese
# fmt: off
_FOREIGN_STOPWORDS = frozenset({
    "le", "la", "les", "des", "du", "une", "est", "nous", "vous", "elle", "sont", "dans", "pour",
    "avec", "que", "qui", "und", "der", "das", "ist", "nicht", "ein", "eine", "sie", "wir", "mit",
    "auf", "sich", "auch", "el", "los", "las", "del", "por", "una", "es", "con", "como", "pero",
    "il", "di", "che", "della", "sono", "gli", "het", "een", "niet", "dat", "zijn", "wij", "zei",
    "och", "att", "det", "ikke", "não", "uma",
})
# fmt: on


def split_for_parsing(text: str, limit: int) -> list[tuple[int, int]]:
    """Partition ``text`` into pieces of at most about ``limit`` characters.

    Cuts fall at paragraph breaks where possible, else at line breaks, sentence
    ends or spaces; the pieces cover the text exactly, in order.

    Example:
        >>> split_for_parsing("aa\\n\\nbb\\n\\ncc", 5)
        [(0, 4), (4, 8), (8, 10)]
    """
    if len(text) <= limit:
        return [(0, len(text))] if text else []
    out: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    while start < n:
        if n - start <= limit:
            out.append((start, n))
            break
        window_end = start + limit
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            k = text.rfind(sep, start + limit // 2, window_end)
            if k >= 0:
                cut = k + len(sep)
                break
        if cut <= start:
            cut = window_end
        out.append((start, cut))
        start = cut
    return out


def drop_quoted_speakers(
    doc: Doc, reported: list[Candidate], direct_cands: Sequence[Candidate]
) -> list[Candidate]:
    """Drop reported candidates whose speaker is a word inside a direct quote.

    ``Asked about the delay, she said, "We are doing our best."``: the parse hangs
    ``Asked`` on the quoted verb, whose subject ``We`` is the quoted person's word,
    not a source. (A cue inside a direct quote is dropped later, in :func:`merge`.)
    """
    spans = sorted((d.start, d.end) for d in direct_cands if d.kind == "direct")
    if not spans:
        return reported
    starts = [s for s, _ in spans]
    out = []
    for r in reported:
        head = r.attribution.speaker_head
        if head is not None and 0 <= head < len(doc):
            at = doc[head].idx
            k = bisect_right(starts, at) - 1
            if k >= 0 and spans[k][0] <= at < spans[k][1]:
                continue
        out.append(r)
    return out


def merge_local(
    direct_cands: list[Candidate], reported: list[Candidate], fragments: Sequence[marks.Quoted]
) -> list[Candidate]:
    """:func:`merge`, run on each group of candidates that can interact, in text order.

    Two candidates interact only when their extents (content, and a reported
    candidate's cue) overlap or touch, so merging each connected group alone gives
    :func:`merge`'s result in time linear in the number of groups, where one
    :func:`merge` of the whole document is quadratic in its number of quotes.
    """
    items: list[tuple[int, int, int, int]] = []  # (lo, hi, list, position in its list)
    for k, d in enumerate(direct_cands):
        items.append((d.start, d.end, 0, k))
    for k, r in enumerate(reported):
        cue = _cue_char(r)
        lo, hi = (min(r.start, cue), max(r.end, cue + 1)) if cue >= 0 else (r.start, r.end)
        items.append((lo, hi, 1, k))
    for k, f in enumerate(fragments):
        items.append((f.start, f.end, 2, k))
    items.sort()
    group: dict[tuple[int, int], int] = {}
    n_groups, reach = 0, -1
    for lo, hi, which, k in items:
        if lo > reach:
            n_groups += 1
        reach = max(reach, hi)
        group[which, k] = n_groups - 1
    parts: list[tuple[list[Candidate], list[Candidate], list[marks.Quoted]]] = [
        ([], [], []) for _ in range(n_groups)
    ]
    for k, d in enumerate(direct_cands):
        parts[group[0, k]][0].append(d)
    for k, r in enumerate(reported):
        parts[group[1, k]][1].append(r)
    for k, f in enumerate(fragments):
        parts[group[2, k]][2].append(f)
    return [c for d, r, f in parts for c in merge(d, r, f)]


def merge(
    direct_cands: list[Candidate], reported: list[Candidate], fragments: Sequence[marks.Quoted]
) -> list[Candidate]:
    """Combine the candidates of both detectors into disjoint quotes.

    - a reported candidate whose cue sits inside a direct quote is dropped (a
      thought inside someone's quoted words is not the article's attribution);
    - a reported candidate that wholly contains a direct quote plus words of its
      own becomes a mixed quote with the direct quote's pieces as fragments;
      otherwise the direct quote wins;
    - overlapping reported candidates keep the most confident, then the longest;
    - quoted fragments (scare quotes) inside a reported content make it mixed.
    """
    directs = list(direct_cands)
    kept_reported: list[Candidate] = []
    for r in sorted(reported, key=lambda c: (-c.confidence, -(c.end - c.start), c.start)):
        if any(d.start <= _cue_char(r) < d.end for d in directs if d.kind == "direct"):
            continue
        overlapping = [d for d in directs if d.overlaps(r)]
        if overlapping:
            for d in overlapping:
                if r.start <= d.start < r.end < d.end and d.end - r.end <= _QUOTE_REACH:
                    r.end = d.end  # the parse cut the content just inside the quoted words
            inside = all(r.contains(d.start, d.end) for d in overlapping)
            outside_words = _outside_words(r, overlapping)
            same_cue = all(d.cue_token is None or d.cue_token == r.cue_token for d in overlapping)
            # 'Asked about it, she said, "..."': the quote is the cue's own content; a
            # reported reading across the cue would only add the words before it
            own_quote = r.start <= _cue_char(r) < r.end and any(
                d.cue_token is not None and d.cue_token == r.cue_token for d in overlapping
            )
            if inside and outside_words >= 2 and same_cue and not own_quote:
                for d in overlapping:
                    directs.remove(d)
                    r.pieces.extend(d.pieces or [(d.start, d.end)])
                r.kind = "mixed"
            else:
                continue
        if any(k.overlaps(r) for k in kept_reported):
            continue
        kept_reported.append(r)
    for f in fragments:
        for r in kept_reported:
            if r.start <= f.start < r.end < f.end and f.end - r.end <= _FRAGMENT_REACH:
                r.end = f.end  # the parse cut the clause inside the quoted words: take them whole
            if r.contains(f.start, f.end):
                r.pieces.extend(f.pieces)
                r.kind = "mixed"
                break
    for d in directs:
        if d.kind == "mixed":
            for f in fragments:
                if d.contains(f.start, f.end) and f.pieces[0] not in d.pieces:
                    d.pieces.extend(f.pieces)
    allc = sorted([*directs, *kept_reported], key=lambda c: (c.start, c.end))
    for c in allc:
        c.pieces = sorted(set(c.pieces))
    out: list[Candidate] = []
    for c in allc:
        if out and out[-1].overlaps(c):
            if c.confidence > out[-1].confidence:
                out[-1] = c
            continue
        out.append(c)
    return out


_FRAGMENT_REACH = 200
"""Characters a reported content may grow by to take in a quoted fragment it opens."""

_QUOTE_REACH = 20
"""Characters a reported content may grow by to take in the end of a direct quote it opens."""


def _cue_char(c: Candidate) -> int:
    return c.cue[0] if c.cue is not None else -1


def _outside_words(r: Candidate, inner: Sequence[Candidate]) -> int:
    """Rough count of word characters runs in ``r`` outside the inner spans."""
    return max(0, (r.end - r.start - sum(d.end - d.start for d in inner)) // 6)
