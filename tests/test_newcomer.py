"""The mistakes a newcomer makes, and what they are told (issue 16): each failed before."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support import Cli


@pytest.mark.parametrize(
    ("text", "told"),
    [
        (
            "meta: {title: t}\nevidence:\n  - id: e\n    claim: The valve failed: nobody saw it\n",
            "quote text that holds one",
        ),
        (
            "meta: {title: t}\nlinks:\n  - {evidence: e, hypothesis: h, rating: C, "
            "rationale: A, but bouncing is common.}\n",
            "a comma inside { ... } starts a new field",
        ),
        ("meta:\n\ttitle: t\n", "indent with spaces, not tabs"),
        ("meta: {title: t, authors: me}\n", "expected a list, got str 'me'"),
    ],
    ids=["colon-in-prose", "comma-in-flow-mapping", "tab", "one-value-for-a-list"],
)
def test_a_yaml_slip_is_explained(cli: Cli, tmp_path: Path, text: str, told: str) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(text, encoding="utf-8")
    code, _, err = cli("check", str(case))
    assert code == 2
    assert told in err
    assert "Traceback" not in err


def test_json_output_stays_json_when_the_file_cannot_be_read(cli: Cli, tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text("meta: {title: t}\nevidence: [a: b: c]\n", encoding="utf-8")
    code, out, _ = cli("check", str(case), "--format", "json")
    assert code == 2
    (problem,) = json.loads(out)
    assert problem["severity"] == "error"
    assert problem["location"]["line"] == 2


@pytest.mark.parametrize("command", ["ach", "bayes", "analyse"])
def test_nothing_to_score_is_said(cli: Cli, tmp_path: Path, command: str) -> None:
    case = tmp_path / "case.yaml"
    case.write_text("meta: {title: t}\nhypotheses: [{id: h, statement: H.}]\n", encoding="utf-8")
    code, out, err = cli(command, str(case))
    assert (code, out) == (2, "")
    assert "has no hypothesis sets, so there is nothing to score" in err


def test_anchor_asks_before_rewriting_a_hand_written_case(
    cli: Cli, tmp_path: Path, minimal_yaml: str
) -> None:
    case = tmp_path / "case.yaml"
    written = "# yaml-language-server: $schema=../schema/case.schema.json\n# my notes\n"
    case.write_text(written + minimal_yaml, encoding="utf-8")
    (tmp_path / "s1.txt").write_text("Yesterday something was said, plainly.", encoding="utf-8")
    code, _, err = cli("anchor", str(case), "--sources", str(tmp_path))
    assert code == 2
    assert "--in-place" in err
    assert case.read_text(encoding="utf-8") == written + minimal_yaml  # untouched
    elsewhere = tmp_path / "out" / "anchored.yaml"
    elsewhere.parent.mkdir()
    code, _, _ = cli("anchor", str(case), "--sources", str(tmp_path), "-o", str(elsewhere))
    assert code == 0
    first = elsewhere.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../schema/case.schema.json"
    assert cli("anchor", str(case), "--sources", str(tmp_path), "--in-place").code == 0
    assert case.read_text(encoding="utf-8").splitlines()[0] == written.splitlines()[0]


def test_labels_and_findings_show_as_tables_in_a_notebook(tmp_path: Path) -> None:
    from scenarios.analysis import case_graph, evaluate
    from scenarios.checks import check_file
    from scenarios.io import new_case

    case_file = new_case(tmp_path / "ferry")[-1]
    report = check_file(case_file)
    shown = report._repr_html_()
    assert shown.startswith("<table><caption>")
    assert "0 findings" in shown
    labels = evaluate(case_graph(report.sound_case()))._repr_html_()
    assert "<td>engine-failure</td>" in labels
    case_file.write_text(
        case_file.read_text(encoding="utf-8").replace(
            "hypothesis: unpaid-crew, rating: N}", "hypothesis: unpaid-crews, rating: N}"
        ),
        encoding="utf-8",
    )
    broken = check_file(case_file)._repr_html_()
    assert "<td>R002</td><td>error</td>" in broken
    assert "unpaid-crews" in broken
