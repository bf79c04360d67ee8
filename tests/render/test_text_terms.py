"""The text output explains each figure in `GLOSSARY`'s words, the one place they are written,
and says how fragile ACH's lead is once, counting as `analyse` does (review of issue 16)."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

from scenarios import load
from scenarios.analysis import analyse
from scenarios.analysis._ach import AchResult, HypothesisScore, Linchpin
from scenarios.render import _text
from scenarios.render._glossary import GLOSSARY, Glossary
from tests.support import BRIDGE, EXAMPLE, Cli


def _legend(out: str) -> list[str]:
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("Terms: "))
    return lines[at:]


def test_the_analyse_legend_says_each_figure_in_the_glossary_s_words(cli: Cli) -> None:
    for case in (EXAMPLE, BRIDGE):
        code, out, _ = cli("analyse", str(case))
        assert code == 0
        legend = _legend(out)
        # Before: "Carneades in/out: whether the hypothesis is argued for more strongly than
        # against" (no word of undecided) and its own definitions of rank and linchpin.
        said = {term for term, text in GLOSSARY.items() for line in legend if line.endswith(text)}
        assert len(said) == len(legend), legend  # every line is a glossary entry
        assert {"rank", "posterior", "judgement", "label", "linchpin"} <= said
        assert "undecided" in GLOSSARY["label"]
        for text in GLOSSARY.values():
            assert out.count(text) <= 1  # said once


def test_the_legend_names_only_what_the_output_shows(cli: Cli, tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(
        "meta: {title: t}\nhypotheses:\n  - {id: a, statement: A.}\n  - {id: b, statement: B.}\n"
        "hypothesis_sets:\n  - {id: q, question: Which?, hypotheses: [a, b]}\n",
        encoding="utf-8",
    )
    _, out, _ = cli("analyse", str(case))
    assert GLOSSARY["linchpin"] not in out  # no item, no linchpin
    assert GLOSSARY["rank"] in out


def test_ach_and_analyse_count_a_fragile_lead_alike_and_once(cli: Cli) -> None:
    _, ach, _ = cli("ach", str(EXAMPLE))
    _, analysed, _ = cli("analyse", str(EXAMPLE))
    _, data, _ = cli("ach", str(EXAMPLE), "--format", "json")
    pins = json.loads(data)[0]["linchpins"]
    block = analysed.split("\njcpoa-leverage: ")[0]
    # Before: "ACH's lead is fragile: 12 single changes (...)" and then "linchpins of ACH's
    # lead: 10 of 18 items would each change it", two counts of one thing.
    movers = len({p["evidence"] for p in pins})
    # Said once in analyse, with the same counts as ach: changes, then the items behind them.
    assert [line for line in block.splitlines() if "fragile" in line] == [
        "  - ACH's lead is fragile: 12 single changes (an item dropped or read as deceptive), "
        f"by {movers} of 18 items, would put control-differs-by-group first."
    ]
    assert len(re.findall(r"\d+ of \d+ items", block)) == 1
    fragile = next(line for line in ach.splitlines() if "fragile" in line)
    assert fragile.startswith(
        f"  the lead is fragile: {len(pins)} single changes, by "
        f"{len({p['evidence'] for p in pins})} of 18 items, would put control-differs-by-group "
        "first; --format json lists each linchpin ("
    )
    assert len(pins) == 12
    assert GLOSSARY["linchpin"] in fragile  # Before: its own words for a linchpin


def test_a_fragile_tie_is_said_so_and_in_analyse_too() -> None:
    scores = (
        HypothesisScore("a", 0, 0.0, 1, True),
        HypothesisScore("b", 0, 0.0, 1, True),
        HypothesisScore("c", 1, -1.0, 3, False),
    )
    pins = tuple(
        Linchpin(e, "dropped", ("a", "b", "c"), ("a", "b", "c"), ("a", "b", "c")) for e in "wxyz"
    )
    tie = AchResult("s", "q", ("a", "b", "c"), tuple("wxyz"), {}, {}, scores, {}, pins)
    said = _text._fragile(tie, Glossary())
    assert said.startswith(
        "the tie for first is fragile: 4 single changes, by 4 of 4 items, would make another tie"
    )
    assert not _text._said_fragile(tie)  # analyse's sentences leave it out: the text says it
    found = analyse(load(BRIDGE))
    text = _text.analysis_text(replace(found, sets=(replace(found.sets[0], ach=tie),)))
    assert f"  ACH: {said}\n" in text
    flip = Linchpin("v", "dropped", ("a", "b", "c"), ("a", "b", "c"), ("a",))
    assert _text._said_fragile(replace(tie, linchpins=(*pins, flip)))  # "would break ACH's tie"
