"""General morphological analysis: the configurations of drivers that can hold together.

A morphological field (Zwicky; Ritchey) is a set of drivers, each with a few states.
A configuration takes one state of every driver: a candidate scenario. The
cross-consistency assessment scores pairs of states of two drivers: 1 (the default
for a pair never assessed, or ``consistent``) to 0 (``inconsistent``: they cannot
co-exist), with grades in between. A configuration is **consistent** when every pair
of its states scores above a threshold (default 0: no impossible pair). Its score is
its weakest pair; ties are broken by the mean over all its pairs.

The configurations are enumerated by backtracking with forward checking over bit
sets, after arc consistency has removed every state that no state of some other
driver can accompany: a partial configuration is abandoned as soon as some driver
has no state left that fits it, so the full product is never listed.

References:
    Ritchey, T. (2011). *Wicked Problems – Social Messes: Decision Support Modelling
    with Morphological Analysis*. Springer.
    Zwicky, F. (1969). *Discovery, Invention, Research through the Morphological
    Approach*. Macmillan.

Examples:
    >>> from scenarios import Case, CaseMeta, CrossConsistency, Driver, DriverState
    >>> def driver(id, *states):
    ...     return Driver(id=id, name=id, states=tuple(DriverState(id=s, name=s) for s in states))
    >>> case = Case(
    ...     meta=CaseMeta(title="t"),
    ...     drivers=(driver("us", "stay", "leave"), driver("iran", "push", "calm")),
    ...     consistency=(CrossConsistency(pair=("us=leave", "iran=push"), value="inconsistent"),
    ...                  CrossConsistency(pair=("us=stay", "iran=calm"), value=0.5)),
    ... )
    >>> [(c.label, c.score) for c in ranked_configurations(case)]
    [('us=stay iran=push', 1.0), ('us=leave iran=calm', 1.0), ('us=stay iran=calm', 0.5)]
    >>> count_configurations(case), field_size(case)
    (3, 4)
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from scenarios._escape import html_table
from scenarios.errors import AnalysisError, OptionError
from scenarios.model import Case, Driver
from scenarios.types import freeze_mappings, json_data

__all__ = [
    "Configuration",
    "FieldAnalysis",
    "FuturesMatrix",
    "Quadrant",
    "alternative_futures",
    "consistent_configurations",
    "count_configurations",
    "field_size",
    "morphology",
    "pair_scores",
    "ranked_configurations",
]


@dataclass(frozen=True, slots=True)
class Configuration:
    """One state of every driver, and how well they hold together.

    Attributes:
        states: The state of each driver, by driver id, in the case's driver order.
        score: The weakest pair's score (1 when no pair was assessed below 1).
        mean: The mean score over every pair of its states.
        weakest: The weakest pair (``driver=state`` keys), when it scores below 1.
    """

    states: Mapping[str, str]
    score: float
    mean: float
    weakest: tuple[str, str] | None = field(default=None)

    def __post_init__(self) -> None:
        freeze_mappings(self)

    def to_json(self) -> dict[str, Any]:
        """The configuration as JSON data: ``states`` by driver, ``score``, ``mean``, ``weakest``.

        Examples:
            >>> Configuration({"us": "stay", "iran": "push"}, 0.5, 0.75).to_json()
            {'states': {'us': 'stay', 'iran': 'push'}, 'score': 0.5, 'mean': 0.75, 'weakest': None}
        """
        data: dict[str, Any] = json_data(self)
        return data

    @property
    def label(self) -> str:
        """The configuration as ``driver=state`` keys, space-separated."""
        return " ".join(f"{d}={s}" for d, s in self.states.items())


def field_size(case: Case) -> int:
    """How many configurations the full product of the case's drivers holds."""
    return math.prod(len(d.states) for d in case.drivers) if case.drivers else 0


def pair_scores(case: Case) -> dict[frozenset[str], float]:
    """The assessed score of each pair of states, keyed by the two ``driver=state`` keys.

    Pairs not listed are consistent (1).
    """
    words = {"consistent": 1.0, "inconsistent": 0.0}
    return {
        frozenset(a.pair): words[a.value] if isinstance(a.value, str) else a.value
        for a in case.consistency
    }


def _check_threshold(threshold: float) -> None:
    if not 0.0 <= threshold < 1.0:
        raise OptionError(f"threshold={threshold!r}: give a score from 0 up to (not including) 1")


class _Field:
    """The field compiled to bit sets: bit ``g`` is one state of one driver."""

    def __init__(
        self, drivers: Sequence[Driver], scores: Mapping[frozenset[str], float], threshold: float
    ) -> None:
        self.drivers = drivers
        self.keys: list[str] = []
        self.masks: list[int] = []  # the bits of each driver's states
        for driver in drivers:
            start = len(self.keys)
            self.keys += [f"{driver.id}={s.id}" for s in driver.states]
            self.masks.append(((1 << len(driver.states)) - 1) << start)
        self.driver_of = [d for d, driver in enumerate(drivers) for _ in driver.states]
        everything = (1 << len(self.keys)) - 1
        index = {key: g for g, key in enumerate(self.keys)}
        self.fits = [everything] * len(self.keys)  # states each state can stand beside
        self.graded: list[list[tuple[int, float]]] = [[] for _ in self.keys]  # 0 < score < 1
        for pair, score in scores.items():
            if len(pair) != 2:
                continue
            a, b = (index[k] for k in pair)
            if score <= threshold:
                self.fits[a] &= ~(1 << b)
                self.fits[b] &= ~(1 << a)
            elif score < 1.0:
                self.graded[a].append((b, score))
                self.graded[b].append((a, score))
        self.alive = self._arc_consistent(everything)

    def _arc_consistent(self, alive: int) -> int:
        """Drop states that some other driver has no live state to accompany (AC-3)."""
        changed = True
        while changed:
            changed = False
            for g in range(len(self.keys)):
                if alive >> g & 1 and any(
                    not (self.fits[g] & alive & mask)
                    for d, mask in enumerate(self.masks)
                    if d != self.driver_of[g]
                ):
                    alive &= ~(1 << g)
                    changed = True
        return alive

    def states_of(self, d: int, allowed: int) -> Iterator[int]:
        bits = self.masks[d] & allowed
        while bits:
            low = bits & -bits
            yield low.bit_length() - 1
            bits ^= low

    def walk(self) -> Iterator[list[int]]:
        """Every consistent configuration, as state bits, in declared order."""
        n = len(self.drivers)
        if n == 0 or any(not (mask & self.alive) for mask in self.masks):
            return
        chosen: list[int] = []

        def extend(d: int, allowed: int) -> Iterator[list[int]]:
            if d == n:
                yield chosen
                return
            for g in self.states_of(d, allowed):
                narrowed = allowed & self.fits[g]
                if all(narrowed & self.masks[k] for k in range(d + 1, n)):  # forward check
                    chosen.append(g)
                    yield from extend(d + 1, narrowed)
                    chosen.pop()

        yield from extend(0, self.alive)

    def score(self, bits: Sequence[int]) -> tuple[float, float, tuple[str, str] | None]:
        """Weakest pair, mean pair score and the weakest pair's keys. O(D + graded pairs)."""
        chosen = 0
        for g in bits:
            chosen |= 1 << g
        low, deficit, weakest = 1.0, 0.0, None
        for g in bits:
            for h, value in self.graded[g]:
                if h > g and chosen >> h & 1:
                    deficit += 1.0 - value
                    if value < low:
                        low, weakest = value, (self.keys[g], self.keys[h])
        pairs = len(bits) * (len(bits) - 1) // 2
        return low, 1.0 - deficit / pairs if pairs else 1.0, weakest

    def state(self, g: int) -> str:
        """The state id of bit `g`."""
        return self.keys[g].partition("=")[2]

    def configuration(self, bits: Sequence[int]) -> Configuration:
        low, mean, weakest = self.score(bits)
        states = dict(key.split("=", 1) for key in (self.keys[g] for g in bits))
        return Configuration(states, low, mean, weakest)


def consistent_configurations(
    case: Case, *, threshold: float = 0.0, limit: int | None = None
) -> Iterator[Configuration]:
    """The configurations of the case's drivers whose every pair scores above `threshold`.

    In declared order (the first driver's first state first). Each yielded
    configuration costs O(D²) for D drivers to score; the search visits only
    partial configurations that every remaining driver can still complete.

    Args:
        case: The case with its drivers and cross-consistency assessments.
        threshold: Pairs scoring this or less cannot co-exist (0 to under 1).
        limit: Stop after this many.

    Raises:
        OptionError: The threshold is out of range.
    """
    _check_threshold(threshold)
    compiled = _Field(case.drivers, pair_scores(case), threshold)
    found = (compiled.configuration(bits) for bits in compiled.walk())
    return islice(found, limit) if limit is not None else found


def count_configurations(case: Case, *, threshold: float = 0.0) -> int:
    """How many consistent configurations there are, without building them.

    Examples:
        >>> from scenarios import Case, CaseMeta
        >>> count_configurations(Case(meta=CaseMeta(title="no drivers")))
        0
    """
    _check_threshold(threshold)
    return sum(1 for _ in _Field(case.drivers, pair_scores(case), threshold).walk())


def ranked_configurations(
    case: Case, *, threshold: float = 0.0, top: int | None = None
) -> list[Configuration]:
    """The consistent configurations, best first: by weakest pair, then by mean score.

    Ties keep the declared order. With `top`, only the best `top` are kept while
    enumerating (O(top) memory), and only they are built as `Configuration` objects.
    """
    _check_threshold(threshold)
    compiled = _Field(case.drivers, pair_scores(case), threshold)
    scored = (
        (-low, -mean, i, tuple(bits))
        for i, bits in enumerate(compiled.walk())
        for low, mean, _ in (compiled.score(bits),)
    )
    best = heapq.nsmallest(top, scored) if top is not None else sorted(scored)
    return [compiled.configuration(bits) for *_, bits in best]


@dataclass(frozen=True, slots=True)
class Quadrant:
    """One cell of the 2×2 matrix.

    Attributes:
        first: State of the first driver.
        second: State of the second driver.
        pair_score: The assessed score of the two states together.
        configurations: How many consistent configurations of the whole field hold both.
        best: The best of them, when there is one.
        scenarios: Ids of the case's scenarios that put the two drivers in these states
            (a scenario that sets one of them and leaves the other open is in both cells).
    """

    first: str
    second: str
    pair_score: float
    configurations: int
    best: Configuration | None
    scenarios: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FuturesMatrix:
    """The classic 2×2 alternative-futures matrix: two key drivers, two states each.

    Attributes:
        first: Id of the driver down the rows.
        second: Id of the driver across the columns.
        quadrants: Row by row: (first state 1, second state 1), (1, 2), (2, 1), (2, 2).
    """

    first: str
    second: str
    quadrants: tuple[Quadrant, Quadrant, Quadrant, Quadrant]

    def to_json(self) -> dict[str, Any]:
        """The matrix as JSON data: ``first``, ``second`` and the four ``quadrants``."""
        data: dict[str, Any] = json_data(self)
        return data

    def _repr_html_(self) -> str:
        """The matrix as an HTML table, for Jupyter."""
        q = self.quadrants
        cols = (q[0].second, q[1].second)
        return html_table(
            f"{self.first} (rows) against {self.second} (columns)",
            ("", *cols),
            [(row[0].first, *(_cell(c) for c in row)) for row in ((q[0], q[1]), (q[2], q[3]))],
        )


def _cell(quadrant: Quadrant) -> str:
    names = ", ".join(quadrant.scenarios) or "no scenario"
    return f"{quadrant.configurations} configurations; {names}"


def alternative_futures(
    case: Case,
    first: str,
    second: str,
    *,
    poles: tuple[tuple[str, str], tuple[str, str]] | None = None,
    threshold: float = 0.0,
) -> FuturesMatrix:
    """The 2×2 matrix of two key drivers, each reduced to two poles.

    Args:
        case: The case.
        first: Id of the driver down the rows.
        second: Id of the driver across the columns.
        poles: The two states of each driver to oppose; needed when a driver
            has more than two states.
        threshold: As for `consistent_configurations`.

    Raises:
        scenarios.errors.UnknownIdError: No driver has one of the ids.
        OptionError: The drivers are the same, a pole is not one of the driver's
            states, or a driver has more than two states and no poles are given.

    Complexity: one enumeration of the consistent configurations, scored on bit sets;
    only the best of each cell is built as a `Configuration`.
    """
    drivers = (case.get(first, Driver), case.get(second, Driver))
    if first == second:
        raise OptionError(f"the 2×2 matrix needs two different drivers, not {first!r} twice")
    chosen = []
    for k, driver in enumerate(drivers):
        states = [s.id for s in driver.states]
        pair = poles[k] if poles else tuple(states)
        if len(pair) != 2 or not set(pair) <= set(states) or pair[0] == pair[1]:
            raise OptionError(
                f"driver {driver.id!r} has states {', '.join(states)}: give two of them "
                "as its poles"
            )
        chosen.append(pair)
    _check_threshold(threshold)
    scores = pair_scores(case)
    compiled = _Field(case.drivers, scores, threshold)
    where = [k for k, d in enumerate(case.drivers) if d.id in (first, second)]
    if case.drivers[where[0]].id != first:
        where.reverse()
    counts: dict[tuple[str, str], int] = dict.fromkeys(
        ((a, b) for a in chosen[0] for b in chosen[1]), 0
    )
    leading: dict[tuple[str, str], tuple[float, float, tuple[int, ...]]] = {}
    for bits in compiled.walk():  # scored from bit sets; only the best are built
        cell = (compiled.state(bits[where[0]]), compiled.state(bits[where[1]]))
        if cell in counts:
            counts[cell] += 1
            low, mean, _ = compiled.score(bits)
            held = leading.get(cell)
            if held is None or (low, mean) > held[:2]:
                leading[cell] = (low, mean, tuple(bits))
    best = {cell: compiled.configuration(bits) for cell, (_, _, bits) in leading.items()}
    quadrants = tuple(
        Quadrant(
            a,
            b,
            scores.get(frozenset((f"{first}={a}", f"{second}={b}")), 1.0),
            counts[(a, b)],
            best.get((a, b)),
            tuple(
                s.id
                for s in case.scenarios
                if ({first, second} & s.drivers.keys())
                and s.drivers.get(first, a) == a
                and s.drivers.get(second, b) == b
            ),
        )
        for a, b in counts
    )
    return FuturesMatrix(first, second, quadrants)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class FieldAnalysis:
    """The morphological field at a glance (`morphology`).

    Attributes:
        drivers: How many drivers the case declares.
        field_size: How many configurations their full product holds.
        consistent: How many of them are consistent.
        configurations: The best of them, best first.
        matrix: The 2×2 matrix of two drivers, when asked for.
    """

    drivers: int
    field_size: int
    consistent: int
    configurations: tuple[Configuration, ...]
    matrix: FuturesMatrix | None = None

    def to_json(self) -> dict[str, Any]:
        """The analysis as JSON data (what ``scenarios morph --format json`` prints)."""
        return {
            "field_size": self.field_size,
            "consistent": self.consistent,
            "configurations": [c.to_json() for c in self.configurations],
            "matrix": self.matrix.to_json() if self.matrix else None,
        }


def morphology(
    case: Case,
    *,
    threshold: float = 0.0,
    top: int | None = 10,
    matrix: tuple[str, str] | None = None,
) -> FieldAnalysis:
    """The field's size, its consistent configurations (the best `top`), and a 2×2 matrix.

    Args:
        case: The case with its drivers and cross-consistency assessments.
        threshold: As for `consistent_configurations`.
        top: How many of the best configurations to keep (None: all).
        matrix: Two driver ids for `alternative_futures`, or None.

    Raises:
        AnalysisError: The case declares no drivers.
        OptionError: The threshold is out of range, or the matrix's drivers do not
            make one (see `alternative_futures`).
        scenarios.errors.UnknownIdError: A driver of `matrix` is not in the case.

    Complexity: two enumerations of the consistent configurations (one counts, one
    keeps the best `top`), and one more for the matrix.
    """
    if not case.drivers:
        raise AnalysisError(
            "the case declares no drivers, so there is no field to analyse",
            hint="add drivers (each with states) and cross-consistency assessments; "
            "see docs/futures.md",
        )
    ranked = ranked_configurations(case, threshold=threshold, top=top)
    return FieldAnalysis(
        len(case.drivers),
        field_size(case),
        count_configurations(case, threshold=threshold),
        tuple(ranked),
        alternative_futures(case, *matrix, threshold=threshold) if matrix else None,
    )
