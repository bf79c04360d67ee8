"""Evidence: the analyst's claim, grounded in quotes from sources."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from scenarios.model._base import record
from scenarios.model._refs import ActorRef
from scenarios.model._sources import Quote
from scenarios.types import EMPTY, Credibility, EvidenceKind, Id, PartialDate, Tag, Text, TupleOf

__all__ = ["Evidence"]


@record
class Evidence:
    """One item of evidence: a claim in the analyst's words, with the quotes it rests on.

    Examples:
        >>> item = Evidence(
        ...     id="khazali-message",
        ...     claim="Khazali told Qaani publicly that AAH decides for itself.",
        ...     quotes=(Quote(source="mei-2021", text="the matter is related to us"),),
        ...     credibility=2,
        ... )
        >>> item.sources
        ('mei-2021',)
    """

    id: Id
    """Unique id of the item within the case."""
    claim: Text
    """What the item says, in the analyst's words."""
    quotes: Annotated[TupleOf[Quote], Field(min_length=1)]
    """The verbatim passages the claim rests on (one or more)."""
    credibility: Credibility = 6
    """Admiralty information credibility 1-6; 6 (cannot be judged) until graded."""
    kind: EvidenceKind = "statement"
    """Statement, event, report, assessment or data."""
    occurred: PartialDate | None = None
    """When what it describes happened."""
    reported: PartialDate | None = None
    """When it was reported."""
    actors: TupleOf[ActorRef] = EMPTY
    """Actors involved."""
    tags: TupleOf[Tag] = EMPTY
    """Free labels for grouping and filtering."""

    @property
    def sources(self) -> tuple[str, ...]:
        """Ids of the sources quoted, in order, without repeats."""
        return tuple(dict.fromkeys(quote.source for quote in self.quotes))
