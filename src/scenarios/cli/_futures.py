"""The commands about the future: futures, morph and timeline."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from scenarios.analysis import futures, morphology
from scenarios.cli._base import EXIT_OK, add_timeout, command, write_json
from scenarios.errors import OptionError
from scenarios.io import load, not_an_input, write_atomic
from scenarios.render import (
    futures_text,
    morphological_field,
    morphology_text,
    scenario_tree,
    timeline_svg,
    write_diagram,
)

__all__ = ["add_futures", "add_morph", "add_timeline"]


def _futures(args: argparse.Namespace, out: TextIO) -> int:
    case = load(args.case)
    result = futures(case)
    if args.tree:
        not_an_input(args.tree, args.case)
        write_diagram(scenario_tree(case, result=result), args.tree, timeout=args.timeout)
    if args.format == "json":
        write_json(out, result.to_json())
        return EXIT_OK
    out.write(futures_text(result))
    if args.tree:
        out.write(f"{args.tree}\n")
    return EXIT_OK


def _morph(args: argparse.Namespace, out: TextIO) -> int:
    case = load(args.case)
    matrix = tuple(args.matrix) if args.matrix else None
    result = morphology(case, threshold=args.threshold, top=args.top, matrix=matrix)
    if args.field:
        not_an_input(args.field, args.case)
        best = result.configurations[0].states if result.configurations else None
        write_diagram(morphological_field(case, highlight=best), args.field, timeout=args.timeout)
    if args.format == "json":
        write_json(out, result.to_json())
        return EXIT_OK
    out.write(morphology_text(result))
    if args.field:
        out.write(f"{args.field}\n")
    return EXIT_OK


def _timeline(args: argparse.Namespace, out: TextIO) -> int:
    case = load(args.case)
    if Path(args.output).suffix.lower() != ".svg":
        raise OptionError(
            f"the timeline is drawn as SVG, not {Path(args.output).suffix or 'without a suffix'}",
            hint="name the output .svg",
        )
    not_an_input(args.output, args.case)
    write_atomic(args.output, timeline_svg(case).encode("utf-8"))
    out.write(f"{args.output}\n")
    return EXIT_OK


def add_futures(commands: Any) -> None:
    """Declare futures."""
    futures_cmd = command(
        commands,
        "futures",
        _futures,
        "scenario probabilities, fired indicators and the watch list",
        "Give each scenario its probability (given, or from the posteriors of the hypotheses "
        "it assumes), updated by every observation of the indicators, in ICD 203 words; list "
        "the indicators that have fired and the watch list, most telling first.",
        formats=("text", "json"),
    )
    futures_cmd.add_argument(
        "--tree", metavar="FILE", help="also draw the scenario tree (.svg, .png, .pdf or .dot)"
    )
    add_timeout(futures_cmd)


def add_morph(commands: Any) -> None:
    """Declare morph."""
    morph_cmd = command(
        commands,
        "morph",
        _morph,
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
    add_timeout(morph_cmd)


def add_timeline(commands: Any) -> None:
    """Declare timeline."""
    timeline_cmd = command(
        commands,
        "timeline",
        _timeline,
        "draw the timeline of events and indicator observations (SVG)",
        "Draw the case's events and indicator observations on a time axis as a standalone "
        "SVG: a dot for a day, a bar for a month, a year or a range.",
    )
    timeline_cmd.add_argument(
        "-o", "--output", metavar="FILE", required=True, help="where to write it (.svg)"
    )
