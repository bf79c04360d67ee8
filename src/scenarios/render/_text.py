"""Plain-text layouts of the analysis results, as the command line prints them.

Each function returns the whole text, lines ending in a newline. Text from a case
is put in as it is: show it through `visible` (which the command line does for
everything it prints) so that control characters are shown, not obeyed. Machine
output is each result's ``to_json()``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from scenarios._escape import markdown_cell, visible
from scenarios.analysis import (
    AchResult,
    BayesResult,
    CaseAnalysis,
    FieldAnalysis,
    Labelling,
    ProvenanceReport,
)
from scenarios.analysis._futures import FuturesResult, percent
from scenarios.model import Case
from scenarios.render._matrix import matrix_csv, matrix_markdown

__all__ = [
    "ach_csv",
    "ach_markdown",
    "ach_text",
    "analysis_text",
    "bayes_text",
    "futures_text",
    "labelling_text",
    "morphology_text",
    "provenance_text",
    "visible",
]


def ach_text(results: Sequence[AchResult]) -> str:
    """Each set's ranking (inconsistencies, weighted score, ties) and its linchpins."""
    lines = []
    for r in results:
        lines.append(f"{r.set}: {r.question}")
        for score in r.scores:
            tie = " (tied)" if score.tied else ""
            lines.append(
                f"  {score.rank}. {score.hypothesis}: {score.inconsistencies} "
                f"inconsistent, weighted {score.weighted:.2f}{tie}"
            )
        lines += [f"  linchpin: {p.evidence} ({p.change}) {p.outcome}" for p in r.linchpins]
    return "".join(f"{line}\n" for line in lines)


def ach_csv(case: Case, results: Sequence[AchResult]) -> str:
    """Each set's matrix as CSV (`scenarios.render._matrix.matrix_csv`), one after another."""
    return "\n".join(matrix_csv(case, r) for r in results)


def ach_markdown(case: Case, results: Sequence[AchResult]) -> str:
    """Each set's matrix as a Markdown table under a heading with its question."""
    return "\n".join(
        f"## {markdown_cell(r.question)}\n\n{matrix_markdown(case, r)}" for r in results
    )


def bayes_text(results: Sequence[BayesResult], *, top: int = 5) -> str:
    """Each set's posteriors with their confidence, the `top` largest moves, the copies."""
    lines = []
    for r in results:
        lines.append(f"{r.set}: {r.question}")
        if not r.assessable:
            lines.append("  cannot assess: the evidence leaves every hypothesis near its prior")
        for p in r.posteriors:
            conf = p.confidence
            lineages = f"{conf.lineages} lineage{'s' if conf.lineages != 1 else ''}"
            best = f", best {conf.best_grade}" if conf.best_grade else ""
            moves = (
                f"; {conf.low:.0%}-{conf.high:.0%} if one link is re-rated a step"
                if conf.fragile
                else ""
            )
            lines.append(
                f"  {p.hypothesis}: {p.posterior:.0%}, {p.judgement}; prior {p.prior:.0%}; "
                f"{lineages}{best}{moves}"
            )
        lines += [
            f"  {c.evidence} moved {c.hypothesis} by {c.shift * 100:+.0f} points "
            f"({c.without:.0%} without it)"
            for c in r.contributions[:top]
            if round(c.shift * 100)
        ]
        if r.uncounted:
            lines.append(f"  retold by a copy, counted once: {', '.join(r.uncounted)}")
    return "".join(f"{line}\n" for line in lines)


def analysis_text(result: CaseAnalysis) -> str:
    """Each set's methods side by side, the sentences saying why, and the linchpins."""
    lines = []
    for one in result.sets:
        lines.append(f"{one.set}: {one.question}")
        for row in one.rows:
            rank = "-" if row.rank is None else f"{row.rank}{'=' if row.tied else ''}"
            posterior = "" if row.posterior is None else f"{row.posterior:.0%}, "
            tested = (
                ""
                if row.inconsistencies is None
                else f" ({row.inconsistencies} of {row.rated} rated items inconsistent)"
            )
            label = f"; Carneades {row.label}" if row.label else ""
            lines.append(
                f"  {row.hypothesis}: ACH {rank}{tested}; "
                f"{posterior}{row.judgement or one.missing.get('posteriors', '')}{label}"
            )
        lines += [f"  - {sentence}" for sentence in one.explanations]
        for pin in one.ach.linchpins:
            how = "dropped" if pin.change == "dropped" else "read as deceptive"
            lines.append(
                f"  linchpin: {pin.evidence}, {how}, {pin.outcome} ({', '.join(pin.after)})"
            )
    if any(s.rows for s in result.sets):
        lines += _TERMS
    return "".join(f"{line}\n" for line in lines)


_TERMS: Final = (
    "Terms: ACH N is the rank by weighted inconsistency (N= a tie); a posterior's words are "
    "ICD 203's likelihood",
    "  and confidence (docs/bayes.md); Carneades in/out: whether the hypothesis is argued "
    "for more strongly than against;",
    "  a linchpin is an item that, dropped or read as deceptive (its ratings reversed), "
    "would change ACH's leader.",
)


def futures_text(result: FuturesResult) -> str:
    """The scenarios' probabilities, the indicators that fired, and the watch list."""
    kind = "exclude each other" if result.exclusive else "overlap (updated one by one)"
    lines = [f"Scenarios ({len(result.scenarios)}; they {kind})"]
    for s in result.scenarios:
        if s.basis == "unknown":
            lines.append(f"  {s.scenario}: unknown, because {s.reason}")
            continue
        words = f" ({s.words})" if s.words else ""
        lines.append(
            f"  {s.scenario}: {percent(s.probability)}{words}, "
            f"prior {percent(s.prior)} from {s.reason if s.basis != 'given' else 'the case'}"
        )
    lines.append(f"  futures no scenario names: {percent(result.remainder)}")
    lines.append(f"Fired indicators ({len(result.fired)})")
    lines += [
        f"  {w.indicator}: seen {w.last_seen}, favours {w.if_seen or 'none'}" for w in result.fired
    ]
    lines.append(f"Watch list ({len(result.watch_list)}, most telling first)")
    for w in result.watch_list:
        tells = f"seen favours {w.if_seen}, absent {w.if_absent}" if w.if_seen else "tells nothing"
        lines.append(f"  {w.indicator}: {w.diagnosticity:.3f} bits; {tells}")
    return "".join(f"{line}\n" for line in lines)


def morphology_text(result: FieldAnalysis) -> str:
    """How many configurations are consistent, the best of them, and the 2×2 matrix."""
    lines = [
        f"{result.consistent} consistent configurations of {result.field_size} "
        f"({result.drivers} drivers); best {len(result.configurations)}:"
    ]
    for c in result.configurations:
        weakest = f", weakest {' with '.join(c.weakest)}" if c.weakest else ""
        lines.append(f"  {c.score:.2f} (mean {c.mean:.2f}){weakest}: {c.label}")
    matrix = result.matrix
    if matrix:
        lines.append(f"2x2: {matrix.first} (rows) against {matrix.second} (columns)")
        for q in matrix.quadrants:
            names = ", ".join(q.scenarios) or "no scenario"
            lines.append(
                f"  {matrix.first}={q.first}, {matrix.second}={q.second}: "
                f"{q.configurations} configurations; {names}"
            )
    return "".join(f"{line}\n" for line in lines)


def provenance_text(report: ProvenanceReport) -> str:
    """Sources (grade, lineage, text, quotes found, copies), actors, evidence grades."""
    lines = [f"Sources ({len(report.sources)})"]
    for s in report.sources:
        lineage = f"lineage {s.lineage}" + (
            f", from {', '.join(s.derived_from)}" if s.derived_from else ""
        )
        lines.append(
            f"  {s.id}: {s.grade}; {lineage}; text {s.text}; "
            f"{s.anchored}/{s.quotes} quotes found\n    {s.title}"
        )
        lines += [f"    near-duplicate of {other} ({share:.0%})" for other, share in s.copies]
    lines.append(f"Actors ({len(report.actors)})")
    for a in report.actors:
        lines.append(f"  {a.id}: {a.name}; {len(a.mentions)} mentions")
        lines += [f"    {place}: {words}" for place, words in a.mentions]
    lines.append(f"Evidence ({len(report.evidence)})")
    lines += [
        f"  {e.grade} {e.id}: sources {', '.join(e.sources)}; lineage {', '.join(e.lineages)}"
        for e in report.evidence
    ]
    return "".join(f"{line}\n" for line in lines)


def labelling_text(labelling: Labelling) -> str:
    """Every statement with the reason for its label: those in, then out, then undecided."""
    return "".join(
        f"{statement}: {labelling.reasons[statement]}\n"
        for label in ("in", "out", "undecided")
        for statement, found in labelling.labels.items()
        if found == label
    )
