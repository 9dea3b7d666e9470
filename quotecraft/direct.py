"""Stage 2a: decide which quoted stretches are direct speech, and attach their cues.

A quoted stretch (from :mod:`quotecraft.marks`) becomes a direct quote when an
attribution stands next to it (``"...," X said``, ``X said: "..."``, a colon
lead-in, a dash attribution, ``That was the view of X.``) or when it stands as
a sentence of its own (then it continues the previous speaker). Everything else
(scare quotes, titles, quoted words inside a sentence) is returned as a
*fragment*, which reported speech may take in as part of a mixed quote.

Rules (``Quote.rule``):

- ``direct.cue_after.v1``: ``"We will," she said.`` / ``"We will," said Smith.``
- ``direct.cue_before.v1``: ``Smith said: "We will."`` / ``He told reporters, "..."``; also
  when ``Smith said:`` ends the paragraph before the quote's own, and before a cue after
  the quote (``I said, "A," and he said, "B."``: the words after A lead into B)
- ``direct.inverted.v1``: ``"You're late," snapped the coach.``: a verb the lexicon lacks,
  right after the quote, before its speaker
- ``direct.split.v1``: ``"We need a line," he said, "and we need it now."``
- ``direct.colon.v1``: ``The minister was blunt: "..."``
- ``direct.according_to.v1``: ``"We will appeal," according to the family's lawyer.``
- ``direct.dash.v1``: ``"..." — Commissioner Jane Roe``
- ``direct.reply_noun.v1``: ``"Absolutely not," was the reply from the ministry.``
- ``direct.view_of.v1``: a quote paragraph followed by ``That was the view of X.``
- ``direct.beat.v1``: ``Ann Lee put down the phone. "They said yes."``: no cue, but the
  sentence just before names who acts, and so speaks.
- ``direct.standalone.v1``: a quoted sentence or paragraph with no cue of its own.
- ``mixed.cue_after.v1``: ``... there are "other ways," Stoltenberg added.`` (quoted words
  inside a longer reported sentence with a cue after it).
- ``mixed.interposed.v1``: ``The bill, its sponsor argued, "would put families first."``:
  the quoted words finish a clause begun before an interposed attribution, so the quote
  runs from the clause's start (as ``reported.parataxis.v1`` reads ``The bill, she
  argued, would ...``).
- ``mixed.clause_before.v1``: ``She told an interviewer that she had "never owned a
  television."``: a clause begun after the cue, whose subject stands before the mark and
  whose verb is quoted, so the quote runs from the subject.

The rules with no attribution verb (colon, dash, view of, standalone) live in
:mod:`quotecraft.direct_bare`.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from .aside_participles import participle_aside
from .attribution import Attribution, mention_bounds
from .candidates import Candidate, TokenIndex
from .context import DocContext
from .cues import CueLexicon
from .direct_bare import dash, make_candidate, reply_noun, reply_noun_before, standalone
from .direct_colon import colon
from .direct_naming import leads_in, names_object, naming
from .direct_splits import (
    continues_after_attribution,
    cue_follows,
    dash_after,
    joining_words,
    lend_open_paragraphs,
    paused_between,
    set_off_by_dashes,
    split_across_apposition,
    words_follow,
)
from .direct_subjects import (
    QUOTE_OPENERS,
    according_to_after,
    closes_relative_clause,
    cue_after_long_subject,
    in_subject_relative,
    interposed_lead,
    inverted_attribution,
    inverted_speaker,
    keep_speaker_outside,
    phrase_before,
    puts_it,
    quoted_subject,
    speaker_outside_quote,
)
from .direct_windows import (
    DASHES,
    after_window,
    before_window,
    cue_reach,
    lead_in_window,
    para_start,
)
from .marks import Quoted
from .reported_misread import telling_owner
from .structure import (
    UNKNOWN_VERB_CONFIDENCE,
    cleft_cue,
    empty_copula,
    is_attribution_verb,
    is_speech_cue,
    misread_noun_verb,
    quotative_be,
    subject_span_ok,
)

CLAUSE_BEFORE_RULE = "mixed.clause_before.v1"
_SPLITTABLE = ("direct.cue_after.v1", "direct.inverted.v1", "mixed.cue_after.v1")
"""Rules whose quote may go on in the next quoted stretch after the attribution."""


def detect(
    ctx: DocContext, quoted: Sequence[Quoted], lexicon: CueLexicon
) -> tuple[list[Candidate], list[Quoted]]:
    """Classify quoted stretches into direct-quote candidates and fragments.

    Returns:
        ``(candidates, fragments)``: direct (and ``mixed.cue_after``) candidates in
        text order, and the quoted stretches that are not direct speech on their own.
    """
    doc, index, text = ctx.doc, ctx.index, ctx.text
    if not quoted or len(doc) == 0:
        return [], list(quoted)
    para_starts = sorted(s for s, _ in ctx.paragraphs) or [0]
    quoted, heads = split_reopened(ctx, quoted, para_starts, lexicon)
    out: list[Candidate] = []
    fragments: list[Quoted] = []
    skip_to = 0  # stretches before this one went into a split quote
    for n, q in enumerate(quoted):
        if n < skip_to:
            continue
        prev_q = quoted[n - 1] if n else None
        next_q = quoted[n + 1] if n + 1 < len(quoted) else None
        p_start = para_start(para_starts, q.open)
        after = after_window(doc, text, index, q, next_q)
        before = before_window(doc, index, q, prev_q, p_start)
        verb = next((t for t in after if t.pos_ == "VERB"), None)
        if verb is not None and quoted_subject(doc, text, q, verb):
            fragments.append(q)  # '"Moby-Dick" tells the story of ...': a title, no quotation
            continue
        # 'They said:' ending the paragraph before the quote's own paragraph leads into it
        lead = before or lead_in_window(doc, text, index, q, prev_q, p_start)
        cand = (
            # a lead-in before the quote wins over a cue after it ('I said, "A," and he said,
            # "B."': the words after A lead into B, they are not A's attribution)
            _own_lead_in(doc, text, q, before, lexicon)
            or _cue_after(doc, text, q, after, before, lexicon, index)
            or _cue_before(doc, text, q, lead, lexicon)
            or colon(doc, q, lead, text, lexicon)
            or dash(doc, q, after, before, lexicon)
            or reply_noun(q, after, lexicon)
            or reply_noun_before(q, before, lexicon)
            or standalone(doc, q, before, after, text)
        )
        if cand is None:
            fragments.append(q)
            continue
        keep_speaker_outside(doc, q, index, cand)
        split = None  # the quote goes on in the next quoted stretch
        if cand.rule in _SPLITTABLE and next_q is not None:
            # '"A," she said — and then, more quietly — "B."': the bridge opens at the dash
            opening = next((t for t in after[1:] if t.text in DASHES), after[-1]) if after else None
            joiner = joining_words(doc, text, opening, next_q) if opening is not None else None
            if (
                after
                and (after[-1].text == "," or set_off_by_dashes(after) or dash_after(after))
                and joiner is not None
                and not any(t.i != cand.cue_token and is_speech_cue(t, lexicon) for t in after)
                and (not joiner or not cue_follows(doc, index, next_q, lexicon))
            ):  # '"A," X sings, before asking her, "B"': B has a cue of its own
                split = "direct.split.v1"  # "A," he said, "B."; "A," he said, but "B."
            elif split_across_apposition(doc, text, index, q, next_q, cand, lexicon):
                split = "direct.split.v1"  # "A," said Jo Lee, a nurse, "and B."
            elif continues_after_attribution(doc, text, index, q, next_q, lexicon):
                split = "direct.split_sentence.v1"  # "A," he said. "B."
        if split is not None and next_q is not None:
            cand.pieces = [*(cand.pieces or list(q.pieces)), *next_q.pieces]
            cand.rule = split.replace("direct.", "mixed.") if cand.kind == "mixed" else split
            skip_to = n + 2
            while skip_to < len(quoted) and paused_between(
                doc, text, index, quoted, skip_to, lexicon
            ):
                cand.pieces.extend(quoted[skip_to].pieces)  # '..."B" — she paused — "C."'
                skip_to += 1
            last = quoted[skip_to - 1]  # a mixed quote's content holds its last closing mark
            cand.end = last.outer_end if cand.kind == "mixed" else last.end
            cand.closed = last.closed
        out.append(cand)
    return lend_open_paragraphs(out, heads), fragments


def split_reopened(
    ctx: DocContext, quoted: Sequence[Quoted], para_starts: list[int], lexicon: CueLexicon
) -> tuple[list[Quoted], dict[int, int]]:
    """Cut a multi-paragraph quotation before its last paragraph when that paragraph is a
    complete quotation with an attribution of its own.

    A quotation left open at a paragraph end goes on in the next paragraph when it opens
    with a mark (the multi-paragraph convention). But when the reopened paragraph closes
    its quotation and an attribution follows it (``"B," Lee said.``), the paragraph reads
    as a new quotation, and the paragraphs before it as one left open. Returns the
    stretches and, for each paragraphs-before part, its content start mapped to the
    reopened paragraph's (:func:`~quotecraft.direct_splits.lend_open_paragraphs`).
    """
    out: list[Quoted] = []
    heads: dict[int, int] = {}
    for n, q in enumerate(quoted):
        last_start = para_start(para_starts, q.pieces[-1][0])
        if q.close is None or len(q.pieces) < 2 or last_start <= q.open:
            out.append(q)
            continue
        reopen = last_start
        while reopen < q.pieces[-1][0] and ctx.text[reopen].isspace():
            reopen += 1
        if ctx.text[reopen] not in QUOTE_OPENERS:
            out.append(q)
            continue
        tail = Quoted(open=reopen, close=q.close, pieces=(q.pieces[-1],), mark=ctx.text[reopen])
        next_q = quoted[n + 1] if n + 1 < len(quoted) else None
        after = after_window(ctx.doc, ctx.text, ctx.index, tail, next_q)
        if _cue_after(ctx.doc, ctx.text, tail, after, [], lexicon, ctx.index) is None:
            out.append(q)
            continue
        head_pieces = q.pieces[:-1]
        out.append(Quoted(open=q.open, close=None, pieces=head_pieces, mark=q.mark, closed=False))
        out.append(tail)
        heads[head_pieces[0][0]] = tail.start
    return out, heads


def _is_embedded(before: list[Token], lexicon: CueLexicon) -> bool:
    """True when words of the same sentence (not an attribution lead-in) precede the quote."""
    words = [t for t in before if not t.is_punct and not t.is_space]
    if not words or (before[-1].text == ":" and len(words) <= 2 and words[0].is_title):
        return False  # 'A: "...," Kemp said.': a speaker label ends at its colon
    if before and before[-1].text in (",", ":") and any(is_speech_cue(t, lexicon) for t in words):
        return False
    # a short adverbial opener ("However," / "In practice,") is not content
    return not (before and before[-1].text == "," and len(words) <= 3)


def _cue_after(
    doc: Doc,
    text: str,
    q: Quoted,
    after: list[Token],
    before: list[Token],
    lexicon: CueLexicon,
    index: TokenIndex,
) -> Candidate | None:
    if not after:
        return None
    acc = according_to_after(after)
    if acc is not None and not _is_embedded(before, lexicon):  # '"...," according to X.'
        return make_candidate(q, "direct.according_to.v1", 0.85, acc)
    if _new_sentence_after(text, q, after, ("DET",)):
        return None  # '"How?" The captain pointed at the sky.' (but '"Why?" He asked.')
    words = [t for t in after if not t.is_punct]
    for t in words[: cue_reach(words)]:
        if not is_speech_cue(t, lexicon) or participle_aside(doc, t, after[0].i):
            continue  # "one diplomat, speaking privately, told": the aside is no cue
        if t.i < after[0].i or in_subject_relative(t, after[0].i):
            continue  # 'a neighbour who asked not to be named said': "said" is the cue
        if _under_earlier_verb(t, after[0].i):
            break  # '"A," Mara sings before asking her, "B?"': "asking" introduces B, not A

        if _is_embedded(before, lexicon):
            first = doc[index.at(q.start)]
            if any(is_speech_cue(b, lexicon) and b.is_ancestor(first) for b in before):
                return None  # "X said that it is "fine," adding ...": the reported rule owns it
            # quoted words inside a longer sentence: a mixed quote from the clause start,
            # when the quote ends its clause ("...,” X said) and the cue governs it
            # (not a title: Sunday on “Meet the Press,” Rep. Lee said ...)
            inner = text[q.start : q.end].rstrip()
            if _title_cased(inner):
                return None  # a title in marks ('sang "Stand By Me," she said'), not speech
            comma = inner.endswith(",") or (after and after[0].text == ",")
            # a complement of the cue's own, before any next quoted stretch (in the next
            # stretch it is the quote going on: 'A is "x," she said, "and B."')
            own_complement = any(
                c.dep_ in ("ccomp", "xcomp") and t.i < c.i <= after[-1].i for c in t.children
            )
            # the cue governs the quote, or hangs on its verb ('A is "x," she said')
            governs = t.is_ancestor(first) or (
                t.dep_ == "parataxis" and (t.head.i == first.i or t.head.is_ancestor(first))
            )
            if not comma or own_complement or not governs:
                return None
            start = _clause_start(before)
            if any(
                w.idx == start and w.dep_ == "cc" and w.i and w.nbor(-1).text == "," for w in before
            ):
                return None  # '"A?" he said, but B went on about "x," Y said': narration
            cand = make_candidate(q, "mixed.cue_after.v1", 0.8, t, kind="mixed")
            cand.start = start
            cand.pieces = list(q.pieces)
            cand.end = q.outer_end if q.closed else q.end  # the closing mark with the opening one
            return cand
        cand = make_candidate(q, "direct.cue_after.v1", 0.95, t)
        if cand.attribution is not None and cand.attribution.speaker is None:
            # 'vowed the mayor', '"...," the coach posted' (the parse: a participle on "coach")
            found = speaker_outside_quote(doc, q, index, t)
            cand.attribution = found if found.speaker is not None else cand.attribution
        return cand
    if _is_embedded(before, lexicon):
        return None
    # structure first: '"...," Lee fumed.' whatever the verb
    if _new_sentence_after(text, q, after, ("PRON", "DET")):
        return None  # '"Why?" He smiled.', '"Over?" The ball rolled on.'
    inner = text[q.start : q.end].rstrip()
    # also past the window, for a long subject: '"...," Rep. Jo E. Lee (D-Md.) said'
    far = cue_after_long_subject(doc, q, index, lexicon)
    if far is not None and quoted_subject(doc, text, q, far):
        return None  # '"Cats" ran for years': the quoted title is the subject
    if far is not None:
        known = is_speech_cue(far, lexicon)
        cand = make_candidate(
            q, "direct.cue_after.v1", 0.9 if known else UNKNOWN_VERB_CONFIDENCE, far
        )
        if far.dep_ == "acl":  # the noun phrase the parser hung the verb on speaks
            h = far.head
            cand.attribution = Attribution(speaker=mention_bounds(h), speaker_head=h.i)
        elif q.close is not None and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in far.children
        ):
            named = phrase_before(doc, index.at(q.close) + 1, far.i)
            if named is not None:  # '"...," Ramos, 58, told ...' with the name read apart
                cand.attribution = Attribution(speaker=mention_bounds(named), speaker_head=named.i)
        return cand
    if not (inner.endswith((",", "!", "?", "…", "—", "-")) or after[0].text == ","):
        return None
    start = after[0].i + (1 if after[0].text == "," else 0)
    for t in words[:6]:
        if t.i >= start and is_attribution_verb(t) and subject_span_ok(t, start):
            return make_candidate(q, "direct.cue_after.v1", UNKNOWN_VERB_CONFIDENCE, t)
        if t.i >= start and (who := misread_noun_verb(t, start)) is not None:
            cand = make_candidate(q, "direct.cue_after.v1", UNKNOWN_VERB_CONFIDENCE, t)
            lead = next(x.i for x in doc[start : t.i] if x.is_alpha)  # "the", "Commander"
            cand.attribution = Attribution(speaker=(lead, t.i), speaker_head=who.i)
            return cand  # '"...," the pilot radioed.' (the verb read as a noun)
    inverted = inverted_attribution(doc, q, index)
    if inverted is not None:  # '"You're late," snapped the coach.', the parse's object speaks
        cand = make_candidate(q, "direct.inverted.v1", UNKNOWN_VERB_CONFIDENCE, inverted)
        cand.attribution = inverted_speaker(doc, inverted) or cand.attribution
        return cand
    return None


def _under_earlier_verb(t: Token, first: int) -> bool:
    """Whether cue ``t`` hangs, as a clause of a preposition or an adverbial clause, on a
    verb between ``first`` and itself: the attribution is that verb's (``Mara sings to the
    crowd before asking ...``), and ``t`` opens what follows."""
    if t.dep_ not in ("pcomp", "advcl"):
        return False
    h = t.head
    while h.head.i != h.i and h.i > first and h.pos_ not in ("VERB", "AUX"):
        h = h.head
    return first <= h.i < t.i and h.pos_ == "VERB"


def _clause_start(before: list[Token]) -> int:
    """Start of the reported clause that runs into the quote: after a leading adverbial."""
    words = [t for t in before if not t.is_space]
    start_tok = words[0]
    for k, t in enumerate(words[:-1]):
        if t.text == "," and k <= 3:
            start_tok = words[k + 1]
    return start_tok.idx


def _cue_before(
    doc: Doc, text: str, q: Quoted, before: list[Token], lexicon: CueLexicon
) -> Candidate | None:
    if not before:
        return None
    last = next((x for x in reversed(before) if not x.is_punct), None)
    if last is not None and naming(last):
        return None  # 'a podcast called "Night Shift"': a name, not words said
    like = before[-2] if len(before) >= 2 and before[-1].text in (",", ":") else before[-1]
    if (be := quotative_be(like, q.open)) is not None:  # 'She was like, "No way."'
        return make_candidate(q, "direct.cue_before.v1", UNKNOWN_VERB_CONFIDENCE - 0.05, be)
    if (verb := cleft_cue(like, lexicon)) is not None:  # 'What she said was, "Never."'
        return make_candidate(q, "direct.cue_before.v1", 0.85, verb)
    for k in range(len(before) - 1, -1, -1):
        t = before[k]
        if not is_speech_cue(t, lexicon):
            continue
        if names_object(t, q.open, q.end):
            return None  # 'called the deal "a betrayal."': the mixed quote of the object
        between = before[k + 1 :]
        allowed: set[int] = set()
        for c in t.children:
            if c.i > t.i and c.dep_ in (
                "nsubj",
                "dobj",
                "dative",
                "prep",
                "advmod",
                "npadvmod",
                "agent",
                "prt",
                "nsubjpass",
                "neg",
            ):
                allowed.update(x.i for x in c.subtree)
        allowed.update(x.i for x in between if empty_copula(x, t, q.open))
        if (
            all(x.i in allowed or x.is_punct or x.lower_ in ("that", "this") for x in between)
            and (not _term_follows(q, text, before) or closes_relative_clause(doc, text, q, t))
            and not _phrase_goes_on(doc, text, q, between)
        ):
            # 'told an interviewer that she had "never ..."': a clause begun before the mark
            subject = next(
                (x for x in between if x.dep_ in ("nsubj", "nsubjpass") and x.head.idx >= q.open),
                None,
            )
            if subject is not None:
                cand = make_candidate(q, CLAUSE_BEFORE_RULE, 0.8, t, kind="mixed")
                cand.start = doc[subject.left_edge.i].idx
                cand.end = q.outer_end if q.closed else q.end  # the closing mark too
                return cand
            t = telling_owner(t, lexicon)  # 'told a reporter who asked ... that "..."'
            lead = interposed_lead(text, q, before, t)
            if lead is not None:
                cand = make_candidate(q, "mixed.interposed.v1", 0.8, t, kind="mixed")
                cand.start = lead
                cand.end = q.outer_end if q.closed else q.end  # the closing mark too
                return cand
            conf = 0.95 if between and between[-1].text in (",", ":") else 0.85
            return make_candidate(q, "direct.cue_before.v1", conf, t)
        return None
    # structure first: 'Lee fumed: "..."' whatever the verb, the verb right before the mark;
    # not one of a clause of condition or time ('If the bill passes, "..."'), but 'as'
    if len(before) >= 2 and before[-1].text in (",", ":") and not _term_follows(q, text, before):
        t = before[-2]
        if (
            is_attribution_verb(t, q.open)
            and any(c.dep_ == "nsubj" and c.i < t.i for c in t.children)
            and not any(c.dep_ == "mark" and c.lower_ != "as" for c in t.children)
        ):
            return make_candidate(q, "direct.cue_before.v1", UNKNOWN_VERB_CONFIDENCE - 0.05, t)
        if t.lower_ == "it" and t.dep_ == "dobj" and puts_it(t.head):
            # 'As one farmer put it, "..."': the verb and its "it" stand for the words
            return make_candidate(q, "direct.cue_before.v1", UNKNOWN_VERB_CONFIDENCE - 0.05, t.head)
    return None


def _new_sentence_after(text: str, q: Quoted, after: list[Token], pos: tuple[str, ...]) -> bool:
    """Whether a new sentence starts after a quotation that ends with ``!`` or ``?``: a
    capitalized word of part of speech ``pos`` follows (``"Why?" He smiled.``, ``"Over?"
    The ball rolled on.``), not *I* (``"Why?" I asked.`` is the attribution). Before a
    cue of the lexicon only a determiner counts: ``"Too soon?" He tweeted`` is a
    common slip of the capital, ``"How?" The captain pointed at the sky`` a new sentence."""
    return (
        text[q.start : q.end].rstrip().endswith(("!", "?"))
        and after[0].pos_ in pos
        and after[0].is_title
        and after[0].text != "I"
    )


def _title_cased(inner: str) -> bool:
    """Whether quoted words read as a title: two words or more, each capitalized."""
    words = [w for w in inner.split() if w[:1].isalpha()]
    return len(words) >= 2 and all(w[:1].isupper() for w in words)


def _term_follows(q: Quoted, text: str, before: list[Token]) -> bool:
    """Words right after the closing mark make the quote a term (``"B" to drive ...``),
    unless a lead-in comma or colon, or its verb, opens it and a comma or a conjunction
    ends it (``I said, "No," because``, ``said, "No" and``, ``said "No entry," but``)."""
    verb = before[-1] if before else None
    led = verb is not None and (verb.text in (",", ":") or leads_in(verb))
    if led and q.close is not None:
        nxt = text[q.close + 1 : q.close + 6].split()[:1]
        if text[q.start : q.end].rstrip().endswith(",") or nxt in (["and"], ["but"]):
            return False
    return words_follow(q, text)


def _own_lead_in(
    doc: Doc, text: str, q: Quoted, before: list[Token], lexicon: CueLexicon
) -> Candidate | None:
    """The quote's attribution before it, ending with a comma or colon at its opening mark."""
    cand = _cue_before(doc, text, q, before, lexicon) if before else None
    return cand if cand is not None and before[-1].text in (",", ":") else None


def _phrase_goes_on(doc: Doc, text: str, q: Quoted, between: list[Token]) -> bool:
    """A word before the mark modifies a quoted word: the quote ends a noun phrase begun
    outside it (``maintain a large "personal space"``, ``their "perfect little world"``),
    a term, not a quotation."""
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None:
        return False
    return any(x.dep_ in _NOUN_MODIFIERS and span.start <= x.head.i < span.end for x in between)


_NOUN_MODIFIERS = frozenset(("amod", "poss", "compound", "nummod"))
"""Dependencies of a word that describes a noun: an adjective, a possessor, a number (an
article alone does not: ``branded it an "outlaw nation"`` is the quoted words' phrase)."""
