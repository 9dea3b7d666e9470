"""A learned cue scorer for reported speech: features of a candidate cue, a linear model.

Every verb, adjective or noun with a clausal complement (``X fumed that ...``, ``X is
confident that ...``, ``X's hunch that ...``), a ``to`` infinitive (``X vowed to ...``),
a parenthetical clause (``..., X reckons, ...``) or an ``according to`` phrase is a
candidate cue (:func:`cue_candidates`). :func:`features` describes one candidate by
names: its lemma (from a capped vocabulary), its lexicon class, its dependency frame,
the kind of its subject (a person or organization entity, a pronoun, a title noun, ...),
negation, position, tense and mood, and whether the content is a question.
:class:`CueScorer` adds up the weights of those names (a dot product) and turns the sum
into a probability with the logistic function.

The pattern rules of :mod:`quotecraft.reported` keep their candidates; the scorer
admits the candidates they miss (rule ``reported.scored.v1``) when the probability
reaches :attr:`quotecraft.extractor.Config.scorer_threshold`, with the probability as
confidence. The content is found by the same helpers the rules use.

The weights are a readable JSON file (feature name -> weight, with a header naming
the corpus, its citation and the command that made them); :mod:`quotecraft.train`
fits them (``quotecraft train GOLD.jsonl -o weights.json``).

Example:
    >>> import quotecraft
    >>> q = quotecraft.extract("Lee fumed that the deal was off.").quotes[0]
    >>> q.rule, q.cue.text, q.content.text, 0.25 <= q.confidence < 1
    ('reported.scored.v1', 'fumed', 'the deal was off', True)
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc, Token

from . import errors
from .attribution import is_negated, speaker_head
from .cue_typing import TypeModel, model_type
from .cues import CueLexicon
from .errors import WeightsError
from .resources import data_set, read_text
from .scorer_frames import ALL_FRAMES, DEFAULT_FRAMES, cue_candidates, has_that
from .wordlists import word_list

if TYPE_CHECKING:
    from .candidates import Candidate
    from .reported import ReportedMatcher

SCORED_RULE = "reported.scored.v1"
"""Rule name of the quotes the scorer admits."""

DEFAULT_WEIGHTS = "scorer_weights.json"
"""The packaged weights, in ``quotecraft/data/``."""

FORMAT = "quotecraft.cue_scorer.v1"  # the ``format`` field of a weights file
_NOT_META = ("weights", "vocabulary", "format", "frames", "type_weights")

_PERSON_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them"})
_FIRST_PERSON = frozenset({"i", "we", "me", "us"})
_PARENTHETICAL_PUNCT = frozenset({",", "—", "–", "--", "(", "-"})


_OPENING = frozenset('“"‘«„')
_CLOSING = frozenset('”"’»')


def _wholly_quoted(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is one quotation: a direct quote's, not the scorer's."""
    s = start
    if s < len(text) and text[s] in _OPENING:
        s += 1
    elif not (s > 0 and text[s - 1] in _OPENING):
        return False
    close = next((i for i in range(s, min(len(text), end + 2)) if text[i] in _CLOSING), -1)
    return close >= end - 2


def lexicon_class(cue: Token, lexicon: CueLexicon) -> str:
    """The cue's class in the lexicon (``speech``, ``belief``, ...), ``noun`` or ``none``."""
    lemma = cue.lemma_.lower()
    if cue.pos_ != "NOUN":
        verb = lexicon.verbs.get(lemma)
        if verb is not None:
            return verb.cls
    if lemma in lexicon.nouns:
        return "noun"
    if cue.lower_ == "according":
        return "speech"
    return "none"


@cache
def _titles() -> frozenset[str]:
    return data_set("titles.txt")


def subject_type(cue: Token) -> str:
    """What kind of speaker the cue has: ``person``, ``org``, ``place``, ``pron3``, ...

    Example:
        >>> import quotecraft
        >>> doc = quotecraft.load().nlp("The senator argued that it was late.")
        >>> subject_type(doc[2])
        'title'
    """
    head = speaker_head(cue)
    if head is None:
        if any(c.dep_ in ("auxpass", "nsubjpass") for c in cue.children):
            return "passive"
        return "none"
    low = head.lower_
    ent = head.ent_type_
    if ent == "PERSON":
        return "person"
    if ent == "ORG":
        return "org"
    if ent in ("GPE", "NORP"):
        return "place"
    if head.pos_ == "PRON":
        if low in _PERSON_PRONOUNS:
            return "pron3"
        if low in _FIRST_PERSON:
            return "pron1"
        if low == "you":
            return "pron2"
        if low == "it":
            return "it"
        return "pron_other"
    if low in _titles() or head.lemma_.lower() in _titles():
        return "title"
    if head.pos_ == "PROPN":
        return "propn"
    if head.pos_ == "NOUN":
        return "noun"
    return "other"


def _bucket(n: int) -> str:
    return next((b for top, b in ((3, "1-3"), (8, "4-8"), (20, "9-20")) if n <= top), "21+")


def features(
    cue: Token,
    content: Token,
    frame: str,
    lexicon: CueLexicon,
    vocabulary: frozenset[str] | Iterable[str] | None = None,
) -> list[str]:
    """The feature names of one candidate (all binary).

    ``vocabulary`` caps the lemma features: a lemma outside it is ``lemma=<other>``
    (None keeps every lemma, as training does before it counts them).

    Example:
        >>> import quotecraft
        >>> doc = quotecraft.load().nlp("Lee fumed that the deal was off.")
        >>> cue, content, frame = cue_candidates(doc)[0]
        >>> [f for f in features(cue, content, frame, quotecraft.load().lexicon)
        ...  if f.startswith(("lemma=", "subj=", "frame=")) and "|" not in f]
        ['lemma=fume', 'frame=ccomp', 'subj=person']
    """
    lemma = cue.lemma_.lower()
    if cue.lower_ == "according":
        lemma = "according to"
    if vocabulary is not None and lemma not in vocabulary:
        lemma = "<other>"
    cls = lexicon_class(cue, lexicon)
    verb = lexicon.verbs.get(cue.lemma_.lower())
    in_frame = verb is not None and (
        frame in verb.frames or (frame in ("parataxis", "noun_that") and "ccomp" in verb.frames)
    )
    subj = subject_type(cue)
    f = [
        "bias",
        f"lemma={lemma}",
        f"frame={frame}",
        f"class={cls}",
        f"frame={frame}|class={cls}",
        f"pos={cue.pos_}",
        f"tag={cue.tag_}",
        f"dep={cue.dep_}",
        f"subj={subj}",
        f"subj={subj}|class={cls}",
        f"subj={subj}|frame={frame}",
    ]
    if in_frame:
        f.append("lexicon_frame")
    if lemma != "<other>":
        f.append(f"lemma={lemma}|frame={frame}")
    if is_negated(cue):
        f.append("negated")
    children = list(cue.children)
    if any(c.tag_ == "MD" and c.lower_ in word_list("scorer_modal_verbs") for c in children):
        f.append("modal")
    if any(c.dep_ == "aux" and c.lemma_ == "have" for c in children):
        f.append("perfect")
    if (
        cue.tag_ == "VB"
        and cue.dep_ == "ROOT"
        and not any(c.dep_ in ("nsubj", "aux", "nsubjpass") for c in children)
    ):
        f.append("imperative")
    sent = cue.sent
    first = next((t for t in sent if not (t.is_punct or t.is_space)), cue)
    if first.i == cue.i:
        f.append("sentence_initial")
    if content.left_edge.i < cue.left_edge.i:
        f.append("content_before")
        prev = cue.doc[cue.left_edge.i - 1] if cue.left_edge.i > 0 else None
        if prev is not None and prev.text in _PARENTHETICAL_PUNCT:
            f.append("parenthetical")
    lead = content.left_edge
    questions = word_list("scorer_question_words")
    if lead.lower_ in questions or any(
        c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in content.children
    ):
        f.append("question")
    if has_that(content):
        f.append("that")
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in content.children):
        f.append("content_subject")
    n = content.right_edge.i - content.left_edge.i + 1
    f.append(f"content_len={_bucket(n)}")
    if any(t.is_quote for t in cue.doc[content.left_edge.i : content.right_edge.i + 1]):
        f.append("content_quoted")
    if cue.dep_ in ("relcl", "acl", "amod"):
        f.append("cue_modifier")
    if frame == "dobj" or frame.startswith("prep_"):
        # what is criticized, praised, called for: a plan, a decision, a person
        head = content.lemma_.lower()
        if vocabulary is not None and head not in vocabulary:
            head = "<other>"
        f.append(f"head={head}")
        f.append(f"head_ent={content.ent_type_ or 'none'}")
        det = next((c for c in content.children if c.dep_ in ("det", "poss", "nummod")), None)
        kind = "none" if det is None else "number" if det.dep_ == "nummod" else det.lower_
        if vocabulary is not None and kind not in vocabulary and kind not in ("none", "number"):
            kind = "<other>"
        f.append(f"head_det={kind}")
        if content.tag_ in ("NNS", "NNPS"):
            f.append("head_plural")
    return f


class CueScorer:
    """Weights of cue features and the probability they give (a logistic model).

    Args:
        weights: feature name -> weight; ``bias`` is the intercept.
        vocabulary: the lemmas with a feature of their own (others are ``<other>``).
        meta: the file header (corpus, citation, command, date, threshold found).
        frames: the frames whose candidates the scorer admits (:data:`DEFAULT_FRAMES`
            unless given; :data:`ALL_FRAMES` adds intentions and objects).
        types: the type model for cues outside the lexicon (:mod:`quotecraft.cue_typing`).
    """

    def __init__(
        self,
        weights: Mapping[str, float],
        vocabulary: Iterable[str] = (),
        meta: Mapping[str, Any] | None = None,
        frames: Iterable[str] = DEFAULT_FRAMES,
        types: TypeModel | None = None,
    ) -> None:
        self.weights = dict(weights)
        self.vocabulary = frozenset(vocabulary)
        self.meta = dict(meta or {})
        self.frames = tuple(f for f in ALL_FRAMES if f in set(frames))
        self.types = types

    # -- scoring ------------------------------------------------------------------------------

    def probability(self, names: Iterable[str]) -> float:
        """The logistic of the summed weights of ``names`` (unknown names weigh 0)."""
        w = self.weights
        z = sum(w.get(n, 0.0) for n in names)
        if z >= 0:
            return 1.0 / (1.0 + math.exp(-z))
        ez = math.exp(z)
        return ez / (1.0 + ez)

    def score(self, cue: Token, content: Token, frame: str, lexicon: CueLexicon) -> float:
        """The probability that ``cue`` introduces reported speech with ``content``."""
        return self.probability(features(cue, content, frame, lexicon, self.vocabulary))

    def candidates(
        self,
        doc: Doc,
        matcher: ReportedMatcher,
        taken: Sequence[Candidate],
        threshold: float,
        text: str | None = None,
    ) -> list[Candidate]:
        """Reported-speech candidates the rules missed, scored at or above ``threshold``.

        A cue that is already the cue of one of the rules' candidates (``taken``) is
        left to them. ``text`` is the Doc's text (default ``doc.text``, rebuilt by spaCy).
        """
        taken_cues = {c.cue_token for c in taken if c.cue_token is not None}
        by_cue: dict[int, list[tuple[float, Token, Token, list[str]]]] = {}
        for cue, content, frame in cue_candidates(doc, self.frames):
            if cue.i in taken_cues:
                continue
            names = features(cue, content, frame, matcher.lexicon, self.vocabulary)
            if (p := self.probability(names)) >= threshold:
                by_cue.setdefault(cue.i, []).append((p, cue, content, names))
        out: list[Candidate] = []
        for scored in by_cue.values():
            # the likeliest reading of each cue that gives a content
            for p, cue, content, names in sorted(scored, key=lambda x: (-x[0], x[2].i)):
                cand = matcher.candidate(doc, SCORED_RULE, cue, content, round(p, 3))
                if cand is not None and not _wholly_quoted(text or doc.text, cand.start, cand.end):
                    typed = model_type(self.types, matcher.lexicon, cue, names)
                    cand.cue_type = cand.cue_type or typed
                    out.append(cand)
                    break
        return out

    # -- files --------------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: header first, then the vocabulary and the weights by name."""
        return {
            **self.meta,
            "format": FORMAT,
            "frames": list(self.frames),
            "vocabulary": sorted(self.vocabulary),
            "weights": {k: round(v, 6) for k, v in sorted(self.weights.items())},
            **({"type_weights": self.types.to_dict()} if self.types is not None else {}),
        }

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the weights as readable JSON."""
        with open(path, "w", encoding="utf-8") as f:
            json.dump(self.to_dict(), f, ensure_ascii=False, indent=1)
            f.write("\n")

    @classmethod
    def from_dict(cls, data: Any, where: str = "weights") -> CueScorer:
        """Build a scorer from the JSON shape, checking it.

        Raises:
            WeightsError: the data is not a weights file of this format.
        """
        fix = "; train new weights with `quotecraft train GOLD.jsonl -o weights.json`"
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise WeightsError(
                f"{errors.WEIGHTS_INVALID} {where} is not a quotecraft cue scorer file (format {FORMAT!r}){fix}"
            )
        weights = data.get("weights")
        vocab = data.get("vocabulary", [])
        if not isinstance(weights, dict) or not all(
            isinstance(k, str) and isinstance(v, (int, float)) and not isinstance(v, bool)
            for k, v in weights.items()
        ):
            raise WeightsError(
                f"{errors.WEIGHTS_INVALID} {where}: 'weights' must map feature names to numbers{fix}"
            )
        if not isinstance(vocab, list) or not all(isinstance(v, str) for v in vocab):
            raise WeightsError(
                f"{errors.WEIGHTS_INVALID} {where}: 'vocabulary' must be a list of lemmas{fix}"
            )
        frames = data.get("frames", list(DEFAULT_FRAMES))
        if not isinstance(frames, list) or not set(frames) <= set(ALL_FRAMES):
            raise WeightsError(
                f"{errors.WEIGHTS_INVALID} {where}: 'frames' must be a list of some of {list(ALL_FRAMES)}{fix}"
            )
        types = TypeModel.from_dict(data.get("type_weights"), where)
        meta = {k: v for k, v in data.items() if k not in _NOT_META}
        return cls({k: float(v) for k, v in weights.items()}, vocab, meta, frames, types)

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> CueScorer:
        """Read a weights file.

        Raises:
            WeightsError: the file is missing, unreadable, not JSON or not weights.
        """
        p = os.fspath(path)
        try:
            with open(p, encoding="utf-8") as f:
                text = f.read()
        except FileNotFoundError as exc:
            raise WeightsError(
                f"{errors.WEIGHTS_UNREADABLE} no weights file at {p!r}; give the path of a file written by "
                "`quotecraft train GOLD.jsonl -o weights.json`, or leave weights out for the "
                "packaged ones"
            ) from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise WeightsError(
                f"{errors.WEIGHTS_UNREADABLE} cannot read weights file {p!r}: {exc}"
            ) from exc
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise WeightsError(
                f"{errors.WEIGHTS_INVALID} weights file {p!r} is not valid JSON ({exc.msg}, line {exc.lineno}); "
                "write it again with `quotecraft train GOLD.jsonl -o weights.json`"
            ) from exc
        return cls.from_dict(data, where=f"weights file {p!r}")

    @classmethod
    def default(cls) -> CueScorer:
        """The packaged weights (trained on PolNeAR's train split), read once per process."""
        return _default_scorer()


@cache
def _default_scorer() -> CueScorer:
    return CueScorer.from_dict(json.loads(read_text(DEFAULT_WEIGHTS)), where=DEFAULT_WEIGHTS)
