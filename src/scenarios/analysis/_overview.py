"""Every method on one case, side by side, and why they differ: `analyse`.

ACH counts inconsistencies; the posteriors weigh every item by its grades, its lineage
and its ratings; Carneades decides each hypothesis by the strongest argument on each
side. They answer different questions, so they can disagree, and where they do the
disagreement is the finding. `analyse` runs each once and says, per set, which items
drive each disagreement. The CLI's JSON, the report and the notebook display read it,
so nothing is computed twice.

Examples:
    >>> from scenarios import load
    >>> result = analyse(load("examples/iran_militias/case.yaml"))
    >>> [s.set for s in result.sets][:2]
    ['who-controls-escalation', 'jcpoa-leverage']
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from scenarios._escape import html_table
from scenarios._words import series
from scenarios.analysis._ach import AchResult, score_set, size_refusal
from scenarios.analysis._bayes import (
    DEFAULT_GRADES,
    OTHER,
    BayesResult,
    GradeModel,
    all_posteriors,
    refusal,
)
from scenarios.analysis._carneades import Label, Labelling, case_graph, evaluate
from scenarios.analysis._futures import FuturesResult, futures
from scenarios.analysis._morphology import Configuration, ranked_configurations
from scenarios.errors import AnalysisError, UnknownIdError
from scenarios.model import Case
from scenarios.provenance import Lineage
from scenarios.types import freeze_mappings, json_data

__all__ = ["TOP_CONFIGURATIONS", "CaseAnalysis", "MethodRow", "SetAnalysis", "analyse"]


@dataclass(frozen=True, slots=True)
class MethodRow:
    """What each method says of one hypothesis.

    Attributes:
        hypothesis: Its id (`OTHER` for an open set's unnamed alternatives).
        rank: ACH rank (1 best), None for `OTHER` and in a set ACH refuses (one hypothesis).
        tied: Whether the rank is shared.
        inconsistencies: Items rated I or II against it.
        rated: Items rated against it other than N or NA (what was tested).
        posterior: The posterior, None when the posteriors refuse the set (see `missing`).
        judgement: Likelihood range and confidence in words.
        label: Carneades label (in, out, undecided), None for `OTHER`.
        label_reason: Why it has that label.
    """

    hypothesis: str
    rank: int | None
    tied: bool
    inconsistencies: int | None
    rated: int
    posterior: float | None
    judgement: str | None
    label: Label | None
    label_reason: str | None


@dataclass(frozen=True, slots=True)
class SetAnalysis:
    """One set through every method.

    Attributes:
        set: The set's id.
        question: Its question.
        ach: The ACH result.
        bayes: The posteriors, or None (see `missing`).
        rows: One per hypothesis, in the set's order, then `OTHER`.
        explanations: Sentences saying where the methods agree or differ, and why.
        missing: Why a method has no result, by method name.
    """

    set: str
    question: str
    ach: AchResult
    bayes: BayesResult | None
    rows: tuple[MethodRow, ...]
    explanations: tuple[str, ...]
    missing: Mapping[str, str]

    def __post_init__(self) -> None:
        freeze_mappings(self)

    def _repr_html_(self) -> str:
        """The methods side by side, for Jupyter."""
        return html_table(
            self.question,
            ("hypothesis", "ACH rank", "posterior", "judgement", "Carneades"),
            (
                (
                    r.hypothesis,
                    "" if r.rank is None else f"{r.rank}{'=' if r.tied else ''}",
                    "" if r.posterior is None else f"{r.posterior:.0%}",
                    r.judgement or "",
                    r.label or "",
                )
                for r in self.rows
            ),
        )


@dataclass(frozen=True, slots=True)
class CaseAnalysis:
    """Every method on one case.

    Attributes:
        sets: One per hypothesis set, in case order.
        labelling: Carneades labels of every statement of the case.
        futures: Scenario probabilities and the watch list, or None (see `missing`).
        configurations: The most consistent configurations of the drivers (at most
            `TOP_CONFIGURATIONS`, best first), or empty (see `missing`).
        missing: Why a case-wide method has no result, by method name.
    """

    sets: tuple[SetAnalysis, ...]
    labelling: Labelling
    futures: FuturesResult | None
    configurations: tuple[Configuration, ...]
    missing: Mapping[str, str]

    def __post_init__(self) -> None:
        freeze_mappings(self)

    def set(self, set_id: str) -> SetAnalysis:
        """The analysis of one set.

        Raises:
            UnknownIdError: No set has that id.
        """
        for one in self.sets:
            if one.set == set_id:
                return one
        close = difflib.get_close_matches(set_id, [s.set for s in self.sets], n=1, cutoff=0.6)
        raise UnknownIdError(set_id, "hypothesis set", close[0] if close else None)

    def to_json(self) -> dict[str, Any]:
        """Everything as JSON data (what ``scenarios analyse --format json`` prints).

        ``sets`` (each with its ``rows``, ``explanations``, ``linchpins`` and
        ``missing``), ``labels`` (Carneades), ``futures``, ``configurations`` and the
        case-wide ``missing``.
        """
        return {
            "sets": [
                {
                    "set": one.set,
                    "question": one.question,
                    "rows": json_data(one.rows),
                    "explanations": list(one.explanations),
                    "linchpins": json_data(one.ach.linchpins),
                    "missing": dict(one.missing),
                }
                for one in self.sets
            ],
            "labels": self.labelling.to_json(),
            "futures": self.futures.to_json() if self.futures else None,
            "configurations": [c.to_json() for c in self.configurations],
            "missing": dict(self.missing),
        }

    def _repr_html_(self) -> str:
        """Each set's methods side by side, then the futures, for Jupyter."""
        parts = [one._repr_html_() for one in self.sets]
        if self.futures is not None:
            parts.append(self.futures._repr_html_())
        parts.extend(
            html_table(method, ("missing because",), [(why,)])
            for method, why in self.missing.items()
        )
        return "".join(parts)


TOP_CONFIGURATIONS = 5
"""How many driver configurations `analyse` keeps."""


def _rated(case: Case, hypothesis: str) -> int:
    return sum(1 for link in case.links_of(hypothesis) if link.rating not in ("N", "NA"))


def _graded_items(case: Case) -> set[str]:
    """The items that carry a grade: credibility 1-5, quoted from a source graded A-E."""
    graded = {s.id for s in case.sources if s.reliability not in (None, "F")}
    return {e.id for e in case.evidence if e.credibility != 6 and graded & set(e.sources)}


def _ungraded(case: Case, hypotheses: tuple[str, ...], graded: set[str]) -> bool:
    """Whether every item rated against the set lacks a grade (see `_graded_items`).

    Complexity: O(links of the set's members).
    """
    items = {
        link.evidence
        for h in dict.fromkeys(hypotheses)
        for link in case.links_of(h)
        if link.rating not in ("N", "NA")
    }
    return bool(items) and not items & graded


def _reason(row: MethodRow) -> str:
    """The Carneades reason without the label it starts with ("out: ...")."""
    reason = row.label_reason or ""
    return reason.removeprefix(f"{row.label}: ")


def _unassessed(bayes: BayesResult | None, refused: AnalysisError | None, *, ungraded: bool) -> str:
    """Why the posteriors say nothing of a set, in one sentence ('' when they do)."""
    if refused is not None:
        return f"The posteriors refuse this set: {refused.message}."
    if bayes is None or not bayes.assessable:
        return "The posteriors cannot assess this set: the evidence leaves them near the priors" + (
            ", because none of it is graded (credibility 6 and sources without "
            "reliability carry almost no weight): grade the items and their sources."
            if ungraded
            else "."
        )
    return ""


def _explain(
    rows: list[MethodRow],
    scores: AchResult,
    bayes: BayesResult | None,
    doubted: Mapping[str, list[str]],
    *,
    ungraded: bool = False,
    refused: AnalysisError | None = None,
) -> list[str]:
    """Where ACH, the posteriors and Carneades agree on the leader, or why they differ.

    A set the posteriors refuse (`refusal`) is explained by the refusal, not by the
    evidence: the posteriors were never computed.
    """
    named = [r for r in rows if r.hypothesis != OTHER]
    if not named:
        return []
    first = [r for r in named if r.rank == 1]
    ach_leader = first[0] if len(first) == 1 else None
    out = []
    if ach_leader is None:
        out.append(f"ACH cannot separate {', '.join(r.hypothesis for r in first)}: they tie.")
    unassessed = _unassessed(bayes, refused, ungraded=ungraded)
    if unassessed:
        out.append(unassessed)
        bayes_leader = None
    else:
        bayes_leader = max(
            (r for r in rows if r.posterior is not None), key=lambda r: r.posterior or 0
        )
    inside = [r.hypothesis for r in named if r.label == "in"]
    if ach_leader and bayes_leader and ach_leader.hypothesis == bayes_leader.hypothesis:
        agree = ach_leader.hypothesis in inside
        out.append(
            f"ACH and the posteriors agree on {ach_leader.hypothesis}"
            + (
                ", and Carneades accepts it."
                if agree
                else f"; Carneades labels it {ach_leader.label}: {_reason(ach_leader)}"
            )
        )
    elif ach_leader and bayes_leader:
        most = max(r.rated for r in named)
        n = ach_leader.rated
        thin = (
            f", but only {n} item{'s' if n != 1 else ''} {'was' if n == 1 else 'were'} rated "
            f"against it (up to {most} for a rival)"
            if n < most
            else ""
        )
        drivers = [
            c.evidence
            for c in (bayes.contributions if bayes else ())
            if c.hypothesis == bayes_leader.hypothesis and c.shift > 0 and c.counted
        ][:3]
        out.append(
            f"ACH ranks {ach_leader.hypothesis} first because it has the fewest inconsistencies "
            f"({ach_leader.inconsistencies}){thin}; the posteriors favour "
            f"{bayes_leader.hypothesis} ({(bayes_leader.posterior or 0):.0%})"
            + (f", carried by {', '.join(drivers)}" if drivers else "")
            + (
                ": evidence consistent with it counts, weighed by its grades, where ACH "
                "counts only inconsistencies."
                if bayes_leader.hypothesis != OTHER
                else ": the named hypotheses explain the evidence no better than an unnamed one."
            )
        )
        if bayes_leader.label is not None and bayes_leader.label != "in":
            resting = sorted({a for e in drivers for a in doubted.get(e, ())})
            leaning = [e for e in drivers if e in doubted]
            why = (
                f"; {', '.join(leaning)} {'rests' if len(leaning) == 1 else 'rest'} on "
                f"{', '.join(resting)}, which the case does not take as given: Carneades "
                "sets such items aside, the posteriors (which do not read assumptions) "
                "count them"
                if resting
                else ""
            )
            out.append(
                f"Carneades labels {bayes_leader.hypothesis} {bayes_leader.label} "
                f"({_reason(bayes_leader)}): it weighs the strongest argument on each "
                f"side, not every item{why}."
            )
    flips = [p for p in scores.linchpins if len(p.leaders) == 1]
    ties = len(scores.linchpins) - len(flips)
    if scores.linchpins and ach_leader is None:  # a tie: no lead to be fragile
        winners = sorted({p.leaders[0] for p in flips})
        if winners:
            n = len(flips)
            out.append(
                f"{n} single change{'s' if n != 1 else ''} (an item dropped or read as "
                f"deceptive) would break ACH's tie, putting {' or '.join(winners)} first."
            )
    elif scores.linchpins:
        n = len(flips)
        winners = sorted({p.leaders[0] for p in flips})
        movers = len({p.evidence for p in flips})
        said = (
            f"{n} single change{'s' if n != 1 else ''} (an item dropped or read as deceptive), "
            f"by {movers} of {len(scores.evidence)} item{'s' if len(scores.evidence) != 1 else ''}"
            f", would put {' or '.join(winners)} first"
            if n
            else ""
        )
        changes = "" if n else f" single change{'s' if ties != 1 else ''}"
        tied = f"{ties}{changes} would make a tie for first" if ties else ""
        out.append(f"ACH's lead is fragile: {'; '.join(x for x in (said, tied) if x)}.")
    if len(inside) > 1:
        out.append(
            f"Carneades accepts {series(inside)} at once: each is argued for more strongly "
            "than against, and Carneades weighs each hypothesis on its own strongest arguments."
        )
    elif not inside:
        out.append(
            "Carneades accepts none: no hypothesis is argued for more strongly than against"
            + (" (ungraded evidence is questioned, not taken as given)." if ungraded else ".")
        )
    return out


def analyse(
    case: Case, *, lineage: Lineage | None = None, grades: GradeModel = DEFAULT_GRADES
) -> CaseAnalysis:
    """Run ACH, the posteriors with their confidence, Carneades and the futures, once each.

    Complexity: that of the methods: O(S + L·H) for the posteriors and ACH, linear in
    the argument graph for Carneades, and the futures' own.
    """
    lineage = lineage or Lineage.of(case)
    bayes = all_posteriors(case, lineage=lineage, grades=grades)
    labelling = evaluate(case_graph(case, grades=grades))
    graded = _graded_items(case)
    doubted: dict[str, list[str]] = {}  # item -> the doubted assumptions it rests on
    for assumption in case.assumptions:
        if assumption.status in ("caveated", "unsupported"):
            for target in assumption.supports:
                doubted.setdefault(target, []).append(assumption.id)
    sets = []
    for group in case.hypothesis_sets:
        scores = score_set(case, group)
        lone = size_refusal(group)  # ACH would rank a lone hypothesis first of one
        by = {} if lone else {s.hypothesis: s for s in scores.scores}
        result = bayes.get(group.id)
        posterior = {p.hypothesis: p for p in result.posteriors} if result else {}
        rows = []
        for h in (*dict.fromkeys(group.hypotheses), *((OTHER,) if OTHER in posterior else ())):
            score = by.get(h)
            p = posterior.get(h)
            label = labelling.labels.get(h) if h != OTHER else None
            reason = labelling.reasons.get(h) if h != OTHER else None
            rows.append(
                MethodRow(
                    h,
                    score.rank if score else None,
                    score.tied if score else False,
                    score.inconsistencies if score else None,
                    _rated(case, h) if h != OTHER else 0,
                    p.posterior if p else None,
                    p.judgement if p else None,
                    label,
                    reason,
                )
            )
        refused = refusal(group)
        missing = {"posteriors": refused.message} if refused is not None else {}
        if lone is not None:
            missing["ach"] = lone.message
        sets.append(
            SetAnalysis(
                group.id,
                group.question,
                scores,
                result,
                tuple(rows),
                tuple(
                    [f"Neither ACH nor the posteriors weigh this set: {lone.message}."]
                    if lone is not None
                    else _explain(
                        rows,
                        scores,
                        result,
                        doubted,
                        ungraded=_ungraded(case, group.hypotheses, graded),
                        refused=refused,
                    )
                ),
                missing,
            )
        )
    missing_case: dict[str, str] = {}
    found = None
    if not case.scenarios:
        missing_case["futures"] = "the case has no scenarios"
    else:
        try:
            found = futures(case, lineage=lineage, results=bayes)
        except AnalysisError as exc:  # rival hypotheses in one scenario (C001)
            missing_case["futures"] = exc.message
    configurations: tuple[Configuration, ...] = ()
    if not case.drivers:
        missing_case["morphology"] = "the case has no drivers"
    else:
        configurations = tuple(ranked_configurations(case, top=TOP_CONFIGURATIONS))
    return CaseAnalysis(tuple(sets), labelling, found, configurations, missing_case)
