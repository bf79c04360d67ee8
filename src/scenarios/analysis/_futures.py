"""Scenario probabilities, updated by what the indicators show, and the watch list.

**Prior probability.** A scenario's probability is the one it gives, or else it
follows from the posteriors of the hypotheses it assumes (`scenarios.analysis._bayes`):
within an exclusive set, taking ``h`` as true has probability ``P(h)``, and taking
only some hypotheses as false has ``1 - sum P(h)``, and the reason names the rivals
that negation holds, with their shares (an open set's unnamed ``(other)`` among them);
in a set that is not exclusive, each assumption counts on its own. Assumptions on
different sets multiply only when the case states that its sets are independent
(``meta.independent_sets``): otherwise the scenario's probability is unknown and the
reason gives the product as a what-if. A
hypothesis in no set, or in a set the posteriors refuse (partial or inconsistent
priors, `scenarios.analysis.refusal`), has no posterior, so such a
scenario has no probability unless it gives one (the reason says so). A scenario that
takes two hypotheses of one exclusive set as true is an error (check C001).

**Exclusive scenarios.** Two scenarios exclude each other when one takes a hypothesis
as true that the other takes as false, when they take different hypotheses of one
exclusive set as true, or when they put one driver in different states. When every
pair excludes each other, the scenarios are updated jointly: what their probabilities
leave over (``remainder``, the futures no scenario names) is carried along, expecting
each indicator as the named scenarios do on average, so an indicator tells only
between the named ones. When some overlap, each scenario is updated against the
others on its own (its complement expects what the others expect, on average,
weighted by their probabilities): an approximation, flagged by ``exclusive=False``.
A lone scenario is not moved by indicators: nothing says what its alternatives expect.

**Indicators.** A scenario expects an indicator ``likely`` (it fires with probability
0.8), ``neutral`` (0.5), ``unlikely`` (0.2), or with a given probability; an
indicator silent about a scenario is neutral towards it. Each observation, in date
order, multiplies a scenario's odds by P(what was seen | scenario): the probability
that it fires when it fired, one minus that when it was looked for and absent. An
indicator every scenario expects alike changes nothing.

**Watch list.** Indicators not yet seen, ranked by how well seeing them would tell the
scenarios apart: the mutual information between the indicator and the scenario, in
bits, under the current probabilities (0 when every scenario expects it alike).

References:
    Heuer, R. J. and Pherson, R. H. (2015). *Structured Analytic Techniques for
    Intelligence Analysis*, 2nd ed., ch. 6 (scenarios and indicators).

Examples:
    >>> from scenarios import Case, CaseMeta, Indicator, Observation, Scenario
    >>> case = Case(
    ...     meta=CaseMeta(title="t"),
    ...     scenarios=(Scenario(id="calm", name="Calm", probability=0.5),
    ...                Scenario(id="storm", name="Storm", probability=0.5)),
    ...     indicators=(Indicator(id="rockets", name="Rocket attacks",
    ...                           expectations={"calm": "unlikely", "storm": "likely"},
    ...                           observations=(Observation(date="2021-04"),)),),
    ... )
    >>> result = futures(case)
    >>> [(s.scenario, round(s.probability, 2), s.words) for s in result.scenarios]
    [('calm', 0.2, 'unlikely'), ('storm', 0.8, 'very likely')]
    >>> result.exclusive, [w.indicator for w in result.fired]
    (False, ['rockets'])
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Final, Literal

from scenarios._escape import html_table
from scenarios.analysis._bayes import BayesResult, icd203_words, posteriors, refusal
from scenarios.errors import AnalysisError
from scenarios.model import Case, HypothesisSet, Indicator, Observation, Scenario
from scenarios.provenance import Lineage
from scenarios.types import Expectation, date_bounds, freeze_mappings, json_data

__all__ = [
    "EXPECTATION_PROBABILITIES",
    "FuturesResult",
    "ScenarioProbability",
    "Step",
    "WatchItem",
    "expectation_probability",
    "futures",
    "percent",
    "scenarios_exclude",
]

EXPECTATION_PROBABILITIES: Final[Mapping[Expectation, float]] = {
    "likely": 0.8,
    "neutral": 0.5,
    "unlikely": 0.2,
}
"""Probability that an indicator fires, by what a scenario expects of it in words."""

Basis = Literal["given", "hypotheses", "unknown"]


@dataclass(frozen=True, slots=True)
class ScenarioProbability:
    """One scenario's probability, before and after the indicators.

    Attributes:
        scenario: Its id.
        name: Its name.
        basis: ``given`` (the scenario's own), ``hypotheses`` (derived from the
            posteriors) or ``unknown``.
        reason: How the prior was found, or why it could not be.
        prior: Before any indicator was observed (None when unknown).
        probability: After every observation (None when unknown).
        words: `probability` in ICD 203 words.
    """

    scenario: str
    name: str
    basis: Basis
    reason: str
    prior: float | None
    probability: float | None
    words: str | None


@dataclass(frozen=True, slots=True)
class Step:
    """One observation and the probabilities after it.

    Attributes:
        indicator: The indicator observed.
        date: When.
        observed: Whether it fired (or was looked for and absent).
        evidence: Evidence items of the observation.
        probabilities: Each scenario's probability after this step, by id.
    """

    indicator: str
    date: str
    observed: bool
    evidence: tuple[str, ...]
    probabilities: Mapping[str, float]

    def __post_init__(self) -> None:
        freeze_mappings(self)


@dataclass(frozen=True, slots=True)
class WatchItem:
    """An indicator on the watch list, or one that has fired.

    Attributes:
        indicator: Its id.
        name: What to watch for.
        diagnosticity: Mutual information between it and the scenarios, in bits.
        if_seen: The scenario that expects it most (seeing it favours it), or None
            when all expect it alike.
        if_absent: The scenario that expects it least.
        fired: Whether it has been seen.
        last_seen: Date of the latest observation in which it fired.
    """

    indicator: str
    name: str
    diagnosticity: float
    if_seen: str | None
    if_absent: str | None
    fired: bool
    last_seen: str | None


@dataclass(frozen=True, slots=True)
class FuturesResult:
    """The scenarios with their probabilities, the steps that moved them, and the watch list.

    Attributes:
        scenarios: In case order.
        exclusive: Whether every pair of scenarios excludes each other (see module doc).
        remainder: When exclusive and every scenario's probability is known, the
            probability of futures no scenario names, after the observations; None
            (unknown) otherwise.
        steps: The observations in date order, with the probabilities after each.
        watch_list: Indicators not yet seen, most diagnostic first.
        fired: Indicators seen, latest first.
    """

    scenarios: tuple[ScenarioProbability, ...]
    exclusive: bool
    remainder: float | None
    steps: tuple[Step, ...]
    watch_list: tuple[WatchItem, ...]
    fired: tuple[WatchItem, ...]

    def to_json(self) -> dict[str, Any]:
        """The result as JSON data (what ``scenarios futures --format json`` prints)."""
        data: dict[str, Any] = json_data(self)
        return data

    def _repr_html_(self) -> str:
        """The scenarios as an HTML table, for Jupyter."""
        return html_table(
            "Scenarios" if self.exclusive else "Scenarios (overlapping)",
            ("Scenario", "Prior", "Now", "ICD 203"),
            [
                (s.name, percent(s.prior), percent(s.probability), s.words or "unknown")
                for s in self.scenarios
            ],
        )


def percent(value: float | None) -> str:
    """A probability as a whole percentage, or ``unknown``.

    Examples:
        >>> percent(0.164), percent(None)
        ('16%', 'unknown')
    """
    return "unknown" if value is None else f"{value:.0%}"


def expectation_probability(value: Expectation | float) -> float:
    """The probability that an indicator fires, from an expectation word or number.

    Examples:
        >>> expectation_probability("likely"), expectation_probability(0.3)
        (0.8, 0.3)
    """
    return EXPECTATION_PROBABILITIES[value] if isinstance(value, str) else value


def scenarios_exclude(case: Case, first: Scenario, second: Scenario) -> bool:
    """Whether two scenarios cannot both come true (see the module doc).

    Complexity: O(assumptions + drivers of the two).
    """
    for h, value in first.assumes.items():
        if second.assumes.get(h, value) != value:
            return True

    def exclusive(h: str) -> Iterator[str]:
        return (group.id for group in case.sets_of(h) if group.exclusive)

    true_in = {s: h for h, v in first.assumes.items() if v for s in exclusive(h)}
    for h, value in second.assumes.items():
        if value and any(true_in.get(s, h) != h for s in exclusive(h)):
            return True
    return any(second.drivers.get(d, state) != state for d, state in first.drivers.items())


class _Posteriors:
    """Posteriors of each set, computed once, on demand."""

    def __init__(
        self, case: Case, lineage: Lineage, results: Mapping[str, BayesResult] | None = None
    ) -> None:
        self.case = case
        self.lineage = lineage
        self._results: dict[str, dict[str, float]] = {
            k: {p.hypothesis: p.posterior for p in r.posteriors} for k, r in (results or {}).items()
        }

    def of_set(self, group: HypothesisSet) -> dict[str, float]:
        if group.id not in self._results:
            result: BayesResult = posteriors(self.case, group.id, lineage=self.lineage)
            self._results[group.id] = {p.hypothesis: p.posterior for p in result.posteriors}
        return self._results[group.id]


def _derived(scenario: Scenario, found: _Posteriors) -> tuple[Basis, str, float | None]:
    """The prior of a scenario that gives none, from its hypotheses."""
    if scenario.probability is not None:
        return "given", "given", scenario.probability
    if not scenario.assumes:
        return "unknown", "it assumes no hypothesis and gives no probability", None
    by_set: dict[str, list[tuple[str, bool]]] = {}
    for h, value in scenario.assumes.items():
        home = found.case.sets_of(h)
        if not home:
            return "unknown", f"{h} is in no hypothesis set, so it has no posterior", None
        group = home[0]
        refused = refusal(group)
        if refused is not None:
            return "unknown", refused.message, None
        by_set.setdefault(group.id, []).append((h, value))
    probability = 1.0
    terms = []
    parts = []
    for set_id, assumed in by_set.items():
        group = found.case.get(set_id, HypothesisSet)
        post = found.of_set(group)
        true = [h for h, v in assumed if v]
        if group.exclusive and len(true) > 1:
            raise AnalysisError(
                f"scenario {scenario.id!r} takes {' and '.join(true)} as true, which exclude "
                f"each other in set {set_id!r} (check C001)",
                hint="a scenario takes at most one hypothesis of an exclusive set as true",
            )
        if group.exclusive and true:
            probability *= post[true[0]]
            terms.append(f"P({true[0]})")
        elif group.exclusive:
            negation = max(0.0, 1.0 - sum(post[h] for h, _ in assumed))
            probability *= negation
            rivals = sorted(
                ((h, p) for h, p in post.items() if h not in scenario.assumes),
                key=lambda hp: -hp[1],
            )
            held = ", ".join(f"{h} {p:.0%}" for h, p in rivals)
            terms.append(f"(1 - {' - '.join(f'P({h})' for h, _ in assumed)})")
            parts.append(
                f"not {' or '.join(h for h, _ in assumed)}: {negation:.0%}, of which {held}"
            )
        else:
            for h, v in assumed:
                probability *= post[h] if v else 1.0 - post[h]
                terms.append(f"P({h})" if v else f"(1 - P({h}))")
    reason = " × ".join(terms) + "".join(f" ({part})" for part in parts)
    if len(by_set) > 1 and not found.case.meta.independent_sets:
        return (
            "unknown",
            f"it rests on sets {', '.join(by_set)}, and the case does not state that they are "
            f"independent (meta.independent_sets); if they were: {reason} = {probability:.0%}",
            None,
        )
    return "hypotheses", reason, probability


def _likelihood(indicator: Indicator, scenario: str, observed: bool) -> float:
    value = indicator.expectations.get(scenario, "neutral")
    p = expectation_probability(value)
    return p if observed else 1.0 - p


def _mean(values: Iterable[float], weights: Iterable[float]) -> float:
    pairs = list(zip(values, weights, strict=True))
    total = math.fsum(w for _, w in pairs)
    if total <= 0:
        return math.fsum(v for v, _ in pairs) / len(pairs)
    # Normalise the weights first: v * w / total loses v when w is subnormal.
    return math.fsum(v * (w / total) for v, w in pairs)


def _update(
    current: dict[str, float], remainder: float | None, likelihood: Mapping[str, float]
) -> tuple[dict[str, float], float | None]:
    """Probabilities after one observation with these likelihoods, by scenario."""
    ids = list(current)
    if remainder is not None:  # exclusive: a joint update, remainder included
        rest = _mean((likelihood[s] for s in ids), (current[s] for s in ids))
        weighted = {s: current[s] * likelihood[s] for s in ids}
        total = sum(weighted.values()) + remainder * rest
        if total <= 0:
            return current, remainder  # an observation every scenario ruled out: keep as was
        return {s: w / total for s, w in weighted.items()}, remainder * rest / total
    after = {}
    for s in ids:
        others = [o for o in ids if o != s]
        against = (
            _mean((likelihood[o] for o in others), (current[o] for o in others))
            if others
            else likelihood[s]  # a lone scenario: nothing says what its alternatives expect
        )
        num = current[s] * likelihood[s]
        den = num + (1.0 - current[s]) * against
        after[s] = num / den if den > 0 else current[s]
    return after, None


def _information(probabilities: Mapping[str, float], fires: Mapping[str, float]) -> float:
    """Mutual information, in bits, between the scenario and whether the indicator fires."""

    def entropy(p: float) -> float:
        return -sum(x * math.log2(x) for x in (p, 1.0 - p) if x > 0)

    total = sum(probabilities.values())
    if total <= 0 or not probabilities:
        return 0.0
    weights = {s: p / total for s, p in probabilities.items()}
    overall = sum(weights[s] * fires[s] for s in weights)
    return max(0.0, entropy(overall) - sum(weights[s] * entropy(fires[s]) for s in weights))


def _observations(case: Case) -> list[tuple[Indicator, Observation]]:
    order = [(i, o) for i in case.indicators for o in i.observations]
    return sorted(order, key=lambda pair: date_bounds(pair[1].date))


def futures(
    case: Case,
    *,
    lineage: Lineage | None = None,
    results: Mapping[str, BayesResult] | None = None,
) -> FuturesResult:
    """Each scenario's probability, updated by the indicators' observations, and the watch list.

    Complexity: O(posteriors of the sets assumed + S² + O·S + I·S) for O observations,
    S scenarios and I indicators (S² to tell whether they exclude each other; O·S² when
    they overlap).

    Args:
        case: The case.
        lineage: The lineage the posteriors count by (default: the case's).
        results: Posteriors already computed, by set id (`all_posteriors`), so that
            they are not computed again.

    Raises:
        AnalysisError: A scenario takes two exclusive hypotheses as true (check C001).
    """
    found = _Posteriors(case, lineage or Lineage.of(case), results)
    priors = {s.id: _derived(s, found) for s in case.scenarios}
    known = {s: p for s, (_, _, p) in priors.items() if p is not None}
    exclusive = len(case.scenarios) > 1 and all(
        scenarios_exclude(case, a, b)
        for i, a in enumerate(case.scenarios)
        for b in case.scenarios[i + 1 :]
    )
    current = dict(known)
    # The remainder is known only when every named scenario's probability is.
    complete = bool(current) and len(known) == len(case.scenarios)
    remainder = max(0.0, 1.0 - sum(current.values())) if exclusive and complete else None
    steps = []
    for indicator, observation in _observations(case) if current else ():
        likelihood = {s: _likelihood(indicator, s, observation.observed) for s in current}
        current, remainder = _update(current, remainder, likelihood)
        steps.append(
            Step(
                indicator.id,
                observation.date,
                observation.observed,
                observation.evidence,
                dict(current),
            )
        )
    watch = _watch_items(case, current, remainder)
    return FuturesResult(
        tuple(
            ScenarioProbability(
                s.id,
                s.name,
                priors[s.id][0],
                priors[s.id][1],
                priors[s.id][2],
                current.get(s.id),
                icd203_words(min(1.0, current[s.id])) if s.id in current else None,
            )
            for s in case.scenarios
        ),
        exclusive,
        remainder,
        tuple(steps),
        tuple(w for w in watch if not w.fired),
        tuple(sorted((w for w in watch if w.fired), key=_latest_first)),
    )


def _latest_first(item: WatchItem) -> tuple[object, str]:
    day = date_bounds(item.last_seen)[1] if item.last_seen else None
    return (-(day.toordinal() if day else 0), item.indicator)


def _watch_items(
    case: Case,
    current: Mapping[str, float],
    remainder: float | None,
) -> list[WatchItem]:
    items = []
    weights = dict(current) if current else {s.id: 1.0 for s in case.scenarios}
    for indicator in case.indicators:
        fires = {s: _likelihood(indicator, s, True) for s in weights}
        if remainder:  # the unnamed futures expect it as the named do, on average
            weights_with = {**weights, "": remainder}
            fires_with = {**fires, "": _mean(fires.values(), weights.values())}
            bits = _information(weights_with, fires_with)
        else:
            bits = _information(weights, fires)
        # Which scenario a sighting favours is read from every scenario's expectation,
        # those of unknown probability included (only the bits need the probabilities).
        every = {s.id: _likelihood(indicator, s.id, True) for s in case.scenarios} or fires
        flat = len(set(every.values())) <= 1
        seen = [o.date for o in indicator.observations if o.observed]
        items.append(
            WatchItem(
                indicator.id,
                indicator.name,
                bits,
                None if flat else max(every, key=every.__getitem__),
                None if flat else min(every, key=every.__getitem__),
                bool(seen),
                max(seen, key=date_bounds) if seen else None,
            )
        )
    items.sort(key=lambda w: (-w.diagnosticity, w.indicator))
    return items
