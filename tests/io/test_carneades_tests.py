"""A Carneades file's misspelt key is an error, and a `tests:` section that fails is said."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import Cli

GRAPH = """\
meta: {title: A Carneades graph}
statements: {a: A, b: B}
assumptions: [b]
arguments:
  a1: {conclusion: a, premises: [b]%s}
tests:
  %s
"""


def _write(tmp_path: Path, extra: str = "", tests: str = "in: [a, b]") -> Path:
    path = tmp_path / "graph.yaml"
    path.write_text(GRAPH % (extra, tests), encoding="utf-8")
    return path


def test_passing_tests_exit_0(cli: Cli, tmp_path: Path) -> None:
    code, out, err = cli("evaluate", str(_write(tmp_path, ", weight: 0.5")))
    assert (code, err) == (0, "")
    assert out.startswith("a: in: supported by a1")


def test_a_misspelt_argument_key_is_an_error(cli: Cli, tmp_path: Path) -> None:
    # Before: `wieght: 0.5` was dropped without a word.
    code, out, err = cli("evaluate", str(_write(tmp_path, ", wieght: 0.5")))
    assert (code, out) == (2, "")
    assert f"{tmp_path / 'graph.yaml'}:5:" in err
    assert "arguments.a1.wieght: unknown field 'wieght' of argument 'a1'" in err
    assert "hint: did you mean 'weight'?" in err


def test_a_failing_test_is_reported_and_exits_1(cli: Cli, tmp_path: Path) -> None:
    path = _write(tmp_path, tests="{in: [b], out: [a]}")
    code, out, err = cli("evaluate", str(path))
    # Before: the tests were read and ignored; exit 0.
    assert code == 1
    assert out.startswith("a: in: ")
    assert err.splitlines() == [
        f"{path}: tests: 'a' is in, expected out",
        f"{path}: 1 of 2 tests failed",
    ]


@pytest.mark.parametrize("tests", ["out: [zzz]", "{in: [a], undecided: [b, c]}"])
def test_a_test_naming_no_statement_is_an_error(cli: Cli, tmp_path: Path, tests: str) -> None:
    code, _, err = cli("evaluate", str(_write(tmp_path, tests=tests)))
    assert code == 2
    assert "which is not a statement" in err
