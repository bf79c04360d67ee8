"""Every command on an empty case: a result or a plain sentence, never a crash (issue 16)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import Cli

COMMANDS = [
    ("check", "0"),
    ("provenance", "0"),
    ("ach", "2"),
    ("bayes", "2"),
    ("analyse", "2"),
    ("evaluate", "2"),
    ("futures", "0"),
    ("morph", "2"),
    ("anchor", "0 -o"),
    ("timeline", "0 -o"),
    ("convert", "0 -o"),
    pytest.param("render", "0 -o", marks=pytest.mark.graphviz),
    pytest.param("report", "0 -o", marks=pytest.mark.graphviz),
]


@pytest.mark.parametrize(("command", "expected"), COMMANDS)
def test_a_command_on_an_empty_case_answers_in_words(
    cli: Cli, tmp_path: Path, command: str, expected: str
) -> None:
    case = tmp_path / "case.yaml"
    case.write_text("meta: {title: Nothing yet}\n", encoding="utf-8")
    code, *output = expected.split()
    argv = [command, str(case)]
    if output:
        suffix = {"timeline": ".svg", "render": ".svg", "report": ".html", "convert": ".argdown"}
        target = tmp_path / f"out{suffix.get(command, '.yaml')}"
        argv += [str(target)] if command == "convert" else ["-o", str(target)]
    ran = cli(*argv)
    # Before: render and report divided by zero (exit 3); evaluate printed nothing, exit 0.
    assert ran.code == int(code), ran.err
    assert "internal error" not in ran.err
    if ran.code == 2:
        assert ran.out == ""
        assert ran.err.startswith("scenarios: error: ")
        assert "\n  hint: " in ran.err
    else:
        assert ran.out.strip()
