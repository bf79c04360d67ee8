"""The YAML writer feeds libyaml's emitter directly; it must write what PyYAML's own
representer (with the same quoting rule) writes, only faster."""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import given
from hypothesis import strategies as st

from scenarios.io._plain import MAX_DEPTH
from scenarios.io._yaml import dump_yaml, parse_yaml, resolve_plain

_DUMPER: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Reference(_DUMPER):  # type: ignore[misc]
    """PyYAML's representer, quoting as the writer promises to."""


def _represent_str(dumper: Any, value: str) -> Any:
    style = None
    if not isinstance(resolve_plain(value), str):
        style = '"'
    elif "\n" in value and value == value.strip() and "\t" not in value:
        style = "|"
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Reference.add_representer(str, _represent_str)


def reference(data: Any) -> str:
    text: str = yaml.dump(
        data,
        Dumper=_Reference,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
        indent=2,
    )
    return text


# Texts that look like other types to YAML 1.1 or 1.2, and ordinary prose.
tricky = st.sampled_from(
    ["no", "yes", "On", "2020-01-03", "0123", "1:20", "<<", "=", "", " x", "a: b", "- x",
     "#c", "~", "null", "1e3", ".5", "+1", "0x1F", "0o7", "-.inf", "12:30:00", "é",
     "line\nline", " lead\nx", "x\ty\nz", "True", "NaN", "*a", "&a", "!t"]
)  # fmt: skip
scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | tricky
    | st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30)
)
plain_data = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(max_size=8) | tricky, inner, max_size=4)
    ),
    max_leaves=25,
)


@given(plain_data)
def test_the_writer_writes_what_pyyaml_writes(data: Any) -> None:
    assert dump_yaml(data) == reference(data)


@given(st.dictionaries(st.text(max_size=8) | tricky, plain_data, max_size=5))
def test_what_is_written_reads_back(data: dict[str, Any]) -> None:
    assert parse_yaml(dump_yaml(data), max_depth=MAX_DEPTH) == data
