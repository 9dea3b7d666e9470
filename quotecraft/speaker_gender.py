"""Genders the text gives a person: its own pronouns and a gendered noun beside its name.

The first-name table only guesses (:func:`~quotecraft.speaker_features.first_names`), and
many names are not in it. What the text says beats a guess and fills a blank:

- :func:`pronoun_votes` (applied by :func:`voted_genders`): a person named as the
  subject of a sentence takes the gender of the first *he, his, she, her* after it in
  that sentence, with no other person named between (``Kwame whispered to his sister``:
  *Kwame* is male). A pronoun that is an object in the subject's clause is someone else
  (``Lee described her``, ``Lee argued with him``) and is passed over, as is an object
  pronoun anywhere (``Lee said it would help her win``: more often someone else). A
  possessive in a noun set beside the name (``Lee, her partner, said she ...``) says
  the sentence is about two persons: no vote; so does a possessive pronoun on the subject
  (``Her brother, Tobias, said she ...``) and a pronoun in what a verb of telling says to
  someone (``Kemp asked the defendant whether he ...``).
- :func:`subject_pronoun`: the same test for one subject mention, which a name already
  taken by a person of the other gender uses to tell a second person by that name.
- :func:`stated_they`: a person the narration says goes by *they* (``Jordan Vale, who
  uses they/them pronouns,``) takes up a later *they*, as a group would.
- :func:`apposed_name`: a gendered noun set beside a name (``her brother, Sam,``; ``Sam,
  her brother,``) is that name's person, not a second one, and gives it its gender.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from .doc_arrays import document_text
from .speaker_features import gendered_nouns, object_of, pronouns
from .wordlists import word_list


def pronoun_votes(
    doc: Doc, mentions: Sequence[tuple[int, int | None]], inside_quote: Callable[[int], bool]
) -> dict[int, set[str]]:
    """The genders the pronouns after each voting subject mention give its person.

    ``mentions``: (first token, person key) of every person mention in text order, with
    key None for a mention that does not vote (not a subject, or a bare surname that may
    be another person's); ``inside_quote``: whether a character offset is inside a
    quotation (a quoted *he* is the speaker's, not the narration's). Returns key -> the
    genders seen."""
    table = pronouns()
    votes: dict[int, set[str]] = {}
    for k, (token, key) in enumerate(mentions):
        if key is None:
            continue
        subject = doc[token]
        while subject.dep_ == "compound" and subject.head.i > subject.i:
            subject = subject.head  # "Hana Sato disagrees with him": the verb's is Sato
        # the next person mentioned, not a word of this name ("Sato" in "Hana Sato")
        nxt = next((m[0] for m in mentions[k + 1 :] if m[0] > subject.i), len(doc))
        if subject.dep_ == "appos":
            subject = subject.head  # "Her colleague, Hana Sato, disagrees with him"
        if any(c.dep_ == "poss" and c.lower_ in table for c in subject.children):
            continue  # "Her brother, Tobias, said she ...": *her* is someone else, as *she* may be
        for t in doc[token + 1 : min(subject.sent.end, nxt)]:
            gender = table.get(t.lower_)
            if gender is None:
                continue  # only pronouns matter below
            if _of_apposition(t) or _addressed_between(t, subject):
                break  # "Lee, her partner, said she ...": the sentence has two persons
            if object_of(t, subject) or _object_form(t):
                continue  # "Lee described her": never Lee (a reflexive would be)
            if gender in ("male", "female") and not inside_quote(t.idx):
                votes.setdefault(key, set()).add(gender)
                break
    return votes


class _Person(Protocol):
    gender: str | None
    gender_guessed: bool
    first_person: bool

    @property
    def name(self) -> str | None: ...


def voted_genders(
    doc: Doc,
    mentions: Sequence[tuple[int, _Person, bool]],
    people: Iterable[_Person],
    inside_quote: Callable[[int], bool],
) -> None:
    """The text's own pronouns beat the first-name table (``Santa had spent his day``) and
    fill in a gender it does not know (``Kwame whispered to his sister``): when every
    pronoun after a person's subject mentions agrees (:func:`pronoun_votes`), that gender
    replaces a guess or a blank (never one from an honorific or a gendered noun).

    ``mentions``: (first token, person, whether a subject) in text order. A bare surname
    gives no vote to a blank, a bare first name none at all."""

    def key(token: int, person: _Person, subject: bool) -> int | None:
        if not subject or not (person.gender_guessed or person.gender is None):
            return None
        full = (person.name or "").split()
        word = doc[token].text
        if person.gender is None and len(full) > 1 and word == full[-1]:
            return None  # a bare surname ("Okoro said her ..."): maybe another Okoro's
        after = doc[token + 1].text if token + 1 < len(doc) else ""
        if len(full) > 1 and word == full[0] and after != full[1]:
            return None  # a bare first name ("Ruth took her seat"): maybe another Ruth
        return id(person)

    votes = pronoun_votes(doc, [(m[0], key(*m)) for m in mentions], inside_quote)
    stated = stated_they(doc, [(m[0], id(m[1])) for m in mentions], inside_quote)
    for person in people:
        seen = votes.get(id(person), set())
        if id(person) in stated:
            person.gender = "plural"  # what the text says of the person beats any guess
        elif len(seen) == 1 and (person.gender_guessed or person.gender is None):
            person.gender = next(iter(seen))


_THEY_THEM = re.compile(r"\bthey\s*/\s*them\b|\bpronouns?\s+(?:are\s+|is\s+)?[\"“']?they\b", re.I)
"""A statement that someone goes by *they* (``who uses they/them pronouns``, ``(they/them)``,
``whose pronoun is "they"``)."""


def stated_they(
    doc: Doc, mentions: Sequence[tuple[int, int]], inside_quote: Callable[[int], bool]
) -> set[int]:
    """The persons the narration says go by *they*: a statement of :data:`_THEY_THEM`
    outside quotations, in a sentence where one person alone is named before it (``Jordan
    Vale, who uses they/them pronouns, ...``). ``mentions``: (first token, person key) in
    text order; returns the keys. Their *they* is then theirs, not a group's."""
    text = document_text(doc) or doc.text  # (read once per document in the pipeline)
    out: set[int] = set()
    for m in _THEY_THEM.finditer(text) if "they" in text.lower() else ():
        if inside_quote(m.start()):
            continue
        sent = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if sent is None:
            continue
        first, at = sent.sent.start, sent.start
        named = {key for token, key in mentions if first <= token < at}
        if len(named) == 1:
            out |= named
    return out


def overrules_guess(
    person: _Person, gender: str | None, others: Iterable[_Person], pron: Token
) -> bool:
    """Whether the pronoun ``pron`` of ``gender``, the subject of a verb of speaking on
    (word list ``continuing_verbs``) right after ``person``'s words, takes ``person`` up
    though the first-name table guessed the other gender (``"...," Morgan said. "...,"
    she added.``, Alex Morgan guessed male): the text beats a guess when no one else
    (``others``: the persons mentioned in reach) could be meant. Not a narrator (``"...,"
    I said. "...," she added.``), nor after another verb (``"But" — he interjected``)."""
    return (
        pron.dep_ == "nsubj"
        and pron.head.lemma_.lower() in word_list("continuing_verbs")
        and person.gender_guessed
        and not person.first_person
        and {person.gender, gender} == {"male", "female"}
        and all(o is person for o in others)
    )


def genders_clash(known: str | None, pronoun: str | None, noun: Token) -> bool:
    """Whether a person's known gender and a pronoun's are two different ones, the person
    taken up by ``noun``: not when the noun is gendered itself (``His sister, Sam, ...
    she``: the noun says more than a first name's guess)."""
    if noun.lower_ in gendered_nouns():
        return False
    return {known, pronoun} <= {"male", "female"} and known != pronoun


def _object_form(pron: Token) -> bool:
    """*him*, or *her* not as a possessive: an object, someone the subject acts on or
    speaks of (``Lee said the plan would help her win``) more often than the subject."""
    return pron.tag_ == "PRP" and pron.lower_ in ("him", "her")


def _addressed_between(pron: Token, subject: Token) -> bool:
    """``Kemp asked the defendant whether he ...``: the pronoun is in the clause of a verb
    of telling (word list ``telling_verbs``) that addresses someone named or described
    before it, who may be the one meant."""
    verb = pron.head
    while verb.dep_ not in ("ccomp", "xcomp", "advcl", "ROOT") and verb.head.i != verb.i:
        verb = verb.head
    teller = verb.head
    return (
        teller.i != verb.i
        and teller.lemma_.lower() in word_list("telling_verbs")
        and any(
            c.dep_ in ("dobj", "dative")
            and c.pos_ in ("NOUN", "PROPN")
            and subject.i < c.i < pron.i
            for c in teller.children
        )
    )


def _of_apposition(pron: Token) -> bool:
    """A possessive in a noun set beside a name (``Nkem Adeyemi, her partner,``): whose
    partner is someone else's."""
    return pron.dep_ == "poss" and pron.head.dep_ == "appos"


def subject_pronoun(mention: Span, inside_quote: Callable[[int], bool]) -> str | None:
    """The gender of the first *he, his, she, her* after a subject mention in its sentence
    (``Santa had said he ...``), with no other name between; else None."""
    doc = mention.doc
    if mention.root.dep_ not in ("nsubj", "nsubjpass"):
        return None
    for t in doc[mention.end : mention[0].sent.end]:
        if t.pos_ == "PROPN" or t.ent_type_ == "PERSON":
            return None
        gender = pronouns().get(t.lower_)
        if object_of(t, mention.root):
            continue
        if gender in ("male", "female") and not inside_quote(t.idx):
            return gender
    return None


def apposed_name(noun: Token) -> Token | None:
    """The name a noun is set beside (``her brother, Sam,``; ``Sam, her brother,``), or None.

    Example:
        >>> import quotecraft
        >>> doc = quotecraft.load().nlp("Her brother, Sam, said she had left.")
        >>> apposed_name(doc[1])
        Sam
    """
    pair = [noun.head] if noun.dep_ == "appos" else []
    pair += [c for c in noun.children if c.dep_ == "appos"]
    return next((t for t in pair if _names_one(t)), None)


def _names_one(t: Token) -> bool:
    """A name, not a description: ``The governor, a Democrat,`` sets a group word beside
    the noun (an article, or a nationality, party or faith), which names no one."""
    if t.ent_type_ == "NORP" or any(c.dep_ == "det" for c in t.children):
        return False
    return t.pos_ == "PROPN" or t.ent_type_ == "PERSON"


def bound_gender(head: Token) -> str | None:
    """The gender of *he* or *she* as the subject of a clause said by ``head`` (``Brandt
    said he would not respond``: male): the pronoun a report binds to its speaker. Only
    to choose among people the name could be, never to tell them apart (a misparse would
    split one person in two)."""
    if head.dep_ != "nsubj":
        return None
    for clause in head.head.children:
        if clause.dep_ != "ccomp" or clause.i < head.i:
            continue
        for s in clause.children:
            if s.dep_ in ("nsubj", "nsubjpass") and s.lower_ in ("he", "she"):
                return pronouns()[s.lower_]
    return None


def gendered_rival(subject: Token, gender: str, described: Callable[[Token], bool]) -> Token | None:
    """The object of ``subject``'s sentence whose noun says a pronoun's ``gender``, when
    nothing says the subject's (``The prime minister met the queen. She said``: the
    queen; not ``The minister met her mother. She said``, where *her* is the
    minister's); ``described`` says which nouns the pronoun can take up."""
    nouns = gendered_nouns()
    if gender == "plural" or subject.lower_ in nouns:
        return None
    own = {w for w, g in pronouns().items() if g == gender}
    words = subject.sent[subject.i - subject.sent.start + 1 :]
    if any(t.lower_ in own for t in words):
        return None
    return next(
        (
            t
            for t in words
            if t.dep_ in ("dobj", "pobj") and nouns.get(t.lower_) == gender and described(t)
        ),
        None,
    )


def owns_other_gender(root: Token, gender: str) -> bool:
    """Whether the clause of ``root`` has a possessive of the gender that is not ``gender``
    (``Kemal met his sister``: *his* says Kemal is no *she*)."""
    other = {"male": "her", "female": "his"}.get(gender)
    return other is not None and any(t.dep_ == "poss" and t.lower_ == other for t in root.subtree)
