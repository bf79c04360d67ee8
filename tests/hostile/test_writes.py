"""Writes that must go where they are meant to, and nowhere else.

Issue 19, security items 3 (atomic writes replaced devices, FIFOs, symlinks and hard
links, and read-only files) and 4 (an output could overwrite an input). Each test
fails on the writer as it was: a rename over whatever was at the path.
"""

from __future__ import annotations

import io
import os
import select
import stat
import threading
import time
from pathlib import Path
from typing import Final

import pytest

from scenarios.cli import main
from tests.support import MINIMAL_YAML

SCHEMA_STUB: Final = '{"$schema": "https://json-schema.org/draft/2020-12/schema"}\n'


def run(*argv: str) -> int:
    return main(list(argv), out=io.StringIO())


@pytest.fixture
def case(tmp_path: Path) -> Path:
    path = tmp_path / "case.yaml"
    path.write_text(MINIMAL_YAML, encoding="utf-8")
    return path


# --- item 3 -------------------------------------------------------------------------------


def test_item3_a_fifo_is_written_into_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # so the writer's open does not block
    codes: list[int] = []
    writer = threading.Thread(target=lambda: codes.append(run("schema", "-o", str(fifo))))
    writer.start()
    received, deadline = bytearray(), time.monotonic() + 10
    try:
        while time.monotonic() < deadline:
            select.select([reader], [], [], 0.05)
            try:
                chunk = os.read(reader, 65536)
            except BlockingIOError:
                continue
            if chunk:
                received += chunk
            elif received or not writer.is_alive():
                break  # end of file: the writer closed, or never came
    finally:
        os.close(reader)
        writer.join(10)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode), "the FIFO was replaced by a file"
    assert codes == [0]
    assert received.startswith(b"{")
    assert b'"$schema"' in received


def test_item3_a_character_device_stays_a_device(tmp_path: Path) -> None:
    node = tmp_path / "null"
    try:  # a private twin of /dev/null: never risk the system's own
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root (CAP_MKNOD)")
    code = run("schema", "-o", str(node))
    assert stat.S_ISCHR(os.lstat(node).st_mode), "the device was replaced by a regular file"
    assert code in (0, 2)  # 2 where the file system does not allow devices (nodev)


def test_item3_output_through_a_symlink_reaches_its_target(tmp_path: Path) -> None:
    real = tmp_path / "real" / "schema.json"
    real.parent.mkdir()
    real.write_text(SCHEMA_STUB, encoding="utf-8")
    link = tmp_path / "schema.json"
    link.symlink_to(real)
    assert run("schema", "-o", str(link)) == 0
    assert link.is_symlink(), "the link was replaced by a file"
    assert real.read_text(encoding="utf-8") != SCHEMA_STUB, "the target was left old"
    assert not [p.name for p in real.parent.iterdir() if p.name.endswith(".tmp")]


def test_item3_anchor_writes_through_a_symlinked_case(tmp_path: Path) -> None:
    real = tmp_path / "store" / "case.yaml"
    real.parent.mkdir()
    real.write_text(MINIMAL_YAML, encoding="utf-8")
    link = tmp_path / "case.yaml"
    link.symlink_to(real)
    assert run("anchor", str(link), "--in-place") == 0
    assert link.is_symlink(), "the link was replaced by a file"
    assert real.read_text(encoding="utf-8") != MINIMAL_YAML, "the target was left old"


def test_item3_a_read_only_case_is_not_rewritten(
    case: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case.chmod(0o444)
    assert run("anchor", str(case), "--in-place") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert str(case) in err
    assert "read-only" in err
    assert case.read_text(encoding="utf-8") == MINIMAL_YAML
    assert stat.S_IMODE(case.stat().st_mode) == 0o444


def test_item3_hard_links_are_written_through_not_split(case: Path, tmp_path: Path) -> None:
    twin = tmp_path / "twin.yaml"
    os.link(case, twin)
    assert run("anchor", str(case), "--in-place") == 0
    assert os.path.samefile(case, twin), "the hard link was split"
    assert case.stat().st_nlink == 2
    assert twin.read_text(encoding="utf-8") != MINIMAL_YAML


# --- item 4 -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["report", "{case}", "-o", "{out}"],
        ["render", "{case}", "--format", "dot", "-o", "{out}"],
        ["convert", "{case}", "{out}"],
        ["schema", "-o", "{out}"],
    ],
    ids=["report", "render", "convert", "schema"],
)
@pytest.mark.parametrize("through", ["same", "symlink", "hardlink"])
def test_item4_no_output_overwrites_an_input(
    argv: list[str], through: str, case: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = case
    if through == "symlink":
        out = tmp_path / "alias.yaml"
        out.symlink_to(case)
    elif through == "hardlink":
        out = tmp_path / "alias.yaml"
        os.link(case, out)
    code = run(*(arg.format(case=case, out=out) for arg in argv))
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1, err
    assert "refusing to write" in err
    assert case.read_text(encoding="utf-8") == MINIMAL_YAML
