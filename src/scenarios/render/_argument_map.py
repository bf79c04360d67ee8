"""Argument maps: a case, or part of it, as a `graphviz.Digraph`.

Hypotheses, evidence (claim, combined grade such as ``B2``, date), and
optionally sources, arguments and assumptions, each kind with its own shape.
Support and contradiction differ in more than colour: support is a solid line
with a filled arrow, contradiction a dashed line ending in a bar, neutral a
dotted line with an open dot, so the map reads in greyscale and for
colour-blind readers. Line width grows with relevance. Each set is a box headed by
its question, holding its hypotheses and the evidence, arguments and assumptions that
bear on them (a map of one set has no box: the question heads the map). The rating is
each link's label, in its colour; a legend explains the marks, only those drawn.

Node ids are generated (``n1``, ``n2`` ...) in case order, never taken from user
text; every user string goes through `scenarios.render._escape`.

Examples:
    >>> from scenarios import CaseBuilder, Evidence, Hypothesis, Quote, Source
    >>> b = CaseBuilder(title="t")
    >>> b.add(Source(id="s", title="S", reliability="B"), Hypothesis(id="h", statement="It is so."),
    ...       Evidence(id="e", claim="It was seen.", credibility=2,
    ...                quotes=(Quote(source="s", text="seen"),)))
    >>> b.link("e", "h", "CC", relevance="high")
    >>> dot = argument_map(b.build(), legend=False).source
    >>> 'n2 -> n1 [' in dot and 'style=solid' in dot and 'penwidth=3' in dot
    True
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final, Literal, TypeAlias

import graphviz

from scenarios.model import Argument, Case, Evidence, Hypothesis, HypothesisSet, Source
from scenarios.provenance import evidence_grade
from scenarios.render._escape import attribute_text, dot_url, html_lines
from scenarios.render._layout import (
    EDGE_LEGEND,
    EDGE_STYLES,
    balanced,
    labels_beside,
    legend_table,
    rating_drawn,
    rating_label,
    staggered,
)
from scenarios.render._views import assumption_heading, neighbourhood, one_view
from scenarios.types import Stance

__all__ = ["EDGE_STYLES", "NODE_STYLES", "Clustering", "RankDir", "argument_map"]

RankDir: TypeAlias = Literal["LR", "RL", "TB", "BT"]
"""Layout direction: left to right, right to left, top to bottom, bottom to top."""

Clustering: TypeAlias = Literal["set", "source", "none"]
"""What boxes group: hypotheses by set, evidence by the source it quotes first, or nothing."""

NODE_STYLES: Final = {
    "hypothesis": {"shape": "box", "style": "rounded,filled,bold", "fillcolor": "#fff2cc"},
    "evidence": {"shape": "note", "style": "filled", "fillcolor": "#ffffff"},
    "source": {"shape": "folder", "style": "filled", "fillcolor": "#eeeeee"},
    "argument": {"shape": "diamond", "style": "filled", "fillcolor": "#dae8fc"},
    "assumption": {"shape": "parallelogram", "style": "filled,dashed", "fillcolor": "#f5f5f5"},
}
"""The look of each kind of node (shape first: colour is never the only difference)."""

_WIDTH: Final = {"low": "1", "medium": "2", "high": "3"}


@dataclass(frozen=True, slots=True)
class _Scope:
    """What a view shows, by id."""

    hypotheses: frozenset[str]
    evidence: frozenset[str]
    arguments: frozenset[str]
    assumptions: frozenset[str]


def _link(url: str | None) -> dict[str, str]:
    """The URL attribute, only for a safe URL (http, https or relative), escaped for SVG."""
    safe = dot_url(url)
    return {"URL": safe, "target": "_blank"} if safe else {}


def _scope(case: Case, keep: Iterable[str] | None) -> _Scope:
    chosen = None if keep is None else set(keep)

    def ids(items: Iterable[Hypothesis | Evidence | Argument | object]) -> frozenset[str]:
        found = (getattr(item, "id", "") for item in items)
        return frozenset(i for i in found if chosen is None or i in chosen)

    return _Scope(
        ids(case.hypotheses), ids(case.evidence), ids(case.arguments), ids(case.assumptions)
    )


def _view(
    case: Case,
    *,
    focus: str | None,
    depth: int,
    hypothesis_set: str | None,
    source: str | None,
    show_sources: bool,
    neutral: bool,
) -> _Scope:
    one_view(focus, hypothesis_set, source)
    drawn = [link for link in case.links if rating_drawn(link.rating, neutral=neutral)]
    if focus is not None:
        return _scope(case, neighbourhood(case, focus, depth, sources=show_sources))
    if hypothesis_set is not None:
        members = set(case.get(hypothesis_set, HypothesisSet).hypotheses)
        linked = {link.evidence for link in drawn if link.hypothesis in members}
        concluding = {a.id for a in case.arguments if a.conclusion in members}
        shown = members | linked | concluding
        # the assumptions that hold up anything shown: the set's box holds them too
        resting = {a.id for a in case.assumptions if shown.intersection(a.supports)}
        return _scope(case, shown | resting)
    if source is not None:
        case.get(source, Source)
        items = {e.id for e in case.evidence_from(source)}
        targets = {link.hypothesis for link in drawn if link.evidence in items}
        return _scope(case, items | targets)
    return _scope(case, None)


def _box(name: str, label: str) -> graphviz.Digraph:
    """A cluster: a dashed, rounded box with a heading."""
    box = graphviz.Digraph(name=name)
    box.attr(label=label, style="rounded,dashed", color="#8c959f", fontname="Helvetica")
    return box


class _Builder:
    """Adds a case's objects to a graph, with generated node ids and escaped labels."""

    def __init__(
        self, case: Case, scope: _Scope, width: int, chars: int, clustering: Clustering = "set"
    ) -> None:
        self.case, self.scope, self.width, self.chars = case, scope, width, chars
        self.clustering = clustering
        self.graph = graphviz.Digraph(name="argument_map")
        self.nodes: dict[str, str] = {}
        self.used: dict[str, None] = {}  # what the legend must list
        self.home: dict[str, str] = {}  # evidence -> the source box it is drawn in
        self.boxes: dict[str, graphviz.Digraph] = {}  # set id -> what its box holds
        self.questions: dict[str, str] = {}  # set id -> its box's title
        self.box_of: dict[str, str] = {}  # object id -> the set box it is drawn in

    def node_id(self, key: str) -> str:
        if key not in self.nodes:
            self.nodes[key] = f"n{len(self.nodes) + 1}"
        return self.nodes[key]

    def label(self, text: str, *, head: str = "", chars: int | None = None) -> str:
        body = html_lines(text, width=self.width, max_chars=chars or self.chars)
        bold = f"<B>{html_lines(head, width=self.width, max_chars=60)}</B><BR/>" if head else ""
        return f"<{bold}{body}>"

    def hypotheses(self) -> None:
        # Unboxed, the hypotheses share the last rank: conclusions in one line.
        last = graphviz.Digraph(name="hypotheses", graph_attr={"rank": "max"})
        for h in self.case.hypotheses:
            if h.id not in self.scope.hypotheses:
                continue
            target = last if self.clustering == "source" else self.graph
            home = self.case.sets_of(h.id) if self.clustering == "set" else ()
            if home:
                group = home[0]
                if group.id not in self.boxes:
                    self.boxes[group.id] = graphviz.Digraph(name=group.id)  # boxed when closed
                    self.questions[group.id] = self.label(group.question, chars=200)
                target = self.boxes[group.id]
                self.box_of[h.id] = group.id
            self.used["hypothesis"] = None
            target.node(
                self.node_id(h.id),
                self.label(h.statement),
                tooltip=attribute_text(f"{h.id}: {h.statement}"),
                **NODE_STYLES["hypothesis"],
            )
        if last.body:
            self.graph.subgraph(last)

    def target(self, key: str, near: Iterable[str]) -> graphviz.Digraph:
        """The set box of what `key` bears on, if all of it is in one box; else the graph.

        Each set's box then holds its evidence, arguments and assumptions beside its
        hypotheses, so a set's edges stay inside its box, below its title.
        """
        homes = {self.box_of.get(other) for other in near if other in self.nodes}
        if len(homes) != 1 or None in homes:
            return self.graph
        (home,) = homes
        assert home is not None  # for mypy: None was ruled out above
        self.box_of[key] = home
        return self.boxes[home]

    def close_boxes(self) -> None:
        """Add the set boxes, once everything drawn in them is in (a subgraph is a copy).

        A lone box (a set's view) is left out and its question heads the map: the
        title of a box can be crossed by edges routed around its contents, the map's
        own title cannot.
        """
        if len(self.boxes) == 1:
            ((set_id, box),) = self.boxes.items()
            self.graph.attr(label=self.questions[set_id], labelloc="t", fontsize="16")
            self.graph.body += box.body
            return
        for k, (set_id, box) in enumerate(self.boxes.items(), start=1):
            cluster = _box(f"cluster_{k}", self.questions[set_id])
            cluster.body += box.body
            self.graph.subgraph(cluster)

    def evidence(self, *, show_sources: bool) -> None:
        sources = {s.id: s for s in self.case.sources}
        boxes: dict[str, graphviz.Digraph] = {}
        for item in self._by_set():
            if item.id not in self.scope.evidence:
                continue
            self.used["evidence"] = None
            grade = evidence_grade(self.case, item)
            first = sources.get(item.quotes[0].source)
            quoted = " | ".join(f"\u201c{q.text}\u201d ({q.source})" for q in item.quotes)
            target = self.target(item.id, self._first_box(item.id))
            if self.clustering == "source" and first is not None:
                if first.id not in boxes:
                    boxes[first.id] = _box(
                        f"cluster_source_{len(boxes) + 1}",
                        self.label(first.title, head=first.grade, chars=80),
                    )
                target = boxes[first.id]
                self.home[item.id] = first.id
            target.node(
                self.node_id(item.id),
                self.label(item.claim, head=f"{grade} {item.occurred or item.reported or ''}"),
                tooltip=attribute_text(f"{item.id} ({grade}): {item.claim}\n{quoted}"),
                **_link(first.url if first else None),
                **NODE_STYLES["evidence"],
            )
            if show_sources:
                for sid in item.sources:
                    if sid in sources:
                        self.source(sources[sid], item.id)
        for box in boxes.values():
            self.graph.subgraph(box)

    def _by_set(self) -> list[Evidence]:
        """Evidence by the first set each item is rated in (stable): a set's grounds together."""
        order: dict[str, int] = {}
        for k, group in enumerate(self.case.hypothesis_sets):
            for h in group.hypotheses:
                order.setdefault(h, k)
        first: dict[str, int] = {}
        for link in self.case.links:
            if link.rating not in ("N", "NA") and link.hypothesis in order:
                rank = order[link.hypothesis]
                first[link.evidence] = min(first.get(link.evidence, rank), rank)
        return sorted(self.case.evidence, key=lambda e: first.get(e.id, len(order) + 1))

    def _first_box(self, item: str) -> tuple[str, ...]:
        """A hypothesis `item` is rated on, in the first set box it has a rated link into."""
        order = {set_id: k for k, set_id in enumerate(self.boxes)}
        rated = [
            link.hypothesis
            for link in self.case.links_from(item)
            if link.rating not in ("N", "NA") and link.hypothesis in self.box_of
        ]
        return (min(rated, key=lambda h: order[self.box_of[h]]),) if rated else ()

    def source(self, src: Source, item: str) -> None:
        self.used["source"] = None
        self.graph.node(
            self.node_id(f"source:{src.id}"),
            self.label(src.title, head=f"{src.grade} {src.id}", chars=80),
            tooltip=attribute_text(f"{src.id}: {src.title}"),
            **_link(src.url),
            **NODE_STYLES["source"],
        )
        self.graph.edge(
            self.node_id(f"source:{src.id}"),
            self.node_id(item),
            style="dotted",
            arrowhead="none",
            color="#8c959f",
        )

    def links(self, *, neutral: bool) -> None:
        # Source boxes sit side by side on one rank: stagger the boxes over a few rows.
        rows = staggered(list(dict.fromkeys(self.home.values())))
        for link in self.case.links:
            if not rating_drawn(link.rating, neutral=neutral):
                continue
            if link.evidence in self.scope.evidence and link.hypothesis in self.scope.hypotheses:
                self.used[link.direction] = None
                if link.relevance != "medium":
                    self.used["relevance"] = None
                self.graph.edge(
                    self.node_id(link.evidence),
                    self.node_id(link.hypothesis),
                    label=rating_label(link.rating, link.direction),
                    minlen=str(1 + rows.get(self.home.get(link.evidence, ""), 0)),
                    penwidth=_WIDTH[link.relevance],
                    tooltip=attribute_text(f"{link.rating}: {link.rationale or link.direction}"),
                    **EDGE_STYLES[link.direction],
                )

    def arguments(self) -> None:
        visible = self.scope.hypotheses | self.scope.evidence | self.scope.assumptions
        for argument in self.case.arguments:
            if argument.id not in self.scope.arguments:
                continue
            own = self.node_id(argument.id)
            self.used["argument"] = None
            self.target(argument.id, (argument.conclusion,)).node(
                own,
                self.label(argument.description or argument.id, chars=120),
                tooltip=attribute_text(f"{argument.id}: {argument.description or ''}"),
                **NODE_STYLES["argument"],
            )
            for premise in argument.premises:
                if premise in visible:
                    self.used["premise"] = None
                    self.graph.edge(self.node_id(premise), own, **EDGE_STYLES["premise"])
            if argument.conclusion in visible:
                way: Stance = "supports" if argument.stance == "pro" else "contradicts"
                self.used[way] = None
                self.graph.edge(own, self.node_id(argument.conclusion), **EDGE_STYLES[way])
            if argument.undercutter and argument.undercutter in visible:
                self.used["undercuts"] = None
                self.graph.edge(
                    self.node_id(argument.undercutter),
                    own,
                    label="unless",
                    **EDGE_STYLES["undercuts"],
                )

    def assumptions(self) -> None:
        for assumption in self.case.assumptions:
            if assumption.id not in self.scope.assumptions:
                continue
            self.used["assumption"] = None
            self.target(assumption.id, assumption.supports).node(
                self.node_id(assumption.id),
                self.label(assumption.statement, head=assumption_heading(assumption.status)),
                tooltip=attribute_text(assumption.statement),
                **NODE_STYLES["assumption"],
            )
            for target in assumption.supports:
                if target in self.nodes:
                    self.used["rests-on"] = None
                    self.graph.edge(
                        self.node_id(assumption.id), self.node_id(target), **EDGE_STYLES["rests-on"]
                    )


def argument_map(
    case: Case,
    *,
    focus: str | None = None,
    depth: int = 2,
    hypothesis_set: str | None = None,
    source: str | None = None,
    show_sources: bool = False,
    cluster: Clustering = "set",
    rankdir: RankDir = "LR",
    legend: bool = True,
    label_width: int = 32,
    label_chars: int = 160,
    neutral: bool = False,
    balance: bool = True,
) -> graphviz.Digraph:
    """Build the argument map of `case`, or of one view of it.

    Complexity: O(objects + links) to build (plus a breadth-first search for `focus`).

    Args:
        case: The case.
        focus: Show this object and its neighbourhood, `depth` steps out.
        depth: Steps out from `focus`.
        hypothesis_set: Show this set's hypotheses, the evidence and arguments on them, and
            the assumptions that hold up any of these.
        source: Show the evidence quoted from this source and what it bears on.
        show_sources: Draw sources, with an edge to each item that quotes them.
        cluster: Box hypotheses by set (default), evidence by source, or nothing.
        rankdir: Layout direction.
        legend: Draw the legend.
        label_width: Characters per label line.
        label_chars: Characters per label before it is cut (the tooltip keeps more).
        neutral: Also draw N links (NA links are never drawn).
        balance: Lay the map out once with Graphviz and, if one side is more than twice
            the other, spread it along the short side; then set again beside its edge
            any rating Graphviz left adrift from it (`scenarios.render._layout`).

    Returns:
        The `graphviz.Digraph`, for rendering or adjusting.

    Raises:
        scenarios.errors.UnknownIdError: `focus`, `hypothesis_set` or `source` names nothing
            of that kind.
        OptionError: Two views at once, or a negative depth.
    """
    scope = _view(
        case,
        focus=focus,
        depth=depth,
        hypothesis_set=hypothesis_set,
        source=source,
        show_sources=show_sources,
        neutral=neutral,
    )
    build = _Builder(case, scope, label_width, label_chars, cluster)
    build.graph.attr(
        rankdir=rankdir,
        fontname="Helvetica",
        newrank="true",
        nodesep="0.3",
        ranksep="0.6",
        tooltip=attribute_text(case.meta.title),
    )
    build.graph.attr("node", fontname="Helvetica", fontsize="11", margin="0.12,0.06")
    build.graph.attr("edge", fontname="Helvetica", fontsize="9")
    build.hypotheses()
    build.evidence(show_sources=show_sources)
    build.links(neutral=neutral)
    build.arguments()
    build.assumptions()
    build.close_boxes()
    if legend and build.used:
        build.graph.node(
            "legend", legend_table(_LEGEND_ROWS, build.used), shape="plaintext", fontsize="9"
        )
    return labels_beside(balanced(build.graph)) if balance else build.graph


_LEGEND_ROWS: Final[dict[str, tuple[str, str]]] = {
    "hypothesis": ("rounded box", "hypothesis"),
    "evidence": ("note (grade, date)", "evidence"),
    "argument": ("diamond", "argument"),
    "assumption": ("slanted, dashed", "assumption"),
    "source": ("folder", "source"),
    **EDGE_LEGEND,
    "relevance": ("thicker line", "more relevant"),
}
