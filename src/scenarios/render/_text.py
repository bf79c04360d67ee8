"""Plain-text layouts of the analysis results, as the command line prints them.

Each function returns the whole text, lines ending in a newline. Text from a case
is put in as it is: show it through `visible` (which the command line does for
everything it prints) so that control characters are shown, not obeyed. Machine
output is each result's ``to_json()``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Final

from scenarios._escape import markdown_cell, visible
from scenarios.analysis import (
    CANNOT_ASSESS,
    OTHER,
    AchResult,
    BayesResult,
    CaseAnalysis,
    FieldAnalysis,
    Labelling,
    ProvenanceReport,
    SetAnalysis,
    icd203_words,
)
from scenarios.analysis._futures import FuturesResult, percent
from scenarios.model import Case
from scenarios.render._glossary import Glossary
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


def _plural(count: int, noun: str, plural: str | None = None) -> str:
    """``1 quote``, ``2 quotes``; `plural` for nouns that do not just add an s."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def _moved(before: float, after: float, note: str = "") -> str:
    """A change of probability in percentage points, with both ends: ``+26 points (65% → 91%)``.

    Examples:
        >>> _moved(0.65, 0.91)
        '+26 points (65% → 91%)'
    """
    return f"{(after - before) * 100:+.0f} points ({before:.0%} → {after:.0%}{note})"


def ach_text(results: Sequence[AchResult]) -> str:
    """Each set's ranking (inconsistencies, weighted score, ties) and its linchpins."""
    gloss = Glossary()
    lines = []
    for r in results:
        lines.append(f"{r.set}: {r.question}")
        for score in r.scores:
            notes = "; ".join(
                n for n in ("tied" if score.tied else "", gloss("weighted", "{}")) if n
            )
            lines.append(
                f"  {score.rank}. {score.hypothesis}: {score.inconsistencies} "
                f"inconsistent, weighted {score.weighted:.2f}{f' ({notes})' if notes else ''}"
            )
        fragile = _fragile(r, gloss)
        if fragile:
            lines.append(f"  {fragile}")
            continue
        for pin in r.linchpins:
            how = "dropped" if pin.change == "dropped" else "read as deceptive"
            lines.append(f"  linchpin{gloss('linchpin')}: {pin.evidence}, {how}, {pin.outcome}")
    return "".join(f"{line}\n" for line in lines)


FEW_LINCHPINS: Final = 3
"""Linchpins are listed one by one up to this many items, or while they are not most of the
items rated; beyond, a line says how many (the JSON output lists every one)."""


def _many_linchpins(result: AchResult) -> bool:
    """Whether more than `FEW_LINCHPINS` items, and most of those rated, are linchpins."""
    pinned = {pin.evidence for pin in result.linchpins}
    return len(pinned) > FEW_LINCHPINS and 2 * len(pinned) > len(result.evidence)


def _fragile(result: AchResult, gloss: Glossary) -> str:
    """How fragile the lead is, when most items are linchpins (a list would say little); else ''.

    It counts as `scenarios analyse` does, changes (an item dropped, or read as deceptive)
    first, then the items that make them; what a linchpin is comes from `gloss`.

    Examples:
        >>> from scenarios.analysis._ach import Linchpin
        >>> pins = tuple(Linchpin(e, "deceptive", ("a", "b"), ("b", "a"), ("b",)) for e in "wxyz")
        >>> pins += (Linchpin("w", "dropped", ("a", "b"), ("a", "b"), ("a", "b")),)
        >>> found = AchResult("s", "q", ("a", "b"), tuple("vwxyz"), {}, {}, (), {}, pins)
        >>> print(_fragile(found, Glossary()))
        the lead is fragile: 5 single changes, by 4 of 5 items (all but v), would change it: 4
        would put b first, 1 would make a tie for first; --format json lists each linchpin (an
        item that, dropped or read as deceptive with its ratings reversed, would change the
        leader)
    """
    if not _many_linchpins(result):
        return ""
    pinned = {pin.evidence for pin in result.linchpins}
    tied = bool(result.scores) and result.scores[0].tied
    flips = [pin for pin in result.linchpins if len(pin.leaders) == 1]
    ties = len(result.linchpins) - len(flips)
    put = f"put {' or '.join(sorted({p.leaders[0] for p in flips}))} first"
    tie = f"make {'another' if tied else 'a'} tie for first"
    outcome = f"would {put if flips else tie}"
    if flips and ties:
        outcome = f"would change it: {len(flips)} would {put}, {ties} would {tie}"
    rest = [e for e in result.evidence if e not in pinned]
    spared = f" (all but {', '.join(rest)})" if 0 < len(rest) <= FEW_LINCHPINS else ""
    return (
        f"{'the tie for first' if tied else 'the lead'} is fragile: "
        f"{_plural(len(result.linchpins), 'single change')}, by {len(pinned)} of "
        f"{_plural(len(result.evidence), 'item')}{spared}, {outcome}; "
        f"--format json lists each linchpin{gloss('linchpin')}"
    )


def ach_csv(case: Case, results: Sequence[AchResult]) -> str:
    """Each set's matrix as CSV (`scenarios.render.matrix_csv`), one after another."""
    return "\n".join(matrix_csv(case, r) for r in results)


def ach_markdown(case: Case, results: Sequence[AchResult]) -> str:
    """Each set's matrix as a Markdown table under a heading with its question."""
    return "\n".join(
        f"## {markdown_cell(r.question)}\n\n{matrix_markdown(case, r)}" for r in results
    )


def bayes_text(results: Sequence[BayesResult], *, top: int = 5, case: Case | None = None) -> str:
    """Each set's posteriors with their confidence, the `top` largest moves, the copies.

    With the `case`, a move of a hypothesis the item is not rated against (or rated N or
    NA) says that it came through the hypothesis' rivals.
    """
    gloss = Glossary()
    lines = []
    for r in results:
        lines.append(f"{r.set}: {r.question}")
        if not r.assessable:
            lines.append("  cannot assess: the evidence leaves every hypothesis near its prior")
        for p in r.posteriors:
            conf = p.confidence
            lineages = f"{_plural(conf.lineages, 'lineage')}{gloss('lineages')}"
            best = f", best {conf.best_grade}{gloss('grade')}" if conf.best_grade else ""
            moves = f"; {conf.low:.0%}-{conf.high:.0%}{gloss('range')}" if conf.fragile else ""
            other = gloss("other", ", {}") if p.hypothesis == OTHER else ""
            lines.append(
                f"  {p.hypothesis}{other}: {p.posterior:.0%}, {p.judgement}; "
                f"prior {p.prior:.0%}; {lineages}{best}{moves}"
            )
        for c in r.contributions[:top]:
            if round(c.shift * 100):
                after = c.without + c.shift
                lines.append(
                    f"  {c.evidence} moved {c.hypothesis} by "
                    f"{_moved(c.without, after, gloss('points', '; {}'))}"
                    f"{_through_rivals(case, c.evidence, c.hypothesis, gloss)}"
                )
        if r.uncounted:
            lines.append(
                f"  counted once with their lineage{gloss('uncounted')}: {', '.join(r.uncounted)}"
            )
    return "".join(f"{line}\n" for line in lines)


def _through_rivals(case: Case | None, evidence: str, hypothesis: str, gloss: Glossary) -> str:
    """``, through its rivals: ...`` when an item moved a hypothesis it does not bear on.

    It moved it through the other hypotheses of the set: it has no link to it, or only
    links rated N or NA (and no likelihood); else ''.
    """
    if case is None:
        return ""
    links = [link for link in case.links_from(evidence) if link.hypothesis == hypothesis]
    if any(link.likelihood is not None or link.rating not in ("N", "NA") for link in links):
        return ""
    how = f"rated {links[0].rating} against" if links else "not rated against"
    return f", through its rivals: it is {how} {hypothesis}{gloss('rivals')}"


def analysis_text(result: CaseAnalysis) -> str:
    """Each set's methods side by side, the sentences saying why, and the linchpins.

    How fragile ACH's lead is, the sentences say (`_said_fragile`); the linchpins follow,
    one by one when there are few. Last, what the figures mean, in `GLOSSARY`'s words.
    """
    gloss = Glossary()
    lines = []
    shown: set[str] = set()
    for one in result.sets:
        lines.append(f"{one.set}: {one.question}")
        for row in one.rows:
            rank = "-" if row.rank is None else f"{row.rank}{'=' if row.tied else ''}"
            posterior = "" if row.posterior is None else f"{row.posterior:.0%}, "
            tested = (
                ""
                if row.inconsistencies is None
                else f" ({row.inconsistencies} of {_plural(row.rated, 'rated item')} inconsistent)"
            )
            label = f"; Carneades {row.label}" if row.label else ""
            lines.append(
                f"  {row.hypothesis}: ACH {rank}{tested}; "
                f"{posterior}{row.judgement or one.missing.get('posteriors', '')}{label}"
            )
        shown |= _figures(one)
        lines += [f"  - {sentence}" for sentence in one.explanations]
        if _many_linchpins(one.ach):
            if not _said_fragile(one.ach):
                lines.append(f"  ACH: {_fragile(one.ach, gloss)}")
            continue
        for pin in one.ach.linchpins:
            how = "dropped" if pin.change == "dropped" else "read as deceptive"
            lines.append(
                f"  linchpin: {pin.evidence}, {how}, {pin.outcome} ({', '.join(pin.after)})"
            )
            shown.add("linchpin")
    terms = [gloss(term, f"{head} {{}}") for term, head in _TERMS.items() if term in shown]
    lines += [
        f"{'Terms: ' if i == 0 else '  '}{said}" for i, said in enumerate(t for t in terms if t)
    ]
    return "".join(f"{line}\n" for line in lines)


def _said_fragile(result: AchResult) -> bool:
    """Whether `analyse`'s sentences already count the changes that would move ACH's lead.

    They do whenever one hypothesis leads and some item is a linchpin, and, under a tie,
    when a change would break it for one hypothesis.
    """
    lead = not (result.scores and result.scores[0].tied)
    return bool(result.linchpins) and (
        lead or any(len(pin.leaders) == 1 for pin in result.linchpins)
    )


def _figures(one: SetAnalysis) -> set[str]:
    """The figures of `_TERMS` a set's rows show."""
    judged = [p for p in one.bayes.posteriors if p.words != CANNOT_ASSESS] if one.bayes else []
    shown = {
        "rank": any(row.rank is not None for row in one.rows),
        "posterior": any(row.posterior is not None for row in one.rows),
        "judgement": bool(judged),
        "range": any(
            icd203_words(p.confidence.low) != icd203_words(p.confidence.high) for p in judged
        ),
        "label": any(row.label for row in one.rows),
    }
    return {term for term, yes in shown.items() if yes}


_TERMS: Final = {
    "rank": "ACH N is the rank:",
    "posterior": "the percentage is the posterior:",
    "judgement": "the words after it say",
    "range": "a range of words (unlikely to likely) says",
    "label": "a Carneades label is",
    "linchpin": "a linchpin is",
}
"""How the legend of `analysis_text` names each figure; what it means is `GLOSSARY`'s."""


def futures_text(result: FuturesResult) -> str:
    """The scenarios' probabilities, the indicators that fired, and the watch list."""
    gloss = Glossary()
    count = len(result.scenarios)
    if not count:
        lines = ["Scenarios: none (the case declares no scenarios)"]
    else:
        kind = (
            "which exclude each other"
            if result.exclusive
            else "which overlap, so each is updated on its own"
        )
        lines = [f"Scenarios ({count}, {kind})" if count > 1 else "Scenarios (1)"]
    for s in result.scenarios:
        if s.basis == "unknown":
            lines.append(f"  {s.scenario}: unknown, because {s.reason}")
            continue
        words = f" ({s.words})" if s.words else ""
        lines.append(
            f"  {s.scenario}: {percent(s.probability)}{words}, "
            f"prior {percent(s.prior)} from {s.reason if s.basis != 'given' else 'the case'}"
        )
    if count and result.remainder is not None:
        lines.append(f"  none of them{gloss('none-named')}: {percent(result.remainder)}")
    lines.append(
        f"Fired indicators ({len(result.fired)})" if result.fired else "Fired indicators: none"
    )
    lines += [
        f"  {w.indicator}: seen {w.last_seen}, favours {w.if_seen or 'none'}" for w in result.fired
    ]
    if result.watch_list:
        lines.append(f"Watch list ({len(result.watch_list)}, most telling first)")
    else:
        lines.append("Watch list: empty (no indicator is still to be seen)")
    for w in result.watch_list:
        tells = f"seen favours {w.if_seen}, absent {w.if_absent}" if w.if_seen else "tells nothing"
        lines.append(f"  {w.indicator}: {w.diagnosticity:.3f} bits{gloss('bits')}; {tells}")
    return "".join(f"{line}\n" for line in lines)


def morphology_text(result: FieldAnalysis) -> str:
    """How many configurations are consistent, the best of them, and the 2×2 matrix."""
    gloss = Glossary()
    lines = [
        f"{result.consistent} consistent "
        f"{'configuration' if result.consistent == 1 else 'configurations'} of "
        f"{result.field_size} ({_plural(result.drivers, 'driver')}); "
        f"best {len(result.configurations)}:"
    ]
    for c in result.configurations:
        weakest = f", weakest {' with '.join(c.weakest)}" if c.weakest else ""
        lines.append(
            f"  {c.score:.2f} (mean {c.mean:.2f}{gloss('score', '; {}')}){weakest}: {c.label}"
        )
    matrix = result.matrix
    if matrix:
        lines.append(f"2x2: {matrix.first} (rows) against {matrix.second} (columns)")
        for q in matrix.quadrants:
            names = ", ".join(q.scenarios) or "no scenario"
            lines.append(
                f"  {matrix.first}={q.first}, {matrix.second}={q.second}: "
                f"{_plural(q.configurations, 'configuration')}; {names}"
            )
    return "".join(f"{line}\n" for line in lines)


def provenance_text(report: ProvenanceReport, paths: Mapping[str, Path] | None = None) -> str:
    """Sources (grade, lineage, text, quotes found, copies), actors, evidence grades.

    Args:
        report: The report.
        paths: Where each source's text was read from (`SourceTexts.paths`), shown.
    """
    where = paths or {}
    lines = [f"Sources ({len(report.sources)})"]
    for s in report.sources:
        lineage = f"lineage {s.lineage}" + (
            f", from {', '.join(s.derived_from)}" if s.derived_from else ""
        )
        text = f"text {s.text}" + (f" from {where[s.id]}" if s.id in where else "")
        lines.append(
            f"  {s.id}: {s.grade}; {lineage}; {text}; "
            f"{s.anchored} of {_plural(s.quotes, 'quote')} found\n    {s.title}"
        )
        lines += [f"    near-duplicate of {other} ({share:.0%})" for other, share in s.copies]
    lines.append(f"Actors ({len(report.actors)})")
    for a in report.actors:
        lines.append(f"  {a.id}: {a.name}; {_plural(len(a.mentions), 'mention')}")
        lines += [f"    {place}: {words}" for place, words in a.mentions]
    lines.append(f"Evidence ({len(report.evidence)})")
    lines += [
        f"  {e.grade} {e.id}: sources {', '.join(e.sources)}; lineage {', '.join(e.lineages)}"
        for e in report.evidence
    ]
    return "".join(f"{line}\n" for line in lines)


def labelling_text(labelling: Labelling) -> str:
    """Every statement with the reason for its label: those in, then out, then undecided.

    The first reason that gives a weight says what a weight is.
    """
    gloss = Glossary()
    lines = []
    for label in ("in", "out", "undecided"):
        for statement, found in labelling.labels.items():
            if found == label:
                reason = labelling.reasons[statement]
                lines.append(f"{statement}: {reason}")
                if "weight " in reason and (said := gloss("weight", "  weight: {}")):
                    lines.append(said)
    return "".join(f"{line}\n" for line in lines)
