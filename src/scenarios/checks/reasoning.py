"""The L, A and H families: links, arguments and hypotheses."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from operator import attrgetter
from typing import Final

from scenarios.checks._defects import Data, evidence, hypotheses, linked_item, with_source
from scenarios.checks._findings import CheckInfo, Finding
from scenarios.checks._graph import cycles
from scenarios.checks._registry import CheckContext, register
from scenarios.model import SET_SIZE_FIX, Likelihood, LikelihoodRatio, stance_of

__all__ = ["CHECKS"]

_BASE: Final = """meta: {title: Example}
sources: [{id: s, title: A source}]
evidence: [{id: e, claim: Something happened., quotes: [{source: s, text: it happened}]}]
"""

# -- defects: how to cause each finding (see `scenarios.strategies.defective_cases`) --------


def _l001(data: Data, texts: dict[str, str]) -> str:
    linked_item(data, texts)
    data["arguments"].append(
        {"id": "x-arg", "premises": ["x-e"], "conclusion": "x-h", "stance": "con"}
    )
    return "an item that supports and contradicts one hypothesis"


def _l002(data: Data, texts: dict[str, str]) -> str:
    with_source(data, texts)
    data["evidence"].append(evidence("x-e"))
    data["hypotheses"] += hypotheses("x-h")
    data["links"].append(
        {"evidence": "x-e", "hypothesis": "x-h", "rating": "II", "stance": "supports"}
    )
    return "a stance against its rating"


def _l003(data: Data, texts: dict[str, str]) -> str:
    with_source(data, texts)
    data["evidence"].append(evidence("x-e"))
    data["hypotheses"] += hypotheses("x-h1", "x-h2")
    data["hypothesis_sets"].append(
        {"id": "x-set", "question": "Q?", "hypotheses": ["x-h1", "x-h2"]}
    )
    data["links"] += [{"evidence": "x-e", "hypothesis": h, "rating": "N"} for h in ("x-h1", "x-h2")]
    return "an item rated alike against a whole set"


def _l004(data: Data, texts: dict[str, str]) -> str:
    with_source(data, texts)
    data["evidence"].append(evidence("x-e"))
    data["hypotheses"] += hypotheses("x-h")
    data["links"].append(
        {
            "evidence": "x-e",
            "hypothesis": "x-h",
            "rating": "C",
            "likelihood": {"kind": "ratio", "value": 0.25},
        }
    )
    return "a likelihood against its rating"


def _a001(data: Data, texts: dict[str, str]) -> str:
    data["hypotheses"] += hypotheses("x-h1", "x-h2")
    data["arguments"] += [
        {"id": "x-a1", "premises": ["x-h1"], "conclusion": "x-h2"},
        {"id": "x-a2", "premises": ["x-h2"], "conclusion": "x-h1"},
    ]
    return "two arguments supporting each other"


def _a002(data: Data, texts: dict[str, str]) -> str:
    data["hypotheses"] += hypotheses("x-h")
    data["arguments"].append({"id": "x-a", "premises": ["x-h"], "conclusion": "x-h"})
    return "an argument assuming its conclusion"


def _a003(data: Data, texts: dict[str, str]) -> str:
    data["assumptions"].append({"id": "x-as", "statement": "Nothing rests on this."})
    return "an assumption nothing rests on"


def _h001(data: Data, texts: dict[str, str]) -> str:
    data["hypotheses"] += hypotheses("x-h1", "x-h2")
    data["hypothesis_sets"].append(
        {"id": "x-set", "question": "Q?", "hypotheses": ["x-h1", "x-h2"]}
    )
    return "a set of hypotheses with no evidence"


def _h002(data: Data, texts: dict[str, str]) -> str:
    data["sources"] += [
        {"id": "x-a", "title": "Original"},
        {"id": "x-b", "title": "Copy", "derived_from": ["x-a"]},
    ]
    data["evidence"] += [evidence("x-e1", "x-a"), evidence("x-e2", "x-b")]
    data["hypotheses"] += hypotheses("x-h")
    data["links"] += [{"evidence": e, "hypothesis": "x-h", "rating": "C"} for e in ("x-e1", "x-e2")]
    return "support only from an article and its copy"


def _h003(data: Data, texts: dict[str, str]) -> str:
    data["hypotheses"] += hypotheses("x-h1", "x-h2")
    data["hypothesis_sets"].append(
        {
            "id": "x-set",
            "question": "Q?",
            "hypotheses": ["x-h1", "x-h2"],
            "exhaustive": True,
            "priors": {"x-h1": 0.5, "x-h2": 0.3},
        }
    )
    return "priors that add up to 0.8 in an exhaustive set"


def _h004(data: Data, texts: dict[str, str]) -> str:
    data["hypotheses"] += hypotheses("x-h")
    data["hypothesis_sets"].append({"id": "x-set", "question": "Q?", "hypotheses": ["x-h"]})
    return "a set of one"


def _h005(data: Data, texts: dict[str, str]) -> str:
    data["hypotheses"] += hypotheses("x-h")
    return "a hypothesis nothing refers to"


def _h006(data: Data, texts: dict[str, str]) -> str:
    data["hypotheses"] += [
        {"id": "x-a", "statement": "A.", "parent": "x-b"},
        {"id": "x-b", "statement": "B.", "parent": "x-a"},
    ]
    return "two hypotheses each other's parent"


BOTH_WAYS: Final = CheckInfo(
    "L001",
    "evidence-both-ways",
    "error",
    "One evidence item both supports and contradicts the same hypothesis (through links and "
    "arguments).",
    "Decide how the item bears on the hypothesis and say it once.",
    _BASE
    + """hypotheses: [{id: h, statement: It is so.}]
links: [{evidence: e, hypothesis: h, rating: C}]
arguments: [{id: a, premises: [e], conclusion: h, stance: con}]
""",
    defect=_l001,
)
STANCE_VS_RATING: Final = CheckInfo(
    "L002",
    "stance-disagrees-with-rating",
    "error",
    "A link's stance says the opposite of its ACH rating (supports with I or II, and so on).",
    "Fix the rating or the stance, or leave the stance out: it follows from the rating.",
    _BASE
    + """hypotheses: [{id: h, statement: It is so.}]
links: [{evidence: e, hypothesis: h, rating: I, stance: supports}]
""",
    defect=_l002,
)
NOT_DIAGNOSTIC: Final = CheckInfo(
    "L003",
    "evidence-not-diagnostic",
    "info",
    "An evidence item is rated the same against every hypothesis of a set, so it cannot tell "
    "them apart.",
    "Keep it for the record; look for evidence that discriminates.",
    _BASE
    + """hypotheses: [{id: h1, statement: One.}, {id: h2, statement: Two.}]
hypothesis_sets: [{id: q, question: Which?, hypotheses: [h1, h2]}]
links: [{evidence: e, hypothesis: h1, rating: C}, {evidence: e, hypothesis: h2, rating: C}]
""",
    defect=_l003,
)
LIKELIHOOD_VS_RATING: Final = CheckInfo(
    "L004",
    "likelihood-disagrees-with-rating",
    "warning",
    "A link's explicit likelihood points the other way from its ACH rating (a ratio above 1 "
    "on an item rated I or II, below 1 on one rated C or CC): the posteriors follow the "
    "likelihood, ACH and Carneades the rating.",
    "Make the two agree: the likelihood says how much, the rating which way.",
    _BASE
    + """hypotheses: [{id: h, statement: It is so.}]
links: [{evidence: e, hypothesis: h, rating: I, likelihood: {kind: ratio, value: 3}}]
""",
    defect=_l004,
)
SUPPORT_CYCLE: Final = CheckInfo(
    "A001",
    "support-cycle",
    "warning",
    "Pro arguments support each other in a circle (A for B, B for A).",
    "Break the circle: at least one of the statements needs support from outside it.",
    _BASE
    + """hypotheses: [{id: h1, statement: One.}, {id: h2, statement: Two.}]
arguments:
  - {id: a1, premises: [h1], conclusion: h2}
  - {id: a2, premises: [h2], conclusion: h1}
""",
    defect=_a001,
)
SELF_PREMISE: Final = CheckInfo(
    "A002",
    "premise-is-conclusion",
    "error",
    "An argument has its own conclusion among its premises.",
    "Remove the conclusion from the premises.",
    _BASE
    + """hypotheses: [{id: h, statement: It is so.}]
arguments: [{id: a, premises: [e, h], conclusion: h}]
""",
    defect=_a002,
)
UNUSED_ASSUMPTION: Final = CheckInfo(
    "A003",
    "assumption-unused",
    "info",
    "An assumption supports nothing and no argument uses it.",
    "Say what rests on it (supports), or drop it.",
    """meta: {title: Example}
assumptions: [{id: a, statement: Leaders mean what they say.}]
""",
    defect=_a003,
)
NO_EVIDENCE: Final = CheckInfo(
    "H001",
    "hypothesis-without-evidence",
    "warning",
    "A hypothesis that the analysis uses has no evidence linked to it.",
    "Link the evidence that bears on it, for or against; none at all is a finding in itself.",
    """meta: {title: Example}
hypotheses: [{id: h1, statement: One.}, {id: h2, statement: Two.}]
hypothesis_sets: [{id: q, question: Which?, hypotheses: [h1, h2]}]
""",
    defect=_h001,
)
ONE_LINEAGE: Final = CheckInfo(
    "H002",
    "single-lineage-support",
    "warning",
    "All the support for a hypothesis comes from one source lineage (copies of one original): "
    "circular reporting.",
    "Find an independent source, or weigh the support as one.",
    """meta: {title: Example}
sources: [{id: orig, title: Original}, {id: copy, title: Republished, derived_from: [orig]}]
evidence:
  - {id: e1, claim: One., quotes: [{source: orig, text: one}]}
  - {id: e2, claim: Two., quotes: [{source: copy, text: two}]}
hypotheses: [{id: h, statement: It is so.}]
links: [{evidence: e1, hypothesis: h, rating: C}, {evidence: e2, hypothesis: h, rating: CC}]
""",
    defect=_h002,
)
PRIORS: Final = CheckInfo(
    "H003",
    "priors-do-not-sum",
    "error",
    "A set's priors do not add up: to 1 for exclusive and exhaustive sets, to at most 1 for "
    "exclusive ones, and they must cover every hypothesis or none.",
    "Adjust the priors, or leave them all out for uniform priors.",
    """meta: {title: Example}
hypotheses: [{id: h1, statement: One.}, {id: h2, statement: Two.}]
hypothesis_sets:
  - {id: q, question: Which?, hypotheses: [h1, h2], exhaustive: true, priors: {h1: 0.5, h2: 0.3}}
""",
    defect=_h003,
)
SMALL_SET: Final = CheckInfo(
    "H004",
    "set-too-small",
    "error",
    "A set of competing hypotheses has fewer than two.",
    SET_SIZE_FIX,
    """meta: {title: Example}
hypotheses: [{id: h, statement: It is so.}]
hypothesis_sets: [{id: q, question: Is it so?, hypotheses: [h]}]
""",
    defect=_h004,
)
UNREFERENCED: Final = CheckInfo(
    "H005",
    "hypothesis-unreferenced",
    "info",
    "Nothing refers to a hypothesis: no link, set, argument, scenario or assumption.",
    "Link evidence to it or put it in a set, or drop it.",
    """meta: {title: Example}
hypotheses: [{id: h, statement: It is so.}]
""",
    defect=_h005,
)
PARENT_CYCLE: Final = CheckInfo(
    "H006",
    "parent-cycle",
    "error",
    "Hypotheses are each other's parents (a refines b, b refines a).",
    "A refinement tree has no circles: fix the parent fields.",
    """meta: {title: Example}
hypotheses: [{id: a, statement: A., parent: b}, {id: b, statement: B., parent: a}]
""",
    defect=_h006,
)

CHECKS: Final = (
    BOTH_WAYS,
    STANCE_VS_RATING,
    NOT_DIAGNOSTIC,
    LIKELIHOOD_VS_RATING,
    SUPPORT_CYCLE,
    SELF_PREMISE,
    UNUSED_ASSUMPTION,
    NO_EVIDENCE,
    ONE_LINEAGE,
    PRIORS,
    SMALL_SET,
    UNREFERENCED,
    PARENT_CYCLE,
)
"""The catalogue entries of these families."""


@register(BOTH_WAYS)
def both_ways(context: CheckContext) -> Iterator[Finding]:
    """Links and single-step arguments that disagree.

    Links are unique per pair (R004 aside), so a conflict needs an argument or a
    duplicate link: only those pairs are looked at. O(links + argument premises).
    """
    case = context.case
    evidence = {e.id for e in case.evidence}
    hypotheses = {h.id for h in case.hypotheses}
    directions: defaultdict[tuple[str, str], set[str]] = defaultdict(set)
    for argument in case.arguments:
        if argument.conclusion in hypotheses:
            way = "supports" if argument.stance == "pro" else "contradicts"
            for premise in argument.premises:
                if premise in evidence:
                    directions[(premise, argument.conclusion)].add(way)
    pairs = list(map(attrgetter("evidence", "hypothesis"), case.links))
    repeated = len(set(pairs)) != len(pairs)
    for pair, link in zip(pairs, case.links, strict=True):
        if (repeated or pair in directions) and link.direction != "neutral":
            directions[pair].add(link.direction)
    for (item, hypothesis), ways in sorted(directions.items()):
        if len(ways) > 1:
            yield BOTH_WAYS.finding(
                f"evidence {item!r} both supports and contradicts hypothesis {hypothesis!r}",
                (item, hypothesis),
                context.path("evidence", item),
            )


@register(STANCE_VS_RATING)
def stance_vs_rating(context: CheckContext) -> Iterator[Finding]:
    """Links whose stance and rating disagree. O(links)."""
    for i, link in enumerate(context.case.links):
        if link.stance is not None and link.stance != stance_of(link.rating):
            yield STANCE_VS_RATING.finding(
                f"the link from {link.evidence!r} to "
                f"{link.hypothesis!r} says {link.stance} but is rated {link.rating} "
                f"({stance_of(link.rating)})",
                (link.evidence, link.hypothesis),
                ("links", i, "stance"),
            )


@register(LIKELIHOOD_VS_RATING)
def likelihood_vs_rating(context: CheckContext) -> Iterator[Finding]:
    """Links whose explicit likelihood ratio and rating point opposite ways. O(links).

    A `Likelihood` with `if_true` alone has no direction of its own and is left out.
    """
    for i, link in enumerate(context.case.links):
        spec = link.likelihood
        if isinstance(spec, LikelihoodRatio):
            ratio = spec.value
        elif isinstance(spec, Likelihood) and spec.if_false:
            ratio = spec.if_true / spec.if_false
        else:
            continue
        direction = stance_of(link.rating)
        if (direction == "supports" and ratio < 1) or (direction == "contradicts" and ratio > 1):
            yield LIKELIHOOD_VS_RATING.finding(
                f"the link from {link.evidence!r} to {link.hypothesis!r} is rated "
                f"{link.rating} ({direction}) but its likelihood ratio is {ratio:g}, which "
                f"{'raises' if ratio > 1 else 'lowers'} the hypothesis",
                (link.evidence, link.hypothesis),
                ("links", i, "likelihood"),
            )


@register(NOT_DIAGNOSTIC)
def not_diagnostic(context: CheckContext) -> Iterator[Finding]:
    """Items rated alike across a whole set. One pass over links: O(links x sets per hypothesis)."""
    sizes = {g.id: len(set(g.hypotheses)) for g in context.case.hypothesis_sets}
    sets_of: defaultdict[str, list[str]] = defaultdict(list)
    for group in context.case.hypothesis_sets:
        for h in set(group.hypotheses):
            sets_of[h].append(group.id)
    seen: defaultdict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    for link in context.case.links:
        for set_id in sets_of.get(link.hypothesis, ()):
            seen[(link.evidence, set_id)][link.hypothesis] = link.rating
    for (item, set_id), rated in sorted(seen.items()):
        values = set(rated.values())
        if sizes[set_id] >= 2 and len(rated) == sizes[set_id] and len(values) == 1:
            yield NOT_DIAGNOSTIC.finding(
                f"evidence {item!r} is rated {values.pop()} "
                f"against every hypothesis of set {set_id!r}",
                (item, set_id),
                context.path("evidence", item),
            )


@register(SUPPORT_CYCLE)
def support_cycles(context: CheckContext) -> Iterator[Finding]:
    """Circles of pro arguments (Tarjan). O(arguments + premises)."""
    edges: defaultdict[str, list[str]] = defaultdict(list)
    by_edge: defaultdict[tuple[str, str], list[str]] = defaultdict(list)
    for argument in context.case.arguments:
        if argument.stance == "pro":
            for premise in argument.premises:
                if premise != argument.conclusion:  # A002's business
                    edges[premise].append(argument.conclusion)
                    by_edge[(premise, argument.conclusion)].append(argument.id)
    for component in cycles(edges):
        members = set(component)
        arguments = sorted(
            {a for (p, c), ids in by_edge.items() if p in members and c in members for a in ids}
        )
        yield SUPPORT_CYCLE.finding(
            f"arguments {', '.join(arguments)} support {', '.join(sorted(members))} in a circle",
            tuple(arguments),
            context.path("arguments", arguments[0]),
        )


@register(SELF_PREMISE)
def self_premise(context: CheckContext) -> Iterator[Finding]:
    """Arguments that assume their conclusion. O(premises)."""
    for i, argument in enumerate(context.case.arguments):
        if argument.conclusion in argument.premises:
            yield SELF_PREMISE.finding(
                f"argument {argument.id!r} has its conclusion "
                f"{argument.conclusion!r} among its premises",
                (argument.id,),
                ("arguments", i, "premises"),
            )


@register(UNUSED_ASSUMPTION, UNREFERENCED)
def unreferenced(context: CheckContext) -> Iterator[Finding]:
    """Assumptions and hypotheses nothing refers to. O(references)."""
    used = context.referenced
    for i, assumption in enumerate(context.case.assumptions):
        if not assumption.supports and assumption.id not in used:
            yield UNUSED_ASSUMPTION.finding(
                f"assumption {assumption.id!r} supports nothing",
                (assumption.id,),
                ("assumptions", i),
            )
    for i, hypothesis in enumerate(context.case.hypotheses):
        if hypothesis.id not in used:
            yield UNREFERENCED.finding(
                f"nothing refers to hypothesis {hypothesis.id!r}",
                (hypothesis.id,),
                ("hypotheses", i),
            )


@register(NO_EVIDENCE, ONE_LINEAGE)
def support(context: CheckContext) -> Iterator[Finding]:
    """Hypotheses with no evidence, or support from one lineage only. O(links)."""
    case = context.case
    used = context.referenced
    linked = {link.hypothesis for link in case.links}
    groups = context.lineage.evidence_groups(case)
    members = context.lineage.members
    support_of: defaultdict[str, set[str]] = defaultdict(set)
    for link in case.links:
        if link.direction == "supports":
            support_of[link.hypothesis].add(link.evidence)
    for i, hypothesis in enumerate(case.hypotheses):
        if hypothesis.id in used and hypothesis.id not in linked:
            yield NO_EVIDENCE.finding(
                f"hypothesis {hypothesis.id!r} has no evidence linked",
                (hypothesis.id,),
                ("hypotheses", i),
            )
        supporting = sorted(support_of.get(hypothesis.id, ()))
        lineages = set().union(*(groups.get(e, frozenset()) for e in supporting))
        if len(supporting) >= 2 and len(lineages) == 1:
            (origin,) = lineages
            yield ONE_LINEAGE.finding(
                f"all {len(supporting)} items supporting hypothesis {hypothesis.id!r} come "
                + (
                    f"from one source, {origin!r}"
                    if len(members[origin]) == 1
                    else f"from one lineage, {origin!r} and its copies "
                    f"({', '.join(members[origin])})"
                ),
                (hypothesis.id, *supporting),
                ("hypotheses", i),
            )


@register(PRIORS, SMALL_SET)
def sets(context: CheckContext) -> Iterator[Finding]:
    """Set sizes and priors. O(set members)."""
    for i, group in enumerate(context.case.hypothesis_sets):
        size = group.size_problem  # the rule ACH and the posteriors refuse by, too
        if size:
            yield SMALL_SET.finding(
                f"set {group.id!r} {size}",
                (group.id,),
                ("hypothesis_sets", i, "hypotheses"),
            )
        problem = group.prior_problem  # the rule the posteriors refuse by, too
        if problem:
            yield PRIORS.finding(
                f"set {group.id!r} {problem}", (group.id,), ("hypothesis_sets", i, "priors")
            )


@register(PARENT_CYCLE)
def parent_cycles(context: CheckContext) -> Iterator[Finding]:
    """Circles of parents. O(hypotheses)."""
    edges = {h.id: [h.parent] if h.parent else [] for h in context.case.hypotheses}
    for component in cycles(edges):
        members = sorted(component)
        yield PARENT_CYCLE.finding(
            f"hypotheses {', '.join(members)} are each other's parents",
            tuple(members),
            context.path("hypotheses", members[0], "parent"),
        )
