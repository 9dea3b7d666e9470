"""Transcripts: paragraphs that open with a speaker's label, each a turn of that speaker.

Rule ``direct.transcript.v1``. An interview or a debate printed as a transcript gives
each turn a paragraph of its own that opens with its speaker's label in capitals and a
colon, sometimes inside the quotation marks of a long quotation that opens a mark at each
paragraph and never closes it::

    Partial transcript:

    "HOST: Will you vote for the bill this week?

    "ALDER: Even then.

Each turn is a direct quote of its label, the words after the colon to the paragraph's
end, whatever they are (a verbless answer too). A document is read as a transcript only
when at least two such paragraphs carry at least two different labels, so one
``UPDATE:`` or ``CORRECTION:`` line is no turn (nor is a label of the ``headline_labels``
list). Quoted stretches inside a turn are its speaker's words, not quotes of their own.
:mod:`quotecraft.marks` ends a quotation carried over paragraphs where a turn begins
(:func:`~quotecraft.marks.opens_turn`).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from attrs import evolve, frozen

from .attribution import Attribution
from .candidates import Candidate
from .context import DocContext
from .marks import TURN_LABEL, Quoted
from .segment import Offsets
from .wordlists import word_list

RULE = "direct.transcript.v1"

_OPENING = "\"“„«‘'"
_CLOSING = "\"”»’'"
_DOUBLE_OPENING = "“„«"


@frozen
class Turn:
    """One turn: its opening mark (or None), label, colon and words (one piece a paragraph)."""

    mark: int | None
    label: Offsets
    colon: int
    pieces: tuple[Offsets, ...]

    @property
    def content(self) -> Offsets:
        return self.pieces[0][0], self.pieces[-1][1]


def find_turns(
    text: str, paragraphs: Sequence[Offsets], skip: Sequence[Offsets] = ()
) -> list[Turn]:
    """The turns of ``text``, or none when it is not a transcript (fewer than two
    labelled paragraphs, or a single label).

    A turn printed in quotation marks goes on over the paragraphs after it that reopen
    its mark without a label of their own (the multi-paragraph convention)."""
    labels_off = word_list("headline_labels")
    skipped = set(skip)
    turns: list[Turn] = []
    last: Turn | None = None  # the turn the previous paragraph belongs to
    for p_start, p_end in paragraphs:
        if (p_start, p_end) in skipped or p_start >= p_end:
            last = None
            continue
        mark = p_start if text[p_start] in _OPENING else None
        at = p_start + (mark is not None)
        m = TURN_LABEL.match(text, at, p_end)
        if m is not None and m.group("label").lower() in labels_off:
            m = None
        if m is None:
            if last is not None and mark is not None and _reopens(text, last, mark):
                piece = (at, _content_end(text, at, p_end, mark))
                turns[-1] = last = evolve(last, pieces=(*last.pieces, piece))
            else:
                last = None
            continue
        colon = text.index(":", m.end("label"), m.end())
        last = Turn(
            mark,
            (m.start("label"), m.end("label")),
            colon,
            ((m.end(), _content_end(text, m.end(), p_end, mark)),),
        )
        turns.append(last)
    if len(turns) < 2 or len({_name(text, t) for t in turns}) < 2:
        return []
    return turns


def _reopens(text: str, turn: Turn, mark: int) -> bool:
    """Whether the mark opening a paragraph reopens the quotation ``turn`` is printed in."""
    if turn.mark is None:
        return False
    a, b = text[turn.mark], text[mark]
    return a == b or (a in _DOUBLE_OPENING and b in _DOUBLE_OPENING)


def _content_end(text: str, start: int, end: int, mark: int | None) -> int:
    """The end of a turn's words in one paragraph: no trailing space, and no closing mark
    of the quotation the turns are printed in."""
    while end > start and text[end - 1].isspace():
        end -= 1
    if mark is not None and end - 1 > start and text[end - 1] in _CLOSING:
        end -= 1
    return end


def _name(text: str, turn: Turn) -> str:
    return text[turn.label[0] : turn.label[1]].upper()


def turn_candidates(ctx: DocContext, turns: Sequence[Turn]) -> list[Candidate]:
    """A direct candidate of rule ``direct.transcript.v1`` for each turn, its label the
    speaker and its colon the cue."""
    out = []
    for t in turns:
        label = ctx.doc.char_span(t.label[0], t.label[1], alignment_mode="expand")
        colon = ctx.index.at(t.colon)
        if label is None or not len(label):
            continue
        head = next((w for w in reversed(label) if not w.is_punct), label[-1])
        # the colon's text, not its token: 'ALDER:' may be read as one token
        out.append(
            Candidate(
                kind="direct",
                start=t.content[0],
                end=t.content[1],
                pieces=list(t.pieces) if len(t.pieces) > 1 else [],
                rule=RULE,
                confidence=0.8,
                cue=(t.colon, t.colon + 1),
                cue_lemma=":",
                cue_token=colon,
                cue_type="speech",
                attribution=Attribution(speaker=(label.start, label.end), speaker_head=head.i),
            )
        )
    return out


def outside_turns(quoted: Sequence[Quoted], turns: Sequence[Turn]) -> list[Quoted]:
    """The quoted stretches that are not part of a turn (the quotation a turn is printed
    in, or words its speaker quotes)."""
    if not turns:
        return list(quoted)
    spans = [(t.mark if t.mark is not None else t.label[0], t.content[1] + 1) for t in turns]
    return [q for q in quoted if not any(s <= q.open < e for s, e in spans)]


def split_turns(
    ctx: DocContext, quoted: Sequence[Quoted], disabled_rules: Collection[str] = ()
) -> tuple[list[Quoted], list[Candidate]]:
    """The quoted stretches outside any turn, and a candidate for each turn (none when
    ``direct.transcript.v1`` is in ``disabled_rules``)."""
    if RULE in disabled_rules:
        return list(quoted), []
    turns = find_turns(ctx.text, ctx.paragraphs, ctx.boilerplate)
    return outside_turns(quoted, turns), turn_candidates(ctx, turns)
