"""Argdown: the reader against the reference implementation, the round trip, the export."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any, Final

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from scenarios import Argument, Assumption, Case, HypothesisSet
from scenarios.io._argdown import (
    ArgdownArgument,
    ArgdownDocument,
    ArgdownStatement,
    _data,
    _yaml,
    argdown_to_case,
    parse_argdown,
    to_argdown,
)
from scenarios.strategies import cases
from scenarios.types import RATINGS
from tests.support import ROOT

DOCUMENTS = sorted((ROOT / "tests" / "io" / "argdown").glob("*.argdown"))
REFERENCE = ROOT / ".tools" / "argdown" / "node_modules" / ".bin" / "argdown"


def _require_reference() -> None:
    if not REFERENCE.exists():
        if os.environ.get("HYPOTHESIS_PROFILE") == "ci":  # CI installs it: missing is a failure
            pytest.fail(f"{REFERENCE} is missing: run scripts/setup")
        pytest.skip("@argdown/cli is not installed (scripts/setup installs it with npm)")


def reference_jsons(folder: Path, out: Path) -> dict[str, dict[str, Any]]:
    """The documents of a folder exported to JSON by @argdown/cli (installed by
    scripts/setup), by stem.

    One run of the CLI for them all: it starts slowly. A document it refuses (a syntax
    error, in its reading) has no entry; the CLI then exits with 1, and the others are read.
    """
    _require_reference()
    documents = sorted(folder.glob("*.argdown"))
    done = subprocess.run(
        [str(REFERENCE), "json", str(folder / "*.argdown"), str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    found = {
        d.stem: json.loads((out / f"{d.stem}.json").read_text(encoding="utf-8"))
        for d in documents
        if (out / f"{d.stem}.json").exists()
    }
    assert found or not documents, done.stderr
    return found


def reference_json(document: Path, tmp_path: Path) -> dict[str, Any]:
    """One document (alone in its folder) exported to JSON by @argdown/cli."""
    found = reference_jsons(document.parent, tmp_path)
    assert document.stem in found, f"@argdown/cli refused {document.name}"
    return found[document.stem]


@pytest.fixture(scope="module")
def references(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """Every test document as @argdown/cli reads it."""
    return reference_jsons(DOCUMENTS[0].parent, tmp_path_factory.mktemp("argdown-json"))


def texts(members: list[dict[str, Any]]) -> list[str]:
    return [m["text"].strip() for m in members if m.get("text", "").strip()]


def disagreements(ours: ArgdownDocument, expected: dict[str, Any]) -> list[str]:
    """Where our reading differs from the reference's (empty when they agree).

    Titles in order, member texts in order, tags, data, premise–conclusion structures with
    their inferences' rules and data, relations, and sections with their data.
    """
    found = []
    if list(ours.statements) != list(expected["statements"]):
        found.append(f"statements {list(ours.statements)} != {list(expected['statements'])}")
    for title, statement in expected["statements"].items():
        mine = ours.statements.get(title, ArgdownStatement())
        theirs = (texts(statement["members"]), statement.get("tags", []), statement.get("data"))
        if (mine.texts, mine.tags, mine.data) != (theirs[0], theirs[1], theirs[2] or {}):
            found.append(f"statement {title!r}: {(mine.texts, mine.tags, mine.data)} != {theirs}")
    if list(ours.arguments) != list(expected["arguments"]):
        found.append(f"arguments {list(ours.arguments)} != {list(expected['arguments'])}")
    for title, argument in expected["arguments"].items():
        pcs = argument.get("pcs", [])
        theirs_a = (
            texts(argument["members"]),
            argument.get("tags", []),
            argument.get("data") or {},
            [(s["title"], s["role"]) for s in pcs],
            [
                (s["inference"]["inferenceRules"], s["inference"].get("data") or {})
                for s in pcs
                if s.get("inference")
            ],
        )
        a = ours.arguments.get(title, ArgdownArgument())
        mine_a = (a.texts, a.tags, a.data, a.pcs, a.inferences)
        if mine_a != theirs_a:
            found.append(f"argument {title!r}: {mine_a} != {theirs_a}")
    relations = {(r["from"], r["to"], r["relationType"]) for r in expected["relations"]}
    if set(ours.relations) != relations:
        found.append(
            f"relations: ours only {set(ours.relations) - relations}, "
            f"theirs only {relations - set(ours.relations)}"
        )
    sections: list[tuple[tuple[str, int], dict[str, Any]]] = []

    def walk(level: list[dict[str, Any]]) -> None:
        for section in level:
            sections.append(((section["title"], section["level"]), section.get("data") or {}))
            walk(section["children"])

    walk(expected["sections"])
    if list(zip(ours.sections, ours.section_data, strict=True)) != sections:
        found.append(f"sections {ours.sections} {ours.section_data} != {sections}")
    return found


@pytest.mark.parametrize("document", DOCUMENTS, ids=[d.stem for d in DOCUMENTS])
def test_the_reader_agrees_with_the_reference(
    document: Path, references: dict[str, dict[str, Any]]
) -> None:
    assert document.stem in references, f"@argdown/cli refused {document.name}"
    ours = parse_argdown(document.read_bytes().decode("utf-8"), path=document)
    assert disagreements(ours, references[document.stem]) == []


def test_the_documents_are_real_shapes() -> None:
    """Objections under premises, CRLF, hard wraps, untitled elements, rules with data."""
    raw = {d.stem: d.read_bytes() for d in DOCUMENTS}
    assert len(raw) >= 40
    assert any(b"\r\n" in text for text in raw.values())
    assert any(text.endswith(b"\n\n\n") for text in raw.values())
    assert re.search(rb"\n\(\d\) [^\n]*\n {2,}[-+]", b"\n".join(raw.values()))
    assert b"{uses: [1,2,3]}" in b"".join(raw.values())
    assert b"@include(" in raw["includes"]
    assert b"[Untitled" not in raw["untitled-mix"]


def test_the_documents_cover_the_syntax() -> None:
    text = "\n".join(d.read_text(encoding="utf-8") for d in DOCUMENTS)
    for piece in ("+>", "->", "_>", "<+", "<-", "<_", "><", "\n  + ", "\n  - ", "\n  _ ",
                  "----", "\n--\n", "#(", "{", "===", "/*", "//", "## "):  # fmt: skip
        assert piece in text, piece


def test_the_militias_document_as_a_case() -> None:
    found = argdown_to_case(parse_argdown((ROOT / "tests/io/argdown/militias.argdown").read_text()))
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
    """What a case keeps through Argdown.

    Evidence less its quotes and actors; hypotheses, sets and links whole; assumptions
    whole but for what they support outside the map (sources, scenarios, ...); the
    arguments' structure.
    """
    written = {e.id for e in case.evidence} | {h.id for h in case.hypotheses}
    written |= {a.id for a in case.assumptions} | {a.id for a in case.arguments}
    return {
        "evidence": {
            e.id: (e.claim, e.credibility, e.kind, e.occurred, e.reported, e.tags)
            for e in case.evidence
        },
        "hypotheses": {h.id: h for h in case.hypotheses},
        "sets": {s.id: s for s in case.hypothesis_sets},
        "links": {(link.evidence, link.hypothesis): link for link in case.links},
        "assumptions": {
            a.id: dataclasses.replace(a, supports=tuple(s for s in a.supports if s in written))
            for a in case.assumptions
        },
        "arguments": {
            (a.id, a.premises, a.conclusion, a.stance, a.undercutter) for a in case.arguments
        },
    }


@st.composite
def argued_cases(draw: st.DrawFn) -> Case:
    """Generated cases with arguments from evidence to hypotheses (or to other evidence), pro
    and con, some undercut."""
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
                id=f"drawn-argument-{k}",
                premises=tuple(premises),
                conclusion=draw(st.sampled_from(claims + rest)),
                stance=draw(st.sampled_from(["pro", "con"])),
                undercutter=draw(st.none() | st.sampled_from(rest)) if rest else None,
            )
        )
    return case.model_copy(update={"arguments": (*case.arguments, *arguments)})


@st.composite
def rated_cases(draw: st.DrawFn) -> Case:
    """Argued cases whose links carry every rating and relevance.

    Some links have a rationale that looks like Argdown; evidence is tagged; a hypothesis may
    be alone in a set of its own, and an assumption may rest on one.
    """
    case = draw(argued_cases())
    links = tuple(
        dataclasses.replace(
            link,
            rating=draw(st.sampled_from(RATINGS)),
            relevance=draw(st.sampled_from(["low", "medium", "high"])),
            rationale=draw(st.none() | st.just("Because {x: 1} // [y] #z")),
        )
        for link in case.links
    )
    evidence = tuple(
        dataclasses.replace(
            item,
            tags=tuple(
                draw(st.lists(st.sampled_from(["key", "two words", "a)b", "x.y"]), unique=True))
            ),
        )
        for item in case.evidence
    )
    loose = [h.id for h in case.hypotheses if not case.sets_of(h.id) and h.prior is None]
    sets = case.hypothesis_sets
    if draw(st.booleans()) and loose:
        sets += (HypothesisSet(id="alone", question="Is it so?", hypotheses=(loose[0],)),)
    assumptions = case.assumptions
    if draw(st.booleans()) and case.hypotheses:
        assumptions += (
            Assumption(
                id="taken-for-granted",
                statement="Leaders mean what they say.",
                status=draw(st.sampled_from(["unchecked", "caveated"])),
                supports=(case.hypotheses[0].id,),
            ),
        )
    update = {"links": links, "evidence": evidence, "hypothesis_sets": sets}
    return case.model_copy(update={**update, "assumptions": assumptions})


@given(rated_cases())
def test_case_to_argdown_and_back(case: Case) -> None:
    """Evidence, hypotheses, sets, links and assumptions come back whole.

    CC and C, I and II, N links, relevance; also where nothing bears on a hypothesis, or an
    argument concludes an evidence item.
    """
    text = to_argdown(case)
    found = argdown_to_case(parse_argdown(text))
    assert found.problems == ()
    assert comparable(found.case) == comparable(case), text


def test_the_example_to_argdown_and_back(example_case: Case, tmp_path: Path) -> None:
    case = example_case
    text = to_argdown(case)
    assert text.startswith('===\ntitle: "Iran\'s Quds Force and the Iraqi militias, 2020-2021"')
    first = case.hypotheses[0]
    assert f"\n[{first.id}]: " in text
    found = argdown_to_case(parse_argdown(text))
    assert comparable(found.case) == comparable(case)
    if shutil.which("node") and REFERENCE.exists():
        document = tmp_path / "example.argdown"
        document.write_text(text, encoding="utf-8")
        expected = reference_json(document, tmp_path)
        assert disagreements(parse_argdown(text), expected) == []


def test_a_hypothesis_in_two_sets_comes_back_in_both() -> None:
    from scenarios import CaseBuilder, Evidence, Hypothesis, Quote, Source

    b = CaseBuilder(title="t")
    b.add(
        Source(id="s", title="S"),
        *(Hypothesis(id=h, statement=f"{h}.") for h in "abc"),
        HypothesisSet(id="one", question="One?", hypotheses=("a", "b")),
        HypothesisSet(id="two", question="Two?", hypotheses=("b", "c")),
        Evidence(id="e", claim="E.", quotes=(Quote(source="s", text="q"),)),
    )
    b.link("e", "a", "N")
    case = b.build()
    text = to_argdown(case)
    assert "[b]: b. #one #two {hypothesis: true}\n" in text  # no link: it says what it is
    found = argdown_to_case(parse_argdown(text))
    assert found.problems == ()
    assert comparable(found.case) == comparable(case)


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
    assert found.case.evidence[0].claim == "(1) ---- {a: 1}"  # no data block


def test_ratings_relevance_and_n_links_are_read_from_data_and_tags() -> None:
    found = argdown_to_case(
        parse_argdown(
            "[H1]: One. #q\n"
            "  + [E1]: First. {rating: CC, relevance: high}\n"
            "  - [E2]: Second. #(rating II) #(relevance low)\n"
            "  + [E3]: Third. {rating: I}\n"
            "\n[H2]: Two. #q\n"
            "\n[E4]: Fourth. {links: {H1: N, H2: {rating: NA, relevance: high}}}\n"
            "\n[H3]: Nothing bears on it yet. {hypothesis: true, prior: 0.2}\n"
        )
    )
    case = found.case
    assert {(k.evidence, k.hypothesis): (k.rating, k.relevance) for k in case.links} == {
        ("e1", "h1"): ("CC", "high"),
        ("e2", "h1"): ("II", "low"),
        ("e3", "h1"): ("C", "medium"),
        ("e4", "h1"): ("N", "medium"),
        ("e4", "h2"): ("NA", "high"),
    }
    assert found.problems == ("'E3' support 'H1': rating 'I' does not fit a support; C kept",)
    assert [(h.id, h.prior) for h in case.hypotheses] == [("h1", None), ("h2", None), ("h3", 0.2)]
    assert [(s.id, s.hypotheses) for s in case.hypothesis_sets] == [("q", ("h1", "h2"))]
    assert [e.tags for e in case.evidence] == [(), (), (), ()]  # rating tags are not kept


def test_data_that_does_not_fit_is_reported_and_left_out() -> None:
    text = "[H]: One.\n  + [E]: First. {relevance: very, credibility: 3}\n"
    found = argdown_to_case(parse_argdown(text))
    assert [(k.rating, k.relevance) for k in found.case.links] == [("C", "medium")]
    assert found.case.evidence[0].credibility == 3  # the relation's data is the statement's
    assert found.problems[0].startswith("'E' support 'H': data {'relevance': 'very'} does not fit")
    # Before: the reason was pydantic's last line, "For further information visit https://..."
    assert "(relevance: 'very' is not a relevance)" in found.problems[0]
    # Data that fits each record but not the case (a parent that is not there): none is kept.
    found = argdown_to_case(parse_argdown(text + "\n[G]: Two. {hypothesis: true, parent: x}\n"))
    assert found.problems[1].startswith("the data of the document does not fit together")
    assert found.case.evidence[0].credibility == 6
    assert [h.id for h in found.case.hypotheses] == ["h"]  # G was one by its data alone


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


FLOW_WORDS = st.sampled_from(
    ["CC", "high", "1", "-3", "0x1F", "1e3", "true", "null", "yes", "N", "some words", "a.b",
     "+1", ".5", "x-y", "2020-01-03"]
)  # fmt: skip
FLOW_KEYS = st.sampled_from(["a", "b_c", "d-e", "rating", '"1e3"', '"h 1"', '"true"'])
FLOW_VALUES = st.recursive(
    FLOW_WORDS | st.text(alphabet="ab ,:{}[]#/-", max_size=6).map(json.dumps),
    lambda inner: (
        st.lists(inner, max_size=3).map(lambda items: "[" + ", ".join(items) + "]")
        | st.dictionaries(FLOW_KEYS, inner, max_size=3).map(
            lambda pairs: "{" + ", ".join(f"{k}: {v}" for k, v in pairs.items()) + "}"
        )
    ),
    max_leaves=8,
)


@given(st.dictionaries(FLOW_KEYS, FLOW_VALUES, max_size=4), st.sampled_from([" ", "", "  "]))
def test_simple_data_blocks_read_as_the_yaml_reader_reads_them(
    pairs: dict[str, str], space: str
) -> None:
    """The quick reader of data blocks (words, quoted strings, nested) agrees with YAML."""
    token = "{" + space + ", ".join(f"{k}:{space or ' '}{v}" for k, v in pairs.items()) + "}"
    assert _data(token) == _yaml(token)


# A grammar of Argdown as people write it, for generated documents.

WORDS = st.sampled_from(
    ["the", "militias", "defy", "Qaani", "attacks", "continue", "oil", "prices", "rise",
     "voters", "trust", "science", "is", "not", "open", "wet", "streets", "cars"]
)  # fmt: skip
STATEMENT_TITLES = st.sampled_from([f"S{n}" for n in range(8)] + ["Long title here", "Q?"])
ARGUMENT_TITLES = st.sampled_from([f"A{n}" for n in range(6)] + ["An argument"])


@st.composite
def prose(draw: st.DrawFn) -> str:
    """A sentence, sometimes with a tag, a mention, a link, emphasis, an escaped character,
    a special character or a comment."""
    words = draw(st.lists(WORDS, min_size=1, max_size=6))
    extra = draw(
        st.sampled_from(
            ["", "", " #tag", " #(two words)", " *so*", " **so**", " _so_", " \\#x", " :) ok",
             " \\[not\\] a title", " see @[S1]", " see @<A1> too", " [a link](https://x.org/a)",
             " .A. x", " a /* comment */ b", " <!-- html --> c", " #tag #tag"]
        )
    )  # fmt: skip
    return " ".join(words).capitalize() + "." + extra


@st.composite
def statement_occurrence(draw: st.DrawFn, *, top: bool) -> str:
    """``[T]: text``, ``[T]``, or untitled text; sometimes with data."""
    form = draw(st.sampled_from(["define", "refer", "untitled"]))
    if form == "refer":
        return f"[{draw(STATEMENT_TITLES)}]" + draw(st.sampled_from(["", "", " #tag", " {n: 1}"]))
    text = draw(prose())
    data = draw(st.sampled_from(["", "", " {weight: 2}", " {rating: CC, note: x}"]))
    if form == "untitled":
        return text + data
    return f"[{draw(STATEMENT_TITLES)}]: {text}{data}"


@st.composite
def argument_occurrence(draw: st.DrawFn, *, title: str | None = None) -> str:
    name = title or draw(ARGUMENT_TITLES)
    if draw(st.booleans()):
        return f"<{name}>" + draw(st.sampled_from(["", "", " #tag", " {n: 1}"]))
    return f"<{name}>: {draw(prose())}"


@st.composite
def relation_tree(draw: st.DrawFn, *, indent: int, depth: int) -> list[str]:
    """Relations under an element, two spaces deeper each level, up to `depth` levels."""
    lines: list[str] = []
    if depth == 0:
        return lines
    for _ in range(draw(st.integers(0, 2 if indent == 2 else 1))):
        symbol = draw(st.sampled_from(["+", "-", "<+", "<-", "+>", "->", "><", "_>", "<_"]))
        if symbol == "><" or draw(st.booleans()):
            child = draw(statement_occurrence(top=False))
        else:
            child = draw(argument_occurrence())
        lines.append(" " * indent + f"{symbol} {child}")
        if draw(st.integers(0, 4)) == 0:
            lines.append(" " * indent + "  // a comment between relations")
        lines += draw(relation_tree(indent=indent + 2, depth=depth - 1))
    return lines


@st.composite
def wrapped(draw: st.DrawFn, line: str) -> list[str]:
    """The line, sometimes hard-wrapped: its text continues on the next line."""
    if draw(st.integers(0, 3)) or re.search(r"[]>}](?: #tag)?$", line):  # not after a reference
        return [line]
    return [line, draw(prose()).lower()]


@st.composite
def block(draw: st.DrawFn, *, fresh: list[str]) -> list[str]:
    """One top-level element: a statement or argument with relations, or a structure."""
    kind = draw(st.sampled_from(["statement", "argument", "pcs", "heading", "list"]))
    if kind == "heading":
        data = draw(st.sampled_from([[], [], [" {isGroup: false}"], ["", "{color: red}"]]))
        return [f"{'#' * draw(st.integers(1, 3))} {draw(prose())}{''.join(data[:1])}", *data[1:]]
    if kind == "list":
        items, ordered = [], draw(st.booleans())
        for n in range(draw(st.integers(1, 3))):
            mark = f"{n + 1}." if ordered else "*"
            element = draw(st.one_of(statement_occurrence(top=False), argument_occurrence()))
            items += [f"  {mark} {element}", *draw(relation_tree(indent=4, depth=2))]
        return items
    if kind == "statement":
        head = draw(wrapped(draw(statement_occurrence(top=True))))
        return head + draw(relation_tree(indent=2, depth=6))
    if kind == "argument":
        return [draw(argument_occurrence()), *draw(relation_tree(indent=2, depth=4))]
    lines = []
    if draw(st.booleans()):  # described by an argument of its own, or untitled
        lines += [draw(argument_occurrence(title=f"R{len(fresh)}")), ""]
        fresh.append("used")
    number = 0
    for step in range(draw(st.integers(1, 2))):
        for _ in range(draw(st.integers(1, 2)) if step == 0 else draw(st.integers(0, 1))):
            number += 1
            lines += draw(wrapped(f"({number}) {draw(statement_occurrence(top=False))}"))
            lines += draw(relation_tree(indent=2, depth=3))
        lines += draw(
            st.sampled_from(
                [["----"], ["--", "Modus ponens {uses: [1]}", "--"], ["-- Rule A, Rule B --"]]
            )
        )
        if draw(st.integers(0, 3)) == 0:  # an undercut of the inference
            undercut = f"  {draw(st.sampled_from(['_', '<_']))} "
            lines.append(undercut + draw(statement_occurrence(top=False)))
        number += 1
        lines += draw(wrapped(f"({number}) {draw(statement_occurrence(top=False))}"))
        lines += draw(relation_tree(indent=2, depth=2))
    return lines


@st.composite
def argdown_documents(draw: st.DrawFn) -> str:
    """A document: front matter or not, blocks between empty lines, comments, CRLF or not."""
    fresh: list[str] = []
    lines = ["===", "title: Generated", "===", ""] if draw(st.booleans()) else []
    for _ in range(draw(st.integers(1, 4))):
        lines += draw(block(fresh=fresh))
        lines += draw(st.sampled_from([[""], [""], ["", "// a comment", ""], ["", "", ""]]))
    newline = draw(st.sampled_from(["\n", "\n", "\r\n"]))
    return newline.join(lines) + newline


BATCH: Final = 25
"""Generated documents read by one run of the reference CLI (which takes a second to start)."""


@settings(
    max_examples=4,  # four runs of the CLI, whatever the profile: within the CI budget
    deadline=None,
    phases=(Phase.explicit, Phase.reuse, Phase.generate),  # no shrinking: each try runs the CLI
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)
@given(
    st.lists(argdown_documents(), min_size=BATCH, max_size=BATCH),
    st.lists(rated_cases(), min_size=1, max_size=1),
)
def test_generated_documents_agree_with_the_reference(
    documents: list[str], written: list[Case]
) -> None:
    """Generated documents, and cases written by `to_argdown`, read as the reference reads them.

    Each example is a batch of documents for one run of the CLI; four examples make 104
    documents. Shrinking would run the CLI again for every try, so it is off: a failure
    shows the shortest document of the batch that disagrees, and what disagrees.
    """
    documents = [*documents, *(to_argdown(case) for case in written)]
    with tempfile.TemporaryDirectory() as folder:
        where = Path(folder)
        for n, text in enumerate(documents):
            (where / f"doc{n:03}.argdown").write_bytes(text.encode("utf-8"))
        expected = reference_jsons(where, where / "out")
    refused = [text for n, text in enumerate(documents) if f"doc{n:03}" not in expected]
    assert len(refused) <= len(documents) // 10, refused[:2]
    failures = sorted(
        (
            (text, found)
            for n, text in enumerate(documents)
            if f"doc{n:03}" in expected
            and (found := disagreements(parse_argdown(text), expected[f"doc{n:03}"]))
        ),
        key=lambda failure: len(failure[0]),
    )
    assert not failures, (
        f"{len(failures)} disagree; the shortest:\n{failures[0][0]}\n{failures[0][1]}"
    )


def test_an_argument_undercutting_its_own_inference_is_not_merged_away() -> None:
    """An undercut under a structure's statement is of its inference, an element of its own.

    So the argument's undercut of its own inference is no relation of the argument with
    itself, and the undercut under it does not merge it away; moved to the conclusion, it
    stays (``tests/io/argdown/undercut-own-inference.argdown``, generated and reduced).
    """
    document = parse_argdown("<A>\n\n(1) P.\n----\n(2) C.\n  <_ <A>\n    <_ S.\n")
    assert document.relations == [("Untitled 3", "A", "undercut"), ("Untitled 2", "A", "undercut")]
    # Undercuts of the inference and of the argument from the same element are one.
    document = parse_argdown(
        "<A>\n\n(1) P.\n----\n  _ [S]: S.\n(2) C.\n  <_ [S]\n\n<A>\n  <_ [S]\n"
    )
    assert document.relations == [("S", "A", "undercut")]
