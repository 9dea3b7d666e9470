"""Sources that are documents, and media: who speaks through a report, a note or a
study, and where it was said (``medium_and_date``: *in an interview*, *on Monday*).

A document noun (word lists ``medium_nouns`` and ``evidence_nouns``: *report*, *note*,
*statement*, *poll*, *data*...) names where something was said, written or shown,
not who said it; so does an answer (``response_nouns``: *the reply from X*). Rule ``source.document.v1``:

- a document with an author gives the author as the speaker and the document as the
  medium: ``X's letter``, ``a report by X``, ``a note from X``, ``figures released by
  X`` (an authoring participle, word list ``authoring_verbs``), ``a Reuters poll`` (a
  named organization or person compounded with the document);
- a message with no author after *according to* gives no speaker and the message as
  the medium (``according to a note to clients``): the text does not say who wrote it;
- evidence with no author is itself the source (``according to the poll``, ``the data
  show``): it keeps the speaker;
- a passive *as* clause with no agent speaks through the document or publication it
  cites (``As stated in the auditor's report, ...``: the auditor; ``As reported in the
  Gazette, ...``): :func:`passive_as_source`;
- a participle on a document speaks for whoever owns or issued it (``the campaign's
  statement saying ...``): :func:`participle_owner`;
- *the* document met earlier speaks for the author it had there (``Ann Lee said in a
  statement that ... The statement added ...``): :func:`earlier_author`, which the
  speaker stage's sieve uses (``Resolution.DESCRIPTION``).

Rule ``source.cue_type.v1``: a speech cue (``said``, ``according to``) reports evidence
when its source is evidence (``according to the poll``, ``research suggests``) and
writing when its medium or source is written (``in a statement``, ``a memo said``:
word list ``written_media``).

Rule ``cue_type.commitment.v1``: a speech verb that commits its speaker (word list
``commitment_verbs``) reports an intention when its content is a to-infinitive
(``vowed to rebuild``), speech when it is a clause (``promised that ...``).

Example:
    >>> import quotecraft
    >>> q = quotecraft.extract("The bank will cut rates, according to a note to clients.").quotes[0]
    >>> q.cue.text, q.cue.type.value, q.speaker, q.medium.text
    ('according to', 'writing', None, 'a note')
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .wordlists import word_list

_AUTHOR_LABELS = frozenset({"ORG", "PERSON"})
_AUTHOR_PREPS = frozenset({"by", "from"})
_DATE_LABELS = frozenset({"DATE", "TIME"})


def _listed(noun: Token, name: str) -> bool:
    """``noun`` is in word list ``name`` by lemma, as written, or as the whole of a
    hyphenated word the tokenizer splits (``op-ed``: *op*, *-*, *ed*)."""
    words = word_list(name)
    return noun.lemma_.lower() in words or noun.lower_ in words or _hyphenated(noun) in words


def _hyphenated(noun: Token) -> str:
    doc, k = noun.doc, noun.i
    while k >= 2 and doc[k - 1].text == "-" and not doc[k - 1].whitespace_:
        k -= 2
    return doc[k : noun.i + 1].text.lower() if k < noun.i else ""


def is_evidence(noun: Token) -> bool:
    """True when ``noun`` names evidence (word list ``evidence_nouns``: *poll*, *data*)."""
    return noun.pos_ in ("NOUN", "PROPN") and _listed(noun, "evidence_nouns")


def is_document(noun: Token) -> bool:
    """True when ``noun`` names a document, a medium, evidence or an answer (word lists
    ``medium_nouns``, ``evidence_nouns``, ``response_nouns``)."""
    return noun.pos_ in ("NOUN", "PROPN") and (
        _listed(noun, "medium_nouns")
        or _listed(noun, "evidence_nouns")
        or _listed(noun, "response_nouns")
    )


def document_author(doc_noun: Token) -> Token | None:
    """Who a document speaks for: ``X's letter``, ``a report by X``, ``a note from X``,
    ``figures released by X``, ``a Reuters poll``, ``a note to clients from X``; None when
    the text does not say."""
    if not is_document(doc_noun):
        return None
    came = doc_noun.head.lemma_ == "come" and _listed(doc_noun, "response_nouns")
    for c in [*doc_noun.children, *(doc_noun.head.rights if came else ())]:
        # "came the retort | from X": the parse may hang the source on "came"
        if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN", "PRON"):
            return c
        if c.dep_ == "prep" and c.lower_ in _AUTHOR_PREPS:
            for obj in c.children:
                if obj.dep_ == "pobj" and obj.pos_ in ("PROPN", "NOUN") and not _place(obj):
                    return obj
    for c in doc_noun.children:
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in word_list("authoring_verbs"):
            agent = _agent(c)
            if agent is not None:
                return agent
    return (
        _compound_author(doc_noun) or _author_after_addressee(doc_noun) or _author_set_off(doc_noun)
    )


def _place(noun: Token) -> bool:
    """A part of a place or a place (``place_parts``, ``place_nouns``: *the back of the
    hall*, *the front*), which writes no letter and gives no reply."""
    low = noun.lower_
    return noun.pos_ == "NOUN" and (
        low in word_list("place_parts") or low in word_list("place_nouns")
    )


_DOCUMENT_REACH = 4
"""How many sentences back :func:`earlier_author` looks for the document met before."""


def earlier_author(noun: Token) -> Token | None:
    """The author of the text or study *the* ``noun`` takes up (:func:`_authored`): the
    latest earlier mention of the same noun, in its sentence or the four before, with the
    author it has there (:func:`document_author`, or the subject of the verb it was said
    in or of the authoring verb that made it: ``Ann Lee said in a statement``, ``The
    council issued a report``). None when that mention has none, or there is none."""
    if noun.tag_ != "NN" or noun.dep_ not in ("nsubj", "pobj") or not _authored(noun):
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return None
    doc, sent = noun.doc, noun.sent
    for _ in range(_DOCUMENT_REACH):
        if sent.start == 0:
            break
        sent = doc[sent.start - 1].sent
    for t in reversed(doc[sent.start : noun.i]):
        if t.lemma_ == noun.lemma_ and t.pos_ == "NOUN":
            return document_author(t) or _medium_author(t)
    return None


def _authored(noun: Token) -> bool:
    """A text or a study, which has an author (``written_media``, ``evidence_nouns``: *the
    letter*, *the poll*); not an occasion or a show (*the rally*, *the program*)."""
    return _listed(noun, "written_media") or _listed(noun, "evidence_nouns")


def _medium_author(doc_noun: Token) -> Token | None:
    """The subject of the verb a document was said in (``X said in a statement``) or of
    the authoring verb whose object it is (``X issued a statement``)."""
    head = doc_noun.head
    if doc_noun.dep_ == "pobj" and head.lower_ in ("in", "through", "via"):
        verb = head.head
    elif doc_noun.dep_ == "dobj" and head.lemma_.lower() in word_list("authoring_verbs"):
        verb = head
    else:
        return None
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _author_set_off(doc_noun: Token) -> Token | None:
    """``The report, by the Audit Office, warns``: an author's *by* phrase between commas
    after the subject, which the parser hangs on the verb."""
    doc, verb = doc_noun.doc, doc_noun.head
    k = doc_noun.right_edge.i + 1
    if doc_noun.dep_ != "nsubj" or k + 1 >= len(doc) or doc[k].text != ",":
        return None
    by = doc[k + 1]
    if by.lower_ != "by" or by.head.i != verb.i or verb.i < by.right_edge.i:
        return None
    obj = next((o for o in by.children if o.dep_ == "pobj"), None)
    after = by.right_edge.i + 1
    if obj is None or doc[after].text != ",":
        return None
    named = obj.pos_ == "PROPN" or any(c.dep_ in ("det", "poss") for c in obj.children)
    return obj if named else None  # not "The report, by contrast, says"


def _author_after_addressee(doc_noun: Token) -> Token | None:
    """``a note to clients from X``, ``a letter to staff by X``: the author's phrase after
    the addressee's, which the parser hangs on the addressee (and the addressee's *to* on
    the verb before the document, as often as on the document)."""
    doc = doc_noun.doc
    to = doc_noun.right_edge.i + 1
    if to >= len(doc) or doc[to].lower_ not in ("to", "for") or doc[to].dep_ != "prep":
        return None
    for addressee in doc[to].children:
        if addressee.dep_ != "pobj":
            continue
        for c in addressee.children:
            if c.dep_ == "prep" and c.lower_ in _AUTHOR_PREPS:
                obj = next((o for o in c.children if o.dep_ == "pobj"), None)
                if obj is not None and obj.pos_ in ("PROPN", "NOUN"):
                    return obj
    return None


def _agent(participle: Token) -> Token | None:
    """``released by X``: X."""
    for c in participle.children:
        if c.dep_ == "agent":
            for obj in c.children:
                if obj.dep_ == "pobj" and obj.pos_ in ("PROPN", "NOUN"):
                    return obj
    return None


def _compound_author(doc_noun: Token) -> Token | None:
    """``a Reuters poll``, ``a Goldman Sachs note``: the named organization or person
    compounded with the document (its last word), not a date or a place."""
    named = [
        c
        for c in doc_noun.lefts
        if c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ in _AUTHOR_LABELS
    ]
    return named[-1] if named else None


def document_bounds(doc: Doc, noun: Token) -> tuple[int, int]:
    """Token bounds of the document phrase up to its noun: ``a report`` of ``a report
    by X``, ``a note`` of ``a note to clients``."""
    start, end = noun.left_edge.i, noun.i + 1
    while start < noun.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return start, end


def unsigned_document(head: Token | None, according: bool) -> bool:
    """True for ``according to`` a message that names no author (``a note to clients``),
    and for an answer that names none (``"No," came the answer.``, ``... came the reply
    from the back of the hall``): the quote has that medium and no speaker. Evidence
    (``the poll``) is its own source."""
    return (
        (according or (head is not None and _listed(head, "response_nouns")))
        and head is not None
        and is_document(head)
        and not is_evidence(head)
        and document_author(head) is None
    )


def source_cue_type(
    base: str | None, doc: Doc, document: int | None, medium: tuple[int, int] | None
) -> str | None:
    """Rule ``source.cue_type.v1``: the type of a speech cue given its source document
    (token index) and medium (token bounds): evidence or writing, else None (no change)."""
    if base != "speech":
        return None
    nouns = [doc[document]] if document is not None else []
    if medium is not None:
        nouns.append(doc[medium[0] : medium[1]].root)
    if any(is_evidence(n) for n in nouns):
        return "evidence"
    if any(_listed(n, "written_media") for n in nouns):
        return "writing"
    return None


def medium_and_date(cue: Token) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """``in an interview with Table Briefings``, ``on Monday, December 2nd``, as token bounds."""
    medium = date = None
    heads = [cue]
    if cue.head.i != cue.i and cue.dep_ in ("advcl", "conj", "xcomp"):
        heads.append(cue.head)
    # "Writing in the Sunday Ledger, X argued ...": the publication a writer wrote in
    writing = [c for c in cue.children if c.dep_ == "advcl" and c.lemma_.lower() == "write"]
    for h in heads + writing:
        for c in h.children:
            if (
                medium is None
                and c.dep_ == "prep"
                and c.lower_ in ("in", "on", "during", "via", "through")
            ):
                for obj in c.children:
                    if obj.dep_ == "pobj" and (
                        _medium_noun(obj)
                        or obj.lower_ in word_list("platforms")
                        or (h in writing and obj.pos_ == "PROPN")
                    ):
                        medium = (obj.left_edge.i, obj.right_edge.i + 1)
                        break
            if (
                date is None
                and c.ent_type_ in _DATE_LABELS
                and c.dep_ in ("npadvmod", "tmod", "prep", "pobj")
            ):
                date = (c.left_edge.i, c.right_edge.i + 1)
            if date is None and c.dep_ == "prep" and c.lower_ in ("on", "in", "at", "last", "this"):
                for obj in c.children:
                    if obj.dep_ == "pobj" and obj.ent_type_ in _DATE_LABELS:
                        date = (c.i, obj.right_edge.i + 1)
                        break
    doc: Doc = cue.doc
    if medium is not None:
        # "an interview with X on Monday": the date inside the medium phrase is the date
        for t in doc[medium[0] : medium[1]]:
            if t.dep_ == "prep" and any(
                o.dep_ == "pobj" and o.ent_type_ in _DATE_LABELS for o in t.children
            ):
                if date is None:
                    date = (t.i, t.right_edge.i + 1)
                medium = (medium[0], t.i)
                break
        medium = trim_phrase(doc, medium) if medium[1] > medium[0] else None
    if date is not None:
        date = trim_phrase(doc, date)
    return medium, date


def trim_phrase(doc: Doc, bounds: tuple[int, int]) -> tuple[int, int]:
    """A medium's or date's bounds cut at a comma, bracket or dash, without final punctuation."""
    s, e = bounds
    for k in range(s + 1, e):
        if doc[k].text in ("(", "[", ",", ";", "—", "–"):
            if doc[k].ent_type_ and k + 1 < e and doc[k + 1].ent_type_ == doc[k].ent_type_:
                continue  # "Monday, December 2nd": a comma inside one date
            e = k
            break
    while e > s + 1 and doc[e - 1].is_punct:
        e -= 1
    return s, e


def _medium_noun(noun: Token) -> bool:
    """A noun of word list ``medium_nouns`` by lemma or as a hyphenated word (``op-ed``)."""
    media = word_list("medium_nouns")
    return noun.lemma_.lower() in media or _hyphenated(noun) in media


def commitment_cue_type(base: str | None, cue: Token, content: Token) -> str | None:
    """Rule ``cue_type.commitment.v1``: ``intention`` for a speech cue of word list
    ``commitment_verbs`` whose content is its to-infinitive (``vowed to rebuild``), else
    None (no change)."""
    if base != "speech" or cue.lemma_.lower() not in word_list("commitment_verbs"):
        return None
    return "intention" if content.dep_ == "xcomp" and content.head.i == cue.i else None


def noun_cue_owner(noun: Token) -> Token | None:
    """A noun cue's speaker: its possessor (``X's statement``), else ``by/from/of X``,
    else a name of a person or organization compounded with it (``a Harbor Gazette
    report that ...``, as ``a Reuters poll`` names its author)."""
    for c in noun.children:
        if c.dep_ == "poss":
            return c
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("by", "from", "of"):
            for obj in c.children:
                if obj.dep_ == "pobj" and obj.pos_ in ("PROPN", "NOUN", "PRON"):
                    return obj
    return _compound_author(noun)


_HOLDING_PREPS = frozenset({"in", "under", "on"})
_ARRIVING = frozenset({("come", "to"), ("arrive", "at")})
"""A verb and preposition by which a subject arrives at a view of its own."""


def holding_verb(noun: Token) -> Token | None:
    """``X acted in the belief that``: the verb holding a noun cue by *in*, *under* or *on*
    (or *come to*, *arrive at*: ``X came to the conclusion that``), or a verb of word list
    ``light_verbs`` taking it as object (``X made the claim that``).
    Not ``X bristled at the suggestion that ...``, which someone else made; nor a noun cue
    with a possessor or an author of its own."""
    if noun_cue_owner(noun) is not None:
        return None
    if (
        noun.dep_ == "pobj"
        and noun.head.lower_ in _HOLDING_PREPS
        and noun.head.head.pos_ in ("VERB", "AUX")
    ):
        return noun.head.head
    if (
        noun.dep_ == "pobj"
        and (noun.head.head.lemma_.lower(), noun.head.lower_) in _ARRIVING
        and noun.head.head.pos_ == "VERB"
    ):
        return noun.head.head  # "X came to the conclusion that": X's
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in word_list("light_verbs"):
        return noun.head  # "X made the claim that", "X issued a warning that": X's
    return None


def voice_owner(noun: Token) -> Token:
    """The one whose voice ``noun`` is (``the pilot's voice``, ``the voice of the
    announcer``, a word of ``voice_nouns``), who speaks; else ``noun`` itself (a voice of
    no one named, ``a voice called``, is all the text says of its speaker)."""
    if noun.lemma_.lower() not in word_list("voice_nouns"):
        return noun
    for c in noun.children:
        if c.dep_ == "poss":
            return c
        if c.dep_ == "prep" and c.lower_ == "of":
            return next((o for o in c.children if o.dep_ == "pobj"), noun)
    return noun


def passive_as_source(cue: Token) -> Token | None:
    """The document or organization a passive *as* clause cites when it names no agent:
    ``As stated in the auditor's report, ...``, ``As reported in the Gazette, ...`` (the
    report, whose author :func:`document_author` then gives, or the Gazette). None for
    any other cue."""
    if cue.tag_ != "VBN" or not any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in cue.children):
        return None
    for c in cue.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "on"):
            for obj in c.children:
                if obj.dep_ == "pobj" and (is_document(obj) or obj.ent_type_ in _MEDIUM_NAMES):
                    return obj
    return None


_MEDIUM_NAMES = frozenset({"ORG", "PERSON", "WORK_OF_ART"})
"""Entity labels the tagger gives a named publication (``the Gazette``)."""


def participle_owner(noun: Token) -> Token | None:
    """Who speaks through ``noun`` in ``a group seeking to ...``, ``a statement saying ...``.

    A group or person speaks for itself. A document speaks for whoever owns or issued it
    (``the campaign's statement saying``, ``the campaign released a statement saying``)."""
    if noun.lemma_.lower() not in word_list("medium_nouns"):
        return noun
    for c in noun.children:
        if c.dep_ == "poss":
            return c
    verb = noun.head
    if noun.dep_ == "dobj" and verb.pos_ == "VERB":
        for c in verb.children:
            if c.dep_ == "nsubj":
                return c
    return None


def shown_speaker(cue: Token) -> Token | None:
    """The one a recording or picture shows speaking: a present participle cue with no
    subject of its own, right after the object of *of* on a noun of ``recording_nouns``
    with no comma between them (``footage of the governor | saying, "..."``, ``a clip of
    Mayor Calder | saying she would ...``), is that object's act, not the act of the
    sentence's subject (``The ad ends with ...``, ``The campaign released ...``)."""
    if cue.tag_ != "VBG" or cue.i == 0 or cue.left_edge.i != cue.i:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in cue.children):
        return None
    obj: Token | None = cue.doc[cue.i - 1]
    while obj is not None and obj.right_edge.i == cue.i - 1 and obj.dep_ != "pobj":
        obj = obj.head if obj.head.i != obj.i else None
    if obj is None or obj.dep_ != "pobj" or obj.right_edge.i != cue.i - 1:
        return None
    of = obj.head
    if of.lower_ != "of" or obj.pos_ not in ("NOUN", "PROPN"):
        return None  # not a pronoun: 'linked to a video of her saying' may be the linker
    shown = of.head.lemma_.lower() in word_list("recording_nouns")
    return obj if shown else None  # not "a letter to the board of directors | urging"
