"""The document's own voice: who *I* is outside quotations.

Decides the person who writes or speaks in the first person, once per document: in a
story told in dialogue, the narrator (the name the other characters call them by, never
used in the narration); otherwise a byline (``By Ann Lee``), the interviewee of a text
whose opening lines say *interview* (the one person named in the heading, even where the
tagger missed the name, else the person the introduction says was interviewed or
spoken with; whose answers say *I*, while a question's *I* is the unnamed interviewer
and its *you* the interviewee) or of a text of questions to *you*, each answered on the
next line (the one person its opening lines name, a photo credit aside), or a letter's
signature after a closing (``Love,``); else the name the narration gives *me* (``he
called me Pip``, ``my name is Ann Lee``); else, unnamed, the office the voice gives
itself (``But as mayor, I must ...``). Without such evidence *I* stays unresolved.
The plain-text evidence (bylines, signatures, questions, dialogue) comes from
:mod:`quotecraft.speaker_lines`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from .kb import KnowledgeBase
from .records import SpeakerKind
from .speaker_features import pronoun_set
from .speaker_lines import (
    Line,
    byline,
    is_dialogue,
    is_question,
    opening_lines,
    questions_and_answers,
    signature,
    text_lines,
)
from .speaker_names import (
    PERSON,
    POSSESSIVE,
    looks_like_name,
    name_tokens,
    strip_det,
    text_slice,
    title_sets,
    tokens_lowered,
)
from .speaker_orgs import organization_from_title
from .speaker_remarks import speech_giver
from .speaker_table import Entity, EntityTable
from .titles import TitleLexicon

_SELF_NAMING = re.compile(r"\b(?:call|nam)\w*\s+me\b|\bmy\s+name\b", re.IGNORECASE)
"""Text without which :meth:`VoicedEntityTable._self_named` cannot match (a quick test)."""
_VOCATIVE = re.compile(r"^\W*(?P<a>[A-Z][\w'’-]+),|,\s+(?P<b>[A-Z][\w'’-]+)\W*$")
_YOU_ARE = re.compile(
    r"\b[Yy]ou(?:'re|’re|\s+are)\s+(?:not\s+)?(?:even\s+|still\s+|really\s+)?"
    r"(?P<c>[A-Z][\w-]+)\b(?!['’])"
)
"""A quotation that tells *you* who they are: ``You're not even Siri any more``."""
_SELF_DESCRIBED = re.compile(r"\bas\s[^,.;:!?]{1,60},", re.IGNORECASE)
"""Text without which :meth:`VoicedEntityTable._self_described` cannot match (a quick test)."""
_INTERVIEW = re.compile(r"\binterview", re.IGNORECASE)
_CREDIT = re.compile(
    r"\b(?:image|photo|photograph|picture|credit)s?(?:\s+by)?\s*:?\s*$", re.IGNORECASE
)
"""What a credit line puts before a photographer's name (``Image: Ann Lee``)."""
_CONVERSE = frozenset({"speak", "talk", "sit", "chat"})
"""Verbs of conversation whose *with/to X* names an interviewee (``spoke with Ann Lee``)."""
_LABEL_AT_START = re.compile(r"^(?P<label>(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*):\s+\S")
"""A speaker label opening a line: ``Ann Lee: I think ...``."""
_LABEL_AT_END = re.compile(r"(?P<label>(?:[A-Z][A-Z.'’-]+\s+){0,3}[A-Z][A-Z.'’-]+):\s*$")
"""A capitalized speaker label ending a line: ``6:13 P.M. THE VICE PRESIDENT:``."""


class VoicedEntityTable(EntityTable):
    """An :class:`~quotecraft.speaker_table.EntityTable` that also knows the document's voice."""

    def __init__(
        self,
        doc: Doc,
        quote_spans: Sequence[tuple[int, int]] = (),
        *,
        titles: TitleLexicon | None = None,
        kb: KnowledgeBase | None = None,
        source_text: str | None = None,
    ) -> None:
        super().__init__(doc, quote_spans, titles=titles, kb=kb)
        self._voice: Entity | bool | None = False  # False: not looked for yet
        self._is_interview = False
        self._lines: list[Line] | None = None
        self._labels: list[tuple[int, Entity]] | None = None
        self.source_text = source_text
        """The text before boilerplate was blanked (bylines, signatures), when the pipeline gives it."""
        self._full_text: str | None = None

    def _text(self) -> str:
        """``source_text``, else the Doc's text, built once (``Doc.text`` joins every token)."""
        if self._full_text is None:
            self._full_text = self.source_text or self.doc.text
        return self._full_text

    def _voice_for(self, pron: Token) -> Entity | None:
        """The author or narrator for *I* (in an interview, *you* in a question) outside quotations.

        In an interview, a question's *I* is the interviewer's, who is not named.
        """
        if self._inside_quote(pron.idx):
            return None
        labels = self._speaker_labels()
        k = bisect_right([at for at, _ in labels], pron.idx) - 1
        if k >= 0:  # a transcript: I is whoever the last label before it names
            return None if pron.lower_ in pronoun_set("second_person") else labels[k][1]
        voice = self._document_voice()
        if voice is None:
            return None
        if self._is_interview:
            question = is_question(self._line_of(pron.idx))
            if question != (pron.lower_ in pronoun_set("second_person")):
                return None
        return voice

    def _speaker_labels(self) -> list[tuple[int, Entity]]:
        """Speaker labels of a transcript, as (where the turn starts, who speaks), in order.

        A label is a line's opening ``Ann Lee:`` (a tagged person's name) or a line's
        capitalized end ``THE VICE PRESIDENT:`` / ``MR. LEE:`` (a title, or the surname
        of a person of the text). Another ``Note:`` or ``Image:`` is no label.
        """
        if self._labels is not None:
            return self._labels
        self._labels = []
        seen: dict[str, Entity] = {}
        persons = {text_slice(name_tokens(sp, self.titles)) for sp in self._person_spans()}
        for s, _, line in self._text_lines():
            m = _LABEL_AT_START.match(line) or _LABEL_AT_END.search(line)
            if m is None:
                continue
            label = m.group("label")
            a = s + m.start("label")
            key = label.lower()
            ent = seen.get(key) or self._label_entity(label, a, persons)
            if ent is not None:
                seen[key] = ent
                self._labels.append((s + m.end(), ent))
        return self._labels

    def _label_entity(self, label: str, start: int, persons: set[str]) -> Entity | None:
        """The person a speaker label names, or None when it is no speaker label."""
        _, words, mods = title_sets(self.titles)
        lowered = [w.lower().strip(".") for w in label.split()]
        if label in persons:
            return self._voice_entity(start, start + len(label))
        if not label.isupper():
            return None
        if lowered[-1] in self.by_surname:  # "MR. LEE:" for a Jo Lee of the text
            return self.by_surname[lowered[-1]][-1]
        titled = [k for k, w in enumerate(lowered) if w in words or w in mods]
        if titled:  # "THE VICE PRESIDENT:" after a time ("6:13 P.M. EDT")
            first = titled[0]
            while first > 0 and lowered[first - 1] == "the":
                first -= 1
            ent = self._new(SpeakerKind.PERSON)
            ent.title = strip_det(" ".join(label.split()[first:]))
            return ent
        return None

    def _interview(self) -> bool:
        """True when the heading says the document is an interview with a named person."""
        self._document_voice()
        return self._is_interview

    def _line_of(self, char: int) -> str:
        """The text of the line holding ``char``."""
        lines = self._text_lines()
        k = bisect_right([s for s, _, _ in lines], char) - 1
        return lines[k][2] if k >= 0 else ""

    def _text_lines(self) -> list[Line]:
        if self._lines is None:
            self._lines = text_lines(self._text())
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
        if is_dialogue(lines):
            candidates = [(self._narrator(), True)]
        else:
            candidates = [
                (byline(lines), False),
                (self._interviewee(lines), False),
                (self._speech_giver(lines), False),
                (signature(lines), True),
            ]
        candidates.append((self._self_named(), True))
        for found, first_person in candidates:
            ent = self._voice_entity(*found) if found is not None else None
            if ent is not None:
                ent.first_person = first_person
                self._voice = ent
                break
        if self._voice is None:
            self._voice = self._self_described()
        return self._voice

    def _self_described(self) -> Entity | None:
        """An unnamed voice that gives its office: ``But as President, I must ...``.

        The first ``as`` phrase set off by commas on a verb whose subject is *I*, outside
        quotations, naming one holder of a title (``as mayor``) or one member of a
        nationality, religion or party (``as a Democrat``). Not a stage of life (``As a
        child, I ...``) nor a plural (``as Democrats, we``).
        """
        if not _SELF_DESCRIBED.search(self._text()):
            return None
        _, words, _ = title_sets(self.titles)
        for t in tokens_lowered(self.doc, ("as",)):
            if t.dep_ != "prep" or self._inside_quote(t.idx):
                continue
            verb = t.head
            if not any(c.dep_ == "nsubj" and c.lower_ == "i" for c in verb.children):
                continue
            roles = [c for c in t.children if c.dep_ == "pobj"]
            if len(roles) != 1 or roles[0].tag_ not in ("NN", "NNP"):
                continue
            role = roles[0]
            low, lemma = role.lower_, role.lemma_.lower()
            if not (low in words or lemma in words or role.ent_type_ == "NORP"):
                continue
            last = role.right_edge
            doc = self.doc
            before = doc[t.i - 1] if t.i > t.sent.start else None
            set_off = before is None or before.text == "," or before.dep_ == "cc"
            if not set_off or last.i + 1 >= len(doc) or doc[last.i + 1].text != ",":
                continue
            title = strip_det(doc[role.left_edge.i : last.i + 1].text)
            if not title:
                continue
            ent = self._new(SpeakerKind.PERSON)
            ent.title = title
            ent.organization = organization_from_title(title, self.titles)
            ent.first_person = True
            return ent
        return None

    def _self_named(self) -> tuple[int, int] | None:
        """The name the narration gives *me*: ``he called me Pip``, ``my name is Ann Lee``."""
        if not _SELF_NAMING.search(self._text()):
            return None
        for t in self.doc:
            if t.pos_ != "PROPN" or t.dep_ not in ("oprd", "attr") or self._inside_quote(t.idx):
                continue
            kids = list(t.head.children)
            if (
                t.head.lemma_ in ("call", "name")
                and any(c.dep_ == "dobj" and c.lower_ == "me" for c in kids)
            ) or any(c.lower_ == "name" and [p.lower_ for p in c.children] == ["my"] for c in kids):
                name = [x for x in t.subtree if x.pos_ == "PROPN"]
                return name[0].idx, name[-1].idx + len(name[-1].text)
        return None

    def _voice_entity(self, start: int, end: int) -> Entity | None:
        """The person named at ``start:end``, in the parse or, for a blanked byline, the text."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        name = ""
        if span is not None and span.text.strip():
            if not looks_like_name(list(span)):
                return None
            name = POSSESSIVE.sub("", text_slice(name_tokens(span, self.titles))).strip()
            where = (span.start_char, span.end_char)
        if not name:  # blanked as boilerplate, or a name tagged as a verb: the words as written
            name = self._text()[start:end].strip()
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
        """The name others call the narrator by, never used in the narration.

        ``“Robert,” Mom says``: a person's name opening or closing a quotation, set
        off by a comma, or said of *you* (``“You're not Robert any more”``), that never
        occurs outside quotations (the narrator says *I*).
        """
        text = self._text()
        people = {sp[0].text for sp in self._person_spans()}
        found: dict[str, list[tuple[int, int]]] = {}
        for s, e in self._quote_spans:
            quote = text[s:e]
            for m in [*_VOCATIVE.finditer(quote), *_YOU_ARE.finditer(quote)]:
                group = next(g for g in ("a", "b", "c") if m.groupdict().get(g))
                word = m.group(group)
                if word in people:
                    start = s + m.start(group)
                    found.setdefault(word, []).append((start, start + len(word)))
        if not found:
            return None
        outside = {t.text for t in self.doc if not self._inside_quote(t.idx)}
        names = [w for w in found if w not in outside]
        if not names:
            return None
        best = max(names, key=lambda w: len(found[w]))
        return found[best][0]

    def _interviewee(self, lines: list[Line]) -> tuple[int, int] | None:
        """The person an interview is with, when the opening lines say *interview* or the
        text is questions to *you* answered line by line.

        The opening lines are those before the first question (at most a few: a
        heading, a date, an introduction). The interviewee is the one person named in
        the heading (tagged, or a run of capitalized proper nouns the tagger missed),
        else the person the introduction says was interviewed (``X interviewed Ann
        Lee``, ``spoke with Ann Lee``, ``Ann Lee was interviewed``).
        """
        opening = opening_lines(lines)
        said = any(_INTERVIEW.search(line) for _, _, line in opening)
        if not said and not questions_and_answers(lines):
            return None
        found = self._named_in_heading(lines[0]) or self._interviewed(opening)
        if found is None and not said:  # questions and answers: whom the opening names
            found = self._named_in_opening(opening)
        if found is None:
            return None
        self._is_interview = True
        return found

    def _speech_giver(self, lines: list[Line]) -> tuple[int, int] | None:
        """The person the opening lines say gives the speech the text prints
        (:func:`~quotecraft.speaker_remarks.speech_giver`)."""
        opening = opening_lines(lines)
        if not opening:
            return None
        span = speech_giver(
            self.doc, opening[0][0], opening[-1][1], self._person_spans(), self._text()
        )
        toks = name_tokens(span, self.titles) if span is not None else []
        return (toks[0].idx, toks[-1].idx + len(toks[-1].text)) if toks else None

    def _named_in_opening(self, opening: list[Line]) -> tuple[int, int] | None:
        """The one person the opening lines name, credits (``Image: Ann Lee``) aside."""
        if not opening:
            return None
        start, end = opening[0][0], opening[-1][1]
        found: dict[str, tuple[int, int]] = {}
        for sp in self._person_spans():
            if not start <= sp.start_char < end or _CREDIT.search(self._line_before(sp.start_char)):
                continue
            toks = name_tokens(sp, self.titles)
            if toks:
                where = (toks[0].idx, toks[-1].idx + len(toks[-1].text))
                found.setdefault(toks[-1].lower_, where)  # "Ann Lee" and "Lee": one person
        return next(iter(found.values())) if len(found) == 1 else None

    def _line_before(self, char: int) -> str:
        """The text of ``char``'s line before it."""
        lines = self._text_lines()
        k = bisect_right([s for s, _, _ in lines], char) - 1
        return lines[k][2][: char - lines[k][0]] if k >= 0 else ""

    def _named_in_heading(self, heading: Line) -> tuple[int, int] | None:
        """The one person named in the heading line, else None."""
        s, e, text = heading
        span = self.doc.char_span(s, e, alignment_mode="expand")
        if span is not None and any(
            t.dep_ == "conj" and t.pos_ == "PROPN" and t.head.pos_ == "PROPN" for t in span
        ):
            return None  # "interviews Ann Lee and Jo Park": no one voice
        tagged: dict[str, tuple[int, int]] = {}
        elsewhere: dict[str, tuple[int, int]] = {}
        for sp in self._person_spans():  # tagged in the heading, or elsewhere and named in it
            name = text_slice(name_tokens(sp, self.titles))
            inside = s <= sp.start_char < e
            k = sp.start_char - s if inside else text.find(name)
            spans = tagged if inside else elsewhere
            if name and k >= 0 and not any(name in other for other in spans):
                for n in [n for n in spans if n in name]:
                    del spans[n]
                spans[name] = (s + k, s + k + len(name))
        for spans in (tagged, elsewhere):
            if spans:
                return next(iter(spans.values())) if len(spans) == 1 else None
        runs = self._name_runs(s, e)
        return runs[0] if len(runs) == 1 else None

    def _name_runs(self, start: int, end: int) -> list[tuple[int, int]]:
        """Runs of two to four capitalized proper nouns in ``start:end`` that no entity
        label calls a place, a body or a date: names the tagger missed (``Aner Shalev``)."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return []
        runs: list[list[Token]] = []
        current: list[Token] = []
        for t in span:
            if (
                t.pos_ == "PROPN"
                and t.is_alpha
                and t.text[:1].isupper()
                and t.ent_type_ in ("", PERSON)
                and not t.is_sent_start
            ):
                current.append(t)
                continue
            if current:
                runs.append(current)
            current = []
        if current:
            runs.append(current)
        return [
            (r[0].idx, r[-1].idx + len(r[-1].text))
            for r in runs
            if 2 <= len(r) <= 4 and looks_like_name(r)
        ]

    def _interviewed(self, opening: list[Line]) -> tuple[int, int] | None:
        """The person named as the one interviewed: the object of *interview* or of
        *speak/talk with*, or the subject of a passive *was interviewed*."""
        if not opening:
            return None
        start, end = opening[0][0], opening[-1][1]
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        persons = [sp for sp in self._person_spans() if start <= sp.start_char < end]
        for t in span:
            lemma = t.lemma_.lower()
            targets: list[Token] = []
            if lemma == "interview" and t.pos_ == "VERB":
                targets = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
            elif lemma in _CONVERSE and t.pos_ == "VERB":
                targets = [
                    g
                    for c in t.children
                    if c.dep_ == "prep" and c.lower_ in ("with", "to")
                    for g in c.children
                    if g.dep_ == "pobj"
                ]
            for target in targets:
                if target.pos_ == "PRON":  # "Wikinews interviewed him": the last person before
                    before = [sp for sp in persons if sp.end <= target.i]
                    target = before[-1].root if before else target
                sub = {x.i for x in target.subtree}
                if any(x.dep_ == "conj" for x in target.subtree):
                    continue  # two people interviewed: no one voice
                named = [sp for sp in persons if sp.root.i in sub]
                toks = name_tokens(named[0], self.titles) if len(named) == 1 else []
                if toks:
                    first, last = toks[0], toks[-1]
                    return first.idx, last.idx + len(last.text)
        return None
