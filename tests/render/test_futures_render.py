"""Diagrams and commands about the future: scenario tree, field, timeline; futures, morph, timeline."""

from __future__ import annotations

import dataclasses
import json
import math
import re
from pathlib import Path

import pytest

from scenarios import (
    Case,
    CaseMeta,
    Driver,
    DriverState,
    Event,
    Hypothesis,
    HypothesisSet,
    Indicator,
    Observation,
    Scenario,
)
from scenarios.analysis import futures, posteriors
from scenarios.render import morphological_field, scenario_tree, timeline_items, timeline_svg
from tests.support import EXAMPLE, Cli

EVIL = '"] ; evil [label="x \\N <b>&'


def hostile() -> Case:
    return Case(
        meta=CaseMeta(title=EVIL),
        hypotheses=(Hypothesis(id="h", statement=EVIL), Hypothesis(id="g", statement="G.")),
        hypothesis_sets=(HypothesisSet(id="q", question="Q?", hypotheses=("h", "g")),),
        drivers=(
            Driver(
                id="d",
                name=EVIL,
                states=(DriverState(id="a", name=EVIL), DriverState(id="b", name="B")),
            ),
        ),
        scenarios=(
            Scenario(id="s1", name=EVIL, assumes={"h": True}, drivers={"d": "a"}),
            Scenario(id="s2", name="Two", assumes={"g": True}, drivers={"d": "b"}),
        ),
        indicators=(
            Indicator(
                id="i",
                name=EVIL,
                expectations={"s1": "likely", "s2": 0.3},
                observations=(Observation(date="2021-03"),),
            ),
        ),
        events=(Event(id="e", title=EVIL, date="2020-06-25/2020-06-29"),),
    )


def test_the_scenario_tree_in_dot() -> None:
    dot = scenario_tree(hostile()).source
    assert 'evil [label="x' not in dot
    assert "&quot;] ; evil [label=&quot;x \\\u2060N &lt;b&gt;&amp;" in dot
    assert dot.count(" -> ") == 4  # two assumptions, two expectations
    assert "label=true" in dot
    assert 'color="#2f855a"' in dot
    assert 'color="#c53030"' in dot
    assert 'fillcolor="#fed7d7"' in dot  # the indicator fired
    assert "50%, roughly even chance" not in dot  # it moved: s1 expected it, s2 less so


def test_the_field_in_dot_highlights_a_configuration() -> None:
    case = hostile()
    dot = morphological_field(case, highlight={"d": "b"}, ruled_out=frozenset({"d=a"})).source
    assert dot.count("<TR>") == 1
    assert '<TD BGCOLOR="#fbd38d">B</TD>' in dot
    assert 'BGCOLOR="#e2e8f0">&quot;]' in dot
    with pytest.raises(ValueError, match="declares no drivers"):
        morphological_field(Case(meta=CaseMeta(title="t")))


def test_the_timeline_svg() -> None:
    case = hostile()
    items = timeline_items(case)
    assert [(i.kind, i.date) for i in items] == [
        ("event", "2020-06-25/2020-06-29"),
        ("fired", "2021-03"),
    ]
    svg = timeline_svg(case)
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert "<b>" not in svg
    assert "&lt;b&gt;" in svg
    assert "<script" not in svg
    assert svg.count('<rect class="event"') == 1  # a range is a bar
    assert svg.count('<rect class="fired"') == 1  # so is a month
    assert ">2021<" in svg  # the year tick
    exact = Case(meta=CaseMeta(title="t"), events=(Event(id="x", title="X", date="2020-01-03"),))
    assert timeline_svg(exact).count('<circle class="event"') == 1
    assert "<svg" in timeline_svg(Case(meta=CaseMeta(title="empty")))


def test_the_timeline_axis_covers_every_point() -> None:
    case = Case(
        meta=CaseMeta(title="t"),
        events=(
            Event(id="old", title="Old", date="2015-06-10"),
            Event(id="new", title="New", date="2020-02-01"),
        ),
    )
    svg = timeline_svg(case)
    first_tick = float(re.findall(r'<line class="year" x1="([\d.]+)"', svg)[0])
    points = [float(x) for x in re.findall(r'<circle class="event" cx="([\d.]+)"', svg)]
    assert ">2015<" in svg  # the year of the first point is marked
    assert first_tick <= min(points)  # before: the axis began at 2016, right of the point


def test_futures_command_text_json_and_tree(example_case: Case, cli: Cli, tmp_path: Path) -> None:
    code, out, _ = cli("futures", str(EXAMPLE), "--tree", str(tmp_path / "tree.dot"))
    assert code == 0
    assert "Scenarios (3, which exclude each other)" in out
    # One scenario per answer of the al-Sadr set: each probability is that answer's
    # posterior, and the set's unnamed share is the futures no scenario names.
    assert "militias-turn-inward-2022: 24% (unlikely)" in out
    assert "deadlock-2022: 31% (unlikely), prior 31% from P(militias-obstruct-government)" in out
    assert "  none of them (the futures none of the scenarios describes): 25%" in out
    assert "Fired indicators: none" in out
    assert "Watch list (5, most telling first)" in out
    assert (tmp_path / "tree.dot").read_text().startswith("digraph scenario_tree {")
    code, out, _ = cli("futures", str(EXAMPLE), "--format", "json")
    data = json.loads(out)
    assert data["exclusive"] is True
    assert [s["probability"] is None for s in data["scenarios"]] == [False, False, False]
    named = sum(s["probability"] for s in data["scenarios"])
    assert math.isclose(data["remainder"], 1 - named)
    other = posteriors(example_case, "sadr-and-militias").of("(other)").posterior
    assert math.isclose(data["remainder"], other)


def test_morph_command(cli: Cli, tmp_path: Path) -> None:
    field = tmp_path / "field.dot"
    code, out, _ = cli(
        "morph",
        str(EXAMPLE),
        "--top",
        "3",
        "--matrix",
        "tehran-line",
        "militias-and-sadr",
        "--field",
        str(field),
    )
    assert code == 0
    assert out.startswith("24 consistent configurations of 32 (5 drivers); best 3:")
    assert "tehran-line=restrain, militias-and-sadr=politics: 8 configurations; bargain-2022" in out
    assert field.read_text().startswith("digraph morphological_field {")
    data = json.loads(cli("morph", str(EXAMPLE), "--format", "json", "--top", "1")[1])
    assert (data["field_size"], data["consistent"], len(data["configurations"])) == (32, 24, 1)


def test_morph_and_timeline_usage_errors(example_case: Case, cli: Cli, tmp_path: Path) -> None:
    ran = cli("morph", str(EXAMPLE), "--matrix", "tehran-line", "tehran-line")
    assert ran.code == 2
    assert "two different drivers" in ran.err
    ran = cli("morph", str(EXAMPLE), "--threshold", "1.5")
    assert ran.code == 2
    assert "threshold" in ran.err
    bare = tmp_path / "bare.yaml"
    bare.write_text("meta: {title: t}\n")
    ran = cli("morph", str(bare))
    assert ran.code == 2
    assert "declares no drivers" in ran.err
    ran = cli("timeline", str(EXAMPLE), "-o", str(tmp_path / "t.png"))
    assert ran.code == 2
    assert "name the output .svg" in ran.err
    assert not (tmp_path / "t.png").exists()
    assert cli("timeline", str(EXAMPLE), "-o", str(tmp_path / "t.svg")).code == 0
    assert (tmp_path / "t.svg").read_text().count("<g>") == len(example_case.events)


def test_futures_command_refuses_rival_hypotheses(cli: Cli, tmp_path: Path) -> None:
    case = tmp_path / "rivals.yaml"
    case.write_text(
        "meta: {title: t}\nhypotheses: [{id: a, statement: A.}, {id: b, statement: B.}]\n"
        "hypothesis_sets: [{id: q, question: Q?, hypotheses: [a, b]}]\n"
        "scenarios: [{id: s, name: S, assumes: {a: true, b: true}}]\n"
    )
    ran = cli("futures", str(case))
    assert ran.code == 2
    err = ran.err
    assert "check C001" in err
    assert "hint: a scenario takes at most one hypothesis of an exclusive set as true" in err


def test_the_example_futures(example_case: Case) -> None:
    case = example_case
    result = futures(case)
    assert result.exclusive
    # Each scenario rests on one answer of the al-Sadr set, which is open: what the three
    # leave over is that set's unnamed share, not 0.
    assert {s.basis for s in result.scenarios} == {"hypotheses"}
    assert result.remainder == pytest.approx(
        posteriors(case, "sadr-and-militias").of("(other)").posterior
    )
    assert 0.1 < (result.remainder or 0) < 0.5
    by_id = {s.scenario: s for s in result.scenarios}
    assert by_id["militias-turn-inward-2022"].words == "unlikely"
    assert max(by_id, key=lambda s: by_id[s].probability or 0) == "deadlock-2022"
    # No scenario multiplies sets, so stating them independent changes nothing.
    stated = case.model_copy(update={"meta": dataclasses.replace(case.meta, independent_sets=True)})
    again = futures(stated)
    assert [s.probability for s in again.scenarios] == [s.probability for s in result.scenarios]
    assert result.watch_list[0].indicator == "clashes-with-sadrists"
