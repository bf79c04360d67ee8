"""The commands that weigh competing hypotheses: ach, bayes and analyse."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from scenarios.analysis import ach, analyse, posteriors
from scenarios.cli._base import EXIT_OK, command, set_ids, write_json
from scenarios.io import load
from scenarios.provenance import Lineage
from scenarios.render import ach_csv, ach_markdown, ach_text, analysis_text, bayes_text

__all__ = ["add_ach", "add_analyse", "add_bayes"]


def _ach(args: argparse.Namespace, out: TextIO) -> int:
    case = load(args.case)
    results = [ach(case, set_id) for set_id in set_ids(args, case)]
    if args.format == "json":
        write_json(out, [r.to_json() for r in results])
    elif args.format == "csv":
        out.write(ach_csv(case, results))
    elif args.format == "markdown":
        out.write(ach_markdown(case, results))
    else:
        out.write(ach_text(results))
    return EXIT_OK


def _bayes(args: argparse.Namespace, out: TextIO) -> int:
    case = load(args.case)
    lineage = Lineage.of(case)  # built once for every set
    results = [posteriors(case, set_id, lineage=lineage) for set_id in set_ids(args, case)]
    if args.format == "json":
        write_json(out, [r.to_json() for r in results])
    else:
        out.write(bayes_text(results, top=args.top, case=case))
    return EXIT_OK


def _analyse(args: argparse.Namespace, out: TextIO) -> int:
    case = load(args.case)
    set_ids(args, case)  # says so when there is nothing to compare
    result = analyse(case)
    if args.format == "json":
        write_json(out, result.to_json())
    else:
        out.write(analysis_text(result))
    return EXIT_OK


def add_ach(commands: Any) -> None:
    """Declare ach."""
    ach_cmd = command(
        commands,
        "ach",
        _ach,
        "score competing hypotheses (Analysis of Competing Hypotheses)",
        "Score each set of competing hypotheses by Heuer's ACH: inconsistency counts, weighted "
        "scores, diagnosticity and linchpins. CSV and Markdown print the matrix.",
        formats=("text", "json", "csv", "markdown"),
    )
    ach_cmd.add_argument("--set", metavar="ID", help="only this hypothesis set")


def add_analyse(commands: Any) -> None:
    """Declare analyse."""
    command(
        commands,
        "analyse",
        _analyse,
        "ACH, posteriors with confidence and Carneades side by side, and why they differ",
        "Run every method once on each hypothesis set: the ACH rank and how much was tested "
        "against each hypothesis, the posterior with its confidence, the Carneades label; say "
        "where they agree on the leader, which items drive a disagreement, and which items "
        "would change the leader (linchpins).",
        formats=("text", "json"),
    )


def add_bayes(commands: Any) -> None:
    """Declare bayes."""
    bayes_cmd = command(
        commands,
        "bayes",
        _bayes,
        "posteriors of competing hypotheses, in ICD 203 words, with their confidence",
        "Update each set's priors with the evidence (likelihoods from the links, or a default "
        "by ACH rating, weighed by the grades and relevance; each source lineage shares one "
        "reliability), give each posterior's confidence, and say how far each item moved "
        "each hypothesis, in percentage points. A set whose priors the checks call an error "
        "(H003, H004) is refused with exit 2.",
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
