"""What the diagrams share: a palette, staggered rows, a bounded aspect, labels by edges.

Examples:
    >>> staggered(["a", "b", "c", "d"])
    {'a': 0, 'b': 1, 'c': 0, 'd': 1}
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Container, Iterator, Mapping, Sequence
from typing import Final, Literal, TypeAlias

import graphviz

from scenarios.errors import ScenariosError
from scenarios.render._output import DEFAULT_TIMEOUT, choose_engine, layout_size, render
from scenarios.types import RATINGS, Rating

__all__ = [
    "EDGE_LEGEND",
    "EDGE_STYLES",
    "MAX_ASPECT",
    "PALETTE",
    "Relation",
    "balanced",
    "far_labels",
    "labels_beside",
    "legend_table",
    "rating_drawn",
    "rating_label",
    "staggered",
]

# One palette for the map and the argument view, so support and attack look the same in
# both. Blue and vermillion are from Okabe and Ito's palette ("Color Universal Design",
# 2008): unlike green and red they stay apart in every common colour-vision deficiency
# (blue against orange is the axis protanopes and deuteranopes keep, and tritanopes
# still see blue against red), and their contrast on white is 5.2:1 and 3.9:1, so a
# rating drawn in them stays legible. In greyscale the two are both mid-grey: line style
# and arrowhead carry the meaning there (support solid with an arrow, attack dashed with
# a bar, undercut dotted with a bar, neutral dotted with a circle), never colour alone.
PALETTE: Final[dict[str, str]] = {
    "supports": "#0072B2",  # Okabe-Ito blue
    "contradicts": "#D55E00",  # Okabe-Ito vermillion
    "undercuts": "#CC79A7",  # Okabe-Ito reddish purple
    "neutral": "#6e7781",  # grey, 4.6:1 on white
    "structure": "#6e7781",  # premises, assumptions, sources: no stance of their own
}
"""The colour of each relation, shared by `argument_map` and `argument_view`."""

Relation: TypeAlias = Literal[
    "supports", "contradicts", "undercuts", "premise", "rests-on", "neutral"
]
"""The kinds of edge the diagrams draw."""

EDGE_STYLES: Final[dict[Relation, dict[str, str]]] = {
    "supports": {"style": "solid", "arrowhead": "normal", "color": PALETTE["supports"]},
    "contradicts": {"style": "dashed", "arrowhead": "tee", "color": PALETTE["contradicts"]},
    "undercuts": {
        "style": "dotted",
        "arrowhead": "tee",
        "color": PALETTE["undercuts"],
        "penwidth": "2",
    },
    "premise": {"style": "solid", "arrowhead": "none", "color": PALETTE["structure"]},
    "rests-on": {"style": "dashed", "arrowhead": "empty", "color": PALETTE["structure"]},
    "neutral": {"style": "dotted", "arrowhead": "odot", "color": PALETTE["neutral"]},
}
"""The look of each relation in both diagrams: line style and arrowhead differ, not only
colour (`PALETTE`), so the meaning survives greyscale."""

EDGE_LEGEND: Final[dict[str, tuple[str, str]]] = {
    "supports": ("solid blue line, arrow", "supports"),
    "contradicts": ("dashed vermillion line, bar", "contradicts, attacks"),
    "undercuts": ("dotted purple line, bar", "undercuts the inference (unless)"),
    "premise": ("grey line", "premise of an argument"),
    "rests-on": ("dashed grey arrow", "what an assumption holds up"),
    "neutral": ("dotted grey line, circle", "neutral (N)"),
}
"""How the legend of either diagram names each relation it draws."""


def rating_drawn(rating: Rating, *, neutral: bool) -> bool:
    """Whether either diagram draws a link of this rating: never NA, N only when asked."""
    return rating != "NA" and (neutral or rating != "N")


def rating_label(rating: Rating, relation: Relation) -> str:
    """A link's rating as its edge's label, in the edge's colour (a rating is never user text).

    A label, not a head label: dot lays edge labels out as nodes beside their edge, so
    no two overlap, where head labels of edges converging on one hypothesis piled up.

    Examples:
        >>> rating_label("II", "contradicts")
        '<<FONT COLOR="#D55E00">II</FONT>>'
    """
    return f'<<FONT COLOR="{EDGE_STYLES[relation]["color"]}">{rating}</FONT>>'


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


FAR: Final = 15.0
"""Points from a label's centre to its edge beyond which the label reads as adrift: a
label dot sets beside its edge is 4 to 9 points from it."""

_SVG: Final = "{http://www.w3.org/2000/svg}"
_LABEL_ROUNDS: Final = 2
_EDGE_LINE: Final = re.compile(r"^(\t(\w+) -> (\w+) \[)label=(<<FONT )")  # the label first


def _bezier(path: str) -> Iterator[tuple[float, float]]:
    """Points along an SVG path as Graphviz writes edges: ``M x,y C`` then cubic triples."""
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?(?:e-?\d+)?", path)]
    points = list(zip(numbers[0::2], numbers[1::2], strict=False))
    for i in range(0, len(points) - 3, 3):
        p0, p1, p2, p3 = points[i : i + 4]
        for k in range(13):
            t = k / 12
            a, b, c, d = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t**2, t**3
            yield (
                a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0],
                a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1],
            )


def far_labels(svg: str | bytes, *, limit: float = FAR) -> dict[tuple[str, str], float]:
    """The edges whose rating label is drawn more than `limit` points from the edge itself.

    Reads Graphviz's SVG: each edge's path, and the centre of its label's text (half a
    cap height above the baseline). Keys are (tail, head) node names, values the distance
    from the label's centre to the nearest point of its own edge.

    Dot lays an edge label out as a node in the middle rank of its edge, then routes the
    edge through the free space of each rank: an edge that spans several ranks may pass
    far from its label. Complexity: O(edges × curve points).
    """
    root = ET.fromstring(svg)  # Graphviz's own output, of DOT this library generated
    found: dict[tuple[str, str], float] = {}
    for group in root.iter(f"{_SVG}g"):
        if group.get("class") != "edge":
            continue
        title = group.findtext(f"{_SVG}title") or ""
        tail, _, head = title.partition("->")
        curve = [p for path in group.iter(f"{_SVG}path") for p in _bezier(path.get("d", ""))]
        for text in group.iter(f"{_SVG}text"):
            if (text.text or "").strip() not in RATINGS or not curve:  # only ratings move
                continue
            size = float(text.get("font-size", "9"))
            centre = (float(text.get("x", "0")), float(text.get("y", "0")) - 0.35 * size)
            distance = min(math.dist(centre, point) for point in curve)
            if distance > limit:
                found[(tail.strip(), head.strip())] = distance
    return found


def labels_beside(graph: graphviz.Digraph, *, timeout: float = DEFAULT_TIMEOUT) -> graphviz.Digraph:
    """Set each rating label that dot left adrift (`far_labels`) again, beside its edge.

    A label is laid out as a node in the middle rank of its edge, and an edge that spans
    several ranks is routed through the free space around it, sometimes far from it:
    the label then floats beside some other edge, or in empty space. Such a label is
    made an external label (``xlabel``), which Graphviz places after the edges are
    routed, beside the middle of its own edge, clear of nodes and other labels where it
    can. The others stay labels, which keep their room in the layout so that no two
    overlap. Laid out again, another label may drift: at most two rounds, and of the
    layouts seen the one with the fewest labels adrift is kept (three layouts at most).
    Graphs too large for a plain ``dot`` layout, or a failing Graphviz, leave `graph`
    as it is. Returns `graph`.
    """
    if choose_engine(graph) != ("dot", []):
        return graph
    original = list(graph.body)
    best: tuple[int, float, list[str]] | None = None
    for _ in range(_LABEL_ROUNDS + 1):
        try:
            adrift = far_labels(render(graph, "svg", timeout=timeout))
        except (ScenariosError, ET.ParseError):
            graph.body = best[2] if best else original
            return graph
        if best is None or (len(adrift), sum(adrift.values())) < best[:2]:
            best = (len(adrift), sum(adrift.values()), list(graph.body))
        if not adrift:
            break
        graph.body = [_external(line, adrift) for line in graph.body]
    assert best is not None  # for mypy: the loop runs at least once
    graph.body = best[2]  # the layout with the fewest labels adrift, if moving them made more
    return graph


def _external(line: str, adrift: Container[tuple[str, str]]) -> str:
    """The DOT line of an edge whose label is adrift, with the label made an ``xlabel``."""
    found = _EDGE_LINE.match(line)
    if found is None or (found.group(2), found.group(3)) not in adrift:
        return line
    return f"{found.group(1)}xlabel={found.group(4)}{line[found.end() :]}"


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
