"""The T and C families: dates in order, and scenarios and indicators that make sense."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from itertools import combinations
from typing import Final

from scenarios.analysis._futures import expectation_probability, scenarios_exclude
from scenarios.analysis._morphology import pair_scores
from scenarios.checks._defects import Data, evidence, field, hypotheses, linked_item, with_source
from scenarios.checks._findings import CheckInfo, Finding
from scenarios.checks._registry import CheckContext, register
from scenarios.model import Scenario
from scenarios.types import date_bounds

__all__ = ["CHECKS"]

_ITEM: Final = """meta: {{title: Example{as_of}}}
sources: [{{id: s, title: A source}}]
evidence:
  - {{id: e, claim: Something happened., quotes: [{{source: s, text: it happened}}]{dates}}}
"""

# -- defects: how to cause each finding (see `scenarios.strategies.defective_cases`) --------


def _t001(data: Data, texts: dict[str, str]) -> str:
    with_source(data, texts)
    data["meta"]["as_of"] = "2018-12-31"
    data["evidence"].append(evidence("x-e", occurred="2021-07-04"))
    return "evidence after the as-of date"


def _t002(data: Data, texts: dict[str, str]) -> str:
    with_source(data, texts)
    data["evidence"].append(evidence("x-e", occurred="2021-07-04", reported="2021-07-01"))
    return "evidence reported before it happened"


def _t003(data: Data, texts: dict[str, str]) -> str:
    with_source(data, texts)
    data["evidence"].append(evidence("x-e", occurred="2020-06"))
    data["events"].append(
        {"id": "x-ev", "title": "Event", "date": "2020-07-15", "evidence": ["x-e"]}
    )
    return "an event whose evidence happened a month earlier"


def _c001(data: Data, texts: dict[str, str]) -> str:
    data["hypotheses"] += hypotheses("x-h1", "x-h2")
    data["hypothesis_sets"].append(
        {"id": "x-set", "question": "Q?", "hypotheses": ["x-h1", "x-h2"]}
    )
    data["scenarios"].append(
        {"id": "x-sc", "name": "Both", "assumes": {"x-h1": True, "x-h2": True}}
    )
    return "a scenario resting on two exclusive hypotheses"


def _c002(data: Data, texts: dict[str, str]) -> str:
    data["scenarios"] += [{"id": "x-sc1", "name": "One"}, {"id": "x-sc2", "name": "Two"}]
    everyone = [s["id"] for s in data["scenarios"]]
    data["indicators"].append(
        {"id": "x-ind", "name": "Watch", "expectations": dict.fromkeys(everyone, "likely")}
    )
    return "an indicator every scenario expects alike"


def _c003(data: Data, texts: dict[str, str]) -> str:
    field(data, {"pair": ["x-us=leave", "x-ir=push"], "value": "inconsistent"})
    data["scenarios"].append(
        {"id": "x-sc", "name": "Alone", "drivers": {"x-us": "leave", "x-ir": "push"}}
    )
    return "a scenario on a pair of states ruled out"


def _c004(data: Data, texts: dict[str, str]) -> str:
    data["scenarios"] += [{"id": "x-sc1", "name": "One"}, {"id": "x-sc2", "name": "Two"}]
    data["indicators"].append({"id": "x-ind", "name": "Watch", "expectations": {"x-sc1": 0.9}})
    return "an indicator silent on a scenario"


def _c005(data: Data, texts: dict[str, str]) -> str:
    data["hypotheses"] += hypotheses("x-h")
    data["scenarios"] += [
        {"id": "x-yes", "name": "Yes", "assumes": {"x-h": True}, "probability": 0.8},
        {"id": "x-no", "name": "No", "assumes": {"x-h": False}, "probability": 0.5},
    ]
    return "exclusive scenarios whose probabilities add up to 1.3"


def _c006(data: Data, texts: dict[str, str]) -> str:
    linked_item(data, texts)
    data["scenarios"] += [{"id": "x-sc", "name": "Yes", "assumes": {"x-h": True}}]
    data["indicators"].append(
        {
            "id": "x-ind",
            "name": "Watch",
            "expectations": {"x-sc": "likely"},
            "observations": [{"date": "2021-01", "evidence": ["x-e"]}],
        }
    )
    return "an observation citing evidence the scenario's hypothesis already weighs"


AFTER_AS_OF: Final = CheckInfo(
    "T001",
    "evidence-after-as-of",
    "error",
    "An evidence item happened or was reported after the case's as-of date.",
    "Move the as-of date, or leave the item out of this analysis.",
    _ITEM.format(as_of=", as_of: 2021-06-30", dates=", occurred: 2021-07-04"),
    defect=_t001,
)
REPORTED_EARLY: Final = CheckInfo(
    "T002",
    "reported-before-it-happened",
    "error",
    "An evidence item was reported before it happened.",
    "Fix one of the dates (a range such as 2021-06/2021-07 says what is uncertain).",
    _ITEM.format(as_of="", dates=", occurred: 2021-07-04, reported: 2021-07-01"),
    defect=_t002,
)
EVENT_MISMATCH: Final = CheckInfo(
    "T003",
    "event-evidence-out-of-order",
    "warning",
    "An event's evidence happened at another time than the event, or was reported before it.",
    "Fix the dates, or link the evidence to the event it is about.",
    _ITEM.format(as_of="", dates=", occurred: 2020-06")
    + """events: [{id: ev, title: The arrests, date: 2020-07-15, evidence: [e]}]
""",
    defect=_t003,
)
EXCLUSIVE_SCENARIO: Final = CheckInfo(
    "C001",
    "scenario-assumes-exclusive",
    "error",
    "A scenario takes as true two hypotheses of one set that exclude each other.",
    "A scenario can rest on one hypothesis of an exclusive set: choose one.",
    """meta: {title: Example}
hypotheses: [{id: h1, statement: One.}, {id: h2, statement: Two.}]
hypothesis_sets: [{id: q, question: Which?, hypotheses: [h1, h2]}]
scenarios: [{id: sc, name: Both, assumes: {h1: true, h2: true}}]
""",
    defect=_c001,
)
FLAT_INDICATOR: Final = CheckInfo(
    "C002",
    "indicator-not-diagnostic",
    "info",
    "An indicator is expected alike in every scenario, so seeing it tells them apart no better.",
    "Watch for something the scenarios disagree about.",
    """meta: {title: Example}
scenarios: [{id: a, name: Calm}, {id: b, name: Storm}]
indicators: [{id: i, name: Rockets fired, expectations: {a: likely, b: likely}}]
""",
    defect=_c002,
)

_FIELD: Final = """meta: {title: Example}
drivers:
  - {id: us, name: U.S. posture, states: [{id: stay, name: Stay}, {id: leave, name: Leave}]}
  - {id: iran, name: Tehran's aim, states: [{id: push, name: Push}, {id: calm, name: Calm}]}
consistency: [{pair: [us=leave, iran=push], value: inconsistent, reason: No one left to push.}]
"""
INCONSISTENT_SCENARIO: Final = CheckInfo(
    "C003",
    "scenario-inconsistent-configuration",
    "warning",
    "A scenario puts two drivers in states the cross-consistency assessment rules out.",
    "Change one driver's state, or revisit the assessment of that pair.",
    _FIELD + "scenarios: [{id: sc, name: Pushing alone, drivers: {us: leave, iran: push}}]\n",
    defect=_c003,
)
SILENT_INDICATOR: Final = CheckInfo(
    "C004",
    "indicator-silent-on-scenario",
    "info",
    "An indicator says nothing of what some scenario expects of it, so it counts as neutral there.",
    "Give the indicator an expectation (likely, unlikely, neutral or a probability) for "
    "every scenario.",
    """meta: {title: Example}
scenarios: [{id: a, name: Calm}, {id: b, name: Storm}]
indicators: [{id: i, name: Rockets fired, expectations: {b: likely}}]
""",
    defect=_c004,
)
OVERCOMMITTED: Final = CheckInfo(
    "C005",
    "exclusive-scenarios-over-one",
    "error",
    "Scenarios that exclude each other are given probabilities that add up to more than 1.",
    "Lower the given probabilities so that together they are at most 1.",
    """meta: {title: Example}
hypotheses: [{id: h, statement: It happens.}]
scenarios:
  - {id: a, name: It does, assumes: {h: true}, probability: 0.7}
  - {id: b, name: It does not, assumes: {h: false}, probability: 0.6}
""",
    defect=_c005,
)
DOUBLE_COUNTED: Final = CheckInfo(
    "C006",
    "observation-counted-twice",
    "warning",
    "An indicator's observation cites evidence that is also linked to a hypothesis a scenario "
    "rests on, so it moves that scenario twice: in the posterior and as an observation.",
    "Cite evidence for the observation that the hypotheses do not already weigh, or drop the link.",
    """meta: {title: Example}
sources: [{id: s, title: A source}]
evidence: [{id: e, claim: Rockets hit the base., quotes: [{source: s, text: rockets}]}]
hypotheses: [{id: h, statement: Tehran wants escalation.}]
links: [{evidence: e, hypothesis: h, rating: C}]
scenarios: [{id: a, name: Escalation, assumes: {h: true}}, {id: b, name: Calm}]
indicators:
  - id: i
    name: Rocket attacks
    expectations: {a: likely, b: unlikely}
    observations: [{date: 2021-05, evidence: [e]}]
""",
    defect=_c006,
)

CHECKS: Final = (
    AFTER_AS_OF,
    REPORTED_EARLY,
    EVENT_MISMATCH,
    EXCLUSIVE_SCENARIO,
    FLAT_INDICATOR,
    INCONSISTENT_SCENARIO,
    SILENT_INDICATOR,
    OVERCOMMITTED,
    DOUBLE_COUNTED,
)
"""The catalogue entries of these families."""


@register(AFTER_AS_OF, REPORTED_EARLY)
def evidence_dates(context: CheckContext) -> Iterator[Finding]:
    """Evidence dates against the as-of date and each other. O(evidence)."""
    as_of = context.case.meta.as_of
    for i, item in enumerate(context.case.evidence):
        occurred = date_bounds(item.occurred) if item.occurred else None
        reported = date_bounds(item.reported) if item.reported else None
        if as_of is not None:
            for field, bounds in (("occurred", occurred), ("reported", reported)):
                if bounds is not None and bounds[0] > as_of:
                    yield AFTER_AS_OF.finding(
                        f"evidence {item.id!r} {field} "
                        f"{getattr(item, field)}, after the as-of date {as_of}",
                        (item.id,),
                        ("evidence", i, field),
                    )
        if occurred and reported and reported[1] < occurred[0]:
            yield REPORTED_EARLY.finding(
                f"evidence {item.id!r} was reported "
                f"{item.reported}, before it happened ({item.occurred})",
                (item.id,),
                ("evidence", i, "reported"),
            )


@register(EVENT_MISMATCH)
def event_dates(context: CheckContext) -> Iterator[Finding]:
    """Events against their evidence's dates. O(event evidence)."""
    case = context.case
    items = {e.id: e for e in case.evidence}
    for i, event in enumerate(case.events):
        first, last = date_bounds(event.date)
        for item_id in event.evidence:
            item = items.get(item_id)
            if item is None:
                continue
            if item.occurred:
                start, end = date_bounds(item.occurred)
                if end < first or start > last:
                    yield EVENT_MISMATCH.finding(
                        f"event {event.id!r} ({event.date}) cites "
                        f"evidence {item.id!r}, which happened {item.occurred}",
                        (event.id, item.id),
                        ("events", i, "evidence"),
                    )
                    continue
            if item.reported and date_bounds(item.reported)[1] < first:
                yield EVENT_MISMATCH.finding(
                    f"event {event.id!r} ({event.date}) cites "
                    f"evidence {item.id!r}, reported before it ({item.reported})",
                    (event.id, item.id),
                    ("events", i, "evidence"),
                )


@register(EXCLUSIVE_SCENARIO)
def exclusive_scenarios(context: CheckContext) -> Iterator[Finding]:
    """Scenarios resting on rival hypotheses. O(scenario assumptions)."""
    case = context.case
    for i, scenario in enumerate(case.scenarios):
        by_set: defaultdict[str, list[str]] = defaultdict(list)
        for hypothesis, true in scenario.assumes.items():
            if true:
                for group in case.sets_of(hypothesis):
                    if group.exclusive:
                        by_set[group.id].append(hypothesis)
        for set_id, rivals in sorted(by_set.items()):
            if len(rivals) > 1:
                yield EXCLUSIVE_SCENARIO.finding(
                    f"scenario {scenario.id!r} takes "
                    f"{' and '.join(sorted(rivals))} as true, which exclude each "
                    f"other in set {set_id!r}",
                    (scenario.id, *sorted(rivals)),
                    ("scenarios", i, "assumes"),
                )


@register(FLAT_INDICATOR)
def flat_indicators(context: CheckContext) -> Iterator[Finding]:
    """Indicators every scenario expects alike (``likely`` and 0.8 are alike). O(expectations)."""
    scenarios = {s.id for s in context.case.scenarios}
    for i, indicator in enumerate(context.case.indicators):
        chances = {expectation_probability(v) for v in indicator.expectations.values()}
        covers = scenarios <= indicator.expectations.keys()
        if len(scenarios) >= 2 and covers and len(chances) == 1:
            written = next(iter(indicator.expectations.values()))
            yield FLAT_INDICATOR.finding(
                f"indicator {indicator.id!r} is expected {written} in every scenario",
                (indicator.id,),
                ("indicators", i, "expectations"),
            )


@register(INCONSISTENT_SCENARIO)
def inconsistent_scenarios(context: CheckContext) -> Iterator[Finding]:
    """Scenarios whose driver states include a pair that cannot co-exist. O(S·D²)."""
    scores = pair_scores(context.case)
    impossible = {pair for pair, score in scores.items() if score <= 0}
    if not impossible:
        return
    for i, scenario in enumerate(context.case.scenarios):
        keys = [f"{d}={s}" for d, s in scenario.drivers.items()]
        for a, b in combinations(keys, 2):
            if frozenset((a, b)) in impossible:
                yield INCONSISTENT_SCENARIO.finding(
                    f"scenario {scenario.id!r} has {a} with {b}, which the cross-consistency "
                    "assessment rules out",
                    (scenario.id,),
                    ("scenarios", i, "drivers"),
                )


@register(SILENT_INDICATOR)
def silent_indicators(context: CheckContext) -> Iterator[Finding]:
    """Indicators with no expectation for some scenario. O(I·S)."""
    scenarios = [s.id for s in context.case.scenarios]
    for i, indicator in enumerate(context.case.indicators):
        missing = sorted(s for s in scenarios if s not in indicator.expectations)
        if missing and indicator.expectations:
            yield SILENT_INDICATOR.finding(
                f"indicator {indicator.id!r} gives no expectation for {', '.join(missing)}",
                (indicator.id, *missing),
                ("indicators", i, "expectations"),
            )


@register(OVERCOMMITTED)
def overcommitted_scenarios(context: CheckContext) -> Iterator[Finding]:
    """Given probabilities of pairwise-exclusive scenarios above 1 in sum. O(G²) for G given.

    The scenarios are grouped greedily, so a sum above 1 in a group the greedy pass
    does not form can go unreported; a reported one is always real.
    """
    case = context.case
    given = sorted(
        ((i, s) for i, s in enumerate(case.scenarios) if s.probability is not None),
        key=lambda pair: pair[1].id,
    )
    # Greedy cliques of mutually exclusive scenarios, in id order (so that the findings do
    # not depend on file order): each is a set of futures that cannot co-occur, so their
    # probabilities cannot exceed 1 together.
    cliques: list[list[tuple[int, Scenario]]] = []
    for i, scenario in given:
        for clique in cliques:
            if all(scenarios_exclude(case, scenario, other) for _, other in clique):
                clique.append((i, scenario))
                break
        else:
            cliques.append([(i, scenario)])
    for clique in cliques:
        total = sum(s.probability or 0.0 for _, s in clique)
        if len(clique) > 1 and total > 1 + 1e-9:
            ids = [s.id for _, s in clique]
            yield OVERCOMMITTED.finding(
                f"scenarios {', '.join(ids)} exclude each other, but their probabilities "
                f"add up to {total:.2f}",
                tuple(ids),
                ("scenarios", clique[-1][0], "probability"),
            )


@register(DOUBLE_COUNTED)
def double_counted_observations(context: CheckContext) -> Iterator[Finding]:
    """Observation evidence the scenarios' hypotheses already weigh. O(cited items × scenarios)."""
    case = context.case
    rests_on: dict[str, set[str]] = {s.id: set(s.assumes) for s in case.scenarios}
    for i, indicator in enumerate(case.indicators):
        for j, seen in enumerate(indicator.observations):
            for item in seen.evidence:
                linked = {link.hypothesis for link in case.links_from(item)}
                twice = sorted(
                    {h for s in indicator.expectations for h in rests_on.get(s, set()) & linked}
                )
                if twice:
                    yield DOUBLE_COUNTED.finding(
                        f"indicator {indicator.id!r} cites {item!r} as an observation, but it "
                        f"is also weighed in the posterior of {', '.join(twice)}",
                        (indicator.id, item, *twice),
                        ("indicators", i, "observations", j, "evidence"),
                    )
