"""Stage 2b: reported (indirect) speech, found by DependencyMatcher patterns.

Each pattern of ``data/patterns/reported.jsonl`` names a cue node and a content
node; the content is the content node's subtree with the cue's subtree cut out
(so ``..., Stoltenberg explained`` is not part of what he explained), leading
``that`` and trailing punctuation removed. The pattern's name becomes
``Quote.rule``. Patterns and lexicons are compiled once per vocabulary and rule
set (see :class:`ReportedMatcher`), never per document.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from .attribution import Attribution, attribute, is_negated, mention_bounds
from .candidates import Candidate, cue_bounds
from .cues import LOW_CONFIDENCE_CLASSES, CueLexicon, PatternRule, expand_pattern
from .errors import RuleError
from .wordlists import word_list

_NO_CONTENT_HEADS = frozenset({"decline", "refuse"})
_LEADING_DROP = frozenset({"that", ",", ":", "—", "-", "–", "and"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


class ReportedMatcher:
    """A compiled set of reported-speech patterns for one vocabulary."""

    def __init__(self, vocab: Vocab, lexicon: CueLexicon, rules: Sequence[PatternRule]) -> None:
        self.lexicon = lexicon
        self.rules = {r.name: r for r in rules}
        self.matcher = DependencyMatcher(vocab, validate=True)
        for rule in rules:
            try:
                self.matcher.add(rule.name, [expand_pattern(rule.pattern, lexicon)])
            except (ValueError, KeyError) as exc:
                raise RuleError(f"E012 pattern {rule.name!r} is invalid: {exc}") from exc
        self._node_index: dict[str, dict[str, int]] = {
            r.name: {n["RIGHT_ID"]: k for k, n in enumerate(r.pattern)} for r in rules
        }

    def __call__(self, doc: Doc) -> list[Candidate]:
        """Every reported-speech candidate in ``doc`` (overlaps are resolved later)."""
        out: list[Candidate] = []
        seen: set[tuple[int, int, int]] = set()
        strings = doc.vocab.strings
        for match_id, token_ids in self.matcher(doc):
            name = strings[match_id]
            rule = self.rules[name]
            nodes = self._node_index[name]
            cue = doc[token_ids[nodes[rule.cue]]]
            if cue.lemma_.lower() in self.lexicon.misread and self.lexicon.verb(cue) is None:
                continue  # "gripped": the lemma a cue verb's forms are misread as, not the verb
            content = doc[token_ids[nodes[rule.content]]]
            opener = None
            if rule.content_from and rule.content_from in nodes:
                opener = doc[token_ids[nodes[rule.content_from]]]
                if not cue.i < opener.i < content.i:
                    continue  # the opener must sit between the cue and the content
            # one candidate per cue, content and opener, whichever rule matched first
            key = (cue.i, content.i, opener.i if opener is not None else -1)
            if key in seen:
                continue
            seen.add(key)
            excluded = [doc[token_ids[nodes[x]]] for x in rule.exclude if x in nodes]
            cand = self._candidate(doc, rule, cue, content, excluded, opener)
            if cand is not None:
                out.append(cand)
        out.sort(key=lambda c: (c.start, -c.end))
        return out

    def candidate(
        self, doc: Doc, rule_name: str, cue: Token, content: Token, confidence: float
    ) -> Candidate | None:
        """A candidate for a cue and content found elsewhere (the cue scorer), with the
        same content bounds and checks as a pattern's; None when they reject it."""
        rule = PatternRule(name=rule_name, pattern=[{"RIGHT_ID": "cue"}], confidence=confidence)
        return self._candidate(doc, rule, cue, content, [cue])

    def _conjoined_cues(self, content: Token) -> list[Token]:
        """Cue verbs conjoined inside the content (``... was costly and warned that ...``)."""
        out = []
        for t in content.subtree:
            if (
                t.dep_ == "conj"
                and t.i > content.i
                and not any(c.dep_ in _SUBJECT_DEPS for c in t.children)
                and (_is_clause_cue(t, self.lexicon) or _is_naming_cue(t, self.lexicon))
            ):
                out.append(t)
        return out

    def _participle_tails(self, content: Token) -> list[Token]:
        """Trailing ``..., referring to ...`` / ``..., adding that ...``: not content."""
        doc = content.doc
        return (
            [
                t
                for t in content.subtree
                if t.dep_ == "advcl"
                and t.tag_ == "VBG"
                and t.i > content.i
                and t.left_edge.i > 0
                and (
                    doc[t.left_edge.i - 1].text in (",", "—", "–", "--")
                    or (t.left_edge.i == t.i and _after_comma(t))  # '...,” adding'
                )
                and t.lemma_.lower() in self.lexicon.verbs
            ]
            + [
                # "..., according to a note to clients": the source, not what was said
                t
                for t in content.subtree
                if t.dep_ == "prep"
                and t.lower_ == "according"
                and t.i > content.i
                and _after_comma(t)
            ]
            + [
                # "..., in an interview with CNN on Sunday": where it was said, not what
                t
                for t in content.subtree
                if t.dep_ == "prep"
                and t.i > content.i
                and _after_comma(t)
                and any(
                    o.dep_ == "pobj" and o.lemma_.lower() in word_list("medium_nouns")
                    for o in t.children
                )
            ]
        )

    def _candidate(
        self,
        doc: Doc,
        rule: PatternRule,
        cue: Token,
        content: Token,
        excluded: list[Token],
        opener: Token | None = None,
    ) -> Candidate | None:
        if cue.dep_ == "prep" and cue.pos_ == "ADP" and cue.lower_ != "according":
            after = cue.right_edge.i + 1
            if not (cue.i < content.i and after < len(doc) and doc[after].text == ","):
                return None  # "In a new poll, ...": only a fronted phrase names a source
            if content.lemma_.lower() in self.lexicon.verbs:
                return None  # "In the report, auditors found ...": the verb's own subject speaks
        if cue.head.lemma_ in _NO_CONTENT_HEADS and cue.dep_ == "xcomp":
            return None  # "declined to say whether ...": nothing was said
        if content.is_ancestor(cue) and any(c.dep_ in ("ccomp", "xcomp") for c in cue.children):
            return None  # "..., as X said that Y": the cue's own complement is the content
        if (
            any(m.dep_ == "mark" and m.lower_ == "as" for m in cue.children)
            and any(c.dep_ in ("dobj", "attr", "oprd") for c in cue.children)
            and not cue.is_ancestor(content)
        ):
            # "as X lamented illegal immigration, ...": a time clause, not a source for the
            # main clause; its own object is X's content ("as X blasted the decision")
            return None
        if cue.is_ancestor(content) and content.head.i != cue.i:
            # a clause reached through another verb belongs to that verb
            t = content.head
            while t.i != cue.i:
                if t.pos_ in ("VERB", "AUX") and t.dep_ != "prep":  # "following" as a preposition
                    return None
                t = t.head
            if content.i < cue.i:
                return None
        if content.is_ancestor(cue) and content.dep_ == "conj":
            # "A received 37%, B 36% and C 13%, according to the poll": the cue hangs on the
            # last conjunct but scopes over the whole coordination
            while content.dep_ == "conj" and content.head.i != content.i:
                content = content.head
        excluded = excluded + self._conjoined_cues(content) + self._participle_tails(content)
        bounds = content_bounds(content, excluded, bridge=cue)
        if bounds is None:
            return None
        s, e = bounds
        if (
            s < cue.i < e
            and cue.is_ancestor(content)
            and _relative_lead(doc, content.left_edge.i, cue)
        ):
            s = cue.i + 1  # "documents that officials said would harm ...": from the cue on
        if opener is not None:
            s = min(s, opener.left_edge.i)  # "called [the actions] lawful": from the object on
        e = _because_tail(cue, e)
        if content.dep_ in _OBJECT_DEPS:
            e = _object_tail(cue, e)
        e = _coordinated_tail(cue, e, self.lexicon)
        e = _nonrestrictive_tail(doc, s, e)
        span = doc[s:e]
        if sum(1 for t in span if t.is_alpha) < 2 and not (
            content.dep_ in _OBJECT_DEPS and content.ent_type_ in _NAMED_OBJECTS
        ):
            return None  # one word is too little, unless it names whom they endorsed, blamed ...
        bridged = s < cue.left_edge.i and cue.right_edge.i + 1 < e
        if s <= cue.i < e and not bridged:
            return None
        cue_s, cue_e, lemma = cue_bounds(cue)
        verb = self.lexicon.verb(cue)
        confidence = rule.confidence
        if verb is not None:
            confidence = min(confidence, max(verb.confidence, 0.3))
            if verb.cls in LOW_CONFIDENCE_CLASSES:
                confidence = min(confidence, 0.5)
        elif cue.lemma_.lower() in self.lexicon.nouns:
            confidence = min(confidence, self.lexicon.nouns[cue.lemma_.lower()])
        negated = is_negated(cue) or cue.lemma_.lower() in word_list("denial_verbs")
        if (
            is_negated(cue)
            and doc[s].lower_ in ("whether", "if")
            and verb is not None
            and verb.cls in ("speech", "writing")
        ):
            return None  # "did not say whether it would close": no statement was made
        if negated:
            confidence = min(confidence, 0.6)
        att = attribute(cue)
        if att.speaker is None:
            # "it was reported that ...", "..., officials were told": a report with an
            # unnamed source; kept for speech verbs only, at lower confidence
            if verb is None or verb.cls not in ("speech", "writing") or not _passive(cue):
                return None
            confidence = min(confidence, 0.5)
        sh = att.speaker_head
        if sh is not None and s <= sh < e and not bridged:
            return None
        return Candidate(
            kind="indirect",
            start=span.start_char,
            end=span.end_char,
            rule=rule.name,
            confidence=round(confidence, 3),
            cue=(cue_s, cue_e),
            cue_lemma=lemma,
            cue_token=cue.i,
            negated=negated,
            attribution=att,
        )


_BRIDGE_WORDS = 2
"""Words needed on each side of a cue for the content to read across it."""
_OBJECT_DEPS = frozenset({"dobj", "pobj", "pcomp", "nsubjpass"})
_NAMED_OBJECTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
"""Entity types a one-word object content may have (``endorsed Cruz``, ``blamed China``)."""


def _object_tail(cue: Token, end: int) -> int:
    """Extend an object content over what the parser hung on the cue right after it.

    ``announced steps | to tighten gun sales``, ``endorsed Cruz | for president``,
    ``showed Sanders | within two points``: an infinitive or a phrase with one of
    preposition of ``data/lists/object_tail_preps.txt`` that directly follows the object completes it, also
    across a time phrase (``blasted Trump | on Monday | over his stance``). Time,
    place and medium phrases alone do not.
    """
    doc = cue.doc
    held = None  # after a time phrase: kept only when the content goes on after it
    for c in cue.rights:
        if c.i < end:
            continue
        if c.left_edge.i != (held if held is not None else end):
            break
        infinitive = c.dep_ in ("advcl", "xcomp") and any(
            x.dep_ == "aux" and x.lower_ == "to" for x in c.children
        )
        prep = c.dep_ == "prep" and c.lower_ in word_list("object_tail_preps")
        timed = any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree)
        if timed and held is None and c.dep_ in ("prep", "npadvmod"):
            held = c.right_edge.i + 1  # "blasted Trump | on Monday | over his stance"
            continue
        if not (infinitive or prep) or timed:
            break
        end = c.right_edge.i + 1
        held = None
    while end > 0 and (doc[end - 1].is_punct and doc[end - 1].text not in "”\"’»)'"):
        end -= 1
    return end


def _passive(tok: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)


def _after_comma(tok: Token) -> bool:
    """True when a comma precedes ``tok``, closing quotation marks aside (``,” in``)."""
    i = tok.i - 1
    while i >= 0 and tok.doc[i].text in '”"’»':
        i -= 1
    return i >= 0 and tok.doc[i].text == ","


def _because_tail(cue: Token, end: int) -> int:
    """Extend content over a ``, because ...`` clause the parser hung on the cue.

    ``X told Y to reconsider the plan, because it would ...``: the reason belongs
    to what was said, though the parse attaches it to ``told``.
    """
    doc = cue.doc
    for c in cue.rights:
        if c.dep_ != "advcl" or not any(
            m.dep_ == "mark" and m.lower_ == "because" for m in c.children
        ):
            continue
        gap = doc[end : c.left_edge.i]
        if c.left_edge.i >= end and all(t.is_punct or t.is_space for t in gap) and len(gap) <= 2:
            e = c.right_edge.i + 1
            while e > end and (
                (doc[e - 1].is_punct and doc[e - 1].text not in "”\"’»)'") or doc[e - 1].is_space
            ):
                e -= 1
            return e
    return end


def _coordinated_tail(cue: Token, end: int, lexicon: CueLexicon) -> int:
    """Extend content over ``, but Y ...`` when the parser hung clause Y on the cue.

    ``X says that A, but instead B is doing C``: a full clause (own subject) joined
    right after the content belongs to it, unless it is a report of its own
    (``..., and 4 in 10 said ...``).
    """
    doc = cue.doc
    for c in cue.rights:
        if c.dep_ != "conj" or c.i < end:
            continue
        subjects = [x for x in c.children if x.dep_ in _SUBJECT_DEPS]
        if not subjects or subjects[0].pos_ == "PRON":
            return end  # "..., and he left the room": the speaker acting, not speaking
        verb = lexicon.verb(c)
        if verb is not None and verb.cls in ("speech", "writing"):
            return end  # a report of its own
        gap = doc[end : c.left_edge.i]
        if c.left_edge.i < end or len(gap) > 3:
            return end
        if not all(t.is_punct or t.dep_ == "cc" or t.is_space for t in gap):
            return end
        e = c.right_edge.i + 1
        while e > end and (
            (doc[e - 1].is_punct and doc[e - 1].text not in "”\"’»)'") or doc[e - 1].is_space
        ):
            e -= 1
        return e
    return end


_RELATIVE_WORDS = frozenset({"that", "which", "who", "whom", "what", "whatever"})
_NONRESTRICTIVE_WORDS = frozenset({"which", "who", "whom", "whose", "when", "where"})


def _nonrestrictive_tail(doc: Doc, s: int, e: int) -> int:
    """End ``(s, e)`` before a closing ``, which ...`` clause that comments on it.

    ``he supports the final bill, which includes ...``: a non-restrictive relative
    clause at the end of the content is the writer's aside, not what was said,
    unless it quotes the speaker's words.
    """
    for t in doc[s:e]:
        if t.dep_ != "relcl" or t.right_edge.i + 1 < e - 1 or not (s <= t.head.i < e):
            continue
        lead = t.left_edge.i - 1
        if (
            lead <= s
            or doc[lead].text != ","
            or doc[t.left_edge.i].lower_ not in _NONRESTRICTIVE_WORDS
        ):
            continue
        if any(x.is_quote for x in t.subtree):
            return e  # "..., which would be a “dire threat”": the speaker's words go on
        bounds = _trim(doc, s, lead)
        return bounds[1] if bounds else e
    return e


def _relative_lead(doc: Doc, s: int, cue: Token) -> bool:
    """Whether ``doc[s:cue.i]`` is a relative word and the cue's subject, nothing else.

    In ``documents that officials said would harm ...`` the content clause's subject is
    the relative pronoun before the cue, so its subtree starts left of the cue.
    """
    subject = {t.i for c in cue.children if c.dep_ in _SUBJECT_DEPS for t in c.subtree}
    lead = [t for t in doc[s : cue.i] if not t.is_punct]
    return (
        bool(lead)
        and lead[0].lower_ in _RELATIVE_WORDS
        and all(t.i in subject for t in lead[1:])
        and bool(subject)
    )


def _is_naming_cue(tok: Token, lexicon: CueLexicon) -> bool:
    """``..., and called him "a liar"``: a speech verb with an object and what it is called."""
    verb = lexicon.verb(tok)
    return (
        verb is not None
        and verb.cls in ("speech", "writing")
        and any(c.dep_ == "oprd" for c in tok.children)
        and any(c.dep_ == "dobj" for c in tok.children)
    )


def _is_clause_cue(tok: Token, lexicon: CueLexicon) -> bool:
    verb = lexicon.verb(tok)
    return (
        verb is not None and "ccomp" in verb.frames and any(c.dep_ == "ccomp" for c in tok.children)
    )


def content_bounds(
    content: Token, excluded: Sequence[Token] = (), bridge: Token | None = None
) -> tuple[int, int] | None:
    """Token bounds of a content node's subtree, minus excluded subtrees, trimmed.

    Where an excluded subtree (the cue and its speaker) sits inside the content
    subtree, the content is the contiguous part on the content head's side of it,
    except that the ``bridge`` (the cue) is spanned when content words lie on both
    sides of it (``In the three years since, Lee says, far too many lives ...``):
    the content then reads across the attribution, as a split quote does.
    """
    s, e = content.left_edge.i, content.right_edge.i + 1
    doc = content.doc
    for x in excluded:
        xs, xe = x.left_edge.i, x.right_edge.i + 1
        if xe <= s or xs >= e:
            continue
        if x.i == content.i or x.is_ancestor(content):
            continue  # the content hangs below the cue: nothing of the cue is inside it
        if bridge is not None and x.i == bridge.i:
            left = sum(1 for t in doc[s:xs] if t.is_alpha)
            right = sum(1 for t in doc[xe:e] if t.is_alpha)
            if left >= _BRIDGE_WORDS and right >= _BRIDGE_WORDS:
                continue
        if content.i < xs:
            e = min(e, xs)
        elif content.i >= xe:
            s = max(s, xe)
        else:
            return None
    return _trim(doc, s, e)


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
        if not (named or capitalized) or speaker.text.lower() in word_list("headline_labels"):
            continue  # "Analysis: ...": a label, not a speaker
        if len(speaker) == 1 and len(speaker.text) <= 2:
            continue  # "Q: ...", "A: ...": interview turns, answered by direct speech
        rest = [t for t in doc[colon.i + 1 : span.end] if not t.is_space]
        if not rest or rest[0].text in "“\"‘«„'":
            continue
        if not any(t.pos_ in ("VERB", "AUX") for t in rest):
            continue
        end = len(rest)
        while end > 0 and rest[end - 1].is_punct and rest[end - 1].text not in '”"’»)':
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


def clip_to_paragraph(
    cands: list[Candidate], paragraphs: Sequence[tuple[int, int]], text: str
) -> list[Candidate]:
    """Keep each reported content inside the paragraph of its cue.

    The parser reads a headline without a full stop as the start of the next
    sentence, so a clause can reach across a paragraph break; reported speech
    never does (only direct quotes run over several paragraphs).
    """
    if len(paragraphs) < 2:
        return cands
    starts = [s for s, _ in paragraphs]
    out = []
    for c in cands:
        anchor = c.cue[0] if c.cue is not None else c.start
        k = max(0, bisect_right(starts, anchor) - 1)
        p_start, p_end = paragraphs[k]
        start, end = max(c.start, p_start), min(c.end, p_end)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end - start < 2:
            continue
        c.start, c.end = start, end
        c.pieces = [(s, e) for s, e in c.pieces if s >= start and e <= end]
        out.append(c)
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
    must be a clause: three words or more with a verb.
    """
    out: list[Candidate] = []
    for sent in doc.sents:
        end = sent.end
        while end > sent.start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        if end - sent.start < 6:
            continue
        # the cue: the last finite lexicon verb of the sentence, close to its end
        cue = None
        for t in reversed(doc[max(sent.start, end - _TRAILING_MAX_TAIL - 8) : end]):
            if t.pos_ == "VERB" and t.tag_ in ("VBD", "VBZ", "VBP"):
                cue = t
                break
        if cue is None:
            continue
        verb = lexicon.verb(cue)
        if verb is None or verb.cls not in _TRAILING_CLASSES or "ccomp" not in verb.frames:
            continue
        if any(c.dep_ in ("ccomp", "xcomp", "csubj", "mark", "advcl") for c in cue.children):
            continue
        subject = next((c for c in cue.children if c.dep_ in _SUBJECT_DEPS), None)
        if subject is None or subject.dep_ == "nsubjpass" or cue.dep_ == "relcl":
            continue
        if subject.tag_ in ("WP", "WDT") or subject.lower_ in ("who", "which", "that"):
            continue  # "..., Mike Pence, who called their son ...": a relative clause
        if subject.i < cue.i:  # "..., Carter told a panel."
            first = subject.left_edge
            if any(t.i < first.i for t in cue.subtree if t.dep_ not in ("punct",)):
                continue
        else:  # "..., said Carter."
            first = cue
        sep = first.i - 1
        if sep <= sent.start or doc[sep].text not in _TRAILING_SEPARATORS:
            continue
        tail = doc[cue.i + 1 : end]
        if len(tail) > _TRAILING_MAX_TAIL or any(not cue.is_ancestor(t) for t in tail):
            continue
        bounds = _trim(doc, sent.start, sep)
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
                attribution=attribute(cue),
            )
        )
    return out


def _trim(doc: Doc, s: int, e: int) -> tuple[int, int] | None:
    """``(s, e)`` without a leading *that*, conjunction, space or punctuation (opening
    quotation marks and brackets stay), nor a trailing space, conjunction or punctuation
    (closing marks stay); None when nothing is left."""
    while s < e and (
        doc[s].lower_ in _LEADING_DROP
        or doc[s].is_space
        or (doc[s].is_punct and doc[s].text not in '“"‘«(')
    ):
        s += 1
    while e > s and (
        doc[e - 1].is_space
        or doc[e - 1].dep_ == "cc"
        or (doc[e - 1].is_punct and doc[e - 1].text not in "”\"’»)'")
    ):
        e -= 1
    return (s, e) if e > s else None


_OPENING_MARKS = "“‘«"
_CLOSING_MARKS = "”’»"


def balance_marks(cands: list[Candidate], text: str) -> list[Candidate]:
    """Keep quotation marks in a content paired.

    ``X said the bill was "a gift to Wall Street."``: the parse ends the content before the
    full stop, leaving the opening mark without its closing one; the content is extended
    over the closing mark when only punctuation stands between, else it starts after
    an opening mark that opens it.
    """
    for c in cands:
        body = text[c.start : c.end]
        opened = sum(body.count(m) for m in _OPENING_MARKS if m != "‘")
        closed = sum(body.count(m) for m in _CLOSING_MARKS if m != "’")
        straight = body.count('"') % 2 == 1
        if opened <= closed and not straight:
            continue
        tail = re.match(r"[.,!?;:…]*[”\"»]", text[c.end : c.end + 6])
        if tail is not None:
            c.end += tail.end()
        elif body[:1] in '“"«':
            c.start += 1
    return cands


def passive_attributions(doc: Doc, lexicon: CueLexicon, cands: list[Candidate]) -> list[Candidate]:
    """``The plan was described as "reckless" by opposition leader X.``

    Rule ``reported.passive.v1``: a passive cue verb of the lexicon (``described as``,
    ``called``) whose ``as`` phrase or predicate is what was said and whose ``by``
    phrase (an agent, or a ``by`` the parser hung on the content) names a person or
    organization: the content is the predicate, the speaker the agent. Other candidates
    of the same cue (its passive subject read as the content) give way.
    """
    out: list[Candidate] = []
    taken: set[tuple[int, int, int]] = set()
    for cue in doc:
        if cue.tag_ != "VBN" or not any(c.dep_ == "auxpass" for c in cue.children):
            continue
        verb = lexicon.verb(cue)
        if verb is None or verb.cls not in ("speech", "writing", "object"):
            continue
        pred = None
        for c in cue.children:
            if c.dep_ == "oprd":
                pred = c
            elif c.dep_ == "prep" and c.lower_ == "as":
                pred = next((x for x in c.children if not x.is_punct), None)
        if pred is None:
            continue
        agent = None
        by_prep = None
        for c in cue.children:
            if c.dep_ == "agent":
                agent = next((x for x in c.children if x.dep_ == "pobj"), None)
        if agent is None:
            for c in pred.subtree:
                if c.dep_ == "prep" and c.lower_ == "by" and c.head.i == pred.i:
                    agent = next((x for x in c.children if x.dep_ == "pobj"), None)
                    by_prep = c
        if agent is None or agent.pos_ not in ("PROPN", "NOUN"):
            continue
        excluded = [by_prep] if by_prep is not None else []
        bounds = content_bounds(pred, excluded)
        if bounds is None:
            continue
        s, e = bounds
        # words wholly in quotation marks ("reckless") are a direct quote
        while s < e and doc[s].is_quote:
            s += 1
        while e > s and doc[e - 1].is_quote:
            e -= 1
        if e <= s:
            continue
        quoted = (s > 0 and e < len(doc) and doc[s - 1].is_quote and doc[e].is_quote) and not any(
            t.is_quote for t in doc[s:e]
        )
        cue_s, cue_e, lemma = cue_bounds(cue)
        out.append(
            Candidate(
                kind="direct" if quoted else "indirect",
                start=doc[s].idx,
                end=doc[e - 1].idx + len(doc[e - 1].text),
                rule="reported.passive.v1",
                confidence=round(min(0.8, verb.confidence), 3),
                cue=(cue_s, cue_e),
                cue_lemma=lemma,
                cue_token=cue.i,
                negated=is_negated(cue),
                attribution=Attribution(speaker=mention_bounds(agent), speaker_head=agent.i),
            )
        )
        # other readings of the same cue give way: the content read with its "by" phrase
        taken.add((cue.i, doc[s].idx, doc[e - 1].idx + len(doc[e - 1])))
        subj = next((c for c in cue.children if c.dep_ == "nsubjpass"), None)
        if subj is not None:
            taken.add((cue.i, subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge)))
    if not out:
        return cands
    # the passive subject read as the content ("The plan" was described) gives way
    return [
        c
        for c in cands
        if not any(c.cue_token == i and c.start < e and s < c.end for i, s, e in taken)
    ] + out


def phrase_attributions(doc: Doc, lexicon: CueLexicon) -> list[Candidate]:
    """``In the words of Mayor X, the bridge is safe.`` / ``..., in the view of X.``

    Rule ``reported.phrase.v1``: a sentence that opens with a cue phrase of
    ``data/cues/phrases.tsv``, a source and a comma (or ends with a comma, the phrase and
    a source) attributes the rest of the sentence to that source. ``according to`` has
    its own dependency pattern and is left to it.
    """
    phrases = {
        tuple(words.split()): (lemma, conf)
        for words, (lemma, conf) in lexicon.phrases.items()
        if words != "according to"
    }
    if not phrases:
        return []
    out: list[Candidate] = []
    for sent in doc.sents:
        toks = [t for t in sent if not t.is_space]
        if len(toks) < 6:
            continue
        lower = [t.lower_ for t in toks]
        for words, (lemma, conf) in phrases.items():
            n = len(words)
            found = None
            if tuple(lower[:n]) == words and "," in lower[n:]:
                comma = lower.index(",", n)
                source = toks[n:comma]
                rest = toks[comma + 1 :]
                found = (toks[0], toks[n - 1], source, rest)
            else:
                for k in range(1, len(toks) - n):
                    if lower[k - 1] == "," and tuple(lower[k : k + n]) == words:
                        source = [t for t in toks[k + n :] if not t.is_punct]
                        found = (toks[k], toks[k + n - 1], source, toks[: k - 1])
                        break
            if found is None:
                continue
            first, last, source, rest = found
            if not source or len(source) > 8 or not rest:
                continue
            if not any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in source):
                continue
            bounds = _trim(doc, rest[0].i, rest[-1].i + 1)
            if bounds is None or sum(1 for t in doc[bounds[0] : bounds[1]] if t.is_alpha) < 3:
                continue
            span = doc[source[0].i : source[-1].i + 1]
            out.append(
                Candidate(
                    kind="indirect",
                    start=doc[bounds[0]].idx,
                    end=doc[bounds[1] - 1].idx + len(doc[bounds[1] - 1].text),
                    rule="reported.phrase.v1",
                    confidence=round(conf * 0.9, 3),
                    cue=(first.idx, last.idx + len(last.text)),
                    cue_lemma=lemma,
                    cue_token=first.i,
                    attribution=Attribution(
                        speaker=(span.start, span.end), speaker_head=span.root.i
                    ),
                )
            )
            break
    return out
