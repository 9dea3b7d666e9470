"""Organizations named in a speaker's title or beside the name.

:func:`organization_from_title` parses the body out of a title phrase (``former NATO
Secretary-General``, ``a spokeswoman for the Interior Ministry``, ``Marren campaign
manager``): a capitalized name after *of*, *for*, *at* or *with*, else the capitalized
run before the role word, without the words of a title (the title lexicon, gendered
nouns such as *Father*), an office's field (``office_fields``: *Press Secretary*), a
portfolio or level of government (``portfolios``: *Finance Minister*, *State Sen.*), a
leading quantifier (``quantifiers``: *One candidate*) or the place residents live in
(``residents``: *Residents of Marlow*); a lowercase body noun after a name stays (*Trump
campaign*). :func:`organization_of_name` reads an organization set after a name (``Ella
Berg of Nordbank``) or in a relative clause after it (``Ada Lind, who runs the fraud
unit at Harbor Trust Bank,``). :func:`longer_body` finds the full name a body's head word
stands for (``the Council`` after ``Harlow Council``), and :func:`goes_by` whether a
body's noun can take up a named body (``the automaker`` after ``Kestrel Motors``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Protocol

from spacy.tokens import Span, Token

from .doc_arrays import entities
from .records import SpeakerKind
from .speaker_features import gendered_nouns
from .speaker_names import DESCRIBING, DET, POSSESSIVE, clean_name, strip_det, title_sets
from .titles import Titles
from .wordlists import word_list

_BODY_TAIL = re.compile(r"\b(?:of|for|at|with)\s+(?:the\s+)?((?:[\w.&’'-]+\s+){0,4}([\w-]+))\s*$")
"""A lowercase body after a role: ``for the French foreign ministry``."""
_ORG_START = re.compile(r"\b(?:of|for|at|with)\s+(?:the\s+)?")
"""Where a body may start in a title: after *of*, *for*, *at* or *with* (and *the*)."""
_PLACE_TAIL = re.compile(r",?\s+in\s+(?:the\s+)?[A-Z][\w.’'-]*(?:,?\s+[A-Z][\w.’'-]*)*\s*$")
"""A place after a body, ending the title: ``in Oslo``, ``in Stockholm, Sweden``."""
_ORG_NAME = re.compile(
    r"[A-Z][\w.&’'-]*(?:\s+(?:(?:of|for|on|and|&|de|del|der|des|du|la|van|von|the)\s+)*"
    r"[A-Z][\w.&’'-]*)*\s*$"
)
"""A capitalized name to the end of the title, with lowercase joining words inside it:
``Ministry of Foreign Affairs``, ``Port of Rotterdam Authority``, ``Bank of Norway``."""


_DESCRIBED = re.compile(r"(?:[\w’'-]+\s+){0,3}?([a-z][\w-]*)\s+(?=[A-Z])")
"""Words describing a body before its name, ending with a lowercase noun: ``the
Milan-based lender`` Northwind Capital."""
_BASED_IN = re.compile(r"^[A-Z][\w.’'-]*-based\s+(?=[A-Z])")
"""A place a body is based in, before its name: ``Oslo-based`` Harlow Bank."""


def _described_name(title: str, pos: int) -> re.Match[str] | None:
    """The name of a body introduced by a noun of word list ``organization_nouns`` at
    ``pos`` (``at the lender Northwind Capital``, ``at the Milan-based investment bank
    Northwind Capital``: Northwind Capital), else None."""
    m = _DESCRIBED.match(title, pos)
    if m is None or m.group(1) not in word_list("organization_nouns"):
        return None
    return _ORG_NAME.match(title, m.end())


def organization_of_name(name: Span) -> str | None:
    """The organization a name is placed in by a phrase of its own (``Ella Berg of
    Nordbank``, ``Jana Holt at Lindberg University``): an ORG entity after *of*, *at*
    or *from*, or a body (list ``organization_nouns``) after *of* (``Alan Price of the
    county sheriff's office``); or by a relative clause set off after it: *for* after its verb (``Jo
    Hale, who works for Acme,``), *at* after a verb with an object or after the object
    (``Ada Lind, who runs the fraud unit at Harbor Trust Bank,``); not *at* after a verb
    without one (``who spoke at the Harbor Institute``: a place); or by an ORG entity as
    its possessor (``Nordbank's Ella Berg``)."""
    for c in name.root.children:
        if c.dep_ == "poss" and c.i < name.start and c.ent_type_ == "ORG":
            ent = next((e for e in entities(name.doc) if e.start <= c.i < e.end), None)
            return POSSESSIVE.sub("", strip_det(ent.text if ent is not None else c.text))
    preps = [p for p in _preps(name.root) if p.lower_ in ("of", "at", "from")]
    for clause in name.root.children:
        if clause.dep_ == "relcl" and clause.i > name.end and name.doc[name.end].text == ",":
            objects = [c for c in clause.children if c.dep_ == "dobj"]
            words = ("at", "for") if objects else ("for",)  # "runs the unit at X"
            preps += [p for p in _preps(clause) if p.lower_ in words]
            preps += [p for o in objects for p in _preps(o) if p.lower_ in ("at", "for")]
    for prep in preps:
        for obj in prep.children:
            if obj.dep_ == "pobj" and obj.ent_type_ == "ORG":
                ent = next((e for e in entities(name.doc) if e.start <= obj.i < e.end), None)
                return strip_det(ent.text) if ent is not None else obj.text
            if (
                obj.dep_ == "pobj"
                and prep.lower_ == "of"
                and prep.head.i == name.root.i
                and obj.pos_ in ("NOUN", "PROPN")
                and obj.lemma_.lower() in word_list("organization_nouns")
            ):  # "Alan Price of the county sheriff's office"
                return strip_det(name.doc[obj.left_edge.i : obj.right_edge.i + 1].text)
    return None


def _preps(head: Token) -> list[Token]:
    """The prepositions hung on ``head``."""
    return [c for c in head.children if c.dep_ == "prep"]


def organization_from_title(title: str | None, titles: Titles | None = None) -> str | None:
    """The organization named in a title.

    Example:
        >>> organization_from_title("former NATO Secretary-General")
        'NATO'
        >>> organization_from_title("a spokeswoman for the Interior Ministry")
        'Interior Ministry'
        >>> organization_from_title("an analyst at the libertarian Kellner Institute")
        'Kellner Institute'
        >>> organization_from_title("a London-based Harlow Bank analyst")  # a place, a bank
        'Harlow Bank'
        >>> organization_from_title("chief economist at the Milan-based lender Vell Capital")
        'Vell Capital'
    """
    if not title:
        return None
    phrases, words, mods = title_sets(titles)
    place = _PLACE_TAIL.search(title)  # "at the Bank of Norway in Oslo": the bank
    if place is not None and _ORG_START.search(title[: place.start()]):
        title = title[: place.start()]
    for m in _ORG_START.finditer(title):  # leftmost first: the longest name
        name = _ORG_NAME.match(title, m.end()) or _described_name(title, m.end())
        if name is None:
            continue
        tail = _BASED_IN.sub("", name.group(0).strip())  # "the Oslo-based Harlow Bank"
        before = title[: m.start()].split()
        phrase = (
            f"{before[-1].lower() if before else ''} {m.group(0).strip().lower()} {tail.lower()}"
        )
        if any(
            phrase.startswith(p) or p.startswith(phrase.strip()) for p in phrases if " of " in p
        ):
            continue  # "Secretary of State for Health": the "of" is the title's own
        if tail.split()[0].lower() in words:
            continue
        if before and before[-1].lower() in word_list("residents"):
            continue  # "Residents of Marlow": where they live, not a body
        if all(w.lower() in word_list("portfolios") for w in tail.split() if w[:1].isupper()):
            continue  # "for Health": a field, not a body
        return tail
    body = _BODY_TAIL.search(title)  # "a spokesman for the French foreign ministry"
    if body and body.group(2).lower() in word_list("organization_nouns"):
        named = body.group(1).split()
        if named[0].lower() in DET:
            return None  # "a school"
        first = next((k for k, w in enumerate(named) if w[:1].isupper()), 0)
        return " ".join(named[first:])  # "the government-funded Rand Corporation": the name
    toks = [t for word in title.split() for t in _title_parts(word, words, mods)]
    quantifiers = word_list("quantifiers")
    bodies = word_list("organization_nouns")
    kept: list[str] = []
    placed: set[int] = set()  # "a New York-based lawyer": the place's words, "-", "based"
    for k in range(1, len(toks) - 1):
        if toks[k : k + 2] == ["-", "based"]:
            first = k - 1
            while first > 0 and toks[first - 1][:1].isupper():
                first -= 1
            placed.update(range(first, k + 2))
    for k, tok in enumerate(toks):
        low = tok.lower()
        if k in placed:
            continue  # "a Riga-based trader": where the trader works, not a body
        singular = low[:-1] if low.endswith("s") else low  # "Lawyers for X"
        if low in ("in", "from", "near"):
            break  # "a nurse in Marlow": a place, not a body
        role = low in words or singular in words or low in gendered_nouns()  # "Father says"
        if role and _named_body(toks[k:], bodies):
            role = False  # "Harlow Teachers Union president": the union's name holds a role word
        named_next = low in quantifiers and k + 1 < len(toks) and toks[k + 1][:1].isupper()
        if not kept and low in quantifiers and not named_next:
            continue  # "One candidate", "Another pollster": no body ("All Nippon Airways" is)
        if role or low in mods or tok == "-" or low in DESCRIBING:
            if kept:
                break
            continue
        kept.append(tok)
    fields = word_list("office_fields")
    while kept and not _owned_body(kept, bodies):
        if kept[-1].lower() not in fields and kept[-1][:1].isupper():
            break
        kept.pop()  # "White House Press Secretary": the press office's field, not a name
    if kept and all(k.lower() in word_list("portfolios") for k in kept):
        return None  # "Finance Minister", "Police Chief": a field, not a body
    org = POSSESSIVE.sub("", " ".join(kept).strip()).strip()  # "Acme's spokesperson"
    if org.lower() in phrases or org.lower() in words:
        return None  # "the Prime Minister's spokesman": a person's title, not a body
    return org if org and org[:1].isupper() else None


def _title_parts(word: str, words: frozenset[str], mods: frozenset[str]) -> list[str]:
    """A title's word, whole when it is a hyphenated name (``Coca-Cola``, ``AFL-CIO``:
    every part capitalized, none a title word or modifier), else split at its hyphens
    (``Secretary-General``, ``D.C.-based``)."""
    if "-" not in word:
        return [word]
    parts = word.split("-")
    name = all(p[:1].isupper() and p.lower() not in words and p.lower() not in mods for p in parts)
    return [word] if name else " - ".join(parts).split()


def _owned_body(kept: list[str], bodies: frozenset[str]) -> bool:
    """``Marren campaign``, ``Obama administration``: a lowercase body noun after a name."""
    return len(kept) > 1 and kept[-1].lower() in bodies and kept[-2][:1].isupper()


def _named_body(toks: list[str], bodies: frozenset[str]) -> bool:
    """Whether the capitalized run starting at ``toks[0]`` ends in a body noun (``Teachers
    Union``, ``Nurses Association``): a name, though its first word is a role's."""
    for tok in toks[1:]:
        if not tok[:1].isupper():
            return False
        if POSSESSIVE.sub("", tok).lower() in bodies:  # "Teachers Union's president"
            return True
    return False


def longer_body(ent_span: Span, earlier: Sequence[Span]) -> Span:
    """The organization among the ``earlier`` entities whose name ``ent_span``, one
    capitalized word, is the head word of (``Harlow Council``, then ``the Council``; ``the
    Ministry of Transport``, then ``the Ministry``), when exactly one name has it (not a
    possessive's owner: ``Alphabet's Google``); else ``ent_span``."""
    words = [t for t in ent_span if t.lower_ not in DET]
    if len(words) != 1 or not words[0].text[:1].isupper():
        return ent_span
    found: dict[str, Span] = {}
    for sp in earlier:
        names = [t for t in sp if t.lower_ not in DET]
        if sp.label_ != "ORG" or len(names) < 2 or any(t.tag_ == "POS" for t in sp):
            continue
        k = next((j for j, t in enumerate(names) if t.lower_ in ("of", "for")), len(names))
        if k > 0 and names[k - 1].lower_ == words[0].lower_:
            found[strip_det(sp.text).lower()] = sp
    return next(iter(found.values())) if len(found) == 1 else ent_span


_ANY_BODY = frozenset({"company", "firm", "group", "organization", "organisation"})
"""Nouns any organization goes by (``the company``), whatever its name."""


def goes_by(noun: str, name: str) -> bool:
    """Whether a body named ``name`` (lowercase) goes by ``noun`` (a lemma): a word of its
    name (``the bank`` for Northgate Bank), a noun any body goes by (``the company``), or
    one for what a company does (``trade_nouns``: ``the automaker``) when the name holds
    no noun of another kind of body (*the Ministry of Transport* is no airline)."""
    words = name.split()
    if noun in words or noun in _ANY_BODY:
        return True
    if noun not in word_list("trade_nouns"):
        return False
    others = word_list("organization_nouns") - word_list("trade_nouns") - _ANY_BODY
    return not any(w in others for w in words)


class _Resolving(Protocol):
    def resolve(self, bounds: tuple[int, int], head_i: int | None) -> tuple[Any, Any]: ...

    def title_org(self, title: str | None, mention: Span) -> str | None: ...


_BODY_POSSESSIVES = frozenset({"its", "their"})


def owning_body(resolver: _Resolving, role: str, span: Span, head: Token) -> tuple[str | None, str]:
    """The organization an unnamed speaker's role belongs to, and the role without the
    possessor that gave it: the body its title names (``a spokeswoman for the Interior
    Ministry``), else a possessor that refers to a body the text named (``its chief
    economist`` or ``the bank's chief economist`` after ``Harlow Bank expects ...``:
    *chief economist* of *Harlow Bank*); ``resolver`` finds what the possessor refers to.
    No body for a person's possessor (``her lawyer``), a name (its title says it:
    ``Harlow Bank's economist``) or a body the text did not name."""
    if (body := resolver.title_org(role, span)) is not None:
        return body, role
    poss = next((c for c in head.children if c.dep_ == "poss"), None)
    if poss is None or not (
        poss.lower_ in _BODY_POSSESSIVES
        or (poss.pos_ == "NOUN" and poss.lemma_.lower() in word_list("organization_nouns"))
    ):
        return None, role
    ent, _ = resolver.resolve((poss.left_edge.i, poss.i + 1), poss.i)  # "the bank", no "'s"
    if ent.kind is not SpeakerKind.ORGANIZATION or not ent.name_at:  # "the bank": no name
        return None, role
    rest = span.doc[poss.right_edge.i + 1 : span.end].text  # "chief economist"
    return clean_name(ent.name), rest or role


def addressed_by_own_verb(name: Token, noun: Token) -> bool:
    """Whether ``name`` is the one spoken to in a phrase on the verb ``noun`` is the subject
    of (``In a statement to the Harbor Times, the company said``, ``Speaking with Orvex,
    the union said``): the object of *to* or *with* that hangs, within a few words, on that
    verb. A body does not make its statement to itself."""
    if name.dep_ != "pobj" or name.head.lower_ not in ("to", "with") or noun.dep_ != "nsubj":
        return False
    t = name.head
    for _ in range(4):
        if t.head.i == t.i:
            return False
        t = t.head
        if t.i == noun.head.i:
            return True
    return False
