"""Words said or thought without quotation marks and without a clause of their own,
attributed after them: ``Not this year, the manager said.``, ``Perfect, Dana muttered.``,
``Where was everyone? she wondered.``, ``Hundreds? thought Mira.``

Rule ``reported.fragment.v1``. Fiction writes thoughts and speech this way, and news
writes short answers so (*Probably not, a spokesman said.*). The parser cannot hang a
fragment on the verb as its complement (it makes the fragment an adverb of the verb, or
the verb a clause of the fragment), and ``reported.trailing.v1`` wants a clause. The words
say it. The rule takes an attribution that ends its sentence with a full stop, a
question or an exclamation mark (not a colon: the words follow it):

- a subject (a pronoun, a name, or a noun phrase with a determiner) and a finite verb of
  speech or thought in the lexicon (frame ``quote`` or ``aside``, or a belief verb with a
  clause: *she wondered*), in either order (*the manager said*, *said a spokesman*), the
  parse agreeing that it is the verb's subject; then at most a few words of the verb's
  own (*to herself*, *flatly*), or a participle or a conjunct set off by a comma (*,
  standing up*, *, and left*); no object but the person told, no predicate, no clause,
  no *that*, no quotation mark, no topic of a thought (*think little of it*), and not
  the writer's hedge in the present (*I guess*, *we think*);
- right after a comma or dash that follows a fragment of one to ten words with no finite
  verb and no quotation mark, which does not open with a preposition, a conjunction or a
  participle, nor with a word of time or place and a preposition, is not only a time and
  has no time for its head (``time_words``; a verb or a negation keeps it: *Time to go*,
  *Not this year*), nor only adverbs without a negation, nor one adjective in *-ed*
  (*At the back, someone whispered.*, *Late into the night, they argued.*, *Moments
  later, she laughed.*, *Shaking his head, he sighed.*, *However, the company
  disagreed.*, *Undeterred, the crowd shouted.*: what happened or how, not what was
  said; *Not again, Ana thought.* is said);
- or right after a question mark or an exclamation mark, which closes the words said
  (*Where was everyone? she wondered.*), in its sentence or ending the sentence before it
  in the same paragraph (not a new sentence of *She*, *He* or *They*: *Really? She
  laughed.* is her act after the words).

The content is the fragment or the question, the speaker the subject.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from .attribution import Attribution, mention_bounds
from .candidates import Candidate, reported_candidate
from .content_trim import trim_bounds
from .cues import CueLexicon
from .doc_arrays import entities, sentences, token_values
from .wordlists import word_list

FRAGMENT_RULE = "reported.fragment.v1"
_CONFIDENCE = 0.6
_SEPARATORS = frozenset({",", "—", "–", "--"})
_CLOSERS = frozenset({"?", "!"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "you"})
_NOUN_PHRASE_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM"})
_TAIL_POS = frozenset({"ADP", "PRON", "DET", "ADJ", "NOUN", "PROPN", "ADV", "PART", "NUM"})
_MAX_FRAGMENT = 10
_MAX_TAIL = 6
_THOUGHT = frozenset({"belief"})
"""Classes whose verbs with a clause introduce a thought (*she wondered*)."""
_COMPLETING = frozenset({"dobj", "dative", "acomp", "attr", "oprd", "ccomp", "xcomp"})
_TOLD = frozenset({"dobj", "dative"})
_SAYING = frozenset({"say", "write", "add", "remark", "joke", "quip"})
"""Verbs whose *of* names what the words are about (*Terrible, she said of the food*)."""
_DENIALS = frozenset({"not", "never", "no"})
_OPENERS = frozenset({"ADP", "SCONJ", "CCONJ"})
_COUNTING = frozenset({"DET", "NUM", "PUNCT", "CCONJ"})
_TIME_LABELS = frozenset({"DATE", "TIME"})


def _cue(tok: Token, lexicon: CueLexicon) -> bool:
    """Whether ``tok`` is a finite verb of speech or thought that introduces words."""
    verb = lexicon.verb(tok) if tok.tag_ in ("VBD", "VBZ", "VBP") else None
    if verb is None:
        return False
    return bool(verb.frames & {"quote", "aside"}) or (
        verb.cls in _THOUGHT and "ccomp" in verb.frames
    )


def _subject(toks: Sequence[Token]) -> bool:
    """Whether ``toks`` are a subject: a pronoun, a name, or a noun phrase with a
    determiner or possessive (*the manager*, *her brother*, *a spokesman*)."""
    if len(toks) == 1 and toks[0].lower_ in _PRONOUNS:
        return True
    if not toks or len(toks) > 4:
        return False
    if not all(t.pos_ in _NOUN_PHRASE_POS or t.tag_ == "PRP$" for t in toks):
        return False
    if all(t.pos_ == "PROPN" for t in toks):
        return True
    return toks[0].pos_ == "DET" or toks[0].tag_ == "PRP$"


def _tail(toks: Sequence[Token]) -> bool:
    """Whether ``toks`` (the words after the attribution's verb and subject) are only the
    verb's own few words (*to herself*, *flatly*), up to a comma before a participle or a
    conjunct (*, standing up*, *, and left*)."""
    for k, t in enumerate(toks):
        if (
            t.text == ","
            and k + 1 < len(toks)
            and (toks[k + 1].tag_ in ("VBG", "VBN") or toks[k + 1].pos_ == "CCONJ")
        ):
            return True  # ", standing up", ", and left"
        if k >= _MAX_TAIL or t.pos_ not in _TAIL_POS or t.lower_ == "that":
            return False
    return True


def attribution_at(toks: Sequence[Token], lexicon: CueLexicon) -> tuple[Token, Span] | None:
    """The cue and the subject when ``toks`` (a sentence's words after a fragment, without
    the closing punctuation) are only an attribution: subject and verb in either order and
    the verb's few words."""
    for k in range(min(len(toks), 5)):
        if not _cue(toks[k], lexicon):
            continue
        if k > 0:  # "the manager said"
            subject, rest = toks[:k], toks[k + 1 :]
        elif toks[k].tag_ == "VBP":
            return None  # "Take a city, say Lisbon, and ...": "for example", not an inversion
        else:  # "said a spokesman for the airline"
            n = next((j for j in range(len(toks), 1, -1) if _subject(toks[1:j])), 0)
            subject, rest = toks[1:n], toks[n:]
        if not _subject(subject) or not _tail(rest) or not _bare(toks[k], subject, rest):
            return None
        doc = toks[0].doc
        return toks[k], doc[subject[0].i : subject[-1].i + 1]
    return None


def _bare(cue: Token, subject: Sequence[Token], rest: Sequence[Token]) -> bool:
    """Whether the parse agrees that ``cue`` has ``subject`` for subject and nothing of its
    own in ``rest`` that completes it: no object (but the person told: *he told
    reporters*), no predicate (*my story feels light*), no clause, and no topic of a
    thought (*Americans think dimly of it*); and whether it is not the writer's hedge in
    the present (*Not important enough, I guess.*)."""
    head = max(subject, key=lambda t: t.i if t.head.i == cue.i else -1)
    if head.head.i != cue.i or head.dep_ not in ("nsubj", "nsubjpass"):
        return False  # "..., noted the rule": an object, not an inverted subject
    if cue.tag_ == "VBP" and head.lower_ in ("i", "we"):
        return False
    told = cue.lemma_.lower() in word_list("telling_verbs")
    for t in rest:
        if t.head.i == cue.i and t.dep_ in _COMPLETING and not (told and t.dep_ in _TOLD):
            return False
        if t.lower_ in ("of", "about") and cue.lemma_.lower() not in _SAYING:
            return False
    return True


def _denies(words: Sequence[Token]) -> bool:
    return any(t.lower_ in _DENIALS for t in words)


def _fragment(toks: Sequence[Token], times: set[int]) -> bool:
    """Whether ``toks`` are words said, not an adverbial: see the module's description."""
    if not 0 < len(toks) <= _MAX_FRAGMENT:
        return False
    first = toks[0]
    if first.pos_ in _OPENERS or first.tag_ in ("VBG", "VBN", "IN"):
        return False  # "At the back,", "When it ended,", "Shaking his head,", "Of course,"
    words = [t for t in toks if t.is_alpha]
    if all(t.pos_ == "ADV" for t in words) and not _denies(words):
        return False  # "However,", "Angrily,", "Still,": how or in what order, not what
    if len(words) == 1 and first.pos_ == "ADJ" and first.lower_.endswith("ed"):
        return False  # "Undeterred, the protesters shouted": how they were
    when = word_list("time_words")
    k = next((k for k, t in enumerate(toks) if t.pos_ not in ("DET", "NUM")), 0)
    if toks[k].lemma_.lower() in when and k + 1 < len(toks) and toks[k + 1].pos_ in _OPENERS:
        return False  # "Late into the night,", "Two hours after the crash,"
    if all(t.i in times or t.lemma_.lower() in when or t.pos_ in _COUNTING for t in toks):
        return False  # "Moments later,", "That night,": when, not what
    inside = {t.i for t in toks}
    heads = [t for t in words if t.head.i not in inside or t.head.i == t.i]
    heads += [  # "Most of the time,": the part of a time
        o
        for h in heads
        if h.pos_ != "NOUN"
        for p in h.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for o in p.children
        if o.dep_ == "pobj"
    ]
    verbless = not any(t.pos_ in ("VERB", "AUX") for t in words)  # not "Time to go,"
    if verbless and any(h.lemma_.lower() in when for h in heads) and not _denies(words):
        return False  # "Every single time,", "All summer long,": when ("Not this year" is said)
    return not any(t.tag_ in _FINITE or t.is_quote or t.text in (":", ";") for t in toks)


def fragment_attributions(
    doc: Doc, lexicon: CueLexicon, cands: Sequence[Candidate]
) -> list[Candidate]:
    """``cands`` with rule ``reported.fragment.v1``'s candidates added (see the module's
    description), and the other candidates of their cues removed (the parse read the
    fragment and the attribution wrongly: ``Time to go, he said, standing up``)."""
    times: set[int] | None = None
    out: list[Candidate] = []
    sents = sentences(doc)
    tags, orth = token_values(doc, "TAG"), token_values(doc, "ORTH")
    finite = {get_string_id(t) for t in ("VBD", "VBZ", "VBP")}
    marks = {get_string_id(t) for t in (*_SEPARATORS, *_CLOSERS)}
    closers = {get_string_id(t) for t in _CLOSERS}
    for n, sent in enumerate(sents):
        if sent.end - sent.start > _MAX_FRAGMENT + _MAX_TAIL + 12:
            continue
        # read from the arrays: a finite verb near the end, a mark just before it or the
        # sentence opening with it after a question; then the lexicon, one token each
        asked = n > 0 and not closers.isdisjoint(orth[max(0, sent.start - 3) : sent.start])
        verbs = [
            k
            for k in range(max(sent.start, sent.end - _MAX_TAIL - 7), sent.end)
            if tags[k] in finite
            and ((asked and k - sent.start <= 5) or not marks.isdisjoint(orth[max(0, k - 6) : k]))
        ]
        if not any(_cue(doc[k], lexicon) for k in verbs):
            continue  # most sentences have no attribution at their end
        toks = [t for t in sent if not t.is_space]
        while toks and toks[-1].is_punct and not toks[-1].is_quote:
            if toks.pop().text in (":", ";"):
                toks = []  # the words follow the attribution
        if len(toks) < 2 or len(toks) > _MAX_FRAGMENT + _MAX_TAIL + 8 or toks[-1].is_quote:
            continue
        found = _in_sentence(toks, lexicon, times := times if times is not None else _times(doc))
        if found is None and n > 0:
            found = _after_question(sents[n - 1], toks, lexicon)
        if found is None:
            continue
        (cue, subject), (s, e) = found
        bounds = trim_bounds(doc, s, e)
        if bounds is None:
            continue
        att = Attribution(speaker=mention_bounds(subject.root), speaker_head=subject.root.i)
        out.append(reported_candidate(doc, bounds, cue, FRAGMENT_RULE, _CONFIDENCE, att))
    if not out:
        return list(cands)
    cues = {c.cue_token for c in out}
    return [c for c in cands if c.cue_token not in cues] + out


def _times(doc: Doc) -> set[int]:
    return {t.i for ent in entities(doc) if ent.label_ in _TIME_LABELS for t in ent}


def _in_sentence(
    toks: Sequence[Token], lexicon: CueLexicon, times: set[int]
) -> tuple[tuple[Token, Span], tuple[int, int]] | None:
    """The attribution and the fragment's token bounds inside one sentence."""
    for k in range(1, len(toks) - 1):
        mark = toks[k].text
        if mark not in _SEPARATORS and mark not in _CLOSERS:
            continue
        hit = attribution_at(toks[k + 1 :], lexicon)
        if hit is None:
            continue
        words = toks[:k]
        if mark in _SEPARATORS and not _fragment(words, times):
            return None
        if mark in _CLOSERS and any(t.is_quote for t in words):
            return None
        return hit, (words[0].i, toks[k].i + (mark in _CLOSERS))
    return None


def _after_question(
    before: Span, toks: Sequence[Token], lexicon: CueLexicon
) -> tuple[tuple[Token, Span], tuple[int, int]] | None:
    """The attribution ``toks`` (a whole sentence) of the question or exclamation that
    ends the sentence ``before`` in the same paragraph."""
    words = [t for t in before if not t.is_space]
    if len(words) < 2 or words[-1].text not in _CLOSERS or any(t.is_quote for t in words):
        return None
    if toks[0].lower_ in _PRONOUNS and toks[0].text[0].isupper() and toks[0].lower_ != "i":
        return None  # "Really? She laughed.": a new sentence, her act after the words
    if "\n" in toks[0].doc[words[-1].i : toks[0].i].text:
        return None  # a new paragraph
    hit = attribution_at(toks, lexicon)
    if hit is None:
        return None
    return hit, (words[0].i, words[-1].i + 1)
