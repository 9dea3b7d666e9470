"""Cue lexicons (verbs, nouns, phrases) and the pattern sets built on them.

The tables live in ``quotecraft/data/cues/`` and ``quotecraft/data/patterns/``;
this module reads them once per process and answers "is this token a cue?".

Example:
    >>> lex = default_lexicon()
    >>> lex.verbs["say"].cls, "ccomp" in lex.verbs["say"].frames
    ('speech', True)
"""

from __future__ import annotations

import copy
import weakref
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from attrs import evolve, field, frozen

from .errors import BAD_PATTERN_RECORD, UNKNOWN_REFERENCE, RuleError
from .resources import data_jsonl, data_set, data_tsv

BASE_CONFIDENCE = {
    "speech": 0.9,
    "writing": 0.85,
    "object": 0.75,
    "evidence": 0.6,
    "belief": 0.5,
    "intention": 0.5,
}
"""Confidence of a cue class when the lexicon gives none."""

LOW_CONFIDENCE_CLASSES = frozenset({"belief", "intention", "evidence"})
"""Classes that PolNeAR counts as attributions but are not speech."""

CUE_TYPES = {
    "speech": "speech",
    "writing": "writing",
    "belief": "belief",
    "intention": "intention",
    "evidence": "evidence",
    "object": "speech",
}
"""The :class:`~quotecraft.records.CueType` of each lexicon class. The ``object`` class
(verbs whose object is what was said: ``raised the issue``, ``endorsed X``, ``voiced
concern``) are speech acts, so they count as speech."""

PUNCTUATION_CUES = frozenset({":", "—", "–", "―", "--", "-"})


def _frames(value: Iterable[str]) -> frozenset[str]:
    return frozenset(value)


def _nodes(value: Iterable[dict[str, Any]]) -> tuple[dict[str, Any], ...]:
    return tuple(value)


def _names(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@frozen
class VerbCue:
    """One cue verb of the lexicon."""

    lemma: str
    cls: str
    frames: frozenset[str] = field(converter=_frames)
    confidence: float


@frozen
class CueLexicon:
    """Cue verbs, nouns and phrases, by lemma."""

    verbs: Mapping[str, VerbCue]
    nouns: Mapping[str, float]
    phrases: Mapping[str, tuple[str, float]]
    propositional_nouns: frozenset[str]
    noun_preps: Mapping[str, frozenset[str]] = field(factory=dict)
    """Noun cues whose prepositional object is the content, with their prepositions."""
    noun_types: Mapping[str, str] = field(factory=dict)
    """Cue type of the noun cues that are not speech (``view``: belief, ``plan``: intention)."""
    forms: Mapping[str, str] = field(factory=dict)
    """Inflected forms of cue verbs whose lemma the model reads differently, to their lemma
    (``griped`` -> ``gripe``); see :func:`check_verb_forms`."""
    misread: Mapping[str, str] = field(factory=dict)
    """Lemmas the model gives those forms, to the cue verb's lemma (``grip`` -> ``gripe``)."""

    def verb(self, tok: Any) -> VerbCue | None:
        """The lexicon verb a token is, by its lemma, else by its form (``griped`` for
        ``gripe`` when the model reads the lemma as ``grip``)."""
        cue = self.verbs.get(tok.lemma_.lower())
        if cue is not None:
            return cue
        lemma = self.forms.get(tok.lower_)
        return self.verbs.get(lemma) if lemma is not None else None

    def cue_type(self, lemma: str | None, pos: str | None = None) -> str | None:
        """The cue type (``speech``, ``writing``, ``belief``, ``intention``, ``evidence``) of
        a cue lemma: a verb's class, speech for noun cues, phrases and punctuation cues
        (a colon, a dash), None for a verb outside the lexicon. With ``pos="NOUN"``, a
        noun cue's own type comes first (the noun *report* is writing, the verb speech).

        Example:
            >>> lex = default_lexicon()
            >>> lex.cue_type("say"), lex.cue_type("believe"), lex.cue_type("according to")
            ('speech', 'belief', 'speech')
            >>> lex.cue_type("report"), lex.cue_type("report", "NOUN")
            ('speech', 'writing')
        """
        if not lemma:
            return None
        key = lemma.lower()
        if pos == "NOUN" and key in self.noun_types:
            return self.noun_types[key]  # "the growers' support for": a stance, not the verb's act
        key = self.misread.get(key, key)
        verb = self.verbs.get(key) or self.verbs.get(key.split(" ", 1)[0])
        if verb is not None:
            return CUE_TYPES.get(verb.cls)
        if key in self.phrases:
            return "belief" if "view" in key else "speech"
        if key in self.noun_types:
            return self.noun_types[key]
        if key in self.nouns or key in PUNCTUATION_CUES:
            return "speech"
        return None

    def verbs_with(self, frame: str) -> list[str]:
        """Sorted lemmas of the verbs that allow ``frame``."""
        lemmas = {v.lemma for v in self.verbs.values() if frame in v.frames}
        lemmas.update(seen for seen, lemma in self.misread.items() if lemma in lemmas)
        return sorted(lemmas)

    def extended(
        self,
        verbs: Iterable[VerbCue] = (),
        nouns: Mapping[str, float] | None = None,
        phrases: Mapping[str, tuple[str, float]] | None = None,
    ) -> CueLexicon:
        """A copy with entries added (or replaced)."""
        v = dict(self.verbs)
        for cue in verbs:
            v[cue.lemma] = cue
        n = dict(self.nouns)
        n.update(nouns or {})
        p = dict(self.phrases)
        p.update(phrases or {})
        return evolve(self, verbs=v, nouns=n, phrases=p)


_SPELLINGS = (("ize", "ise"), ("yze", "yse"), ("ise", "ize"), ("yse", "yze"))


def spelling_variants(lemma: str) -> list[str]:
    """The other spelling of an *-ize*/*-ise* or *-yze*/*-yse* verb (``recognize``:
    ``recognise``; ``analyse``: ``analyze``). The packaged lexicon lists a cue verb under
    one spelling and takes the other too; a variant that is no word (``promize``) matches
    nothing.

    Example:
        >>> spelling_variants("recognize"), spelling_variants("say")
        (['recognise'], [])
    """
    for end, other in _SPELLINGS:
        if lemma.endswith(end) and len(lemma) > len(end) + 2:
            return [lemma[: -len(end)] + other]
    return []


@cache
def default_lexicon() -> CueLexicon:
    """The packaged English cue lexicon (``en.v1``), read once per process."""
    verbs = {}
    for row in data_tsv("cues/verbs.tsv"):
        lemma, cls, frames, conf = row[0], row[1], row[2], row[3]
        verbs[lemma] = VerbCue(lemma, cls, frozenset(frames.split(",")), float(conf))
    for lemma, cue in list(verbs.items()):
        for variant in spelling_variants(lemma):
            verbs.setdefault(variant, evolve(cue, lemma=variant))
    noun_rows = data_tsv("cues/nouns.tsv")
    nouns = {row[0]: float(row[1]) for row in noun_rows}
    noun_types = {row[0]: row[2] for row in noun_rows if len(row) > 2 and row[2]}
    prep_rows = data_tsv("cues/noun_preps.tsv")
    for row in prep_rows:  # "her opinion of the deal": belief; "his call for ...": speech
        noun_types.setdefault(row[0], row[2] if len(row) > 2 and row[2] else "speech")
    phrases = {row[0]: (row[1], float(row[2])) for row in data_tsv("cues/phrases.tsv")}
    return CueLexicon(
        verbs=verbs,
        nouns=nouns,
        phrases=phrases,
        propositional_nouns=data_set("propositional_nouns.txt"),
        noun_preps={row[0]: frozenset(row[1].split(",")) for row in prep_rows},
        noun_types=noun_types,
    )


@frozen
class PatternRule:
    """A named DependencyMatcher pattern that finds a cue and its content."""

    name: str
    pattern: tuple[dict[str, Any], ...] = field(converter=_nodes)
    cue: str = "cue"
    content: str = "content"
    exclude: tuple[str, ...] = field(default=("cue",), converter=_names)
    confidence: float = 0.8
    content_from: str | None = None
    """A node whose subtree opens the content (``called | him a liar``), if not the content's."""
    cue_type: str | None = None
    """The cue type of the pattern's quotes when the lexicon gives none (``as X put it``)."""
    set_off: bool = False
    """Whether the cue's clause must stand apart, between commas, dashes or brackets, or
    after a comma at the sentence's end (``The plan, she suspects, will fail``)."""


def default_patterns() -> list[PatternRule]:
    """The packaged reported-speech patterns (``en.reported.v1``)."""
    return [pattern_rule_from_dict(d) for d in data_jsonl("patterns/reported.jsonl")]


def pattern_rule_from_dict(d: Mapping[str, Any], where: str = "") -> PatternRule:
    """Validate the shape of one pattern record and build a :class:`PatternRule`."""
    try:
        name = d["name"]
        pattern = d["pattern"]
    except KeyError as exc:
        raise RuleError(
            f"{BAD_PATTERN_RECORD} {where}pattern record lacks {exc.args[0]!r}"
        ) from exc
    if not isinstance(name, str) or not name:
        raise RuleError(f"{BAD_PATTERN_RECORD} {where}pattern 'name' must be a non-empty string")
    if (
        not isinstance(pattern, list)
        or not pattern
        or not all(isinstance(n, dict) for n in pattern)
    ):
        raise RuleError(
            f"{BAD_PATTERN_RECORD} {where}pattern {name!r}: 'pattern' must be a non-empty list of objects"
        )
    ids = {n.get("RIGHT_ID") for n in pattern}
    roles = ["cue", "content"] + (["content_from"] if d.get("content_from") else [])
    for role in roles:
        node = d.get(role, role)
        if node not in ids:
            raise RuleError(
                f"{BAD_PATTERN_RECORD} {where}pattern {name!r}: no node with RIGHT_ID {node!r} for {role}"
            )
    return PatternRule(
        name=name,
        pattern=pattern,
        cue=d.get("cue", "cue"),
        content=d.get("content", "content"),
        exclude=d.get("exclude", ["cue"]),
        confidence=float(d.get("confidence", 0.8)),
        content_from=d.get("content_from"),
        cue_type=_pattern_cue_type(d.get("cue_type"), name, where),
        set_off=_pattern_flag(d.get("set_off", False), "set_off", name, where),
    )


def _pattern_flag(value: Any, key: str, name: str, where: str) -> bool:
    if isinstance(value, bool):
        return value
    raise RuleError(
        f"{BAD_PATTERN_RECORD} {where}pattern {name!r}: {key!r} must be true or false, not {value!r}"
    )


def _pattern_cue_type(value: Any, name: str, where: str) -> str | None:
    if value is None or value in CUE_TYPES.values():
        return value if isinstance(value, str) else None
    raise RuleError(
        f"{BAD_PATTERN_RECORD} {where}pattern {name!r}: 'cue_type' must be one of "
        f"{', '.join(sorted(set(CUE_TYPES.values())))}, not {value!r}"
    )


def expand_pattern(
    pattern: Iterable[Mapping[str, Any]], lexicon: CueLexicon
) -> list[dict[str, Any]]:
    """Replace ``"@verbs:FRAME"`` (``"@verbs:FRAME|FRAME"`` for either), ``"@nouns"`` and
    ``"@propositional_nouns"`` by lexicon lists."""
    out = []
    for node in pattern:
        node2 = copy.deepcopy(dict(node))
        attrs = node2.get("RIGHT_ATTRS", {})
        for value in list(attrs.values()):
            if isinstance(value, dict):
                for op, arg in list(value.items()):
                    if isinstance(arg, str) and arg.startswith("@"):
                        value[op] = _expand(arg, lexicon)
        out.append(node2)
    return out


def _expand(ref: str, lexicon: CueLexicon) -> list[str]:
    if ref.startswith("@verbs:"):  # "@verbs:quote|aside": the verbs with either frame
        return sorted({v for f in ref.split(":", 1)[1].split("|") for v in lexicon.verbs_with(f)})
    if ref == "@verbs":
        return sorted(lexicon.verbs)
    if ref == "@nouns":
        return sorted(lexicon.nouns)
    if ref.startswith("@noun_preps:"):
        prep = ref.split(":", 1)[1]
        return sorted(n for n, preps in lexicon.noun_preps.items() if prep in preps)
    if ref == "@propositional_nouns":
        return sorted(lexicon.propositional_nouns)
    raise RuleError(
        f"{UNKNOWN_REFERENCE} unknown lexicon reference {ref!r} "
        "(use @verbs:FRAME, @verbs, @nouns, @noun_preps:PREP, @propositional_nouns)"
    )


def inflections(lemma: str) -> tuple[str, ...]:
    """Regular English forms of a verb: third person, past, gerund.

    Example:
        >>> inflections("gripe")
        ('gripes', 'griped', 'griping')
        >>> inflections("fuss")
        ('fusses', 'fussed', 'fussing')
    """
    if lemma.endswith("e"):
        return (lemma + "s", lemma + "d", lemma[:-1] + "ing")
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return (lemma + "es", lemma + "ed", lemma + "ing")
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        return (lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing")
    return (lemma + "s", lemma + "ed", lemma + "ing")


_LEMMA_PIPES = frozenset(
    {
        "tok2vec",
        "transformer",
        "tagger",
        "morphologizer",
        "attribute_ruler",
        "lemmatizer",
        "trainable_lemmatizer",
    }
)
"""The components a lemma needs; the rest of a pipeline (parser, ner, quotecraft) is off."""

_READINGS: weakref.WeakKeyDictionary[Any, dict[str, dict[str, str]]] = weakref.WeakKeyDictionary()
"""How each pipeline lemmatizes the forms of each cue verb, computed once per process."""


def lexicon_for_pipeline(nlp: Any, lexicon: CueLexicon) -> CueLexicon:
    """``lexicon`` with the verb forms ``nlp`` reads as other lemmas (:func:`check_verb_forms`),
    warning for the verbs of rule files (not the packaged ones); ``lexicon`` itself when
    ``nlp`` has no lemmatizer."""
    if not nlp.has_pipe("lemmatizer"):
        return lexicon
    packaged = default_lexicon().verbs
    added = [v for v, cue in lexicon.verbs.items() if packaged.get(v) is not cue]
    return check_verb_forms(nlp, lexicon, added)


def check_verb_forms(nlp: Any, lexicon: CueLexicon, warn_for: Iterable[str] = ()) -> CueLexicon:
    """Let cue verbs match by form where the model reads their lemma differently.

    Each verb's regular forms are lemmatized by ``nlp`` (tagger and lemmatizer only) in a
    short sentence; a form read as another lemma (``griped`` as ``grip``) is added to
    :attr:`CueLexicon.forms`, so the verb still matches. For the verbs in ``warn_for``
    (those of user rule files) a :class:`~quotecraft.errors.QuotecraftWarning` names the
    lemma seen. Run once per extractor.
    """
    import warnings

    from .errors import W_VERB_FORMS, QuotecraftWarning

    forms = dict(lexicon.forms)
    misread = dict(lexicon.misread)
    warn = set(warn_for)
    readings = _READINGS.setdefault(nlp, {})  # lemma -> {form: lemma seen}, per pipeline
    todo = sorted(v for v in lexicon.verbs if v.isalpha() and v not in readings)
    if todo:
        pairs = [(lemma, form) for lemma in todo for form in inflections(lemma)]
        texts = [f"They {form} about the plan." for _, form in pairs]
        keep = [p for p in nlp.pipe_names if p in _LEMMA_PIPES]
        with nlp.select_pipes(enable=keep):
            docs = list(nlp.pipe(texts, batch_size=256))
        for lemma in todo:
            readings[lemma] = {}
        for (lemma, form), doc in zip(pairs, docs, strict=True):
            tok = doc[1] if len(doc) > 1 else None
            if tok is None or tok.lower_ != form or tok.tag_ not in ("VBZ", "VBD", "VBN", "VBG"):
                continue  # not read as that form of a verb ("seed" is no form of "see")
            if tok.lemma_.lower() != lemma:
                readings[lemma][form] = tok.lemma_.lower()
    by_lemma = {
        lemma: {f: seen for f, seen in readings[lemma].items() if seen not in lexicon.verbs}
        for lemma in lexicon.verbs
        if readings.get(lemma)
    }
    for lemma, seen_here in by_lemma.items():
        if not seen_here:
            continue
        for form, seen in seen_here.items():
            forms[form] = lemma
            misread[seen] = lemma
        if lemma not in warn:
            continue
        shown = ", ".join(f"{f!r} as {s!r}" for f, s in seen_here.items())
        warnings.warn(
            W_VERB_FORMS.format(lemma=lemma, forms=shown),
            QuotecraftWarning,
            stacklevel=3,
        )
    if forms == lexicon.forms:
        return lexicon
    return evolve(lexicon, forms=forms, misread=misread)
