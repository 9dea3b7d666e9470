"""Where a cue without a subject of its own looks for its speaker: the first cue of a
conjunction (:func:`first_cue_of_conjunction`: ``X said ... and warned that``), the
object of *according to* (:func:`according_to_object`) and the inverted subject the
parser read as an object (:func:`subject_after_cue`: ``The bridge is unsafe, claimed the
engineer.``). Used by :func:`quotecraft.attribution.speaker_head`."""

from __future__ import annotations

from spacy.tokens import Token

from .quoted_verbs import CLOSING_MARKS
from .subject_asides import SUBJECT_DEPS

__all__ = [
    "according_to_object",
    "first_cue_of_conjunction",
    "quoted_author",
    "subject_after_cue",
]


def according_to_object(cue: Token) -> Token | None:
    """``according to X``: X (the *to* right after *according*, not ``a note to clients``)."""
    for to in cue.children:
        if to.lower_ == "to" and to.i == cue.i + 1:
            for obj in to.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


_REPEATING = frozenset({"quote", "paraphrase"})


def quoted_author(cue: Token) -> Token | None:
    """``To quote the poet Amaru Cruz: "..."``: the one whose words an infinitive *quote*
    or *paraphrase* with no subject repeats (its object), who is the speaker; None for
    any other cue (``She quoted her grandmother``: she speaks, repeating them)."""
    if cue.lemma_.lower() not in _REPEATING or cue.dep_ == "ROOT":
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in cue.children):
        return None
    return next((c for c in cue.children if c.dep_ == "dobj" and c.pos_ in ("PROPN", "NOUN")), None)


def first_cue_of_conjunction(cue: Token) -> Token:
    """``X said the plan was costly and warned that ...``: the first cue, whose subject is X.

    The parser hangs the second cue on the first cue's complement; so it does a participle
    after a comma (``X said the talks had failed, adding that ...``): X does it."""
    if any(c.dep_ in SUBJECT_DEPS for c in cue.children) or cue.head.dep_ != "ccomp":
        return cue
    if not (cue.head.head.is_alpha and cue.head.head.pos_ in ("VERB", "AUX")):
        return cue  # "WASHINGTON ― The agency announced ..., acknowledging": a dash above
    if _after_quotation(cue.head) or cue.head.head.i > cue.i:
        # '"I never said that," the senator insisted, calling ...': the parse makes the
        # attribution the complement of the quoted verb, whose subject is a quoted word;
        # so does 'The doctor swabs her arm and says, "I'm going to ..."', quote after
        return cue
    before = cue.left_edge.i - 1
    if before > 0 and cue.doc[before].text in CLOSING_MARKS:
        before -= 1  # '... a "good start," suggesting': the comma inside the marks
    participle = (
        cue.dep_ == "advcl"
        and cue.tag_ == "VBG"
        and cue.head.head.i < cue.head.i < cue.i
        and cue.doc[before].text == ","
    )
    if participle or (cue.dep_ == "conj" and not _person_goes_on(cue)):
        return cue.head.head
    return cue


def _person_goes_on(conj: Token) -> bool:
    """Whether the reported clause a conjoined cue hangs on has a person as its subject,
    who goes on to speak (``Prosecutors say Halvorsen ran the scheme and told investigators
    he ...``: Halvorsen told them), where a thing cannot (``X said the plan was costly and
    warned that ...``: X warned). The cue's tense must be the clause's and not the
    reporting verb's (``Aides say Ruiz wrote the memo and insist ...`` stays theirs), and
    the reporting verb a finite one."""
    clause, reporting = conj.head, conj.head.head
    subjects = [c for c in clause.children if c.dep_ == "nsubj"]
    reporters = [c.lower_ for c in reporting.children if c.dep_ == "nsubj"]
    person = len(subjects) == 1 and (
        subjects[0].ent_type_ == "PERSON"
        or (subjects[0].lower_ in ("he", "she") and subjects[0].lower_ not in reporters)
    )  # "He said that he would ... and did not suggest": the one man either way
    finite = reporting.tag_ in ("VBD", "VBZ", "VBP", "VB")  # not "meaning that he ..."
    return person and finite and conj.tag_ == clause.tag_ and conj.tag_ != reporting.tag_


def _after_quotation(verb: Token) -> bool:
    """Whether ``verb`` (or its subject before it) follows a quotation's closing mark, as
    an attribution does (``"...," the senator insisted``, ``"...," said Lee``); not a
    complement quoted in part (``wrote that it "cannot afford more" and urged ...``)."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    k = min(subject.left_edge.i, verb.i) if subject is not None else verb.i
    k -= 1
    if k > 0 and verb.doc[k].text == ",":
        k -= 1  # '"...", the senator insisted'
    return k >= 0 and verb.doc[k].text in CLOSING_MARKS


def subject_after_cue(cue: Token, conjunct: bool = False) -> Token | None:
    """The object the parser made of an inverted subject right after a cue that follows
    its content and a comma (``The bridge is unsafe, claimed the engineer.``): a noun
    phrase starting right after the verb, when the verb has no subject of its own and the
    clause before it, ending at the comma, is its complement. With ``conjunct``, also when
    the parser made the verb a conjunct of that clause (``Prices will rise, warned the
    central bank.``; the caller knows the verb takes no object as content: ``He praised
    the plan, criticized the mayor`` is two acts) and the clause's subject is no person
    who could go on acting (``She clinched ..., pledged delegates``). Not after *tell*,
    whose object is the one told (``..., told the court``)."""
    doc = cue.doc
    if cue.i < 2 or doc[cue.i - 1].text != "," or cue.lemma_.lower() == "tell":
        return None
    if any(c.dep_ in SUBJECT_DEPS for c in cue.children):
        return None
    clause = doc[cue.i - 2]
    while clause.head.i != clause.i and clause.head.i < cue.i:
        clause = clause.head
    complement = clause.head.i == cue.i and clause.dep_ == "ccomp"
    conjoined = (
        conjunct
        and cue.dep_ in ("conj", "dep")  # "dep": the parser's unlabelled attachment
        and cue.head.i == clause.i
        and not any(  # "She clinched a majority of regular, pledged delegates": her acts
            c.dep_ in SUBJECT_DEPS and (c.pos_ == "PRON" or c.ent_type_ == "PERSON")
            for c in clause.children
        )
    )
    if clause.pos_ not in ("VERB", "AUX") or not (complement or conjoined):
        return None
    return next(
        (
            c
            for c in cue.rights
            if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") and c.left_edge.i == cue.i + 1
        ),
        None,
    )
