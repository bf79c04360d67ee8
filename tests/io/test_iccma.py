"""ICCMA formats (apx, tgf, i23) and the solver interface `scenarios af`."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scenarios.errors import CaseFileError
from scenarios.io import parse_iccma, read_iccma, write_iccma
from tests.support import Cli


@st.composite
def named_frameworks(draw: st.DrawFn) -> tuple[list[str], list[tuple[str, str]]]:
    names = draw(
        st.lists(st.from_regex(r"\A[a-z][a-z0-9_]{0,5}\Z"), min_size=1, max_size=8, unique=True)
    )
    attacks = draw(
        st.lists(
            st.tuples(st.sampled_from(names), st.sampled_from(names)), unique=True, max_size=12
        )
    )
    return names, attacks


@pytest.mark.parametrize("fmt", ["apx", "tgf"])
@given(framework=named_frameworks())
def test_named_formats_round_trip(
    fmt: str, framework: tuple[list[str], list[tuple[str, str]]]
) -> None:
    names, attacks = framework
    assert parse_iccma(write_iccma(names, attacks, fmt), fmt) == (names, attacks)  # type: ignore[arg-type]


@given(named_frameworks())
def test_i23_numbers_arguments_in_order(framework: tuple[list[str], list[tuple[str, str]]]) -> None:
    names, attacks = framework
    arguments, numbered = parse_iccma(write_iccma(names, attacks, "i23"), "i23")
    assert arguments == list(range(1, len(names) + 1))
    assert numbered == [(names.index(a) + 1, names.index(b) + 1) for a, b in attacks]


@pytest.mark.parametrize(
    ("text", "fmt", "message"),
    [
        ("arg(a).\natt(a,b\n", "apx", "<string>:2:1: not an apx fact: 'att(a,b'"),
        ("a\nb c\n", "tgf", "<string>:2:1: expected one argument name, got 'b c'"),
        ("a\n#\na\n", "tgf", "<string>:3:1: expected an attack 'a b', got 'a'"),
        ("1 2\n", "i23", "<string>:1:1: expected 'p af N' first, got '1 2'"),
        ("p af 2\n1 3\n", "i23", "<string>:2:1: attack 1 3 names an argument outside 1..2"),
        ("# only a comment\n", "i23", "no 'p af N' line"),
    ],
)
def test_malformed_files_say_where(text: str, fmt: str, message: str) -> None:
    with pytest.raises(CaseFileError) as caught:
        parse_iccma(text, fmt)  # type: ignore[arg-type]
    assert message in str(caught.value)


def test_read_checks_suffix_and_path(tmp_path: Path) -> None:
    with pytest.raises(CaseFileError, match="unknown argumentation format 'txt'"):
        read_iccma(tmp_path / "af.txt")
    with pytest.raises(CaseFileError, match="file not found"):
        read_iccma(tmp_path / "af.apx")


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    # a <-> b, b -> c: preferred {a, c} and {b}; grounded empty
    apx = tmp_path / "af.apx"
    apx.write_text("arg(a).\narg(b).\narg(c).\natt(a,b).\natt(b,a).\natt(b,c).\n")
    i23 = tmp_path / "af.i23"
    i23.write_text("p af 3\n1 2\n2 1\n2 3\n")
    return {"apx": apx, "i23": i23}


def test_solver_interface_2021_dialect(cli: Cli, files: dict[str, Path]) -> None:
    apx = str(files["apx"])
    assert cli("af", "-p", "EE-PR", "-f", apx)[:2] == (0, "[[a,c],[b]]\n")
    assert cli("af", "-p", "SE-GR", "-f", apx)[:2] == (0, "[]\n")
    assert cli("af", "-p", "DC-PR", "-f", apx, "-a", "c")[:2] == (0, "YES\n")
    assert cli("af", "-p", "DS-PR", "-f", apx, "-a", "c")[:2] == (0, "NO\n")
    assert cli("af", "-p", "CE-CO", "-f", apx)[:2] == (0, "3\n")
    assert cli("af", "-p", "EE-ST", "-f", apx)[:2] == (0, "[[a,c],[b]]\n")


def test_solver_interface_2023_dialect(cli: Cli, files: dict[str, Path]) -> None:
    i23 = str(files["i23"])
    assert cli("af", "-p", "DC-PR", "-f", i23, "-a", "3")[:2] == (0, "YES\nw 1 3\n")
    assert cli("af", "-p", "DS-PR", "-f", i23, "-a", "3")[:2] == (0, "NO\nw 2\n")
    assert cli("af", "-p", "SE-PR", "-f", i23)[1] in ("w 1 3\n", "w 2\n")


def test_solver_interface_lists_and_refuses(cli: Cli, files: dict[str, Path]) -> None:
    assert cli("af", "--formats")[:2] == (0, "[apx,tgf,i23]\n")
    assert cli("af", "--problems")[1].startswith("[DC-CO,DC-GR,DC-PR,DC-ST,DS-CO")
    assert cli("af", "-p", "XX-PR", "-f", str(files["apx"])).code == 2
    ran = cli("af", "-p", "DC-PR", "-f", str(files["apx"]))
    assert ran.code == 2
    assert "DC needs an argument: -a NAME" in ran.err
    assert cli("af", "-p", "DC-PR", "-f", str(files["apx"]), "-a", "zz").code == 2
