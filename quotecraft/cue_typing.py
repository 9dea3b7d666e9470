"""Cue types for cues outside the lexicon: the cue scorer's type model.

A cue the lexicon knows takes its class from the lexicon (``said``: speech,
``believes``: belief). A cue the scorer admits from outside the lexicon
(``Lee fumed that ...``) has no class there, so the scorer's weights file carries a
second, small linear model that reads the type from the cue's construction alone:
its frame (a ``to`` infinitive is mostly an intention), the kind of its subject (a
study or poll: evidence; a first-person subject with a clause: mostly belief), a
written medium, negation, mood and the shape of the content (:func:`type_features`).
No lemma is among its features, so what it learns from the lexicon's cues carries
over to verbs it has never seen.

The model is one weight vector per :class:`~quotecraft.records.CueType`, a multinomial
logistic regression fitted by :func:`quotecraft.train.fit_types` on the gold cues of the
training file whose lemma the lexicon types; the type is the one with the highest
score (``benchmarks/cue_types.py`` measures it). ``quotecraft train`` fits it with the scorer and writes it under
``type_weights`` in the weights file; a file without it leaves such cues untyped.

Example:
    >>> import quotecraft
    >>> q = quotecraft.extract("Lee fumed that the deal was off.").quotes[0]
    >>> q.rule, q.cue.text, q.cue.type.value
    ('reported.scored.v1', 'fumed', 'speech')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from spacy.tokens import Token

from . import errors
from .attribution import speaker_head
from .cues import CueLexicon
from .errors import WeightsError
from .records import CueType
from .sources import is_evidence
from .wordlists import word_list

_LEXICAL = ("lemma=", "class=", "lexicon_frame", "head=")
"""Scorer features that name the word or its lexicon class: left out, so the model
learns from the construction and types verbs it has not seen."""

TYPES = tuple(t.value for t in CueType)


def type_features(cue: Token, names: Iterable[str]) -> list[str]:
    """The type model's features: the scorer's ``names`` without the lexical ones,
    and what the subject is (``subj_doc=evidence`` for a study or poll,
    ``subj_doc=written`` for a letter or a post).

    Example:
        >>> import quotecraft
        >>> from quotecraft.scorer import cue_candidates, features
        >>> ex = quotecraft.load()
        >>> doc = ex.nlp("The survey hinted that turnout fell.")
        >>> cue, content, frame = cue_candidates(doc)[0]
        >>> [f for f in type_features(cue, features(cue, content, frame, ex.lexicon))
        ...  if f.startswith(("frame=", "subj_doc"))]
        ['frame=ccomp', 'subj_doc=evidence']
    """
    out = [n for n in names if not n.startswith(_LEXICAL) and "class=" not in n]
    head = speaker_head(cue)
    if head is not None:
        if is_evidence(head):
            out.append("subj_doc=evidence")
        elif head.lemma_.lower() in word_list("written_media"):
            out.append("subj_doc=written")
    return out


def model_type(
    model: TypeModel | None, lexicon: CueLexicon, cue: Token, names: Iterable[str]
) -> str | None:
    """The type model's type for a cue the lexicon does not type (None when it does,
    for the lexicon's type is given at assembly, or without a model)."""
    lemma = "according to" if cue.lower_ == "according" else cue.lemma_.lower()
    if model is None or lexicon.verb(cue) is not None or lexicon.cue_type(lemma) is not None:
        return None
    return model.predict(type_features(cue, names))


class TypeModel:
    """Weights per cue type; :meth:`predict` gives the type with the highest score.

    Args:
        weights: cue type -> (feature name -> weight); ``bias`` is each type's intercept.
    """

    def __init__(self, weights: Mapping[str, Mapping[str, float]]) -> None:
        self.weights = {t: dict(w) for t, w in weights.items()}

    def scores(self, features: Iterable[str]) -> dict[str, float]:
        """Each type's summed weights for ``features`` (unknown names weigh 0)."""
        names = list(features)
        return {t: sum(w.get(n, 0.0) for n in names) for t, w in self.weights.items()}

    def predict(self, features: Iterable[str]) -> str | None:
        """The type with the highest score (None for a model without types)."""
        scores = self.scores(features)
        return max(scores, key=lambda t: (scores[t], t)) if scores else None

    def to_dict(self) -> dict[str, dict[str, float]]:
        """The JSON shape: type -> feature -> weight, sorted."""
        return {
            t: {k: round(v, 6) for k, v in sorted(self.weights[t].items())}
            for t in sorted(self.weights)
        }

    @classmethod
    def from_dict(cls, data: Any, where: str) -> TypeModel | None:
        """The model of a weights file's ``type_weights`` (None when it has none).

        Raises:
            WeightsError: ``type_weights`` is not a map of cue types to feature weights.
        """
        if data is None:
            return None
        ok = isinstance(data, dict) and all(
            t in TYPES
            and isinstance(w, dict)
            and all(
                isinstance(k, str) and isinstance(v, (int, float)) and not isinstance(v, bool)
                for k, v in w.items()
            )
            for t, w in data.items()
        )
        if not ok:
            raise WeightsError(
                f"{errors.WEIGHTS_INVALID} {where}: 'type_weights' must map cue types "
                f"({', '.join(TYPES)}) to feature weights; train new weights with "
                "`quotecraft train GOLD.jsonl -o weights.json`"
            )
        return cls({t: {k: float(v) for k, v in w.items()} for t, w in data.items()})
