"""Reference markers: the one place that says which field names which kind of object."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Final, TypeAlias

from scenarios.types import Id

__all__ = [
    "PROPOSITION_KINDS",
    "ActorRef",
    "AnyRef",
    "EvidenceRef",
    "HypothesisRef",
    "PropositionRef",
    "RefTo",
    "ScenarioRef",
    "SourceRef",
]

PROPOSITION_KINDS: Final = ("evidence", "hypothesis", "assumption")
"""Kinds that can stand as premise, conclusion or undercutter of an argument."""


_NAMES: Final = {"evidence": "evidence item", "hypothesis_set": "hypothesis set"}
"""How a kind reads in a sentence, where its name is not already a countable noun."""


@dataclass(frozen=True, slots=True)
class RefTo:
    """Marks an id field as a reference to an object of one of `kinds` (empty: any kind)."""

    kinds: tuple[str, ...]

    def accepts(self, kind: str) -> bool:
        """Whether an object of `kind` may be referenced here."""
        return not self.kinds or kind in self.kinds

    def describe(self) -> str:
        """The accepted kinds in words, for messages."""
        return " or ".join(_NAMES.get(k, k) for k in self.kinds) if self.kinds else "object"

    def with_article(self) -> str:
        """The accepted kinds in words, with an indefinite article ("an evidence item")."""
        words = self.describe()
        return f"{'an' if words[0] in 'aeiou' else 'a'} {words}"


SourceRef: TypeAlias = Annotated[Id, RefTo(("source",))]
ActorRef: TypeAlias = Annotated[Id, RefTo(("actor",))]
EvidenceRef: TypeAlias = Annotated[Id, RefTo(("evidence",))]
HypothesisRef: TypeAlias = Annotated[Id, RefTo(("hypothesis",))]
ScenarioRef: TypeAlias = Annotated[Id, RefTo(("scenario",))]
PropositionRef: TypeAlias = Annotated[Id, RefTo(PROPOSITION_KINDS)]
AnyRef: TypeAlias = Annotated[Id, RefTo(())]
