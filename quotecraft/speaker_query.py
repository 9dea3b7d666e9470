"""What the speaker sieve (:class:`quotecraft.speakers.Resolver`) passes between its steps:
the mention being resolved (:class:`Query`) and what a step finds (:data:`Found`)."""

from __future__ import annotations

from attrs import define
from spacy.tokens import Span, Token

from .records import Resolution
from .speaker_table import Entity

__all__ = ["Found", "Query"]


@define
class Query:
    """One mention to resolve: its words, head, and the previous quote's speaker."""

    span: Span
    head: Token
    last_speaker: Entity | None
    gap: int
    """Sentences since the previous quote's speaker was mentioned."""


Found = tuple[Entity, Resolution]
"""What a sieve step finds: the entity and how it was found."""
