"""Writing diagrams: DOT as text, SVG, PNG and PDF through Graphviz, always atomically.

Only DOT that this library generated is passed to Graphviz. Large graphs get an
engine and limits that finish: ``dot`` (with its layout effort capped above 800
nodes) up to 2,000 nodes, ``sfdp`` beyond. Every layout runs with a timeout; a
timeout or failure raises `RenderError` with a way forward, and leaves any
earlier file in place.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Final, Literal, TypeAlias

import graphviz

from scenarios.errors import GraphvizNotFoundError, RenderError
from scenarios.io._atomic import write_atomic

__all__ = ["DEFAULT_TIMEOUT", "FORMATS", "OutputFormat", "choose_engine", "render", "write_diagram"]

OutputFormat: TypeAlias = Literal["svg", "png", "pdf", "dot"]
"""What a diagram can be written as."""

FORMATS: Final[dict[str, OutputFormat]] = {
    ".svg": "svg",
    ".png": "png",
    ".pdf": "pdf",
    ".dot": "dot",
    ".gv": "dot",
}
"""File suffixes and the format each means."""

DEFAULT_TIMEOUT: Final = 60.0
"""Seconds a layout may take before it is stopped."""

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
    if suffix not in FORMATS:
        raise ValueError(
            f"cannot tell the format of {path.name!r} from its suffix: name it "
            ".svg, .png, .pdf or .dot, or give the format"
        )
    return FORMATS[suffix]


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
        done = subprocess.run(
            [program, f"-T{fmt}", *options],
            input=source,
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise RenderError(
            f"{chosen} did not finish the layout in {timeout:g} s. Draw less (a focused view: "
            "--focus ID --depth 1, or --set ID), try another engine (--engine sfdp), or allow "
            "more time (--timeout)."
        ) from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip() or f"exit code {done.returncode}"
        raise RenderError(f"{chosen} failed: {message}")
    output: bytes = done.stdout
    return output


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
        ValueError: The format cannot be told from the suffix.
        GraphvizNotFoundError: Graphviz is needed and not installed.
        RenderError: The layout failed or timed out.
    """
    target = Path(path)
    data = render(graph, _format_of(target, fmt), engine=engine, timeout=timeout)
    write_atomic(target, data)
    return target
