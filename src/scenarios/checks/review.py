"""The V family: what a senior reviewer catches, the defects that change conclusions.

The other families find broken references, misquotes and circular reporting. These
find analytic defects: hypotheses no evidence tells apart, evidence from outside a
hypothesis's time, opinions rated as facts, a missing hypothesis, one event counted
twice, a leader nothing was tested against, a scenario whose negation hides rivals,
an extreme estimate on one lineage, and key assumptions graded without grounds.

Thresholds an analyst might set otherwise are in `CheckOptions` (``check(case,
options=...)``); ``docs/review.md`` explains each rule. Every check is one pass over
the links, keyed by set, item, date or actor: none compares all items pairwise.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from typing import Final, TypeAlias

from scenarios.analysis import posteriors
from scenarios.analysis._ach import CREDIBILITY_LEVEL, INCONSISTENCY, WEIGHTS
from scenarios.checks._defects import Data, evidence, hypotheses, rate, set_of, with_source
from scenarios.checks._findings import CheckInfo, Finding
from scenarios.checks._registry import CheckContext, register
from scenarios.model import Evidence, HypothesisSet, Link
from scenarios.types import date_bounds

__all__ = ["CHECKS"]

_NEUTRAL: Final = frozenset({"N", "NA"})
_ITEM: Final = """meta: {title: Example}
sources: [{id: s, title: A source}]
"""

# -- defects: how to cause each finding (see `scenarios.strategies.defective_cases`) --------


def _v001(data: Data, texts: dict[str, str]) -> str:
    with_source(data, texts)
    data["evidence"].append(evidence("x-e"))
    set_of(data, "x-h1", "x-h2")
    rate(data, "x-e", h1="C", h2="C")
    return "two hypotheses of a set rated alike on their only item"


def _v002(data: Data, texts: dict[str, str]) -> str:
    with_source(data, texts)
    data["evidence"].append(evidence("x-e", occurred="2015-06"))
    data["hypotheses"].append({**hypotheses("x-h")[0], "period": "2016-01/2016-12"})
    rate(data, "x-e", h="I")
    return "an item from 2015 rated against a hypothesis about 2016"


def _v003(data: Data, texts: dict[str, str]) -> str:
    with_source(data, texts)
    data["evidence"].append(evidence("x-e", kind="assessment"))
    data["hypotheses"] += hypotheses("x-h")
    data["links"].append(
        {"evidence": "x-e", "hypothesis": "x-h", "rating": "CC", "relevance": "high"}
    )
    return "an assessment rated CC with high relevance"


def _v004(data: Data, texts: dict[str, str]) -> str:
    with_source(data, texts)
    data["evidence"].append(evidence("x-e"))
    set_of(data, "x-h1", "x-h2")
    rate(data, "x-e", h1="I", h2="II")
    return "an item inconsistent with both hypotheses of a set"


def _v005(data: Data, texts: dict[str, str]) -> str:
    with_source(data, texts)
    data["evidence"] += [evidence("x-e1"), evidence("x-e2")]
    set_of(data, "x-h1", "x-h2")
    rate(data, "x-e1", h1="C", h2="I")
    rate(data, "x-e2", h1="C", h2="I")
    data["events"].append(
        {"id": "x-ev", "title": "Event", "date": "2020-06", "evidence": ["x-e1", "x-e2"]}
    )
    return "two items of one event both counted in a set"


def _v006(data: Data, texts: dict[str, str]) -> str:
    with_source(data, texts)
    set_of(data, "x-h1", "x-h2")
    for k, (leader, rival) in enumerate((("N", "C"), ("N", "C"), ("N", "C"), ("C", "I"))):
        data["evidence"].append(evidence(f"x-e{k}"))
        rate(data, f"x-e{k}", h1=leader, h2=rival)
    return "a leader rated on one item of the four its rival was tested on"


def _v007(data: Data, texts: dict[str, str]) -> str:
    set_of(data, "x-h1", "x-h2", "x-h3")
    data["scenarios"].append({"id": "x-sc", "name": "Not one", "assumes": {"x-h1": False}})
    return "a scenario resting on the negation of one of three rivals"


def _v008(data: Data, texts: dict[str, str]) -> str:
    with_source(data, texts)
    data["sources"][-1]["reliability"] = "A"
    data["evidence"].append(evidence("x-e", credibility=1))
    set_of(data, "x-h1", "x-h2", exhaustive=True)
    rate(data, "x-e", h1="CC", h2="II")
    return "a very likely posterior from one item of one source"


def _v009(data: Data, texts: dict[str, str]) -> str:
    data["hypotheses"] += hypotheses("x-h")
    data["assumptions"].append(
        {"id": "x-as", "statement": "Taken for granted.", "status": "solid", "supports": ["x-h"]}
    )
    return "a solid assumption with no argument for it"


NOT_TOLD_APART: Final = CheckInfo(
    "V001",
    "hypotheses-not-told-apart",
    "warning",
    "Two hypotheses of a set are rated alike on every item that bears on either (an item not "
    "rated against one counts as N there), so no evidence tells them apart: they overlap, or "
    "the evidence that would separate them is missing.",
    "Sharpen the hypotheses so they exclude each other (or merge them), or find the evidence "
    "one of them predicts and the other does not.",
    _ITEM
    + """evidence: [{id: e, claim: Rockets hit the base., quotes: [{source: s, text: rockets}]}]
hypotheses:
  - {id: defy, statement: The militias defy Tehran when they disagree.}
  - {id: selective, statement: The militias obey Tehran only when it asks for escalation.}
hypothesis_sets: [{id: q, question: Who decides?, hypotheses: [defy, selective]}]
links: [{evidence: e, hypothesis: defy, rating: C}, {evidence: e, hypothesis: selective, rating: C}]
""",
    defect=_v001,
)
OUT_OF_PERIOD: Final = CheckInfo(
    "V002",
    "evidence-outside-period",
    "warning",
    "Evidence from outside the time a hypothesis is about (its `period`) is rated other than "
    "NA against it. When an item has no `occurred` date, its `reported` date and its sources' "
    "publication dates bound it from above.",
    "Rate it NA against that hypothesis, or widen the period if the hypothesis is meant to "
    "cover that time.",
    _ITEM
    + """evidence:
  - {id: e, claim: Rockets hit the base., quotes: [{source: s, text: rockets}], occurred: 2020-06}
hypotheses:
  - {id: bluff, statement: After the election the threats are a bluff., period: 2021-10/2022-12}
links: [{evidence: e, hypothesis: bluff, rating: I}]
""",
    defect=_v002,
)
OPINION_AS_FACT: Final = CheckInfo(
    "V003",
    "opinion-rated-as-fact",
    "warning",
    "An assessment (a source's judgement) is rated CC or II with high relevance, as if it "
    "were a fact; or it supports a hypothesis whose statement its claim restates nearly "
    "word for word (circular support).",
    "Rate the judgement for what it is, a view (C or I, medium relevance at most), and look "
    "for the facts the source bases it on.",
    _ITEM
    + """evidence:
  - {id: e, claim: A commentator expects a confrontation., quotes: [{source: s, text: expects}],
     kind: assessment}
hypotheses: [{id: h, statement: Al-Sadr and the militias move to a confrontation.}]
links: [{evidence: e, hypothesis: h, rating: CC, relevance: high}]
""",
    defect=_v003,
)
AGAINST_ALL: Final = CheckInfo(
    "V004",
    "inconsistent-with-every-hypothesis",
    "warning",
    "No hypothesis of a set accounts for an item: it is rated against each of them, "
    "consistent (C or CC) with none and inconsistent (I or II) with at least one. A sign "
    "of a missing hypothesis. An error when the item is inconsistent with every hypothesis "
    "of a set marked exhaustive, which it then contradicts.",
    "Look for the hypothesis the item is consistent with and add it to the set (a set marked "
    "exhaustive: unmark it until you have); or re-check the item and its ratings.",
    _ITEM
    + """evidence: [{id: e, claim: The truce held., quotes: [{source: s, text: held}]}]
hypotheses: [{id: h1, statement: They escalate.}, {id: h2, statement: They disband.}]
hypothesis_sets: [{id: q, question: What next?, hypotheses: [h1, h2]}]
links: [{evidence: e, hypothesis: h1, rating: I}, {evidence: e, hypothesis: h2, rating: II}]
""",
    defect=_v004,
)
COUNTED_TWICE: Final = CheckInfo(
    "V005",
    "one-happening-counted-twice",
    "warning",
    "Items about one happening are all counted (rated other than N or NA) in one set, so ACH "
    "weighs the episode more than once: items an event cites, or an item of kind `event` and "
    "another item with a shared actor and an overlapping `occurred` date, from one source "
    "lineage or with near-identical claims.",
    "Rate the episode once (one item, or NA on the repeats), or say in the ratings why the "
    "items are independent observations.",
    """meta: {title: Example}
sources: [{id: wire, title: A wire report}, {id: paper, title: A newspaper}]
actors: [{id: kh, name: Kataib Hezbollah}]
evidence:
  - {id: e1, claim: Fighters surrounded the premier's office., kind: event, occurred: 2020-06-26,
     actors: [kh], quotes: [{source: wire, text: surrounded}]}
  - {id: e2, claim: Fighters surrounded the premier's office., kind: event, occurred: 2020-06,
     actors: [kh], quotes: [{source: paper, text: surrounded}]}
hypotheses: [{id: h1, statement: He cannot rein them in.}, {id: h2, statement: He can.}]
hypothesis_sets: [{id: q, question: Can he?, hypotheses: [h1, h2]}]
links:
  - {evidence: e1, hypothesis: h1, rating: C}
  - {evidence: e1, hypothesis: h2, rating: I}
  - {evidence: e2, hypothesis: h1, rating: C}
  - {evidence: e2, hypothesis: h2, rating: I}
""",
    defect=_v005,
)
UNTESTED_LEADER: Final = CheckInfo(
    "V006",
    "untested-hypothesis-leads",
    "warning",
    "The hypothesis ACH ranks first has far fewer rated items (neither N nor NA) than its "
    "rivals: it leads because little was tested against it, not because it survived tests.",
    "Rate every item against it too; an N must mean the item truly does not bear on it.",
    """meta: {title: Example}
sources: [{id: s1, title: One}, {id: s2, title: Two}, {id: s3, title: Three}, {id: s4, title: Four}]
evidence:
  - {id: e1, claim: One., quotes: [{source: s1, text: one}]}
  - {id: e2, claim: Two., quotes: [{source: s2, text: two}]}
  - {id: e3, claim: Three., quotes: [{source: s3, text: three}]}
  - {id: e4, claim: Four., quotes: [{source: s4, text: four}]}
hypotheses: [{id: h1, statement: Rarely tested.}, {id: h2, statement: Often tested.}]
hypothesis_sets: [{id: q, question: Which?, hypotheses: [h1, h2]}]
links:
  - {evidence: e1, hypothesis: h1, rating: N}
  - {evidence: e2, hypothesis: h1, rating: N}
  - {evidence: e3, hypothesis: h1, rating: N}
  - {evidence: e4, hypothesis: h1, rating: C}
  - {evidence: e1, hypothesis: h2, rating: C}
  - {evidence: e2, hypothesis: h2, rating: C}
  - {evidence: e3, hypothesis: h2, rating: C}
  - {evidence: e4, hypothesis: h2, rating: I}
""",
    defect=_v006,
)
NEGATION_WITH_RIVALS: Final = CheckInfo(
    "V007",
    "negation-hides-rivals",
    "warning",
    "A scenario takes a hypothesis as false in a set where two or more rivals remain, or "
    "where the set is not exhaustive: its probability includes worlds its narrative may "
    "exclude.",
    "Take as true the rival the scenario describes, or take as false the rivals it excludes.",
    """meta: {title: Example}
hypotheses:
  - {id: leverage, statement: Tehran uses escalation as leverage.}
  - {id: standing, statement: The militias escalate for their own standing.}
  - {id: bluff, statement: The threats are a bluff.}
hypothesis_sets:
  - {id: q, question: What is escalation for?, hypotheses: [leverage, standing, bluff]}
scenarios: [{id: quiet, name: The militias hold their fire, assumes: {leverage: false}}]
""",
    defect=_v007,
)
THIN_EXTREME: Final = CheckInfo(
    "V008",
    "extreme-estimate-one-lineage",
    "warning",
    "A posterior is very likely or stronger (or very unlikely or weaker) although every item "
    "that moves the set's posteriors comes from one source lineage.",
    "Find an independent source before stating it so strongly, or state it in milder words.",
    """meta: {title: Example}
sources: [{id: s, title: A source, reliability: A}]
evidence:
  - {id: e, claim: The premier backed down., quotes: [{source: s, text: backed}], credibility: 1}
hypotheses: [{id: h1, statement: He cannot rein them in.}, {id: h2, statement: He can.}]
hypothesis_sets: [{id: q, question: Can he?, hypotheses: [h1, h2], exhaustive: true}]
links: [{evidence: e, hypothesis: h1, rating: CC}, {evidence: e, hypothesis: h2, rating: II}]
""",
    defect=_v008,
)
ASSUMPTION_GRADE: Final = CheckInfo(
    "V009",
    "assumption-status-unearned",
    "warning",
    "A key assumption is marked `solid` with no argument for it, or is still `unchecked` "
    "while an argument brings evidence to bear on it.",
    "Give the grounds of a solid assumption as an argument; check an assumption the "
    "evidence bears on and record the verdict.",
    """meta: {title: Example}
assumptions:
  - {id: a, statement: Leaders mean what they say., status: solid, supports: [h]}
hypotheses: [{id: h, statement: The threats will be carried out.}]
""",
    defect=_v009,
)

CHECKS: Final = (
    NOT_TOLD_APART,
    OUT_OF_PERIOD,
    OPINION_AS_FACT,
    AGAINST_ALL,
    COUNTED_TWICE,
    UNTESTED_LEADER,
    NEGATION_WITH_RIVALS,
    THIN_EXTREME,
    ASSUMPTION_GRADE,
)
"""The catalogue entries of this family."""


# -- shared helpers -------------------------------------------------------------------

_WORD: Final = re.compile("[a-z0-9]+(?:[-'\u2019][a-z0-9]+)*")
_STOP: Final = frozenset(
    (  # noqa: SIM905 - a sentence of words reads better than seventy quoted ones
        "a an the and or but of to in on at by for with from as is are was were be been being "
        "it its this that these those their there they them he she his her him we our you "
        "not no do does did has have had will would can could may might shall should than "
        "then so if into about over after before when while which who whom what"
    ).split()
)


def _count(n: int, noun: str) -> str:
    """``1 item``, ``2 items``."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def content_words(text: str) -> frozenset[str]:
    """The content words of a text: lowercased, without function words, plural ``s`` cut.

    Examples:
        >>> sorted(content_words("The militias' threats are a bluff."))
        ['bluff', 'militia', 'threat']
    """
    words = set()
    for found in _WORD.findall(text.lower()):
        if found in _STOP:
            continue
        plural = len(found) > 3 and found.endswith("s") and not found.endswith("ss")
        words.add(found[:-1] if plural else found)
    return frozenset(words)


def _members(context: CheckContext) -> Iterator[tuple[int, HypothesisSet, tuple[str, ...]]]:
    """Each set with two or more distinct members that exist, with its position."""
    known = {h.id for h in context.case.hypotheses}
    for i, group in enumerate(context.case.hypothesis_sets):
        members = tuple(h for h in dict.fromkeys(group.hypotheses) if h in known)
        if len(members) >= 2:
            yield i, group, members


def _set_links(context: CheckContext, members: Iterable[str]) -> Iterator[Link]:
    for h in members:
        yield from context.case.links_of(h)


def _rated(context: CheckContext, members: Iterable[str]) -> dict[str, int]:
    """How many links of each member are rated neither N nor NA."""
    return {
        h: sum(link.rating not in _NEUTRAL for link in context.case.links_of(h)) for h in members
    }


# -- V001 -----------------------------------------------------------------------------


@register(NOT_TOLD_APART)
def not_told_apart(context: CheckContext) -> Iterator[Finding]:
    """Members of a set with the same bearing ratings. O(links of set members)."""
    case = context.case
    parents = {h.id: h.parent for h in case.hypotheses}
    for i, group, members in _members(context):
        # Only members with as many bearing links as another member can be alike.
        sizes = _rated(context, members)
        twins = Counter(sizes.values())
        alike: defaultdict[frozenset[tuple[str, str]], list[str]] = defaultdict(list)
        for h in members:
            if sizes[h] and twins[sizes[h]] > 1:
                bearing: frozenset[tuple[str, str]] = frozenset(
                    (link.evidence, link.rating)
                    for link in case.links_of(h)
                    if link.rating not in _NEUTRAL
                )
                alike[bearing].append(h)
        for row, same in alike.items():
            if len(same) < 2:
                continue
            same.sort()
            refines = [(a, b) for a in same for b in same if parents.get(a) == b]
            why = (
                f"they overlap: {refines[0][0]!r} refines {refines[0][1]!r}"
                if refines
                else "either they overlap (one is a case of the other) or the case lacks "
                "the evidence that would separate them"
            )
            yield NOT_TOLD_APART.finding(
                f"hypotheses {' and '.join(repr(h) for h in same)} of set {group.id!r} are "
                f"rated alike on the {_count(len(row), 'item')} that bear on them, so no "
                "evidence tells "
                f"them apart: {why}",
                (group.id, *same),
                ("hypothesis_sets", i, "hypotheses"),
            )


# -- V002 -----------------------------------------------------------------------------


def _latest(item: Evidence, published: Mapping[str, date]) -> tuple[date, str] | None:
    """The latest day an undated item can have happened: reported, or its sources published."""
    bounds = []
    if item.reported:
        bounds.append((date_bounds(item.reported)[1], f"reported {item.reported}"))
    for source in item.sources:
        if source in published:
            bounds.append(
                (published[source], f"quoted from {source}, published {published[source]}")
            )
    return min(bounds) if bounds else None


@register(OUT_OF_PERIOD)
def outside_period(context: CheckContext) -> Iterator[Finding]:
    """Items rated against a hypothesis from outside its period. O(links of dated hypotheses)."""
    case = context.case
    items = {e.id: e for e in case.evidence}
    published = {s.id: date_bounds(s.published)[1] for s in case.sources if s.published}
    for i, hypothesis in enumerate(case.hypotheses):
        if not hypothesis.period:
            continue
        first, last = date_bounds(hypothesis.period)
        outside: list[tuple[str, str, str]] = []
        for link in case.links_of(hypothesis.id):
            item = items.get(link.evidence)
            if item is None or link.rating == "NA":
                continue
            if item.occurred:
                start, end = date_bounds(item.occurred)
                if end < first or start > last:
                    outside.append((item.id, f"occurred {item.occurred}", link.rating))
            else:
                latest = _latest(item, published)
                if latest is not None and latest[0] < first:
                    outside.append((item.id, latest[1], link.rating))
        if outside:
            outside.sort()
            against = sum(rating in INCONSISTENCY for _, _, rating in outside)
            listed = "; ".join(f"{e} ({when}, {rating})" for e, when, rating in outside)
            yield OUT_OF_PERIOD.finding(
                f"hypothesis {hypothesis.id!r} is about {hypothesis.period}, but "
                f"{_count(len(outside), 'item')} from outside that time "
                f"{'is' if len(outside) == 1 else 'are'} rated against it "
                f"({against} I or II): {listed}",
                (hypothesis.id, *(e for e, _, _ in outside)),
                ("hypotheses", i, "period"),
            )


# -- V003 -----------------------------------------------------------------------------


@register(OPINION_AS_FACT)
def opinion_as_fact(context: CheckContext) -> Iterator[Finding]:
    """Assessments rated like facts, or restating what they support. O(links of assessments)."""
    case = context.case
    options = context.options
    assessments = {e.id: e for e in case.evidence if e.kind == "assessment"}
    if not assessments:
        return
    statements = {h.id: h.statement for h in case.hypotheses}
    claim_words: dict[str, frozenset[str]] = {}
    for i, link in enumerate(case.links):
        item = assessments.get(link.evidence)
        if item is None or link.hypothesis not in statements:
            continue
        reasons = []
        if link.rating in ("CC", "II") and link.relevance == "high":
            reasons.append(f"it is rated {link.rating} with high relevance, as if it were a fact")
        if link.rating in ("CC", "C"):
            stated = content_words(statements[link.hypothesis])
            if len(stated) >= options.restatement_min_words:
                if item.id not in claim_words:
                    claim_words[item.id] = content_words(item.claim)
                shared = len(stated & claim_words[item.id]) / len(stated)
                if shared >= options.restatement:
                    reasons.append(
                        f"its claim restates the hypothesis ({shared:.0%} of its words): "
                        "circular support"
                    )
        if reasons:
            yield OPINION_AS_FACT.finding(
                f"assessment {item.id!r} (a source's judgement) bears on "
                f"{link.hypothesis!r}, but {'; and '.join(reasons)}",
                (item.id, link.hypothesis),
                ("links", i, "rating"),
            )


# -- V004 -----------------------------------------------------------------------------


@register(AGAINST_ALL)
def against_all(context: CheckContext) -> Iterator[Finding]:
    """Items no member of a set accounts for. O(links of set members)."""
    for i, group, members in _members(context):
        ratings: defaultdict[str, dict[str, str]] = defaultdict(dict)
        for link in _set_links(context, members):
            ratings[link.evidence][link.hypothesis] = link.rating
        for item in sorted(ratings):
            rated = ratings[item]
            if len(rated) < len(members) or any(r in ("C", "CC") for r in rated.values()):
                continue
            against = sum(r in INCONSISTENCY for r in rated.values())
            if not against:
                continue
            if against < len(members):
                yield AGAINST_ALL.finding(
                    f"evidence {item!r} is consistent with no hypothesis of set {group.id!r} "
                    f"and inconsistent with {against} of them: no hypothesis accounts for "
                    "it, a sign of a missing one",
                    (item, group.id),
                    ("hypothesis_sets", i, "hypotheses"),
                )
            elif group.exhaustive:
                message = (
                    f"evidence {item!r} is inconsistent with every hypothesis of set "
                    f"{group.id!r}, which is marked exhaustive: one of them must be true, so "
                    "the item or the set is wrong (an error, not a warning)"
                )
                yield Finding(
                    AGAINST_ALL.code,
                    "error",
                    message,
                    (item, group.id),
                    ("hypothesis_sets", i, "exhaustive"),
                    AGAINST_ALL.fix,
                )
            else:
                yield AGAINST_ALL.finding(
                    f"evidence {item!r} is inconsistent with every hypothesis of set "
                    f"{group.id!r}: a sign of a missing hypothesis",
                    (item, group.id),
                    ("hypothesis_sets", i, "hypotheses"),
                )


# -- V005 -----------------------------------------------------------------------------


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)

    def groups(self) -> list[list[str]]:
        out: defaultdict[str, list[str]] = defaultdict(list)
        for x in self.parent:
            out[self.find(x)].append(x)
        return [sorted(g) for g in out.values() if len(g) > 1]


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def _by_actor_and_date(
    items: Mapping[str, Evidence], counted: Iterable[str], same: _Union, similar: _Similar
) -> None:
    """Join counted items with a shared actor and overlapping dates, one an event, if similar.

    Keyed by actor, then swept in date order: only items whose dates overlap meet.
    """
    by_actor: defaultdict[str, list[tuple[date, date, str]]] = defaultdict(list)
    for e in counted:
        item = items[e]
        if item.occurred and item.actors:
            start, end = date_bounds(item.occurred)
            for actor in set(item.actors):
                by_actor[actor].append((start, end, e))
    for dated in by_actor.values():
        dated.sort()
        active: list[tuple[date, date, str]] = []
        for start, end, e in dated:
            active = [window for window in active if window[1] >= start]
            for _, _, other in active:
                a, b = items[e], items[other]
                if "event" in (a.kind, b.kind) and similar(a, b):
                    same.join(e, other)
            active.append((start, end, e))


_Similar: TypeAlias = Callable[[Evidence, Evidence], bool]


@register(COUNTED_TWICE)
def counted_twice(context: CheckContext) -> Iterator[Finding]:
    """Items about one happening, counted in one set.

    Keyed by event, then by set and actor with a sweep over dates, so only items that
    share an actor and overlap in time are compared. O(counted items x actors + E)
    plus the overlapping pairs.
    """
    case = context.case
    options = context.options
    items = {e.id: e for e in case.evidence}
    cited_by: defaultdict[str, list[str]] = defaultdict(list)
    for event in case.events:
        for item in dict.fromkeys(event.evidence):
            cited_by[item].append(event.id)
    lineage = context.lineage
    words: dict[str, frozenset[str]] = {}

    def similar(a: Evidence, b: Evidence) -> bool:
        if lineage.item_groups(a) & lineage.item_groups(b):
            return True
        for e in (a, b):
            if e.id not in words:
                words[e.id] = content_words(e.claim)
        return _jaccard(words[a.id], words[b.id]) >= options.similar_claims

    # Only items an event cites, or dated items with actors, can be about one happening.
    candidates = cited_by.keys() | {
        e.id for e in case.evidence if e.occurred and e.actors and e.id in items
    }
    if not candidates:
        return
    for i, group, members in _members(context):
        counted = sorted(
            {
                link.evidence
                for link in _set_links(context, members)
                if link.evidence in candidates and link.rating not in _NEUTRAL
            }
        )
        same = _Union()
        by_event: defaultdict[str, list[str]] = defaultdict(list)
        for e in counted:
            for cited_event in cited_by.get(e, ()):
                by_event[cited_event].append(e)
        for cited in by_event.values():
            for other in cited[1:]:
                same.join(cited[0], other)
        _by_actor_and_date(items, counted, same, similar)
        for happening in sorted(same.groups()):
            yield COUNTED_TWICE.finding(
                f"set {group.id!r} counts one happening "
                f"{'twice' if len(happening) == 2 else f'{len(happening)} times'}: "
                f"{', '.join(happening)} (the same event, or an event with items sharing its "
                "actors, its dates and its source or wording)",
                (group.id, *happening),
                ("hypothesis_sets", i, "hypotheses"),
            )


# -- V006 -----------------------------------------------------------------------------


_LOWER: Final = {"high": "medium", "medium": "low", "low": "low"}


def _credibility(item: Evidence, grades: Mapping[str, str | None]) -> float:
    """ACH's credibility weight (`scenarios.analysis._ach.credibility_weight`), on any case."""
    level = CREDIBILITY_LEVEL[item.credibility]
    known = [g for g in (grades.get(s) for s in item.sources) if g is not None]
    if known and min(known) in ("D", "E"):
        level = _LOWER[level]
    return WEIGHTS[level]


def _typical_rival(rated: Mapping[str, int], members: Iterable[str], h: str) -> float:
    """The median number of rated items of `h`'s rivals."""
    return statistics.median(rated[r] for r in members if r != h)


@register(UNTESTED_LEADER)
def untested_leader(context: CheckContext) -> Iterator[Finding]:
    """A set's ACH leader with far fewer rated items than its rivals. O(links of set members).

    The ACH ranking (weighted inconsistency, as `scenarios.analysis._ach`) is computed only
    for sets where some member is that thinly rated.
    """
    case = context.case
    options = context.options
    items = {e.id: e for e in case.evidence}
    grades = {s.id: s.grade for s in case.sources}
    for i, group, members in _members(context):
        rated = _rated(context, members)
        rivals = {h: _typical_rival(rated, members, h) for h in members}
        thin = {
            h
            for h in members
            if rivals[h] >= options.untested_min_rated
            and rated[h] <= options.untested_ratio * rivals[h]
        }
        if not thin:
            continue
        totals = dict.fromkeys(members, 0.0)
        weight: dict[str, float] = {}
        for link in _set_links(context, members):
            if link.rating in INCONSISTENCY and link.evidence in items:
                if link.evidence not in weight:
                    weight[link.evidence] = _credibility(items[link.evidence], grades)
                totals[link.hypothesis] += (
                    INCONSISTENCY[link.rating] * weight[link.evidence] * WEIGHTS[link.relevance]
                )
        best = max(round(t, 9) for t in totals.values())
        leaders = [h for h in members if round(totals[h], 9) == best]
        if len(leaders) == 1 and leaders[0] in thin:
            (leader,) = leaders
            yield UNTESTED_LEADER.finding(
                f"hypothesis {leader!r} ranks first in set {group.id!r} with "
                f"{_count(rated[leader], 'rated item')} (neither N nor NA), where its rivals have "
                f"{rivals[leader]:g} (median): it leads because little was tested "
                "against it",
                (leader, group.id),
                ("hypothesis_sets", i, "hypotheses"),
            )


# -- V007 -----------------------------------------------------------------------------


@register(NEGATION_WITH_RIVALS)
def negation_with_rivals(context: CheckContext) -> Iterator[Finding]:
    """Scenarios resting on the negation of a hypothesis with rivals. O(scenario assumptions)."""
    case = context.case
    for i, scenario in enumerate(case.scenarios):
        for hypothesis, true in sorted(scenario.assumes.items()):
            if true:
                continue
            for group in case.sets_of(hypothesis):
                members = list(dict.fromkeys(group.hypotheses))
                if any(scenario.assumes.get(h) is True for h in members):
                    continue  # the scenario names which rival holds
                remaining = [h for h in members if scenario.assumes.get(h) is not False]
                if len(remaining) >= 2 or (remaining and not group.exhaustive):
                    unnamed = "" if group.exhaustive else ", or something the set does not name"
                    yield NEGATION_WITH_RIVALS.finding(
                        f"scenario {scenario.id!r} takes {hypothesis!r} as false, which in set "
                        f"{group.id!r} leaves {' or '.join(remaining)}{unnamed}: its "
                        "probability counts every one of those worlds",
                        (scenario.id, hypothesis, group.id),
                        ("scenarios", i, "assumes", hypothesis),
                    )


# -- V008 -----------------------------------------------------------------------------


def _thin_grounds(lineages: frozenset[str], minimum: int) -> str | None:
    """Why an extreme estimate rests on too little, or None when its grounds suffice.

    One rule so far: fewer independent lineages than `minimum`. Further rules (how far
    the estimate moves when ratings are re-rated one step) belong here.
    """
    if len(lineages) < minimum:
        named = ", ".join(repr(g) for g in sorted(lineages)) or "none"
        return f"every item that moves the set comes from one lineage ({named})"
    return None


def _bearing_lineages(
    context: CheckContext,
    members: Iterable[str],
    items: Mapping[str, Evidence],
    groups: dict[str, frozenset[str]],
) -> frozenset[str]:
    """The lineages of the items that move a set, counted up to ``min_lineages``.

    Empty when nothing moves the set or a link names no item. `groups` caches each
    item's lineage groups across sets.
    """
    lineage = context.lineage
    found: set[str] = set()
    for link in _set_links(context, members):
        if link.rating in _NEUTRAL and link.likelihood is None:
            continue
        item = items.get(link.evidence)
        if item is None:
            return frozenset()
        if item.id not in groups:
            groups[item.id] = lineage.item_groups(item)
        found |= groups[item.id]
        if len(found) >= context.options.min_lineages:
            break  # grounds enough: no need to look further
    return frozenset(found)


@register(THIN_EXTREME)
def thin_extremes(context: CheckContext) -> Iterator[Finding]:
    """Extreme posteriors on one lineage.

    Counting the lineages that bear on a set is O(links of its members); the posteriors
    (`scenarios.analysis.posteriors`, O(L + E·H)) are computed only for sets whose
    grounds are thin.
    """
    case = context.case
    options = context.options
    items = {e.id: e for e in case.evidence}
    groups: dict[str, frozenset[str]] = {}

    def extreme(p: float) -> bool:
        p = round(p, 9)
        return p >= options.extreme_above or p < options.extreme_below

    for i, group, members in _members(context):
        if group.missing_priors:
            continue
        lineages = _bearing_lineages(context, members, items, groups)
        if not lineages:  # nothing moves the set, or a broken reference (R002)
            continue
        reason = _thin_grounds(lineages, options.min_lineages)
        if reason is None:
            continue
        try:
            result = posteriors(case, group.id, lineage=context.lineage)
        except (LookupError, ValueError):  # a broken case: the R and H checks say why
            continue
        strong = [
            p
            for p in result.posteriors
            if p.hypothesis in members and extreme(p.posterior) and not extreme(p.prior)
        ]
        if strong:
            said = ", ".join(
                f"{p.hypothesis!r} {p.words} ({p.posterior:.0%}, prior {p.prior:.0%})"
                for p in strong
            )
            yield THIN_EXTREME.finding(
                f"in set {group.id!r}, {said}; but {reason}",
                (group.id, *sorted(p.hypothesis for p in strong)),
                ("hypothesis_sets", i, "hypotheses"),
            )


# -- V009 -----------------------------------------------------------------------------


@register(ASSUMPTION_GRADE)
def assumption_grades(context: CheckContext) -> Iterator[Finding]:
    """Solid assumptions without grounds, unchecked ones the evidence bears on. O(arguments)."""
    case = context.case
    evidence = {e.id for e in case.evidence}
    backed: set[str] = set()
    tested: defaultdict[str, set[str]] = defaultdict(set)
    for argument in case.arguments:
        if argument.stance == "pro":
            backed.add(argument.conclusion)
        tested[argument.conclusion].update(p for p in argument.premises if p in evidence)
    for i, assumption in enumerate(case.assumptions):
        if assumption.status == "solid" and assumption.id not in backed:
            yield ASSUMPTION_GRADE.finding(
                f"assumption {assumption.id!r} is marked solid, but no argument gives its grounds",
                (assumption.id,),
                ("assumptions", i, "status"),
            )
        elif assumption.status == "unchecked" and tested.get(assumption.id):
            items = sorted(tested[assumption.id])
            yield ASSUMPTION_GRADE.finding(
                f"assumption {assumption.id!r} is unchecked, but evidence bears on it "
                f"({', '.join(items)})",
                (assumption.id, *items),
                ("assumptions", i, "status"),
            )
