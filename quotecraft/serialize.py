"""JSON shape of the records: plain dicts in, plain dicts out.

The shape is the one ``quotecraft extract`` writes, one object per document::

    {"id": ..., "quotes": [...], "speakers": [...], "paragraphs": [...],
     "boilerplate": [...], "warnings": [...]}

plus ``"text"`` when the input was HTML (the extracted text the offsets index).
Spans are ``{"start", "end", "text"}``; enums are their string values.
"""

from __future__ import annotations

import json
import re
from typing import Any

import cattrs
from cattrs.preconf.json import make_converter

from .records import Article, ErrorRecord, Quote

converter: cattrs.Converter = make_converter(omit_if_default=False)
"""The cattrs converter used for every record (``converter.unstructure(quote)``)."""


def quote_to_dict(quote: Quote) -> dict[str, Any]:
    """One quote as a JSON-ready dict.

    Example:
        >>> import quotecraft
        >>> q = quotecraft.extract('"No," he said.').quotes[0]
        >>> sorted(quote_to_dict(q))[:4]
        ['addressee', 'confidence', 'content', 'cue']
    """
    return converter.unstructure(quote)


def to_dict(article: Article | ErrorRecord, *, include_text: bool | None = None) -> dict[str, Any]:
    """One document's result as the JSON object ``quotecraft extract`` prints.

    Args:
        article: a result of :func:`quotecraft.extract`, or an error record.
        include_text: add ``"text"``; by default only when the input was HTML. When
            this overrides the default, ``"is_html"`` is added so :func:`from_dict`
            can tell.

    Example:
        >>> import quotecraft
        >>> d = to_dict(quotecraft.extract('"Yes," she said.'))
        >>> d["quotes"][0]["speaker"]["mention"]["text"]
        'she'
    """
    if isinstance(article, ErrorRecord):
        return {"id": article.id, "error": {"type": article.type, "message": article.message}}
    out: dict[str, Any] = {
        "id": article.id,
        "quotes": [converter.unstructure(q) for q in article.quotes],
        "speakers": [converter.unstructure(s) for s in article.speakers],
        "paragraphs": [converter.unstructure(p) for p in article.paragraphs],
        "boilerplate": [converter.unstructure(b) for b in article.boilerplate],
        "warnings": list(article.warnings),
    }
    if include_text or (include_text is None and article.is_html):
        out["text"] = article.text
    if ("text" in out) is not article.is_html:
        out["is_html"] = article.is_html  # only when "text" alone would say otherwise
    return out


def to_json(article: Article | ErrorRecord, **kwargs: Any) -> str:
    """One document's result as one line of JSON (no trailing newline).

    Example:
        >>> import quotecraft
        >>> to_json(quotecraft.extract("No quotes here."))
        '{"id": null, "quotes": [], "speakers": [], "paragraphs": [{"start": 0, "end": 15, "text": "No quotes here."}], "boilerplate": [], "warnings": []}'
    """
    data = to_dict(article, **kwargs)
    out = json.dumps(data, ensure_ascii=False)
    if _SURROGATE.search(out):  # lone surrogates in the input cannot be written as UTF-8
        out = json.dumps(data)  # \ud800 escapes: valid JSON, loads back to the same text
    return out


_SURROGATE = re.compile("[\ud800-\udfff]")


def from_dict(data: dict[str, Any], text: str | None = None) -> Article:
    """Rebuild an :class:`Article` from :func:`to_dict` output.

    Args:
        data: the JSON object.
        text: the document text, needed when ``data`` has no ``"text"``.

    Example:
        >>> import quotecraft
        >>> art = quotecraft.extract('"Yes," she said.')
        >>> from_dict(to_dict(art), art.text) == art
        True
    """
    payload = dict(data)
    payload.pop("error", None)
    full_text = payload.pop("text", None)
    if full_text is None:
        full_text = text
    if full_text is None:
        raise ValueError("from_dict needs the document text: pass text=... or include 'text'")
    payload["text"] = full_text
    payload["is_html"] = data.get("is_html", "text" in data)
    return converter.structure(payload, Article)
