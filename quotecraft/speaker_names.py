"""Name, title and organization parsing for speaker mentions.

Decides which words of a mention are the name (titles, honorifics and stray words
trimmed, a party tag such as ``(D-Mass.)`` is no name), the title of a named person
(a pre-modifier such as ``former NATO Secretary-General`` or an apposition), and the
organization named in a title, and the author of a quoted title in a reference entry
(``Ann Lee. “Title.” Journal``). Every name is a slice of the text, as written; a
number makes no name (``Rewind 2013``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache

import numpy as np
from spacy.attrs import LOWER, ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from .doc_arrays import document_text, token_positions, token_values
from .speaker_features import first_names, honorifics, pronoun_set
from .speaker_groups import appos_of, is_age
from .structure import age_noun
from .titles import Titles, packaged_titles
from .wordlists import word_list

PERSON = "PERSON"
_POSSESSIVE_TAG = get_string_id("POS")
POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
DET = frozenset({"the", "a", "an", "this", "that", "these", "those"})
DESCRIBING = DET | {"his", "her", "its", "their", "our", "my", "your"}
"""Determiners and possessives: words before a noun that make it a description, not a
name, and name no body (``Her lawyer``, ``the woman``)."""
_NOT_NAME_POS = frozenset({"VERB", "AUX", "INTJ", "ADV", "ADP", "DET", "PRON", "SCONJ", "CCONJ"})
"""Parts of speech a tagger's PERSON entity may wrongly start with."""


def title_sets(titles: Titles | None) -> Titles:
    return packaged_titles() if titles is None else titles


def placing_words(modifiers: Sequence[Token], titles: Titles | None = None) -> list[str]:
    """The words of a description that place its person, lowercase: places and title
    words outside a possessive (``Vermont`` in ``the Vermont senator``, ``inspector`` in
    ``the inspector general``; not ``Lee`` in ``Lee's spokesman``)."""
    words = title_sets(titles)[1]
    return [
        t.lower_
        for t in modifiers
        if (t.ent_type_ in ("GPE", "LOC") or t.lower_ in words)
        and "poss" not in (t.dep_, t.head.dep_)
    ]


def text_slice(toks: Sequence[Token]) -> str:
    """The text from the first to the last token, as written (hyphens and apostrophes kept)."""
    if not toks:
        return ""
    first, last = toks[0], toks[-1]
    text = document_text(first.doc)
    if text is None:  # outside a reading block: the span's text, not the Doc's
        return first.doc[first.i : last.i + 1].text
    return text[first.idx : last.idx + len(last)]


def strip_det(text: str) -> str:
    words = text.split()
    while words and words[0].lower() in DET:
        words = words[1:]
    return POSSESSIVE.sub("", " ".join(words)).strip()


def bare_name(span: Span, titles: Titles | None = None) -> str:
    """The name in ``span`` without a leading determiner, honorific or title and a final
    possessive (``Mr Hale`` -> ``Hale``; ``the Smiths'`` -> ``Smiths``); "" if none."""
    toks = [t for t in name_tokens(span, titles) if t.lower_ not in DET]
    return POSSESSIVE.sub("", text_slice(toks)).strip()


_TRAILING_JUNK = '"“”‘’«»<>'


def name_edges(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` without the marks the tokenizer left glued to a name: leading
    characters that are neither letters, digits nor apostrophes, trailing quotation marks
    and angle brackets (``">Sanders``, markup residue in scraped text); unchanged if nothing is left.

    Example:
        >>> text = 'True.">Sanders said'
        >>> s, e = name_edges(text, 5, 14)
        >>> text[s:e]
        'Sanders'
    """
    s, e = start, end
    while s < e and not text[s].isalnum() and text[s] not in "'’":
        s += 1  # an apostrophe stays: "let's" is a mention of "us" as "'s"
    while e > s and text[e - 1] in _TRAILING_JUNK:
        e -= 1
    return (s, e) if s < e else (start, end)


def clean_name(name: str | None) -> str | None:
    """``name`` without the marks :func:`name_edges` leaves out (None stays None)."""
    if not name:
        return name
    s, e = name_edges(name, 0, len(name))
    return name[s:e]


_NOT_NAMES = frozenset({"", "CARDINAL", "ORDINAL", "QUANTITY", "DATE", "TIME"})


def sentence_cased(span: Span) -> str:
    """``span``'s text with a first word that is capitalized only because it opens the
    sentence put in lower case (``Angry farmers`` -> ``angry farmers``), so the
    capital is not read as a name's (``Hospital staff`` names no organization)."""
    first = span[0]
    if first.is_sent_start and first.pos_ != "PROPN" and first.ent_type_ in _NOT_NAMES:
        return first.lower_ + span.text[len(first.text) :]
    return span.text


_PARTY_TAG = re.compile(r"^[DRI]-[A-Z][A-Za-z.]*$")


def looks_like_name(toks: Sequence[Token]) -> bool:
    """A person's name has a capitalized word of two letters or more, no number
    (``Rewind 2013`` is an event) and is no party tag."""
    text = "".join(t.text_with_ws for t in toks).strip()
    if not text or _PARTY_TAG.match(text.replace(" ", "")) or any(t.is_digit for t in toks):
        return False
    return any(t.is_alpha and len(t.text) > 1 and t.text[0].isupper() for t in toks)


def tokens_lowered(
    doc: Doc, words: frozenset[str] | tuple[str, ...], attr: int = LOWER
) -> list[Token]:
    """The tokens of ``doc`` whose lowercase form (or other string attribute ``attr``,
    such as ``LEMMA``) is one of ``words``, in text order, found in the token array (no
    Token is built for the others)."""
    return [doc[i] for i in token_positions(doc, attr, string_hashes(words))]


@lru_cache(maxsize=32)
def string_hashes(words: frozenset[str] | tuple[str, ...]) -> np.ndarray:
    """The string-store hashes of ``words`` (the same in every vocabulary), sorted."""
    return np.array(sorted({get_string_id(w) for w in words}), dtype=np.uint64)


def lowercase_words(doc: Doc) -> set[str]:
    """The words ``doc`` writes in lower case (for :func:`common_opening`), read from the
    token array without building a Token per word."""
    strings = doc.vocab.strings
    return {w for w in (strings[o] for o in set(token_values(doc, ORTH))) if w.islower()}


def common_opening(toks: Sequence[Token], lowercase: set[str]) -> bool:
    """A name's first word opens a sentence or a line and the text writes it in
    lowercase elsewhere (``Describe Einstein’s view``; ``describe``): a common word,
    not part of the name (a known first name stays: ``Will Lee``, ``will``); so is an
    opening word in *-ing* that is no known first name (``Injecting Clinton's troubles``)."""
    if len(toks) < 2:
        return False
    first = toks[0]
    opens = first.is_sent_start or first.i == 0 or "\n" in first.doc[first.i - 1].text
    if not opens or first.lower_ in first_names():
        return False
    # "Injecting Clinton's troubles ...": a sentence opening with a participle
    return first.lower_ in lowercase or (first.lower_.endswith("ing") and len(first) > 5)


def name_tokens(span: Span, titles: Titles | None = None) -> list[Token]:
    """The tokens of a PERSON entity minus leading titles and honorifics."""
    _, words, mods = title_sets(titles)
    toks = [t for t in span if not t.is_punct or t.text in ("-", ".")]
    while toks and (
        _leading_title(toks, words)
        or toks[0].lower_ in mods
        or toks[0].lower_ in honorifics()
        or (toks[0].pos_ in _NOT_NAME_POS and not _given_name(toks))  # "Describe Einstein"
    ):
        toks = toks[1:]
    while toks and toks[-1].text in ("'s", "’s", "'", "’", "-", "."):
        toks = toks[:-1]
    if len(toks) > 2:
        owner = max((k for k, t in enumerate(toks) if t.tag == _POSSESSIVE_TAG), default=-1)
        if 0 < owner < len(toks) - 1 and all(t.pos_ == "PROPN" for t in toks[owner + 1 :]):
            toks = toks[owner + 1 :]  # "Labour’s Angela Frost" tagged as one name: hers
    return toks


def _given_name(toks: Sequence[Token]) -> bool:
    """A known first name the tagger read as a verb or auxiliary before a surname, outside
    a question (``Will Carter smiled``; not ``Will Carter run?``)."""
    first = toks[0]
    return (
        len(toks) > 1
        and first.is_title
        and first.lower_ in first_names()
        and toks[1].pos_ == "PROPN"
        and not any(t.text == "?" for t in first.sent[-2:])
    )


def _leading_title(toks: Sequence[Token], words: frozenset[str]) -> bool:
    """Whether ``toks[0]`` is a title word. An abbreviation written without its full stop
    is one before a full name (``Sen Kay Orme``, ``Cllr Ana Ruiz``) and before a surname
    (``Cllr Ward``, ``Prof Lindgren``), unless it is also a given name
    (``data/lists/name_like_abbreviations.txt``: ``Gen Nakatani`` may be a man named Gen)."""
    word = toks[0].lower_
    if word not in words:
        return False
    return (
        word + "." not in words or len(toks) > 2 or word not in word_list("name_like_abbreviations")
    )


def label_words(span: Span) -> list[Token] | None:
    """The words of a transcript's speaker label: one to three words in capitals before a
    colon or a bracket (``KATE LUND:``, ``MODERATOR:``); None for anything else."""
    doc = span.doc
    words = [t for t in span if not t.is_punct]
    if (
        1 <= len(words) <= 3
        and span.end < len(doc)
        and doc[span.end].text in (":", "(")
        and all(t.is_alpha and t.is_upper and len(t) > 1 for t in words)
    ):
        return words
    return None


def label_parts(span: Span, titles: Titles | None = None) -> tuple[list[Token], list[Token]] | None:
    """The title words and the name words of a transcript's speaker label
    (:func:`label_words`): ``GOVERNOR PIKE:`` is a title and a name, ``KATE LUND:`` a
    name, ``MODERATOR:`` and ``THE VICE PRESIDENT:`` a role with no name (all its words
    are the title's). None when ``span`` is no label."""
    words = label_words(span)
    if words is None:
        return None
    _, title_words, mods = title_sets(titles)
    titled = [t.lower_ in title_words or t.lower_ in mods for t in words]
    lead = next((k for k, is_title in enumerate(titled) if not is_title), len(words))
    if any(titled[lead:]) or (any(titled) and lead == 0):
        return words, []
    return words[:lead], words[lead:]


def _lowercase(t: Token) -> bool:
    """A word in lower case, or a common noun capitalized as a sentence's first
    (``Police``)."""
    return t.text.islower() or (bool(t.is_sent_start) and t.pos_ == "NOUN" and t.text[1:].islower())


def premodifier_title(name: Span, titles: Titles | None = None) -> str | None:
    doc, fields = name.doc, word_list("portfolios")
    _, words, mods = title_sets(titles)
    i = name.start - 1
    # NER sometimes includes the title in the entity ("President Zelensky")
    inner = [t for t in name if t.lower_ in words or t.lower_ in mods]
    if inner and inner[0].i == name.start:
        k = name.start
        while k < name.end and (
            _leading_title(list(doc[k : name.end]), words)
            or doc[k].lower_ in mods
            or doc[k].text in "-."
        ):
            k += 1
        i = k - 1
        end_title = k
    else:
        end_title = name.start
    first = i + 1
    phrases = _phrases_by_last_word(title_sets(titles)[0])
    while i >= 0:
        t = doc[i]
        low = t.lower_
        if t.is_space or "\n" in t.text:
            break
        n = _phrase_before(doc, i, phrases.get(low, ()))
        if n:  # a title of several words: "chief of staff", "editor in chief"
            first = i - n + 1
            i -= n
            continue
        if (
            (low in words and (t.pos_ != "ADP" or doc[i + 1].text in ("-", "–")))
            or low in mods
            or t.ent_type_ in ("ORG", "NORP", "GPE")
            or (t.pos_ == "PROPN" and t.ent_type_ != PERSON and t.text[:1].isupper())
            or (t.dep_ == "compound" and _lowercase(t) and first <= t.head.i < end_title)
            or (
                t.dep_ == "amod"
                and _lowercase(t)
                and first <= t.head.i < end_title
                and i > 0
                and doc[i - 1].lower_ in mods
            )  # "chief financial officer": an adjective between a modifier and the title
        ):  # a preposition only inside a hyphenated title ("Editor-in-Chief", not "in Mr.
            # Berg's desk"); the last: "council president Mark Udall", a lowercase noun
            first = i
            i -= 1
            continue
        if t.text in ("-", "–") and i > 0 and i + 1 <= end_title:
            i -= 1
            continue
        if low == "the" and first == i + 1 and i > 0 and doc[i - 1].lower_ == "of":
            i -= 1  # "Chancellor of the Exchequer": the body's article
            continue
        if (  # "Secretary of State", "Minister for Education" (a field, not "for Acme")
            low in ("of", "for")
            and i > 0
            and (first == i + 1 or (first == i + 2 and doc[i + 1].lower_ == "the"))
            and (doc[i - 1].lower_ in words or (low == "of" and doc[i - 1].text[:1].isupper()))
            and (low == "of" or first < end_title)  # a field after "for", not the name
            and (low == "of" or all(w.lower_ in fields for w in doc[first:end_title]))
        ):
            i -= 1
            continue
        break
    if first >= end_title:
        return None
    toks = doc[first:end_title]
    # strip leading connectors, and an honorific that ends the title ("ambassador Sir")
    while len(toks) and toks[0].lower_ in ("of", "-", "and"):
        toks = toks[1:]
    address = _address_words()  # "Superintendent Dr. Alan Reeve": Superintendent
    while len(toks) > 1 and (toks[-1].lower_ in address or toks[-1].lower_ in _DANGLING):
        toks = toks[:-1]
    title_words = [t for t in toks if t.lower_ in words]
    if not title_words:
        return None
    return toks.text.strip() or None


@cache
def _address_words() -> frozenset[str]:
    """Honorifics and titles of address (``Mr.``, ``Dr.``, ``Rev.``), which end no title."""
    return frozenset(honorifics()) | pronoun_set("neutral_honorifics")


_DANGLING = frozenset({"of", "and", "-", "–", "—"})
"""Words a title does not end with (``president - Mrs.`` before a name is *president*)."""


@lru_cache(maxsize=8)
def _phrases_by_last_word(phrases: frozenset[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The titles of several words, by their last word (``staff``: ``chief of staff``)."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        words = tuple(phrase.split())
        if len(words) > 1:
            out.setdefault(words[-1], []).append(words)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


def _phrase_before(doc: Doc, i: int, candidates: Sequence[tuple[str, ...]]) -> int:
    """How many words of the longest of ``candidates`` end at token ``i`` (0: none)."""
    for words in candidates:
        n = len(words)
        if i - n + 1 >= 0 and all(doc[i - n + 1 + k].lower_ == w for k, w in enumerate(words)):
            return n
    return 0


_PLACE_OR_BODY = re.compile(r"\s(?:at|in|with|from|for(?=\s+(?:the|a|an|its|his|her|their)\s))\s")
"""Where a title's role words end and the body or place it belongs to begins: *at*, *in*,
*with*, *from*, and *for* before a determiner (``Minister for Health`` is one role)."""


def role_words(title: str | None) -> str | None:
    """The role words of a title, without the body or place it belongs to (that is the
    speaker's organization, found apart). *of* stays: it belongs to many role names.

    Example:
        >>> role_words("epidemiologist at the city hospital")
        'epidemiologist'
        >>> role_words("spokesman for the French foreign ministry")
        'spokesman'
        >>> role_words("Chief of Staff of the alliance"), role_words("editor in chief")
        ('Chief of Staff of the alliance', 'editor in chief')
    """
    if not title:
        return title
    for m in _PLACE_OR_BODY.finditer(title):
        if title[m.end() :].lower().startswith("chief"):
            continue  # editor in chief
        head = title[: m.start()].strip(" ,")
        return head or title
    return title


def mention_span(tok: Token) -> tuple[int, int]:
    """Token bounds of the name around ``tok`` (compounds and flat names)."""
    from .attribution import mention_bounds

    return mention_bounds(tok)


_CITATION = re.compile(r"(?:^|\n)(?P<name>[A-Z][\w'’-]+(?:,? [A-Z][\w.'’-]+){0,3})\.\s*[\"“‘']?$")
"""A line opening a reference entry with its author: ``Ann Lee. “Title.” Journal``."""


def cited_author(doc: Doc, text: str, start: int) -> tuple[int, int] | None:
    """The author of a quoted title that opens a reference entry (``Ann Lee. “Title.”
    Journal, 2017.``): the token bounds of the name before it on its line, when the
    tagger calls a word of it a person or it opens with a known first name. ``text`` is
    the Doc's text (spaCy rebuilds ``doc.text`` on each call)."""
    line = text[text.rfind("\n", 0, start) + 1 : start]
    m = _CITATION.search(line)
    if m is None:
        return None
    at = start - len(line) + m.start("name")
    span = doc.char_span(at, at + len(m.group("name")), alignment_mode="expand")
    if span is None or not (
        any(t.ent_type_ == PERSON for t in span) or span[0].lower_ in first_names()
    ):
        return None
    return span.start, span.end


def merged_spans(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The union of character spans, as sorted disjoint spans (the quotes a name inside is
    not a mention of)."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if e <= s:
            continue
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def apposed_persons(head: Token) -> list[Token]:
    """The appositions of ``head`` (:func:`appos_of`) that name its person (``The
    defendant, Carl Brandt, 51,``): ``head`` is no person's name itself, no colon stands
    between them (``the winner: Ana Ruiz``), and the apposition is a proper noun with no
    determiner whose words, an age aside, look like a name."""
    if head.ent_type_ == "PERSON":
        return []
    doc = head.doc
    return [
        c
        for c in appos_of(head)
        if not any(t.text == ":" for t in doc[min(head.i, c.i) : max(head.i, c.i)])
        and c.pos_ == "PROPN"
        and c.left_edge.pos_ != "DET"
        and looks_like_name(_name_words(c))
    ]


def naming_appositions(head: Token) -> list[Token]:
    """The appositions of :func:`apposed_persons` that name ``head``'s speaker: not one name
    beside a plural common noun, which names an example of them (``Local historians,
    chiefly Ruth Olsen, say``)."""
    plural = head.tag_ == "NNS"
    return [
        c for c in apposed_persons(head) if not plural or any(t.dep_ == "conj" for t in c.children)
    ]


def _name_words(name: Token) -> list[Token]:
    """The words of a name's phrase without punctuation, its age, set off after it
    (``Carl Brandt, 51,``) or before it (``34-year-old Lucas Fontaine``), and a clause on
    it (``Ruud Vermeer, who joined in 2003,``: the year is the clause's, not the name's)."""
    aged = {t.i for m in name.lefts if age_noun(m) for t in m.subtree}
    aged |= {t.i for c in name.rights if c.dep_ in ("relcl", "acl") for t in c.subtree}
    return [t for t in name.subtree if not (t.is_punct or is_age(t) or t.i in aged)]
