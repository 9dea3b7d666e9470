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
    >>> from quotecraft.testing import make_doc
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
    from spacy.vocab import Vocab

    from .extractor import Extractor
    from .handbuilt import guess_spaces as guess_spaces
    from .handbuilt import guess_tag as guess_tag
    from .handbuilt import make_doc as make_doc
    from .quote_matching import EXPECTED_KEYS as EXPECTED_KEYS
    from .records import Quote

UPDATE_ENV = "QUOTECRAFT_UPDATE_GOLDEN"
"""Set to ``1`` to accept new golden output outside pytest (same as ``--update-golden``)."""

GOLDEN_SUFFIX = ".golden.jsonl"
"""Golden files sit beside their article: ``bridge.txt`` -> ``bridge.golden.jsonl``."""

ARTICLE_PATTERNS = ("*.txt", "*.html", "*.htm")
"""The files of a folder that :func:`golden` treats as articles."""

_configs: list[pytest.Config] = []
_lock = threading.Lock()
_nlp_cache: dict[tuple[str | None, tuple[str, ...]], Language] = {}
_blank_cache: dict[int, Extractor] = {}


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


# -- re-exported lazily (importing the plugin stays cheap) ------------------------------------

_REEXPORTS = {
    "EXPECTED_KEYS": "quote_matching",
    "guess_spaces": "handbuilt",
    "guess_tag": "handbuilt",
    "make_doc": "handbuilt",
}


def __getattr__(name: str) -> Any:
    """``EXPECTED_KEYS``, ``make_doc``, ``guess_spaces``, ``guess_tag``: imported on first use."""
    module = _REEXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f".{module}", __package__), name)


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


def summarize(quote: Quote) -> dict[str, Any]:
    """A quote as the short dict :func:`assert_quotes` prints (copy it into ``expected``).

    Example:
        >>> import quotecraft
        >>> summarize(quotecraft.extract('"Fine," said Ann Lee.').quotes[0])
        {'kind': 'direct', 'content': 'Fine,', 'speaker': 'Ann Lee', 'cue': 'say'}
    """
    from .quote_matching import summarize as summarize_quote

    return summarize_quote(quote)


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
    - ``content``: a substring of the quoted words (:attr:`Quote.words
      <quotecraft.records.Quote.words>`: a split or interrupted quote without its attribution) or of
      the content span;
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
    from .quote_matching import (
        check_expected,
        difference_report,
        match_one_to_one,
        pair_with_nearest,
    )

    check_expected(expected)
    quotes = list(quotes_of(source, nlp))
    matched = match_one_to_one(quotes, expected)
    paired = pair_with_nearest(quotes, expected, matched)
    taken = {m for m in matched if m is not None} | set(paired.values())
    extra = [i for i in range(len(quotes)) if i not in taken] if exact else []
    if not paired and None not in matched and not extra:
        return [quotes[m] for m in matched if m is not None]
    raise AssertionError(difference_report(source, quotes, expected, matched, paired, extra))


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
