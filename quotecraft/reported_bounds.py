"""Where a reported content starts and ends.

The checks and tails :class:`quotecraft.reported.ReportedMatcher` uses on a matched cue
and content: the content node's subtree minus the cue (:func:`content_bounds`), the tails
the parser hung on the cue that belong to the content (``because ...``, a coordinated
clause, clauses listed after it); the asides that do not (``, which ...``) are
:mod:`quotecraft.reported_asides`, and what a content sheds at its ends is
:func:`quotecraft.content_trim.trim_bounds`. What
completes an object content is :mod:`quotecraft.reported_objects`. Where one report ends
and the next begins is :mod:`quotecraft.reported_neighbours`; the passes over all
candidates that keep a content inside its paragraph and its marks paired are
:mod:`quotecraft.reported_passes`.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from .aside_participles import main_read_as_clause
from .content_trim import SUBJECT_DEPS, trim_bounds
from .cues import CueLexicon
from .mark_table import as_mark
from .wordlists import word_list

_BRIDGE_WORDS = 2
"""Words needed on each side of a cue for the content to read across it."""
OBJECT_DEPS = frozenset({"dobj", "pobj", "pcomp", "nsubjpass"})
NAMED_OBJECTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
"""Entity types a one-word object content may have (``endorsed Cruz``, ``blamed China``)."""


def is_passive(tok: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)


def after_comma(tok: Token) -> bool:
    """True when a comma precedes ``tok``, closing quotation marks aside (``,” in``)."""
    i = tok.i - 1
    while i >= 0 and as_mark(tok.doc[i].text) in '”"’»':
        i -= 1
    return i >= 0 and tok.doc[i].text == ","


def set_off(cue: Token) -> bool:
    """Whether the clause of ``cue`` stands apart from the sentence it interrupts: between
    commas, dashes or brackets (``The plan, she suspects, will fail``), or after a comma at
    the sentence's end (``The plan will fail, she suspects.``), its subject first.
    ``You know, the plan ...`` and ``we believe the plan ...`` do not."""
    if cue.dep_ == "relcl" and (
        any(c.dep_ in _OWN_COMPLEMENTS for c in cue.children)
        or any(t.tag_ in ("WDT", "WP", "WP$", "WRB") for t in cue.subtree if t.i < cue.i)
    ):
        return False  # "The bill, which she wrote, ...": a relative clause, no aside
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.i < cue.i for c in cue.children):
        return False  # "(think college administrators)": an aside names its holder first
    words = [t for t in cue.subtree if not t.is_punct]
    doc = cue.doc
    start, end = words[0].i, words[-1].i
    before = doc[start - 1].text if start > 0 else ""
    after = doc[end + 1].text if end + 1 < len(doc) else ""
    if not (
        before in _ASIDE_OPEN
        and (after in _ASIDE_CLOSE or (before == "," and after in (".", "!", "?")))
    ):
        return False
    head = cue.head
    if head.i < start and start >= 2 and doc[start - 2].dep_ == "cc":
        return False  # "met on Monday and, I think, on Friday": it hedges a verbless conjunct
    # and it interrupts its head's own clause: no other finite verb stands between them
    # ("... which means that I suffered what is always called, rather badly I think, a ...")
    lo, hi = (head.i + 1, start) if head.i < start else (end + 1, head.i)
    return not any(
        t.tag_ in _FINITE and not (t.dep_ in ("aux", "auxpass") and t.head.i == head.i)
        for t in doc[lo:hi]
    )


_OWN_COMPLEMENTS = frozenset({"ccomp", "xcomp", "attr", "oprd", "acomp"})
_FINITE = frozenset({"VBD", "VBP", "VBZ", "MD"})
_ASIDE_OPEN = frozenset({",", "—", "–", "--", "("})
_ASIDE_CLOSE = frozenset({",", "—", "–", "--", ")"})


def because_tail(cue: Token, end: int) -> int:
    """Extend content over a ``, because ...`` clause the parser hung on the cue.

    ``X told Y to reconsider the plan, because it would ...``: the reason belongs
    to what was said, though the parse attaches it to ``told``.
    """
    doc = cue.doc
    for c in cue.rights:
        marks = {m.lower_ for m in c.children if m.dep_ == "mark"}
        if c.dep_ != "advcl" or "because" not in marks:
            continue
        gap = doc[end : c.left_edge.i]
        if c.left_edge.i >= end and all(t.is_punct or t.is_space for t in gap) and len(gap) <= 2:
            return _trimmed_end(doc, end, c.right_edge.i + 1)
    return end


def coordinated_tail(cue: Token, end: int, lexicon: CueLexicon) -> int:
    """Extend content over ``, but Y ...`` when the parser hung clause Y on the cue.

    ``X says that A, but instead B is doing C``: a full clause (own subject) joined right
    after the content belongs to it, unless it is a report of its own (``..., and 4 in 10
    said ...``) or has another active verb of the lexicon, its subject's own view or act
    (``..., but economists doubt that``); a condition (*if*, *unless*) always does. Only
    a verb's: not a clause coordinated with a noun cue (``Her claim that A, and his
    insistence that B``). A conjunct opening with a question word, *whether* or *that* is
    a second complement whatever its subject (``what the tower was for, and why it
    leans``). For clausal contents only: after an object or an infinitive (``shared these
    worries, but the owners want ...``) the clause goes on the report."""
    if cue.pos_ not in ("VERB", "AUX"):
        return end
    for c in cue.rights:
        if c.dep_ != "conj" or c.i < end:
            continue
        if _subordinate(c):
            return through_conjunct(c, end, max_gap=3)  # "what A is, and why B"
        subjects = [x for x in c.children if x.dep_ in SUBJECT_DEPS]
        if not subjects or subjects[0].pos_ == "PRON":
            return end  # "..., and he left the room": the speaker acting, not speaking
        verb = lexicon.verb(c)
        if (verb is not None and not is_passive(c)) or is_clause_cue(c, lexicon):
            return end  # a report of its own ("..., but economists doubt that")
        if verb is not None and _acts(c, verb.frames):
            return end  # "..., but the firm declined to comment": an act of its own
        return through_conjunct(c, end, max_gap=3)
    return end


def _acts(verb: Token, frames: frozenset[str]) -> bool:
    """Whether ``verb``, a cue, acts on an infinitive it takes (``declined to comment``),
    in the active voice (not ``was expected to happen``, which reports nobody's act)."""
    return (
        "xcomp" in frames
        and not any(x.dep_ == "auxpass" for x in verb.children)
        and any(x.dep_ == "xcomp" for x in verb.rights)
    )


def _subordinate(clause: Token) -> bool:
    """Whether ``clause`` opens with a question word, *whether* or *that*: a complement,
    never a main clause the speaker goes on with (``..., and why it leans``); or has *if*
    or *unless*: a condition on it (``..., but only if its owners are persuaded ...``)."""
    if any(x.dep_ == "mark" and x.lower_ in ("if", "unless") for x in clause.children):
        return True
    doc = clause.doc
    i = clause.left_edge.i
    while i < clause.i and (doc[i].is_punct or doc[i].dep_ == "cc" or doc[i].is_space):
        i += 1
    first = doc[i]
    return _asks(first) or (first.lower_ == "that" and first.dep_ == "mark")


def _trimmed_end(doc: Doc, end: int, e: int) -> int:
    """The token end ``e`` of an extended content, with its trailing punctuation and
    spaces left out (a closing quotation mark or bracket kept), never before ``end``."""
    while e > end and (
        (doc[e - 1].is_punct and as_mark(doc[e - 1].text) not in "”\"’»)'") or doc[e - 1].is_space
    ):
        e -= 1
    return e


def through_conjunct(conj: Token, end: int, max_gap: int) -> int:
    """The content's new end after the conjunct ``conj`` (its trailing punctuation left
    out, a closing mark kept), or ``end`` when more than ``max_gap`` tokens, or any but
    punctuation and a conjunction, or a semicolon, stand between the content and the
    conjunct."""
    doc = conj.doc
    gap = doc[end : conj.left_edge.i]
    if conj.left_edge.i < end or len(gap) > max_gap:
        return end
    if not all(t.is_punct or t.dep_ == "cc" or t.is_space for t in gap):
        return end
    if any(t.text == ";" for t in gap):
        return end  # "thought it was hers; but the writing was wrong": the writer goes on
    return _trimmed_end(doc, end, conj.right_edge.i + 1)


def complement_list_tail(cue: Token, content: Token, end: int, lexicon: CueLexicon) -> int:
    """Extend a complement over the complements of the same cue listed right after it.

    ``Grace said the roof leaked, the walls were damp and the boiler was broken``: the
    parser makes each listed clause a complement of ``said``; together they are one
    content. A listed clause that is a report of its own (``..., yet the engineer
    believed ...``, ``..., and two-thirds said the same of ...``: the cue's verb again)
    ends the list, and so does the main verb the parser made a clause of
    an aside's participle (``Ana Ruiz, asked whether A, | could only say``).
    """
    if content.dep_ != "ccomp" or content.head.i != cue.i or content.i < cue.i:
        return end
    doc = cue.doc
    main = main_read_as_clause(cue)
    for c in cue.rights:
        if c.dep_ != "ccomp" or c.i <= content.i:
            continue
        if not _listed(doc, end, c, content) or c == main:
            break
        if parallel_report(c, cue, lexicon) and any(subject_like(x) for x in c.lefts):
            break  # "..., and more than half said ...": the parser may miss the subject
        e = _trimmed_end(doc, end, c.right_edge.i + 1)
        while e > end and doc[e - 1].dep_ == "cc":
            e = _trimmed_end(doc, end, e - 1)  # "..., not just about distant places, but"
        end = e
    return end


def subject_like(tok: Token) -> bool:
    """A left dependent that names who acts: a subject, or a noun or number the parser
    hung on the verb under another relation (``more than half`` as ``advmod``)."""
    return tok.dep_ == "nsubj" or (
        tok.dep_ in ("advmod", "npadvmod") and tok.pos_ in ("NOUN", "PROPN", "PRON", "NUM")
    )


def _listed(doc: Doc, end: int, clause: Token, first: Token) -> bool:
    """Whether ``clause`` follows the token end ``end`` as the next item of a list that
    ``first`` opens: after a comma (and *and* or *or*), opening with neither a connective
    (``so``, ``although``) nor a quotation mark (``..., when he cried, "They're here!"``),
    a question word only in a list of questions (``what A is, why B and how C``)."""
    i = clause.left_edge.i
    while i < clause.i and (doc[i].text == "," or doc[i].dep_ == "cc" or doc[i].is_space):
        i += 1  # the parser may hang the list's comma or "and" on the clause
    start = doc[i]
    gap = [t.lower_ for t in doc[end:i] if not t.is_space]
    if gap not in ([","], [",", "and"], [",", "or"]):
        return False
    if start.is_quote or start.is_punct or start.dep_ == "cc":
        return False
    if _asks(start) and _asks(doc[first.left_edge.i]):
        pass  # "what A is, why B, and whether C": a list of questions
    elif start.dep_ == "advmod" or (start.dep_ == "mark" and start.lower_ != "that"):
        return False  # "..., that B, and that C": the same cue's; "..., although B": not
    subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS or c.dep_ == "expl"), None)
    inverted = subject is not None and any(
        (t.i == clause.i or t.dep_ in ("aux", "auxpass")) and t.i < subject.i
        for t in [clause, *clause.children]
    )
    return not inverted  # "..., is there any reason why ...": a question of its own


def _asks(tok: Token) -> bool:
    """Whether ``tok`` opens an embedded question (``what``, ``how``, ``whether``)."""
    return tok.tag_ in ("WDT", "WP", "WP$", "WRB") or tok.lower_ == "whether"


def listed_complement(cue: Token, content: Token) -> bool:
    """Whether ``content`` is a complement of ``cue`` listed right after another one
    (:func:`complement_list_tail`): part of the first's content, not one of its own."""
    if content.dep_ != "ccomp" or content.head.i != cue.i or content.i < cue.i:
        return False
    doc = cue.doc
    return any(
        c.dep_ == "ccomp" and c.i < content.i and _listed(doc, c.right_edge.i + 1, content, c)
        for c in cue.rights
    )


def relative_lead(doc: Doc, s: int, cue: Token) -> bool:
    """Whether ``doc[s:cue.i]`` is a relative word and the cue's subject, nothing else
    (but the cue's auxiliaries and adverbs: *who had long said*).

    In ``documents that officials said would harm ...`` the content clause's subject is
    the relative pronoun before the cue, so its subtree starts left of the cue; so does
    a relative adverb the content holds (``Paris, where she claimed to have met him``).
    """
    subject = {t.i for c in cue.children if c.dep_ in SUBJECT_DEPS for t in c.subtree}
    subject |= {c.i for c in cue.lefts if c.dep_ in ("aux", "neg", "advmod") and c.i > s}
    lead = [t for t in doc[s : cue.i] if not t.is_punct]
    return (
        bool(lead)
        and lead[0].lower_ in word_list("relative_words")
        and all(t.i in subject for t in lead[1:])
        and bool(subject)
    )


def is_naming_cue(tok: Token, lexicon: CueLexicon) -> bool:
    """``..., and called him "a liar"``: a speech verb with an object and what it is called."""
    verb = lexicon.verb(tok)
    return (
        verb is not None
        and verb.cls in ("speech", "writing")
        and any(c.dep_ == "oprd" for c in tok.children)
        and any(c.dep_ == "dobj" for c in tok.children)
    )


def is_urging_cue(tok: Token, lexicon: CueLexicon) -> bool:
    """``..., and told residents to stay calm``: a speech verb whose frames take an
    infinitive, with the person told as its object and an infinitive with *to*."""
    verb = lexicon.verb(tok)
    return (
        verb is not None
        and verb.cls == "speech"
        and "xcomp" in verb.frames
        and any(c.dep_ == "dobj" for c in tok.children)
        and any(
            c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for c in tok.children
        )
    )


def is_clause_cue(tok: Token, lexicon: CueLexicon) -> bool:
    verb = lexicon.verb(tok)
    return (
        verb is not None and "ccomp" in verb.frames and any(c.dep_ == "ccomp" for c in tok.children)
    )


def parallel_report(clause: Token, cue: Token, lexicon: CueLexicon) -> bool:
    """Whether ``clause``, a clause the parser hung on ``cue``, is a report of its own: a
    cue with a clause (``..., and more than half said that ...``) or the cue's own verb
    again (``..., and two-thirds said the same of ...``)."""
    return is_clause_cue(clause, lexicon) or clause.lemma_ == cue.lemma_


def attribution_start(cue: Token) -> int:
    """Where the attribution ``cue`` heads starts: its left edge, or its subject's when
    what the parser hung on the cue before its subject is a fronted subordinate clause
    set off by a comma (``If the talks fail, | the mayor said, | the town ...``): that
    clause is part of what was said, read across the interposed attribution."""
    subject = next((c for c in cue.lefts if c.dep_ in SUBJECT_DEPS), None)
    if subject is None:
        return int(cue.left_edge.i)
    start = subject.left_edge.i
    fronted = [c for c in cue.lefts if c.i < start]
    if (
        not fronted
        or start == 0
        or cue.doc[start - 1].text != ","
        or not all(
            c.is_punct or (c.dep_ == "advcl" and any(m.dep_ == "mark" for m in c.children))
            for c in fronted
        )
    ):
        return int(cue.left_edge.i)
    return int(start)


def coordinated_after(tok: Token) -> bool:
    """Whether a coordinating word (``, and ...``) follows the phrase ``tok`` heads."""
    doc = tok.doc
    i = tok.right_edge.i + 1
    while i < len(doc) and (doc[i].is_punct or doc[i].is_space):
        i += 1
    return i < len(doc) and doc[i].dep_ == "cc"


_CONTINUING_MARKS = frozenset({"that", "while", "whereas", "because", "though", "although"})


def interposed_tail(cue: Token, content: Token, end: int) -> int:
    """Extend a content before its cue over what follows the interposed attribution.

    ``The records show, he said in an interview, that the harbor lost money``; ``It
    matters, she said, that the council listens``; ``The plan would be helped, Lee said,
    by the new schedule``: the parse hangs the rest of the sentence on the cue, but the
    attribution only interrupts the content. Taken when the cue's last phrase follows a
    comma and is a ``that`` clause, a contrast or reason clause (``while ...``,
    ``because ...``) or a ``by`` phrase, no report of its own (``though unions warned that
    B``), and nothing else of the cue's but a place, time or addressee stands between.
    """
    doc = cue.doc
    subject = next((c for c in cue.lefts if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or content.head.i != cue.i or end > subject.left_edge.i:
        return end
    rights = [c for c in cue.rights if not c.is_punct]
    if not rights or doc[rights[-1].left_edge.i - 1].text != ",":
        return end
    last = rights[-1]
    if not all(c.dep_ in ("prep", "advmod", "npadvmod", "dobj", "dative") for c in rights[:-1]):
        return end
    first = doc[last.left_edge.i]
    marked = last.dep_ in ("ccomp", "advcl") and (
        first.dep_ == "mark" and first.lower_ in _CONTINUING_MARKS and first.head.i == last.i
    )
    by = last.dep_ in ("prep", "agent") and last.lower_ == "by"
    own = {c.dep_ for c in last.children} >= {"nsubj", "ccomp"}
    if own or not (marked or by):
        return end
    return _trimmed_end(doc, end, last.right_edge.i + 1)


def content_bounds(
    content: Token, excluded: Sequence[Token] = (), bridge: Token | None = None
) -> tuple[int, int] | None:
    """Token bounds of a content node's subtree, minus excluded subtrees, trimmed.

    Where an excluded subtree (the cue and its speaker) sits inside the content
    subtree, the content is the contiguous part on the content head's side of it,
    except that the ``bridge`` (the cue) is spanned when content words lie on both
    sides of it (``In the three years since, Lee says, far too many lives ...``):
    the content then reads across the attribution, as a split quote does.
    """
    s, e = content.left_edge.i, content.right_edge.i + 1
    doc = content.doc
    # the bridge last: whether the content reads across the attribution depends on what
    # is left of it after the other cuts ("A, Ahmed said, but Lina said B": A alone)
    for x in sorted(excluded, key=lambda x: bridge is not None and x.i == bridge.i):
        xs, xe = x.left_edge.i, x.right_edge.i + 1
        if xe <= s or xs >= e:
            continue
        if x.i == content.i or x.is_ancestor(content):
            continue  # the content hangs below the cue: nothing of the cue is inside it
        if bridge is not None and x.i == bridge.i:
            xs = attribution_start(x)
            left = sum(1 for t in doc[s:xs] if t.is_alpha)
            right = sum(1 for t in doc[xe:e] if t.is_alpha)
            if right >= _BRIDGE_WORDS and (
                left >= _BRIDGE_WORDS or _holds_subject(doc[s:xs], content)
            ):
                continue
        if content.i < xs:
            e = min(e, xs)
        elif content.i >= xe:
            s = max(s, xe)
        else:
            return None
    return trim_bounds(doc, s, e)


def _holds_subject(words: Span, content: Token) -> bool:
    """Whether ``words`` (before an interposed attribution) hold the content's subject or
    its question word: a one-word subject (``Taxes, he said, will not go up``) or a
    question's *why* or *how* opening the sentence (``Why, she asked, had no one told
    her?``; not ``That is why, he said, ...``) is the start of the content, unlike a lone
    adverb or interjection (``Still, he said, ...``, ``Yes, she said, ...``). The parse
    may hang the word on the content's auxiliary (``Why, she asked, | had ...``)."""
    return any(
        (
            t.head.i == content.i
            or (t.head.dep_ in ("aux", "auxpass") and t.head.head.i == content.i)
        )
        and (t.dep_ in SUBJECT_DEPS or (t.tag_ in ("WRB", "WP") and t.is_sent_start and t.is_title))
        for t in words
    )
