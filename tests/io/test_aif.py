"""AIF: import, export, the round trip AIF -> case -> AIF, and messy maps."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scenarios import Case, CaseFileError, check
from scenarios.io import parse_aif, read_aif, to_aif

WORDS = st.sampled_from(["militias", "defy", "Qaani", "rockets", "leverage", "Sadr", "talks"])
TEXTS = st.lists(WORDS, min_size=1, max_size=6).map(lambda w: " ".join(w).capitalize() + ".")


@st.composite
def aif_maps(draw: st.DrawFn) -> dict[str, Any]:
    """Well-formed AIF maps: propositions, inferences, conflicts, undercuts, dialogue."""
    numbers = draw(st.booleans())  # ids as numbers or as strings, as AIFdb and OVA differ
    counter = iter(range(1, 10_000))

    def new_id() -> int | str:
        n = next(counter)
        return n if numbers else f"n{n}"

    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []

    def add(kind: str, text: str) -> int | str:
        node_id = new_id()
        nodes.append({"nodeID": node_id, "text": text, "type": kind, "timestamp": "2021-01-01"})
        return node_id

    def join(a: int | str, b: int | str) -> None:
        edges.append({"edgeID": len(edges) + 1, "fromID": a, "toID": b, "formEdgeID": None})

    props = [add("I", draw(TEXTS)) for _ in range(draw(st.integers(1, 6)))]
    schemes = []
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["RA", "CA"]))
        premises = draw(st.lists(st.sampled_from(props), min_size=1, max_size=3, unique=True))
        conclusion = draw(st.sampled_from(props))
        if conclusion in premises:
            continue
        scheme = add(kind, "Default Inference" if kind == "RA" else "Default Conflict")
        for p in premises:
            join(p, scheme)
        join(scheme, conclusion)
        if kind == "RA":
            schemes.append(scheme)
    for scheme in schemes:
        if draw(st.booleans()):
            attacker = draw(st.sampled_from(props))
            undercut = add("CA", "Default Conflict")
            join(attacker, undercut)
            join(undercut, scheme)
    for prop in props:
        if draw(st.booleans()):  # who said it: a locution anchoring the proposition
            locution = add("L", f"Speaker: {draw(TEXTS)}")
            anchor = add("YA", "Asserting")
            join(locution, anchor)
            join(anchor, prop)
    if len(props) > 1 and draw(st.booleans()):
        preference = add("PA", "Default Preference")
        join(props[0], preference)
        join(preference, props[1])
    return {"nodes": nodes, "edges": edges, "locutions": [], "participants": []}


def node_set(aif: dict[str, Any]) -> set[tuple[str, str, str]]:
    return {(str(n["nodeID"]), n["type"], n["text"]) for n in aif["nodes"]}


def edge_set(aif: dict[str, Any]) -> set[tuple[str, str]]:
    return {(str(e["fromID"]), str(e["toID"])) for e in aif["edges"]}


@given(aif_maps())
def test_aif_to_case_to_aif_keeps_nodes_and_edges(aif: dict[str, Any]) -> None:
    found = parse_aif(aif)
    back = to_aif(found.case)
    assert edge_set(back) == edge_set(aif)
    assert {n[:2] for n in node_set(back)} == {n[:2] for n in node_set(aif)}
    texts = {n[0]: n[2] for n in node_set(aif)}
    for node_id, kind, text in node_set(back):
        if kind == "I":
            assert text == texts[node_id]
    again = to_aif(parse_aif(json.loads(json.dumps(back))).case)
    assert edge_set(again) == edge_set(aif)


@given(aif_maps())
def test_imported_maps_are_sound_cases(aif: dict[str, Any]) -> None:
    found = parse_aif(aif)
    assert found.problems == ()
    # Sound as a case: no integrity finding. (A map can still say that one item both
    # supports and attacks a claim; check L001 rightly reports that.)
    assert [f for f in check(found.case) if f.code.startswith("R")] == []
    propositions = sum(n["type"] == "I" for n in aif["nodes"])
    assert len(found.case.evidence) + len(found.case.hypotheses) == propositions


def test_kinds_by_hand() -> None:
    aif: dict[str, Any] = {
        "nodes": [
            {"nodeID": "p", "text": "Khazali told Qaani no.", "type": "I"},
            {"nodeID": "q", "text": "The militias defy Qaani.", "type": "I"},
            {"nodeID": "x", "text": "Khazali was posturing.", "type": "I"},
            {"nodeID": "y", "text": "The Quds Force keeps control.", "type": "I"},
            {"nodeID": "ra", "text": "Argument from sign", "type": "RA"},
            {"nodeID": "ca", "text": "Default Conflict", "type": "CA"},
            {"nodeID": "ca2", "text": "Default Conflict", "type": "CA"},
            {"nodeID": "l", "text": "Analyst: Khazali was posturing", "type": "L"},
            {"nodeID": "ya", "text": "Asserting", "type": "YA"},
        ],
        "edges": [
            {"edgeID": 1, "fromID": "p", "toID": "ra"},
            {"edgeID": 2, "fromID": "ra", "toID": "q"},
            {"edgeID": 3, "fromID": "x", "toID": "ca"},
            {"edgeID": 4, "fromID": "ca", "toID": "ra"},
            {"edgeID": 5, "fromID": "q", "toID": "ca2"},
            {"edgeID": 6, "fromID": "ca2", "toID": "y"},
            {"edgeID": 7, "fromID": "l", "toID": "ya"},
            {"edgeID": 8, "fromID": "ya", "toID": "x"},
        ],
        "participants": [{"participantID": 1, "firstname": "Ana", "surname": "Lyst"}],
    }
    found = parse_aif(aif)
    case = found.case
    assert found.problems == ()
    assert {h.id for h in case.hypotheses} == {"aif-q", "aif-y"}
    assert {e.id for e in case.evidence} == {"aif-p", "aif-x"}
    sign, conflict = case.arguments
    assert (sign.premises, sign.conclusion, sign.stance) == (("aif-p",), "aif-q", "pro")
    assert (sign.undercutter, sign.description) == ("aif-x", "Argument from sign")
    assert (conflict.premises, conflict.conclusion, conflict.stance) == (("aif-q",), "aif-y", "con")
    kept: Any = case.meta.extensions["aif"]
    assert {n["nodeID"] for n in kept["nodes"]} == {"l", "ya"}
    back = to_aif(case)
    assert back["participants"] == aif["participants"]
    assert {(e["edgeID"], e["fromID"], e["toID"]) for e in back["edges"]} == {
        (e["edgeID"], e["fromID"], e["toID"]) for e in aif["edges"]
    }


def test_messy_maps_are_read_with_every_problem_reported() -> None:
    aif = {
        "nodes": [
            {"nodeID": 1, "text": "A premise.", "type": "I"},
            {"nodeID": "1", "text": "A premise.", "type": "I"},  # the same node again
            {"nodeID": 2, "text": "Something else.", "type": "I"},
            {"nodeID": 2, "text": "Not the same.", "type": "I"},
            {"text": "No id.", "type": "I"},
            {"nodeID": 3, "type": "I"},  # no text
            {"nodeID": 4, "text": "Default Inference", "type": "RA"},  # no conclusion
            {"nodeID": 5, "text": "Odd", "type": "XX"},
            "not a node",
        ],
        "edges": [
            {"fromID": 1, "toID": 4},
            {"fromID": 1, "toID": 99},
            {"fromID": 5, "toID": 2},
            7,
        ],
    }
    found = parse_aif(aif)
    assert list(found.problems) == [
        "nodes[1]: nodeID '1' again; an identical copy, merged",
        "nodes[3]: nodeID '2' again; kept the first, skipped this one",
        "nodes[4]: no nodeID; node skipped",
        "nodes[5]: I-node '3' has no text; kept as it is, not interpreted",
        "nodes[7]: node '5' has type 'XX', not one of I, L, RA, CA, MA, PA, TA, YA; kept as it "
        "is, not interpreted",
        "nodes[8]: no nodeID; node skipped",
        "edges[1]: 1 -> 99 names '99', which is no node; kept as it is",
        "edges[3]: not an object; skipped",
        "RA node '4' has 1 premises and 0 conclusions (an argument needs at least one and "
        "exactly one); kept as it is, not interpreted",
    ]
    back = to_aif(found.case)
    assert edge_set(back) == {("1", "4"), ("1", "99"), ("5", "2")}  # no edge dropped silently
    assert [e.id for e in found.case.evidence] == ["aif-1", "aif-2"]


def test_not_an_aif_map(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match='list of "nodes"'):
        parse_aif({"edges": []})
    bad = tmp_path / "bad.json"
    bad.write_text("{nodes: ")
    with pytest.raises(CaseFileError, match="JSON syntax error"):
        read_aif(bad)
    with pytest.raises(CaseFileError, match="file not found"):
        read_aif(tmp_path / "nowhere.json")
    (tmp_path / "list.json").write_text("[]")
    with pytest.raises(CaseFileError, match="JSON object"):
        read_aif(tmp_path / "list.json")


def test_the_example_exports_to_aif(example_case: Case) -> None:
    case = example_case
    aif = to_aif(case)
    kinds = [n["type"] for n in aif["nodes"]]
    assert kinds.count("I") == len(case.evidence) + len(case.hypotheses) + len(case.assumptions)
    non_neutral = sum(link.rating not in ("N", "NA") for link in case.links)
    undercut = sum(a.undercutter is not None for a in case.arguments)
    assert kinds.count("RA") + kinds.count("CA") == len(case.arguments) + undercut + non_neutral
    ids = {n["nodeID"] for n in aif["nodes"]}
    assert len(ids) == len(aif["nodes"])
    assert all(e["fromID"] in ids and e["toID"] in ids for e in aif["edges"])
    again = parse_aif(aif)
    assert again.problems == ()
    assert len(again.case.arguments) == kinds.count("RA") + kinds.count("CA") - undercut
