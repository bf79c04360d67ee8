"""The text the command line prints: each figure explained once, where it first appears;
moves in points with both ends; plurals and grammar right on small and empty cases
(issue 16)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scenarios import Case
from scenarios.render._glossary import GLOSSARY
from tests.support import EXAMPLE, Cli

_GLOSSED = {
    "ach": ["weighted", "linchpin"],
    "bayes": ["lineages", "grade", "range", "other", "points"],
    "futures": ["bits", "none-named"],
    "morph": ["score"],
    "evaluate": ["weight"],
}


@pytest.mark.parametrize("command", sorted(_GLOSSED))
def test_each_figure_is_explained_once_where_it_first_appears(
    cli: Cli, example_case: Case, command: str
) -> None:
    code, out, _ = cli(command, str(EXAMPLE))
    assert code == 0
    for term in _GLOSSED[command]:
        # Before: "weighted -1.41", "0.185 bits", "weight 0.213333", "3 lineages, best B2"
        # with no word on what they are.
        assert out.count(GLOSSARY[term]) == 1, term
    first = {
        "ach": " weighted ",
        "bayes": " lineage",
        "futures": " bits",
        "morph": " (mean ",
        "evaluate": "(weight ",
    }[command]
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if first in line)
    below = command == "evaluate"  # a reason is Carneades' own sentence: the gloss follows it
    assert GLOSSARY[_GLOSSED[command][0]] in lines[at + below]
    if below:
        assert lines[at + below].startswith("  weight: ")
        assert ": " in lines[at + below + 1]  # the next statement, on its own line


def test_a_move_reads_in_points_from_before_to_after(cli: Cli, example_case: Case) -> None:
    _, out, _ = cli("bayes", str(EXAMPLE))
    moves = [line for line in out.splitlines() if " moved " in line]
    assert moves
    # Before: "moved weld-defect by +26 points (65% without it)", read as a relative change.
    for line in moves:
        found = re.search(r" by ([+-]\d+) points \((\d+)% → (\d+)%", line)
        assert found, line
        shift, before, after = map(int, found.groups())
        assert abs(after - before - shift) <= 1  # each rounded on its own
    assert "percentage points" in moves[0]
    assert not any("percentage points" in line for line in moves[1:])
    assert "without it" not in out


def test_an_empty_case_reads_as_plain_sentences(cli: Cli, tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text("meta: {title: t}\n", encoding="utf-8")
    code, out, _ = cli("futures", str(case))
    assert code == 0
    # Before: "Scenarios (0; they overlap (updated one by one))" and
    # "futures no scenario names: unknown".
    assert out.splitlines() == [
        "Scenarios: none (the case declares no scenarios)",
        "Fired indicators: none",
        "Watch list: empty (no indicator is still to be seen)",
    ]
    code, out, _ = cli("provenance", str(case))
    assert out.splitlines() == ["Sources (0)", "Actors (0)", "Evidence (0)"]


ONE_OF_EACH = """\
meta: {title: t}
sources: [{id: s, title: S}]
actors: [{id: kim, name: Kim}]
evidence:
  - {id: e, claim: Kim spoke., quotes: [{source: s, text: q}]}
drivers:
  - {id: a, name: A, states: [{id: x, name: X}, {id: y, name: Y}]}
  - {id: b, name: B, states: [{id: p, name: P}, {id: r, name: R}]}
consistency:
  - {pair: [a=x, b=r], value: 0}
  - {pair: [a=y, b=p], value: 0}
  - {pair: [a=y, b=r], value: 0}
"""


def test_one_of_a_thing_is_singular(cli: Cli, tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(ONE_OF_EACH, encoding="utf-8")
    code, out, _ = cli("provenance", str(case))
    assert code == 0
    # Before: "1 mentions" and "0/1 quotes found".
    assert "  kim: Kim; 1 mention" in out.splitlines()
    assert "0 of 1 quote found" in out
    code, out, _ = cli("morph", str(case), "--matrix", "a", "b")
    assert code == 0
    lines = out.splitlines()
    # Before: "1 consistent configurations of 4 (2 drivers)" and "1 configurations".
    assert lines[0] == "1 consistent configuration of 4 (2 drivers); best 1:"
    assert "  a=x, b=p: 1 configuration; no scenario" in lines
    assert "  a=y, b=r: 0 configurations; no scenario" in lines


def test_analyse_counts_one_rated_item_in_the_singular(
    cli: Cli, tmp_path: Path, minimal_yaml: str
) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(minimal_yaml, encoding="utf-8")
    code, out, _ = cli("analyse", str(case))
    assert code == 0
    # Before: "(0 of 1 rated items inconsistent)".
    assert "h1: ACH 1 (0 of 1 rated item inconsistent); " in out


def test_retold_items_are_said_to_count_once_with_their_lineage() -> None:
    from scenarios.analysis import posteriors
    from scenarios.render import bayes_text
    from tests.analysis.test_bayes import build

    result = posteriors(build([("a", ["CC", "N", "N"]), ("b", ["CC", "N", "N"])], copies=True), "q")
    # Before: "retold by a copy, counted once: b", with "lineage" nowhere explained.
    assert "  counted once with their lineage (items a copy of their source retells: " in (
        bayes_text([result])
    )
