"""The examples run and say what they should."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_the_python_example_builds_and_analyses_a_case(capsys: pytest.CaptureFixture[str]) -> None:
    assert len((EXAMPLES / "quickstart.py").read_text().splitlines()) < 60
    runpy.run_path(str(EXAMPLES / "quickstart.py"), run_name="__main__")
    out = capsys.readouterr().out.splitlines()
    assert "ACH ranking: 1. control, 2. defy" in out
    # Malik's message and Qaani's visit share a lineage and pull opposite ways; Soufan's
    # B3 item tips it by a few points only: the posteriors cannot assess the question.
    assert "P(defy) = 48%: cannot assess" in out
    assert "Map: 6 edges" in out
