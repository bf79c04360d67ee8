"""Strongly connected components, iteratively (no recursion limit on long chains)."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator, Mapping
from typing import TypeVar

__all__ = ["cycles"]

N = TypeVar("N", bound=Hashable)


def cycles(edges: Mapping[N, Iterable[N]]) -> list[list[N]]:  # noqa: PLR0912 - one loop, kept whole
    """Every cycle's nodes: components of two or more nodes, and nodes with a self-loop.

    Tarjan's algorithm, iterative. Complexity: O(nodes + edges).

    Examples:
        >>> sorted(map(sorted, cycles({"a": ["b"], "b": ["a", "c"], "c": [], "d": ["d"]})))
        [['a', 'b'], ['d']]
    """
    graph = {node: list(targets) for node, targets in edges.items()}
    for targets in list(graph.values()):
        for target in targets:
            graph.setdefault(target, [])
    index: dict[N, int] = {}
    low: dict[N, int] = {}
    on_stack: set[N] = set()
    stack: list[N] = []
    found: list[list[N]] = []
    counter = 0
    for root, root_targets in graph.items():
        if root in index:
            continue
        work: list[tuple[N, Iterator[N]]] = [(root, iter(root_targets))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, pending = work[-1]
            advanced = False
            for target in pending:
                if target not in index:
                    index[target] = low[target] = counter
                    counter += 1
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(graph[target])))
                    advanced = True
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1 or node in graph[node]:
                    found.append(component)
    return found
