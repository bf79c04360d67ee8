"""The case: the root document that holds every object of one analysis."""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal, Self, TypeAlias, TypeVar, overload

from pydantic import (
    BaseModel,
    Field,
    JsonValue,
    PrivateAttr,
    ValidationError,
    ValidationInfo,
    model_validator,
)

from scenarios._escape import html_text
from scenarios.errors import IntegrityError, OptionError, RecordError, UnknownIdError
from scenarios.model._actors import Actor
from scenarios.model._arguments import Argument, Assumption
from scenarios.model._base import MODEL_CONFIG, record
from scenarios.model._evidence import Evidence
from scenarios.model._futures import CrossConsistency, Driver, Event, Indicator, Scenario
from scenarios.model._hypotheses import Hypothesis, HypothesisSet
from scenarios.model._integrity import COLLECTIONS, integrity_problems, references
from scenarios.model._links import Link
from scenarios.model._messages import field_hint, record_error
from scenarios.model._sources import Source
from scenarios.types import EMPTY, Day, FrozenMap, Tag, Text, TupleOf

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

_SHOWN = 12  # ids a collection shows in a case's repr

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
    authors: TupleOf[Text] = EMPTY
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
        self._case = case

    @cached_property
    def mentioned(self) -> frozenset[str]:
        """Every id the case holds or names anywhere (for unchecked cases), built when asked."""
        return frozenset(self.by_id) | {ref.target for ref in references(self._case)}


def _kind_name(kind: type) -> str:
    """``HypothesisSet`` as messages say it: ``hypothesis set``."""
    return re.sub(r"(?<!^)(?=[A-Z])", " ", kind.__name__).lower()


def _a(name: str) -> str:
    if name == "evidence":
        return "an evidence item"
    return f"{'an' if name[0] in 'aeiou' else 'a'} {name}"


def _integrity_of(exc: ValidationError) -> IntegrityError | None:
    """The `IntegrityError` pydantic wrapped, when that is all the error holds."""
    errors = exc.errors(include_url=False)
    if len(errors) == 1:
        inner = errors[0].get("ctx", {}).get("error")
        if isinstance(inner, IntegrityError):
            return inner
    return None


def _converted(exc: ValidationError) -> IntegrityError | RecordError:
    """What `Case(...)` and its `model_validate*` raise for pydantic's error."""
    inner = _integrity_of(exc)
    return inner if inner is not None else record_error(exc, "Case")


class Case(BaseModel):
    """The root document: sources, evidence, hypotheses, links and the rest.

    Building a case checks referential integrity: every id is unique across the
    case and every reference resolves to an object of the right kind. All
    problems are reported at once (`scenarios.model.integrity_problems`), as an
    `IntegrityError` raised directly by `Case(...)`, `Case.model_validate`,
    `model_validate_json` and `CaseBuilder.build()`. A field of the wrong type or shape
    raises a `RecordError`, one line per problem led by its path
    (``evidence[3].credibility: must be at most 6, got 9``), with pydantic's details
    in its `errors()`. Built through pydantic's own machinery elsewhere (a
    `TypeAdapter`, a field of another model), a case raises pydantic's
    `ValidationError`, the `IntegrityError` wrapped: ``error.errors()[0]["ctx"]["error"]``.

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

    if TYPE_CHECKING:
        # What type checkers see: any sequence where the case keeps a tuple (pydantic's
        # plugin would ask for tuples). `tests/typing` pins it to `model_fields`.
        def __init__(
            self,
            /,
            *,
            version: Literal[1] = 1,
            meta: CaseMeta,
            sources: Sequence[Source] = (),
            actors: Sequence[Actor] = (),
            evidence: Sequence[Evidence] = (),
            hypotheses: Sequence[Hypothesis] = (),
            hypothesis_sets: Sequence[HypothesisSet] = (),
            links: Sequence[Link] = (),
            arguments: Sequence[Argument] = (),
            assumptions: Sequence[Assumption] = (),
            indicators: Sequence[Indicator] = (),
            scenarios: Sequence[Scenario] = (),
            events: Sequence[Event] = (),
            drivers: Sequence[Driver] = (),
            consistency: Sequence[CrossConsistency] = (),
        ) -> None: ...

    else:

        def __init__(self, /, **data: Any) -> None:
            try:
                super().__init__(**data)
            except ValidationError as exc:
                raise _converted(exc) from None

        # Marks this __init__ as pydantic's own, as RootModel does, so that validation
        # (`model_validate` with its context) goes straight to the validator, not here.
        __init__.__pydantic_base_init__ = True

        @classmethod
        def model_validate(cls, obj: Any, **options: Any) -> Self:
            """Pydantic's `model_validate`, raising the library's errors (see the class)."""
            try:
                return super().model_validate(obj, **options)
            except ValidationError as exc:
                raise _converted(exc) from None

        @classmethod
        def model_validate_json(cls, json_data: Any, **options: Any) -> Self:
            """Pydantic's `model_validate_json`, raising the library's errors (see the class)."""
            try:
                return super().model_validate_json(json_data, **options)
            except ValidationError as exc:
                raise _converted(exc) from None

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

    def replace(self, **changes: Any) -> Self:
        """A copy with `changes` applied: each checked as a new case's would be.

        Unlike `model_copy`, a misspelt field is refused, and every value is validated
        (a list becomes a tuple, a mapping a record); the copy's integrity is checked
        and it caches nothing from the original.

        Raises:
            OptionError: A change names no field of a case.
            IntegrityError: The changes leave a reference dangling or an id repeated.
            RecordError: A value is not of its field's type (an `OptionError` too).

        Examples:
            >>> from scenarios import Case, CaseMeta, Hypothesis
            >>> case = Case(meta=CaseMeta(title="T"))
            >>> case.replace(hypotheses=[{"id": "a", "statement": "A."}]).hypotheses[0].id
            'a'
        """
        fields = type(self).model_fields
        unknown = sorted(set(changes) - set(fields))
        if unknown:
            raise OptionError(
                f"a case has no field {unknown[0]!r}", hint=field_hint(unknown[0], list(fields))
            )
        data = {name: getattr(self, name) for name in fields} | changes
        if self._unchecked:
            return type(self).unchecked(data)  # type: ignore[return-value]
        return self.model_validate(data)

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

    @cached_property
    def _memo(self) -> dict[str, Any]:
        # Not a pydantic private attribute: those take part in ==, and what a case has
        # worked out must not change what it equals.
        return {}

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
                suggests the closest id, and says what the id is when it names an
                object of another class (a hypothesis asked for as a set: its sets).

        Examples:
            >>> from scenarios import Case, CaseMeta, Hypothesis, HypothesisSet, UnknownIdError
            >>> a, b = Hypothesis(id="a", statement="A."), Hypothesis(id="b", statement="B.")
            >>> case = Case(meta=CaseMeta(title="T"), hypotheses=(a, b),
            ...     hypothesis_sets=(HypothesisSet(id="q", question="?", hypotheses=("a", "b")),))
            >>> try:
            ...     case.get("a", HypothesisSet)
            ... except UnknownIdError as error:
            ...     print(error.note, error.suggestion, sep="; ")
            'a' is a hypothesis, in set 'q'; q
        """
        found = self._index.by_id.get(id)
        if found is None or (kind is not None and not isinstance(found, kind)):
            raise self._unknown(id, kind, found)
        return found

    def _unknown(self, id: str, kind: type | None, found: Record | None) -> UnknownIdError:
        name = "object" if kind is None else _kind_name(kind)
        note = suggestion = None
        if found is not None:  # an object of another class
            note = f"{id!r} is {_a(_kind_name(type(found)))}"
            homes = [g.id for g in self._index.sets_of.get(id, ())]
            if isinstance(found, Hypothesis) and kind is HypothesisSet:
                sets = ", ".join(map(repr, homes))
                note += (
                    f", in set{'s' if len(homes) > 1 else ''} {sets}" if homes else ", in no set"
                )
                suggestion = homes[0] if homes else None
        if suggestion is None:
            pool = [k for k, v in self._index.by_id.items() if kind is None or isinstance(v, kind)]
            close = difflib.get_close_matches(id, pool, n=1, cutoff=0.6)
            suggestion = close[0] if close else None
        return UnknownIdError(id, name, suggestion, note=note)

    def _require(self, id: str, kind: type[Record], entries: Mapping[str, object]) -> None:
        """Raise `UnknownIdError` unless `id` names an object of `kind` (see `links_of`)."""
        index = self._index
        if isinstance(index.by_id.get(id), kind):
            return
        if self._unchecked and (id in entries or id in index.mentioned):
            return  # an unchecked case is queried as it stands, dangling references too
        raise self._unknown(id, kind, index.by_id.get(id))

    def __contains__(self, id: object) -> bool:
        return id in self._index.by_id

    def __repr__(self) -> str:
        """A summary: the meta fields given, each collection's ids, and how many links.

        The whole case is ``scenarios.dumps(case)``; the summary is what a failing test
        shows, so that a shrunk case reads at a glance.

        Examples:
            >>> from scenarios import Case, CaseMeta, Hypothesis, HypothesisSet
            >>> Case(meta=CaseMeta(title="T"), hypotheses=(
            ...     Hypothesis(id="a", statement="A."), Hypothesis(id="b", statement="B.")),
            ...     hypothesis_sets=(HypothesisSet(id="q", question="?", hypotheses=("a", "b")),))
            Case(meta=CaseMeta(title='T'), hypotheses=[a, b], hypothesis_sets=[q])
        """
        shown = [f"meta={self.meta!r}"]
        for name, kind in COLLECTIONS.items():
            items = getattr(self, name)
            if not items:
                continue
            if kind is None:
                shown.append(f"{name}={len(items)}")
                continue
            ids = [item.id for item in items]
            more = f", ... {len(ids) - _SHOWN} more" if len(ids) > _SHOWN else ""
            shown.append(f"{name}=[{', '.join(ids[:_SHOWN])}{more}]")
        if self._unchecked:
            shown.append("unchecked")
        return f"Case({', '.join(shown)})"

    def links_of(self, hypothesis: str) -> tuple[Link, ...]:
        """Links that bear on the hypothesis with this id, in file order.

        The queries (`links_of`, `links_from`, `evidence_from`, `sets_of`,
        `hypotheses_of`) answer in O(1) after an O(n) index built on the first query.
        An id that names no object of the kind asked for raises; an unchecked case
        (`Case.unchecked`), which may hold dangling references, is queried as it
        stands, and raises only for ids it never mentions.

        Raises:
            UnknownIdError: No hypothesis has this id; the message suggests the closest.

        Examples:
            >>> from scenarios import Case, CaseMeta, Hypothesis
            >>> case = Case(meta=CaseMeta(title="T"),
            ...             hypotheses=(Hypothesis(id="a", statement="A."),))
            >>> case.links_of("a")
            ()
            >>> case.links_of("aa")
            Traceback (most recent call last):
            ...
            scenarios.errors.UnknownIdError: no hypothesis with id 'aa' in this case; did you ...
        """
        self._require(hypothesis, Hypothesis, self._index.links_of)
        return tuple(self._index.links_of.get(hypothesis, ()))

    def links_from(self, evidence: str) -> tuple[Link, ...]:
        """Links that start from the evidence item with this id, in file order.

        Raises:
            UnknownIdError: No evidence item has this id (see `links_of`).
        """
        self._require(evidence, Evidence, self._index.links_from)
        return tuple(self._index.links_from.get(evidence, ()))

    def evidence_from(self, source: str) -> tuple[Evidence, ...]:
        """Evidence items that quote the source with this id, in file order.

        Raises:
            UnknownIdError: No source has this id (see `links_of`).
        """
        self._require(source, Source, self._index.evidence_from)
        return tuple(self._index.evidence_from.get(source, ()))

    def _repr_html_(self) -> str:
        """A summary table for Jupyter: title, question and what the case holds."""
        rows = "".join(
            f"<tr><th>{name}</th><td>{len(getattr(self, name))}</td></tr>"
            for name in COLLECTIONS
            if getattr(self, name)
        )
        question = f"<p>{html_text(self.meta.question)}</p>" if self.meta.question else ""
        return (
            f"<div><strong>{html_text(self.meta.title)}</strong>{question}"
            f"<table>{rows}</table></div>"
        )

    def sets_of(self, hypothesis: str) -> tuple[HypothesisSet, ...]:
        """The sets a hypothesis belongs to, in file order (its first set is its home).

        Complexity: O(1) after an O(n) index built on the first query.

        Raises:
            UnknownIdError: No hypothesis has this id (see `links_of`).
        """
        self._require(hypothesis, Hypothesis, self._index.sets_of)
        return tuple(self._index.sets_of.get(hypothesis, ()))

    def hypotheses_of(self, hypothesis_set: str) -> tuple[Hypothesis, ...]:
        """The hypotheses of a set, in the set's order.

        Raises:
            UnknownIdError: No hypothesis set has this id, or it names a hypothesis
                the case does not hold.
        """
        group = self.get(hypothesis_set, HypothesisSet)
        return tuple(self.get(h, Hypothesis) for h in group.hypotheses)


def validate_case(data: object, *, integrity: bool = True) -> Case:
    """`Case.model_validate` without the conversion, for readers that locate each problem.

    Raises:
        pydantic.ValidationError: Every problem, an `IntegrityError` wrapped in it (the
            readers of files turn them into located `CaseFileError` problems).
    """
    return Case.__pydantic_validator__.validate_python(  # type: ignore[no-any-return]
        data, context={SKIP_INTEGRITY: not integrity}
    )
