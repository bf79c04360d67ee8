"""What the commands share: exit codes, the parser, the common options and JSON output."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final, TextIO, TypeAlias

from scenarios import __version__
from scenarios.errors import AnalysisError, CaseFileError, ScenariosError
from scenarios.io import SourceTexts, read_source_texts
from scenarios.model import Case
from scenarios.render import DEFAULT_TIMEOUT

__all__ = [
    "EXIT_BUG",
    "EXIT_FINDINGS",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_USAGE",
    "Parser",
    "Run",
    "add_timeout",
    "codes",
    "command",
    "said",
    "set_ids",
    "texts",
    "write_json",
]

EXIT_OK: Final = 0
"""Clean: no finding of severity error."""
EXIT_FINDINGS: Final = 1
"""The checks found an error (or a quote was not found, or a strict conversion would lose)."""
EXIT_USAGE: Final = 2
"""The user's problem: bad arguments, or an input that cannot be read or used."""
EXIT_BUG: Final = 3
"""A bug in scenarios: an error the library did not raise on purpose."""
EXIT_INTERRUPTED: Final = 130
"""Exit code after Ctrl-C (128 + SIGINT), as shells use."""

Run: TypeAlias = Callable[[argparse.Namespace, TextIO], int]
"""A command: its parsed arguments and where results go, to the exit code."""


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors name the fix and exit with code 2."""

    def error(self, message: str) -> Any:  # pragma: no cover - exercised via main()
        """Print the usage and the problem with a hint, then exit 2."""
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n  hint: {self.prog} --help\n")


def command(
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
    """Declare a command with the options commands share: CASE, --sources, --format, --debug."""
    declared: argparse.ArgumentParser = commands.add_parser(
        name, help=summary, description=description
    )
    if case:
        declared.add_argument("case", metavar="CASE", help="the case file (.yaml, .yml or .json)")
    if sources:
        declared.add_argument(
            "--sources",
            metavar="DIR",
            help="folder of source texts, looked in first: DIR/<text_path>, then beside the "
            "case; DIR/<id>.txt or .md for a source that declares no text_path",
        )
    if formats:
        declared.add_argument(
            "--format",
            choices=formats,
            default=formats[0],
            help=f"output format (default: {formats[0]})",
        )
    declared.add_argument(  # here too, so that it may follow the command
        "--debug", action="store_true", default=argparse.SUPPRESS, help=DEBUG_HELP
    )
    declared.set_defaults(run=run)
    return declared


DEBUG_HELP: Final = "on an internal error (exit 3), print the traceback to report with it"


def add_timeout(
    declared: argparse.ArgumentParser, meaning: str = "stop a layout that takes longer"
) -> None:
    """The --timeout option of the commands that lay out diagrams with Graphviz."""
    declared.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"{meaning} (default: {DEFAULT_TIMEOUT:g})",
    )


def codes(text: str) -> list[str]:
    """Check codes or prefixes from a comma-separated option value."""
    return [code.strip() for code in text.split(",") if code.strip()]


def set_ids(args: argparse.Namespace, case: Case) -> list[str]:
    """The set named by `--set`, else every hypothesis set of the case.

    Raises:
        AnalysisError: The case has no sets: there is nothing to score.
    """
    chosen = getattr(args, "set", None)  # analyse has no --set
    if chosen:
        return [chosen]
    if not case.hypothesis_sets:
        raise AnalysisError(
            f"{args.case} has no hypothesis sets, so there is nothing to score",
            hint="group competing hypotheses in hypothesis_sets",
        )
    return [group.id for group in case.hypothesis_sets]


def texts(args: argparse.Namespace, case: Case) -> SourceTexts:
    """The source texts of the case: from `--sources`, else beside the case file."""
    return read_source_texts(case, case_dir=Path(args.case).parent, sources_dir=args.sources)


OUT_OF_MEMORY: Final = (
    "scenarios: error: out of memory; the input is too large for this machine\n"
    "  hint: split it, or lower the size limits (see docs/security.md)"
)
"""What is said when reading ran out of memory (the readers' caps should prevent it)."""


def said(exc: BaseException, *, debug: bool | None = None) -> str:
    """What the command line says about `exc`: the one place its wording is written.

    A `CaseFileError` gives its problems, one per line with their hints; any other
    `ScenariosError`, or a file the system refuses, ``scenarios: error: ...``; anything
    else is a bug in scenarios, said in one line with the version.

    Args:
        exc: The error.
        debug: For a bug: False adds "rerun with --debug for the traceback", True does not
            (the traceback is printed), None neither (``serve`` shows it in the page).
    """
    if isinstance(exc, CaseFileError):
        return "\n".join(str(problem) for problem in exc.problems)
    if isinstance(exc, ScenariosError | OSError):
        return f"scenarios: error: {exc}"
    if isinstance(exc, MemoryError):
        return OUT_OF_MEMORY
    words = " ".join(str(exc).split())
    how = " (rerun with --debug for the traceback)" if debug is False else ""
    return (
        f"scenarios: internal error: {type(exc).__name__}{': ' if words else ''}{words}; "
        f"this is a bug in scenarios {__version__}, please report it with the command{how}"
    )


def write_json(out: TextIO, data: object) -> None:
    """`data` as indented JSON, unicode as is, and a final newline."""
    json.dump(data, out, indent=2, ensure_ascii=False)
    out.write("\n")
