"""An open catalogue: checks registered in code or installed as plugins, each with its defect,
and the example package of docs/testing.md tested as its users would test it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest
from hypothesis import given, settings

from scenarios import CATALOGUE, CheckInfo, check
from scenarios.checks import CheckContext, Finding, register
from scenarios.checks import _registry as registry
from scenarios.strategies import DEFECTS, DefectiveCase, defective_cases
from tests.support import ROOT

EXAMPLE = ROOT / "examples" / "acme_review"


@pytest.fixture
def registered() -> Iterator[None]:
    """Whatever a test registers is gone afterwards (the registry is the process's)."""
    before = list(registry.REGISTRY)
    yield
    registry.REGISTRY[:] = before


def _lone(data: dict[str, object], texts: dict[str, str]) -> str:
    data["hypotheses"].append({"id": "x-lone", "statement": "Alone."})  # type: ignore[attr-defined]
    return "a hypothesis in no set"


LONE = CheckInfo(
    "XT001",
    "hypothesis-outside-sets",
    "info",
    "A hypothesis belongs to no set.",
    "Put it in a set, or say why it stands alone.",
    defect=_lone,
)


def _outside_sets(context: CheckContext) -> Iterator[Finding]:
    grouped = {h for g in context.case.hypothesis_sets for h in g.hypotheses}
    for i, h in enumerate(context.case.hypotheses):
        if h.id not in grouped:
            yield LONE.finding(f"{h.id!r} is in no set", (h.id,), ("hypotheses", i))


@pytest.mark.usefixtures("registered")
def test_a_check_registered_in_code_joins_everything() -> None:
    register(LONE)(_outside_sets)
    assert LONE in CATALOGUE
    assert DEFECTS["XT001"] is _lone

    @settings(max_examples=10, database=None)
    @given(defective_cases(codes=["XT001"]))
    def found(drawn: DefectiveCase) -> None:
        assert "x-lone" in {f.objects[0] for f in check(drawn.case, select=["XT"])}

    found()


@pytest.mark.parametrize(
    ("info", "message"),
    [
        (CheckInfo("R001", "mine", "info", "S.", "F."), "'R001' is taken by 'duplicate-id'"),
        (CheckInfo("XT002", "duplicate-id", "info", "S.", "F."), "name 'duplicate-id' is taken"),
        (CheckInfo("x1", "mine", "info", "S.", "F."), "capital letters and 3 digits"),
        (CheckInfo("XT003", "Mine", "info", "S.", "F."), "must be kebab-case"),
    ],
)
@pytest.mark.usefixtures("registered")
def test_register_refuses_what_would_clash(info: CheckInfo, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        register(info)
    assert info not in CATALOGUE


@pytest.mark.usefixtures("registered")
def test_a_plugin_that_fails_to_load_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    broken = EntryPoint(name="broken", value="acme_gone.checks", group="scenarios.checks")
    monkeypatch.setattr(registry, "entry_points", lambda group: [broken])
    monkeypatch.setattr(registry, "_plugins_loaded", False)
    with pytest.raises(ImportError, match=r"plugin 'broken' \(acme_gone.checks\) failed to load"):
        registry.load_plugins()


# -- the example package, installed as a user installs it ---------------------------------


def _install(into: Path) -> None:
    """A dist-info with the example's entry points: on sys.path, the package is installed."""
    project = tomllib.loads((EXAMPLE / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    dist = into / f"acme_review-{project['version']}.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {project['name']}\nVersion: {project['version']}\n"
    )
    points = project["entry-points"]["scenarios.checks"]
    (dist / "entry_points.txt").write_text(
        "[scenarios.checks]\n" + "".join(f"{k} = {v}\n" for k, v in points.items())
    )


def test_the_example_package_passes_its_own_tests_with_its_plugin(tmp_path: Path) -> None:
    """The package of docs/testing.md: its check is found through its entry point, and
    its property tests, defect test and state machine pass (a quick profile)."""
    _install(tmp_path)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(EXAMPLE / "src")]),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            str(EXAMPLE / "tests"),
            "-q",
            "-p",
            "no:cacheprovider",
            "--hypothesis-profile=quick",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"\b5 passed\b", done.stdout), done.stdout


def test_the_testing_page_shows_the_example_package_as_it_is() -> None:
    page = (ROOT / "docs" / "testing.md").read_text(encoding="utf-8")
    for name in (
        "pyproject.toml",
        "src/acme_review/__init__.py",
        "src/acme_review/checks.py",
        "tests/conftest.py",
        "tests/test_acme_review.py",
    ):
        text = (EXAMPLE / name).read_text(encoding="utf-8")
        shown = text.split("\n[tool.pytest", 1)[0] if name == "pyproject.toml" else text
        assert shown in page, f"docs/testing.md does not show {name} as it is"
