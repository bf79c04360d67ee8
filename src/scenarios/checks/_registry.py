"""The check registry and the context every check reads from."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeAlias

from scenarios.checks._findings import CheckInfo, Finding
from scenarios.checks._options import CheckOptions
from scenarios.io.texts import SourceTexts
from scenarios.model.case import Case
from scenarios.model.integrity import COLLECTIONS
from scenarios.provenance.duplicates import NearDuplicate, near_duplicates
from scenarios.provenance.lineage import Lineage
from scenarios.provenance.quotes import AnchoringReport, anchor_case

__all__ = ["REGISTRY", "CheckContext", "CheckFunction", "register"]


@dataclass
class CheckContext:
    """What checks read: the case, its source texts, and what is derived from them once.

    Attributes:
        case: The case (possibly with integrity problems).
        texts: The source texts found, if any were looked for.
        options: The checks' thresholds.
    """

    case: Case
    texts: SourceTexts = field(default_factory=SourceTexts)
    options: CheckOptions = field(default_factory=CheckOptions)

    @cached_property
    def anchoring(self) -> AnchoringReport:
        """Every quote anchored in the texts that were found."""
        return anchor_case(self.case, self.texts.texts)

    @cached_property
    def duplicates(self) -> list[NearDuplicate]:
        """Near-duplicate pairs among the texts that were found."""
        return near_duplicates(self.texts.texts)

    @cached_property
    def lineage(self) -> Lineage:
        """Declared lineage only (what the analyst claims)."""
        return Lineage.of(self.case)

    @cached_property
    def lineage_with_copies(self) -> Lineage:
        """Declared lineage, with near-duplicate texts joined into one group."""
        return Lineage.of(self.case, same=[(d.a, d.b) for d in self.duplicates])

    @cached_property
    def referenced(self) -> frozenset[str]:
        """Ids that something other than their own definition names. O(references)."""
        case = self.case
        used: set[str] = set()
        for link in case.links:
            used.add(link.hypothesis)
        for group in case.hypothesis_sets:
            used.update(group.hypotheses)
        for h in case.hypotheses:
            if h.parent:
                used.update((h.parent, h.id))
        for argument in case.arguments:
            used.update(argument.premises)
            used.add(argument.conclusion)
            if argument.undercutter:
                used.add(argument.undercutter)
        for scenario in case.scenarios:
            used.update(scenario.assumes)
        for assumption in case.assumptions:
            used.update(assumption.supports)
        return frozenset(used)

    @cached_property
    def positions(self) -> Mapping[str, Mapping[str, int]]:
        """Position of each object in its collection, by collection and id."""
        return {
            name: {item.id: i for i, item in enumerate(getattr(self.case, name))}
            for name, kind in COLLECTIONS.items()
            if kind is not None
        }

    def path(self, collection: str, id: str, *rest: str | int) -> tuple[str | int, ...]:
        """The document path of an object (and a field in it), by id."""
        return (collection, self.positions[collection].get(id, 0), *rest)


CheckFunction: TypeAlias = Callable[[CheckContext], Iterable[Finding]]

REGISTRY: list[tuple[CheckInfo, CheckFunction]] = []
"""Every registered check with its catalogue entry, in registration order."""


def register(*infos: CheckInfo) -> Callable[[CheckFunction], CheckFunction]:
    """Register a function that produces the findings of one or more catalogue entries."""

    def decorate(function: CheckFunction) -> CheckFunction:
        for info in infos:
            REGISTRY.append((info, function))
        return function

    return decorate
