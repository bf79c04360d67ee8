"""Hints and the `scenarios new` template say what they mean in plain sentences (review of
issue 16)."""

from __future__ import annotations

from pathlib import Path

from tests.support import Cli


def test_evaluate_says_in_a_sentence_what_a_file_needs(cli: Cli, tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text("meta: {title: t}\n", encoding="utf-8")
    code, _, err = cli("evaluate", str(case))
    assert code == 2
    # Before: "hint: a case needs evidence or hypotheses; a Carneades file, statements:".
    assert (
        "hint: a case needs an evidence item or a hypothesis, and a Carneades file needs an "
        "entry under statements\n"
    ) in err


def test_the_template_says_what_a_doubted_assumption_does(cli: Cli, tmp_path: Path) -> None:
    assert cli("new", str(tmp_path / "case"))[0] == 0
    text = (tmp_path / "case" / "case.yaml").read_text(encoding="utf-8")
    said = " ".join(line.removeprefix("# ") for line in text.splitlines())
    # Before: "the arguments for a hypothesis it supports lose it".
    assert "lose it" not in said
    assert (
        "An assumption marked caveated or unsupported is not taken as given, so in the "
        "Carneades evaluation the arguments that rest on it weigh nothing." in said
    )
