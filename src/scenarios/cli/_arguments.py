"""The commands about arguments: af (the ICCMA solver interface) and evaluate (Carneades)."""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO

from scenarios.analysis import TASKS, ArgumentationFramework, Task, case_graph, evaluate, solve
from scenarios.cli._base import EXIT_FINDINGS, EXIT_OK, command, write_json
from scenarios.errors import AnalysisError, OptionError
from scenarios.io import (
    ICCMA_FORMATS,
    guess_format,
    iccma_format_of,
    load,
    read_carneades,
    read_iccma,
)
from scenarios.render import labelling_text, visible

__all__ = ["add_af", "add_evaluate"]


def _af(args: argparse.Namespace, out: TextIO) -> int:
    if args.formats:
        out.write(f"[{','.join(ICCMA_FORMATS)}]\n")
        return EXIT_OK
    if args.problems:
        out.write(f"[{','.join(TASKS)}]\n")
        return EXIT_OK
    if not args.p or not args.f:
        raise OptionError("give a task with -p and a file with -f", hint="scenarios af --problems")
    task = Task.parse(args.p)
    fmt = iccma_format_of(args.f, args.fo)
    af = ArgumentationFramework(*read_iccma(args.f, fmt))
    out.write(solve(af, task, args.a).text(af.arguments, fmt))
    return EXIT_OK


def _evaluate(args: argparse.Namespace, out: TextIO) -> int:
    tests: dict[str, list[str]] = {}
    if args.carneades or guess_format(args.file) == "carneades":
        graph, tests = read_carneades(args.file)
    else:
        graph = case_graph(load(args.file))
    labelling = evaluate(graph)
    if not labelling.labels:
        raise AnalysisError(
            f"{args.file} has no statements, so there is nothing to label",
            hint=(
                "a case needs an evidence item or a hypothesis, and a Carneades "
                "file needs an entry under statements"
            ),
        )
    if args.format == "json":
        write_json(out, labelling.to_json())
    else:
        out.write(labelling_text(labelling))
    failed = [
        f"{args.file}: tests: {statement!r} is {labelling.labels[statement]}, expected {label}"
        for label, statements in tests.items()
        for statement in statements
        if labelling.labels[statement] != label
    ]
    for line in failed:
        print(visible(line), file=sys.stderr)
    if failed:
        total = sum(map(len, tests.values()))
        print(
            f"{args.file}: {len(failed)} of {total} test{'s' if total != 1 else ''} failed",
            file=sys.stderr,
        )
    return EXIT_FINDINGS if failed else EXIT_OK


def add_af(commands: Any) -> None:
    """Declare af."""
    af_cmd = command(
        commands,
        "af",
        _af,
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


def add_evaluate(commands: Any) -> None:
    """Declare evaluate."""
    evaluate_cmd = command(
        commands,
        "evaluate",
        _evaluate,
        "label statements in, out or undecided (Carneades evaluation)",
        "Evaluate a Carneades 4 argument graph (YAML), or a scenarios case mapped onto one "
        "(evidence assumed, each hypothesis set an issue), and label every statement in, "
        "out or undecided, with the reason for each. A Carneades file's tests: section is "
        "checked against the labels: exit 1 when one fails.",
        case=False,
        formats=("text", "json"),
    )
    evaluate_cmd.add_argument("file", metavar="FILE", help="a Carneades YAML file or a case")
    evaluate_cmd.add_argument(
        "--carneades",
        action="store_true",
        help="read FILE as a Carneades file even if it looks like a case",
    )
