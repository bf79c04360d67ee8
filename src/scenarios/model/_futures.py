"""Scenarios, their indicators, the drivers they are built from, and dated events.

Scenarios are alternative futures; indicators tell them apart; drivers and their
states make the morphological field the scenarios are configurations of.
"""

from __future__ import annotations

from typing import TypeAlias

from pydantic import Field

from scenarios.model._base import record
from scenarios.model._refs import ActorRef, EvidenceRef, HypothesisRef, ScenarioRef
from scenarios.types import (
    EMPTY,
    ConsistencyWord,
    Expectation,
    Flag,
    FrozenMap,
    Id,
    PairOf,
    PartialDate,
    Probability,
    StateKey,
    Tag,
    Text,
    TupleOf,
)

__all__ = [
    "CrossConsistency",
    "Driver",
    "DriverState",
    "Event",
    "Indicator",
    "Observation",
    "Scenario",
    "ScenarioExpectation",
]

ScenarioExpectation: TypeAlias = Expectation | Probability
"""What a scenario expects of an indicator: a word, or the probability it fires."""


@record
class Scenario:
    """An alternative future and what it rests on."""

    id: Id
    """Unique id of the scenario within the case."""
    name: Text
    """A short memorable name."""
    narrative: Text | None = None
    """The story of how this future comes about."""
    horizon: PartialDate | None = None
    """The date by which it plays out."""
    drivers: FrozenMap[Tag, Text] = Field(default_factory=dict)
    """State of each driving force in this scenario, by driver. When the case declares
    drivers, the keys are driver ids and the values state ids (``{us-posture: withdraw}``);
    otherwise both are free text."""
    assumes: FrozenMap[HypothesisRef, Flag] = Field(default_factory=dict)
    """Hypotheses this scenario takes as true (or false)."""
    probability: Probability | None = None
    """A given probability; otherwise it follows from the hypotheses."""


@record
class Observation:
    """One observation of an indicator."""

    date: PartialDate
    """When it was observed."""
    observed: Flag = True
    """Whether the indicator fired (true) or was looked for and absent (false)."""
    evidence: TupleOf[EvidenceRef] = EMPTY
    """Evidence of the observation."""
    note: Text | None = None
    """What was seen."""


@record
class Indicator:
    """An observable signpost, with what each scenario expects of it."""

    id: Id
    """Unique id of the indicator within the case."""
    name: Text
    """What to watch for."""
    description: Text | None = None
    """How to recognise it."""
    expectations: FrozenMap[ScenarioRef, ScenarioExpectation] = Field(default_factory=dict)
    """By scenario id: likely, unlikely, neutral or a probability."""
    observations: TupleOf[Observation] = EMPTY
    """What has been seen so far."""


@record
class Event:
    """A dated happening, with the evidence for it."""

    id: Id
    """Unique id of the event within the case."""
    title: Text
    """What happened, in a line."""
    date: PartialDate
    """When, as precisely as known."""
    description: Text | None = None
    """More detail."""
    evidence: TupleOf[EvidenceRef] = EMPTY
    """Evidence that it happened."""
    actors: TupleOf[ActorRef] = EMPTY
    """Who took part."""


@record
class DriverState:
    """One state a driver can take, e.g. "withdraw" for the U.S. posture."""

    id: Id
    """Id of the state, unique within its driver."""
    name: Text
    """A short name."""
    description: Text | None = None
    """What the world looks like in this state."""


@record
class Driver:
    """A driving force (a parameter of the morphological field) and the states it can take."""

    id: Id
    """Unique id of the driver within the case."""
    name: Text
    """What the driver is."""
    states: TupleOf[DriverState] = Field(min_length=2)
    """The states, at least two; their ids are unique within the driver."""
    description: Text | None = None
    """Why it matters."""


@record
class CrossConsistency:
    """How well two states of two drivers can hold together (Ritchey's cross-consistency).

    A pair that is never assessed counts as consistent (score 1).
    """

    pair: PairOf[StateKey]
    """The two states, each ``driver=state``, of two different drivers."""
    value: ConsistencyWord | Probability
    """``consistent`` (1), ``inconsistent`` (0), or a score in between (0: cannot co-exist)."""
    reason: Text | None = None
    """Why."""
