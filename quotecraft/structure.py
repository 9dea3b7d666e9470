"""Attribution clauses recognised by their structure, whatever their verb.

Next to quotation marks, a clause with a speaker for subject and a finite verb
attributes the quotation (``"The deal is off," Lee fumed.``, ``..., beamed Sofia
Lindqvist after the race``, ``Lee fumed: "..."``): :mod:`quotecraft.direct` asks
these functions whether a token is such a verb; the cue lexicon then only sets the
cue's type and confidence (:data:`UNKNOWN_VERB_CONFIDENCE` for a verb it lacks).
"""

from __future__ import annotations

from spacy.tokens import Token

from .cues import CueLexicon
from .speaker_features import gendered_nouns
from .titles import packaged_titles
from .wordlists import word_list

_FINITE = frozenset({"VBD", "VBZ", "VBP"})
_OWN_COMPLEMENTS = frozenset({"dobj", "ccomp", "xcomp", "attr", "acomp", "oprd", "dative"})
UNKNOWN_VERB_CONFIDENCE = 0.75
"""Confidence of a direct quote whose attribution verb is not in the cue lexicon."""


def is_speech_cue(tok: Token, lexicon: CueLexicon) -> bool:
    """A verb of the lexicon that can introduce direct speech (also one the tagger took for
    an interjection before a comma and a quotation: ``When a guest arrives, say, "Welcome
    aboard."``)."""
    pos = tok.pos_
    if (
        pos not in ("VERB", "AUX")
        and tok.tag_ not in _VERB_TAGS
        and not (pos == "INTJ" and _interjected_verb(tok))
    ):
        return False
    cue = lexicon.verb(tok)
    return cue is not None and "quote" in cue.frames


_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "VBG", "VB", "VBN"})


def _interjected_verb(tok: Token) -> bool:
    """An interjection followed by a comma and an opening quotation mark (``..., say,
    "Welcome aboard."``): the tagger's reading of an imperative before the words."""
    doc = tok.doc
    return (
        tok.i + 2 < len(doc)
        and doc[tok.i + 1].text == ","
        and doc[tok.i + 2].is_quote
        and doc[tok.i + 2].tag_ == "``"
    )


def _misread_name(word: Token) -> bool:
    """A capitalized word alone that the tagger read as an adjective (``"You again,"
    Ossian sniffed``): a name it did not know."""
    return (
        word.pos_ == "ADJ" and word.text[:1].isupper() and word.is_alpha and not any(word.children)
    )


def is_attribution_verb(tok: Token, quote_start: int | None = None) -> bool:
    """Any finite verb with a speaker for subject and no complement of its own after it.

    ``"The deal is off," Lee fumed.`` / ``..., beamed Sofia Lindqvist after the race.``:
    next to quotation marks, such a clause attributes the quote whatever its verb
    (the lexicon only sets the cue's type and confidence). ``..., he wrote a letter``
    (an object of its own) or ``..., there was silence`` is not an attribution; ``...,
    they wanted to know.`` (an infinitive with no words of its own) is.
    """
    fused = fused_subject(tok)
    if tok.pos_ != "VERB" or not (tok.tag_ in _FINITE or misread_past(tok) or fused is not None):
        return False
    subject = next((c for c in tok.children if c.dep_ == "nsubj"), fused)
    if subject is None or not (
        subject.pos_ in ("PROPN", "PRON", "NOUN") or age_noun(subject) or _misread_name(subject)
    ):
        return False
    if subject.lower_ in word_list("non_speaker_subjects") or subject.tag_ in ("WP", "WDT", "EX"):
        return False
    return not any(
        c.dep_ in _OWN_COMPLEMENTS
        and c.i > tok.i
        and (quote_start is None or c.left_edge.idx < quote_start)  # the quote itself is fine
        and not opens_quote(c)
        and not _bare_infinitive(c)
        and not _manner_word(c)
        for c in tok.children
    )


def _manner_word(tok: Token) -> bool:
    """A lone word the parser took for an object's predicate where the verb has no object
    (``..., he wondered aloud,``): how the words were said, not a complement of the verb."""
    return (
        tok.dep_ == "oprd"
        and tok.n_lefts + tok.n_rights == 0
        and not any(c.dep_ in ("dobj", "nsubjpass") for c in tok.head.children)
    )


_NOT_PERSONS = frozenset({"human", "talisman", "ottoman", "caiman", "german", "roman"})
"""Words in *-man* that name no person by role (*the human* is no role)."""


def person_noun(t: Token) -> bool:
    """A singular noun that names a person by role or kin (``the governor``, ``the old
    man``, ``her mother``, ``the fisherman``): a title word of the packaged title lexicon,
    a gendered noun, or a word ending in *-man*, *-woman* or *-person*."""
    if t.pos_ != "NOUN" or t.tag_ != "NN":
        return False
    low = t.lemma_.lower()
    return (
        low in packaged_titles()[1]
        or low in gendered_nouns()
        or (low.endswith(("man", "woman", "person")) and low not in _NOT_PERSONS)
    )


def empty_copula(tok: Token, cue: Token, quote_start: int) -> bool:
    """*Be* with nothing of its own before the quotation, hung on the cue before it: the
    parser's reading of a cleft whose noun it lost (``The first thing the pilot said was,
    "..."``, ``All the coach said was, "..."``): the quotation is what the cue's subject
    said."""
    return (
        tok.lemma_ == "be"
        and tok.head.i == cue.i
        and tok.dep_ in ("ccomp", "advcl")
        and tok.i == cue.i + 1  # "said was": not 'The verdict, said X, was "..."'
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.i < cue.i for c in cue.children)
        and not any(c.idx < quote_start and not c.is_punct for c in tok.children)
        and not _told_one(cue)
    )


def _told_one(verb: Token) -> bool:
    """A verb of telling in a relative clause with no one told of its own: its noun is
    the person told (``The neighbour she told was ...``), not the words."""
    return (
        verb.dep_ == "relcl"
        and verb.lemma_.lower() in word_list("telling_verbs")
        and not any(c.dep_ in ("dobj", "dative") for c in verb.children)
    )


_RELATIVES = frozenset({"who", "whom", "whose", "which", "that"})


def cleft_cue(be: Token, lexicon: CueLexicon) -> Token | None:
    """The verb of speaking a cleft's *be* right before a quotation takes up: ``What she
    said was, "Never again."`` (the verb, with *what* for object, is the subject of
    *be*) or ``The last thing he wrote was "..."`` (a relative clause of the subject);
    the verb's own subject speaks. Not ``The reporter she told was ...`` (a person is no
    words), nor ``The man who said it was ...`` (the relative pronoun is the speaker)."""
    if be.lemma_ != "be":
        return None
    for c in be.children:
        verb: Token | None
        if c.i > be.i:
            continue
        if c.dep_ == "csubj" and any(w.lower_ == "what" and w.dep_ == "dobj" for w in c.children):
            verb = c
        elif c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PRON") and not person_noun(c):
            verb = next((r for r in c.children if r.dep_ == "relcl"), None)
        else:
            continue
        if verb is None or not is_speech_cue(verb, lexicon) or _told_one(verb):
            continue
        subject = next((w for w in verb.children if w.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.lower_ not in _RELATIVES and subject.lower_ != "what":
            return verb
    return None


_QUOTATIVES = frozenset({"like", "all"})
_NO_SPEAKER_PRONOUNS = frozenset({"it", "there", "that", "this", "what"})


def quotative_be(tok: Token, quote_start: int) -> Token | None:
    """The form of *be* whose quotative *like* (or *all*) is ``tok``, right before the
    quotation that opens at ``quote_start``: ``She was like, "Are you kidding?"``, ``I'm
    just like "no."``, ``He was all, "..."``: the informal verb of saying. Its subject
    is someone (not ``It was like, "the end of the world"``), *like* has no object of its
    own before the mark (``He was like a brother to me, "..."``), and only adverbs stand
    between it and *be*."""
    be = tok.head
    if tok.lower_ not in _QUOTATIVES or be.lemma_ != "be" or not 0 < tok.i - be.i <= 2:
        return None
    if any(t.pos_ != "ADV" for t in tok.doc[be.i + 1 : tok.i]):
        return None
    if any(c.idx < quote_start and not c.is_punct for c in tok.children if c.i > tok.i):
        return None
    subject = next((c for c in be.children if c.dep_ == "nsubj" and c.i < be.i), None)
    if subject is None or subject.pos_ not in ("PRON", "PROPN", "NOUN"):
        return None
    if subject.lower_ in _NO_SPEAKER_PRONOUNS or subject.lower_ in word_list(
        "non_speaker_subjects"
    ):
        return None
    if subject.pos_ == "NOUN" and not (
        person_noun(subject) or any(c.dep_ == "poss" for c in subject.children)
    ):
        return None  # 'The storm was like, "..."'; but 'the waiter', 'my cousin'
    return be


_AGE_UNITS = frozenset({"year", "month", "week", "day"})


def age_noun(tok: Token) -> bool:
    """*old* of *the 17-year-old*, a person named by an age: the head word of a noun
    phrase though the tagger reads it as an adjective."""
    return tok.lower_ == "old" and any(
        c.dep_ == "npadvmod" and c.lower_ in _AGE_UNITS and c.i < tok.i for c in tok.children
    )


def fused_subject(tok: Token) -> Token | None:
    """The subject the parse fused with its verb into one noun phrase, the verb its head:
    ``"...," the 17-year-old beamed`` (*the* a determiner of *beamed*, *old* its
    modifier). The modifier right before the verb, a noun, a name or an age
    (:func:`age_noun`); None when the verb has a subject or an auxiliary of its own."""
    if tok.pos_ != "VERB" or tok.i == 0:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children):
        return None
    if not any(c.dep_ == "det" and c.i < tok.i for c in tok.children):
        return None
    mod = tok.doc[tok.i - 1]
    if mod.head.i != tok.i or mod.dep_ not in ("amod", "compound"):
        return None
    return mod if mod.pos_ in ("NOUN", "PROPN") or age_noun(mod) else None


def _bare_infinitive(tok: Token) -> bool:
    """An infinitive with nothing of its own but *to* (``..., the passengers wanted to
    know.``): part of the attribution's verb, not a complement that leaves the quotation
    none."""
    return tok.dep_ == "xcomp" and all(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def misread_past(tok: Token) -> bool:
    """A past tense the tagger read as a participle: ``..., the union leader, Dara Quill,
    growled.`` (*growled* VBN). A participle with an active subject of its own and no
    auxiliary heads no passive and no perfect: it is the clause's finite verb."""
    return (
        tok.tag_ == "VBN"
        and tok.dep_ in ("ROOT", "ccomp", "parataxis")
        and any(c.dep_ == "nsubj" for c in tok.children)
        and not any(c.dep_ in ("aux", "auxpass", "nsubjpass") for c in tok.children)
    )


def opens_quote(tok: Token) -> bool:
    """A subtree that starts at an opening quotation mark: quoted words, not a complement."""
    first = tok.left_edge
    return first.is_quote or (first.i > 0 and tok.doc[first.i - 1].is_quote)


def subject_span_ok(tok: Token, first: int) -> bool:
    """The tokens from ``first`` up to ``tok`` are its subject (and punctuation), or ``tok``
    comes first and its subject follows (``..., beamed Sofia Lindqvist``)."""
    subject: set[int] = set()
    for c in tok.children:
        if c.dep_ == "nsubj":
            subject.update(x.i for x in c.subtree)
    fused = fused_subject(tok)
    if fused is not None:  # '"...," the 17-year-old beamed': the article and the modifier
        subject.update(x.i for x in fused.subtree)
        subject.update(c.i for c in tok.children if c.dep_ == "det" and c.i < tok.i)
    if not subject:
        return False
    between = tok.doc[first : tok.i]
    if not len(between):
        return min(subject) > tok.i
    return all(x.i in subject or x.is_punct or x.is_space for x in between)


def misread_participle(t: Token, first: int) -> bool:
    """A past verb the parser hung on the noun phrase before it as a participle.

    ``"...," the farmer, Jo Lee, snapped at ...``: with no subject of its own, the
    verb reads as a clause modifying ``the farmer``; right after the quote, that noun
    phrase (with its appositions) is the speaker and the verb the attribution. Without a
    comma before it (``the warden barked at the driver``), only when no other verb
    follows in the sentence (``the man injured in the crash said`` has its own).
    """
    if t.pos_ != "VERB" or t.tag_ not in ("VBD", "VBN") or t.dep_ != "acl":
        return False
    head = t.head
    if not first <= head.i < t.i or head.pos_ not in ("NOUN", "PROPN"):
        return False  # the noun is after the quote ('"Orchard Lane," premiered': a title)
    # the noun phrase starts right after the quote (the parser may hang the quote on it too)
    if min((x.i for x in head.subtree if x.i >= first), default=-1) != first:
        return False
    if head.dep_ == "appos" and head.head.i < first:
        return False  # '"Harbor Lights," her second novel, ...': an apposition to the title
    if any(c.dep_ in ("auxpass", "nsubjpass", "agent", "dobj") for c in t.children):
        return False  # "the plan, approved by ..." is a passive participle
    own = {x.i for x in t.subtree}
    comma = t.doc[t.i - 1].text == ","
    if not comma and any(
        x.pos_ in ("VERB", "AUX") and x.i not in own for x in t.doc[t.i + 1 : t.sent.end]
    ):
        return False  # no comma: only when no other verb follows ('the warden barked at X.')
    if all(x.i in own or x.i < t.i for x in head.subtree):
        return True
    # the sentence's final stop hung on the noun: after a comma, the noun phrase must name
    # its speaker in an apposition ('..., the auditor, Ann Roe, grumbled.')
    return all(x.i in own or x.i < t.i or x.is_punct for x in head.subtree) and (
        not comma or any(c.dep_ == "appos" and head.i < c.i < t.i for c in head.children)
    )


def misread_noun_verb(tok: Token, first: int) -> Token | None:
    """The speaker's head of a past verb the parser gave its speaker as a compound: read as
    a noun (``"...," the pilot radioed.``, *radioed* NN) or as a verb with no subject
    (``the navigator radioed``). A noun must end in *-ed* (not *-eed*: *seed*, *speed*);
    the verb ends its clause (or a preposition or a comma follows it) right after the
    words from ``first``, a name, pronoun or noun with at most an article and names, or a
    person named by an age (``the 30-year-old fumed``). None otherwise."""
    low = tok.lower_
    if tok.tag_ == "VBD":
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            return None
    elif tok.tag_ != "NN" or len(low) < 5 or not low.endswith("ed") or low.endswith("eed"):
        return None
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    # the clause ends there, or a phrase or a participle follows ('the pilot radioed from
    # the tower', 'the 28-year-old groaned, pointing at the cellar')
    if nxt is not None and not (
        nxt.is_sent_start or nxt.text in (".", "!", "?", ";", ",") or nxt.tag_ == "IN"
    ):
        return None
    subject = next(
        (
            c
            for c in reversed(list(tok.lefts))
            if c.dep_ in ("compound", "nsubj") or (c.dep_ == "amod" and age_noun(c))
        ),
        None,
    )
    if subject is None or not (subject.pos_ in ("PROPN", "PRON", "NOUN") or age_noun(subject)):
        return None
    # an age's own words ('the 30-year-old fumed') belong to the subject
    own = {x.i for x in subject.subtree} if age_noun(subject) else {subject.i}
    words = [x for x in tok.doc[first : tok.i] if not (x.is_punct or x.is_space)]
    if any(x.head.i != tok.i and x.head.i != subject.i and x.i not in own for x in words):
        return None  # more than a subject before it
    return subject if all(x.i in own or x.pos_ in ("DET", "PROPN") for x in words) else None
