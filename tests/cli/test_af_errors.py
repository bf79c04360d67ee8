"""`scenarios af` on a framework that names an undeclared argument: a located error, exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import Cli


@pytest.mark.parametrize(
    ("name", "text", "where"),
    [
        ("x.apx", "arg(a).\natt(a,b).\n", (2, "hint: declare it: arg(b).")),
        ("x.tgf", "a\n#\na b\n", (3, "hint: declare it: a line 'b' before the '#'")),
        ("x.i23", "p af 2\n1 3\n", (2, "hint: arguments are numbered 1 to 2")),
    ],
    ids=["apx", "tgf", "i23"],
)
def test_an_undeclared_argument_is_located(
    cli: Cli, tmp_path: Path, name: str, text: str, where: tuple[int, str]
) -> None:
    line, told = where
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    argv = ["af", "-p", "EE-PR", "-f", str(path)]
    if name.endswith(".i23"):
        argv += ["-fo", "i23"]
    code, out, err = cli(*argv)
    # Before: apx and tgf gave a Python traceback and exit 1.
    assert (code, out) == (2, "")
    assert err.startswith(f"{path}:{line}:1: ")
    assert told in err
    assert "Traceback" not in err
