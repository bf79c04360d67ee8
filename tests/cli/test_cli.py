"""The command line: exit codes, output formats, and no tracebacks for user errors."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from scenarios import __version__, load
from scenarios.io import schema_text
from tests.support import ROOT, Cli


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


def test_clean_case_exits_0(cli: Cli, good: Path) -> None:
    # One item from one source moves the set's posteriors far: V008 says so (a warning),
    # which is not what these tests are about.
    code, out, _ = cli("check", str(good), "--ignore", "V008")
    assert code == 0
    assert out.splitlines() == [
        f"{good}:3:5: Q004 [info] 1 quote of source 's1' unverified: "
        "no text_path declared (citation only)",
        "  hint: Give the source a text_path, or pass the folder of texts with --sources.",
        f"{good}: 1 info",
    ]
    assert cli("check", str(good), "--ignore", "Q004,V008")[:2] == (0, f"{good}: no findings\n")


def test_findings_exit_1_with_positions(cli: Cli, broken: Path) -> None:
    code, out, _ = cli("check", str(broken))
    assert code == 1
    assert out.splitlines() == [
        f"{broken}:2:43: R001 [error] hypotheses[1].id: id 'h1' is already used by hypotheses[0]",
        "  hint: ids must be unique across the whole case: rename one of them",
        f"{broken}:3:20: R002 [error] links[0].evidence: names 'e1', but no evidence item has that id",
        "  hint: declare an evidence item 'e1'",
        f"{broken}: 2 errors",
    ]


def test_json_format(cli: Cli, broken: Path) -> None:
    code, out, _ = cli("check", str(broken), "--format", "json")
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


def test_select_and_ignore(cli: Cli, broken: Path) -> None:
    code, out, _ = cli("check", str(broken), "--ignore", "R001", "--format", "json")
    assert (code, [r["code"] for r in json.loads(out)]) == (1, ["R002"])
    code, out, _ = cli("check", str(broken), "--select", "R001,R003", "--format", "json")
    assert [r["code"] for r in json.loads(out)] == ["R001"]
    code, _, _ = cli("check", str(broken), "--select", "Q")
    assert code == 0


def test_unreadable_input_exits_2_on_stderr(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("meta: {title: x}\nsources: [{id: 0123, title: t}]\n")
    code, out, err = cli("check", str(path))
    assert (code, out) == (2, "")
    assert (
        f'{path}:2:16: sources[0].id: expected text, got int 123\n  hint: quote it: "0123"' in err
    )
    assert "Traceback" not in err


def test_missing_file_exits_2(cli: Cli) -> None:
    ran = cli("check", "nowhere.yaml")
    assert ran.code == 2
    assert "nowhere.yaml: file not found" in ran.err


@pytest.mark.parametrize(
    "argv", [[], ["check"], ["frobnicate"], ["check", "a.yaml", "--format", "xml"]]
)
def test_usage_errors_exit_2(cli: Cli, argv: list[str]) -> None:
    ran = cli(*argv)
    assert ran.code == 2
    assert "hint: scenarios" in ran.err


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["check", "--help"],
        ["anchor", "--help"],
        ["provenance", "--help"],
        ["schema", "--help"],
        ["futures", "--help"],
        ["morph", "--help"],
        ["timeline", "--help"],
    ],
)
def test_help_on_every_command(cli: Cli, argv: list[str]) -> None:
    ran = cli(*argv)
    assert ran.code == 0
    assert "usage: scenarios" in ran.out


def test_version(cli: Cli) -> None:
    ran = cli("--version")
    assert ran.code == 0
    assert ran.out == f"scenarios {__version__}\n"


def test_schema_prints_and_writes(cli: Cli, tmp_path: Path) -> None:
    assert cli("schema")[:2] == (0, schema_text())
    target = tmp_path / "s.json"
    assert cli("schema", "-o", str(target))[:2] == (0, "")
    assert target.read_text() == schema_text()
    assert cli("schema", "-o", str(tmp_path / "no" / "such" / "dir.json")).code == 2


def test_module_entry_point_runs(good: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "scenarios",
            "check",
            str(good),
            "--format",
            "json",
            "--ignore",
            "V008",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert [row["code"] for row in json.loads(done.stdout)] == ["Q004"]


def test_check_with_sources_anchors_quotes(cli: Cli, tmp_path: Path, minimal_yaml: str) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(minimal_yaml)
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "s1.txt").write_text("Yesterday something was said, plainly.")
    assert cli("check", str(case), "--sources", str(texts), "--ignore", "V008")[:2] == (
        0,
        f"{case}: no findings\n",
    )
    (texts / "s1.txt").write_text("Yesterday nothing was said.")
    code, out, _ = cli(
        "check", str(case), "--sources", str(texts), "--format", "json", "--ignore", "V008"
    )
    assert code == 1
    assert [(r["code"], r["location"]["line"]) for r in json.loads(out)] == [("Q001", 9)]


def test_check_with_a_missing_sources_folder_exits_2(cli: Cli, good: Path) -> None:
    ran = cli("check", str(good), "--sources", "/nonexistent/texts")
    assert ran.code == 2
    err = ran.err
    assert "sources folder not found: /nonexistent/texts" in err
    assert "hint: pass an existing folder to --sources" in err


def test_anchor_records_spans_and_digests(
    cli: Cli, tmp_path: Path, root: Path, minimal_yaml: str
) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(minimal_yaml)
    (tmp_path / "s1.txt").write_text("Yesterday something was said, plainly.")
    out_file = tmp_path / "anchored.yaml"
    assert cli("anchor", str(case), "--sources", str(tmp_path), "-o", str(out_file))[:2] == (
        0,
        f"{out_file}: 1 anchored, 0 ambiguous, 0 not-found, 0 unverified\n",
    )
    anchored = load(out_file)
    span = anchored.evidence[0].quotes[0].span
    assert span is not None
    assert (span.start, span.end) == (10, 28)
    assert (
        anchored.sources[0].sha256
        == hashlib.sha256(b"Yesterday something was said, plainly.").hexdigest()
    )
    assert out_file.read_text().splitlines()[0] == (
        "# yaml-language-server: $schema=https://scenarios.invalid/schema/case.schema.json"
    )
    (tmp_path / "s1.txt").write_text("Nothing.")
    assert cli("anchor", str(out_file), "--sources", str(tmp_path), "--in-place").code == 1


def test_provenance_lists_sources_actors_and_grades(
    cli: Cli, tmp_path: Path, minimal_yaml: str
) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(minimal_yaml)
    (tmp_path / "s1.txt").write_text("Yesterday something was said, plainly.")
    code, out, _ = cli("provenance", str(case), "--sources", str(tmp_path))
    assert code == 0
    assert out.splitlines()[:5] == [
        "Sources (2)",
        f"  s1: B (usually reliable); lineage s1; text read from {tmp_path / 's1.txt'}; "
        "1 of 1 quote found",
        "    First source",
        "  s2: F (reliability cannot be judged); lineage s1, from s1; text none; "
        "0 of 0 quotes found",
        "    Copy of the first",
    ]
    assert "  B2 e1: sources s1; lineage s1" in out.splitlines()
    code, out, _ = cli("provenance", str(case), "--format", "json")
    data = json.loads(out)
    assert data["evidence"] == [{"id": "e1", "grade": "B2", "sources": ["s1"], "lineages": ["s1"]}]
    assert [s["text"] for s in data["sources"]] == ["none", "none"]


def test_an_unknown_check_code_exits_2(cli: Cli, good: Path) -> None:
    # Before: "no findings", exit 0.
    ran = cli("check", str(good), "--select", "XYZ999")
    assert ran[:2] == (2, "")
    err = ran.err
    assert "scenarios: error: select: no check has the code 'XYZ999'" in err
    assert "Traceback" not in err


def test_bayes_refuses_priors_the_checks_call_errors(
    cli: Cli, tmp_path: Path, minimal_yaml: str
) -> None:
    path = tmp_path / "zero.yaml"
    path.write_text(minimal_yaml.replace("priors: {h1: 0.5, h2: 0.5}", "priors: {h1: 0, h2: 0}"))
    # Before: 0/0 was printed as "roughly even chance".
    ran = cli("bayes", str(path))
    assert ran[:2] == (2, "")
    err = ran.err
    assert "set 'hs' gives every hypothesis a prior of 0" in err
    assert "hint: " in err
    code, out, _ = cli("check", str(path), "--select", "H003")
    assert code == 1
    assert "H003 [error] set 'hs' gives every hypothesis a prior of 0" in out
    code, out, _ = cli("analyse", str(path), "--format", "json")
    assert code == 0
    assert "a prior of 0" in json.loads(out)["sets"][0]["missing"]["posteriors"]


def test_an_internal_error_is_a_bug_exit_3(
    cli: Cli, good: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import scenarios.cli._hypotheses as hypotheses

    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("a bug\nover two lines")

    # Before: any ValueError was shown as the user's problem ("fix the priors"), exit 2.
    monkeypatch.setattr(hypotheses, "posteriors", broken)
    ran = cli("bayes", str(good))
    assert ran[:2] == (3, "")
    err = ran.err
    assert err.splitlines() == [
        f"scenarios: internal error: ValueError: a bug over two lines; this is a bug in "
        f"scenarios {__version__}, please report it with the command (rerun with --debug "
        "for the traceback)"
    ]
    for argv in (["--debug", "bayes", str(good)], ["bayes", str(good), "--debug"]):
        ran = cli(*argv)
        assert ran[:2] == (3, "")
        err = ran.err
        assert err.startswith("Traceback (most recent call last):")
        assert err.splitlines()[-1].startswith("scenarios: internal error: ValueError: a bug")


def test_the_cli_is_thin_and_imports_only_public_names() -> None:
    import ast

    folder = ROOT / "src" / "scenarios" / "cli"
    private = []
    for path in sorted(folder.glob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert len(text.splitlines()) < 350, path.name
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.ImportFrom) and node.module:
                own = node.module.startswith("scenarios.cli")
                parts = node.module.split(".")[1:] if not own else []
                names = [a.name for a in node.names if not own]
                private += [f"{path.name}: {node.module}" for part in parts if part.startswith("_")]
                private += [
                    f"{path.name}: {name}"
                    for name in names
                    if name.startswith("_") and not name.startswith("__")
                ]
    assert private == []


def test_a_dangling_reference_fails_the_check(cli: Cli, tmp_path: Path, minimal_yaml: str) -> None:
    # The example of docs/contributing.md, kept true here.
    case = tmp_path / "case.yaml"
    case.write_text(minimal_yaml.replace("hypothesis: h1, rating: C", "hypothesis: h9, rating: C"))
    ran = cli("check", str(case))
    assert ran.code == 1
    assert "R002 [error]" in ran.out
    assert ran.err == ""
