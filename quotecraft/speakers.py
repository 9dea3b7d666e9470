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
2. a pronoun: agreement (gender from pronouns, honorifics, gendered nouns and a first-name table;
   number) and salience (same sentence, the previous speaker within three sentences of the end of
   their quote unless someone else was a main subject since, subject of a recent sentence); first
   person outside quotations is the document's author when a byline, an interview heading or a
   letter's signature names one;
3. a name apposed to a description, a PERSON entity, a surname or first name of an
   entity named earlier, a name after a title or an honorific;
4. a description: an earlier entity's title (``the minister``), the age given with one
   person's name (``the 45-year-old``), *the elder* of two who share a surname;
5. organizations (``the company``, ``the automaker`` after a named one it goes by), and *the*
   document met earlier whose author the text gave (``the statement`` after ``X said in a
   statement``); else the mention stays unresolved, named by its normalized words.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import dropwhile, takewhile

from spacy.tokens import Span

from .records import Link, Resolution, SpeakerKind, TextSpan
from .records import Speaker as SpeakerRecord
from .sources import earlier_author
from .speaker_ages import described_person
from .speaker_appositions import (
    apposed_to_title,
    appositive_title,
    called_name_on,
    person_nouns,
    title_before,
)
from .speaker_features import (
    gendered_nouns,
    honorifics,
    introduces,
    mention_gender,
    pronouns,
    represented,
    subject_form,
)
from .speaker_gender import genders_clash
from .speaker_groups import (
    apposed_member,
    apposed_names,
    described_member,
    described_words,
    group_conjuncts,
    names_body,
    names_member,
    without_ages,
)
from .speaker_kin import bare_surname_order, generation_member
from .speaker_kinds import description_kind, predicated_subject, who_antecedent, written_title
from .speaker_members import member_names
from .speaker_names import (
    DET,
    PERSON,
    POSSESSIVE,
    apposed_persons,
    bare_name,
    clean_name,
    label_parts,
    mention_span,
    name_edges,
    name_tokens,
    naming_appositions,
    role_words,
    sentence_cased,
    strip_det,
    text_slice,
    title_sets,
)
from .speaker_orgs import organization_from_title, owning_body
from .speaker_pronouns import PronounTable
from .speaker_query import Found, Query
from .speaker_spans import titled_name_run
from .speaker_table import Entity
from .titles import title_abbreviations

__all__ = ["Entity", "Found", "Resolver", "mention_span", "organization_from_title"]
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_FIRST_SINGULAR = frozenset({"i", "me", "my"})
_PEOPLE = (SpeakerKind.PERSON, SpeakerKind.GROUP)


class Resolver(PronounTable):
    """Resolves mentions in one document. Build one per ``Doc``."""

    takes_titles = True
    """Takes a ``titles`` argument (:func:`quotecraft.builder.speaker_resolver`)."""
    takes_kb = True
    """Takes a ``kb`` argument: a :class:`~quotecraft.kb.KnowledgeBase` to link speakers to."""
    takes_source_text = True
    """Takes a ``source_text`` argument: the article text before boilerplate was blanked
    (its bylines and signatures name the document's voice)."""

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
        query = Query(self.doc[s:e], head, last_speaker, last_speaker_sent_gap)
        for step in (
            self._relative_pronoun,
            self._pronoun,
            self._group,
            self._apposed_name,
            self._named,
            self._surname,
            self._titled_name,
            self._label_name,
            self._description,
            self._appositive_name,
            self._organization,
            self._body_description,
            self._document,
            self._predicate,
        ):
            found = step(query)
            if found is not None:
                break
        else:
            found = self._unnamed(query)
        ent, how = found
        bounds = self._moved.get(bounds, bounds)
        self._how[bounds] = how
        return ent, bounds

    def _relative_pronoun(self, q: Query) -> Found | None:
        """``Ann Lee, who said``: *who* refers to the noun its clause hangs on."""
        head = q.head
        if head.lower_ not in _RELATIVE or head.head.dep_ != "relcl" or head.head.head.i == head.i:
            return None
        antecedent = who_antecedent(head, title_sets(self.titles)[1])  # not "the clinic"
        if antecedent.pos_ not in ("NOUN", "PROPN", "PRON") and antecedent.lower_ != "one":
            return None  # ("the one who said": the parser tags *one* a number)
        bounds = mention_span(antecedent)
        ent, _ = self.resolve(bounds, antecedent.i)
        return ent, self._how.get(bounds, Resolution.NAMED)

    def _pronoun(self, q: Query) -> Found | None:
        """``she said``: the agreeing, salient antecedent, else an unresolved speaker; ``the
        pair said``: the two names *they* would take up (:meth:`counted_antecedent`)."""
        head = q.head
        if (pair := self.counted_antecedent(q.span)) is not None:  # "The pair said"
            return self.resolve(mention_span(pair), pair.i)[0], Resolution.DESCRIPTION
        kind = pronouns().get(head.lower_)
        if (head.pos_ != "PRON" or len(q.span) > 1) and kind is None:  # "Some of them"
            return None
        if kind is None and (apposed_persons(head) or described_words(q.span, head)[1] != head):
            return None  # "Another, Ines Roth, said", "said another, a driver": named apart
        first = kind == "first_person" and head.lower_ in _FIRST_SINGULAR
        second = kind == "second_person" and self._interview()
        if (first or second) and (voice := self._voice_for(head)) is not None:
            return voice, Resolution.PRONOUN
        ent = self._resolve_pronoun(head, kind, q.last_speaker, q.gap)
        body = self.antecedent_phrase(head) if ent is None else None
        if body is not None:  # "The council voted ... It said ...": the council
            ent, _ = self.resolve(mention_span(body), body.i)
            ent = None if genders_clash(ent.gender, kind, body) else ent  # "Judge Ann Roe ... He"
            ent = self._adopt(ent, kind) if ent is not None else None  # "The minister ... she"
        if ent is not None:
            return ent, Resolution.PRONOUN
        unknown = self._new(SpeakerKind.UNKNOWN)
        unknown.names.append(subject_form(head.text))  # 'Your report said': "You"
        return unknown, Resolution.UNRESOLVED

    def _apposed_name(self, q: Query) -> Found | None:
        """``the city's chief engineer, Priya Raman``: the apposed name is the speaker.

        Not when the head is a name itself (``Jo Lee, the General Secretary of NATO``).
        Names joined by *and* make a group (``The twins, Ana and Eva Lopes,``).
        """
        doc, head = self.doc, q.head
        if (apposed := apposed_names(head)) is not None:
            return self._named_group(apposed[0], doc[apposed[1] : apposed[2]]), Resolution.NAMED
        people = person_nouns(title_sets(self.titles)[1])
        named = called_name_on(head, people)
        if named is not None:  # "a retired teacher named Hugo Brandt"
            name_bounds = mention_span(named)
            ent, _ = self.resolve(name_bounds, named.i)
            if ent.kind is SpeakerKind.UNKNOWN:
                ent.kind = SpeakerKind.PERSON
            noun = named.head.head
            if (
                ent.title is None and noun.lemma_.lower() in title_sets(self.titles)[1]
            ):  # not "a woman named Ruth"
                ent.title = strip_det(doc[noun.left_edge.i : noun.i + 1].text)
                ent.organization = self.title_org(ent.title, q.span)
            return ent, self._how.get(name_bounds, Resolution.NAMED)
        for c in naming_appositions(head)[:1]:
            name_bounds = mention_span(c)
            ent, _ = self.resolve(name_bounds, c.i)
            if ent.kind is SpeakerKind.UNKNOWN and c.ent_type_ in ("", PERSON):
                ent.kind = SpeakerKind.PERSON
            prev = doc[q.span.start - 1] if q.span.start else head
            if prev.pos_ == "ADP" and not any(t.dep_ == "pobj" for t in prev.children):
                # "until the election, Mia Holt, ... called": the name is the subject
                self._moved[(q.span.start, q.span.end)] = name_bounds
            elif ent.title is None and (title := title_before(q.span, head, c)) is not None:
                ent.title, ent.organization = title, self.title_org(title, q.span)
            return ent, self._how.get(name_bounds, Resolution.NAMED)
        return None

    def _group(self, q: Query) -> Found | None:
        """``Maria and Luis Ortega``, ``the mayor and the police chief``: one group speaker
        (a conjunct is a name in apposition, ``his wife, Yumi``, or a role)."""
        head, doc = q.head, self.doc
        first, conjuncts = group_conjuncts(head, q.span.end)
        named = [apposed_member(c) or (c if described_member(c) else None) for c in conjuncts]
        if not conjuncts or None in named or not names_member(head):
            return None
        members = member_names(doc, [first, *[t for t in named if t is not None]], q.span.start)
        if not all(members) and head.pos_ != "PROPN":
            return None  # "The president and CEO": a title is no member's name
        start = next((t.i for t in name_tokens(doc[q.span.start : head.i + 1])), q.span.start)
        while start < head.i and doc[start].pos_ == "DET":  # "The mayor and ...": mayor
            start += 1
        names = head.pos_ == "PROPN" or any(apposed_member(c) for c in conjuncts)
        how = Resolution.NAMED if names else Resolution.UNRESOLVED  # "the mayor and her deputy"
        # not the relative clause after the last member ("Ann Lee and Ben Ortiz, who led it")
        rel = [c.left_edge.i for t in conjuncts[-1:] for c in t.children if c.dep_ == "relcl"]
        end = min(rel, default=q.span.end)
        while end > start + 1 and doc[end - 1].text in (",", ";", "—", "–"):
            end -= 1
        return self._named_group(members, doc[start:end]), how

    def _named_group(self, members: list[str], span: Span) -> Entity:
        """The group entity of ``members`` (one per set of members), named by ``span``."""
        key = " & ".join(members).lower()
        if (ent := self.by_org.get(key)) is None:
            ent = self.by_org[key] = self._new(SpeakerKind.GROUP)
            ent.members = members
            self._add_name(ent, without_ages(span), span)
        return ent

    def _named(self, q: Query) -> Found | None:
        """A PERSON entity inside the mention, unless the head speaks for it (``Mayor Ann
        Lee's spokesperson``, ``a lawyer for Ben Ortiz``: :func:`represented`)."""
        s, e = q.span.start, q.span.end
        possessor = {t.i for c in q.head.children if represented(q.head, c) for t in c.subtree}
        persons = self._person_spans()[bisect_right(self._person_ends, s) :]
        inside = [p for p in takewhile(lambda p: p.start < e, persons) if s < p.end]
        # the name the head is in first: "Lund campaign spokesman Jason Miller" is Miller
        for ent_span in sorted(inside, key=lambda p: not p.start <= q.head.i < p.end):
            if ent_span.root.i in possessor:
                continue
            name = POSSESSIVE.sub("", text_slice(name_tokens(ent_span, self.titles))).strip()
            if name:
                gender = mention_gender(ent_span, name)  # 'Ms. Lee' is no Lee known as a man
                person = self._person_for(name, name.split()[-1].lower(), ent_span.start, gender)
                toks = name_tokens(ent_span, self.titles)
                self._add_name(person, name, self.doc[toks[0].i : toks[-1].i + 1])
                self._add_title(person, ent_span)
                self._complete_name(person)
                return self._seen(person, q.head), self._name_resolution(person, name)
        return None

    def _surname(self, q: Query) -> Found | None:
        """A surname or first name of a person named earlier (``Lee``, ``Ruth``, ``Reilly``)."""
        if q.head.pos_ not in ("PROPN", "NOUN", "ADV") or not q.head.text[:1].isupper():
            return None
        key = POSSESSIVE.sub("", q.head.text).lower()
        alone = not any(c.dep_ == "compound" for c in q.head.lefts)  # not "Morning Joe"
        if key not in self.by_surname and alone and (ent := self._by_first_name(key, None)):
            return self._seen(ent, q.head), Resolution.SURNAME  # "Tomasz said": Tomasz Wierzba
        if key in self.by_surname:
            prev = self.doc[q.head.i - 1].lower_ if q.head.i else ""
            gender = honorifics().get(prev)  # 'Ms. Lee' is no Lee known to be a man
            if not (named := generation_member(q.head, self.by_surname[key])):
                return self._unnamed(q)  # "the elder Lee" of two, the text saying neither
            order = bare_surname_order(named[::-1], q.head, self._evidence, self.person_mentions)
            ent = next((e for e in order if not self._conflicts(e, gender)), None)
            if ent is None:
                return None
            return self._seen(ent, q.head), self._name_resolution(ent, q.head.text)
        return None

    def _titled_name(self, q: Query) -> Found | None:
        """A name after a title or an honorific the tagger did not see as a person
        (``spokesman Oleg Nikolenko``, ``Mr Pryce``)."""
        span, head = q.span, q.head
        _, words, _ = title_sets(self.titles)
        if head.pos_ != "PROPN" or not span.start <= head.i < span.end:
            return None  # (a head trimmed off its mention as punctuation: "〞" tagged PROPN)
        if head.lower_ in words:
            return None  # 'THE VICE PRESIDENT:': a title in capitals, no name after it
        toks = list(span)
        k = head.i - span.start
        j = k
        stop = words | honorifics().keys()
        while j > 0 and toks[j - 1].pos_ == "PROPN" and toks[j - 1].lower_ not in stop:
            j -= 1
        before = toks[j - 1].lower_ if j else ""  # a title, or an honorific ("Mr Pryce")
        if before not in stop or k - j > 3:
            return None
        if not titled_name_run(span.doc, toks[j - 1].i, head.i + 1):
            return None  # 'General Motors said': a body, not a general
        name = POSSESSIVE.sub("", text_slice(toks[j : k + 1])).strip()
        if not name:
            return None
        ent = self._person_for(name, name.split()[-1].lower(), toks[j].i)
        self._add_name(ent, name, span.doc[toks[j].i : head.i + 1])
        ent.gender = ent.gender or honorifics().get(before)
        if before in honorifics():
            self._add_title(ent, span)  # "Mr Hale, the shadow chancellor,"
        elif ent.title is None:
            title_toks = list(dropwhile(lambda t: t.lower_ in DET, toks[:j]))
            if title_toks:
                ent.title = span.doc[title_toks[0].i : toks[j].i].text
                ent.organization = self.title_org(ent.title, q.span)
        self._complete_name(ent)
        return self._seen(ent, head), self._name_resolution(ent, name)

    def _label_name(self, q: Query) -> Found | None:
        """A transcript's speaker label in capitals, a first name and a surname
        (``KATE LUND:``), names a person as written, and a title and a surname
        (``GOVERNOR PIKE:``) a titled one; a later ``LUND:`` is her by surname; a one-word
        label said again (``HOST:``, ``MODERATOR:``) is the speaker labelled so before."""
        doc = self.doc
        if (parts := label_parts(q.span, self.titles)) is None:
            return None
        title, words = parts
        known = self.by_surname.get(words[0].lower_) if len(words) == 1 else None
        if known:  # 'LUND:' after 'KATE LUND:', whatever the tagger made of it
            return self._seen(known[-1], q.head), Resolution.SURNAME
        if len(title + words) == 1:  # 'HOST:', 'MODERATOR:' again: the one labelled so before
            label = (title + words)[0].text
            same = [e for e in self.entities if label == e.title or label in e.names]
            if same:
                return self._seen(same[-1], q.head), Resolution.DESCRIPTION
        if not words:  # 'THE VICE PRESIDENT:' is a title, not a name; 'MODERATOR:' a role
            return self._unnamed(q) if len(title) == 1 else None
        if len(words) == 1 and not title:
            return None
        name = " ".join(t.text for t in words)  # "KATE LUND:", "GOVERNOR PIKE:"
        ent = self._person_for(name, words[-1].lower_, words[0].i)
        self._add_name(ent, name, doc[words[0].i : words[-1].i + 1])
        ent.title = ent.title or (" ".join(t.text for t in title) if title else None)
        self._complete_name(ent)
        return self._seen(ent, q.head), Resolution.NAMED

    def _description(self, q: Query) -> Found | None:
        """``the minister``: the most recent entity whose title has the same head word;
        ``the 45-year-old``, ``the latter``: :func:`~.speaker_ages.described_person`."""
        head = q.head
        known = described_person(q.span, self.entities, self.person_mentions, self._sent_of)
        if known is not None:
            return self._seen(known, head), Resolution.DESCRIPTION
        _, words, title_mods = title_sets(self.titles)
        head_low = head.lemma_.lower()
        common = head.pos_ == "NOUN" or (head.pos_ == "PROPN" and head.text.islower())
        common = common or written_title(head, words, title_mods)  # "the Prime Minister"
        if not common or not {head_low, head.lower_} & words or introduces(q.span):
            return None  # introduces: "A spokeswoman for X says" is someone new
        mods = [t for t in q.span if t.i != head.i]  # the lemma, as written, an acronym's word
        for word in dict.fromkeys((head_low, head.lower_, title_abbreviations().get(head_low))):
            if word and (best := self._by_title(word, q.span.start, mods)) is not None:
                return best, Resolution.DESCRIPTION
        return None

    def _appositive_name(self, q: Query) -> Found | None:
        """A name the tagger missed, with a person's title in apposition (``Smith, the council leader,``)."""
        span, head = q.span, q.head
        if head.pos_ != "PROPN":
            return None
        appos = appositive_title(span, self.titles) or apposed_to_title(span, self.titles)
        if not appos or not (name := bare_name(span, self.titles)):  # "Mr Hale, the ...,"
            return None
        person = self._person_for(name, name.split()[-1].lower(), head.i)
        self._add_name(person, name, span)
        if not person.title_from_appos:
            person.title, person.title_from_appos = appos, True
            person.organization = self.title_org(appos, q.span)
        return self._seen(person, head), Resolution.NAMED

    def _organization(self, q: Query) -> Found | None:
        """An ORG/NORP/GPE/FAC entity at the head (``the Kremlin``, ``NATO``), or its head
        word after its full name (``Harlow Council``, then ``the Council``)."""
        head = q.head
        k = bisect_right(self._ent_ends, head.i)
        for ent_span in self._ents[k : k + 1]:
            if ent_span.start <= head.i < ent_span.end and names_body(ent_span):
                ent, shortened = self.body_named(ent_span)
                return ent, Resolution.DESCRIPTION if shortened else Resolution.NAMED
        return None

    def _body_description(self, q: Query) -> Found | None:
        """``Northgate Bank cut 400 jobs. The bank said``: the named body *the* and a noun of
        ``organization_nouns`` takes up (:meth:`described_body`), unless it is a person."""
        body = self.described_body(q.head, q.span)
        ent = self.resolve(mention_span(body), body.i)[0] if body is not None else None
        if ent is None or ent.kind is SpeakerKind.PERSON:
            return None  # "Assem, the co-pilot, ..., the airline said": no airline
        return ent, Resolution.DESCRIPTION

    def _document(self, q: Query) -> Found | None:
        """``the statement`` whose author the text gave before (:func:`earlier_author`)."""
        author = earlier_author(q.head) if len(q.span) == 2 else None
        ent = self.resolve(mention_span(author), author.i)[0] if author is not None else None
        if ent is None or author is None or ent.kind is SpeakerKind.UNKNOWN:
            return None  # "She said in a letter ... The letter said": she is no one known
        words = " ".join([*ent.names, ent.titles]).lower().split()
        if author.pos_ != "PRON" and author.lower_ not in words:
            return None  # "A coalition of groups, including X, sent a letter": not X
        return ent, Resolution.DESCRIPTION

    def _predicate(self, q: Query) -> Found | None:
        """``Joe Ray was a baker, who``: a noun *be* says of people is them (:func:`.predicated_subject`)."""
        subj = predicated_subject(q.head)
        if subj is None:
            return None
        ent, _ = self.resolve(mention_span(subj), subj.i)
        return (ent, Resolution.DESCRIPTION) if ent.kind in _PEOPLE else None

    def _unnamed(self, q: Query) -> Found:
        """No name in the text: a group, an unnamed person or body; named by its mention."""
        span, head = described_words(q.span, q.head)  # "one resident", "one, a cashier"
        _, words, mods = title_sets(self.titles)
        head_low, low = head.lemma_.lower(), head.lower_
        kind = description_kind(head, words, mods)
        ent = self._new(kind)
        ent.gender = gendered_nouns().get(low) or gendered_nouns().get(head_low)
        if kind is SpeakerKind.UNKNOWN and head.tag_ in ("NNS", "NNPS"):
            ent.gender = "plural"  # a later "they" may refer to it; its kind stays unknown
        role = strip_det(span.text) if kind is SpeakerKind.PERSON else sentence_cased(span)
        if kind in (SpeakerKind.PERSON, SpeakerKind.GROUP):  # "Clinton supporters": no body
            ent.organization, role = owning_body(self, role, span, head)
        if kind is SpeakerKind.PERSON:
            ent.title = role
        else:
            ent.names.append(strip_det(span.text) or span.text)
        people = kind is SpeakerKind.GROUP and head.tag_ in ("NNS", "NNPS")
        if kind is SpeakerKind.PERSON or people or ent.gender:
            self._seen(ent, head)  # a later "they" may take up people ("the nurses")
        return ent, Resolution.UNRESOLVED

    def record(self, ent: Entity, bounds: tuple[int, int] | None, text: str) -> SpeakerRecord:
        """A :class:`~quotecraft.records.Speaker` for ``ent`` as mentioned at ``bounds``.

        The name is never empty when there is a mention: without a name in the text
        it is the normalized description (``prime minister``).
        """
        mention = None
        if bounds is not None:
            span = self.doc[bounds[0] : bounds[1]]
            a, b = name_edges(text, span.start_char, span.end_char)  # not '">Sanders'
            mention = TextSpan(a, b, text[a:b])
        name = clean_name(ent.name)
        name_mention = None
        if name is not None and name in ent.name_at:
            ns, ne = ent.name_at[name]
            name_mention = TextSpan(ns, ne, text[ns:ne])
        elif name is None and mention is not None:
            name = ent.title or strip_det(mention.text) or mention.text
        how = self._how.get(bounds) if bounds is not None else None
        if how is None:
            how = Resolution.NAMED if name_mention is not None else Resolution.UNRESOLVED
        link = None
        if self.kb is not None and ent.kind is SpeakerKind.PERSON and ent.name:
            entry = self.kb.link(name or ent.name, gender=ent.gender, title=ent.title)
            link = Link(entry.name, entry.id) if entry is not None else None
        return SpeakerRecord(
            id=ent.id,
            name=name,
            link=link,
            title=role_words(ent.title),
            organization=ent.organization,
            kind=ent.kind,
            mention=mention,
            resolution=how,
            name_mention=name_mention,
            members=tuple(ent.members),
        )
