"""Stage 3: from a cue token to its speaker mention, addressee, medium and date.

All functions work on a parsed ``Doc`` and return token indices; nothing here
resolves a mention to a person (that is :mod:`quotecraft.speakers`).

Example:
    >>> from spacy.tokens import Doc
    >>> from spacy.vocab import Vocab
    >>> words = ["Smith", "said", "it", "rained", "."]
    >>> doc = Doc(Vocab(), words=words, heads=[1, 1, 3, 1, 1],
    ...           deps=["nsubj", "ROOT", "nsubj", "ccomp", "punct"],
    ...           pos=["PROPN", "VERB", "PRON", "VERB", "PUNCT"])
    >>> speaker_head(doc[1]).text, mention_bounds(doc[0])
    ('Smith', (0, 1))
"""

from __future__ import annotations

from attrs import define
from spacy.tokens import Token

from .aside_participles import aside_read_as_clause, aside_subject
from .cue_chains import according_to_object, first_cue_of_conjunction, quoted_author
from .datelines import undated
from .doc_arrays import memo
from .mark_table import as_mark
from .name_ends import (
    adverb_name,
    hyphen_start,
    hyphen_subject,
    mention_phrase,
    named_after_noun,
    participle_after,
    participle_opener,
    partitive,
    reference_mark,
    swallowed_name,
    swallowed_start,
    titled_infinitive_end,
    without_floating,
)
from .persuasion import persuaded_subject
from .quoted_verbs import (
    in_quoted_clause,
    inverted_object,
    participle_after_quote,
    quote_verb_before,
    quoted_before,
    report_set_off,
    role_read_as_subject,
)
from .sources import (
    document_author,
    document_bounds,
    holding_verb,
    is_document,
    medium_and_date,
    noun_cue_owner,
    participle_owner,
    passive_as_source,
    shown_speaker,
    trim_phrase,
    unsigned_document,
    voice_owner,
)
from .speaker_groups import (
    apposed_conjuncts,
    aside_before,
    coordinated_name,
    fronted_conjunct,
    relative_aside,
)
from .subject_asides import (
    SUBJECT_DEPS,
    comma_between,
    counted_subject,
    inverted_aside,
    name_after_title,
    plural_after_article,
    set_off_object,
    stranded_subject,
    subject_across_aside,
    subject_before_closing_cue,
    subject_of_verb_read_as_participle,
    subject_read_as_clause,
    subject_read_as_object,
    subject_under_adverb,
    zero_relative_subject,
)
from .wordlists import word_list

_CLIMB_DEPS = frozenset({"advcl", "xcomp", "conj", "pcomp", "acl", "ccomp", "prep", "pobj", "dep"})
_MENTION_CUT_DEPS = frozenset(
    {"punct", "relcl", "appos", "acl", "advcl", "cc", "conj", "parataxis", "prep", "case"}
)
"""Right dependents a speaker's mention stops before (``case``: the possessive *'s* of a
possessor who speaks, ``The lawyer's answer was curt:``)."""


@define
class Attribution:
    """What the text says about who said it, by token index (``None`` when absent)."""

    speaker: tuple[int, int] | None = None
    speaker_head: int | None = None
    addressee: tuple[int, int] | None = None
    medium: tuple[int, int] | None = None
    date: tuple[int, int] | None = None
    unsigned: bool = False
    """The source is a document that names no author (``according to a note to clients``)."""
    document: int | None = None
    """The document the source speaks through (``a report`` of ``a report by X``)."""


def is_negated(cue: Token) -> bool:
    """True when the cue verb has a negation (``did not say``, ``never said``), or is one
    of a ``neither ... nor`` pair (``would neither confirm nor deny``)."""
    if any(
        c.dep_ == "neg" or (c.dep_ == "preconj" and c.lower_ == "neither") for c in cue.children
    ):
        return True
    return cue.dep_ == "conj" and any(
        c.dep_ == "preconj" and c.lower_ == "neither" for c in cue.head.children
    )


def speaker_head(cue: Token, max_climb: int = 4) -> Token | None:
    """The head token of the cue's speaker (see :func:`find_speaker_head`), found once per
    cue while the document is analyzed (the detection rules, the admission checks and the
    cue scorer ask for it too)."""
    table = memo(cue.doc, "speaker_head")
    if table is None:
        return find_speaker_head(cue, max_climb)
    key = (cue.i, max_climb)
    if key not in table:
        table[key] = find_speaker_head(cue, max_climb)
    return table[key]


def find_speaker_head(cue: Token, max_climb: int = 4) -> Token | None:
    """The head token of the cue's speaker.

    Looks for the cue's subject (or the agent of a passive cue); for a cue without
    a subject of its own (``..., adding that``, ``by pointing out``, ``and said``)
    climbs to the verb it depends on (also through an adjective: ``X was quick to
    point out``; and from a participle to a passive verb, whose subject is then the
    doer: ``X was sidelined after demonstrating``). ``according to X`` gives X; a
    relative clause cue (``X, who said``) gives X; a participle on a noun gives the
    noun, or a document's owner (``a group seeking``, ``X issued a statement saying``);
    a noun cue gives its possessor (``X's statement``), else the subject of the verb
    it hangs on by *in*, *under* or *on* (``X acted in the belief that``).
    """
    if cue.lower_ in ("in", "to") and cue.dep_ == "prep":
        # "In a Register poll last month, X led": the document is the source; "To Ann
        # Lee, the vote was a warning": the person
        return next((obj for obj in cue.children if obj.dep_ == "pobj"), None)
    if cue.lower_ == "according":
        return according_to_object(cue)
    if (author := quoted_author(cue)) is not None:  # "To quote the poet Amaru Cruz:"
        return author
    relative = zero_relative_subject(cue) or shown_speaker(cue)  # "a move parents called"
    misread = relative or subject_read_as_object(cue) or subject_read_as_clause(cue)
    if (subject := misread or subject_under_adverb(cue)) is not None:
        return subject
    if addressed_participle(cue):  # "Asked by a parent whether ..., the principal said"
        return next((o for a in cue.children if a.dep_ == "agent" for o in a.children), None)
    tok = first_cue_of_conjunction(cue)
    adjunct = False  # climbed from a participle or infinitive hanging on its verb
    came_from = ""
    for _ in range(max_climb + 1):
        if tok.pos_ in ("NOUN", "PROPN") and tok.i == cue.i:
            holder = holding_verb(tok)
            if holder is None:
                return noun_cue_owner(tok)
            tok, adjunct = holder, True
            continue
        found, done = _verb_speaker(tok, cue, adjunct)
        if done:
            return found
        if not _can_climb(tok, cue, came_from):
            return None
        # "X was sidelined after demonstrating that ...": X demonstrated it
        adjunct = tok.dep_ in ("advcl", "pcomp", "prep", "xcomp", "acomp")
        came_from = tok.dep_
        tok = report_set_off(tok) or tok.head  # "said X, before adding that": the sayer
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in ("pobj",):
            return None
    return None


def _verb_speaker(tok: Token, cue: Token, adjunct: bool) -> tuple[Token | None, bool]:
    """The speaker found at verb ``tok`` and whether the search stops there.

    In order: a number on a subjectless cue (``About 4 in 10 say``), a passive agent, the
    subject (not one in the quotation before an inverted cue; or :func:`set_off_object`),
    an expletive (``it was said``: none) or a passive clause's own subject (``as the
    verdict was announced``: none), the inverted object (``“...?” asked Laura``), a
    relative clause's noun, a participle's noun or document owner."""
    passive = any(c.dep_ == "auxpass" for c in tok.children) and not adjunct
    if tok.i == cue.i and (
        counted := counted_subject(tok) or (persuaded_subject(tok) if passive else None)
    ):
        return counted, True  # "About 4 in 10 say", "more than half said", "X is convinced"
    for c in tok.children:
        if c.dep_ == "agent":
            for obj in c.children:
                if obj.dep_ == "pobj":
                    return obj, True
    subject = _subject(tok, cue, passive) or set_off_object(tok) or aside_subject(tok)
    if subject is not None:
        return subject, True
    own = ("expl", "nsubjpass") if passive and tok.dep_ in ("advcl", "conj") else ("expl",)
    if any(c.dep_ in own for c in tok.children):
        return None, True  # "it was said that ...", "... as the verdict was announced"
    inverted = inverted_object(tok) if tok.i == cue.i else None
    if inverted is not None:
        return inverted, True
    if tok.dep_ == "relcl":
        return tok.head, True
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ in ("NOUN", "PROPN"):
        return participle_owner(tok.head), True
    if tok.dep_ == "acl" and tok.tag_ == "VBD" and tok.head.dep_ == "ROOT":
        return tok.head, True  # "The coach, speaking ..., called it": a past tense on a root noun
    return None, False


def _subject(tok: Token, cue: Token, passive: bool) -> Token | None:
    """The subject of ``tok`` (a relative pronoun too: the resolver finds what *who* means).

    A closing quotation mark the parser made the subject is skipped, and so is a word
    inside the quotation before an inverted cue (``“Aye,” said the sailor``).
    """
    subjects = [
        u
        for c in tok.children
        if not (c.is_punct and c.text != "%")
        and (c.dep_ in ("nsubj", "csubj") or (c.dep_ == "nsubjpass" and not passive))
        and not _heading(c, tok)
        and (u := undated(c)) is not None  # "GENEVA (Reuters) - Aid agencies warned"
    ]
    subjects = [fronted_conjunct(hyphen_subject(participle_opener(u, tok)), tok) for u in subjects]
    subjects = [w for u in subjects if (w := participle_after(u, tok)) is not None]
    # "said co-author Mei Lin": "co" read as a second subject, its "author" in Lin's phrase
    subjects = [u for u in subjects if not any(v.i != u.i and v.is_ancestor(u) for v in subjects)]
    if len(subjects) > 1:
        subjects = list(dict.fromkeys(subjects))  # "The e-mail": "e" and "mail" both subjects
    if not subjects and tok.pos_ == "VERB" and any(c.dep_ == "det" for c in tok.children):
        # "As the author notes", '"...," the 24-year-old said': the parse read the subject
        # and the verb as one noun phrase, the subject's head a modifier of the verb
        modifiers = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i]
        subjects = modifiers[-1:]
    if not subjects:  # "Reilly said he ...": the name read as an adverb
        subjects = [c for c in tok.children if adverb_name(c, tok)]
    outside = [c for c in subjects if not quoted_before(c, cue)]
    quoted = not outside and subjects and all(in_quoted_clause(c, cue) for c in subjects)
    pool = outside or ([] if quoted and inverted_object(tok) else subjects)  # '"Run!" yelled'
    words = [c for c in pool if not reference_mark(c)]  # "[39] Hume argues": Hume
    pool = named_after_noun(without_floating(words or pool))  # not 'both' of 'A and B, both'
    before = [c for c in pool if c.i < tok.i]
    vocative = tok.i == cue.i and len(before) > 1 and comma_between(before[0], before[-1])
    if len(before) > 1 and (_subjectless_clause_after(tok) or vocative):
        return before[-1]  # "The new rules, the agency said, ...", "Madam Speaker, Lee said"
    if tok.i == cue.i and (pair := inverted_aside(cue)) is not None:
        return pair[1]  # "The verdict, said the lawyer, was unjust": the lawyer
    chosen = pool[0] if pool else None
    return role_read_as_subject(chosen, cue) if tok.i == cue.i else chosen


def _heading(word: Token, verb: Token) -> bool:
    """Whether ``word`` is a heading the parser made the subject of an imperative after its
    colon (``Step 4: Ask the landlord whether ...``): no one's words."""
    colon = any(t.text == ":" for t in word.doc[word.i + 1 : verb.i])
    return word.i < verb.i and verb.tag_ == "VB" and colon


def _subjectless_clause_after(verb: Token) -> bool:
    """Whether a clause after ``verb`` depends on it and has no subject of its own."""
    return any(
        c.dep_ == "ccomp" and c.i > verb.i and not any(g.dep_ in SUBJECT_DEPS for g in c.children)
        for c in verb.children
    )


def _can_climb(tok: Token, cue: Token, came_from: str) -> bool:
    """Whether the speaker may be looked for at the verb ``tok`` hangs on.

    ``X was quick to point out``: an infinitive on an adjective, but not ``cautious
    about mentioning``, where X is careful not to say it; never out of a complement.
    An adjective cue, or a participle read as one, climbs to its copula (``X is confident
    that ...``, ``Residents are convinced that ...``): the copula's subject holds the view.
    """
    via_adjective = tok.dep_ in ("acomp", "oprd") and (
        came_from == "xcomp" or (tok.i == cue.i and (tok.pos_ == "ADJ" or tok.tag_ == "VBN"))
    )
    if (tok.dep_ not in _CLIMB_DEPS and not via_adjective) or tok.head.i == tok.i:
        return False
    if tok.dep_ == "conj" and quote_verb_before(tok.head, tok):
        return False  # '"We will win," Ann Lee said' read as a conjunct of "win"
    return not (tok.dep_ == "ccomp" and tok.i != cue.i)


def mention_bounds(head: Token) -> tuple[int, int]:
    """Token bounds ``[start, end)`` of the noun phrase naming a speaker.

    The phrase keeps its determiners, titles and name parts and stops before
    commas, relative clauses, appositions and conjoined clauses, so
    ``The mayor, who has been in office since 2019,`` gives ``The mayor``.
    """
    if head.pos_ == "PRON" and not partitive(head):  # not "Some of the residents"
        return head.i, head.i + 1
    start = head.i
    if (first := hyphen_start(head)).i < head.i:
        start = mention_bounds(first)[0]  # "The co-founder", "The e-mail"
    for c in head.lefts:
        if c.dep_ in ("punct", "cc", "preconj") or c.dep_ in ("relcl", "appos", "acl"):
            continue  # "Both the mayor and ...": the pair, without "both"
        start = min(start, c.left_edge.i)
    if head.tag_ in ("NN", "NNP") and head.doc[start].dep_ == "predet" and start < head.i:
        start += 1  # '"We'll see," was all the chairman would say': not "all the chairman"
    start = max(start, plural_after_article(head))  # "a decision critics called": critics
    if head.dep_ in ("amod", "compound") and head.head.pos_ == "VERB" and start > 0:
        before = head.doc[start - 1]  # "the 24-year-old said": the article is the verb's
        if before.dep_ == "det" and before.head == head.head:
            start -= 1
    paired = any(c.dep_ == "cc" for c in head.children)
    if paired and start < head.i and head.doc[start].lower_ in ("both", "either", "neither"):
        start += 1  # "Both Ana Ruiz and Tom Berg": the pair, not "both" (the tagger's det)
    while start < head.i and not (w := head.doc[start]).is_alpha:  # "P.S. Father asks"
        if w.lower_ not in word_list("headline_labels"):
            break  # a letter's label is not the name's
        start += 1
    # never cross a comma or parenthesis between start and head
    for i in range(head.i - 1, start - 1, -1):
        if as_mark(head.doc[i].text) in (",", "(", ")", ";", "—", "–", '"', "“", "”"):
            start = i + 1
            break
    end = head.i + 1
    rights = list(head.rights)
    if (joined := apposed_conjuncts(head)) is not None:  # "Ruiz, the lawyer, and Okafor, ..."
        last = joined[1][-1]
        rel = [c.left_edge.i for c in last.children if c.dep_ == "relcl"]
        end, rights = min([last.right_edge.i + 1, *rel]), []
    for c in rights:  # "Ken Ito, 60, and Yumi Sato": the ages stay in the group's mention
        if c.dep_ == "cc" and aside_before(head, c) and coordinated_name(head, c):
            end, rights = c.i, [r for r in rights if r.i >= c.i]
            break
    for c in rights:
        if c.dep_ == "cc" and c.i == end and coordinated_name(head, c):
            end = c.i + 1  # "Maria and Luis Ortega": one mention of a group of named people
            continue
        if (
            c.dep_ == "conj"
            and c.i > head.i
            and end > head.i + 1
            and head.doc[end - 1].dep_ == "cc"
        ):
            end = c.right_edge.i + 1
            continue
        if c.dep_ in _MENTION_CUT_DEPS or c.is_punct:
            if c.dep_ == "prep" and mention_phrase(c) and c.i == end and c.right_edge.i > c.i:
                end = relative_aside(c) or c.right_edge.i + 1  # not a bare "for"
                continue
            break
        if c.i != end:
            break
        end = relative_aside(c) or c.right_edge.i + 1  # "a source close to the talks, who ..."
    doc = head.doc
    end = titled_infinitive_end(head, end)  # "the Committee to Protect Reporters"
    while end > start + 1 and (
        (doc[end - 1].is_punct and doc[end - 1].text != "%")
        or doc[end - 1].is_space
        or (doc[end - 1].lower_ in ("both", "all", "each") and doc[end - 1].i > head.i)
    ):  # "Ana, 17, and her brother Dev, 15, both said": the pair, not "both"
        end -= 1
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return start, end


def addressed_participle(cue: Token) -> bool:
    """A telling verb as a bare past participle (no subject, no auxiliary) on a clause or a
    noun: ``(When) asked whether he would resign, the mayor said ...``, ``The coach, when
    asked about the injury, said ...``, ``Pressed on the cost, the builder admitted ...``.

    The participle is passive: the main clause's subject (or the noun) is the one asked or
    told, not who asks. The question has no speaker in the sentence but its agent (``asked
    by a parent``), and the one asked is its addressee."""
    if cue.lemma_.lower() not in word_list("telling_verbs") or cue.tag_ not in ("VBN", "VBD"):
        return False
    if aside_read_as_clause(cue):
        return True
    if cue.dep_ not in ("advcl", "relcl", "acl"):
        return False
    return not any(c.dep_ in (*SUBJECT_DEPS, "aux", "auxpass", "expl") for c in cue.children)


def _asked_one(cue: Token) -> Token | None:
    """The one asked in :func:`addressed_participle`: the noun the participle modifies, or
    the subject of the verb its clause hangs on (through infinitives: ``She declined to
    comment when asked ...``)."""
    if cue.dep_ in ("relcl", "acl"):
        return cue.head if cue.head.pos_ in ("NOUN", "PROPN", "PRON") else None
    if aside_read_as_clause(cue):
        return next(c for c in cue.children if c.dep_ == "nsubj")
    verb = cue.head
    for _ in range(3):
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:  # not a word in quotation marks after the clause
            marks = cue.doc[min(cue.i, subj.i) : max(cue.i, subj.i)]
            return None if any(t.is_quote for t in marks) else subj
        if verb.dep_ not in ("xcomp", "conj", "advcl") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def addressee(cue: Token) -> tuple[int, int] | None:
    """``told President Trump``: the indirect object or the object of a telling verb; the
    one asked for a participle (``Asked about the delay, the minister ...``)."""
    if addressed_participle(cue):
        one = _asked_one(cue)
        return mention_bounds(one) if one is not None else None
    if cue.lemma_ not in word_list("telling_verbs"):
        # ``said to Ann``; after an inverted subject the parser may hang the phrase on the
        # subject (``said Ines Varga to Victor Hale``)
        inverted = [c for c in cue.children if c.dep_ == "nsubj" and c.i > cue.i]
        for c in [*cue.children, *(t for s in inverted for t in s.children if t.i > s.i)]:
            if c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN", "PRON") and c.head.i == cue.i:
                return mention_bounds(c)
            if c.dep_ == "prep" and c.lower_ == "to":
                for obj in c.children:
                    if obj.dep_ == "pobj" and obj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
                        return mention_bounds(obj)
        return None
    for c in cue.children:
        if (
            c.dep_ in ("dobj", "dative", "nsubj")
            and c.i > cue.i
            and c.pos_ in ("PROPN", "NOUN", "PRON")
        ):
            return mention_bounds(c)
    return None


def attribute(cue: Token) -> Attribution:
    """Everything :mod:`quotecraft.attribution` can say about one cue."""
    head = passive_as_source(cue) or speaker_head(cue)  # "As stated in X's report, ..."
    if head is not None and in_quoted_clause(head, cue):
        head = None  # "''That makes me smart'' -- and, asked about it, asserting": not That
    if head is None:
        head = (
            stranded_subject(cue)
            or subject_across_aside(cue)
            or subject_of_verb_read_as_participle(cue)
            or subject_before_closing_cue(cue)
            or participle_after_quote(cue)  # '"A," she said, "B," adding that C'
        )
    att = Attribution()
    att.medium, att.date = medium_and_date(cue)
    head = through_document(att, head, according=cue.lower_ == "according")
    if head is not None and (named := name_after_title(head)) is not None:
        head = named  # "Editor in chief Ann Lee said": the parse made "Editor" the subject
    if head is not None:
        att.speaker_head = head.i
        att.speaker = mention_bounds(head)
        if swallowed_name(head, cue):  # "At a rally in Leeds | Tomas Berg said": the name
            att.speaker = (max(att.speaker[0], swallowed_start(head)), att.speaker[1])
    att.addressee = addressee(cue)
    if att.addressee is not None and is_document(cue.doc[att.addressee[1] - 1]):
        # "told a press conference": where it was said, not whom it was said to
        att.medium = att.medium or att.addressee
        att.addressee = None
    if att.addressee is not None and att.speaker is not None:
        (a, b), (c, d) = att.addressee, att.speaker
        if a < d and c < b:
            att.addressee = None  # the addressee is never the speaker ("asked Rita Gomez")
    return att


def through_document(att: Attribution, head: Token | None, *, according: bool) -> Token | None:
    """Rule ``source.document.v1`` (:mod:`quotecraft.sources`): the author of a document
    head (``a report by the IMF``: the IMF speaks through it), None for an unsigned message
    after *according to* (``a note to clients``), a voice's owner (:func:`voice_owner`),
    else ``head``; sets ``att``'s document, medium and ``unsigned``."""
    if head is None or not is_document(head):
        return None if head is None else voice_owner(head)
    att.document = head.i
    author = document_author(head)
    att.unsigned = author is None and unsigned_document(head, according)
    if author is None and not att.unsigned:
        return head
    if att.medium is None:
        att.medium = trim_phrase(head.doc, document_bounds(head.doc, head))
    return author
