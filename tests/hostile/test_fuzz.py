"""Fuzzing every reader: mutated valid files either read or raise a `ScenariosError`.

Byte, line and structure mutations of valid files go through each reader in-process
(case YAML and JSON, AIF, Argdown, Carneades, ICCMA apx, tgf and i23); no other exception,
and no example slower than `SLOW` seconds. A few hostile files then go through the
command line in a subprocess: exit 0, 1 or 2, never a traceback.

``make fuzz`` runs this module with HYPOTHESIS_PROFILE=stress (3,000 examples per test).
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scenarios.analysis import ArgumentationFramework
from scenarios.errors import ScenariosError
from scenarios.io import IccmaFormat, read_aif, read_argdown, read_carneades
from scenarios.io import read_iccma as read_af
from scenarios.io._files import CaseFormat, dumps, loads
from scenarios.io._yaml import parse_yaml
from scenarios.model import Case
from scenarios.strategies import cases
from tests.support import MINIMAL_YAML

SLOW = 5.0
"""Seconds one example may take (they take milliseconds; a hang or a blow-up does not)."""

_FOLDER = Path(tempfile.mkdtemp(prefix="scenarios-fuzz-"))

CASE_YAML = MINIMAL_YAML.replace(  # the shared small case, with free extensions to mutate
    "meta: {title: Demo, as_of: 2021-05-01}",
    'meta: {title: Demo, as_of: 2021-05-01, extensions: {x-tool: {n: [1, 2.5, "t"]}}}',
)
CASE_JSON = dumps(loads(CASE_YAML, format="yaml"), format="json")
AIF = json.dumps(
    {
        "nodes": [
            {"nodeID": 1, "text": "Khazali defied Qaani.", "type": "I"},
            {"nodeID": 2, "text": "The militias defy Qaani.", "type": "I"},
            {"nodeID": 3, "text": "Default Inference", "type": "RA"},
            {"nodeID": 4, "text": "Not so.", "type": "I"},
            {"nodeID": 5, "text": "Default Conflict", "type": "CA"},
        ],
        "edges": [
            {"edgeID": 1, "fromID": 1, "toID": 3},
            {"edgeID": 2, "fromID": 3, "toID": 2},
            {"edgeID": 3, "fromID": 4, "toID": 5},
            {"edgeID": 4, "fromID": 5, "toID": 3},
        ],
        "locutions": [],
    },
    indent=1,
)
ARGDOWN = """\
===
title: Demo
===

# Who decides? {data: [1, 2]}

[Defy]: The militias defy Qaani. #who
  + [Message]: Khazali told Qaani no.
  - [Loyal]: They obey. #who

<Argument>: Because.

(1) [Message]
----
(2) [Defy]
"""
CARNEADES = """\
meta: {title: T}
statements: {e1: E1, e2: {text: E2, assumed: true}, h: H, not_h: Not H}
assumptions: [e1]
issues: {i: {positions: [h, not_h], standard: PE}}
arguments:
  a1: {conclusion: h, premises: [e1]}
  a2: {conclusion: not_h, premises: {major: e2}, scheme: linked, undercutter: e1}
tests: {in: [e1, e2], out: [h, not_h]}
"""
APX = "arg(a).\narg(b).\narg(c).\natt(a,b).\natt(b,c). % a comment\n"
TGF = "a\nb\nc\n#\na b\nb c\n"
I23 = "p af 3\n# a comment\n1 2\n2 3\n"

HOSTILE_LINES = [
    b"[" * 300,
    b"{" * 300,
    b"9" * 5000,
    b"x: " + b"9" * 5000,
    b"a: .nan",
    b"a: -.inf",
    b"\x00\xff\xfe",
    b"\xef\xbb\xbf",
    b"&a [*a]",
    b"!!python/object:os.system",
    b"--- ",
    b'"\\ud800"',
    b"p af 99999999999",
    b"p af \xc2\xb2",
    b"att(z,q).",
    b"z q",
    b"#",
    b'{"nodes": 5}',
    b"tests: [h]",
    b"issues: {i: x}",
]


def _bytes_mutation(data: bytes, draw: Any) -> bytes:
    at = draw(st.integers(0, len(data)))
    kind = draw(st.sampled_from(["flip", "insert", "delete", "cut", "repeat"]))
    if kind == "flip" and at < len(data):
        return data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1 :]
    if kind == "insert":
        piece: bytes = draw(st.binary(min_size=1, max_size=8))
        return data[:at] + piece + data[at:]
    if kind == "delete":
        width: int = draw(st.integers(1, 8))
        return data[:at] + data[at + width :]
    if kind == "cut":
        return data[:at]
    chunk = data[at : at + draw(st.integers(1, 40))]
    times: int = draw(st.integers(2, 50))
    return data[:at] + chunk * times + data[at:]


def _line_mutation(data: bytes, draw: Any) -> bytes:
    lines = data.split(b"\n")
    at = draw(st.integers(0, len(lines) - 1))
    kind = draw(st.sampled_from(["delete", "duplicate", "swap", "hostile", "indent"]))
    if kind == "delete":
        del lines[at]
    elif kind == "duplicate":
        lines.insert(at, lines[at])
    elif kind == "swap":
        other = draw(st.integers(0, len(lines) - 1))
        lines[at], lines[other] = lines[other], lines[at]
    elif kind == "hostile":
        lines.insert(at, draw(st.sampled_from(HOSTILE_LINES)))
    else:
        lines[at] = b"  " + lines[at]
    return b"\n".join(lines)


@st.composite
def mutated(draw: Any, seed: str) -> bytes:
    """`seed` with up to four byte or line mutations."""
    data = seed.encode("utf-8")
    for _ in range(draw(st.integers(1, 4))):
        mutate = draw(st.sampled_from([_bytes_mutation, _line_mutation]))
        data = mutate(data, draw)
    return data


_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(10**30), 10**30)
    | st.floats(allow_nan=False)  # infinity included: JSON writes it, the reader refuses it
    | st.text(max_size=10)
)
_JSON_VALUES = st.one_of(
    _SCALARS,
    st.lists(_SCALARS, max_size=3),
    st.dictionaries(st.text(max_size=8), _SCALARS | st.lists(_SCALARS, max_size=3), max_size=3),
)


@st.composite
def restructured(draw: Any, seed: Any) -> bytes:
    """A JSON document with one value somewhere inside replaced by another of any type."""
    data = json.loads(json.dumps(seed))
    node, path = data, []
    while isinstance(node, dict | list) and node and draw(st.booleans()):
        key = draw(st.sampled_from(sorted(node) if isinstance(node, dict) else range(len(node))))
        path.append((node, key))
        node = node[key]
    if path:
        parent, key = path[-1]
        parent[key] = draw(_JSON_VALUES)
    return json.dumps(data).encode("utf-8")


def _through_file(reader: Callable[[Path], Any], suffix: str) -> Callable[[bytes], Any]:
    def read(data: bytes) -> Any:
        path = _FOLDER / f"fuzz{suffix}"
        path.write_bytes(data)
        return reader(path)

    return read


def _framework(path: Path, fmt: IccmaFormat) -> ArgumentationFramework:
    """What `scenarios af` does with the file: read it, then build the framework."""
    return ArgumentationFramework(*read_af(path, fmt))


READERS: dict[str, tuple[str, Callable[[bytes], Any]]] = {
    "case-yaml": (CASE_YAML, lambda data: loads(data, format="yaml")),
    "case-json": (CASE_JSON, lambda data: loads(data, format="json")),
    "aif": (AIF, _through_file(read_aif, ".aif.json")),
    "argdown": (ARGDOWN, _through_file(read_argdown, ".argdown")),
    "carneades": (CARNEADES, _through_file(read_carneades, ".yaml")),
    "apx": (APX, _through_file(lambda p: _framework(p, "apx"), ".apx")),
    "tgf": (TGF, _through_file(lambda p: _framework(p, "tgf"), ".tgf")),
    "i23": (I23, _through_file(lambda p: _framework(p, "i23"), ".i23")),
}


def _survives(reader: Callable[[bytes], Any], data: bytes) -> None:
    started = time.monotonic()
    with contextlib.suppress(ScenariosError):
        reader(data)
    elapsed = time.monotonic() - started
    assert elapsed < SLOW, f"{elapsed:.1f} s on {data[:200]!r}"


@pytest.mark.parametrize("name", sorted(READERS))
def test_every_seed_is_valid(name: str) -> None:
    seed, reader = READERS[name]
    reader(seed.encode("utf-8"))


@pytest.mark.parametrize("name", sorted(READERS))
@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_mutated_files_read_or_raise_a_scenarios_error(name: str, data: st.DataObject) -> None:
    seed, reader = READERS[name]
    _survives(reader, data.draw(mutated(seed)))


@pytest.mark.parametrize("name", ["case-json", "aif", "case-yaml", "carneades"])
@settings(suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_restructured_files_read_or_raise_a_scenarios_error(name: str, data: st.DataObject) -> None:
    """One value anywhere replaced by one of another type (JSON is YAML too)."""
    seed, reader = READERS[name]
    _survives(reader, data.draw(restructured(parse_yaml(seed, max_depth=32))))


@settings(max_examples=20, suppress_health_check=[HealthCheck.too_slow])
@given(case=cases(), data=st.data())
def test_mutated_generated_cases(case: Case, data: st.DataObject) -> None:
    formats: tuple[CaseFormat, ...] = ("yaml", "json")
    for fmt in formats:

        def read(content: bytes, fmt: CaseFormat = fmt) -> Case:
            return loads(content, format=fmt)

        _survives(read, data.draw(mutated(dumps(case, format=fmt))))


# -- the command line, in a subprocess --------------------------------------------------------

HOSTILE_FILES: list[tuple[str, bytes, list[str]]] = [
    ("bad.yaml", b"statements: {a: \xff}\n", ["evaluate"]),
    ("deep.json", b"[" * 100_000, ["convert", "@", "@.yaml"]),
    ("long.yaml", b"meta: {title: x, extensions: {a: " + b"9" * 5000 + b"}}\n", ["check"]),
    ("graph.yaml", b"statements: {a: A}\nissues: {i: x}\n", ["evaluate"]),
    ("af.apx", b"arg(a).\natt(a,b).\n", ["af", "-p", "SE-GR", "-f"]),
    ("af.i23", b"p af 100000000", ["af", "-p", "EE-PR", "-f"]),
    ("case.json", b"\xef\xbb\xbf" + CASE_JSON.encode(), ["check"]),
    ("map.aif.json", b'{"nodes": [], "nodes": []}', ["convert", "@", "@.yaml"]),
]


@pytest.mark.parametrize(("name", "content", "command"), HOSTILE_FILES)
def test_the_command_line_never_shows_a_traceback(
    tmp_path: Path, name: str, content: bytes, command: list[str]
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    args = [
        str(path) if a == "@" else f"{path}{a[1:]}" if a.startswith("@") else a for a in command
    ]
    if "@" not in command:
        args.append(str(path))
    done = subprocess.run(
        [sys.executable, "-m", "scenarios", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode in (0, 1, 2), done.stderr
    assert "Traceback" not in done.stderr
    if done.returncode == 2:
        assert done.stderr.startswith(str(path)) or done.stderr.startswith("scenarios: error"), (
            done.stderr
        )
