"""Reported speech set off as a block: ``X wrote:`` at the end of a paragraph, the words next.

Rule ``reported.block.v1``. Letters, speeches, textbooks and blog posts introduce a
passage with a speech or writing verb and a colon that closes the paragraph, and give
the passage, without quotation marks, as the next paragraph::

    In her letter to the board, Ms. Okafor wrote:

    The pool has been closed for three summers and nobody can tell us why.

The cue is a verb of the lexicon that introduces quotations (frame ``quote``), with a
subject and no complement of its own (no clause or infinitive, and no object when the
verb's object is its content: ``X announced the results:`` lists them, while the object of
``X told reporters:`` is whom X told), not in an *as* or *when* clause (``As X reported
last week:``), and not with a negative subject (``Nobody answered:``). The content is the whole next paragraph, when it is not in quotation
marks (then it is :mod:`quotecraft.direct`'s) and not markup, and has a verb. A report
never crosses a paragraph break otherwise, so :func:`~quotecraft.reported_passes.clip_to_paragraph`
keeps this rule's contents in their own paragraph (:data:`BLOCK_RULE`).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from spacy.tokens import Doc, Token

from .attribution import attribute, is_negated
from .candidates import Candidate, cue_bounds
from .content_trim import trim_bounds
from .cues import LOW_CONFIDENCE_CLASSES, CueLexicon
from .wordlists import word_list

BLOCK_RULE = "reported.block.v1"
"""The rule name; its contents are the paragraph after the cue's."""

_OWN_CONTENT = frozenset({"ccomp", "xcomp", "csubj", "mark"})
"""A cue with one of these children has a content of its own (or is an *as* clause)."""
_OBJECT_FRAMES = frozenset({"dobj", "obj"})
"""Lexicon frames whose verb's direct object is its content."""
_CONFIDENCE = 0.6


def _block_cue(colon: Token, lexicon: CueLexicon) -> Token | None:
    """The cue verb a paragraph-final colon closes, or None when it is no quoting verb."""
    cue = colon.head
    if cue.pos_ != "VERB" or cue.dep_ in ("relcl", "acl", "advcl"):
        return None
    verb = lexicon.verb(cue)
    if verb is None or "quote" not in verb.frames:
        return None
    subject = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.tag_ in ("WP", "WDT"):
        return None
    if subject.lower_ in word_list("negative_subjects") or any(
        d.dep_ == "det" and d.lower_ in word_list("negative_subjects") for d in subject.children
    ):
        return None  # "Nobody answered:", "No official said:": no one spoke
    if any(c.dep_ in _OWN_CONTENT for c in cue.children):
        return None
    if verb.frames & _OBJECT_FRAMES and any(c.dep_ == "dobj" for c in cue.children):
        return None
    return cue


def block_attributions(
    doc: Doc,
    paragraphs: Sequence[tuple[int, int]],
    lexicon: CueLexicon,
    text: str | None = None,
) -> list[Candidate]:
    """Rule ``reported.block.v1``: ``X said:`` closing a paragraph, the next paragraph as
    what X said (see the module's description). ``text`` is the Doc's text (default
    ``doc.text``, rebuilt by spaCy on each call).

    Example:
        >>> import quotecraft
        >>> text = "The mayor wrote:\\n\\nThe bridge will stay closed until May."
        >>> [(q.rule, q.content.text) for q in quotecraft.extract(text).quotes]
        [('reported.block.v1', 'The bridge will stay closed until May')]
    """
    out: list[Candidate] = []
    text = doc.text if text is None else text
    for (p_start, p_end), (q_start, q_end) in pairwise(paragraphs):
        para = doc.char_span(p_start, p_end, alignment_mode="expand")
        colon = next((t for t in reversed(para) if not t.is_space), None) if para else None
        if colon is None or colon.text != ":":
            continue
        head = doc.char_span(q_start, q_end, alignment_mode="expand")
        if head is None:
            continue
        cue = _block_cue(colon, lexicon)
        if cue is None:
            continue
        words = [t for t in head if not t.is_space]
        if not words or words[0].is_quote or words[0].text in "«„" or text[q_start] == "<":
            continue  # a quotation (direct speech) or markup (an embedded post)
        bounds = trim_bounds(doc, words[0].i, words[-1].i + 1)
        if bounds is None:
            continue
        s, e = bounds
        span = doc[s:e]
        if sum(1 for t in span if t.is_alpha) < 3 or not any(
            t.pos_ in ("VERB", "AUX") for t in span
        ):
            continue
        verb = lexicon.verb(cue)
        confidence = _CONFIDENCE
        if verb is not None and verb.cls in LOW_CONFIDENCE_CLASSES:
            confidence = min(confidence, 0.5)
        cue_s, cue_e, lemma = cue_bounds(cue)
        out.append(
            Candidate(
                kind="indirect",
                start=span.start_char,
                end=span.end_char,
                rule=BLOCK_RULE,
                confidence=confidence,
                cue=(cue_s, cue_e),
                cue_lemma=lemma,
                cue_token=cue.i,
                negated=is_negated(cue),
                attribution=attribute(cue),
            )
        )
    return out
