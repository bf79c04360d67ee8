"""Shared fixtures and Hypothesis profiles.

Profiles: ``dev`` (default, quick), ``ci`` (more examples, set by .ci/run through
HYPOTHESIS_PROFILE=ci). Deadlines are off: building a case validates it whole,
and shared CI machines have noisy timings.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from scenarios import Case, load
from scenarios.cli import main

from .support import EXAMPLE, MINIMAL_YAML, ROOT, Cli, Ran

settings.register_profile("dev", max_examples=50, deadline=None)
settings.register_profile("stress", max_examples=3000, deadline=None)
settings.register_profile(
    "ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture
def root() -> Path:
    """The repository root."""
    return ROOT


@pytest.fixture
def minimal_yaml() -> str:
    """A small valid case as YAML text."""
    return MINIMAL_YAML


@pytest.fixture(scope="session")
def example_case() -> Case:
    """The worked case, loaded once for the whole run (a case is frozen, so sharing is safe)."""
    return load(EXAMPLE)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Cli:
    """Run ``scenarios ARGV...`` in-process; gives the exit code, stdout and stderr."""

    def run(*argv: str) -> Ran:
        capsys.readouterr()  # what came before is not this run's
        code = main(list(argv))
        captured = capsys.readouterr()
        return Ran(code, captured.out, captured.err)

    return run


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
