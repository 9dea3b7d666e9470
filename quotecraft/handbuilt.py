"""Parsed spaCy Docs built by hand (:func:`make_doc`), for fast tests that need no model."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

_vocab_lock = threading.Lock()
_shared_vocab: list[Vocab] = []

_NO_SPACE_BEFORE = frozenset(
    [",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "”", "’", "'s", "’s", "n't", "'", "..."]
)
_NO_SPACE_AFTER = frozenset(["(", "[", "{", "“", "‘", "$"])


def guess_spaces(words: Sequence[str]) -> list[bool]:
    """Whether each word is followed by a space, as English text is usually written.

    No space before closing punctuation and clitics, none after opening brackets
    and quotes; straight double quotes alternate between opening and closing.

    Example:
        >>> words = ['"', "Yes", ",", '"', "Lee", "said", "."]
        >>> "".join(w + (" " if s else "") for w, s in zip(words, guess_spaces(words)))
        '"Yes," Lee said.'
    """
    spaces = [True] * len(words)
    if words:
        spaces[-1] = False
    open_quote = False
    for i, word in enumerate(words):
        if word == '"':
            open_quote = not open_quote
            if open_quote:
                spaces[i] = False
            elif i > 0:
                spaces[i - 1] = False
        elif word in _NO_SPACE_AFTER:
            spaces[i] = False
        elif word in _NO_SPACE_BEFORE and i > 0:
            spaces[i - 1] = False
    return spaces


_TAGS = {
    "NOUN": "NN",
    "PROPN": "NNP",
    "PRON": "PRP",
    "DET": "DT",
    "ADJ": "JJ",
    "ADP": "IN",
    "ADV": "RB",
    "CCONJ": "CC",
    "SCONJ": "IN",
    "PART": "RP",
    "NUM": "CD",
    "PUNCT": ".",
    "SYM": "SYM",
    "INTJ": "UH",
    "X": "XX",
    "SPACE": "_SP",
}


def guess_tag(word: str, pos: str, lemma: str) -> str:
    """A Penn Treebank tag for a word of a hand-built Doc: ``VBG`` for ``saying``...

    Example:
        >>> [guess_tag(w, "VERB", lem) for w, lem in [("saying", "say"), ("said", "say"), ("say", "say")]]
        ['VBG', 'VBD', 'VB']
    """
    if pos in ("VERB", "AUX"):
        low = word.lower()
        if low.endswith("ing") and low != lemma.lower():
            return "VBG"
        if low == lemma.lower():
            return "VB"
        return "VBZ" if low.endswith("s") and not low.endswith("ss") else "VBD"
    if pos == "PUNCT" and word not in (".", "!", "?"):
        return "," if word == "," else "``" if word in ('"', "“", "‘") else ":"
    return _TAGS.get(pos, "XX")


def make_doc(
    words: Sequence[str],
    *,
    heads: Sequence[int] | None = None,
    deps: Sequence[str] | None = None,
    pos: Sequence[str] | None = None,
    tags: Sequence[str] | None = None,
    lemmas: Sequence[str] | None = None,
    ents: Sequence[str] | Sequence[tuple[int, int, str]] | None = None,
    spaces: Sequence[bool] | None = None,
    vocab: Vocab | None = None,
) -> Doc:
    """A parsed spaCy ``Doc`` built by hand, without a model.

    Args:
        words: the tokens.
        heads: the index of each token's head (absolute; a root is its own head).
        deps: each token's dependency label (``ROOT`` for roots).
        pos: coarse part-of-speech tags (``VERB``, ``PROPN``...).
        tags: fine-grained tags (``VBD``...); by default guessed from ``pos`` and
            the word (see :func:`guess_tag`), as the packaged patterns read them.
        lemmas: base forms; cues are matched by lemma (``say`` for ``said``).
            Default: the lowercased words.
        ents: named entities, as ``(start, end, label)`` token ranges or IOB tags
            (``"B-PERSON"``, ``"I-PERSON"``, ``"O"``).
        spaces: whether each word is followed by a space; by default guessed
            with :func:`guess_spaces`.
        vocab: the vocabulary; by default an English one shared by every
            ``make_doc`` Doc (so the packaged rules are compiled once for all of them).
            A vocabulary of your own needs English lexical attributes
            (``spacy.blank("en").vocab``): rules read ``is_alpha`` and ``is_punct``.

    Example:
        >>> doc = make_doc(["Lee", "said", "no", "."], heads=[1, 1, 1, 1],
        ...                deps=["nsubj", "ROOT", "dobj", "punct"], lemmas=["Lee", "say", "no", "."])
        >>> doc.text, doc.has_annotation("DEP"), [t.head.text for t in doc]
        ('Lee said no.', True, ['said', 'said', 'said', 'said'])
    """
    import spacy
    from spacy.tokens import Doc

    n = len(words)
    for label, values in (
        ("heads", heads),
        ("deps", deps),
        ("pos", pos),
        ("tags", tags),
        ("lemmas", lemmas),
        ("spaces", spaces),
    ):
        if values is not None and len(values) != n:
            raise ValueError(f"make_doc: {n} words but {len(values)} {label}")
    if (heads is None) != (deps is None):
        raise ValueError("make_doc: give both heads and deps for a parse, or neither")
    iob: list[str] | None = None
    if ents is not None:
        if all(isinstance(e, str) for e in ents):
            iob = [str(e) for e in ents]
        else:
            iob = ["O"] * n
            for ent in ents:
                if isinstance(ent, str) or len(ent) != 3:
                    raise ValueError(f"make_doc: an entity is (start, end, label), not {ent!r}")
                start, end, label = int(ent[0]), int(ent[1]), str(ent[2])
                for k in range(start, end):
                    iob[k] = ("B-" if k == start else "I-") + label
        if len(iob) != n:
            raise ValueError(f"make_doc: {n} words but {len(iob)} entity tags")
    lemma_list = list(lemmas) if lemmas is not None else [w.lower() for w in words]
    tags_guess = (
        [guess_tag(w, p, lem) for w, p, lem in zip(words, pos, lemma_list, strict=True)]
        if pos is not None
        else None
    )
    if vocab is None:
        with _vocab_lock:
            if not _shared_vocab:  # English lexical attributes: is_alpha, is_punct, like_num
                _shared_vocab.append(spacy.blank("en").vocab)
            vocab = _shared_vocab[0]
    return Doc(
        vocab,
        words=list(words),
        spaces=list(spaces) if spaces is not None else guess_spaces(words),
        heads=list(heads) if heads is not None else None,
        deps=list(deps) if deps is not None else None,
        pos=list(pos) if pos is not None else None,
        tags=list(tags) if tags is not None else tags_guess,
        lemmas=lemma_list,
        ents=iob,
    )
