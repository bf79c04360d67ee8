"""The text output of bayes and ach, as a newcomer reads it (issue 16): a move that came
through the rivals says so; a lead most items would change says so once."""

from __future__ import annotations

import json
from pathlib import Path

from scenarios.render._glossary import GLOSSARY
from tests.support import BRIDGE, Cli

BUDGET = """\
meta: {title: Why did the school close?}
sources:
  - {id: report, title: Council report, reliability: A}
hypotheses:
  - {id: budget, statement: The budget was cut.}
  - {id: demand, statement: Too few children enrolled.}
  - {id: staff, statement: No teachers could be found.}
hypothesis_sets:
  - {id: why, question: Why did it close?, hypotheses: [budget, demand, staff],
     exhaustive: true}
evidence:
  - id: enrollment-fell
    claim: Enrollment fell by half.
    credibility: 1
    quotes: [{source: report, text: enrollment fell by half}]
  - id: budget-cut
    claim: The budget was cut.
    credibility: 3
    quotes: [{source: report, text: the budget was cut}]
links:
  - {evidence: enrollment-fell, hypothesis: demand, rating: CC, relevance: high}
  - {evidence: enrollment-fell, hypothesis: budget, rating: N}
  - {evidence: budget-cut, hypothesis: budget, rating: C}
"""


def test_a_move_through_the_rivals_says_so(cli: Cli, tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(BUDGET, encoding="utf-8")
    code, out, _ = cli("bayes", str(case))
    assert code == 0
    moves = {
        (line.split()[0], line.split()[2]): line for line in out.splitlines() if " moved " in line
    }
    # Before: "enrollment-fell moved budget by -28 points (58% → 31%)", rated N as it is.
    rated_n = moves[("enrollment-fell", "budget")]
    assert rated_n.split("), ", 1)[1].startswith("through its rivals: it is rated N against budget")
    unrated = moves[("enrollment-fell", "staff")]
    assert "), through its rivals: it is not rated against staff" in unrated
    assert "rivals" not in moves[("enrollment-fell", "demand")]  # rated CC: it moved it itself
    assert "rivals" not in moves[("budget-cut", "budget")]
    assert out.count(GLOSSARY["rivals"]) == 1  # explained once, where it first appears
    code, data, _ = cli("bayes", str(case), "--format", "json")
    assert "rivals" not in data


LEAD = (
    """\
meta: {title: A close race}
sources:
  - {id: s, title: S, reliability: B}
hypotheses:
  - {id: a, statement: A.}
  - {id: b, statement: B.}
hypothesis_sets:
  - {id: q, question: Which?, hypotheses: [a, b], exhaustive: true}
evidence:
"""
    + "".join(
        f"  - {{id: {e}, claim: {e}., credibility: 2, quotes: [{{source: s, text: {e}}}]}}\n"
        for e in ("e1", "e2", "e3", "e4", "x", "y")
    )
    + """\
links:
  - {evidence: e1, hypothesis: a, rating: C}
  - {evidence: e2, hypothesis: a, rating: C}
  - {evidence: e3, hypothesis: a, rating: C}
  - {evidence: e4, hypothesis: a, rating: C}
  - {evidence: x, hypothesis: b, rating: I}
  - {evidence: y, hypothesis: a, rating: N}
  - {evidence: y, hypothesis: b, rating: N}
"""
)


def test_a_lead_most_items_would_change_is_said_fragile_once(cli: Cli, tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(LEAD, encoding="utf-8")
    code, out, _ = cli("ach", str(case))
    assert code == 0
    lines = out.splitlines()
    # Before: a "linchpin: ..." line for each of e1-e4 and two for x, which says little.
    assert not [line for line in lines if line.startswith("  linchpin")]
    assert lines[-1] == (
        "  the lead is fragile: 6 single changes, by 5 of 6 items (all but y), would make a tie "
        f"for first; --format json lists each linchpin ({GLOSSARY['linchpin']})"
    )
    _, data, _ = cli("ach", str(case), "--format", "json")
    pins = json.loads(data)[0]["linchpins"]
    assert {p["evidence"] for p in pins} == {"e1", "e2", "e3", "e4", "x"}  # JSON: complete
    assert len(pins) == 6
    _, analysed, _ = cli("analyse", str(case))
    # The sentences say it, counting the same changes; no second line counts items.
    assert "  - ACH's lead is fragile: 6 single changes would make a tie for first." in analysed
    assert analysed.count("fragile") == 1
    assert "  linchpin" not in analysed


def test_a_few_linchpins_are_still_listed(cli: Cli) -> None:
    _, out, _ = cli("ach", str(BRIDGE))
    assert "fragile" not in out
    assert "  linchpin: piers-sound, read as deceptive, puts demolish first" in out
