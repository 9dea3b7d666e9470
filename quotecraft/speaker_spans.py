"""Which words of a document are people's names: the tagger's PERSON entities widened to
the first name it left out, and the names it missed or mislabelled after a title word
(``Mayor Ines Caro``, ``Secretary of Labor Ray Dunn``), with a first name before a place
(``Ana Costa`` with *Costa* as GPE), and those :mod:`quotecraft.speaker_untagged` finds
from what the text says of them. :func:`person_spans` gives them all, in text order.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.attrs import LOWER, POS
from spacy.parts_of_speech import AUX, VERB
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from .doc_arrays import entities, token_values
from .speaker_features import first_name_entity, first_names, honorifics, hyphenated_start
from .speaker_names import PERSON, title_sets, tokens_lowered
from .speaker_untagged import pronoun_named, untagged_names
from .titles import Titles, title_abbreviations
from .wordlists import word_list

__all__ = ["entity_spans", "person_spans", "titled_name_run", "titled_names", "widened"]


def titled_names(doc: Doc, titles: Titles | None = None) -> list[Span]:
    """Names the tagger left unlabelled right after a title word (``Mayor Ines Caro``,
    ``spokeswoman Lena Berg``) or read with it as a body (``Bishop Anselm Roe`` as ORG):
    two or three capitalized proper nouns in no other entity, none a body or a place word,
    as PERSON spans that start at the title (as a tagged name with its title does), so a
    later ``Caro`` finds the whole name. Only the title words are visited (found in the
    token array)."""
    _, words, _ = title_sets(titles)
    title_tokens = tokens_lowered(doc, words)
    if not title_tokens:
        return []
    bodies, places = word_list("organization_nouns"), word_list("place_nouns")
    out: list[Span] = []
    n, reach = len(doc), 0
    for i in (t.i for t in title_tokens):
        if i < reach:
            continue
        if doc[i].tag_ not in ("NN", "NNP"):
            continue  # 'Senators Rubio and Cruz': two people; 'in' of 'editor in chief
        first = i + 1
        if _portfolio_after(doc, i):
            first = i + 3  # 'Secretary of Labor Ray Dunn': the name after the portfolio
        # the tagger may read the title and the name as one body: 'Bishop Anselm Roe' (ORG)
        head = doc[first - 1]
        ent = head.ent_type_ if head.ent_iob_ == "B" and head.ent_type_ != PERSON else ""
        opens = -1  # or the name alone read as a body or place: 'Dr. Ada Obi' (ORG)
        if not ent and first < n and (name := doc[first]).ent_iob_ == "B":
            ent, opens = ("", -1) if name.ent_type_ == PERSON else (name.ent_type_, first)
        j = first
        while (
            j < n
            and doc[j].pos_ == "PROPN"
            and doc[j].ent_type_ == ent
            and (not ent or doc[j].ent_iob_ == "I" or j == opens)
            and doc[j].text[:1].isupper()
            and doc[j].lower_ not in words
            and doc[j].lower_ not in bodies
            and doc[j].lower_ not in places
        ):
            j += 1
        # a surname alone after an abbreviated title the tagger read with it as a body
        # ('Dr Ellis', 'Cllr Ward' as ORG): an abbreviation titles people, unlike
        # 'General' of 'General Motors'
        surname = j - first == 1 and first == i + 1 and _abbreviated(doc[i]) and bool(ent)
        if (
            (2 <= j - first <= 3 or surname)  # 'President Bush' alone may be anyone's
            and (j == n or (doc[j].pos_ != "PROPN" and doc[j].ent_iob_ != "I"))
            and (surname or titled_name_run(doc, first - 1, j))
        ):
            # the surname alone, its title before it as for a tagged name ('Dr' of 'Dr
            # Brown'): a bare abbreviation before one word may be a first name otherwise
            start = first if surname or first != i + 1 else i
            out.append(Span(doc, start, j, label=PERSON))
            reach = j
    return out


def _abbreviated(t: Token) -> bool:
    """A capitalized abbreviated title (``Dr``, ``Cllr``, ``Sgt.``:
    ``data/title_abbreviations.tsv``)."""
    return t.text[:1].isupper() and t.lower_ in title_abbreviations()


def _portfolio_after(doc: Doc, i: int) -> bool:
    """``Secretary of Labor``, ``Minister of Health``: the title at ``i`` followed by *of*
    and a capitalized word of ``portfolios``, which the tagger may read with the name after
    it as one body (``Labor Ray Dunn`` as ORG)."""
    return (
        i + 3 < len(doc)
        and doc[i + 1].lower_ == "of"
        and doc[i + 2].text[:1].isupper()
        and doc[i + 2].lower_ in word_list("portfolios")
    )


def titled_name_run(doc: Doc, title: int, end: int) -> bool:
    """Whether the title at ``title`` and the proper nouns up to ``end`` can be a titled
    name: not a body the tagger read whole that is one word after a title-like word
    (``General Motors``, ``General Electric``), and not part of a longer entity."""
    t = doc[title]
    if not t.ent_type_ or t.ent_type_ == PERSON or t.ent_iob_ != "B":
        return True
    if end < len(doc) and doc[end].ent_iob_ == "I":
        return False  # the body goes on after the name
    return end - title - 1 >= 2  # 'Bishop Anselm Roe' (ORG): a first name and a surname


def _with_role(span: Span, words: frozenset[str]) -> bool:
    """Whether a role is set beside the name in apposition (``the fire chief, Anders
    Holm``; ``Anders Holm, the fire chief,``): a title word heads the other side."""
    root = span.root
    if root.dep_ == "appos" and root.head.lower_ in words and root.head.i < span.start:
        return True
    return any(c.dep_ == "appos" and c.lower_ in words and c.i >= span.end for c in root.children)


def widened(span: Span, titles: Titles | None = None) -> Span:
    """A PERSON entity with the first name the tagger left out before it (``Ana Petrovic``
    tagged as ``Petrovic``): up to two known first names in no entity, compounds of the
    name, none a title, a body or a place word; any such name words when a role is set
    beside the name in apposition (:func:`_with_role`: ``the fire chief, Anders Holm``)."""
    if span.label_ != PERSON:
        return span
    _, words, mods = title_sets(titles)
    doc, start = span.doc, span.start
    role = _with_role(span, words)
    while (
        start > 0
        and span.start - start < 2
        and (t := doc[start - 1]).dep_ == "compound"
        and span.start <= t.head.i < span.end
        and _name_word(t, words, mods)
        # not 'Actress', 'Democrat', 'Affairs' before a name: a known first name, or any
        # name word when a role is set beside the name ('the fire chief, Anders Holm')
        and (role or t.lower_ in first_names())
        and t.lower_.removesuffix("s") not in words  # "Senators Ann Lee and ...": a plural title
    ):
        start -= 1
    start = hyphenated_start(doc, start, words, mods)  # "Jae-won Kim"
    end = span.end
    if (
        end + 1 < len(doc)
        and doc[end - 1].dep_ == "compound"
        and doc[end - 1].head.i == end
        and doc[end].dep_ != "compound"
        and _name_word(doc[end], words, mods)
        and not doc[end + 1].text[:1].isupper()  # not a title-case headline, "Age:" label
        and doc[end + 1].text != ":"
    ):
        end += 1  # "Amara Obi" tagged as "Amara": the surname the first name is a compound of
    if (start, end) == (span.start, span.end):
        return span
    return Span(doc, start, end, label=PERSON)


def _name_word(t: Token, words: frozenset[str], mods: frozenset[str]) -> bool:
    """A capitalized proper noun in no entity, no initial or abbreviation (``Del.``), that
    is no title, honorific, body or place word: a word of a person's name the tagger left
    out of the entity (before it or after it)."""
    return (
        t.pos_ == "PROPN"
        and not t.ent_type_
        and t.is_alpha
        and t.text[:1].isupper()
        and not t.is_upper
        and t.lower_ not in words
        and t.lower_ not in mods
        and t.lower_ not in honorifics()
        and t.lower_ not in word_list("organization_nouns")
        and t.lower_ not in word_list("place_nouns")
    )


def person_spans(doc: Doc, ents: Sequence[Span], titles: Titles | None = None) -> list[Span]:
    """The names of ``doc`` in text order: PERSON entities (:func:`widened`), names the
    tagger labelled otherwise that open with a known first name or that a pronoun takes
    up, titled names it missed and names it missed altogether (``speaker_untagged``)."""
    spans = [widened(sp, titles) for sp in ents if sp.label_ == PERSON]
    # a first name it took for a product, with the first name before it ('Ana Cole' with
    # 'Cole' as PRODUCT: 'Cole' is a first name too)
    spans += [
        _as_person(sp, titles) for sp in ents if sp.label_ != PERSON and first_name_entity(sp)
    ]
    spans += [sp for e in ents if (sp := _first_named(e, titles)) is not None]
    spans += titled_names(doc, titles) + pronoun_named(doc, ents, title_sets(titles))
    spans += untagged_names(doc, title_sets(titles), spans)
    return sorted(spans, key=lambda sp: sp.start)


def _as_person(ent: Span, titles: Titles | None) -> Span:
    """A name of another label that :func:`first_name_entity` reads as a person's, with
    the first name the tagger left out before it (:func:`widened`)."""
    person = widened(Span(ent.doc, ent.start, ent.end, label=PERSON), titles)
    return person if person.start < ent.start else ent


def _first_named(ent: Span, titles: Titles | None) -> Span | None:
    """A one-word name the tagger labelled a place or body, after a known first name in
    no entity (``Ana Costa`` with *Costa* as GPE): the person :func:`widened` finds."""
    if ent.label_ == PERSON or len(ent) != 1 or ent.start == 0:
        return None
    if ent.doc[ent.start - 1].lower_ not in first_names() or first_name_entity(ent):
        return None
    person = widened(Span(ent.doc, ent.start, ent.end, label=PERSON), titles)
    return person if person.start < ent.start else None


_LOOSE_ENDS = frozenset({"ADP", "CCONJ", "DET", "SCONJ"})


def _verb_in_name(doc: Doc, pos: Sequence[int], lower: Sequence[int], i: int) -> bool:
    """Whether ``doc[i]`` is a lowercase verb at an edge of a person's or body's name, a
    word the tagger let into it (``Tom muttered``), or a hyphen left beside a name (read
    from the arrays ``pos`` and ``lower``: most names end in no verb)."""
    if pos[i] not in _VERB_POS:
        return lower[i] == _HYPHEN
    return doc[i].text[:1].islower()


_VERB_POS = frozenset({VERB, AUX})
_HYPHEN = get_string_id("-")


def entity_spans(doc: Doc) -> list[Span]:
    """The document's named entities without words the tagger let run past the name: a
    preposition, conjunction or determiner at the end (``the ministry on`` of *released by
    the ministry on Monday* is ``the ministry``), a lowercase verb at either end of a
    person's or body's name (``Tom muttered``), or a label before it (*P.S.*); an entity
    left with nothing is dropped. A name the tagger took for a person's whose last word
    names a trade or a company's legal form (``company_words``: *Halvorsen Shipping*,
    *Ortiz Holdings*) is a body's (ORG).

    Example:
        >>> from spacy.tokens import Doc
        >>> from spacy.vocab import Vocab
        >>> doc = Doc(Vocab(), words=["the", "ministry", "on", "Monday"],
        ...           pos=["DET", "NOUN", "ADP", "PROPN"], ents=["B-ORG", "I-ORG", "I-ORG", "B-DATE"])
        >>> [e.text for e in entity_spans(doc)]
        ['the ministry', 'Monday']
    """
    out, lower, labels = [], token_values(doc, LOWER), word_list("headline_labels")
    pos = token_values(doc, POS)
    companies = word_list("company_words")
    for ent in entities(doc):
        start, end = ent.start, ent.end
        named = ent.label_ in (PERSON, "ORG")  # not "coming weeks" (DATE)
        while end > start and (
            doc[end - 1].pos_ in _LOOSE_ENDS or (named and _verb_in_name(doc, pos, lower, end - 1))
        ):
            end -= 1
        while named and start < end and _verb_in_name(doc, pos, lower, start):
            start += 1
        while start < end and (w := doc.vocab.strings[lower[start]]) in labels and not w.isalpha():
            start += 1  # "P.S. Grandpa": a letter's label, not the name's
        label = ent.label_
        if label == PERSON and end - start > 1 and doc.vocab.strings[lower[end - 1]] in companies:
            label = "ORG"  # "Halvorsen Shipping"
        if (start, end, label) == (ent.start, ent.end, ent.label_):
            out.append(ent)
        elif end > start:
            out.append(Span(doc, start, end, label=label))
    return out
