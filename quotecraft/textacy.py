"""A drop-in for textacy's ``direct_quotations``, and all quotation kinds in the same shape.

Change one import::

    # from textacy.extract.triples import direct_quotations
    from quotecraft.textacy import direct_quotations

:func:`direct_quotations` takes the same argument (a parsed spaCy ``Doc``) and
yields the same ``DQTriple(speaker, cue, content)`` named tuples: ``speaker`` and
``cue`` are lists of spaCy tokens in text order, ``content`` is a ``Span`` that
includes its quotation marks. It never raises on an odd number of quotation
marks (textacy's gives up on the whole document): the unbalanced mark is
recovered from. :func:`quotations` gives indirect and mixed quotations too.

The tuples are textacy's own class (``textacy.extract.triples.DQTriple``) when
textacy is installed, else a named tuple of the same name and fields; textacy
is imported on the first call only, never by ``import quotecraft``.

Where the records come from: the quotes the quotecraft component stored on the
``Doc`` (``nlp.add_pipe("quotecraft")``), else quotecraft's packaged rules run on
the ``Doc`` as it is (no second parse). See ``docs/textacy.md``.
"""

from __future__ import annotations

import collections
import threading
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from .records import Quote, QuoteKind, TextSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token
    from spacy.vocab import Vocab

    from .extractor import Extractor

__all__ = ["DQTriple", "direct_quotations", "quotations", "triple_type"]

DQTriple = collections.namedtuple("DQTriple", ["speaker", "cue", "content"])
"""The triple used when textacy is not installed: same name, same fields as textacy's."""

_lock = threading.Lock()
_extractors: dict[int, Extractor] = {}


def triple_type() -> type:
    """textacy's ``DQTriple`` class when textacy is installed, else :data:`DQTriple`.

    Example:
        >>> triple_type().__name__, triple_type()._fields
        ('DQTriple', ('speaker', 'cue', 'content'))
    """
    try:
        from textacy.extract.triples import DQTriple as textacy_triple
    except ImportError:
        return DQTriple
    return textacy_triple


def _extractor(vocab: Vocab) -> Extractor:
    """quotecraft's packaged rules for Docs parsed elsewhere, one per vocab (a few kept)."""
    import spacy

    from .builder import build_extractor

    with _lock:
        ex = _extractors.get(id(vocab))
        if ex is None or ex.nlp.vocab is not vocab:
            ex = build_extractor(spacy.blank("en", vocab=vocab))
            if len(_extractors) >= 8:
                _extractors.pop(next(iter(_extractors)))
            _extractors[id(vocab)] = ex
        return ex


def _quotes(doc: Doc) -> tuple[Quote, ...]:
    from .component import USER_DATA_KEY, get_quotes

    if USER_DATA_KEY in doc.user_data:
        return get_quotes(doc)
    return _extractor(doc.vocab).analyze(doc).quotes


def _tokens(doc: Doc, span: TextSpan | None) -> list[Token]:
    if span is None or span.end <= span.start:
        return []
    found = doc.char_span(span.start, span.end, alignment_mode="expand")
    return list(found) if found is not None else []


def _with_marks(doc: Doc, span: Span) -> Span:
    """The span widened over the quotation marks right around it, as textacy's content is."""
    start, end = span.start, span.end
    if start > 0 and doc[start - 1].is_quote:
        start -= 1
    if end < len(doc) and doc[end].is_quote:
        end += 1
    return doc[start:end]


def quotations(
    doc: Doc,
    kinds: Iterable[str | QuoteKind] = ("direct", "indirect", "mixed"),
    *,
    attributed: bool = True,
) -> Iterator[Any]:
    """Quotations of ``doc`` of the given kinds as ``DQTriple(speaker, cue, content)``.

    Args:
        doc: a parsed spaCy ``Doc`` (with the quotecraft component or without).
        kinds: which kinds to give (``"direct"``, ``"indirect"``, ``"mixed"``).
        attributed: give only quotations with a speaker mention and a cue, as
            textacy does; ``False`` gives the rest too, with empty lists.

    Yields:
        In text order, one triple per quotation; a direct quotation split by its
        attribution gives one triple per quoted piece, as textacy does. For a
        direct quotation ``content`` includes the quotation marks; for reported
        speech it is the reported clause.

    Raises:
        MissingAnnotationError: ``doc`` has no dependency parse.
        RuleError: ``kinds`` names an unknown kind (E013).

    Example:
        >>> import spacy, quotecraft
        >>> nlp = spacy.load(quotecraft.model.resolve_model_name())
        >>> doc = nlp('"The ferry is late," said Captain Ida Roos. She added that it was fog.')
        >>> [(t.content.text, [w.text for w in t.speaker], [w.text for w in t.cue])
        ...  for t in quotations(doc)]
        [('"The ferry is late,"', ['Captain', 'Ida', 'Roos'], ['said']), ('it was fog', ['She'], ['added'])]
    """
    if isinstance(kinds, (str, QuoteKind)):
        kinds = [kinds]
    from .extractor import Config  # checks the kinds: E013 for an unknown one, as everywhere

    wanted = {QuoteKind(k) for k in Config(kinds=[str(k) for k in kinds]).kinds}
    triple = triple_type()
    out: list[tuple[int, int, Any]] = []
    for n, q in enumerate(_quotes(doc)):
        if q.kind not in wanted:
            continue
        speaker = _tokens(doc, q.speaker.mention if q.speaker is not None else None)
        cue = _tokens(doc, q.cue.span if q.cue is not None else None)
        if attributed and not (speaker and cue):
            continue
        pieces = q.fragments if q.kind is QuoteKind.DIRECT and q.fragments else (q.content,)
        for piece in pieces:
            span = doc.char_span(piece.start, piece.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            if q.kind is QuoteKind.DIRECT:
                span = _with_marks(doc, span)
            out.append(
                (
                    span.start,
                    n,
                    triple(
                        speaker=sorted(speaker, key=lambda t: t.i),
                        cue=sorted(cue, key=lambda t: t.i),
                        content=span,
                    ),
                )
            )
    out.sort(key=lambda item: (item[0], item[1]))
    for _, _, t in out:
        yield t


def direct_quotations(doc: Doc) -> Iterator[Any]:
    """A drop-in for ``textacy.extract.triples.direct_quotations``.

    Same argument, same output: ``DQTriple(speaker, cue, content)`` for each
    direct quotation with a speaker and a cue, ``speaker`` and ``cue`` lists of
    tokens, ``content`` the quoted ``Span`` with its quotation marks. Unlike
    textacy's, it never raises on an odd number of quotation marks, finds short
    quotes, and resolves ``he``/``she`` through :func:`quotecraft.extract`'s records
    (the tokens are still the mention in the text; ask :func:`quotations` or the
    records for the name).

    Example:
        >>> import spacy, quotecraft
        >>> nlp = spacy.load(quotecraft.model.resolve_model_name())
        >>> doc = nlp('"We are ready," Coach Remy Alba said. "The team is fit." He smiled. "Honest')
        >>> [(t.speaker, t.cue, t.content) for t in direct_quotations(doc)]
        [([Coach, Remy, Alba], [said], "We are ready,"), ([Coach, Remy, Alba], [said], "The team is fit.")]
    """
    return quotations(doc, kinds=("direct",))
