"""The writer's asides that close a reported content: not what was said.

``he supports the bill, which includes ...`` (a non-restrictive relative clause,
:func:`nonrestrictive_tail`) and ``vowed to repeal the levy, a tax that funds the
harbor`` (an apposition that glosses a noun of the content, :func:`appositive_tail`):
:class:`quotecraft.reported.ReportedMatcher` ends a content before them.
"""

from __future__ import annotations

from spacy.strings import get_string_id
from spacy.tokens import Doc

from .content_trim import trim_bounds
from .doc_arrays import token_values

_NONRESTRICTIVE_WORDS = frozenset({"which", "who", "whom", "whose", "when", "where"})


def nonrestrictive_tail(doc: Doc, s: int, e: int) -> int:
    """End ``(s, e)`` before a closing ``, which ...`` clause that comments on it.

    ``he supports the final bill, which includes ...``: a non-restrictive relative
    clause at the end of the content is the writer's aside, not what was said,
    unless it quotes the speaker's words ("..., which would be a “dire threat”").
    """
    return _closing_aside(doc, s, e, "relcl", _NONRESTRICTIVE_WORDS)


_GLOSS_DETERMINERS = frozenset({"a", "an", "another"})
_GLOSS_IDS = frozenset(get_string_id(w) for w in _GLOSS_DETERMINERS)


def appositive_tail(doc: Doc, s: int, e: int) -> int:
    """End ``(s, e)`` before a closing ``, a ...`` apposition that glosses a noun of it.

    ``vowed to repeal the levy, a tax that funds the harbor``, ``said the fleet should be
    local boats, a force the town has long wanted``: a description of a thing named in
    the content, set off by a comma and opened by an indefinite article, is the writer's
    gloss for the reader, not what was said; unless it quotes the speaker's words
    ("..., a “shameful” decision"). The parser may read it as an adverbial noun (also
    after a spaced hyphen); then a relative clause on it says it is someone's comment
    (``said the reforms were working, a view few economists share``, ``said it was
    "burning money" - a charge the mayor denies``), where a clause of its own may be what
    was said (``what he called tribalism - a conviction that you are either with ...``).
    """
    end = _closing_aside(doc, s, e, "appos", _GLOSS_DETERMINERS, pos="NOUN")
    for dep in ("npadvmod", "dep") if end == e else ():
        end = _closing_aside(doc, s, end, dep, _GLOSS_DETERMINERS, "NOUN", _LEADS, "relcl")
    return _comment_after_quote(doc, s, end)


def _comment_after_quote(doc: Doc, s: int, e: int) -> int:
    """End ``(s, e)`` after quoted words that a comment on them follows: ``said it was
    "contained," a claim (that) doctors disputed`` (a noun opened by *a* with a clause of
    its own subject on it), however the parser hung the noun."""
    lower = token_values(doc, "LOWER")
    for i in range(s + 2, e - 2):
        if lower[i] not in _GLOSS_IDS or doc[i - 2].text != ",":
            continue  # (the array, not a Token per word: most contents have no comment)
        noun = doc[i].head
        if not (doc[i - 1].is_quote and noun.pos_ == "NOUN" and noun.right_edge.i + 2 >= e):
            continue
        clause = [c for c in noun.rights if c.dep_ in ("relcl", "acl")]
        subject = clause and any(c.dep_ == "nsubj" for c in clause[0].children)
        if subject and not any(t.is_quote for t in doc[i:e]):
            return i
    return e


_LEADS = (",", "—", "–", "-")


def _closing_aside(
    doc: Doc,
    s: int,
    e: int,
    dep: str,
    first_words: frozenset[str],
    pos: str | None = None,
    leads: tuple[str, ...] = (",", "—", "–"),
    needs: str | None = None,
) -> int:
    """End ``(s, e)`` before the writer's aside that closes it: a token of relation ``dep``
    (and part of speech ``pos``) on a word of the content, set off by one of ``leads`` (a
    comma or a dash unless told otherwise), opened by one of ``first_words``, with a child
    of relation ``needs`` when given, and running to the content's end; unchanged when
    there is none or when the aside holds a quotation mark (the speaker's words go on)."""
    deps, wanted = token_values(doc, "DEP"), get_string_id(dep)
    for i in range(s, e):
        if deps[i] != wanted:
            continue  # (the array, not a Token per word: most contents have no aside)
        t = doc[i]
        if t.right_edge.i + 1 < e - 1 or not (s <= t.head.i < e):
            continue
        lead = t.left_edge.i - 1
        if (
            lead <= s
            or doc[lead].text not in leads  # "..., a tax that", "... — a finding"
            or (doc[lead].text == "-" and not doc[lead - 1].whitespace_)  # not "re-"
            or (pos is not None and t.pos_ != pos)
            or doc[t.left_edge.i].lower_ not in first_words
            or (needs is not None and not any(c.dep_ == needs for c in t.children))
        ):
            continue
        if any(x.is_quote for x in t.subtree):
            return e
        bounds = trim_bounds(doc, s, lead)
        return bounds[1] if bounds else e
    return e
