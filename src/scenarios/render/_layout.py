"""Layout helpers shared by the diagrams: staggered rows and a bounded aspect.

Examples:
    >>> staggered(["a", "b", "c", "d"])
    {'a': 0, 'b': 1, 'c': 0, 'd': 1}
"""

from __future__ import annotations

from collections.abc import Container, Mapping, Sequence
from typing import Final

import graphviz

from scenarios.errors import ScenariosError
from scenarios.render._output import DEFAULT_TIMEOUT, choose_engine, layout_size

__all__ = ["MAX_ASPECT", "balanced", "legend_table", "staggered"]

MAX_ASPECT: Final = 2.0
"""The most one side of a balanced diagram may exceed the other."""

_STAGGER: Final = 1.5
_BALANCE_ROUNDS: Final = 4


def staggered(keys: Sequence[str]) -> dict[str, int]:
    """Spread `keys` (nodes of one rank) over k rows, k the least with k(k+1) >= 1.5·n.

    A row of n boxes is then about as wide as the k rows are tall, as Graphviz's
    ``unflatten`` makes it: give each node's edges ``minlen`` 1 + its row.
    """
    rows = 1
    while rows * (rows + 1) < _STAGGER * len(keys):
        rows += 1
    return {key: k % rows for k, key in enumerate(keys)}


def balanced(graph: graphviz.Digraph, *, timeout: float = DEFAULT_TIMEOUT) -> graphviz.Digraph:
    """Spread a diagram whose one side exceeds the other more than `MAX_ASPECT` times.

    The diagram is laid out (by `layout_size`, so a signal or a timeout kills the layout
    as in `render`); if it is too flat or too tall, Graphviz is asked for a bounded
    aspect (``ratio``), which spreads the nodes apart along the short side and leaves
    their size and text alone. Node sizes do not stretch, so the request is raised and
    the diagram laid out again, at most four times. Diagrams large enough for capped or
    other engines (`choose_engine`) are left as they are: a second layout would cost
    too much. If Graphviz is missing or fails, nothing is changed (rendering will say
    why). Returns `graph`.
    """
    if choose_engine(graph) != ("dot", []):
        return graph
    inside = 0.95 * MAX_ASPECT  # a little inside the bound: margins add to the drawing
    request: float | None = None
    for _ in range(_BALANCE_ROUNDS):
        try:
            width, height = layout_size(graph, timeout=timeout)
        except ScenariosError:
            return graph
        if not (width and height):  # an empty diagram (an empty case) has nothing to spread
            return graph
        aspect = height / width  # Graphviz's ratio is height over width
        target = min(max(aspect, 1 / inside), inside)
        if abs(target - aspect) < 1e-3:
            return graph
        request = (request or aspect) * target / aspect
        graph.attr(ratio=f"{request:.4f}")
    return graph


def legend_table(rows: Mapping[str, tuple[str, str]], used: Container[str]) -> str:
    """A legend table (a DOT HTML label) of the `rows` whose kind was `used`, in order.

    `rows` maps a kind to its mark and meaning; both are the renderers' own words.
    """
    body = "".join(
        f'<TR><TD ALIGN="LEFT">{mark}</TD><TD ALIGN="LEFT">{meaning}</TD></TR>'
        for kind, (mark, meaning) in rows.items()
        if kind in used
    )
    return (
        '<<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="2" COLOR="#d0d7de">'
        f'<TR><TD COLSPAN="2"><B>Legend</B></TD></TR>{body}</TABLE>>'
    )
