"""Shared fixtures and Hypothesis profiles.

Profiles: ``dev`` (default, quick), ``ci`` (more examples, set by .ci/run through
HYPOTHESIS_PROFILE=ci). Deadlines are off: building a case validates it whole,
and shared CI machines have noisy timings.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=50, deadline=None)
settings.register_profile("stress", max_examples=3000, deadline=None)
settings.register_profile(
    "ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
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


@pytest.fixture
def root() -> Path:
    """The repository root."""
    return ROOT


MINIMAL_YAML = """\
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


@pytest.fixture
def minimal_yaml() -> str:
    """A small valid case as YAML text."""
    return MINIMAL_YAML


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked `graphviz` or `browser` need those programs (scripts/setup installs both)."""
    import shutil

    missing = {
        "graphviz": ("dot", "Graphviz `dot` is not installed (apt-get install graphviz)"),
        "browser": ("chromium", "Chromium is not installed (apt-get install chromium)"),
    }
    for marker, (program, reason) in missing.items():
        if shutil.which(program) is None:
            for item in items:
                if marker in item.keywords:
                    item.add_marker(pytest.mark.skip(reason=reason))
