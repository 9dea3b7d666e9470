"""Coordinated speakers: which conjoined nouns name the members of one group.

``Maria and Luis Ortega``, ``Ken Ito and his wife, Yumi``, ``Ken Ito, 60, and Yumi
Sato``, ``the mayor and the police chief``, ``Teachers and parents``: the attribution
stage keeps such a phrase as one mention (:func:`coordinated_name`, :func:`aside_before`),
and the speaker stage names each member by its name (:func:`apposed_member`); groups
joined (:func:`plural_people`) are one group named by the phrase, with no members.
"""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.strings import get_string_id
from spacy.tokens import Span, Token

from .doc_arrays import entities, token_values
from .name_ends import partitive_noun
from .titles import packaged_titles
from .wordlists import word_list

_COMMA = get_string_id(",")


def coordinated_name(head: Token, cc: Token) -> bool:
    """``Maria and Luis Ortega``: a name joined by *and* to another name right after it,
    or to a noun with a name in apposition (``Ken Ito and his wife, Yumi``); a role noun
    counts as a name (:func:`described_member`: ``the mayor and the police chief``,
    ``Ken Ito and the mayor``)."""
    if cc.lower_ not in ("and", "&"):
        return False
    if plural_people(head):  # "Teachers and parents say": two groups speak together
        return any(
            c.dep_ == "conj" and c.left_edge.i == cc.i + 1 and plural_people(c) for c in head.rights
        )
    if not names_member(head):
        return False
    return any(
        c.dep_ == "conj"
        and c.left_edge.i == cc.i + 1
        and (apposed_member(c) is not None or described_member(c))
        and not _title_word(c)  # "The president and CEO": one person with two titles
        for c in head.rights
    )


def plural_people(tok: Token) -> bool:
    """A plural noun for people (word list ``groups`` or a packaged title word in the
    plural: ``teachers``, ``residents``, ``nurses``), one member of a coordinated speaker
    made of groups (``Teachers and parents``)."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NNS":
        return False
    return tok.lower_ in word_list("groups") or tok.lemma_.lower() in packaged_titles()[1]


def _title_word(tok: Token) -> bool:
    """A bare title word with no determiner of its own (``CEO`` in ``the president and
    CEO``), which the tagger may read as a name."""
    phrases, words, _ = packaged_titles()
    return (tok.lower_ in words or tok.lower_ in phrases) and not any(
        c.dep_ in ("det", "poss", "compound") for c in tok.children
    )


def described_member(tok: Token) -> bool:
    """A common noun with its own determiner or possessor that names one person by a role
    of the packaged titles (``the mayor``, ``the police chief``, ``her coach``): a member
    of a coordinated speaker like a name, since ``the mayor and the police chief said``
    are two speakers, not the mayor alone. ``The president and CEO of ...`` (no
    determiner of its own) is one person with two titles."""
    if tok.pos_ != "NOUN" or tok.tag_ not in ("NN", "NNP"):
        return False
    if not any(c.dep_ in ("det", "poss") and c.i < tok.i for c in tok.children):
        return False
    phrases, words, _ = packaged_titles()
    return tok.lower_ in words or tok.lower_ in phrases


def names_member(head: Token) -> bool:
    """Whether ``head`` can be the first member of a group speaker: a name, a role
    (:func:`described_member`) or a noun with a name in apposition (``The planner, Ann
    Hill, and her deputy, ...``)."""
    return head.pos_ == "PROPN" or described_member(head) or apposed_member(head) is not None


def apposed_member(conj: Token) -> Token | None:
    """The name token a conjoined member of a group is named by: itself when a name,
    else a name in apposition to it (``his wife, Yumi``); None otherwise."""
    if conj.pos_ == "PROPN":
        return conj
    if conj.pos_ == "NOUN":
        return next((a for a in conj.rights if a.dep_ == "appos" and a.pos_ == "PROPN"), None)
    return None


def apposed_conjuncts(head: Token) -> tuple[Token, list[Token]] | None:
    """``The founder, Mia Vance, and its chief executive, Sam Ortiz``, ``Ruiz, the lawyer,
    and Okafor, the accountant``: the parse hangs the second member on the first one's
    apposition (after a comma and *and*; not :func:`_same_person`). Returns the first
    member's name and the conjuncts, each a name or a role with its name in apposition
    (``and her deputy, Ravi Shah``): after a name apposed to a role, or a name with a role
    apposed (:func:`_described`); not ``Jo Lee, the mayor and the party's leader`` (one
    person)."""
    doc = head.doc
    appos = next((c for c in head.rights if c.dep_ == "appos"), None)
    if appos is None or doc[appos.left_edge.i - 1].text != ",":
        return None
    cc = next((c for c in appos.rights if c.dep_ == "cc"), None)
    conjs = [c for c in appos.rights if c.dep_ == "conj"]
    if cc is None or cc.lower_ not in ("and", "&") or doc[cc.i - 1].text != "," or not conjs:
        return None
    if any(_same_person(c) for c in conjs):
        return None
    named = all(apposed_member(c) is not None and not _title_word(c) for c in conjs)
    if head.pos_ == "NOUN" and appos.pos_ == "PROPN" and _described(head):
        return (appos, conjs) if named else None
    if head.pos_ == "PROPN" and appos.pos_ == "NOUN" and _described(appos):
        return (head, conjs) if named else None
    return None


def _described(noun: Token) -> bool:
    """A role in apposition to a name: a title word (``Ruiz, the lawyer,``) or any noun
    with its own article or possessor (``Ann Hill, the city's chief planner,``)."""
    return noun.lower_ in packaged_titles()[1] or any(
        c.dep_ in ("det", "poss") and c.i < noun.i for c in noun.children
    )


def group_conjuncts(head: Token, end: int) -> tuple[Token, list[Token]]:
    """The first member of a group speaker whose head is ``head`` (its name in apposition
    if any: ``The mayor, Rita Olsen, and her deputy``) and the conjuncts before ``end``
    (those of :func:`apposed_conjuncts` when the parse hung them on the apposition)."""
    if (joined := apposed_conjuncts(head)) is not None:
        return joined
    conjuncts = [c for c in head.rights if c.dep_ == "conj" and c.i < end]
    return apposed_member(head) or head, conjuncts


def _same_person(conj: Token) -> bool:
    """A conjunct after a name's apposition that describes the same person: one with the
    article *a* (``Ann Roe, a professor, and a co-editor of ...``) or a party, nationality
    or faith (``and a Republican who ...``)."""
    return conj.ent_type_ == "NORP" or any(
        c.dep_ == "det" and c.lower_ in ("a", "an") for c in conj.children
    )


def aside_before(head: Token, cc: Token) -> bool:
    """``Ken Ito, 60, and``: only a number in apposition lies between the name and *and*;
    or one apposition set off by commas, a name after a role or a role after a name
    (``The mayor, Rita Olsen, and``, ``Ruiz, the lawyer, and``)."""
    between = head.doc[head.i + 1 : cc.i]
    if len(between) > 2 and between[0].text == between[-1].text == ",":
        other = {"NOUN": "PROPN", "PROPN": "NOUN"}.get(head.pos_)
        appos = next((c for c in head.rights if c.dep_ == "appos" and c.pos_ == other), None)
        conj = next((c for c in head.rights if c.dep_ == "conj" and c.i > cc.i), None)
        if appos is not None and conj is not None and not _same_person(conj):
            return appos.left_edge.i == head.i + 2 and appos.right_edge.i == cc.i - 2
    return (
        len(between) > 0
        and between[0].is_punct
        and all(t.is_punct or is_age(t) for t in between)
        and any(t.like_num for t in between)
    )


def is_age(tok: Token) -> bool:
    """A number in apposition to a name (``Ken Ito, 60,``): the person's age."""
    return tok.dep_ == "appos" and tok.like_num


def without_ages(span: Span) -> str:
    """A group's name without its members' ages: ``Ken Ito, 60, and Yumi Sato, 58`` is
    ``Ken Ito and Yumi Sato``."""
    ages = {t.i for t in span if is_age(t)}
    drop = ages | {i + d for i in ages for d in (-1, 1) if span.doc[i + d].is_punct}
    words = [" " if t.i in drop else t.text_with_ws for t in span]
    return " ".join("".join(words).split()).strip(" ,")


_RELATIVE_WORDS = frozenset({"who", "whom", "whose", "which"})


def relative_aside(prep: Token) -> int | None:
    """Where a relative clause set off by a comma starts in the phrase of ``prep`` (``a
    nurse at the clinic, who asked not to be named``): the speaker's phrase ends there."""
    doc = prep.doc
    for i in range(prep.i + 1, prep.right_edge.i):
        if doc[i].text == "," and doc[i + 1].lower_ in _RELATIVE_WORDS:
            return i
    return None


def apposed_names(head: Token) -> tuple[list[str], int, int] | None:
    """``The twins, Ana and Eva Lopes,``, ``Two nurses, Ana Lopes and Eva Marsh,``: names
    joined by *and* in apposition to a plural noun are one group's members, whatever the
    parse made of them. Returns the members' names (``Ana`` takes the last member's
    surname: Ana Lopes) and the token bounds of the names; None when the words after
    the noun's comma are not names joined by *and*."""
    doc, head = head.doc, partitive_group(head)  # "Both of her parents, Ivan and Lida Petrov,"
    if head.tag_ != "NNS" or head.i + 2 >= len(doc) or doc[head.i + 1].text != ",":
        return None
    parts: list[list[Token]] = []
    cur: list[Token] = []
    seen_and = False
    for t in doc[head.i + 2 : min(len(doc), head.i + 16)]:
        if t.pos_ == "PROPN" and t.is_title:
            cur.append(t)
        elif t.lower_ == "and" and (cur or parts):
            parts, cur, seen_and = [*parts, cur] if cur else parts, [], True
        elif t.text == "," and cur and not seen_and:
            parts, cur = [*parts, cur], []
        elif t.text == "," and not cur and not seen_and:
            return None
        else:
            break  # the closing comma, the verb, the sentence's end
    if cur:
        parts.append(cur)
    if not seen_and or len(parts) < 2 or any(len(p) > 3 for p in parts):
        return None
    surname = parts[-1][-1].text if len(parts[-1]) > 1 else None
    members = [
        " ".join(t.text for t in p) + (f" {surname}" if surname and len(p) == 1 else "")
        for p in parts
    ]
    return members, parts[0][0].i, parts[-1][-1].i + 1


def partitive_group(head: Token) -> Token:
    """``Both of her parents, Ivan and Lida Petrov,``, ``One of the pilots, Ana Ruiz,``: the
    noun a number or quantifier picks from, when the apposition after the phrase hangs on
    that noun (the parser's usual reading); the apposition names who speaks. A singular
    pick (``one of``, ``each of``) takes one name, not the group's list. Else ``head``."""
    group = partitive_noun(head)
    if group is None or any(c.dep_ == "appos" for c in head.children):
        return head
    appos = [c for c in group.children if c.dep_ == "appos"]
    if not appos:
        return head
    if head.lower_ in _SINGULAR_PICKS and any(c.dep_ == "conj" for a in appos for c in a.children):
        return head  # "one of the three, Ana, Ben and Cy": the three, not the one
    return group


_SINGULAR_PICKS = frozenset({"one", "each", "either", "neither", "another"})


def described_words(span: Span, head: Token) -> tuple[Span, Token]:
    """The words (and their head) that describe an unnamed speaker mentioned as ``span``:
    without a numeral that stands for an article (``one resident``: *resident*), the
    common noun apposed to a bare pick of a group (``one, a cashier at the store``: *the
    cashier at the store*), or set beside it after a comma (``said another, a driver who
    saw it``: the parser's adverb or second subject); else ``span`` and ``head``."""
    if len(span) > 1 and span[0].lower_ == "one" and span[0].dep_ == "nummod":
        return span[1:], head
    if head.lower_ in ("one", "another"):
        after = head.i + 2 < len(head.doc) and head.nbor(1).text == ","
        beside = [c for c in head.head.rights if after and c.left_edge.i == head.i + 2]
        for c in [*head.children, *beside]:  # "said another, a driver": read as an adverb
            if c.dep_ in ("appos", "npadvmod", "nsubj") and c.pos_ == "NOUN":  # not its relcl
                end = min(
                    [c.right_edge.i + 1, *(r.left_edge.i for r in c.rights if r.dep_ == "relcl")]
                )
                return head.doc[c.left_edge.i : end], c
    return span, head


def appos_of(head: Token) -> list[Token]:
    """The appositions of ``head``, and those the parse hangs on the body a role noun
    belongs to (``the head of the Weather Service, Beth Lowe``: *Beth Lowe* on *Service*;
    ``a spokeswoman for the airline, Dana Petrakis``), when that body is named but no
    person's name, or unnamed (the ``organization_nouns`` list), or the person the role
    serves has a name of their own (:func:`_holder_name`), and the apposition is a
    person's."""
    head = partitive_group(head)  # "One of the pilots, Ana Ruiz,": Ana Ruiz
    found = [c for c in head.children if c.dep_ == "appos"] or _name_beside(head)
    found += [n for c in found if c.pos_ == "NOUN" for n in _titled_name(c)]
    if head.pos_ == "NOUN":
        for prep in head.children:
            for obj in prep.children if prep.dep_ == "prep" and prep.i > head.i else ():
                names = [c for c in obj.children if c.dep_ == "appos" and _person_beside(c, obj)]
                if obj.dep_ != "pobj" or not names:
                    continue
                holder = _holder_name(obj)
                if (
                    obj.ent_type_ not in ("", "PERSON")
                    # "a spokeswoman for the airline, Dana Petrakis": an unnamed body
                    or (
                        obj.pos_ == "NOUN" and obj.lemma_.lower() in word_list("organization_nouns")
                    )
                    or holder is not None
                ):
                    # not "the governor, Ann Lee" after "Governor Ann Lee": hers
                    found += [c for c in names if holder is None or c.lower_ not in holder]
    return found


_BESIDE_DEPS = frozenset({"npadvmod", "appos", "dobj", "attr"})


def _name_beside(head: Token) -> list[Token]:
    """A proper name set off by commas right after ``head`` that the parser hung on the
    word ``head`` hangs on (``tweeted the goalkeeper, Ivo Stanek, shortly after``, with
    *Stanek* a modifier of *tweeted*): an apposition the parse missed."""
    doc = head.doc
    comma = head.right_edge.i + 1
    if head.dep_ not in ("nsubj", "dobj") or comma + 1 >= len(doc) or doc[comma].text != ",":
        return []
    return [
        c
        for c in head.head.children
        if c.dep_ in _BESIDE_DEPS
        and c.pos_ == "PROPN"
        and c.left_edge.i == comma + 1
        and (c.right_edge.i + 1 == len(doc) or doc[c.right_edge.i + 1].text in (",", "."))
    ]


def _person_beside(name: Token, body: Token) -> bool:
    """Whether the apposition ``name`` on the body ``body`` is a person's: tagged so, or a
    full name of capitalized proper nouns beside an organization the tagger names (``the
    CEO of Brightwater Foods, Olu Adeyemi``, the name tagged a place): a body takes no
    second proper name. Not beside a place (``the mayor of Salem, Oregon``), nor an
    organization of its own (the tagger's entity may run on over the comma: *Acme, Olu
    Adeyemi*, which is kept)."""
    if name.ent_type_ == "PERSON":
        return True
    words = [t for t in name.subtree if not t.is_punct]
    return (
        body.ent_type_ == "ORG"
        and (name.ent_type_ != "ORG" or words[0].ent_iob_ == "I")
        and len(words) >= 2
        and all(t.pos_ == "PROPN" and t.is_title for t in words)
    )


def _holder_name(obj: Token) -> frozenset[str] | None:
    """The words of the name the person ``obj`` names has of its own, when it has one, so
    another name apposed to ``obj`` is the role's: ``a spokeswoman for Governor Dunmore,
    Kim Abara`` (a name takes no other name), ``a spokeswoman for the governor, Kim
    Abara`` after ``Governor Rachel Dunmore`` (the text named the governor before, the
    role before the name); None (the apposition may be the holder's) otherwise."""
    if obj.ent_type_ == "PERSON" and obj.pos_ == "PROPN":
        return frozenset({obj.lower_})
    if obj.pos_ != "NOUN" or not any(c.lower_ == "the" for c in obj.lefts):
        return None
    doc, low = obj.doc, obj.lower_
    for e in entities(doc):
        if (
            e.end <= obj.i
            and e.label_ == "PERSON"
            and e.start > 0
            and doc[e.start - 1].lower_ == low
        ):
            return frozenset(t.lower_ for t in e)
    return None


_BODY_LABELS = frozenset({"ORG", "NORP", "GPE", "FAC"})
_COLLECTIVE_ENDINGS = ("sh", "ch", "ese", "ss")
"""Endings of nationality words that name a people, not one person (*the French*, *the
British*, *the Chinese*, *the Swiss*); *the American*, *the Republican* is one person."""


def names_body(ent: Span) -> bool:
    """Whether the entity ``ent`` names a body (``the Kremlin``, ``NATO``, ``the
    French``): an ORG, NORP, GPE or FAC entity with a word that is no common noun (not
    ``Neighbours`` read as a body), and no member of a group written in the singular
    (``the Republican``, ``the Iraqi``: a person the text describes by party or people)."""
    if ent.label_ not in _BODY_LABELS:
        return False
    words = [t for t in ent if t.lower_ not in ("the", "a", "an")]
    if not any(t.pos_ != "NOUN" for t in words):
        return False
    one = len(words) == 1 and words[0]
    return not (
        ent.label_ == "NORP"
        and one
        and one.tag_ in ("NN", "NNP")
        and not one.lower_.endswith(_COLLECTIVE_ENDINGS)
    )


def fronted_conjunct(subject: Token, verb: Token) -> Token:
    """The real subject when the parser took a word of a fronted phrase for it.

    ``Besides the types above, Spang (1983) noted that ...``: the sentence opens with a
    preposition or subordinator (*Besides*) whose phrase runs to a comma; the parser read
    a word of that phrase (*types*, or *changes* as a verb) as the verb's subject and the
    name after the comma as a conjunct or modifier of it. When the words between that
    comma and ``verb`` are a noun phrase of their own (names, nouns, an article, a year in
    brackets), its last noun is the subject; else ``subject`` itself."""
    doc = subject.doc
    if _COMMA not in token_values(doc, ORTH)[subject.i : verb.i]:
        return subject  # checked first, on the token array: most subjects have no comma
    comma = next(t for t in doc[subject.i : verb.i] if t.text == ",")
    first = doc[verb.sent.start]
    if first.pos_ not in ("ADP", "SCONJ") or not first.i < subject.i:
        return subject
    if any(t.text == "," for t in doc[first.i : subject.i]):
        return subject
    head = None
    depth = 0
    for t in doc[comma.i + 1 : verb.i]:
        depth += (t.text == "(") - (t.text == ")")
        if depth or t.text == ")":
            continue  # "(1983)"
        if t.pos_ in ("PROPN", "NOUN"):
            head = t
        elif t.pos_ not in ("DET", "ADJ", "NUM") and t.tag_ != "HYPH":
            return subject
    return head if head is not None else subject


def _titled_name(role: Token) -> list[Token]:
    """The person's name a role noun in apposition runs into, which the parse hangs on the
    role as an apposition of its own (``Her boss, chief executive Raj Mehta,``: *Mehta* on
    *executive*): a name right after the role noun, with nothing between."""
    return [
        c
        for c in role.children
        if c.dep_ == "appos" and c.ent_type_ == "PERSON" and c.left_edge.i == role.i + 1
    ]
