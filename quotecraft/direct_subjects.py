"""A direct quote's attribution around its marks, read through the parse and the words.

``"...," Ann Lee, 69, a retired nurse, said`` puts the cue far from the quote
(:func:`cue_after_long_subject`); ``"...," snapped the coach`` puts the speaker after
its verb (:func:`inverted_attribution`, :func:`inverted_speaker`); ``The critic, who
called the film "a triumph," left early`` ends a relative clause with the quote
(:func:`closes_relative_clause`); ``The bill, its sponsor argued, "would ..."`` interrupts
a clause the quote finishes (:func:`interposed_lead`). Naming verbs are in
:mod:`quotecraft.direct_naming`. :mod:`quotecraft.direct` asks these functions.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .aside_participles import participle_aside
from .attribution import Attribution, mention_bounds
from .candidates import Candidate, TokenIndex
from .cues import CueLexicon
from .direct_windows import FINAL
from .marks import Quoted
from .name_ends import partitive
from .sources import voice_owner
from .structure import age_noun, is_attribution_verb, is_speech_cue, misread_participle
from .wordlists import word_list

QUOTE_OPENERS = frozenset('“"‘«„')
"""Opening quotation marks."""

_SEPARATORS = (",", "!", "?", "…", "—", "–", "-")
"""Marks that set a quotation off from its attribution (inside or right after the marks)."""

_LONG_SUBJECT = 40
"""Tokens scanned after a quote for ``"...," Ann Lee, 69, a retired nurse, said``."""


def cue_after_long_subject(
    doc: Doc, q: Quoted, index: TokenIndex, lexicon: CueLexicon
) -> Token | None:
    """A cue verb after a long subject (name, age, apposition), found through the parse.

    Every token between the closing mark and the cue must be punctuation or belong
    to the cue's subject, so a cue of a later clause is never taken.
    """
    if q.close is None:
        return None
    first = index.at(q.close) + 1
    aside: range = range(0)  # ', speaking on condition of anonymity,' after the subject
    for i in range(first, min(len(doc), first + _LONG_SUBJECT)):
        t = doc[i]
        if "\n" in t.text or t.text in FINAL or t.text in QUOTE_OPENERS:
            return None
        if misread_participle(t, first):
            return t  # '"...," the farmer, Jo Lee, snapped ...' parsed as "the farmer snapped"
        if in_subject_relative(t, first) or i in aside:
            continue  # 'a neighbour who asked not to be named said': the speaker's description
        if not aside and participle_aside(doc, t, first):
            aside = range(i, t.right_edge.i + 1)
            continue
        if not is_speech_cue(t, lexicon) and not (
            is_attribution_verb(t) and t.dep_ not in ("relcl", "acl", "advcl")
        ):
            continue
        if subject_before_quote(t, q):
            return None  # 'The headline, "Markets Tumble," ran ...': the quote names a thing
        subject: set[int] = set()
        for c in t.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.i < t.i:
                subject.update(x.i for x in c.subtree)
        between = [x for x in doc[first:i] if x.i not in aside]
        if subject and all(x.i in subject or x.is_punct or x.is_space for x in between):
            return t
        if (
            not subject
            and t.tag_ in ("VBD", "VBZ")
            and is_speech_cue(t, lexicon)
            and phrase_before(doc, first, aside.start if aside else i, aside=bool(aside))
            is not None
            and all(x.is_punct for x in doc[aside.stop : i] if aside)
        ):
            return t  # '"...," Ramos, 58, told AFP': the parser read the name apart from the verb
        return None
    return None


def subject_before_quote(verb: Token, q: Quoted) -> bool:
    """The verb after a quotation has its subject before the opening mark: the quoted
    words stand in that subject's noun phrase (``The headline, "Markets Tumble," ran
    ...``, ``The slogan, "Build the Future," appeared ...``) and name what it says, so
    the verb attributes nothing to anyone after them."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.idx < q.open for c in verb.children)


def in_subject_relative(t: Token, first: int) -> bool:
    """Whether ``t`` is the verb of a relative clause on a noun after token ``first``
    that is the subject of a later verb (``a neighbour who asked not to be named said``):
    part of the speaker's description, not the cue. ``"Maybe," was all she said`` keeps
    its *said*."""
    noun = t.head
    return (
        t.dep_ == "relcl"
        and noun.i >= first
        and noun.dep_ in ("nsubj", "nsubjpass")
        and noun.head.i > t.i
    )


def phrase_before(
    doc: Doc, first: int, end: int, comma: bool = True, aside: bool = False
) -> Token | None:
    """The head of the one name or noun phrase (appositions included) that fills
    ``doc[first:end]`` up to a comma before ``end`` (or, with ``comma=False``, up to
    ``end`` itself), else None. A participle aside set off by commas at the end is no
    part of it (``a senior official, speaking on condition of anonymity,``)."""
    if comma and (end - first < 3 or doc[end - 1].text != ","):
        return None
    if end <= first:
        return None
    tail = doc[end - 2] if comma and end - first > 3 and not aside else None
    while tail is not None and tail.i >= first and tail.right_edge.i == end - 2:
        if participle_aside(doc, tail, first):  # "the officer, pointing at the gate,"
            return phrase_before(doc, first, tail.i, aside=True)
        tail = tail.head if tail.head.i != tail.i else None
    # an article the parse gave a word after the range ('"...," the 58-year-old told
    # reporters': *the* on *reporters*) is still the phrase's
    stray = doc[first].dep_ == "det" and not first <= doc[first].head.i < end and end > first + 1
    head = doc[first + 1] if stray else doc[first]
    while head.head.i != head.i and first <= head.head.i < end:
        head = head.head
    if head.pos_ not in ("PROPN", "NOUN") and not (age_noun(head) or partitive(head)):
        return None  # but "the 54-year-old", "one of the lawyers"
    own = {x.i for x in head.subtree if not (x.is_punct or x.is_space)} | (
        {first} if stray else set()
    )
    if not comma or aside:  # '"...," the coach posted': the verb hung on the noun
        own = {i for i in own if i < end}
    if not own or min(own) != first or max(own) >= end:
        return None
    if not all(x.i in own or x.is_punct or x.is_space for x in doc[first:end]):
        return None
    return head


_NP_POS = frozenset(("DET", "PROPN", "NOUN", "ADJ", "NUM"))
"""Parts of speech of the words of a plain noun phrase (``the team's new captain``)."""


def inverted_speaker(doc: Doc, verb: Token) -> Attribution | None:
    """The noun phrase right after an attribution verb that follows a quotation
    (``"...," snapped the coach``, ``..., sobbed Lily at the door``) as its speaker.

    Read from the words, not the parse, which often takes the inverted subject for an
    object or the verb for an adjective: determiners, adjectives, numbers, nouns, names
    and possessive endings, ending with a noun or a name, then the sentence end, a comma,
    a preposition, a subordinating conjunction (``..., panted Tomas Ruiz as he reached the
    top``), a participle on the noun (``..., read a banner hung from the bridge``) or the
    line end.
    """
    start = end = verb.i + 1
    while end < len(doc) and (
        doc[end].pos_ in _NP_POS
        or doc[end].tag_ in ("POS", "PRP$", "DT")
        or (end > start and _premodifier(doc, end))  # "asked a visibly shaken Ms. Shah"
        or _argument_misread(doc[end], verb)
    ):
        end += 1
    if end == start:
        return None
    last = doc[end - 1]  # "said one, a cashier", "said one of the guards": a pick of a group
    if (
        last.pos_ not in ("NOUN", "PROPN")
        and not (last.lower_ == "one" or partitive(last))
        and not _argument_misread(last, verb)
    ):
        return None
    if end < len(doc):
        nxt = doc[end]
        if not (
            nxt.text in FINAL
            or nxt.text in ",;"
            or nxt.pos_ in ("ADP", "SCONJ")
            or "\n" in nxt.text
            or _participle_on(nxt, doc[end - 1])  # "read a banner hung from the bridge"
        ):
            return None
    return Attribution(speaker=(start, end), speaker_head=end - 1)


def _argument_misread(word: Token, verb: Token) -> bool:
    """A word the tagger took for no noun (``"Get out!" shouted the innkeeper, pointing
    ...``: *innkeeper* an adverb) that the parser hung on the verb with an article of its
    own: only a noun takes an article."""
    return (
        word.is_alpha
        and word.is_lower
        and word.head.i == verb.i
        and any(c.dep_ == "det" and c.i < word.i for c in word.children)
    )


def _premodifier(doc: Doc, i: int) -> bool:
    """Inside a noun phrase, a word the tagger did not read as an adjective before the
    words it modifies: an adverb of degree before an adjective or a participle
    (``visibly`` in ``a visibly angry``), or a participle before a noun, a name or an
    adjective (``shaken`` in ``a shaken Ms. Shah``)."""
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if nxt is None:
        return False
    if doc[i].pos_ == "ADV":
        return nxt.pos_ == "ADJ" or nxt.tag_ in ("VBN", "VBG")
    return doc[i].tag_ in ("VBN", "VBG") and nxt.pos_ in ("NOUN", "PROPN", "ADJ")


def _participle_on(verb: Token, noun: Token) -> bool:
    """Whether ``verb`` is a participle on ``noun`` (``a banner hung from``, ``a man
    standing on``), as the parser hung it (``acl``) or as it read a past participle for a
    verb with ``noun`` its subject (``a notice nailed to the door``)."""
    if verb.dep_ == "acl":
        return verb.head.i == noun.i
    return (
        verb.tag_ in ("VBN", "VBD", "VBG")  # "said the man holding the door"
        and noun.head.i == verb.i
        and noun.dep_ in ("nsubj", "nsubjpass")
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )


def inverted_attribution(doc: Doc, q: Quoted, index: TokenIndex) -> Token | None:
    """``"You're late," snapped the coach.`` / ``'It's over,' sobbed Lily.``: a past or
    present verb right after a quotation that ends with a comma, ``!`` or ``?``, followed by
    its speaker (:func:`inverted_speaker`), whatever the verb."""
    if q.close is None:
        return None
    i = index.at(q.close) + 1
    if i < len(doc) and doc[i].text == ",":
        i += 1
    if i >= len(doc) or doc[i].idx > q.close + 3:
        return None
    verb = doc[i]
    if verb.tag_ not in ("VBD", "VBZ", "VBN") or verb.pos_ == "AUX" or not verb.is_lower:
        return None
    if subject_before_quote(verb, q):
        return None  # 'Her answer, "Not yet," surprised the panel.': the panel is no speaker
    return verb if inverted_speaker(doc, verb) is not None else None


def closes_relative_clause(doc: Doc, text: str, q: Quoted, cue: Token) -> bool:
    """The quote ends a relative clause on the sentence's subject, and the main clause's
    verb comes next: ``The critic, who called the film "a triumph," left early.``; or it
    ends, with a comma, a relative clause whose pronoun is the verb's object (``the levy,
    which Ada Munro called "pure theft," on Tuesday``). The words after the closing mark
    are the main clause's, not the quote's (a term)."""
    noun = cue.head
    if cue.dep_ != "relcl" or q.close is None:
        return False
    if not (text[q.start : q.end].rstrip().endswith(",") or text[q.close + 1 : q.close + 2] == ","):
        return False
    if cue.right_edge.idx < q.close and any(c.dep_ == "dobj" and c.i < cue.i for c in cue.children):
        return True  # "the levy, which Ada Munro called "pure theft," on Tuesday": set off
    # the parser may read the subject with its clause as a fragment (the noun the root)
    if noun.dep_ not in ("nsubj", "nsubjpass", "ROOT"):
        return False
    nxt = next((t for t in doc[cue.i :] if t.idx > q.close and not t.is_punct), None)
    if nxt is None or nxt.pos_ not in ("VERB", "AUX"):
        return False
    return noun.head.i in (nxt.i, nxt.head.i) or nxt.head.i == noun.i


def speaker_outside_quote(doc: Doc, q: Quoted, index: TokenIndex, cue: Token) -> Attribution:
    """The speaker of a direct quote whose parse took a word inside the quotation for the
    cue's subject (``"The bridge," said the inspector, Karl Dunn, "will ..."`` read as *the
    bridge said*): the noun phrase right after an inverted cue (:func:`inverted_speaker`)
    or the one noun phrase between the closing mark and the cue (``"A," the inspector,
    Karl Dunn, said, "B"``); else no speaker, since words in the marks never speak them.
    """
    none = Attribution()
    if q.close is None:
        return none
    first = index.at(q.close) + 1
    if first < len(doc) and doc[first].text == ",":
        first += 1
    if cue.i == first:
        return inverted_speaker(doc, cue) or none
    if cue.i < first:
        return none
    named = phrase_before(doc, first, cue.i, comma=doc[cue.i - 1].text == ",")
    if named is None:
        return none
    named = voice_owner(named)  # '"...," said the voice of the guard': the guard
    start, end = mention_bounds(named)
    if start == first + 1 and doc[first].dep_ == "det":
        start = first  # the article the parse gave a word after the cue: "the 58-year-old"
    return Attribution(speaker=(start, end), speaker_head=named.i)


def keep_speaker_outside(doc: Doc, q: Quoted, index: TokenIndex, cand: Candidate) -> None:
    """A speaker the parse found inside the quotation is replaced by the one outside: after
    the quote, :func:`speaker_outside_quote`; before it, the subject of the verb a
    participle cue follows (``Lee said, suggesting, "Do you ...?"``) or the name right
    before the cue, else none: the quoted words never name their speaker. A verb the parse
    took for the subject of a cue after the quote gives way to the noun phrase after it."""
    att = cand.attribution
    if att is None or att.speaker_head is None or cand.cue_token is None or q.close is None:
        return
    cue = doc[cand.cue_token]
    out = None
    if not q.open <= doc[att.speaker_head].idx < q.close:
        if doc[att.speaker_head].pos_ != "VERB" or cue.idx < q.close:
            return
        # '"...," said an obviously shaken Ms. Quill': the parse took "shaken" for the
        # subject; the noun phrase after the inverted cue, when there is one, speaks
        out = speaker_outside_quote(doc, q, index, cue)
        if out.speaker_head is None:
            return
    elif cue.idx > q.close:
        out = speaker_outside_quote(doc, q, index, cue)
    elif cue.idx < q.open:  # 'X said, suggesting, "do you ...?"': the parse hung it inside
        out = _participle_subject(cue, q.open) or _name_before(cue) or Attribution()
    if out is not None:
        # '"Which platform?" asked the driver.': the object the parse gave the cue is now
        # the speaker, and the one who speaks is never the one spoken to
        told = att.addressee
        if told is not None and out.speaker is not None and _overlap(told, out.speaker):
            told = None
        cand.attribution = Attribution(
            speaker=out.speaker,
            speaker_head=out.speaker_head,
            addressee=told,
            medium=att.medium,
            date=att.date,
        )


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _participle_subject(cue: Token, before: int) -> Attribution | None:
    """The subject of the verb a participle cue follows after a comma, before the
    character offset ``before`` (``Lee said, adding, "..."``: Lee), or None."""
    doc = cue.doc
    if cue.tag_ not in ("VBG", "VBN") or cue.i < 2 or doc[cue.i - 1].text != ",":
        return None
    verb = doc[cue.i - 2]
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.idx < before), None)
    if verb.pos_ not in ("VERB", "AUX") or subject is None:
        return None
    return Attribution(speaker=mention_bounds(subject), speaker_head=subject.i)


def _name_before(cue: Token) -> Attribution | None:
    """The name right before a cue (after a bracketed aside: ``Rep. Paul Ryan (R-WI)
    said "..."``), when the parse took a word in the quotation for its subject."""
    doc = cue.doc
    i = cue.i - 1
    if i > 0 and doc[i].text == ")":
        while i > 0 and doc[i].text != "(":
            i -= 1
        i -= 1
    if i < 0 or doc[i].pos_ != "PROPN" or doc[i].ent_type_ not in ("PERSON", "ORG", ""):
        return None
    return Attribution(speaker=mention_bounds(doc[i]), speaker_head=i)


def according_to_after(after: list[Token]) -> Token | None:
    """The *according* of ``according to X`` right after a quote's closing mark (after a
    comma outside the marks too): the source of the whole quotation."""
    k = 1 if after and after[0].text == "," else 0
    if len(after) > k + 1 and after[k].lower_ == "according" and after[k + 1].lower_ == "to":
        return after[k]
    return None


def puts_it(verb: Token) -> bool:
    """``put it`` / ``puts it`` with a subject of its own and nothing after its "it"."""
    return (
        verb.lemma_.lower() == "put"
        and verb.pos_ == "VERB"
        and any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children)
        and not any(
            c.i > verb.i and c.dep_ in ("prep", "prt", "advmod", "dative", "xcomp", "ccomp")
            for c in verb.children
        )
    )


def quoted_subject(doc: Doc, text: str, q: Quoted, verb: Token) -> bool:
    """The quoted words are (part of) the subject of the verb after them: a title or a
    word that does something, not a quotation (check ``quoted_subject``).

    ``"Cats" ran for years``, ``'Vogel' comes from German``, ``"Moby-Dick" tells the
    story of ...``, ``The story "Umoregi" signaled ...``: the verb's subject, or the noun
    phrase it heads, holds the quoted words, which name something (no verb of their own:
    a clause in marks stays a quotation). A passive with its agent keeps the title as the
    agent's words (``"Blue Moon" was written by ...``, annotated so in PolNeAR). With nothing to set the quote off (no comma,
    ``!``, ``?`` or dash), any verb reads so; after a comma only a verb of ``work_verbs``
    (``"Wonderwall," topped the charts.``), since ``"Nonsense," snapped the coach.`` (a
    quotation with its speaker after the verb) parses the same way.
    """
    if q.close is None:
        return False
    span = (
        doc.char_span(q.open + 1, q.close, alignment_mode="expand")
        if q.close > q.open + 1
        else None
    )
    inside = [t for t in span or () if q.open < t.idx < q.close and not t.is_space]
    if not inside or any(t.pos_ in ("VERB", "AUX") for t in inside):
        return False
    if any(c.dep_ == "agent" for c in verb.children):
        return False  # '"American Skin" was written by Springsteen': the author's words
    ids = {t.i for t in inside}
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    holding = [s for s in subjects if ids & {x.i for x in s.subtree}]
    if not holding or len(holding) < len(subjects):
        return False  # a subject outside the marks speaks ('"...," ― Oscar Ruiz' as a verb)
    after = text[q.close + 1 : q.close + 3].lstrip()
    separated = text[q.start : q.end].rstrip().endswith(_SEPARATORS) or after.startswith(
        _SEPARATORS
    )
    return not separated or verb.lemma_.lower() in word_list("work_verbs")


def interposed_lead(text: str, q: Quoted, before: list[Token], cue: Token) -> int | None:
    """Where the clause starts that the quoted words finish, when the attribution before
    them interrupts it (rule ``mixed.interposed.v1``); None when it does not.

    ``The bill, its sponsor argued, "would put families first."``, ``Sooner or later, the
    governor told reporters, "it starts to pay off."``: the quoted words start in lower
    case, the attribution (the cue's subject, the cue and its own words) stands between
    two commas, and words of the same sentence with no quotation mark stand before it,
    from the sentence's start. A quotation that starts a sentence of its own (``After the
    vote, Lee said, "We lost."``) is direct.
    """
    first = next((c for c in text[q.start : q.end] if c.isalpha()), "")
    if not first.islower() or not before or before[-1].text != ",":
        return None
    doc = cue.doc
    start = cue.sent.start
    comma = next((x for x in reversed(doc[start : cue.i]) if x.text == ","), None)
    if comma is None or not any(c.dep_ == "nsubj" and comma.i < c.i < cue.i for c in cue.children):
        return None  # the attribution, from the comma before it, holds the cue's subject
    held = {x.i for x in before}
    lead = doc[start : comma.i]
    if not len(lead) or any(x.i not in held for x in lead):
        return None  # the window must hold the whole start of the clause
    if any(x.is_quote or x.text in QUOTE_OPENERS for x in lead) or not any(
        x.is_alpha for x in lead
    ):
        return None
    return lead[0].idx
