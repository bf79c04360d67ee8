"""Argument maps: golden DOT per view, hostile text, URLs, engines, errors, atomic output."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from pathlib import Path

import graphviz
import pytest

from scenarios import Case, CaseBuilder, Evidence, Hypothesis, HypothesisSet, Quote, Source, load
from scenarios.cli import main
from scenarios.errors import GraphvizNotFoundError, RenderError, UnknownIdError
from scenarios.model import Argument, Assumption
from scenarios.render import argument_map, choose_engine, write_diagram
from scenarios.render._escape import attribute_text, safe_url
from tests.support import ROOT

GOLDEN = Path(__file__).parent / "golden"
EVIL = [
    '"] ; evil [label="x',
    "trailing backslash \\",
    "escapes \\N and \\G and \\l",
    "<b>bold</b> <script>alert(1)</script>",
    "digraph { node } edge -> strict subgraph: a:b",
    "control\x00\x07\x1b[31m characters",
    "قيس الخزعلي عصائب أهل الحق",
]


def small_case() -> Case:
    b = CaseBuilder(title="Who decides?")
    b.add(
        Source(id="mei", title="Iran's game plan", reliability="B", url="https://example.org/a"),
        Source(id="ap", title="AP report", reliability="C"),
        Hypothesis(id="defy", statement="The militias defy Qaani."),
        Hypothesis(id="control", statement="The Quds Force keeps control."),
        HypothesisSet(id="who", question="Who decides?", hypotheses=("defy", "control")),
        Evidence(
            id="refusal",
            claim="Khazali refused Qaani in public.",
            credibility=2,
            occurred="2020-11-19",
            quotes=(Quote(source="mei", text="we won't listen"),),
        ),
        Evidence(
            id="calm",
            claim="Qaani calmed AAH down.",
            credibility=3,
            quotes=(Quote(source="ap", text="calm AAH down"),),
        ),
        Argument(id="arg", premises=("refusal",), conclusion="defy"),
        Assumption(id="intent", statement="Public words show intent.", supports=("refusal",)),
    )
    b.link("refusal", "defy", "CC", relevance="high", rationale="A public refusal.")
    b.link("refusal", "control", "I")
    b.link("calm", "control", "C", relevance="low")
    b.link("calm", "defy", "N")
    return b.build()


VIEWS = {
    "whole": {},
    "focus": {"focus": "calm", "depth": 1},
    "set": {"hypothesis_set": "who"},
    "source": {"source": "ap", "show_sources": True},
}


@pytest.mark.parametrize("view", sorted(VIEWS))
def test_each_view_matches_its_golden_dot(view: str) -> None:
    dot = argument_map(small_case(), balance=False, **VIEWS[view]).source  # type: ignore[arg-type]
    golden = GOLDEN / f"map_{view}.dot"
    if os.environ.get("REGENERATE_GOLDEN"):
        golden.write_text(dot, encoding="utf-8")
    assert dot == golden.read_text(encoding="utf-8"), f"regenerate {golden.name} if intended"


def test_views_show_what_they_say() -> None:
    case = small_case()
    focus = argument_map(case, focus="calm", depth=0, legend=False).source
    assert len(re.findall(r"^\tn\d+ \[", focus, re.MULTILINE)) == 1
    source = argument_map(case, source="ap", legend=False).source
    assert "Qaani calmed AAH down." in source
    assert "Khazali refused" not in source
    with pytest.raises(UnknownIdError, match="did you mean 'calm'"):
        argument_map(case, focus="clam")
    with pytest.raises(ValueError, match="choose one view"):
        argument_map(case, focus="calm", source="ap")
    with pytest.raises(ValueError, match="depth must be 0 or more"):
        argument_map(case, focus="calm", depth=-1)


def test_clusters_by_set_source_or_none() -> None:
    case = small_case()
    by_set = argument_map(case, legend=False).source
    by_source = argument_map(case, cluster="source", legend=False).source
    plain = argument_map(case, cluster="none", legend=False).source
    assert by_set.count("subgraph cluster_") == 0  # a lone set: its question heads the map
    assert "label=<Who decides?> labelloc=t" in by_set
    assert by_source.count("subgraph cluster_source_") == 2  # mei and ap
    assert "subgraph cluster_1 " not in by_source  # no box for the set
    assert "subgraph" not in plain


def test_support_and_contradiction_differ_in_more_than_colour() -> None:
    dot = argument_map(small_case(), legend=False).source
    supports = re.search(r"n\d+ -> n\d+ \[[^\]]*>CC<[^\]]*\]", dot)
    contradicts = re.search(r"n\d+ -> n\d+ \[[^\]]*>I<[^\]]*\]", dot)
    assert supports is not None
    assert contradicts is not None
    assert "style=solid" in supports.group()
    assert "arrowhead=normal" in supports.group()
    assert "style=dashed" in contradicts.group()
    assert "arrowhead=tee" in contradicts.group()
    assert "penwidth=3" in supports.group()


def hostile_case() -> Case:
    b = CaseBuilder(title=EVIL[0])
    b.add(Source(id="s", title=EVIL[1]))
    for i, text in enumerate(EVIL):
        b.add(
            Hypothesis(id=f"h{i}", statement=text),
            Evidence(id=f"e{i}", claim=text, quotes=(Quote(source="s", text=text),)),
        )
        b.link(f"e{i}", f"h{i}", "C")
    return b.build()


def test_hostile_text_stays_inside_its_labels() -> None:
    dot = argument_map(hostile_case(), legend=False).source
    statements = [line.strip() for line in dot.splitlines()[1:-1]]
    for line in statements:  # every statement is ours: generated ids, attributes, braces
        assert re.match(
            r"^(n\d+( -> n\d+)? \[|subgraph cluster_\d+ \{|\}|label=|style=|color="
            r"|fontname=|rankdir=|node \[|edge \[|graph \[)",
            line,
        ), line
    assert "&quot;] ; evil [label=&quot;x" in dot
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dot
    for html_label in re.findall(r"label=<(.*?)> ", dot):  # markup only in our own labels
        assert "<script" not in html_label
        assert "<b>" not in html_label
    assert "\x00" not in dot
    assert "\x1b" not in dot
    assert "قيس الخزعلي" in dot
    assert len(re.findall(r"^\tn\d+ \[", dot, re.MULTILINE)) == 2 * len(EVIL)


@pytest.mark.graphviz
def test_hostile_text_renders_as_text(tmp_path: Path) -> None:
    svg = write_diagram(argument_map(hostile_case()), tmp_path / "evil.svg").read_text()
    assert svg.count('class="node"') == 2 * len(EVIL) + 1  # and the legend
    assert "&lt;script&gt;" in svg
    assert "<script" not in svg
    shown = svg.replace("\u2060", "")
    assert "escapes \\N and \\G and \\l" in shown  # not the node's or the graph's name
    assert "trailing backslash \\" in shown


def test_labels_are_capped_and_tooltips_keep_more() -> None:
    long = "word " * 10_000
    b = CaseBuilder(title="t")
    b.add(Source(id="s", title="S"), Hypothesis(id="h", statement=long))
    dot = argument_map(b.build(), legend=False).source
    label = re.search(r"label=<(.*?)> ", dot)
    assert label is not None
    assert len(label.group(1)) < 400
    assert "…" in label.group(1)
    assert len(attribute_text(long)) == 2_000


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://example.org/a?b=1&c=2", True),
        ("http://example.org", True),
        ("reports/2021.html", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        ("java\nscript:alert(1)", False),
        (" javascript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("data:text/html,<script>", False),
        ("vbscript:msgbox", False),
        ("//evil.example/x", False),
        ("file:///etc/passwd", False),
        ("", False),
    ],
)
def test_only_http_https_and_relative_links_are_emitted(url: str, kept: bool) -> None:
    assert (safe_url(url) is not None) == kept


def test_engine_and_limits_follow_size() -> None:
    def graph_of(n: int) -> graphviz.Digraph:
        g = graphviz.Digraph()
        for i in range(n):
            g.node(f"n{i}")
        return g

    assert choose_engine(graph_of(10)) == ("dot", [])
    assert choose_engine(graph_of(900))[0] == "dot"
    assert "-Gnslimit=2" in choose_engine(graph_of(900))[1]
    assert choose_engine(graph_of(2_500))[0] == "sfdp"


def test_dot_output_needs_no_graphviz(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    target = write_diagram(argument_map(small_case()), tmp_path / "map.dot")
    assert target.read_text().startswith("digraph argument_map {")
    with pytest.raises(GraphvizNotFoundError, match="apt-get install graphviz"):
        write_diagram(argument_map(small_case()), tmp_path / "map.svg")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.dot"]


def test_a_timeout_says_what_to_do_and_keeps_the_earlier_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "map.svg"
    target.write_text("earlier")

    def slow(*args: object, **kwargs: object) -> None:
        raise subprocess.TimeoutExpired(cmd="dot", timeout=1)

    monkeypatch.setattr(shutil, "which", lambda name: "/usr/bin/" + name)
    monkeypatch.setattr("scenarios.render._output._layout", slow)  # the one place dot runs
    with pytest.raises(RenderError, match=r"did not finish the layout in 1 s\. Draw less"):
        write_diagram(argument_map(small_case()), target, timeout=1)
    assert target.read_text() == "earlier"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.svg"]


def test_an_unknown_suffix_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"name it \.svg, \.png, \.pdf or \.dot"):
        write_diagram(argument_map(small_case()), tmp_path / "map.bmp")


@pytest.mark.graphviz
def test_render_command(tmp_path: Path, root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = root / "examples" / "iran_militias" / "case.yaml"
    out = io.StringIO()
    target = tmp_path / "focus.svg"
    argv = [
        "render",
        str(case),
        "-o",
        str(target),
        "--focus",
        "tehran-sets-limits",
        "--depth",
        "1",
    ]
    assert main(argv, out=out) == 0
    assert out.getvalue() == f"{target}\n"
    svg = target.read_text()
    assert svg.startswith("<?xml")
    assert "Tehran set the limits (no serious attacks on the U.S. embassy" in svg
    assert (
        main(
            ["render", str(case), "-o", str(tmp_path / "x.svg"), "--focus", "qaani-defies"],
            out=io.StringIO(),
        )
        == 2
    )
    assert "no object with id 'qaani-defies'" in capsys.readouterr().err
    by_source = tmp_path / "by-source.dot"
    assert (
        main(["render", str(case), "-o", str(by_source), "--cluster", "source"], out=io.StringIO())
        == 0
    )
    # one box per source quoted first by some item (seed-000 is only ever quoted second)
    assert by_source.read_text().count("subgraph cluster_source_") == 4
    assert main(["render", str(case), "-o", str(tmp_path / "x.bmp")], out=io.StringIO()) == 2
    assert "name it .svg, .png, .pdf or .dot" in capsys.readouterr().err


def _aspect(svg: str) -> float:
    size = re.search(r'width="([\d.]+)pt" height="([\d.]+)pt"', svg)
    assert size is not None
    width, height = float(size.group(1)), float(size.group(2))
    return max(width / height, height / width)


@pytest.mark.graphviz
@pytest.mark.parametrize("options", [{}, {"cluster": "source", "rankdir": "TB"}])
@pytest.mark.parametrize("example", ["bridge_collapse", "iran_militias"])
def test_a_map_is_never_a_strip(example: str, options: dict[str, str]) -> None:
    case = load(ROOT / "examples" / example / "case.yaml")
    svg = argument_map(case, **options).pipe(format="svg", encoding="utf-8")  # type: ignore[arg-type]
    assert _aspect(svg) <= 3  # before: the bridge case by source, top to bottom, was 12:1


def test_n_links_only_when_asked_and_the_legend_lists_what_is_drawn() -> None:
    hidden = argument_map(small_case(), balance=False).source
    shown = argument_map(small_case(), balance=False, neutral=True).source
    assert ">N</FONT>" not in hidden
    assert ">N</FONT>" in shown
    assert "neutral" not in hidden.split("legend [", 1)[1]
    assert "neutral" in shown.split("legend [", 1)[1]
    assert "folder" not in hidden  # no source drawn, none in the legend


def newcomer_case() -> Case:
    """A newcomer's case: one set, one argument, assumptions on a hypothesis, an item and
    the argument, and one on a hypothesis outside the set."""
    b = CaseBuilder(title="Why did the town flood?")
    b.add(
        Source(id="paper", title="Local paper", reliability="C"),
        *(Hypothesis(id=h, statement=f"The {h} did it.") for h in ("rain", "levee", "gate")),
        Hypothesis(id="insured", statement="The damage was insured."),
        HypothesisSet(id="cause", question="What caused it?", hypotheses=("rain", "levee", "gate")),
        HypothesisSet(id="cost", question="Who pays?", hypotheses=("insured",)),
        *(
            Evidence(id=e, claim=f"The paper says {e}.", credibility=3,
                     quotes=(Quote(source="paper", text=e),))
            for e in ("breach", "cut", "stuck", "policy")
        ),
        Argument(id="neglect", premises=("cut", "breach"), conclusion="levee"),
        Assumption(id="before", statement="It breached before it overtopped.",
                   status="caveated", supports=("levee",)),
        Assumption(id="candid", statement="The paper is candid.", supports=("stuck",)),
        Assumption(id="funded", statement="Cuts mean neglect.", supports=("neglect",)),
        Assumption(id="covered", statement="The policy covers floods.", supports=("insured",)),
    )  # fmt: skip
    b.link("breach", "levee", "CC")
    b.link("cut", "levee", "C")
    b.link("stuck", "gate", "CC")
    b.link("breach", "rain", "I")
    b.link("policy", "insured", "C")
    return b.build()


@pytest.mark.parametrize("view", ["map", "arguments"])
def test_a_set_view_draws_the_assumptions_resting_on_what_it_shows(view: str) -> None:
    from scenarios.render import argument_view

    case = newcomer_case()
    draw = argument_map if view == "map" else argument_view
    dot = draw(case, hypothesis_set="cause", legend=False, balance=False).source
    lines = [x.strip() for x in dot.splitlines() if re.match(r"^\t+n\d+ \[", x)]
    for assumption in ("before", "candid", "funded"):  # on a hypothesis, an item, an argument
        statement = case.get(assumption, Assumption).statement
        line = next((x for x in lines if statement in x), None)
        assert line is not None, assumption  # before: the map left all three out
        assert "dashed" in line  # drawn as an assumption
        node = line.split(" ", 1)[0]
        assert re.search(rf"\b{node} -> n\d+", dot), assumption  # to what rests on it
    assert case.get("covered", Assumption).statement not in dot  # it bears on another set


def test_the_legend_names_every_kind_of_edge_the_map_draws(example_case: Case) -> None:
    # Before: premises (black), undercuts and what assumptions hold up were drawn but not
    # in the legend, and undercuts looked like contradictions (the view drew them apart).
    dot = argument_map(example_case, hypothesis_set="jcpoa-leverage", balance=False).source
    for meaning in ("premise of an argument", "what an assumption holds up", "undercuts the"):
        assert meaning in dot, meaning
    assert 'label=unless arrowhead=tee color="#CC79A7"' in dot.replace("\n", " ")
