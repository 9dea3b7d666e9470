"""Direct quotes whose attribution is no verb: a colon lead-in, a dash label, or none.

:mod:`quotecraft.direct` tries these after the verb attributions (split out of it as a
pure move):

- ``direct.colon.v1``: ``The minister was blunt: "..."``
  (:func:`quotecraft.direct_colon.colon`)
- ``direct.dash.v1``: ``"..." — Commissioner Jane Roe`` (:func:`dash`)
- ``direct.reply_noun.v1``: ``"Absolutely not," was the reply from the ministry.``
  (:func:`reply_noun`)
- ``direct.view_of.v1``: a quote paragraph followed by ``That was the view of X.``
- ``direct.beat.v1``: ``Marcus shrugged. "At home."``: a quote with no cue of its own
  right after a short sentence of the same paragraph whose subject is a name, *he*,
  *she*, *I* or a person's role (*the nurse*): the one who acts just before speaking
  speaks (:func:`beat_speaker`).
- ``direct.standalone.v1``: a quoted sentence or paragraph with no cue of its own
  (:func:`standalone`).

:func:`make_candidate` builds a direct candidate from a quoted stretch for every rule.
"""

from __future__ import annotations

import re
from functools import cache

from attrs import evolve
from spacy.tokens import Doc, Span, Token

from .attribution import Attribution, attribute, is_negated, mention_bounds
from .candidates import Candidate, cue_bounds
from .cues import CueLexicon
from .direct_windows import DASHES, FINAL, ends_its_line, whole_paragraph
from .doc_arrays import entities
from .marks import Quoted
from .records import SpeakerKind
from .resources import data_regexes
from .sources import voice_owner
from .speaker_features import first_names
from .speaker_kinds import description_kind
from .structure import person_noun
from .titles import packaged_titles, role_or_body
from .wordlists import word_list


@cache
def _follower_patterns() -> tuple[re.Pattern[str], ...]:
    return data_regexes("patterns/direct_followers.txt")


def make_candidate(
    q: Quoted, rule: str, confidence: float, cue: Token | None, kind: str = "direct"
) -> Candidate:
    cand = Candidate(
        kind=kind,
        start=q.start,
        end=q.end,
        rule=rule,
        confidence=confidence if q.closed else min(confidence, 0.5),
        pieces=list(q.pieces) if len(q.pieces) > 1 or kind == "mixed" else [],
        closed=q.closed,
    )
    if cue is not None:
        s, e, lemma = cue_bounds(cue)
        cand.cue = (s, e)
        cand.cue_lemma = lemma
        cand.cue_token = cue.i
        cand.negated = is_negated(cue)
        cand.attribution = attribute(cue)
    return cand


PLACE_LABELS = frozenset(("GPE", "LOC", "FAC", "NORP", "DATE"))
"""Entity types of a label that names no speaker (a dateline's place, a date)."""


def lead_owner(noun: Token) -> Token | None:
    """The possessor of a lead-in that is a bare noun phrase (``Dr. Mori's verdict:``):
    a name or a personal pronoun, not a place's or a date's."""
    for c in noun.children:
        if c.dep_ == "poss" and (
            (c.pos_ == "PROPN" and c.ent_type_ not in PLACE_LABELS) or c.tag_ == "PRP$"
        ):
            return c
    return None


def cue_noun(noun: Token, lexicon: CueLexicon) -> bool:
    """A noun cue of the lexicon, or *words* in the plural: what someone said (``"Get
    out," were his last words``); the singular is a term (``"Unbelievable" was the word
    on every lip``)."""
    return noun.lemma_.lower() in lexicon.nouns or noun.lower_ == "words"


def possessor_speaks(subj: Token, lexicon: CueLexicon | None) -> Token | None:
    """The possessor of a cue noun that leads into a quote (``Her answer came quickly:``,
    ``The minister's reply was short:``) or its *of*, *from* or *by* phrase (``The verdict
    of the panel was unanimous:``): whoever answered speaks, not *her answer* (rule
    ``direct.colon.v1``'s speaker; the speaker stage resolves *her*). A noun outside the
    lexicon must be described by a copula (``The coach's verdict was blunt:``, not ``My
    patients start with:``, where the patients speak) and gives its possessor, or its *of*,
    *from* or *by* phrase, only when that names someone: a name (not a place's), a
    personal pronoun (as a possessor), a title or a body. A noun that names someone itself
    speaks (``His wife was blunt:``, ``The mayor's spokesman was brief:``)."""
    if lexicon is None or subj.pos_ != "NOUN":
        return None
    if not cue_noun(subj, lexicon):
        if subj.head.lemma_ != "be":
            return None
        if description_kind(subj, packaged_titles()[1]) is not SpeakerKind.UNKNOWN:
            return None  # "His wife was more direct:": the wife speaks, not "his"
        found = lead_owner(subj) or next(
            (c for c in subj.children if c.dep_ == "poss" and _names_someone(c)), None
        )
        return found or next((o for o in _of_phrase(subj) if _names_someone(o)), None)
    for c in subj.children:
        if c.dep_ == "poss":
            return c
    return next(iter(_of_phrase(subj)), None)


def reply_noun(q: Quoted, after: list[Token], lexicon: CueLexicon) -> Candidate | None:
    """``"Absolutely not," was the reply from the ministry.``: *was* or *came* after the
    quotation, with a cue noun of the lexicon (*reply*, *answer*, *response*) as what the
    quotation was. The noun is the cue; its possessor or its *of*, *from* or *by* phrase
    speaks (:func:`possessor_speaks`), and no one when it has neither (``"Not yet," was
    the answer.``)."""
    words = [t for t in after if not t.is_punct]
    if q.close is None or len(words) < 2 or words[0].lemma_ not in ("be", "come"):
        return None
    verb = words[0]
    noun = next((t for t in words[1:8] if t.pos_ == "NOUN" and t.head.i == verb.i), None)
    if (
        noun is None
        or not cue_noun(noun, lexicon)
        or noun.left_edge.i != words[1].i  # only the noun's own words before it
    ):
        return None
    return _reply_candidate(q, noun, lexicon)


def reply_noun_before(q: Quoted, before: list[Token], lexicon: CueLexicon) -> Candidate | None:
    """``His only response was "No comment."``, ``The mayor's reply was, "..."``: the
    mirror of :func:`reply_noun`, a cue noun of the lexicon the subject of *be* right
    before the quotation (a colon there is :func:`~.direct_colon.colon`'s)."""
    words = [t for t in before if not t.is_punct]
    if not words or before[-1].text not in (",", words[-1].text) or words[-1].lemma_ != "be":
        return None
    verb = words[-1]
    noun = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if (
        verb.dep_ != "ROOT"  # 'posted that his claims were "sarcasm"': a report's content
        or any(c.dep_ == "acomp" for c in verb.children)  # 'Her reply was "brief"': of it
        or noun is None
        or noun.pos_ != "NOUN"
        or not cue_noun(noun, lexicon)
        or noun.right_edge.i != verb.i - 1  # 'The answer he gave was': not the noun's own words
        or noun.left_edge.i < before[0].i
    ):
        return None
    return _reply_candidate(q, noun, lexicon)


def _reply_candidate(q: Quoted, noun: Token, lexicon: CueLexicon) -> Candidate:
    cand = make_candidate(q, "direct.reply_noun.v1", 0.75, None)
    cand.cue = (noun.idx, noun.idx + len(noun.text))
    cand.cue_lemma = noun.lemma_.lower()
    cand.cue_token = noun.i
    who = possessor_speaks(noun, lexicon)
    if who is not None:
        cand.attribution = Attribution(speaker=mention_bounds(who), speaker_head=who.i)
    return cand


def _of_phrase(noun: Token) -> list[Token]:
    """The object of the *of*, *from* or *by* phrase of ``noun``, if it has one."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "from", "by"):
            obj = next((o for o in c.children if o.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ in ("PROPN", "NOUN", "PRON"):
                return [obj]
    return []


def _names_someone(noun: Token) -> bool:
    """A name of a person or body, a title or a body noun (``coach``, ``panel``): someone
    who can speak."""
    return noun.ent_type_ in ("PERSON", "ORG") or role_or_body(noun.lower_)


def dash(
    doc: Doc, q: Quoted, after: list[Token], before: list[Token], lexicon: CueLexicon
) -> Candidate | None:
    if not after or q.close is None or any(not t.is_punct for t in before):
        return None  # 'the four "elements" — fire, ...': a term's dash opens an aside
    dash = (after[0].idx, after[0].idx + len(after[0].text))
    names_from = 1
    if after[0].text not in DASHES:
        # '..."― Name': the tokenizer keeps a dash that touches the closing mark with it
        mark = doc[after[0].i - 1]
        if not (len(mark.text) > 1 and mark.text[1:] in DASHES and mark.idx == q.close):
            return None
        dash, names_from = (mark.idx + 1, mark.idx + len(mark.text)), 0
    names = [t for t in after[names_from:] if t.pos_ in ("PROPN", "NOUN")]
    if not names:
        return None
    head = names[0]
    after_ids = {t.i for t in after}
    while (
        head.head.i != head.i and head.head.i in after_ids and head.head.pos_ in ("PROPN", "NOUN")
    ):
        head = head.head
    cand = make_candidate(q, "direct.dash.v1", 0.85, None)
    cand.cue = dash
    cand.cue_lemma = "—"
    who = possessor_speaks(head, lexicon) if cue_noun(head, lexicon) else None
    if who is not None:  # '"..." — the verdict of one firefighter', '— that's the message from X'
        cand.cue, cand.cue_lemma, cand.cue_token = (
            (head.idx, head.idx + len(head.text)),
            head.lemma_,
            head.i,
        )
        head = who
    elif any(t.pos_ in ("VERB", "AUX") for t in after[names_from:] if t.i < head.i):
        # a clause: '"Fine" — that was the only word the minister said': who says it there
        said = _said_in_clause(after[names_from:], lexicon)
        if said is None:
            return None
        verb, head = said
        cand.cue, cand.cue_lemma, cand.cue_token = (
            (verb.idx, verb.idx + len(verb.text)),
            verb.lemma_,
            verb.i,
        )
    s, e = mention_bounds(head)
    s = max(s, after[names_from].i)
    cand.attribution = Attribution(speaker=(s, e), speaker_head=head.i)
    return cand


def _said_in_clause(words: list[Token], lexicon: CueLexicon) -> tuple[Token, Token] | None:
    """The first verb of speech or writing in ``words`` and its noun subject (``all the
    goalkeeper would tell us``: *tell*, *goalkeeper*), or None."""
    for t in words:
        verb = lexicon.verb(t) if t.pos_ == "VERB" else None
        if verb is None or verb.cls not in ("speech", "writing"):
            continue
        subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.pos_ in ("PROPN", "NOUN"):
            return t, subj
    return None


def standalone(
    doc: Doc, q: Quoted, before: list[Token], after: list[Token], text: str
) -> Candidate | None:
    if any(not t.is_punct for t in before):
        return None
    content = "".join(text[s:e] for s, e in q.pieces).strip()
    words = content.split()
    ends_sentence = (
        content[-1:] in (".", "!", "?", ",", "…")
        or (after and after[0].text in FINAL)
        or whole_paragraph(q, text, words)
    )
    if not (ends_sentence and (len(words) >= 3 or content[:1].isupper())):
        return None
    if _heading(q, text, words):
        return None  # "'Coal Isn't the Villain.'" on a line of its own: a section heading
    if after and any(not t.is_punct for t in after) and not _new_sentence(content, after[0]):
        return None  # words follow the quote in the same sentence: a title or a term
    cand = make_candidate(q, "direct.standalone.v1", 0.7, None)
    cand.inherits = True
    follow = text[q.outer_end : q.outer_end + 200]
    for pat in _follower_patterns():
        m = pat.match(follow)
        if m:
            s = q.outer_end + m.start("speaker")
            e = q.outer_end + m.end("speaker")
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None and len(span):
                head = _phrase_head(span)  # its own phrase: not "the department on Monday"
                ms, me = mention_bounds(head)
                bounds = (max(ms, span.start), min(me, span.end))
                cand.attribution = Attribution(speaker=bounds, speaker_head=head.i)
                cand.rule = "direct.view_of.v1"
                cand.confidence = 0.8
                cand.inherits = False
                cue_s = q.outer_end + m.start("cue")
                cand.cue = (cue_s, q.outer_end + m.end("cue"))
                cand.cue_lemma = m.group("cue").lower()
            break
    if cand.rule == "direct.standalone.v1":
        beat = beat_speaker(doc, q, text) or beat_after(doc, q, text)
        if beat is not None:
            cand.attribution = beat
            cand.rule, cand.confidence, cand.inherits = BEAT_RULE, 0.6, False
    return cand


def _phrase_head(span: Span) -> Token:
    """The head of the first noun phrase of ``span`` (its root when it has no noun)."""
    head = next((t for t in span if t.pos_ in ("NOUN", "PROPN", "PRON")), span.root)
    while head.head.i != head.i and span.start <= head.head.i < span.end:
        if head.head.pos_ not in ("NOUN", "PROPN"):
            break
        head = head.head
    return head


def _heading(q: Quoted, text: str, words: list[str]) -> bool:
    """Whether a quotation alone on its line reads as a heading: three to ten words, the
    first, two more and every word but the function words capitalized, one phrase
    (``'Legend in the Coal Fields.'``); a quoted sentence has lowercase words of its own
    (``"Dawn it is."`` is a reply)."""
    if not ends_its_line(q, text):
        return False
    if any(w[-1:] in "!?." for w in words[:-1]):
        return False  # "Tyler! Flynn! King!": a line of several sentences is no heading
    alpha = [w.strip(_EDGE) for w in words if w.strip(_EDGE)[:1].isalpha()]
    if not 3 <= len(alpha) <= 10 or not alpha[0][:1].isupper():
        return False
    small = word_list("english_function_words")
    capitals = sum(w[:1].isupper() for w in alpha[1:])  # "Dawn it is.": a reply
    return capitals >= 2 and all(w[:1].isupper() or w.lower() in small for w in alpha)


_EDGE = "\"'“”‘’«».,;:!?()[]"


def _new_sentence(content: str, first: Token) -> bool:
    """A quote ending in ``!`` or ``?`` followed by a capitalized word that opens a
    sentence of its own (``"Not again!" The keeper threw down his gloves.``)."""
    return content[-1:] in ("!", "?") and bool(first.is_sent_start) and first.text[:1].isupper()


BEAT_RULE = "direct.beat.v1"
_BEAT_SUBJECTS = frozenset(("he", "she", "i"))


def unbeaten(cand: Candidate) -> Candidate:
    """The standalone quote a ``direct.beat.v1`` candidate is without its beat (the rule
    switched off): no speaker of its own, it may continue the previous speaker's."""
    return evolve(
        cand, rule="direct.standalone.v1", confidence=0.7, inherits=True, attribution=Attribution()
    )


_BEAT_WORDS = 20
"""Tokens of the longest sentence read as an action beat before a quote."""


def beat_after(doc: Doc, q: Quoted, text: str) -> Attribution | None:
    """The speaker of an action beat right after a quote that opens its paragraph:
    ``"Not again!" The keeper threw down his gloves.``: the same tests as
    :func:`beat_speaker`, on the sentence that starts after the closing mark in the same
    paragraph, unless that sentence is negated or tells a reaction (``reaction_verbs``:
    ``"..." I didn't understand.``)."""
    k = q.open
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    if q.close is None or (k > 0 and text[k - 1] != "\n"):
        return None  # the quote does not open its paragraph
    rest = text[q.outer_end : q.outer_end + 80]
    gap = len(rest) - len(rest.lstrip(" \t"))
    if not rest[gap : gap + 1].isupper():
        return None
    span = doc.char_span(q.outer_end + gap, q.outer_end + gap + 1, alignment_mode="expand")
    if span is None or not len(span) or not span[0].is_sent_start:
        return None
    root = span[0].sent.root
    if root.lemma_.lower() in word_list("reaction_verbs") or is_negated(root):
        return None  # '"..." I didn't understand.': the listener's reaction
    return _beat_subject(span[0].sent)


def beat_speaker(doc: Doc, q: Quoted, text: str) -> Attribution | None:
    """The speaker of an action beat: ``Marcus shrugged. "At home."``, ``She set down her
    cup. "Well?"``. The sentence that ends right before the quote's opening mark, in the
    same paragraph, is short, holds no quotation of its own, and its main verb's one
    subject is a name (not a place's or a date's), *he*, *she*, *I*, a person's role or
    kin (:func:`~.structure.person_noun`), or any singular noun whose verb is a gesture of
    ``gesture_verbs`` (``The suspect shrugged.``) or whose object is the subject's own by
    *his* or *her* (``The guard raised his hand.``): that subject speaks. Else None (a quote after ``The fund
    lost money. "..."`` names no speaker)."""
    gap = text[: q.open].rstrip(" \t")
    if not gap.endswith((".", "!", "?")) or "\n" in text[len(gap) : q.open]:
        return None
    span = doc.char_span(len(gap) - 1, len(gap), alignment_mode="expand")
    if span is None or not len(span):
        return None
    return _beat_subject(span[0].sent)


def _beat_subject(sent: Span) -> Attribution | None:
    """The one who acts in a short sentence of action (:func:`beat_speaker`), or None."""
    if len(sent) > _BEAT_WORDS or any(t.is_quote or "\n" in t.text for t in sent):
        return None
    root = sent.root
    subjects = [c for c in root.children if c.dep_ == "nsubj"]
    if root.pos_ not in ("VERB", "AUX") or len(subjects) != 1:
        return None
    subj = voice_owner(subjects[0])  # "The pilot's voice came over the intercom."
    gestures = root.lemma_.lower() in word_list("gesture_verbs")
    # a place's name is a person's when it is a known first name ("Marta"), a person's name
    # elsewhere in the text ("Mr. Hallam ... Hallam shifted") or does what a person does;
    # so is a capitalized word the tagger took for a noun ("Carla Mendes ... Mendes laughed"),
    # or a first name the lemmatizer did not know as a noun ("Mara set down her cup.")
    # or the tagger read as an adjective
    misread = subj.lemma_ == subj.text and subj.lower_ in first_names()
    named = (
        subj.pos_ == "PROPN"
        and (
            subj.ent_type_ not in PLACE_LABELS
            or subj.lower_ in first_names()
            or gestures
            or _named_person_elsewhere(subj)
        )
    ) or (subj.pos_ == "NOUN" and subj.is_title and (misread or _named_person_elsewhere(subj)))
    # an adjective cannot be the subject: a name the tagger misread ("Ingrid laughs at this.")
    named = named or (
        subj.pos_ == "ADJ"
        and subj.is_title
        and (subj.lower_ in first_names() or _named_person_elsewhere(subj))
    )
    # "The guard raised his hand.": a noun whose act has *his* or *her* in it is a person
    gesture = subj.tag_ == "NN" and (gestures or _own_body(root))
    voiced = subj.i != subjects[0].i and subj.tag_ == "PRP$"  # "Her voice trembled."
    if not (named or subj.lower_ in _BEAT_SUBJECTS or person_noun(subj) or gesture or voiced):
        return None  # "The suspect shrugged.": who shrugs is a person, whatever the noun
    return Attribution(
        speaker=mention_bounds(subj), speaker_head=subj.i, addressee=_beat_addressee(root)
    )


def _own_body(root: Token) -> bool:
    """Whether the object of a beat's verb is the subject's own, by *his* or *her* (``The
    guard raised his hand.``, ``The clerk shook her head.``): the subject is a person."""
    return any(
        c.dep_ == "dobj"
        and any(x.dep_ == "poss" and x.lower_ in ("his", "her") for x in c.children)
        for c in root.children
    )


_TOWARD = frozenset(("to", "at", "toward", "towards"))


def _beat_addressee(root: Token) -> tuple[int, int] | None:
    """Whom the action of a beat turns to, when a person's name (``Mara turned to Jonas.``,
    ``She looked at Tom.``, ``He nudged Ana.``) or a definite noun that names a person
    (``The captain turned to the helmsman.``, ``She looked at her sister.``; not ``at
    the clock``): the one spoken to."""
    for c in root.children:
        if c.dep_ == "dobj":
            objects = [c]
        elif c.dep_ == "prep" and c.lower_ in _TOWARD:
            objects = [o for o in c.children if o.dep_ == "pobj"]
        else:
            continue
        for o in objects:
            if o.pos_ == "PROPN" and (o.ent_type_ == "PERSON" or o.lower_ in first_names()):
                return mention_bounds(o)
            if person_noun(o) and any(_definite(d) for d in o.children):
                return mention_bounds(o)
    return None


def _definite(dep: Token) -> bool:
    """A possessor or a definite article on a noun (``her sister``, ``the helmsman``)."""
    return dep.dep_ == "poss" or (dep.dep_ == "det" and dep.lower_ == "the")


def _named_person_elsewhere(word: Token) -> bool:
    """Whether the tagger found ``word`` in a person's name elsewhere in the text."""
    low = word.lower_
    return any(e.label_ == "PERSON" and any(t.lower_ == low for t in e) for e in entities(word.doc))
