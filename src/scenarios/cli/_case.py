"""The commands about the case file itself: check, anchor, provenance and schema."""

from __future__ import annotations

import argparse
from typing import Any, Final, TextIO

from scenarios.analysis import provenance_report
from scenarios.checks import check_file, unreadable_json
from scenarios.cli._base import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    codes,
    command,
    texts,
    write_json,
)
from scenarios.errors import CaseFileError, OptionError
from scenarios.io import dump, load, new_case, schema_reference, schema_text, write_schema
from scenarios.provenance import anchor_case
from scenarios.render import provenance_text

__all__ = ["add_anchor", "add_check", "add_new", "add_provenance", "add_schema"]


def _check(args: argparse.Namespace, out: TextIO) -> int:
    try:
        report = check_file(args.case, sources=args.sources, select=args.select, ignore=args.ignore)
    except CaseFileError as exc:
        if args.format != "json":
            raise
        write_json(out, unreadable_json(exc.problems))
        return EXIT_USAGE  # the file cannot be read: the same exit code as in text
    if args.format == "json":
        write_json(out, report.to_json())
    else:
        out.write(report.to_text())
    return EXIT_FINDINGS if report.failed else EXIT_OK


_UNVERIFIED: Final = ("Q004", "Q005", "Q006")
"""The checks that say why a source's quotes could not be anchored: no text declared,
a text that cannot be used, a declared text not found (with where it was looked for)."""


def _anchor(args: argparse.Namespace, out: TextIO) -> int:
    case = load(args.case)
    report = anchor_case(case, texts(args, case).texts)
    counts = {
        state: sum(q.state == state for q in report.quotes)
        for state in ("anchored", "ambiguous", "not-found", "unverified")
    }
    if not (args.output or args.in_place):
        raise OptionError(
            "anchor writes the case anew, without its comments and layout; nothing written",
            hint="give -o FILE to write the anchored case beside it, or --in-place to "
            "overwrite CASE",
        )
    target = args.output or args.case
    dump(report.case, target, schema=schema_reference(target, like=args.case))
    said, lost = _unverified(args) if counts["unverified"] else ("", False)
    out.write(said)
    out.write(f"{target}: " + ", ".join(f"{n} {state}" for state, n in counts.items()) + "\n")
    return EXIT_FINDINGS if counts["not-found"] or lost else EXIT_OK


def _unverified(args: argparse.Namespace) -> tuple[str, bool]:
    """Each source whose quotes stay unverified and why, as `check` says it (Q004-Q006).

    Returns:
        The lines, and whether a declared text was not found or could not be used.
    """
    report = check_file(args.case, sources=args.sources, select=_UNVERIFIED)
    lines = []
    for finding, where in zip(report.findings, report.locations, strict=True):
        lines.append(f"{where}: {finding.code} [{finding.severity}] {finding.message}\n")
        if finding.hint:
            lines.append(f"  hint: {finding.hint}\n")
    return "".join(lines), any(f.severity != "info" for f in report.findings)


def _provenance(args: argparse.Namespace, out: TextIO) -> int:
    case = load(args.case)
    found = texts(args, case)
    report = provenance_report(case, found)
    if args.format == "json":
        write_json(out, report.to_json())
    else:
        out.write(provenance_text(report, found.paths))
    return EXIT_OK


def _schema(args: argparse.Namespace, out: TextIO) -> int:
    if args.output:
        write_schema(args.output)
    else:
        out.write(schema_text())
    return EXIT_OK


def _new(args: argparse.Namespace, out: TextIO) -> int:
    written = new_case(args.folder)
    for path in written:
        out.write(f"{path}\n")
    case = written[-1]
    out.write(
        f"\nNext: edit {case} (each field is explained in its comments), save your sources'\n"
        f"texts in {case.parent / 'texts'}, then run\n"
        f"  scenarios check {case}\n"
        f"  scenarios analyse {case}\n"
        f"  scenarios render {case} -o {case.parent / 'map.svg'}\n"
        f"  scenarios report {case} -o {case.parent / 'report.html'}\n"
        "A walk through every step: docs/first-case.md.\n"
    )
    return EXIT_OK


def add_new(commands: Any) -> None:
    """Declare new."""
    new_cmd = command(
        commands,
        "new",
        _new,
        "start a case folder: a commented case.yaml, its schema, and texts/",
        "Create DIR with a commented case.yaml that checks clean, the JSON Schema beside it "
        "(for editors that complete and check YAML), and texts/ with one example text the "
        "case quotes. DIR must not exist, or be empty.",
        case=False,
    )
    new_cmd.add_argument("folder", metavar="DIR", help="the folder to create")


def add_check(commands: Any) -> None:
    """Declare check."""
    check_cmd = command(
        commands,
        "check",
        _check,
        "validate a case file and run the consistency checks",
        "Validate a case file and run every consistency check. Exit 0 when no error is found, "
        "1 when one is, 2 when the file cannot be read.",
        sources=True,
        formats=("text", "json"),
    )
    for option, meaning in (("--select", "only these"), ("--ignore", "skip these")):
        check_cmd.add_argument(
            option,
            type=codes,
            default=[],
            metavar="CODES",
            help=f"{meaning} check codes or prefixes, comma-separated (e.g. R,Q001)",
        )


def add_anchor(commands: Any) -> None:
    """Declare anchor."""
    anchor_cmd = command(
        commands,
        "anchor",
        _anchor,
        "anchor every quote in its source text and record spans and digests",
        "Find every quote in its source's text and write the case with each quote's span and "
        "each text's SHA-256 recorded, to -o FILE or, with --in-place, over CASE (the case is "
        "written anew: comments and layout are not kept, the schema modeline is). Each source "
        "whose quotes stay unverified is named, with why (where its text was looked for). "
        "Exit 1 when a quote, or a declared text, is not found.",
        sources=True,
    )
    where = anchor_cmd.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", metavar="FILE", help="write the anchored case here")
    where.add_argument(
        "--in-place",
        action="store_true",
        help="overwrite CASE (its comments and layout are not kept; its modeline is)",
    )


def add_provenance(commands: Any) -> None:
    """Declare provenance."""
    command(
        commands,
        "provenance",
        _provenance,
        "list sources (grades, lineage, texts), actors (mentions) and evidence grades",
        "Show where the evidence comes from: each source's grade, lineage group, text and "
        "quotes found; each actor's mentions; each evidence item's grade and lineage.",
        sources=True,
        formats=("text", "json"),
    )


def add_schema(commands: Any) -> None:
    """Declare schema."""
    schema_cmd = command(
        commands,
        "schema",
        _schema,
        "print the JSON Schema of case files",
        "Print the JSON Schema (draft 2020-12) that case files satisfy.",
        case=False,
    )
    schema_cmd.add_argument("-o", "--output", metavar="FILE", help="write it to FILE instead")
