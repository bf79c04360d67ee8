"""The case as a graph (networkx, GraphML) and as tables (pandas)."""

from __future__ import annotations

import io
import json
import sys
from typing import Any

import networkx as nx
import pytest
from hypothesis import given

from scenarios import Case, CaseMeta, Hypothesis
from scenarios.io import evidence_frame, graph_edges, graph_nodes, graphml, links_frame, to_networkx
from scenarios.model import references
from scenarios.strategies import cases


def flattened(value: Any) -> Any:
    """What GraphML keeps of a value: tuples become JSON lists in strings."""
    return json.dumps(list(value), ensure_ascii=False) if isinstance(value, tuple) else value


@given(cases(max_hypotheses=4))
def test_graphml_reads_back_as_the_networkx_graph(case: Case) -> None:
    direct = to_networkx(case)
    read = nx.read_graphml(_write(graphml(case)), force_multigraph=True)
    assert set(read.nodes) == set(direct.nodes)
    for node, attributes in direct.nodes(data=True):
        assert read.nodes[node] == {k: flattened(v) for k, v in attributes.items()}
    assert sorted((u, v, d["relation"]) for u, v, d in read.edges(data=True)) == sorted(
        (u, v, k) for u, v, k in direct.edges(keys=True)
    )


def _write(text: str) -> Any:
    return io.BytesIO(text.encode("utf-8"))


@given(cases(max_hypotheses=4))
def test_every_reference_and_link_is_an_edge(case: Case) -> None:
    edges = set(graph_edges(case))
    for ref in references(case):
        if ref.owner is not None:
            assert (ref.owner, ref.target, ref.field) in edges
    for link in case.links:
        assert (link.evidence, link.hypothesis, "link") in edges
    assert {n for n, _ in graph_nodes(case)} == {r.id for r in case.records()}


def test_the_example_as_a_graph(example_case: Case) -> None:
    case = example_case
    graph = to_networkx(case)
    assert graph.number_of_nodes() == sum(1 for _ in case.records())
    item = graph.nodes["khazali-message-to-qaani"]
    assert (item["type"], item["kind"]) == ("evidence", "statement")
    link = graph.edges["khazali-message-to-qaani", "tehran-directs", "link"]
    assert (link["rating"], link["stance"], link["relevance"]) == ("I", "contradicts", "low")
    assumed = graph.edges["deadlock-2022", "militias-obstruct-government", "assumes"]
    assert assumed["value"] is True
    expected = graph.edges["attacks-on-us-sites", "deadlock-2022", "expectations"]
    assert expected["value"] == "likely"
    node = graph.nodes["seed-001"]
    assert (node["type"], node["grade"], node["label"]) == (
        "source",
        "B",
        "Iran's Game Plan for Iraq's Militias",
    )
    text = graphml(case)
    assert text.count("<node ") == graph.number_of_nodes()
    assert text.count("<edge ") == graph.number_of_edges()
    read = nx.read_graphml(_write(text), force_multigraph=True)
    quotes = json.loads(read.nodes["khazali-message-to-qaani"]["quotes"])
    assert quotes[1] == "the matter is related to us, regardless of other calculations"


def test_graphml_escapes_text() -> None:
    case = Case(meta=CaseMeta(title="t"), hypotheses=(Hypothesis(id="h", statement='<a & "b">'),))
    text = graphml(case)
    assert '&lt;a &amp; "b"&gt;' in text
    assert nx.read_graphml(_write(text)).nodes["h"]["label"] == '<a & "b">'


def test_tables_of_the_example(example_case: Case) -> None:
    case = example_case
    evidence = evidence_frame(case)
    assert len(evidence) == len(case.evidence)
    assert evidence.loc["khazali-message-to-qaani", "grade"] == "B2"
    assert evidence.loc["khazali-message-to-qaani", "sources"] == "seed-001; seed-000"
    links = links_frame(case)
    assert len(links) == len(case.links)
    assert links["stance"].value_counts()["supports"] == sum(
        link.rating in ("CC", "C") for link in case.links
    )


def test_optional_dependencies_say_how_to_install(
    example_case: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = example_case
    monkeypatch.setitem(sys.modules, "networkx", None)
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install 'scenarios\[networkx\]'"):
        to_networkx(case)
    with pytest.raises(ImportError, match=r"pip install 'scenarios\[pandas\]'"):
        evidence_frame(case)


def test_tables_of_an_empty_case() -> None:
    empty = Case(meta=CaseMeta(title="t"))
    assert list(evidence_frame(empty).columns)[:3] == ["claim", "kind", "grade"]
    assert len(links_frame(empty)) == 0
