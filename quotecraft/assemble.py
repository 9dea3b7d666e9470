"""The last stage: the frozen records built from the merged candidates.

Each surviving :class:`~quotecraft.candidates.Candidate` becomes a
:class:`~quotecraft.records.Quote`: its speaker mention is resolved to an entity
(the speaker stage, :mod:`quotecraft.speakers`), a quote with no attribution of
its own continues the previous quote's speaker, and every span becomes a
:class:`~quotecraft.records.TextSpan` of the article text. Speaker ids are then
renumbered in order of appearance and the :class:`~quotecraft.records.Article`
is put together.

(Not to be confused with :mod:`quotecraft.records`, which defines the record
classes this stage fills in.)
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection, Iterable, Sequence
from typing import Any

import attrs
from spacy.tokens import Doc

from .candidates import Candidate
from .context import DocContext
from .cues import CueLexicon
from .mark_table import mark_table
from .records import (
    Article,
    Cue,
    CueType,
    Quote,
    QuoteKind,
    Resolution,
    Speaker,
    SpeakerKind,
    TextSpan,
)
from .sources import source_cue_type
from .speaker_features import NOT_BODY_LABELS, first_names
from .speaker_lines import sentence_count
from .speaker_names import cited_author
from .speaker_turns import addresses, called_word, pick_speaker
from .speakers import Entity
from .wordlists import word_list

_Last = tuple[Entity, int, int, tuple[int, int] | None]
"""The previous speaker: entity, sentence id where their quote ends, paragraph, and the
mention that named it."""


def build_quotes(
    ctx: DocContext,
    cands: Sequence[Candidate],
    resolver: Any,
    *,
    disabled_rules: frozenset[str] = frozenset(),
    kinds: Iterable[str] = ("direct", "indirect", "mixed"),
    lexicon: CueLexicon | None = None,
    cue_types: Iterable[str] | None = None,
) -> list[Quote]:
    """The records of ``cands`` (in text order), with speakers resolved by ``resolver``.

    A standalone quote that continues the previous speaker's is renamed
    ``direct.continuation.v1``; a quote whose final rule is in ``disabled_rules``
    is dropped, and so is one whose kind is not in ``kinds`` or whose cue type is not in
    ``cue_types`` (types from ``lexicon``; a direct quote of unknown type counts as speech,
    a reported one of unknown type is kept only when ``cue_types`` is None).
    """
    text = ctx.seg.text
    para_starts = [s for s, _ in ctx.paragraphs] or [0]
    last: _Last | None = None
    last_line = ""  # the words of ``last``'s quote
    starts = set(para_starts)
    quoted = {  # paragraphs opened by a straight single quote that opens a quote
        bisect_right(para_starts, c.start - 1) - 1
        for c in cands
        if c.start - 1 in starts and text[c.start - 1] == "'"
    }
    other: _Last | None = None  # the speaker before ``last``, when it is someone else
    told: _Last | None = None  # the person ``last`` spoke to (``said to Ann``), if named
    beats: set[int] = set()  # paragraphs that open with an action beat before their quote
    out: list[Quote] = []
    for c in cands:
        para = max(0, bisect_right(para_starts, c.start) - 1)
        anchor = c.cue_token if c.cue_token is not None else ctx.index.at(c.start)
        sent = ctx.sent_ids[anchor] if len(ctx.sent_ids) else 0
        entity: Entity | None = None
        bounds = c.attribution.speaker
        rule = c.rule
        if bounds is None and c.inherits:  # a title in a reference entry: its author's
            bounds = cited_author(ctx.doc, ctx.text, c.start)
        if bounds is not None:
            gap = sent - last[1] if last is not None else 99
            entity, bounds = resolver.resolve(
                bounds,
                c.attribution.speaker_head,
                last_speaker=last[0] if last is not None else None,
                last_speaker_sent_gap=gap,
            )
        turn = False
        if (
            entity is not None
            and bounds is not None
            and last is not None
            and other is not None
            and (
                (
                    _pronoun_of_turn(ctx.doc, bounds, entity, last, other)
                    and _replies(last_line, text[c.start : c.end])
                )
                or _pronoun_left(ctx.doc, bounds, entity, last, other)
            )
            # 'He hesitated. "..."': a line its beat leads in
            and _is_turn(text, para_starts, para, last, other, beats, quoted, rule == BEAT)
        ):
            entity, turn = other[0], True  # '"...," she said.' in the other's turn
        if bounds is None and c.inherits and last is not None and para - last[2] <= 1:
            # a quote continuing the previous one: same speaker, named by the same mention;
            # in a dialogue (each line its own paragraph) the other speaker's turn; never
            # someone the line calls by name (``"Hello, Tom."``)
            if _is_turn(text, para_starts, para, last, other, beats, quoted):
                order = [other, last, told]
            elif _answers(ctx.doc, text, para_starts, para, last, told, last_line, beats):
                # '"Are you coming?" Lena asked her brother.' / '"No."': the brother; asked
                # of no one named, the one who spoke before it in its paragraph ('"Wait,"
                # said Ann. Her father frowned. "Why?"' / '"..."': Ann), else no one known
                # ('"Where to?" asked the driver.' / '"Out."')
                if told is not None:
                    order = [told, last]
                else:
                    order = [other] if other is not None and other[2] == last[2] else []
            else:
                recent = other if other is not None and last[2] - other[2] <= 1 else None
                order = [last, told, recent]
            words = text[c.start : c.end]
            source = pick_speaker(words, [(s, s[0].names) if s else None for s in order])
            if source is not None:
                turn = source is not last
                entity, bounds = source[0], source[3]
                rule = rule.replace("standalone", "continuation")
        if rule in disabled_rules:
            continue  # switched off under its final name (standalone or continuation)
        if rule == BEAT or _led_in(ctx.doc, text, para_starts[para], c.start):
            beats.add(para)
        speaker = resolver.record(entity, bounds, text) if entity is not None else None
        if speaker is not None and ("continuation" in rule or turn):
            how = Resolution.TURN if turn else Resolution.CONTINUATION
            speaker = attrs.evolve(speaker, resolution=how)
        if entity is not None:
            if last is not None and last[0] is not entity:
                other = last
            # the speaker spoke until the quote's end: a pronoun's distance counts from there
            spoke = max(sent, ctx.sent_ids[ctx.index.at(c.end - 1)]) if len(ctx.sent_ids) else sent
            last = (entity, spoke, para, bounds)
            last_line = text[c.start : c.end]
        addressee = None
        if entity is not None and "continuation" not in rule:
            told = None  # a quote with its own attribution: only its own addressee counts
        called, by_name = c.attribution.addressee, False
        if called is None and entity is not None and c.kind == "direct":
            called = _called(ctx, c.start, c.end)  # '"Anna, come here," said her father.'
            by_name = called is not None
        if called is not None:
            a_ent, a_bounds = resolver.resolve(called, None)
            if by_name and a_ent.kind is SpeakerKind.UNKNOWN:  # a first name: a person
                a_ent.kind = SpeakerKind.PERSON
                if a_ent.gender is None:
                    a_ent.gender = first_names().get(ctx.doc[called[0]].lower_)
                    a_ent.gender_guessed = a_ent.gender is not None
            if a_ent is not entity:  # the addressee is never the speaker
                addressee = resolver.record(a_ent, a_bounds, text)
                if a_ent is not None and entity is not None:
                    told = (a_ent, last[1] if last else sent, para, a_bounds)
        out.append(_quote(ctx.doc, text, c, rule, para, speaker, addressee, lexicon))
    wanted = frozenset(kinds)
    types = frozenset(cue_types) if cue_types is not None else None
    if types is not None and types >= _ALL_CUE_TYPES:
        types = None
    return [q for q in out if q.kind.value in wanted and _keeps_type(q, types)]


_ALL_CUE_TYPES = frozenset(t.value for t in CueType)


def _keeps_type(q: Quote, types: frozenset[str] | None) -> bool:
    if types is None:
        return True
    ctype = q.cue.type if q.cue is not None else None
    if ctype is None:
        return q.kind is QuoteKind.DIRECT and "speech" in types
    return ctype.value in types


_OPENING_MARKS = ('"', "“", "‘", "«", "„")


def _is_turn(
    text: str,
    para_starts: Sequence[int],
    para: int,
    last: _Last,
    other: _Last | None,
    beats: Collection[int] = (),
    quoted: Collection[int] = (),
    led: bool = False,
) -> bool:
    """An unattributed line of a dialogue: the two previous speakers differ and spoke in
    the two paragraphs just before, and all three paragraphs open with a quotation mark
    (or, for the two before, with an action beat or one short sentence of narration:
    ``Marcus shrugged. "At home."``, :func:`_led_in`). A
    straight single quote opens a quotation in the paragraphs of ``quoted`` (where a quote's
    content starts right after it: ``'I shan't go,' said Eleanor.``), not an elision
    (``'Tis``). ``led``: the line's own paragraph opens with an action beat."""
    if other is None or not (para - last[2] == 1 and last[2] - other[2] == 1):
        return False

    def opens(k: int) -> bool:
        return text[para_starts[k] : para_starts[k] + 1] in _OPENING_MARKS or k in quoted

    return (led or opens(para)) and all(k in beats or opens(k) for k in (other[2], last[2]))


BEAT = "direct.beat.v1"
"""The rule of a quote an action beat attributes (``Marcus shrugged. "At home."``)."""

_NOT_PEOPLE = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC", "WORK_OF_ART", "PRODUCT"})
"""Entity labels of a name that is no person's (``told the Courier``)."""


def _one_person(doc: Doc, told: _Last) -> bool:
    """Whether the one spoken to is one person: a known first name alone, or no body or
    group, and a singular noun or name that the tagger labels no body, place or work
    (``told reporters``, ``told the Courier``: no)."""
    if told[3] is None:
        return False
    head = doc[told[3][1] - 1]
    if told[3][1] - told[3][0] == 1 and head.lower_ in first_names():
        return True  # "Mara turned to Jonas.": a first name, whatever the tagger made of it
    return (
        told[0].kind not in (SpeakerKind.ORGANIZATION, SpeakerKind.GROUP)
        and head.tag_ in ("NN", "NNP")
        and head.ent_type_ not in _NOT_PEOPLE
        and head.lemma_.lower() not in word_list("medium_nouns")
    )


def _answers(
    doc: Doc,
    text: str,
    para_starts: Sequence[int],
    para: int,
    last: _Last,
    told: _Last | None,
    previous: str,
    beats: Collection[int] = (),
) -> bool:
    """An unattributed line in the paragraph right after a quote that asked a question or
    spoke to someone as *you* (``"Are you coming?" Lena asked her brother.`` /
    ``"Not tonight."``, ``Mara turned to Jonas. "Did you lock it?"`` / ``"Yes."``) or
    called them by name (``"Anna, come here," said her father.`` / ``"What is it?"``): the
    one spoken to answers, named (``told``) or not (``"Where to?" asked the driver.`` /
    ``"The station."``: not the driver). Both paragraphs open with a quotation mark, the
    first one or with an action beat (``beats``); one spoken to who is no person (``told
    reporters``, ``told the Courier``) does not answer, and the speaker's words go on."""
    if para - last[2] != 1 or (told is not None and not _one_person(doc, told)):
        return False
    if text[para_starts[para] : para_starts[para] + 1] not in _OPENING_MARKS:
        return False
    if last[2] not in beats and text[para_starts[last[2]]] not in _OPENING_MARKS:
        return False  # ('Mara turned to Jonas. "Did you ...?"': its beat leads it in)
    if told is not None and addresses(previous, told[0].names):
        return True  # '"Anna, come here," said her father.' / '"What is it?"': Anna
    asked = previous.rstrip(" \"'”’").endswith("?")
    if told is None:  # a question alone and a short reply: a dialogue, not a speech
        return asked and _one_question(previous) and _short_reply(text, para_starts, para)
    return asked or bool(_SECOND_PERSON.search(previous))


_REPLY_WORDS = 6
"""At most this many words make a reply to a question asked of no one named (``"Where
to?" asked the driver.`` / ``"The station."``); a speaker's longer paragraph after a
question of their own goes on with their words (``"..., right?" said Lee.`` /
``"I mean, ..."``)."""


def _one_question(line: str) -> bool:
    """Whether ``line`` is one sentence, a question (not ``Look at it. Is it small?``)."""
    return sentence_count(line.rstrip(" \"'”’")) == 1


def _short_reply(text: str, para_starts: Sequence[int], para: int) -> bool:
    """Whether paragraph ``para`` has at most :data:`_REPLY_WORDS` words."""
    end = para_starts[para + 1] if para + 1 < len(para_starts) else len(text)
    return len(text[para_starts[para] : end].split()) <= _REPLY_WORDS


def _called(ctx: DocContext, start: int, end: int) -> tuple[int, int] | None:
    """The token bounds of the person a direct quote calls by a first name at its start
    or end (:func:`~quotecraft.speaker_turns.called_word`): the one spoken to."""
    found = called_word(ctx.text[start:end])
    if found is None:
        return None
    tok = ctx.doc[ctx.index.at(start + found[0])]
    if tok.idx != start + found[0] or tok.pos_ != "PROPN" or tok.lower_ not in first_names():
        return None  # "Look, ...", "Well, ...": no name
    return tok.i, tok.i + 1


_LEAD_CHARS = 80
"""The longest sentence of narration that leads a dialogue line in its paragraph."""


def _led_in(doc: Doc, text: str, start: int, end: int) -> bool:
    """Whether the text from ``start`` to a quote at ``end`` is one short sentence of
    narration whose subject is a person, named or *he*, *she* or *I* (``Emma Lund poured
    the tea. "Sit down," she said.``), as an action beat is; not ``That all changed the
    night she won. "...," said Lee``. A known first name the tagger left untagged, or took
    for no body or place, is a person's (``Mara set down the lamp.``)."""
    if end - start > _LEAD_CHARS + 4:
        return False  # most quotes: no slicing at all
    lead = text[start:end].rstrip(" " + "".join(_OPENING_MARKS))
    if not (
        0 < len(lead) <= _LEAD_CHARS
        and lead.endswith((".", "!", "?"))
        and sum(lead.count(p) for p in ".!?") == 1
        and not any(m in lead for m in ('"', "“", "”", "‘", "’", "«", "»"))
    ):
        return False
    span = doc.char_span(start, start + len(lead), alignment_mode="contract")
    subject = next((c for c in span.root.children if c.dep_ == "nsubj"), None) if span else None
    known = subject is not None and subject.is_title and subject.lower_ in first_names()
    return subject is not None and (
        subject.ent_type_ == "PERSON"
        or subject.lower_ in ("he", "she", "i")
        or (known and subject.ent_type_ in ("", *NOT_BODY_LABELS))  # "Hugo" as an EVENT
    )


def _pronoun_of_turn(
    doc: Doc, bounds: tuple[int, int], entity: Entity, last: _Last, other: _Last
) -> bool:
    """Whether the mention is *he* or *she* that the resolver gave the previous speaker
    when the speaker before, the other one of the dialogue, agrees with it as well: in a
    dialogue (:func:`_is_turn`) whose lines speak to each other (:func:`_replies`) the new
    paragraph's line is the other's."""
    s, e = bounds
    return (
        e - s == 1
        and doc[s].lower_ in ("he", "she")
        and entity is last[0]
        and entity.gender is not None
        and other[0].gender == entity.gender
    )


def _pronoun_left(
    doc: Doc, bounds: tuple[int, int], entity: Entity, last: _Last, other: _Last
) -> bool:
    """Whether the mention is *he* or *she* that the resolver left unresolved (the
    person it names too far back), the previous speaker being of the other gender and the
    one before, the other one of the dialogue, not: in a dialogue (:func:`_is_turn`) the
    new paragraph's line is the other's (``“Sure?” Celia asked. / “Yes,” Dmitri said. “I
    saw it.” / “Then we go.” / “Not yet,” he said.``)."""
    s, e = bounds
    gender = {"he": "male", "she": "female"}.get(doc[s].lower_)
    return (
        e - s == 1
        and gender is not None
        and entity.kind is SpeakerKind.UNKNOWN
        and last[0].kind is SpeakerKind.PERSON
        and last[0].gender not in (None, gender)
        and other[0].kind is SpeakerKind.PERSON
        and other[0].gender in (None, gender)
    )


_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself|yourselves)\b", re.IGNORECASE)


def _replies(previous: str, line: str) -> bool:
    """Whether two lines speak to each other: one says *you* (``"You're late."``), as the
    lines of a dialogue do and quotations of two people a reporter spoke to seldom do."""
    return bool(_SECOND_PERSON.search(previous) or _SECOND_PERSON.search(line))


def _quote(
    doc: Doc,
    text: str,
    c: Candidate,
    rule: str,
    para: int,
    speaker: Speaker | None,
    addressee: Speaker | None,
    lexicon: CueLexicon | None = None,
) -> Quote:
    """The record of one candidate."""
    kind = QuoteKind(c.kind)
    fragments: tuple[TextSpan, ...] = ()
    if c.pieces and (kind is QuoteKind.MIXED or len(c.pieces) > 1):
        fragments = tuple(_span(text, s, e) for s, e in c.pieces)
    cue = None
    if c.cue is not None:
        cs, ce = c.cue
        lemma = c.cue_lemma or text[cs:ce].lower()
        ctype = c.cue_type
        if lexicon is not None:
            lemma = lexicon.forms.get(text[cs:ce].lower(), lemma)  # "griped": gripe
            ctype = ctype or lexicon.cue_type(lemma)
        if ctype is None and kind is QuoteKind.DIRECT:
            ctype = "speech"  # quotation marks next to an attribution: words spoken
        if c.cue_type is None:  # '"...," the union said in a statement': writing
            att = c.attribution
            ctype = source_cue_type(ctype, doc, att.document, att.medium) or ctype
        cue = Cue(cs, ce, text[cs:ce], lemma, c.negated, type=ctype)
    return Quote(
        kind=kind,
        content=_span(text, c.start, c.end),
        fragments=fragments,
        cue=cue,
        speaker=speaker,
        paragraph=para,
        rule=rule,
        confidence=round(min(1.0, max(0.0, c.confidence)), 3),
        addressee=addressee,
        medium=char_span(doc, text, c.attribution.medium),
        date=char_span(doc, text, c.attribution.date),
    )


def _span(text: str, s: int, e: int) -> TextSpan:
    """``text[s:e]`` widened so that it splits no two-character mark. Marks are paired in
    a text where ``''`` is one mark and a space (:func:`~quotecraft.marks.replace_digraphs`),
    so a bound may fall between the two apostrophes (``was ''dead on arrival.''``)."""
    pairs = mark_table().digraphs
    if 0 < s < len(text) and text[s - 1 : s + 1] in pairs:
        s -= 1
    if 0 < e < len(text) and text[e - 1 : e + 1] in pairs:
        e += 1
    return TextSpan(s, e, text[s:e])


def build_article(
    ctx: DocContext, quotes: list[Quote], warnings: Iterable[str], *, id: str | None
) -> Article:
    """The :class:`~quotecraft.records.Article`: speakers renumbered, each listed once."""
    quotes = renumber_speakers(quotes)
    speakers: dict[str, Speaker] = {}
    for q in quotes:
        if q.speaker is not None and q.speaker.id not in speakers:
            speakers[q.speaker.id] = q.speaker
    seg = ctx.seg
    text = seg.text
    return Article(
        text=text,
        id=id,
        paragraphs=tuple(TextSpan(s, e, text[s:e]) for s, e in seg.paragraphs),
        boilerplate=tuple(TextSpan(s, e, text[s:e]) for s, e in seg.boilerplate),
        quotes=tuple(quotes),
        speakers=tuple(speakers.values()),
        warnings=tuple(dict.fromkeys(warnings)),
        is_html=seg.is_html,
    )


def renumber_speakers(quotes: list[Quote]) -> list[Quote]:
    """Speaker ids ``S1``, ``S2``, ... in order of first appearance in the quotes.

    Ids are stable for a given text and read naturally in the output, whatever
    order the resolver met the entities in.
    """
    ids: dict[str, str] = {}
    for q in quotes:
        for sp in (q.speaker, q.addressee):
            if sp is not None and sp.id not in ids:
                ids[sp.id] = f"S{len(ids) + 1}"
    out = []
    for q in quotes:
        speaker, addressee = _with_id(q.speaker, ids), _with_id(q.addressee, ids)
        if speaker is q.speaker and addressee is q.addressee:
            out.append(q)  # records are frozen: no copy needed when nothing changes
        else:
            out.append(attrs.evolve(q, speaker=speaker, addressee=addressee))
    return out


def _with_id(sp: Speaker | None, ids: dict[str, str]) -> Speaker | None:
    if sp is None or ids[sp.id] == sp.id:
        return sp
    return attrs.evolve(sp, id=ids[sp.id])


def char_span(doc: Doc, text: str, bounds: tuple[int, int] | None) -> TextSpan | None:
    if bounds is None:
        return None
    span = doc[bounds[0] : bounds[1]]
    return TextSpan(span.start_char, span.end_char, text[span.start_char : span.end_char])
