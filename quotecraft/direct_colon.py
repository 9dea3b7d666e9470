"""A quote after a colon: its speaker named by the lead-in (rule ``direct.colon.v1``).

``The minister was blunt: "..."`` (the lead-in's subject), ``Dr. Mori's verdict:`` (a
noun's owner), ``Runa Dahl:`` (a bare name), ``Ruiz to critics:`` and ``The mayor on the
budget:`` (a headline's label, :func:`_headline_label`). Split out of
:mod:`quotecraft.direct_bare` as a pure move.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .attribution import Attribution, mention_bounds
from .candidates import Candidate
from .cues import CueLexicon
from .direct_bare import PLACE_LABELS, lead_owner, make_candidate, possessor_speaks
from .direct_windows import dash_lead_in
from .marks import Quoted
from .name_ends import hyphen_subject
from .sources import voice_owner
from .speaker_features import first_names
from .titles import role_or_body


def colon(
    doc: Doc, q: Quoted, before: list[Token], text: str, lexicon: CueLexicon | None = None
) -> Candidate | None:
    """``The minister was blunt: "..."``; a dash leads in like a colon when the quote ends
    the sentence (``The warning was blunt — "Leave now."``). A cue noun with a possessor
    for subject names its speaker by the possessor (:func:`possessor_speaks`), and so does
    a voice's (``The voice of the announcer boomed:``)."""
    if not before or not (before[-1].text in (":", "):") or dash_lead_in(q, before, text)):
        return None  # "):" is one token: "Ann Lee (D):"
    colon = before[-1]
    cand = make_candidate(q, "direct.colon.v1", 0.75, None)
    end = colon.idx + len(colon.text)
    cand.cue = (end - 1, end) if colon.text == "):" else (colon.idx, end)
    cand.cue_lemma = colon.text[-1:] if colon.text == "):" else colon.text
    lead = before[:-1]
    if colon.text == "):" or (lead and lead[-1].text == ")"):  # "Kane (Tottenham):": Kane
        opened = [k for k, t in enumerate(lead) if t.text == "("]
        lead = lead[: opened[-1]] if opened else lead
    words = [t for t in lead if not t.is_punct]
    if words:
        root = words[-1]
        while root.head.i != root.i and root.head.i < colon.i and root.head.i >= before[0].i:
            root = root.head
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        subj = hyphen_subject(subj) if subj is not None else None  # "The co-author put it:"
        if subj is not None and subj.pos_ in ("PROPN", "NOUN", "PRON"):
            subj = possessor_speaks(subj, lexicon) or voice_owner(subj)
            cand.attribution = Attribution(speaker=mention_bounds(subj), speaker_head=subj.i)
        elif root.pos_ == "NOUN" and (owner := lead_owner(root)) is not None:
            # "Dr. Mori's verdict:": no verb; the noun's owner speaks
            cand.attribution = Attribution(speaker=mention_bounds(owner), speaker_head=owner.i)
        elif (root.pos_ in ("PROPN", "NOUN") and root.ent_type_ in ("PERSON", "ORG")) or (
            len(words) <= 4  # a bare name as a label ('Runa Dahl:'), not a place's dateline
            and all(w.pos_ == "PROPN" and w.ent_type_ not in PLACE_LABELS for w in words)
        ):
            cand.attribution = Attribution(speaker=mention_bounds(root), speaker_head=root.i)
        elif (label := _headline_label(words, text)) is not None:
            cand.attribution = Attribution(speaker=(words[0].i, label.i + 1), speaker_head=label.i)
    return cand


def _headline_label(words: list[Token], text: str) -> Token | None:
    """The speaker a headline's label names before its colon, at the start of a line: a
    role or a body alone (``Mayor: 'We will rebuild'``), or a name or role followed by
    *to* and those it is said to (``Ruiz to critics: '...'``) or by *on* and what it is
    said about (``Okafor on the verdict: '...'``); else None."""
    first = words[0]
    if first.idx and text[first.idx - 1] != "\n":
        return None
    if len(words) == 1:
        return first if first.pos_ in ("NOUN", "PROPN") and role_or_body(first.lower_) else None
    to = next((w for w in words if w.lower_ in ("to", "on")), None)
    if to is None or to.i == first.i or len(words) > 6:
        return None
    speaker = words[words.index(to) - 1]
    named = all(
        w.text[:1].isupper() and w.ent_type_ not in PLACE_LABELS for w in words if w.i < to.i
    )
    if to.head.i != speaker.i or speaker.pos_ not in ("NOUN", "PROPN"):
        return None  # not "According to HuffPo:"
    if role_or_body(speaker.lower_):
        return speaker  # "The mayor on the budget:", "Police to drivers:"
    if not named:
        return None
    if to.lower_ == "on" and not _surely_named(words[: words.index(to)]):
        return None  # "News on the strike:", "Focus on jobs:": a heading's topic
    return speaker  # "Ruiz to critics:", "President Lund to farmers:"


def _surely_named(words: list[Token]) -> bool:
    """Whether capitalized ``words`` name a person or body beyond doubt: a name the tagger
    labels a person's or organization's, a known first name, or two names or more."""
    last = words[-1]
    return (
        last.ent_type_ in ("PERSON", "ORG")
        or any(w.lower_ in first_names() for w in words)
        or sum(w.pos_ == "PROPN" for w in words) >= 2
    )
