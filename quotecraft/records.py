"""Typed, immutable records: what quotecraft returns.

Every record holds plain values (strings, integers, tuples), never a spaCy
``Doc`` or ``Span``, so records pickle, compare and serialize cheaply. Every
span-like record satisfies ``text[span.start:span.end] == span.text`` for the
text the caller passed in (for HTML input: the extracted ``Article.text``).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from typing import Any

from attrs import field, frozen, validators


class QuoteKind(str, enum.Enum):
    """What kind of quotation a :class:`Quote` is.

    Example:
        >>> QuoteKind("mixed") is QuoteKind.MIXED, str(QuoteKind.DIRECT)
        (True, 'direct')
    """

    DIRECT = "direct"
    """The speaker's own words, inside quotation marks."""
    INDIRECT = "indirect"
    """Reported speech: a paraphrase with no quotation marks."""
    MIXED = "mixed"
    """Reported speech that contains some quoted words (see ``Quote.fragments``)."""

    def __str__(self) -> str:
        return self.value


class SpeakerKind(str, enum.Enum):
    """What kind of source a :class:`Speaker` is.

    Example:
        >>> [k.value for k in SpeakerKind]
        ['person', 'organization', 'group', 'unknown']
    """

    PERSON = "person"
    ORGANIZATION = "organization"
    GROUP = "group"
    """A group or an anonymous source: ``officials``, ``a source familiar with the matter``."""
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return self.value


class CueType(str, enum.Enum):
    """What a cue reports, so a user can keep speech and drop beliefs.

    Example:
        >>> [t.value for t in CueType]
        ['speech', 'writing', 'belief', 'intention', 'evidence']
    """

    SPEECH = "speech"
    """Said aloud or stated: ``said``, ``told``, ``according to``, a colon."""
    WRITING = "writing"
    """Written: ``wrote``, ``tweeted``, ``in a statement``."""
    BELIEF = "belief"
    """Thought or belief: ``believes``, ``thinks``, ``is convinced``."""
    INTENTION = "intention"
    """Intention or wish: ``wants to``, ``plans to``, ``vowed to``."""
    EVIDENCE = "evidence"
    """Evidence or perception: ``shows``, ``found``, ``suggests``."""

    def __str__(self) -> str:
        return self.value


class Resolution(str, enum.Enum):
    """How a speaker's name was found, from the most to the least direct evidence.

    Example:
        >>> Resolution("pronoun") is Resolution.PRONOUN
        True
    """

    NAMED = "named"
    """The mention at the quote is the name (``said Ann Lee``)."""
    SURNAME = "surname"
    """A surname or first name of a person named earlier (``Lee said``)."""
    DESCRIPTION = "description"
    """A description or title matching a person named earlier (``the mayor said``), the
    head word of a body's name met earlier (``the Council`` after ``Harlow Council``), a
    noun the body goes by (``the automaker``), or a document met earlier whose author the
    text named (``the statement said`` after ``Ann Lee said in a statement``)."""
    PRONOUN = "pronoun"
    """A pronoun resolved to an agreeing, salient antecedent (``she said``)."""
    CONTINUATION = "continuation"
    """A quote with no attribution that continues the previous speaker's."""
    TURN = "turn"
    """An unattributed quote in a dialogue, given to the speaker whose turn it is."""
    LINKED = "linked"
    """Named through a knowledge base the user registered."""
    UNRESOLVED = "unresolved"
    """No name in the text: ``name`` is the normalized mention (``officials``)."""

    def __str__(self) -> str:
        return self.value


def _check_span(instance: TextSpan, attribute: Any, value: int) -> None:
    if value < instance.start:
        raise ValueError(f"span end {value} is before its start {instance.start}")


def _check_text(instance: TextSpan, attribute: Any, value: str) -> None:
    if len(value) != instance.end - instance.start:
        raise ValueError(
            f"span text length {len(value)} does not match its offsets {instance.start}-{instance.end}"
        )


# Typed converters (attrs' mypy plugin cannot type a bare ``converter=tuple``).
def _spans(value: Iterable[TextSpan]) -> tuple[TextSpan, ...]:
    return tuple(value)


def _quotes(value: Iterable[Quote]) -> tuple[Quote, ...]:
    return tuple(value)


def _speakers(value: Iterable[Speaker]) -> tuple[Speaker, ...]:
    return tuple(value)


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _cue_type(value: str | None) -> CueType | None:
    return None if value is None else CueType(value)


def _resolution(value: str | None) -> Resolution | None:
    return None if value is None else Resolution(value)


@frozen
class TextSpan:
    """A stretch of the caller's text.

    Example:
        >>> text = "He said no."
        >>> TextSpan.of(text, 3, 7)
        TextSpan(start=3, end=7, text='said')
    """

    start: int = field(validator=validators.ge(0))
    """Offset of the first character in the caller's text."""
    end: int = field(validator=_check_span)
    """Offset one past the last character."""
    text: str = field(validator=_check_text)
    """Always equal to the caller's ``text[start:end]``."""

    @classmethod
    def of(cls, text: str, start: int, end: int) -> TextSpan:
        """Build the span ``text[start:end]``, clamping offsets into the text."""
        start = max(0, min(start, len(text)))
        end = max(start, min(end, len(text)))
        return cls(start, end, text[start:end])

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: TextSpan) -> bool:
        """True when ``other`` lies wholly inside this span."""
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: TextSpan) -> bool:
        """True when the two spans share at least one character."""
        return self.start < other.end and other.start < self.end


@frozen
class Cue:
    """The words that signal a quotation: ``said``, ``told``, ``according to``, a colon.

    Example:
        >>> import quotecraft
        >>> cue = quotecraft.extract("Lee did not say that the bridge would close.").quotes[0].cue
        >>> cue.text, cue.lemma, cue.negated
        ('say', 'say', True)
    """

    start: int = field(validator=validators.ge(0))
    """Offset of the first character of the cue."""
    end: int
    """Offset one past the last character of the cue."""
    text: str
    """The cue as written, e.g. ``"pointing out"``."""
    lemma: str
    """The cue's base form, e.g. ``"point out"``; ``":"`` or ``"—"`` for punctuation cues."""
    negated: bool = False
    """True when the cue is negated or denied (``did not say``, ``denied``)."""
    type: CueType | None = field(default=None, converter=_cue_type)
    """What the cue reports (speech, writing, belief, intention, evidence), when known."""

    @property
    def span(self) -> TextSpan:
        """The cue as a plain :class:`TextSpan`."""
        return TextSpan(self.start, self.end, self.text)


@frozen
class Link:
    """A speaker's entry in a knowledge base the user registered.

    Example:
        >>> Link(name="Ann Lee", id="Q000001")
        Link(name='Ann Lee', id='Q000001')
    """

    name: str
    """The canonical name in the knowledge base."""
    id: str
    """The knowledge base's identifier (a Wikidata QID, a staff id...)."""


@frozen
class Speaker:
    """Who said it: one entity of the article, resolved across its mentions.

    Example:
        >>> import quotecraft
        >>> sp = quotecraft.extract('"We won," said former Mayor Ann Lee.').quotes[0].speaker
        >>> sp.id, sp.name, sp.title, sp.kind.value, sp.mention.text
        ('S1', 'Ann Lee', 'former Mayor', 'person', 'former Mayor Ann Lee')
    """

    id: str
    """Stable within one article (``"S1"``, ``"S2"``...); shared by all quotes of one entity."""
    name: str | None
    """The best full name in the article (``"Jens Stoltenberg"``), else the normalized mention."""
    title: str | None = None
    """Title or role (``"former NATO Secretary-General"``), from anywhere in the article."""
    organization: str | None = None
    """Organization parsed out of the title or apposition (``"NATO"``)."""
    kind: SpeakerKind = field(default=SpeakerKind.UNKNOWN, converter=SpeakerKind)
    """Person, organization, group/anonymous or unknown."""
    mention: TextSpan | None = None
    """The words naming the speaker at this quote (``"he"``, ``"Stoltenberg"``)."""
    resolution: Resolution | None = field(default=None, converter=_resolution)
    """How ``name`` was found from ``mention`` (named, surname, pronoun...)."""
    name_mention: TextSpan | None = None
    """The mention that supplied ``name`` (may be in an earlier sentence than ``mention``)."""
    members: tuple[str, ...] = field(default=(), converter=_strings)
    """For a group of named speakers (``said Ann and Bo Lee``), each member's name."""
    link: Link | None = None
    """The knowledge-base entry, when one was registered and the text agrees with it."""


@frozen
class Quote:
    """One attribution: who said what, with which cue, where in the text.

    Example:
        >>> import quotecraft
        >>> q = quotecraft.extract('"No," she said.').quotes[0]
        >>> q.kind.value, q.content.text, q.cue.lemma
        ('direct', 'No,', 'say')
    """

    kind: QuoteKind = field(converter=QuoteKind)
    """Direct, indirect or mixed."""
    content: TextSpan
    """What was said, quotation marks excluded. For a split or multi-paragraph direct
    quote this runs from the first quoted word to the last (``fragments`` has the pieces)."""
    fragments: tuple[TextSpan, ...] = field(default=(), converter=_spans)
    """The quoted pieces: the parts of a split or multi-paragraph direct quote, or the
    quoted words inside a mixed quote. Empty for an indirect quote or a one-piece quote."""
    cue: Cue | None = None
    """The cue (``said``/``say``), if one was found."""
    speaker: Speaker | None = None
    """Who said it, if known."""
    paragraph: int = 0
    """Index into ``Article.paragraphs`` of the paragraph where the content starts."""
    rule: str = "unknown"
    """Name of the rule that produced this record (``"direct.cue_after.v1"``...)."""
    confidence: float = field(default=1.0, validator=[validators.ge(0.0), validators.le(1.0)])
    """How sure the rule is, from 0 to 1. Belief and intention cues score lower."""
    addressee: Speaker | None = None
    """Whom it was said to (``told President Trump``), when the text says."""
    medium: TextSpan | None = None
    """Where it was said (``in a Facebook post``, ``in an interview with X``)."""
    date: TextSpan | None = None
    """When it was said, as written in the attribution (``on Monday, December 2nd``)."""

    @property
    def words(self) -> str:
        """The quoted words a person reads, without the attribution.

        For a direct quote split by its attribution, the pieces joined by a space; for
        a report whose attribution interrupts its content (``The fire, officials said,
        started in the kitchen``), the content without the attribution between its
        commas or dashes; otherwise the content.

        Example:
            >>> import quotecraft
            >>> q = quotecraft.extract('"I am tired," she said. "Very tired."').quotes[0]
            >>> q.words
            'I am tired, Very tired.'
            >>> quotecraft.extract("The fire, officials said, started in the kitchen.").quotes[0].words
            'The fire started in the kitchen'
            >>> quotecraft.extract("The fire, in Ann Roos's words, was a warning.").quotes[0].words
            'The fire was a warning'
        """
        if self.kind is QuoteKind.DIRECT and len(self.fragments) > 1:
            return " ".join(f.text for f in self.fragments)
        return _without_interposed(self)


_ASIDE_OPEN = (",", "—", "–", "(")
_ASIDE_CLOSE = (",", "—", "–", ")")
_RELATIVE_LEAD = re.compile(r"\s*(?:who|whom|whose|which)\b", re.IGNORECASE)


def _short_gap(gap: str) -> bool:
    """Words between a cue and its source's mention that belong to the attribution: a
    few words (``her aunt,``) with no quotation mark or sentence end."""
    return len(gap.split()) <= 4 and not any(c in gap for c in '"“”‘’.;:!?')


def _without_interposed(q: Quote) -> str:
    """The content of ``q`` without an attribution that interrupts it: the stretch from
    the comma or dash before the speaker (or the cue) to the one after the cue. Quoted
    pieces are never cut, and without such a pair of marks the content is kept whole."""
    text, start = q.content.text, q.content.start
    if q.cue is None or not (start < q.cue.start and q.cue.end < q.content.end):
        return text
    lo = q.cue.start
    mention = q.speaker.mention if q.speaker is not None else None
    if mention is not None and start < mention.start < lo:
        lo = mention.start
    hi = q.cue.end
    # ", in the words of its owner, Ann Roos,": the source (and its name) follow the cue
    named = q.speaker.name_mention if q.speaker is not None else None
    for m in sorted((m for m in (mention, named) if m is not None), key=lambda m: m.start):
        gap = q.content.text[hi - start : m.start - start]  # "her aunt, " before the name
        if hi <= m.start and m.end < q.content.end and _short_gap(gap):
            hi = m.end
    # what the attribution says besides: 'told parliament on Monday in a statement,'
    told = q.addressee.mention if q.addressee is not None else None
    parts = sorted((p.start, p.end) for p in (q.date, q.medium, told) if p is not None)
    for p_start, p_end in parts:
        if hi <= p_start <= hi + 4 and p_end < q.content.end:
            hi = p_end
    cut_from = max(text.rfind(m, 0, lo - start) for m in _ASIDE_OPEN)
    ends = [k for k in (text.find(m, hi - start) for m in _ASIDE_CLOSE) if k >= 0]
    if cut_from <= 0 or not ends:
        return text
    cut_to = first = min(ends) + 1
    while _RELATIVE_LEAD.match(text, cut_to):  # "two officials, who spoke ..., would"
        ends = [k for k in (text.find(m, cut_to) for m in _ASIDE_CLOSE) if k >= 0]
        if not ends:
            return text
        cut_to = min(ends) + 1
    lead = text[cut_from + 1 : lo - start].strip().lower()  # "in" of ", in Pike's words,"
    if (lead and lead != "in") or not _short_gap(text[hi - start : first - 1]):
        return text  # other words share the aside: not just the attribution (a few words
        # of its circumstances may follow the cue: 'said earlier in the hearing,')
    if any(f.start - start < cut_to and cut_from < f.end - start for f in q.fragments):
        return text
    return text[:cut_from].rstrip() + " " + text[cut_to:].lstrip()


@frozen
class Article:
    """The result of :func:`quotecraft.extract` for one document.

    Example:
        >>> import quotecraft
        >>> art = quotecraft.extract('"Never again," she said.')
        >>> len(art.quotes), art.paragraphs[0].text
        (1, '"Never again," she said.')
    """

    text: str
    """The text every offset indexes: the input itself, or the text extracted from HTML."""
    id: str | None = None
    """The document's id when it came with one (batch input, JSON Lines), else None."""
    paragraphs: tuple[TextSpan, ...] = field(default=(), converter=_spans)
    """The paragraphs, in order, boilerplate included."""
    boilerplate: tuple[TextSpan, ...] = field(default=(), converter=_spans)
    """Spans judged not to be article text (newsletter prompts, share lines, credits)."""
    quotes: tuple[Quote, ...] = field(default=(), converter=_quotes)
    """The quotations, in text order."""
    speakers: tuple[Speaker, ...] = field(default=(), converter=_speakers)
    """The speakers of the quotes, one per entity, in order of first quote;
    ``mention`` is the first mention of the entity in the article."""
    warnings: tuple[str, ...] = field(default=(), converter=_strings)
    """Coded notes about messy input that was recovered from (``W001 unbalanced ...``)."""
    is_html: bool = False
    """True when the input was HTML and ``text`` is the text extracted from it."""

    # Jupyter's view, Article._repr_html_, is set by quotecraft.render (which imports this
    # module, not the other way round): the render view as an HTML fragment.


@frozen
class ErrorRecord:
    """Stands in for a document that could not be processed, so a batch goes on.

    Yielded by :func:`quotecraft.extract_many` in the failed document's place.

    Example:
        >>> import quotecraft
        >>> [err] = quotecraft.extract_many([b"raw bytes"])
        >>> err.id, err.type
        ('0', 'InputTypeError')
    """

    id: str | None
    """The document's id, or its position in the batch as a string."""
    type: str
    """The exception's class name, e.g. ``"InputTypeError"``."""
    message: str
    """What went wrong and what to do about it."""
