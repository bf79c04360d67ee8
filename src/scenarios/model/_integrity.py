"""Referential integrity of a case: unique ids and references that resolve.

The reference fields are found from the `RefTo` markers on the models, so the
rule for each field is written once, next to the field.
"""

from __future__ import annotations

import difflib
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import chain
from operator import attrgetter, is_not
from types import NoneType, UnionType
from typing import TYPE_CHECKING, Any, Final, Literal, TypeAlias

from scenarios.model._paths import Path, format_path
from scenarios.model._refs import RefTo

if TYPE_CHECKING:
    from scenarios.model._case import Case

__all__ = [
    "COLLECTIONS",
    "IntegrityProblem",
    "Reference",
    "integrity_problems",
    "references",
]

COLLECTIONS: Final[Mapping[str, str | None]] = {
    "sources": "source",
    "actors": "actor",
    "evidence": "evidence",
    "hypotheses": "hypothesis",
    "hypothesis_sets": "hypothesis_set",
    "links": None,
    "arguments": "argument",
    "assumptions": "assumption",
    "indicators": "indicator",
    "scenarios": "scenario",
    "events": "event",
    "drivers": "driver",
    "consistency": None,
}
"""The case's collections in file order, with the kind of object each holds (links have no id)."""


@dataclass(frozen=True, slots=True)
class IntegrityProblem:
    """One integrity problem.

    Attributes:
        code: ``duplicate-id``, ``unresolved-reference``, ``wrong-kind-reference``,
            ``duplicate-link``, ``prior-not-in-set``, ``prior-in-two-places``,
            ``duplicate-state``, ``unknown-state`` (of an unknown driver, too),
            ``same-driver-pair`` or ``duplicate-assessment``.
        message: The problem in one line, naming the objects involved; read
            together with `path`, which it does not repeat.
        path: Where in the document the offending value stands.
        object_id: Id of the object holding the value, when it has one.
        hint: How to fix it, when there is something useful to say.
    """

    code: str
    message: str
    path: Path
    object_id: str | None = None
    hint: str | None = None

    @property
    def where(self) -> str:
        """The path as messages show it (``links[3].hypothesis``)."""
        return format_path(self.path)


# An extractor yields (relative path, referenced id, marker) for one field value.
_Extract: TypeAlias = Callable[[Any, Path], Iterator[tuple[Path, str, RefTo]]]
# A lift maps an iterable of field values to an iterable of the ids they hold, at C speed.
_Lift: TypeAlias = Callable[[Iterable[Any]], Iterable[Any]]


@dataclass(frozen=True, slots=True)
class _Shape:
    """Where references sit inside a type, read once from its annotation.

    ``ref``: the value is an id (``marker`` says of what); ``optional``: ``inner``, or None;
    ``items``: a tuple of ``inner``; ``keys``: a mapping whose keys are ``inner``;
    ``record``: a model whose ``fields`` hold references. Both ways of finding references
    (fast, many values at once; slow, with paths) are compiled from this one reading.
    """

    kind: Literal["ref", "optional", "items", "keys", "record"]
    marker: RefTo | None = None
    inner: _Shape | None = None
    fields: tuple[tuple[str, _Shape], ...] = ()


def _shape(annotation: Any) -> _Shape | None:
    """Read where `annotation` holds references (None when it holds none)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        marker = next((m for m in annotation.__metadata__ if isinstance(m, RefTo)), None)
        return _Shape("ref", marker=marker) if marker else _shape(annotation.__origin__)
    if origin in (typing.Union, UnionType):
        found = [
            shape
            for arg in typing.get_args(annotation)
            if arg is not NoneType and (shape := _shape(arg)) is not None
        ]
        # The unions of these models mix no references, so the first option is the rule.
        return _Shape("optional", inner=found[0]) if found else None
    if origin in (tuple, Mapping):
        inner = _shape(typing.get_args(annotation)[0])
        if inner is None:
            return None
        return _Shape("items" if origin is tuple else "keys", inner=inner)
    if isinstance(annotation, type) and hasattr(annotation, "__pydantic_fields__"):
        hints = typing.get_type_hints(annotation, include_extras=True)
        fields = tuple(
            (name, shape)
            for name in annotation.__pydantic_fields__
            if (shape := _shape(hints[name])) is not None
        )
        return _Shape("record", fields=fields) if fields else None
    return None


_not_none: Final = partial(is_not, None)


def _lifts(shape: _Shape) -> list[tuple[_Lift, RefTo]]:
    """For each marker in `shape`, how to reach all its ids from many values at once."""
    if shape.kind == "ref":
        assert shape.marker is not None
        return [(lambda values: values, shape.marker)]
    if shape.kind == "record":
        return [
            (_through(name, lift), marker)
            for name, field in shape.fields
            for lift, marker in _lifts(field)
        ]
    assert shape.inner is not None
    inner = _lifts(shape.inner)
    if shape.kind == "optional":
        return [(_present(lift), marker) for lift, marker in inner]
    return [(_flatten(lift), marker) for lift, marker in inner]  # a mapping iterates its keys


def _present(lift: _Lift) -> _Lift:
    return lambda values: lift(filter(_not_none, values))


def _flatten(lift: _Lift) -> _Lift:
    return lambda values: lift(chain.from_iterable(values))


def _through(name: str, lift: _Lift) -> _Lift:
    get = attrgetter(name)
    return lambda values: lift(map(get, filter(_not_none, values)))


def _extractor(shape: _Shape) -> _Extract:
    """How to find, with their paths, the references inside one value of `shape`."""
    if shape.kind == "ref":
        marker = shape.marker
        assert marker is not None
        return lambda value, path: iter(((path, value, marker),))
    if shape.kind == "record":
        plan = [(name, _extractor(field)) for name, field in shape.fields]
        return lambda value, path: (
            r for name, extract in plan for r in extract(getattr(value, name), (*path, name))
        )
    assert shape.inner is not None
    inner = _extractor(shape.inner)
    if shape.kind == "optional":
        return lambda value, path: inner(value, path) if value is not None else iter(())
    if shape.kind == "items":
        return lambda value, path: (r for i, v in enumerate(value) for r in inner(v, (*path, i)))
    return lambda value, path: (r for k in value for r in inner(k, (*path, k)))


@dataclass(frozen=True, slots=True)
class _Field:
    """A field that holds references: a fast check per marker, and a walk that finds paths."""

    name: str
    lifts: tuple[tuple[_Lift, RefTo], ...]
    extract: _Extract


_PLANS: dict[type, tuple[_Field, ...]] = {}


def _column(get: Callable[[Any], Any], lift: _Lift) -> _Lift:
    return lambda items: lift(map(get, items))


def _plan(cls: type) -> tuple[_Field, ...]:
    """The fields of `cls` that hold references (computed once per class)."""
    if cls not in _PLANS:
        shape = _shape(cls)
        fields = []
        for name, field in shape.fields if shape else ():
            get = attrgetter(name)
            lifts = tuple((_column(get, lift), marker) for lift, marker in _lifts(field))
            fields.append(_Field(name, lifts, _extractor(field)))
        _PLANS[cls] = tuple(fields)
    return _PLANS[cls]


class _Index:
    """Ids by kind, built once per check."""

    def __init__(self, case: Case, problems: list[IntegrityProblem]) -> None:
        self.kind_of: dict[str, str] = {}
        self.where: dict[str, Path] = {}
        self.by_kind: dict[str, set[str]] = {}
        self._unions: dict[RefTo, set[str]] = {}
        for collection, kind in COLLECTIONS.items():
            if kind is None:
                continue
            ids = self.by_kind.setdefault(kind, set())
            for i, item in enumerate(getattr(case, collection)):
                path: Path = (collection, i, "id")
                if item.id in self.kind_of:
                    first = format_path(self.where[item.id][:2])
                    problems.append(
                        IntegrityProblem(
                            "duplicate-id",
                            f"id {item.id!r} is already used by {first}",
                            path,
                            item.id,
                            "ids must be unique across the whole case: rename one of them",
                        )
                    )
                    continue
                self.kind_of[item.id] = kind
                self.where[item.id] = path
                ids.add(item.id)

    def accepted(self, marker: RefTo) -> set[str] | dict[str, str]:
        """The ids a reference with this marker may name."""
        if not marker.kinds:
            return self.kind_of
        if len(marker.kinds) == 1:
            return self.by_kind[marker.kinds[0]]
        if marker not in self._unions:
            self._unions[marker] = set().union(*(self.by_kind[k] for k in marker.kinds))
        return self._unions[marker]

    def problem(self, path: Path, owner: str | None, value: str, marker: RefTo) -> IntegrityProblem:
        field = format_path(path)
        kind = self.kind_of.get(value)
        holder = f"{COLLECTIONS[str(path[0])]} {owner!r} " if owner else ""
        if kind is None:
            pool = sorted(self.accepted(marker))
            close = difflib.get_close_matches(value, pool, n=1, cutoff=0.75)
            hint = (
                f"did you mean {close[0]!r}?"
                if close
                else f"declare {marker.with_article()} {value!r}"
            )
            return IntegrityProblem(
                "unresolved-reference",
                f"{holder}names {value!r}, but no {marker.describe()} has that id",
                path,
                owner,
                hint,
            )
        return IntegrityProblem(
            "wrong-kind-reference",
            f"{holder}names {value!r}, which is {RefTo((kind,)).with_article()}, "
            f"not {marker.with_article()}",
            path,
            owner,
            f"{field.rsplit('.', 1)[-1]} takes the id of {marker.with_article()}",
        )


def _collection_problems(
    index: _Index, collection: str, items: Sequence[Any], problems: list[IntegrityProblem]
) -> None:
    if not items:
        return
    cls = type(items[0])
    has_id = COLLECTIONS[collection] is not None
    for field in _plan(cls):
        # Fast pass: every id the field holds, as one set, against the ids it may name.
        if all(
            not set(filter(_not_none, lift(items))).difference(index.accepted(marker))
            for lift, marker in field.lifts
        ):
            continue
        for i, item in enumerate(items):  # slow pass, only when something is wrong
            for path, value, ref in field.extract(
                getattr(item, field.name), (collection, i, field.name)
            ):
                kind = index.kind_of.get(value)
                if kind is None or not ref.accepts(kind):
                    owner = item.id if has_id else None
                    problems.append(index.problem(path, owner, value, ref))


@dataclass(frozen=True, slots=True)
class Reference:
    """One reference from an object of the case to another, by id.

    Attributes:
        owner: Id of the referring object (None for links and assessments, which have none).
        path: Where the reference stands, e.g. ``("arguments", 2, "premises", 0)``.
        target: The id referred to.
    """

    owner: str | None
    path: Path
    target: str

    @property
    def field(self) -> str:
        """The referring field's name (``premises``; ``quotes`` for ``quotes[0].source``)."""
        return str(self.path[2])


def references(case: Case) -> Iterator[Reference]:
    """Every reference the case holds, collection by collection and field by field.

    Complexity: O(references).

    Examples:
        >>> from scenarios import Case, CaseMeta, Hypothesis, HypothesisSet
        >>> case = Case(meta=CaseMeta(title="t"),
        ...     hypotheses=(Hypothesis(id="a", statement="A."), Hypothesis(id="b", statement="B.")),
        ...     hypothesis_sets=(HypothesisSet(id="q", question="Q?", hypotheses=("a", "b")),))
        >>> [(r.owner, r.field, r.target) for r in references(case)]
        [('q', 'hypotheses', 'a'), ('q', 'hypotheses', 'b')]
    """
    for collection, kind in COLLECTIONS.items():
        items = getattr(case, collection)
        if not items:
            continue
        for field in _plan(type(items[0])):
            for i, item in enumerate(items):
                owner = item.id if kind is not None else None
                for path, value, _ in field.extract(
                    getattr(item, field.name), (collection, i, field.name)
                ):
                    yield Reference(owner, path, value)


def _link_problems(case: Case, problems: list[IntegrityProblem]) -> None:
    pairs = list(map(attrgetter("evidence", "hypothesis"), case.links))
    if len(set(pairs)) == len(pairs):
        return
    seen: dict[tuple[str, str], int] = {}
    for i, link in enumerate(case.links):
        pair = (link.evidence, link.hypothesis)
        first = seen.setdefault(pair, i)
        if first != i:
            problems.append(
                IntegrityProblem(
                    "duplicate-link",
                    f"links {pair[0]!r} to {pair[1]!r} again (first at links[{first}])",
                    ("links", i),
                    None,
                    "keep one link per evidence and hypothesis: merge their ratings",
                )
            )


def _prior_problems(case: Case, problems: list[IntegrityProblem]) -> None:
    in_sets: dict[str, str] = {}
    for i, group in enumerate(case.hypothesis_sets):
        members = set(group.hypotheses)
        for member in group.hypotheses:
            in_sets.setdefault(member, group.id)
        for key in group.priors:
            if key not in members:
                problems.append(
                    IntegrityProblem(
                        "prior-not-in-set",
                        f"hypothesis set {group.id!r} gives a prior for {key!r}, "
                        "which is not one of its hypotheses",
                        ("hypothesis_sets", i, "priors", key),
                        group.id,
                        f"add {key!r} to the set's hypotheses or remove its prior",
                    )
                )
    for i, hypothesis in enumerate(case.hypotheses):
        if hypothesis.prior is not None and hypothesis.id in in_sets:
            problems.append(
                IntegrityProblem(
                    "prior-in-two-places",
                    f"hypothesis {hypothesis.id!r} has its own prior but belongs to "
                    f"set {in_sets[hypothesis.id]!r}, which gives priors",
                    ("hypotheses", i, "prior"),
                    hypothesis.id,
                    "give the prior in the set's priors only",
                )
            )


def _state_problem(
    states: Mapping[str, Sequence[str]], key: str, path: Path, owner: str | None
) -> IntegrityProblem | None:
    """The problem with one ``driver=state`` key, if any."""
    driver, _, state = key.partition("=")
    if driver not in states:
        close = difflib.get_close_matches(driver, list(states), n=1, cutoff=0.75)
        hint = f"did you mean {close[0]!r}?" if close else f"declare a driver {driver!r}"
        return IntegrityProblem(
            "unknown-state",
            f"names driver {driver!r}, but no driver has that id",
            path,
            owner,
            hint,
        )
    if state not in states[driver]:
        return IntegrityProblem(
            "unknown-state",
            f"names state {state!r} of driver {driver!r}, which has no such state",
            path,
            owner,
            f"the states of {driver!r} are {', '.join(states[driver])}",
        )
    return None


def _field_problems(case: Case, problems: list[IntegrityProblem]) -> None:
    """States unique per driver; assessments and scenarios name states that exist."""
    states: dict[str, list[str]] = {}
    for i, driver in enumerate(case.drivers):
        seen = states.setdefault(driver.id, [])
        for j, state in enumerate(driver.states):
            if state.id in seen:
                problems.append(
                    IntegrityProblem(
                        "duplicate-state",
                        f"driver {driver.id!r} has state {state.id!r} twice",
                        ("drivers", i, "states", j, "id"),
                        driver.id,
                        "state ids must be unique within their driver: rename one",
                    )
                )
            else:
                seen.append(state.id)
    pairs: dict[frozenset[str], int] = {}
    for i, assessment in enumerate(case.consistency):
        found = [
            _state_problem(states, key, ("consistency", i, "pair", j), None)
            for j, key in enumerate(assessment.pair)
        ]
        problems.extend(p for p in found if p is not None)
        first, second = (key.partition("=")[0] for key in assessment.pair)
        if first == second:
            problems.append(
                IntegrityProblem(
                    "same-driver-pair",
                    f"pairs two states of driver {first!r}; a driver is in one state at a time",
                    ("consistency", i, "pair"),
                    None,
                    "assess states of two different drivers",
                )
            )
        earlier = pairs.setdefault(frozenset(assessment.pair), i)
        if earlier != i:
            problems.append(
                IntegrityProblem(
                    "duplicate-assessment",
                    f"assesses {' and '.join(assessment.pair)} again "
                    f"(first at consistency[{earlier}])",
                    ("consistency", i, "pair"),
                    None,
                    "keep one assessment per pair of states",
                )
            )
    if not states:
        return  # without declared drivers, scenarios name their drivers in free text
    for i, scenario in enumerate(case.scenarios):
        for key, value in scenario.drivers.items():
            problem = _state_problem(
                states, f"{key}={value}", ("scenarios", i, "drivers", key), scenario.id
            )
            if problem is not None:
                problems.append(problem)


def integrity_problems(case: Case) -> tuple[IntegrityProblem, ...]:
    """Every integrity problem of `case`, in document order.

    Finds ids used twice, references that name no object or an object of the
    wrong kind, two links for the same evidence and hypothesis, priors
    that do not belong to their set, and driver states that do not exist.

    Complexity: O(n) in the number of objects and references (set lookups).

    Args:
        case: The case, typically built without the integrity check.

    Returns:
        The problems found; empty when the case is sound.
    """
    problems: list[IntegrityProblem] = []
    index = _Index(case, problems)
    for collection in COLLECTIONS:
        _collection_problems(index, collection, getattr(case, collection), problems)
    _link_problems(case, problems)
    _prior_problems(case, problems)
    _field_problems(case, problems)
    return tuple(problems)
