"""Stage 4: resolve speaker mentions to entities with names, titles and organizations.

A sieve of rules over the parse and the named entities, in the spirit of
CoreNLP's quote attribution; offline and in-library:

1. Every PERSON entity of the article becomes (or joins) an entity cluster:
   full names, surnames, ``Mr./Ms./Dr. X`` and possessives share one ``Speaker.id``;
   the cluster's ``name`` is its longest proper full name (completed from the
   ``known_people.tsv`` gazetteer when the article only gives a surname).
2. Titles come from pre-modifiers (``former NATO Secretary-General Jens Stoltenberg``)
   and appositions (``Stian Jenssen, the General Secretariat Chief of Staff of NATO,``),
   anywhere in the article; a later short mention inherits them. The organization
   is parsed out of the title.
3. Pronouns (``he``, ``she``, ``they``) go to the most salient compatible antecedent:
   a person named earlier in the same sentence, else the speaker of the previous
   quote (news alternates quote and attribution), else the nearest person subject.
4. Nominal mentions (``the Ukrainian president``, ``the spokesman``) link to the most
   recent entity whose title has the same head; else they stay an unnamed speaker.
5. Organizations (``the Kremlin``, ``NATO``) and groups or anonymous sources
   (``officials``, ``a source familiar with the matter``) get their own kinds.
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
from .records import Speaker as SpeakerRecord
from .records import SpeakerKind, TextSpan
from .resources import data_json, data_set, data_tsv
from .titles import TitleLexicon, Titles, packaged_titles

_PERSON = "PERSON"
_ORG_LABELS = frozenset({"ORG", "NORP", "GPE", "FAC"})
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_DET = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_ORG_TAIL = re.compile(
    r"\b(?:of|for|at|with)\s+(?:the\s+)?([A-Z][\w.&’'-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w.&’'-]*)*)\s*$"
)


def _title_sets(titles: Titles | None) -> Titles:
    return packaged_titles() if titles is None else titles


@cache
def _pronouns() -> dict[str, str]:
    data = data_json("pronouns.json")
    out = {}
    for gender in ("male", "female", "plural", "neuter", "first_person"):
        for p in data[gender]:
            out[p] = gender
    return out


@cache
def _honorifics() -> dict[str, str]:
    return dict(data_json("pronouns.json")["honorifics"])


@cache
def known_people() -> dict[str, tuple[str, str]]:
    """Surname (lowercase) -> (full name, gender) of widely known public figures."""
    out: dict[str, tuple[str, str]] = {}
    for row in data_tsv("known_people.tsv"):
        full, gender = row[0], (row[1] if len(row) > 1 else "")
        for key in [full.split()[-1].lower(), *(a.lower() for a in row[2:] if a)]:
            out.setdefault(key, (full, gender))
    return out


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
    surname: str | None = None
    positions: Positions = field(factory=Positions)
    first_mention: tuple[int, int] | None = None
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
class _Mention:
    token: int
    entity: Entity
    subject: bool
    sent: int


class Resolver:
    """Resolves mentions in one document. Build one per ``Doc``."""

    def __init__(
        self,
        doc: Doc,
        quote_spans: Sequence[tuple[int, int]] = (),
        *,
        titles: TitleLexicon | None = None,
    ) -> None:
        """``titles``: a :class:`~quotecraft.titles.TitleLexicon` (default: the packaged one)."""
        self.doc = doc
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
        spans = [sp for sp in self._ents if sp.label_ == _PERSON]
        forms = {" ".join(t.text for t in _name_tokens(sp, self.titles)) for sp in spans}
        out = []
        for sp in spans:
            toks = _name_tokens(sp, self.titles)
            if not _looks_like_name(toks):
                continue  # "(D-Mass.)", "R-OH": a party and state tag, not a name
            if len(toks) >= 3:
                for k in range(1, len(toks) - 1):
                    if " ".join(t.text for t in toks[k:]) in forms:
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
            name = " ".join(t.text for t in name_tokens)
            name = _POSSESSIVE.sub("", name).strip()
            if not name or not name[0].isupper():
                continue
            surname = name.split()[-1].lower()
            ent = self._person_for(name, surname, span.start)
            ent.positions.append(span.start)
            if ent.first_mention is None:
                ent.first_mention = (span.start, span.end)
            if name not in ent.names:
                ent.names.append(name)
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
        self.person_mentions.sort(key=lambda m: m.token)
        for ent in self.entities:
            self._complete_name(ent)

    @staticmethod
    def _complete_name(ent: Entity) -> None:
        if ent.kind is not SpeakerKind.PERSON or not ent.name:
            return
        if len(ent.name.split()) == 1:
            known = known_people().get(ent.name.lower())
            if known:
                ent.names.append(known[0])
                ent.gender = ent.gender or known[1] or None
        elif ent.gender is None:
            known = known_people().get(ent.name.split()[-1].lower())
            if known and known[0].lower() == ent.name.lower():
                ent.gender = known[1] or None

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
        ent.surname = surname
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
        """The entity a mention refers to (creating an unnamed one when nothing fits)."""
        doc = self.doc
        s, e = bounds
        head = doc[head_i] if head_i is not None else doc[s:e].root
        low = head.lower_
        pron = _pronouns().get(low)
        if head.pos_ == "PRON" or pron:
            ent = self._resolve_pronoun(head, pron, last_speaker, last_speaker_sent_gap)
            if ent is not None:
                return ent, bounds
            unknown = self._new(SpeakerKind.UNKNOWN)
            unknown.names.append(head.text)
            return unknown, bounds
        span = doc[s:e]
        # 0. "the city's chief engineer, Priya Raman": the apposed name is the speaker
        #    (not when the head is a name itself: "Jo Lee, the General Secretary of NATO")
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
                    ent.title = _strip_det(doc[s : head.i + 1].text)
                    ent.organization = organization_from_title(ent.title, self.titles)
                return ent, bounds
        # 1. a PERSON entity inside the mention, unless it is the possessor of the head
        #    ("Mayor Ann Lee's spokesperson" is the spokesperson, not Ann Lee)
        possessor = {t.i for c in head.children if c.dep_ == "poss" for t in c.subtree}
        persons = self._person_spans()
        for k in range(bisect_right(self._person_ends, s), len(persons)):
            ent_span = persons[k]
            if ent_span.start >= e:
                break
            if ent_span.start < e and s < ent_span.end and ent_span.root.i not in possessor:
                name = _POSSESSIVE.sub(
                    "", " ".join(t.text for t in _name_tokens(ent_span, self.titles))
                ).strip()
                if name:
                    person = self._person_for(name, name.split()[-1].lower(), ent_span.start)
                    if name not in person.names:
                        person.names.append(name)
                    self._add_title(person, ent_span)
                    self._complete_name(person)
                    return self._seen(person, head), bounds
        # 2. a known surname
        if head.pos_ == "PROPN":
            key = _POSSESSIVE.sub("", head.text).lower()
            if key in self.by_surname:
                return self._seen(self.by_surname[key][-1], head), bounds
        # 3. a name after a title the tagger did not see as a person ("spokesman Oleg Nikolenko")
        _, words, _ = _title_sets(self.titles)
        titled = self._titled_name(span, head)
        if titled is not None:
            return self._seen(titled, head), bounds
        # 4. a nominal with a title head: the most recent entity with that title
        head_low = head.lemma_.lower()
        if head.pos_ == "NOUN" and (head_low in words or low in words):
            best = self._by_title(head_low, s, [t.lower_ for t in span if t.i != head.i])
            if best is not None:
                return best, bounds
        # 5. a name the tagger missed or mislabelled, but with a person's title in apposition
        #    ("Smith, the council leader, said")
        if head.pos_ == "PROPN":
            appos = _appositive_title(span, self.titles) or _apposed_to_title(span, self.titles)
            if appos:
                name = _POSSESSIVE.sub("", _strip_det(span.text)).strip()
                person = self._person_for(name, name.split()[-1].lower(), head.i)
                if name not in person.names:
                    person.names.append(name)
                if not person.title_from_appos:
                    person.title, person.title_from_appos = appos, True
                    person.organization = organization_from_title(appos, self.titles)
                return self._seen(person, head), bounds
        # 6. organizations
        k = bisect_right(self._ent_ends, head.i)
        for ent_span in self._ents[k : k + 1]:
            if ent_span.label_ in _ORG_LABELS and ent_span.start <= head.i < ent_span.end:
                key = _strip_det(ent_span.text).lower()
                ent = self.by_org.get(key)
                if ent is None:
                    ent = self._new(SpeakerKind.ORGANIZATION)
                    ent.names.append(_strip_det(ent_span.text))
                    self.by_org[key] = ent
                return ent, bounds
        # 7. groups and anonymous sources; unnamed people and bodies
        if head_low in data_set("groups.txt") or low in data_set("groups.txt"):
            kind = SpeakerKind.GROUP
        elif head.pos_ == "NOUN" and (head_low in words or low in words):
            kind = SpeakerKind.PERSON
        elif head_low in data_set("organization_nouns.txt"):
            kind = SpeakerKind.ORGANIZATION
        elif head.pos_ == "PROPN":
            kind = SpeakerKind.UNKNOWN
        else:
            kind = SpeakerKind.UNKNOWN
        ent = self._new(kind)
        ent.names.append(_strip_det(span.text))
        if kind is SpeakerKind.PERSON:
            title = _strip_det(span.text)
            ent.title = title
            ent.organization = organization_from_title(title, self.titles)
            ent.names = []
        return ent, bounds

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

    def _titled_name(self, span: Span, head: Token) -> Entity | None:
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
        name = " ".join(t.text for t in toks[j : k + 1])
        name = _POSSESSIVE.sub("", name).strip()
        if not name:
            return None
        ent = self._person_for(name, name.split()[-1].lower(), toks[j].i)
        if name not in ent.names:
            ent.names.append(name)
        if ent.title is None:
            title_toks = toks[:j]
            while title_toks and title_toks[0].lower_ in _DET:
                title_toks = title_toks[1:]
            if title_toks:
                ent.title = span.doc[title_toks[0].i : toks[j].i].text
                ent.organization = organization_from_title(ent.title, self.titles)
        self._complete_name(ent)
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
            return ent.kind is SpeakerKind.PERSON and (ent.gender in (None, gender))

        # only mentions of the last 4 sentences can matter (person_mentions is in text order)
        hi = bisect_left(self.person_mentions, pron_tok.i, key=lambda m: m.token)
        lo = bisect_left(self.person_mentions, sent - 4, hi=hi, key=lambda m: m.sent)
        before = [m for m in self.person_mentions[lo:hi] if compatible(m.entity)]
        same_sentence = [m for m in before if m.sent == sent]
        if same_sentence:
            return self._adopt(same_sentence[-1].entity, gender)
        if last_speaker is not None and gap <= 3 and compatible(last_speaker):
            return self._adopt(last_speaker, gender)
        subjects = [m for m in before if m.subject and sent - m.sent <= 4]
        if subjects:
            return self._adopt(subjects[-1].entity, gender)
        if before and sent - before[-1].sent <= 4:
            return self._adopt(before[-1].entity, gender)
        return None

    @staticmethod
    def _adopt(ent: Entity, gender: str | None) -> Entity:
        if gender in ("male", "female") and ent.gender is None:
            ent.gender = gender
        return ent

    def record(self, ent: Entity, bounds: tuple[int, int] | None, text: str) -> SpeakerRecord:
        """A :class:`~quotecraft.records.Speaker` for ``ent`` as mentioned at ``bounds``."""
        mention = None
        if bounds is not None:
            s, e = bounds
            span = self.doc[s:e]
            mention = TextSpan(
                span.start_char, span.end_char, text[span.start_char : span.end_char]
            )
        return SpeakerRecord(
            id=ent.id,
            name=ent.name,
            title=ent.title,
            organization=ent.organization,
            kind=ent.kind,
            mention=mention,
        )


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
        toks[0].lower_ in words or toks[0].lower_ in mods or toks[0].lower_ in _honorifics()
    ):
        toks = toks[1:]
    while toks and toks[-1].text in ("'s", "’s", "'", "’", "-", "."):
        toks = toks[:-1]
    return toks


def find_title(name: Span, titles: Titles | None = None) -> str | None:
    """The title of a named person: pre-modifier run, else an apposition.

    ``former NATO Secretary-General Jens Stoltenberg`` gives
    ``former NATO Secretary-General``; ``Hugh Hill, a doctor,`` gives ``doctor``.
    """
    pre = _premodifier_title(name, titles)
    if pre:
        return pre
    return _appositive_title(name, titles)


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
    toks = title.replace("-", " - ").split()
    kept: list[str] = []
    for tok in toks:
        low = tok.lower()
        if low in words or low in mods or tok == "-" or low in _DET:
            if kept:
                break
            continue
        kept.append(tok)
    while kept and not kept[-1][:1].isupper():
        kept.pop()
    org = _POSSESSIVE.sub("", " ".join(kept).strip()).strip()  # "Acme's spokesperson"
    return org if org and org[:1].isupper() else None
