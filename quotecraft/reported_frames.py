"""Reported speech no dependency pattern describes, each a rule of its own.

``reported.colon.v1`` (``Name: claim`` headlines), ``reported.trailing.v1`` (``Content,
X told a panel Wednesday.``) and ``reported.phrase.v1`` (``In the words of X, ...``);
passives are :mod:`quotecraft.reported_passive`'s. Content bounds are trimmed as
:mod:`quotecraft.reported_bounds` trims a pattern's.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from spacy.strings import get_string_id
from spacy.symbols import VERB
from spacy.tokens import Doc, Token

from .attribution import Attribution, attribute, is_negated, mention_bounds, through_document
from .candidates import Candidate, cue_bounds
from .content_trim import SUBJECT_DEPS, trim_bounds
from .context import DocContext
from .cue_chains import subject_after_cue
from .cues import LOW_CONFIDENCE_CLASSES, CueLexicon
from .doc_arrays import sentences, token_values
from .mark_table import as_mark
from .misread_forms import misread_content, past_read_as_participle
from .reported import ReportedMatcher
from .reported_adjective import misread_adjective_attributions
from .reported_as_misread import as_misread_attributions
from .reported_blocks import block_attributions
from .reported_clear import make_clear_attributions
from .reported_fragments import fragment_attributions
from .reported_interposed import interposed_attributions
from .reported_marked import marked_object_attributions
from .reported_media import medium_clause_attributions
from .reported_misread import (
    addressee_clause_attributions,
    misread_object_attributions,
    misread_verb_attributions,
    xcomp_clause_attributions,
)
from .reported_noun_colon import noun_colon_attributions, verb_colon_attributions
from .reported_passive import passive_attributions
from .reported_proforms import proform_attributions
from .reported_raised import raised_attributions
from .scorer import CueScorer
from .sources import is_document, source_cue_type
from .subject_asides import set_off_object
from .titles import role_or_body
from .wordlists import word_list

_COLON_SPEAKER_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_COLON_MAX_SPEAKER = 6


def colon_attributions(doc: Doc, paragraphs: Sequence[tuple[int, int]]) -> list[Candidate]:
    """``Graham: Trump's rhetoric is destroying the party``: a name, a colon, a claim.

    Rule ``reported.colon.v1``, for headline-style attributions at the start of a
    paragraph: the part before the colon must be a short named entity (a person,
    organization or group), the part after it a clause with a verb, not in quotation
    marks (quoted text after a colon is :mod:`quotecraft.direct`'s ``direct.colon``).
    """
    out: list[Candidate] = []
    if not len(doc):
        return out
    for p_start, p_end in paragraphs:
        span = doc.char_span(p_start, p_end, alignment_mode="expand")
        if span is None or len(span) < 4:
            continue
        colon = next((t for t in span[: _COLON_MAX_SPEAKER + 1] if t.text == ":"), None)
        if colon is None or colon.i == span.start:
            continue
        speaker = doc[span.start : colon.i]
        if not all(
            t.ent_type_ in _COLON_SPEAKER_LABELS or t.pos_ in ("PROPN", "NOUN") or t.is_punct
            for t in speaker
        ):
            continue
        named = speaker[0].ent_type_ in _COLON_SPEAKER_LABELS
        capitalized = all(t.is_title or t.is_upper or t.is_punct for t in speaker)
        label = "".join(t.text_with_ws for t in speaker if not t.like_num).strip().lower()
        if not (named or capitalized) or label in word_list("headline_labels"):
            continue  # "Analysis: ...", "Step 4: ...": a label, not a speaker
        if len(speaker) == 1 and len(speaker.text) <= 2:
            continue  # "Q: ...", "A: ...": interview turns, answered by direct speech
        if any(speaker.text.count(o) > speaker.text.count(c) for o, c in ("()", "[]")):
            continue  # "Lena Berg (Swedish pronunciation: ...": a gloss inside brackets
        rest = [t for t in doc[colon.i + 1 : span.end] if not t.is_space]
        if not rest or as_mark(rest[0].text) in "“\"‘«„'":
            continue
        if not any(t.pos_ in ("VERB", "AUX") for t in rest):
            continue
        end = len(rest)
        while end > 0 and rest[end - 1].is_punct and as_mark(rest[end - 1].text) not in '”"’»)':
            end -= 1
        if end < 2:
            continue
        out.append(
            Candidate(
                kind="indirect",
                start=rest[0].idx,
                end=rest[end - 1].idx + len(rest[end - 1].text),
                rule="reported.colon.v1",
                confidence=0.6,
                cue=(colon.idx, colon.idx + 1),
                cue_lemma=":",
                cue_token=colon.i,
                attribution=Attribution(
                    speaker=(speaker.start, speaker.end), speaker_head=speaker.root.i
                ),
            )
        )
    return out


_TRAILING_CLASSES = frozenset({"speech", "writing", "evidence"})
_TRAILING_SEPARATORS = frozenset({",", "—", "–", "--"})
_TRAILING_MAX_TAIL = 12
"""Tokens allowed after the cue verb (object, addressee, time, place): ``told a Senate panel Wednesday``."""


def trailing_attributions(doc: Doc, lexicon: CueLexicon) -> list[Candidate]:
    """``Content, Defense Secretary Ash Carter told a Senate panel Wednesday.``

    Rule ``reported.trailing.v1``: a sentence that ends with a comma (or dash), a
    subject, a speech, writing or evidence verb and at most a short tail of that
    verb's own words is fronted content attributed by that verb, whatever the parse
    made of the verb (the parser often hangs it on the content as a conjunct). The
    inverted order (``..., said Ash Carter.``) counts too. The verb must have no
    clause of its own and no ``as``/``when`` (``as X said``) before it; the content
    must be a clause: three words or more with a verb. The parse may break the content
    up and hang its pieces on the verb (:func:`~.misread_forms.misread_content`: ``The
    strike could last weeks, union leaders warned.``) or read the verb as a participle
    of its subject (:func:`~.misread_forms.past_read_as_participle`: ``..., the
    opposition alleged on Sunday.``).
    """
    out: list[Candidate] = []
    # read from the token arrays: most sentences end with no finite verb near their end
    pos, tag = token_values(doc, "POS"), token_values(doc, "TAG")
    punct, space = token_values(doc, "IS_PUNCT"), token_values(doc, "IS_SPACE")
    finite = {get_string_id(t) for t in ("VBD", "VBZ", "VBP")}
    vbn = get_string_id("VBN")
    for sent in sentences(doc):
        end = sent.end
        while end > sent.start and (punct[end - 1] or space[end - 1]):
            end -= 1
        if end - sent.start < 6:
            continue
        # the cue: the last finite lexicon verb of the sentence, close to its end
        low = max(sent.start, end - _TRAILING_MAX_TAIL - 8)
        k = next(
            (
                k
                for k in range(end - 1, low - 1, -1)
                if pos[k] == VERB
                and (tag[k] in finite or (tag[k] == vbn and past_read_as_participle(doc[k])))
            ),
            -1,
        )
        if k < 0:
            continue
        cue = doc[k]
        verb = lexicon.verb(cue)
        if verb is None or verb.cls not in _TRAILING_CLASSES or "ccomp" not in verb.frames:
            continue
        adding = _adding(cue)  # '..., adding that ...' goes on past the tail
        if any(
            c.dep_ in ("ccomp", "xcomp", "csubj", "mark", "advcl", "oprd")
            and (adding is None or c.i != adding.i)
            for c in cue.children
        ):
            continue  # an oprd: '..., a decision critics called "reckless"' names, not tells
        if adding is not None:
            end = adding.left_edge.i - 1
        # the subject nearest the cue: the parse may hang the content's subject on it too
        subjects = [c for c in cue.children if c.dep_ in SUBJECT_DEPS]
        subject = max((c for c in subjects if c.i < cue.i), default=None, key=lambda c: c.i)
        subject = subject or next(iter(subjects), None)
        subject = subject or set_off_object(cue)  # '..., the governor, Ilse Marr, warned'
        misread = cue.tag_ == "VBN"
        subject = cue.head if misread else subject  # '..., the opposition alleged.'
        after = None if subject else subject_after_cue(cue, conjunct="dobj" not in verb.frames)
        subject = subject or after  # "Prices will rise, warned the central bank."
        if subject is None or subject.dep_ == "nsubjpass" or cue.dep_ == "relcl":
            continue
        if subject.tag_ in ("WP", "WDT") or subject.lower_ in ("who", "which", "that"):
            continue  # "..., Mike Pence, who called their son ...": a relative clause
        if subject.i < cue.i:  # "..., Carter told a panel."
            first = subject.left_edge
            if any(c.i < first.i and not misread_content(c) for c in cue.lefts):
                continue
        else:  # "..., said Carter."
            first = cue
        sep = first.i - 1
        if sep <= sent.start or doc[sep].text not in _TRAILING_SEPARATORS:
            continue
        tail = doc[cue.i + 1 : end]
        if len(tail) > _TRAILING_MAX_TAIL or any(not cue.is_ancestor(t) for t in tail):
            continue
        bounds = trim_bounds(doc, sent.start, sep)
        if bounds is None:
            continue
        s, e = bounds
        words = sum(1 for t in doc[s:e] if t.is_alpha)
        if words < 3 or not any(t.pos_ in ("VERB", "AUX") for t in doc[s:e]):
            continue
        cue_s, cue_e, lemma = cue_bounds(cue)
        confidence = min(0.7, max(verb.confidence, 0.3))
        if verb.cls in LOW_CONFIDENCE_CLASSES:
            confidence = min(confidence, 0.5)
        negated = is_negated(cue)
        out.append(
            Candidate(
                kind="indirect",
                start=doc[s].idx,
                end=doc[e - 1].idx + len(doc[e - 1].text),
                rule="reported.trailing.v1",
                confidence=round(min(confidence, 0.6) if negated else confidence, 3),
                cue=(cue_s, cue_e),
                cue_lemma=lemma,
                cue_token=cue.i,
                negated=negated,
                attribution=_by(subject) if misread else _by(after) if after else attribute(cue),
            )
        )
    return out


def _by(subject: Token) -> Attribution:
    """The attribution to ``subject``, read from the words (an inverted subject)."""
    return Attribution(speaker=mention_bounds(subject), speaker_head=subject.i)


def _adding(cue: Token) -> Token | None:
    """A participle after a comma that goes on from the cue (``warned, adding that``)."""
    return next(
        (
            c
            for c in cue.rights
            if c.dep_ == "advcl" and c.tag_ == "VBG" and cue.doc[c.left_edge.i - 1].text == ","
        ),
        None,
    )


def phrase_attributions(
    doc: Doc, lexicon: CueLexicon, taken: Sequence[Candidate] = (), text: str | None = None
) -> list[Candidate]:
    """``In the words of Mayor X, the bridge is safe.`` / ``..., in the view of X.``

    Rule ``reported.phrase.v1``: a sentence that opens with a cue phrase of
    ``data/cues/phrases.tsv``, a source and a comma (or ends with a comma, the phrase and
    a source) attributes the rest of the sentence to that source. ``according to`` has
    its own dependency pattern, which wants *according* on a verb; this rule takes it
    only where no candidate of ``taken`` has it for cue (``Lund beats Vega by six points,
    according to the poll`` with *according* read on a noun), and not when it names no
    source (``according to plan``: word list ``non_sources``). ``text`` is the Doc's text
    (default ``doc.text``, which spaCy rebuilds token by token on each call).
    """
    lowered = (doc.text if text is None else text).lower()
    found_at: list[int] = []  # where a cue phrase's longest word is written in the text
    phrases = {}
    for phrase, (lemma, conf) in lexicon.phrases.items():
        words = tuple(phrase.split())
        at = _written_at(max(words, key=len), lowered)
        if at:
            phrases[words] = (lemma, conf)
            found_at += at
    if not phrases:
        return []  # no cue phrase anywhere in the text: no sentence to read
    found_at.sort()
    taken_cues = {c.cue_token for c in taken}
    out: list[Candidate] = []
    for sent in sentences(doc):
        k = bisect_left(found_at, sent.start_char)
        if k == len(found_at) or found_at[k] >= sent.end_char:
            continue  # no cue phrase in this sentence
        toks = [t for t in sent if not t.is_space]
        if len(toks) < 6:
            continue
        lower = [t.lower_ for t in toks]
        for words, (lemma, conf) in phrases.items():
            found = None
            n = _phrase_end(toks, 0, words)
            if n is not None and ("," in lower[n:] or ":" in lower[n:]):
                comma = min(lower.index(p, n) for p in (",", ":") if p in lower[n:])
                comma = _apposition_end(toks, comma)  # "In the words of her aunt, Ada Lind, A"
                source = toks[n:comma]
                rest = toks[comma + 1 :]
                found = (toks[0], toks[n - 1], source, rest)
            else:
                for k in range(1, len(toks) - len(words)):
                    n = _phrase_end(toks, k, words) if lower[k - 1] == "," else None
                    if n is None:
                        continue
                    ends = _interposed_close(toks, n)
                    if ends is None:
                        source = [t for t in toks[n:] if not t.is_punct]
                        found = (toks[k], toks[n - 1], source, toks[: k - 1])
                    else:  # "A, in the words of X, B": what was said is A and B
                        source = [t for t in toks[n : ends[0]] if not t.is_punct]
                        rest = toks[: k - 1] + toks[ends[1] + 1 :]
                        found = (toks[k], toks[n - 1], source, rest)
                    break
            if found is None:
                continue
            first, last, source, rest = found
            if not source or len(source) > 8 or not rest:
                continue
            if not any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in source):
                continue
            if words == ("according", "to") and (
                first.i in taken_cues
                or any(t.lemma_.lower() in word_list("non_sources") for t in source)
            ):
                continue
            if words == ("per",) and not names_source(doc[source[0].i : source[-1].i + 1].root):
                continue  # '$4, per person': a rate, not a source
            bounds = trim_bounds(doc, rest[0].i, rest[-1].i + 1)
            if bounds is None or sum(1 for t in doc[bounds[0] : bounds[1]] if t.is_alpha) < 3:
                continue
            span = doc[source[0].i : source[-1].i + 1]
            att = Attribution(speaker=(span.start, span.end), speaker_head=span.root.i)
            head = through_document(att, span.root, according=words == ("according", "to"))
            if head is not span.root:  # "according to a note from X": X, through a note
                att.speaker_head = head.i if head is not None else None
                att.speaker = mention_bounds(head) if head is not None else None
            out.append(
                Candidate(
                    kind="indirect",
                    start=doc[bounds[0]].idx,
                    end=doc[bounds[1] - 1].idx + len(doc[bounds[1] - 1].text),
                    rule="reported.phrase.v1",
                    confidence=round(conf * 0.9, 3),
                    cue=(first.idx, last.idx + len(last.text)),
                    cue_lemma=lemma,
                    cue_type=source_cue_type(
                        lexicon.cue_type(lemma), doc, att.document, att.medium
                    ),
                    cue_token=first.i,
                    attribution=att,
                )
            )
            break
    return out


_SOURCE_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def names_source(head: Token) -> bool:
    """Whether a noun phrase's head can be a source a phrase attributes words to: a name
    (person, body, nationality, place), a title or role (``spokeswoman``), a body
    (``the council``), an anonymous source (``officials``) or a document (``the report``).
    A single preposition cue (*per*) needs one: ``per cent``, ``per person`` are rates (a
    common noun names a source only with a determiner: *per a spokeswoman*)."""
    if head.ent_type_ in _SOURCE_ENTITIES:
        return True
    if not any(c.dep_ in ("det", "poss") for c in head.children):
        return False
    return role_or_body(head.lower_) or head.lower_ in word_list("groups") or is_document(head)


_PHRASE_MODIFIERS = frozenset({"ADJ", "ADV"})


def _phrase_end(toks: Sequence[Token], k: int, words: tuple[str, ...]) -> int | None:
    """The index after cue phrase ``words`` when it starts at ``toks[k]``, else None.

    Adjectives, adverbs and participles (hyphenated too) may stand before the phrase's noun (``in the
    immortal words of``, ``in the considered view of``): they qualify the words, not the
    source.
    """
    i = k
    for j, word in enumerate(words):
        while (
            j > 0
            and words[j - 1] == "the"
            and i < len(toks)
            and toks[i].lower_ != word
            and (toks[i].pos_ in _PHRASE_MODIFIERS or toks[i].tag_ in ("VBN", "HYPH"))
        ):
            i += 1
        if i >= len(toks) or toks[i].lower_ != word:
            return None
        i += 1
    return i


def _interposed_close(toks: Sequence[Token], n: int) -> tuple[int, int] | None:
    """Where a cue phrase's source interposed in a sentence ends and the comma or dash
    that closes the aside (``The rise was, in the words of one trader, "brutal."``), when
    words follow it; a relative clause on the source belongs to the aside (``..., in the
    words of the mayor, who rarely praises anything, a triumph``). None when the source
    runs to the sentence's end (``..., in the words of Lind, who runs the shelter.``)."""
    for j in range(n + 1, len(toks) - 1):
        if toks[j].text in (",", "—", "–") and any(t.is_alpha for t in toks[j + 1 :]):
            j = _apposition_end(toks, j)  # "..., in the words of her aunt, Ada Lind, B"
            if toks[j + 1].lower_ not in _RELATIVE_WORDS:
                return j, j
            close = next(
                (i for i in range(j + 2, len(toks) - 1) if toks[i].text in (",", "—", "–")), None
            )
            if close is None or not any(t.is_alpha for t in toks[close + 1 :]):
                return None
            return j, close
    return None


_RELATIVE_WORDS = frozenset({"who", "whom", "whose", "which", "where"})


def _apposition_end(toks: Sequence[Token], comma: int) -> int:
    """The index of the comma or colon that ends the names after the source's comma at
    ``toks[comma]``, in apposition (``her aunt, Ada Lind, ...``) or listed (``Lund, Berg
    and Mora, ...``), else ``comma``: the names belong to the source, not to what it said."""
    j, end = comma + 1, comma
    while j < len(toks) and (
        toks[j].pos_ == "PROPN" or ((toks[j].pos_ == "CCONJ" or toks[j].text == ",") and j > end)
    ):
        if toks[j].pos_ == "PROPN":
            end = j
        j += 1
    if end == comma:
        return comma
    nxt = end + 1
    if nxt < len(toks) - 1 and toks[nxt].text in (",", ":"):
        return nxt
    return comma


def reported_candidates(
    ctx: DocContext,
    matcher: ReportedMatcher,
    scorer: CueScorer | None = None,
    threshold: float | None = None,
) -> list[Candidate]:
    """Stage 2b: the reported-speech candidates of a document.

    The patterns first (``matcher``), then the rules of this module, then the cues the
    ``scorer`` finds at or above ``threshold`` that no rule took (none without a threshold).
    """
    doc, lexicon = ctx.doc, matcher.lexicon
    cands = matcher(doc)
    cands += colon_attributions(doc, ctx.paragraphs)
    cands += trailing_attributions(doc, lexicon)
    cands += block_attributions(doc, ctx.paragraphs, lexicon, ctx.text)
    cands += misread_verb_attributions(doc, lexicon)
    cands += misread_object_attributions(doc, lexicon)
    cands += misread_adjective_attributions(doc, lexicon)
    cands += as_misread_attributions(doc, lexicon)
    cands += xcomp_clause_attributions(doc, lexicon)
    cands += marked_object_attributions(doc, lexicon)
    cands += addressee_clause_attributions(doc, lexicon)
    cands += medium_clause_attributions(doc, lexicon)
    cands += make_clear_attributions(doc)
    cands += raised_attributions(doc, lexicon)
    cands += proform_attributions(doc, lexicon)
    cands += phrase_attributions(doc, lexicon, cands, ctx.text)
    cands += noun_colon_attributions(doc, lexicon, ctx.text)
    cands += verb_colon_attributions(doc, lexicon, ctx.text)
    cands = passive_attributions(doc, lexicon, cands)
    cands = interposed_attributions(doc, lexicon, cands)
    cands = fragment_attributions(doc, lexicon, cands)
    if scorer is not None and threshold is not None:
        cands += scorer.candidates(doc, matcher, cands, threshold, ctx.text)
    return cands


def _written_at(word: str, lowered: str) -> list[int]:
    """Where ``word`` is written in ``lowered`` (the text in lowercase): a sentence holds a
    cue phrase only where it holds the phrase's longest word (adjectives may come between
    the others: ``in the immortal words of``)."""
    return [m.start() for m in re.finditer(re.escape(word), lowered)]
