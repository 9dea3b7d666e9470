"""Reported speech the parser hid: a cue verb read as a noun (``Trump claims he is worth
more``), a content hung on the person told (``told a reporter who asked ... that ...``).

Rule ``reported.misread_verb.v1``. A subject and a verb in the third person (``Lee
claims``, ``The council plans``) look like a compound noun (``Lee claims``, ``council
plans``), and a small model often reads them so, most of all in short sentences and
headlines (``Okafor Vows To Reopen The Mill``): the sentence is then a noun phrase with
no verb, and its report is lost. The rule reads the noun back as the verb when

- it is the root of its sentence, and no finite verb stands outside its complement;
- its form is the third-person form (``-s``) of a verb of the lexicon whose frames take
  a clause or an infinitive, and the noun's lemma is that verb;
- the words right before it are its own and name someone (a capitalized name, or a
  noun phrase with a determiner: ``The council plans``, not ``Student loan plans``):
  the subject the parser folded into the compound, which becomes the speaker;
- a complement follows it: a clause (``claims he is``), a clause with *that* (``charges
  that ...``, which the parser may hang on the noun as a relative clause) or an
  active infinitive with *to* (``plans to reopen``, not ``plans to be debated``).

A verb in its bare form counts too when the parse gave the noun a subject of its own
(``Ferreira and Lund note that ...``) or hung names joined by *and* on it (``Silva and
Lund report that ...``), and it has no article or possessive: the plural subject is the
speaker (:func:`quotecraft.misread_forms.bare_form`).

The verb may also end the sentence, after a comma, as in ``reported.trailing.v1``:
``The ferry will not run before May, the harbour master notes.`` (*notes* read as a
noun). Then it is a speech, writing or evidence verb with a clause frame, the words
between the comma and it are its own and name someone (as above), and the words before
the comma, a clause with a verb, are the content.

A noun phrase with a relative or participle clause (``the views that voters hold``,
``emails released on Friday``) has no *that* as a conjunction and no infinitive, and is
left alone.

Rule ``reported.misread_object.v1``: the content's verb read as a noun, which makes the
clause the cue's object (``Lee said the road floods every spring``: *road floods* read as
a compound noun, the object of *said*). A speech or writing verb whose frames take a
clause but never an object as its content (``say``, ``claim``; no telling verb, whose
object is the one told) has for object a plural noun or a third-person verb ending in
*-s* (``floods``, ``leaves``), right after a noun in the singular that hangs on it (the
folded subject: ``road``) and is named by a determiner or a possessive (``the road``,
``Lee's car``). After it come only a verb's modifiers (``every spring``, ``at noon``; no
relative clause or preposition a noun takes: ``the police reports of ...``), or nothing
and an adverb the parser hung on the cue (``every spring`` on *said*) when the object is
no word of ``told_things`` (``said the code words yesterday``). Then the object is the
clause said (:func:`misread_object_attributions`). ``said the magic words`` (an
adjective, not a subject) and ``said the code words`` (nothing after them) are left alone.

Rule ``reported.xcomp_clause.v1``: a finite clause the parser read as an infinitive
(``Witnesses told police the car had been speeding``: *speeding* hung on *told* as an
open complement, with the subject and a tensed auxiliary hung on *been*). A cue whose
frames take a clause has for open complement a verb with a subject and a tensed
auxiliary (``had``, ``was``, ``will``) of its own or of its auxiliaries: that is the
clause said (:func:`xcomp_clause_attributions`). An infinitive (``told police to
leave``, ``expects the bridge to open``) has no tensed auxiliary and is left to the
other rules.

Rule ``reported.addressee_clause.v1``: a telling verb with no complement of its own whose
object has a relative clause that ends with a *that* clause (``The nurse told a patient
who was waiting that the doctor was late``): the parser read the clause as the relative
clause's; it is what was told (:func:`addressee_clause`). So is a *that* clause the
parser hung on the object itself (``Pope Leo told pilgrims that ...``, *pilgrims* read as
a verb). The admission check
``told_in_relative`` turns the relative clause's verb away as its cue, and the direct
rules give a quotation there to the telling verb (:func:`telling_owner`).
"""

from __future__ import annotations

from attrs import evolve
from spacy.attrs import DEP, LEMMA
from spacy.tokens import Doc, Span, Token

from .attribution import Attribution, attribute, is_negated, mention_bounds
from .candidates import Candidate, reported_candidate
from .content_trim import trim_bounds
from .cues import LOW_CONFIDENCE_CLASSES, CueLexicon
from .doc_arrays import sentences
from .misread_forms import bare_form, verb_lemma
from .reported_bounds import content_bounds
from .speaker_names import tokens_lowered
from .titles import packaged_titles
from .wordlists import word_list

MISREAD_RULE = "reported.misread_verb.v1"
ADDRESSEE_RULE = "reported.addressee_clause.v1"
OBJECT_RULE = "reported.misread_object.v1"
XCOMP_RULE = "reported.xcomp_clause.v1"
"""Parts of speech of a clause's first word after *that* when it opens the subject."""
_CONFIDENCE = 0.6
CLAUSE_TAKING_FRAMES = frozenset({"ccomp", "xcomp", "that"})
"""Lexicon frames of a cue that takes a clause or an infinitive."""
_TRAILING_CLASSES = frozenset({"speech", "writing", "evidence"})
"""Classes of a misread verb that ends its sentence (as ``reported.trailing.v1``'s)."""
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_SUBJECT_WORDS = frozenset({"NOUN", "PROPN", "DET", "ADJ", "NUM", "PART"})
"""Parts of speech of the words of the folded subject (``The Clinton campaign``, ``Lee's``)."""


def _complement(noun: Token) -> Token | None:
    """The clause or infinitive after the noun that is what the misread verb reports."""
    for c in noun.rights:
        if c.pos_ not in ("VERB", "AUX"):
            continue
        marks = [m for m in c.children if m.i < c.i]
        if c.dep_ == "ccomp":
            return c
        if c.dep_ in ("xcomp", "advcl") and any(
            m.dep_ == "aux" and m.lower_ == "to" for m in marks
        ):
            # "plans to be debated": the noun is what is done, no one's intention
            return None if any(m.dep_ == "auxpass" for m in marks) else c
        if c.dep_ in ("acl", "relcl") and (
            any(m.dep_ == "mark" and m.lower_ == "that" for m in marks) or _gapless(c)
        ):
            return c
    return None


def _gapless(clause: Token) -> bool:
    """Whether ``clause``, read as a relative clause, has no gap a relative could fill: a
    subject and an object of its own and no stranded preposition (``claims he warned the
    king``; not ``the claims he made``, ``the plans he spoke of``), so it is a clause."""
    if any(c.tag_ in ("WDT", "WP", "WP$") for c in clause.children):
        return False  # "the claims that voters believe": a relative pronoun fills the gap
    return (
        any(c.dep_ == "nsubj" for c in clause.children)
        and any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp") for c in clause.children)
        and not any(
            t.dep_ == "prep" and not any(o.dep_ in ("pobj", "pcomp") for o in t.children)
            for t in clause.subtree
        )
    )


def _folded_subject(noun: Token) -> tuple[int, int] | None:
    """Token bounds of the words right before the noun that hang on it (the subject)."""
    start = noun.i
    for k in range(noun.i - 1, noun.sent.start - 1, -1):
        tok = noun.doc[k]
        if tok.pos_ not in _SUBJECT_WORDS or not noun.is_ancestor(tok):
            break
        start = k
    last = noun.doc[noun.i - 1]
    if start == noun.i or not (
        last.pos_ in ("NOUN", "PROPN")
        or (last.pos_ == "ADJ" and last.lower_ in packaged_titles()[1])  # "the general claims"
    ):
        return None
    if not (last.is_title or last.is_upper or last.pos_ == "PROPN") and noun.doc[
        start
    ].tag_ not in ("DT", "PRP$"):
        return None  # "Student loan plans": a compound noun names no one
    return start, noun.i


def _trailing_noun(sent: Span, lexicon: CueLexicon) -> tuple[Token, tuple[int, int], int] | None:
    """``Content, the city's former planner maintains.``: the noun read from the misread
    verb that ends the sentence, its folded subject (token bounds) and the comma before it."""
    doc = sent.doc
    last = sent.end - 1
    while last >= sent.start and (doc[last].is_space or doc[last].is_punct):
        last -= 1
    if last < sent.start or doc[last].pos_ not in ("NOUN", "PROPN"):
        return None  # checked first: most sentences end with no noun a verb was read as
    noun = doc[last]
    lemma = verb_lemma(noun, lexicon)
    verb = lexicon.verbs.get(lemma) if lemma is not None else None
    if verb is None or "ccomp" not in verb.frames or verb.cls not in _TRAILING_CLASSES:
        return None
    if sum(1 for t in sent if not t.is_space and not t.is_punct) < 6:
        return None
    k = noun.i - 1
    while k > sent.start and noun.is_ancestor(doc[k]) and not doc[k].is_punct:
        k -= 1
    if doc[k].text != "," or k == noun.i - 1:
        return None
    subject = doc[k + 1 : noun.i]
    if not (subject[-1].is_title or subject[-1].is_upper) and subject[0].tag_ not in ("DT", "PRP$"):
        return None
    if not any(t.pos_ in ("VERB", "AUX") for t in doc[sent.start : k]):
        return None  # the words before the comma are no clause
    return noun, (subject.start, subject.end), k


def misread_verb_attributions(doc: Doc, lexicon: CueLexicon) -> list[Candidate]:
    """Rule ``reported.misread_verb.v1`` (see the module's description)."""
    out: list[Candidate] = []
    for sent in sentences(doc):
        trailing = _trailing_noun(sent, lexicon)
        if trailing is not None:
            noun, speaker, comma = trailing
            fronted = trim_bounds(doc, sent.start, comma)
            if (
                fronted is not None
                and sum(1 for t in doc[fronted[0] : fronted[1]] if t.is_alpha) >= 3
            ):
                out.append(_candidate(doc, noun, speaker, fronted, lexicon))
            continue
        noun = sent.root
        if noun.pos_ not in ("NOUN", "PROPN"):
            continue
        lemma = verb_lemma(noun, lexicon)
        subject, head = _folded_subject(noun), None
        if lemma is None and (bare := bare_form(noun, lexicon)) is not None:
            lemma, head = bare  # "Ferreira and Lund note that ...": a plural subject
            subject = mention_bounds(head)
        verb = lexicon.verbs.get(lemma) if lemma is not None else None
        if verb is None or not verb.frames & CLAUSE_TAKING_FRAMES:
            continue
        content = _complement(noun)
        if subject is None or content is None:
            continue
        if any(
            t.tag_ in _FINITE_TAGS and t.i != content.i and not content.is_ancestor(t) for t in sent
        ):
            continue  # a verb outside the complement: the noun is a noun
        bounds = content_bounds(content, [noun])
        if bounds is None or sum(1 for t in doc[bounds[0] : bounds[1]] if t.is_alpha) < 2:
            continue
        out.append(_candidate(doc, noun, subject, bounds, lexicon, head))
    return out


def _candidate(
    doc: Doc,
    noun: Token,
    subject: tuple[int, int],
    bounds: tuple[int, int],
    lexicon: CueLexicon,
    head: Token | None = None,
) -> Candidate:
    """The candidate of a misread cue ``noun``, its speaker's and content's token bounds
    (and the speaker's head, by default the subject's last word)."""
    lemma = verb_lemma(noun, lexicon) or noun.lemma_.lower()
    verb = lexicon.verbs.get(lemma)
    confidence = _CONFIDENCE
    if verb is not None and verb.cls in LOW_CONFIDENCE_CLASSES:
        confidence = min(confidence, 0.5)
    at = head.i if head is not None else subject[1] - 1
    speaker = Attribution(speaker=subject, speaker_head=at)
    return reported_candidate(doc, bounds, noun, MISREAD_RULE, confidence, speaker, lemma)


def addressee_clause(verb: Token, lexicon: CueLexicon) -> Token | None:
    """The *that* clause of a telling verb the parser hung inside a relative clause on
    the person told: ``The coach told a reporter who asked about the injury | that the
    knee was fine`` (the clause read as the reporter's question), ``The nurse told a
    patient who was waiting | that the doctor was late``. Rule
    ``reported.addressee_clause.v1`` gives it back to the telling verb when the verb is
    one of ``telling_verbs`` whose lexicon frames take a clause, has no complement of its
    own, and the clause, opened by *that*, closes the relative clause; unless the
    relative clause's own verb states such a clause (``a reporter who claimed that ...``,
    :func:`_states`)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in word_list("telling_verbs"):
        return None
    cue = lexicon.verb(verb)
    if cue is None or not cue.frames & CLAUSE_TAKING_FRAMES:
        return None
    if any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return None
    obj = next((c for c in verb.rights if c.dep_ in ("dobj", "dative")), None)
    said = next((c for c in obj.rights if c.dep_ == "ccomp"), None) if obj is not None else None
    if said is not None and said.doc[said.left_edge.i].lower_ == "that":
        return said  # "told pilgrims that ...": "pilgrims" read as a verb with the clause
    rel = next((c for c in obj.rights if c.dep_ == "relcl"), None) if obj is not None else None
    if rel is None or obj is None:
        return None
    if _contact_clause(verb, obj, rel):
        return rel  # "told the jury he had acted in self-defence"
    for x in rel.subtree:
        if (
            x.dep_ in ("ccomp", "acl")
            and x.i > rel.i
            and x.right_edge.i == rel.right_edge.i
            and x.doc[x.left_edge.i].lower_ == "that"
            and x.doc[x.left_edge.i].dep_ == "mark"
        ):
            return x if x.head.i != rel.i or not _states(rel, lexicon) else None
    return None


def _contact_clause(verb: Token, obj: Token, rel: Token) -> bool:
    """``told the jury he had acted in self-defence``: the clause of a telling verb the
    parser read as a relative clause with no relative word on the person told. Taken
    when the person told is no word of ``told_things`` (``told the story he had
    written`` is a relative clause), the clause has no relative word, its subject comes
    right after the person told, no preposition is left stranded at its end (``the jury
    he had spoken to``), and the verb has no other phrase of what is told (``told the
    jury he picked about ...``)."""
    if obj.lemma_.lower() in word_list("told_things") or obj.pos_ == "PRON":
        return False
    if any(c.tag_ in ("WDT", "WP", "WP$", "WRB") or c.lower_ == "that" for c in rel.children):
        return False
    subject = next((c for c in rel.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.left_edge.i != obj.i + 1 or rel.i < subject.i:
        return False
    if any(c.dep_ == "prep" and c.n_lefts + c.n_rights == 0 for c in rel.subtree):
        return False
    return not any(c.dep_ == "prep" and c.i > obj.i for c in verb.children)


_QUESTION_VERBS = frozenset({"ask", "inquire", "wonder", "query"})


def _states(verb: Token, lexicon: CueLexicon) -> bool:
    """Whether ``verb`` can state a *that* clause of its own (``a reporter who claimed
    that ...``): a verb of the lexicon with a clause frame that is no question verb
    (``who asked ... that`` asks nothing with *that*)."""
    cue = lexicon.verb(verb)
    return (
        cue is not None
        and bool(cue.frames & CLAUSE_TAKING_FRAMES)
        and verb.lemma_.lower() not in _QUESTION_VERBS
    )


def told_in_relative(cue: Token, content: Token, lexicon: CueLexicon) -> bool:
    """Whether ``content`` holds the clause :func:`addressee_clause` gives back to the
    telling verb whose object's relative clause ``cue`` heads (``asked``, ``waiting``)."""
    if cue.dep_ != "relcl" or cue.head.dep_ not in ("dobj", "dative"):
        return False
    clause = addressee_clause(cue.head.head, lexicon)
    return clause is not None and (content.i == clause.i or content.is_ancestor(clause))


def telling_owner(cue: Token, lexicon: CueLexicon) -> Token:
    """The telling verb whose content the parser hung in the relative clause ``cue``
    heads on the person told (:func:`addressee_clause`), else ``cue``."""
    told = cue.dep_ == "relcl" and cue.head.dep_ in ("dobj", "dative")
    return cue.head.head if told and addressee_clause(cue.head.head, lexicon) else cue


def addressee_clause_attributions(doc: Doc, lexicon: CueLexicon) -> list[Candidate]:
    """Rule ``reported.addressee_clause.v1`` (see :func:`addressee_clause`)."""
    out: list[Candidate] = []
    for verb in tokens_lowered(doc, word_list("telling_verbs"), LEMMA):
        clause = addressee_clause(verb, lexicon)
        if clause is None:
            continue
        first = clause.left_edge.i
        first += doc[first].lower_ == "that"  # not the "that" that opens the clause
        bounds = trim_bounds(doc, first, clause.right_edge.i + 1)
        if bounds is None:
            continue
        att = attribute(verb)
        if att.speaker is None:
            continue
        cand = _candidate(doc, verb, att.speaker, bounds, lexicon)
        out.append(evolve(cand, rule=ADDRESSEE_RULE, confidence=0.7, attribution=att))
    return out


_OBJECT_TAGS = frozenset({"NNS", "VBZ"})
_OBJECT_CLASSES = frozenset({"speech", "writing"})
_VERB_MODIFIERS = frozenset({"npadvmod", "advmod", "dobj", "dative", "acomp", "prep"})
"""What may hang after the misread verb: ``every spring``, ``quickly``, ``at noon`` (not
a preposition of :data:`_NOUN_PREPS`, nor a relative clause: ``the polls that ...``)."""
_NOUN_PREPS = frozenset({"of", "including", "like", "with", "for", "about"})
"""Prepositions that more often qualify a noun than a verb: ``the police reports of ...``,
``Latin hits including ...``."""
_SINGULAR_TAGS = frozenset({"NN", "NNP"})


def _misread_clause(cue: Token, lexicon: CueLexicon) -> Token | None:
    """The object of ``cue`` that is a clause whose verb was read as a noun (see rule
    ``reported.misread_object.v1`` in the module's description), else None."""
    verb = lexicon.verb(cue)
    if verb is None or verb.cls not in _OBJECT_CLASSES:
        return None
    if "ccomp" not in verb.frames or "dobj" in verb.frames:
        return None
    if cue.lemma_.lower() in word_list("telling_verbs"):
        return None  # "told the farm workers last night that ...": the object is the one told
    for obj in cue.rights:
        if obj.dep_ != "dobj" or obj.tag_ not in _OBJECT_TAGS or not obj.lower_.endswith("s"):
            continue
        subject = obj.doc[obj.i - 1]
        if subject.head.i != obj.i or subject.tag_ not in _SINGULAR_TAGS:
            return None
        opener = obj.doc[obj.left_edge.i]
        named = opener.tag_ in ("DT", "PRP$") or any(c.dep_ == "poss" for c in subject.children)
        if not named or opener.lower_ in ("a", "an"):
            return None
        after = [c for c in obj.children if c.i > obj.i]
        if after:
            ok = all(c.dep_ in _VERB_MODIFIERS and c.lower_ not in _NOUN_PREPS for c in after)
            return obj if ok else None
        # "said the creek floods every spring": the clause's adverb hung on the cue
        hung = _cue_adverb_at(cue, obj.i + 1) is not None
        return obj if hung and obj.lemma_.lower() not in word_list("told_things") else None
    return None


def _cue_adverb_at(cue: Token, i: int) -> Token | None:
    """The adverb or noun of time hung on ``cue`` whose phrase starts at token ``i``."""
    return next(
        (c for c in cue.rights if c.left_edge.i == i and c.dep_ in ("npadvmod", "advmod")), None
    )


def misread_object_attributions(doc: Doc, lexicon: CueLexicon) -> list[Candidate]:
    """Rule ``reported.misread_object.v1`` (see :func:`_misread_clause`)."""
    out: list[Candidate] = []
    for cue in _heads_of(doc, "dobj"):
        if cue.pos_ != "VERB" or cue.lemma_.lower() not in lexicon.verbs:
            continue
        obj = _misread_clause(cue, lexicon)
        if obj is None:
            continue
        end = obj.right_edge.i + 1
        while (adverb := _cue_adverb_at(cue, end)) is not None:  # hung on the cue
            end = adverb.right_edge.i + 1
        cand = attributed(cue, trim_bounds(doc, obj.left_edge.i, end), lexicon, OBJECT_RULE)
        if cand is not None:
            out.append(cand)
    return out


def attributed(
    cue: Token, bounds: tuple[int, int] | None, lexicon: CueLexicon, rule: str
) -> Candidate | None:
    """The candidate of ``rule`` with content ``bounds`` for ``cue``, attributed as
    :func:`quotecraft.attribution.attribute` reads the cue; None without bounds or
    speaker."""
    att = attribute(cue)
    if bounds is None or att.speaker is None:
        return None
    cand = _candidate(cue.doc, cue, att.speaker, bounds, lexicon)
    return evolve(cand, rule=rule, attribution=att, negated=is_negated(cue))


_TENSED_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _heads_of(doc: Doc, dep: str) -> list[Token]:
    """The heads of the tokens with relation ``dep``, each once, in text order."""
    heads = {t.head.i: t.head for t in tokens_lowered(doc, (dep,), DEP)}
    return sorted(heads.values(), key=lambda t: t.i)


def _tensed_clause(content: Token) -> bool:
    """Whether ``content`` has a subject and a tensed auxiliary, on itself or on one of its
    auxiliaries (``the car had been speeding`` with *car* and *had* hung on *been*)."""
    heads = [content, *(c for c in content.children if c.dep_ in ("aux", "auxpass"))]
    kids = [c for h in heads for c in h.children]
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in kids) and any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in _TENSED_TAGS for c in kids
    )


def xcomp_clause_attributions(doc: Doc, lexicon: CueLexicon) -> list[Candidate]:
    """Rule ``reported.xcomp_clause.v1`` (see the module's description)."""
    out: list[Candidate] = []
    for content in tokens_lowered(doc, ("xcomp",), DEP):
        if content.pos_ not in ("VERB", "AUX"):
            continue
        cue = content.head
        verb = lexicon.verb(cue) if cue.pos_ == "VERB" else None
        if verb is None or "ccomp" not in verb.frames or not _tensed_clause(content):
            continue
        bounds = trim_bounds(doc, content.left_edge.i, content.right_edge.i + 1)
        att = attribute(cue)
        if bounds is None or att.speaker is None:
            continue
        cand = _candidate(doc, cue, att.speaker, bounds, lexicon)
        confidence = 0.5 if verb.cls in LOW_CONFIDENCE_CLASSES else 0.8
        negated = is_negated(cue)
        if negated:
            confidence = min(confidence, 0.6)
        out.append(
            evolve(cand, rule=XCOMP_RULE, confidence=confidence, attribution=att, negated=negated)
        )
    return out
