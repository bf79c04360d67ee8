"""Writing diagrams: DOT as text, SVG, PNG and PDF through Graphviz, always atomically.

Only DOT that this library generated is passed to Graphviz. Large graphs get an
engine and limits that finish: ``dot`` (with its layout effort capped above 800
nodes) up to 2,000 nodes, ``sfdp`` beyond. Every layout runs with a timeout; a
timeout or failure raises `RenderError` with a way forward, and leaves any
earlier file in place. The Graphviz process never outlives the layout: it runs in a
process group of its own, killed on a timeout, Ctrl-C or any exception, and on Linux
it dies with this process even when that is killed with ``kill -9``.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Final, Literal, TypeAlias

import graphviz

from scenarios.errors import GraphvizNotFoundError, OptionError, RenderError
from scenarios.io import write_atomic

__all__ = [
    "DEFAULT_TIMEOUT",
    "DIAGRAM_SUFFIXES",
    "OutputFormat",
    "choose_engine",
    "layout_size",
    "render",
    "write_diagram",
]

OutputFormat: TypeAlias = Literal["svg", "png", "pdf", "dot"]
"""What a diagram can be written as."""

DIAGRAM_SUFFIXES: Final[dict[str, OutputFormat]] = {
    ".svg": "svg",
    ".png": "png",
    ".pdf": "pdf",
    ".dot": "dot",
    ".gv": "dot",
}
"""File suffixes and the format each means."""

DEFAULT_TIMEOUT: Final = 60.0
"""Seconds a layout may take before it is stopped."""

_PR_SET_PDEATHSIG: Final = 1  # from <sys/prctl.h>

_NODE: Final = re.compile(r"^\t\w+(?: \[.*)?$", re.MULTILINE)  # a node, not an edge


def choose_engine(graph: graphviz.Digraph) -> tuple[str, list[str]]:
    """The Graphviz engine and options for a graph of this size.

    ``dot`` needs 2.6 s for 1,000 nodes and 16 s for 2,000 on the reference
    machine, and does not finish 5,000 in ten minutes; ``sfdp`` lays out 5,000
    in 16 s. So: ``dot`` up to 800 nodes, ``dot`` with capped network-simplex and
    crossing-minimisation effort up to 2,000, ``sfdp`` beyond.

    Examples:
        >>> choose_engine(graphviz.Digraph())
        ('dot', [])
    """
    nodes = len(_NODE.findall(graph.source))
    if nodes <= 800:
        return "dot", []
    if nodes <= 2_000:
        return "dot", ["-Gnslimit=2", "-Gnslimit1=2", "-Gmclimit=0.5"]
    return "sfdp", ["-Goverlap=prism", "-Gsplines=false", "-Goutputorder=edgesfirst"]


def _format_of(path: Path, fmt: OutputFormat | None) -> OutputFormat:
    if fmt is not None:
        return fmt
    suffix = path.suffix.lower()
    if suffix not in DIAGRAM_SUFFIXES:
        raise OptionError(
            f"cannot tell the format of {path.name!r} from its suffix",
            hint="name it .svg, .png, .pdf or .dot, or give the format",
        )
    return DIAGRAM_SUFFIXES[suffix]


def render(
    graph: graphviz.Digraph,
    fmt: OutputFormat,
    *,
    engine: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> bytes:
    """Lay out `graph` and return the bytes in format `fmt` (``dot``: the source, as is).

    Raises:
        GraphvizNotFoundError: The engine program is not installed.
        RenderError: Graphviz failed, or took longer than `timeout` seconds.
    """
    source: bytes = graph.source.encode("utf-8")
    if fmt == "dot":
        return source
    chosen, options = (engine, []) if engine else choose_engine(graph)
    program = shutil.which(chosen)
    if program is None:
        raise GraphvizNotFoundError(
            f"Graphviz's {chosen!r} program is not installed, so {fmt.upper()} cannot be made. "
            "Install Graphviz (Debian/Ubuntu: sudo apt-get install graphviz; macOS: brew "
            "install graphviz), or write .dot and lay it out elsewhere."
        )
    try:
        returncode, output, errors = _layout([program, f"-T{fmt}", *options], source, timeout)
    except subprocess.TimeoutExpired:
        # sfdp is the fastest engine for large graphs: after it, only less or longer helps
        engine_hint = "" if chosen == "sfdp" else "try the faster engine (--engine sfdp), "
        raise RenderError(
            f"{chosen} did not finish the layout in {timeout:g} s. Draw less (a focused view: "
            f"--focus ID --depth 1, or --set ID), {engine_hint}or allow more time (--timeout)."
        ) from None
    if returncode != 0:
        message = errors.decode("utf-8", "replace").strip() or f"exit code {returncode}"
        raise RenderError(f"{chosen} failed: {message}")
    return output


def layout_size(
    graph: graphviz.Digraph, *, timeout: float = DEFAULT_TIMEOUT
) -> tuple[float, float]:
    """The width and height (inches) of `graph` laid out by ``dot``, run as `render` runs it.

    Raises:
        GraphvizNotFoundError: ``dot`` is not installed.
        RenderError: It failed, or took longer than `timeout` seconds.
    """
    program = shutil.which("dot")
    if program is None:
        raise GraphvizNotFoundError("Graphviz's 'dot' program is not installed")
    try:
        returncode, output, errors = _layout(
            [program, "-Tplain"], graph.source.encode("utf-8"), timeout
        )
    except subprocess.TimeoutExpired:
        raise RenderError(f"dot did not finish the layout in {timeout:g} s") from None
    if returncode != 0:
        raise RenderError(f"dot failed: {errors.decode('utf-8', 'replace').strip()}")
    _, _, width, height = output.decode("utf-8", "replace").split("\n", 1)[0].split()[:4]
    return float(width), float(height)


def _layout(command: list[str], source: bytes, timeout: float) -> tuple[int, bytes, bytes]:
    """Run a layout program: exit code, stdout and stderr; it never outlives the call.

    The program runs in a process group of its own, which is killed on any way out of
    this call: a timeout, Ctrl-C, or a signal turned into an exception. On Linux it is
    also asked (``prctl(PR_SET_PDEATHSIG)``) to be killed when this process dies, even
    by ``kill -9``, which no cleanup code can catch.

    Raises:
        subprocess.TimeoutExpired: It took longer than `timeout` seconds (it is killed).
    """
    process = subprocess.Popen(
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own group: killed as one, spared the terminal's Ctrl-C
        preexec_fn=_die_with_parent(),  # noqa: PLW1509 - only prctl, resolved before the fork
    )
    try:
        output, errors = process.communicate(source, timeout=timeout)
    except BaseException:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
        process.kill()
        process.communicate()
        raise
    return process.returncode, output, errors


def _die_with_parent() -> Callable[[], None] | None:
    """A pre-exec hook asking Linux to kill the child when its parent dies (None elsewhere)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl  # resolved here: not after the fork
    except (OSError, AttributeError):  # pragma: no cover - a libc without prctl
        return None
    parent = os.getpid()

    def hook() -> None:
        prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:  # the parent died before prctl took effect
            os._exit(1)

    return hook


def write_diagram(
    graph: graphviz.Digraph,
    path: str | os.PathLike[str],
    *,
    fmt: OutputFormat | None = None,
    engine: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> Path:
    """Render `graph` to `path` atomically, in the format its suffix names (or `fmt`).

    Nothing is written if the layout fails; an earlier file at `path` stays as
    it was; no stray ``.gv`` file is left behind.

    Raises:
        OptionError: The format cannot be told from the suffix.
        GraphvizNotFoundError: Graphviz is needed and not installed.
        RenderError: The layout failed or timed out.
    """
    target = Path(path)
    data = render(graph, _format_of(target, fmt), engine=engine, timeout=timeout)
    write_atomic(target, data)
    return target
