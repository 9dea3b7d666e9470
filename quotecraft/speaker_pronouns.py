"""Pronouns: the agreeing, salient antecedent of *he*, *she* and *they* in the narration.

:class:`PronounTable` adds to the document's entities and voice
(:class:`~quotecraft.speaker_voice.VoicedEntityTable`) the antecedent search the
:class:`~quotecraft.speakers.Resolver` sieve uses for a pronoun: a person of the same
sentence (one known to agree, then a subject, before the latest), the previous speaker
unless someone else has been a main subject since, the antecedent of the first of a run
of sentences with the same pronoun as main subject, a recent subject, else the one
agreeing person in reach (kept in reach by a chain of the same pronoun in the narration),
else the person the text is about (named far more often than anyone else of that gender).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import partial

from spacy.tokens import Span, Token

from .datelines import dateline_stop
from .records import SpeakerKind
from .speaker_features import (
    adverbial_subject,
    clause_subject,
    first_names,
    gendered_nouns,
    main_subject,
    named_people,
    pronouns,
    subject_role,
)
from .speaker_gender import gendered_rival, overrules_guess, owns_other_gender
from .speaker_names import DESCRIBING, title_sets
from .speaker_orgs import addressed_by_own_verb, goes_by
from .speaker_runs import PRONOUN_REACH, PronounRuns
from .speaker_table import Entity, Mention
from .speaker_uptake import (
    addressed_description,
    narrated_first_person,
    owned_before,
    speech_owner,
    split_quote,
)
from .wordlists import word_list

_NEUTER_REACH = 2
"""How many sentences back *it* looks for the organization it refers to."""
_CHAIN_HOPS = 50
"""How many sentences back a run of the same pronoun is followed to its first."""
_CHAIN_RUNS = 4
"""How many runs of one pronoun as main subject an antecedent search follows back."""
_PROTAGONIST_MENTIONS = 3
"""Mentions that make a person the one a text is about, for a pronoun with no antecedent
in reach (:meth:`PronounTable._protagonist`)."""
_FIRST_PERSON_WORD = re.compile(r"\b(?:i|me|my|myself)\b", re.IGNORECASE)


class PronounTable(PronounRuns):
    """A :class:`~quotecraft.speaker_voice.VoicedEntityTable` that finds pronouns' antecedents."""

    def _resolve_pronoun(
        self,
        pron_tok: Token,
        gender: str | None,
        last_speaker: Entity | None,
        gap: int,
        depth: int = 0,  # runs of the same pronoun followed back (at most _CHAIN_RUNS)
    ) -> Entity | None:
        if gender not in ("male", "female", "plural"):
            return None
        sent = self._sent_of[pron_tok.i]

        def agrees(ent: Entity) -> bool:
            if gender == "plural":
                return ent.kind in (SpeakerKind.ORGANIZATION, SpeakerKind.GROUP) or (
                    ent.gender == "plural"
                )
            return (
                ent.kind is SpeakerKind.PERSON
                and ent.gender in (None, gender)
                and not ent.first_person
            )

        # only mentions of the last few sentences can matter (person_mentions is in text order)
        hi = bisect_left(self.person_mentions, pron_tok.i, key=lambda m: m.token)
        lo = bisect_left(self.person_mentions, sent - PRONOUN_REACH, hi=hi, key=lambda m: m.sent)
        excluded: set[int] = set()  # "Rubio, who he dubbed ...": he is not Rubio
        if pron_tok.head.dep_ == "relcl":
            noun = pron_tok.head.head
            blocked = {noun.i} | {c.i for c in noun.lefts if c.dep_ == "compound"}
            excluded = {id(m.entity) for m in self.person_mentions[lo:hi] if m.token in blocked}

        excluded |= self._first_person_here(pron_tok)  # "I thought ..., but he told me"
        here = [m for m in self.person_mentions[lo:hi] if m.sent == sent and m.token < pron_tok.i]
        owned = owned_before(pron_tok, [m.token for m in here])  # "After her sister left, she"
        excluded |= {id(m.entity) for m in here if m.token in owned}

        def compatible(ent: Entity) -> bool:
            return agrees(ent) and (not excluded or id(ent) not in excluded)

        before = [m for m in self.person_mentions[lo:hi] if compatible(m.entity)]
        same_sentence = [m for m in before if m.sent == sent]
        if same_sentence:
            # one whose gender is known to agree before one of unknown gender, then a
            # subject before an object ("Alder attacked Moss, when she called ..."): Alder
            agreeing = [m for m in same_sentence if m.entity.gender == gender] or same_sentence
            subject = next((m for m in reversed(agreeing) if m.subject), agreeing[-1])
            return self._adopt(subject.entity, gender)
        if gender != "plural" and self._described_subject_before(pron_tok, gender):
            return None  # "Tom Berg came in. The mechanic shook his head. ... he said"
        if (
            last_speaker is not None
            and gap <= 3
            and compatible(last_speaker)
            and not self._subject_since(before, sent - gap, last_speaker)
        ):
            if self._described_since(pron_tok, gender, last_speaker):
                return None  # "...," the officer told the driver. The driver refused. ... he
            return self._adopt(last_speaker, gender)
        first = self._chain_head(pron_tok, gender) if depth < _CHAIN_RUNS else None
        if first is not None:  # "She had painted ... “Her boys,” as she called them"
            found = self._resolve_pronoun(first, gender, None, 99, depth + 1)
            if found is not None:
                return found
        near = [m for m in before if sent - m.sent <= 4]
        subjects = [m for m in near if m.subject]
        if subjects:
            return self._adopt(subjects[-1].entity, gender)
        if near:
            if gender != "plural" and self._untagged_subject_before(pron_tok, near[-1], gender):
                return None  # "Okafor met Lindqvist. He said": Okafor, whom the tagger missed
            return self._adopt(near[-1].entity, gender)
        spoke = (m.entity for m in self.person_mentions[lo:hi])
        if last_speaker and gap <= 1 and overrules_guess(last_speaker, gender, spoke, pron_tok):
            last_speaker.gender = gender  # '"...," Alex Morgan said. "...," she added'
            return last_speaker
        # farther back, only an antecedent that is the one agreeing person in reach; a
        # chain of pronouns of the same gender in the narration keeps a person in reach
        reach = self._chain_start(sent, gender)
        lo = bisect_left(self.person_mentions, reach - PRONOUN_REACH, hi=hi, key=lambda m: m.sent)
        before = [m for m in self.person_mentions[lo:hi] if compatible(m.entity)]
        agreeing = [m for m in before if m.entity.gender == gender]
        distinct = {id(m.entity): m.entity for m in agreeing}
        if gender != "plural" and len(distinct) == 1:
            return next(iter(distinct.values()))
        if gender != "plural":
            return self._protagonist(hi, gender)
        return None

    def _first_person_here(self, pron_tok: Token) -> set[int]:
        """The ids of whoever *I* is in the sentence of ``pron_tok`` (the document's voice:
        an interviewee, a letter's writer): *he* or *she* there is someone else (``I
        always thought ..., but he told me ...``)."""
        sid = self._sent_of[pron_tok.i]
        lo, hi = bisect_left(self._sent_of, sid), bisect_right(self._sent_of, sid)
        sent = self.doc[lo:hi]
        if not _FIRST_PERSON_WORD.search(self._text(), sent.start_char, sent.end_char):
            return set()  # (most sentences: no token walk)
        return {
            id(voice)
            for t in narrated_first_person(sent)
            if (voice := self._voice_for(t)) is not None
        }

    def _protagonist(self, hi: int, gender: str) -> Entity | None:
        """The person the text so far is about (``she`` far from any name in a biography):
        of the persons of ``gender`` mentioned before mention ``hi``, one named at least
        :data:`_PROTAGONIST_MENTIONS` times and at least twice as often as any other."""
        counts: dict[int, int] = {}
        by_id: dict[int, Entity] = {}
        for m in self.person_mentions[:hi]:
            if m.entity.gender == gender and _known_by_name(m.entity):
                counts[id(m.entity)] = counts.get(id(m.entity), 0) + 1
                by_id[id(m.entity)] = m.entity
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if not ranked or ranked[0][1] < _PROTAGONIST_MENTIONS:
            return None
        if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
            return None
        return by_id[ranked[0][0]]

    def neuter_antecedent(self, pron_tok: Token) -> Token | None:
        """What *it* refers to as a speaker (``The council voted to close the library. It
        said ...``): the head of the latest organization that is the subject of a clause
        in the pronoun's sentence or the two before it, outside quotations: a named
        organization or a noun of ``organization_nouns`` (*the board*, *the ministry*).
        None when there is none, or when *it* is the dummy subject of *seem*, *be* and the
        like (word list ``dummy_it_verbs``): *it* stays unresolved rather than taken for a
        thing."""
        if pron_tok.head.lemma_.lower() in word_list("dummy_it_verbs"):
            return None  # "it seemed that ...", "it is clear that ...": no one speaks
        sent = self._sent_of[pron_tok.i]
        start = pron_tok.i
        while start > 0 and self._sent_of[start - 1] >= sent - _NEUTER_REACH:
            start -= 1
        bodies = word_list("organization_nouns")
        for t in reversed(self.doc[start : pron_tok.i]):
            if (
                t.dep_ in ("nsubj", "nsubjpass")
                and (t.tag_ in ("NN", "NNP") or (t.tag_ == "NNPS" and self.in_body_name(t)))
                and (self.in_body_name(t) or t.lemma_.lower() in bodies)
                and not self._inside_quote(t.idx)
                and dateline_stop(t) is None  # "BRISTOL, England — ...": a place, no body
            ):
                return t
        return None

    def described_body(self, head: Token, span: Span) -> Token | None:
        """The named organization *the* and a noun of ``organization_nouns`` takes up: the
        one that is the subject of a clause in its sentence or the two before
        (:meth:`neuter_antecedent`), or else the one named in its sentence or the one before
        (:meth:`only_body_before`), when the noun is one the body goes by (:func:`goes_by`:
        a word of its name, ``the company``, ``the automaker``); not one of two bodies
        joined (``the Ministry of X and the Ministry of Y met. The ministry``)."""
        noun = head.lemma_.lower()  # "the Ministry" too: a capital makes no name of it
        if head.pos_ not in ("NOUN", "PROPN") or len(span) != 2 or span[0].lower_ != "the":
            return None
        if noun not in word_list("organization_nouns"):
            return None
        body = self.neuter_antecedent(head) or self.only_body_before(head)
        if body is not None and not self.in_body_name(body):  # "The company, Orvex Motors,"
            body = next((c for c in body.children if c.dep_ == "appos"), body)
        if body is None or not self.in_body_name(body):
            return None
        k = bisect_right(self._ent_ends, body.i)
        name = self._ents[k].text.lower() if k < len(self._ents) else ""
        if not goes_by(noun, name):
            return None  # "Acme Corp. ... the ministry": another body
        if head.tag_ in ("NN", "NNP") and any(c.dep_ == "conj" for c in body.children):
            return None
        return body

    def in_body_name(self, tok: Token) -> bool:
        """Whether ``tok`` is in an ORG entity of the table's (``entity_spans``: with the
        names the tagger took for a person's that end in a company word)."""
        k = bisect_right(self._ent_ends, tok.i)
        return (
            k < len(self._ents) and self._ents[k].start <= tok.i and self._ents[k].label_ == "ORG"
        )

    def only_body_before(self, noun: Token) -> Token | None:
        """The head of the one organization the text names in ``noun``'s sentence before it
        or in the sentence before, when a single one is named there, as a subject or not
        (``... a drop in the oil giant Orvex. The company reported ...``), outside
        quotations and not the owner the noun itself belongs to (``the parent company of
        X``) nor the one its own verb addresses (:func:`addressed_by_own_verb`); None when
        none or several are, or the noun is plural."""
        if noun.tag_ not in ("NN", "NNP"):
            return None  # "the companies": more than the one named
        sent, lemma = self._sent_of[noun.i], noun.lemma_
        found: dict[str, Token] = {}
        for ent in self._ents[: bisect_right(self._ent_ends, noun.i)]:
            root = ent.root  # not "the parent company of Google": Google is not the company
            owner = (
                root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_ == lemma
            )
            near = ent.label_ == "ORG" and self._sent_of[ent.start] >= sent - 1 and not owner
            near = near and not addressed_by_own_verb(root, noun)
            if near and not self._inside_quote(ent.start_char) and dateline_stop(ent.root) is None:
                found[ent.text.lower().removeprefix("the ")] = ent.root
        return next(iter(found.values())) if len(found) == 1 else None

    def antecedent_phrase(self, pron_tok: Token) -> Token | None:
        """The head of the noun phrase a pronoun with no agreeing entity refers to: an
        organization for *it* (:meth:`neuter_antecedent`), a person or people described,
        not named, for *he*, *she* and *they* (:meth:`described_antecedent`)."""
        gender = pronouns().get(pron_tok.lower_)
        if gender == "neuter":
            return self.neuter_antecedent(pron_tok)
        if gender in ("male", "female", "plural"):
            described = self.described_antecedent(pron_tok, gender)
            if described is None and gender != "plural":  # "I asked the guard. He said"
                words = title_sets(self.titles)[1]
                return addressed_description(pron_tok, gender, words, self._inside_quote)
            return described
        return None

    def counted_antecedent(self, span: Span) -> Token | None:
        """Whom ``the pair``, ``the two``, ``the couple`` (``the trio``, ``the three``) takes
        up: the names coordinated as the main subject of the sentence before, as *they*
        would (:meth:`described_antecedent`: ``Tomas Berg and Ines Moll run the bakery. The
        pair said ...``), when they are that many; None otherwise."""
        if len(span) != 2 or span[0].lower_ != "the" or span[1].lower_ not in _COUNTED:
            return None
        subject = self.described_antecedent(span[1], "plural")
        if subject is None or not named_people(subject):
            return None
        names = [t for t in subject.subtree if t.dep_ == "conj" or t.i == subject.i]
        return subject if len(names) == _COUNTED[span[1].lower_] else None

    def described_antecedent(self, pron_tok: Token, gender: str) -> Token | None:
        """Whom *he*, *she* or *they* refers to when no named person agrees: the described
        person (or people) who is the main subject of the sentence before (``The mechanic
        shook his head. “It's the gearbox,” he said.``, ``The nurses walked out.``), or when
        that is a thing, the one of an adverbial clause on its verb. A common noun of the
        pronoun's number (a singular one with an article or a possessive), outside
        quotations, that the text shows to be a person of that gender or people: a title
        word or a gendered noun of it (``the deputy``, ``the waitress``, ``nurses``), a word
        of ``groups`` for *they*, a possessive or reflexive pronoun of it later in its
        sentence (``shook his head``) or a gesture its verb names (``The stranger
        smiled.``), or for *they* a name coordinated with another (``Tomas Berg and Ines
        Moll run the bakery.``); the owner of a cue noun subject counts as the subject
        (:func:`speech_owner`). A possessive pronoun counts when it owns the subject (``Her
        claim that ... drew jeers``); on the object of a verb, it takes up that verb's
        subject instead (``The senator repeated her claim``). None otherwise: a pronoun
        stays unresolved rather than taken for a thing (``The car stalled.``). A run of
        sentences with the same pronoun as main subject is followed back to its first
        (``He folded it. ... he``), at most :data:`_CHAIN_HOPS` sentences."""
        for _ in range(_CHAIN_HOPS):
            found, chained = self._described_once(pron_tok, gender)
            if chained is None:
                return found
            pron_tok = chained
        return None

    def _described_once(self, pron_tok: Token, gender: str) -> tuple[Token | None, Token | None]:
        """One step of :meth:`described_antecedent`: the antecedent found (or None), and
        the pronoun of the sentence before to go on from when it is the same pronoun."""
        sent = self._sent_of[pron_tok.i]
        if (owner := clause_subject(pron_tok)) is not None:  # "The senator repeated her claim"
            return (owner if self._person_described(owner, gender, pron_tok) else None), None
        if sent == 0 or subject_role(pron_tok) is None:
            return None, None
        before = sent - 1 - split_quote(pron_tok)  # '... "How are you?" | she asked.'
        start = pron_tok.i
        while start > 0 and self._sent_of[start - 1] >= before:
            start -= 1
        subject = next(
            (
                t
                for t in self.doc[start : pron_tok.i]
                if self._sent_of[t.i] == before
                and t.dep_ in ("nsubj", "nsubjpass")  # "The minister was asked ... He said"
                and t.head.dep_ == "ROOT"
            ),
            None,
        )
        if subject is not None and subject.lower_ == pron_tok.lower_:  # "He folded it. ... he"
            return None, subject  # "He folded it. ... he": the chain's first sentence
        subject = speech_owner(subject) if subject is not None else None  # "Her lawyer's remarks"
        if gender == "plural" and subject is not None and named_people(subject):
            return (None if self._inside_quote(subject.idx) else subject), None  # "Berg and Moll"
        if subject is not None and self._person_described(subject, gender, pron_tok):
            described = partial(self._person_described, gender=gender, pron_tok=pron_tok)
            return gendered_rival(subject, gender, described) or subject, None
        # "The crowd grew quiet as the coach walked in.": the one person of its adverbial clause
        inner = [
            t
            for t in self.doc[start : pron_tok.i]
            if self._sent_of[t.i] == before
            and adverbial_subject(t)
            and self._person_described(t, gender, pron_tok)
        ]
        one = len(inner) == 1 and (subject is None or subject.pos_ == "NOUN")
        return (inner[0] if one else None), None

    def _person_described(self, subject: Token, gender: str, pron_tok: Token) -> bool:
        """Whether ``subject``, a common noun, is a person or people described whom
        ``pron_tok`` of ``gender`` can take up (see :meth:`described_antecedent`)."""
        plural = gender == "plural"
        if (
            subject.tag_ != ("NNS" if plural else "NN")
            or subject.ent_type_
            or self._inside_quote(subject.idx)
            or not (plural or any(c.dep_ in ("det", "poss") for c in subject.children))
            or gendered_nouns().get(subject.lower_, gender) not in (gender, "plural")
        ):
            return False
        own = {w for w, g in pronouns().items() if g == gender} - {pron_tok.lower_}
        lemma = subject.lemma_.lower()
        shown = (
            subject.lower_ in gendered_nouns()
            or (subject.lower_ if not plural else lemma) in title_sets(self.titles)[1]
            or (plural and not word_list("groups").isdisjoint((lemma, subject.lower_)))
            or subject.head.lemma_.lower() in word_list("gesture_verbs")
            or any(
                t.lower_ in own and t.dep_ in ("poss", "dobj", "pobj")
                for t in subject.sent[subject.i - subject.sent.start + 1 :]
            )
        )
        return shown

    def _described_subject_before(self, pron_tok: Token, gender: str) -> bool:
        """Whether the main subject of the sentence before is a described person the
        pronoun takes up (:meth:`described_antecedent`) ahead of a person named earlier:
        someone new, introduced by *a* or *another* and a noun that names a person (a
        title or a gendered noun: ``A mechanic came out``; not ``The Vermont senator``,
        which news writes for a senator it named, nor ``A president who ...``, a named
        person characterized). The subject comes first, unless that sentence names
        someone of the same gender in another role by a pronoun (``A prosecutor
        questioned him. He said``: *him* keeps the named person in view)."""
        start = pron_tok.sent.start
        if start == 0 or pron_tok.dep_ not in ("nsubj", "nsubjpass"):
            return False
        root = self.doc[start - 1].sent.root  # not "The Vermont senator", named before
        if not any(
            c.dep_ == "nsubj"
            and any(d.dep_ == "det" and d.lower_ in ("a", "an", "another") for d in c.children)
            for c in root.children
        ):
            return False
        subject = self.described_antecedent(pron_tok, gender)
        person = subject is not None and (
            subject.lower_ in title_sets(self.titles)[1] or subject.lower_ in gendered_nouns()
        )
        if subject is None or not person:
            return False  # a noun that names a person, not "The candidate's response came"
        if any(c.dep_ in ("relcl", "acl") for c in subject.children):
            return False  # "A president who authorized the raid ...": a named one, described
        table = pronouns()
        return not any(
            table.get(t.lower_) == gender and t.dep_ != "poss" and not t.lower_.endswith("self")
            for t in subject.sent
        )

    def _untagged_subject_before(self, pron_tok: Token, found: Mention, gender: str) -> bool:
        """Whether ``found``, the person the pronoun (a subject) would take up, is the
        object of the sentence before, whose main subject is a capitalized name in no
        entity (``Okafor met Lindqvist in 2010. He says ...``: the tagger missed a person
        there, as likely to be meant, so the pronoun stays unresolved; not when that name is
        a first name of the other gender: ``Sara met Tom. He said``) or a person
        described (``The striker dedicated the win to his late father. "...," he said``:
        the striker, :meth:`described_antecedent`)."""
        start = pron_tok.sent.start
        if start == 0 or pron_tok.dep_ not in ("nsubj", "nsubjpass"):
            return False
        root = self.doc[start - 1].sent.root
        obj = self.doc[found.token]
        if obj.dep_ not in ("dobj", "pobj", "dative") or obj.sent.root.i != root.i:
            return False
        described = self.described_antecedent(pron_tok, gender)
        if described is not None and (
            described.lower_ in title_sets(self.titles)[1] or described.lower_ in gendered_nouns()
        ):
            return True  # a noun that names a person, not "The rise of Bannon gave ..."
        return any(
            c.dep_ == "nsubj"
            and c.pos_ == "PROPN"
            and not c.ent_type_
            and c.text[:1].isupper()
            and first_names().get(c.lower_, gender) == gender  # "Sara met Tom. He": not Sara
            and not owns_other_gender(root, gender)  # "Kemal met his sister. She": not Kemal
            for c in root.children
        )

    def _subject_since(self, mentions: list[Mention], after: int, speaker: Entity) -> bool:
        """Someone else was the subject of a main verb after sentence ``after`` (``“...,”
        said Ivo Renner. Tomas Ek disagreed. He said ...``: *he* is no longer Ivo)."""
        return any(
            m.sent > after and m.entity is not speaker and main_subject(self.doc[m.token])
            for m in mentions
        )

    def _described_since(self, pron_tok: Token, gender: str, speaker: Entity) -> bool:
        """Whether someone described, not the last speaker, is the main subject of the
        sentence before, when the last speaker is known only by a description too (``"...,"
        the officer told the driver. The driver refused. "...," he said``: the driver)."""
        if gender == "plural" or _known_by_name(speaker):
            return False
        subject = self.described_antecedent(pron_tok, gender)
        if subject is None or not (
            subject.lower_ in title_sets(self.titles)[1]
            or subject.lower_ in gendered_nouns()
            or subject.head.lemma_.lower() in word_list("gesture_verbs")  # "The customer sighed"
        ):
            return False  # a noun that names a person, not "His faith is important to him"
        words = {w.lower() for name in [*speaker.names, speaker.title or ""] for w in name.split()}
        return subject.lower_ not in words

    @staticmethod
    def _adopt(ent: Entity, gender: str | None) -> Entity:
        if gender in ("male", "female") and ent.gender is None:
            ent.gender = gender
        return ent


def _known_by_name(ent: Entity) -> bool:
    """A person known by a name, not only by a description (``the woman``, ``my mother``)."""
    name = ent.name or ""
    return (
        ent.kind is SpeakerKind.PERSON
        and name[:1].isupper()
        and name.split()[0].lower() not in DESCRIBING
    )


_COUNTED = {"pair": 2, "two": 2, "couple": 2, "duo": 2, "trio": 3, "three": 3}
"""Nouns and numbers that take up a group of that many people named before."""
