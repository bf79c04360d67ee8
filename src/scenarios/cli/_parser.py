"""The argument parser of `scenarios`: the top level, and each family's commands."""

from __future__ import annotations

import argparse

from scenarios import __version__
from scenarios.cli import _arguments, _case, _futures, _hypotheses, _outputs, _serve
from scenarios.cli._base import DEBUG_HELP, Parser

__all__ = ["build_parser"]


def build_parser() -> argparse.ArgumentParser:
    """The parser of the whole command line; each command sets `run`, the function to call."""
    parser = Parser(
        prog="scenarios",
        description="Structured arguments and scenario modeling: check and analyse case files.",
        epilog="Exit codes: 0 clean, 1 findings (errors), 2 usage or input errors, "
        "3 an internal error (a bug in scenarios: please report it).",
    )
    parser.add_argument("--version", action="version", version=f"scenarios {__version__}")
    parser.add_argument("--debug", action="store_true", help=DEBUG_HELP)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    commands.required = True
    for declare in (  # in the order --help lists them
        _case.add_new,
        _case.add_check,
        _case.add_anchor,
        _case.add_provenance,
        _hypotheses.add_ach,
        _hypotheses.add_analyse,
        _hypotheses.add_bayes,
        _arguments.add_af,
        _arguments.add_evaluate,
        _outputs.add_report,
        _outputs.add_render,
        _serve.add_serve,
        _futures.add_futures,
        _futures.add_morph,
        _futures.add_timeline,
        _outputs.add_convert,
        _case.add_schema,
    ):
        declare(commands)
    return parser
