"""Stage 2b: reported (indirect) speech, found by DependencyMatcher patterns.

Each pattern of ``data/patterns/reported.jsonl`` names a cue node and a content
node; the content is the content node's subtree with the cue's subtree cut out
(so ``..., Stoltenberg explained`` is not part of what he explained), leading
``that`` and trailing punctuation removed. The pattern's name becomes
``Quote.rule``. Patterns and lexicons are compiled once per vocabulary and rule
set (see :class:`ReportedMatcher`), never per document.

This module matches the patterns and decides on each match; :mod:`quotecraft.reported_bounds`
and :mod:`quotecraft.reported_clauses` say where a content starts and ends,
:mod:`quotecraft.reported_neighbours` where one report ends and the next begins, and
:mod:`quotecraft.reported_frames` finds the reports no dependency pattern describes
(headline colons, trailing and passive attributions, cue phrases).
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from .admission import impersonal_it, refusal
from .aside_participles import object_before_cue
from .attribution import addressed_participle, attribute, is_negated, mention_bounds
from .candidates import Candidate, cue_bounds
from .content_trim import SUBJECT_DEPS
from .cues import LOW_CONFIDENCE_CLASSES, CueLexicon, PatternRule, expand_pattern
from .datelines import dateline_stop
from .depmatch import FastDependencyMatcher
from .errors import BAD_PATTERN, RuleError
from .persuasion import persuaded_cue_type
from .reported_asides import appositive_tail, nonrestrictive_tail
from .reported_bounds import (
    NAMED_OBJECTS,
    OBJECT_DEPS,
    attribution_start,
    because_tail,
    complement_list_tail,
    content_bounds,
    coordinated_after,
    coordinated_tail,
    interposed_tail,
    is_passive,
    listed_complement,
    relative_lead,
    set_off,
)
from .reported_clauses import (
    addressee_lead,
    adjacent_complement,
    adjacent_complement_tail,
    bare_verb_tail,
    cleft_copula,
    coordinated_lead,
    corrective_tail,
    dated_lead,
    object_read_for_subject,
    speaker_act_end,
    unreported_circumstance,
)
from .reported_cuts import (
    after_head,
    closing_bracket_end,
    conjoined_cues,
    fronted_clause_end,
    listed_clauses_tail,
    participle_tails,
    phrase_set_off,
    semicolon_end,
)
from .reported_fronted import fronted_speaker, fronted_subject_lead
from .reported_neighbours import (
    complementizer_start,
    fronted_attribution_end,
    rival_report,
    sibling_reports,
    source_apposition,
    speaker_next_acts,
    told_whom,
)
from .reported_objects import (
    held_clause,
    object_conjunct_tail,
    object_part,
    object_tail,
    passive_clause_end,
    split_object_end,
)
from .sources import commitment_cue_type, source_cue_type
from .subject_asides import negative_subject
from .wordlists import word_list

MEDIUM_RULE = "reported.medium_that.v1"


class ReportedMatcher:
    """A compiled set of reported-speech patterns for one vocabulary."""

    def __init__(self, vocab: Vocab, lexicon: CueLexicon, rules: Sequence[PatternRule]) -> None:
        self.lexicon = lexicon
        self.rules = {r.name: r for r in rules}
        native = DependencyMatcher(vocab, validate=True)
        for rule in rules:
            try:
                native.add(rule.name, [expand_pattern(rule.pattern, lexicon)])
            except (ValueError, KeyError) as exc:
                raise RuleError(f"{BAD_PATTERN} pattern {rule.name!r} is invalid: {exc}") from exc
        # the same matches in the same order as spaCy's DependencyMatcher, several times faster
        self.matcher = FastDependencyMatcher(native, [r.name for r in rules])
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
            if dateline_stop(cue) is not None:
                continue  # "EVEN HIS BOSS THINKS HE'S WRONG — ...": a heading, no one's words
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
            verb = self._speaking_verb(cue)
            medium = None
            if verb is not None and any(m.lower_ == "that" for m in content.children):
                # "X said in a statement that ...": the verb says it, the noun is the medium
                medium = (cue.left_edge.i, cue.i + 1)
                rule, cue, excluded = self._medium_rule(rule), verb, [*excluded, verb]
            cand = self._candidate(doc, rule, cue, content, excluded, opener)
            if cand is not None and medium is not None:
                cand.attribution.medium = medium  # "a statement", not its clause
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

    def _speaking_verb(self, noun: Token) -> Token | None:
        """The speech or writing verb a noun cue is the medium of, by *in* (``Lee said in a
        statement that ...``, ``wrote in a letter that ...``); None for a noun with an
        author of its own (``said in Kim's statement that ...``) or not a noun."""
        if noun.pos_ != "NOUN" or noun.dep_ != "pobj" or noun.head.lower_ != "in":
            return None
        verb = noun.head.head
        if verb.pos_ != "VERB" or noun.head.dep_ != "prep":
            return None
        entry = self.lexicon.verb(verb)
        if entry is None or entry.cls not in ("speech", "writing"):
            return None
        if any(
            c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("by", "from", "of"))
            for c in noun.children
        ):
            return None  # the noun's own author speaks
        return verb

    @staticmethod
    def _medium_rule(rule: PatternRule) -> PatternRule:
        """Rule ``reported.medium_that.v1``: a noun cue's clause given to the speech verb
        whose medium the noun is."""
        return attrs.evolve(rule, name=MEDIUM_RULE)

    def _standing(self, span: Span, content: Token) -> bool:
        """Whether ``span`` is a content on its own: two words or more, or one that names
        whom they endorsed, blamed ... (an object that is a person, organization, place),
        or an act (a gerund: ``accused him of lying``; not a bare ``as saying``)."""
        words = 0
        for t in span:  # stops at the second word: most contents are long
            words += t.is_alpha
            if words >= 2:
                return True
        if content.tag_ == "VBG" and content.dep_ in ("pcomp", "pobj", "dobj"):
            said = self.lexicon.verb(content)  # not "quoted as saying": a cue, no act
            return said is None or said.cls not in ("speech", "writing")
        return content.dep_ in OBJECT_DEPS and content.ent_type_ in NAMED_OBJECTS

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
            after = cue.right_edge.i + 1  # the comma after the phrase, or its own last token
            comma = doc[after - 1].text == "," or (after < len(doc) and doc[after].text == ",")
            if not (cue.i < content.i and comma):
                return None  # "In a new poll, ...": only a fronted phrase names a source
            if content.lemma_.lower() in self.lexicon.verbs:
                return None  # "In the report, auditors found ...": the verb's own subject speaks
        if cue.pos_ == "NOUN" and content.dep_ in ("pobj", "pcomp") and held_clause(cue):
            return None  # "her view of the plan is that ...": the clause is the content
        if rule.set_off and not (phrase_set_off(cue) if cue.dep_ == "pobj" else set_off(cue)):
            return None  # "you know, the plan ...": an aside only when set apart
        if _subjectless(content, cue):
            return None  # "Everything the mayor says | is a lie": the sentence's predicate
        if unreported_circumstance(cue, content):
            return None  # "said after the debate | she won": a relative clause of "debate"
        if cue.head.lemma_ in word_list("refusal_verbs") and cue.dep_ == "xcomp":
            return None  # "declined to say whether ...": nothing was said
        if content.dep_ == "nsubjpass" and any(
            c.dep_ == "xcomp" and self.lexicon.verb(c) is not None for c in cue.children
        ):
            return None  # "X is reported to have said that ...": X said it, the report is hearsay
        as_clause = any(m.dep_ == "mark" and m.lower_ == "as" for m in cue.children)
        if content.is_ancestor(cue) and (
            any(c.dep_ in ("ccomp", "xcomp") for c in cue.children)
            or (
                as_clause
                and any(content.i < cue.i < c.i for c in content.children if c.dep_ == "ccomp")
            )
        ):
            return None  # "..., as X said that Y", "I know, as I said, that Y": not the clause
        if (
            as_clause
            and any(
                c.dep_ in ("dobj", "attr", "oprd")
                and c.lower_ != "it"  # "as X put it, ..."
                and not told_whom(cue, c)  # "as I told the council, ..."
                for c in cue.children
            )
            and not cue.is_ancestor(content)
        ):
            # "as X lamented illegal immigration, ...": a time clause, not a source for the
            # main clause; its own object is X's content ("as X blasted the decision")
            return None
        if (
            as_clause
            and not cue.is_ancestor(content)
            and any(c.dep_ == "nsubjpass" or _asks_for(c) for c in cue.children)
        ):
            # "as their names were called out, ...", "as it is called here": a time or a
            # name; "was emotional as she called for ratification": her content is her own
            return None
        if cue.is_ancestor(content) and content.head.i != cue.i:
            # a clause reached through another verb belongs to that verb
            t = content.head
            while t.i != cue.i:
                if t.pos_ in ("VERB", "AUX") and t.dep_ != "prep" and not cleft_copula(t, cue):
                    return None
                t = t.head
            if content.i < cue.i:
                return None
        if (
            content.is_ancestor(cue)
            and content.dep_ == "conj"
            and not (cue.dep_ == "parataxis" and cue.i < content.i)
        ):
            # "A received 37%, B 36% and C 13%, according to the poll": the cue hangs on the
            # last conjunct but scopes over the whole coordination; an attribution set
            # inside a conjunct ("..., and the best way, they think, is ...") holds that one
            while content.dep_ == "conj" and content.head.i != content.i:
                content = content.head
        if (
            cue.dep_ == "parataxis"
            and content.dep_ == "advcl"
            and content.i < cue.i < content.head.i
        ):
            # "Though it was calm, he said, the next vote would be harder": the parse hangs the
            # interposed "he said" on the fronted clause; what was said is the whole sentence
            content = content.head
        if cue.lower_ == "according" and content.dep_ in ("aux", "auxpass"):
            content = content.head  # "According to X, the ice is | thinning": hung on "is"
        interposed_on = cue.dep_ == "parataxis" and cue.head.i == content.i
        if (
            interposed_on
            and content.head.i != content.i
            and (
                content.dep_ in ("aux", "auxpass")
                or (content.dep_ in SUBJECT_DEPS and content.pos_ in ("NOUN", "PROPN"))
            )
        ):
            # "These workers, Lee explained, were well paid", "The difference now, she told
            # me, is that ...": the parse hangs the interposed attribution on an auxiliary
            # or on the subject; what was said is the clause they belong to
            content = content.head
        if interposed_on and content.pos_ in ("NOUN", "PROPN"):
            return None  # an attribution hung on a noun that is no clause's subject
        if rival_report(cue, content, self.lexicon):
            return None  # "A said X; B said Y": each report is not the other's content
        if listed_complement(cue, content):
            return None  # "X said A, B and C": B is part of A's content
        if adjacent_complement(cue, content, self.lexicon):
            return None  # "believe the rules adopted | will cut ...": the second half of one
        if refusal(cue, content, self.lexicon) is not None:
            return None  # no reading reports anything (quotecraft.admission)
        if object_part(cue, content):
            return None  # "endorsed the re-election": "election" is part of the first object
        later = after_head(content)  # one walk of the subtree for the three cuts below
        trailing = object_before_cue(cue, content)  # "A, an aide, speaking privately, said"
        excluded = (
            excluded
            + trailing
            + conjoined_cues(content, cue, self.lexicon, later)
            + participle_tails(content, self.lexicon, later)
            + sibling_reports(content, self.lexicon, later)
            + speaker_next_acts(cue, content)
        )
        bridge: Token | None = cue
        if cue.dep_ == "pobj" and any(x.i == cue.head.i for x in excluded):
            bridge = cue.head  # "The council, in Pike's words, never asked": across the phrase
        if cue.lower_ == "according" and content.i < cue.i and not coordinated_after(cue):
            # "A, according to X, B": B continues the content when the content's head is in B
            # ("The fee, according to X, would ...") or B is coordinated with A ("..., and B");
            # else it is the writer's ("..., more than twice what it projected")
            bridge = None
        bounds = content_bounds(content, excluded, bridge=bridge)
        if bounds is None:
            return None
        s, e = bounds
        if (
            s < cue.i < e
            and cue.is_ancestor(content)
            and relative_lead(doc, content.left_edge.i, cue)
        ):
            s = cue.i + 1  # "documents that officials said would harm ...": from the cue on
        s = fronted_attribution_end(cue, content, s)  # "As X said last week, | A"
        s = complementizer_start(content, s)  # "I believe, as I said, | that A"
        s = coordinated_lead(cue, content, s)  # "A, but B, the source added"
        if opener is not None:
            s = min(s, opener.left_edge.i)  # "called [the actions] lawful": from the object on
        undated = s
        s = dated_lead(cue, content, s)  # "said Tuesday | the road would reopen"
        s = addressee_lead(cue, content, s)  # "warns visitors | not to swim"
        s = object_read_for_subject(cue, content, s)  # "demanding [Ann Lee] make a pledge"
        lead = fronted_subject_lead(cue, content, s)  # "The library, she said, | will open"
        fronted = lead < s
        named = fronted_speaker(cue, lead) if fronted else next(iter(trailing), None)
        s = min(s, lead)
        apposition = source_apposition(cue, s)  # "According to X, Ann Lee, | A"
        if apposition is not None:
            s = apposition[1] + 1
        interposed = interposed_tail(cue, content, e) > e  # "A, she said, that B"
        e = because_tail(cue, interposed_tail(cue, content, e))
        passive_clause = False
        e = split_object_end(cue, content, e)  # "the re-election", "wanted to re-record it"
        if content.dep_ == "nsubjpass" and content.head.i == cue.i:
            # "The mayor was criticized | for the delays": the subject and its clause, when
            # the subject is a content on its own ("he was credited with ...": not one)
            if self._standing(doc[s:e], content):
                passive_clause = passive_clause_end(cue, s, e) > e
                e = passive_clause_end(cue, s, e)
        elif content.dep_ in OBJECT_DEPS:
            e = object_tail(cue, e, standing=self._standing(doc[s:e], content))
            if content.dep_ != "nsubjpass":
                e = object_conjunct_tail(cue, s, e)  # "questioned A and B"
        e = complement_list_tail(cue, content, e, self.lexicon)
        if content.pos_ in ("VERB", "AUX") and content.dep_ not in ("xcomp", "pcomp"):
            e = coordinated_tail(cue, e, self.lexicon)  # not after an object or infinitive
        e = corrective_tail(cue, content, e)
        if content.pos_ in ("VERB", "AUX"):
            e = bare_verb_tail(cue, e, self.lexicon)
            e = speaker_act_end(content, e, self.lexicon)  # "..., but would not say why"
        e = adjacent_complement_tail(cue, content, e, self.lexicon)  # "the rules adopted | will"
        e = nonrestrictive_tail(doc, s, e)
        e = appositive_tail(doc, s, e)  # "..., a tax that funds the harbor": the writer's
        e = semicolon_end(cue, s, e)  # "said A; they learned B": the writer's next clause
        e = listed_clauses_tail(cue, s, e)  # "suggest that A; that B; and that C"
        e = closing_bracket_end(cue, s, e)  # "said A (police found him at home)"
        e = fronted_clause_end(cue, s, e)  # "Asked about A, | Lee said"
        span = doc[s:e]
        if not self._standing(span, content):
            return None  # one word is too little, unless it names whom they endorsed, blamed ...
        bridged = (
            interposed
            or fronted
            or passive_clause
            or (s < attribution_start(cue) and cue.right_edge.i + 1 < e)
        )
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
        negated = (
            is_negated(cue)
            or negative_subject(cue)  # "Nobody said the dam was unsafe"
            or cue.lemma_.lower() in word_list("denial_verbs")
        )
        if negated:
            confidence = min(confidence, 0.6)
        att = attribute(cue)
        if named is not None:
            att = attrs.evolve(att, speaker=mention_bounds(named), speaker_head=named.i)
        if s > undated and att.date is None:
            att = attrs.evolve(att, date=(undated, s))  # the date cut from the clause's start
        if apposition is not None and att.speaker is not None:
            att = attrs.evolve(
                att, speaker=(att.speaker[0], apposition[1]), speaker_head=apposition[1] - 1
            )
        if att.speaker is not None and impersonal_it(cue, content):
            # "It is fair to say that ...": the writer's view; the dummy "it" is no speaker
            att = attrs.evolve(att, speaker=None, speaker_head=None)
            confidence = min(confidence, 0.5)
        elif att.speaker is None and not att.unsigned:
            # "it was reported that ...", "..., officials were told": a report with an
            # unnamed source; kept for speech verbs only, at lower confidence (a bare
            # participle too: "Asked whether ..., the mayor said")
            passive = is_passive(cue) or addressed_participle(cue)
            if verb is None or verb.cls not in ("speech", "writing") or not passive:
                return None
            confidence = min(confidence, 0.5)
        sh = att.speaker_head
        if sh is not None and s <= sh < e and not bridged:
            return None
        lexicon_type = self.lexicon.cue_type(lemma, cue.pos_)
        base_type = lexicon_type or rule.cue_type  # "as X put it": the pattern's type
        return Candidate(
            kind="indirect",
            start=span.start_char,
            end=span.end_char,
            rule=rule.name,
            confidence=round(confidence, 3),
            cue=(cue_s, cue_e),
            cue_lemma=lemma,
            cue_type=source_cue_type(base_type, doc, att.document, att.medium)
            or commitment_cue_type(base_type, cue, content)
            or persuaded_cue_type(base_type, cue)
            or (base_type if lexicon_type is None or cue.pos_ == "NOUN" else None),
            cue_token=cue.i,
            negated=negated,
            attribution=att,
        )


def _subjectless(content: Token, cue: Token) -> bool:
    """Whether ``content`` is a finite verb right after ``cue`` with no subject of its own,
    ``cue`` in a relative clause on the sentence's subject: the parse took the sentence's
    predicate (``Everything the mayor says is a lie``) for what was said."""
    return (
        content.dep_ == "ccomp"
        and content.head.i == cue.i
        # the cue's clause qualifies the sentence's subject (", and everything the board
        # says is ...": a noun the parse joins to a verb); not "hired the people they
        # thought were best", where the noun the clause qualifies is the content's subject
        and cue.dep_ == "relcl"
        and (
            cue.head.dep_ in ("ROOT", "nsubj", "nsubjpass")
            or (cue.head.dep_ == "conj" and cue.head.head.pos_ in ("VERB", "AUX"))
        )
        # nor "The vote, which she said was a mistake, ...": the relative pronoun is its subject
        and not any(t.tag_ in ("WDT", "WP") for t in cue.subtree if t.i < cue.i)
        and content.tag_ in ("VBZ", "VBD", "VBP")
        and content.i > cue.i
        and all(
            t.dep_ in ("advmod", "neg") and t.is_lower for t in content.doc[cue.i + 1 : content.i]
        )
        and not any(
            c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj", "mark") for c in content.children
        )
        # "The words he used were “a disgrace”": the predicate quotes what was said
        and not any(t.is_quote for t in content.subtree)
    )


def _asks_for(child: Token) -> bool:
    """A *for* phrase or *for*-clause of a cue (``called for a vote``, ``called for the
    minister to resign``): what the cue's speaker asks for, the cue's own content."""
    if child.dep_ == "prep":
        return child.lower_ == "for"
    return child.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ == "for" for m in child.children
    )
