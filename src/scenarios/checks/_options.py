"""Thresholds of the checks where a reasonable analyst might differ, with their defaults."""

from __future__ import annotations

from dataclasses import dataclass

from scenarios.errors import OptionError

__all__ = ["CheckOptions"]


@dataclass(frozen=True, slots=True)
class CheckOptions:
    """Thresholds of the review checks (the V family), explained in ``docs/review.md``.

    Attributes:
        untested_ratio: V006 flags the hypothesis ACH ranks first when its rated items
            (neither N nor NA) number at most this share of its rivals' median.
        untested_min_rated: ...and its rivals' median is at least this many rated items
            (fewer is too little to call anything untested).
        restatement: V003 calls an assessment's claim a restatement of a hypothesis when
            at least this share of the statement's content words are in the claim.
        restatement_min_words: ...and the statement has at least this many content words.
        similar_claims: V005 calls two claims near-identical at this share of shared
            content words (Jaccard) or more.
        extreme_above: V008 calls a posterior extreme at this probability or more
            (0.80: ICD 203's "very likely")...
        extreme_below: ...or below this one (0.20: "very unlikely").
        min_lineages: V008 asks an extreme posterior to rest on at least this many
            independent source lineages.

    Examples:
        >>> CheckOptions(untested_ratio=0.6).untested_ratio
        0.6
        >>> CheckOptions(extreme_above=0.1)
        Traceback (most recent call last):
        ...
        scenarios.errors.OptionError: extreme_above=0.1 must be above extreme_below=0.2 and ...
    """

    untested_ratio: float = 0.5
    untested_min_rated: int = 4
    restatement: float = 0.8
    restatement_min_words: int = 4
    similar_claims: float = 0.8
    extreme_above: float = 0.80
    extreme_below: float = 0.20
    min_lineages: int = 2

    def __post_init__(self) -> None:
        for name in ("untested_ratio", "restatement", "similar_claims"):
            value = getattr(self, name)
            if not 0 < value <= 1:
                raise OptionError(f"{name}={value!r} must be a share above 0 and at most 1")
        for name in ("untested_min_rated", "restatement_min_words", "min_lineages"):
            value = getattr(self, name)
            if not isinstance(value, int) or value < 1:
                raise OptionError(f"{name}={value!r} must be a whole number of at least 1")
        if not 0 < self.extreme_below < self.extreme_above <= 1:
            raise OptionError(
                f"extreme_above={self.extreme_above!r} must be above "
                f"extreme_below={self.extreme_below!r} and at most 1"
            )
