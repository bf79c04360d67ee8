"""Paths and texts the tests share (imported, since decorators need them at import time).

Fixtures live in ``conftest.py``; this module holds only constants.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final, NamedTuple, Protocol

ROOT: Final = Path(__file__).resolve().parent.parent
"""The repository root."""
SEEDS: Final = ROOT.parent / "shared" / "seeds"
"""The shared seed articles the worked case quotes."""
EXAMPLE: Final = ROOT / "examples" / "iran_militias" / "case.yaml"
"""The worked case."""
BRIDGE: Final = ROOT / "examples" / "bridge_collapse" / "case.yaml"
"""The newcomer-sized case of docs/first-case.md."""
CHROMIUM_FLAGS: Final = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]
"""Headless Chromium for the browser tests: no sandbox (CI runs as root), no network."""

MINIMAL_YAML: Final = """\
meta: {title: Demo, as_of: 2021-05-01}
sources:
  - {id: s1, title: First source, reliability: B}
  - {id: s2, title: Copy of the first, derived_from: [s1]}
evidence:
  - id: e1
    claim: Something was said.
    credibility: 2
    quotes: [{source: s1, text: something was said}]
hypotheses:
  - {id: h1, statement: It is so.}
  - {id: h2, statement: It is not so.}
hypothesis_sets:
  - {id: hs, question: Is it so?, hypotheses: [h1, h2], priors: {h1: 0.5, h2: 0.5}}
links:
  - {evidence: e1, hypothesis: h1, rating: C}
  - {evidence: e1, hypothesis: h2, rating: I, relevance: high}
"""
"""A small valid case as YAML text."""


class Ran(NamedTuple):
    """What one run of the command line gave: its exit code, stdout and stderr."""

    code: int
    out: str
    err: str


class Cli(Protocol):
    """The ``cli`` fixture: runs ``scenarios ARGV...`` in-process."""

    def __call__(self, *argv: str) -> Ran: ...
