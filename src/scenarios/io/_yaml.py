"""Safe YAML: a reader built on the parser's event stream, and a writer that round-trips.

The reader never constructs objects from tags: it refuses tags, anchors and
aliases outright, refuses duplicate keys, caps nesting depth while the events
stream in, and resolves plain scalars by the YAML 1.2 core schema (``no`` and
``on`` are strings, ``0123`` is the integer 123, ``2020-01-03`` is a string).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Final, TypeAlias

import yaml

from scenarios.io._plain import MAX_INT_DIGITS, number_problem
from scenarios.model._paths import Path, format_path

__all__ = ["YamlProblem", "dump_yaml", "parse_yaml", "resolve_plain"]

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Dumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

_BOOL: Final = {"true": True, "True": True, "TRUE": True}
_BOOL.update({"false": False, "False": False, "FALSE": False})

# The YAML 1.2 core schema: (pattern, conversion), tried in order; anything else is text.
_CORE: Final[tuple[tuple[re.Pattern[str], Callable[[str], Any]], ...]] = (
    (re.compile(r"^(?:~|null|Null|NULL|)$"), lambda _: None),
    (re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), _BOOL.__getitem__),
    (re.compile(r"^[-+]?[0-9]+$"), int),
    (re.compile(r"^0o[0-7]+$"), lambda text: int(text[2:], 8)),
    (re.compile(r"^0x[0-9a-fA-F]+$"), lambda text: int(text[2:], 16)),
    (re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$"), float),
    (re.compile(r"^[-+]?\.(?:inf|Inf|INF)$"), lambda t: -math.inf if t[0] == "-" else math.inf),
    (re.compile(r"^\.(?:nan|NaN|NAN)$"), lambda _: math.nan),
)


_MAY_NOT_BE_TEXT_12: Final = frozenset("~nNtTfF+-.0123456789")
"""The first characters of every non-text plain scalar of the core schema above."""


def resolve_plain(text: str) -> Any:
    """Resolve an unquoted scalar by the YAML 1.2 core schema.

    Examples:
        >>> [resolve_plain(s) for s in ["no", "true", "0123", "0x1F", "1e3", "2020-01-03", "~"]]
        ['no', True, 123, 31, 1000.0, '2020-01-03', None]
    """
    if text and text[0] not in _MAY_NOT_BE_TEXT_12:  # most text: no pattern can match
        return text
    for pattern, convert in _CORE:
        if pattern.match(text):
            return convert(text)
    return text


@dataclass(frozen=True, slots=True)
class YamlProblem(Exception):
    """A problem found while reading YAML, with its 0-based position."""

    line: int | None
    column: int | None
    path: str
    message: str
    hint: str | None = None


_Marks: TypeAlias = dict[Path, tuple[int, int, str | None]]
"""0-based line, column, and plain scalar text of values, by path."""


@dataclass(slots=True)
class _Frame:
    container: dict[str, Any] | list[Any]
    path: Path
    key: str | None = None  # mappings: the key waiting for its value
    keys_at: dict[str, int] = field(default_factory=dict)  # key -> 0-based line


def _events(text: str) -> Iterator[Any]:
    try:
        yield from yaml.parse(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = f"YAML syntax error: {exc.problem or exc.context}"
        if exc.context and exc.problem:
            message = f"YAML syntax error: {exc.problem} ({exc.context})"
        raise YamlProblem(
            mark.line if mark else None,
            mark.column if mark else None,
            "",
            message,
            _syntax_hint(str(exc.problem or ""), text, mark.line if mark else None),
        ) from None
    except yaml.YAMLError as exc:  # reader errors: bad characters, encoding
        raise YamlProblem(None, None, "", f"YAML error: {exc}") from None


def _syntax_hint(problem: str, text: str, line: int | None) -> str | None:
    """What to do about the YAML syntax errors newcomers meet most."""
    lines = text.splitlines()
    here = lines[line] if line is not None and 0 <= line < len(lines) else ""
    if "\t" in here[: len(here) - len(here.lstrip())] or (
        "cannot start any token" in problem and here.lstrip().startswith("\t")
    ):
        return "indent with spaces, not tabs"
    if "mapping values are not allowed" in problem:
        return (
            "a colon followed by a space starts a new key: quote text that holds one "
            '(claim: "The valve failed: nobody saw it"), or write it on the next lines '
            "after 'claim: >-'"
        )
    return None


def _refuse(event: Any, path: Path) -> None:
    """Raise for an alias, an anchor or a tag (the caller saw one; this builds the message)."""
    mark = event.start_mark
    where = format_path(path)
    if isinstance(event, yaml.AliasEvent):
        raise YamlProblem(
            mark.line,
            mark.column,
            where,
            f"alias *{event.anchor} is not allowed",
            "case files do not use anchors and aliases: write the value out in full",
        )
    if getattr(event, "anchor", None) is not None:
        raise YamlProblem(
            mark.line,
            mark.column,
            where,
            f"anchor &{event.anchor} is not allowed",
            "case files do not use anchors and aliases: write the value out in full",
        )
    tag = getattr(event, "tag", None)
    if tag is not None:
        raise YamlProblem(
            mark.line,
            mark.column,
            where,
            f"YAML tag {tag} is not allowed",
            "remove the tag; quote the value if it must stay text",
        )


def _add(stack: list[_Frame], value: Any, event: Any, *, path: bool = True) -> Path | None:
    """Put `value` in the innermost container; returns its path.

    None for a key, and when `path` is false (building paths is the cost of a large file).
    """
    top = stack[-1]
    if isinstance(top.container, list):
        top.container.append(value)
        return (*top.path, len(top.container) - 1) if path else None
    if top.key is None:  # this scalar is a key
        if not isinstance(value, str):
            raise YamlProblem(
                event.start_mark.line,
                event.start_mark.column,
                format_path(top.path),
                "mapping keys must be plain text, not lists or mappings",
            )
        if value in top.keys_at:
            raise YamlProblem(
                event.start_mark.line,
                event.start_mark.column,
                format_path((*top.path, value)),
                f"duplicate key {value!r} (first on line {top.keys_at[value] + 1})",
                "keep one of the two entries",
            )
        top.keys_at[value] = event.start_mark.line
        top.key = value
        return None
    top.container[top.key] = value
    where = (*top.path, top.key) if path else None
    top.key = None
    return where


_NODE_EVENTS: Final = frozenset({yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent})
"""The events that can carry an anchor or a tag."""

_DIGITS: Final = re.compile(rf"^[-+]?[0-9]{{{MAX_INT_DIGITS + 1},}}$")


def _number(event: Any, stack: list[_Frame]) -> Any:
    """A plain scalar resolved, numbers held to the one policy (finite, not too long)."""
    text: str = event.value
    if len(text) > MAX_INT_DIGITS and _DIGITS.match(text):  # before int() refuses it
        message = f"integer of more than {MAX_INT_DIGITS:,} digits"
        hint = "quote it if it is an identifier or text"
    else:
        value = resolve_plain(text)
        problem = number_problem(value)
        if problem is None:
            return value
        message, hint = problem
    where = stack[-1].path if stack else ()
    if stack and isinstance(stack[-1].container, dict) and stack[-1].key is not None:
        where = (*where, stack[-1].key)
    raise YamlProblem(
        event.start_mark.line, event.start_mark.column, format_path(where), message, hint
    )


def _scalar(event: Any, stack: list[_Frame], marks: _Marks | None, wanted: set[Path] | None) -> Any:
    if event.implicit[0]:  # plain, so the core schema decides its type (keys keep their text)
        is_key = bool(stack) and isinstance(stack[-1].container, dict) and stack[-1].key is None
        value = event.value if is_key else _number(event, stack)
    else:
        value = event.value
    if stack:
        path = _add(stack, value, event, path=marks is not None)
        if marks is not None:
            where = path if path is not None else (*stack[-1].path, event.value)
            if wanted is None or where in wanted:
                raw = event.value if event.implicit[0] else None
                marks[where] = (event.start_mark.line, event.start_mark.column, raw)
    return value


def _collection(
    event: Any,
    stack: list[_Frame],
    max_depth: int,
    marks: _Marks | None,
    wanted: set[Path] | None,
) -> Any:
    mark = event.start_mark
    if len(stack) >= max_depth:
        raise YamlProblem(
            mark.line,
            mark.column,
            format_path(stack[-1].path),
            f"nesting deeper than {max_depth} levels",
            "case files are shallow; check the indentation",
        )
    container: dict[str, Any] | list[Any] = {} if isinstance(event, yaml.MappingStartEvent) else []
    path: Path = ()
    if stack:
        if isinstance(stack[-1].container, dict) and stack[-1].key is None:
            raise YamlProblem(
                mark.line,
                mark.column,
                format_path(stack[-1].path),
                "mapping keys must be plain text, not lists or mappings",
            )
        path = _add(stack, container, event) or ()
    if marks is not None and (wanted is None or path in wanted):
        marks[path] = (mark.line, mark.column, None)
    stack.append(_Frame(container, path))
    return container


def parse_yaml(
    text: str, *, max_depth: int, marks: _Marks | None = None, wanted: set[Path] | None = None
) -> Any:
    """Read one YAML document into plain data (dicts, lists, str, int, float, bool, None).

    Args:
        text: The document.
        max_depth: Deepest nesting of mappings and sequences allowed.
        marks: When given, filled with the 0-based (line, column, plain text)
            of every value by its path, for error messages.
        wanted: When given with `marks`, only these paths are recorded, so that
            locating a few problems in a large file costs little memory.

    Raises:
        YamlProblem: Syntax errors, tags, anchors, aliases, duplicate keys,
            nesting too deep, several documents, or no document.
    """
    stack: list[_Frame] = []
    root: list[Any] = []
    for event in _events(text):
        if isinstance(event, yaml.DocumentStartEvent) and root:
            mark = event.start_mark
            raise YamlProblem(
                mark.line if mark else None,
                mark.column if mark else None,
                "",
                "a case file holds one YAML document; found a second one",
                "remove the '---' line and what follows, or split the file",
            )
        kind = type(event)
        if kind is yaml.AliasEvent or (
            kind in _NODE_EVENTS and (event.anchor is not None or event.tag is not None)
        ):
            _refuse(event, stack[-1].path if stack else ())
        if kind is yaml.ScalarEvent:
            value = _scalar(event, stack, marks, wanted)
            if not stack:
                root.append(value)
        elif isinstance(event, yaml.CollectionStartEvent):
            container = _collection(event, stack, max_depth, marks, wanted)
            if len(stack) == 1:
                root.append(container)
        elif isinstance(event, yaml.CollectionEndEvent):
            stack.pop()
    if not root:
        raise YamlProblem(None, None, "", "the file holds no YAML document")
    return root[0]


_YAML11: Final = yaml.resolver.Resolver.yaml_implicit_resolvers
"""PyYAML's YAML 1.1 implicit types, by first character: a plain scalar matching one of
them would be read as that type by a YAML 1.1 reader, so it must be quoted."""


_MAY_NOT_BE_TEXT: Final = _MAY_NOT_BE_TEXT_12 | {k for k in _YAML11 if k}
"""First characters of a plain scalar that YAML 1.1 or 1.2 could read as other than text."""


def _string_event(value: str) -> Any:
    """A string's event, quoted or not as a reader of YAML 1.1 or 1.2 needs.

    Double-quoted if YAML 1.2 would read it as something else; left to the emitter
    (which single-quotes it) if only YAML 1.1 would; a literal block if it has several
    lines; else plain.
    """
    plain, style = True, None
    if not value or value[0] in _MAY_NOT_BE_TEXT:
        plain = not any(pattern.match(value) for _, pattern in _YAML11.get(value[:1], ()))
        if not isinstance(resolve_plain(value), str):
            style = '"'
    if style is None and "\n" in value and value == value.strip() and "\t" not in value:
        style = "|"
    return yaml.ScalarEvent(None, None, (plain, True), value, style=style)


def _float_text(value: float) -> str:
    """A float as PyYAML's SafeRepresenter writes it (``1e17`` becomes ``1.0e+17``)."""
    if math.isnan(value):
        return ".nan"
    if math.isinf(value):
        return ".inf" if value > 0 else "-.inf"
    text = repr(value).lower()
    return text.replace("e", ".0e", 1) if "." not in text and "e" in text else text


_MAPPING_START: Final = yaml.MappingStartEvent(None, None, True, flow_style=False)
_MAPPING_END: Final = yaml.MappingEndEvent()
_SEQUENCE_START: Final = yaml.SequenceStartEvent(None, None, True, flow_style=False)
_SEQUENCE_END: Final = yaml.SequenceEndEvent()
_NULL: Final = yaml.ScalarEvent(None, None, (True, False), "null")
_BOOLEANS: Final = {
    value: yaml.ScalarEvent(None, None, (True, False), str(value).lower())
    for value in (True, False)
}
# libyaml's emitter reads an event without keeping it, so one event object may recur.


def _add_events(value: Any, events: list[Any], strings: dict[str, Any]) -> None:
    """Append the events of `value`, depth first (the writers cap the depth at 32)."""
    kind = type(value)
    if kind is str:
        event = strings.get(value)
        if event is None:
            event = strings[value] = _string_event(value)
        events.append(event)
    elif kind is dict:
        events.append(_MAPPING_START)
        for key, item in value.items():
            _add_events(key, events, strings)
            _add_events(item, events, strings)
        events.append(_MAPPING_END)
    elif kind is list or kind is tuple:
        events.append(_SEQUENCE_START)
        for item in value:
            _add_events(item, events, strings)
        events.append(_SEQUENCE_END)
    else:
        events.append(_other_scalar(value))


def _other_scalar(value: Any) -> Any:
    """The event of a scalar that is not a string: null, a boolean or a number."""
    if value is None:
        return _NULL
    if isinstance(value, bool):
        return _BOOLEANS[value]
    if isinstance(value, int):
        return yaml.ScalarEvent(None, None, (True, False), str(value))
    if isinstance(value, float):
        return yaml.ScalarEvent(None, None, (True, False), _float_text(value))
    raise TypeError(f"cannot write {type(value).__name__} as YAML: {value!r}")


def dump_yaml(data: Any) -> str:
    r"""Write plain data as block-style YAML, keys in the order given, unicode as is.

    Strings that a YAML 1.2 reader would take for something else (``0123``, ``true``)
    are double-quoted, those only a YAML 1.1 reader would (``no``, ``2020-01-03``) are
    single-quoted; multi-line text is a literal block.
    The events go straight to libyaml's emitter, skipping PyYAML's representer (in
    Python, nine tenths of the time); the output is the same.
    Complexity: O(size of the data).

    Examples:
        >>> print(dump_yaml({"id": "0123", "on": "no", "text": "one\ntwo", "tags": []}), end="")
        id: "0123"
        'on': 'no'
        text: |-
          one
          two
        tags: []
    """
    events: list[Any] = [yaml.StreamStartEvent(), yaml.DocumentStartEvent(explicit=False)]
    _add_events(data, events, {})  # a string's event is made once, however often it recurs
    events += [yaml.DocumentEndEvent(explicit=False), yaml.StreamEndEvent()]
    text: str = yaml.emit(events, Dumper=_Dumper, allow_unicode=True, width=100, indent=2)
    return text
