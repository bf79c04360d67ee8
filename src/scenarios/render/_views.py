"""What the views of a diagram have in common: one view at a time, and neighbourhoods."""

from __future__ import annotations

from collections import defaultdict, deque

from scenarios.errors import OptionError
from scenarios.model import Case

__all__ = ["assumption_heading", "neighbourhood", "one_view"]


def assumption_heading(status: str) -> str:
    """The first line of an assumption's node in either diagram: what it is, and its status.

    Examples:
        >>> assumption_heading("caveated")
        'assumption (caveated)'
    """
    return f"assumption ({status})"


def one_view(focus: str | None, hypothesis_set: str | None, source: str | None) -> None:
    """Refuse two views at once.

    Raises:
        OptionError: More than one of `focus`, `hypothesis_set` and `source` is given.
    """
    if sum(x is not None for x in (focus, hypothesis_set, source)) > 1:
        raise OptionError("choose one view: focus, hypothesis_set or source")


def neighbourhood(case: Case, focus: str, depth: int, *, sources: bool) -> set[str]:
    """The ids within `depth` steps of `focus`, the case seen as an undirected graph.

    Its edges: links, parents, arguments, assumptions, and evidence to its sources if
    `sources`.

    Complexity: O(objects + references) to build the graph, then a breadth-first search.

    Raises:
        scenarios.errors.UnknownIdError: `focus` names nothing in the case.
        OptionError: `depth` is negative.
    """
    case.get(focus)  # raises UnknownIdError with a suggestion
    if depth < 0:
        raise OptionError(f"depth must be 0 or more, not {depth}")
    return _within(_neighbours(case, sources=sources), focus, depth)


def _neighbours(case: Case, *, sources: bool) -> dict[str, set[str]]:
    """The case as an undirected graph of ids, for neighbourhoods."""
    graph: defaultdict[str, set[str]] = defaultdict(set)

    def join(a: str, b: str) -> None:
        graph[a].add(b)
        graph[b].add(a)

    for link in case.links:
        join(link.evidence, link.hypothesis)
    for h in case.hypotheses:
        if h.parent:
            join(h.id, h.parent)
    for argument in case.arguments:
        for other in (*argument.premises, argument.conclusion, argument.undercutter):
            if other:
                join(argument.id, other)
    for assumption in case.assumptions:
        for other in assumption.supports:
            join(assumption.id, other)
    if sources:
        for item in case.evidence:
            for source in item.sources:
                join(item.id, source)
    return graph


def _within(graph: dict[str, set[str]], start: str, depth: int) -> set[str]:
    seen, queue = {start}, deque([(start, 0)])
    while queue:
        node, steps = queue.popleft()
        if steps < depth:
            for other in graph.get(node, ()):
                if other not in seen:
                    seen.add(other)
                    queue.append((other, steps + 1))
    return seen
