"""Admission checks about a content's or a source's form (:mod:`quotecraft.admission`
lists them all): ``bare_copula``, a copula with a pronoun subject and nothing else,
``manner_according``, *according to* that says how, not who, ``to_receiver``, the
object of *to* that is where someone went or whom they spoke to, and ``passive_object``,
what the subject of a passive verb of denying was refused, ``said_adjective``, *the said
X*, ``perceived_event``, what someone saw or heard happen, ``hard_to_do``, what someone
finds hard or easy to do, ``quoted_term``, a term named with quotation marks,
``set_apart``, a content a semicolon or brackets set apart from its cue,
``object_beside_clause``, an object beside the clause that was said, and
``comment_noun``, the writer's comment on what was said."""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.strings import get_string_id
from spacy.tokens import Token

from .attribution import speaker_head
from .cues import CueLexicon, default_lexicon
from .doc_arrays import token_values
from .mark_table import mark_table
from .reported_cuts import said_when_or_how
from .speaker_groups import plural_people
from .structure import person_noun
from .wordlists import word_list


def bare_copula(cue: Token, content: Token, lexicon: CueLexicon | None = None) -> bool:
    """A content that is a copula with a pronoun subject, or one in quotation marks, and
    nothing else (``That was`` in ``"It's over." That was all the coach would say``,
    ``"No comment," was`` in ``"No comment," was all the office would say``, read as
    *say*'s clause): it states nothing."""
    if content.lemma_ != "be" or content.i > cue.i:
        return False  # after the cue: an ellipsis ('Is it true? He said it was.')
    if content.i + 1 < len(content.doc) and content.nbor(1).text in (",", "—", "-", "–"):
        return False  # 'We were, he told us, mediocre specimens': the aside cut the clause
    return all(
        c.dep_ in ("punct", "neg")
        or (c.dep_ in ("nsubj", "expl") and (c.tag_ in ("DT", "PRP", "EX") or _quoted(c)))
        for c in content.children
    )


def _quoted(subject: Token) -> bool:
    """Whether ``subject`` is all inside quotation marks (``"No comment," was all the
    office would say``: the quoted words are the subject of *was*, not a clause)."""
    doc = subject.doc
    first, last = subject.left_edge.i, subject.right_edge.i
    return (
        first > 0
        and last + 1 < len(doc)
        and doc[first - 1].is_quote
        and any(doc[i].is_quote for i in range(last + 1, min(last + 3, len(doc))))
    )


def manner_according(cue: Token, content: Token, lexicon: CueLexicon | None = None) -> bool:
    """*according to* with a bare singular noun, inside its clause with no comma before
    it, says how, not who (``Students are grouped according to ability``, ``Salaries vary
    according to experience``); a source is set off (``..., according to the report``) or
    named with an article, a possessive, a number or a name (``according to a poll``,
    ``according to Reuters``)."""
    if cue.lower_ != "according" or cue.is_sent_start or cue.i == 0:
        return False
    if cue.doc[cue.i - 1].text in (",", "(", "—", "–", "-", ";", ":"):
        return False
    to = next((c for c in cue.children if c.lower_ == "to"), None)
    obj = next((o for o in to.children if o.dep_ == "pobj"), None) if to is not None else None
    if obj is None or obj.tag_ != "NN" or obj.ent_type_:
        return False
    return not any(c.dep_ in ("det", "poss", "nummod", "compound") for c in obj.children)


def to_receiver(cue: Token, content: Token, lexicon: CueLexicon | None = None) -> bool:
    """The object of the cue's *to* is where someone was taken in, or whom the words were
    said to, not what was said: the cue is passive or a participle on a noun (``was
    admitted to hospital``, ``refugees admitted to the program``: *admit* as let in), the
    object is a named place (``admitted to Canada``), or a clause opened by *that* follows
    an object that can be told (a named person or body, a pronoun: ``admitted to Reuters
    that ...``: the clause is what was said). ``admitted to taking the money``,
    ``confessed to the killings`` and ``pointed to reports that ...`` are kept."""
    to = content.head
    if content.dep_ not in ("pobj", "pcomp") or to.lower_ != "to" or to.head.i != cue.i:
        return False
    if any(c.dep_ == "auxpass" for c in cue.children) or (cue.dep_ == "acl" and cue.tag_ == "VBN"):
        return True
    if content.ent_type_ in _PLACES:
        return True
    if content.ent_type_ not in ("PERSON", "ORG", "NORP") and content.pos_ != "PRON":
        return False  # "pointed to reports that ...": the report's clause is its content
    return any(
        c.dep_ in ("acl", "relcl", "ccomp") and content.doc[c.left_edge.i].lower_ == "that"
        for c in (*content.children, *cue.children)
        if c.i > content.i
    )


_PLACES = frozenset({"GPE", "LOC", "FAC"})


def passive_object(cue: Token, content: Token, lexicon: CueLexicon | None = None) -> bool:
    """The direct object of a passive verb of denying or refusing (word lists
    ``denial_verbs`` and ``refusal_verbs``) is what its subject was refused (``The
    refugees were denied entry``, ``Workers are denied a fair return``), not what anyone
    said. Other passives keep theirs (``was declared the winner``, ``was offered the
    job``), and the subject of a passive is read elsewhere (``The claims were denied by
    the firm``)."""
    return (
        content.dep_ == "dobj"
        and content.head.i == cue.i
        and any(c.dep_ == "auxpass" for c in cue.children)
        and (
            cue.lemma_.lower() in word_list("denial_verbs")
            or cue.lemma_.lower() in word_list("refusal_verbs")
        )
    )


_POSSIBLE = frozenset({"can", "should", "must", "may", "might", "ought"})
"""Modals of possibility or duty: what one can or should say is not what was said."""


def possible_cleft(cue: Token, content: Token, lexicon: CueLexicon | None = None) -> bool:
    """The verb of a cleft with a modal of possibility or duty (``All I can promise is that
    ...``, ``The question we should ask is: ...``, ``What we must remember is that ...``):
    what one could or should say, not a report. ``All he would say was that ...`` and
    ``The most she could say was that ...`` (what was said) are kept."""
    if cue.dep_ == "relcl" and any(t.text == "," for t in cue.doc[cue.head.i : cue.i]):
        return False  # 'the election, we might recall, was ...': an aside the parse hung there
    cleft = (
        (cue.dep_ == "csubj" and cue.head.lemma_ == "be")
        or (cue.dep_ == "relcl" and cue.head.dep_ == "nsubj" and cue.head.head.lemma_ == "be")
        or (
            cue.dep_ == "relcl"
            and any(c.dep_ == "ccomp" and c.lemma_ == "be" for c in cue.children)
        )
    )
    return cleft and any(c.dep_ == "aux" and c.lower_ in _POSSIBLE for c in cue.children)


def said_adjective(cue: Token, content: Token, lexicon: CueLexicon | None = None) -> bool:
    """*the said X* (``The said property shall be transferred ...``): *said* right after
    *the* is the adjective "aforementioned"; no verb follows an article."""
    return cue.lower_ == "said" and cue.i > 0 and cue.doc[cue.i - 1].lower_ == "the"


def perceived_event(cue: Token, content: Token, lexicon: CueLexicon | None = None) -> bool:
    """A verb of ``perception_verbs`` whose content is a bare infinitive with a subject of
    its own (``Peter watched his daughter win the final``, ``We heard the door slam``), or
    a participle with one (``The neighbours heard them arguing``): what was seen or heard
    happen. A clause with *that* or a tense (``He saw that the plan had failed``), an
    infinitive with *to* and evidence's forecast (``Polls see Lee winning``) are kept."""
    if cue.lemma_.lower() not in word_list("perception_verbs"):
        return False
    event = (
        content.tag_ in ("VB", "VBG")
        and content.head.i == cue.i
        and any(c.dep_ == "nsubj" for c in content.children)
        and not any(c.dep_ in ("aux", "auxpass", "mark") for c in content.children)
    )
    if not event or content.tag_ == "VB":
        return event
    seer = speaker_head(cue)  # "Polls see Lee winning": a forecast
    return seer is None or seer.lemma_.lower() not in word_list("evidence_nouns")


def hard_to_do(cue: Token, content: Token, lexicon: CueLexicon | None = None) -> bool:
    """A dummy *it* with an adjective of ease or difficulty and an infinitive (``Many
    students find it hard to concentrate``, ``Carroll found it difficult to look``): what
    someone can hardly do, not a view of *it* (``ease_adjectives``)."""
    if content.head.i != cue.i or content.lower_ not in word_list("ease_adjectives"):
        return False
    dummy = any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in content.children)
    return dummy and any(
        c.tag_ == "VB" and any(a.tag_ == "TO" for a in c.children) for c in content.rights
    )


def quoted_term(cue: Token, content: Token, lexicon: CueLexicon | None = None) -> bool:
    """``called the "sunk cost" fallacy``, ``call this the "rest and digest" state``: a
    naming verb whose predicate follows a modifier closed in quotation marks of its own
    names a term, and no one's judgement (``called the plan "a giveaway"``, ``called the
    frontrunner "the lobbyists' best recruiter"``: the predicate is in the marks)."""
    if content.dep_ != "oprd" or cue.lemma_.lower() not in word_list("naming_verbs"):
        return False
    table, doc = mark_table(), cue.doc
    words = doc[content.left_edge.i : content.i]
    opening = next((t for t in words if t.text in table.opens | table.either), None)
    if opening is None or opening.i == 0:
        return False
    article = doc[opening.i - 1]  # "the" of "the "sunk cost" fallacy": the noun's own
    if article.dep_ not in ("det", "poss") or article.head.i != content.i:
        return False  # 'called Rubio "Little Marco" multiple times': no one phrase
    closers = table.closers.get(opening.text, frozenset())
    closing = [t for t in words if t.i > opening.i and t.text in closers]
    # the closed marks right before the noun (not 'a "moderate," a subtle dig')
    between = doc[closing[-1].i + 1 : content.i] if closing else ()
    return bool(closing) and not any(t.is_punct or t.pos_ == "DET" for t in between)


def set_apart(cue: Token, content: Token, lexicon: CueLexicon | None = None) -> bool:
    """A content set apart from the cue before it: by a semicolon (``Our habits are
    shaped by memory; however, the easiest place to see this is a kitchen``: a new
    statement of the writer's), or by brackets round the content alone (``kept in books
    called ledgers (the plural is ledgers)``: the writer's aside). The parser may hang such
    a clause on a verb before it, but nothing reports it."""
    if cue.i >= content.i:
        return False
    first, last = content.left_edge.i, content.right_edge.i
    if cue.i >= first:
        return False
    orth = token_values(content.doc, ORTH)  # read once per document: no tokens made here
    if _SEMICOLON in orth[cue.i + 1 : first]:
        return True
    opened = orth[first] == _OPEN or orth[first - 1] == _OPEN
    closed = orth[last] == _CLOSE or (last + 1 < len(orth) and orth[last + 1] == _CLOSE)
    return opened and closed


_SEMICOLON, _OPEN, _CLOSE = (get_string_id(m) for m in (";", "(", ")"))


def object_beside_clause(cue: Token, content: Token, lexicon: CueLexicon | None = None) -> bool:
    """An object content of a cue whose quoted clause stands before it (``"We will stay," the
    crowd chanted outside parliament``, where the parser made *parliament* the object), or
    whose *that* clause follows it (``promised the council that ...``): the clause is what
    was said, not the object."""
    if content.dep_ != "dobj" or content.head.i != cue.i:
        return False
    doc = cue.doc
    return any(
        (c.dep_ == "ccomp" and c.i < cue.i and any(t.is_quote for t in doc[c.i : cue.i]))
        or _told_then_said(c, content, lexicon)
        for c in cue.children
    )


def _told_then_said(clause: Token, obj: Token, lexicon: CueLexicon | None) -> bool:
    """A *that* clause with a subject of its own after the object (``promised the council
    that taxes would not rise``), or such a clause right after an object that names
    people (:func:`_persons`): the object is whom it was said to. Not an object that
    takes such a clause itself, a noun cue or a word of ``told_things`` (``echoed claims
    by the opposition that ...``, the clause the noun's, hung on the verb)."""
    lemma = obj.lemma_.lower()
    if lemma in word_list("told_things") or (
        lexicon is not None and (lemma in lexicon.nouns or lemma in lexicon.propositional_nouns)
    ):
        return False
    said_to = clause.left_edge.lower_ == "that" or (
        clause.left_edge.i == obj.right_edge.i + 1 and _persons(obj)
    )
    return (
        clause.dep_ == "ccomp"
        and clause.left_edge.i > obj.right_edge.i
        and said_to
        and any(x.dep_ in ("nsubj", "nsubjpass") for x in clause.children)
    )


def _persons(noun: Token) -> bool:
    """A person or people (a person's name, a personal pronoun, a noun for a person by
    role or kin, a plural noun for people): whom something was said to when a clause with
    a subject of its own follows it with no *that* (``promised her children she would
    ...``); a thing may be the content (``announced his candidacy, saying ...``)."""
    return (
        noun.ent_type_ == "PERSON"
        or noun.pos_ == "PRON"
        or person_noun(noun)
        or plural_people(noun)
    )


def reduced_relative(cue: Token, content: Token, lexicon: CueLexicon | None = None) -> bool:
    """A participle on the object of a naming verb that has words of its own or does not
    end the clause (``called the police stationed outside``): a relative clause on the
    object, not what the object is called (``called the decision shortsighted``, rule
    ``reported.call_as_participle.v1``)."""
    if content.dep_ != "acl" or content.tag_ not in ("VBN", "JJ"):
        return False
    if content.head.dep_ != "dobj" or content.head.head.i != cue.i:
        return False
    if cue.lemma_.lower() not in word_list("naming_verbs") and cue.lemma_ != "deem":
        return False  # "encourages the impression | that it speaks ...": a noun's clause
    doc = content.doc
    # its own words: not its quotation marks, nor where or when it was said ('called the
    # system "rigged" in a tweet on Tuesday')
    own = [c for c in content.children if not c.is_punct and not said_when_or_how(c, False)]
    after = content.i + 1
    while after < len(doc) and doc[after].is_quote:
        after += 1  # past the closing mark of 'the system "rigged"'
    last = after >= len(doc) or doc[after].is_punct or doc[after].pos_ == "CCONJ"
    return bool(own) or not (last or said_when_or_how(doc[after]))


def comment_noun(cue: Token, content: Token, lexicon: CueLexicon | None = None) -> bool:
    """A noun opened by *a* after a comma that closes a clause after the cue, its phrase
    running to the sentence's end, that the parser made a complement of the cue: the
    writer's comment on what was said. A noun with a clause of its own subject on it
    (``said A, a requirement that tilts the race``, ``said A, a claim doctors disputed``),
    or a cue noun however the parser hung it (``said the leak was "contained," a claim
    fishermen disputed`` read as *fishermen disputed* with *a claim* on *fishermen*)."""
    if content.i < cue.i:
        return False
    doc = cue.doc
    phrase = content.head if content.dep_ in ("acl", "relcl") else content
    first = phrase.left_edge.i
    while first < phrase.i and doc[first].is_punct:
        first += 1  # the closing quotation mark the parser hung on the phrase
    before = first - 1
    while before > cue.i and doc[before].is_quote:
        before -= 1
    if doc[first].lower_ not in ("a", "an", "another") or doc[before].text not in (",", "—"):
        return False
    if phrase.sent.end > phrase.right_edge.i + 2 or not _clause_between(cue, before):
        return False
    if phrase.pos_ == "NOUN" and phrase.head.i == cue.i:
        return any(
            c.dep_ in ("relcl", "acl") and any(g.dep_ == "nsubj" for g in c.children)
            for c in phrase.rights
        )
    noun = next((t for t in doc[first + 1 : first + 4] if t.pos_ == "NOUN"), None)
    return noun is not None and noun.lemma_.lower() in (lexicon or default_lexicon()).nouns


def _clause_between(cue: Token, end: int) -> bool:
    """Whether a clause (a verb or adjective under a clausal relation) stands between the
    cue and token ``end``: what the comment after it is about."""
    clausal = ("ccomp", "acl", "xcomp", "relcl")
    return any(
        t.dep_ in clausal and t.pos_ in ("VERB", "AUX", "ADJ") for t in cue.doc[cue.i + 1 : end]
    )
