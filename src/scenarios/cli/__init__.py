"""The `scenarios` command line: argument parsing, one library call, and the output.

Exit codes: 0 clean, 1 findings of severity error (failed checks), 2 the user's
problem (bad arguments, an input that cannot be read or used: any `ScenariosError`,
or a file the system refuses), 3 an internal error, which is a bug in `scenarios`:
one line names the exception and asks for a report, and ``--debug`` adds the
traceback. Results go to stdout; problems go to stderr. No user error prints a
traceback.

Text from a case can be hostile: everything printed goes through
`scenarios.render.visible`, so control characters are shown (``␛``), not
obeyed; no output file may be one of the inputs (`scenarios.io.not_an_input`), and
writes go through `scenarios.io.write_atomic` (see docs/security.md).

The commands live in one module per family, each declaring its commands; the
parser is put together in `scenarios.cli._parser`.
"""

from __future__ import annotations

import os
import signal
import sys
import traceback
from collections.abc import Sequence
from typing import TextIO, cast

from scenarios.cli._base import EXIT_BUG, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, Run, said
from scenarios.cli._parser import build_parser
from scenarios.errors import ScenariosError
from scenarios.render import visible

__all__ = ["console", "main"]


class _Visible:
    """A text stream (write and flush) that shows control characters instead of sending them."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str, /) -> int:
        self._stream.write(visible(text))
        return len(text)

    def flush(self) -> None:
        self._stream.flush()


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:  # noqa: PLR0911 - one return per way out
    """Run the command line; returns the exit code instead of exiting (tests call this).

    Args:
        argv: Arguments without the program name; `sys.argv[1:]` when None.
        out: Where results go; `sys.stdout` when None.
    """
    stream = out if out is not None else sys.stdout
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as stop:  # --help, --version and usage errors
        return int(stop.code or 0)
    run: Run = args.run
    try:
        return run(args, cast(TextIO, _Visible(stream)))
    except BrokenPipeError:  # the reader went away (| head): stop quietly, as cat does
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except (ScenariosError, OSError, MemoryError) as exc:  # the user's problem: a file, a
        # case, an option; out of memory is a safety net the readers' caps should make moot
        print(visible(said(exc)), file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:  # Ctrl-C: a layout in progress is killed on the way out
        print("scenarios: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except _Stopped as stop:
        print(f"scenarios: stopped by {signal.Signals(stop.signum).name}", file=sys.stderr)
        return 128 + stop.signum
    except Exception as exc:  # anything else is the library's fault, not the user's
        return _bug(exc, debug=args.debug)


def _bug(exc: Exception, *, debug: bool) -> int:
    """Say in one line that this is a bug, with the exception; the traceback with --debug."""
    if debug:
        traceback.print_exception(exc, file=sys.stderr)
    print(visible(said(exc, debug=debug)), file=sys.stderr)
    return EXIT_BUG


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
