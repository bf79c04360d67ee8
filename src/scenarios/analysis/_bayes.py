"""Bayesian judgements: posteriors of competing hypotheses, with their confidence.

The model (documented with its reasons in ``docs/bayes.md``):

* **A rating is a likelihood.** A link's ACH rating is how likely the *observation*
  (what the item reports) is under the hypothesis, relative to a neutral item: a factor
  of 2 per step (`DEFAULT_RATIOS`). Relevance weighs it as an exponent (`GradeModel`).
  An explicit ``likelihood`` on a link overrides the rating. An item with no link to a
  hypothesis of the set is neutral towards it. The item's vector over the set counts once.
* **A report is only as good as its source.** An item reflects reality with probability
  ``c`` (its information credibility, 1-6); otherwise it says nothing about the
  hypotheses and is as likely under each: ``P(item | h) = c l(h) + (1 - c) lbar``,
  with ``lbar`` the item's likelihood averaged over the prior.
* **One source, one truthfulness.** A lineage (a source and its copies) is truthful with
  probability ``r`` (the reliability letter of its original, A-F), once for all its
  items: ``P(items of L | h) = r prod P(item | h) + (1 - r) prod lbar``. So evidence for and
  against from one source is heard, and one source can never move an estimate further
  than its reliability allows. Copies of one report (items of one lineage rated the same,
  quoted from different sources of it) count once.
* **Open sets keep an "other".** A set not marked exhaustive gets an ``(other)``
  hypothesis for the alternatives nobody named, with its own prior; each item is as
  likely under it as under the named hypotheses on average (it cannot be rated), so
  evidence tells the named ones apart but no named hypothesis takes the unnamed share.

Beside each posterior stands its **confidence**: the independent lineages behind it,
their best grade, the range the posterior moves through when any one link is re-rated a
step either way, and an ICD 203 confidence level from those (`confidence_level`). A set
whose evidence leaves every posterior near its prior "cannot assess".

References:
    Office of the Director of National Intelligence (2015). *Intelligence Community
    Directive 203: Analytic Standards*.
    Good, I. J. (1950). *Probability and the Weighing of Evidence*.
    Schum, D. A. (1994). *The Evidential Foundations of Probabilistic Reasoning*
    (credibility of a report as a mixture of a true and an uninformative report).

Examples:
    >>> from scenarios import CaseBuilder, Evidence, Hypothesis, HypothesisSet, Quote, Source
    >>> b = CaseBuilder(title="t")
    >>> b.add(Source(id="s", title="S", reliability="A"), Hypothesis(id="a", statement="A."),
    ...       Hypothesis(id="b", statement="B."),
    ...       HypothesisSet(id="q", question="Which?", hypotheses=("a", "b"), exhaustive=True),
    ...       Evidence(id="e", claim="c", quotes=(Quote(source="s", text="q"),), credibility=1))
    >>> b.link("e", "a", "CC")
    >>> result = posteriors(b.build(), "q")
    >>> [(p.hypothesis, round(p.posterior, 2), p.words) for p in result.posteriors]
    [('a', 0.77, 'likely'), ('b', 0.23, 'unlikely')]
    >>> result.posteriors[0].judgement
    'likely, low confidence (one lineage)'
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any, Final, Literal, TypeAlias

from scenarios._escape import html_table
from scenarios.analysis._ach import size_refusal
from scenarios.errors import AnalysisError, OptionError
from scenarios.model import Case, Evidence, HypothesisSet, Likelihood, LikelihoodRatio, Link, Source
from scenarios.provenance import Lineage
from scenarios.types import Rating, freeze_mappings, json_data

__all__ = [
    "CANNOT_ASSESS",
    "DEFAULT_GRADES",
    "DEFAULT_RATIOS",
    "ICD203",
    "OTHER",
    "BayesResult",
    "Confidence",
    "Contribution",
    "GradeModel",
    "Posterior",
    "all_posteriors",
    "confidence_level",
    "icd203_words",
    "posteriors",
    "refusal",
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

_SCALE: Final[tuple[Rating, ...]] = ("II", "I", "N", "C", "CC")

OTHER: Final = "(other)"
"""The id under which an open set's unnamed alternatives appear (no case id can be it)."""

CANNOT_ASSESS: Final = "cannot assess"
"""The words for a set whose evidence does not move its posteriors from the priors."""

ConfidenceLevel: TypeAlias = Literal["low", "moderate", "high"]


@dataclass(frozen=True, slots=True)
class GradeModel:
    """How grades and relevance enter the posteriors (see ``docs/bayes.md`` for why).

    Attributes:
        reliability: Probability that a lineage reports truthfully, by the reliability
            letter of its original (A-F; F, "cannot be judged", counts as doubtful: 0.3).
        credibility: Probability that one item reflects reality, by its information
            credibility (1-6; 6, "cannot be judged", counts as doubtful: 0.3).
        relevance: Exponent on a rating's likelihood ratio, by the link's relevance.
        assessable: A set "cannot assess" when no posterior moves further than this
            from its prior.
    """

    reliability: Mapping[str, float] = field(
        default_factory=lambda: {"A": 0.95, "B": 0.8, "C": 0.6, "D": 0.4, "E": 0.2, "F": 0.3}
    )
    credibility: Mapping[int, float] = field(
        default_factory=lambda: {1: 0.95, 2: 0.8, 3: 0.6, 4: 0.35, 5: 0.15, 6: 0.3}
    )
    relevance: Mapping[str, float] = field(
        default_factory=lambda: {"low": 0.5, "medium": 1.0, "high": 1.5}
    )
    assessable: float = 0.05

    def __post_init__(self) -> None:
        freeze_mappings(self)
        for name, table in (("reliability", self.reliability), ("credibility", self.credibility)):
            bad = {k: v for k, v in table.items() if not 0 <= v <= 1}
            if bad:
                raise OptionError(f"GradeModel.{name}: probabilities must be in [0, 1], not {bad}")
        if any(v < 0 for v in self.relevance.values()):
            raise OptionError("GradeModel.relevance: exponents must not be negative")

    def to_json(self) -> dict[str, Any]:
        """The model as JSON data: its tables and threshold (credibility keys as text).

        Examples:
            >>> DEFAULT_GRADES.to_json()["relevance"]
            {'low': 0.5, 'medium': 1.0, 'high': 1.5}
        """
        data: dict[str, Any] = json_data(self)
        data["credibility"] = {str(k): v for k, v in self.credibility.items()}
        return data


DEFAULT_GRADES: Final = GradeModel()
"""The documented grade model."""

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
        raise OptionError(f"a probability is between 0 and 1, not {probability}")
    probability = round(probability, 9)  # 0.19999999999 is 20 %, as a reader sees it
    if 0.45 <= probability <= 0.55:
        return "roughly even chance"
    return next(words for bound, words in ICD203 if probability < bound)


def _band(probability: float) -> int:
    words = icd203_words(min(1.0, max(0.0, probability)))
    return next(i for i, (_, w) in enumerate(ICD203) if w == words)


@dataclass(frozen=True, slots=True)
class Confidence:
    """How far a posterior can be trusted.

    Attributes:
        level: ICD 203 confidence: low, moderate or high (`confidence_level`).
        lineages: Independent lineages with an item that bears on the hypothesis.
        good: How many of them are graded A-C with information credibility 1-3.
        best_grade: The best grade among them (``B2``), or None when there are none.
        low: The lowest posterior when any one link is re-rated a step either way.
        high: The highest such posterior.
        fragile: The single re-rating that moves it most (``item→hypothesis: C→CC``).
        reason: The rule that gave the level, in words.
    """

    level: ConfidenceLevel
    lineages: int
    good: int
    best_grade: str | None
    low: float
    high: float
    fragile: str | None
    reason: str


def confidence_level(
    lineages: int, good: int, low: float, high: float
) -> tuple[ConfidenceLevel, str]:
    """The ICD 203 confidence level, and why, from the documented rules.

    * **high**: three or more independent lineages, two of them well graded (A-C, 1-3),
      and no single one-step re-rating moves the posterior out of its likelihood band;
    * **moderate**: two or more lineages, one well graded, and re-ratings keep it within
      two adjacent bands;
    * **low**: anything less (one lineage, poorly graded sources, or a fragile estimate).

    Examples:
        >>> confidence_level(3, 2, 0.82, 0.9)
        ('high', 'three or more independent lineages, well graded, robust to re-rating')
        >>> confidence_level(2, 2, 0.82, 0.9)
        ('moderate', 'not high: fewer than three lineages')
        >>> confidence_level(1, 1, 0.8, 0.9)
        ('low', 'one lineage')
    """
    span = _band(high) - _band(low)
    if lineages == 0:
        return "low", "no evidence bears on it"
    if lineages >= 3 and good >= 2 and span == 0:
        return "high", "three or more independent lineages, well graded, robust to re-rating"
    if lineages >= 2 and good >= 1 and span <= 1:
        short = [
            *(["fewer than three lineages"] if lineages < 3 else []),
            *(["fewer than two well graded"] if good < 2 else []),
            *(["one re-rating moves it to the next band"] if span else []),
        ]
        return "moderate", f"not high: {', '.join(short)}"
    if lineages == 1:
        return "low", "one lineage"
    if good == 0:
        return "low", "no lineage graded A-C with credibility 1-3"
    return "low", "one re-rating moves it across more than one likelihood band"


@dataclass(frozen=True, slots=True)
class Contribution:
    """How far one evidence item moved one hypothesis.

    Attributes:
        evidence: The item.
        hypothesis: The hypothesis.
        without: The posterior the hypothesis would have without this item.
        shift: Posterior minus `without`: positive when the item raised it.
        counted: Whether it counts (False for a copy of an item of its lineage).
    """

    evidence: str
    hypothesis: str
    without: float
    shift: float
    counted: bool


@dataclass(frozen=True, slots=True)
class Posterior:
    """Prior, posterior and confidence of one hypothesis.

    Attributes:
        hypothesis: Its id (`OTHER` for an open set's unnamed alternatives).
        prior: Its prior.
        posterior: Its posterior, given every counted item.
        words: The posterior in ICD 203 words, or "cannot assess".
        confidence: How far it can be trusted.
    """

    hypothesis: str
    prior: float
    posterior: float
    words: str
    confidence: Confidence

    @property
    def judgement(self) -> str:
        """Likelihood range and confidence in words: 'likely to very likely, moderate confidence'.

        The range is the one-step re-rating range, named only where it crosses a band.
        """
        if self.words == CANNOT_ASSESS:
            return CANNOT_ASSESS
        c = self.confidence
        low, high = icd203_words(c.low), icd203_words(c.high)
        words = self.words if low == high else f"{low} to {high}"
        why = f" ({c.reason})" if c.level == "low" else ""
        return f"{words}, {c.level} confidence{why}"


@dataclass(frozen=True, slots=True)
class BayesResult:
    """Posteriors of one set, and what each item did.

    Attributes:
        set: The set's id.
        question: The set's question.
        posteriors: One per hypothesis, in the set's order, then `OTHER` for an open
            set; they add up to 1.
        contributions: One per (item, hypothesis), largest absolute shift first.
        uncounted: Items that count for nothing: copies of an item of their lineage.
        assessable: False when the evidence leaves every posterior near its prior.
    """

    set: str
    question: str
    posteriors: tuple[Posterior, ...]
    contributions: tuple[Contribution, ...]
    uncounted: tuple[str, ...]
    assessable: bool = True

    def of(self, hypothesis: str) -> Posterior:
        """The posterior of one hypothesis of the set (or of `OTHER`)."""
        return next(p for p in self.posteriors if p.hypothesis == hypothesis)

    def to_json(self) -> dict[str, Any]:
        """The result as JSON data (what ``scenarios bayes --format json`` prints per set).

        Every field, and ``judgements``: each posterior's judgement in words, by hypothesis.
        """
        return {
            **asdict(self),
            "judgements": {p.hypothesis: p.judgement for p in self.posteriors},
        }

    def _repr_html_(self) -> str:
        """The posteriors as a table, for Jupyter."""
        return html_table(
            self.question,
            ("hypothesis", "posterior", "judgement", "prior", "lineages", "best grade"),
            (
                (
                    p.hypothesis,
                    f"{p.posterior:.0%}",
                    p.judgement,
                    f"{p.prior:.0%}",
                    str(p.confidence.lineages),
                    p.confidence.best_grade or "",
                )
                for p in self.posteriors
            ),
        )


def _ratio_log(link: Link, grades: GradeModel) -> float:
    """The link's log likelihood ratio against a neutral item.

    A rating gives a ratio (x2 per step, relevance as an exponent); a `LikelihoodRatio`
    its value; a `Likelihood` the ratio if_true / if_false. A `Likelihood` with `if_true`
    alone is a probability, not a ratio: `_absolute` reads those.
    """
    spec = link.likelihood
    if isinstance(spec, Likelihood):
        if_false = spec.if_false if spec.if_false is not None else spec.if_true
        return math.log(max(spec.if_true, 1e-12) / max(if_false, 1e-12))
    if isinstance(spec, LikelihoodRatio):
        return math.log(spec.value)
    return math.log(DEFAULT_RATIOS[link.rating]) * grades.relevance.get(link.relevance, 1.0)


def _absolute(
    item: str, given: Mapping[str, float], ratios: Mapping[str, float], priors: Mapping[str, float]
) -> dict[str, float]:
    """Log ratios from P(E|H) given alone: each over their prior-weighted mean.

    Probabilities mean something only beside each other, so every link of the item into
    the set must give one; a hypothesis of the set the item has no link to is neutral.

    Raises:
        AnalysisError: Some links of the item give P(E|H) alone and others a rating or ratio.
    """
    if ratios:
        raise AnalysisError(
            f"evidence {item!r} gives P(E|H) alone (if_true) for {', '.join(sorted(given))} "
            f"but a rating or ratio for {', '.join(sorted(ratios))} in the same set",
            hint="give if_false too (a ratio), or if_true on every one of its links in the set",
        )
    mass = sum(priors[h] for h in given) or 1.0
    mean = sum(priors[h] * max(p, 1e-12) for h, p in given.items()) / mass
    return {h: math.log(max(p, 1e-12) / mean) for h, p in given.items()}


def refusal(group: HypothesisSet) -> AnalysisError | None:
    """The error `posteriors` raises for `group` rather than invent an answer, or None.

    The posteriors refuse what the checks call errors: a set of fewer than two
    hypotheses (H004: it would be "almost certain" whatever the evidence), and priors
    that are partial, all 0, or do not add up (H003, `HypothesisSet.prior_problem`).

    Examples:
        >>> one = HypothesisSet(id="q", question="?", hypotheses=("a",))
        >>> print(refusal(one).message)
        set 'q' has one hypothesis, so there is nothing to weigh it against (check H004)
    """
    refused = size_refusal(group)
    if refused is not None:
        return refused
    problem = group.prior_problem
    if problem is not None:
        return AnalysisError(
            f"set {group.id!r} {problem} (check H003)",
            hint="give priors to every hypothesis of the set that add up as the set says, "
            "or leave them all out for uniform priors",
        )
    return None


def _priors(group: HypothesisSet) -> dict[str, float]:
    hypotheses = tuple(dict.fromkeys(group.hypotheses))
    refused = refusal(group)
    if refused is not None:
        raise refused
    named = (
        {h: group.priors[h] for h in hypotheses} if group.priors else dict.fromkeys(hypotheses, 1.0)
    )
    total = sum(named.values())
    if group.exhaustive:
        return {h: v / total for h, v in named.items()}
    other = group.other_prior if group.other_prior is not None else 1 / (len(hypotheses) + 1)
    out = {h: (1 - other) * v / total for h, v in named.items()}
    out[OTHER] = other
    return out


def _logaddexp(a: float, b: float) -> float:
    if a == -math.inf:
        return b
    if b == -math.inf:
        return a
    top = max(a, b)
    return top + math.log(math.exp(a - top) + math.exp(b - top))


@dataclass(frozen=True)
class _Row:
    """One item linked into the set."""

    evidence: str
    lineage: str
    source: str
    credibility: int
    logs: dict[str, float]  # log likelihood ratio by hypothesis (absent: neutral)
    rated: dict[str, tuple[Rating, float]]  # re-ratable links: hypothesis -> (rating, exponent)


class _Update:
    """The terms of one set's update, kept so that one item can change in O(H).

    Leave-one-out contributions and one-step re-ratings each change one item.
    Vectors are lists in the order of `hyps` (speed: this is the inner loop).

    For item i: f_i(h) = c_i l_i(h) + (1 - c_i) lbar_i, lbar_i = sum_h prior(h) l_i(h).
    For lineage L: term_L(h) = log(r_L prod f_i(h) + (1 - r_L) prod lbar_i).
    """

    def __init__(
        self,
        priors: Mapping[str, float],
        rows: list[_Row],
        r_of: Mapping[str, float],
        grades: GradeModel,
    ) -> None:
        self.hyps = tuple(priors)
        self.index = {h: i for i, h in enumerate(self.hyps)}
        self.p = [priors[h] for h in self.hyps]
        self.other = self.index.get(OTHER, -1)
        self.named = [i for i, h in enumerate(self.hyps) if h != OTHER]
        self.named_mass = sum(self.p[i] for i in self.named) or 1.0
        self.grades = grades
        self.r_of = {g: (_log(r), _log(1 - r)) for g, r in r_of.items()}
        self.item: dict[str, tuple[list[float], float]] = {}
        self.ell: dict[str, list[float]] = {}
        self.sum_f: dict[str, list[float]] = {}
        self.sum_bar: dict[str, float] = defaultdict(float)
        for row in rows:
            self.ell[row.evidence] = ell = self.likelihoods(row.logs)
            f, bar = self.item[row.evidence] = self.terms(ell, row.credibility)
            acc = self.sum_f.setdefault(row.lineage, [0.0] * len(self.hyps))
            for i, value in enumerate(f):
                acc[i] += value
            self.sum_bar[row.lineage] += bar
        self.lineage_terms = {g: self.term(g, self.sum_f[g], self.sum_bar[g]) for g in self.sum_f}
        self.totals = [math.log(p) if p > 0 else -700.0 for p in self.p]
        for t in self.lineage_terms.values():
            for i, value in enumerate(t):
                self.totals[i] += value
        self.final_list = _normalise_list(self.totals)
        self.final = dict(zip(self.hyps, self.final_list, strict=True))

    def likelihoods(self, logs: Mapping[str, float]) -> list[float]:
        """l(h) of one item; under `OTHER`, the named hypotheses' prior-weighted mean."""
        ell = [math.exp(logs.get(h, 0.0)) for h in self.hyps]
        self.fill_other(ell)
        return ell

    def fill_other(self, ell: list[float]) -> None:
        if self.other >= 0:  # the unnamed alternatives explain it as the named do, on average
            p = self.p
            ell[self.other] = sum(p[i] * ell[i] for i in self.named) / self.named_mass

    def terms(self, ell: list[float], credibility: int) -> tuple[list[float], float]:
        """(log f(h) by hypothesis, log lbar) of one item."""
        c = self.grades.credibility[credibility]
        bar = sum(p * e for p, e in zip(self.p, ell, strict=True))
        rest = (1 - c) * bar
        return [_log(c * e + rest) for e in ell], _log(bar)

    def term(self, g: str, sum_f: list[float], sum_bar: float) -> list[float]:
        """log(r prod f(h) + (1 - r) prod lbar) by hypothesis, for lineage `g`."""
        lr, lnr = self.r_of[g]
        b = lnr + sum_bar
        return [_logaddexp(lr + a, b) for a in sum_f]

    def changed(self, row: _Row, ell: list[float] | None) -> list[float]:
        """The posteriors with `row`'s item re-rated to `ell`, or left out if None; O(H).

        Written out in one loop: this runs once per link and direction.
        """
        g = row.lineage
        old_f, old_bar = self.item[row.evidence]
        sums = self.sum_f[g]
        lr, lnr = self.r_of[g]
        log, exp = math.log, math.exp
        if ell is None:
            b = lnr + self.sum_bar[g] - old_bar
            c = 0.0
        else:
            c = self.grades.credibility[row.credibility]
            bar = sum(p * e for p, e in zip(self.p, ell, strict=True))
            b = lnr + self.sum_bar[g] - old_bar + _log(bar)
            rest = (1 - c) * bar
        logs = []
        for k, (total, old, a, f0) in enumerate(
            zip(self.totals, self.lineage_terms[g], sums, old_f, strict=True)
        ):
            x = lr + a - f0 + (_log(c * ell[k] + rest) if ell is not None else 0.0)
            if x == -math.inf or b == -math.inf:
                new = max(x, b)
            elif x > b:
                new = x + log(1.0 + exp(b - x))
            else:
                new = b + log(1.0 + exp(x - b))
            logs.append(total - old + new)
        top = max(logs)
        weights = [exp(v - top) for v in logs]
        norm = sum(weights)
        return [w / norm for w in weights]


def _normalise_list(logs: list[float]) -> list[float]:
    top = max(logs)
    weights = [math.exp(v - top) for v in logs]
    total = sum(weights)
    return [w / total for w in weights]


def _log(x: float) -> float:
    return math.log(x) if x > 0 else -math.inf


class _Facts:
    """What every set of one case shares, found once: O(evidence + sources)."""

    def __init__(self, case: Case, lineage: Lineage, reliability: Mapping[str, float]) -> None:
        self.lineage = lineage
        self.order = {e.id: i for i, e in enumerate(case.evidence)}
        self.rank = {s.id: (bool(s.derived_from), i) for i, s in enumerate(case.sources)}
        # A lineage is as reliable as its original: a copy, however well graded, only
        # repeats it. Among several originals, the most reliable (by r, not by letter).
        self.letters: dict[str, str] = {}
        for source in case.sources:
            if lineage.parents.get(source.id):
                continue
            g = lineage.groups.get(source.id, source.id)
            best = self.letters.get(g)
            if best is None or reliability[source.grade] > reliability[best]:
                self.letters[g] = source.grade


def _rows(
    case: Case,
    named: list[str],
    priors: Mapping[str, float],
    facts: _Facts,
    grades: GradeModel,
) -> list[_Row]:
    """One row per item linked into the set, in file order.

    An item belongs to the lineage of its best-graded source.
    """
    lineage, order = facts.lineage, facts.order
    logs: dict[str, dict[str, float]] = {}
    given: dict[str, dict[str, float]] = {}
    rated: dict[str, dict[str, tuple[Rating, float]]] = {}
    for h in named:
        for link in case.links_of(h):
            logs.setdefault(link.evidence, {})
            spec = link.likelihood
            if isinstance(spec, Likelihood) and spec.if_false is None:
                given.setdefault(link.evidence, {})[h] = spec.if_true
            else:
                logs[link.evidence][h] = _ratio_log(link, grades)
            if link.likelihood is None and link.rating in _SCALE:
                exponent = grades.relevance.get(link.relevance, 1.0)
                rated.setdefault(link.evidence, {})[h] = (link.rating, exponent)
    for e, probabilities in given.items():
        logs[e] = _absolute(e, probabilities, logs[e], priors)
    for e in sorted(logs.keys() - order.keys()):  # a dangling link of an unchecked case
        case.get(e, Evidence)  # raises UnknownIdError, with the closest id
    rows = []
    for e in sorted(logs, key=order.__getitem__):
        item = case.get(e, Evidence)
        known = [case.get(s, Source) for s in dict.fromkeys(item.sources) if s in case]
        best = min(known, key=lambda s: (s.grade, s.id), default=None)
        source = best.id if best else ""
        group = lineage.groups.get(source, source)
        rows.append(_Row(e, group, source, item.credibility, logs[e], rated.get(e, {})))
    return rows


def _copies(rows: list[_Row], named: list[str], rank: Mapping[str, tuple[bool, int]]) -> set[str]:
    """Items that retell another item of their lineage.

    Within a lineage, a rating vector counts as often as the one source of the lineage
    that gives it most often: a copy's retelling adds nothing, its own news counts.
    On a tie the original's items count (a source with no parent, then file order).
    """
    by_vector: dict[tuple[str, tuple[float, ...]], dict[str, list[str]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for row in rows:
        key = (row.lineage, tuple(round(row.logs.get(h, 0.0), 9) for h in named))
        by_vector[key][row.source].append(row.evidence)
    copies: set[str] = set()
    for per_source in by_vector.values():
        keep = min(per_source, key=lambda s: (-len(per_source[s]), rank.get(s, (True, 0))))
        for source, members in per_source.items():
            if source != keep:
                copies.update(members)
    return copies


_NEIGHBOURS: Final[Mapping[Rating, tuple[Rating, ...]]] = {
    r: tuple(_SCALE[j] for j in (i - 1, i + 1) if 0 <= j < len(_SCALE))
    for i, r in enumerate(_SCALE)
}
"""The ratings one step either way of each rating on the scale."""


def _ranges(
    update: _Update, rows: list[_Row]
) -> tuple[dict[str, float], dict[str, float], dict[str, str]]:
    """Lowest and highest posteriors under any single one-step re-rating.

    Also the most fragile re-rating of each hypothesis: the one that moves it furthest,
    which is the one that gives its lowest or its highest value. The loop is written out
    (a re-rating per link and direction is the inner loop of the confidence statement):
    per row, what does not change is found once.
    """
    log, exp = math.log, math.exp
    final = update.final_list
    n = len(final)
    low, high = list(final), list(final)
    at_low: list[tuple[str, str, str, str] | None] = [None] * n
    at_high: list[tuple[str, str, str, str] | None] = [None] * n
    p, other, named_mass = update.p, update.other, update.named_mass
    p_other = p[other] if other >= 0 else 0.0
    spread = 1.0 + p_other / named_mass if other >= 0 else 1.0
    for row in rows:
        if not row.rated:
            continue
        g = row.lineage
        base = update.ell[row.evidence]
        old_f, old_bar = update.item[row.evidence]
        lr, lnr = update.r_of[g]
        c = update.grades.credibility[row.credibility]
        bar0 = exp(old_bar)
        b0 = lnr + update.sum_bar[g] - old_bar
        old_term = update.lineage_terms[g]
        rest_totals = [t - o for t, o in zip(update.totals, old_term, strict=True)]
        sums = [lr + a - f0 for a, f0 in zip(update.sum_f[g], old_f, strict=True)]
        scaled = [c * e for e in base]
        for h, (rating, exponent) in row.rated.items():
            i = update.index[h]
            for new in _NEIGHBOURS[rating]:
                ell_i = DEFAULT_RATIOS[new] ** exponent
                shift = ell_i - base[i]
                bar = bar0 + p[i] * shift * spread
                if bar <= 0:
                    continue
                b = b0 + log(bar)
                rest = (1 - c) * bar
                ce = list(scaled)
                ce[i] = c * ell_i
                if other >= 0:
                    ce[other] = c * (base[other] + p[i] * shift / named_mass)
                logs = []
                for k in range(n):
                    x = sums[k] + log(ce[k] + rest)
                    logs.append(
                        rest_totals[k]
                        + (x + log(1.0 + exp(b - x)) if x > b else b + log(1.0 + exp(x - b)))
                    )
                top = max(logs)
                weights = [exp(v - top) for v in logs]
                norm = sum(weights)
                for k in range(n):
                    value = weights[k] / norm
                    if value < low[k]:
                        low[k] = value
                        at_low[k] = (row.evidence, h, rating, new)
                    elif value > high[k]:
                        high[k] = value
                        at_high[k] = (row.evidence, h, rating, new)
    hyps = update.hyps
    return (
        dict(zip(hyps, low, strict=True)),
        dict(zip(hyps, high, strict=True)),
        _fragile(hyps, final, (low, at_low), (high, at_high)),
    )


_Extreme = tuple[list[float], list[tuple[str, str, str, str] | None]]


def _fragile(
    hyps: tuple[str, ...], final: list[float], lows: _Extreme, highs: _Extreme
) -> dict[str, str]:
    """The re-rating that moves each hypothesis furthest, in words (``e→h: C→CC``)."""
    (low, at_low), (high, at_high) = lows, highs
    fragile = {}
    for k, hypothesis in enumerate(hyps):
        down, up = final[k] - low[k], high[k] - final[k]
        found = at_low[k] if down >= up else at_high[k]
        if found is not None and max(down, up) > 1e-12:
            e, h, old, new = found
            fragile[hypothesis] = f"{e}→{h}: {old}→{new}"
    return fragile


def posteriors(
    case: Case,
    hypothesis_set: str,
    *,
    lineage: Lineage | None = None,
    grades: GradeModel = DEFAULT_GRADES,
) -> BayesResult:
    """Posteriors of a set's hypotheses given the case's evidence, with their confidence.

    Complexity: O(L·H) for the L links into the set and H hypotheses: each item, and
    each one-step re-rating, changes one lineage's term, recomputed in O(H). The lineage
    and the per-case lookups, O(sources + evidence), are built on the first call and kept
    with the case (unless `lineage` is given).

    Args:
        case: The case.
        hypothesis_set: Id of the set.
        lineage: The lineage to count by (default: the case's declared lineage).
        grades: How grades and relevance weigh (default `DEFAULT_GRADES`).

    Raises:
        scenarios.errors.UnknownIdError: No hypothesis set has that id (a hypothesis
            named instead is said so, with its sets), or a link into the set names an
            item the case does not hold (an unchecked case).
        scenarios.errors.AnalysisError: The set cannot be weighed (`refusal`): one
            hypothesis, or priors that are partial, all 0, or do not add up.
    """
    group = case.get(hypothesis_set, HypothesisSet)
    return _posteriors(case, group, _facts(case, lineage, grades), grades)


def _facts(case: Case, lineage: Lineage | None, grades: GradeModel) -> _Facts:
    """The per-case lookups, kept with the case for its declared lineage and default grades."""
    if lineage is not None or grades is not DEFAULT_GRADES:
        return _Facts(case, lineage or Lineage.of(case), grades.reliability)
    return case.memo(
        "bayes.facts", lambda: _Facts(case, Lineage.of(case), DEFAULT_GRADES.reliability)
    )


def _posteriors(case: Case, group: HypothesisSet, facts: _Facts, grades: GradeModel) -> BayesResult:
    priors = _priors(group)
    named = [h for h in priors if h != OTHER]
    rows = _rows(case, named, priors, facts, grades)
    copies = _copies(rows, named, facts.rank)
    counted = [row for row in rows if row.evidence not in copies]
    letters = facts.letters
    r_of = {row.lineage: grades.reliability[letters.get(row.lineage, "F")] for row in counted}
    update = _Update(priors, counted, r_of, grades)
    final = update.final

    contributions = []
    for row in rows:
        counts = row.evidence not in copies
        without = update.changed(row, None) if counts else update.final_list
        contributions += [
            Contribution(row.evidence, h, w, final[h] - w, counts)
            for h, w in zip(update.hyps, without, strict=True)
        ]
    order = facts.order
    contributions.sort(key=lambda c: (-abs(c.shift), order[c.evidence], c.hypothesis))

    low, high, fragile = _ranges(update, counted)
    assessable = any(abs(final[h] - priors[h]) >= grades.assessable for h in update.hyps)
    behind: dict[str, dict[str, tuple[str, int]]] = {h: {} for h in update.hyps}
    for row in counted:
        for h, value in row.logs.items():
            if abs(value) > 1e-12:  # the item bears on h
                grade = (letters.get(row.lineage, "F"), row.credibility)
                behind[h][row.lineage] = min(behind[h].get(row.lineage, grade), grade)
    result = []
    for h in update.hyps:
        grades_behind = behind[h].values()
        good = sum(1 for letter, cred in grades_behind if letter <= "C" and cred <= 3)
        best = min(grades_behind, default=None)
        level, reason = confidence_level(len(grades_behind), good, low[h], high[h])
        if h == OTHER:
            reason = "the alternatives nobody named: nothing can be rated against them"
        if not assessable:
            level, reason = "low", "the evidence does not move it from its prior"
        words = icd203_words(min(1.0, final[h])) if assessable else CANNOT_ASSESS
        confidence = Confidence(
            level,
            len(grades_behind),
            good,
            f"{best[0]}{best[1]}" if best else None,
            low[h],
            high[h],
            fragile.get(h),
            reason,
        )
        result.append(Posterior(h, priors[h], final[h], words, confidence))
    return BayesResult(
        group.id,
        group.question,
        tuple(result),
        tuple(contributions),
        tuple(row.evidence for row in rows if row.evidence in copies),
        assessable,
    )


def all_posteriors(
    case: Case, *, lineage: Lineage | None = None, grades: GradeModel = DEFAULT_GRADES
) -> dict[str, BayesResult]:
    """Posteriors of every set, by set id, with the lineage built once.

    Sets the posteriors refuse (`refusal`: partial or inconsistent priors, one
    hypothesis) are left out.

    Complexity: O(S + L·H) for S sources and L links.
    """
    facts = _facts(case, lineage, grades)
    return {
        group.id: _posteriors(case, group, facts, grades)
        for group in case.hypothesis_sets
        if refusal(group) is None
    }
