"""The commands that write other files: render (the map), report (HTML) and convert."""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO

from scenarios.checks import CheckReport, check_file
from scenarios.cli._base import EXIT_FINDINGS, EXIT_OK, add_timeout, command
from scenarios.io import CONVERT_FORMATS, convert, load, not_an_input, write_atomic
from scenarios.render import argument_map, argument_view, report_html, visible, write_diagram

__all__ = ["add_convert", "add_render", "add_report", "report_page"]


def _render(args: argparse.Namespace, out: TextIO) -> int:
    case = load(args.case)
    view = {"focus": args.focus, "depth": args.depth, "source": args.source}
    if args.view == "arguments":
        graph = argument_view(case, hypothesis_set=args.set, neutral=args.neutral, **view)
    else:
        graph = argument_map(
            case,
            hypothesis_set=args.set,
            show_sources=args.show_sources,
            cluster=args.cluster,
            rankdir=args.rankdir,
            neutral=args.neutral,
            **view,
        )
    not_an_input(args.output, args.case)
    target = write_diagram(
        graph, args.output, fmt=args.format, engine=args.engine, timeout=args.timeout
    )
    out.write(f"{target}\n")
    return EXIT_OK


def report_page(case_file: str, *, sources: str | None, timeout: float) -> tuple[CheckReport, str]:
    """The HTML report of a case file as `report` writes it (and `serve` shows it).

    Returns:
        The check report it was built from (the case, its texts and findings), and the page.

    Raises:
        CaseFileError: The file cannot be read.
        AnalysisError: The case has integrity errors (the R checks), so it gets no report.
    """
    checked = check_file(case_file, sources=sources)
    case = checked.sound_case()  # a case with integrity errors gets no report
    return checked, report_html(case, findings=checked.findings, timeout=timeout)


def _report(args: argparse.Namespace, out: TextIO) -> int:
    not_an_input(args.output, args.case)
    _, html = report_page(args.case, sources=args.sources, timeout=args.timeout)
    write_atomic(args.output, html.encode("utf-8"))
    out.write(f"{args.output}\n")
    return EXIT_OK


def _convert(args: argparse.Namespace, out: TextIO) -> int:
    done = convert(
        args.input,
        args.output,
        source_format=args.source_format,
        target_format=args.target_format,
        strict=args.strict,
    )
    kind = "warning" if done.written else "error"
    for problem in done.problems:
        print(visible(f"{args.input}: {kind}: {problem}"), file=sys.stderr)
    for loss in done.losses:
        print(visible(f"{args.output}: {kind}: {loss.message}"), file=sys.stderr)
    if not done.written:
        print(
            visible(f"{args.output}: not written: the conversion would lose what is listed above")
            + "\n  hint: drop --strict to convert anyway, or convert to a case file",
            file=sys.stderr,
        )
        return EXIT_FINDINGS
    count = len(done.problems) + len(done.losses)
    note = f" ({count} warning{'s' if count != 1 else ''})" if count else ""
    out.write(f"{args.output}{note}\n")
    return EXIT_OK


def add_report(commands: Any) -> None:
    """Declare report."""
    report_cmd = command(
        commands,
        "report",
        _report,
        "write the HTML report (map, ACH, posteriors, evidence)",
        "Write one self-contained HTML page: the check findings, the argument map, each set's "
        "posteriors, ACH scores and matrix, the evidence with its quotes and grades, the "
        "sources with their lineage, and the timeline.",
        sources=True,
    )
    report_cmd.add_argument(
        "-o", "--output", metavar="FILE", required=True, help="where to write the page (.html)"
    )
    add_timeout(report_cmd, "stop the map's layout after this long")


def add_render(commands: Any) -> None:
    """Declare render."""
    render_cmd = command(
        commands,
        "render",
        _render,
        "draw the argument map (SVG, PNG, PDF or DOT)",
        "Draw the argument map of the case, or of one view of it: a hypothesis and its "
        "neighbourhood, one set, or one source's evidence. The format follows the suffix. "
        "--view arguments draws the reasoning instead of the evidence matrix: arguments "
        "between their premises and conclusions, support, attack and undercut, grounds at "
        "the bottom and each hypothesis's standing at the top.",
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
    render_cmd.add_argument(
        "--view",
        choices=("evidence", "arguments"),
        default="evidence",
        help="evidence: items linked to hypotheses (default); arguments: the reasoning",
    )
    render_cmd.add_argument(
        "--neutral", action="store_true", help="also draw links rated N (hidden by default)"
    )
    render_cmd.add_argument(
        "--show-sources", action="store_true", help="draw the sources too (evidence view)"
    )
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
    add_timeout(render_cmd)


def add_convert(commands: Any) -> None:
    """Declare convert."""
    convert_cmd = command(
        commands,
        "convert",
        _convert,
        "convert between case files, AIF, Argdown and GraphML",
        "Convert IN to OUT, each format told by its suffix (.yaml/.yml/.json case, .aif or "
        ".aif.json AIF (a .json holding an AIF map is read as one), .argdown/.ad Argdown, "
        ".graphml GraphML, written only; .csv an ACH matrix, read only) or given with --from "
        "and --to. What has no place in "
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
        "--from",
        dest="source_format",
        choices=CONVERT_FORMATS,
        help="IN's format (default: suffix)",
    )
    convert_cmd.add_argument(
        "--to", dest="target_format", choices=CONVERT_FORMATS, help="OUT's format (default: suffix)"
    )
