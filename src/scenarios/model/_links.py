"""Links: how one evidence item bears on one hypothesis."""

from __future__ import annotations

from typing import Annotated, Any, Literal, TypeAlias

from pydantic import Field, SerializerFunctionWrapHandler, model_serializer

from scenarios.model._base import record, tagged
from scenarios.model._refs import EvidenceRef, HypothesisRef
from scenarios.types import Positive, Probability, Rating, Relevance, Stance, Text

__all__ = ["Likelihood", "LikelihoodRatio", "LikelihoodSpec", "Link", "stance_of"]

_STANCE_OF_RATING: dict[Rating, Stance] = {
    "CC": "supports",
    "C": "supports",
    "N": "neutral",
    "NA": "neutral",
    "I": "contradicts",
    "II": "contradicts",
}


def stance_of(rating: Rating) -> Stance:
    """The stance an ACH rating implies.

    Examples:
        >>> stance_of("II")
        'contradicts'
    """
    return _STANCE_OF_RATING[rating]


@record
class LikelihoodRatio:
    """P(E|H) / P(E|not H) for one link."""

    kind: Literal["ratio"] = "ratio"
    """Discriminator: always ``ratio``."""
    value: Positive
    """The ratio; above 1 favours the hypothesis, below 1 counts against it."""

    @model_serializer(mode="wrap")
    def _keep_kind(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        return tagged(self, handler)


@record
class Likelihood:
    """P(E|H), and optionally P(E|not H), for one link."""

    kind: Literal["likelihood"] = "likelihood"
    """Discriminator: always ``likelihood``."""
    if_true: Probability
    """P(E|H): how likely the evidence is if the hypothesis is true."""
    if_false: Probability | None = None
    """P(E|not H); in a competing set the other hypotheses' likelihoods stand in for it."""

    @model_serializer(mode="wrap")
    def _keep_kind(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        return tagged(self, handler)


LikelihoodSpec: TypeAlias = Annotated[LikelihoodRatio | Likelihood, Field(discriminator="kind")]
"""Either a ratio or likelihoods, told apart by ``kind``."""


@record
class Link:
    """How one evidence item bears on one hypothesis.

    The ACH `rating` is required; `stance` restates it in words and may be left
    out (it then follows from the rating, see `direction`).

    Examples:
        >>> link = Link(evidence="e1", hypothesis="h1", rating="I", relevance="high")
        >>> link.direction
        'contradicts'
    """

    evidence: EvidenceRef
    """Id of the evidence item."""
    hypothesis: HypothesisRef
    """Id of the hypothesis."""
    rating: Rating
    """ACH consistency: CC, C, N, I, II or NA."""
    stance: Stance | None = None
    """Supports, contradicts or neutral; follows from `rating` when absent."""
    relevance: Relevance = "medium"
    """How much the item matters to this hypothesis."""
    likelihood: LikelihoodSpec | None = None
    """Likelihoods for Bayesian updating; a default by rating is used when absent."""
    rationale: Text | None = None
    """Why the item bears on the hypothesis this way."""

    @property
    def direction(self) -> Stance:
        """The stance given, or the one the rating implies."""
        return self.stance or stance_of(self.rating)
