"""Whether a pronoun takes up a name, the text's evidence that the name is a person's.

:mod:`quotecraft.speaker_untagged` asks these of a name the tagger missed or mislabelled:
whether *he* or *she* is the next sentence's main subject (:func:`next_subject_pronoun`,
``Okonkwo Achebe ran the market. He said ...``), the first gendered pronoun after it
(:func:`taken_up`), *his* or *her* in its own clause (:func:`own_possessive`,
``Marcus found his sister``), and whether any other person is named near it for the
pronoun to take up instead (:func:`no_person_near`). And for *he* or *she* with no named
antecedent: the one described person spoken to or met by a subject the pronoun cannot be
(:func:`addressed_description`, ``I asked the guard. He said``), whether a quotation
the parser split off stands between the pronoun and the narration (:func:`split_quote`),
and who a possessive that looks ahead to the pronoun rules out (:func:`owned_before`,
``After her sister left, she said``).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from spacy.tokens import Span, Token

from .cues import default_lexicon
from .speaker_features import first_names, gendered_nouns, pronouns

__all__ = [
    "addressed_description",
    "narrated_first_person",
    "next_subject_pronoun",
    "no_person_near",
    "own_possessive",
    "split_quote",
    "taken_up",
]

PERSON = "PERSON"
_PERSONAL = frozenset({"he", "she"})
_DOUBLE_MARKS = frozenset({'"', "“", "”"})
_GENDERS = frozenset({"male", "female"})


def taken_up(tok: Token) -> Token | None:
    """The first gendered third-person pronoun after ``tok`` outside quotation marks, in
    its sentence and the two after it (a quotation the parser split off its attribution
    is one of them), None when a person is named first."""
    doc, sent = tok.doc, tok.sent
    end = sent.end
    for _ in range(2):
        if end < len(doc):
            end = doc[end].sent.end
    quoted = False
    for t in doc[tok.i + 1 : end]:
        if t.ent_type_ == PERSON or (t.pos_ == "PROPN" and t.lower_ in first_names()):
            return None
        if t.text in _DOUBLE_MARKS:
            quoted = t.text == "“" or (t.text == '"' and not quoted)
        elif not quoted and pronouns().get(t.lower_) in _GENDERS:
            return t
    return None


def next_subject_pronoun(span: Span) -> Token | None:
    """*he* or *she* as the subject of the main verb of the sentence after ``span``'s
    (past up to two sentences wholly in quotation marks), with no person named between
    but in what ``span``'s verb says (``Okonkwo Achebe ran the market. He said ...``)."""
    doc = span.doc
    sent = span.sent
    inside = _said_by(span)  # "Kirby said that Clinton's emails were found. He added"
    if sent.end >= len(doc) or any(
        t.ent_type_ == PERSON and t.i not in inside for t in doc[span.end : sent.end]
    ):
        return None
    nxt = doc[sent.end].sent
    for _ in range(2):  # a line of dialogue is no narration: '"Again?" She set down ...'
        if nxt.end >= len(doc) or _closing_mark(nxt) is None:
            break
        nxt = doc[nxt.end].sent
    for t in nxt:
        if t.ent_type_ == PERSON:
            return None
        if t.dep_ == "nsubj" and t.head.dep_ == "ROOT":
            return t if t.lower_ in _PERSONAL else None
    return None


def no_person_near(span: Span) -> bool:
    """No person named in ``span``'s sentence or the three before it, for *he* or *she*
    to take up instead (``Okoro said ... He added``, ``Okoro`` read as a body). A person
    named in what ``span``'s verb says does not count (``Kirby said that emails from
    Clinton were found. He added``: the one who goes on speaking is Kirby)."""
    first = span.sent
    for _ in range(3):
        if first.start == 0:
            break
        first = span.doc[first.start - 1].sent
    inside = _said_by(span)
    return not any(
        e.label_ == PERSON and e.start not in inside
        for e in span.doc[first.start : span.sent.end].ents
    )


def _said_by(span: Span) -> range:
    """The tokens of the clause that the verb ``span`` is the subject of says, after it
    (``Kirby said [that emails from Clinton were found]``); empty when it has none."""
    verb = span.root.head
    said = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    return range(said.left_edge.i, said.right_edge.i + 1) if said is not None else range(0)


def own_possessive(span: Span) -> Token | None:
    """*his* or *her* after the verb ``span`` is the subject of, in that verb's clause and
    outside quotation marks, with no person named before it (``Marcus found his sister``)."""
    verb = span.root.head
    for t in verb.subtree:
        if t.i <= verb.i:
            continue
        if t.ent_type_ == PERSON or t.is_quote:
            return None
        if t.tag_ == "PRP$" and pronouns().get(t.lower_) in _GENDERS:
            return t
    return None


_NARRATORS = frozenset({"i", "we"})
_TO_WHOM = frozenset({"to", "with"})


def addressed_description(
    pron: Token, gender: str, person_words: Collection[str], inside_quote: Callable[[int], bool]
) -> Token | None:
    """The described person *he* or *she* (a subject) takes up when a subject it cannot be
    (*I*, *we*, a person of the other gender: :func:`_not_taken_up`) spoke to or met them:
    the object, or the object of *to* or *with*, of the main verb of the sentence before or
    of a clause before the pronoun in its own sentence (``I asked the guard the way. He
    pointed ...``, ``When I asked the shopkeeper, he laughed``, ``We spoke to a nurse. She
    said``, ``Carmen met her old teacher. He said``). The only such object there, outside
    quotation marks: a singular common noun after an article or a possessive, in no
    entity, that names a person of the pronoun's gender (a title word or a gendered noun;
    not ``I fixed the car. He said``). None otherwise."""
    if gender not in ("male", "female") or pron.dep_ not in ("nsubj", "nsubjpass"):
        return None
    doc, sent = pron.doc, pron.sent
    verbs = [doc[sent.start - 1].sent.root] if sent.start > 0 else []
    verbs += [t for t in doc[sent.start : pron.i] if t.dep_ == "advcl" and t.i < pron.head.i]
    found: list[Token] = []
    for verb in verbs:
        if not any(c.dep_ == "nsubj" and _not_taken_up(c, gender) for c in verb.children):
            continue
        for c in verb.children:
            if c.dep_ in ("dobj", "dative"):
                objects = [c]
            elif c.dep_ == "prep" and c.lower_ in _TO_WHOM:
                objects = [g for g in c.children if g.dep_ == "pobj"]
            else:
                continue
            if any(g.dep_ == "conj" for o in objects for g in o.children):
                return None  # "I asked the waiter and the cook": either may answer
            found += [o for o in objects if _described_person(o, gender, person_words)]
    if len(found) != 1 or inside_quote(found[0].idx):
        return None
    return found[0]


def _not_taken_up(subject: Token, gender: str) -> bool:
    """A subject the pronoun of ``gender`` cannot take up: *I* or *we*, a pronoun of the
    other gender, or a name whose first name is usually of the other gender (``Carmen met
    her old teacher. He said``)."""
    if subject.lower_ in _NARRATORS:
        return True
    if (said := pronouns().get(subject.lower_)) in _GENDERS:
        return said != gender
    first = subject.left_edge
    usual = first_names().get(first.lower_) if first.text[:1].isupper() else None
    return usual in _GENDERS and usual != gender


def _described_person(tok: Token, gender: str, person_words: Collection[str]) -> bool:
    """A singular common noun after an article or a possessive, in no entity, that names a
    person of ``gender``: a gendered noun of it, or a title word no gendered noun denies."""
    if tok.tag_ != "NN" or tok.ent_type_:
        return False
    if not any(c.dep_ in ("det", "poss") for c in tok.children):
        return False
    said = gendered_nouns().get(tok.lower_)
    return said == gender or (said is None and tok.lower_ in person_words)


def speech_owner(subject: Token) -> Token:
    """The described owner of a cue noun that is a sentence's subject (``The chief
    executive's remarks sent shares lower. She had said ...``: the chief executive), whom
    the next *he* or *she* takes up as it would the subject; else ``subject``."""
    if subject.lemma_.lower() not in default_lexicon().nouns:
        return subject
    return next((c for c in subject.children if c.dep_ == "poss" and c.pos_ == "NOUN"), subject)


def split_quote(pron: Token) -> int:
    """1 when the parser made the quotation before ``pron``'s sentence a sentence of its
    own and ``pron`` opens the attribution after it (``"How are you?" | she asked.``),
    so the narration before lies one sentence further back; else 0."""
    doc, start = pron.doc, pron.sent.start
    if pron.i != start or start == 0:
        return 0
    prev = doc[start - 1].sent
    if prev.start == 0:
        return 0
    last = _closing_mark(prev)
    return int(last is not None and last.tag_ == "''")


def _closing_mark(sent: Span) -> Token | None:
    """The last mark of a sentence wholly in quotation marks (its first and last tokens,
    spaces aside, are marks), else None."""
    doc, first, last = sent.doc, sent.start, sent.end - 1
    while first < last and doc[first].is_space:
        first += 1
    while last > first and doc[last].is_space:
        last -= 1
    return doc[last] if doc[first].is_quote and doc[last].is_quote else None


_POSSESSIVES = {"he": "his", "she": "her", "they": "their"}
"""The possessive of each subject pronoun."""


def owned_before(pron_tok: Token, positions: Sequence[int]) -> set[int]:
    """Of the ``positions`` of people named in ``pron_tok``'s sentence before it, those named
    by a possessive of the same pronoun in a phrase or clause set before its verb (``After
    her daughter left, she said``, ``In a letter to his brother, he complained``): the
    possessive looks ahead to the subject pronoun, so the person it owns is someone else.
    Only for a subject pronoun; not for a clause of its own before it (``Her daughter
    arrived, and she said``: the daughter)."""
    own = _POSSESSIVES.get(pron_tok.lower_)
    if own is None or not positions or pron_tok.dep_ not in ("nsubj", "nsubjpass"):
        return set()
    doc, verb = pron_tok.doc, pron_tok.head
    fronted = [
        c for c in verb.children if c.dep_ in ("advcl", "prep") and c.right_edge.i < pron_tok.i
    ]
    spans = [(f.left_edge.i, f.right_edge.i) for f in fronted]
    return {
        i
        for i in positions
        if any(a <= i <= b for a, b in spans)
        and any(c.dep_ == "poss" and c.lower_ == own for c in doc[i].children)
    }


_FIRST_PERSON = frozenset({"i", "me", "my", "myself"})
"""Words of *I*: whoever they name in a sentence is not its *he* or *she*."""


_OPENING = frozenset({"“", "``", "«", "„"})
_CLOSING = frozenset({"”", "»"})
_EITHER = frozenset({'"', "''"})


def narrated_first_person(sent: Span) -> list[Token]:
    """The words of *I* in ``sent`` outside quotation marks: the narration's, not a
    speaker's (``“I held them,” he said``). A closing mark with none open before it in the
    sentence closes a quotation opened before: what came before it was quoted. A straight
    mark closes when it follows a word without a space and a space or the end follows it."""
    found: list[Token] = []
    depth = 0
    doc = sent.doc
    for t in sent:
        text = t.text
        if text in _EITHER:
            joined = t.i > 0 and not doc[t.i - 1].whitespace_
            text = "”" if joined and (t.whitespace_ or t.i + 1 >= sent.end) else "“"
        if text in _OPENING:
            depth += 1
        elif text in _CLOSING:
            if depth == 0:
                found = []
            depth = max(0, depth - 1)
        elif depth == 0 and t.lower_ in _FIRST_PERSON:
            found.append(t)
    return found
