"""The `scenarios` command line: thin, calling the layers below.

Exit codes: 0 clean, 1 findings of severity error (failed checks), 2 usage or
input errors (bad arguments, a file that cannot be read). Results go to
stdout; problems with the input go to stderr. No user error prints a traceback.

Text from a case can be hostile: everything printed goes through
`scenarios._escape.visible`, so control characters are shown (``␛``), not obeyed;
no output file may be one of the inputs, and writes go through
`scenarios.io._atomic.write_atomic` (see docs/security.md).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import signal
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, Final, TextIO, TypeAlias, cast

from scenarios._escape import markdown_cell, visible
from scenarios._version import __version__
from scenarios.analysis.ach import AchResult, ach
from scenarios.analysis.bayes import posteriors
from scenarios.analysis.carneades import case_graph, evaluate
from scenarios.analysis.dung import SEMANTICS, ArgumentationFramework, Semantics
from scenarios.analysis.futures import futures, percent
from scenarios.analysis.morphology import (
    alternative_futures,
    count_configurations,
    field_size,
    ranked_configurations,
)
from scenarios.analysis.overview import analyse
from scenarios.analysis.provenance import provenance_report
from scenarios.checks import Finding, check, filter_findings
from scenarios.errors import CaseFileError, ScenariosError
from scenarios.io import SCHEMA_PATH, SourceMap, dump, load, schema_text
from scenarios.io._atomic import same_file, write_atomic
from scenarios.io.carneades import is_carneades, read_carneades
from scenarios.io.convert import FORMATS, format_for, losses, read_as, write_as
from scenarios.io.iccma import ICCMA_FORMATS
from scenarios.io.iccma import read as read_af
from scenarios.io.schema import SCHEMA_ID
from scenarios.io.texts import SourceTexts, read_source_texts
from scenarios.model.case import Case
from scenarios.provenance.lineage import Lineage
from scenarios.provenance.quotes import anchor_case
from scenarios.render import argument_map, write_diagram
from scenarios.render.futures import morphological_field, scenario_tree
from scenarios.render.matrix import matrix_csv, matrix_markdown
from scenarios.render.report import report_html
from scenarios.render.timeline import timeline_svg

__all__ = ["main"]

EXIT_OK: Final = 0
EXIT_FINDINGS: Final = 1
EXIT_USAGE: Final = 2


class _UsageError(ScenariosError):
    """A command line that cannot be carried out as given."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(f"{message}\n  hint: {hint}")


class _Visible:
    """A text stream (write and flush) that shows control characters instead of sending them."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str, /) -> int:
        self._stream.write(visible(text))
        return len(text)

    def flush(self) -> None:
        self._stream.flush()


def _not_an_input(output: str | None, *inputs: str | None) -> None:
    """Refuse to write `output` when it is one of the inputs (also through links)."""
    for given in inputs:
        if output and given and same_file(output, given):
            raise ScenariosError(
                f"refusing to write {output}: it is the input {given}; choose another output file"
            )


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors name the fix and exit with code 2."""

    def error(self, message: str) -> Any:  # pragma: no cover - exercised via main()
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n  hint: {self.prog} --help\n")


def _codes(text: str) -> list[str]:
    return [code.strip() for code in text.split(",") if code.strip()]


def _finding_json(finding: Finding, file: str, where: SourceMap | None) -> dict[str, Any]:
    line, column = where.find(finding.path)[:2] if where else (None, None)
    return {
        "code": finding.code,
        "severity": finding.severity,
        "message": finding.message,
        "objects": list(finding.objects),
        "location": {"file": file, "line": line, "column": column, "path": finding.where},
        "hint": finding.hint,
    }


def _texts(args: argparse.Namespace, case: Case) -> SourceTexts:
    try:
        return read_source_texts(case, case_dir=Path(args.case).parent, sources_dir=args.sources)
    except FileNotFoundError as exc:
        raise _UsageError(str(exc), "pass an existing folder to --sources") from None


def _cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    case = load(args.case, integrity=False)
    findings = filter_findings(
        check(case, texts=_texts(args, case)), select=args.select, ignore=args.ignore
    )
    where = SourceMap.of_file(args.case, wanted=[f.path for f in findings]) if findings else None
    rows = [_finding_json(f, args.case, where) for f in findings]
    errors = sum(f.severity == "error" for f in findings)
    if args.format == "json":
        _write_json(out, rows)
    else:
        for row in rows:
            loc = row["location"]
            place = f"{loc['file']}:{loc['line']}:{loc['column']}" if loc["line"] else loc["file"]
            out.write(f"{place}: {row['code']} [{row['severity']}] {row['message']}\n")
            if row["hint"]:
                out.write(f"  hint: {row['hint']}\n")
        counts = ", ".join(
            f"{n} {sev}{'s' if n != 1 else ''}"
            for sev in ("error", "warning", "info")
            if (n := sum(f.severity == sev for f in findings))
        )
        out.write(f"{args.case}: {counts or 'no findings'}\n")
    return EXIT_FINDINGS if errors else EXIT_OK


def _cmd_anchor(args: argparse.Namespace, out: TextIO) -> int:
    case = load(args.case)
    report = anchor_case(case, _texts(args, case).texts)
    counts = {
        state: sum(q.state == state for q in report.quotes)
        for state in ("anchored", "ambiguous", "not-found", "unverified")
    }
    target = args.output or args.case
    dump(report.case, target, schema=_modeline(target))
    out.write(f"{target}: " + ", ".join(f"{n} {state}" for state, n in counts.items()) + "\n")
    return EXIT_FINDINGS if counts["not-found"] else EXIT_OK


def _modeline(target: str) -> str:
    """The schema path for the modeline, relative to where the case is written, if in a repo."""
    folder = Path(target).resolve().parent
    for parent in (folder, *folder.parents):
        if (parent / SCHEMA_PATH).is_file():
            return os.path.relpath(parent / SCHEMA_PATH, folder).replace(os.sep, "/")
    return SCHEMA_ID


def _cmd_provenance(args: argparse.Namespace, out: TextIO) -> int:
    case = load(args.case)
    report = provenance_report(case, _texts(args, case))
    if args.format == "json":
        _write_json(out, dataclasses.asdict(report))
        return EXIT_OK
    out.write(f"Sources ({len(report.sources)})\n")
    for s in report.sources:
        lineage = f"lineage {s.lineage}" + (
            f", from {', '.join(s.derived_from)}" if s.derived_from else ""
        )
        out.write(
            f"  {s.id}: {s.grade}; {lineage}; text {s.text}; "
            f"{s.anchored}/{s.quotes} quotes found\n    {s.title}\n"
        )
        for other, share in s.copies:
            out.write(f"    near-duplicate of {other} ({share:.0%})\n")
    out.write(f"Actors ({len(report.actors)})\n")
    for a in report.actors:
        out.write(f"  {a.id}: {a.name}; {len(a.mentions)} mentions\n")
        for place, words in a.mentions:
            out.write(f"    {place}: {words}\n")
    out.write(f"Evidence ({len(report.evidence)})\n")
    for e in report.evidence:
        out.write(
            f"  {e.grade} {e.id}: sources {', '.join(e.sources)}; lineage {', '.join(e.lineages)}\n"
        )
    return EXIT_OK


def _cmd_ach(args: argparse.Namespace, out: TextIO) -> int:
    case = load(args.case)
    sets = _set_ids(args, case)
    results = [ach(case, set_id) for set_id in sets]
    if args.format == "json":
        _write_json(out, [_ach_json(r) for r in results])
    elif args.format == "csv":
        out.write("\n".join(matrix_csv(case, r) for r in results))
    elif args.format == "markdown":
        out.write(
            "\n".join(
                f"## {markdown_cell(r.question)}\n\n{matrix_markdown(case, r)}" for r in results
            )
        )
    else:
        for r in results:
            out.write(f"{r.set}: {r.question}\n")
            for score in r.scores:
                tie = " (tied)" if score.tied else ""
                out.write(
                    f"  {score.rank}. {score.hypothesis}: {score.inconsistencies} "
                    f"inconsistent, weighted {score.weighted:.2f}{tie}\n"
                )
            for pin in r.linchpins:
                out.write(f"  linchpin: {pin.evidence} ({pin.change}) {pin.outcome}\n")
    return EXIT_OK


def _set_ids(args: argparse.Namespace, case: Case) -> list[str]:
    """The set named by `--set`, else every hypothesis set of the case."""
    return [args.set] if args.set else [group.id for group in case.hypothesis_sets]


def _write_json(out: TextIO, data: object) -> None:
    json.dump(data, out, indent=2, ensure_ascii=False)
    out.write("\n")


def _ach_json(result: AchResult) -> dict[str, Any]:
    return {
        "set": result.set,
        "question": result.question,
        "scores": [dataclasses.asdict(s) for s in result.scores],
        "matrix": [
            {
                "evidence": e,
                "diagnosticity": result.diagnosticity[e],
                "ratings": {h: result.ratings.get((e, h)) for h in result.hypotheses},
            }
            for e in result.evidence
        ],
        "linchpins": [dataclasses.asdict(p) for p in result.linchpins],
    }


def _cmd_bayes(args: argparse.Namespace, out: TextIO) -> int:
    case = load(args.case)
    sets = _set_ids(args, case)
    try:
        lineage = Lineage.of(case)  # built once for every set
        results = [posteriors(case, set_id, lineage=lineage) for set_id in sets]
    except ValueError as exc:
        raise _UsageError(str(exc), "fix the priors, then run again") from None
    if args.format == "json":
        _write_json(
            out,
            [
                {
                    **dataclasses.asdict(r),
                    "judgements": {p.hypothesis: p.judgement for p in r.posteriors},
                }
                for r in results
            ],
        )
        return EXIT_OK
    for r in results:
        out.write(f"{r.set}: {r.question}\n")
        if not r.assessable:
            out.write("  cannot assess: the evidence leaves every hypothesis near its prior\n")
        for p in r.posteriors:
            conf = p.confidence
            lineages = f"{conf.lineages} lineage{'s' if conf.lineages != 1 else ''}"
            best = f", best {conf.best_grade}" if conf.best_grade else ""
            moves = (
                f"; {conf.low:.0%}-{conf.high:.0%} if one link is re-rated a step"
                if conf.fragile
                else ""
            )
            out.write(
                f"  {p.hypothesis}: {p.posterior:.0%}, {p.judgement}; prior {p.prior:.0%}; "
                f"{lineages}{best}{moves}\n"
            )
        for c in r.contributions[: args.top]:
            if round(c.shift * 100):
                out.write(
                    f"  {c.evidence} moved {c.hypothesis} by {c.shift * 100:+.0f} points "
                    f"({c.without:.0%} without it)\n"
                )
        if r.uncounted:
            out.write(f"  retold by a copy, counted once: {', '.join(r.uncounted)}\n")
    return EXIT_OK


def _cmd_analyse(args: argparse.Namespace, out: TextIO) -> int:
    case = load(args.case)
    if not case.hypothesis_sets:
        raise _UsageError(
            f"{args.case} has no hypothesis sets, so there is nothing to compare",
            "group competing hypotheses in hypothesis_sets",
        )
    result = analyse(case)
    if args.format == "json":
        _write_json(
            out,
            {
                "sets": [
                    {
                        "set": one.set,
                        "question": one.question,
                        "rows": [dataclasses.asdict(row) for row in one.rows],
                        "explanations": list(one.explanations),
                        "linchpins": [dataclasses.asdict(p) for p in one.ach.linchpins],
                        "missing": dict(one.missing),
                    }
                    for one in result.sets
                ],
                "labels": result.labelling.as_json(),
                "futures": dataclasses.asdict(result.futures) if result.futures else None,
                "configurations": [dataclasses.asdict(c) for c in result.configurations],
                "missing": dict(result.missing),
            },
        )
        return EXIT_OK
    for one in result.sets:
        out.write(f"{one.set}: {one.question}\n")
        for row in one.rows:
            rank = "-" if row.rank is None else f"{row.rank}{'=' if row.tied else ''}"
            posterior = "" if row.posterior is None else f"{row.posterior:.0%}, "
            tested = (
                ""
                if row.inconsistencies is None
                else f" ({row.inconsistencies} of {row.rated} rated items inconsistent)"
            )
            label = f"; Carneades {row.label}" if row.label else ""
            out.write(
                f"  {row.hypothesis}: ACH {rank}{tested}; "
                f"{posterior}{row.judgement or one.missing.get('posteriors', '')}{label}\n"
            )
        for sentence in one.explanations:
            out.write(f"  - {sentence}\n")
        for pin in one.ach.linchpins:
            how = "dropped" if pin.change == "dropped" else "read as deceptive"
            out.write(
                f"  linchpin: {pin.evidence}, {how}, {pin.outcome} ({', '.join(pin.after)})\n"
            )
    return EXIT_OK


def _cmd_futures(args: argparse.Namespace, out: TextIO) -> int:
    case = load(args.case)
    try:
        result = futures(case)
    except ValueError as exc:
        raise _UsageError(str(exc), f"scenarios check {args.case}") from None
    if args.tree:
        _not_an_input(args.tree, args.case)
        _write_graph(scenario_tree(case, result=result), args.tree, args.timeout)
    if args.format == "json":
        _write_json(out, dataclasses.asdict(result))
        return EXIT_OK
    kind = "exclude each other" if result.exclusive else "overlap (updated one by one)"
    out.write(f"Scenarios ({len(result.scenarios)}; they {kind})\n")
    for s in result.scenarios:
        if s.basis == "unknown":
            out.write(f"  {s.scenario}: unknown, because {s.reason}\n")
            continue
        words = f" ({s.words})" if s.words else ""
        out.write(
            f"  {s.scenario}: {percent(s.probability)}{words}, "
            f"prior {percent(s.prior)} from {s.reason if s.basis != 'given' else 'the case'}\n"
        )
    out.write(f"  futures no scenario names: {percent(result.remainder)}\n")
    out.write(f"Fired indicators ({len(result.fired)})\n")
    for w in result.fired:
        out.write(f"  {w.indicator}: seen {w.last_seen}, favours {w.if_seen or 'none'}\n")
    out.write(f"Watch list ({len(result.watch_list)}, most telling first)\n")
    for w in result.watch_list:
        tells = f"seen favours {w.if_seen}, absent {w.if_absent}" if w.if_seen else "tells nothing"
        out.write(f"  {w.indicator}: {w.diagnosticity:.3f} bits; {tells}\n")
    if args.tree:
        out.write(f"{args.tree}\n")
    return EXIT_OK


def _write_graph(graph: Any, path: str, timeout: float) -> None:
    try:
        write_diagram(graph, path, timeout=timeout)
    except ValueError as exc:
        raise _UsageError(str(exc), "name the file .svg, .png, .pdf or .dot") from None


def _cmd_morph(args: argparse.Namespace, out: TextIO) -> int:
    case = load(args.case)
    if not case.drivers:
        raise _UsageError(
            f"{args.case} declares no drivers, so there is no field to analyse",
            "add drivers (each with states) and cross-consistency assessments; see docs/futures.md",
        )
    try:
        ranked = ranked_configurations(case, threshold=args.threshold, top=args.top)
        total = count_configurations(case, threshold=args.threshold)
        matrix = alternative_futures(case, *args.matrix) if args.matrix else None
    except ValueError as exc:
        raise _UsageError(str(exc), "scenarios morph --help") from None
    if args.field:
        _not_an_input(args.field, args.case)
        best = ranked[0].states if ranked else None
        _write_graph(morphological_field(case, highlight=best), args.field, args.timeout)
    if args.format == "json":
        _write_json(
            out,
            {
                "field_size": field_size(case),
                "consistent": total,
                "configurations": [dataclasses.asdict(c) for c in ranked],
                "matrix": dataclasses.asdict(matrix) if matrix else None,
            },
        )
        return EXIT_OK
    out.write(
        f"{total} consistent configurations of {field_size(case)} "
        f"({len(case.drivers)} drivers); best {len(ranked)}:\n"
    )
    for c in ranked:
        weakest = f", weakest {' with '.join(c.weakest)}" if c.weakest else ""
        out.write(f"  {c.score:.2f} (mean {c.mean:.2f}){weakest}: {c.label}\n")
    if matrix:
        out.write(f"2x2: {matrix.first} (rows) against {matrix.second} (columns)\n")
        for q in matrix.quadrants:
            names = ", ".join(q.scenarios) or "no scenario"
            out.write(
                f"  {matrix.first}={q.first}, {matrix.second}={q.second}: "
                f"{q.configurations} configurations; {names}\n"
            )
    if args.field:
        out.write(f"{args.field}\n")
    return EXIT_OK


def _cmd_timeline(args: argparse.Namespace, out: TextIO) -> int:
    case = load(args.case)
    if Path(args.output).suffix.lower() != ".svg":
        raise _UsageError(
            f"the timeline is drawn as SVG, not {Path(args.output).suffix or 'without a suffix'}",
            "name the output .svg",
        )
    _not_an_input(args.output, args.case)
    write_atomic(args.output, timeline_svg(case).encode("utf-8"))
    out.write(f"{args.output}\n")
    return EXIT_OK


def _cmd_convert(args: argparse.Namespace, out: TextIO) -> int:
    try:
        case, problems = read_as(args.input, args.source_format)
        _not_an_input(args.output, args.input)
        target = args.target_format or format_for(args.output)
        dropped = [loss.message for loss in losses(case, target)]
        if args.strict and (problems or dropped):
            kind = "error"
        else:
            kind = "warning"
            write_as(case, args.output, args.target_format)
    except ValueError as exc:
        if isinstance(exc, ScenariosError):
            raise
        raise _UsageError(str(exc), "scenarios convert --help") from None
    for problem in problems:
        print(visible(f"{args.input}: {kind}: {problem}"), file=sys.stderr)
    for message in dropped:
        print(visible(f"{args.output}: {kind}: {message}"), file=sys.stderr)
    count = len(problems) + len(dropped)
    if kind == "error":
        print(
            visible(f"{args.output}: not written: the conversion would lose what is listed above")
            + "\n  hint: drop --strict to convert anyway, or convert to a case file",
            file=sys.stderr,
        )
        return EXIT_FINDINGS
    note = f" ({count} warning{'s' if count != 1 else ''})" if count else ""
    out.write(f"{args.output}{note}\n")
    return EXIT_OK


_PROBLEMS: Final = ("DC", "DS", "SE", "EE", "CE")


def _af_decide(
    af: ArgumentationFramework,
    problem: str,
    semantics: Any,
    name: str | None,
    show: Callable[[Iterable[object]], str],
    *,
    new: bool,
) -> str:
    """YES or NO for DC and DS, with the witness or counterexample in the 2023 dialect."""
    if name is None:
        raise _UsageError(f"{problem} needs an argument: -a NAME", "scenarios af --help")
    argument: object = int(name) if new and name.isdigit() else name
    try:
        if problem == "DC":
            found = af.credulous_witness(argument, semantics)
            answer = "YES" if found is not None else "NO"
        else:
            found = af.sceptical_counterexample(argument, semantics)
            answer = "YES" if found is None else "NO"
    except ValueError as exc:
        raise _UsageError(str(exc), "name an argument of the framework") from None
    return f"{answer}\n" + (show(found) + "\n" if new and found is not None else "")


def _cmd_af(args: argparse.Namespace, out: TextIO) -> int:
    if args.formats:
        out.write(f"[{','.join(ICCMA_FORMATS)}]\n")
        return EXIT_OK
    if args.problems:
        tasks = [f"{p}-{s}" for p in _PROBLEMS for s in SEMANTICS]
        out.write(f"[{','.join(tasks)}]\n")
        return EXIT_OK
    if not args.p or not args.f:
        raise _UsageError("give a task with -p and a file with -f", "scenarios af --problems")
    problem, _, chosen = args.p.partition("-")
    semantics: Semantics = chosen  # checked just below
    if problem not in _PROBLEMS or chosen not in SEMANTICS:
        raise _UsageError(f"unknown task {args.p!r}", "scenarios af --problems lists them")
    arguments, attacks = read_af(args.f, args.fo)
    af = ArgumentationFramework(arguments, attacks)
    fmt = args.fo or Path(args.f).suffix.lstrip(".").lower()
    new = fmt == "i23"  # ICCMA 2023 output for i23 input; the earlier dialect otherwise

    order = {argument: k for k, argument in enumerate(af.arguments)}  # O(1) per look-up

    def show(extension: Iterable[object]) -> str:
        names = sorted(extension, key=order.__getitem__)
        return ("w " + " ".join(map(str, names))) if new else f"[{','.join(map(str, names))}]"

    if problem in ("DC", "DS"):
        out.write(_af_decide(af, problem, semantics, args.a, show, new=new))
    elif problem == "SE":
        found = af.some_extension(semantics)
        out.write("NO\n" if found is None else show(found) + "\n")
    elif problem == "EE":
        every = af.extensions(semantics)
        if new:
            out.write("".join(show(e) + "\n" for e in every))
        else:
            out.write(f"[{','.join(show(e) for e in every)}]\n")
    else:
        out.write(f"{len(af.extensions(semantics))}\n")
    return EXIT_OK


def _cmd_evaluate(args: argparse.Namespace, out: TextIO) -> int:
    suffix = Path(args.file).suffix.lower()
    if args.carneades or (suffix in (".yaml", ".yml") and is_carneades(args.file)):
        graph, _ = read_carneades(args.file)
    else:
        graph = case_graph(load(args.file))
    labelling = evaluate(graph)
    if args.format == "json":
        _write_json(out, labelling.as_json())
        return EXIT_OK
    for label in ("in", "out", "undecided"):
        for statement, found in labelling.labels.items():
            if found == label:
                out.write(f"{statement}: {labelling.reasons[statement]}\n")
    return EXIT_OK


def _cmd_report(args: argparse.Namespace, out: TextIO) -> int:
    case = load(args.case, integrity=False)
    findings = check(case, texts=_texts(args, case))
    if any(f.code.startswith("R") for f in findings):
        raise _UsageError(
            "the case has integrity errors, so it cannot be analysed",
            f"scenarios check {args.case}",
        )
    # No R finding: the case holds together, so the unchecked one is the checked one.
    _not_an_input(args.output, args.case)
    html = report_html(case, findings=findings, timeout=args.timeout)
    write_atomic(args.output, html.encode("utf-8"))
    out.write(f"{args.output}\n")
    return EXIT_OK


def _cmd_render(args: argparse.Namespace, out: TextIO) -> int:
    case = load(args.case)
    try:
        graph = argument_map(
            case,
            focus=args.focus,
            depth=args.depth,
            hypothesis_set=args.set,
            source=args.source,
            show_sources=args.show_sources,
            cluster=args.cluster,
            rankdir=args.rankdir,
        )
        _not_an_input(args.output, args.case)
        target = write_diagram(
            graph, args.output, fmt=args.format, engine=args.engine, timeout=args.timeout
        )
    except ValueError as exc:
        raise _UsageError(str(exc), "scenarios render --help") from None
    out.write(f"{target}\n")
    return EXIT_OK


def _cmd_schema(args: argparse.Namespace, out: TextIO) -> int:
    text = schema_text()
    if args.output:
        _not_a_case(args.output)
        write_atomic(args.output, text.encode("utf-8"))
    else:
        out.write(text)
    return EXIT_OK


def _not_a_case(output: str) -> None:
    """Refuse to write the schema over a file that is not a JSON Schema (a case, say)."""
    try:
        if not Path(output).is_file():
            return
        with open(output, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        return  # let the writer report it
    if b'"$schema"' not in head:
        raise ScenariosError(
            f"refusing to write the schema over {output}: it is not a JSON Schema "
            "(a case file?); choose another output file"
        )


Run: TypeAlias = Callable[[argparse.Namespace, TextIO], int]


def _command(
    commands: Any,
    name: str,
    run: Run,
    summary: str,
    description: str,
    *,
    case: bool = True,
    sources: bool = False,
    formats: tuple[str, ...] = (),
) -> argparse.ArgumentParser:
    """Declare a command with the options commands share: CASE, --sources, --format."""
    command: argparse.ArgumentParser = commands.add_parser(
        name, help=summary, description=description
    )
    if case:
        command.add_argument("case", metavar="CASE", help="the case file (.yaml, .yml or .json)")
    if sources:
        command.add_argument(
            "--sources",
            metavar="DIR",
            help="folder of source texts, matched by text_path or by source id (<id>.txt, <id>.md)",
        )
    if formats:
        command.add_argument(
            "--format",
            choices=formats,
            default=formats[0],
            help=f"output format (default: {formats[0]})",
        )
    command.set_defaults(run=run)
    return command


def _add_futures_commands(commands: Any) -> None:
    """The commands about the future: futures, morph and timeline."""
    futures_cmd = _command(
        commands,
        "futures",
        _cmd_futures,
        "scenario probabilities, fired indicators and the watch list",
        "Give each scenario its probability (given, or from the posteriors of the hypotheses "
        "it assumes), updated by every observation of the indicators, in ICD 203 words; list "
        "the indicators that have fired and the watch list, most telling first.",
        formats=("text", "json"),
    )
    futures_cmd.add_argument(
        "--tree", metavar="FILE", help="also draw the scenario tree (.svg, .png, .pdf or .dot)"
    )
    morph_cmd = _command(
        commands,
        "morph",
        _cmd_morph,
        "morphological analysis: the consistent configurations of the drivers",
        "Enumerate the configurations of the case's drivers that the cross-consistency "
        "assessment allows, best first (by weakest pair, then mean score); optionally the 2x2 "
        "matrix of two key drivers and a drawing of the field.",
        formats=("text", "json"),
    )
    morph_cmd.add_argument(
        "--top", type=int, default=10, metavar="N", help="how many to list (default: 10)"
    )
    morph_cmd.add_argument(
        "--threshold",
        type=float,
        default=0.0,
        metavar="SCORE",
        help="pairs scoring this or less cannot co-exist (default: 0)",
    )
    morph_cmd.add_argument(
        "--matrix", nargs=2, metavar=("ROWS", "COLUMNS"), help="the 2x2 matrix of two drivers"
    )
    morph_cmd.add_argument(
        "--field", metavar="FILE", help="draw the field, the best configuration shaded"
    )
    timeline_cmd = _command(
        commands,
        "timeline",
        _cmd_timeline,
        "draw the timeline of events and indicator observations (SVG)",
        "Draw the case's events and indicator observations on a time axis as a standalone "
        "SVG: a dot for a day, a bar for a month, a year or a range.",
    )
    timeline_cmd.add_argument(
        "-o", "--output", metavar="FILE", required=True, help="where to write it (.svg)"
    )
    for command in (futures_cmd, morph_cmd):
        command.add_argument(
            "--timeout",
            type=float,
            default=60.0,
            metavar="SECONDS",
            help="stop a layout that takes longer (default: 60)",
        )


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="scenarios",
        description="Structured arguments and scenario modeling: check and analyse case files.",
    )
    parser.add_argument("--version", action="version", version=f"scenarios {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True

    check_cmd = _command(
        commands,
        "check",
        _cmd_check,
        "validate a case file and run the consistency checks",
        "Validate a case file and run every consistency check. Exit 0 when no error is found, "
        "1 when one is, 2 when the file cannot be read.",
        sources=True,
        formats=("text", "json"),
    )
    for option, meaning in (("--select", "only these"), ("--ignore", "skip these")):
        check_cmd.add_argument(
            option,
            type=_codes,
            default=[],
            metavar="CODES",
            help=f"{meaning} check codes or prefixes, comma-separated (e.g. R,Q001)",
        )
    anchor_cmd = _command(
        commands,
        "anchor",
        _cmd_anchor,
        "anchor every quote in its source text and record spans and digests",
        "Find every quote in its source's text and write the case with each quote's span and "
        "each text's SHA-256 recorded. Exit 1 when a quote is not found.",
        sources=True,
    )
    anchor_cmd.add_argument(
        "-o", "--output", metavar="FILE", help="write the anchored case here (default: over CASE)"
    )
    _command(
        commands,
        "provenance",
        _cmd_provenance,
        "list sources (grades, lineage, texts), actors (mentions) and evidence grades",
        "Show where the evidence comes from: each source's grade, lineage group, text and "
        "quotes found; each actor's mentions; each evidence item's grade and lineage.",
        sources=True,
        formats=("text", "json"),
    )
    ach_cmd = _command(
        commands,
        "ach",
        _cmd_ach,
        "score competing hypotheses (Analysis of Competing Hypotheses)",
        "Score each set of competing hypotheses by Heuer's ACH: inconsistency counts, weighted "
        "scores, diagnosticity and linchpins. CSV and Markdown print the matrix.",
        formats=("text", "json", "csv", "markdown"),
    )
    ach_cmd.add_argument("--set", metavar="ID", help="only this hypothesis set")
    _command(
        commands,
        "analyse",
        _cmd_analyse,
        "ACH, posteriors with confidence and Carneades side by side, and why they differ",
        "Run every method once on each hypothesis set: the ACH rank and how much was tested "
        "against each hypothesis, the posterior with its confidence, the Carneades label; say "
        "where they agree on the leader, which items drive a disagreement, and which items "
        "would change the leader (linchpins).",
        formats=("text", "json"),
    )
    bayes_cmd = _command(
        commands,
        "bayes",
        _cmd_bayes,
        "posteriors of competing hypotheses, in ICD 203 words, with their confidence",
        "Update each set's priors with the evidence (likelihoods from the links, or a default "
        "by ACH rating, weighed by the grades and relevance; each source lineage shares one "
        "reliability), give each posterior's confidence, and say how far each item moved "
        "each hypothesis, in percentage points.",
        formats=("text", "json"),
    )
    bayes_cmd.add_argument("--set", metavar="ID", help="only this hypothesis set")
    bayes_cmd.add_argument(
        "--top",
        type=int,
        default=5,
        metavar="N",
        help="how many of the largest moves to show per set (default: 5)",
    )
    af_cmd = _command(
        commands,
        "af",
        _cmd_af,
        "solve abstract argumentation tasks (the ICCMA interface)",
        "Solve a task on an abstract argumentation framework file, as ICCMA solvers do: "
        "-p TASK (DC, DS, SE, EE or CE with CO, GR, PR or ST, e.g. DC-PR), -f FILE "
        "(.apx, .tgf or .i23), -a ARG for DC and DS. Output for i23 files follows ICCMA 2023 "
        "('w a b c' lines, a witness after YES for DC and a counterexample after NO for DS); "
        "for apx and tgf, ICCMA 2021 ('[a,b,c]').",
        case=False,
    )
    af_cmd.add_argument("-p", metavar="TASK", help="the task, e.g. DC-PR or EE-ST")
    af_cmd.add_argument("-f", metavar="FILE", help="the framework file")
    af_cmd.add_argument("-a", metavar="ARG", help="the argument (DC and DS)")
    af_cmd.add_argument("-fo", choices=ICCMA_FORMATS, help="the file's format (default: suffix)")
    af_cmd.add_argument("--formats", action="store_true", help="list the formats read")
    af_cmd.add_argument("--problems", action="store_true", help="list the tasks solved")
    evaluate_cmd = _command(
        commands,
        "evaluate",
        _cmd_evaluate,
        "label statements in, out or undecided (Carneades evaluation)",
        "Evaluate a Carneades 4 argument graph (YAML), or a scenarios case mapped onto one "
        "(evidence assumed, each hypothesis set an issue), and label every statement in, "
        "out or undecided, with the reason for each.",
        case=False,
        formats=("text", "json"),
    )
    evaluate_cmd.add_argument("file", metavar="FILE", help="a Carneades YAML file or a case")
    evaluate_cmd.add_argument(
        "--carneades",
        action="store_true",
        help="read FILE as a Carneades file even if it looks like a case",
    )
    report_cmd = _command(
        commands,
        "report",
        _cmd_report,
        "write the HTML report (map, ACH, posteriors, evidence)",
        "Write one self-contained HTML page: the check findings, the argument map, each set's "
        "posteriors, ACH scores and matrix, the evidence with its quotes and grades, the "
        "sources with their lineage, and the timeline.",
        sources=True,
    )
    report_cmd.add_argument(
        "-o", "--output", metavar="FILE", required=True, help="where to write the page (.html)"
    )
    report_cmd.add_argument(
        "--timeout",
        type=float,
        default=60.0,
        metavar="SECONDS",
        help="stop the map's layout after this long (default: 60)",
    )
    render_cmd = _command(
        commands,
        "render",
        _cmd_render,
        "draw the argument map (SVG, PNG, PDF or DOT)",
        "Draw the argument map of the case, or of one view of it: a hypothesis and its "
        "neighbourhood, one set, or one source's evidence. The format follows the suffix.",
    )
    render_cmd.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        required=True,
        help="where to write it (.svg, .png, .pdf or .dot)",
    )
    render_cmd.add_argument(
        "--format",
        choices=("svg", "png", "pdf", "dot"),
        help="output format (default: from the suffix)",
    )
    view = render_cmd.add_mutually_exclusive_group()
    view.add_argument("--focus", metavar="ID", help="an object and its neighbourhood")
    view.add_argument("--set", metavar="ID", help="one hypothesis set")
    view.add_argument("--source", metavar="ID", help="the evidence quoted from one source")
    render_cmd.add_argument(
        "--depth", type=int, default=2, metavar="N", help="steps out from --focus (default: 2)"
    )
    render_cmd.add_argument("--show-sources", action="store_true", help="draw the sources too")
    render_cmd.add_argument(
        "--cluster",
        choices=("set", "source", "none"),
        default="set",
        help="box hypotheses by set, evidence by source, or nothing",
    )
    render_cmd.add_argument(
        "--rankdir",
        choices=("LR", "RL", "TB", "BT"),
        default="LR",
        help="layout direction (default: LR)",
    )
    render_cmd.add_argument(
        "--engine",
        choices=("dot", "sfdp", "neato", "fdp"),
        help="Graphviz engine (default: chosen by size)",
    )
    render_cmd.add_argument(
        "--timeout",
        type=float,
        default=60.0,
        metavar="SECONDS",
        help="stop a layout that takes longer (default: 60)",
    )
    _add_futures_commands(commands)
    convert_cmd = _command(
        commands,
        "convert",
        _cmd_convert,
        "convert between case files, AIF, Argdown and GraphML",
        "Convert IN to OUT, each format told by its suffix (.yaml/.yml/.json case, .aif or "
        ".aif.json AIF (a .json holding an AIF map is read as one), .argdown/.ad Argdown, "
        ".graphml GraphML, written only) or given with --from and --to. What has no place in "
        "the target is listed on stderr as warnings, one line per kind of loss with its count; "
        "with --strict a lossy conversion fails with exit 1 and writes nothing.",
        case=False,
    )
    convert_cmd.add_argument("input", metavar="IN", help="the file to read")
    convert_cmd.add_argument(
        "--strict",
        action="store_true",
        help="fail (exit 1, nothing written) if the conversion would lose anything",
    )
    convert_cmd.add_argument("output", metavar="OUT", help="the file to write")
    convert_cmd.add_argument(
        "--from", dest="source_format", choices=FORMATS, help="IN's format (default: suffix)"
    )
    convert_cmd.add_argument(
        "--to", dest="target_format", choices=FORMATS, help="OUT's format (default: suffix)"
    )
    schema_cmd = _command(
        commands,
        "schema",
        _cmd_schema,
        "print the JSON Schema of case files",
        "Print the JSON Schema (draft 2020-12) that case files satisfy.",
        case=False,
    )
    schema_cmd.add_argument("-o", "--output", metavar="FILE", help="write it to FILE instead")
    return parser


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:  # noqa: PLR0911 - one return per way out
    """Run the command line; returns the exit code instead of exiting (tests call this).

    Args:
        argv: Arguments without the program name; `sys.argv[1:]` when None.
        out: Where results go; `sys.stdout` when None.
    """
    stream = out if out is not None else sys.stdout
    try:
        args = _parser().parse_args(argv)
    except SystemExit as stop:  # --help, --version and usage errors
        return int(stop.code or 0)
    run: Run = args.run
    try:
        return run(args, cast(TextIO, _Visible(stream)))
    except BrokenPipeError:  # the reader went away (| head): stop quietly, as cat does
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except CaseFileError as exc:
        for problem in exc.problems:
            print(visible(str(problem)), file=sys.stderr)
        return EXIT_USAGE
    except (ScenariosError, OSError) as exc:
        print(f"scenarios: error: {visible(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    except MemoryError:  # a safety net: the readers' caps should make this unreachable
        print(
            "scenarios: error: out of memory; the input is too large for this machine\n"
            "  hint: split it, or lower the size limits (see docs/security.md)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    except KeyboardInterrupt:  # Ctrl-C: a layout in progress is killed on the way out
        print("scenarios: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except _Stopped as stop:
        print(f"scenarios: stopped by {signal.Signals(stop.signum).name}", file=sys.stderr)
        return 128 + stop.signum


EXIT_INTERRUPTED: Final = 130
"""Exit code after Ctrl-C (128 + SIGINT), as shells use."""


class _Stopped(BaseException):
    """SIGTERM or SIGHUP arrived: unwind (killing a layout in progress), then exit."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _stop(signum: int, frame: object) -> None:
    raise _Stopped(signum)


def console() -> None:  # pragma: no cover - the installed entry point
    """Entry point of the `scenarios` console script (SIGTERM and SIGHUP end it cleanly)."""
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _stop)
    sys.exit(main())


if __name__ == "__main__":  # pragma: no cover
    console()
