"""Arguments (premises to a conclusion) and the assumptions analysis rests on."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from scenarios.model._base import record
from scenarios.model._refs import AnyRef, PropositionRef
from scenarios.types import EMPTY, AssumptionStatus, Id, Probability, Text, TupleOf

__all__ = ["Argument", "Assumption"]


@record
class Argument:
    """An inference from premises to a conclusion, for (pro) or against (con) it.

    Premises, conclusion and undercutter name evidence, hypotheses or assumptions.

    Examples:
        >>> Argument(id="a1", premises=("vacuum",), conclusion="compete").stance
        'pro'
    """

    id: Id
    """Unique id of the argument within the case."""
    premises: Annotated[TupleOf[PropositionRef], Field(min_length=1)]
    """What the argument starts from."""
    conclusion: PropositionRef
    """What it argues for (pro) or against (con)."""
    stance: Literal["pro", "con"] = "pro"
    """Whether it argues for or against the conclusion."""
    undercutter: PropositionRef | None = None
    """A statement that, if accepted, defeats this inference (an exception)."""
    weight: Probability | None = None
    """How strongly the premises carry the conclusion, from 0 to 1."""
    scheme: Literal["linked", "convergent", "cumulative", "factorized"] = "linked"
    """How premises combine (Carneades weighing schemes); linked needs all of them."""
    description: Text | None = None
    """The reasoning in words."""


@record
class Assumption:
    """Something the analysis takes for granted, to be checked (Heuer & Pherson)."""

    id: Id
    """Unique id of the assumption within the case."""
    statement: Text
    """The assumption in one sentence."""
    status: AssumptionStatus = "unchecked"
    """Verdict of the key-assumptions check."""
    rationale: Text | None = None
    """Why it has that status."""
    supports: TupleOf[AnyRef] = EMPTY
    """Ids of what rests on it: hypotheses, arguments, evidence, scenarios."""
