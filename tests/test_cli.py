"""The command line: exit codes, output formats, and no tracebacks for user errors."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from scenarios import __version__
from scenarios.cli import main
from scenarios.io import schema_text


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


@pytest.fixture
def good(tmp_path: Path, minimal_yaml: str) -> Path:
    path = tmp_path / "good.yaml"
    path.write_text(minimal_yaml)
    return path


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    path = tmp_path / "broken.yaml"
    path.write_text(
        "meta: {title: x}\n"
        "hypotheses: [{id: h1, statement: s}, {id: h1, statement: t}]\n"
        "links: [{evidence: e1, hypothesis: h1, rating: C}]\n"
    )
    return path


def test_clean_case_exits_0(good: Path) -> None:
    assert run("check", str(good)) == (0, f"{good}: no findings\n")


def test_findings_exit_1_with_positions(broken: Path) -> None:
    code, out = run("check", str(broken))
    assert code == 1
    assert out.splitlines() == [
        f"{broken}:2:43: R001 [error] hypotheses[1].id: id 'h1' is already used by hypotheses[0]",
        "  hint: ids must be unique across the whole case: rename one of them",
        f"{broken}:3:20: R002 [error] links[0].evidence: names 'e1', but no evidence has that id",
        "  hint: declare an evidence 'e1'",
        f"{broken}: 2 errors",
    ]


def test_json_format(broken: Path) -> None:
    code, out = run("check", str(broken), "--format", "json")
    rows = json.loads(out)
    assert code == 1
    assert [row["code"] for row in rows] == ["R001", "R002"]
    assert rows[0]["location"] == {
        "file": str(broken),
        "line": 2,
        "column": 43,
        "path": "hypotheses[1].id",
    }
    assert rows[0]["objects"] == ["h1"]


def test_select_and_ignore(broken: Path) -> None:
    code, out = run("check", str(broken), "--ignore", "R001", "--format", "json")
    assert (code, [r["code"] for r in json.loads(out)]) == (1, ["R002"])
    code, out = run("check", str(broken), "--select", "R001,R003", "--format", "json")
    assert [r["code"] for r in json.loads(out)] == ["R001"]
    code, _ = run("check", str(broken), "--select", "Q")
    assert code == 0


def test_unreadable_input_exits_2_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("meta: {title: x}\nsources: [{id: 0123, title: t}]\n")
    code, out = run("check", str(path))
    err = capsys.readouterr().err
    assert (code, out) == (2, "")
    assert (
        f'{path}:2:16: sources[0].id: expected text, got int 123\n  hint: quote it: "0123"' in err
    )
    assert "Traceback" not in err


def test_missing_file_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("check", "nowhere.yaml")[0] == 2
    assert "nowhere.yaml: file not found" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv", [[], ["check"], ["frobnicate"], ["check", "a.yaml", "--format", "xml"]]
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert run(*argv)[0] == 2
    assert "hint: scenarios" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["--help"], ["check", "--help"], ["schema", "--help"]])
def test_help_on_every_command(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert run(*argv)[0] == 0
    assert "usage: scenarios" in capsys.readouterr().out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("--version")[0] == 0
    assert capsys.readouterr().out == f"scenarios {__version__}\n"


def test_schema_prints_and_writes(tmp_path: Path) -> None:
    assert run("schema") == (0, schema_text())
    target = tmp_path / "s.json"
    assert run("schema", "-o", str(target)) == (0, "")
    assert target.read_text() == schema_text()
    assert run("schema", "-o", str(tmp_path / "no" / "such" / "dir.json"))[0] == 2


def test_module_entry_point_runs(good: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "scenarios", "check", str(good), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "[]\n", "")
