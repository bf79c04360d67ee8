"""Hypotheses, alone or in competing sets around one analytic question."""

from __future__ import annotations

from typing import Annotated, Final

from pydantic import Field

from scenarios.model._base import record
from scenarios.model._refs import HypothesisRef
from scenarios.types import Flag, FrozenMap, Id, PartialDate, Probability, Text, TupleOf

__all__ = ["SET_SIZE_FIX", "Hypothesis", "HypothesisSet"]


@record
class Hypothesis:
    """A statement that may be true; on its own it competes with its negation.

    Examples:
        >>> Hypothesis(id="defy", statement="The militias defy Qaani.").statement
        'The militias defy Qaani.'
    """

    id: Id
    """Unique id of the hypothesis within the case."""
    statement: Text
    """The hypothesis in one sentence."""
    description: Text | None = None
    """What it means in more detail, and what would count against it."""
    parent: HypothesisRef | None = None
    """The broader hypothesis this one refines."""
    prior: Probability | None = None
    """Prior probability, for a hypothesis that belongs to no set (a set gives its own)."""
    period: PartialDate | None = None
    """The time the hypothesis is about, as a partial date or range (``2021-10/2022-12``):
    evidence from outside it should be rated NA against it (check V002)."""


SET_SIZE_FIX: Final = (
    "Add its rivals, or take it out of the set: a lone hypothesis competes with its negation."
)
"""How to mend a set that `HypothesisSet.size_problem` finds fault with."""


@record
class HypothesisSet:
    """Competing hypotheses that answer one question.

    Examples:
        >>> s = HypothesisSet(id="control", question="Who decides?", hypotheses=("a", "b"),
        ...                   priors={"a": 0.5, "b": 0.5})
        >>> s.priors["a"]
        0.5
    """

    id: Id
    """Unique id of the set within the case."""
    question: Text
    """The analytic question the hypotheses answer."""
    hypotheses: Annotated[TupleOf[HypothesisRef], Field(min_length=1)]
    """Ids of the competing hypotheses."""
    exclusive: Flag = True
    """At most one of them is true."""
    exhaustive: Flag = False
    """At least one of them is true (no hypothesis is missing)."""
    priors: FrozenMap[Id, Probability] = Field(default_factory=dict)
    """Prior probability per hypothesis id; empty means uniform."""
    other_prior: Probability | None = None
    """For a set not marked exhaustive: the prior of the unnamed alternatives ("other").

    Absent, it is the share one more hypothesis would have (1 / (n + 1) for n named).
    The named priors share the rest in their given proportions. Ignored when exhaustive."""

    @property
    def size_problem(self) -> str | None:
        """What is wrong with the set's size, in words (None when nothing is).

        One rule for check H004, ACH and the posteriors, which refuse such a set: with
        fewer than two hypotheses there is nothing to weigh one against. (A lone
        hypothesis needs no set: it competes with its negation.)

        Examples:
            >>> HypothesisSet(id="s", question="?", hypotheses=("a",)).size_problem
            'has one hypothesis, so there is nothing to weigh it against'
        """
        if len(set(self.hypotheses)) < 2:
            return "has one hypothesis, so there is nothing to weigh it against"
        return None

    @property
    def missing_priors(self) -> tuple[str, ...]:
        """Hypotheses without a prior when the set gives some (set order); none if it gives none.

        Examples:
            >>> HypothesisSet(id="s", question="?", hypotheses=("a", "b", "c"),
            ...               priors={"a": 0.5}).missing_priors
            ('b', 'c')
        """
        if not self.priors:
            return ()
        return tuple(h for h in dict.fromkeys(self.hypotheses) if h not in self.priors)

    @property
    def prior_problem(self) -> str | None:
        """What is wrong with the priors, in words (None when nothing is).

        One rule for check H003 and the posteriors, which refuse such a set: priors
        for some hypotheses only; in an exclusive and exhaustive set, priors that do
        not add up to 1; in an exclusive set, more than 1; every prior 0.

        Examples:
            >>> HypothesisSet(id="s", question="?", hypotheses=("a", "b"), exhaustive=True,
            ...               priors={"a": 0.5, "b": 0.3}).prior_problem
            'is exclusive and exhaustive but its priors add up to 0.8, not 1'
        """
        if not self.priors:
            return None
        total = sum(self.priors.values())
        missing = sorted(self.missing_priors)
        if missing:
            return f"gives priors for some hypotheses but not {', '.join(missing)}"
        if self.exclusive and self.exhaustive and abs(total - 1) > 1e-6:
            return f"is exclusive and exhaustive but its priors add up to {total:g}, not 1"
        if self.exclusive and total > 1 + 1e-6:
            return f"is exclusive but its priors add up to {total:g}, more than 1"
        if total == 0:
            return "gives every hypothesis a prior of 0, so no evidence can move any of them"
        return None
