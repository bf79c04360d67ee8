"""Argdown: the reader against the reference implementation, the round trip, the export."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scenarios import Argument, Case, load
from scenarios.io.argdown import argdown_to_case, parse_argdown, to_argdown
from scenarios.strategies import cases

from .conftest import ROOT

DOCUMENTS = sorted((ROOT / "tests" / "argdown").glob("*.argdown"))
REFERENCE = ROOT / ".tools" / "argdown" / "node_modules" / ".bin" / "argdown"
EXAMPLE = ROOT / "examples" / "iran_militias" / "case.yaml"


def reference_json(document: Path, tmp_path: Path) -> dict[str, Any]:
    """The document exported to JSON by @argdown/cli (installed by scripts/setup)."""
    if not REFERENCE.exists():
        if os.environ.get("HYPOTHESIS_PROFILE") == "ci":  # CI installs it: missing is a failure
            pytest.fail(f"{REFERENCE} is missing: run scripts/setup")
        pytest.skip("@argdown/cli is not installed (scripts/setup installs it with npm)")
    done = subprocess.run(
        [str(REFERENCE), "json", str(document), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    data: dict[str, Any] = json.loads((tmp_path / f"{document.stem}.json").read_text())
    return data


def texts(members: list[dict[str, Any]]) -> list[str]:
    return [m["text"].strip() for m in members if m.get("text", "").strip()]


@pytest.mark.parametrize("document", DOCUMENTS, ids=[d.stem for d in DOCUMENTS])
def test_the_reader_agrees_with_the_reference(document: Path, tmp_path: Path) -> None:
    expected = reference_json(document, tmp_path)
    ours = parse_argdown(document.read_text(encoding="utf-8"))
    assert list(ours.statements) == list(expected["statements"])
    for title, statement in expected["statements"].items():
        assert ours.statements[title].texts == texts(statement["members"]), title
        assert ours.statements[title].tags == statement.get("tags", []), title
        assert ours.statements[title].data == (statement.get("data") or {}), title
    assert list(ours.arguments) == list(expected["arguments"])
    for title, argument in expected["arguments"].items():
        assert ours.arguments[title].texts == texts(argument["members"]), title
        assert ours.arguments[title].tags == argument.get("tags", []), title
        pcs = [(s["title"], s["role"]) for s in argument.get("pcs", [])]
        assert ours.arguments[title].pcs == pcs, title
    relations = {(r["from"], r["to"], r["relationType"]) for r in expected["relations"]}
    assert set(ours.relations) == relations
    sections = []

    def walk(found: list[dict[str, Any]]) -> None:
        for section in found:
            sections.append((section["title"], section["level"]))
            walk(section["children"])

    walk(expected["sections"])
    assert ours.sections == sections


def test_the_documents_cover_the_syntax() -> None:
    text = "\n".join(d.read_text(encoding="utf-8") for d in DOCUMENTS)
    for piece in ("+>", "->", "_>", "<+", "<-", "<_", "><", "\n  + ", "\n  - ", "\n  _ ",
                  "----", "\n--\n", "#(", "{", "===", "/*", "//", "## ", "Untitled"):  # fmt: skip
        assert piece in text or piece == "Untitled", piece


def test_the_militias_document_as_a_case() -> None:
    found = argdown_to_case(parse_argdown((ROOT / "tests/argdown/militias.argdown").read_text()))
    case = found.case
    assert case.meta.title == "Who decides when the militias escalate?"
    # Ignore bears on Defy, so it is evidence, and Calmed's attack on it, between two
    # evidence items, has no place in a case; Standing supports Leverage, so it is evidence.
    assert {h.id for h in case.hypotheses} == {"defy", "control", "leverage"}
    assert {(s.id, s.hypotheses) for s in case.hypothesis_sets} == {
        ("who-decides", ("defy", "control")),
    }
    ratings = {(link.evidence, link.hypothesis): link.rating for link in case.links}
    assert ratings[("message", "defy")] == "C"
    assert ratings[("message", "control")] == "I"
    assert ratings[("standing", "leverage")] == "C"
    (vacuum,) = [a for a in case.arguments if a.id == "vacuum"]
    assert (vacuum.premises, vacuum.conclusion) == (("vacuum-left", "compete"), "standing")
    assert found.problems == (
        "'Calmed' attack 'Ignore': between two evidence items; not kept",
        "'Posturing' undercut 'Vacuum': no place for it in a case; not kept",
        "argument 'Posturing' has no premise-conclusion structure and not one attack with "
        "supporting statements; not kept",
    )


def comparable(case: Case) -> dict[str, Any]:
    """What a case keeps through Argdown: ids, texts, sets, link stances, arguments."""
    return {
        "evidence": {e.id: e.claim for e in case.evidence},
        "hypotheses": {h.id: h.statement for h in case.hypotheses},
        "sets": {frozenset(s.hypotheses) for s in case.hypothesis_sets if len(s.hypotheses) > 1},
        "links": {
            (link.evidence, link.hypothesis, link.rating in ("CC", "C"))
            for link in case.links
            if link.rating not in ("N", "NA")
        },
        "arguments": {
            (a.id, a.premises, a.conclusion, a.stance, a.undercutter) for a in case.arguments
        },
    }


@st.composite
def argued_cases(draw: st.DrawFn) -> Case:
    """Generated cases with arguments from evidence to hypotheses, pro and con, some undercut."""
    case = draw(cases(max_hypotheses=5))
    items, claims = [e.id for e in case.evidence], [h.id for h in case.hypotheses]
    if not items or not claims:
        return case
    arguments = []
    for k in range(draw(st.integers(0, 3))):
        premises = draw(st.lists(st.sampled_from(items), min_size=1, max_size=3, unique=True))
        rest = [e for e in items if e not in premises]
        arguments.append(
            Argument(
                id=f"arg-{k}",
                premises=tuple(premises),
                conclusion=draw(st.sampled_from(claims)),
                stance=draw(st.sampled_from(["pro", "con"])),
                undercutter=draw(st.none() | st.sampled_from(rest)) if rest else None,
            )
        )
    return case.model_copy(update={"arguments": tuple(arguments)})


@given(argued_cases())
def test_case_to_argdown_and_back(case: Case) -> None:
    found = argdown_to_case(parse_argdown(to_argdown(case)))
    assert found.problems == ()
    before, after = comparable(case), comparable(found.case)
    # Only hypotheses that something bears on come back as hypotheses; others as evidence.
    assert after["links"] == before["links"]
    assert after["arguments"] == before["arguments"]
    assert {**before["evidence"], **before["hypotheses"]} == {
        **after["evidence"],
        **after["hypotheses"],
    }


def test_the_example_to_argdown_and_back(tmp_path: Path) -> None:
    case = load(EXAMPLE)
    text = to_argdown(case)
    assert text.startswith('===\ntitle: "Iran\'s Quds Force and the Iraqi militias, 2020-2021"')
    assert "\n[militias-defy-qaani]: The main Iraqi militias act on their own decisions" in text
    found = argdown_to_case(parse_argdown(text))
    before, after = comparable(case), comparable(found.case)
    assert after["links"] == before["links"]
    assert after["arguments"] == before["arguments"]
    assert after["sets"] == before["sets"]
    if shutil.which("node") and REFERENCE.exists():
        document = tmp_path / "example.argdown"
        document.write_text(text, encoding="utf-8")
        expected = reference_json(document, tmp_path)
        assert set(expected["statements"]) == set(parse_argdown(text).statements)


def test_hostile_text_stays_text() -> None:
    from scenarios import CaseBuilder, Evidence, Hypothesis, Quote, Source

    b = CaseBuilder(title="t")
    b.add(
        Source(id="s", title="S"),
        Hypothesis(id="h", statement="[x]: <y> #tag\n  + [z] // not a comment"),
        Evidence(id="e", claim="(1) ---- {a: 1}", quotes=(Quote(source="s", text="q"),)),
    )
    b.link("e", "h", "II")
    text = to_argdown(b.build())
    document = parse_argdown(text)
    assert set(document.statements) == {"h", "e"}
    assert document.relations == [("e", "h", "attack")]
    found = argdown_to_case(document)
    assert found.case.hypotheses[0].statement == "(x): <y> \uff03tag + (z) // not a comment"


def test_malformed_lines_are_reported_with_their_number() -> None:
    document = parse_argdown(
        "===\ntitle: t\n===\n/* two\nlines */\n  + [Orphan]: No parent.\n\n[A]: A.\n"
        "  - [B]: B.\n\n  -> [C]: Not under anything.\n"
    )
    assert document.problems == [
        "line 6: a relation (+) with no element above it, less indented, to attach to; skipped",
        "line 11: a relation (->) with no element above it, less indented, to attach to; skipped",
    ]
    assert document.relations == [("B", "A", "attack")]
    assert argdown_to_case(document).problems[:2] == tuple(document.problems)
