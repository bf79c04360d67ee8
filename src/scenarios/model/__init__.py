"""The typed case model: sources, quotes, evidence, hypotheses, links and the rest."""

from scenarios.model.actors import Actor
from scenarios.model.arguments import Argument, Assumption
from scenarios.model.builder import CaseBuilder
from scenarios.model.case import Case, CaseMeta, Record
from scenarios.model.evidence import Evidence
from scenarios.model.futures import (
    CrossConsistency,
    Driver,
    DriverState,
    Event,
    Indicator,
    Observation,
    Scenario,
)
from scenarios.model.hypotheses import Hypothesis, HypothesisSet
from scenarios.model.integrity import IntegrityProblem, integrity_problems
from scenarios.model.links import Likelihood, LikelihoodRatio, Link
from scenarios.model.sources import Quote, Source, Span

__all__ = [
    "Actor",
    "Argument",
    "Assumption",
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
    "Likelihood",
    "LikelihoodRatio",
    "Link",
    "Observation",
    "Quote",
    "Record",
    "Scenario",
    "Source",
    "Span",
    "integrity_problems",
]
