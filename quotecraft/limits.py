"""Checks of sizes and thresholds, shared by the API, ``Config`` and the command line.

Every check raises :class:`~quotecraft.errors.ConfigError` (a ``ValueError``) with a
message that says which value is wrong and what to give instead, before any work starts.
"""

from __future__ import annotations

import math
import os
from typing import Any

from . import errors
from .errors import NOT_POSITIVE, NOT_UNIT, ConfigError


def positive_int(name: str, value: Any) -> int:
    """``value`` when it is a whole number of at least 1.

    Example:
        >>> positive_int("batch_size", 8)
        8
        >>> positive_int("n_process", -2)
        Traceback (most recent call last):
        ...
        quotecraft.errors.ConfigError: E005 n_process must be a whole number of at least 1, not -2
    """
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigError(
            f"{NOT_POSITIVE} {name} must be a whole number of at least 1, not {value!r}"
        )
    return value


def unit_interval(name: str, value: Any) -> float:
    """``value`` when it is a number from 0 to 1 (NaN is not).

    Example:
        >>> unit_interval("min_confidence", 0.5)
        0.5
        >>> unit_interval("min_confidence", float("nan"))
        Traceback (most recent call last):
        ...
        quotecraft.errors.ConfigError: E006 min_confidence must be a number from 0 to 1, not nan
    """
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or math.isnan(value)
        or not 0 <= value <= 1
    ):
        raise ConfigError(f"{NOT_UNIT} {name} must be a number from 0 to 1, not {value!r}")
    return float(value)


def check_batch(batch_size: Any, n_process: Any) -> None:
    """Refuse a batch size or a number of processes below 1 (or not whole numbers)."""
    positive_int("batch_size", batch_size)
    positive_int("n_process", n_process)


def usable_cpus() -> int:
    """The CPUs this process may run on (its affinity mask where the system has one).

    Example:
        >>> usable_cpus() >= 1
        True
    """
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not Linux
        return max(1, os.cpu_count() or 1)


def confidence(value: Any) -> float:
    """:attr:`Config.min_confidence <quotecraft.extractor.Config.min_confidence>`'s check."""
    return unit_interval("min_confidence", value)


def chunk_chars(value: Any) -> int:
    """:attr:`Config.chunk_chars <quotecraft.extractor.Config.chunk_chars>`'s check."""
    return positive_int("chunk_chars", value)


def max_chars(value: Any) -> int | None:
    """:attr:`Config.max_chars <quotecraft.extractor.Config.max_chars>`'s check (None: no limit)."""
    return None if value is None else positive_int("max_chars", value)


def check_text(text: Any, max_chars: int | None) -> None:
    """Refuse what is not a ``str`` (:class:`~quotecraft.errors.InputTypeError`) and a text
    over ``max_chars`` (:class:`~quotecraft.errors.InputTooLargeError`)."""
    if not isinstance(text, str):
        raise errors.InputTypeError.for_value(text)
    if max_chars is not None and len(text) > max_chars:
        raise errors.InputTooLargeError(
            f"{errors.TOO_LARGE} text of {len(text)} characters is over "
            f"max_chars={max_chars}; raise the limit in Config or split the text"
        )
