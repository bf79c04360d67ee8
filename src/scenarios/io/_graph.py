"""The case as a graph: a networkx `MultiDiGraph`, and GraphML written without networkx.

Every object with an id is a node, with ``type`` (``evidence``, ``hypothesis``, ...),
``label`` (its claim, statement, title, name or question) and its other plain fields as
attributes (an evidence item's own ``kind``, such as ``statement``, among them). Every
reference is an edge from the object that makes it to the one it names, keyed by the
field (``quotes``, ``premises``, ``conclusion``, ``assumes``, ...); where the reference
is a mapping's key, the mapped value rides along as ``value`` (a scenario's
``assumes: {h: true}`` gives an edge scenario → h with ``value=True``). Each link is an
edge evidence → hypothesis keyed ``link``, with its rating, stance, relevance and
rationale. The references come from the model's own markers
(`scenarios.model.references`), so a field added to the model appears here
with no change.

GraphML keeps scalar attributes only: a tuple (authors, tags, quotes) is written as a
JSON list in a string, and an absent value is left out. Text is written with
`scenarios._escape.xml_text`, so the file is well-formed XML 1.0 whatever the case holds
(a control character XML forbids becomes its Unicode picture, such as ``␛`` for ESC).

Examples:
    >>> from scenarios import CaseBuilder, Evidence, Hypothesis, Quote, Source
    >>> b = CaseBuilder(title="t")
    >>> b.add(Source(id="s", title="S"), Hypothesis(id="h", statement="H."),
    ...       Evidence(id="e", claim="E.", quotes=(Quote(source="s", text="q"),)))
    >>> b.link("e", "h", "CC", rationale="Because.")
    >>> [(u, v, k) for u, v, k in graph_edges(b.build())]
    [('e', 's', 'quotes'), ('e', 'h', 'link')]
    >>> 'attr.name="rating"' in graphml(b.build())
    True
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any, Final
from xml.sax.saxutils import quoteattr

from scenarios._escape import xml_text
from scenarios._optional import require
from scenarios.model import Case, Record, references, stance_of
from scenarios.model._integrity import COLLECTIONS

__all__ = ["graph_edges", "graph_nodes", "graphml", "to_networkx"]

_LABEL_FIELDS: Final = ("claim", "statement", "title", "name", "question")
_SCALARS: Final = (str, int, float, bool)


def _plain(value: Any) -> Any:
    """A node or edge attribute value: scalars as they are, tuples of scalars as tuples."""
    if isinstance(value, _SCALARS):
        return value
    if isinstance(value, tuple) and all(isinstance(v, _SCALARS) for v in value):
        return value
    return None


def _node_attributes(kind: str, item: Record) -> dict[str, Any]:
    attributes: dict[str, Any] = {"type": kind}
    for name in _LABEL_FIELDS:
        if isinstance(getattr(item, name, None), str):
            attributes["label"] = getattr(item, name)
            break
    for name in item.__pydantic_fields__:  # type: ignore[union-attr]
        value = _plain(getattr(item, name))
        if value is not None and value != () and name != "id":
            attributes[name] = value
    quotes = getattr(item, "quotes", None)
    if quotes:
        attributes["quotes"] = tuple(q.text for q in quotes)
    grade = getattr(item, "grade", None)
    if isinstance(grade, str):
        attributes["grade"] = grade
    return attributes


def graph_nodes(case: Case) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every object with an id, with its attributes, in file order. O(objects)."""
    for collection, kind in COLLECTIONS.items():
        if kind is not None:
            for item in getattr(case, collection):
                yield item.id, _node_attributes(kind, item)


def graph_edges(case: Case) -> Iterator[tuple[str, str, str]]:
    """Every edge as (from, to, key), without attributes (see `to_networkx`)."""
    for u, v, key, _ in _edges(case):
        yield u, v, key


def _edges(case: Case) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    seen: set[tuple[str, str, str]] = set()
    for ref in references(case):
        if ref.owner is None:
            continue  # links come below, with their attributes
        key = (ref.owner, ref.target, ref.field)
        if key in seen:  # two quotes from one source: one edge
            continue
        seen.add(key)
        attributes: dict[str, Any] = {}
        container = getattr(case.get(ref.owner), ref.field)
        if isinstance(container, Mapping):
            attributes["value"] = container[ref.target]
        yield ref.owner, ref.target, ref.field, attributes
    for link in case.links:
        attributes = {"rating": link.rating, "stance": stance_of(link.rating)}
        for name in ("relevance", "rationale"):
            if getattr(link, name) is not None:
                attributes[name] = getattr(link, name)
        yield link.evidence, link.hypothesis, "link", attributes


def to_networkx(case: Case) -> Any:
    """The case as a `networkx.MultiDiGraph` (see the module doc). O(objects + references).

    Raises:
        ImportError: networkx is not installed; the message says how to install it.
    """
    nx = require("networkx", extra="networkx", feature="to_networkx")
    graph = nx.MultiDiGraph(title=case.meta.title)
    graph.add_nodes_from(graph_nodes(case))
    for u, v, key, attributes in _edges(case):
        graph.add_edge(u, v, key=key, relation=key, **attributes)
    return graph


def _graphml_value(value: Any) -> tuple[str, str]:
    """(GraphML type, text) of an attribute value."""
    if isinstance(value, bool):
        return "boolean", "true" if value else "false"
    if isinstance(value, int):
        return "long", str(value)
    if isinstance(value, float):
        return "double", repr(value)
    if isinstance(value, tuple):
        return "string", json.dumps(list(value), ensure_ascii=False)
    return "string", str(value)


def graphml(case: Case) -> str:
    """The case as a GraphML document (see the module doc), without networkx. O(size).

    Attribute keys are declared once per name and domain; a name that holds values of
    different types in different objects is declared as a string.
    """
    nodes = list(graph_nodes(case))
    edges = [(u, v, {"relation": k, **a}) for u, v, k, a in _edges(case)]
    keys: dict[tuple[str, str], str] = {}
    for domain, rows in (("node", [a for _, a in nodes]), ("edge", [a for *_, a in edges])):
        for attributes in rows:
            for name, value in attributes.items():
                kind = _graphml_value(value)[0]
                held = keys.setdefault((domain, name), kind)
                if held != kind:
                    keys[(domain, name)] = "string"
    ids = {key: f"d{i}" for i, key in enumerate(sorted(keys))}
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
        'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ]
    for (domain, name), kind in sorted(keys.items()):
        out.append(
            f'  <key id="{ids[(domain, name)]}" for="{domain}" attr.name={quoteattr(name)} '
            f'attr.type="{kind}"/>'
        )
    out.append('  <graph edgedefault="directed" parse.nodeids="free" parse.edgeids="free">')

    def data(domain: str, attributes: Mapping[str, Any]) -> str:
        return "".join(
            f'<data key="{ids[(domain, name)]}">{xml_text(_graphml_value(value)[1])}</data>'
            for name, value in attributes.items()
        )

    for node_id, attributes in nodes:
        out.append(f"    <node id={quoteattr(node_id)}>{data('node', attributes)}</node>")
    for i, (u, v, attributes) in enumerate(edges):
        out.append(
            f'    <edge id="e{i}" source={quoteattr(u)} target={quoteattr(v)}>'
            f"{data('edge', attributes)}</edge>"
        )
    out += ["  </graph>", "</graphml>", ""]
    return "\n".join(out)
