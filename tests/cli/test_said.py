"""One wording for errors: the command line and `scenarios serve`'s page say the same."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

import scenarios.cli._outputs as outputs
import scenarios.cli._serve as serve
from scenarios import __version__
from tests.support import Cli


@pytest.mark.parametrize(
    "error",
    [ValueError("a bug\nover two lines"), OSError(13, "Permission denied")],
    ids=["bug", "refused"],
)
def test_the_served_page_says_what_the_command_line_prints(
    cli: Cli, tmp_path: Path, minimal_yaml: str, monkeypatch: pytest.MonkeyPatch, error: Exception
) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(minimal_yaml, encoding="utf-8")

    def broken(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr(outputs, "report_page", broken)
    monkeypatch.setattr(serve, "report_page", broken)
    _, err = cli("report", str(case), "-o", str(tmp_path / "r.html"))[1:]
    preview = serve.Preview(str(case), timeout=5)
    preview.rebuild()
    page = html.unescape(preview.page[1])
    # Before: serve wrote its own copy of the wording, which had drifted ("this is a bug
    # in scenarios", without the version the command line gives).
    said = err.strip().removesuffix(" (rerun with --debug for the traceback)")
    assert said in page
    if isinstance(error, ValueError):
        assert f"this is a bug in scenarios {__version__}, please report it" in page
