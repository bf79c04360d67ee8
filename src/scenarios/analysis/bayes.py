"""Bayesian judgements: posteriors of competing hypotheses, in numbers and in ICD 203 words.

For a set of competing hypotheses, each with a prior (uniform unless the set gives
priors), every evidence item updates the odds by how likely it is under each
hypothesis: ``log P(H|E) = log P(H) + sum of log P(E|H) + constant``, normalised over
the set. A link gives the likelihood as ``Likelihood(if_true=...)``, as a
``LikelihoodRatio`` against a neutral item, or not at all, in which case its ACH
rating sets a ratio (`DEFAULT_RATIOS`: a factor of 2 per step from neutral). An item
with no link to a hypothesis is neutral towards it.

Evidence from one source lineage (copies of one article) is not independent: for each
hypothesis, the items whose sources share a lineage count **once**, through the one
that bears on that hypothesis most strongly (the largest absolute log-likelihood), so
a republished article cannot double its own weight, and an article's evidence for and
against a hypothesis is still heard. Items tied for strongest count as the mean of their
distinct values: equally strong items pointing opposite ways cancel, whatever their order.
Sources that are near-duplicates can be joined into one lineage through
`Lineage.of(case, same=...)`.

Probabilities are also given in the words of ICD 203 (`icd203_words`). Those words
say how likely; how confident the analyst is in the judgement is a separate matter,
and is not computed here.

References:
    Office of the Director of National Intelligence (2015). *Intelligence Community
    Directive 203: Analytic Standards*.
    Good, I. J. (1950). *Probability and the Weighing of Evidence*.

Examples:
    >>> from scenarios import CaseBuilder, Evidence, Hypothesis, HypothesisSet, Quote, Source
    >>> b = CaseBuilder(title="t")
    >>> b.add(Source(id="s", title="S"), Hypothesis(id="a", statement="A."),
    ...       Hypothesis(id="b", statement="B."),
    ...       HypothesisSet(id="q", question="Which?", hypotheses=("a", "b"), exhaustive=True),
    ...       Evidence(id="e", claim="c", quotes=(Quote(source="s", text="q"),)))
    >>> b.link("e", "a", "CC")
    >>> result = posteriors(b.build(), "q")
    >>> [(p.hypothesis, round(p.posterior, 3), p.words) for p in result.posteriors]
    [('a', 0.8, 'very likely'), ('b', 0.2, 'unlikely')]
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from scenarios.analysis._html import html_table
from scenarios.model.case import Case
from scenarios.model.hypotheses import HypothesisSet
from scenarios.model.links import Likelihood, LikelihoodRatio, Link
from scenarios.provenance.lineage import Lineage
from scenarios.types import Rating

__all__ = [
    "DEFAULT_RATIOS",
    "ICD203",
    "BayesResult",
    "Contribution",
    "Posterior",
    "icd203_words",
    "posteriors",
]

DEFAULT_RATIOS: Final[Mapping[Rating, float]] = {
    "CC": 4.0,
    "C": 2.0,
    "N": 1.0,
    "NA": 1.0,
    "I": 0.5,
    "II": 0.25,
}
"""Likelihood ratio by ACH rating, for links that give no likelihood: x2 per step."""

ICD203: Final[tuple[tuple[float, str], ...]] = (
    (0.05, "almost no chance"),
    (0.20, "very unlikely"),
    (0.45, "unlikely"),
    (0.55, "roughly even chance"),
    (0.80, "likely"),
    (0.95, "very likely"),
    (1.01, "almost certain"),
)
"""Upper bounds (exclusive) and words of ICD 203's expressions of likelihood."""


def icd203_words(probability: float) -> str:
    """The ICD 203 expression of a probability.

    Below 5 % almost no chance, below 20 % very unlikely, below 45 % unlikely,
    up to 55 % roughly even chance, below 80 % likely, below 95 % very likely,
    and from 95 % almost certain (ICD 203 gives 1-5 % and 95-99 % for the ends).

    Examples:
        >>> [icd203_words(p) for p in (0.02, 0.5, 0.7, 0.8, 0.97)]
        ['almost no chance', 'roughly even chance', 'likely', 'very likely', 'almost certain']
    """
    if not 0 <= probability <= 1:
        raise ValueError(f"a probability is between 0 and 1, not {probability}")
    probability = round(probability, 9)  # 0.19999999999 is 20 %, as a reader sees it
    if 0.45 <= probability <= 0.55:
        return "roughly even chance"
    return next(words for bound, words in ICD203 if probability < bound)


@dataclass(frozen=True, slots=True)
class Contribution:
    """How far one evidence item moved one hypothesis.

    Attributes:
        evidence: The item.
        hypothesis: The hypothesis.
        without: The posterior the hypothesis would have without this item.
        shift: Posterior minus `without`: positive when the item raised it.
        counted: Whether it counts for this hypothesis (False when a stronger item of the
            same lineage counts instead).
    """

    evidence: str
    hypothesis: str
    without: float
    shift: float
    counted: bool


@dataclass(frozen=True, slots=True)
class Posterior:
    """Prior and posterior of one hypothesis.

    Attributes:
        hypothesis: Its id.
        prior: Its prior.
        posterior: Its posterior, given every counted item.
        words: The posterior in ICD 203 words.
    """

    hypothesis: str
    prior: float
    posterior: float
    words: str


@dataclass(frozen=True, slots=True)
class BayesResult:
    """Posteriors of one set, and what each item did.

    Attributes:
        set: The set's id.
        question: The set's question.
        posteriors: One per hypothesis, in the set's order; they add up to 1.
        contributions: One per (item, hypothesis), largest absolute shift first.
        uncounted: Items that count for no hypothesis, because stronger items of their
            lineage count instead.
    """

    set: str
    question: str
    posteriors: tuple[Posterior, ...]
    contributions: tuple[Contribution, ...]
    uncounted: tuple[str, ...]

    def _repr_html_(self) -> str:
        """The posteriors as a table, for Jupyter."""
        return html_table(
            self.question,
            ("hypothesis", "posterior", "in words", "prior"),
            (
                (p.hypothesis, f"{p.posterior:.0%}", p.words, f"{p.prior:.0%}")
                for p in self.posteriors
            ),
        )


def _log_likelihood(link: Link) -> float:
    spec = link.likelihood
    if isinstance(spec, Likelihood):
        return math.log(max(spec.if_true, 1e-12))
    if isinstance(spec, LikelihoodRatio):
        return math.log(spec.value)
    return math.log(DEFAULT_RATIOS[link.rating])


def _normalise(logs: Mapping[str, float]) -> dict[str, float]:
    top = max(logs.values())
    weights = {h: math.exp(v - top) for h, v in logs.items()}
    total = sum(weights.values())
    return {h: w / total for h, w in weights.items()}


def _clusters(items: list[str], lineage_of: Mapping[str, frozenset[str]]) -> list[list[str]]:
    """Items joined when their sources share a lineage group (union-find), in item order."""
    parent = {e: e for e in items}

    def find(e: str) -> str:
        while parent[e] != e:
            parent[e] = parent[parent[e]]
            e = parent[e]
        return e

    first_of: dict[str, str] = {}
    for e in items:
        for group in sorted(lineage_of.get(e, frozenset())):
            if group in first_of:
                parent[find(e)] = find(first_of[group])
            else:
                first_of[group] = e
    clusters: dict[str, list[str]] = {}
    for e in items:
        clusters.setdefault(find(e), []).append(e)
    return list(clusters.values())


def _lineage_weight(values: Mapping[str, float]) -> tuple[float, frozenset[str]]:
    """What one lineage adds to one hypothesis's log-odds, and which items carry it.

    The strongest item counts (largest absolute log-likelihood). Items tied for strongest
    count together as the mean of their *distinct* values, so equally strong items that
    point opposite ways cancel, the result does not depend on their order, and a copy of
    an item changes nothing.

    Examples:
        >>> _lineage_weight({"a": 1.4, "b": -0.7})
        (1.4, frozenset({'a'}))
        >>> _lineage_weight({"a": 0.7, "b": -0.7, "c": 0.7})[0]
        0.0
    """
    top = max((abs(v) for v in values.values()), default=0.0)
    if top == 0:  # nothing in this lineage bears on the hypothesis
        return 0.0, frozenset()
    chosen = {e: v for e, v in values.items() if abs(abs(v) - top) <= 1e-12}
    distinct = sorted({round(v, 12) for v in chosen.values()})
    return sum(distinct) / len(distinct), frozenset(chosen)


def posteriors(case: Case, hypothesis_set: str, *, lineage: Lineage | None = None) -> BayesResult:
    """Posteriors of a set's hypotheses given the case's evidence.

    Complexity: O(L + E·H) for L links, E items and H hypotheses (the
    leave-one-out contributions reuse the totals).

    Args:
        case: The case.
        hypothesis_set: Id of the set.
        lineage: The lineage to count by (default: the case's declared lineage).

    Raises:
        scenarios.errors.UnknownIdError: No hypothesis set has that id.
        ValueError: The set gives priors for some of its hypotheses only.
    """
    group = case.get(hypothesis_set, HypothesisSet)
    hypotheses = tuple(dict.fromkeys(group.hypotheses))
    missing = group.missing_priors
    if missing:
        raise ValueError(
            f"set {group.id!r} gives priors for some hypotheses but not "
            f"{', '.join(missing)} (check H003): give all or none"
        )
    priors = (
        {h: group.priors[h] for h in hypotheses}
        if group.priors
        else dict.fromkeys(hypotheses, 1 / len(hypotheses))
    )
    rows: dict[str, dict[str, float]] = {}
    for h in hypotheses:
        for link in case.links_of(h):
            rows.setdefault(link.evidence, dict.fromkeys(hypotheses, 0.0))[h] = _log_likelihood(
                link
            )
    order = {e.id: i for i, e in enumerate(case.evidence)}
    items = sorted(rows, key=order.__getitem__)
    groups = (lineage or Lineage.of(case)).evidence_groups(case)
    clusters = _clusters(items, groups)
    cluster_of = {e: k for k, members in enumerate(clusters) for e in members}
    weight = {
        (k, h): _lineage_weight({e: rows[e][h] for e in members})
        for k, members in enumerate(clusters)
        for h in hypotheses
    }
    floor = 1e-300  # a zero prior stays zero without log(0)
    totals = {h: math.log(max(priors[h], floor)) for h in hypotheses}
    for (_, h), (value, _) in weight.items():
        totals[h] += value
    final = _normalise(totals)
    contributions = []
    for e in items:
        k = cluster_of[e]
        without_logs = {}
        for h in hypotheses:
            value, carriers = weight[(k, h)]
            if e not in carriers:
                without_logs[h] = totals[h]
            else:  # what the rest of its lineage would add without it
                rest = {o: rows[o][h] for o in clusters[k] if o != e}
                without_logs[h] = totals[h] - value + _lineage_weight(rest)[0]
        without = _normalise(without_logs)
        contributions += [
            Contribution(e, h, without[h], final[h] - without[h], e in weight[(k, h)][1])
            for h in hypotheses
        ]
    contributions.sort(key=lambda c: (-abs(c.shift), order[c.evidence], c.hypothesis))
    uncounted = [
        e for e in items if all(e not in weight[(cluster_of[e], h)][1] for h in hypotheses)
    ]
    return BayesResult(
        group.id,
        group.question,
        tuple(
            Posterior(h, priors[h], final[h], icd203_words(min(1.0, final[h]))) for h in hypotheses
        ),
        tuple(contributions),
        tuple(uncounted),
    )
