"""Structured argument evaluation in the style of Carneades (Gordon, Prakken & Walton 2007).

Statements are labelled ``in``, ``out`` or ``undecided`` by the fixpoint that
Carneades 4 computes: assumed statements are in; a statement that only
inapplicable or weightless arguments support is out; a statement that is no
position of an issue and has an applicable argument of positive weight is in; the
positions of an issue are decided together once every argument about them is
applicable or undercut, the winner by its proof standard (preponderance of the
evidence, clear and convincing evidence, beyond reasonable doubt). What a cycle
keeps from being decided stays undecided. Every label comes with its reason.

An argument weighs by its scheme: *linked* (1 if every premise is in), *convergent*
(1 if any is), *cumulative* (the share of premises in) or *factorized* (0 if any
premise is out, else the premises in over all distinct premises of the issue).
Arguments built from a case also carry a *strength* from 0 to 1 that scales that
weight (grades and ratings); imported Carneades files keep strength 1, so their
labels are Carneades 4's.

References:
    Gordon, T. F., Prakken, H., & Walton, D. (2007). The Carneades model of argument
    and burden of proof. *Artificial Intelligence* 171(10-15), 875-896.
    Gordon, T. F. (2017). Carneades 4 (software and documentation).

Examples:
    >>> graph = ArgumentGraph(
    ...     statements={"w": "The witness says X.", "x": "X.", "u": "The witness is biased.",
    ...                 "nu": "Argument a1 does not apply."},
    ...     assumptions={"w", "u"},
    ...     arguments=[CArgument("a1", "x", ("w",), undercutter="nu"),
    ...                CArgument("a2", "nu", ("u",))],
    ... )
    >>> labels = evaluate(graph)
    >>> sorted(labels.in_), sorted(labels.out)
    (['nu', 'u', 'w'], ['x'])
    >>> labels.reasons["x"]
    'out: no applicable argument of positive weight (a1: undercut by nu)'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final, Literal, TypeAlias

from scenarios._escape import html_table
from scenarios.analysis._bayes import DEFAULT_GRADES, GradeModel
from scenarios.model import (
    ArgumentGraph,
    CArgument,
    Case,
    Evidence,
    Issue,
    Source,
)
from scenarios.types import freeze_mappings

__all__ = [
    "ALPHA",
    "BETA",
    "Label",
    "Labelling",
    "assumed_evidence",
    "case_graph",
    "evaluate",
    "negation",
]

Label: TypeAlias = Literal["in", "out", "undecided"]
"""A statement's Carneades label: acceptable, not acceptable (unproven or rejected), or neither."""

ALPHA: Final = 0.5
"""How far the winner must exceed every rival under CCE and BRD."""
BETA: Final = 0.3
"""How weak every rival must be under BRD."""


@dataclass(frozen=True)
class Labelling:
    """The labels of every statement, and why.

    Attributes:
        labels: Label by statement id.
        reasons: A sentence per statement saying why it has its label.
    """

    labels: Mapping[str, Label]
    reasons: Mapping[str, str]

    def __post_init__(self) -> None:
        freeze_mappings(self)

    def _with(self, label: Label) -> list[str]:
        return [s for s, lab in self.labels.items() if lab == label]

    @property
    def in_(self) -> list[str]:
        """Statements in, in declaration order."""
        return self._with("in")

    @property
    def out(self) -> list[str]:
        """Statements out, in declaration order."""
        return self._with("out")

    @property
    def undecided(self) -> list[str]:
        """Statements undecided, in declaration order."""
        return self._with("undecided")

    def to_json(self) -> dict[str, list[str]]:
        """``{"in": [...], "out": [...], "undecided": [...]}``, each in declaration order."""
        return {"in": self.in_, "out": self.out, "undecided": self.undecided}

    as_json = to_json  # the earlier name

    def _repr_html_(self) -> str:
        """Every statement's label and why, for Jupyter."""
        return html_table(
            "Carneades labels",
            ("statement", "label", "why"),
            ((s, label, self.reasons.get(s, "")) for s, label in self.labels.items()),
        )


def _figure(weight: float, other: float | None = None) -> str:
    """A weight as a reader takes it in: two decimals, more only where two would hide a gap.

    Examples:
        >>> _figure(0.213333), _figure(0.5), _figure(0.0)
        ('0.21', '0.5', '0')
        >>> _figure(0.2133, 0.2091)
        '0.213'
    """
    places = 2
    while other is not None and places < 6 and round(weight, places) == round(other, places):
        places += 1
    return f"{weight:.{places}f}".rstrip("0").rstrip(".")


class _State:
    def __init__(self, graph: ArgumentGraph) -> None:
        self.graph = graph
        self.label: dict[str, Label] = dict.fromkeys(graph.statements, "undecided")
        self.reason: dict[str, str] = {}
        self.pro: dict[str, list[CArgument]] = {s: [] for s in graph.statements}
        for argument in graph.arguments:
            self.pro[argument.conclusion].append(argument)
        self.issue_of: dict[str, Issue] = {}
        for issue in graph.issues:
            for position in issue.positions:
                self.issue_of.setdefault(position, issue)
        self.distinct: dict[str, int] = {
            issue.id: len({p for s in issue.positions for a in self.pro[s] for p in a.premises})
            for issue in graph.issues
        }

    def undercut(self, a: CArgument) -> Label:
        return "out" if a.undercutter is None else self.label[a.undercutter]

    def applicable(self, a: CArgument) -> bool:
        status = self.undercut(a)
        return status == "in" or (
            status == "out" and all(self.label[p] != "undecided" for p in a.premises)
        )

    def weight(self, a: CArgument) -> float:
        if self.undercut(a) == "in" or not self.applicable(a):
            return 0.0
        ins = sum(self.label[p] == "in" for p in a.premises)
        if a.scheme == "linked":
            base = 1.0 if ins == len(a.premises) else 0.0
        elif a.scheme == "convergent":
            base = 1.0 if ins else 0.0
        elif a.scheme == "cumulative":
            base = ins / len(a.premises) if a.premises else 1.0
        else:  # factorized
            issue = self.issue_of.get(a.conclusion)
            if any(self.label[p] == "out" for p in a.premises):
                base = 0.0
            else:
                total = self.distinct[issue.id] if issue else len(set(a.premises))
                base = ins / total if total else 1.0
        return base * a.strength

    def why_not(self, a: CArgument) -> str:
        if self.undercut(a) == "in":
            return f"{a.id}: undercut by {a.undercutter}"
        missing = [p for p in a.premises if self.label[p] != "in"]
        return f"{a.id}: premise {', '.join(missing)} not in" if missing else f"{a.id}: weighs 0"

    def supported(self, s: str) -> CArgument | None:
        return next((a for a in self.pro[s] if self.applicable(a) and self.weight(a) > 0), None)

    def unsupported(self, s: str) -> bool:
        return all(self.applicable(a) and self.weight(a) <= 0 for a in self.pro[s])

    def ready(self, issue: Issue) -> bool:
        return all(
            self.undercut(a) == "in" or self.applicable(a)
            for s in issue.positions
            for a in self.pro[s]
        )

    def resolve(self, issue: Issue) -> None:
        best = {s: max((self.weight(a) for a in self.pro[s]), default=0.0) for s in issue.positions}
        winner = None
        for s, w1 in best.items():
            rivals = [w for t, w in best.items() if t != s]
            w2 = max(rivals, default=0.0)
            wins = w1 > 0 and all(w1 > w for w in rivals)
            if issue.standard in ("CCE", "BRD"):
                wins = wins and w1 - w2 > ALPHA
            if issue.standard == "BRD":
                wins = wins and w2 < BETA
            if wins:
                winner = s
        for s, w in best.items():
            if self.label[s] != "undecided":
                continue
            if s == winner:
                rival = max((v for t, v in best.items() if t != s), default=0.0)
                self.set(
                    s,
                    "in",
                    f"in: wins issue {issue.id} under {issue.standard} "
                    f"(weight {_figure(w, rival)} against {_figure(rival, w)})",
                )
            else:
                self.set(
                    s,
                    "out",
                    f"out: does not win issue {issue.id} under {issue.standard} "
                    f"(weight {_figure(w)}"
                    + (f"; {winner} wins)" if winner else "; no position wins)"),
                )

    def step(self, s: str) -> bool:
        """Try to decide the undecided statement `s`; whether anything changed."""
        position_of = self.issue_of.get(s)
        if self.unsupported(s):
            reasons = "; ".join(self.why_not(a) for a in self.pro[s])
            self.set(
                s,
                "out",
                "out: no applicable argument of positive weight"
                + (f" ({reasons})" if reasons else " (no argument for it)"),
            )
            return True
        if position_of is None:
            argument = self.supported(s)
            if argument is None:
                return False
            self.set(
                s, "in", f"in: supported by {argument.id} (weight {_figure(self.weight(argument))})"
            )
            return True
        if self.ready(position_of):
            self.resolve(position_of)
            return True
        return False

    def set(self, s: str, label: Label, reason: str) -> None:
        self.label[s] = label
        self.reason[s] = reason


def evaluate(graph: ArgumentGraph) -> Labelling:
    """Label every statement in, out or undecided, with a reason for each.

    Complexity: each pass is linear in statements and arguments; at most one pass per
    statement decided, so O(S · (S + A)) in the worst case.
    """
    state = _State(graph)
    for s in graph.statements:
        if s in graph.assumptions:
            state.set(s, "in", "in: assumed")
    for issue in graph.issues:
        if any(state.label[p] == "in" for p in issue.positions):
            for p in issue.positions:
                if state.label[p] == "undecided":
                    state.set(p, "out", f"out: another position of issue {issue.id} is assumed")
    while any(state.step(s) for s in list(graph.statements) if state.label[s] == "undecided"):
        pass
    for s in graph.statements:
        if state.label[s] == "undecided":
            state.reason[s] = "undecided: its arguments depend on statements not yet decided"
    return Labelling(dict(state.label), dict(state.reason))


_RATING_STRENGTH: Final = {"CC": 1.0, "C": 0.5, "I": 0.5, "II": 1.0}
_NOT_ASSUMED: Final = frozenset({"caveated", "unsupported"})
DECLARED_STRENGTH: Final = 0.5
"""Strength of a declared argument that gives no weight (that of a C-rated link)."""


def negation(statement: str) -> str:
    """The id of a statement's complement: the position con arguments argue for.

    Examples:
        >>> negation("defy")
        '¬defy'
    """
    return f"¬{statement}"


def assumed_evidence(case: Case, item: str) -> bool:
    """Whether an evidence item is assumed in: its best source graded A-C, its credibility 1-3.

    A lower-graded item is questioned: it is in only if an argument makes it so. The line
    is drawn on the letters, not on the probabilities of a `GradeModel`, so that a changed
    model moves the strengths of arguments but not what is taken as given.
    """
    evidence = case.get(item, Evidence)
    letters = [case.get(s, Source).grade for s in evidence.sources if s in case]
    return min(letters, default="F") <= "C" and evidence.credibility <= 3


def case_graph(case: Case, *, grades: GradeModel = DEFAULT_GRADES) -> ArgumentGraph:
    """A case as a Carneades argument graph that weighs what the analyst said.

    * Each hypothesis is an issue between it and its negation (``¬h``), decided by the
      preponderance of the evidence. A link rated CC or C is a pro argument for the
      hypothesis; one rated I or II is a *con* argument (an argument for ``¬h``). Neutral
      links are left out. Copies of an item add nothing: an issue is decided by the
      strongest argument on each side.
    * Strength = rating (CC and II 1, C and I 0.5) x the probability that the item
      reflects reality (its source's reliability x its credibility, `GradeModel`) x the
      link's relevance (low 1/3, medium 2/3, high 1).
    * Evidence is assumed only when its grade says so (`assumed_evidence`): low-graded
      items are questioned, and their arguments weigh nothing unless something supports
      them.
    * Declared arguments take part with their stance, scheme and undercutter; their
      strength is their weight, or `DECLARED_STRENGTH`.
    * Key assumptions are assumed unless marked ``caveated`` or ``unsupported``. What an
      assumption ``supports`` rests on it: an item resting on a doubted assumption is not
      taken as given (so its arguments weigh nothing, and it cannot undercut, unless
      something argues it in); a declared argument takes the assumption as an extra
      premise; so do the arguments *for* a hypothesis (links rated C or CC and pro
      arguments; those against it do not rest on it).

    Complexity: O(L + A + S) for L links, A arguments and S statements.
    """
    statements = {e.id: e.claim for e in case.evidence}
    statements.update({h.id: h.statement for h in case.hypotheses})
    statements.update({a.id: a.statement for a in case.assumptions})
    rests_on: dict[str, list[str]] = {}
    for assumption in case.assumptions:
        for target in assumption.supports:
            rests_on.setdefault(target, []).append(assumption.id)
    hypotheses = {h.id for h in case.hypotheses}
    contested = set(hypotheses)
    arguments = []
    top = max(grades.relevance.values(), default=1.0) or 1.0
    for i, link in enumerate(case.links):
        if link.direction == "neutral" or link.evidence not in case:
            continue
        item = case.get(link.evidence, Evidence)
        letters = [case.get(s, Source).grade for s in item.sources if s in case]
        truth = grades.reliability[min(letters, default="F")] * grades.credibility[item.credibility]
        strength = (
            _RATING_STRENGTH.get(link.rating, 0.5)
            * truth
            * grades.relevance.get(link.relevance, 1.0)
            / top
        )
        target = link.hypothesis if link.direction == "supports" else negation(link.hypothesis)
        # An assumption that supports the hypothesis is a premise of the arguments for it,
        # not of those against it: doubting it must not silence the evidence against. One
        # that supports the item acts through the item (not taken as given while doubted),
        # so the item's link arguments and its declared ones stand or fall together.
        premises = (
            link.evidence,
            *(rests_on.get(link.hypothesis, ()) if target == link.hypothesis else ()),
        )
        arguments.append(
            CArgument(
                f"link-{i}-{target}",
                target,
                tuple(dict.fromkeys(premises)),
                None,
                "linked",
                strength,
            )
        )
    for argument in case.arguments:
        conclusion = (
            argument.conclusion if argument.stance == "pro" else negation(argument.conclusion)
        )
        if argument.stance == "con":
            contested.add(argument.conclusion)
        premises = (
            *argument.premises,
            *rests_on.get(argument.id, ()),
            *(
                rests_on.get(argument.conclusion, ())
                if argument.stance == "pro" and argument.conclusion in hypotheses
                else ()
            ),
        )
        arguments.append(
            CArgument(
                argument.id,
                conclusion,
                tuple(dict.fromkeys(premises)),
                argument.undercutter,
                argument.scheme,
                DECLARED_STRENGTH if argument.weight is None else argument.weight,
            )
        )
    issues = []
    for statement in sorted(contested, key=list(statements).index):
        statements[negation(statement)] = f"Not: {statements[statement]}"
        issues.append(Issue(f"{statement}?", (statement, negation(statement)), "PE"))
    doubted = {a.id for a in case.assumptions if a.status in _NOT_ASSUMED}
    assumed = {
        e.id
        for e in case.evidence
        if assumed_evidence(case, e.id) and not doubted.intersection(rests_on.get(e.id, ()))
    }
    assumed |= {a.id for a in case.assumptions if a.id not in doubted}
    return ArgumentGraph(statements, arguments, issues, assumed, {"title": case.meta.title})
