"""Titles set beside a name: an apposition after it (``Ann Lee, a spokeswoman for
Acme,``; ``Tom Hale, 34, a welder``) or a title phrase the name is apposed to (``the
city's chief engineer, Priya Raman``), and a name given to a description by a participle
(``a teacher named Hugo Brandt``: :func:`called_name`)."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from .name_ends import hyphen_start
from .speaker_features import first_names, gendered_nouns, pronoun_set
from .speaker_names import DESCRIBING, PERSON, looks_like_name, strip_det, title_sets
from .titles import Titles
from .wordlists import word_list

__all__ = [
    "apposed_to_title",
    "appositive_title",
    "called_name",
    "called_name_on",
    "either",
    "person_nouns",
    "title_before",
]


def appositive_title(
    name: Span, titles: Titles | None = None, described: bool = False
) -> str | None:
    """The title in an apposition after ``name`` (``Ann Lee, a spokeswoman for Acme,``),
    without a relative clause on it. With ``described`` (``name`` is a person's), an
    apposition *a/an* + a singular common noun is the person's role even when the noun is
    no title word (``Edda Morn, a baker who ...``; ``Ola Berg, the band's singer``:
    :func:`_role_noun`)."""
    _, words, _ = title_sets(titles)
    plural = name.root.tag_ == "NNS"  # (not NNPS: "Bartels", "Ayres" are names)
    for c in name.root.children:
        if c.dep_ == "appos" and c.i > name.root.i:
            if plural and c.tag_ in ("NN", "NNP"):
                continue  # "Others, especially the economist Ruth Amsel,": one of them
            if _sibling_hyphen(name.doc[c.i - 1], c):
                continue  # "founder" of "co-founder": read with "co"
            parts = _hyphened(c)  # "co-founder of the startup": one apposition in three
            own = {p.i for p in parts}  # not "who ...", nor the body's own apposition
            clause = {
                t.i
                for p in parts
                for r in p.subtree
                if r.dep_ == "relcl" or (r.dep_ == "appos" and r.i not in own and _set_off(r))
                for t in r.subtree
            }  # "chair of the Friends of Kelso Park, a volunteer group,": the chair
            toks = [t for p in parts for t in p.subtree if t.i not in clause]
            if name.end < len(name.doc) and name.doc[name.end].text == ":":
                continue  # "Ann Lee: An Interview with the Poet": a heading, not a role
            if any(t.text == "(" for t in toks):  # "a restaurateur (d. 1975)"
                toks = toks[: next(k for k, t in enumerate(toks) if t.text == "(")]
            named = [r.left_edge.i for r in c.children if r.dep_ == "conj" and _person_name(r)]
            if named:  # "Ann Lee, the chairman, and Ruth Lind": the next person is no role
                toks = [t for t in toks if t.i < min(named)]
            while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc"):
                if _mark(toks[-1]) and sum(map(_mark, toks)) % 2 == 0:
                    break  # the closing mark of a quoted name stays: 'the podcast "Boss"'
                toks.pop()
            toks = [t for t in toks if t.i < _timed_end(c, toks[-1].i + 1)]  # "since 2019"
            while toks and toks[0].dep_ == "advmod" and toks[0].i < c.i:
                toks.pop(0)  # "now a professor at Marrow College": the role is "professor"
            if not toks:
                continue
            s, e = toks[0].i, toks[-1].i + 1
            if sum(map(_mark, toks)) % 2:  # 'author of "The Road,"': the closing mark too
                close = next((t.i for t in name.doc[e : e + 2] if _mark(t)), None)
                e = close + 1 if close is not None else e
            sub = name.doc[s:e]
            text = strip_det(sub.text.strip(" ,"))
            adjacent = c.left_edge.i == _after_age(name) + 1 and name.doc[name.end].text == ","
            if any(t.lower_ in words for t in _unquoted(sub)) or (
                described and adjacent and _role_noun(c)
            ):
                return text or None
    return None


def _set_off(appos: Token) -> bool:
    """A description set off by a comma before it (``Harbor Trust, a charity``), not a
    name right after its noun (``the activist group Badass Teachers Association``) nor
    one that names the noun (``Acme's parent company, Brill Holdings``)."""
    first = appos.left_edge.i
    return appos.pos_ == "NOUN" and first > 0 and appos.doc[first - 1].text == ","


def _hyphen_piece(t: Token) -> bool:
    """A hyphen written inside a word (``co-founder``), which the parse may read as an
    apposition of its own between the word's halves."""
    doc = t.doc
    return t.text == "-" and not t.whitespace_ and t.i > 0 and not doc[t.i - 1].whitespace_


def _hyphened(c: Token) -> list[Token]:
    """The apposition ``c`` with the appositions that continue its word after a hyphen
    (``co`` ``-`` ``founder``), in order."""
    parts, doc = [c], c.doc
    while parts[-1].i + 2 < len(doc) and _sibling_hyphen(doc[parts[-1].i + 1], c):
        nxt = doc[parts[-1].i + 2]
        if nxt.head.i != c.head.i or nxt.dep_ != c.dep_:
            break
        parts += [doc[parts[-1].i + 1], nxt]
    return parts


def _sibling_hyphen(t: Token, word: Token) -> bool:
    """A hyphen inside a word (:func:`_hyphen_piece`) that the parse hung beside ``word``
    on the same head, not inside ``word``'s own phrase (``house-servant`` is whole)."""
    return _hyphen_piece(t) and t.head.i == word.head.i and t.i != word.head.i


_DOUBLE_MARKS = frozenset('"“”«»„')


def _mark(t: Token) -> bool:
    """A double quotation mark: single ones and apostrophes are too alike to tell
    (``Sanders’ campaign``, ``''The Five''``)."""
    return t.text in _DOUBLE_MARKS


def _unquoted(span: Span) -> list[Token]:
    """The tokens of ``span`` outside quotation marks: a title word in a quoted name is
    no role (``star of the show "Cake Boss"``)."""
    out, inside = [], False
    for t in span:
        if _mark(t):
            inside = not inside
        elif not inside:
            out.append(t)
    return out


def _person_name(tok: Token) -> bool:
    """A proper noun the tagger took for a person's name (``Ruth Lind``; not the role
    ``an influential Republican``)."""
    return tok.pos_ == "PROPN" and tok.ent_type_ == PERSON


def _after_age(name: Span) -> int:
    """The end of ``name`` and of an age set off after it (``Tom Hale, 34,``)."""
    doc, end = name.doc, name.end
    if end + 2 < len(doc) and doc[end + 1].like_num and doc[end + 2].text == ",":
        return end + 2
    return end


def _role_noun(head: Token) -> bool:
    """*a baker*, *an elderly ferryman*: a singular common noun with an indefinite article;
    with *the* or a possessor only a noun that names a person (*the singer*, *the band's
    organist*, *her nephew*: a gendered noun or an agent's ending), not a thing or an event
    a misparse put in apposition (*Britain's uprising*)."""
    if head.tag_ != "NN" or head.like_num:
        return False
    dets = [c.lower_ for c in head.children if c.dep_ == "det"]
    if "a" in dets or "an" in dets:
        return True
    if any(c.dep_ == "conj" for c in head.children):
        return False  # "Ann Hill, her mother and her sister": people, not her role
    definite = "the" in dets or any(c.dep_ == "poss" for c in head.children)
    low = head.lower_
    return definite and (low in gendered_nouns() or low.endswith(_agent_endings()))


@lru_cache(maxsize=1)
def _agent_endings() -> tuple[str, ...]:
    """Endings of nouns that name who does something (``agent_endings``: *singer*)."""
    return tuple(sorted(word_list("agent_endings")))


def apposed_to_title(name: Span, titles: Titles | None = None) -> str | None:
    """``the city's chief engineer, Priya Raman``: the name is apposed to a title phrase."""
    root = name.root
    if root.dep_ != "appos":
        return None
    head = root.head
    if head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.pos_ == "NOUN":
        # "the chief executive of Nordbank, Ella Berg": the parse hangs the name on the
        # body; the title is the noun the body belongs to
        head = head.head.head
    end = root.left_edge.i if root.left_edge.i > head.i else head.i + 1  # with its phrase
    phrases, words, _ = title_sets(titles)
    hyphenated = _hyphenated(head) in phrases  # "director-general": the parser's "general" ADJ
    if not hyphenated and (
        head.pos_ != "NOUN" and (head.pos_ != "PROPN" or head.ent_type_ == PERSON)
    ):
        return None  # "The Secretary of State, Amy Cole": a capitalized title is one too
    if not hyphenated and head.lower_ not in words and head.lemma_.lower() not in words:
        return None
    if any(c.dep_ in ("cc", "preconj", "conj") for c in head.children) and not _joint_titles(
        head, root, words
    ):
        return None  # "Neither the Speaker nor ..., nor the whip, Jim Clyburn": whose?
    if head.tag_ in ("NNS", "NNPS"):
        return None  # "The two lawyers, Beth Adler and Kofi Mensah,": the pair's, not hers
    start = min(head.left_edge.i, hyphen_start(head).left_edge.i)  # "co-founder" in three
    while start < head.i and (
        name.doc[start].lower_ in DESCRIBING
        or name.doc[start].is_punct
        or (name.doc[start].dep_ == "advmod" and name.doc[start].head.i == head.i)
    ):  # "our President, Joe Biden": President; '," a spokeswoman': no mark; "notably the
        start += 1  # economist Ruth Amsel": economist
    end = _timed_end(head, end)  # "the town's mayor since 2019, Ana Ruiz": mayor
    return strip_det(name.doc[start:end].text.rstrip(" ,")) or None


_TIMING = frozenset({"since", "for", "until", "till", "from", "through", "during"})


def _timed_end(head: Token, end: int) -> int:
    """Where a role phrase headed by ``head`` ends before a phrase that says since when or
    for how long the person has held it (``the town's mayor since 2019``, ``headmaster for
    30 years``, ``chief executive of Lund Ltd from 2010 to 2015``): the time is no part of
    the role. ``end`` when there is none (``a spokeswoman for Acme``)."""
    for p in head.children:
        if p.dep_ == "prep" and p.i > head.i and p.i < end and p.lower_ in _TIMING:
            objects = [o for o in p.children if o.dep_ in ("pobj", "pcomp")]
            if p.lower_ == "since" or any(_time_phrase(o) for o in objects):
                return p.i
    return end


def _time_phrase(obj: Token) -> bool:
    """A date, a time or a span of time (``2019``, ``30 years``: word list ``durations``)."""
    return obj.ent_type_ in ("DATE", "TIME") or obj.lemma_.lower() in word_list("durations")


def title_before(span: Span, head: Token, name: Token) -> str | None:
    """The title phrase ``span`` (headed by ``head``) that a person's name ``name`` is
    apposed to, up to the name (``The chief engineer of Acme, Jo Lin,``); None for a head
    that is no common noun or one of roles offered as alternatives (:func:`either`)."""
    if head.pos_ != "NOUN" or either(head):
        return None
    end = head.i + 1 if name.head.i == head.i else name.left_edge.i  # "of Acme, Jo Lin"
    counted = span[0].lower_ == "one" and span[0].dep_ == "nummod"  # "One survivor, Ana Ruiz"
    start = span.start + 1 if counted else span.start
    return strip_det(span.doc[start:end].text.rstrip(" ,"))


def either(head: Token) -> bool:
    """Whether ``head`` is one of roles offered as alternatives (``Neither the mayor nor
    her deputy, Tomas Lind,``, ``the mayor or the deputy``): a name apposed after them
    holds the last, and the first is no title of it."""
    return any(c.dep_ == "preconj" or (c.dep_ == "cc" and c.lower_ != "and") for c in head.children)


def _joint_titles(head: Token, name: Token, words: frozenset[str]) -> bool:
    """Two roles of one person joined by *and* before the name (``The company's founder
    and chairman, Oren Tal,``): each conjunct a singular title word with no article or
    possessive of its own (``The coach and his assistant``: two people), with no
    *neither*, *nor* or *or*."""
    conj = [c for c in head.children if c.dep_ == "conj"]
    return (
        bool(conj)
        and all(c.lower_ == "and" for c in head.children if c.dep_ == "cc")
        and not any(c.dep_ == "preconj" for c in head.children)
        and all(
            c.tag_ in ("NN", "NNP")
            and (c.lower_ in words or c.lemma_.lower() in words)
            and c.right_edge.i < name.left_edge.i
            and not any(d.dep_ in ("det", "poss") for d in c.children)  # "and his assistant"
            for c in conj
        )
    )


def _hyphenated(tok: Token) -> str:
    """The hyphenated word ``tok`` ends, lowercased (``director-general``), or ""."""
    doc, i = tok.doc, tok.i
    if i < 2 or doc[i - 1].text != "-" or doc[i - 1].whitespace_ or doc[i - 2].whitespace_:
        return ""
    return f"{doc[i - 2].lower_}-{tok.lower_}"


@lru_cache(maxsize=8)
def person_nouns(titles: frozenset[str]) -> frozenset[str]:
    """Nouns that name a person: the title words and the gendered nouns."""
    return titles | frozenset(gendered_nouns())


def called_name(noun: Token, person_nouns: frozenset[str]) -> Token | None:
    """The name a noun is given by a participle (``a teacher named Hugo Brandt``, ``a
    fisherman called Oskar``, ``the driver, identified as Mark Ellis, 40,``), when it is
    a person's: the noun names a person (``person_nouns``: titles and gendered nouns) or
    the name is tagged as a person's or opens with a known first name. Else None (``a
    news site called "The Ledger"``)."""
    if noun.pos_ != "NOUN":
        return None
    for acl in noun.children:
        if acl.dep_ == "acl" and acl.tag_ == "VBN" and acl.lemma_ in ("name", "call", "identify"):
            for c in _given_names(acl):
                words = [t for t in c.doc[c.left_edge.i : c.i + 1] if not t.is_punct]
                if looks_like_name(words) and (
                    noun.lemma_.lower() in person_nouns
                    or c.ent_type_ == "PERSON"
                    or words[0].lower_ in first_names()
                ):
                    return c
    return None


def called_name_on(noun: Token, person_nouns: frozenset[str]) -> Token | None:
    """:func:`called_name` of ``noun`` or of a noun apposed to it (``a teacher named Hugo
    Brandt``; ``the speaker, a teacher named Hugo Brandt``)."""
    return called_name(noun, person_nouns) or next(
        (
            n
            for c in noun.children
            if c.dep_ == "appos" and (n := called_name(c, person_nouns)) is not None
        ),
        None,
    )


def _given_names(participle: Token) -> list[Token]:
    """The proper nouns a naming participle gives: its object (``named Hugo Brandt``) or
    the object of its *as* (``identified as Mark Ellis``, ``named as Ruth Cole``)."""
    found = [c for c in participle.children if c.dep_ in ("oprd", "dobj", "attr")]
    for prep in participle.children:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            found += [c for c in prep.children if c.dep_ == "pobj"]
    return [c for c in found if c.pos_ == "PROPN"]


def own_role_apposed(name: Span, own: str | None) -> bool:
    """Whether ``name`` carries a role of its own (``own``, its pre-modifier title) in an
    apposition set off by a comma (``His boss, chief executive Tom Reyes``): that role,
    not the head it is apposed to, is its title. Not a bare honorific (``Dr.``), nor a
    title the parse read as the head of a name with no comma between (``Former Bill
    Clinton pollster Douglas Schoen``), nor a title ending in an abbreviation
    (``Another former lawmaker, Vermont Sen. Jo Marsh``: the head says more)."""
    head = name.root.head
    return (
        own is not None
        and own.lower() not in pronoun_set("neutral_honorifics")
        and not own.endswith(".")  # "Sen.", "Vermont Sen.": the head it is apposed to says more
        and name.root.dep_ == "appos"
        and any(t.text == "," for t in name.doc[head.i + 1 : name.start])
    )
