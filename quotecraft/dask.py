"""Quotations from a Dask bag or DataFrame: many articles on many machines.

Needs the ``dask`` extra (``pip install "quotecraft[dask]"``). Each partition is
processed by :meth:`Extractor.pipe <quotecraft.extractor.Extractor.pipe>` (spaCy's
``nlp.pipe`` in batches), with the extractor from :func:`quotecraft.load`, which is
cached per process: a Dask worker process loads the model once, on its first
partition, and reuses it for every later one. Run workers with one thread each
(``threads_per_worker=1``) and as many worker processes as cores.

- :func:`extract_bag`: a bag of texts, ``{"id", "text"}`` dicts or ``(id, text)``
  tuples → a bag of result dicts (the JSON objects ``quotecraft extract`` writes).
- :func:`extract_dataframe`: a DataFrame with a text column (and an id column) →
  a DataFrame with one row per quotation (:data:`QUOTE_COLUMNS`).

See ``docs/scale.md`` for a cluster recipe.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import dask.bag as db

from . import frame as _frame
from .builder import RulePaths, rule_paths
from .extractor import Config
from .records import Article, ErrorRecord

if TYPE_CHECKING:  # the DataFrame functions need pandas and dask.dataframe, imported when used
    import dask.dataframe as dd
    import pandas as pd

Rules = RulePaths

QUOTE_COLUMNS: dict[str, str] = {
    "id": "string",
    "quote": "Int64",
    **{name: dtype for name, dtype in _frame.COLUMNS.items() if name != "id"},
    "cue_lemma": "string",
    "negated": "boolean",
    "error": "string",
}
"""Columns of :func:`extract_dataframe` output and their pandas dtypes.

The columns of :func:`quotecraft.to_frame` (:data:`quotecraft.frame.COLUMNS`, same
meaning, same dtypes), plus ``quote`` (numbers the quotations of a document from 0),
``cue_lemma``, ``negated`` and ``error``. A document that failed gives one row with only ``id`` and
``error`` (the exception type and message) set; filter on ``error.isna()``.
"""


def _rules(rules: Rules) -> tuple[str, ...] | None:
    return None if rules is None else rule_paths(rules)


def _config(config: Config | Mapping[str, Any] | None) -> Config | None:
    if config is None or isinstance(config, Config):
        return config
    return Config(**config)


def _results(
    items: Iterable[Any],
    model: str | None,
    rules: tuple[str, ...] | None,
    config: Config | None,
    batch_size: int,
) -> Iterable[Article | ErrorRecord]:
    from .api import load

    # cached per process: one model per worker process, whatever the number of partitions
    extractor = load(model, rules=rules, config=config)
    return extractor.pipe(items, batch_size=batch_size)


def _bag_partition(
    items: Iterable[Any],
    partition: Iterable[int],
    model: str | None,
    rules: tuple[str, ...] | None,
    config: Config | None,
    batch_size: int,
    records: bool,
    include_text: bool | None,
) -> list[Any]:
    from .serialize import to_dict

    (index,) = list(partition)
    named = (
        it if isinstance(it, (dict, tuple)) else (f"{index}:{n}", it) for n, it in enumerate(items)
    )
    out: list[Any] = []
    for res in _results(named, model, rules, config, batch_size):
        out.append(res if records else to_dict(res, include_text=include_text))
    return out


def extract_bag(
    bag: db.Bag,
    *,
    model: str | None = None,
    rules: Rules = None,
    config: Config | Mapping[str, Any] | None = None,
    batch_size: int = 32,
    records: bool = False,
    include_text: bool | None = None,
) -> db.Bag:
    """Extract the quotations of every document of a Dask bag, lazily.

    Args:
        bag: texts, ``{"id": ..., "text": ...}`` dicts or ``(id, text)`` tuples. A
            bare text gets the id ``"P:N"`` (partition ``P``, position ``N`` in it).
        model: spaCy pipeline to load on each worker (installed there).
        rules: user rule file(s), readable at the same path on every worker.
        config: a :class:`~quotecraft.extractor.Config` or a dict of its fields.
        batch_size: documents per parser batch within a partition.
        records: give :class:`~quotecraft.records.Article` /
            :class:`~quotecraft.records.ErrorRecord` objects instead of dicts.
        include_text: add ``"text"`` to each dict (default: only for HTML input).

    Returns:
        A bag with one item per document, in order: the JSON object ``quotecraft
        extract`` writes (``{"id", "quotes", ...}``, or ``{"id", "error"}`` for a
        document that failed). ``.map(json.dumps).to_textfiles(...)`` writes JSON Lines.

    Example:
        >>> import dask.bag as db
        >>> docs = db.from_sequence(['"Yes," she said.', {"id": "b", "text": "No quotes."}],
        ...                         npartitions=2)
        >>> out = extract_bag(docs).compute(scheduler="sync")
        >>> [(d["id"], len(d["quotes"])) for d in out]
        [('0:0', 1), ('b', 0)]
    """
    parts = db.from_sequence(range(bag.npartitions), npartitions=bag.npartitions)
    return bag.map_partitions(
        _bag_partition,
        parts,
        model,
        _rules(rules),
        _config(config),
        batch_size,
        records,
        include_text,
    )


def quote_rows(result: Article | ErrorRecord) -> list[dict[str, Any]]:
    """The rows of one document in :func:`extract_dataframe` output (see :data:`QUOTE_COLUMNS`).

    Example:
        >>> import quotecraft
        >>> [(r["kind"], r["content"], r["speaker"], r["cue_lemma"])
        ...  for r in quote_rows(quotecraft.extract('"Go," said Ann Lee.'))]
        [('direct', 'Go,', 'Ann Lee', 'say')]
    """
    if isinstance(result, ErrorRecord):
        return [{"id": result.id, "error": f"{result.type}: {result.message}"}]
    rows = []
    for n, (q, row) in enumerate(zip(result.quotes, _frame.quote_rows(result), strict=True)):
        cue = q.cue
        rows.append(
            {
                **row,
                "quote": n,
                "cue_lemma": cue.lemma if cue else None,
                "negated": cue.negated if cue else None,
                "error": None,
            }
        )
    return rows


def quotes_frame(rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """A pandas DataFrame of :func:`quote_rows` rows, with the dtypes of :data:`QUOTE_COLUMNS`.

    Example:
        >>> quotes_frame([]).columns[:5].tolist()
        ['id', 'quote', 'kind', 'content', 'start']
    """
    return _frame.rows_frame(rows, QUOTE_COLUMNS)


def _frame_partition(
    frame: pd.DataFrame,
    text_column: str,
    id_column: str | None,
    model: str | None,
    rules: tuple[str, ...] | None,
    config: Config | None,
    batch_size: int,
) -> pd.DataFrame:
    ids = frame.index if id_column is None else frame[id_column]
    items = ((str(i), t) for i, t in zip(ids, frame[text_column], strict=True))
    rows: list[dict[str, Any]] = []
    for res in _results(items, model, rules, config, batch_size):
        rows.extend(quote_rows(res))
    return quotes_frame(rows)


def extract_dataframe(
    df: dd.DataFrame,
    *,
    text_column: str = "text",
    id_column: str | None = "id",
    model: str | None = None,
    rules: Rules = None,
    config: Config | Mapping[str, Any] | None = None,
    batch_size: int = 32,
) -> dd.DataFrame:
    """One row per quotation of every document of a Dask DataFrame, lazily.

    Args:
        df: a DataFrame with a text column (plain text or HTML).
        text_column: the name of the text column.
        id_column: the column identifying each document; ``None`` uses the index.
        model: spaCy pipeline to load on each worker (installed there).
        rules: user rule file(s), readable at the same path on every worker.
        config: a :class:`~quotecraft.extractor.Config` or a dict of its fields.
        batch_size: documents per parser batch within a partition.

    Returns:
        A DataFrame with the columns of :data:`QUOTE_COLUMNS`, quotations in
        document order; a document without quotations has no row, one that
        failed has a row with ``error`` set.

    Example:
        >>> import dask.dataframe as dd, pandas as pd
        >>> docs = pd.DataFrame({"id": ["a", "b"],
        ...                      "text": ['"Go," said Ann Lee.', "Lee said that it was late."]})
        >>> out = extract_dataframe(dd.from_pandas(docs, npartitions=2)).compute(scheduler="sync")
        >>> out[["id", "kind", "content", "speaker"]].values.tolist()
        [['a', 'direct', 'Go,', 'Ann Lee'], ['b', 'indirect', 'it was late', 'Lee']]
    """
    if text_column not in df.columns:
        raise KeyError(f"no column {text_column!r}; the columns are {list(df.columns)}")
    if id_column is not None and id_column not in df.columns:
        raise KeyError(f"no column {id_column!r}; pass id_column=None to use the index")
    return df.map_partitions(
        _frame_partition,
        text_column,
        id_column,
        model,
        _rules(rules),
        _config(config),
        batch_size,
        meta=quotes_frame([]),
        align_dataframes=False,
    )
