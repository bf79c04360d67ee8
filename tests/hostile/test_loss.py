"""Conversions lose nothing silently (issue 19, item 15).

The oracle is independent of `losses`: a field whose value does not change what a writer
writes is a field that writer drops, so `losses` must name it (or its whole collection).
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scenarios.cli import main
from scenarios.io._convert import _WRITERS, ConvertFormat, losses
from scenarios.model import Case
from scenarios.model._integrity import COLLECTIONS
from scenarios.strategies import cases
from tests.support import EXAMPLE

TARGETS: tuple[ConvertFormat, ...] = ("aif", "argdown", "graphml")


def _reset(item: Any, name: str) -> Any | None:
    """A copy of `item` with field `name` at its default, or None if it has none or is at it."""
    info = type(item).__pydantic_fields__[name]
    if info.is_required():
        return None
    default = info.get_default(call_default_factory=True)
    if getattr(item, name) == default:
        return None
    clone = copy.copy(item)
    object.__setattr__(clone, name, default)  # writers need no validation
    return clone


def _with(case: Case, collection: str, items: Any) -> Case:
    fields = {name: getattr(case, name) for name in type(case).model_fields}
    fields[collection] = items
    return Case.model_construct(**fields)


def _silent_drops(case: Case, fmt: ConvertFormat) -> set[tuple[str, str]]:
    """(collection, field) pairs whose values the writer of `fmt` ignores."""
    write = _WRITERS[fmt]
    before = write(case)
    ignored = set()
    tables: list[tuple[str, Any]] = [("meta", (case.meta,))]
    tables += [(c, getattr(case, c)) for c in COLLECTIONS]
    for collection, items in tables:
        if not items:
            continue
        for name in type(items[0]).__pydantic_fields__:
            changed = [_reset(item, name) for item in items]
            if all(c is None for c in changed):
                continue
            new = tuple(
                c if c is not None else item for c, item in zip(changed, items, strict=True)
            )
            after = write(_with(case, collection, new[0] if collection == "meta" else new))
            if after == before:
                ignored.add((collection, name))
    return ignored


@given(case=cases(), fmt=st.sampled_from(TARGETS))
def test_15_every_dropped_kind_is_listed(case: Case, fmt: ConvertFormat) -> None:
    found = losses(case, fmt)
    covered = {(loss.collection, loss.field) for loss in found}
    for collection, name in _silent_drops(case, fmt):
        assert (collection, name) in covered or (collection, None) in covered, (
            f"{fmt} drops {collection}.{name} without a word"
        )
    messages = [loss.message for loss in found]
    assert len(messages) == len(set(messages)), "one line per kind of loss"
    assert all(loss.count > 0 for loss in found)


def test_15_the_example_names_its_losses_per_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for suffix, fmt in ((".aif.json", "aif"), (".argdown", "argdown"), (".graphml", "graphml")):
        target = tmp_path / f"out{suffix}"
        assert main(["convert", str(EXAMPLE), str(target)]) == 0
        err = capsys.readouterr().err
        assert f"{target}: warning: {fmt} drops" in err
        assert "Traceback" not in err


def test_15_strict_refuses_a_lossy_conversion(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.aif.json"
    assert main(["convert", "--strict", str(EXAMPLE), str(target)]) == 1
    err = capsys.readouterr().err
    assert "error: aif drops 16 actors" in err
    assert "not written" in err
    assert not target.exists()
    lossless = tmp_path / "out.json"
    assert main(["convert", "--strict", str(EXAMPLE), str(lossless)]) == 0
    assert lossless.exists()
