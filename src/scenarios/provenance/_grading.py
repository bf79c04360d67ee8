"""Admiralty grades: source reliability (A-F) with information credibility (1-6), e.g. ``B2``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from scenarios.model import Case, Evidence, Source

__all__ = ["CREDIBILITY_MEANINGS", "RELIABILITY_MEANINGS", "evidence_grade"]

RELIABILITY_MEANINGS: Final[Mapping[str, str]] = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
"""The standard meaning of each source reliability letter."""

CREDIBILITY_MEANINGS: Final[Mapping[int, str]] = {
    1: "confirmed by other sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}
"""The standard meaning of each information credibility digit."""


def evidence_grade(case: Case, item: Evidence) -> str:
    """The combined grade of an item: its best source's letter and its credibility digit.

    A source without a grade counts as F; an item quoting several sources takes
    the most reliable letter among them.

    Examples:
        >>> from scenarios import CaseMeta, Quote
        >>> case = Case(
        ...     meta=CaseMeta(title="t"),
        ...     sources=(Source(id="s", title="S", reliability="B"),),
        ...     evidence=(Evidence(id="e", claim="c", quotes=(Quote(source="s", text="q"),),
        ...                        credibility=2),),
        ... )
        >>> evidence_grade(case, case.evidence[0])
        'B2'
    """
    letters = [case.get(s, Source).grade for s in item.sources if s in case]
    return f"{min(letters, default='F')}{item.credibility}"
