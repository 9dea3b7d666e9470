"""Names the entity tagger missed or mislabelled, found from what the text says of them.

:func:`quotecraft.speaker_names.person_spans` adds these to the tagged names, so the
speaker table knows them and a later surname finds the whole name:

- a name with a role set beside it (``Seo-yeon Park, a pharmacist, said``): a run of
  capitalized proper nouns in no entity with an apposition whose head is a title word;
- a known first name and a surname in no entity (``Ilse Vanderbeek said``): the first
  name a compound of a capitalized proper noun right after it;
- a given name written with a hyphen and a lowercase second half, and a surname
  (``Seo-yeon Park``, ``Jae-won Kim``);
- a name of one to three capitalized words with an age set off after it (``Hollis, 45,
  said``) or cited by a year in parentheses (``Okafor (2004) argues``): only a person;
- a name of one to three capitalized words, the subject of a gesture (``Lindqvist
  nodded``), or with a relative clause opened by *who* or *whom* (``Yusuf, who``);
- a name of one to three capitalized words joined by *and* or *or* to a name the tagger
  labelled a person, the pair the subject of a verb (``Kofi and Ama walked home``), and
  no word the tagger labels a body or place elsewhere in the text (:func:`_paired`);
- a name of one to three capitalized words that opens its sentence as the subject of its
  main verb, a cue verb, or is the subject of the cue right after a quotation that stands
  on its own, and that *he* or *she* takes up as the next sentence's main subject (``Kant
  argued that ... He wrote ...``, ``"...," Hollis protested. "...," he added``);
- a word read as a common noun opening its sentence as its main verb's subject, with a
  role beside it or a known first name taken up next (:func:`misread_first_names`).

And a name the tagger labelled as a body or place is a person when a person's role is set
beside it, unless the tagger found the person's longer name elsewhere (``The coach, Aiden
Park,``; not a role a body fills, ``the owner``), or (``Okonkwo Achebe`` as ORG) when *he*
or *she* takes it up as the next sentence's main subject, or when it does what only a
person does (``Hughes shrugged``: a verb of ``gesture_verbs``), and a name labelled a
place, product or work (not a body or group: ``Arsenal, who won``, ``Republicans, who``)
is one when a *who* clause hangs on it (:func:`pronoun_named`).

None covers a word of a body or a place (``Harbor Authority``, ``Elm Street``), a
title or an honorific; the names the tagger missed cover no token of any entity.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.attrs import ENT_IOB, POS
from spacy.parts_of_speech import PROPN
from spacy.tokens import Doc, Span, Token

from .content_trim import SUBJECT_DEPS
from .cues import default_lexicon
from .doc_arrays import entities, sentences, token_array
from .speaker_features import first_name_entity, first_names, honorifics, pronouns
from .speaker_uptake import next_subject_pronoun, no_person_near, own_possessive, taken_up
from .titles import Titles
from .wordlists import word_list

__all__ = ["untagged_names"]

PERSON = "PERSON"


def _plain(tok: Token, stop: frozenset[str], place: bool = False, tagged: bool = False) -> bool:
    """A capitalized word of a name: in no entity (unless ``tagged`` allows one), no
    title, body or honorific, and no place word unless ``place`` allows one (a surname
    ``Park`` after ``Seo-yeon``)."""
    return (
        tok.is_alpha
        and tok.text[:1].isupper()
        and (tagged or not tok.ent_type_)
        and tok.lower_ not in stop
        and tok.lower_ not in honorifics()
        and tok.lower_ not in word_list("organization_nouns")
        and (place or tok.lower_ not in word_list("place_nouns"))
    )


def _joined(doc: Doc, i: int) -> bool:
    """Whether ``doc[i]`` is the second half of a hyphenated word (``yeon`` of ``Seo-yeon``)."""
    return (
        i >= 2
        and doc[i - 1].text == "-"
        and not doc[i - 1].whitespace_
        and not doc[i - 2].whitespace_
        and doc[i].is_alpha
        and not doc[i].ent_type_
    )


def _name_start(head: Token, stop: frozenset[str]) -> int | None:
    """The first token of the name whose last word is ``head``: one or two capitalized
    compounds before it, a hyphenated word counting as one (``Seo-yeon``); None when
    there are none or more, or one is no name word."""
    doc, i, words = head.doc, head.i, 0
    while i > 0 and words < 3:
        prev = i - 1
        if doc[prev].dep_ != "compound" or not doc[prev].whitespace_:
            break
        first = prev - 2 if _joined(doc, prev) else prev
        if not _plain(doc[first], stop):
            break
        i, words = first, words + 1
    return i if 1 <= words <= 2 else None


def untagged_names(doc: Doc, titles: Titles, found: Sequence[Span] = ()) -> list[Span]:
    """PERSON spans for the names of ``doc`` no entity covers (see the module) and none
    of the names already ``found`` overlaps."""
    _, words, mods = titles
    taken = {i for sp in found for i in range(sp.start, sp.end)}
    stop = words | mods
    out: list[Span] = []
    pos, iob = token_array(doc, POS), token_array(doc, ENT_IOB)
    for i in ((pos == PROPN) & (iob == 2)).nonzero()[0].tolist():
        tok = doc[i]  # a proper noun outside every entity (IOB "O")
        if tok.dep_ == "compound" or not _plain(tok, stop, place=True):
            continue
        start = _name_start(tok, stop)
        if start is None:
            alone = Span(doc, i, i + 1, label=PERSON)
            if (
                (
                    _aged(tok, cited=True)
                    or _gestures(alone, stop)
                    or _personal(alone, stop)
                    or _paired(alone, stop)
                    or _inverted(alone, stop)
                )
                and _plain(tok, stop)
                and i not in taken
            ):
                out.append(alone)  # "Hollis, 45, said", "Lindqvist nodded", "Yusuf, who"
            continue
        hyphenated = start + 2 < tok.i and _joined(doc, start + 2) and doc[start + 2].is_lower
        if not (hyphenated or _plain(tok, stop)):
            continue  # 'Ilse Park' may be a park; 'Seo-yeon Park' is a woman
        role = any(c.dep_ == "appos" and c.lower_ in words for c in tok.children)
        given = doc[start].lower_ in first_names() and doc[start].pos_ == "PROPN"
        named = Span(doc, start, tok.i + 1, label=PERSON)
        if (
            role
            or given
            or hyphenated
            or _aged(tok, cited=True)
            or _gestures(named, stop)
            or _personal(named, stop)
            or _paired(named, stop)
        ) and taken.isdisjoint(range(start, tok.i + 1)):
            out.append(named)
    for ent in entities(doc):  # "Jo Park, 61," tagged a place: an age says a person
        aged = ent.label_ in _BODY_LABELS and 0 < len(ent) < 4 and _aged(ent[-1])
        if (
            aged
            and taken.isdisjoint(range(ent.start, ent.end))
            and all(
                t.pos_ == "PROPN" and _plain(t, stop, place=t.i == ent.end - 1, tagged=True)
                for t in ent
            )
        ):
            out.append(Span(doc, ent.start, ent.end, label=PERSON))
    out += [sp for sp in misread_first_names(doc, stop, words) if sp.start not in taken]
    return out


def misread_first_names(
    doc: Doc, stop: frozenset[str], roles: frozenset[str] = frozenset()
) -> list[Span]:
    """Names the tagger read as common nouns (``Mara set down her cup.``: *Mara* a plural
    noun): a capitalized word opening its sentence as the main verb's subject, in no entity
    or one of its own, either a word of ``first_names`` the next *he*, *she*, *his* ...
    takes up (:func:`taken_up`) in its usual gender, no person named between, or a word (no
    role or group: not ``Others, notably the economist Ruth Amsel,``) with a role of
    ``roles`` beside it (``Hendricks, a former miner,``). ``Hope springs eternal.``: no one."""
    out: list[Span] = []
    if not doc.has_annotation("SENT_START"):
        return out
    for sent in sentences(doc):
        tok = sent[0]
        if not (
            tok.pos_ == "NOUN"
            and tok.dep_ == "nsubj"
            and tok.head.dep_ == "ROOT"
            and tok.is_title
            and _plain(tok, stop, tagged=True)
            and tok.ent_type_ != PERSON
            and tok.lower_ not in word_list("groups")
            and (tok.i + 1 == len(doc) or doc[tok.i + 1].ent_iob_ != "I")  # an entity alone
        ):
            continue
        gender = first_names().get(tok.lower_)
        role = tok.lemma_ not in roles and any(
            c.dep_ == "appos" and c.lower_ in roles for c in tok.children
        )
        pron = taken_up(tok) if gender and not role else None  # walks up to three sentences
        if role or (pron is not None and pronouns().get(pron.lower_) == gender):
            out.append(Span(doc, tok.i, tok.i + 1, label=PERSON))
    return out


def _personal(span: Span, stop: frozenset[str]) -> bool:
    """A plain name (:func:`_plain_name`) that a *who* clause hangs on (``Yusuf, who``), or
    that opens its sentence (after a fronted phrase too: :func:`_fronted`) as the subject
    of its main verb, a cue verb, or is the cue's subject right after a quotation
    (:func:`_after_quote`), and that *he* or *she* takes up as the next sentence's main
    subject (``Kant argued that ... He wrote``; not ``Michigan did not change that. But
    she ...``)."""
    if not _plain_name(span, stop):
        return False
    if _who(span):
        return True
    verb = span.root.head
    if span.root.dep_ != "nsubj" or default_lexicon().verb(verb) is None:
        return False
    opens = verb.dep_ == "ROOT" and (span.start == span.sent.start or _fronted(span, verb))
    # not "..., Right Wing Watch first reported."; but '"...," Hollis protested.'
    return (opens or _after_quote(span, verb)) and next_subject_pronoun(span) is not None


_FRONTED = frozenset({"prep", "advmod", "npadvmod", "advcl", "punct"})


def _fronted(span: Span, verb: Token) -> bool:
    """``span`` opens its clause after a fronted phrase set off by a comma (``Over dinner,
    Yusuf explained``): only phrases of when, where or how stand before it."""
    before = [c for c in verb.lefts if c.i < span.start]
    return (
        span.start > span.sent.start
        and span.doc[span.start - 1].text == ","
        and all(c.dep_ in _FRONTED for c in before)
    )


_CLOSING_MARKS = frozenset({",", "?", "!"})


def _after_quote(span: Span, verb: Token, inverted: bool = False) -> bool:
    """``span`` right after the closing mark of a quotation that stands on its own (its
    opening mark starts the text, a line or a sentence), the subject of the cue after it
    (``"...," Hollis protested.``; the parser may hang the cue on the quotation's verb).
    Not after a title in quotation marks (``on his show, “Live,” Right Wing Watch
    reported``). ``inverted``: ``span`` is the cue verb, its subject after it."""
    doc, i = span.doc, span.start
    if not (
        i >= 2
        and (doc[i - 1].tag_ == "''" or doc[i - 1].text == "”")
        and doc[i - 2].text in _CLOSING_MARKS
        and (inverted or verb.i > span.start)
        and (verb.dep_ == "ROOT" or verb.head.i < i)
    ):
        return False
    j = i - 3
    while j >= 0 and not doc[j].is_quote:
        j -= 1
    return j == 0 or (j > 0 and (doc[j - 1].is_space or doc[j - 1].text in _SENTENCE_ENDS))


_SENTENCE_ENDS = frozenset({".", "!", "?", ":"})


def _inverted(span: Span, stop: frozenset[str]) -> bool:
    """A plain name (:func:`_plain_name`) that speaks after its cue verb, which follows a
    quotation on its own (``"...," said Gideon.``, ``"...?" asked Mirela, …``), the
    sentence ending or going on after a comma: bodies are rarely put that way."""
    doc, verb = span.doc, span.doc[span.start - 1] if span.start else span.root
    return (
        _plain_name(span, stop)
        and verb.i < span.start
        and span.root.head.i == verb.i
        and default_lexicon().verb(verb) is not None
        and (span.end == len(doc) or doc[span.end].text in ".,!?" or doc[span.end].is_space)
        and _after_quote(doc[verb.i : verb.i + 1], span.root.head, inverted=True)
    )


def _aged(tok: Token, cited: bool = False) -> bool:
    """An age set off by commas after the name (``Hollis, 45,``), or (``cited``) the year
    a text cites an author by, in parentheses, maybe after *et al.*, the name a subject or
    the object of *by* or *to* (``Okafor (2004) argues``, ``by Moll et al. (1999, p. 4)``;
    not a book, ``his work was Syntax (1937)``): only a person has either."""
    doc, i = tok.doc, tok.i
    if i + 3 < len(doc) and doc[i + 1].text == "," and doc[i + 3].text == ",":
        age = doc[i + 2].text
        return age.isdigit() and 0 < int(age) < 120
    aside = tok.dep_ in ("appos", "conj") and tok.head.head.dep_ == "parataxis"  # "A, X says,"
    cue = tok.dep_ in SUBJECT_DEPS or (tok.dep_ == "pobj" and tok.head.lower_ in ("by", "to"))
    if not cited or not (aside or cue):
        return False
    if i + 2 < len(doc) and doc[i + 1].lower_ == "et" and doc[i + 2].lower_ in ("al", "al."):
        i += 3 if doc[i + 2].text == "al" and i + 3 < len(doc) and doc[i + 3].text == "." else 2
    if i + 3 >= len(doc) or doc[i + 1].text != "(" or doc[i + 3].text not in ")[,;:":
        return False
    year = doc[i + 2].text  # "1999", "1999a"
    return len(year) in (4, 5) and year[:4].isdigit() and year[4:].isalpha() == (len(year) == 5)


_BODY_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC", "PRODUCT"})
_WHO_LABELS = frozenset({"GPE", "FAC", "PRODUCT", "WORK_OF_ART"})
"""Labels of a name that *who* shows to be a person's (not ORG, ``Arsenal, who won``, nor
NORP, ``Republicans, who``)."""
_NAMED_LABELS = _BODY_LABELS | _WHO_LABELS
_MISREAD_LABELS = frozenset({"NORP", "PRODUCT", "WORK_OF_ART"})
"""Labels of a one-word name that a cue verb and *he* or *she* show to be a person's (not a
body's or place's: ``Michigan did not change that. But she ...``)."""


def _name_like(span: Span, stop: frozenset[str]) -> bool:
    """Two or three capitalized proper nouns written in lower case after their first
    letter (no acronym), none a title, body, place or honorific word, after no article."""
    doc = span.doc
    return (
        2 <= len(span) <= 3
        and all(t.pos_ == "PROPN" and not t.is_upper and _plain(t, stop, tagged=True) for t in span)
        and span[-1].tag_ != "NNPS"
        and (span.start == 0 or doc[span.start - 1].lower_ not in ("the", "a", "an"))
    )


def _gestures(span: Span, stop: frozenset[str]) -> bool:
    """A name of one to three capitalized words (no acronym, title, body or place word)
    that is the subject of a verb of ``gesture_verbs`` (``Hughes shrugged.``, ``Okafor
    nodded``): a body or a place does not shrug."""
    verb = span.root.head
    return (
        span.root.dep_ == "nsubj"
        and verb.pos_ == "VERB"
        and verb.lemma_.lower() in word_list("gesture_verbs")
        and _plain_name(span, stop)
    )


def _labelled_bodies(doc: Doc) -> frozenset[str]:
    """The words (lowercase) the tagger labels a body or a place somewhere in ``doc``."""
    return frozenset(t.lower_ for e in entities(doc) if e.label_ in _BODY_LABELS for t in e)


def _paired(span: Span, stop: frozenset[str]) -> bool:
    """A plain name (:func:`_plain_name`) joined by *and* or *or* to a name the tagger
    labelled a person, the two the subject of a verb (``Kofi and Ama walked home``, ``Ama
    and Kofi``): names that act together so are alike. Not with ``&``, which joins the
    names of a firm; not a pair that names things (``companies like Twitter and
    Facebook``, ``Facebook and Twitter followings``: *Twitter* misread as a person); not a
    word the tagger labels a body or place elsewhere in the text."""
    root = span.root
    partners = [c for c in root.children if c.dep_ == "conj"]
    if root.dep_ == "conj":
        partners.append(root.head)
    for p in partners:
        first = p if p.i < root.i else root
        if (
            p.ent_type_ == PERSON
            and p.pos_ == "PROPN"
            and first.dep_ in ("nsubj", "nsubjpass")
            and first.head.pos_ in ("VERB", "AUX")
            and any(c.dep_ == "cc" and c.lower_ in ("and", "or") for c in first.children)
        ):
            bodies = _labelled_bodies(span.doc)  # only for a pair: most names have none
            return _plain_name(span, stop) and not any(t.lower_ in bodies for t in span)
    return False


def _who(span: Span) -> bool:
    """A relative clause set off by a comma and opened by *who* or *whom* hangs on the name
    (``Yusuf, who has been a chef for 20 years,``): only a person takes one."""
    root, doc = span.root, span.doc
    return (
        span.end < len(doc)
        and doc[span.end].text == ","
        and any(
            c.dep_ == "relcl" and doc[c.left_edge.i].lower_ in _WHO_WORDS for c in root.children
        )
    )


_WHO_WORDS = frozenset({"who", "whom"})
"""Not *whose*, which a body takes too (``The Advocate, whose editors ...``)."""


def _plain_name(span: Span, stop: frozenset[str]) -> bool:
    """One to three capitalized proper nouns (no acronym, title, body or place word, no
    plural), after no article (``The Advocate``)."""
    doc = span.doc
    return (
        len(span) <= 3
        and span[-1].tag_ != "NNPS"
        and (span.start == 0 or doc[span.start - 1].lower_ not in ("the", "a", "an"))
        and all(t.pos_ == "PROPN" and not t.is_upper and _plain(t, stop, tagged=True) for t in span)
    )


def _role_apposed(span: Span, words: frozenset[str]) -> bool:
    """Whether a person's role is set beside ``span`` (``The coach, Aiden Park,``, ``Aiden
    Park, the coach,``; not ``The governor, a Democrat,``: no name takes an article): a
    singular title word after an article or possessive, no role a body fills (``body_roles``)."""
    root = span.root
    appositions = (c for c in root.children if c.dep_ == "appos")
    role = root.head if root.dep_ == "appos" else next(appositions, None)
    return (
        role is not None
        and not any(c.dep_ == "det" for c in root.children)
        and role.tag_ == "NN"
        and role.lower_ in words
        and role.lower_ not in word_list("body_roles")
        and any(c.dep_ in ("det", "poss") for c in role.children)
    )


def _role_name(span: Span, stop: frozenset[str]) -> bool:
    """One to three capitalized proper nouns (no acronym, title, body or honorific word,
    no plural); a place word only as the last of two or more (``Aiden Park``, ``Lena
    Hill``: a surname)."""
    n = len(span)
    return (
        n <= 3
        and span[-1].tag_ != "NNPS"
        and all(
            t.pos_ == "PROPN"
            and not t.is_upper
            and _plain(t, stop, place=1 < n == k + 1, tagged=True)
            for k, t in enumerate(span)
        )
    )


def _role_span(span: Span, stop: frozenset[str]) -> Span | None:
    """The PERSON span of a name set beside a role: a one-word name with the first name
    the tagger left out before it (``Reince Priebus`` with ``Priebus`` as ORG); None for a
    one-word name the text gives elsewhere with a first name (``Adel Nefzi said ... Nefzi,
    a professor,``), which the resolver names from that mention."""
    doc, start = span.doc, span.start
    if len(span) == 1:
        start = _name_start(span[0], stop) or start
    if start == span.start == span.end - 1:
        word = span[0].lower_
        for t in doc[1:]:
            before = doc[t.i - 1]
            first = before.dep_ == "compound" and before.head.i == t.i and before.text[:1].isupper()
            if first and t.lower_ == word:
                return None
    return Span(doc, start, span.end, label=PERSON)


def _agreeing_first_name(span: Span, pron: Token, stop: frozenset[str]) -> bool:
    """A known first name alone (``Julia laughed.`` with Julia as ORG) whose usual gender
    the pronoun that takes it up agrees with (*she* for Julia)."""
    gender = first_names().get(span[0].lower_) if len(span) == 1 else None
    want = pronouns().get(pron.lower_)
    return (
        gender is not None
        and gender == want
        and span[0].pos_ == "PROPN"
        and not span[0].is_upper
        and _plain(span[0], stop, tagged=True)
    )


def pronoun_named(doc: Doc, ents: Sequence[Span], titles: Titles) -> list[Span]:
    """Names the tagger labelled as a body or place (``Okonkwo Achebe`` as ORG) that the
    text shows to be a person: the main subject of their sentence, named like a person
    (:func:`_name_like`), and taken up by *he* or *she* as the main subject of the next
    sentence, with no person named between (one word too, labelled no body or place); a known
    first name alone whose own clause takes it up by *his* or *her* of its usual gender
    (:func:`own_possessive`); or the subject of a gesture (:func:`_gestures`). As PERSON spans."""
    _, words, mods = titles
    stop = words | mods
    out = []
    persons = [{t.lower_ for t in sp} for sp in ents if sp.label_ == PERSON]
    for sp in ents:
        if sp.label_ not in _NAMED_LABELS:
            continue
        subject = sp.root.dep_ in ("nsubj", "nsubjpass")
        role = _role_apposed(sp, words)
        if not (subject or role) or first_name_entity(sp):
            continue  # first_name_entity: a person already (speaker_names.person_spans)
        # a person's whole name the tagger found elsewhere: "Christie, the governor,"
        if role and _role_name(sp, stop) and not any({t.lower_ for t in sp} < p for p in persons):
            if (named := _role_span(sp, stop)) is not None:
                out.append(named)  # "The coach, Aiden Park,"
            continue
        if not subject:
            continue
        if _gestures(sp, stop) or (sp.label_ in _WHO_LABELS and _who(sp) and _plain_name(sp, stop)):
            out.append(Span(doc, sp.start, sp.end, label=PERSON))
            continue
        pron = next_subject_pronoun(sp)
        # one word labelled no body or place ('Oyelaran' as NORP) is as plain as an untagged name
        single = (
            len(sp) == 1
            and pron is not None
            and (sp.label_ in _MISREAD_LABELS or sp.label_ == "ORG")
            and _personal(sp, stop)
            and (sp.label_ != "ORG" or no_person_near(sp))  # the costliest test last
        )
        if pron is not None and (
            _name_like(sp, stop) or _agreeing_first_name(sp, pron, stop) or single
        ):
            out.append(Span(doc, sp.start, sp.end, label=PERSON))
        elif (
            len(sp) == 1
            and sp[0].lower_ in first_names()
            and (own := own_possessive(sp)) is not None
            and _agreeing_first_name(sp, own, stop)
        ):
            out.append(Span(doc, sp.start, sp.end, label=PERSON))  # "Marcus found his sister"
    return out
