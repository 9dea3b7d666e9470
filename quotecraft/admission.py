"""Admission checks: reported-speech candidates turned away before their content is built.

A pattern or the cue scorer proposes a cue and a content; the checks here turn some
away because the sentence attributes nothing to anyone. Each check is a named function
of the cue token and the content head token that returns True when the candidate is
refused; :data:`CHECKS` lists them by name, and :func:`refusal` gives the name of the
first check that refuses a candidate.

- ``own_act``: a first- or second-person subject with a content that is not a finite
  clause: the writer's own acts and wishes (``I want to thank ...``, ``we offer a
  platform``, ``I urge the council to ...``) or the reader's (``you may want to ...``).
  What follows a colon is the words said (``I tell my patients: do not buy it``) and
  stays. A statement of the writer's view keeps its clause (``I think that ...``, ``we believe
  the plan works``) or has a view verb with a predication (``I expect the quay to
  close``, ``I find the plan reckless``), and those are kept. Measured in
  ``docs/benchmarks.md``: most of what it refuses is unannotated in both corpora; the
  rest is PolNeAR's op-eds and speeches (``I pledged to create jobs``), where the
  annotators mark the writer's own intentions.
- ``no_statement``: a negated speech or writing cue whose content asks whether (``did
  not say whether ...``, ``No official would say if ...``), or a verb of
  ``refusal_verbs`` whose infinitive is one or has nothing after it (``refused to say
  whether ...``, ``declined to comment.``), or withholds the speaker's own name
  (``declined to give her name``, ``refused to be named``): nothing was stated. (PolNeAR
  annotates the bare ``declined to comment``, all 16 on its train split; a refusal with
  a topic, ``declined to comment on the layoffs``, is kept as an intention.) So is an
  asked clause that withholds the speaker's name (``asked that her name not be used``). A
  negated cue with a statement (``never said that ...``), a negated belief (``did not
  know whether ...``) and a question with *who*, *how* ... are kept (both corpora
  annotate them).
- ``example_say``: *say* meaning "for example" (``a pound of flour, say, ...``, ``take a
  city, say Paris, ...``): a *say* after a comma whose noun "subject" is singular, which
  no present-tense *say* takes (``..., say analysts``, ``half of voters say`` keep theirs).
- ``connective_said``: ``That said, ...``, ``This being said, ...``: a connective.
- ``figurative_speaker``: the subject of a speech verb is a word of
  ``figurative_speakers`` (``Time will tell whether ...``): an idiom.
- ``needs_not_says``: *call for*, *demand* or *ask for* whose subject is a word of
  ``needing_subjects`` (``The recipe calls for two eggs``, ``The situation demands
  calm``): what a thing needs, not what anyone said.
- ``asks_who``: the speaker is the question word of a direct question (``Who said that
  ...?``, ``Which official announced that ...?``): no one is named.
- ``by_criterion``: *according to* with a word of ``non_sources`` (``according to plan``,
  ``sorted according to height``): a plan or a criterion, not a source.
- ``passive_manner``: a passive cue with a participle after it (``The names are written
  using their usual spelling``): the participle is the manner, not what was said.
- ``to_receiver``: the object of the cue's *to* is where someone was let in or whom the
  words were said to (``was admitted to hospital``, ``admitted to Reuters that ...``),
  not what was said (``admitted to taking the money`` is kept).
- ``passive_object``: the direct object of a passive verb of denying (``were denied
  entry``): what the subject was refused, not what was said.
- ``manner_aside``: a participle after a comma right after the cue or its phrase
  (``Ben said, shaking his head``, ``testified on Tuesday, his voice breaking``): manner.
- ``said_adjective``: *the said* (``The said property shall pass to the trust``): the
  legal adjective "aforementioned", which the parser may read as a verb with *the* as its
  subject.
- ``perceived_event``: a verb of ``perception_verbs`` with a bare infinitive clause
  (``watched his daughter win the final``, ``heard the door slam``) or a participle with
  its own subject (``heard them arguing``; not evidence's forecast: ``Polls see Lee
  winning``): an event seen or heard, not a statement.
- ``hard_to_do``: a dummy *it* with an adjective of ``ease_adjectives`` and an
  infinitive (``Many students find it hard to concentrate``): what someone can hardly do.
- ``adverbial_wh``: a clause opening with *when*, *where*, *why* or *how* that the parser
  hung on the cue as an adverbial clause, and that stands before the cue, does not follow
  the cue or its object directly (``asked for help when the storm hit``), or follows an
  object that is what was asked (``asked a question about X when ...``): a time or place,
  not a question.
- ``free_relative``: a clause opened by *what* that is the subject of the verb after the
  cue, which the parser made the cue's content (``What voters think is hard to say``).
- ``relative_on_object``: a clause whose subject is *who* or *which* right after the
  object of a cue that neither tells nor asks (``call my dad who is at work``): a
  relative clause on the object, not what was said.
- ``object_beside_clause``: an object content of a cue whose quoted clause stands before
  it (``"We will stay," the crowd chanted outside parliament``), or whose *that* clause
  follows it (``promised the council that ...``; not a noun that takes the clause itself,
  ``echoed claims that ...``): the clause was said.
- ``unread_clause``: a clause the parser hung on the cue as ``dep`` (no relation it could
  name) with no colon between them; after a colon it is the words said (``I tell my
  students: read the question twice``, rule ``reported.colon_clause.v1``).
- ``possible_cleft``: a cleft's verb with *can*, *should*, *must*, *may*, *might* (``All I
  can promise is that ...``, ``The question we should ask is ...``): what one could or
  should say; ``All he would say was that ...`` is kept.
- ``told_in_relative``: a clause the parser hung in a relative clause on the person a
  telling verb addresses (``told a reporter who asked about the injury that the knee
  was fine``): the telling verb's content (rule ``reported.addressee_clause.v1``), not
  the relative clause's.
- ``named_before``: a verb of ``naming_verbs`` with its own object predicate after it,
  whose content the parser found before it (``..., a decision critics called
  "reckless."``): the predicate is what was said, not the clause before.
- ``quoted_term``: a naming verb whose predicate follows a modifier closed in quotation
  marks (``is called the "sunk cost" fallacy``): a term named, no judgement.
- ``set_apart``: a content after its cue that a semicolon sets apart, or brackets round
  it alone: a statement or an aside of the writer's the parser hung on the verb.
- ``own_complement``: a clause before the cue whose cue has a complement of its own after
  it (``..., so I didn't say anything``, ``..., he could not believe it``): the cue is
  about that, not the clause before. The person told is no complement (``..., the
  captain told passengers``).
- ``bare_copula``: a copula before the cue with no predicate, whose subject is a
  pronoun or words in quotation marks (``"It's over." That was all the coach would
  say``, ``"No comment," was all the office would say``): it states nothing; the quoted
  words are the direct quote.
- ``reduced_relative``: a participle on the object of a naming verb with words of its
  own or before more of the clause (``called the police stationed outside``): a relative
  clause on the object, not what it is called (``reported.call_as_participle.v1``).
- ``manner_according``: *according to* with a bare singular noun inside its clause
  (``Salaries vary according to experience``): how, not who.
- ``comment_noun``: the writer's comment (``said A, a claim doctors disputed``).

One more test is no refusal: :func:`impersonal_it` finds the dummy *it* of an impersonal
phrase (``It is fair to say that ...``, ``It is too early to tell whether ...``: the words
of ``impersonal_predicates``). Such a report is the writer's view, which PolNeAR annotates
with no speaker (12 of 16 on its train split), so the reported stage keeps it without one.

Example:
    >>> import quotecraft
    >>> [q.content.text for q in quotecraft.extract("We want to thank the volunteers.").quotes]
    []
    >>> [q.content.text for q in quotecraft.extract("The mayor wants to rebuild the bridge.").quotes]
    ['to rebuild the bridge']
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from spacy.tokens import Token

from .admission_forms import (
    bare_copula,
    comment_noun,
    hard_to_do,
    manner_according,
    object_beside_clause,
    passive_object,
    perceived_event,
    possible_cleft,
    quoted_term,
    reduced_relative,
    said_adjective,
    set_apart,
    to_receiver,
)
from .admission_wh import adverbial_wh, free_relative, relative_on_object
from .attribution import is_negated, speaker_head
from .cues import CueLexicon
from .reported_misread import told_in_relative
from .subject_asides import negative_subject
from .wordlists import word_list

_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_CLAUSE_MARKS = frozenset({"that", "whether", "if"})
_PERSONAL_PRONOUNS = frozenset({"i", "me", "we", "us", "you"})
"""First- and second-person subject pronouns (the writer, the reader)."""
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl"})


def is_finite_clause(head: Token) -> bool:
    """Whether ``head`` heads a finite clause: a tensed verb or modal (``the plan works``,
    ``it will pass``), a clause with *that*, *whether* or *if*, or a tensed copula
    (``the plan is sound``). Objects, infinitives, gerunds and small clauses
    (``the plan``, ``to leave``, ``them to leave``, ``it difficult``) are not."""
    if any(c.dep_ == "mark" and c.lower_ in _CLAUSE_MARKS for c in head.children):
        return True
    if head.pos_ not in ("VERB", "AUX"):
        return any(c.dep_ == "cop" and c.tag_ in _FINITE_TAGS for c in head.children)
    if head.tag_ in _FINITE_TAGS:
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_TAGS for c in head.children)


def own_act(cue: Token, content: Token, lexicon: CueLexicon | None = None) -> bool:
    """A first- or second-person speaker with a content that is not a finite clause.

    A verb of the word list ``view_verbs`` whose content has a subject of its own (with
    an infinitive or a predicate) states a view, not an act: ``I expect the quay to
    close`` and ``I find the plan reckless`` say what *I* think (while ``I want them to
    leave`` is a wish)."""
    if is_finite_clause(content):  # first: it is cheaper than finding the speaker
        return False
    if colon_between(cue, content):
        return False  # "I tell my patients: do not buy it": the words told, after a colon
    head = speaker_head(cue)
    if head is None or head.lower_ not in _PERSONAL_PRONOUNS:
        return False
    return not (
        cue.lemma_.lower() in word_list("view_verbs")
        and any(c.dep_ in _SUBJECTS for c in content.children)
    )


def of_degree(head: Token) -> bool:
    """``so strong that ...``: a word of degree whose clause is its result, not a view (the
    parser may tag the adjective a verb: ``a storm blew in, so fierce that ...``). The cue
    scorer proposes no cue here."""
    return any(c.dep_ == "advmod" and c.lower_ in ("so", "too") for c in head.children)


def names_no_source(according: Token) -> bool:
    """``according to plan``: the object of *according to* is a word of the
    ``non_sources`` list (plan, schedule, law ...), which names how things go, not who
    says so. The according-to pattern and ``reported.phrase.v1`` skip these words; the
    cue scorer proposes no cue here either."""
    return any(
        obj.dep_ == "pobj" and obj.lemma_.lower() in word_list("non_sources")
        for to in according.children
        if to.lower_ == "to"
        for obj in to.children
    )


def asks_whether(content: Token) -> bool:
    """Whether ``content`` heads a yes-no question: a clause marked by *whether* or *if*."""
    return any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in content.children)


def no_statement(cue: Token, content: Token, lexicon: CueLexicon | None = None) -> bool:
    """A negated speech or writing cue (or one whose subject is *nobody*, *no one* ...)
    whose content asks whether: ``did not say whether it would close``, ``No official
    would say if ...``, ``refused to say whether ...``: no statement was made. A question
    with *who*, *how* or *when* is kept: PolNeAR annotates ``did not say who made the
    apology`` (refusing them too lost a PolNeAR dev match)."""
    if lexicon is None:
        return False
    if cue.lemma_.lower() in word_list("refusal_verbs") and content.dep_ == "xcomp":
        # 'refused to say whether ...': the refusal's infinitive is the negated statement
        return _asks_without_stating(content, lexicon) or _withholds_name(content)
    if cue.lemma_.lower() in _ASKING and any(_withholds_name(content, d) for d in _SUBJECTS):
        return True  # 'asked that her name not be used', 'did not want her name published'
    verb = lexicon.verb(cue)
    if verb is None or verb.cls not in ("speech", "writing"):
        return False
    return (is_negated(cue) or negative_subject(cue)) and asks_whether(content)


def _asks_without_stating(verb: Token, lexicon: CueLexicon) -> bool:
    """A speech or writing verb whose clause asks whether (``say whether ...``,
    ``confirm if ...``), or with nothing after it (``declined to comment.``)."""
    cue = lexicon.verb(verb)
    if cue is None or cue.cls not in ("speech", "writing"):
        return False
    bare = all(c.dep_ in ("aux", "neg", "advmod", "punct") for c in verb.children)
    return bare or any(c.dep_ == "ccomp" and asks_whether(c) for c in verb.children)


_IDENTITY_WORDS = frozenset({"name", "surname", "identity", "identify"})
_ASKING = frozenset({"ask", "request", "want", "wish", "prefer"})
"""Verbs of asking or wanting whose clause may withhold the speaker's name (anonymity)."""


def _withholds_name(verb: Token, dep: str = "dobj") -> bool:
    """A refused infinitive or an asked clause that withholds the speaker's own name
    (``declined to give her name``, ``refused to be named``, ``asked that his name be
    withheld``): anonymity, not a statement; not ``refused to release the names of donors``."""
    if verb.lemma_.lower() in _IDENTITY_WORDS and dep == "dobj":
        return any(c.dep_ == "auxpass" for c in verb.children)
    return any(
        c.dep_ == dep
        and c.lemma_.lower() in _IDENTITY_WORDS
        and any(p.dep_ == "poss" and p.pos_ == "PRON" for p in c.children)
        for c in verb.children
    )


def impersonal_it(cue: Token, content: Token, lexicon: CueLexicon | None = None) -> bool:
    """The speaker is the dummy *it* of an impersonal phrase the cue hangs on: ``It is
    fair to say that ...``, ``It is too early to tell whether ...``, ``It goes without
    saying that ...`` (the words of ``impersonal_predicates``): the writer's view, with no
    speaker (quotecraft.reported keeps the report without one)."""
    if is_finite_clause(cue):
        return False  # a finite cue has a subject of its own ("it is possible that X said")
    head = speaker_head(cue)
    if head is None or head.lower_ != "it" or head.head.i == cue.i:
        return False
    words = word_list("impersonal_predicates")
    path: list[Token] = []
    tok = cue
    while tok.i != head.head.i:
        if tok.head.i == tok.i or len(path) == 4:
            return False  # the cue does not hang on the verb of the "it"
        tok = tok.head
        path.append(tok)
    # "It is hard to tell": the parse may hang the infinitive on "is", beside the adjective
    path += [c for c in tok.children if c.dep_ == "acomp"]
    return any(t.lemma_.lower() in words or t.lower_ in words for t in path)


def example_say(cue: Token, content: Token, lexicon: CueLexicon | None = None) -> bool:
    """*say* as "for example": a bare *say* set off by a comma or bracket, whose noun
    subject is singular through and through (``a pound of flour, say, ...``, ``take a city,
    say Paris, ...``): a present-tense *say* takes a plural subject (``..., say analysts``,
    ``half of voters say``), so the noun is an example, not a speaker."""
    if cue.lower_ != "say" or any(c.dep_ in ("aux", "auxpass", "neg") for c in cue.children):
        return False
    if cue.i == 0 or cue.doc[cue.i - 1].text not in (",", "(", "—", "–", "--"):
        return False
    return any(
        c.dep_ == "nsubj"
        and c.tag_ in ("NN", "NNP")
        and not any(
            t.tag_ in ("NNS", "NNPS", "CD")
            or t.dep_ in ("conj", "nummod")
            or t.lower_ in ("%", "percent")
            for t in c.subtree
        )
        for c in cue.children
    )


def connective_said(cue: Token, content: Token, lexicon: CueLexicon | None = None) -> bool:
    """``That said, ...``, ``This being said, ...``: a demonstrative subject right before
    the cue, then a comma: a connective ("even so"), not a report of what *that* said."""
    subj = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lower_ not in ("that", "this") or subj.i != cue.sent.start:
        return False
    nxt = cue.i + 1
    return cue.lower_ == "said" and nxt < len(cue.doc) and cue.doc[nxt].text == ","


def figurative_speaker(cue: Token, content: Token, lexicon: CueLexicon | None = None) -> bool:
    """The subject of the speech verb is a word of ``figurative_speakers``: ``Time will
    tell whether ...`` is an idiom, not a report."""
    if lexicon is None:
        return False
    verb = lexicon.verb(cue)
    if verb is None or verb.cls not in ("speech", "writing"):
        return False
    return any(
        c.dep_ == "nsubj" and c.lemma_.lower() in word_list("figurative_speakers")
        for c in cue.children
    )


def needs_not_says(cue: Token, content: Token, lexicon: CueLexicon | None = None) -> bool:
    """*call for*, *demand* or *ask for* with a subject of ``needing_subjects``: ``The recipe
    calls for two eggs``, ``The situation demands calm``: what a thing needs, not a report
    (``The recipe says the dough should rest`` is kept)."""
    if cue.lemma_.lower() not in ("call", "demand", "ask"):
        return False
    if cue.lemma_.lower() != "demand" and not any(
        c.dep_ == "prep" and c.lower_ == "for" for c in cue.children
    ):
        return False
    return any(
        c.dep_ == "nsubj" and c.lemma_.lower() in word_list("needing_subjects")
        for c in cue.children
    )


def asks_who(cue: Token, content: Token, lexicon: CueLexicon | None = None) -> bool:
    """The speaker is the question word of a direct question (``Who said that ...?``,
    ``Which official announced that ...?``): the sentence asks who spoke, it names no one.
    A relative clause (``the nurses who said ...``) names its noun and is kept."""
    if cue.dep_ == "relcl":
        return False
    subj = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or not (
        subj.tag_ in ("WP", "WDT")
        or any(d.dep_ == "det" and d.tag_ in ("WDT", "WP") for d in subj.children)
    ):
        return False
    return any(t.text == "?" for t in cue.sent[-3:])  # last: finding the sentence costs most


def by_criterion(cue: Token, content: Token, lexicon: CueLexicon | None = None) -> bool:
    """``according to`` with a word of ``non_sources``: a plan or a criterion (``according
    to plan``, ``sorted according to height``), not who says so. The according-to pattern
    lists the packaged words too; this check applies the list as a rule file extends it."""
    return cue.lower_ == "according" and names_no_source(cue)


def passive_manner(cue: Token, content: Token, lexicon: CueLexicon | None = None) -> bool:
    """A passive cue whose content is a participle after it (``The names are written using
    their usual spelling``, ``The rise can be explained using a simple model``): the
    participle says how it is done; what a passive cue reports is its subject."""
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in cue.children)
    # on the verb itself: "accused of taking bribes" reports through its preposition
    return passive and content.tag_ == "VBG" and content.i > cue.i and content.head.i == cue.i


def manner_aside(cue: Token, content: Token, lexicon: CueLexicon | None = None) -> bool:
    """A participle after a comma that follows the cue, its adverb, object or phrase of
    time (``Ben said softly, shaking his head``, ``testified on Tuesday, his voice
    breaking``; not ``denied, however, taking``): how it was said."""
    if content.tag_ != "VBG" or content.head.i != cue.i or content.left_edge.i < cue.i + 2:
        return False
    doc, start = cue.doc, content.left_edge.i
    if doc[start - 1].text != ",":
        return False
    b = doc[start - 2]
    while b.head.i != cue.i and b.head.i != b.i and b.head.i > cue.i:
        b = b.head  # "on Tuesday": the phrase the comma closes
    by_cue = b.head.i == cue.i and b.dep_ in _MANNER_DEPS and doc[b.left_edge.i - 1].text != ","
    return b.i == cue.i or (by_cue and b.right_edge.i == start - 2)


_MANNER_DEPS = frozenset({"advmod", "dobj", "dative", "npadvmod", "prep"})


def named_before(cue: Token, content: Token, lexicon: CueLexicon | None = None) -> bool:
    """``The board closed two schools, a decision critics called "reckless."``: a naming
    verb with its own object predicate (*reckless*) names what it calls; the clause before
    it, which the parser may hang on it, is not what was said."""
    return (
        content.i < cue.i
        and cue.lemma_.lower() in word_list("naming_verbs")
        and any(c.dep_ == "oprd" and c.i > cue.i for c in cue.children)
    )


_OWN_COMPLEMENTS = frozenset({"ccomp", "xcomp", "attr", "acomp", "oprd", "dobj"})
_PERSON_OBJECTS = frozenset({"me", "us", "you", "him", "her", "them"})


def own_complement(cue: Token, content: Token, lexicon: CueLexicon | None = None) -> bool:
    """A clause before the cue whose cue has a complement of its own after it in the same
    sentence (``..., and I could feel the bone of my skull``, ``..., I didn't say
    anything``, ``..., they want it``): the cue says or sees that, not the clause before.
    The person a telling verb addresses is no such complement (``..., Lee told
    reporters``, ``..., an aide told The Courier``), and a clause set off by a comma after
    an interposed attribution goes on with the content (``It matters, she said, that the
    council listens``)."""
    if content.i > cue.i or content.right_edge.i > cue.i:
        return False
    doc = cue.doc
    return any(
        c.i > cue.i
        and c.dep_ in _OWN_COMPLEMENTS
        and c.sent == cue.sent
        and not _addressed(cue, c)
        and not any(t.text == "," for t in doc[cue.i + 1 : c.left_edge.i])
        for c in cue.children
    )


def _addressed(cue: Token, obj: Token) -> bool:
    """Whether ``obj`` is the person or body a verb speaks to (``told reporters``)."""
    if obj.dep_ != "dobj":
        return False
    return (
        cue.lemma_.lower() in word_list("telling_verbs")
        or obj.lower_ in _PERSON_OBJECTS
        or obj.ent_type_ in ("PERSON", "ORG")
    )


def unread_clause(cue: Token, content: Token, lexicon: CueLexicon | None = None) -> bool:
    """A clause the parser hung on the cue with no relation it could name (``dep``) is
    what was said only after a colon (``I tell my students: read the question twice``)."""
    if content.dep_ != "dep":
        return False
    return not colon_between(cue, content)


def colon_between(cue: Token, content: Token) -> bool:
    """Whether a colon stands between ``cue`` and the ``content`` after it."""
    return cue.i < content.i and any(t.text == ":" for t in cue.doc[cue.i : content.left_edge.i])


CHECKS: Mapping[str, Callable[[Token, Token, CueLexicon | None], bool]] = {
    "own_act": own_act,
    "bare_copula": bare_copula,
    "manner_according": manner_according,
    "no_statement": no_statement,
    "example_say": example_say,
    "connective_said": connective_said,
    "figurative_speaker": figurative_speaker,
    "needs_not_says": needs_not_says,
    "asks_who": asks_who,
    "by_criterion": by_criterion,
    "passive_manner": passive_manner,
    "to_receiver": to_receiver,
    "passive_object": passive_object,
    "manner_aside": manner_aside,
    "said_adjective": said_adjective,
    "perceived_event": perceived_event,
    "hard_to_do": hard_to_do,
    "adverbial_wh": adverbial_wh,
    "free_relative": free_relative,
    "relative_on_object": relative_on_object,
    "named_before": named_before,
    "own_complement": own_complement,
    "object_beside_clause": object_beside_clause,
    "unread_clause": unread_clause,
    "possible_cleft": possible_cleft,
    "quoted_term": quoted_term,
    "set_apart": set_apart,
    "reduced_relative": reduced_relative,
    "comment_noun": comment_noun,
    "told_in_relative": lambda cue, content, lexicon: (
        lexicon is not None and told_in_relative(cue, content, lexicon)
    ),
}
"""The admission checks by name, in the order they are tried."""


def refusal(cue: Token, content: Token, lexicon: CueLexicon | None = None) -> str | None:
    """The name of the first check that refuses the candidate, or None to admit it
    (``lexicon`` gives the cue's class, which some checks use)."""
    for name, check in CHECKS.items():
        if check(cue, content, lexicon):
            return name
    return None
