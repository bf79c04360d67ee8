"""The typed case model: sources, quotes, evidence, hypotheses, links and the rest."""

from scenarios.model._actors import Actor
from scenarios.model._argument_graph import ArgumentGraph, CArgument, Issue, Scheme, Standard
from scenarios.model._arguments import Argument, Assumption
from scenarios.model._builder import CaseBuilder
from scenarios.model._case import Case, CaseMeta, Record
from scenarios.model._evidence import Evidence
from scenarios.model._futures import (
    CrossConsistency,
    Driver,
    DriverState,
    Event,
    Indicator,
    Observation,
    Scenario,
    ScenarioExpectation,
)
from scenarios.model._hypotheses import SET_SIZE_FIX, Hypothesis, HypothesisSet
from scenarios.model._integrity import IntegrityProblem, Reference, integrity_problems, references
from scenarios.model._links import Likelihood, LikelihoodRatio, LikelihoodSpec, Link, stance_of
from scenarios.model._sources import Quote, Source, Span

__all__ = [
    "SET_SIZE_FIX",
    "Actor",
    "Argument",
    "ArgumentGraph",
    "Assumption",
    "CArgument",
    "Case",
    "CaseBuilder",
    "CaseMeta",
    "CrossConsistency",
    "Driver",
    "DriverState",
    "Event",
    "Evidence",
    "Hypothesis",
    "HypothesisSet",
    "Indicator",
    "IntegrityProblem",
    "Issue",
    "Likelihood",
    "LikelihoodRatio",
    "LikelihoodSpec",
    "Link",
    "Observation",
    "Quote",
    "Record",
    "Reference",
    "Scenario",
    "ScenarioExpectation",
    "Scheme",
    "Source",
    "Span",
    "Standard",
    "integrity_problems",
    "references",
    "stance_of",
]
