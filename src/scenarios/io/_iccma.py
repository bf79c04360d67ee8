r"""Abstract argumentation files in the ICCMA formats: apx, tgf and i23.

- **apx** (ASPARTIX): facts ``arg(a).`` and ``att(a,b).``, one per line; ``%`` starts a
  comment.
- **tgf** (Trivial Graph Format): argument names one per line, a line ``#``, then
  attacks as ``a b`` per line.
- **i23** (ICCMA 2023): a first line ``p af N`` (arguments are 1..N), then one attack
  ``i j`` per line; lines starting with ``#`` are comments.

Reading reports the file, the line and what is wrong; writing gives canonical text.
An `Answer` to a task prints as ICCMA solvers print it: the 2023 dialect for i23 files
(``w a b c`` lines, a witness after YES for DC and a counterexample after NO for DS),
the 2021 dialect for apx and tgf (``[a,b,c]``).

Examples:
    >>> arguments, attacks = parse_iccma("p af 3\n1 2\n# a comment\n2 3\n", "i23")
    >>> arguments, attacks
    ([1, 2, 3], [(1, 2), (2, 3)])
    >>> print(write_iccma(["a", "b"], [("a", "b")], "apx"), end="")
    arg(a).
    arg(b).
    att(a,b).
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Literal, TypeAlias

from scenarios.errors import CaseFileError
from scenarios.io._files import read_text

__all__ = [
    "ICCMA_FORMATS",
    "PROBLEMS",
    "Answer",
    "IccmaFormat",
    "Problem",
    "iccma_format_of",
    "parse_iccma",
    "read_iccma",
    "write_iccma",
]

IccmaFormat: TypeAlias = Literal["apx", "tgf", "i23"]
"""An ICCMA file format."""

ICCMA_FORMATS: Final[tuple[IccmaFormat, ...]] = ("apx", "tgf", "i23")
"""The ICCMA file formats, in the order `--help` lists them."""

Problem: TypeAlias = Literal["DC", "DS", "SE", "EE", "CE"]
"""An ICCMA problem: decide credulous or sceptical acceptance, find some or every
extension, count the extensions."""

PROBLEMS: Final[tuple[Problem, ...]] = ("DC", "DS", "SE", "EE", "CE")
"""Every ICCMA problem, in the order `--help` lists them."""

_NAME: Final = r"[A-Za-z0-9_]+"
_ARG: Final = re.compile(rf"^arg\(\s*({_NAME})\s*\)\.$")
_ATT: Final = re.compile(rf"^att\(\s*({_NAME})\s*,\s*({_NAME})\s*\)\.$")

Framework: TypeAlias = tuple[list[Hashable], list[tuple[Hashable, Hashable]]]

MAX_DECLARED: Final = 1_000_000
"""The most arguments an i23 header may declare beyond the file's size in bytes.

``p af N`` costs memory for N arguments (about 120 bytes each) however short the
file, so N may be at most the larger of this and the file's length in bytes."""

_NUMBER: Final = re.compile(r"^[0-9]+$")  # ASCII digits only: str.isdigit() takes '²'


def _declared(
    arguments: list[Hashable],
    attacks: list[tuple[Hashable, Hashable]],
    lines: list[int],
    name: str,
    fmt: str,
) -> Framework:
    """The framework, once every attack is known to name declared arguments."""
    seen: set[Hashable] = set()
    for argument in arguments:
        if argument in seen:
            raise CaseFileError.about(
                name, f"argument {argument!r} is declared twice", "declare each argument once"
            )
        seen.add(argument)
    for (a, b), number in zip(attacks, lines, strict=True):
        for end in (a, b):
            if end not in seen:
                declare = f"arg({end})." if fmt == "apx" else f"a line '{end}' before the '#'"
                raise CaseFileError.about(
                    name,
                    f"attack {a} {b} names {end!r}, which is not declared",
                    f"declare it: {declare}",
                    line=number,
                )
    return arguments, attacks


def _apx(lines: list[str], name: str) -> Framework:
    arguments: list[Hashable] = []
    attacks: list[tuple[Hashable, Hashable]] = []
    where: list[int] = []
    for number, raw in enumerate(lines, 1):
        line = raw.split("%", 1)[0].strip()
        if not line:
            continue
        if found := _ARG.match(line):
            arguments.append(found.group(1))
        elif found := _ATT.match(line):
            attacks.append((found.group(1), found.group(2)))
            where.append(number)
        else:
            raise CaseFileError.about(
                name,
                f"not an apx fact: {line!r}",
                "write arg(a). or att(a,b). with names of letters, digits and _",
                line=number,
            )
    return _declared(arguments, attacks, where, name, "apx")


def _tgf(lines: list[str], name: str) -> Framework:
    arguments: list[Hashable] = []
    attacks: list[tuple[Hashable, Hashable]] = []
    where: list[int] = []
    in_attacks = False
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line:
            continue
        if line == "#":
            in_attacks = True
            continue
        parts = line.split()
        if not in_attacks and len(parts) == 1:
            arguments.append(parts[0])
        elif in_attacks and len(parts) == 2:
            attacks.append((parts[0], parts[1]))
            where.append(number)
        else:
            expected = "an attack 'a b'" if in_attacks else "one argument name"
            raise CaseFileError.about(
                name,
                f"expected {expected}, got {line!r}",
                "tgf lists names, then a line '#', then attacks 'a b'",
                line=number,
            )
    return _declared(arguments, attacks, where, name, "tgf")


def _i23(lines: list[str], name: str, size: int) -> Framework:
    header: int | None = None
    attacks: list[tuple[Hashable, Hashable]] = []
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        if header is None:
            if len(parts) != 3 or parts[:2] != ["p", "af"] or not _NUMBER.match(parts[2]):
                raise CaseFileError.about(
                    name,
                    f"expected 'p af N' first, got {line!r}",
                    "an i23 file starts with 'p af N' for N arguments",
                    line=number,
                )
            header = int(parts[2])
            if header > max(MAX_DECLARED, size):
                raise CaseFileError.about(
                    name,
                    f"'p af {header}' declares more arguments than a file of {size:,} bytes "
                    f"may (at most {max(MAX_DECLARED, size):,})",
                    "check N; arguments beyond the attacked ones cost memory all the same",
                    line=number,
                )
            continue
        if len(parts) != 2 or not all(_NUMBER.match(p) for p in parts):
            raise CaseFileError.about(
                name,
                f"expected an attack 'i j', got {line!r}",
                "attacks are two argument numbers per line",
                line=number,
            )
        i, j = int(parts[0]), int(parts[1])
        if not (1 <= i <= header and 1 <= j <= header):
            raise CaseFileError.about(
                name,
                f"attack {i} {j} names an argument outside 1..{header}",
                f"arguments are numbered 1 to {header}",
                line=number,
            )
        attacks.append((i, j))
    if header is None:
        raise CaseFileError.about(
            name, "no 'p af N' line", "an i23 file starts with 'p af N'", line=1
        )
    return list(range(1, header + 1)), attacks


def parse_iccma(text: str, fmt: IccmaFormat, name: str = "<string>") -> Framework:
    """Arguments and attacks from the text of a file in `fmt`.

    Raises:
        CaseFileError: The text is not in that format (with the line and a hint).
    """
    lines = text.splitlines()
    if fmt == "i23":
        return _i23(lines, name, len(text))
    return (_apx if fmt == "apx" else _tgf)(lines, name)


def iccma_format_of(path: str | Path, fmt: IccmaFormat | None = None) -> IccmaFormat:
    """`fmt`, or the format the file's suffix names (.apx, .tgf, .i23).

    Raises:
        CaseFileError: The suffix names no ICCMA format.
    """
    chosen = fmt or Path(path).suffix.lstrip(".").lower()
    if chosen not in ICCMA_FORMATS:
        raise CaseFileError.about(
            str(path),
            f"unknown argumentation format {chosen!r}",
            "use .apx, .tgf or .i23, or give the format",
        )
    return chosen


def read_iccma(path: str | Path, fmt: IccmaFormat | None = None) -> Framework:
    """Arguments and attacks from a file; the format from `fmt` or the suffix (.apx, .tgf, .i23).

    Raises:
        CaseFileError: The file is missing, of unknown format, or malformed.
    """
    chosen = iccma_format_of(path, fmt)
    # No size cap: frameworks of millions of attacks are what solvers are measured on.
    return parse_iccma(read_text(Path(path), max_bytes=None), chosen, str(path))


def write_iccma(
    arguments: Sequence[Hashable], attacks: Sequence[tuple[Hashable, Hashable]], fmt: IccmaFormat
) -> str:
    """The framework as text in `fmt` (i23 numbers the arguments 1..N in the given order)."""
    if fmt == "apx":
        lines = [f"arg({a})." for a in arguments] + [f"att({a},{b})." for a, b in attacks]
    elif fmt == "tgf":
        lines = [str(a) for a in arguments] + ["#"] + [f"{a} {b}" for a, b in attacks]
    else:
        number = {a: i for i, a in enumerate(arguments, 1)}
        lines = [f"p af {len(arguments)}"] + [f"{number[a]} {number[b]}" for a, b in attacks]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True, slots=True)
class Answer:
    """A solver's answer to one task (see `scenarios.analysis.solve`).

    Attributes:
        problem: The problem solved.
        accepted: For DC and DS: YES (True) or NO.
        extension: For SE, an extension (None: there is none); for DC, the witness
            of a YES; for DS, the counterexample of a NO.
        extensions: For EE, every extension.
        count: For CE, how many extensions there are.
    """

    problem: Problem
    accepted: bool | None = None
    extension: frozenset[Hashable] | None = None
    extensions: tuple[frozenset[Hashable], ...] = ()
    count: int | None = None

    def to_json(self, order: Sequence[Hashable] = ()) -> dict[str, Any]:
        """The answer as JSON data: every attribute, each extension a list.

        An extension lists its arguments in `order` (the framework's), else sorted as text.

        Examples:
            >>> Answer("SE", extension=frozenset("ca")).to_json()["extension"]
            ['a', 'c']
            >>> Answer("EE", extensions=(frozenset({2}), frozenset({10, 1}))).to_json([1, 2, 10])
            {'problem': 'EE', 'accepted': None, 'extension': None, 'extensions': [[2], [1, 10]],
             'count': None}
        """
        position = {argument: k for k, argument in enumerate(order)}

        def listed(extension: Iterable[Hashable]) -> list[Hashable]:
            return sorted(extension, key=lambda a: (position.get(a, len(position)), str(a)))

        return {
            "problem": self.problem,
            "accepted": self.accepted,
            "extension": None if self.extension is None else listed(self.extension),
            "extensions": [listed(e) for e in self.extensions],
            "count": self.count,
        }

    def text(self, order: Sequence[Hashable], fmt: IccmaFormat) -> str:
        r"""The answer as ICCMA solvers print it for a framework read from `fmt`.

        Arguments are listed in `order` (the framework's). For i23, ICCMA 2023: an
        extension is ``w 1 3``, and YES for DC (NO for DS) is followed by the
        extension that shows it; for apx and tgf, ICCMA 2021: ``[a,c]``, YES or NO
        alone.

        Examples:
            >>> Answer("EE", extensions=(frozenset("ac"), frozenset("b"))).text("abc", "apx")
            '[[a,c],[b]]\n'
            >>> Answer("DC", accepted=True, extension=frozenset({1, 3})).text([1, 2, 3], "i23")
            'YES\nw 1 3\n'
        """
        new = fmt == "i23"
        position = {argument: k for k, argument in enumerate(order)}  # O(1) per look-up

        def show(extension: Iterable[Hashable]) -> str:
            names = [str(a) for a in sorted(extension, key=position.__getitem__)]
            return ("w " + " ".join(names)) if new else f"[{','.join(names)}]"

        if self.problem in ("DC", "DS"):
            shown = self.extension if new else None
            return f"{'YES' if self.accepted else 'NO'}\n" + (
                f"{show(shown)}\n" if shown is not None else ""
            )
        if self.problem == "SE":
            return "NO\n" if self.extension is None else f"{show(self.extension)}\n"
        if self.problem == "EE":
            if new:
                return "".join(f"{show(e)}\n" for e in self.extensions)
            return f"[{','.join(show(e) for e in self.extensions)}]\n"
        return f"{self.count}\n"
