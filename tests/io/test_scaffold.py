"""`scenarios new`: a case folder that checks clean, quotes verified, schema beside it."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from scenarios.checks import check_file
from scenarios.cli import main
from scenarios.errors import OptionError
from scenarios.io import new_case


def test_a_new_case_checks_clean_with_every_quote_found(tmp_path: Path) -> None:
    folder = tmp_path / "ferry"
    out = io.StringIO()
    assert main(["new", str(folder)], out=out) == 0
    assert f"scenarios check {folder / 'case.yaml'}" in out.getvalue()
    report = check_file(folder / "case.yaml")
    assert report.findings == ()  # no finding at all: every quote anchors in texts/
    first = (folder / "case.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=case.schema.json"
    schema = json.loads((folder / "case.schema.json").read_text(encoding="utf-8"))
    assert schema["required"] == ["meta"]


def test_a_new_case_renders(tmp_path: Path) -> None:
    new_case(tmp_path / "ferry")
    target = tmp_path / "ferry" / "map.dot"
    argv = ["render", str(tmp_path / "ferry" / "case.yaml"), "-o", str(target)]
    assert main(argv, out=io.StringIO()) == 0
    assert "The ferry stopped because its engine failed." in target.read_text(encoding="utf-8")


def test_nothing_is_written_over_an_existing_folder(tmp_path: Path) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(OptionError, match="not an empty folder"):
        new_case(tmp_path / "mine")
    assert sorted(p.name for p in (tmp_path / "mine").iterdir()) == ["notes.txt"]
    assert main(["new", str(tmp_path / "mine")], out=io.StringIO()) == 2
    (tmp_path / "empty").mkdir()
    assert new_case(tmp_path / "empty")[-1] == tmp_path / "empty" / "case.yaml"
