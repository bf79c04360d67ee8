"""Actors: people, organisations and states, with the other names they go by."""

from __future__ import annotations

from scenarios.model._base import record
from scenarios.model._refs import ActorRef
from scenarios.types import EMPTY, ActorKind, Id, Text, TupleOf

__all__ = ["Actor"]


@record
class Actor:
    """Someone who acts in the case.

    Examples:
        >>> qaani = Actor(id="qaani", name="Esmail Qaani", aliases=("Ghaani", "Qa'ani"))
        >>> qaani.names
        ('Esmail Qaani', 'Ghaani', "Qa'ani")
    """

    id: Id
    """Unique id of the actor within the case."""
    name: Text
    """The name the analysis uses."""
    kind: ActorKind = "person"
    """Person, organisation or state."""
    aliases: TupleOf[Text] = EMPTY
    """Other names, spellings and transliterations (``Ghaani``, ``AAH``)."""
    affiliations: TupleOf[ActorRef] = EMPTY
    """Actors this one belongs to or answers to."""
    description: Text | None = None
    """Who they are, in a sentence."""

    @property
    def names(self) -> tuple[str, ...]:
        """The name followed by every alias."""
        return (self.name, *self.aliases)
