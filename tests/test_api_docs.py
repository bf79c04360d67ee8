"""docs/api.md is the truth: every public name is listed there, and every import path the
docs show works and goes through public modules only.

The name tables of docs/api.md are generated from the packages' ``__all__`` and each
object's docstring; ``REGENERATE_API=1 pytest tests/test_api_docs.py`` rewrites them.
"""

from __future__ import annotations

import functools
import importlib
import os
import re
from pathlib import Path

import griffe
import pytest

from tests.support import ROOT
from tests.test_api import PACKAGES

DOCUMENTED = [*PACKAGES, "scenarios.types", "scenarios.errors"]
"""What docs/api.md lists: the public packages and the two public modules of the top level."""

API = ROOT / "docs" / "api.md"
BEGIN, END = "<!-- names:{} -->", "<!-- /names:{} -->"
DOCS = [*sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md"]
DOTTED = re.compile(r"\bscenarios(?:\.[A-Za-z_][A-Za-z0-9_]*)+")
"""A dotted path into the package, as docs write it (`scenarios.io.load`)."""


def summary(package: griffe.Object | griffe.Alias, name: str) -> str:
    """The first line of a public name's docstring, as one table cell."""
    member = package.members[name]
    docstring = member.docstring
    if docstring is None:
        return ""
    first = docstring.value.strip().split("\n\n")[0]
    return " ".join(first.split()).replace("|", "\\|")


@functools.cache
def library() -> griffe.Object | griffe.Alias:
    """The whole package as griffe reads it, loaded once (each load reads every module)."""
    return griffe.load("scenarios", search_paths=[str(ROOT / "src")], resolve_aliases=True)


def table(package: str) -> str:
    """The Markdown table of a package's public names with their one-line summaries."""
    loaded = library()
    for part in package.split(".")[1:]:
        loaded = loaded.members[part]
    names = importlib.import_module(package).__all__
    rows = [f"| `{name}` | {summary(loaded, name)} |" for name in names]
    return "\n".join(["| name | what it is |", "| --- | --- |", *rows])


def expected(text: str) -> str:
    for package in DOCUMENTED:
        begin, end = BEGIN.format(package), END.format(package)
        assert begin in text, f"docs/api.md has no section for {package}"
        assert end in text, f"docs/api.md's section for {package} is not closed"
        head, rest = text.split(begin, 1)
        _, tail = rest.split(end, 1)
        text = f"{head}{begin}\n{table(package)}\n{end}{tail}"
    return text


def test_every_public_name_is_listed_with_its_summary() -> None:
    text = API.read_text(encoding="utf-8")
    want = expected(text)
    if os.environ.get("REGENERATE_API"):
        API.write_text(want, encoding="utf-8")
    assert text == want, (
        "docs/api.md is out of date: REGENERATE_API=1 pytest tests/test_api_docs.py"
    )


def test_every_public_name_has_a_summary() -> None:
    missing = [
        line for line in API.read_text(encoding="utf-8").splitlines() if line.endswith("|  |")
    ]
    assert not missing, missing


def resolves(path: str) -> bool:
    """Whether a dotted path names a module, or an attribute of one, in public modules only."""
    parts = path.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            value: object = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        for part in parts[cut:]:
            if not hasattr(value, part):
                return False
            value = getattr(value, part)
        return True
    return False


@pytest.mark.parametrize("page", DOCS, ids=lambda p: p.name)
def test_every_dotted_path_in_the_docs_works_and_is_public(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    # Pages about the implementation itself may name private modules.
    internal = page.name in {"security.md", "performance.md", "contributing.md"}
    for path in sorted(set(DOTTED.findall(text))):
        assert resolves(path), f"{page.name}: {path} does not import"
        if not internal:
            private = [p for p in path.split(".") if p.startswith("_") and not p.startswith("__")]
            assert not private, f"{page.name}: {path} goes through a private name"
