"""An attribution set off inside the sentence it attributes, read from the words, not the
parse: ``The ferry, Lind said in a statement, will not run until May.``

Rule ``reported.interposed.v1``. The parser reads such a sentence many ways: the
attribution's verb as the root with the subject before it as a loose modifier and the
predicate after it as a conjunct (``These workers, Mr. Dahl explained earlier in the
hearing, were paid well``), the attribution as a relative clause of the subject (``The
bridge, the engineer told reporters at the site, is safe``), or the clause after it as
the verb's complement without its subject (``Lind said ... | will not run until May``).
When the parse has no ``parataxis`` for ``reported.parataxis.v1`` to read, the words still
say it. The rule takes a sentence that

- opens with a noun phrase (no verb) and a comma or dash (or a hyphen typed for one, with
  spaces round it: ``The vote - the clerk said - will go ahead``);
- goes on with an attribution set off by a second comma or dash of the same kind: a
  subject (a name, a pronoun or a noun phrase; ``as`` may open it: ``as one of her
  advisers pointed out``) and one verb of the lexicon that introduces speech (frames
  ``quote`` or ``aside``), then at most a few words of its circumstances (``told reporters
  at the site``, ``said in a statement``), with no other verb, no *that* and no quotation
  mark; not a naming verb with its object (``Grandma, as we called her, said``: a name
  given);
- ends with a predicate of its own, a finite verb, after that second mark.

The content is the whole sentence (``Quote.words`` leaves the attribution out), the
speaker the subject; other candidates of the same cue (a clause without its subject, an
object read as the content) give way.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from .attribution import Attribution
from .candidates import Candidate, reported_candidate
from .content_trim import trim_bounds
from .cues import CueLexicon
from .direct_windows import typed_dash
from .doc_arrays import sentences, token_values
from .wordlists import word_list

INTERPOSED_RULE = "reported.interposed.v1"
_CONFIDENCE = 0.85
_MARKS = (",", "—", "–", "--")
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})
_SUBJECT_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "PRON", "NUM", "PART"})
_SUBJECT_WORDS = frozenset({"of", "and", "'s", "’s"})
_MAX_SUBJECT = 8
_MAX_CIRCUMSTANCE = 6


def interposed(sent: Span, lexicon: CueLexicon) -> tuple[Token, Span] | None:
    """The cue verb and the subject of an attribution set off inside ``sent`` (see the
    module's description), or None."""
    toks = [t for t in sent if not t.is_space]
    if len(toks) < 7:
        return None
    first = next((k for k, t in enumerate(toks) if _mark(t)), None)
    if first is None or first == 0 or first > 8:
        return None
    if not _noun_phrase(toks[:first]):
        return None  # the opening words are a clause, a phrase or an adverb, not a subject
    mark = toks[first].text
    second = next(
        (k for k in range(first + 1, len(toks)) if toks[k].text == mark and _mark(toks[k])), None
    )
    if second is None:
        return None
    aside = toks[first + 1 : second]
    if aside and aside[0].lower_ == "as":
        aside = aside[1:]
    verbs = [k for k, t in enumerate(aside) if t.pos_ in ("VERB", "AUX")]
    if len(verbs) != 1:
        return None
    k = verbs[0]
    cue, subject, after = aside[k], aside[:k], aside[k + 1 :]
    if cue.tag_ not in _FINITE or not _introduces_speech(cue, lexicon):
        return None
    if len(subject) > _MAX_SUBJECT or len(after) > _MAX_CIRCUMSTANCE or not _noun_phrase(subject):
        return None
    if any(t.lower_ == "that" or t.is_quote or _mark(t) for t in after):
        return None
    if cue.lemma_ in word_list("naming_verbs") and after and after[0].pos_ in ("PRON", "DET"):
        return None  # "Grandma, as we called her, said ...": a name given, not an attribution
    rest = toks[second + 1 :]
    if not rest or rest[0].pos_ in ("CCONJ", "SCONJ") or rest[0].is_quote:
        return None
    if rest[0].tag_ in _WH_TAGS or rest[0].lower_ == "that":
        return None  # 'an investment, they say, that would ...': a relative clause
    if not any(t.tag_ in _FINITE for t in rest):
        return None  # no predicate after the attribution
    return cue, sent.doc[subject[0].i : subject[-1].i + 1]


_MARK_IDS = frozenset(get_string_id(m) for m in _MARKS)
_HYPHEN = get_string_id("-")


def _mark(tok: Token) -> bool:
    """A comma or dash that can set off an attribution, or a hyphen typed for a dash
    (:func:`~.direct_windows.typed_dash`)."""
    return tok.text in _MARKS or typed_dash(tok)


def _may_interpose(
    orth: Sequence[int], space: Sequence[int], white: Sequence[int], start: int, end: int
) -> bool:
    """What :func:`interposed` needs first, read from the token arrays: seven words or
    more, the first mark among words 2 to 9 (a hyphen only with spaces round it, as
    ``white`` tells) and the same mark again after it."""
    words = [k for k in range(start, end) if not space[k]]
    if len(words) < 7:
        return False
    first = next(
        (
            n
            for n, k in enumerate(words[:9])
            if orth[k] in _MARK_IDS or (orth[k] == _HYPHEN and white[k] and white[k - 1])
        ),
        None,
    )
    if first is None or first == 0:
        return False
    mark = orth[words[first]]
    return any(orth[k] == mark for k in words[first + 1 :])


def _noun_phrase(toks: Sequence[Token]) -> bool:
    """Words that can be a subject: determiners, adjectives, nouns, names, pronouns,
    numbers, possessives, *of* and *and* inside, a noun, name or pronoun among them."""
    return (
        bool(toks)
        and toks[0].pos_ != "CCONJ"
        and all(t.pos_ in _SUBJECT_POS or t.lower_ in _SUBJECT_WORDS for t in toks)
        and not any(t.tag_ in _FINITE or t.tag_ in _WH_TAGS for t in toks)  # 'It's', 'who'
        and any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in toks)
    )


def _introduces_speech(verb: Token, lexicon: CueLexicon) -> bool:
    cue = lexicon.verb(verb)
    return cue is not None and bool(cue.frames & {"quote", "aside"})


def interposed_attributions(
    doc: Doc, lexicon: CueLexicon, cands: Sequence[Candidate]
) -> list[Candidate]:
    """``cands`` with rule ``reported.interposed.v1``'s candidates added, and the other
    candidates of their cues removed (see the module's description)."""
    found: list[Candidate] = []
    orth = token_values(doc, "ORTH")
    space, white = token_values(doc, "IS_SPACE"), token_values(doc, "SPACY")
    for sent in sentences(doc):
        if not _may_interpose(orth, space, white, sent.start, sent.end):
            continue  # read from the arrays: most sentences have no aside near their start
        hit = interposed(sent, lexicon)
        if hit is None:
            continue
        cue, subject = hit
        bounds = trim_bounds(doc, sent.start, sent.end)
        if bounds is None:
            continue
        start = doc[bounds[0]].idx
        if any(c.cue_token == cue.i and c.start <= start for c in cands):
            continue  # a rule of the parse already reads the sentence whole
        att = Attribution(speaker=(subject.start, subject.end), speaker_head=subject.root.i)
        verb = lexicon.verb(cue)
        lemma = verb.lemma if verb is not None else cue.lemma_.lower()
        found.append(reported_candidate(doc, bounds, cue, INTERPOSED_RULE, _CONFIDENCE, att, lemma))
    if not found:
        return list(cands)
    cues = {c.cue_token for c in found}
    return [c for c in cands if c.cue_token not in cues] + found
