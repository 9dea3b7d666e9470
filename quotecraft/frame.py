"""Quotations as a pandas DataFrame: :func:`to_frame`.

Needs pandas, an optional extra: ``pip install "quotecraft[pandas]"``. Without
it, :func:`to_frame` raises :class:`~quotecraft.errors.MissingDependencyError`
naming that command; :func:`quote_rows` needs nothing beyond quotecraft.

One row per quotation, the columns of :data:`COLUMNS` in that order. The Dask
adapter (:func:`quotecraft.dask.extract_dataframe`) builds its rows from the same
function and adds a few columns of its own.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from .errors import INPUT_TYPE, NO_PANDAS, MissingDependencyError, QuotecraftWarning
from .records import Article, CueType, ErrorRecord, QuoteKind, SpeakerKind

if TYPE_CHECKING:
    import pandas as pd

COLUMNS: dict[str, str] = {
    "id": "string",
    "kind": "category",
    "content": "string",
    "start": "Int64",
    "end": "Int64",
    "paragraph": "Int64",
    "speaker": "string",
    "speaker_id": "string",
    "mention": "string",
    "title": "string",
    "organization": "string",
    "speaker_kind": "category",
    "cue": "string",
    "cue_type": "category",
    "rule": "string",
    "confidence": "Float64",
}
"""The columns of :func:`to_frame` and their pandas dtypes.

- ``id``: the article's id (``Article.id``; missing when it has none);
- ``kind``: ``direct``, ``indirect`` or ``mixed`` (a category with those three values);
- ``content``: the quoted words a person reads (:attr:`Quote.words
  <quotecraft.records.Quote.words>`: for a direct quote split by its attribution,
  the pieces without the attribution; for a report its attribution interrupts, the
  content without it);
- ``start``, ``end``: the content's offsets in ``Article.text`` (from the first
  quoted word to the last, attribution included for a split quote);
- ``paragraph``: index of the paragraph where the content starts;
- ``speaker``: the speaker's name, else the words of its mention;
  ``speaker_id``: ``S1``, ``S2``... (within one article); ``mention``: the words
  naming the speaker at this quote (``she``, ``the mayor``);
- ``title``, ``organization``, ``speaker_kind`` (a category: person,
  organization, group, unknown);
- ``cue``: the cue as written; ``cue_type``: what it reports (a category:
  speech, writing, belief, intention, evidence; missing when unknown);
- ``rule``: the rule that produced the quotation; ``confidence``: from 0 to 1.

Missing values are ``pd.NA`` (nullable dtypes), never the string ``"None"``.
"""

CATEGORIES: dict[str, list[str]] = {
    "kind": [k.value for k in QuoteKind],
    "speaker_kind": [k.value for k in SpeakerKind],
    "cue_type": [t.value for t in CueType],
}
"""The fixed categories of the ``category`` columns, so frames of different batches concatenate."""

PANDAS_INSTALL = 'pip install "quotecraft[pandas]"'


def quote_rows(article: Article) -> list[dict[str, Any]]:
    """The rows of one article: one dict per quotation, keyed by :data:`COLUMNS`.

    Example:
        >>> import quotecraft
        >>> rows = quote_rows(quotecraft.extract('"Go," said Ann Lee.'))
        >>> [(r["kind"], r["content"], r["speaker"], r["mention"]) for r in rows]
        [('direct', 'Go,', 'Ann Lee', 'Ann Lee')]
    """
    rows = []
    for q in article.quotes:
        sp, cue = q.speaker, q.cue
        mention = sp.mention.text if sp is not None and sp.mention is not None else None
        rows.append(
            {
                "id": article.id,
                "kind": q.kind.value,
                "content": q.words,
                "start": q.content.start,
                "end": q.content.end,
                "paragraph": q.paragraph,
                "speaker": (sp.name or mention) if sp is not None else None,
                "speaker_id": sp.id if sp is not None else None,
                "mention": mention,
                "title": sp.title if sp is not None else None,
                "organization": sp.organization if sp is not None else None,
                "speaker_kind": sp.kind.value if sp is not None else None,
                "cue": cue.text if cue is not None else None,
                "cue_type": cue.type.value if cue is not None and cue.type is not None else None,
                "rule": q.rule,
                "confidence": q.confidence,
            }
        )
    return rows


def import_pandas(feature: str = "quotecraft.to_frame") -> Any:
    """``import pandas``, or a :class:`MissingDependencyError` saying how to install it.

    Example:
        >>> import_pandas().__name__
        'pandas'
    """
    try:
        import pandas
    except ImportError as exc:
        raise MissingDependencyError(
            f"{NO_PANDAS} {feature} needs pandas, which is not installed. Install it with:\n"
            f"    {PANDAS_INSTALL}"
        ) from exc
    return pandas


def dtypes(columns: dict[str, str] = COLUMNS) -> dict[str, Any]:
    """pandas dtypes of ``columns``, the ``category`` ones with their fixed categories.

    Example:
        >>> dtypes()["kind"].categories.tolist(), dtypes()["start"]
        (['direct', 'indirect', 'mixed'], 'Int64')
    """
    pd = import_pandas()
    return {
        name: pd.CategoricalDtype(CATEGORIES[name]) if dtype == "category" else dtype
        for name, dtype in columns.items()
    }


def rows_frame(
    rows: Iterable[Mapping[str, Any]], columns: dict[str, str] = COLUMNS
) -> pd.DataFrame:
    """A DataFrame of rows (dicts), with exactly ``columns`` and their dtypes.

    Example:
        >>> rows_frame([]).shape
        (0, 16)
    """
    pd = import_pandas()
    frame = pd.DataFrame(list(rows), columns=list(columns))
    return frame.astype(dtypes(columns))


def to_frame(articles: Article | ErrorRecord | Iterable[Article | ErrorRecord]) -> pd.DataFrame:
    """The quotations of one article or many as a pandas DataFrame, one row per quotation.

    Args:
        articles: an :class:`~quotecraft.records.Article`, or any iterable of them
            (a list, :func:`quotecraft.extract_many`'s results...).
            :class:`~quotecraft.records.ErrorRecord` items (documents that failed) have no
            rows: they are listed in ``frame.attrs["errors"]`` and a
            :class:`~quotecraft.errors.QuotecraftWarning` says how many there were.

    Returns:
        A DataFrame with the columns of :data:`COLUMNS` (nullable dtypes; ``kind``,
        ``speaker_kind`` and ``cue_type`` as categories), quotations in article order.

    Raises:
        MissingDependencyError: pandas is not installed (``pip install "quotecraft[pandas]"``).
        InputTypeError: an item is neither an ``Article`` nor an ``ErrorRecord``.

    Example:
        >>> import quotecraft
        >>> art = quotecraft.extract('"We will rebuild," said Mayor Ann Lee. '
        ...                          'She added that the bridge would open in May.')
        >>> df = quotecraft.to_frame(art)
        >>> df[["kind", "content", "speaker", "mention", "cue"]].values.tolist()
        [['direct', 'We will rebuild,', 'Ann Lee', 'Mayor Ann Lee', 'said'], ['indirect', 'the bridge would open in May', 'Ann Lee', 'She', 'added']]
    """
    from .errors import InputTypeError

    items = [articles] if isinstance(articles, (Article, ErrorRecord)) else articles
    rows: list[dict[str, Any]] = []
    failed: list[dict[str, str | None]] = []
    for item in items:
        if isinstance(item, ErrorRecord):
            failed.append({"id": item.id, "type": item.type, "message": item.message})
        elif isinstance(item, Article):
            rows.extend(quote_rows(item))
        else:
            raise InputTypeError(
                f"{INPUT_TYPE} to_frame takes Article records (from quotecraft.extract or extract_many), "
                f"not {type(item).__name__}"
            )
    frame = rows_frame(rows)
    frame.attrs["errors"] = failed
    if failed:
        warnings.warn(
            f"{len(failed)} document(s) failed and have no rows; "
            "their ids and errors are in frame.attrs['errors']",
            QuotecraftWarning,
            stacklevel=2,
        )
    return frame
