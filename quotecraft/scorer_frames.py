"""The candidates of the cue scorer (:mod:`quotecraft.scorer`): every verb, adjective or
noun with a clausal complement, parenthetical clause, *according to* phrase or (with the
object frames) object, as ``(cue, content head, frame)``."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from .admission import names_no_source, of_degree
from .doc_arrays import token_array
from .wordlists import word_list

__all__ = [
    "ALL_FRAMES",
    "CLAUSE_FRAMES",
    "DEFAULT_FRAMES",
    "OBJECT_FRAMES",
    "cue_candidates",
    "has_that",
]

_PREPS = frozenset(word_list("scorer_prepositions"))
CLAUSE_FRAMES = ("ccomp", "xcomp", "noun_that", "parataxis", "according")
"""Frames whose content is a clause (or, for ``according``, the clause it hangs on)."""
OBJECT_FRAMES = ("dobj", *(f"prep_{p}" for p in sorted(_PREPS)))
"""Frames whose content is a noun phrase: what was criticized, called for, talked about
(prepositions from the word list ``scorer_prepositions``)."""
ALL_FRAMES = CLAUSE_FRAMES + OBJECT_FRAMES
_FRAME_DEPS = {
    "ccomp": {"ccomp"},
    "noun_that": {"ccomp", "acl", "relcl"},
    "xcomp": {"xcomp"},
    "parataxis": {"parataxis"},
    "according": {"prep"},
    "dobj": {"dobj"},
    "prep": {"pobj", "pcomp"},
}
"""The relations of the tokens each frame starts from."""
_ACCORDING = get_string_id("according")
DEFAULT_FRAMES = ("ccomp", "noun_that", "parataxis", "according")
"""Frames the packaged scorer admits. ``xcomp`` (``X vowed to ...``, but also ``X seemed
to ...``) and the object frames raise recall on PolNeAR, which annotates intentions and
criticized objects, and lower precision on GUM, which does not (``docs/benchmarks.md``):
train with ``--frames`` to admit them."""


def cue_candidates(doc: Doc, frames: Iterable[str] | None = None) -> list[tuple[Token, Token, str]]:
    """Every ``(cue, content head, frame)`` the scorer considers, in text order.

    Frames: ``ccomp`` (a clause: ``X fumed that ...``), ``xcomp`` (``X vowed to ...``),
    ``noun_that`` (``the hunch that ...``), ``parataxis`` (``..., X reckons, ...``),
    ``according`` (``according to X``), ``dobj`` (``X decried the ruling``) and
    ``prep_P`` (``X griped about the food``, ``X's gripe about the food``). ``frames``
    keeps only some of them (default: all).

    Example:
        >>> import quotecraft
        >>> doc = quotecraft.load().nlp("Lee fumed that the deal was off.")
        >>> [(c.text, x.text, f) for c, x, f in cue_candidates(doc)]
        [('fumed', 'was', 'ccomp')]
    """
    out: list[tuple[Token, Token, str]] = []
    keep = frozenset(frames) if frames is not None else frozenset(ALL_FRAMES)
    deps = set()
    for frame, needs in _FRAME_DEPS.items():
        if frame in keep or (frame == "prep" and keep & set(OBJECT_FRAMES[1:])):
            deps |= needs
    # only the tokens with one of those relations (a "prep" only if it is "according"),
    # found in the token arrays
    strings, dep = doc.vocab.strings, token_array(doc, "DEP")
    wanted = np.array(sorted(strings.add(d) for d in deps - {"prep"}), dtype=np.uint64)
    mask = np.isin(dep, wanted)
    if "prep" in deps:
        mask |= (dep == strings.add("prep")) & (token_array(doc, "LOWER") == _ACCORDING)
    for i in np.flatnonzero(mask).tolist():
        t = doc[i]
        dep = t.dep_
        head = t.head
        if head.i == t.i:
            continue
        if dep == "ccomp":
            if head.pos_ in ("VERB", "AUX", "ADJ") and not of_degree(head):
                out.append((head, t, "ccomp"))
            elif head.pos_ == "NOUN" and has_that(t):
                out.append((head, t, "noun_that"))
        elif dep in ("acl", "relcl") and head.pos_ == "NOUN" and has_that(t):
            out.append((head, t, "noun_that"))
        elif dep == "xcomp" and t.tag_ == "VB" and head.pos_ == "VERB":
            if any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
                out.append((head, t, "xcomp"))
        elif dep == "parataxis" and t.pos_ == "VERB" and head.pos_ in ("VERB", "AUX"):
            if any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
                out.append((t, head, "parataxis"))
        elif dep == "prep" and t.lower_ == "according" and head.pos_ in ("VERB", "AUX"):
            if not names_no_source(t):
                out.append((t, head, "according"))
        elif dep == "dobj" and head.pos_ == "VERB" and t.pos_ in ("NOUN", "PROPN"):
            out.append((head, t, "dobj"))
        elif dep in ("pobj", "pcomp") and head.dep_ == "prep" and head.lower_ in _PREPS:
            cue = head.head
            if cue.pos_ == "VERB" or (
                cue.pos_ == "NOUN" and any(c.dep_ == "poss" for c in cue.children)
            ):
                out.append((cue, t, "prep_" + head.lower_))
    # a cue is a word: a mark the parser misread as a verb or noun cues nothing
    out = [x for x in out if x[2] in keep and _has_letter(x[0].text)]
    out.sort(key=lambda x: (x[0].i, x[1].i))
    return out


def _has_letter(text: str) -> bool:
    return text.isalpha() or any(ch.isalpha() for ch in text)  # most cues are words


def has_that(content: Token) -> bool:
    """Whether ``content`` opens with the complementizer *that*."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in content.children)
