"""Sources (articles, reports) with provenance and grading, and the quotes taken from them."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, NonNegativeInt, model_validator

from scenarios.model._base import record
from scenarios.model._refs import SourceRef
from scenarios.types import (
    EMPTY,
    Id,
    LanguageTag,
    PartialDate,
    RelativePath,
    Reliability,
    Sha256,
    Text,
    TupleOf,
    Url,
)

__all__ = ["Quote", "Source", "Span"]


@record
class Source:
    """A document evidence is drawn from. Only `id` and `title` are required.

    Examples:
        >>> Source(id="mei-2021", title="Iran's game plan", reliability="B").grade
        'B'
    """

    id: Id
    """Unique id of the source within the case."""
    title: Text
    """The title as published."""
    authors: TupleOf[Text] = EMPTY
    """Authors as credited; empty when the text credits nobody."""
    publisher: Text | None = None
    """Who published it (outlet, institute, agency)."""
    published: PartialDate | None = None
    """When it was published, as precisely as known."""
    url: Url | None = None
    """Where it can be read (http or https)."""
    language: LanguageTag | None = None
    """Language of the text (BCP 47)."""
    reliability: Reliability | None = None
    """Admiralty reliability grade A-F of the source; unknown when absent."""
    reliability_note: Text | None = None
    """Why the source has that grade."""
    derived_from: TupleOf[SourceRef] = EMPTY
    """Sources this one republishes, translates or copies."""
    text_path: RelativePath | None = None
    """Where the source's text lives, relative to the case file."""
    sha256: Sha256 | None = None
    """SHA-256 of the text (UTF-8 bytes) when its quotes were last anchored."""
    notes: Text | None = None
    """Anything else the analyst knows: what is inferred, and why."""

    @property
    def grade(self) -> str:
        """The reliability letter, ``F`` (cannot be judged) when unknown."""
        return self.reliability or "F"


@record
class Span:
    """A character range ``[start, end)`` in a source text."""

    start: NonNegativeInt
    """Offset of the first character."""
    end: NonNegativeInt
    """Offset just past the last character."""

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end <= self.start:
            raise ValueError(f"span end {self.end} must be greater than start {self.start}")
        return self


@record
class Quote:
    """Verbatim text cited from a source; `span` locates it once anchored."""

    source: SourceRef
    """Id of the source quoted."""
    text: Annotated[Text, Field(max_length=20_000)]
    """The words as the source has them; ``...`` or ``[...]`` marks an elision."""
    span: Span | None = None
    """Where the quote stands in the source text, once anchored."""
