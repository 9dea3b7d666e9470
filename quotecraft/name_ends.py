"""Where a speaker's name ends when the parser cut it short.

``the Committee to Protect Reporters said``: a title-case name of the form *Noun to
Verb ...*, which a small model parses as a noun with an infinitive (or a preposition) and
cuts at *to*. :func:`quotecraft.attribution.mention_bounds` extends the mention over it.
"""

from __future__ import annotations

from spacy.tokens import Token

_NAME_JOINERS = frozenset({"and", "of", "the", "for", "on", "in"})
"""Lower-case words inside a title-case name (``Campaign to Save the Rivers``)."""


def titled_infinitive_end(head: Token, end: int) -> int:
    """The end of a name of the form *Noun to Verb ...* in title case, which the parser
    cuts at *to* (``the Committee to Protect Reporters``, ``the Alliance to Save
    Energy``): past ``end`` (the mention's end so far), *to* and every word after it in
    title case (lower-case joiners between them allowed), when ``head`` is capitalized
    with *the* before it; else ``end``."""
    doc = head.doc
    if end >= len(doc) or doc[end].lower_ != "to" or head.i + 1 != end:
        return end
    if not head.text[:1].isupper() or not any(c.lower_ == "the" for c in head.lefts):
        return end  # not "Pelosi to Trump: ..."
    last = 0
    for t in doc[end + 1 : min(len(doc), end + 9)]:
        if t.is_alpha and t.text.istitle():
            last = t.i + 1
        elif t.lower_ not in _NAME_JOINERS or not last:
            break
    return last or end
