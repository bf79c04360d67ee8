"""The argument view: golden DOT, what each view selects, escaping, and how it looks."""

from __future__ import annotations

import dataclasses
import io
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

from scenarios import (
    Argument,
    Assumption,
    Case,
    CaseBuilder,
    Evidence,
    Hypothesis,
    HypothesisSet,
    Quote,
    Source,
)
from scenarios.cli import main
from scenarios.errors import OptionError, UnknownIdError
from scenarios.render._argument_view import MAX_ASPECT, argument_view
from scenarios.render._layout import PALETTE
from scenarios.strategies import cases
from tests.render.test_render import EVIL
from tests.support import CHROMIUM_FLAGS, ROOT

GOLDEN = Path(__file__).parent / "golden"


def chain_case() -> Case:
    """Malik's chain in small: oil and China -> Tehran is in no rush -> leverage; attacked
    by Qaani's call for calm, undercut by 'the talks are no consideration', resting on
    the unstated premise that Tehran acts as one."""
    b = CaseBuilder(title="Why escalate?")
    b.add(
        Source(id="mei", title="Iran's game plan", reliability="B"),
        Source(id="ap", title="AP report", reliability="C"),
        Hypothesis(id="leverage", statement="Escalation is leverage in the JCPOA talks."),
        Hypothesis(id="standing", statement="Escalation is for the militias' own standing."),
        HypothesisSet(id="why", question="Why escalate?", hypotheses=("leverage", "standing")),
        Evidence(
            id="china",
            claim="Iran signed a $400 billion deal with China.",
            credibility=2,
            quotes=(Quote(source="mei", text="400 billion"),),
        ),
        Evidence(
            id="no-rush",
            claim="Tehran is in no rush to return to the JCPOA.",
            kind="assessment",
            credibility=3,
            quotes=(Quote(source="mei", text="no rush"),),
        ),
        Evidence(
            id="calm",
            claim="Qaani asked the militias for calm during the talks.",
            credibility=2,
            quotes=(Quote(source="ap", text="calm"),),
        ),
        Evidence(
            id="no-consideration",
            claim="Khazali: the nuclear talks will not be a consideration.",
            credibility=2,
            quotes=(Quote(source="mei", text="not be a consideration"),),
        ),
        Argument(id="rich", premises=("china",), conclusion="no-rush", description="Money."),
        Argument(
            id="malik",
            premises=("no-rush",),
            conclusion="leverage",
            description="In no rush, Tehran can use the militias as leverage.",
            undercutter="no-consideration",
        ),
        Argument(id="restraint", premises=("calm",), conclusion="leverage", stance="con"),
        Assumption(
            id="unity", statement="Tehran acts as one.", status="caveated", supports=("malik",)
        ),
    )
    b.link("calm", "leverage", "I", relevance="high")
    b.link("no-consideration", "leverage", "I")
    b.link("no-consideration", "standing", "C")
    b.link("china", "standing", "N")
    return b.build()


VIEWS: dict[str, dict[str, Any]] = {
    "whole": {},
    "focus": {"focus": "no-rush", "depth": 1},
    "set": {"hypothesis_set": "why"},
    "source": {"source": "ap"},
}


def dot_of(case: Case, **options: Any) -> str:
    dot: str = argument_view(case, balance=False, **options).source
    return dot


@pytest.mark.parametrize("view", sorted(VIEWS))
def test_each_view_matches_its_golden_dot(view: str) -> None:
    dot = dot_of(chain_case(), **VIEWS[view])
    golden = GOLDEN / f"arguments_{view}.dot"
    if os.environ.get("REGENERATE_GOLDEN"):
        golden.write_text(dot, encoding="utf-8")
    assert dot == golden.read_text(encoding="utf-8"), f"regenerate {golden.name} if intended"


def names(dot: str) -> dict[str, str]:
    """Node id -> the tooltip's leading id."""
    return dict(re.findall(r"^\t+(n\d+) \[.*?tooltip=\"([\w-]+)", dot, re.MULTILINE))


def edges(dot: str) -> set[tuple[str, str, str]]:
    """(tail id, head id, colour) of every edge, by case ids."""
    by = names(dot)
    return {
        (by[a], by[b], colour)
        for a, b, colour in re.findall(r"(n\d+) -> (n\d+) \[.*?color=\"(#\w+)\"", dot)
    }


def test_the_chain_is_drawn_premise_argument_conclusion() -> None:
    found = edges(dot_of(chain_case()))
    pro, con, under = PALETTE["supports"], PALETTE["contradicts"], PALETTE["undercuts"]
    grey = PALETTE["structure"]
    assert ("china", "rich", grey) in found  # premise to its argument
    assert ("rich", "no-rush", pro) in found  # the argument supports its conclusion
    assert ("no-rush", "malik", grey) in found
    assert ("malik", "leverage", pro) in found
    assert ("restraint", "leverage", con) in found  # a con argument attacks
    assert ("no-consideration", "malik", under) in found  # the undercut: to the inference
    assert ("unity", "malik", grey) in found  # the unstated premise it rests on
    assert ("calm", "leverage", con) in found  # an I link attacks
    assert ("no-consideration", "standing", pro) in found
    assert not any(tail == "china" and head == "standing" for tail, head, _ in found)  # N


def test_neutral_links_only_when_asked() -> None:
    found = edges(dot_of(chain_case(), neutral=True))
    assert ("china", "standing", PALETTE["neutral"]) in found


def test_a_set_view_keeps_the_whole_chain_and_a_source_view_its_own_grounds() -> None:
    shown = set(names(dot_of(chain_case(), hypothesis_set="why")).values())
    assert {"leverage", "standing", "malik", "no-rush", "rich", "china", "unity"} <= shown
    own = set(names(dot_of(chain_case(), source="ap")).values())
    assert "calm" in own
    assert "china" not in own
    assert "no-rush" not in own  # other sources' grounds stay out of a source view


def test_intermediate_conclusions_and_assumptions_look_different() -> None:
    dot = dot_of(chain_case())
    by = {v: k for k, v in names(dot).items()}
    line = {
        key: next(x for x in dot.splitlines() if x.strip().startswith(f"{n} ["))
        for key, n in by.items()
    }
    assert 'fillcolor="#ffffff"' in line["no-rush"]  # argued to: intermediate conclusion
    assert 'fillcolor="#F2F6FA"' in line["china"]  # a ground
    assert "dashed" in line["unity"]
    assert "B2" in line["china"]  # grounds show their grade


def test_the_legend_lists_only_what_is_drawn() -> None:
    case = chain_case()
    bare = case.model_copy(update={"arguments": (), "assumptions": ()})
    legend = dot_of(bare).split("legend [", 1)[1]
    assert "supports" in legend
    assert "attacks" in legend
    assert "undercuts" not in legend
    assert "argument" not in legend
    assert "undercuts" in dot_of(case).split("legend [", 1)[1]


def test_hypotheses_show_their_standing(example_case: Case) -> None:
    dot = dot_of(example_case, hypothesis_set="own-standing")
    assert "Carneades in" in dot
    assert re.search(r"\d+%: [a-z ]+, (low|moderate|high) confidence", dot)


def test_views_are_checked() -> None:
    with pytest.raises(OptionError):
        dot_of(chain_case(), focus="calm", source="ap")
    with pytest.raises(UnknownIdError, match="did you mean"):
        dot_of(chain_case(), hypothesis_set="whyy")


@pytest.mark.parametrize("text", EVIL)
def test_hostile_text_stays_text(text: str) -> None:
    case = chain_case()
    argument = next(a for a in case.arguments if a.id == "malik")
    evil = case.model_copy(
        update={
            "arguments": tuple(
                a if a.id != "malik" else dataclasses.replace(argument, description=text)
                for a in case.arguments
            )
        }
    )
    dot = dot_of(evil)
    for line in (x.strip() for x in dot.splitlines()[1:-1]):  # every statement is ours
        assert re.match(
            r"^(n\d+( -> n\d+)? \[|legend \[|subgraph cluster_\d+ \{|\}|label=|style=|color="
            r"|fontname=|fontsize=|labelloc=|rank=|node \[|edge \[|graph \[)",
            line,
        ), line
    for html_label in re.findall(r"label=<(.*?)> ", dot):  # markup only in our own labels
        assert "<script" not in html_label
        assert "<b>" not in html_label
    assert "\x00" not in dot
    assert "\x1b" not in dot


@pytest.mark.graphviz
def test_hostile_text_renders_as_text() -> None:
    case = chain_case()
    argument = next(a for a in case.arguments if a.id == "malik")
    evil = case.model_copy(
        update={
            "arguments": tuple(
                a if a.id != "malik" else dataclasses.replace(argument, description=" ".join(EVIL))
                for a in case.arguments
            )
        }
    )
    svg = argument_view(evil).pipe(format="svg", encoding="utf-8")
    assert "<script" not in svg
    assert "&lt;script&gt;" in svg


@settings(max_examples=25, deadline=None)
@given(cases())
def test_every_drawn_case_gives_valid_dot(case: Case) -> None:
    dot = dot_of(case)
    assert dot.startswith("digraph arguments {")
    for argument in case.arguments:
        assert f'tooltip="{argument.id}:' in dot


def aspect_and_smallest_text(svg: str) -> tuple[float, float]:
    size = re.search(r'width="([\d.]+)pt" height="([\d.]+)pt"', svg)
    assert size is not None
    width, height = float(size.group(1)), float(size.group(2))
    sizes = [float(x) for x in re.findall(r'font-size="([\d.]+)"', svg)]
    return max(width / height, height / width), min(sizes) * 4 / 3  # points to CSS pixels


@pytest.mark.graphviz
@pytest.mark.browser
@pytest.mark.parametrize(
    "group",
    ["who-controls-escalation", "jcpoa-leverage", "sadr-and-militias", "can-kadhimi-rein-them-in"],
)
def test_each_set_of_the_example_is_readable(
    example_case: Case, group: str, tmp_path: Path
) -> None:
    case = example_case
    if group not in {s.id for s in case.hypothesis_sets}:
        group = case.hypothesis_sets[0].id
    svg = argument_view(case, hypothesis_set=group).pipe(format="svg", encoding="utf-8")
    aspect, smallest = aspect_and_smallest_text(svg)
    assert aspect <= MAX_ASPECT
    assert smallest >= 10
    page = tmp_path / "view.svg"
    page.write_text(svg, encoding="utf-8")
    shot = tmp_path / "view.png"
    chromium = shutil.which("chromium")
    assert chromium is not None
    subprocess.run(
        [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}",
         "--window-size=1600,1000", f"--screenshot={shot}", page.as_uri()],
        capture_output=True, timeout=120, check=True,
    )  # fmt: skip
    assert shot.stat().st_size > 20_000  # a drawing, not a blank page


def test_the_command_line_draws_the_argument_view(tmp_path: Path) -> None:
    target = tmp_path / "arguments.dot"
    bridge = ROOT / "examples" / "bridge_collapse" / "case.yaml"
    argv = ["render", str(bridge), "--view", "arguments", "--set", "cause", "-o", str(target)]
    assert main(argv, out=io.StringIO()) == 0
    dot = target.read_text(encoding="utf-8")
    assert dot.startswith("digraph arguments {")
    assert "rankdir=BT" in dot
    plain = tmp_path / "evidence.dot"
    assert main(["render", str(bridge), "-o", str(plain)], out=io.StringIO()) == 0
    with_n = tmp_path / "neutral.dot"
    assert main(["render", str(bridge), "--neutral", "-o", str(with_n)], out=io.StringIO()) == 0
    assert ">N</FONT>" not in plain.read_text(encoding="utf-8")
    assert ">N</FONT>" in with_n.read_text(encoding="utf-8")


def test_the_docs_argdown_chain_is_the_worked_cases_chain(example_case: Case) -> None:
    """docs/maps.md sets this file's Argdown map beside the view of the same chain."""
    from scenarios.io import read_argdown

    imported = read_argdown(ROOT / "docs" / "examples" / "leverage-chain.argdown")
    assert imported.problems == ()
    written = {a.id: a for a in imported.case.arguments}
    view = argument_view(example_case, focus="leverage-from-strength", depth=1).source
    drawn = set(re.findall(r'tooltip="([\w-]+): ', view))
    case_arguments = {a.id for a in example_case.arguments}
    # the view draws the written arguments, and one more: the case's attack on an assumption
    assert drawn & case_arguments == set(written) | {"tehran-speaks-in-two-voices"}
    assumed = {a.id for a in imported.case.assumptions}
    assert assumed == {"tehran-speaks-with-one-voice", "public-statements-reflect-intent"}
    for argument in written.values():
        own = example_case.get(argument.id, Argument)
        assert (argument.conclusion, argument.stance, argument.undercutter) == (
            own.conclusion,
            own.stance,
            own.undercutter,
        )
        assert argument.description == own.description
        # Argdown states unstated premises as premises: the case's assumptions behind it
        extra = set(argument.premises) - set(own.premises)
        assert extra <= {a.id for a in example_case.assumptions if own.id in a.supports}
    stated = {"khamenei-no-rush", "hardline-current"}
    assert set(written["leverage-from-strength"].premises) - stated == assumed
    rated = {(k.evidence, k.hypothesis): k.rating for k in example_case.links}
    for link in imported.case.links:
        assert rated[link.evidence, link.hypothesis] == link.rating


def test_the_map_and_the_view_share_one_palette() -> None:
    from scenarios.render import argument_map

    case = chain_case()
    view, drawn_map = dot_of(case, neutral=True), argument_map(case, neutral=True).source
    for stance, style, head in (
        ("supports", "solid", "normal"),
        ("contradicts", "dashed", "tee"),
        ("neutral", "dotted", "odot"),
    ):
        for dot in (view, drawn_map):
            drawn = [
                edge
                for edge in re.findall(r"n\d+ -> n\d+ \[[^\]]*\]", dot)
                if f"arrowhead={head}" in edge and f"style={style}" in edge
            ]
            assert drawn, stance
            for edge in drawn:  # before: green #1a7f37 on the map, #009E73 in the view
                assert f'color="{PALETTE[stance]}"' in edge, edge
    assert len({PALETTE[k] for k in ("supports", "contradicts", "undercuts")}) == 3
