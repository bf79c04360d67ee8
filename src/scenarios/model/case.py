"""The case: the root document that holds every object of one analysis."""

from __future__ import annotations

import difflib
import html
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from functools import cached_property
from typing import Any, Literal, Self, TypeAlias, TypeVar, overload

from pydantic import BaseModel, Field, JsonValue, PrivateAttr, ValidationInfo, model_validator

from scenarios.errors import IntegrityError, UnknownIdError
from scenarios.model._base import MODEL_CONFIG, record
from scenarios.model.actors import Actor
from scenarios.model.arguments import Argument, Assumption
from scenarios.model.evidence import Evidence
from scenarios.model.futures import CrossConsistency, Driver, Event, Indicator, Scenario
from scenarios.model.hypotheses import Hypothesis, HypothesisSet
from scenarios.model.integrity import COLLECTIONS, integrity_problems
from scenarios.model.links import Link
from scenarios.model.sources import Source
from scenarios.types import Day, FrozenMap, Tag, Text

__all__ = ["Case", "CaseMeta", "Record"]

Record: TypeAlias = (
    Source
    | Actor
    | Evidence
    | Hypothesis
    | HypothesisSet
    | Argument
    | Assumption
    | Indicator
    | Scenario
    | Event
    | Driver
)
"""Any object of a case that has an id."""

R = TypeVar("R", bound=Record)
T = TypeVar("T")

SKIP_INTEGRITY = "skip_integrity"
"""Validation-context key: when true, `Case` does not check ids and references."""


@record
class CaseMeta:
    """What the case is about, who wrote it, and as of when."""

    title: Text
    """The case's title."""
    question: Text | None = None
    """The analytic question the case answers."""
    as_of: Day | None = None
    """The date the analysis speaks for; evidence after it is an error."""
    authors: tuple[Text, ...] = ()
    """Who did the analysis."""
    description: Text | None = None
    """What the case covers."""
    notes: Text | None = None
    """Caveats, deliberate choices, and findings left as they are."""
    independent_sets: bool = False
    """The analyst's judgement that the hypothesis sets are independent of one another, so
    that a scenario resting on several sets has the product of their probabilities. Without
    it such a scenario's probability is unknown (the product is shown as a what-if only)."""
    extensions: FrozenMap[Tag, JsonValue] = Field(default_factory=dict)
    """Data from other formats that the model has no place for, by format (``aif``: the
    dialogue nodes, preferences and original ids of an imported AIF map), kept so that an
    export can give it back."""


class _Index:
    """Lookups built once, on the first query."""

    def __init__(self, case: Case) -> None:
        self.by_id: dict[str, Record] = {}
        for collection, kind in COLLECTIONS.items():
            if kind is not None:
                for item in getattr(case, collection):
                    self.by_id.setdefault(item.id, item)
        self.links_of: defaultdict[str, list[Link]] = defaultdict(list)
        self.links_from: defaultdict[str, list[Link]] = defaultdict(list)
        for link in case.links:
            self.links_of[link.hypothesis].append(link)
            self.links_from[link.evidence].append(link)
        self.sets_of: defaultdict[str, list[HypothesisSet]] = defaultdict(list)
        for group in case.hypothesis_sets:
            for member in dict.fromkeys(group.hypotheses):
                self.sets_of[member].append(group)
        self.evidence_from: defaultdict[str, list[Evidence]] = defaultdict(list)
        for item in case.evidence:
            for source in item.sources:
                self.evidence_from[source].append(item)


class Case(BaseModel):
    """The root document: sources, evidence, hypotheses, links and the rest.

    Building a case checks referential integrity: every id is unique across the
    case and every reference resolves to an object of the right kind. All
    problems are reported at once (see `scenarios.model.integrity`).

    Examples:
        >>> from scenarios import Case, CaseMeta, Evidence, Hypothesis, Link, Quote, Source
        >>> case = Case(
        ...     meta=CaseMeta(title="Who controls the militias?"),
        ...     sources=(Source(id="mei", title="Iran's game plan"),),
        ...     evidence=(Evidence(id="e1", claim="Khazali defied Qaani.",
        ...                        quotes=(Quote(source="mei", text="we won't listen"),)),),
        ...     hypotheses=(Hypothesis(id="defy", statement="The militias defy Qaani."),),
        ...     links=(Link(evidence="e1", hypothesis="defy", rating="C"),),
        ... )
        >>> [link.evidence for link in case.links_of("defy")]
        ['e1']
        >>> case.get("mei").title
        "Iran's game plan"
        >>> case.get("defi")
        Traceback (most recent call last):
        ...
        scenarios.errors.UnknownIdError: no object with id 'defi' in this case; did you mean 'defy'?
    """

    model_config = MODEL_CONFIG

    version: Literal[1] = 1
    """Version of the case file format."""
    meta: CaseMeta
    """Title, question, as-of date and authors."""
    sources: tuple[Source, ...] = ()
    """Documents the evidence is drawn from."""
    actors: tuple[Actor, ...] = ()
    """People, organisations and states."""
    evidence: tuple[Evidence, ...] = ()
    """Evidence items, each grounded in quotes."""
    hypotheses: tuple[Hypothesis, ...] = ()
    """Hypotheses, alone or in sets."""
    hypothesis_sets: tuple[HypothesisSet, ...] = ()
    """Sets of competing hypotheses."""
    links: tuple[Link, ...] = ()
    """How each evidence item bears on each hypothesis."""
    arguments: tuple[Argument, ...] = ()
    """Inferences from premises to conclusions."""
    assumptions: tuple[Assumption, ...] = ()
    """What the analysis takes for granted."""
    indicators: tuple[Indicator, ...] = ()
    """Signposts that tell scenarios apart."""
    scenarios: tuple[Scenario, ...] = ()
    """Alternative futures."""
    events: tuple[Event, ...] = ()
    """Dated happenings for the timeline."""
    drivers: tuple[Driver, ...] = ()
    """Driving forces and their states: the morphological field scenarios are built from."""
    consistency: tuple[CrossConsistency, ...] = ()
    """Cross-consistency assessments of pairs of driver states."""

    _unchecked: bool = PrivateAttr(default=False)
    _memo: dict[str, Any] = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _check_integrity(self, info: ValidationInfo) -> Self:
        if info.context and info.context.get(SKIP_INTEGRITY):
            self._unchecked = True
        else:
            problems = integrity_problems(self)
            if problems:
                raise IntegrityError(problems)
        return self

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy with `update` applied, validated as a new case is, with fresh lookups.

        Pydantic's own `model_copy` neither validates `update` nor forgets the
        lookups a case caches on first query, so a copy would answer `get`,
        `links_of` and `sets_of` from the original: silent wrong answers.
        Here the copy is validated again and caches nothing; its integrity is
        checked unless the original was built with `Case.unchecked`.

        Complexity: O(n), a validation of the whole case.

        Raises:
            IntegrityError: The update leaves a reference dangling or an id repeated.

        Examples:
            >>> from scenarios import Case, CaseMeta, Hypothesis
            >>> case = Case(meta=CaseMeta(title="T"),
            ...             hypotheses=(Hypothesis(id="a", statement="A."),))
            >>> "a" in case
            True
            >>> copy = case.model_copy(update={"hypotheses": (Hypothesis(id="b", statement="B."),)})
            >>> "a" in copy, "b" in copy
            (False, True)
        """
        copied = super().model_copy(update=update, deep=deep)
        fields = {name: getattr(copied, name) for name in type(self).model_fields}
        fresh = self.model_validate(fields, context={SKIP_INTEGRITY: True})
        if not self._unchecked:
            problems = integrity_problems(fresh)
            if problems:
                raise IntegrityError(problems)
            fresh._unchecked = False
        return fresh

    @classmethod
    def unchecked(cls, data: object) -> Case:
        """Validate `data` (a mapping) without the integrity check, e.g. to lint a broken case."""
        return cls.model_validate(data, context={SKIP_INTEGRITY: True})

    def memo(self, key: str, build: Callable[[], T]) -> T:
        """A value derived from this case, built once by `build` and kept with the case.

        For layers above the model (the lineage, an analysis's per-case lookups) that
        several calls share. A case is frozen, so what it derives stays true; a copy
        (`model_copy`) starts with nothing kept.
        """
        if key not in self._memo:
            self._memo[key] = build()
        return self._memo[key]  # type: ignore[no-any-return]

    @cached_property
    def _index(self) -> _Index:
        return _Index(self)

    def records(self) -> Iterator[Record]:
        """Every object that has an id, in file order."""
        for collection, kind in COLLECTIONS.items():
            if kind is not None:
                yield from getattr(self, collection)

    @overload
    def get(self, id: str) -> Record: ...
    @overload
    def get(self, id: str, kind: type[R]) -> R: ...
    def get(self, id: str, kind: type[R] | None = None) -> Record:
        """The object with this id, optionally required to be of class `kind`.

        Complexity: O(1) after an O(n) index built on the first query.

        Raises:
            UnknownIdError: No object (of that class) has this id; the message
                suggests the closest id.
        """
        found = self._index.by_id.get(id)
        if found is None or (kind is not None and not isinstance(found, kind)):
            name = "object" if kind is None else kind.__name__.lower()
            pool = [k for k, v in self._index.by_id.items() if kind is None or isinstance(v, kind)]
            close = difflib.get_close_matches(id, pool, n=1, cutoff=0.6)
            raise UnknownIdError(id, name, close[0] if close else None)
        return found

    def __contains__(self, id: object) -> bool:
        return id in self._index.by_id

    def links_of(self, hypothesis: str) -> tuple[Link, ...]:
        """Links that bear on the hypothesis with this id, in file order."""
        return tuple(self._index.links_of.get(hypothesis, ()))

    def links_from(self, evidence: str) -> tuple[Link, ...]:
        """Links that start from the evidence item with this id, in file order."""
        return tuple(self._index.links_from.get(evidence, ()))

    def evidence_from(self, source: str) -> tuple[Evidence, ...]:
        """Evidence items that quote the source with this id, in file order."""
        return tuple(self._index.evidence_from.get(source, ()))

    def _repr_html_(self) -> str:
        """A summary table for Jupyter: title, question and what the case holds."""
        rows = "".join(
            f"<tr><th>{name}</th><td>{len(getattr(self, name))}</td></tr>"
            for name in COLLECTIONS
            if getattr(self, name)
        )
        question = f"<p>{html.escape(self.meta.question)}</p>" if self.meta.question else ""
        return (
            f"<div><strong>{html.escape(self.meta.title)}</strong>{question}"
            f"<table>{rows}</table></div>"
        )

    def sets_of(self, hypothesis: str) -> tuple[HypothesisSet, ...]:
        """The sets a hypothesis belongs to, in file order (its first set is its home).

        Complexity: O(1) after an O(n) index built on the first query.
        """
        return tuple(self._index.sets_of.get(hypothesis, ()))

    def hypotheses_of(self, hypothesis_set: str) -> tuple[Hypothesis, ...]:
        """The hypotheses of a set, in the set's order."""
        group = self.get(hypothesis_set, HypothesisSet)
        return tuple(self.get(h, Hypothesis) for h in group.hypotheses)
