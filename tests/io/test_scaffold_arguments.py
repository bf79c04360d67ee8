"""`scenarios new`: the template shows an argument and a key assumption, commented out,
that check clean once uncommented, and a caveat on the assumption changes a label."""

from __future__ import annotations

import re
from pathlib import Path

from scenarios.analysis import case_graph, evaluate
from scenarios.checks import check_file
from scenarios.io import new_case
from scenarios.io._scaffold import CASE_TEMPLATE


def _uncommented(text: str) -> str:
    """The template with its commented-out ``arguments:`` and ``assumptions:`` blocks on."""
    block = re.compile(r"^# ((?:arguments|assumptions):\n(?:#   .*\n)+)", re.MULTILINE)
    return block.sub(lambda m: re.sub(r"(?m)^# ", "", m.group(1)), text)


def test_the_template_holds_an_argument_and_an_assumption_to_try(tmp_path: Path) -> None:
    # Before: the template had neither, and no word of evaluate or the argument view.
    assert "# arguments:\n" in CASE_TEMPLATE
    assert "# assumptions:\n" in CASE_TEMPLATE
    assert "scenarios evaluate case.yaml" in CASE_TEMPLATE
    assert "--view arguments" in CASE_TEMPLATE
    case_file = new_case(tmp_path / "ferry")[-1]
    tried = _uncommented(case_file.read_text(encoding="utf-8"))
    assert tried != case_file.read_text(encoding="utf-8")
    case_file.write_text(tried, encoding="utf-8")
    report = check_file(case_file)
    assert report.findings == ()  # still clean, every quote found
    case = report.sound_case()
    assert [a.id for a in case.arguments] == ["inspection-found-fault"]
    assert [a.id for a in case.assumptions] == ["operator-candid"]
    assert evaluate(case_graph(case)).labels["engine-failure"] == "in"
    caveated = tried.replace("status: unchecked", "status: caveated")
    case_file.write_text(caveated, encoding="utf-8")
    doubted = check_file(case_file).sound_case()
    assert evaluate(case_graph(doubted)).labels["engine-failure"] == "out"
