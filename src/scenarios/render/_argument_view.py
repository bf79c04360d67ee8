"""The argument view: the reasoning of a case, drawn as Argdown draws an argument map.

Where `argument_map` draws the evidence matrix (items linked to hypotheses), this view
draws the reasoning: statements (hypotheses, evidence claims, assumptions, and the
intermediate conclusions arguments lead to) and arguments as nodes, with premise →
argument → conclusion edges. As in Argdown:

- **support** is an arrow, **attack** a bar, and an **undercut** (an argument's
  `undercutter`) runs to the argument, the inference it defeats (Argdown's green and
  red are here the blue and vermillion of `PALETTE`, shared with `argument_map`);
- an evidence item rated CC/C against a hypothesis supports it, one rated I/II attacks
  it (N links only with ``neutral=True``; NA never);
- assumptions, the unstated premises, are dashed.

The inference flows upward: grounds (evidence) at the bottom, the questions'
hypotheses at the top, one box per hypothesis set, each hypothesis showing its
standing (posterior with confidence, Carneades label) from `scenarios.analysis.analyse`.

The look holds without colour: support is solid with a filled arrow, attack dashed
with a bar, undercut dotted with a bar; statements are rounded, arguments square and
filled, assumptions dashed. Colours are from the Okabe-Ito palette, which colour-blind
readers tell apart, the same as the map's. The legend lists only what is drawn.

Examples:
    >>> from scenarios import Argument, CaseBuilder, Evidence, Hypothesis, Quote, Source
    >>> b = CaseBuilder(title="t")
    >>> b.add(Source(id="s", title="S", reliability="B"),
    ...       Hypothesis(id="h", statement="The bridge failed by corrosion."),
    ...       Evidence(id="e", claim="The cables were rusted.", credibility=2,
    ...                quotes=(Quote(source="s", text="rusted"),)),
    ...       Argument(id="a", premises=("e",), conclusion="h", description="Rust weakens."))
    >>> dot = argument_view(b.build(), legend=False).source
    >>> 'rankdir=BT' in dot and 'Rust weakens.' in dot
    True
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final

import graphviz

from scenarios.analysis import CaseAnalysis, analyse
from scenarios.model import Case, HypothesisSet, Source
from scenarios.provenance import evidence_grade
from scenarios.render._escape import attribute_text, html_lines
from scenarios.render._layout import (
    EDGE_LEGEND,
    EDGE_STYLES,
    MAX_ASPECT,
    Relation,
    balanced,
    labels_beside,
    legend_table,
    rating_drawn,
    rating_label,
    staggered,
)
from scenarios.render._views import assumption_heading, neighbourhood, one_view

__all__ = ["MAX_ASPECT", "VIEW_NODES", "argument_view"]

VIEW_NODES: Final = {
    "hypothesis": {
        "shape": "box",
        "style": "rounded,filled,bold",
        "fillcolor": "#FFF3C4",
        "color": "#8a6d00",
    },
    "statement": {"shape": "box", "style": "rounded,filled", "fillcolor": "#ffffff"},
    "evidence": {"shape": "box", "style": "rounded,filled", "fillcolor": "#F2F6FA"},
    "argument": {"shape": "box", "style": "filled", "fillcolor": "#D6E9F8", "color": "#0072B2"},
    "assumption": {"shape": "box", "style": "rounded,dashed,filled", "fillcolor": "#F7F7F7"},
}
"""The look of each kind of node (shape and line first: colour is never the only mark)."""

_WIDTH: Final = {"low": "1", "medium": "1.6", "high": "2.4"}

_LEGEND_ROWS: Final[dict[str, tuple[str, str]]] = {
    "hypothesis": ("bold rounded box", "hypothesis, with its standing"),
    "evidence": ("rounded box (grade, date)", "evidence: a ground"),
    "statement": ("rounded white box", "intermediate conclusion (evidence argued to)"),
    "argument": ("square filled box", "argument: its reasoning"),
    "assumption": ("dashed rounded box", "assumption (unstated premise)"),
    **EDGE_LEGEND,
}


@dataclass
class _Selection:
    """The ids a view shows."""

    ids: set[str] | None  # None: everything

    def __contains__(self, key: str) -> bool:
        return self.ids is None or key in self.ids


def _grow(case: Case, core: set[str]) -> set[str]:
    """`core` with the arguments on it, their premises and undercutters, and assumptions.

    Repeated to a fixed point so that a chain of arguments is shown whole.
    Complexity: O(rounds × (arguments + assumptions)), rounds at most the chain's length.
    """
    shown = set(core)
    while True:
        before = len(shown)
        for argument in case.arguments:
            if argument.conclusion in shown or argument.id in shown:
                shown.add(argument.id)
                shown.update(argument.premises)
                if argument.undercutter:
                    shown.add(argument.undercutter)
        for assumption in case.assumptions:
            if any(target in shown for target in assumption.supports):
                shown.add(assumption.id)
        if len(shown) == before:
            return shown


def _select(
    case: Case,
    *,
    focus: str | None,
    depth: int,
    hypothesis_set: str | None,
    source: str | None,
) -> _Selection:
    one_view(focus, hypothesis_set, source)
    if focus is not None:  # the neighbourhood, with the chains through it whole
        return _Selection(_grow(case, neighbourhood(case, focus, depth, sources=False)))
    if hypothesis_set is not None:
        members = set(case.get(hypothesis_set, HypothesisSet).hypotheses)
        linked = {
            link.evidence
            for link in case.links
            if link.hypothesis in members and link.rating not in ("N", "NA")
        }
        return _Selection(_grow(case, members | linked))
    if source is not None:
        case.get(source, Source)
        items = {e.id for e in case.evidence_from(source)}
        targets = {
            link.hypothesis
            for link in case.links
            if link.evidence in items and link.rating not in ("N", "NA")
        }
        using = {a.id for a in case.arguments if items & set(a.premises)}
        return _Selection(items | targets | _grow(case, using) - _unrelated(case, items))
    return _Selection(None)


def _unrelated(case: Case, items: set[str]) -> set[str]:
    """Evidence not from the chosen source: a source view shows only its own grounds."""
    return {e.id for e in case.evidence} - items


@dataclass
class _Drawing:
    """A view being drawn: generated node ids, and what the legend must list."""

    case: Case
    shown: _Selection
    width: int
    graph: graphviz.Digraph = field(default_factory=lambda: graphviz.Digraph("arguments"))
    nodes: dict[str, str] = field(default_factory=dict)
    used: dict[str, None] = field(default_factory=dict)
    levels: dict[str, int] = field(default_factory=dict)
    """Grounds staggered over rows, as ``unflatten`` does, so a wide row of evidence
    becomes a block (0 for the row nearest its conclusions)."""

    def node_id(self, key: str) -> str:
        if key not in self.nodes:
            self.nodes[key] = f"n{len(self.nodes) + 1}"
        return self.nodes[key]

    def label(self, text: str, *, head: str = "", foot: str = "", chars: int = 220) -> str:
        body = html_lines(text, width=self.width, max_chars=chars)
        top = f"<B>{html_lines(head, width=self.width, max_chars=90)}</B>" if head else ""
        top += "<BR/>" if head and body else ""
        bottom = (
            f'<BR/><FONT POINT-SIZE="10" COLOR="#444444">'
            f"{html_lines(foot, width=self.width + 8, max_chars=120)}</FONT>"
            if foot
            else ""
        )
        return f"<{top}{body}{bottom}>"

    def add_node(
        self, into: graphviz.Digraph, key: str, kind: str, label: str, tooltip: str
    ) -> None:
        self.used[kind] = None
        into.node(self.node_id(key), label, tooltip=attribute_text(tooltip), **VIEW_NODES[kind])

    def add_edge(self, tail: str, head: str, relation: Relation, **extra: str) -> None:
        self.used[relation] = None
        self.graph.edge(self.node_id(tail), self.node_id(head), **EDGE_STYLES[relation], **extra)


def _standing(analysis: CaseAnalysis) -> dict[str, str]:
    """Each hypothesis's standing in words: posterior with confidence, Carneades label."""
    found: dict[str, str] = {}
    for one in analysis.sets:
        for row in one.rows:
            parts = []
            if row.posterior is not None:
                parts.append(f"{row.posterior:.0%}: {row.judgement}")
            if row.label:
                parts.append(f"Carneades {row.label}")
            found.setdefault(row.hypothesis, "; ".join(parts))
    return found


def _hypotheses(draw: _Drawing, standing: Mapping[str, str]) -> None:
    boxes: dict[str, graphviz.Digraph] = {}
    for h in draw.case.hypotheses:
        if h.id not in draw.shown:
            continue
        home = draw.case.sets_of(h.id)
        target = draw.graph
        if home:
            group = home[0]
            if group.id not in boxes:
                box = graphviz.Digraph(name=f"cluster_{len(boxes) + 1}")
                box.attr(
                    label=draw.label(group.question, chars=200),
                    style="rounded,dashed",
                    color="#8c959f",
                    fontname="Helvetica",
                    fontsize="12",
                    labelloc="b",  # the top, once the ranks run bottom to top
                    rank="same",
                )
                boxes[group.id] = box
            target = boxes[group.id]
        draw.add_node(
            target,
            h.id,
            "hypothesis",
            draw.label(h.statement, foot=standing.get(h.id, "")),
            f"{h.id}: {h.statement}",
        )
    for box in boxes.values():
        draw.graph.subgraph(box)


def _grounds(draw: _Drawing, reasoned: set[str], concluded: set[str]) -> None:
    """Evidence items with their grade and date, rated against a hypothesis or reasoned with.

    An item an argument concludes is drawn as an intermediate conclusion.
    """
    linked = {link.evidence for link in draw.case.links if link.rating != "NA"}
    for item in draw.case.evidence:
        if item.id not in draw.shown or (item.id not in linked and item.id not in reasoned):
            continue
        grade = evidence_grade(draw.case, item)
        when = item.occurred or item.reported or ""
        quoted = " | ".join(f"\u201c{q.text}\u201d ({q.source})" for q in item.quotes)
        draw.add_node(
            draw.graph,
            item.id,
            "statement" if item.id in concluded else "evidence",
            draw.label(item.claim, head=f"{grade} {when}".strip()),
            f"{item.id} ({grade}): {item.claim}\n{quoted}",
        )


def _assumptions(draw: _Drawing) -> None:
    for assumption in draw.case.assumptions:
        if assumption.id not in draw.shown:
            continue
        draw.add_node(
            draw.graph,
            assumption.id,
            "assumption",
            draw.label(assumption.statement, head=assumption_heading(assumption.status)),
            f"{assumption.id}: {assumption.statement}",
        )


def _arguments(draw: _Drawing) -> None:
    for argument in draw.case.arguments:
        if argument.id not in draw.shown:
            continue
        premises = [p for p in argument.premises if p in draw.nodes]
        folded = len(argument.premises) - len(premises)
        foot = f"{len(argument.premises)} premise{'s' if len(argument.premises) != 1 else ''}"
        if folded:
            foot += f", {folded} not shown"
        if argument.weight is not None:
            foot += f"; weight {argument.weight:g}"
        draw.add_node(
            draw.graph,
            argument.id,
            "argument",
            draw.label(argument.description or "", head=argument.id, foot=foot),
            f"{argument.id}: {argument.description or ''}\n"
            f"premises: {', '.join(argument.premises)}",
        )
        for premise in premises:
            if premise in draw.nodes:
                draw.add_edge(premise, argument.id, "premise", minlen=_minlen(draw, premise))
        if argument.conclusion in draw.nodes:
            relation: Relation = "supports" if argument.stance == "pro" else "contradicts"
            draw.add_edge(argument.id, argument.conclusion, relation)
        if argument.undercutter and argument.undercutter in draw.nodes:
            draw.add_edge(argument.undercutter, argument.id, "undercuts", xlabel="unless")


def _minlen(draw: _Drawing, ground: str) -> str:
    return str(1 + draw.levels.get(ground, 0))


def _links(draw: _Drawing, *, neutral: bool) -> None:
    for link in draw.case.links:
        if link.evidence not in draw.nodes or link.hypothesis not in draw.nodes:
            continue
        if not rating_drawn(link.rating, neutral=neutral):
            continue
        draw.add_edge(
            link.evidence,
            link.hypothesis,
            link.direction,
            minlen=_minlen(draw, link.evidence),
            label=rating_label(link.rating, link.direction),
            penwidth=_WIDTH[link.relevance],
            tooltip=attribute_text(f"{link.rating}: {link.rationale or link.direction}"),
        )


def _rests_on(draw: _Drawing) -> None:
    for assumption in draw.case.assumptions:
        if assumption.id not in draw.nodes:
            continue
        for target in assumption.supports:
            if target in draw.nodes:
                draw.add_edge(assumption.id, target, "rests-on")


def argument_view(
    case: Case,
    *,
    focus: str | None = None,
    depth: int = 2,
    hypothesis_set: str | None = None,
    source: str | None = None,
    neutral: bool = False,
    analysis: CaseAnalysis | None = None,
    legend: bool = True,
    label_width: int = 30,
    balance: bool = True,
) -> graphviz.Digraph:
    """Draw the reasoning of `case` (or one view of it) as an Argdown-style argument map.

    Complexity: O(objects + links) to build, plus `analyse` when `analysis` is not given,
    and a fixed point over the arguments to show each chain whole.

    Args:
        case: The case.
        focus: Show this object and its neighbourhood, `depth` steps out, with every
            argument chain that ends in it whole (premises, undercutters, assumptions).
        depth: Steps out from `focus`.
        hypothesis_set: Show this set's hypotheses, the evidence rated against them, and
            every argument, premise, undercutter and assumption their reasoning rests on.
        source: Show the evidence quoted from this source, what it bears on, and the
            arguments built on it.
        neutral: Also draw N links.
        analysis: The case's `analyse` result, for the hypotheses' standing (computed
            when not given).
        legend: Draw the legend (of what is drawn only).
        label_width: Characters per label line.
        balance: Lay the view out once with Graphviz and, if one side is more than
            twice the other, spread it along the short side (`MAX_ASPECT`); then set
            again beside its edge any rating Graphviz left adrift from it.

    Returns:
        The `graphviz.Digraph`, for rendering or adjusting.

    Raises:
        scenarios.errors.UnknownIdError: `focus`, `hypothesis_set` or `source` names
            nothing of that kind.
        OptionError: Two views at once, or a negative depth.
    """
    shown = _select(case, focus=focus, depth=depth, hypothesis_set=hypothesis_set, source=source)
    draw = _Drawing(case, shown, label_width)
    draw.graph.attr(
        rankdir="BT",
        newrank="true",
        fontname="Helvetica",
        nodesep="0.35",
        ranksep="0.7",
        splines="true",
        tooltip=attribute_text(case.meta.title),
    )
    draw.graph.attr("node", fontname="Helvetica", fontsize="12", margin="0.14,0.08")
    draw.graph.attr("edge", fontname="Helvetica", fontsize="10")
    arguments = [a for a in case.arguments if a.id in shown]
    concluded = {a.conclusion for a in arguments}
    reasoned = {p for a in arguments for p in a.premises} | concluded
    reasoned |= {a.undercutter for a in arguments if a.undercutter}
    _hypotheses(draw, _standing(analysis or analyse(case)) if case.hypotheses else {})
    _grounds(draw, reasoned, concluded)
    draw.levels = staggered(
        [e.id for e in case.evidence if e.id in draw.nodes and e.id not in concluded]
    )
    _assumptions(draw)
    _arguments(draw)
    _links(draw, neutral=neutral)
    _rests_on(draw)
    if legend and draw.used:
        draw.graph.node(
            "legend", legend_table(_LEGEND_ROWS, draw.used), shape="plaintext", fontsize="10"
        )
    if balance:
        labels_beside(balanced(draw.graph))
    return draw.graph
