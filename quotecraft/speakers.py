"""Stage 4: resolve speaker mentions to entities with names, titles and organizations.

Names come from the text only (no table of people ships with the library). Every
PERSON entity of the article becomes (or joins) an entity cluster: full names,
surnames, ``Mr./Ms./Dr. X`` and possessives share one ``Speaker.id``; the cluster's
``name`` is its longest full name, a slice of the text (hyphens, apostrophes and
diacritics kept, titles and honorifics removed). Titles come from pre-modifiers
(``former NATO Secretary-General Jens Stoltenberg``) and appositions, anywhere in the
article; the organization is parsed out of the title.

A mention at a quote goes through a sieve, in order of precision; each step is one
method of :class:`Resolver` and says how it resolved (``Speaker.resolution``):

1. a relative pronoun (``Ann Lee, who said``) takes its antecedent's resolution;
2. a pronoun: agreement (gender from pronouns, honorifics, gendered nouns and a
   first-name table; number) and salience (same sentence, previous speaker, subject
   of a recent sentence); first person outside quotations is the document's author
   when a byline, an interview heading or a letter's signature names one;
3. a name apposed to a description, a PERSON entity, a surname or first name of an
   entity named earlier, a name after a title;
4. a description whose head is an earlier entity's title (``the minister``);
5. organizations; else the mention stays unresolved, named by its normalized words.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

from attrs import define, field
from spacy.tokens import Doc, Span, Token

from .context import sentence_ids
from .kb import KnowledgeBase
from .records import Link, Resolution, SpeakerKind, TextSpan
from .records import Speaker as SpeakerRecord
from .resources import data_json, data_tsv
from .titles import TitleLexicon, Titles, packaged_titles
from .wordlists import word_list

_PERSON = "PERSON"
_ORG_LABELS = frozenset({"ORG", "NORP", "GPE", "FAC"})
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_DET = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_VOCATIVE = re.compile(r"^\W*(?P<a>[A-Z][\w'’-]+),|,\s+(?P<b>[A-Z][\w'’-]+)\W*$")
_PRONOUN_REACH = 12
"""How many sentences back a pronoun looks for an antecedent that is the only one agreeing."""
_BODY_TAIL = re.compile(r"\b(?:of|for|at|with)\s+(?:the\s+)?((?:[\w.&’'-]+\s+){0,4}([\w-]+))\s*$")
"""A lowercase body after a role: ``for the French foreign ministry``."""
_NOT_NAME_POS = frozenset({"VERB", "AUX", "INTJ", "ADV", "ADP", "DET", "PRON", "SCONJ", "CCONJ"})
"""Parts of speech a tagger's PERSON entity may wrongly start with."""
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_FIRST_SINGULAR = frozenset({"i", "me", "my"})
_BYLINE = re.compile(r"^\s*(?:by|written by)\s+(.{2,60}?)\s*$", re.IGNORECASE)
_VALEDICTION = re.compile(
    r"^\s*(?:(?:with\s+)?(?:love|best|warm|kind)\b.*|(?:yours|sincerely|regards|cheers|"
    r"faithfully|respectfully|cordially|stay in touch)\b.*|.*,)\s*$",
    re.IGNORECASE,
)
_ORG_TAIL = re.compile(
    r"\b(?:of|for|at|with)\s+(?:the\s+)?([A-Z][\w.&’'-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w.&’'-]*)*)\s*$"
)


def _title_sets(titles: Titles | None) -> Titles:
    return packaged_titles() if titles is None else titles


@cache
def _pronouns() -> dict[str, str]:
    data = data_json("pronouns.json")
    out = {}
    for gender in ("male", "female", "plural", "neuter", "first_person", "second_person"):
        for p in data[gender]:
            out[p] = gender
    return out


@cache
def _pronoun_set(kind: str) -> frozenset[str]:
    """The pronouns of one kind in ``pronouns.json`` (``second_person``...)."""
    return frozenset(data_json("pronouns.json")[kind])


@cache
def _honorifics() -> dict[str, str]:
    return dict(data_json("pronouns.json")["honorifics"])


@cache
def _gendered_nouns() -> dict[str, str]:
    """Nouns that say a person's gender (``mother``, ``chairman``, ``actress``)."""
    return dict(data_json("pronouns.json")["gendered_nouns"])


@cache
def _first_names() -> dict[str, str]:
    """First name (lowercase) -> usual gender, from ``data/first_names.tsv`` (US Census 1990)."""
    return {row[0]: row[1] for row in data_tsv("first_names.tsv") if len(row) > 1}


def _slice(toks: Sequence[Token]) -> str:
    """The text from the first to the last token, as written (hyphens and apostrophes kept)."""
    if not toks:
        return ""
    # a Span's text, not Doc.text: spaCy rebuilds Doc.text from every token on each access
    return toks[0].doc[toks[0].i : toks[-1].i + 1].text


def _retitled(ent: Entity, _attribute: Any, value: str | None) -> str | None:
    """attrs hook: tell the resolver that ``ent`` has a new title (for its title index)."""
    if ent.retitled is not None:
        ent.retitled.append(ent)
    return value


@cache
def _title_words(title: str) -> tuple[str, ...]:
    return tuple(re.split(r"[\s-]+", title))


class Positions(list[int]):
    """Token positions of an entity's mentions, in the order they were added.

    Also keeps them as a set and sorted, so ``in``, the last position and the last
    position before a token take constant or logarithmic time, not a scan.
    """

    def __init__(self, items: Iterable[int] = ()) -> None:
        super().__init__(items)
        self.seen = set(self)
        self.ordered = sorted(self)

    def append(self, p: int) -> None:
        super().append(p)
        self.seen.add(p)
        insort(self.ordered, p)

    def __contains__(self, p: object) -> bool:
        return p in self.seen

    def last(self, default: int = 0) -> int:
        """The largest position (``default`` when there is none)."""
        return self.ordered[-1] if self.ordered else default

    def last_before(self, token: int) -> int:
        """The largest position before ``token``, or -1."""
        k = bisect_left(self.ordered, token)
        return self.ordered[k - 1] if k else -1


@define
class Entity:
    """A cluster of mentions of one speaker."""

    id: str
    kind: SpeakerKind
    names: list[str] = field(factory=list)
    title: str | None = field(default=None, on_setattr=_retitled)
    title_from_appos: bool = False
    organization: str | None = None
    gender: str | None = None
    positions: Positions = field(factory=Positions)
    members: list[str] = field(factory=list)
    """The names of a group's members (``Maria and Luis Ortega``)."""
    first_person: bool = False
    """The narrator or a letter's signer: *I* in the narration, never *he* or *she*."""
    name_at: dict[str, tuple[int, int]] = field(factory=dict)
    """Where each name was first given: character offsets of its mention."""
    retitled: list[Entity] | None = field(default=None, repr=False, eq=False)
    """Where a title change is reported (the resolver's list), if anywhere."""

    @property
    def name(self) -> str | None:
        """The longest proper full name of the cluster."""
        if not self.names:
            return None
        multi = [n for n in self.names if len(n.split()) > 1]
        pool = multi or self.names
        return max(pool, key=lambda n: (len(n.split()), len(n)))


@define
class _Query:
    """One mention to resolve: its words, head, and the previous quote's speaker."""

    span: Span
    head: Token
    last_speaker: Entity | None
    gap: int
    """Sentences since the previous quote's speaker was mentioned."""


Found = tuple[Entity, Resolution]
"""What a sieve step finds: the entity and how it was found."""


@define
class _Mention:
    token: int
    entity: Entity
    subject: bool
    sent: int


class Resolver:
    """Resolves mentions in one document. Build one per ``Doc``."""

    takes_titles = True
    """Takes a ``titles`` argument (:func:`quotecraft.builder.speaker_resolver`)."""
    takes_kb = True
    """Takes a ``kb`` argument: a :class:`~quotecraft.kb.KnowledgeBase` to link speakers to."""

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
        self.person_mentions: list[_Mention] = []
        # indexes built once, so each lookup is a bisection, not a scan of the document
        self._quote_spans = _merged(quote_spans)
        self._quote_starts = [s for s, _ in self._quote_spans]
        self._ents = list(doc.ents)
        self._ent_ends = [sp.end for sp in self._ents]
        self._persons: list[Span] | None = None
        self._person_ends: list[int] = []
        # title word -> entities whose title had it (checked again on use), by creation order
        self._title_index: dict[str, dict[int, Entity]] = {}
        self._retitled: list[Entity] = []
        self._how: dict[tuple[int, int], Resolution] = {}
        self._voice: Entity | bool | None = False  # False: not looked for yet
        self._is_interview = False
        self._lines: list[tuple[int, int, str]] | None = None
        self.source_text: str | None = None
        """The text before boilerplate was blanked (bylines, signatures), when the pipeline gives it."""
        self._collect_people()

    # -- building the entity table ---------------------------------------------------------

    def _inside_quote(self, char: int) -> bool:
        k = bisect_right(self._quote_starts, char) - 1
        return k >= 0 and char < self._quote_spans[k][1]

    def _new(self, kind: SpeakerKind) -> Entity:
        ent = Entity(id=f"S{len(self.entities) + 1}", kind=kind, retitled=self._retitled)
        self.entities.append(ent)
        return ent

    def _person_spans(self) -> list[Span]:
        """PERSON entities, trimmed to a shorter form seen elsewhere (``Secretariat Jo Lee``)."""
        if self._persons is not None:
            return self._persons
        doc = self.doc
        spans = [sp for sp in self._ents if sp.label_ == _PERSON or _first_name_entity(sp)]
        forms = {_slice(_name_tokens(sp, self.titles)) for sp in spans}
        out = []
        for sp in spans:
            toks = _name_tokens(sp, self.titles)
            if not _looks_like_name(toks):
                continue  # "(D-Mass.)", "R-OH": a party and state tag, not a name
            if len(toks) >= 3:
                for k in range(1, len(toks) - 1):
                    if _slice(toks[k:]) in forms:
                        sp = doc[toks[k].i : sp.end]
                        sp.label_ = _PERSON
                        break
            out.append(sp)
        self._persons, self._person_ends = out, [sp.end for sp in out]
        return out

    def _collect_people(self) -> None:
        doc = self.doc
        sent_of = self._sent_of
        for span in self._person_spans():
            name_tokens = _name_tokens(span, self.titles)
            if not name_tokens:
                continue
            name = _POSSESSIVE.sub("", _slice(name_tokens)).strip()
            if not name or not name[0].isupper():
                continue
            surname = name.split()[-1].lower()
            ent = self._person_for(name, surname, span.start)
            ent.positions.append(span.start)
            self._add_name(ent, name, doc[name_tokens[0].i : name_tokens[-1].i + 1])
            self._add_title(ent, span)
            if ent.gender is None:
                prev = doc[span.start - 1].lower_ if span.start > 0 else ""
                ent.gender = _honorifics().get(prev) or _honorifics().get(span[0].lower_)
            if not self._inside_quote(span.start_char):
                self.person_mentions.append(
                    _Mention(
                        span.start,
                        ent,
                        span.root.dep_ in ("nsubj", "nsubjpass"),
                        sent_of[span.start],
                    )
                )
        for ent in self.entities:
            self._complete_name(ent)
        self._collect_echoes()
        self.person_mentions.sort(key=lambda m: m.token)

    def _collect_echoes(self) -> None:
        """One name, one person: a person's one-word name the tagger missed or mislabelled
        elsewhere (``Tyler`` as ORG) is that person again; a known first name alone is a person."""
        by_word: dict[str, Entity | None] = {}
        for ent in self.entities:
            for name in ent.names:
                parts = name.split()
                for word in {parts[0], parts[-1]}:
                    key = word.lower()
                    by_word[key] = ent if by_word.get(key, ent) is ent else None
        described: dict[str, Entity] = {}
        for t in self.doc:
            if t.pos_ == "NOUN" and t.lower_ in _gendered_nouns() and not self._inside_quote(t.idx):
                self._described_person(t, described)  # "her father", "the actress"
                continue
            if t.pos_ != "PROPN" or t.ent_type_ == _PERSON or not t.text[:1].isupper():
                continue
            if t.ent_iob_ == "B" and t.i + 1 < len(self.doc) and self.doc[t.i + 1].ent_iob_ == "I":
                continue  # the first word of a longer entity ("Tyler Street")
            if t.ent_iob_ == "I" or self._inside_quote(t.idx):
                continue
            echo = by_word.get(t.lower_)
            if (
                echo is None
                and not t.ent_type_  # "America" tagged GPE is no first name
                and t.lower_ not in by_word
                and t.lower_ in _first_names()
            ):
                echo = self._person_for(t.text, t.lower_, t.i)
                self._add_name(echo, t.text, self.doc[t.i : t.i + 1])
                self._complete_name(echo)
                by_word[t.lower_] = echo
            if echo is None or t.i in echo.positions:
                continue
            echo.positions.append(t.i)
            self.person_mentions.append(
                _Mention(t.i, echo, t.dep_ in ("nsubj", "nsubjpass"), self._sent_of[t.i])
            )

    def _described_person(self, noun: Token, described: dict[str, Entity]) -> None:
        """A person named by a gendered noun (``her father``): an antecedent for *he*."""
        s, e = mention_span(noun)
        if e - s > 4:
            return
        words = _strip_det(self.doc[s:e].text)
        ent = described.get(words.lower())
        if ent is None:
            ent = self._new(SpeakerKind.PERSON)
            ent.gender = _gendered_nouns()[noun.lower_]
            self._add_name(ent, self.doc[s:e].text, self.doc[s:e])
            described[words.lower()] = ent
        ent.positions.append(noun.i)
        self.person_mentions.append(
            _Mention(noun.i, ent, noun.dep_ in ("nsubj", "nsubjpass"), self._sent_of[noun.i])
        )

    @staticmethod
    def _complete_name(ent: Entity) -> None:
        """Guess a person's gender from a first name in the packaged table (when unknown)."""
        if ent.kind is not SpeakerKind.PERSON or ent.gender is not None:
            return
        # a one-word name never seen after a first name is taken as a first name
        alone = all(len(n.split()) == 1 for n in ent.names)
        for name in ent.names:
            parts = name.split()
            if len(parts) > 1 or alone:
                gender = _first_names().get(parts[0].lower())
                if gender:
                    ent.gender = gender
                    return

    def _add_title(self, ent: Entity, span: Span) -> None:
        """Keep the best title: an apposition beats a pre-modifier; the first of each wins."""
        t = self.titles
        appos = _appositive_title(span, t) or _apposed_to_title(span, t)
        if appos and not ent.title_from_appos:
            ent.title, ent.title_from_appos = appos, True
        elif ent.title is None:
            ent.title = _premodifier_title(span, t)
        if ent.title:
            ent.organization = organization_from_title(ent.title, t)

    def _person_for(self, name: str, surname: str, position: int) -> Entity:
        parts = name.split()
        candidates = self.by_surname.get(surname, [])
        for ent in sorted(candidates, key=lambda x: -x.positions.last()):
            full = ent.name or ""
            if (
                len(parts) == 1
                or len(full.split()) == 1
                or full.split()[0].lower() == parts[0].lower()
            ):
                return ent
        ent = self._new(SpeakerKind.PERSON)
        self.by_surname.setdefault(surname, []).append(ent)
        return ent

    # -- resolving one mention -------------------------------------------------------------

    def resolve(
        self,
        bounds: tuple[int, int],
        head_i: int | None,
        *,
        last_speaker: Entity | None = None,
        last_speaker_sent_gap: int = 99,
    ) -> tuple[Entity, tuple[int, int]]:
        """The entity a mention refers to (creating an unnamed one when nothing fits).

        The sieve steps run in order of precision; the first that finds an entity
        wins, and how it found it is kept for :meth:`record` (``Speaker.resolution``).
        """
        self._document_voice()  # known before any pronoun is resolved
        s, e = bounds
        head = self.doc[head_i] if head_i is not None else self.doc[s:e].root
        query = _Query(self.doc[s:e], head, last_speaker, last_speaker_sent_gap)
        for step in (
            self._relative_pronoun,
            self._pronoun,
            self._apposed_name,
            self._group,
            self._named,
            self._surname,
            self._titled_name,
            self._description,
            self._appositive_name,
            self._organization,
        ):
            found = step(query)
            if found is not None:
                break
        else:
            found = self._unnamed(query)
        ent, how = found
        self._how[bounds] = how
        return ent, bounds

    def _relative_pronoun(self, q: _Query) -> Found | None:
        """``Ann Lee, who said``: *who* refers to the noun its clause hangs on."""
        head = q.head
        if head.lower_ not in _RELATIVE or head.head.dep_ != "relcl" or head.head.head.i == head.i:
            return None
        antecedent = head.head.head
        if antecedent.pos_ not in ("NOUN", "PROPN", "PRON"):
            return None
        bounds = mention_span(antecedent)
        ent, _ = self.resolve(bounds, antecedent.i)
        return ent, self._how.get(bounds, Resolution.NAMED)

    def _pronoun(self, q: _Query) -> Found | None:
        """``she said``: the agreeing, salient antecedent, else an unresolved speaker."""
        head = q.head
        kind = _pronouns().get(head.lower_)
        if head.pos_ != "PRON" and kind is None:
            return None
        if kind == "first_person" and head.lower_ in _FIRST_SINGULAR:
            voice = self._voice_for(head)
            if voice is not None:
                return voice, Resolution.PRONOUN
        if kind == "second_person":
            voice = self._voice_for(head) if self._interview() else None
            if voice is not None:
                return voice, Resolution.PRONOUN
        ent = self._resolve_pronoun(head, kind, q.last_speaker, q.gap)
        if ent is not None:
            return ent, Resolution.PRONOUN
        unknown = self._new(SpeakerKind.UNKNOWN)
        unknown.names.append(head.text)
        return unknown, Resolution.UNRESOLVED

    def _apposed_name(self, q: _Query) -> Found | None:
        """``the city's chief engineer, Priya Raman``: the apposed name is the speaker.

        Not when the head is a name itself (``Jo Lee, the General Secretary of NATO``).
        """
        doc, head = self.doc, q.head
        for c in head.children:
            if (
                c.dep_ == "appos"
                and head.ent_type_ != _PERSON
                and not any(t.text == ":" for t in doc[min(head.i, c.i) : max(head.i, c.i)])
                and c.pos_ == "PROPN"
                and c.left_edge.pos_ != "DET"
                and _looks_like_name([t for t in c.subtree if not t.is_punct])
            ):
                name_bounds = mention_span(c)
                ent, _ = self.resolve(name_bounds, c.i)
                if ent.kind is SpeakerKind.UNKNOWN and c.ent_type_ in ("", _PERSON):
                    ent.kind = SpeakerKind.PERSON
                if ent.title is None and head.pos_ == "NOUN":
                    ent.title = _strip_det(doc[q.span.start : head.i + 1].text)
                    ent.organization = organization_from_title(ent.title, self.titles)
                return ent, self._how.get(name_bounds, Resolution.NAMED)
        return None

    def _group(self, q: _Query) -> Found | None:
        """``Maria and Luis Ortega``: coordinated names are one speaker of kind group."""
        head, doc = q.head, self.doc
        conjuncts = [c for c in head.rights if c.dep_ == "conj" and c.i < q.span.end]
        if head.pos_ != "PROPN" or not conjuncts or any(c.pos_ != "PROPN" for c in conjuncts):
            return None
        members = []
        for tok in (head, *conjuncts):
            s, e = mention_span(tok)
            s = max(s, q.span.start)
            toks = [t for t in doc[s:e] if not (t.dep_ in ("cc", "conj") and t.i != tok.i)]
            toks = [t for t in toks if t.i <= tok.i]
            members.append(_POSSESSIVE.sub("", _slice(_name_tokens(doc[toks[0].i : tok.i + 1]))))
        last = members[-1].split()
        if len(last) > 1:  # "Maria and Luis Ortega": Maria Ortega
            members = [m if len(m.split()) > 1 else f"{m} {last[-1]}" for m in members]
        key = " & ".join(members).lower()
        ent = self.by_org.get(key)
        if ent is None:
            ent = self._new(SpeakerKind.GROUP)
            ent.members = members
            self.by_org[key] = ent
            first = _name_tokens(doc[q.span.start : head.i + 1])
            start = first[0].i if first else q.span.start
            self._add_name(ent, _slice(list(doc[start : q.span.end])), doc[start : q.span.end])
        return ent, Resolution.NAMED

    def _named(self, q: _Query) -> Found | None:
        """A PERSON entity inside the mention, unless it is the possessor of the head.

        ``Mayor Ann Lee's spokesperson`` is the spokesperson, not Ann Lee.
        """
        s, e = q.span.start, q.span.end
        possessor = {t.i for c in q.head.children if c.dep_ == "poss" for t in c.subtree}
        persons = self._person_spans()
        for k in range(bisect_right(self._person_ends, s), len(persons)):
            ent_span = persons[k]
            if ent_span.start >= e:
                break
            if s < ent_span.end and ent_span.root.i not in possessor:
                name = _POSSESSIVE.sub("", _slice(_name_tokens(ent_span, self.titles))).strip()
                if name:
                    person = self._person_for(name, name.split()[-1].lower(), ent_span.start)
                    toks = _name_tokens(ent_span, self.titles)
                    self._add_name(person, name, self.doc[toks[0].i : toks[-1].i + 1])
                    self._add_title(person, ent_span)
                    self._complete_name(person)
                    return self._seen(person, q.head), self._name_resolution(person, name)
        return None

    def _surname(self, q: _Query) -> Found | None:
        """A surname or first name of a person named earlier (``Lee said``)."""
        if q.head.pos_ not in ("PROPN", "NOUN") or not q.head.text[:1].isupper():
            return None
        key = _POSSESSIVE.sub("", q.head.text).lower()
        if key in self.by_surname:
            ent = self.by_surname[key][-1]
            return self._seen(ent, q.head), self._name_resolution(ent, q.head.text)
        return None

    def _titled_name(self, q: _Query) -> Found | None:
        """A name after a title the tagger did not see as a person (``spokesman Oleg Nikolenko``)."""
        span, head = q.span, q.head
        _, words, _ = _title_sets(self.titles)
        if head.pos_ != "PROPN" or not span.start <= head.i < span.end:
            return None  # (a head trimmed off its mention as punctuation: "〞" tagged PROPN)
        toks = list(span)
        k = head.i - span.start
        j = k
        while j > 0 and toks[j - 1].pos_ == "PROPN" and toks[j - 1].lower_ not in words:
            j -= 1
        if j == 0 or toks[j - 1].lower_ not in words or k - j > 3:
            return None
        name = _POSSESSIVE.sub("", _slice(toks[j : k + 1])).strip()
        if not name:
            return None
        ent = self._person_for(name, name.split()[-1].lower(), toks[j].i)
        self._add_name(ent, name, span.doc[toks[j].i : head.i + 1])
        if ent.title is None:
            title_toks = toks[:j]
            while title_toks and title_toks[0].lower_ in _DET:
                title_toks = title_toks[1:]
            if title_toks:
                ent.title = span.doc[title_toks[0].i : toks[j].i].text
                ent.organization = organization_from_title(ent.title, self.titles)
        self._complete_name(ent)
        return self._seen(ent, head), self._name_resolution(ent, name)

    def _description(self, q: _Query) -> Found | None:
        """``the minister``: the most recent entity whose title has the same head word."""
        head = q.head
        _, words, _ = _title_sets(self.titles)
        head_low = head.lemma_.lower()
        if head.pos_ != "NOUN" or (head_low not in words and head.lower_ not in words):
            return None
        mods = [t.lower_ for t in q.span if t.i != head.i]
        best = self._by_title(head_low, q.span.start, mods)
        if best is None and head.lower_ != head_low:
            best = self._by_title(head.lower_, q.span.start, mods)
        return (best, Resolution.DESCRIPTION) if best is not None else None

    def _appositive_name(self, q: _Query) -> Found | None:
        """A name the tagger missed, with a person's title in apposition (``Smith, the council leader,``)."""
        span, head = q.span, q.head
        if head.pos_ != "PROPN":
            return None
        appos = _appositive_title(span, self.titles) or _apposed_to_title(span, self.titles)
        if not appos:
            return None
        name = _POSSESSIVE.sub("", _strip_det(span.text)).strip()
        if not name:
            return None
        person = self._person_for(name, name.split()[-1].lower(), head.i)
        self._add_name(person, name, span)
        if not person.title_from_appos:
            person.title, person.title_from_appos = appos, True
            person.organization = organization_from_title(appos, self.titles)
        return self._seen(person, head), Resolution.NAMED

    def _organization(self, q: _Query) -> Found | None:
        """An ORG/NORP/GPE/FAC entity at the head (``the Kremlin``, ``NATO``)."""
        head = q.head
        k = bisect_right(self._ent_ends, head.i)
        for ent_span in self._ents[k : k + 1]:
            if ent_span.label_ in _ORG_LABELS and ent_span.start <= head.i < ent_span.end:
                key = _strip_det(ent_span.text).lower()
                ent = self.by_org.get(key)
                if ent is None:
                    ent = self._new(SpeakerKind.ORGANIZATION)
                    self.by_org[key] = ent
                    first = ent_span[0]
                    # "The Canadian Press" keeps its capitalized article; "the Kremlin" does not
                    kept = first.text == "The" and not first.is_sent_start
                    name = ent_span.text if kept else _strip_det(ent_span.text)
                    self._add_name(ent, _POSSESSIVE.sub("", name).strip(), ent_span)
                return ent, Resolution.NAMED
        return None

    def _unnamed(self, q: _Query) -> Found:
        """No name in the text: a group, an unnamed person or body; named by its mention."""
        span, head = q.span, q.head
        _, words, _ = _title_sets(self.titles)
        head_low, low = head.lemma_.lower(), head.lower_
        groups = word_list("groups")
        if head_low in groups or low in groups:
            kind = SpeakerKind.GROUP
        elif head.pos_ == "NOUN" and (head_low in words or low in words):
            kind = SpeakerKind.GROUP if head.tag_ == "NNS" else SpeakerKind.PERSON
        elif head_low in word_list("organization_nouns"):
            kind = SpeakerKind.ORGANIZATION
        elif low in _gendered_nouns() or head_low in _gendered_nouns():
            kind = SpeakerKind.PERSON  # "her father", "the actress"
        else:
            kind = SpeakerKind.UNKNOWN
        ent = self._new(kind)
        ent.gender = _gendered_nouns().get(low) or _gendered_nouns().get(head_low)
        if kind is SpeakerKind.PERSON:
            ent.title = _strip_det(span.text)
            ent.organization = organization_from_title(ent.title, self.titles)
        else:
            ent.names.append(_strip_det(span.text) or span.text)
            if kind is SpeakerKind.GROUP:
                ent.organization = organization_from_title(span.text, self.titles)
        if kind is SpeakerKind.PERSON or ent.gender:
            self._seen(ent, head)
        return ent, Resolution.UNRESOLVED

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
        """Record a resolved person mention, so later pronouns can find it."""
        if ent.kind is SpeakerKind.PERSON and head.pos_ != "PRON":
            if head.i not in ent.positions:
                ent.positions.append(head.i)
            k = bisect_left(self.person_mentions, head.i, key=lambda m: m.token)
            known = k < len(self.person_mentions) and self.person_mentions[k].token == head.i
            if not self._inside_quote(head.idx) and not known:
                self.person_mentions.insert(
                    k,
                    _Mention(
                        head.i,
                        ent,
                        head.dep_ in ("nsubj", "nsubjpass"),
                        self._sent_of[head.i],
                    ),
                )
        return ent

    def _by_title(self, head: str, before: int, modifiers: list[str]) -> Entity | None:
        for ent in self._retitled:  # titles set since the last call: index their words
            for word in _title_words(ent.title.lower()) if ent.title else ():
                self._title_index.setdefault(word, {})[int(ent.id[1:])] = ent
        self._retitled.clear()
        best: Entity | None = None
        best_score = (-1, -1)
        candidates = self._title_index.get(head, {})
        for _, ent in sorted(candidates.items()):  # in creation order, as self.entities
            if not ent.title:
                continue
            tl = ent.title.lower()
            if head not in _title_words(tl):
                continue
            pos = ent.positions.last_before(before)
            if pos < 0:
                continue
            mods = sum(1 for m in modifiers if m not in _DET and m in tl)
            score = (mods, pos)
            if score > best_score:
                best, best_score = ent, score
        return best

    def _resolve_pronoun(
        self, pron_tok: Token, gender: str | None, last_speaker: Entity | None, gap: int
    ) -> Entity | None:
        if gender not in ("male", "female", "plural"):
            return None
        sent = self._sent_of[pron_tok.i]

        def compatible(ent: Entity) -> bool:
            if gender == "plural":
                return ent.kind in (SpeakerKind.ORGANIZATION, SpeakerKind.GROUP)
            return (
                ent.kind is SpeakerKind.PERSON
                and ent.gender in (None, gender)
                and not ent.first_person
            )

        # only mentions of the last few sentences can matter (person_mentions is in text order)
        hi = bisect_left(self.person_mentions, pron_tok.i, key=lambda m: m.token)
        lo = bisect_left(self.person_mentions, sent - _PRONOUN_REACH, hi=hi, key=lambda m: m.sent)
        before = [m for m in self.person_mentions[lo:hi] if compatible(m.entity)]
        same_sentence = [m for m in before if m.sent == sent]
        if same_sentence:
            return self._adopt(same_sentence[-1].entity, gender)
        if last_speaker is not None and gap <= 3 and compatible(last_speaker):
            return self._adopt(last_speaker, gender)
        near = [m for m in before if sent - m.sent <= 4]
        subjects = [m for m in near if m.subject]
        if subjects:
            return self._adopt(subjects[-1].entity, gender)
        if near:
            return self._adopt(near[-1].entity, gender)
        # farther back, only an antecedent that is the one agreeing person in reach
        agreeing = [m for m in before if m.entity.gender == gender]
        distinct = {id(m.entity): m.entity for m in agreeing}
        if gender != "plural" and len(distinct) == 1:
            return next(iter(distinct.values()))
        return None

    @staticmethod
    def _adopt(ent: Entity, gender: str | None) -> Entity:
        if gender in ("male", "female") and ent.gender is None:
            ent.gender = gender
        return ent

    def record(self, ent: Entity, bounds: tuple[int, int] | None, text: str) -> SpeakerRecord:
        """A :class:`~quotecraft.records.Speaker` for ``ent`` as mentioned at ``bounds``.

        The name is never empty when there is a mention: without a name in the text
        it is the normalized description (``prime minister``).
        """
        mention = None
        if bounds is not None:
            s, e = bounds
            span = self.doc[s:e]
            mention = TextSpan(
                span.start_char, span.end_char, text[span.start_char : span.end_char]
            )
        name = ent.name
        name_mention = None
        if name is not None and name in ent.name_at:
            ns, ne = ent.name_at[name]
            name_mention = TextSpan(ns, ne, text[ns:ne])
        elif name is None and mention is not None:
            name = ent.title or _strip_det(mention.text) or mention.text
        how = self._how.get(bounds) if bounds is not None else None
        if how is None:
            how = Resolution.NAMED if name_mention is not None else Resolution.UNRESOLVED
        link = None
        if self.kb is not None and ent.kind is SpeakerKind.PERSON and ent.name:
            entry = self.kb.link(ent.name, gender=ent.gender, title=ent.title)
            link = Link(entry.name, entry.id) if entry is not None else None
        return SpeakerRecord(
            id=ent.id,
            name=name,
            link=link,
            title=ent.title,
            organization=ent.organization,
            kind=ent.kind,
            mention=mention,
            resolution=how,
            name_mention=name_mention,
            members=tuple(ent.members),
        )

    # -- the document's own voice (first person outside quotations) ----------------------

    def _voice_for(self, pron: Token) -> Entity | None:
        """The author or narrator for *I* (in an interview, *you* in a question) outside quotations.

        In an interview, a question's *I* is the interviewer's, who is not named.
        """
        if self._inside_quote(pron.idx):
            return None
        voice = self._document_voice()
        if voice is None:
            return None
        if self._is_interview:
            question = self._line_of(pron.idx).endswith("?")
            if question != (pron.lower_ in _pronoun_set("second_person")):
                return None
        return voice

    def _interview(self) -> bool:
        """True when the heading says the document is an interview with a named person."""
        self._document_voice()
        return self._is_interview

    def _line_of(self, char: int) -> str:
        """The text of the line holding ``char``."""
        lines = self._text_lines()
        k = bisect_right([s for s, _, _ in lines], char) - 1
        return lines[k][2] if k >= 0 else ""

    def _text_lines(self) -> list[tuple[int, int, str]]:
        if self._lines is None:
            self._lines = _lines(self.source_text or self.doc.text)
        return self._lines

    def _document_voice(self) -> Entity | None:
        """The person who writes or speaks in the first person, found once per document.

        A story told in the first person (mostly dialogue) has a narrator named by
        the other characters; other texts have a byline, an interview heading or a
        letter's signature.
        """
        if self._voice is not False:
            return self._voice if isinstance(self._voice, Entity) else None
        self._voice = None
        lines = self._text_lines()
        if _is_dialogue(lines):
            candidates = [(self._narrator(), True)]
        else:
            candidates = [
                (self._byline(lines), False),
                (self._interviewee(lines), False),
                (self._signature(lines), True),
            ]
        for found, first_person in candidates:
            ent = self._voice_entity(*found) if found is not None else None
            if ent is not None:
                ent.first_person = first_person
                self._voice = ent
                break
        return self._voice

    def _voice_entity(self, start: int, end: int) -> Entity | None:
        """The person named at ``start:end``, in the parse or, for a blanked byline, the text."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is not None and span.text.strip():
            if not _looks_like_name(list(span)):
                return None
            name = _POSSESSIVE.sub("", _slice(_name_tokens(span, self.titles))).strip()
            where = (span.start_char, span.end_char)
        else:  # a byline the segmenter blanked as boilerplate: the words as written
            name = (self.source_text or "")[start:end].strip()
            words = name.split()
            if not words or len(words) > 4 or not all(w[:1].isupper() for w in words):
                return None
            where = (start, start + len(name))
        if not name:
            return None
        ent = self._person_for(name, name.split()[-1].lower(), span.start if span else 0)
        if name not in ent.names:
            ent.names.append(name)
        ent.name_at.setdefault(name, where)
        self._complete_name(ent)
        return ent

    def _narrator(self) -> tuple[int, int] | None:
        """The name others call the narrator by: a vocative never used in the narration.

        ``“Robert,” Mom says``: a person's name opening or closing a quotation, set
        off by a comma, that never occurs outside quotations (the narrator says *I*).
        """
        text = self.doc.text
        people = {sp[0].text for sp in self._person_spans()}
        found: dict[str, list[tuple[int, int]]] = {}
        for s, e in self._quote_spans:
            quote = text[s:e]
            for m in _VOCATIVE.finditer(quote):
                word = m.group("a") or m.group("b")
                if word in people:
                    start = s + m.start("a" if m.group("a") else "b")
                    found.setdefault(word, []).append((start, start + len(word)))
        outside = {t.text for t in self.doc if not self._inside_quote(t.idx)}
        names = [w for w in found if w not in outside]
        if not names:
            return None
        best = max(names, key=lambda w: len(found[w]))
        return found[best][0]

    @staticmethod
    def _byline(lines: list[tuple[int, int, str]]) -> tuple[int, int] | None:
        """``By Ann Lee`` on one of the first lines."""
        for s, _, line in lines[:6]:
            m = _BYLINE.match(line)
            if m and len(m.group(1).split()) <= 5 and m.group(1)[:1].isupper():
                name = m.group(1).split(",")[0].rstrip(" .")
                return s + m.start(1), s + m.start(1) + len(name)
        return None

    def _interviewee(self, lines: list[tuple[int, int, str]]) -> tuple[int, int] | None:
        """The one person named in a heading that says *interview*."""
        if not lines or "interview" not in lines[0][2].lower():
            return None
        s, e, heading = lines[0]
        spans: dict[str, tuple[int, int]] = {}
        for sp in self._person_spans():  # tagged in the heading, or elsewhere and named in it
            name = _slice(_name_tokens(sp, self.titles))
            k = sp.start_char - s if s <= sp.start_char < e else heading.find(name)
            if name and k >= 0 and not any(name in other for other in spans):
                spans = {n: v for n, v in spans.items() if n not in name}
                spans[name] = (s + k, s + k + len(name))
        if len(spans) != 1:
            return None
        self._is_interview = True
        return next(iter(spans.values()))

    @staticmethod
    def _signature(lines: list[tuple[int, int, str]]) -> tuple[int, int] | None:
        """A letter's signature: a short name line after a closing (``Love,``, ``Best wishes,``)."""
        tail = lines[-5:]
        for k in range(len(tail) - 1, 0, -1):
            s, _, line = tail[k]
            words = line.strip("[]() ").split()
            if (
                1 <= len(words) <= 4
                and all(w[:1].isupper() for w in words)
                and _VALEDICTION.match(tail[k - 1][2])
                and len(tail[k - 1][2].split()) <= 5
            ):
                body = line.rsplit("]", 1)[-1].strip() or line.strip("[]() ")  # "[Signed] Jo Lee"
                lead = line.index(body)
                return s + lead, s + lead + len(body)
        return None


def _merged(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The union of character spans, as sorted disjoint spans."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if e <= s:
            continue
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _is_dialogue(lines: list[tuple[int, int, str]]) -> bool:
    """A story in dialogue: at least 4 lines, and a quarter of them, open with a quotation mark."""
    opening = sum(1 for _, _, line in lines if line[:1] in "\"“‘'«")
    return opening >= 4 and opening * 4 >= len(lines)


def _first_name_entity(span: Span) -> bool:
    """A name the tagger labelled otherwise (``Ines Varga`` as ORG) that opens with a known
    first name: two or three capitalized words, none of them a body or a place."""
    if span.label_ not in ("ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART"):
        return False
    if not 2 <= len(span) <= 3 or span[0].lower_ not in _first_names():
        return False
    if span[-1].tag_ == "NNPS":
        return False  # a plural last word: a team or a family, not one person
    nouns = word_list("organization_nouns")
    return all(
        t.pos_ == "PROPN"
        and t.text[:1].isupper()
        and t.lower_ not in nouns
        and t.lower_ not in word_list("place_nouns")
        for t in span
    )


def _lines(text: str) -> list[tuple[int, int, str]]:
    """The non-blank lines of a text as (start, end, text), leading spaces skipped."""
    out = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = pos + raw.index(stripped[0])
            out.append((start, start + len(stripped), stripped))
        pos += len(raw) + 1
    return out


def _strip_det(text: str) -> str:
    words = text.split()
    while words and words[0].lower() in _DET:
        words = words[1:]
    out = " ".join(words)
    return _POSSESSIVE.sub("", out).strip()


_PARTY_TAG = re.compile(r"^[DRI]-[A-Z][A-Za-z.]*$")


def _looks_like_name(toks: Sequence[Token]) -> bool:
    """A person's name has a capitalized word of two letters or more and is no party tag."""
    text = "".join(t.text_with_ws for t in toks).strip()
    if not text or _PARTY_TAG.match(text.replace(" ", "")):
        return False
    return any(t.is_alpha and len(t.text) > 1 and t.text[0].isupper() for t in toks)


def _name_tokens(span: Span, titles: Titles | None = None) -> list[Token]:
    """The tokens of a PERSON entity minus leading titles and honorifics."""
    _, words, mods = _title_sets(titles)
    toks = [t for t in span if not t.is_punct or t.text in ("-", ".")]
    while toks and (
        toks[0].lower_ in words
        or toks[0].lower_ in mods
        or toks[0].lower_ in _honorifics()
        or toks[0].pos_ in _NOT_NAME_POS  # "Describe Einstein", "Aye"
    ):
        toks = toks[1:]
    while toks and toks[-1].text in ("'s", "’s", "'", "’", "-", "."):
        toks = toks[:-1]
    return toks


def _premodifier_title(name: Span, titles: Titles | None = None) -> str | None:
    doc = name.doc
    _, words, mods = _title_sets(titles)
    i = name.start - 1
    # NER sometimes includes the title in the entity ("President Zelensky")
    inner = [t for t in name if t.lower_ in words or t.lower_ in mods]
    if inner and inner[0].i == name.start:
        k = name.start
        while k < name.end and (
            doc[k].lower_ in words or doc[k].lower_ in mods or doc[k].text in "-."
        ):
            k += 1
        i = k - 1
        end_title = k
    else:
        end_title = name.start
    first = i + 1
    while i >= 0:
        t = doc[i]
        low = t.lower_
        if t.is_space or "\n" in t.text:
            break
        if (
            low in words
            or low in mods
            or t.ent_type_ in ("ORG", "NORP", "GPE")
            or (t.pos_ == "PROPN" and t.ent_type_ != _PERSON and t.text[:1].isupper())
        ):
            first = i
            i -= 1
            continue
        if t.text in ("-", "–") and i > 0 and i + 1 <= end_title:
            i -= 1
            continue
        if (
            low == "of"
            and i > 0
            and first == i + 1
            and (doc[i - 1].lower_ in words or doc[i - 1].text[:1].isupper())
        ):
            i -= 1
            continue
        break
    if first >= end_title:
        return None
    toks = doc[first:end_title]
    # strip leading connectors
    while len(toks) and toks[0].lower_ in ("of", "-", "and"):
        toks = toks[1:]
    title_words = [t for t in toks if t.lower_ in words]
    if not title_words:
        return None
    return toks.text.strip() or None


def _appositive_title(name: Span, titles: Titles | None = None) -> str | None:
    _, words, _ = _title_sets(titles)
    for c in name.root.children:
        if c.dep_ == "appos" and c.i > name.root.i:
            toks = [t for t in c.subtree if t.dep_ not in ("relcl",)]
            if not toks:
                continue
            s, e = toks[0].i, toks[-1].i + 1
            sub = name.doc[s:e]
            text = _strip_det(sub.text.strip(" ,"))
            if any(t.lower_ in words for t in sub):
                return text or None
    return None


def _apposed_to_title(name: Span, titles: Titles | None = None) -> str | None:
    """``the city's chief engineer, Priya Raman``: the name is apposed to a title phrase."""
    root = name.root
    if root.dep_ != "appos" or root.head.pos_ != "NOUN":
        return None
    _, words, _ = _title_sets(titles)
    head = root.head
    if head.lower_ not in words and head.lemma_.lower() not in words:
        return None
    return _strip_det(name.doc[head.left_edge.i : head.i + 1].text) or None


def mention_span(tok: Token) -> tuple[int, int]:
    """Token bounds of the name around ``tok`` (compounds and flat names)."""
    from .attribution import mention_bounds

    return mention_bounds(tok)


def organization_from_title(title: str | None, titles: Titles | None = None) -> str | None:
    """The organization named in a title.

    Example:
        >>> organization_from_title("former NATO Secretary-General")
        'NATO'
        >>> organization_from_title("a spokeswoman for the Interior Ministry")
        'Interior Ministry'
    """
    if not title:
        return None
    phrases, words, mods = _title_sets(titles)
    tails = list(_ORG_TAIL.finditer(title))
    for m in reversed(tails):
        tail = m.group(1)
        before = title[: m.start()].split()
        phrase = f"{before[-1].lower() if before else ''} {m.group(0).strip().lower()}"
        if any(phrase.endswith(p) or p.startswith(phrase.strip()) for p in phrases if " of " in p):
            continue
        if tail.split()[0].lower() in words:
            continue
        return tail
    body = _BODY_TAIL.search(title)  # "a spokesman for the French foreign ministry"
    if body and body.group(2).lower() in word_list("organization_nouns"):
        return body.group(1)
    toks = title.replace("-", " - ").split()
    kept: list[str] = []
    for tok in toks:
        low = tok.lower()
        singular = low[:-1] if low.endswith("s") else low  # "Lawyers for X"
        if low in words or singular in words or low in mods or tok == "-" or low in _DET:
            if kept:
                break
            continue
        kept.append(tok)
    while kept and not kept[-1][:1].isupper():
        kept.pop()
    if kept and all(k.lower() in word_list("portfolios") for k in kept):
        return None  # "Finance Minister", "Police Chief": a field, not a body
    org = _POSSESSIVE.sub("", " ".join(kept).strip()).strip()  # "Acme's spokesperson"
    return org if org and org[:1].isupper() else None
