"""The subject the parser cut off from its verb by an aside.

``Jay Okoro, the club's treasurer since 2009, said ...``; ``Ms. Lind, whose shop
closed in May, said ...``; ``Senator Ruth Alder (who chairs the panel) says ...``: an
apposition, a relative clause or a bracket between the subject and the verb often
leaves a small model's parse with a verb that has no subject, and the report with no
speaker (so it is dropped). :func:`subject_across_aside` finds the subject again: the
noun phrase right before the aside, when the aside closes right before the verb.
:func:`quotecraft.attribution.attribute` tries it after
:func:`stranded_subject`, which finds a name with no verb
between it and the cue (an aside with a verb, ``who ran``, ``helping to``, stops that).
:func:`subject_of_verb_read_as_participle` comes next: a main verb the parser read as a
participle of the noun before it (``... the letter called the ward unsafe``); and last
:func:`subject_before_closing_cue`: the noun phrase between a closing quotation mark and
a cue verb the parser left without a subject (``"Why?" the innkeeper asked.``).

A subject read as a preposition's object (:func:`subject_read_as_object`: ``Prices
jumped after the chief executive, who took over in May, announced ...``), a preposition's
object read as a subject (:func:`subject_read_as_clause`: ``Residents who lived near the
plant before the fire said ...``) or as the
object of the clause it reports (:func:`set_off_object`: ``Prices will keep rising, the
bank's governor, Ilse Marr, warned``), and an
inverted attribution inside the clause it reports, whose cue the parser gives both
subjects (:func:`inverted_aside`: ``The verdict, said the lawyer, was unjust``).

Two more misreadings of a subject: a relative clause with no pronoun, read as a
participle on its subject (:func:`zero_relative_subject`, :func:`plural_after_article`:
``a decision critics called "reckless"``); and a subject that negates its verb
(:func:`negative_subject`: ``Nobody said ...``). An aside's participle read as a finite
verb (``The coach, asked whether ..., said``): :mod:`quotecraft.aside_participles`.
"""

from __future__ import annotations

from spacy.tokens import Token

from .mark_table import as_mark
from .name_ends import aside_ending, swallowed_name
from .quoted_verbs import quote_verb_before
from .titles import packaged_titles
from .wordlists import word_list

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
"""The relations of a verb's subject."""

_OPENING = {",": ",", ")": "(", "—": "—", "–": "–", "--": "--"}
"""The mark closing an aside right before the verb, and the mark that opens it."""
_NOT_SPEAKERS = frozenset(
    {"GPE", "LOC", "DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "FAC", "ORDINAL", "QUANTITY"}
)
"""Entity labels of a phrase that names no speaker (``a Hollywood, Fla., rabbi``)."""
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
_PHRASE_POS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "NUM", "PART"})
_CLAUSE_EDGES = frozenset({",", "—", "–", "--"})
_BEFORE_VERB = frozenset({"advmod", "aux", "neg"})
"""Words of the verb between an aside and the verb (``..., also said``, ``..., would say``)."""
MAX_ASIDE = 30
"""The longest aside, in tokens, between the subject and its verb."""


def _phrase_start(head: Token) -> int:
    """The first token of the noun phrase that ends with ``head`` (``Sen. Chris Murphy``)."""
    start = head.i
    k = head.i - 1
    while k >= head.sent.start:
        t = head.doc[k]
        abbreviation_dot = t.text == "." and k > head.sent.start and head.doc[k - 1].pos_ == "PROPN"
        if not (t.pos_ in _PHRASE_POS and not t.is_punct) and not abbreviation_dot:
            break
        start = k
        k -= 1
    return start


def _names_speaker(head: Token, start: int) -> bool:
    """Whether the phrase ``doc[start:head.i + 1]`` can be a speaker: a name the model
    tags as a person, organization or group, a noun phrase with a determiner or number
    (``One attendee``) or a bare plural (``Residents``), not a place or a date. A capitalized word with no entity type is
    no subject: unknown beats a wrong name."""
    if head.ent_type_ in _NOT_SPEAKERS or head.dep_ == "pobj":
        return False
    if head.ent_type_ in ("PERSON", "ORG", "NORP"):
        return True
    doc = head.doc
    return head.pos_ == "NOUN" and (
        doc[start].tag_ in ("DT", "PRP$", "CD")
        or any(t.pos_ == "PROPN" for t in doc[start : head.i])
        or head.tag_ == "NNS"  # a bare plural: 'Residents, some of whom ..., said'
    )


def subject_across_aside(cue: Token) -> Token | None:
    """The head of the subject before an aside that closes right before ``cue``.

    ``cue`` must be a finite verb without a subject of its own, at the root of its
    sentence or of a clause or parenthetical. The aside closes with a comma, a dash or a
    bracket right before the verb (or before its adverbs, auxiliaries and negation:
    ``..., also said``, ``..., would only say``) and opens with the same mark (a bracket:
    its opening bracket) at most :data:`MAX_ASIDE` tokens back, right after the subject: a
    name or a noun phrase with a determiner that opens its clause (at the sentence's start
    or after a comma). Of several commas, the nearest whose phrase can be a speaker is
    taken (``Ari Tal, a Haifa, Israel, native, said``: not *Israel*, a place).
    """
    if any(c.dep_ in _SUBJECTS for c in cue.children) or not finite(cue):
        return None
    if cue.dep_ not in ("ROOT", "ccomp", "parataxis"):
        return None
    doc = cue.doc
    first = cue.sent.start
    k = cue.i - 1
    while k > first and doc[k].head.i == cue.i and doc[k].dep_ in _BEFORE_VERB:
        k -= 1  # "..., also said", "..., would only say"
    opening = _OPENING.get(doc[k].text)
    if opening is None:
        return None
    for o in range(k - 1, max(first, k - MAX_ASIDE) - 1, -1):
        t = doc[o]
        if t.text in (";", ":") or t.is_quote:
            return None  # the aside never holds a clause break or a quotation
        if t.text != opening or o - 1 < first:
            continue
        head = doc[o - 1]
        start = _phrase_start(head)
        if not _names_speaker(head, start):
            continue
        if (
            start > first
            and doc[start - 1].text not in _CLAUSE_EDGES
            and doc[start - 1].pos_ != "CCONJ"
        ):
            continue  # the phrase must open its clause
        return head
    return None


def finite(verb: Token) -> bool:
    """Whether ``verb`` is finite, or a bare verb after a modal or *do* (``would say``)."""
    if verb.tag_ in ("VBD", "VBZ", "VBP"):
        return True
    return verb.tag_ == "VB" and any(
        c.dep_ == "aux" and c.tag_ in ("MD", "VBD", "VBZ", "VBP") and c.i < verb.i
        for c in verb.children
    )


def subject_of_verb_read_as_participle(cue: Token) -> Token | None:
    """The subject of a main verb the parser read as a participle of a noun before it.

    ``One of the nurses who signed the letter called the ward unsafe.``: the parse takes
    *the letter called the ward unsafe* for a noun with a participle (as in *a letter
    called "Hope"*) and leaves the sentence with a noun phrase at its root and no main
    verb. When ``cue`` is such a participle (a past form, with an object or complement
    of its own after it) and no finite verb outside a relative clause stands in its
    sentence, the root noun phrase before it is the subject (the noun whose relative clause
    holds the participle: *the nurses*). A quotation after a colon is an object too (``A
    woman called from the dark: "Who goes there?"``; its verbs are not the sentence's). A
    sentence with a verb of its own (``They traced the story to a website called Real
    News``) is left alone.
    """
    if cue.dep_ != "acl" or cue.tag_ not in ("VBN", "VBD"):
        return None
    doc, end = cue.doc, cue.right_edge.i + 1
    quoted = end + 1 < len(doc) and doc[end].text == ":" and doc[end + 1].is_quote
    if not quoted and not any(
        c.dep_ in ("dobj", "ccomp", "xcomp", "oprd") and c.i > cue.i for c in cue.children
    ):
        return None
    root = cue.head if quoted else cue.sent.root  # the parse may root it in the quotation
    if root.pos_ not in ("NOUN", "PROPN", "NUM", "PRON") or root.i > cue.i:
        return None
    for t in doc[cue.sent.start : end] if quoted else cue.sent:
        if quoted and t.i == cue.i:
            continue
        if t.tag_ in ("VBD", "VBZ", "VBP", "MD") and not any(
            a.dep_ == "relcl" for a in (t, *t.ancestors)
        ):
            return None  # a finite verb outside a relative clause: the sentence has its verb
    for t in cue.ancestors:
        if t.dep_ == "relcl":
            return t.head  # "One of the nurses who signed the letter": the nurses
    return root


_CLOSING_MARKS = frozenset({'"', "”", "’", "'", "»", "''"})
_NP_EDGE_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM"})


def subject_before_closing_cue(cue: Token) -> Token | None:
    """The noun phrase between a closing quotation mark and a cue verb that ends the
    sentence, when the parse gave the verb no subject (``"What do you want?" the
    innkeeper asked.``, read as a participle with *innkeeper* for an adverb): the phrase is
    the subject. Only a plain noun phrase (a determiner, adjectives, nouns) right after the
    mark (or its comma), with nothing but punctuation after the verb; its last noun is
    returned."""
    if cue.pos_ != "VERB" or any(c.dep_ in _SUBJECTS for c in cue.children):
        return None
    doc = cue.doc
    after = doc[cue.i + 1 : cue.sent.end]
    if not all(t.is_punct or t.is_space for t in after):
        return None
    k = cue.i - 1
    if k < 0 or doc[k].tag_ not in ("NN", "NNP"):
        return None
    noun = doc[k]
    while k >= 0 and doc[k].pos_ in _NP_EDGE_POS:
        k -= 1
    if k < 0:
        return None
    before = doc[k]
    if before.text == "," and k > 0:
        before = doc[k - 1]
    return noun if before.text in _CLOSING_MARKS else None


_CLAUSE_PREPOSITIONS = frozenset({"after", "before", "since", "until", "till", "once"})
"""Words that open a clause as well as a noun phrase (``after the vote``, ``after the
mayor said``)."""


def subject_under_adverb(cue: Token) -> Token | None:
    """``"I think," said the professor slowly, "that ..."``: the parser hung the inverted
    subject on the adverb after it; a subjectless cue's adverb's subject is the cue's."""
    for adverb in cue.rights:
        if adverb.dep_ == "advmod" and adverb.n_lefts:
            for c in adverb.lefts:
                if c.dep_ == "nsubj" and c.i > cue.i:
                    return None if any(x.dep_ in _SUBJECTS for x in cue.children) else c
    return None


def subject_read_as_object(cue: Token) -> Token | None:
    """``Prices jumped after the chief executive, who took over in May, announced that
    ...``: the parser read *after* as a preposition, its noun as the object and the
    finite verb that follows as a second verb of the main clause, whose subject
    (*Prices*) would then speak. The noun phrase of the preposition ends right before
    the verb (or its comma); it is the verb's subject. Only for a finite verb with no
    subject of its own and a word of ``_CLAUSE_PREPOSITIONS``."""
    if cue.tag_ not in ("VBD", "VBZ", "VBP") or cue.dep_ not in ("conj", "advcl"):
        return None
    if any(c.dep_ in _SUBJECTS for c in cue.children):
        return None
    doc = cue.doc
    k = cue.i - 1
    aside = k > 0 and doc[k].text == ","
    if aside:
        k -= 1
    if k <= 0 or doc[k + 1].is_sent_start:
        return None
    tok: Token | None = doc[k]
    while tok is not None and tok.i < cue.i:
        if (
            tok.dep_ == "pobj"
            and tok.pos_ in ("NOUN", "PROPN")
            and tok.head.lower_ in _CLAUSE_PREPOSITIONS
            and tok.right_edge.i in (k, cue.i - 1)
        ):
            return tok if not aside or _set_off(tok, k) else None
        tok = None if tok.head.i == tok.i else tok.head
    return None


def subject_read_as_clause(cue: Token) -> Token | None:
    """``Residents who lived near the plant before the fire said ...``: the reverse of
    :func:`subject_read_as_object`. The parser read the preposition (*before*) as opening a
    clause whose subject is its noun (*the fire said*), hung on the relative clause of a
    noun it left as the root of the sentence. With no main verb, the cue is the verb of
    that noun, which speaks, unless the preposition's noun may speak itself (:func:`_may_speak`)."""
    if cue.dep_ != "advcl" or cue.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    rel = cue.head
    if rel.dep_ != "relcl":
        return None
    noun = rel.head
    if noun.dep_ != "ROOT" or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    marked = any(
        c.dep_ == "mark" and c.lower_ in _CLAUSE_PREPOSITIONS and c.i < cue.i for c in cue.children
    )
    own = next((c for c in cue.children if c.dep_ == "nsubj" and c.i < cue.i), None)
    return noun if marked and own is not None and not _may_speak(own) else None


def _may_speak(noun: Token) -> bool:
    """Whether ``noun`` may speak: a pronoun, a name, a title or a body, group or people's
    noun. Not *the storm*, *the merger*: ``Guests who stayed after the mayor said the dam
    was safe left`` is the mayor's, though the parser again left *Guests* as the root."""
    lower = noun.lower_
    return (
        noun.pos_ == "PRON"
        or noun.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or lower in packaged_titles()[1]
        or any(lower in word_list(w) for w in ("organization_nouns", "groups", "residents"))
    )


def set_off_object(cue: Token) -> Token | None:
    """``Prices will keep rising, the central bank's governor, Ilse Marr, warned on
    Wednesday``: the parser read the subject, set off by a comma after the clause it
    reports, as the object of that clause's verb and the cue as a second verb of that
    clause. The object (after a comma, its phrase ending right before the cue or its
    comma) is the subject of a finite cue with none of its own; an object follows its
    verb with no comma (``kept the money, spent it`` has none)."""
    if cue.tag_ not in ("VBD", "VBZ", "VBP") or cue.dep_ != "conj":
        return None
    if any(c.dep_ in _SUBJECTS for c in cue.children):
        return None
    doc = cue.doc
    for obj in cue.head.rights:
        if obj.dep_ != "dobj" or obj.i >= cue.i:
            continue
        if any(not t.is_punct for t in doc[obj.right_edge.i + 1 : cue.i]):
            continue
        first = obj.left_edge.i
        if first > cue.head.i + 1 and doc[first - 1].text == "," and obj.pos_ in ("NOUN", "PROPN"):
            return obj
    return None


def _set_off(noun: Token, end: int) -> bool:
    """Whether a comma opens an apposition or a relative clause of ``noun`` that ends at
    ``end`` (``the chief executive, who took over in May,``); without one, the comma
    before the verb closes the preposition's phrase (``After the vote, asked whether
    ...``: a participle, not the vote's verb)."""
    return any(
        c.dep_ in ("relcl", "appos", "acl")
        and c.right_edge.i == end
        and noun.doc[c.left_edge.i - 1].text == ","
        for c in noun.rights
    )


def inverted_aside(cue: Token) -> tuple[Token, Token] | None:
    """``The verdict, said defence lawyer Priya Nair, was "a travesty."``: an inverted
    attribution set off by commas inside the clause it reports. The parser gives the cue
    two subjects: the clause's, right before the cue's comma, and the speaker, right after
    the cue and followed by a comma. Returns (the clause's subject, the speaker), else
    None."""
    doc = cue.doc
    if cue.i < 2 or cue.i + 2 >= len(doc) or doc[cue.i - 1].text != ",":
        return None  # cheap first: most cues have no comma right before them
    before = [c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < cue.i]
    after = [c for c in cue.children if c.dep_ == "nsubj" and c.i > cue.i]
    if len(before) != 1 or len(after) != 1:
        return None
    fronted, speaker = before[0], after[0]
    last = speaker.right_edge.i  # the comma after each may be the parse's part of it
    if fronted.right_edge.i not in (cue.i - 2, cue.i - 1):
        return None
    closed = doc[last].text == "," or (last + 1 < len(doc) and doc[last + 1].text == ",")
    if speaker.left_edge.i != cue.i + 1 or not closed:
        return None
    return fronted, speaker


def counted_subject(verb: Token) -> Token | None:
    """The count that stands for the subject of a verb the parser gave none: ``About 4
    in 10 say`` (a number as ``nummod`` or ``npadvmod``), ``..., and more than half
    said`` (*half* read as an adverb)."""
    count = next(
        (
            c
            for c in verb.lefts
            if (c.dep_ in ("nummod", "npadvmod", "dep") and c.like_num)
            or (c.dep_ == "advmod" and c.pos_ == "NOUN")
        ),
        None,
    )
    if count is None or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    return count


def comma_between(first: Token, last: Token) -> bool:
    """Whether a comma closes ``first``'s phrase before ``last``'s begins (``Madam
    Speaker, a year ago, Ann Lee said``: two subjects the parser gave one verb, the first
    a vocative)."""
    doc = first.doc
    return any(doc[i].text == "," for i in range(first.right_edge.i + 1, last.left_edge.i))


def zero_relative_subject(verb: Token) -> Token | None:
    """``a move parents called "heartless"``, ``a budget the treasurer called "lean"``: a
    clause with no relative pronoun, which the parser reads as a participle on its
    subject, a plural compounded with the noun before it (*move parents*: no article goes
    with a plural) or a noun phrase right after a noun. Returns the subject, else None."""
    head = verb.head
    if verb.dep_ != "acl" or verb.i < head.i or verb.tag_ not in ("VBN", "VBD"):
        return None  # not "a message asking ...": a present participle is no finite verb
    if plural_after_article(head):
        return head
    # "a budget the treasurer called": a noun phrase right after another noun
    first = head.left_edge
    if first.dep_ == "det" and first.i > 0 and head.doc[first.i - 1].pos_ == "NOUN":
        return head
    return None


def plural_after_article(head: Token) -> int:
    """``a decision critics``: a plural noun with the article *a* and a singular noun
    compounded with it, which no noun phrase is (the plural opens a clause with no
    relative pronoun: ``a decision critics called "reckless"``). Returns the plural's
    own phrase start (after the compounded noun), else 0."""
    if head.tag_ != "NNS":
        return 0
    lefts = list(head.lefts)
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in lefts):
        return 0
    return max((c.i + 1 for c in lefts if c.dep_ == "compound" and c.tag_ == "NN"), default=0)


def negative_subject(cue: Token) -> bool:
    """``Nobody explained ...``, ``No official would say ...``, ``Neither the mayor nor
    her deputy said ...``: a subject (or its determiner, or the *neither* of a pair) of
    the ``negative_subjects`` list negates the cue."""
    words = word_list("negative_subjects")
    return any(
        c.dep_ in ("nsubj", "nsubjpass")
        and (
            c.lower_ in words
            or any(d.dep_ in ("det", "preconj") and d.lower_ in words for d in c.children)
        )  # "No official", "Neither the mayor nor ..."
        for c in cue.children
    )


_STRANDED_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_STRANDED_REACH = 12


def stranded_subject(cue: Token) -> Token | None:
    """The name just before a finite cue verb the parser left without a subject.

    ``Alarmed by the unrest in Nevada, Senator Harry Reid, the minority leader, said
    that ...``: the parser makes *Reid* a conjunct of *Nevada*, and *said* has no
    subject. The speaker is then the nearest named entity (person, organization,
    group or place) to the left of the cue, in its sentence, at most 12 tokens away,
    with no verb, no clause boundary and no quotation mark between the two, and not
    the object of a preposition (unless a fronted phrase swallowed it:
    :func:`~quotecraft.name_ends.swallowed_name`); a relative clause set off by commas
    after a name is stepped over (``Greta Solheim, who chairs the board, insisted``:
    :func:`~quotecraft.name_ends.aside_ending`). Its last token is returned. A cue the
    parser made a conjunct of the verb of a quotation closed before it counts too.
    """
    if cue.tag_ not in ("VBD", "VBZ", "VBP") or any(c.dep_ in SUBJECT_DEPS for c in cue.children):
        return None
    if cue.dep_ == "conj":  # '"... in this case," Chief Ann Lee said': a conjunct of the
        if not quote_verb_before(cue.head, cue):  # quote's verb, after its close
            return None
    elif cue.dep_ not in ("ROOT", "ccomp", "parataxis"):
        return None
    start = max(cue.sent.start, cue.i - _STRANDED_REACH)
    k = cue.i
    while k > start:
        k -= 1
        t = cue.doc[k]
        if t.text == "," and (named := aside_ending(t)) is not None:
            k, t = named.i, named  # "..., Greta Solheim, who chairs the board, said"
        if (
            t.pos_ in ("VERB", "AUX")
            or as_mark(t.text) in (";", ":", '"', "“", "”")
            or t.lower_ in ("who", "which", "that")
        ):
            return None
        if t.ent_type_ in _STRANDED_LABELS:
            # an entity inside a prepositional phrase ("the vote in Ohio") is no subject,
            # unless a fronted phrase swallowed the name ("At a rally in Leeds Ann Lee said")
            return None if t.dep_ == "pobj" and not swallowed_name(t, cue) else t
    return None


_NAME_TYPES = frozenset({"PERSON", "ORG", ""})


def name_after_title(head: Token) -> Token | None:
    """The person's name a title of several words leads into when the parser made the
    title's first word the subject (``Editor in chief Ann Lee said``, parsed as *Editor*
    with *in chief Ann Lee* as its prepositional phrase): the last word of the proper
    nouns that end the subject's phrase (a PERSON, an ORG or no entity), when the words
    from the subject to them are a title of ``titles.txt``. None otherwise."""
    if head.ent_type_ == "PERSON" or head.pos_ != "NOUN":
        return None
    end = head.right_edge
    if end.pos_ != "PROPN" or end.ent_type_ not in _NAME_TYPES or end.i <= head.i + 1:
        return None  # the tagger may read a name after a title as a body's (ORG)
    start = end.i
    while start - 1 > head.i and head.doc[start - 1].pos_ == "PROPN":
        start -= 1
    title = head.doc[head.i : start].text.lower()
    return end if title in packaged_titles()[0] else None
