"""The entity table of one document: who the people and bodies of the text are.

Decides which mentions are one entity before any quote is attributed: every PERSON
entity of the article (and a name the tagger labelled otherwise but that opens with a
known first name) becomes or joins a cluster, full names, surnames and possessives
sharing one ``Speaker.id`` unless their genders conflict (``Mrs. Claus`` is not ``Mr.
Claus``, nor ``Santa ... he``); a one-word name the tagger missed elsewhere is that person
again; a gendered noun (``her father``) is a person a later *he* can refer to. Each
entity keeps its names (with where each was first given), the best title (an
apposition beats a pre-modifier), the organization parsed from it, a gender when the
text gives one (the text's own *his* or *her* after a named subject corrects the
first-name table's guess), and the positions of its mentions, indexed for the pronoun and
title look-ups of :class:`quotecraft.speakers.Resolver`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Any

from attrs import define, field
from spacy.tokens import Doc, Span, Token

from .context import sentence_ids
from .kb import KnowledgeBase
from .records import Resolution, SpeakerKind
from .speaker_appositions import apposed_to_title, appositive_title, own_role_apposed
from .speaker_features import (
    first_names,
    gendered_nouns,
    honorifics,
    kin_as_name,
    mention_gender,
    organization_form,
    pronoun_set,
    unless_person,
    without_suffix,
)
from .speaker_first_names import first_name_holders, guessed_gender, titled_surnames
from .speaker_gender import apposed_name, subject_pronoun, voted_genders
from .speaker_kin import bare_surname_order, generation_member
from .speaker_name_tokens import names_and_gendered_nouns
from .speaker_names import (
    DET,
    PERSON,
    POSSESSIVE,
    common_opening,
    looks_like_name,
    lowercase_words,
    mention_span,
    merged_spans,
    name_tokens,
    placing_words,
    premodifier_title,
    strip_det,
    text_slice,
    title_sets,
)
from .speaker_orgs import longer_body, organization_from_title, organization_of_name
from .speaker_positions import Positions
from .speaker_spans import entity_spans, person_spans
from .titles import TitleLexicon, Titles, title_words

_PREDICATIVE = frozenset({"attr", "oprd", "appos"})
"""Dependencies of a noun that describes a person already mentioned, not a new one."""


def _retitled(ent: Entity, _attribute: Any, value: str | None) -> str | None:
    """attrs hook: tell the resolver that ``ent`` has a new title (for its title index)."""
    if ent.retitled is not None:
        ent.retitled.append(ent)
    return value


@define
class Entity:
    """A cluster of mentions of one speaker."""

    id: str
    kind: SpeakerKind
    names: list[str] = field(factory=list)
    title: str | None = field(default=None, on_setattr=_retitled)
    title_from_appos: bool = False
    honorific: str | None = field(default=None, on_setattr=_retitled)
    """A title an apposition replaced (*Dr.* of ``Dr. Ann Cho, a surgeon``: *the doctor*)."""
    organization: str | None = None
    gender: str | None = None
    gender_guessed: bool = False
    """The gender is the first-name table's guess, which the text's pronouns may correct."""
    positions: Positions = field(factory=Positions)
    members: list[str] = field(factory=list)
    """The names of a group's members (``Maria and Luis Ortega``)."""
    first_person: bool = False
    """The narrator or a letter's signer: *I* in the narration, never *he* or *she*."""
    name_at: dict[str, tuple[int, int]] = field(factory=dict)
    """Where each name was first given: character offsets of its mention."""
    retitled: list[Entity] | None = field(default=None, repr=False, eq=False)
    """Where a title change is reported (the resolver's list), if anywhere."""
    relation_at: list[int] = field(factory=list)  # "her husband" again, after "her husband, Bo,"

    @property
    def titles(self) -> str:
        """The title and the honorific, lowercase, one string ("" for none)."""
        return " ".join(t for t in (self.title, self.honorific) if t).lower()

    @property
    def name(self) -> str | None:
        """The longest proper full name of the cluster."""
        pool = [n for n in self.names if len(n.split()) > 1] or self.names
        return max(pool, key=lambda n: (len(n.split()), len(n))) if pool else None


@define
class Mention:
    token: int
    entity: Entity
    subject: bool
    sent: int


class EntityTable:
    """The entities of one document, built from its PERSON entities and names;
    :class:`quotecraft.speakers.Resolver` extends it with the sieve that resolves mentions."""

    def __init__(
        self,
        doc: Doc,
        quote_spans: Sequence[tuple[int, int]] = (),
        *,
        titles: TitleLexicon | None = None,
        kb: KnowledgeBase | None = None,
    ) -> None:
        """``titles``: a :class:`~quotecraft.titles.TitleLexicon` (default: the packaged one);
        ``kb``: a knowledge base the user registered, to link speakers to (default: none)."""
        self.doc = doc
        self.kb = kb
        self._sent_of = sentence_ids(doc)
        self.titles: Titles | None = (
            None if titles is None else (titles.phrases, titles.words, titles.modifiers)
        )
        self.entities: list[Entity] = []
        self.by_surname: dict[str, list[Entity]] = {}
        self.by_org: dict[str, Entity] = {}
        self.person_mentions: list[Mention] = []
        # indexes built once, so each lookup is a bisection, not a scan of the document
        self._quote_spans = merged_spans(quote_spans)
        self._quote_starts = [s for s, _ in self._quote_spans]
        self._ents = entity_spans(doc)
        self._ent_ends = [sp.end for sp in self._ents]
        self._persons: list[Span] | None = None
        self._person_ends: list[int] = []
        self._lowercase: set[str] = set()  # the words the text writes in lower case
        self._titled_words: set[str] | None = None  # the words it writes as surnames
        # title word -> entities whose title had it (checked again on use), by creation order
        self._title_index: dict[str, dict[int, Entity]] = {}
        self._retitled: list[Entity] = []
        self._how: dict[tuple[int, int], Resolution] = {}
        self._moved: dict[tuple[int, int], tuple[int, int]] = {}  # misread subject -> name
        self._evidence: dict[int, set[str]] = {}
        """id(entity) -> the genders its mentions gave (honorific, first name, own pronoun)."""
        self._collect_people()

    def _inside_quote(self, char: int) -> bool:
        k = bisect_right(self._quote_starts, char) - 1
        return k >= 0 and char < self._quote_spans[k][1]

    def _new(self, kind: SpeakerKind) -> Entity:
        ent = Entity(id=f"S{len(self.entities) + 1}", kind=kind, retitled=self._retitled)
        self.entities.append(ent)
        return ent

    def _person_spans(self) -> list[Span]:
        """PERSON entities and titled names the tagger missed (``Mayor Ines Caro``), trimmed
        to a shorter form seen elsewhere (``Secretariat Jo Lee``) or of an opening verb."""
        if self._persons is not None:
            return self._persons
        doc = self.doc
        spans = person_spans(doc, self._ents, self.titles)
        names = [name_tokens(sp, self.titles) for sp in spans]
        forms = {text_slice(toks) for toks in names}
        lowercase = self._lowercase = lowercase_words(doc)
        out = []
        for sp, toks in zip(spans, names, strict=True):
            if not looks_like_name(toks):
                continue  # "(D-Mass.)", "R-OH": a party and state tag, not a name
            if common_opening(toks, lowercase):  # "Describe Einstein’s view ..."
                sp = doc[toks[1].i : sp.end]
                sp.label_ = PERSON
            elif len(toks) >= 3:
                for k in range(1, len(toks) - 1):
                    if text_slice(toks[k:]) in forms:
                        sp = doc[toks[k].i : sp.end]
                        sp.label_ = PERSON
                        break
            out.append(sp)
        self._persons, self._person_ends = out, [sp.end for sp in out]
        return out

    def _collect_people(self) -> None:
        doc = self.doc
        sent_of = self._sent_of
        for span in self._person_spans():
            name_toks = name_tokens(span, self.titles)
            if not name_toks:
                continue
            name = POSSESSIVE.sub("", text_slice(name_toks)).strip()
            if not name or not name[0].isupper():
                continue
            surname = name.split()[-1].lower()
            gender = mention_gender(span, name)
            ent = self._person_for(name, surname, span.start, gender)
            if gender:
                self._evidence.setdefault(id(ent), set()).add(gender)
            ent.positions.append(span.start)
            self._add_name(ent, name, doc[name_toks[0].i : name_toks[-1].i + 1])
            self._add_title(ent, span)
            if ent.gender is None:
                prev = doc[span.start - 1].lower_ if span.start > 0 else ""
                ent.gender = honorifics().get(prev) or honorifics().get(span[0].lower_)
            if not self._inside_quote(span.start_char):
                subject = _subject_word(span.root)
                self.person_mentions.append(Mention(span.start, ent, subject, sent_of[span.start]))
        for ent in self.entities:
            self._complete_name(ent)
        self._collect_echoes()
        self.person_mentions.sort(key=lambda m: m.token)
        self._gender_from_pronouns()

    def _gender_from_pronouns(self) -> None:
        """The text's own pronouns correct or fill in a gender (:func:`voted_genders`)."""
        mentions = [(m.token, m.entity, m.subject) for m in self.person_mentions]
        voted_genders(self.doc, mentions, self.entities, self._inside_quote)

    def _collect_echoes(self) -> None:
        """One name, one person: a one-word name the tagger missed or misread (``Tyler`` as
        ORG, ``Dahl`` as a noun) is the person so named; a known first name alone is one."""
        by_word: dict[str, Entity | None] = {}
        for ent in self.entities:
            for name in ent.names:
                parts = name.split()
                for word in {parts[0], parts[-1]}:
                    key = word.lower()
                    by_word[key] = ent if by_word.get(key, ent) is ent else None
        described: dict[str, Entity] = {}
        self._relations: dict[str, Entity] = {}  # "her husband" -> Pieter, by the apposition
        # every case below is a name or a gendered noun (the other nouns do nothing)
        for t in names_and_gendered_nouns(self.doc):
            if t.pos_ == "NOUN" and t.lower_ in gendered_nouns() and not self._inside_quote(t.idx):
                # "she had been a stupid girl": no one new; "her brother, Sam,": Sam
                if not self._apposed_person(t) and t.dep_ not in _PREDICATIVE:
                    self._described_person(t, described)  # "her father", "the actress"
                continue
            if kin_as_name(t) and not self._inside_quote(t.idx):
                self._described_person(t, described)  # "Grandfather lowered his paper"
                continue
            if t.ent_type_ == PERSON or not t.text[:1].isupper():
                continue  # (a word not a proper noun here is one misread: "Dahl frowned")
            if t.ent_iob_ == "B" and t.i + 1 < len(self.doc) and self.doc[t.i + 1].ent_iob_ == "I":
                continue  # the first word of a longer entity ("Tyler Street")
            if t.ent_iob_ == "I" or self._inside_quote(t.idx):
                continue
            echo = by_word.get(t.lower_)
            if (
                echo is None
                and t.pos_ == "PROPN"  # a misread word is only a known name
                and not t.ent_type_  # "America" tagged GPE is no first name
                and t.lower_ not in by_word
                and t.lower_ in first_names()
            ):
                echo = self._person_for(t.text, t.lower_, t.i)
                self._add_name(echo, t.text, self.doc[t.i : t.i + 1])
                self._add_title(echo, self.doc[t.i : t.i + 1])  # "Ana, a nurse,"
                self._complete_name(echo)
                by_word[t.lower_] = echo
            elif echo is not None and self._firm_conflict(
                echo, vote := subject_pronoun(self.doc[t.i : t.i + 1], self._inside_quote)
            ):
                echo = self._new(SpeakerKind.PERSON)  # "Mrs. Claus" named, then "Santa ... he"
                self._add_name(echo, t.text, self.doc[t.i : t.i + 1])
                echo.gender = vote
                by_word[t.lower_] = echo
            if echo is None or t.i in echo.positions:
                continue
            echo.positions.append(t.i)
            self.person_mentions.append(
                Mention(t.i, echo, t.dep_ in ("nsubj", "nsubjpass"), self._sent_of[t.i])
            )

    def _apposed_person(self, noun: Token) -> bool:
        """``her brother, Sam,``: the person named is the brother, not a second person, and
        takes the noun's gender if it has none; a name the tagger did not take for a
        person's (``His aunt, Odile Ferrand,`` tagged ORG) is one. False if no name."""
        if (name := apposed_name(noun)) is None or self._inside_quote(name.idx):
            return False
        s, e = mention_span(name)
        named = [ent for ent in self.entities if any(p in ent.positions for p in range(s, e))]
        if not named:
            text = POSSESSIVE.sub("", self.doc[s:e].text).strip()
            if not text:
                return False
            named = [self._person_for(text, text.split()[-1].lower(), s)]
            self._add_name(named[0], text, self.doc[s:e])
            self._add_title(named[0], self.doc[s:e])
            named[0].positions.append(s)
            self.person_mentions.append(Mention(s, named[0], _subject_word(name), self._sent_of[s]))
        for ent in named:  # not over a guess: a surname may join a wife to her husband
            ent.gender = ent.gender or gendered_nouns()[noun.lower_]
        key = strip_det(self.doc[noun.left_edge.i : noun.i + 1].text).lower()
        self._relations.setdefault(key, named[0])
        return True

    def _described_person(self, noun: Token, described: dict[str, Entity]) -> None:
        """A person named by a gendered noun (``her father``): an antecedent for *he*."""
        s, e = mention_span(noun)
        if e - s > 4:
            return
        words = strip_det(self.doc[s:e].text)
        if (named := self._relations.get(words.lower())) is not None:
            named.relation_at.append(noun.i)  # the name given with it before
        ent = described.get(words.lower())
        if ent is None:
            ent = self._new(SpeakerKind.PERSON)
            ent.gender = gendered_nouns()[noun.lower_]
            self._add_name(ent, words or self.doc[s:e].text, self.doc[s:e])  # "her father"
            described[words.lower()] = ent
        ent.positions.append(noun.i)
        self.person_mentions.append(
            Mention(noun.i, ent, noun.dep_ in ("nsubj", "nsubjpass"), self._sent_of[noun.i])
        )

    @staticmethod
    def _complete_name(ent: Entity) -> None:
        """Guess a person's gender from a first name in the packaged table (when unknown)."""
        if ent.kind is SpeakerKind.PERSON and ent.gender is None:
            gender = guessed_gender(ent.names)
            if gender:
                ent.gender, ent.gender_guessed = gender, True

    def _add_title(self, ent: Entity, span: Span) -> None:
        """Keep the best title: an apposition beats a pre-modifier (not a role the name is
        apposed to: ``His boss, chief executive Ty Roe``), the first of each wins, and a
        role no title word names (``Edda Morn, a baker``) beats none or a bare *Dr.*"""
        t = self.titles
        own = premodifier_title(span, t)
        role = own_role_apposed(span, own)
        appos = appositive_title(span, t) or (None if role else apposed_to_title(span, t))
        if appos and not ent.title_from_appos:
            ent.honorific = ent.title or own
            ent.title, ent.title_from_appos = appos, True
        elif ent.title is None:
            ent.title = own
        bare = ent.title is None or ent.title.lower() in pronoun_set("neutral_honorifics")
        if bare and (described := appositive_title(span, t, described=True)):  # "Dr. X, a vet"
            ent.honorific, ent.title = ent.title, described
        form = organization_form(ent.title, span) if ent.title else None  # not "Talk show host"
        titled = self.title_org(form, span, reach=12) if form else ent.organization
        ent.organization = titled or organization_of_name(span)

    def title_org(self, title: str | None, mention: Span, reach: int = 0) -> str | None:
        """The body a title names, unless a person near ``mention`` (``Berg's neighbour``)."""
        near = mention.doc[max(0, mention.start - reach) : mention.end + reach]
        return unless_person(organization_from_title(title, self.titles), near, self.by_surname)

    def _conflicts(self, ent: Entity, gender: str | None) -> bool:
        """A mention of ``gender`` cannot be ``ent`` when ``ent``'s mentions gave another."""
        seen = self._evidence.get(id(ent), set())
        return gender is not None and any(g != gender for g in seen)

    @staticmethod
    def _firm_conflict(ent: Entity, gender: str | None) -> bool:
        """``ent``'s gender, from an honorific or a gendered noun, is not ``gender``."""
        return bool(gender and ent.gender and not ent.gender_guessed and ent.gender != gender)

    def _person_for(
        self, name: str, surname: str, position: int, gender: str | None = None
    ) -> Entity:
        """The entity of an earlier mention sharing the surname (the latest first; a surname
        alone: :func:`~.speaker_kin.bare_surname_order`), unless the first names differ or
        the genders conflict (``Mrs. Claus`` is not ``Mr. Claus``). A generational suffix
        is no surname (``Ann Okonjo Jr.``: *Okonjo*)."""
        parts, surname = without_suffix(name.split(), surname)
        candidates: Sequence[Entity] = self.by_surname.get(surname, [])
        if len(parts) == 1 and position > 0:  # "the elder Lee": one of two Lees, or neither
            candidates = generation_member(self.doc[position], candidates)
        if not candidates and len(parts) == 1:
            known = self._by_first_name(parts[0], gender)
            if known is not None:  # "Ruth Amsel ... Ruth said": Ruth Amsel
                self.by_surname.setdefault(surname, []).append(known)
                return known
        order = sorted(candidates, key=lambda x: -x.positions.last())
        if len(parts) == 1 and len(order) > 1:  # "Brandt said": which of the Brandts
            head = self.doc[position]
            order = bare_surname_order(order, head, self._evidence, self.person_mentions)
        for ent in order:
            if self._conflicts(ent, gender):
                continue
            full = (ent.name or "").split()
            if len(parts) == 1 or len(full) == 1 or full[0].lower() == parts[0].lower():
                return ent
        ent = self._new(SpeakerKind.PERSON)
        self.by_surname.setdefault(surname, []).append(ent)
        return ent

    def body_named(self, ent_span: Span) -> tuple[Entity, bool]:
        """The organization an entity span names, and whether the span shortens a name
        met before (:func:`~quotecraft.speaker_orgs.longer_body`); a new entity the first time."""
        k = bisect_right(self._ent_ends, ent_span.start)
        named = longer_body(ent_span, self._ents[:k])
        key = strip_det(named.text).lower()
        ent = self.by_org.get(key)
        if ent is None:
            ent = self.by_org[key] = self._new(SpeakerKind.ORGANIZATION)
            first = named[0]
            # "The Canadian Press" keeps its capitalized article; "the Kremlin" does not
            kept = first.text == "The" and not first.is_sent_start
            name = named.text if kept else strip_det(named.text)
            self._add_name(ent, POSSESSIVE.sub("", name).strip(), named)
        return ent, named is not ent_span

    def _by_first_name(self, word: str, gender: str | None) -> Entity | None:
        """The one person whose full name opens with ``word`` (``Ruth Amsel``, then ``Ruth
        said``), unless the text writes ``word`` as a surname or the genders conflict; see
        :mod:`quotecraft.speaker_first_names`."""
        if self._titled_words is None:
            self._titled_words = titled_surnames(self.doc, title_sets(self.titles)[1])
        if word.lower() in self._titled_words:
            return None  # "Mr. Obama", "President Obama": a surname, never a first name
        people = ((e, e.names) for e in self.entities if e.kind is SpeakerKind.PERSON)
        found = first_name_holders(people, word, self._lowercase)
        if len(found) != 1 or self._conflicts(found[0], gender):
            return None
        return found[0]

    def _add_name(self, ent: Entity, name: str, where: Span) -> None:
        """Give ``ent`` the name ``name``, found at ``where`` (kept for ``Speaker.name_mention``)."""
        if name not in ent.names:
            ent.names.append(name)
        ent.name_at.setdefault(name, (where.start_char, where.end_char))

    @staticmethod
    def _name_resolution(ent: Entity, name: str) -> Resolution:
        """Named when the mention gives the entity's full name, else by surname."""
        best = ent.name or ""
        return Resolution.NAMED if len(name.split()) >= len(best.split()) else Resolution.SURNAME

    def _seen(self, ent: Entity, head: Token) -> Entity:
        """Record a resolved mention of a person or group, so later pronouns can find it."""
        plural = ent.kind is SpeakerKind.GROUP or ent.gender == "plural"
        if (ent.kind is SpeakerKind.PERSON or plural) and head.pos_ != "PRON":
            if head.i not in ent.positions:
                ent.positions.append(head.i)
            k = bisect_left(self.person_mentions, head.i, key=lambda m: m.token)
            known = k < len(self.person_mentions) and self.person_mentions[k].token == head.i
            if not self._inside_quote(head.idx) and not known:
                self.person_mentions.insert(
                    k,
                    Mention(
                        head.i,
                        ent,
                        head.dep_ in ("nsubj", "nsubjpass"),
                        self._sent_of[head.i],
                    ),
                )
        return ent

    def _by_title(self, head: str, before: int, modifiers: Sequence[Token]) -> Entity | None:
        """The entity last seen before ``before`` whose title has ``head`` and every place
        and title word of ``modifiers`` outside a possessive (``the Vermont senator`` is no
        senator the text places elsewhere; ``Lee's spokesman`` may be any), most first."""
        mods = [t.lower_ for t in modifiers if t.lower_ not in DET]
        required = placing_words(modifiers, self.titles)
        for ent in self._retitled:  # titles set since the last call: index their words
            for word in title_words(ent.titles) if ent.titles else ():
                self._title_index.setdefault(word, {})[int(ent.id[1:])] = ent
        self._retitled.clear()
        best: Entity | None = None
        best_score = (-1, -1)
        candidates = self._title_index.get(head, {})
        for _, ent in sorted(candidates.items()):  # in creation order, as self.entities
            tl = ent.titles
            if not tl:
                continue
            if head not in title_words(tl) or any(w not in tl for w in required):
                continue
            pos = ent.positions.last_before(before)
            if pos < 0:
                continue
            score = (sum(1 for m in mods if m in tl), pos)
            if score > best_score:
                best, best_score = ent, score
        return best


def _subject_word(tok: Token) -> bool:
    """A subject, or a name in apposition to one (``The deputy treasurer, Lee Chan,
    disagreed``: Lee Chan is the subject)."""
    if tok.dep_ == "appos":
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass")
