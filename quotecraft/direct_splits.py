"""Whether a direct quote goes on in the next quoted stretch (split quotes).

``"A," he said, "B."`` (:data:`direct.split.v1`), ``"A," said Rosa Lind, the campaign's
director, "and B."`` (a speaker described at length between the pieces) and ``"A," he
said. "B."`` (:data:`direct.split_sentence.v1`, after one attribution sentence) are one
quote; :mod:`quotecraft.direct` asks these functions which of them a pair of stretches is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from spacy.tokens import Doc, Token

from .candidates import Candidate, TokenIndex
from .cues import CueLexicon
from .direct_windows import DASHES, after_window, typed_dash
from .marks import Quoted
from .resources import data_lines
from .structure import is_speech_cue
from .wordlists import word_list


@cache
def _abbreviations() -> re.Pattern[str]:
    """Abbreviations whose full stop does not end a sentence (``Mr. Kamp``, ``William D. Burns``),
    from ``data/abbreviations.txt``, plus single capital letters (initials)."""
    words = sorted(data_lines("abbreviations.txt"), key=len, reverse=True)
    return re.compile(r"\b(?:[A-Z]|" + "|".join(re.escape(w) for w in words) + r")\. ")


_ATTRIBUTION_MAX = 300
"""Longest attribution sentence between two parts of one quote, in characters."""


def continues_after_attribution(
    doc: Doc, text: str, index: TokenIndex, q: Quoted, next_q: Quoted, lexicon: CueLexicon
) -> bool:
    """``"A," said Jo Lee, a nurse. "B."``: B goes on with A after one attribution sentence.

    B must open in the same paragraph right after the sentence that holds A's cue,
    and must not have a cue of its own (``"B," she said.``).
    """
    if q.close is None:
        return False
    between = text[q.outer_end : next_q.open]
    stripped = between.rstrip()
    if "\n" in between or len(between) > _ATTRIBUTION_MAX or not stripped.endswith("."):
        return False
    if between[len(stripped) :] == "":
        return False
    # one sentence only; the full stops of "Mr. Kamp" and "William D. Burns" do not count
    body = stripped[:-1]
    if body.count(". ") > len(_abbreviations().findall(body)):
        return False
    if words_follow(next_q, text):
        return False  # '"B" to drive up the price ...': quoted words inside a new sentence
    nxt_after = after_window(doc, text, index, next_q, None)
    return not any(is_speech_cue(t, lexicon) for t in nxt_after[:6] if not t.is_punct)


def split_across_apposition(
    doc: Doc,
    text: str,
    index: TokenIndex,
    q: Quoted,
    next_q: Quoted,
    cand: Candidate,
    lexicon: CueLexicon,
) -> bool:
    """``"A," said Rosa Lind, the campaign's director, "and B."``: one sentence, its
    attribution's speaker described at length, runs from A into B.

    Between the two stretches: the cue, its subject (the speaker with appositions), the
    person a telling verb addresses (``he told me``), its time or place words, an
    adjective of manner (``suddenly quiet``) and a gesture (``leaning across the table``)
    only, with no line break and no sentence end, ending with a comma.
    """
    if q.close is None or cand.cue_token is None:
        return False
    between = text[q.outer_end : next_q.open]
    if "\n" in between or len(between) > _ATTRIBUTION_MAX or not between.rstrip().endswith(","):
        return False
    body = between.rstrip()[:-1]
    if any(ch in body for ch in "!?;:") or body.count(". ") > len(_abbreviations().findall(body)):
        return False
    first, last = index.at(q.close) + 1, index.at(next_q.open)
    cue = doc[cand.cue_token]
    if not first <= cue.i < last:
        return False
    allowed = {cue.i}
    att = cand.attribution
    if att is not None and att.speaker_head is not None:  # '..., said the inspector, Al Roe, "B"'
        allowed.update(x.i for x in doc[att.speaker_head].subtree if first <= x.i < last)
    telling = cue.lemma_.lower() in word_list("telling_verbs")
    for c in cue.children:
        addressed = telling and c.dep_ == "dobj" and c.i > cue.i  # '..., he told me, ..., "B"'
        if (
            addressed
            or c.dep_ in ("nsubj", "npadvmod", "advmod", "prep", "dative")
            or (c.dep_ in ("acomp", "oprd") and c.pos_ == "ADJ")  # '..., suddenly quiet, "B"'
        ):
            allowed.update(x.i for x in c.subtree)
    for t in doc[first:last]:  # '"A," she said, pointing at the map, "B."' (wherever it hangs)
        if t.i not in allowed and _gesture(t, lexicon):
            allowed.update(x.i for x in t.subtree)
    # '..., she said, but despite ...' or '..., he joked, again using ...': more than the speaker
    return all(
        (t.i in allowed or t.is_punct or t.is_space)
        and not t.is_quote
        and (
            t.i == cue.i
            or not is_speech_cue(t, lexicon)
            or _gesture(t, lexicon)
            or _described(t, allowed)
        )
        for t in doc[first:last]
    )


def _described(t: Token, allowed: set[int]) -> bool:
    """A cue in a relative clause on the speaker that is complete in itself (``said one
    resident, who asked not to be named, "B"``, ``..., who spoke on condition of anonymity,
    "B"``): it describes the speaker and introduces nothing; ``..., who added, "B"`` and
    ``..., who told reporters, "B"`` introduce the next piece."""
    return (
        t.i in allowed
        and t.dep_ == "relcl"
        and any(
            c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ != "to")
            for c in t.children
            if c.i > t.i
        )
    )


def _gesture(t: Token, lexicon: CueLexicon) -> bool:
    """A participle of what the speaker does while speaking, between two pieces of one quote
    (``, pointing at the map``, ``, shaking her head``): a present participle after a comma,
    with no words of its own before it and, when it is itself a cue, no one spoken to and no
    content (``before asking her,`` introduces the next quote). A lone *-ing* word between
    two commas is one whatever the tagger read (``, nodding,`` as a noun)."""
    if _lone_participle(t) and not is_speech_cue(t, lexicon):
        return True
    if t.tag_ != "VBG" or t.dep_ not in ("advcl", "xcomp", "conj", "acl"):
        return False
    if t.i == 0 or t.doc[t.i - 1].text != ",":
        return False
    if any(c.i < t.i and not c.is_punct for c in t.children):
        return False  # 'before asking her': a clause of its own
    if not is_speech_cue(t, lexicon):
        return True
    # an object that opens after a quotation mark, past a place or direction of the
    # participle's own, is the next piece, the parse's misreading ('pointing at the sky, "a
    # hawk."'); right after it, or after whom or where it is said to, what the participle
    # says (', adding, "..."', ', adding to reporters, "..."', ', adding in a statement, "')
    prep = min((c.i for c in t.children if _place_phrase(c)), default=len(t.doc))
    return not any(
        c.dep_ in ("dobj", "dative", "ccomp", "xcomp", "prt")
        and not (t.doc[c.left_edge.i - 1].is_quote and prep < c.i)
        for c in t.children
    )


def _place_phrase(prep: Token) -> bool:
    """A prepositional phrase of place or direction (``at the sky``), not one of whom it is
    said to (``to reporters``) nor of the medium (``in a statement``: ``medium_nouns``)."""
    if prep.dep_ != "prep" or prep.lower_ == "to":
        return False
    return not any(o.lemma_.lower() in word_list("medium_nouns") for o in prep.children)


def _lone_participle(t: Token) -> bool:
    """A lowercase word in *-ing* alone between two commas (``..., nodding, ...``)."""
    doc = t.doc
    return (
        0 < t.i < len(doc) - 1
        and t.is_lower
        and t.is_alpha
        and t.lower_.endswith("ing")
        and doc[t.i - 1].text == ","
        and doc[t.i + 1].text == ","
    )


def words_follow(q: Quoted, text: str) -> bool:
    """True when the sentence goes on with words right after the closing mark (a term, a title)."""
    if q.close is None:
        return False
    if text[q.start : q.end].rstrip().endswith((".", "!", "?")):
        return False  # '"It is over." Then she left.': a new sentence, not a term
    rest = text[q.close + 1 : q.close + 40]
    stripped = rest.lstrip(" ")
    return (
        bool(stripped) and (stripped[0].isalnum()) and "\n" not in rest[: len(rest) - len(stripped)]
    )


def set_off_by_dashes(after: Sequence[Token]) -> bool:
    """``"A" — she paused — "B."``: an attribution between two dashes (or two hyphens
    with spaces round them, as a dash is often typed: ``"A" - she paused - "B."``)."""
    return len(after) > 2 and _dash(after[0]) and _dash(after[-1])


def _dash(tok: Token) -> bool:
    """A dash, or a hyphen typed for one (:func:`~.direct_windows.typed_dash`)."""
    return tok.text in DASHES or typed_dash(tok)


_PAUSE_WORDS = 8
"""Most tokens of an action between dashes inside one quote (``— she paused —``)."""


def paused_between(
    doc: Doc, text: str, index: TokenIndex, quoted: Sequence[Quoted], k: int, lexicon: CueLexicon
) -> bool:
    """``"B" — she paused — "C."``: stretch ``k`` goes on with the quote of the stretch
    before it across a short action set off by dashes, a clause with a subject and no cue
    of speech (``— he added —`` would be an attribution of its own)."""
    gap = after_window(doc, text, index, quoted[k - 1], quoted[k])
    return (
        set_off_by_dashes(gap)
        and len(gap) <= _PAUSE_WORDS
        and not text[gap[-1].idx + len(gap[-1].text) : quoted[k].open].strip()
        and any(t.dep_ in ("nsubj", "nsubjpass") for t in gap)
        and not any(is_speech_cue(t, lexicon) for t in gap)
    )


def dash_after(after: Sequence[Token]) -> bool:
    """``"A," the engineer insisted — "at least for now."``: an attribution closed by a
    dash where a comma would stand."""
    return len(after) > 1 and _dash(after[-1])


OPEN_PARAGRAPHS_RULE = "direct.open_paragraphs.v1"


def lend_open_paragraphs(cands: list[Candidate], heads: dict[int, int]) -> list[Candidate]:
    """Give paragraphs a quotation left open (the multi-paragraph convention) the
    attribution of the paragraph they run into (``"First, ... / "Third, we listen," she
    said.``: hers), when they have none of their own (a standalone quote); ``heads`` maps
    their content start to that paragraph's (:func:`quotecraft.direct.split_reopened`).
    They stay a quote of their own, as the reopened paragraph is one."""
    if not heads:
        return cands
    by_start = {c.start: c for c in cands}
    for c in cands:
        tail = by_start.get(heads.get(c.start, -1))
        if c.rule != "direct.standalone.v1" or tail is None or tail.attribution.speaker is None:
            continue
        c.rule, c.confidence, c.inherits = OPEN_PARAGRAPHS_RULE, min(tail.confidence, 0.7), False
        c.attribution = tail.attribution
        c.cue, c.cue_lemma, c.cue_token, c.cue_type = (
            tail.cue,
            tail.cue_lemma,
            tail.cue_token,
            tail.cue_type,
        )
    return cands


_JOINERS = frozenset({"and", "but", "yet", "still", "also", "then"})
"""Words that may join a quote's next stretch to its attribution (``..., he said, but "B"``)."""

_BRIDGE_WORDS = 12
"""Most tokens of an adverbial bridge (``..., and then, more softly, "B"``)."""


def joining_words(doc: Doc, text: str, comma: Token, next_q: Quoted) -> str | None:
    """The words between an attribution's last token (its comma) and the next quoted
    stretch that still join that stretch to the quote: "" for none, one or two joining
    words (``"A," he said, but "B."``, ``..., and still "B"``), or such a word opening an
    adverbial phrase set off by a comma or dashes, with no verb (``"Wait," he said, and
    after a moment, "I was wrong."``, ``... — and then, more softly — "please."``); None when other
    words stand there (``..., and she replied, "B"``)."""
    a, b = comma.idx + len(comma.text), next_q.open
    words = text[a:b].split()
    if len(words) <= 2 and all(w.lower() in _JOINERS for w in words):
        return " ".join(words)
    if words[0].lower() not in _JOINERS or not words[-1].endswith((",", *DASHES)):
        return None  # (the cheap test first: most words here are no bridge)
    bridge = [t for t in doc[comma.i + 1 : comma.i + 1 + _BRIDGE_WORDS + 1] if t.idx < b]
    if (
        not bridge
        or bridge[0].lower_ not in _JOINERS
        or bridge[-1].text not in (",", *DASHES)
        or len(bridge) > _BRIDGE_WORDS
        or text[bridge[-1].idx + 1 : b].strip()
        or any(t.pos_ in ("VERB", "AUX") or t.is_quote or "\n" in t.text for t in bridge)
    ):
        return None
    return " ".join(words)


def cue_follows(doc: Doc, index: TokenIndex, q: Quoted, lexicon: CueLexicon) -> bool:
    """Whether a cue follows the quoted stretch ``q`` in its sentence, within a few words
    (``..., and "B," his aide added``): ``q`` has an attribution of its own."""
    if q.close is None or not len(doc) or q.outer_end >= doc[-1].idx + len(doc[-1].text):
        return False
    first = doc[index.at(q.outer_end)]
    for t in doc[first.i : min(first.i + 6, first.sent.end)]:
        if t.is_quote and t.i > first.i:
            break
        if is_speech_cue(t, lexicon):
            return True
    return False
