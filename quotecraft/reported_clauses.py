"""Where a clausal content ends when the parser cut it in pieces.

The parser sometimes hangs the halves of one reported clause on the cue as two
complements, mostly at a long subject with a reduced relative or a participle (``The
survey indicates most of the hours logged | were for weekend travel``) or a subject it
read as a clause of its own (a possessive ``'s`` taken for *is*). With no word or mark
between the halves, they read as one content. :class:`quotecraft.reported.ReportedMatcher` extends
the first half over the second (:func:`adjacent_complement_tail`) and takes no content
from the second alone (:func:`adjacent_complement`). Likewise a phrase the parser hung on
the cue after ``but`` belongs to the content (:func:`corrective_tail`), and a trailing
attribution the parser coordinated with the first clause scopes over it
(:func:`coordinated_lead`). A verb the parser coordinated with the cue goes on the
content when it cannot be the speaker's next act (:func:`bare_verb_tail`), a subject the
parser read as the cue's object opens the content (:func:`object_read_for_subject`), and a speech
verb the parser coordinated inside the content is the speaker's act, not what was said
(:func:`speaker_act_end`). The other tails of a content are :mod:`quotecraft.reported_bounds`;
a start before an interposed attribution is :mod:`quotecraft.reported_fronted`'s.
"""

from __future__ import annotations

from spacy.tokens import Token

from .content_trim import SUBJECT_DEPS, trim_bounds
from .cues import CueLexicon
from .reported_bounds import is_clause_cue, is_naming_cue, through_conjunct
from .reported_cuts import told_end
from .wordlists import word_list

_STARTS_OWN_CLAUSE = frozenset({"cc", "advmod", "prep"})


def _joins(first_end: int, second: Token, lexicon: CueLexicon) -> bool:
    """Whether the complement ``second`` continues the content before it, which ends at
    the token end ``first_end``: it starts right there (no mark, no word, no paragraph
    break between), with a word that opens no clause of its own (``so``, ``but``,
    ``although``), has no subject of its own (the first half holds it) and is no speech
    or writing verb (``... and one in four | said B``: a report whose subject the parse
    put in the first half)."""
    if second.dep_ != "ccomp" or second.left_edge.i != first_end:
        return False
    first = second.left_edge
    if "\n" in first.doc[first_end - 1].whitespace_ or first.is_space:
        return False  # a paragraph break between: a headline and its story
    verb = lexicon.verb(second)
    if verb is not None and verb.cls in ("speech", "writing"):
        return False  # "... and one in four | said B": a report whose subject the parse took
    if (
        first.is_punct
        or first.dep_ in _STARTS_OWN_CLAUSE
        or (first.dep_ == "mark" and first.lower_ != "that")
    ):
        return False  # "..., so B", "... but B", "... although B": a clause of its own
    # "... that lie one | click away, but writers face ...": a clause with a subject of its own
    return not any(c.dep_ in SUBJECT_DEPS or c.dep_ == "expl" for c in second.children)


def adjacent_complement_tail(cue: Token, content: Token, end: int, lexicon: CueLexicon) -> int:
    """Extend a complement of ``cue`` over the cue's next complement when it starts right
    where the content ends (token end ``end``): the two are one clause the parse cut."""
    if content.dep_ != "ccomp" or content.head.i != cue.i or content.i < cue.i:
        return end
    nxt = next((c for c in cue.rights if c.i > content.i and c.dep_ != "punct"), None)
    if nxt is None or not _joins(end, nxt, lexicon):
        return end
    bounds = trim_bounds(cue.doc, nxt.left_edge.i, nxt.right_edge.i + 1)
    return bounds[1] if bounds is not None else end


def adjacent_complement(cue: Token, content: Token, lexicon: CueLexicon) -> bool:
    """Whether ``content`` is the second half of a complement of ``cue`` the parse cut in
    two (:func:`adjacent_complement_tail`): part of the first half's content."""
    if content.dep_ != "ccomp" or content.head.i != cue.i or content.i < cue.i:
        return False
    doc = cue.doc
    for c in cue.rights:
        if c.dep_ != "ccomp" or c.i >= content.i:
            continue
        bounds = trim_bounds(doc, c.left_edge.i, c.right_edge.i + 1)
        if bounds is not None and _joins(bounds[1], content, lexicon):
            return True
    return False


_CORRECTION_GAP = frozenset({",", "but", "—", "–", "-"})
_PHRASE_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "ADJ"})


def corrective_tail(cue: Token, content: Token, end: int) -> int:
    """Extend a clausal content over the ``but`` phrase that corrects or qualifies it.

    ``Marta learned that the noise was not a burglar, but a raccoon``; ``The minister said
    the tax was fair, but a burden for pensioners``: the parser hangs the phrase after
    ``but`` on the cue as a conjunct, which a verb cannot have (a noun or adjective phrase
    coordinates with a phrase inside the content); ``not A, but B`` says one thing. Taken
    for a complement clause of the cue or a negated content, when only a comma, a dash and
    ``but`` stand between and the conjunct is a phrase, not a clause (``..., but the board
    approved it``: :func:`quotecraft.reported_bounds.coordinated_tail`'s).
    """
    if cue.pos_ not in ("VERB", "AUX") or content.head.i != cue.i:
        return end
    if not any(c.dep_ == "neg" for c in content.children) and content.dep_ != "ccomp":
        return end
    doc = cue.doc
    for c in cue.rights:
        if c.dep_ != "conj" or c.i < end:
            continue
        gap = [t.lower_ for t in doc[end : c.left_edge.i] if not t.is_space]
        if c.pos_ not in _PHRASE_POS or "but" not in gap or not set(gap) <= _CORRECTION_GAP:
            return end
        bounds = trim_bounds(doc, c.left_edge.i, c.right_edge.i + 1)
        return bounds[1] if bounds is not None else end
    return end


def coordinated_lead(cue: Token, content: Token, start: int) -> int:
    """Where a content before a trailing attribution starts when the parser coordinated the
    attribution with the sentence's first clause.

    ``The clinic had told its patients that it would close, but the council overruled the
    plan, the nurse added``: the parse makes ``added`` a conjunct of ``told`` and only the
    clause after ``but`` its complement, yet the trailing attribution scopes over the whole
    sentence before it. Taken when the cue is the conjunct of the root, its complement
    stands between the root and the cue's own subject, a coordinating word opens that
    complement, nothing of the cue's (no object, no clause) follows the cue, and the first
    clause is no trailing attribution itself (``Costs are rising, the mayor said, and the
    city cannot pay, her deputy added``: two reports).
    """
    if cue.dep_ != "conj" or cue.head.dep_ != "ROOT" or content.dep_ != "ccomp":
        return start
    if content.head.i != cue.i or not (cue.head.i < content.left_edge.i and content.i < cue.i):
        return start
    subject = next((c for c in cue.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or not (content.right_edge.i < subject.left_edge.i and subject.i < cue.i):
        return start
    if any(c.dep_ in ("ccomp", "xcomp", "dobj") and c.i > cue.i for c in cue.children):
        return start
    if any(c.dep_ in ("ccomp", "parataxis") and c.i < cue.head.i for c in cue.head.children):
        return start  # "A, the mayor said, and B, her deputy added": the first is a report
    doc = cue.doc
    lead = doc[content.left_edge.i - 1] if content.left_edge.i > 0 else None
    if lead is None or lead.dep_ != "cc" or lead.head.i != cue.head.i:
        return start
    bounds = trim_bounds(doc, cue.head.left_edge.i, start + 1)
    return bounds[0] if bounds is not None else start


_DATE_ENTITIES = frozenset({"DATE", "TIME"})


_EVENT_PREPS = frozenset({"after", "before", "during", "following"})
_EVENT_WORDS = 6


def dated_lead(cue: Token, content: Token, start: int) -> int:
    """Where a clause after its cue starts when a date between them dates the saying.

    ``Officials said Tuesday the road would reopen``, ``She said on Friday the talks had
    failed``: the parser hangs the date on the reported clause, but next to the cue it tells
    when the words were said (the record's ``date``), as it does before a *that*. Taken when
    the clause is the cue's complement and starts right after the cue (or the one it was
    told to: ``told the Courier on Friday the talks had failed``) with a date phrase
    (a date noun, or *on*, *in* or *at* with one) that is the clause head's modifier and
    ends before the clause's own subject; likewise a short phrase of *after*, *before*,
    *during* or *following* an event (``said after the vote she would resign``).
    """
    if content.dep_ not in ("ccomp", "advcl") or content.head.i != cue.i:
        return start
    if start != cue.i + 1 and start != told_end(cue, start):  # "told the Courier | on Friday"
        return start
    doc = cue.doc
    subject = next((c for c in content.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None:
        return start
    for c in content.children:
        if c.left_edge.i != start or c.right_edge.i + 1 != subject.left_edge.i:
            continue  # the phrase must fill the gap between the cue and the subject
        words = doc[c.left_edge.i : c.right_edge.i + 1]
        dated = c.dep_ == "npadvmod" or (c.dep_ == "prep" and c.lower_ in ("on", "in", "at"))
        # every word is part of a date, the preposition aside
        if dated and all(t.ent_type_ in _DATE_ENTITIES for t in words if t.dep_ != "prep"):
            return subject.left_edge.i
        if c.dep_ == "prep" and c.lower_ in _EVENT_PREPS and len(words) <= _EVENT_WORDS:
            return subject.left_edge.i  # "said after the vote | she would resign"
    return start


def addressee_lead(cue: Token, content: Token, start: int) -> int:
    """Where an infinitive content after a telling verb starts when the parser made the
    person told its subject.

    ``The guidebook warns visitors not to swim after dark``: the parser may read
    *visitors* as the subject of a clause *visitors not to swim*, where ``warned drivers
    to avoid the bridge`` gives an object and an infinitive; either way the person told
    is the addressee, not what was said (``not to swim after dark``). Taken for a verb of
    ``telling_verbs`` whose clause complement is a *to* infinitive with a subject of its
    own right after the cue; and a plural noun the parser made the modifier of a finite
    clause's subject when the verb has no object (``told analysts margins would
    improve``)."""
    telling = cue.lemma_.lower() in word_list("telling_verbs")
    if not telling or content.dep_ != "ccomp" or content.head.i != cue.i:
        return start
    subject = next((c for c in content.children if c.dep_ == "nsubj"), None)
    to = next((c for c in content.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if subject is not None and to is None and subject.left_edge.i == start:
        # 'told analysts margins would improve': with no one told, a plural noun modifier
        # opening the clause's subject is the one told (a plural is rarely a modifier)
        told = cue.doc[start]
        if (
            told.dep_ == "compound"
            and told.tag_ == "NNS"
            and told.head.i == subject.i
            and not any(c.dep_ in ("dobj", "dative") for c in cue.children)
        ):
            return start + 1
    if subject is None or to is None or subject.left_edge.i != start or subject.i > to.i:
        return start
    return subject.right_edge.i + 1


def unreported_circumstance(cue: Token, content: Token) -> bool:
    """Whether ``content`` is a clause the parser hung below a phrase of when the words
    were said that is not what was said (``said after the debate | she won``: see
    :func:`misread_circumstance`)."""
    prep = _event_prep(cue, content)
    if prep is None:
        return False
    if content.dep_ == "relcl":
        relative = [c for c in content.children if c.tag_ in ("WDT", "WP", "WP$", "WRB")]
        if any(c.lower_ != "that" for c in relative):
            return True  # "said after the debate which she won": never what was said
        if relative or any(c.dep_ == "mark" and c.lower_ == "that" for c in content.children):
            return False  # "said after the debate that she had won": a that-clause misread
    return not misread_circumstance(cue, content, prep)


def _event_prep(cue: Token, content: Token) -> Token | None:
    """The preposition of *after*, *before*, ... that a clause of ``cue`` is read under: as
    a relative clause on its object (``said during the debate [her rival had lied]``), or
    as an adverbial clause it opens (``said [before the vote he had not read the bill]``)."""
    if content.dep_ == "relcl":
        prep = content.head.head
        through = content.head.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.i == cue.i
        return prep if through and prep.lower_ in _EVENT_PREPS else None
    if content.dep_ != "advcl" or content.head.i != cue.i:
        return None
    if any(
        c.dep_ == "mark" or c.lower_ in ("when", "where", "why", "how") for c in content.children
    ):
        return None  # "asked if ...", "asked when ...": a clause of its own
    event = (c for c in content.children if c.dep_ == "prep" and c.lower_ in _EVENT_PREPS)
    return next((c for c in event if c.i < content.i), None)


def misread_circumstance(cue: Token, content: Token, prep: Token) -> bool:
    """Whether a clause read below the cue's phrase of when (``prep``) is what was said.

    ``Ann Lee said during the debate her rival had lied``, ``told reporters after the vote
    she would resign``, ``said before the vote he had not read the bill``: with no *that*,
    the parser may read the clause as a relative clause of *debate*, *vote*, or as an
    adverbial clause that *before the vote* opens, and the cue then has no content. Taken
    when the preposition (*after*, *before*, *during*, *following*) comes right after the
    cue or the person told, the clause's own subject comes right after the phrase, and the
    cue has no clause or object of its own (``told reporters``: the person told). A
    relative clause with *which*, *who* ... is never what was said, one with *that* is
    left to ``reported.that_misread.v1``."""
    telling = cue.lemma_.lower() in word_list("telling_verbs")
    told = [c for c in cue.children if c.dep_ in ("dobj", "dative") and c.i < prep.i]
    after = told[-1].right_edge.i + 1 if told and telling else cue.i + 1
    if prep.i != after or (told and not telling):
        return False
    if any(c.dep_ in ("ccomp", "xcomp", "csubj", "dobj") and c.i > prep.i for c in cue.children):
        return False
    gap_end = content.head.i + 1 if content.dep_ == "relcl" else prep.right_edge.i + 1
    return any(c.dep_ in SUBJECT_DEPS and c.left_edge.i == gap_end for c in content.children)


_OBJECT_PRONOUNS = frozenset({"me", "him", "her", "us", "them"})


def object_read_for_subject(cue: Token, content: Token, start: int) -> int:
    """Where a clause content starts when the parser read its subject as the cue's object.

    ``Protesters are demanding President Ann Lee make a pledge``: the parser may hang
    *Ann Lee* on *demanding* as its object and *make a pledge* on it as a clause with no
    subject; the object right before such a clause (or before the cue's prepositions and
    adverbs the parser moved out of it: ``think technology by its very nature is
    harmful``) is the clause's subject, and the content starts there. Not an object-case
    pronoun (``asked him leave``: the person asked), not an object with a clause of its
    own (``told the voters who came ...``), not before an infinitive (``warned residents
    to leave``: :func:`addressee_lead`). After a verb of telling, a noun modifier of that
    object is the one told (``told analysts margins would improve``)."""
    if content.dep_ != "ccomp" or content.head.i != cue.i or content.pos_ not in ("VERB", "AUX"):
        return start
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ in ("expl", "csubj") or c.lower_ == "to"
           for c in content.children):  # fmt: skip
        return start
    if any(
        s.dep_ in SUBJECT_DEPS
        for a in content.children
        if a.dep_ in ("aux", "auxpass")
        for s in a.children
    ):
        return start  # "told police the car was speeding": the subject hung on the auxiliary
    obj = next((c for c in cue.children if c.dep_ == "dobj" and c.i < content.i), None)
    if (
        obj is None
        or not _only_modifiers_between(cue, obj.right_edge.i + 1, start)
        or obj.lower_ in _OBJECT_PRONOUNS
        or any(c.dep_ in ("relcl", "acl") for c in obj.children)
    ):
        return start
    if cue.lemma_.lower() in word_list("telling_verbs") and not any(
        c.dep_ == "dative" for c in cue.children
    ):
        # 'told the board costs were rising': with no one else told, the parser made the
        # one told a noun modifier of the clause's subject ('told me photo circulating ...')
        told = next((c for c in obj.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"), None)
        if told is not None:
            return told.right_edge.i + 1
    return obj.left_edge.i


def _only_modifiers_between(cue: Token, first: int, start: int) -> bool:
    """Whether nothing stands from ``first`` up to ``start`` but the subtrees of the cue's
    own prepositions and adverbs, which the parser hung on the cue from inside the clause
    (``think technology | by its very nature | is harmful``)."""
    mods = [c for c in cue.children if c.dep_ in ("prep", "advmod", "npadvmod")]
    inside = [c for c in mods if first <= c.left_edge.i and c.right_edge.i < start]
    return sum(len(list(c.subtree)) for c in inside) == start - first


_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def bare_verb_tail(cue: Token, end: int, lexicon: CueLexicon) -> int:
    """Extend a verb's content over a bare verb the parser coordinated with a finite cue.

    ``agreed to share a port and rely on one another``: ``rely`` cannot be coordinated
    with ``agreed`` (a bare verb beside a finite one), so it continues the content, the
    infinitive or the clause ``to``/``would`` governs (``said he would order a review
    and ask ...``). A finite conjunct (``... and warned``) is the speaker's next act, and
    a cue verb (``... and think that ...``) a report of its own. A verb with only a modal
    before it goes on the report too (``said they were tired, but would keep working``:
    the modal is the report's, shifted back with it), as does a present-tense verb after a
    past-tense cue, which the tagger takes for a bare one (``pledged to meet and in some
    cases exceed its targets``); but a negated speech verb is the speaker's act
    (``..., but would not say why``).
    """
    if cue.tag_ not in _FINITE_TAGS:
        return end
    for c in cue.rights:
        if c.dep_ != "conj" or c.i < end:
            continue
        if not _bare_or_modal(c, cue):
            return end
        verb = lexicon.verb(c)
        refused = any(x.dep_ == "neg" and x.i < c.i for x in c.children)
        if refused and verb is not None and verb.cls in ("speech", "writing"):
            return end  # "..., but would not say why": the speaker's own act
        if is_clause_cue(c, lexicon) or is_naming_cue(c, lexicon):
            return end
        return through_conjunct(c, end, max_gap=2)
    return end


def _bare_or_modal(verb: Token, cue: Token) -> bool:
    """Whether ``verb``, coordinated with ``cue``, has no subject of its own and is bare,
    takes only modals before it, or is present tense beside a past-tense cue."""
    if any(x.dep_ in SUBJECT_DEPS for x in verb.children):
        return False
    auxes = [x for x in verb.children if x.dep_ in ("aux", "neg") and x.i < verb.i]
    if verb.tag_ == "VBP" and cue.tag_ == "VBD" and not auxes:
        return True
    if verb.tag_ != "VB":
        return False
    return all(x.dep_ == "neg" or x.tag_ == "MD" for x in auxes)


def speaker_act_end(content: Token, end: int, lexicon: CueLexicon) -> int:
    """End a clausal content before a conjunct or concessive clause that is the
    speaker's act of speaking.

    ``Abara said the library was safe, but would not say for how long``: the parser may
    coordinate ``say`` with the content's verb; a negated speech or writing verb with no
    subject of its own (``would not say``, ``could not explain``) is what the speaker
    did (refused to say more), not part of what was said. So is a clause opened by
    *although* or *though* whose subject is a pronoun (*he*, *it* ...) and whose verb is such
    a negated verb or one of ``refusal_verbs`` (``said the tax was fair, though she did
    not say who would pay``, ``..., although he refused to release his returns``).
    """
    doc = content.doc
    for c in content.rights:
        if c.i >= end:
            continue
        answered = c.dep_ == "advcl" and _others_object(c, lexicon)
        if c.dep_ == "conj":
            if any(x.dep_ in SUBJECT_DEPS for x in c.children):
                continue
        elif not answered and (c.dep_ != "advcl" or not _speaker_concedes(c)):
            continue
        verb = lexicon.verb(c)
        negated = any(x.dep_ == "neg" and x.i < c.i for x in c.children)
        refused = c.dep_ == "advcl" and c.lemma_.lower() in word_list("refusal_verbs")
        said = verb is not None and verb.cls in ("speech", "writing") and negated
        if not (answered or refused or said):
            continue  # "..., but would eventually add $84 billion": what was said
        bounds = trim_bounds(doc, content.left_edge.i, c.left_edge.i)
        return min(end, bounds[1]) if bounds is not None else end
    return end


_CONCESSIVE = frozenset({"although", "though"})


def _others_object(clause: Token, lexicon: CueLexicon) -> bool:
    """A clause opened by *although* or *though* in which someone named by a noun answers
    what was said with a cue of their own and no content of their own: ``The firm says
    its products are safe, though regulators disagree``; ``..., although critics dispute
    it``. The writer sets the answer against the report; the speaker did not say it."""
    subject = _conceding_subject(clause)
    return (
        subject is not None
        and subject.pos_ in ("NOUN", "PROPN")
        and not any(x.dep_ in ("ccomp", "xcomp", "advcl", "prep") for x in clause.children)
        and all(x.pos_ == "PRON" for x in clause.children if x.dep_ == "dobj")
        and lexicon.verb(clause) is not None
    )


def _speaker_concedes(clause: Token) -> bool:
    """A clause opened by *although* or *though* whose subject is *he*, *she*, *it* or *they*."""
    subject = _conceding_subject(clause)
    return subject is not None and subject.lower_ in ("he", "she", "it", "they")


def _conceding_subject(clause: Token) -> Token | None:
    """The one subject of a clause opened by one *although* or *though*, else None."""
    marks = [x for x in clause.children if x.dep_ == "mark"]
    subjects = [x for x in clause.children if x.dep_ in SUBJECT_DEPS]
    if len(marks) != 1 or marks[0].lower_ not in _CONCESSIVE or len(subjects) != 1:
        return None
    return subjects[0]


def cleft_copula(verb: Token, cue: Token) -> bool:
    """*Be* with no subject, hung by the parser on the cue of the relative clause before
    it (``The only thing the mayor said | was | that the bridge would close``): a cleft
    whose clause is what the cue's subject said (rule ``reported.noun_cleft_misread.v1``),
    not a clause of another verb."""
    return (
        verb.lemma_ == "be"
        and verb.dep_ == "ccomp"
        and verb.head.i == cue.i
        and cue.dep_ == "relcl"
        and not any(c.dep_ in SUBJECT_DEPS or c.dep_ == "expl" for c in verb.children)
    )
