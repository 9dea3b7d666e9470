"""Fit the cue scorer (:mod:`quotecraft.scorer`) on gold annotations: ``quotecraft train``.

The gold file has the shape of the corpora quotecraft is evaluated on: one JSON
document a line, ``{"id", "text", "quotes": [{"cue": {"start", "end"}, ...}]}``.
Each candidate cue of :func:`quotecraft.scorer.cue_candidates` is an example,
positive when a gold quote's cue overlaps it and its content head lies in that quote's content. The model is a logistic regression
with an L2 penalty, fitted by full-batch gradient descent (Adam) in numpy; the
lemma features are capped to a vocabulary of the lexicon's lemmas, the lemmas seen
as gold cues at least ``min_cue_count`` times and the lemmas of at least
``min_candidate_count`` candidates, so no rare word of the training text is kept.

Example (from the shell)::

    quotecraft train my-gold.jsonl -o weights.json
    python -c "import quotecraft; quotecraft.load(weights='weights.json')"
"""

from __future__ import annotations

import datetime
import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import numpy as np
from spacy.tokens import Doc, Token

from . import errors
from .cue_typing import TypeModel, type_features
from .cues import CueLexicon
from .errors import TrainingDataError
from .scorer import ALL_FRAMES, DEFAULT_FRAMES, CueScorer, cue_candidates, features
from .sources import commitment_cue_type

Example = tuple[list[str], int]
"""The feature names of one candidate and its label (1: a gold cue)."""


def frames_from_spec(spec: str) -> tuple[str, ...]:
    """Frames from a command line's ``--frames``: names joined by commas, ``all`` or ``default``.

    Names are checked where they are used (:func:`quotecraft.train.train` says which are unknown).

    Example:
        >>> frames_from_spec("all") == ALL_FRAMES, frames_from_spec("ccomp, dobj")
        (True, ('ccomp', 'dobj'))
    """
    words = tuple(w.strip() for w in spec.split(",") if w.strip())
    if words == ("all",):
        return ALL_FRAMES
    if words == ("default",):
        return DEFAULT_FRAMES
    return words


def read_gold(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """The documents of a gold JSON Lines file, checked.

    Raises:
        TrainingDataError: the file is missing or a line is not a gold document.
    """
    p = os.fspath(path)
    try:
        with open(p, encoding="utf-8") as f:
            lines = f.readlines()
    except FileNotFoundError as exc:
        raise TrainingDataError(f"{errors.GOLD_UNREADABLE} no gold file at {p!r}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise TrainingDataError(
            f"{errors.GOLD_UNREADABLE} cannot read gold file {p!r}: {exc}"
        ) from exc
    docs = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{p}, line {n}"
        try:
            d = json.loads(line)
        except json.JSONDecodeError as exc:
            raise TrainingDataError(
                f"{errors.GOLD_RECORD} {where} is not JSON ({exc.msg})"
            ) from exc
        if not isinstance(d, dict) or not isinstance(d.get("text"), str):
            raise TrainingDataError(
                f'{errors.GOLD_RECORD} {where}: a document needs a "text" string'
            )
        quotes = d.get("quotes", [])
        if not isinstance(quotes, list):
            raise TrainingDataError(f'{errors.GOLD_RECORD} {where}: "quotes" must be a list')
        for q in quotes:
            cue = q.get("cue") if isinstance(q, dict) else None
            if cue is None:
                continue
            if not (
                isinstance(cue, dict)
                and isinstance(cue.get("start"), int)
                and isinstance(cue.get("end"), int)
                and 0 <= cue["start"] < cue["end"] <= len(d["text"])
            ):
                raise TrainingDataError(
                    f'{errors.GOLD_RECORD} {where}: a quote\'s "cue" needs "start" < "end" within the text, '
                    f"got {cue!r}"
                )
        docs.append(d)
    if not any(q.get("cue") for d in docs for q in d.get("quotes", []) if isinstance(q, dict)):
        raise TrainingDataError(
            f'{errors.GOLD_NO_CUES} {p!r} has no quote with a "cue": the scorer learns from gold cues '
            '({"quotes": [{"cue": {"start": 10, "end": 14}, ...}]})'
        )
    return docs


def gold_cues(doc: Mapping[str, Any]) -> list[tuple[int, int, int, int]]:
    """Character bounds of the gold cues of one document, each with its content's bounds
    (``-1, -1`` when the quote has no content span)."""
    out = []
    for q in doc.get("quotes", []):
        cue = q.get("cue") if isinstance(q, dict) else None
        if cue:
            content = q.get("content") if isinstance(q.get("content"), dict) else {}
            cs, ce = content.get("start", -1), content.get("end", -1)
            if not (isinstance(cs, int) and isinstance(ce, int)):
                cs = ce = -1
            out.append((int(cue["start"]), int(cue["end"]), cs, ce))
    return sorted(out)


def examples(
    docs: Iterable[Doc],
    golds: Iterable[Mapping[str, Any]],
    lexicon: CueLexicon,
    frames: Iterable[str] | None = None,
) -> Iterator[Example]:
    """One example per candidate cue of each parsed document, labelled by the gold cues."""
    for _cue, _content, _frame, names, label in labelled(docs, golds, lexicon, frames):
        yield names, label


def labelled(
    docs: Iterable[Doc],
    golds: Iterable[Mapping[str, Any]],
    lexicon: CueLexicon,
    frames: Iterable[str] | None = None,
) -> Iterator[tuple[Token, Token, str, list[str], int]]:
    """Each candidate cue as ``(cue, content head, frame, feature names, label)``."""
    keep = tuple(frames) if frames is not None else None
    for doc, gold in zip(docs, golds, strict=True):
        cues = gold_cues(gold)
        for cue, content, frame in cue_candidates(doc, keep):
            start = cue.idx
            end = cue.idx + len(cue.text)
            if cue.lower_ == "according" and cue.i + 1 < len(doc):
                end = doc[cue.i + 1].idx + len(doc[cue.i + 1].text)
            # a gold cue overlaps it, and the content it reads lies in that quote's content
            at = content.idx
            label = int(
                any(s < end and start < e and (cs < 0 or cs <= at < ce) for s, e, cs, ce in cues)
            )
            yield cue, content, frame, features(cue, content, frame, lexicon), label


def type_examples(
    rows: Iterable[tuple[Token, Token, str, list[str], int]], lexicon: CueLexicon
) -> list[tuple[list[str], str]]:
    """The type model's examples: each gold cue (a positive row) whose type the lexicon
    gives (with the rule that makes ``vowed to`` an intention), with its type features."""
    out = []
    for cue, content, _frame, names, label in rows:
        lemma = "according to" if cue.lower_ == "according" else cue.lemma_.lower()
        base = lexicon.cue_type(lemma) if label else None
        if base is not None:
            cue_type = commitment_cue_type(base, cue, content) or base
            out.append((type_features(cue, names), cue_type))
    return out


def vocabulary(
    exs: Sequence[Example],
    lexicon: CueLexicon,
    min_cue_count: int = 5,
    min_candidate_count: int = 20,
) -> frozenset[str]:
    """Lemmas that keep a feature of their own (see the module docstring)."""
    seen: Counter[str] = Counter()
    cued: Counter[str] = Counter()
    for names, label in exs:
        for n in names:
            if n.startswith("lemma=") and "|" not in n:
                seen[n[6:]] += 1
                cued[n[6:]] += label
            elif n.startswith("head="):
                seen[n[5:]] += 1  # an object's head word: kept only when frequent
    known = set(lexicon.verbs) | set(lexicon.nouns) | {"according to"}
    return frozenset(
        lemma
        for lemma in seen
        if lemma in known or cued[lemma] >= min_cue_count or seen[lemma] >= min_candidate_count
    )


def _capped(names: list[str], vocab: frozenset[str]) -> list[str]:
    """``names`` with the lemmas outside ``vocab`` turned into ``<other>``."""
    out = []
    for n in names:
        if n.startswith("lemma="):
            lemma, _, rest = n[6:].partition("|")
            if lemma not in vocab:
                if rest:
                    continue  # lemma-frame pairs only for lemmas of the vocabulary
                n = "lemma=<other>"
        elif n.startswith("head=") and n[5:] not in vocab:
            n = "head=<other>"
        out.append(n)
    return out


def fit(
    exs: Sequence[Example], *, l2: float = 1e-4, epochs: int = 300, rate: float = 0.1
) -> dict[str, float]:
    """Weights of a logistic regression on binary features (``bias`` is the intercept).

    Minimizes the mean log loss plus ``l2`` times the squared weights (the bias is not
    penalized), by full-batch Adam; deterministic.
    """
    index: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    labels = np.zeros(len(exs))
    for r, (names, label) in enumerate(exs):
        labels[r] = label
        for name in dict.fromkeys(names):
            cols.append(index.setdefault(name, len(index)))
            rows.append(r)
    n, k = len(exs), len(index)
    if n == 0:
        raise TrainingDataError(
            f"{errors.GOLD_NO_CUES} no candidate cues in the gold documents: nothing to learn"
        )
    row = np.asarray(rows, dtype=np.int64)
    col = np.asarray(cols, dtype=np.int64)
    w = np.zeros(k)
    m = np.zeros(k)
    v = np.zeros(k)
    penalty = np.full(k, l2)
    if "bias" in index:
        penalty[index["bias"]] = 0.0
    b1, b2, eps = 0.9, 0.999, 1e-8
    for t in range(1, epochs + 1):
        z = np.bincount(row, weights=w[col], minlength=n)
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        residual = (p - labels) / n
        grad = np.bincount(col, weights=residual[row], minlength=k) + 2 * penalty * w
        m = b1 * m + (1 - b1) * grad
        v = b2 * v + (1 - b2) * grad * grad
        w -= rate * (m / (1 - b1**t)) / (np.sqrt(v / (1 - b2**t)) + eps)
    names_by_index = sorted(index, key=index.__getitem__)
    return {
        name: round(float(w[i]), 6) for i, name in enumerate(names_by_index) if abs(w[i]) >= 1e-4
    }


def fit_types(
    examples: Sequence[tuple[list[str], str]],
    *,
    l2: float = 1e-4,
    epochs: int = 300,
    rate: float = 0.1,
) -> TypeModel:
    """The type model (:mod:`quotecraft.cue_typing`): a multinomial logistic regression
    (softmax over the types present) on ``(type features, type)`` examples, fitted like
    :func:`fit` (full-batch Adam, L2 on every weight but the biases); deterministic."""
    types = sorted({t for _, t in examples})
    index: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for r, (names, _t) in enumerate(examples):
        for name in dict.fromkeys(names):
            cols.append(index.setdefault(name, len(index)))
            rows.append(r)
    n, k, c = len(examples), len(index), len(types)
    row = np.asarray(rows, dtype=np.int64)
    col = np.asarray(cols, dtype=np.int64)
    y = np.zeros((n, c))
    y[np.arange(n), [types.index(t) for _, t in examples]] = 1.0
    penalty = np.full((k, 1), l2)
    if "bias" in index:
        penalty[index["bias"]] = 0.0
    w, m, v = np.zeros((k, c)), np.zeros((k, c)), np.zeros((k, c))
    b1, b2, eps = 0.9, 0.999, 1e-8
    for t in range(1, epochs + 1):
        # the sparse products one type at a time (features are binary)
        z = np.stack([np.bincount(row, weights=w[col, j], minlength=n) for j in range(c)], 1)
        p = np.exp(z - z.max(axis=1, keepdims=True))
        residual = (p / p.sum(axis=1, keepdims=True) - y) / n
        grad = (
            np.stack([np.bincount(col, weights=residual[row, j], minlength=k) for j in range(c)], 1)
            + 2 * penalty * w
        )
        m = b1 * m + (1 - b1) * grad
        v = b2 * v + (1 - b2) * grad * grad
        w -= rate * (m / (1 - b1**t)) / (np.sqrt(v / (1 - b2**t)) + eps)
    names = sorted(index, key=index.__getitem__)
    return TypeModel(
        {
            t: {
                name: round(float(w[i, j]), 6)
                for i, name in enumerate(names)
                if abs(w[i, j]) >= 1e-4
            }
            for j, t in enumerate(types)
        }
    )


def train_examples(
    exs: Sequence[Example],
    lexicon: CueLexicon,
    *,
    min_cue_count: int = 5,
    min_candidate_count: int = 20,
    l2: float = 1e-4,
    epochs: int = 300,
    meta: Mapping[str, Any] | None = None,
    frames: Iterable[str] = DEFAULT_FRAMES,
    typed: Sequence[tuple[list[str], str]] = (),
) -> CueScorer:
    """A scorer fitted on examples (their lemmas capped to the vocabulary first), with a
    type model fitted on ``typed`` (:func:`type_examples`) when there are any."""
    vocab = vocabulary(exs, lexicon, min_cue_count, min_candidate_count)
    capped = [(_capped(names, vocab), label) for names, label in exs]
    weights = fit(capped, l2=l2, epochs=epochs)
    types = fit_types(typed, epochs=epochs) if typed else None
    header = {
        "examples": len(capped),
        "positives": int(sum(label for _, label in capped)),
        "l2": l2,
        "epochs": epochs,
        "min_cue_count": min_cue_count,
        "min_candidate_count": min_candidate_count,
        "typed_examples": len(typed),
        **(meta or {}),
    }
    return CueScorer(weights, vocab, header, frames, types)


def parse_gold(docs: Sequence[Mapping[str, Any]], model: str | None = None) -> Iterator[Doc]:
    """Parse gold documents with quotecraft's pipeline (same segmentation and pieces)."""
    from .api import load
    from .segment import segment

    ex = load(model)
    segs = (segment(d["text"], html=False) for d in docs)
    yield from ex.parse_stream(segs, batch_size=16)


def train(
    gold: str | os.PathLike[str],
    *,
    model: str | None = None,
    min_cue_count: int = 5,
    min_candidate_count: int = 20,
    l2: float = 1e-4,
    epochs: int = 300,
    meta: Mapping[str, Any] | None = None,
    frames: Iterable[str] = DEFAULT_FRAMES,
) -> CueScorer:
    """Parse a gold file and fit a scorer on it (what ``quotecraft train`` runs)."""
    from .api import load

    frames = tuple(frames)
    bad = sorted(set(frames) - set(ALL_FRAMES))
    if bad or not frames:
        raise TrainingDataError(
            f"{errors.UNKNOWN_FRAMES} unknown frames {bad}; use some of {list(ALL_FRAMES)}"
        )
    docs = read_gold(gold)
    lexicon = load(model).lexicon
    # every frame's candidates: the gold cues of all of them teach the type model
    rows = list(labelled(parse_gold(docs, model), docs, lexicon, ALL_FRAMES))
    exs = [(names, label) for _cue, _content, frame, names, label in rows if frame in frames]
    from . import __version__

    header = {
        "corpus": os.path.basename(os.fspath(gold)),
        "documents": len(docs),
        "date": datetime.date.today().isoformat(),
        "quotecraft": __version__,
        "commit": _commit(),
        **(meta or {}),
    }
    return train_examples(
        exs,
        lexicon,
        min_cue_count=min_cue_count,
        min_candidate_count=min_candidate_count,
        l2=l2,
        epochs=epochs,
        meta=header,
        frames=frames,
        typed=type_examples(rows, lexicon),
    )


def _commit() -> str | None:
    """The git commit of the quotecraft checkout that trains, when it is one."""
    import subprocess

    here = os.path.dirname(os.path.abspath(__file__))
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=here,
            capture_output=True,
            text=True,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None if out.returncode == 0 else None
