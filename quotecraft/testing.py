"""pytest helpers for testing your own pipeline and rules with quotecraft.

Installing quotecraft registers this module as a pytest plugin (entry point
``pytest11``; turn it off with ``-p no:quotecraft``). It gives:

- the session-scoped fixture ``quotecraft_nlp``: a spaCy pipeline with the
  quotecraft component last. Choose the model and rule files in your pytest
  configuration (``quotecraft_model = en_core_web_sm``, ``quotecraft_rules = my_rules.json``,
  paths relative to the rootdir);
- :func:`assert_quotes`: compare the quotes of a text, ``Doc`` or article with
  short expected dicts, and fail with a readable report;
- :func:`make_doc`: a parsed ``Doc`` built by hand (words, heads, deps, ...),
  for fast tests that need no model;
- :func:`golden`: compare the output for a folder of articles with recorded
  golden files and fail with a unified diff when it changes; run
  ``pytest --update-golden`` to accept the new output.

Importing this module is cheap: spaCy and the pipeline load only when a helper
or fixture is used.

Example:
    >>> doc = make_doc(
    ...     ["Lee", "said", "the", "bridge", "is", "safe", "."],
    ...     heads=[1, 1, 3, 4, 1, 4, 1],
    ...     deps=["nsubj", "ROOT", "det", "nsubj", "ccomp", "acomp", "punct"],
    ...     pos=["PROPN", "VERB", "DET", "NOUN", "AUX", "ADJ", "PUNCT"],
    ...     lemmas=["Lee", "say", "the", "bridge", "be", "safe", "."],
    ...     ents=[(0, 1, "PERSON")],
    ... )
    >>> doc.text
    'Lee said the bridge is safe.'
    >>> assert_quotes(doc, [{"kind": "indirect", "content": "bridge is safe", "speaker": "Lee", "cue": "say"}])
    [Quote(kind=<QuoteKind.INDIRECT: 'indirect'>, content=TextSpan(start=9, end=27, text='the bridge is safe'), ...)]
"""

from __future__ import annotations

import difflib
import json
import os
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from .extractor import Extractor
    from .records import Quote

UPDATE_ENV = "QUOTECRAFT_UPDATE_GOLDEN"
"""Set to ``1`` to accept new golden output outside pytest (same as ``--update-golden``)."""

GOLDEN_SUFFIX = ".golden.jsonl"
"""Golden files sit beside their article: ``bridge.txt`` -> ``bridge.golden.jsonl``."""

ARTICLE_PATTERNS = ("*.txt", "*.html", "*.htm")
"""The files of a folder that :func:`golden` treats as articles."""

EXPECTED_KEYS = (
    "kind",
    "content",
    "speaker",
    "mention",
    "title",
    "organization",
    "speaker_kind",
    "cue",
    "negated",
    "rule",
    "addressee",
)
"""The keys an expected quote of :func:`assert_quotes` may have."""

_configs: list[pytest.Config] = []
_lock = threading.Lock()
_nlp_cache: dict[tuple[str | None, tuple[str, ...]], Language] = {}
_blank_cache: dict[int, Extractor] = {}
_shared_vocab: list[Vocab] = []


# -- the pytest plugin ------------------------------------------------------------------------


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("quotecraft")
    group.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="quotecraft: write the current output to the golden files instead of failing",
    )
    parser.addini("quotecraft_model", "quotecraft_nlp: the spaCy pipeline to load", default="")
    parser.addini(
        "quotecraft_rules",
        "quotecraft_nlp: rule files (JSON/YAML) to load, relative to the rootdir",
        type="linelist",
        default=[],
    )


def pytest_configure(config: pytest.Config) -> None:
    _configs.append(config)


def pytest_unconfigure(config: pytest.Config) -> None:
    if config in _configs:
        _configs.remove(config)


@pytest.fixture(scope="session")
def quotecraft_nlp(pytestconfig: pytest.Config) -> Language:
    """A spaCy pipeline with the quotecraft component last, shared by the session.

    The model is the ini option ``quotecraft_model``, else quotecraft's default
    choice (``QUOTECRAFT_MODEL``, then the installed English pipelines); rule files
    come from ``quotecraft_rules``.
    """
    model = str(pytestconfig.getini("quotecraft_model") or "") or None
    rules = tuple(
        str((pytestconfig.rootpath / r).resolve())
        for r in pytestconfig.getini("quotecraft_rules") or []
    )
    return pipeline_with_quotecraft(model, rules)


def pipeline_with_quotecraft(model: str | None = None, rules: Sequence[str] = ()) -> Language:
    """A spaCy pipeline with the quotecraft component, loaded once per process and arguments.

    Raises:
        ModelNotFoundError: the model is not installed (the message says how to install one).
    """
    import spacy

    from .errors import ModelNotFoundError
    from .model import resolve_model_name

    name = resolve_model_name(model)
    key = (name, tuple(rules))
    with _lock:
        nlp = _nlp_cache.get(key)
        if nlp is None:
            try:
                nlp = spacy.load(name)
            except OSError as exc:
                raise ModelNotFoundError([name], str(exc)) from exc
            nlp.add_pipe("quotecraft", config={"rules": list(rules)})
            _nlp_cache[key] = nlp
        return nlp


def _update_requested() -> bool:
    if os.environ.get(UPDATE_ENV, "").strip() not in ("", "0"):
        return True
    return bool(_configs and _configs[-1].getoption("update_golden", default=False))


# -- building parsed Docs by hand -------------------------------------------------------------

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
        with _lock:
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


# -- getting the quotes of anything -----------------------------------------------------------


def _blank_extractor(vocab: Vocab) -> Extractor:
    """An extractor with the packaged rules for Docs parsed elsewhere (no model)."""
    import spacy

    from .builder import build_extractor

    with _lock:
        ex = _blank_cache.get(id(vocab))
        if ex is None or ex.nlp.vocab is not vocab:
            ex = build_extractor(spacy.blank("en", vocab=vocab))
            if len(_blank_cache) >= 8:  # Docs with their own Vocab: keep a few
                _blank_cache.pop(next(iter(_blank_cache)))
            _blank_cache[id(vocab)] = ex
        return ex


def quotes_of(source: Any, nlp: Language | Extractor | None = None) -> tuple[Quote, ...]:
    """The quotes of a text, ``Doc``, :class:`~quotecraft.records.Article` or sequence of quotes.

    Args:
        source: a text (extracted with ``nlp``); a ``Doc`` (its ``doc._.quotes``
            when the quotecraft component ran on it, else analyzed with ``nlp``
            or the packaged rules); an ``Article``; or quotes.
        nlp: an :class:`~quotecraft.extractor.Extractor` or a spaCy pipeline; by
            default :func:`quotecraft.load`.

    Example:
        >>> [q.kind.value for q in quotes_of('"Fine," he said.')]
        ['direct']
    """
    from spacy.language import Language
    from spacy.tokens import Doc

    from .component import USER_DATA_KEY, get_quotes
    from .extractor import Extractor
    from .records import Article, Quote

    if isinstance(source, Article):
        return source.quotes
    if isinstance(source, str):
        if isinstance(nlp, Language):
            source = nlp(source)
        else:
            from .api import load

            return (nlp or load())(source).quotes
    if isinstance(source, Doc):
        if USER_DATA_KEY in source.user_data:
            return get_quotes(source)
        ex = nlp if isinstance(nlp, Extractor) else _blank_extractor(source.vocab)
        return ex.analyze(source).quotes
    quotes = tuple(source) if isinstance(source, Iterable) else (source,)
    if not all(isinstance(q, Quote) for q in quotes):
        raise TypeError(
            "quotecraft.testing: pass a text, a spaCy Doc, an Article or Quote records, "
            f"not {type(source).__name__}"
        )
    return quotes


# -- assert_quotes ----------------------------------------------------------------------------


def _speaker_label(speaker: Any) -> str | None:
    if speaker is None:
        return None
    if speaker.name:
        return str(speaker.name)
    return speaker.mention.text if speaker.mention is not None else None


def summarize(quote: Quote) -> dict[str, Any]:
    """A quote as the short dict :func:`assert_quotes` prints (copy it into ``expected``).

    Example:
        >>> import quotecraft
        >>> summarize(quotecraft.extract('"Fine," said Ann Lee.').quotes[0])
        {'kind': 'direct', 'content': 'Fine,', 'speaker': 'Ann Lee', 'cue': 'say'}
    """
    out: dict[str, Any] = {"kind": quote.kind.value, "content": quote.content.text}
    out["speaker"] = _speaker_label(quote.speaker)
    out["cue"] = quote.cue.lemma if quote.cue is not None else None
    return out


def _actual(quote: Quote, key: str) -> Any:
    sp = quote.speaker
    if key == "kind":
        return quote.kind.value
    if key == "content":
        return quote.content.text
    if key == "speaker":
        return _speaker_label(sp)
    if key == "mention":
        return sp.mention.text if sp is not None and sp.mention is not None else None
    if key in ("title", "organization"):
        return getattr(sp, key) if sp is not None else None
    if key == "speaker_kind":
        return sp.kind.value if sp is not None else None
    if key == "cue":
        return quote.cue.lemma if quote.cue is not None else None
    if key == "negated":
        return quote.cue.negated if quote.cue is not None else False
    if key == "addressee":
        return _speaker_label(quote.addressee)
    return getattr(quote, key)


def _field_matches(quote: Quote, key: str, want: Any) -> bool:
    got = _actual(quote, key)
    if key == "content":
        return isinstance(want, str) and want in got
    if key == "mention":
        return got is None if want is None else got is not None and want in got
    if key == "speaker":
        # the resolved name, or the mention's text for an unnamed speaker
        sp = quote.speaker
        mention = sp.mention.text if sp is not None and sp.mention is not None else None
        return want == got or (want is not None and want == mention)
    if key == "cue":
        return want == got or (quote.cue is not None and want == quote.cue.text)
    return bool(want == got)


def _mismatches(quote: Quote, expected: Mapping[str, Any]) -> list[str]:
    return [k for k, v in expected.items() if not _field_matches(quote, k, v)]


def assert_quotes(
    source: Any,
    expected: Sequence[Mapping[str, Any]],
    *,
    nlp: Language | Extractor | None = None,
    exact: bool = True,
) -> list[Quote]:
    """Check the quotes of a text or ``Doc`` against short expected dicts.

    Each expected dict gives only what matters to the test:

    - ``kind``: ``"direct"``, ``"indirect"`` or ``"mixed"``;
    - ``content``: a substring of the quote's content;
    - ``speaker``: the resolved name, or the mention's text for an unnamed
      speaker (``None``: no speaker); ``mention``: a substring of the mention;
    - ``title``, ``organization``, ``speaker_kind``;
    - ``cue``: the cue's lemma (``"say"``) or its text (``"said"``); ``negated``;
    - ``rule``: the rule name; ``addressee``: like ``speaker``.

    Expected quotes match found quotes in any order, one to one.

    Args:
        source: a text, a ``Doc``, an ``Article`` or quotes (see :func:`quotes_of`).
        expected: the expected quotes.
        nlp: the extractor or spaCy pipeline for a text; :func:`quotecraft.load` by default.
        exact: also fail when quotes beyond the expected ones are found.

    Returns:
        The found quote matched to each expected one, in the order of ``expected``.

    Raises:
        AssertionError: an expected quote was not found, or (with ``exact``) an
            unexpected one was; the message lists what matched, what is missing
            (with the nearest found quote and how it differs) and what is extra.

    Example:
        >>> assert_quotes('"We will rebuild," said Mayor Ann Lee.',
        ...               [{"kind": "direct", "content": "rebuild", "speaker": "Bob Ray"}])
        Traceback (most recent call last):
        ...
        AssertionError: quotes differ from the expected ones: 1 differ
        text: '"We will rebuild," said Mayor Ann Lee.'
          differs     {'kind': 'direct', 'content': 'rebuild', 'speaker': 'Bob Ray'}
            found     {'kind': 'direct', 'content': 'We will rebuild,', 'speaker': 'Ann Lee', 'cue': 'say'}
            where     speaker: found 'Ann Lee', expected 'Bob Ray'
        found (copy into expected):
          {'kind': 'direct', 'content': 'We will rebuild,', 'speaker': 'Ann Lee', 'cue': 'say'}
    """
    _check_expected(expected)
    quotes = list(quotes_of(source, nlp))
    matched = _match_one_to_one(quotes, expected)
    paired = _pair_with_nearest(quotes, expected, matched)
    taken = {m for m in matched if m is not None} | set(paired.values())
    extra = [i for i in range(len(quotes)) if i not in taken] if exact else []
    if not paired and None not in matched and not extra:
        return [quotes[m] for m in matched if m is not None]
    raise AssertionError(_difference_report(source, quotes, expected, matched, paired, extra))


def _check_expected(expected: Sequence[Mapping[str, Any]]) -> None:
    """Refuse an expected list that is a dict, or dicts with keys assert_quotes does not know."""
    if isinstance(expected, Mapping):
        raise TypeError("assert_quotes: 'expected' is a list of dicts, one per quote")
    for k, exp in enumerate(expected):
        unknown = sorted(set(exp) - set(EXPECTED_KEYS))
        if unknown:
            raise ValueError(
                f"assert_quotes: expected[{k}] has unknown keys {unknown}; use {list(EXPECTED_KEYS)}"
            )


def _match_one_to_one(
    quotes: Sequence[Quote], expected: Sequence[Mapping[str, Any]]
) -> list[int | None]:
    """For each expected quote, the first found quote it matches not matched before (or None)."""
    used: set[int] = set()
    matched: list[int | None] = []
    for exp in expected:
        hit = next(
            (i for i, q in enumerate(quotes) if i not in used and not _mismatches(q, exp)),
            None,
        )
        if hit is not None:
            used.add(hit)
        matched.append(hit)
    return matched


def _pair_with_nearest(
    quotes: Sequence[Quote], expected: Sequence[Mapping[str, Any]], matched: list[int | None]
) -> dict[int, int]:
    """Each unmatched expected quote with the nearest quote left over, to show how they differ."""
    used = {m for m in matched if m is not None}
    paired: dict[int, int] = {}
    for k, exp in enumerate(expected):
        left = [i for i in range(len(quotes)) if i not in used and i not in paired.values()]
        if matched[k] is None and left:
            paired[k] = min(left, key=lambda i: (len(_mismatches(quotes[i], exp)), i))
    return paired


def _difference_report(
    source: Any,
    quotes: Sequence[Quote],
    expected: Sequence[Mapping[str, Any]],
    matched: list[int | None],
    paired: dict[int, int],
    extra: list[int],
) -> str:
    """The assertion message: what matched, what differs and how, what is missing or extra."""
    n_missing = sum(1 for m in matched if m is None) - len(paired)
    counts = [(len(paired), "differ"), (n_missing, "missing"), (len(extra), "unexpected")]
    lines = [
        "quotes differ from the expected ones: " + ", ".join(f"{n} {w}" for n, w in counts if n)
    ]
    text = _text_of(source)
    if text is not None:
        lines.append(f"text: {_short(text, 300)!r}")
    for k, exp in enumerate(expected):
        if matched[k] is not None:
            lines.append(f"  ok          {dict(exp)}")
        elif k in paired:
            lines.extend(_differs(quotes[paired[k]], exp))
        else:
            lines.append(f"  missing     {dict(exp)}")
    lines.extend(f"  unexpected  {summarize(quotes[i])}" for i in extra)
    lines.append("found (copy into expected):" if quotes else "found: no quotes")
    lines.extend(f"  {summarize(q)}" for q in quotes)
    return "\n".join(lines)


def _differs(q: Quote, exp: Mapping[str, Any]) -> list[str]:
    """The report lines of an expected quote and the nearest found one."""
    diffs = [
        f"{key}: found {_actual(q, key)!r}, expected {exp[key]!r}"
        + (" (as a substring)" if key in ("content", "mention") else "")
        for key in _mismatches(q, exp)
    ]
    return [
        f"  differs     {dict(exp)}",
        f"    found     {summarize(q)}",
        f"    where     {'; '.join(diffs)}",
    ]


def _text_of(source: Any) -> str | None:
    if isinstance(source, str):
        return source
    text = getattr(source, "text", None)
    return text if isinstance(text, str) else None


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


# -- golden files -----------------------------------------------------------------------------


def golden_lines(quotes: Iterable[Quote]) -> list[str]:
    """The golden-file lines of some quotes: one JSON object per quote.

    Example:
        >>> import quotecraft
        >>> golden_lines(quotecraft.extract('"Fine," said Ann Lee.').quotes)
        ['{"kind": "direct", "start": 1, "end": 6, "content": "Fine,", "speaker": "Ann Lee", "mention": "Ann Lee", "title": null, "organization": null, "cue": "said", "rule": "direct.cue_after.v1", "confidence": 0.95}']
    """
    out = []
    for q in quotes:
        sp = q.speaker
        record = {
            "kind": q.kind.value,
            "start": q.content.start,
            "end": q.content.end,
            "content": q.content.text,
            "speaker": sp.name if sp is not None else None,
            "mention": sp.mention.text if sp is not None and sp.mention is not None else None,
            "title": sp.title if sp is not None else None,
            "organization": sp.organization if sp is not None else None,
            "cue": q.cue.text if q.cue is not None else None,
            "rule": q.rule,
            "confidence": q.confidence,
        }
        out.append(json.dumps(record, ensure_ascii=False))
    return out


def _articles(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise FileNotFoundError(f"golden: no article file or folder at {str(path)!r}")
    found = {p for pattern in ARTICLE_PATTERNS for p in path.rglob(pattern) if p.is_file()}
    return sorted(found)


def golden_path(article: Path) -> Path:
    """The golden file of an article: ``bridge.txt`` -> ``bridge.golden.jsonl``.

    Example:
        >>> golden_path(Path("articles/bridge.txt")).as_posix()
        'articles/bridge.golden.jsonl'
    """
    return article.with_name(article.stem + GOLDEN_SUFFIX)


def golden(
    path: str | os.PathLike[str],
    *,
    nlp: Language | Extractor | None = None,
    update: bool | None = None,
) -> list[Path]:
    """Compare the quotes of a folder of articles with their golden files.

    Every ``*.txt``, ``*.html`` and ``*.htm`` file under ``path`` (or ``path``
    itself, when it is a file) is an article; its golden file
    ``NAME.golden.jsonl`` beside it holds the expected output, one quote per line
    (see :func:`golden_lines`). Check the golden files in with your tests.

    Args:
        path: a folder of articles, or one article.
        nlp: the extractor or spaCy pipeline; :func:`quotecraft.load` by default.
        update: write the current output to the golden files (and delete golden
            files whose article is gone) instead of comparing. By default true when
            pytest runs with ``--update-golden`` or ``QUOTECRAFT_UPDATE_GOLDEN=1`` is set.

    Returns:
        The articles checked (or updated).

    Raises:
        AssertionError: an output differs from its golden file (the message holds a
            unified diff per article), or a golden file is missing or stale.

    Example:
        >>> import tempfile
        >>> folder = Path(tempfile.mkdtemp())
        >>> _ = (folder / "bridge.txt").write_text('"It is safe," said Ann Lee.')
        >>> [p.name for p in golden(folder, update=True)]
        ['bridge.txt']
        >>> _ = (folder / "bridge.txt").write_text('"It is safe," said Bob Ray.')
        >>> golden(folder)
        Traceback (most recent call last):
        ...
        AssertionError: golden: the output changed for 1 of 1 articles (run pytest --update-golden to accept)
        --- .../bridge.golden.jsonl
        +++ .../bridge.txt (current output)
        @@ -1 +1 @@
        -{"kind": "direct", ..., "speaker": "Ann Lee", "mention": "Ann Lee", ...}
        +{"kind": "direct", ..., "speaker": "Bob Ray", "mention": "Bob Ray", ...}
    """
    root = Path(path)
    articles = _articles(root)
    if update is None:
        update = _update_requested()
    diffs: list[str] = []
    missing: list[Path] = []
    for article in articles:
        text = article.read_text(encoding="utf-8")
        new = golden_lines(quotes_of(text, nlp))
        gold = golden_path(article)
        if update:
            body = "".join(line + "\n" for line in new)
            if not gold.exists() or gold.read_text(encoding="utf-8") != body:
                gold.write_text(body, encoding="utf-8")
            continue
        if not gold.exists():
            missing.append(gold)
            continue
        old = gold.read_text(encoding="utf-8").splitlines()
        if old != new:
            diff = difflib.unified_diff(
                old, new, fromfile=str(gold), tofile=f"{article} (current output)", lineterm=""
            )
            diffs.append("\n".join(diff))
    stale = [] if root.is_file() else _stale(root, articles)
    if update:
        for g in stale:
            g.unlink()
        return articles
    if not diffs and not missing and not stale:
        return articles
    head = []
    if diffs:
        head.append(f"the output changed for {len(diffs)} of {len(articles)} articles")
    if missing:
        head.append(f"{len(missing)} golden files are missing")
    if stale:
        head.append(f"{len(stale)} golden files have no article")
    lines = [f"golden: {'; '.join(head)} (run pytest --update-golden to accept)"]
    lines.extend(diffs)
    lines.extend(f"missing: {g}" for g in missing)
    lines.extend(f"stale: {g}" for g in stale)
    raise AssertionError("\n".join(lines))


def _stale(root: Path, articles: Sequence[Path]) -> list[Path]:
    expected = {golden_path(a) for a in articles}
    return sorted(g for g in root.rglob("*" + GOLDEN_SUFFIX) if g not in expected)


def iter_articles(path: str | os.PathLike[str]) -> Iterator[Path]:
    """The articles :func:`golden` would check under ``path``, for ``pytest.mark.parametrize``.

    Example:
        >>> import tempfile
        >>> folder = Path(tempfile.mkdtemp())
        >>> _ = (folder / "b.txt").write_text("B."), (folder / "a.html").write_text("<p>A.</p>")
        >>> [p.name for p in iter_articles(folder)]
        ['a.html', 'b.txt']
    """
    yield from _articles(Path(path))
