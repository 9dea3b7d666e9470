"""Merging: the candidates of both detectors into disjoint quotes.

Direct detection (:mod:`quotecraft.direct`) and reported detection
(:mod:`quotecraft.reported`) each propose candidates; here a reported candidate
whose speaker is a quoted word is dropped (:func:`drop_quoted_speakers`), a
reported candidate that takes in a direct quote or a quoted fragment becomes a
mixed quote, and overlaps are settled (:func:`merge`), group by group of
candidates that touch (:func:`merge_local`). :func:`merge_candidates` is the stage:
those steps in order, on one document.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Collection, Sequence
from itertools import pairwise

from attrs import evolve
from spacy.tokens import Doc

from .candidates import Candidate
from .context import DocContext
from .direct_bare import BEAT_RULE, unbeaten
from .marks import Quoted
from .reported_blocks import BLOCK_RULE
from .reported_passes import (
    INFINITIVE_RULE,
    OBJECT_RULES,
    balance_marks,
    clip_to_paragraph,
    drop_across_stops,
    drop_time_clauses,
    reports_quote,
    take_in_opened_quotes,
)

Nested = Callable[[Candidate, Candidate], bool]
"""Whether a direct quote (second) is reported in a reported candidate's content (first)."""


def merge_candidates(
    ctx: DocContext,
    direct_cands: list[Candidate],
    reported_cands: list[Candidate],
    fragments: list[Quoted],
    disabled_rules: Collection[str] = (),
    min_confidence: float = 0.0,
) -> list[Candidate]:
    """Disjoint candidates at or above ``min_confidence``, none in a boilerplate line.

    Candidates of ``disabled_rules`` are dropped first, so another rule may take their
    place (but for a standalone quote that may continue the previous speaker's: it gets
    its final rule name when the records are built). Reported contents are then kept
    inside their cue's paragraph and their quotation marks paired, and a content a colon
    or semicolon cuts off from its cue is dropped, as is a time clause after a direct
    quote's cue (:mod:`quotecraft.reported_passes`), a reported candidate whose speaker is
    a quoted word (:func:`drop_quoted_speakers`), an object reading of a direct quote's
    cue (:func:`drop_described_objects`) and a content that holds the
    attribution of a direct quote before it (:func:`drop_swallowed_attributions`). A reported candidate of kind ``direct`` (a
    passive's content wholly in marks: ``described as "reckless" by X``) joins the
    direct ones.
    """
    direct_cands = direct_cands + [c for c in reported_cands if c.kind == "direct"]
    reported_cands = [c for c in reported_cands if c.kind != "direct"]
    if disabled_rules:
        if BEAT_RULE in disabled_rules:  # without its beat, the quote stands alone
            direct_cands = [unbeaten(c) if c.rule == BEAT_RULE else c for c in direct_cands]
        direct_cands = [c for c in direct_cands if c.rule not in disabled_rules or c.inherits]
        reported_cands = [c for c in reported_cands if c.rule not in disabled_rules]
    reported_cands = clip_to_paragraph(reported_cands, ctx.paragraphs, ctx.text)
    reported_cands = balance_marks(reported_cands, ctx.text)
    reported_cands = drop_across_stops(reported_cands, ctx.text)
    reported_cands = drop_time_clauses(reported_cands, direct_cands, ctx.text)
    reported_cands = drop_quoted_speakers(ctx.doc, reported_cands, direct_cands)
    reported_cands = drop_described_objects(reported_cands, direct_cands)
    reported_cands = drop_swallowed_attributions(reported_cands, direct_cands)
    reported_cands = take_in_opened_quotes(ctx.doc, ctx.text, reported_cands, direct_cands)
    doc = ctx.doc
    cands = merge_local(
        direct_cands,
        reported_cands,
        fragments,
        lambda r, d: reports_quote(doc, r, d),
    )
    cands = [c for c in cands if c.confidence >= min_confidence]
    # a Doc parsed with its boilerplate lines (the spaCy component) must not quote them
    return [c for c in cands if not any(s < c.end and c.start < e for s, e in ctx.boilerplate)]


def drop_quoted_speakers(
    doc: Doc, reported: list[Candidate], direct_cands: Sequence[Candidate]
) -> list[Candidate]:
    """Drop reported candidates whose speaker is a word inside a direct quote.

    ``Asked about the delay, she said, "We are doing our best."``: the parse hangs
    ``Asked`` on the quoted verb, whose subject ``We`` is the quoted person's word,
    not a source. (A cue inside a direct quote is dropped later, in :func:`merge`.)
    """
    # the quoted words only: a split quote's attribution between its pieces names a source
    spans = sorted(
        piece
        for d in direct_cands
        if d.kind == "direct"
        for piece in (d.pieces if len(d.pieces) > 1 else [(d.start, d.end)])
    )
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


def drop_described_objects(
    reported: list[Candidate], direct_cands: Sequence[Candidate]
) -> list[Candidate]:
    """Drop object readings (:func:`object_reading`) of the cue of a direct quote: a cue
    has one content, and the quotation is it.

    ``"Unacceptable," was how one parent described the decision``: the quote is what was
    said, the object what it was said of; ``"Where is the rent?" the landlord demanded to
    know``: the infinitive is part of the attribution. An object reading that holds or
    touches the quote itself (``accused the minister of "recklessness"``) stays.
    """
    quoted: dict[int, list[Candidate]] = {}
    for d in direct_cands:
        if d.kind in ("direct", "mixed") and d.cue_token is not None:
            quoted.setdefault(d.cue_token, []).append(d)
    if not quoted:
        return reported
    return [
        r
        for r in reported
        if r.cue_token not in quoted
        or not object_reading(r)
        or any(d.start <= r.end and r.start <= d.end for d in quoted[r.cue_token])
    ]


_OBJECT_READINGS = frozenset({*OBJECT_RULES, INFINITIVE_RULE, "reported.object_as.v1"})


def object_reading(c: Candidate) -> bool:
    """A report whose content is its cue's object, prepositional object or infinitive
    (``criticized the plan``, ``griped about the food``, ``vowed to stay``)."""
    return c.rule in _OBJECT_READINGS or c.rule.startswith("reported.prep_")


def drop_swallowed_attributions(
    reported: list[Candidate], direct_cands: Sequence[Candidate]
) -> list[Candidate]:
    """Drop reported contents that hold the cue of a direct quote standing before them.

    ``"You winning?" she said, but Kevin was asleep, and Mara said yes``: the parser
    makes ``she said, but Kevin was asleep`` a complement of the second ``said``; its
    first words are the attribution of the quote before, not what Mara said. (A content
    that holds a quote with its attribution, ``..., Barrett said, "we were floored."``,
    stays.)
    """
    cues = [(d.cue[0], d.end) for d in direct_cands if d.kind == "direct" and d.cue is not None]
    if not cues:
        return reported
    return [
        r for r in reported if not any(r.start <= at < r.end and end <= r.start for at, end in cues)
    ]


def merge_local(
    direct_cands: list[Candidate],
    reported: list[Candidate],
    fragments: Sequence[Quoted],
    nested: Nested | None = None,
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
    parts: list[tuple[list[Candidate], list[Candidate], list[Quoted]]] = [
        ([], [], []) for _ in range(n_groups)
    ]
    for k, d in enumerate(direct_cands):
        parts[group[0, k]][0].append(d)
    for k, r in enumerate(reported):
        parts[group[1, k]][1].append(r)
    for k, f in enumerate(fragments):
        parts[group[2, k]][2].append(f)
    return [c for d, r, f in parts for c in merge(d, r, f, nested)]


def merge(
    direct_cands: list[Candidate],
    reported: list[Candidate],
    fragments: Sequence[Quoted],
    nested: Nested | None = None,
) -> list[Candidate]:
    """Combine the candidates of both detectors into disjoint quotes.

    - a reported candidate whose cue sits inside a direct quote is dropped (a
      thought inside someone's quoted words is not the article's attribution);
    - a reported candidate that wholly contains a direct quote plus words of its
      own becomes a mixed quote with the direct quote's pieces as fragments, when the
      quote has the same cue or none, or ``nested`` says its cue is in the reported
      content's clause (``Lynch said she recalled thinking, "..."`` reports the whole);
      otherwise the direct quote wins;
    - overlapping reported candidates keep the most confident, then the longest, except
      that one whose content holds another's cue and content whole wins over it
      (``X said that Y told Z that ...``: the outer attribution reports the whole);
    - quoted fragments (scare quotes) inside a reported content make it mixed;
    - a report in the attribution between a split quote's pieces stays beside the
      quote (:func:`in_gap`).

    The candidates given are left as they are: those returned are new.
    """
    directs = [evolve(d, pieces=list(d.pieces)) for d in direct_cands]
    reported = [evolve(r, pieces=list(r.pieces)) for r in reported]
    kept_reported: list[Candidate] = []
    for r in sorted(reported, key=lambda c: (-c.confidence, -(c.end - c.start), c.start)):
        if any(
            d.start <= _cue_char(r) < d.end and not in_gap(d, r)
            for d in directs
            if d.kind == "direct"
        ):
            continue
        overlapping = [d for d in directs if d.overlaps(r) and not in_gap(d, r)]
        if overlapping:
            for d in overlapping:
                if r.start <= d.start < r.end < d.end and d.end - r.end <= _QUOTE_REACH:
                    r.end = d.end  # the parse cut the content just inside the quoted words
            inside = all(r.contains(d.start, d.end) for d in overlapping)
            outside_words = _outside_words(r, overlapping)
            same_cue = all(
                d.cue_token is None
                or d.cue_token == r.cue_token
                or (nested and nested(r, d))
                or _in_block(r, d)
                for d in overlapping
            )
            # 'Asked about it, she said, "..."': the quote is the cue's own content; a
            # reported reading across the cue would only add the words before it
            own_quote = r.start <= _cue_char(r) < r.end and any(
                d.cue_token is not None and d.cue_token == r.cue_token for d in overlapping
            )
            if inside and same_cue and _attribution_tail(r, overlapping):
                continue  # the words after the quote are its speaker's, not what was said
            if inside and outside_words >= 2 and same_cue and not own_quote:
                for d in overlapping:
                    directs.remove(d)
                    r.pieces.extend(d.pieces or [(d.start, d.end)])
                r.kind = "mixed"
            else:
                if inside and outside_words < 2 and len(overlapping) == 1:
                    _lend_attribution(r, overlapping[0])
                continue
        clashing = [k for k in kept_reported if k.overlaps(r)]
        if clashing and all(_relays(k, r) for k in clashing):
            # 'X said A, according to a note': the unsigned document relays X's report
            for k in clashing:
                kept_reported.remove(k)
            clashing = []
        if clashing and all(_nests(r, k) for k in clashing):
            # an attribution whose content holds another attribution whole ('X said that
            # Y told Z that ...') reports the whole: the outer one is kept
            for k in clashing:
                kept_reported.remove(k)
                r.pieces.extend(k.pieces)  # direct quotes the inner one took in
                if k.kind == "mixed":
                    r.kind = "mixed"
            clashing = []
        if clashing:
            continue
        kept_reported.append(r)
    for f in fragments:
        for r in kept_reported:
            # 'According to X, "A. B."': the content opens with the quoted words, which
            # are all of it, however long (not marks paired across its own cue)
            opens = f.open <= r.start <= f.start and not r.end <= _cue_char(r) < f.end
            if r.start <= f.start < r.end < f.end and (opens or f.end - r.end <= _FRAGMENT_REACH):
                r.end = f.outer_end  # the parse cut the clause inside the quoted words:
                # take them whole, with their closing mark
            if r.contains(f.start, f.end):
                r.pieces.extend(f.pieces)
                r.kind = "mixed"
                if _wholly_quoted(r, f):  # 'According to her coach, "..."': direct
                    r.kind, r.start, r.end, r.pieces = "direct", f.start, f.end, list(f.pieces)
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
        clash = next((o for o in reversed(out) if o.overlaps(c) and not in_gap(o, c)), None)
        if clash is not None:
            if c.confidence > clash.confidence:
                out[out.index(clash)] = c
            continue
        out.append(c)
    return out


def _in_block(block: Candidate, quote: Candidate) -> bool:
    """A quote whose attribution is part of a block quotation's passage (``X wrote:`` and
    the next paragraph, rule ``reported.block.v1``): the passage is X's words, the quote
    in it too."""
    return (
        block.rule == BLOCK_RULE
        and quote.cue is not None
        and block.start <= quote.cue[0] < block.end
    )


def in_gap(quote: Candidate, other: Candidate) -> bool:
    """Whether ``other``'s cue and content lie in the attribution between two quoted pieces
    of the direct quote ``quote``: ``"A," a spokeswoman said, adding that crews were
    working. "B."`` keeps the report of *adding* beside the quote of *said*, one of the
    few places where two quotes overlap (PolNeAR annotates both)."""
    if quote.kind != "direct" or len(quote.pieces) < 2 or other.kind == "direct":
        return False
    lo = min(other.start, _cue_char(other) if other.cue is not None else other.start)
    hi = max(other.end, other.cue[1] if other.cue is not None else other.end)
    pieces = sorted(quote.pieces)
    return any(a[1] <= lo and hi <= b[0] for a, b in pairwise(pieces))


def _lend_attribution(r: Candidate, d: Candidate) -> None:
    """Give direct quote ``d``, found with no speaker, the attribution of the reported
    candidate ``r`` whose content is ``d`` and nothing more (``In the words of her coach:
    "..."``): the phrase names who said the quoted words; the rule is ``r``'s."""
    if d.attribution.speaker is not None or r.attribution.speaker is None:
        return
    d.attribution = r.attribution
    d.cue, d.cue_lemma, d.cue_token, d.cue_type = r.cue, r.cue_lemma, r.cue_token, r.cue_type
    d.rule, d.confidence, d.inherits = r.rule, max(d.confidence, r.confidence), False


def _wholly_quoted(r: Candidate, f: Quoted) -> bool:
    """Whether the content of ``r`` is the quoted stretch ``f``, marks and all, and
    nothing else (its trailing punctuation is trimmed before)."""
    return f.close is not None and f.open <= r.start <= f.start and f.end <= r.end <= f.close + 1


_FRAGMENT_REACH = 200
"""Characters a reported content may grow by to take in a quoted fragment it opens."""

_QUOTE_REACH = 20
"""Characters a reported content may grow by to take in the end of a direct quote it opens."""


_MEDIUM_REACH = 15
"""Characters of an object content before an inner cue that name only where something
was said (``issued a statement saying ...``), not what."""


def _nests(outer: Candidate, inner: Candidate) -> bool:
    """Whether ``outer``'s content holds ``inner``'s cue and content, as a report of a report
    (``X said that Y told Z that ...``), not as the medium of the inner report: an object
    reading like ``issued [a statement saying the report was false]`` does not nest the
    ``saying`` report, whose content is what the statement says."""
    if inner.cue is None or outer.cue is None:
        return False
    if not (
        outer.start <= inner.start
        and inner.end <= outer.end
        and outer.start <= inner.cue[0]
        and inner.cue[1] <= outer.end
    ):
        return False
    if outer.rule == INFINITIVE_RULE:
        return False  # "refused to pay an architect who said ...": an act, not a report of one
    if _relays(outer, inner):
        return False
    medium = outer.rule in OBJECT_RULES or outer.rule.startswith("reported.prep_")
    return not (medium and inner.cue[0] - outer.start <= _MEDIUM_REACH)


_CLAUSE_RULES = (
    "reported.ccomp.v1",
    "reported.ccomp_that.v1",
    "reported.parataxis.v1",
    "reported.aside.v1",
)


def _relays(outer: Candidate, inner: Candidate) -> bool:
    """Whether ``outer`` is an *according to* an unsigned document (``according to a note
    to clients``) holding ``inner``, a report with a speaker of its own (``The bank said
    prices will rise, according to a note to clients``): the document is where the
    bank's report was read, and the report, with its speaker, is the quote."""
    return (
        outer.rule == "reported.according_to.v1"
        and outer.attribution.unsigned
        and inner.rule in _CLAUSE_RULES  # not 'two directors opposed [the sale]'
        and inner.attribution.speaker is not None
        and inner.cue is not None
        and outer.start <= inner.cue[0]
        and inner.end <= outer.end
    )


def _cue_char(c: Candidate) -> int:
    return c.cue[0] if c.cue is not None else -1


def _outside_words(r: Candidate, inner: Sequence[Candidate]) -> int:
    """Rough count of word characters runs in ``r`` outside the inner spans."""
    return max(0, (r.end - r.start - sum(d.end - d.start for d in inner)) // 6)


def _attribution_tail(r: Candidate, inner: Sequence[Candidate]) -> bool:
    """Whether ``r`` is the quotes ``inner`` plus words between them and ``r``'s cue after
    them: ``"A," chief financial officer Dana Whitlock said`` with the title read as part
    of the content (a conjunct of its verb). Those words belong to the attribution."""
    cue = _cue_char(r)
    return r.start >= min(d.start for d in inner) - 2 and max(d.end for d in inner) < r.end <= cue
