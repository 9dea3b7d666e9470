"""Where one report ends and the next begins, when a sentence holds several.

The parser often hangs a second report on the first: on its content (``X said A, and
Y said B``; ``X said A, although Y said B``: :func:`sibling_reports`), as a second
complement of the first cue (``A said X; B said Y``: :func:`rival_report`), or a fronted
attribution's own words on the content (``As X said last week, A``:
:func:`fronted_attribution_end`) or an interposed one on a *that* clause (``I believe, as I
said, that A``: :func:`complementizer_start`); ``as X told Y`` names whom X told
(:func:`told_whom`). :class:`quotecraft.reported.ReportedMatcher` uses
these checks beside the content tails of :mod:`quotecraft.reported_bounds`.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from .content_trim import SUBJECT_DEPS, trim_bounds
from .cues import CueLexicon
from .reported_bounds import is_clause_cue, is_naming_cue, parallel_report, subject_like
from .wordlists import word_list

_CONTRAST_MARKS = frozenset({"although", "though", "while", "whereas"})


def sibling_reports(
    content: Token, lexicon: CueLexicon, later: Sequence[Token] | None = None
) -> list[Token]:
    """Reports of their own that the parser hung on a content's clause: not content.

    ``X said the roads were safe, and the chief said they were not``; ``X said the deal
    was off, although Y said talks would resume``: a coordinated clause, or a contrast
    clause (``although``, ``though``, ``while``, ``whereas``), after the content's head
    that has its own subject and is a cue with a clause of its own, or a naming cue with
    its object and what it is called (``..., while critics called them "fantasy"``), is a
    second report beside the first, not part of it. A report in the content's complement (``X said
    that Y told Z that ...``) is nested in it and stays, and so does a second complement
    of the first cue (``X said A and that Y showed B``, ``... and how Y says B``) and a
    passive (``..., but only if he can be convinced that ...``).
    """
    out = []
    for t in content.subtree if later is None else later:
        if t.i <= content.i or t.dep_ not in ("conj", "advcl"):
            continue
        marks = [m.lower_ for m in t.children if m.dep_ == "mark"]
        if t.dep_ == "advcl" and not any(m in _CONTRAST_MARKS for m in marks):
            continue
        if t.dep_ == "conj" and (marks or t.left_edge.tag_.startswith("W")):
            continue  # "... and that B", "... and how Y says B": a second complement
        if not any(c.dep_ == "nsubj" and c.i < t.i for c in t.children):
            continue  # "..., but only if he can be convinced that ...": no one reports
        if is_clause_cue(t, lexicon) or is_naming_cue(t, lexicon):
            out.append(t)  # '..., while critics called them "fantasy."': a naming too
    return out


def rival_report(cue: Token, content: Token, lexicon: CueLexicon) -> bool:
    """Whether ``content``, a clause of ``cue``'s, is a report of its own, not ``cue``'s content.

    ``The senator said the bill would pass; her rival said it was dead``; ``Jones said
    A, Brown said B``; ``The captain said A, yet the engineer believed B``: the parser
    makes one report a second complement of the other's cue. A complement with its own
    subject that is a cue with a clause of its own, or ``cue``'s verb again (``..., and
    two-thirds said the same of B``: :func:`~.reported_bounds.parallel_report`), reports
    its own words, not ``cue``'s, when ``cue`` has another complement on the far side of
    it (before it: the first
    report; after it: a coordinating word between the two). ``The bill would pass, her
    rival said``, with no other complement, is the rival's content, and ``X said A and
    that Y thought B`` (marked by *that*) is X's second one. A clause closed by a colon or
    semicolon before a cue with a complement of its own is a heading, never that cue's
    content (``Both sides claimed victory: the union said A, ...``).
    """
    if content.head.i != cue.i or content.dep_ != "ccomp":
        return False
    if any(c.dep_ == "mark" for c in content.children):
        return False
    others = [c for c in cue.children if c.dep_ == "ccomp" and c.i != content.i]
    if content.i < cue.i:
        rival = any(c.i > cue.i for c in others)
    else:
        rival = any(
            c.i < content.i
            and any(
                x.dep_ == "cc" and c.i < x.i < content.left_edge.i
                for x in [*cue.children, *c.children]  # the parser may hang "and" on A
            )
            for c in others
        )
    if rival and content.i < cue.i and _closed_by_colon(content, cue):
        return True  # "Both sides claimed victory: the union said A, ...": a heading
    own_subject = any(subject_like(c) for c in content.lefts)
    return rival and own_subject and parallel_report(content, cue, lexicon)


def _closed_by_colon(content: Token, cue: Token) -> bool:
    """Whether a colon or semicolon ends the clause ``content`` before ``cue``'s own words."""
    doc = cue.doc
    subject = next((c for c in cue.lefts if c.dep_ in SUBJECT_DEPS), None)
    start = subject.left_edge.i if subject is not None else cue.i
    return any(t.text in (":", ";") for t in doc[content.right_edge.i : start])


def fronted_attribution_end(cue: Token, content: Token, start: int) -> int:
    """Where a content after a fronted ``As X said ...,`` clause starts: after its comma.

    ``As the minister said last week, the reforms will take time``: the parser may hang
    the attribution's own time or place (``last week``) on the content; the fronted
    clause runs to its comma, and the content starts after it.
    """
    if not (cue.i < start <= content.i) or cue.dep_ != "advcl":
        return start
    if not any(m.dep_ == "mark" and m.lower_ == "as" for m in cue.children):
        return start
    doc = cue.doc
    comma = next((t.i for t in doc[cue.i + 1 : content.i] if t.text == ","), None)
    if comma is None or comma < start:
        return start
    bounds = trim_bounds(doc, comma + 1, content.right_edge.i + 1)
    return bounds[0] if bounds is not None and bounds[0] <= content.i else start


def complementizer_start(content: Token, start: int) -> int:
    """Where a content with its own *that* starts when the parser hung words before it.

    ``I believe, as I said in March, that the canal can be saved``: the parse hangs the
    ``as`` clause on ``saved``, but a clause starts at its complementizer; what stands
    before the *that*, set off by a comma, is the reporting clause's. Unchanged when the
    *that* is the first word, does not follow a comma (``a policy of mandating that ...``:
    the parse may hang another clause's *that* on the head) or there is none.
    """
    mark = next(
        (c for c in content.children if c.dep_ == "mark" and c.lower_ == "that" and c.i > start),
        None,
    )
    doc = content.doc
    if mark is None or doc[mark.i - 1].text != "," or any(t.is_quote for t in doc[start : mark.i]):
        return start  # not set off by a comma, or quoted: the words may be the speaker's
    return mark.i + 1  # after it, as a content's leading "that" is left out


def speaker_next_acts(cue: Token, content: Token) -> list[Token]:
    """Verbs the parser coordinated with a content's head that are the speaker's next act.

    ``The mayor said the town would hire two nurses and warned against cuts``: ``warned``
    (past, like ``said``) cannot continue ``would hire`` (a modal's bare verb), so it is
    coordinated with the cue, not part of what was said, although the parse hangs it on the
    content's head. Taken when the cue is past, the content's head a bare verb under a modal
    and the conjunct a past verb without a subject of its own; ``would hire nurses and
    train them`` (bare) continues the content.
    """
    if cue.tag_ != "VBD" or content.tag_ != "VB" or content.i < cue.i:
        return []
    if not any(c.dep_ == "aux" and c.tag_ == "MD" for c in content.children):
        return []
    return [
        t
        for t in content.children
        if t.dep_ == "conj"
        and t.tag_ in ("VBD", "VBN")
        and t.i > content.i
        and not any(c.dep_ in ("aux", "auxpass") for c in t.children)
        and not any(c.dep_ in SUBJECT_DEPS for c in t.children)
    ]


def source_apposition(cue: Token, start: int) -> tuple[int, int] | None:
    """``According to a spokesman for the airline, Rui Campos, flights ...``: the names
    between two commas right after a fronted *according to* source, when the content
    starts with them (the parser may read the name as the content's subject) and the
    source is a common noun. Returns the names' token bounds: the source's apposition,
    not what it said."""
    doc = cue.doc
    if cue.lower_ != "according" or not (cue.i < start < len(doc)):
        return None
    comma = cue.right_edge.i + 1
    if comma >= len(doc) or doc[comma].text != "," or start != comma + 1:
        return None
    source = next((c for t in cue.children for c in t.children if c.dep_ == "pobj"), None)
    if source is None or source.pos_ != "NOUN":
        return None  # a role names the person ("a spokesman, Rui Campos"), a name does not
    end = start
    while end < len(doc) and doc[end].pos_ == "PROPN":
        end += 1
    if end == start or end >= len(doc) - 1 or doc[end].text != ",":
        return None
    if doc[end + 1].pos_ == "PROPN":
        return None  # "According to officials, Ortiz, Lee and Park will ...": a list
    return start, end


def told_whom(cue: Token, obj: Token) -> bool:
    """Whether ``obj`` is whom a telling verb addressed (``told the council``), not what
    was told or asked (``ask questions``, list ``told_things``)."""
    return (
        cue.lemma_.lower() in word_list("telling_verbs")
        and obj.dep_ == "dobj"
        and obj.lemma_.lower() not in word_list("told_things")
    )
