"""AIF, the Argument Interchange Format, in the JSON that AIFdb and OVA read and write.

An AIF map is a graph of **nodes** (``nodeID``, ``text``, ``type``) and **edges**
(``fromID``, ``toID``). Information nodes (``I``) hold propositions; scheme nodes join
them: ``RA`` an inference (premises → RA → conclusion), ``CA`` a conflict (attacker → CA →
attacked; an attacked RA node is undercut), ``MA`` a rephrase and ``PA`` a preference.
Dialogue nodes (``L`` locutions, ``YA`` illocutionary anchors, ``TA`` transitions) and the
``locutions`` and ``participants`` lists describe who said what.

**Reading** (`read_aif`, `parse_aif`) makes a case:

- an I-node that some RA or CA concludes is a **hypothesis**; every other I-node is an
  **evidence** item whose quote is its own text, from one source standing for the map;
- an RA node is a pro **argument** from its premises to its conclusion, a CA node
  against an I-node a con argument, and a CA node against an RA node the **undercutter**
  of that argument;
- everything else (MA, PA, dialogue nodes, their edges, locutions, participants) and the
  original ids are kept in ``meta.extensions["aif"]``, so that `to_aif` gives them back.

Real maps are messy. Ids may be numbers or strings; nodes may lack a type or text, be
listed twice, or edges name nodes that do not exist. The reader takes all that makes
sense and reports the rest in `AifImport.problems`, one line each: an edge is never
dropped without a word.

**Writing** (`to_aif`) turns every evidence item, hypothesis and assumption into an
I-node, every argument into an RA or CA node (its undercutter into a CA node against
it), and every supporting or contradicting link into a "Default Inference" RA or a
"Default Conflict" CA node. For a case read from AIF, the original node ids and the
kept nodes and edges come back: AIF → case → AIF preserves nodes and edges.

References:
    Chesñevar, C. et al. (2006). Towards an argument interchange format. *The Knowledge
    Engineering Review* 21(4). AIFdb JSON: http://corpora.aifdb.org/.

Examples:
    >>> aif = {"nodes": [
    ...     {"nodeID": 1, "text": "Khazali defied Qaani in public.", "type": "I"},
    ...     {"nodeID": 2, "text": "The militias defy Qaani.", "type": "I"},
    ...     {"nodeID": 3, "text": "Default Inference", "type": "RA"}],
    ...   "edges": [{"edgeID": 1, "fromID": 1, "toID": 3}, {"edgeID": 2, "fromID": 3, "toID": 2}]}
    >>> found = parse_aif(aif)
    >>> [h.statement for h in found.case.hypotheses], found.problems
    (['The militias defy Qaani.'], ())
    >>> argument = found.case.arguments[0]
    >>> argument.premises, argument.conclusion, argument.stance
    (('aif-1',), 'aif-2', 'pro')
    >>> sorted((e["fromID"], e["toID"]) for e in to_aif(found.case)["edges"])
    [('1', '3'), ('3', '2')]
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from scenarios.errors import CaseFileError
from scenarios.io._files import read_json
from scenarios.io._ids import unique_id
from scenarios.io._plain import MAX_DEPTH
from scenarios.model import Argument, Case, CaseMeta, Evidence, Hypothesis, Quote, Source, stance_of

__all__ = ["AIF_TYPES", "AifImport", "parse_aif", "read_aif", "to_aif"]

AIF_TYPES: Final = ("I", "L", "RA", "CA", "MA", "PA", "TA", "YA")
"""The node types of AIF (and of AIFdb's dialogical extension)."""

MAP_SOURCE: Final = "aif-map"
"""Id of the source that stands for the imported map."""

_SCHEME: Final = ("RA", "CA")


@dataclass(frozen=True, slots=True)
class AifImport:
    """A case read from AIF, and what could not be read.

    Attributes:
        case: The case.
        problems: One line per node or edge not imported as it stood, saying why.
    """

    case: Case
    problems: tuple[str, ...]


def _case_id(node_id: str, taken: set[str]) -> str:
    """A case id for an AIF node id: ``aif-`` and the id in lowercase letters and digits."""
    return unique_id(node_id, taken, prefix="aif-")


def _text(node: Mapping[str, Any]) -> str | None:
    text = node.get("text")
    return text.strip() if isinstance(text, str) and text.strip() else None


class _Reader:
    """One pass over the nodes, one over the edges, then the case."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.problems: list[str] = []
        self.nodes: dict[str, dict[str, Any]] = {}
        self.kept_edges: list[dict[str, Any]] = []
        self.edges_in: defaultdict[str, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
        self.edges_out: defaultdict[str, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
        self.used_edges: set[int] = set()
        self.other = {k: v for k, v in data.items() if k not in ("nodes", "edges")}
        self._read_nodes(data.get("nodes"))
        self._read_edges(data.get("edges"))

    def _read_nodes(self, nodes: object) -> None:
        if not isinstance(nodes, list):
            raise ValueError('an AIF map has a list of "nodes"')
        for i, node in enumerate(nodes):
            if not isinstance(node, dict) or node.get("nodeID") in (None, ""):
                self.problems.append(f"nodes[{i}]: no nodeID; node skipped")
                continue
            node_id = str(node["nodeID"])
            kind = node.get("type")
            if node_id in self.nodes:
                same = self.nodes[node_id] == {**node, "nodeID": node_id}
                self.problems.append(
                    f"nodes[{i}]: nodeID {node_id!r} again; "
                    + ("an identical copy, merged" if same else "kept the first, skipped this one")
                )
                continue
            text = node.get("text")
            if text is not None and not isinstance(text, str):
                self.problems.append(
                    f"nodes[{i}]: node {node_id!r} has a text that is a {type(text).__name__}, "
                    "not a string; the text is not read"
                )
            if kind not in AIF_TYPES:
                self.problems.append(
                    f"nodes[{i}]: node {node_id!r} has type {kind!r}, not one of "
                    f"{', '.join(AIF_TYPES)}; kept as it is, not interpreted"
                )
            elif kind == "I" and _text(node) is None:
                self.problems.append(
                    f"nodes[{i}]: I-node {node_id!r} has no text; kept as it is, not interpreted"
                )
                kind = None
            self.nodes[node_id] = {**node, "nodeID": node_id, "type": kind}

    def _read_edges(self, edges: object) -> None:
        if edges is None:
            edges = []
        if not isinstance(edges, list):
            raise ValueError('an AIF map has a list of "edges"')
        for i, edge in enumerate(edges):
            if not isinstance(edge, dict):
                self.problems.append(f"edges[{i}]: not an object; skipped")
                continue
            ends = [edge.get("fromID"), edge.get("toID")]
            missing = [str(end) for end in ends if end is None or str(end) not in self.nodes]
            if missing:
                self.problems.append(
                    f"edges[{i}]: {edge.get('fromID')!r} -> {edge.get('toID')!r} names "
                    f"{' and '.join(repr(m) for m in missing)}, which is no node; kept as it is"
                )
                ids = {k: str(edge[k]) for k in ("fromID", "toID") if edge.get(k) is not None}
                self.kept_edges.append({**edge, **ids})  # ids as strings, like every other
                continue
            record = {**edge, "fromID": str(ends[0]), "toID": str(ends[1])}
            record["index"] = i
            self.edges_out[record["fromID"]].append((record["toID"], record))
            self.edges_in[record["toID"]].append((record["fromID"], record))

    def kind(self, node_id: str) -> str | None:
        kind: str | None = self.nodes[node_id]["type"]
        return kind

    def build(self, title: str) -> AifImport:
        taken: set[str] = {MAP_SOURCE}
        ids = {n: _case_id(n, taken) for n, node in self.nodes.items() if node["type"] == "I"}
        concluded = {
            to
            for scheme, node in self.nodes.items()
            if node["type"] in _SCHEME
            for to, _ in self.edges_out[scheme]
            if to in ids
        }
        arguments: dict[str, dict[str, Any]] = {}
        undercuts: list[tuple[str, str, dict[str, Any]]] = []
        for scheme, node in self.nodes.items():
            if node["type"] not in _SCHEME:
                continue
            premises = [(f, e) for f, e in self.edges_in[scheme] if f in ids]
            targets = self.edges_out[scheme]
            conclusions = [(t, e) for t, e in targets if t in ids]
            attacked = [(t, e) for t, e in targets if self.kind(t) == "RA"]
            if node["type"] == "CA" and attacked and not conclusions:
                for t, e in attacked:
                    undercuts.append((t, scheme, e))
                continue
            if not premises or len(conclusions) != 1:
                self.problems.append(
                    f"{node['type']} node {scheme!r} has {len(premises)} premises and "
                    f"{len(conclusions)} conclusions (an argument needs at least one and "
                    "exactly one); kept as it is, not interpreted"
                )
                continue
            arguments[scheme] = {
                "id": _case_id(scheme, taken),
                "premises": tuple(ids[f] for f, _ in premises),
                "conclusion": ids[conclusions[0][0]],
                "stance": "pro" if node["type"] == "RA" else "con",
                "description": _text(node),
                "edges": [e for _, e in premises] + [conclusions[0][1]],
            }
        for target, scheme, edge in undercuts:
            argument = arguments.get(target)
            premises = [(f, e) for f, e in self.edges_in[scheme] if f in ids]
            if argument is None or len(premises) != 1 or argument.get("undercutter"):
                self.problems.append(
                    f"CA node {scheme!r} undercuts {target!r} with {len(premises)} premises; "
                    "a case argument takes one undercutter: kept as it is, not interpreted"
                )
                continue
            argument["undercutter"] = ids[premises[0][0]]
            argument["undercut_by"] = scheme
            argument["edges"] += [premises[0][1], edge]
        return self._case(title, ids, concluded, arguments)

    def _case(
        self,
        title: str,
        ids: Mapping[str, str],
        concluded: set[str],
        arguments: Mapping[str, Mapping[str, Any]],
    ) -> AifImport:
        interpreted = set(ids) | set(arguments)
        interpreted |= {str(a["undercut_by"]) for a in arguments.values() if "undercut_by" in a}
        for argument in arguments.values():
            self.used_edges.update(e["index"] for e in argument["edges"])
        kept_nodes = [n for k, n in self.nodes.items() if k not in interpreted]
        kept_edges = self.kept_edges + [
            {k: v for k, v in e.items() if k != "index"}
            for edges in self.edges_out.values()
            for _, e in edges
            if e["index"] not in self.used_edges
        ]
        evidence, hypotheses = [], []
        for node_id, case_id in ids.items():
            text = _text(self.nodes[node_id]) or ""
            if node_id in concluded:
                hypotheses.append(Hypothesis(id=case_id, statement=text))
            else:
                evidence.append(
                    Evidence(
                        id=case_id,
                        claim=text,
                        quotes=(Quote(source=MAP_SOURCE, text=text),),
                        kind="statement",
                    )
                )
        extension = {
            "ids": {case_id: node_id for node_id, case_id in ids.items()}
            | {a["id"]: scheme for scheme, a in arguments.items()}
            | {
                f"{a['id']}#undercut": str(a["undercut_by"])
                for a in arguments.values()
                if "undercut_by" in a
            },
            "edges": {
                f"{e['fromID']}->{e['toID']}": e.get("edgeID")
                for edges in self.edges_out.values()
                for _, e in edges
                if e["index"] in self.used_edges
            },
            "nodes": kept_nodes,
            "kept_edges": kept_edges,
        }
        if self.other:  # locutions, participants and the rest of the map
            extension["other"] = self.other
        case = Case(
            meta=CaseMeta(
                title=title,
                description="Imported from an AIF map.",
                extensions={"aif": _jsonable(extension)},
            ),
            sources=(Source(id=MAP_SOURCE, title=title, notes="The AIF map itself."),),
            evidence=tuple(evidence),
            hypotheses=tuple(hypotheses),
            arguments=tuple(
                Argument(
                    id=a["id"],
                    premises=a["premises"],
                    conclusion=a["conclusion"],
                    stance=a["stance"],
                    undercutter=a.get("undercutter"),
                    description=a["description"],
                )
                for a in arguments.values()
            ),
        )
        return AifImport(case, tuple(self.problems))


def _jsonable(value: Any) -> Any:
    """Plain JSON values only (the extension is stored in the case file)."""
    result: Any = json.loads(json.dumps(value, ensure_ascii=False, default=str))
    return result


def parse_aif(data: object, *, title: str = "AIF map", name: str = "<AIF map>") -> AifImport:
    """Read an AIF map already decoded from JSON (see the module doc).

    Complexity: O(nodes + edges).

    Args:
        data: The decoded JSON.
        title: The case's title.
        name: What messages call the map (its file).

    Raises:
        CaseFileError: `data` is not an AIF map (no list of nodes), or is malformed.
    """
    hint = 'give a JSON object with "nodes" and "edges" lists'
    if not isinstance(data, dict):
        raise CaseFileError.about(
            name, 'an AIF map is a JSON object with "nodes" and "edges"', hint
        )
    try:
        return _Reader(data).build(title)
    except CaseFileError:
        raise
    except ValueError as exc:
        raise CaseFileError.about(name, str(exc), hint) from None


def read_aif(path: str | Path) -> AifImport:
    """Read an AIF JSON file (see the module doc); the case's title is the file's name.

    Raises:
        CaseFileError: The file is missing, is not JSON (or has duplicate keys, NaN,
            nesting deeper than 28 levels), or is not an AIF map.
    """
    target = Path(path)
    # The parts of the map a case has no place for are kept four levels down in the
    # case (meta.extensions.aif.nodes), so the map may be four levels shallower.
    data = read_json(target, max_depth=MAX_DEPTH - 4)
    return parse_aif(data, title=target.stem, name=str(path))


class _Writer:
    """Node and edge ids for an export, reusing an imported map's where it has them."""

    def __init__(self, case: Case) -> None:
        aif: Any = case.meta.extensions.get("aif")
        self.original: Mapping[str, Any] = aif if isinstance(aif, dict) else {}
        ids: Any = self.original.get("ids", {})
        self.ids: dict[str, str] = dict(ids) if isinstance(ids, dict) else {}
        self.used = set(self.ids.values())
        self.nodes: list[dict[str, Any]] = []
        self.edges: list[dict[str, Any]] = []
        edges: Any = self.original.get("edges") or {}
        self.edge_ids: dict[str, Any] = dict(edges)
        self._next = 0
        self._next_edge = 1
        self.taken_edges = {str(v) for v in self.edge_ids.values()}

    def fresh(self) -> str:
        while True:
            self._next += 1
            if str(self._next) not in self.used:
                self.used.add(str(self._next))
                return str(self._next)

    def node(self, key: str, text: str, kind: str) -> str:
        node_id = self.ids.get(key) or self.fresh()
        self.ids[key] = node_id
        self.nodes.append({"nodeID": node_id, "text": text, "type": kind})
        return node_id

    def edge(self, source: str, target: str) -> None:
        edge_id = self.edge_ids.get(f"{source}->{target}")
        if edge_id is None:  # a new edge: the next number no original edge uses, as AIFdb does
            while str(self._next_edge) in self.taken_edges:
                self._next_edge += 1
            edge_id = str(self._next_edge)
            self._next_edge += 1
        self.edges.append({"edgeID": edge_id, "fromID": source, "toID": target})


def to_aif(case: Case) -> dict[str, Any]:
    """The case as an AIF map (a dict ready for `json.dump`); see the module doc.

    Complexity: O(objects + links).
    """
    out = _Writer(case)
    for item in case.evidence:
        out.node(item.id, item.claim, "I")
    for h in case.hypotheses:
        out.node(h.id, h.statement, "I")
    for a in case.assumptions:
        out.node(a.id, a.statement, "I")
    for argument in case.arguments:
        kind = "RA" if argument.stance == "pro" else "CA"
        default = "Default Inference" if kind == "RA" else "Default Conflict"
        scheme = out.node(argument.id, argument.description or default, kind)
        for premise in argument.premises:
            out.edge(out.ids[premise], scheme)
        out.edge(scheme, out.ids[argument.conclusion])
        if argument.undercutter is not None:
            undercut = out.node(f"{argument.id}#undercut", "Default Conflict", "CA")
            out.edge(out.ids[argument.undercutter], undercut)
            out.edge(undercut, scheme)
    for k, link in enumerate(case.links):
        stance = stance_of(link.rating)
        if stance == "neutral":
            continue
        kind = "RA" if stance == "supports" else "CA"
        text = "Default Inference" if kind == "RA" else "Default Conflict"
        scheme = out.node(f"link-{k}", text, kind)
        out.edge(out.ids[link.evidence], scheme)
        out.edge(scheme, out.ids[link.hypothesis])
    kept_nodes = out.original.get("nodes") or []
    kept_edges = out.original.get("kept_edges") or []
    result: dict[str, Any] = {
        "nodes": out.nodes + list(kept_nodes),
        "edges": out.edges + list(kept_edges),
    }
    other = out.original.get("other")
    if isinstance(other, dict):
        result.update({k: v for k, v in other.items() if k not in result})
    result.setdefault("locutions", [])
    return result
