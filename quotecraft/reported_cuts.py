"""What a reported content leaves out of the subtree of its head: other reports and the
writer's tails.

:class:`quotecraft.reported.ReportedMatcher` excludes these tokens' subtrees from a content
(:func:`quotecraft.reported_bounds.content_bounds`):

- :func:`conjoined_cues`: a cue verb conjoined inside the content, which reports on its own
  (``... was costly and warned that ...``, ``said the water was clean and told residents
  to stay calm``);
- :func:`participle_tails`: a trailing participle of a cue verb (``..., adding that ...``),
  an ``according to`` source and a medium (``..., in an interview with ...``); after an
  object predicate in quotation marks, a medium, a date or a participle after the comma
  (``called the mayor a "clown" | on his radio show``);
- :func:`listed_clauses_tail`: a list of *that* clauses set off by semicolons
  (``suggest that A; that B; and that C``) is one content;
- :func:`closing_bracket_end`: a bracketed aside that closes the content (``said the
  suspect had fled (police found him at home)``), the writer's gloss;
- :func:`semicolon_end`: what follows a semicolon after the cue (``said the delay was not
  intentional; they only learned of it on Friday``), the writer's next clause;
- :func:`fronted_clause_end`: the main clause after a fronted cue (``Asked about the vote,
  | Ruth Alder said ...``), whose subject the parser may hang on the content.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from .content_trim import SUBJECT_DEPS, trim_bounds
from .cues import CueLexicon
from .doc_arrays import token_values
from .reported_bounds import after_comma, is_clause_cue, is_naming_cue, is_urging_cue
from .wordlists import word_list


def told_end(cue: Token, before: int) -> int:
    """Where the words after ``cue`` start, past the one they were told to before the token
    ``before`` and its closing mark (``told the "Morning Show" | on Friday``)."""
    doc = cue.doc
    told = (o.right_edge.i for o in cue.rights if o.dep_ in ("dobj", "dative") and o.i < before)
    end = max(told, default=cue.i) + 1
    while end < before and doc[end].is_punct:
        end += 1
    return end


def after_head(content: Token) -> list[Token]:
    """The tokens of ``content``'s subtree after it, in order: what :func:`conjoined_cues`,
    :func:`participle_tails` and :func:`quotecraft.reported_neighbours.sibling_reports`
    look through (pass it as their ``later`` to walk the subtree once for all three)."""
    return [t for t in content.subtree if t.i > content.i]


def conjoined_cues(
    content: Token, cue: Token, lexicon: CueLexicon, later: Sequence[Token] | None = None
) -> list[Token]:
    """Cue verbs conjoined inside the content (``... was costly and warned that ...``),
    and, after a cue whose content is a clause about no person (:func:`_urged`), a
    telling verb with the one told and an infinitive (``said the water was clean and
    told residents to stay calm``) or a speech verb with its object in the cue's tense
    (:func:`_object_act`: ``... and praised the goalkeeper``), and a report of its own set
    off by a comma (:func:`new_report`)."""
    out = []
    for t in after_head(content) if later is None else later:
        if t.dep_ != "conj":
            continue
        if (
            not any(c.dep_ in SUBJECT_DEPS for c in t.children)
            and (
                is_clause_cue(t, lexicon)
                or is_naming_cue(t, lexicon)
                or (
                    _urged(cue, content, t, lexicon)
                    and (is_urging_cue(t, lexicon) or _object_act(t, cue, lexicon))
                )
            )
        ) or new_report(t, lexicon):
            out.append(t)
    return out


def _object_act(verb: Token, cue: Token, lexicon: CueLexicon) -> bool:
    """``said his side had been unlucky and praised the goalkeeper``: a speech verb that
    takes its object as content, with an object, in the cue's own tense: the speaker's
    next act, not more of what was said."""
    entry = lexicon.verb(verb)
    return (
        entry is not None
        and entry.cls == "speech"
        and "dobj" in entry.frames
        and verb.tag_ == cue.tag_
        and any(c.dep_ == "dobj" for c in verb.children)
    )


def new_report(verb: Token, lexicon: CueLexicon) -> bool:
    """A conjunct set off by a comma before its *and* or *but* that is a report of its
    own, with a subject and a clause (``said the plan was dead, and when pressed, the
    minister replied, "..."``, ``said the bridge was safe, but engineers warned that
    ...``): the writer's next sentence, not part of the first content. A speech or
    writing verb with no subordinating mark (not ``..., but only if he can be convinced
    that ...``)."""
    doc = verb.doc
    cc = next((c for c in verb.head.children if c.dep_ == "cc" and c.i < verb.i), None)
    cue = lexicon.verb(verb)
    return (
        cc is not None
        and cc.i > 0
        and doc[cc.i - 1].text == ","
        and cue is not None
        and cue.cls in ("speech", "writing")
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        and not any(c.dep_ == "mark" for c in verb.children)  # not "..., but only if ..."
        and is_clause_cue(verb, lexicon)
    )


def _urged(cue: Token, content: Token, verb: Token, lexicon: CueLexicon) -> bool:
    """Whether ``verb``, conjoined by *and* or *but* to the content's verb, can only be the
    speaker's own act: a speech or writing cue comes first (not ``heard the crowd
    jeer and urge ...``) and the content's subject names no person (``said the
    vaccine was safe and urged ...``, ``said it was opposed and warned ...``; not
    ``says he spoke to Lee and asked him to ...``, where *he* may ask)."""
    cue_verb = lexicon.verb(cue)
    subject = next((c for c in content.children if c.dep_ in SUBJECT_DEPS), None)
    return (
        cue.i < content.i
        and cue_verb is not None
        and cue_verb.cls in ("speech", "writing")
        and verb.head.i == content.i
        and any(c.dep_ == "cc" and c.lower_ in ("and", "but") for c in content.children)
        and subject is not None
        and (
            subject.lower_ == "it"
            or (subject.pos_ in ("NOUN", "PROPN") and subject.ent_type_ not in ("PERSON", "NORP"))
        )
    )


def participle_tails(
    content: Token, lexicon: CueLexicon, later: Sequence[Token] | None = None
) -> list[Token]:
    """Trailing ``..., referring to ...`` / ``..., adding that ...`` / ``..., before adding
    that ...``: not content; nor ``..., according to a note to clients`` (the source),
    ``..., in an interview with CNN on Sunday`` (where it was said) or ``..., without
    giving a date`` (how: :func:`_unbacked`). After an object predicate in quotation
    marks, where, when or how it was said (:func:`said_when_or_how`) needs no comma
    (``called the mayor a "clown" | on his radio show``). One walk over the content's
    subtree."""
    doc = content.doc
    participles: list[Token] = []
    sources: list[Token] = []
    media: list[Token] = []
    quoted = content.dep_ in ("oprd", "acl") and _quoted_head(content)
    for t in after_head(content) if later is None else later:
        dep = t.dep_
        if quoted and t.head.i == content.i and said_when_or_how(t):
            media.append(t)  # 'called the mayor a "clown" | on his radio show'
            continue
        if dep == "advcl":
            if (
                t.tag_ == "VBG"
                and t.left_edge.i > 0
                and (
                    doc[t.left_edge.i - 1].text in (",", "—", "–", "--")
                    or (t.left_edge.i == t.i and after_comma(t))  # '...,” adding'
                )
                and t.lemma_.lower() in lexicon.verbs
            ):
                participles.append(t)
        elif dep == "prep" and after_comma(t):
            if t.lower_ == "according":
                sources.append(t)
            if t.lower_ in ("before", "after") and any(
                c.dep_ == "pcomp" and c.tag_ == "VBG" and c.lemma_.lower() in lexicon.verbs
                for c in t.children
            ):
                participles.append(t)  # "..., before adding that ...": a report of its own
            if any(
                o.dep_ == "pobj" and o.lemma_.lower() in word_list("medium_nouns")
                for o in t.children
            ):
                media.append(t)
            if t.lower_ == "without" and any(_unbacked(c, lexicon) for c in t.children):
                participles.append(t)  # "..., without giving a date": how it was said
    return participles + sources + media


def _quoted_head(content: Token) -> bool:
    """Whether a quotation mark opens before ``content`` in its own phrase and closes right
    after it (``a "clown"``, ``the "ultimate hypocrite,"``)."""
    doc = content.doc
    after = content.i + 1
    if after < len(doc) and doc[after].text == ",":
        after += 1
    return (
        after < len(doc)
        and doc[after].is_quote
        and any(t.is_quote for t in doc[content.left_edge.i : content.i])
    )


def said_when_or_how(t: Token, adjacent: bool = True) -> bool:
    """A phrase after a quoted predicate that tells where, when or how it was said: a
    preposition whose object is a medium or a date (``on his radio show``, ``in a post on
    Sunday``), or a participle after a comma (``, linking to a story``). With
    ``adjacent``, only right after the closing mark or a comma."""
    doc = t.doc
    if t.i == 0 or (adjacent and not (doc[t.i - 1].is_quote or after_comma(t))):
        return False
    if t.dep_ in ("acl", "advcl"):
        return t.tag_ == "VBG" and after_comma(t)
    if t.dep_ == "npadvmod":
        return t.ent_type_ in ("DATE", "TIME")  # "Tuesday"
    return t.dep_ == "prep" and any(
        o.dep_ == "pobj"
        and (
            o.lemma_.lower() in word_list("medium_nouns")
            or o.lower_ in word_list("platforms")
            or o.ent_type_ in ("DATE", "TIME")
        )
        for o in t.children
    )


def _unbacked(verb: Token, lexicon: CueLexicon) -> bool:
    """``without elaborating``, ``without giving a date``: a saying left unsupported, by a
    bare cue verb or a verb whose object is one of ``particulars``."""
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG":
        return False
    objects = [c for c in verb.children if c.dep_ in ("dobj", "ccomp", "xcomp", "prep")]
    if not objects:
        return verb.lemma_.lower() in lexicon.verbs
    return any(c.dep_ == "dobj" and c.lemma_.lower() in word_list("particulars") for c in objects)


_SEMICOLON = get_string_id(";")
_OPEN_BRACKET = get_string_id("(")
_LISTED_AFTER_SEMICOLON = frozenset({"that", "whether", "and", "or", "but"})
"""Words after a semicolon that go on with the reported list (``learned that A; that B``)."""


def semicolon_end(cue: Token, start: int, end: int) -> int:
    """The content's end at the first semicolon outside quotation marks between ``start``
    and ``end``, for a content after its cue (``said the delay was not intentional; they
    only learned of it on Friday``: the second clause is the writer's, though the parser
    may hang the first on it). Only a clause with a subject of its own after the
    semicolon: not a list of phrases (``Cruz at 23 percent; Rubio at 12``), of
    complements (``learned that A; that B``), one a colon opens (``is manifold: A;
    B; and C``) or one in brackets (``(Ortiz, 2015; Chen, 2018)``)."""
    doc = cue.doc
    if cue.i >= start or start >= end:
        return end
    if _SEMICOLON not in token_values(doc, "ORTH")[start:end]:
        return end  # most contents
    marks = brackets = 0
    for t in doc[start:end]:
        if t.is_quote:
            marks += 1
        elif t.text in ("(", ")"):
            brackets += 1 if t.text == "(" else -1  # "(Ortiz, 2015; Chen, 2018)": a list
        elif t.text == ":":
            return end  # "is manifold: A; B; and above all C": a list the colon opens
        elif t.text == ";" and marks % 2 == 0 and brackets <= 0 and t.i + 1 < end:
            if doc[t.i + 1].lower_ in _LISTED_AFTER_SEMICOLON:
                return end
            after = doc[t.i + 1 : end].root
            # a verb the tagger may read as a plural noun ("; Jones (2020) disagrees")
            clause = (after.pos_ in ("VERB", "AUX") or after.tag_ == "NNS") and any(
                c.dep_ in ("nsubj", "nsubjpass", "expl") for c in after.children
            )  # not a list of phrases ("Cruz at 23 percent; Rubio at 12 percent")
            return t.i if clause else end
    return end


def listed_clauses_tail(cue: Token, start: int, end: int) -> int:
    """The end of a *that* clause after its cue that a semicolon and more *that* clauses
    follow (``suggest that A; that B; and that C``), which the parser may hang elsewhere or
    make a sentence of their own: the list is one content. Not a semicolon before a
    clause whose subject is *that* (``said A; that was clear``)."""
    doc = cue.doc
    if cue.i >= start or start == 0 or doc[start - 1].lower_ != "that":
        return end
    while end + 2 < len(doc) and doc[end].text == ";":
        k = end + 1
        if doc[k].lower_ in ("and", "or") and k + 2 < len(doc):
            k += 1
        if doc[k].lower_ != "that" or doc[k + 1].pos_ in ("VERB", "AUX"):
            break
        j = k + 1
        while j < len(doc) and doc[j].text not in _LIST_STOPS and "\n" not in doc[j].text:
            j += 1
        end = j
    return end


_LIST_STOPS = frozenset({";", ".", "!", "?"})


_CITATION = re.compile(
    r"(?:(?:see|cf\.|e\.g\.,?) )?(?:[A-Z][\w'’-]+(?:,? (?:and|&) [A-Z][\w'’-]+| et al\.?)?,? "
    r"(?:19|20)\d\d[a-z]?(?:, pp?\. ?\d+(?:[-–]\d+)?)?(?:; |$))+$"
)
"""A citation in brackets: ``Kaur and Lindt, 2015``, ``Moll et al. 2011; Okafor, 2004``."""


def closing_bracket_end(cue: Token, start: int, end: int) -> int:
    """The end of a content after its cue before a bracketed aside that closes it
    (``said the suspect had fled (police found him at home the next day)``): the writer's
    gloss, not the speaker's words: a bracket with a verb (on PolNeAR train the gold content
    stops before 7 of the 8 that closed a content), or a citation of authors and years
    (``have argued that sleep loss impairs memory (Kaur and Lindt, 2015)``). One without a
    verb may qualify what was said (``found that naps improve recall (in older adults)``,
    ``(R-Texas)``) and stays, as does one holding a quotation mark."""
    doc = cue.doc
    if cue.i >= start or end - start < 4:
        return end
    # the closing bracket ends the content, or follows it (the parser hung it higher)
    if doc[end - 1].text == ")":
        close = end - 1
    elif end < len(doc) and doc[end].text == ")":
        close = end
    elif (close := _bracket_left_open(doc, start, end)) < 0:
        return end
    depth, k = 1, close - 1
    while k > start:
        depth += {")": 1, "(": -1}.get(doc[k].text, 0)
        if depth == 0:
            break
        k -= 1
    inner = doc[k + 1 : close]
    if doc[k].text != "(" or k <= start or " " not in inner.text.strip():
        return end
    clause = any(t.pos_ in ("VERB", "AUX") for t in inner)  # "(it was not)", "(see p. 2)"
    if any(t.is_quote for t in inner) or not (clause or _CITATION.match(inner.text)):
        return end
    bounds = trim_bounds(doc, start, k)
    return bounds[1] if bounds else end


def _bracket_left_open(doc: Doc, start: int, end: int) -> int:
    """The closing bracket, in the sentence after ``end``, of a bracket opened in the
    content and left open by the parse (``impairs memory (Ortiz | et al., 2015; ...)``:
    the parser hung *et al.* elsewhere); -1 when there is none."""
    if _OPEN_BRACKET not in token_values(doc, "ORTH")[start:end]:
        return -1  # (the array first: most contents hold no bracket)
    opened = [t.i for t in doc[start:end] if t.text == "("]
    if not opened or any(t.text == ")" for t in doc[opened[-1] : end]):
        return -1
    stop = min(doc[end - 1].sent.end, end + 20)
    return next((t.i for t in doc[end:stop] if t.text == ")"), -1)


def phrase_set_off(cue: Token) -> bool:
    """Whether the prepositional phrase of a noun cue stands apart from its sentence
    (``In Ana Roos's view, the plan ...``, ``The plan, in her words, ...``, ``..., in my
    view.``): it opens the sentence or follows a comma, dash or bracket, and a comma, dash
    or bracket or the sentence's end follows it. ``The men in my view of the street`` is no
    attribution."""
    prep = cue.head
    doc = cue.doc
    start, end = prep.left_edge.i, prep.right_edge.i
    opens = start == prep.sent.start or doc[start - 1].text in _APART
    closes = (
        end + 1 >= len(doc)
        or doc[end].text in _APART  # the parser may hang the comma inside the phrase
        or doc[end + 1].text in _APART
        or doc[end + 1].text in ".!?"
    )
    return opens and closes


_APART = frozenset({",", "—", "–", "--", "(", ")"})


def fronted_clause_end(cue: Token, start: int, end: int) -> int:
    """The content's end at the comma that closes a fronted clause whose verb is the cue
    and has no subject (``Asked about Kay Moss, | Ruth Alder said ...``, ``When asked who
    would win, | the majority named Lee``): what follows is the main clause's, though the
    parser may hang its subject on the content as an apposition (the main verb then has
    none), or the content may run over the main verb. The comma is the first one after
    which no verb comes before the main verb, so commas inside the question stay
    (``Asked whether the plan, which costs more, would work, | Lee said``)."""
    main = cue.head
    if cue.dep_ != "advcl" or not cue.i < start < main.i or start >= end:
        return end
    if any(c.dep_ in SUBJECT_DEPS for c in cue.children):
        return end  # "When Bush proposed A, B and C, it was ...": the list is the content
    if end <= main.i and any(c.dep_ in SUBJECT_DEPS for c in main.children):
        return end  # the main clause has its subject: the parser took nothing from it
    doc = cue.doc
    cut = None
    for k in range(main.i - 1, start, -1):
        t = doc[k]
        if t.pos_ in ("VERB", "AUX"):
            break
        if t.text == ",":
            cut = k
    return cut if cut is not None and cut < end else end
