"""Mention features for pronoun agreement: what a word says about a person.

Decides the gender and number a pronoun carries (``data/pronouns.json``), the gender an
honorific (``Mrs.``) or a gendered noun (``mother``, ``chairman``) gives, the usual gender
of a first name (``data/first_names.tsv``), and whether an entity the tagger labelled
otherwise (``Ines Varga`` as ORG) is a person because it opens with a known first name;
and two things a name's words say: which of them is the surname (not a generational
suffix, :func:`without_suffix`) and whether a title before it is capitalized only because
it opens the sentence (:func:`organization_form`). Tables are read once per process.
"""

from __future__ import annotations

from collections.abc import Container
from functools import cache

from spacy.tokens import Doc, Span, Token

from .doc_arrays import entities, memo
from .name_ends import partitive
from .resources import data_json, data_tsv
from .wordlists import word_list


@cache
def pronouns() -> dict[str, str]:
    data = data_json("pronouns.json")
    out = {}
    for gender in ("male", "female", "plural", "neuter", "first_person", "second_person"):
        for p in data[gender]:
            out[p] = gender
    return out


@cache
def pronoun_set(kind: str) -> frozenset[str]:
    """The pronouns of one kind in ``pronouns.json`` (``second_person``...)."""
    return frozenset(data_json("pronouns.json")[kind])


@cache
def _subject_forms() -> dict[str, str]:
    return dict(data_json("pronouns.json")["subject_forms"])


def subject_form(word: str) -> str:
    """The subject form of a pronoun, capitalized as ``word`` is (``Your`` -> ``You``,
    ``my`` -> ``I``), else ``word``.

    Example:
        >>> subject_form("Their"), subject_form("my"), subject_form("him"), subject_form("She")
        ('They', 'I', 'he', 'She')
    """
    form = _subject_forms().get(word.lower())
    if form is None:
        return word
    return form[:1].upper() + form[1:] if word[:1].isupper() else form


@cache
def honorifics() -> dict[str, str]:
    return dict(data_json("pronouns.json")["honorifics"])


@cache
def gendered_nouns() -> dict[str, str]:
    """Nouns that say a person's gender (``mother``, ``chairman``, ``actress``)."""
    return dict(data_json("pronouns.json")["gendered_nouns"])


@cache
def first_names() -> dict[str, str]:
    """First name (lowercase) -> usual gender, from ``data/first_names.tsv`` (US Census 1990)."""
    return {row[0]: row[1] for row in data_tsv("first_names.tsv") if len(row) > 1}


NOT_BODY_LABELS = ("PRODUCT", "WORK_OF_ART", "EVENT")
"""Labels of names that are neither a body nor a place."""


def first_name_entity(span: Span) -> bool:
    """A name the tagger labelled otherwise (``Ines Varga`` as ORG) that opens with a known
    first name: two or three capitalized words, none of them a body or a place; or a known
    first name alone that it took for a product, a title or an event (``said Lina``,
    ``Hugo looked up``), which no body or place is, or for anything while joined by *and*
    to a person's name in a subject (``Ingrid and Paul walked``: the company of a person)."""
    if span.label_ not in ("ORG", "GPE", "NORP", "FAC", "LOC", *NOT_BODY_LABELS):
        return False
    if span[0].lower_ not in first_names():
        return False
    alone = len(span) == 1 and (span.label_ in NOT_BODY_LABELS or _joined_to_person(span[0]))
    if not (alone or 2 <= len(span) <= 3):
        return False
    if span[-1].tag_ == "NNPS":
        return False  # a plural last word: a team or a family, not one person
    nouns = word_list("organization_nouns")
    return all(
        t.pos_ == "PROPN"
        and t.text[:1].isupper()
        and t.lower_ not in nouns
        and t.lower_ not in word_list("place_nouns")
        for t in span
    )


def _joined_to_person(tok: Token) -> bool:
    """``tok`` and a person's name are conjuncts of a subject (``Ingrid and Paul
    walked``, ``Paul and Ingrid``); not in a prepositional phrase, where places are
    (``Jo Lee of Georgia and Tom Ash``, ``from Jefferson and Arapahoe``)."""
    first = tok.head if tok.dep_ == "conj" else tok
    if first.dep_ not in ("nsubj", "nsubjpass"):
        return False
    if tok.dep_ == "conj" and first.ent_type_ == "PERSON":
        return True
    return any(c.dep_ == "conj" and c.ent_type_ == "PERSON" for c in tok.children)


_PHRASE_DEPS = frozenset({"dobj", "dative", "pobj", "prep", "agent", "appos", "conj", "xcomp"})
"""Dependencies that keep a word inside its verb's own clause (an object, a preposition's
object, a phrase on the object, an infinitive sharing the subject: ``Lee tried to reach
her``), as opposed to a clause of its own."""


def object_of(pron: Token, subject: Token) -> bool:
    """``pron`` is an object in the clause of the verb ``subject`` is the subject of:
    ``Lee described her``, ``Lee disagrees with him``, ``Lee struck up a date with her``,
    or the subject of an infinitive on that verb (``Lee called her to meet``). A pronoun
    there is someone else, or it would be reflexive (``herself``); a possessive may be
    the subject's own (``Lee described her mother``)."""
    verb = subject.head
    if pron.dep_ == "nsubj":  # "called her to meet": the object of "called"
        clause = pron.head
        return clause.head.i == verb.i and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in clause.children
        )
    t = pron
    while t.dep_ in _PHRASE_DEPS and t.head.i != t.i:
        t = t.head
        if t.i == verb.i:
            return True
    return False


def mention_gender(span: Span, name: str) -> str | None:
    """The gender one mention of a person gives: its honorific (``Mrs. Claus``), a gendered
    noun in apposition (``her son, Piet Brandt``) or the first name of a full name
    (``Maria Ortega``). (One pronoun after it is too weak: a
    misparsed subject would split a person in two.)"""
    doc = span.doc
    prev = doc[span.start - 1].lower_ if span.start > 0 else ""
    gender = honorifics().get(prev) or honorifics().get(span[0].lower_)
    if gender is None:  # 'her son, Piet Brandt', 'Piet Brandt, her son,'
        root = span.root
        nouns = [root.head] if root.dep_ == "appos" else []
        nouns += [c for c in root.children if c.dep_ == "appos"]
        gender = next(
            (gendered_nouns()[n.lower_] for n in nouns if n.lower_ in gendered_nouns()), None
        )
    parts = name.split()
    if gender is None and len(parts) > 1:
        gender = first_names().get(parts[0].lower())
    return gender


def kin_as_name(t: Token) -> bool:
    """A gendered noun written as a name, capitalized and on its own (``Grandfather
    lowered his newspaper``, ``Mum said``): the tagger reads it as a proper noun, but it
    names one person as ``her father`` does."""
    return (
        t.pos_ == "PROPN"
        and t.text[:1].isupper()
        and t.lower_ in gendered_nouns()
        and t.ent_type_ != "PERSON"
        and t.dep_ not in ("attr", "oprd", "appos", "compound")
        and not any(c.dep_ in ("compound", "det", "poss") for c in t.children)
    )


def hyphenated_start(doc: Doc, start: int, *stop: frozenset[str]) -> int:
    """Where a name starts whose given name is hyphenated and which the tagger cut at the
    hyphen: ``Jae-won Kim`` tagged as ``Kim`` (or ``won Kim``) starts at ``Jae``.

    The given name is a capitalized word, a hyphen and a word written together, with no
    space, in no entity, neither part a word of the sets ``stop`` (title words: ``Vice-Admiral``,
    ``Ex-Senator``) nor an honorific; ``start`` unchanged otherwise."""
    for hyphen, new in ((start - 1, start - 2), (start - 2, start - 3)):
        if new < 0 or hyphen + 1 >= len(doc) or doc[hyphen].text != "-":
            continue
        first, second = doc[new], doc[hyphen + 1]
        if (
            first.is_alpha
            and len(first) > 1
            and first.text[0].isupper()
            and not first.whitespace_
            and not doc[hyphen].whitespace_
            and second.is_alpha
            and not first.ent_type_
            and (second.i == start or (not second.ent_type_ and second.whitespace_))
            and (new == 0 or doc[new - 1].whitespace_)
            and not any(w in words for w in (first.lower_, second.lower_) for words in stop)
            and first.lower_ not in honorifics()
        ):
            return new
    return start


def represented(head: Token, child: Token) -> bool:
    """Whether ``child`` of a speaker's head names someone the speaker speaks for, not
    the speaker: the possessor (``Mayor Ann Lee's spokesperson``), a name compounded with
    a plural common noun (``McConnell aides``) or with a body or group in the singular
    (``the Clinton campaign``, ``the Okafor family``), or the object of *for* or *to* after a
    common noun (``a lawyer for Ben Ortiz``, ``an aide to Ann Cole``), or of *of* after a
    plural noun for people or a gendered noun (``Friends of Ann Lee``, ``the mother of Ann
    Lee``), or the group a number or quantifier picks from (``one of Ann Lee's aides``:
    :func:`~quotecraft.name_ends.partitive`)."""
    if child.dep_ == "poss" or (child.dep_ == "compound" and head.tag_ == "NNS"):
        return True  # "McConnell aides", "Trump supporters": the people, not the name
    if child.dep_ == "compound" and head.tag_ == "NN" and _body(head):
        return True  # "the Clinton campaign", "the Okafor family": the body, not the name
    if child.dep_ == "prep" and child.lower_ == "of" and partitive(head):
        return True  # "one of Ann Lee's aides", "some of her friends": one of the group
    return (
        head.pos_ == "NOUN"
        and child.dep_ == "prep"
        and child.i > head.i
        and (child.lower_ in ("for", "to") or (child.lower_ == "of" and _people(head)))
    )


def _body(noun: Token) -> bool:
    """A singular noun for a body (``organization_nouns``: *campaign*, *office*) or for
    people together (``groups``: *family*, *couple*)."""
    low = noun.lower_
    return low in word_list("organization_nouns") or low in word_list("groups")


def _people(noun: Token) -> bool:
    """A plural noun for people of ``groups.txt`` (``friends``, ``supporters``) or a noun
    that says a person's gender (``the ex-wife of``, ``the mother of``): *of* after it
    names whom they stand by or belong to, not who speaks (``results of``, a thing's, does)."""
    return (noun.tag_ == "NNS" and noun.lower_ in word_list("groups")) or (
        noun.lower_ in gendered_nouns()
    )


def unless_person(
    org: str | None, mention: Span, surnames: Container[str] = frozenset()
) -> str | None:
    """``org`` unless a person of that name is tagged in the ``mention`` it was read
    from or is one of the ``surnames`` the text gives people (lowercase), or unless it
    is a name with an honorific: ``a lawyer for Ben Ortiz``, ``Quill aides``, ``Mr.
    Okafor's lawyer`` work for a person, not an organization (``Mrs. Lund's campaign``
    is one). A name ending in a body's noun is a body's (``Brightwave Labs``). One word the
    tagger labels a nationality, faith or party in the mention's sentence is no body
    (``the American ambassador``, ``a Catholic priest``)."""
    if org is None or org.lower() in surnames:
        return None
    if " " not in org:
        sent = mention.sent
        if any(sent.start <= i < sent.end for i in _norp_words(mention.doc).get(org, ())):
            return None
    first = org.split()[0].lower()
    personal = first in honorifics() or first in pronoun_set("neutral_honorifics")
    if personal and "'s" not in org and "’s" not in org:
        return None
    last = org.split()[-1].lower()
    if last in word_list("organization_nouns") or last[:-1] in word_list("organization_nouns"):
        return org  # "Brightwave Labs", whatever the tagger made of it, is a body
    people = {t.text for t in mention if t.ent_type_ == "PERSON"}  # no Span.ents: cheaper
    return None if people and all(w in people for w in org.split()) else org


def _norp_words(doc: Doc) -> dict[str, list[int]]:
    """Where each word of ``doc`` that the tagger labels NORP stands, by its text; read once
    per :func:`~quotecraft.doc_arrays.reading` block."""
    kept = memo(doc, "norp")
    found = kept.get("words") if kept is not None else None
    if found is None:
        found = {}
        for ent in entities(doc):
            if ent.label_ == "NORP":
                for t in ent:
                    found.setdefault(t.text, []).append(t.i)
        if kept is not None:
            kept["words"] = found
    return found


def introduces(mention: Span) -> bool:
    """Whether ``mention`` introduces someone new, no one person named before: an
    indefinite description (``A spokeswoman for the rail company said``), unless it
    stands in apposition to a name (``Jo Hart, a spokeswoman, ...``), or a plural one
    (``McConnell aides said``: not the one aide named earlier)."""
    if mention.root.tag_ == "NNS":
        return True
    return mention[0].lower_ in ("a", "an") and mention.root.dep_ != "appos"


_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
"""Generational suffixes written after a surname (``Jr.``, ``III``)."""


def without_suffix(parts: list[str], surname: str) -> tuple[list[str], str]:
    """The words of a name without a generational suffix, and its surname: *Okonjo* for
    ``Ann Okonjo Jr.``; ``surname`` (the caller's) when there is no suffix."""
    while len(parts) > 1 and parts[-1].lower().rstrip(".,") in _SUFFIXES:
        parts, surname = parts[:-1], parts[-2].lower().rstrip(",")
    return parts, surname


def organization_form(title: str, name: Span) -> str:
    """``title`` as :func:`organization_from_title` should read it: lowercased at its start
    when it stands before ``name`` and opens its sentence with a word in no entity before
    a lowercase one (``Talk show host Glenn Beck``: capitalized for its place, no body's
    name); else as it is (``NATO spokesman Jo Lee``, ``Senator Ann Lee``)."""
    words = title.split(maxsplit=2)
    if len(words) < 2 or not words[0][:1].isupper() or not words[1][:1].islower():
        return title
    doc = name.doc
    for t in doc[max(0, name.start - 8) : name.start + 1]:
        if t.text == words[0] and doc[t.i : name.end].text.startswith(title):
            nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
            placed = t.is_sent_start and not t.ent_type_ and t.is_title
            if placed and nxt is not None and nxt.is_lower:
                return title[:1].lower() + title[1:]
            return title
    return title


def subject_role(pron_tok: Token) -> Token | None:
    """The subject a pronoun stands in: itself (``She said``), or the noun it owns when
    that noun is the subject (``Her claim that ... drew jeers``); else None."""
    if pron_tok.dep_ in ("nsubj", "nsubjpass"):
        return pron_tok
    if pron_tok.dep_ == "poss" and pron_tok.head.dep_ in ("nsubj", "nsubjpass"):
        return pron_tok.head
    return None


def clause_subject(pron_tok: Token) -> Token | None:
    """For a possessive pronoun on the object of a verb, that verb's subject, whose the
    object most likely is (``The senator repeated her claim``); else None."""
    noun = pron_tok.head
    if pron_tok.dep_ != "poss" or noun.dep_ != "dobj":
        return None
    return next((c for c in noun.head.children if c.dep_ == "nsubj" and c.i < noun.i), None)


def adverbial_subject(tok: Token) -> bool:
    """``tok`` is the subject of an adverbial clause on the main verb (``as soon as the
    mechanic turned the key``)."""
    head = tok.head.head
    while head.dep_ == "advmod" and head.head is not head:
        head = head.head
    return tok.dep_ == "nsubj" and tok.head.dep_ == "advcl" and head.dep_ == "ROOT"


def main_subject(tok: Token) -> bool:
    """``tok`` (a name's first word) is in the subject of its sentence's main verb."""
    while tok.dep_ in ("compound", "flat", "appos") and tok.head is not tok:
        tok = tok.head  # "The deputy, Lee Chan, disagreed": Lee Chan
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ROOT"


def named_people(subject: Token) -> bool:
    """Whether ``subject`` is a person's name coordinated with another (``Tomas Berg and
    Ines Moll``): people *they* may take up. A name the tagger labelled a place or a body
    is not (``Paris and Rome``)."""
    return (
        subject.ent_type_ == "PERSON" or (subject.pos_ == "PROPN" and not subject.ent_type_)
    ) and any(
        c.dep_ == "conj" and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN")
        for c in subject.children
    )


@cache
def gendered_pronouns() -> frozenset[str]:
    """The pronouns of ``pronouns.json`` that are male or female."""
    return frozenset(w for w, g in pronouns().items() if g in ("male", "female"))
