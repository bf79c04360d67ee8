"""Analysis of Competing Hypotheses: the matrix, inconsistency scores, diagnosticity, linchpins.

For one set of competing hypotheses, each evidence item is rated against each
hypothesis (CC, C, N, I, II, NA). Following Heuer, what counts is the evidence
*against* a hypothesis: the least inconsistent hypothesis ranks first.

Scores, per hypothesis:

- the plain **inconsistency count**: how many items are rated I or II;
- the **weighted inconsistency score** of the ACH technical description: each I
  counts -1 and each II -2 (everything else 0), times the item's credibility
  weight and its link's relevance weight, with Low = 1/sqrt(2), Medium = 1 and
  High = sqrt(2).

The credibility weight comes from the item's Admiralty grade: credibility 1-2 is
High, 3 and 6 (cannot be judged) Medium, 4-5 Low; a best source graded D or E
lowers it one step (High to Medium, Medium to Low). Relevance is the link's own.

An item's **diagnosticity** is the spread of its ratings across the set
(highest minus lowest on CC=2, C=1, N=0, I=-1, II=-2; NA and missing ratings
left out): an item rated alike everywhere has none. An item is a **linchpin**
when dropping it, or reading it as deceptive (its ratings reversed, Heuer's
check), changes which hypothesis leads (a change further down is not reported);
the linchpin carries the new ranking.

References:
    Heuer, R. J. (1999). *Psychology of Intelligence Analysis*, ch. 8.
    Heuer, R. J., & Pherson, R. H. (2015). *Structured Analytic Techniques for
    Intelligence Analysis* (2nd ed.).

Examples:
    >>> from scenarios import CaseBuilder, Evidence, Hypothesis, HypothesisSet, Quote, Source
    >>> b = CaseBuilder(title="t")
    >>> b.add(Source(id="s", title="S", reliability="B"),
    ...       Hypothesis(id="defy", statement="Defy."), Hypothesis(id="obey", statement="Obey."),
    ...       HypothesisSet(id="q", question="Which?", hypotheses=("defy", "obey")))
    >>> for i, (a, b_) in enumerate([("C", "I"), ("CC", "II"), ("N", "N")]):
    ...     b.add(Evidence(id=f"e{i}", claim="c", credibility=2,
    ...                    quotes=(Quote(source="s", text="q"),)))
    ...     b.link(f"e{i}", "defy", a)
    ...     b.link(f"e{i}", "obey", b_)
    >>> result = ach(b.build(), "q")
    >>> [(s.hypothesis, s.inconsistencies, round(s.weighted, 2), s.rank) for s in result.scores]
    [('defy', 0, 0.0, 1), ('obey', 2, -4.24, 2)]
    >>> result.diagnosticity["e2"]
    0
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any, Final, Literal

from scenarios._escape import html_table
from scenarios.errors import AnalysisError
from scenarios.model import SET_SIZE_FIX, Case, Evidence, HypothesisSet, Source
from scenarios.types import Rating, freeze_mappings

__all__ = [
    "CREDIBILITY_LEVEL",
    "INCONSISTENCY",
    "RATING_VALUE",
    "WEIGHTS",
    "AchResult",
    "HypothesisScore",
    "Linchpin",
    "ach",
    "credibility_weight",
]

WEIGHTS: Final[Mapping[str, float]] = {"low": 1 / math.sqrt(2), "medium": 1.0, "high": math.sqrt(2)}
"""Low, Medium and High weights of the ACH technical description."""

INCONSISTENCY: Final[Mapping[Rating, int]] = {"I": -1, "II": -2}
"""What each rating counts against a hypothesis (others count 0)."""

RATING_VALUE: Final[Mapping[Rating, int]] = {"CC": 2, "C": 1, "N": 0, "I": -1, "II": -2}
"""Ratings on one scale, for diagnosticity (NA has no value)."""

CREDIBILITY_LEVEL: Final[Mapping[int, str]] = {
    1: "high",
    2: "high",
    3: "medium",
    4: "low",
    5: "low",
    6: "medium",
}
"""Admiralty information credibility to Low/Medium/High (6, cannot be judged: Medium)."""

_REVERSED: Final[Mapping[Rating, Rating]] = {
    "CC": "II",
    "C": "I",
    "N": "N",
    "I": "C",
    "II": "CC",
    "NA": "NA",
}
_LOWER: Final = {"high": "medium", "medium": "low", "low": "low"}


def credibility_weight(case: Case, evidence: str) -> float:
    """The credibility weight of an item: its credibility digit, lowered for D/E sources."""
    item = case.get(evidence, Evidence)
    level = CREDIBILITY_LEVEL[item.credibility]
    grades = [case.get(s, Source).grade for s in item.sources if s in case]
    if grades and min(grades) in ("D", "E"):
        level = _LOWER[level]
    return WEIGHTS[level]


@dataclass(frozen=True, slots=True)
class HypothesisScore:
    """The ACH score of one hypothesis.

    Attributes:
        hypothesis: Its id.
        inconsistencies: How many items are rated I or II against it.
        weighted: The weighted inconsistency score (0 or less; nearer 0 is better).
        rank: 1 for the least inconsistent; tied hypotheses share a rank.
        tied: Whether another hypothesis has the same weighted score.
    """

    hypothesis: str
    inconsistencies: int
    weighted: float
    rank: int
    tied: bool


@dataclass(frozen=True, slots=True)
class Linchpin:
    """An item whose removal or reversal changes which hypothesis leads.

    Attributes:
        evidence: The item.
        change: ``dropped`` or ``deceptive`` (ratings reversed).
        before: Hypotheses in rank order, as the case stands.
        after: Hypotheses in rank order after the change.
        leaders: The hypotheses that lead after it (several when it makes a tie).
    """

    evidence: str
    change: Literal["dropped", "deceptive"]
    before: tuple[str, ...]
    after: tuple[str, ...]
    leaders: tuple[str, ...] = ()

    @property
    def outcome(self) -> str:
        """What the change does to the lead, in words: 'puts b first' or 'ties a and b'.

        Examples:
            >>> Linchpin("e", "dropped", ("a", "b"), ("b", "a"), ("b",)).outcome
            'puts b first'
            >>> Linchpin("e", "deceptive", ("a", "b"), ("a", "b"), ("a", "b")).outcome
            'ties a and b for first'
        """
        if len(self.leaders) > 1:
            return f"ties {' and '.join(self.leaders)} for first"
        return f"puts {(self.leaders or self.after)[0]} first"


@dataclass(frozen=True, slots=True)
class AchResult:
    """The ACH of one hypothesis set.

    Attributes:
        set: The set's id.
        question: The set's question.
        hypotheses: Hypothesis ids, in the set's order.
        evidence: Ids of the items rated against any of them, most diagnostic first
            (ties in case order).
        ratings: Rating by (evidence, hypothesis); pairs without a link are absent.
        weights: Credibility x relevance weight by (evidence, hypothesis).
        scores: One per hypothesis, best first.
        diagnosticity: Spread of each item's ratings (0 when they are all alike).
        linchpins: Items that change the leading hypothesis when dropped or reversed.
    """

    set: str
    question: str
    hypotheses: tuple[str, ...]
    evidence: tuple[str, ...]
    ratings: Mapping[tuple[str, str], Rating]
    weights: Mapping[tuple[str, str], float]
    scores: tuple[HypothesisScore, ...]
    diagnosticity: Mapping[str, int]
    linchpins: tuple[Linchpin, ...]

    def __post_init__(self) -> None:
        freeze_mappings(self)

    @property
    def ranking(self) -> tuple[str, ...]:
        """Hypotheses from least to most inconsistent."""
        return tuple(score.hypothesis for score in self.scores)

    def to_json(self) -> dict[str, Any]:
        """The result as JSON data (what ``scenarios ach --format json`` prints per set).

        ``set``, ``question``, ``scores`` (best first), ``matrix`` (a row per item,
        most diagnostic first, with its ``diagnosticity`` and ``ratings`` by
        hypothesis, null where no link) and ``linchpins``.
        """
        return {
            "set": self.set,
            "question": self.question,
            "scores": [asdict(s) for s in self.scores],
            "matrix": [
                {
                    "evidence": e,
                    "diagnosticity": self.diagnosticity[e],
                    "ratings": {h: self.ratings.get((e, h)) for h in self.hypotheses},
                }
                for e in self.evidence
            ],
            "linchpins": [asdict(p) for p in self.linchpins],
        }

    def _repr_html_(self) -> str:
        """The scores as a table, for Jupyter (the whole matrix: `scenarios.render.matrix_html`)."""
        return html_table(
            self.question,
            ("rank", "hypothesis", "inconsistencies", "weighted"),
            (
                (
                    f"{s.rank}{'=' if s.tied else ''}",
                    s.hypothesis,
                    s.inconsistencies,
                    f"{s.weighted:.2f}",
                )
                for s in self.scores
            ),
        )


def _totals(
    hypotheses: tuple[str, ...],
    ratings: Mapping[tuple[str, str], Rating],
    weights: Mapping[tuple[str, str], float],
) -> dict[str, float]:
    totals = dict.fromkeys(hypotheses, 0.0)
    for (item, h), rating in ratings.items():
        totals[h] += INCONSISTENCY.get(rating, 0) * weights[(item, h)]
    return totals


def _order(hypotheses: tuple[str, ...], totals: Mapping[str, float]) -> tuple[str, ...]:
    """Best first; ties keep the set's order (so order does not invent a winner)."""
    position = {h: i for i, h in enumerate(hypotheses)}
    return tuple(sorted(hypotheses, key=lambda h: (-round(totals[h], 9), position[h])))


def _ranks(order: tuple[str, ...], totals: Mapping[str, float]) -> list[tuple[str, int, bool]]:
    """(hypothesis, rank, tied) in order; a tie shares the rank of its first member."""
    out: list[tuple[str, int, bool]] = []
    position = 0
    for group in _groups(order, totals):
        members = [h for h in order if h in group]
        out += [(h, position + 1, len(members) > 1) for h in members]
        position += len(members)
    return out


def _groups(order: tuple[str, ...], totals: Mapping[str, float]) -> list[frozenset[str]]:
    """The ranking as tie groups, so that reordering within a tie is no change."""
    groups: list[frozenset[str]] = []
    last: float | None = None
    for h in order:
        value = round(totals[h], 9)
        if groups and value == last:
            groups[-1] |= {h}
        else:
            groups.append(frozenset({h}))
            last = value
    return groups


def ach(case: Case, hypothesis_set: str) -> AchResult:
    """Score the hypotheses of one set by Heuer's Analysis of Competing Hypotheses.

    Complexity: O(L + E·H) for L links, E items and H hypotheses: the matrix,
    scores and diagnosticity in one pass; each linchpin test adjusts the totals
    by one row, O(H), instead of recomputing them.

    Args:
        case: The case.
        hypothesis_set: Id of the set.

    Raises:
        scenarios.errors.UnknownIdError: No hypothesis set has that id.
        scenarios.errors.AnalysisError: The set has one hypothesis (check H004): ranking
            it first of one would say nothing.
    """
    group = case.get(hypothesis_set, HypothesisSet)
    refused = size_refusal(group)
    if refused is not None:
        raise refused
    return score_set(case, group)


def size_refusal(group: HypothesisSet) -> AnalysisError | None:
    """The error ACH and the posteriors raise for a set too small to weigh, or None.

    Examples:
        >>> one = HypothesisSet(id="q", question="?", hypotheses=("a",))
        >>> print(size_refusal(one).message)
        set 'q' has one hypothesis, so there is nothing to weigh it against (check H004)
    """
    problem = group.size_problem
    if problem is None:
        return None
    return AnalysisError(f"set {group.id!r} {problem} (check H004)", hint=SET_SIZE_FIX)


def score_set(case: Case, group: HypothesisSet) -> AchResult:
    """`ach` without its refusal, for the overview, which shows every set side by side."""
    hypotheses = tuple(dict.fromkeys(group.hypotheses))
    members = set(hypotheses)
    ratings: dict[tuple[str, str], Rating] = {}
    weights: dict[tuple[str, str], float] = {}
    credibility: dict[str, float] = {}
    for link in (link for h in hypotheses for link in case.links_of(h)):
        if link.hypothesis in members:
            if link.evidence not in credibility:
                credibility[link.evidence] = credibility_weight(case, link.evidence)
            key = (link.evidence, link.hypothesis)
            ratings[key] = link.rating
            weights[key] = credibility[link.evidence] * WEIGHTS[link.relevance]
    items = tuple(e.id for e in case.evidence if e.id in credibility)
    by_item: dict[str, dict[str, Rating]] = {e: {} for e in items}
    for (e, h), rating in ratings.items():
        by_item[e][h] = rating
    diagnosticity = {}
    for e in items:
        values = [RATING_VALUE[r] for r in by_item[e].values() if r in RATING_VALUE]
        diagnosticity[e] = max(values) - min(values) if len(values) >= 2 else 0
    counts = dict.fromkeys(hypotheses, 0)
    for (_, h), rating in ratings.items():
        counts[h] += rating in INCONSISTENCY
    totals = _totals(hypotheses, ratings, weights)
    order = _order(hypotheses, totals)
    scores = tuple(
        HypothesisScore(h, counts[h], totals[h], rank, tied)
        for h, rank, tied in _ranks(order, totals)
    )

    # Only a change of leader matters to the judgement: a row that merely reorders the
    # trailing hypotheses (breaks a tie for third place) is no linchpin.
    top = max(round(totals[h], 9) for h in hypotheses) if hypotheses else 0.0
    leaders = frozenset(h for h in hypotheses if round(totals[h], 9) == top)

    def new_leaders(deltas: Mapping[str, float]) -> frozenset[str]:
        moved = {h: round(totals[h] + deltas.get(h, 0.0), 9) for h in hypotheses}
        best = max(moved.values())
        return frozenset(h for h, v in moved.items() if v == best)

    changes: tuple[Literal["dropped", "deceptive"], ...] = ("dropped", "deceptive")
    linchpins = []
    for e in items:
        row = by_item[e]
        for change in changes:
            deltas = {
                h: (
                    (0 if change == "dropped" else INCONSISTENCY.get(_REVERSED[r], 0))
                    - INCONSISTENCY.get(r, 0)
                )
                * weights[(e, h)]
                for h, r in row.items()
            }
            after = new_leaders(deltas)
            if after != leaders:
                changed = {h: totals[h] + deltas.get(h, 0.0) for h in hypotheses}
                new_order = _order(hypotheses, changed)
                first = tuple(h for h in new_order if h in after)
                linchpins.append(Linchpin(e, change, order, new_order, first))
    ordered_items = tuple(sorted(items, key=lambda e: -diagnosticity[e]))
    return AchResult(
        group.id,
        group.question,
        hypotheses,
        ordered_items,
        ratings,
        weights,
        scores,
        diagnosticity,
        tuple(linchpins),
    )
