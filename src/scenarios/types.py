"""Named constrained types shared by every model, and the vocabularies they use.

Scalars are strict: a case file's ``"2"`` is not the number 2, YAML's ``no``
is not ``False`` and ``0123`` is not an id. Containers are lax so that Python
callers may pass lists where the model keeps tuples, and type checkers agree
(`TupleOf`, `PairOf`).

Examples:
    >>> from pydantic import TypeAdapter
    >>> TypeAdapter(Id).validate_python("militias-defy-qaani")
    'militias-defy-qaani'
    >>> date_bounds("2020-06")
    (datetime.date(2020, 6, 1), datetime.date(2020, 6, 30))
    >>> date_bounds("2020-06-25/2020-06-29")
    (datetime.date(2020, 6, 25), datetime.date(2020, 6, 29))
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import (
    TYPE_CHECKING,
    Annotated,
    Any,
    Final,
    Generic,
    Literal,
    NoReturn,
    TypeAlias,
    TypeVar,
)

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    SerializerFunctionWrapHandler,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    StringConstraints,
    WrapSerializer,
)

__all__ = [
    "EMPTY",
    "ID_PATTERN",
    "PARTIAL_DATE_PATTERN",
    "RATINGS",
    "ActorKind",
    "AssumptionStatus",
    "ConsistencyWord",
    "Credibility",
    "Day",
    "EvidenceKind",
    "Expectation",
    "Flag",
    "FrozenMap",
    "Id",
    "LanguageTag",
    "PairOf",
    "PartialDate",
    "Positive",
    "Probability",
    "Rating",
    "ReadOnlyMap",
    "RelativePath",
    "Relevance",
    "Reliability",
    "Sha256",
    "Stance",
    "StateKey",
    "Tag",
    "Text",
    "TupleOf",
    "Url",
    "date_bounds",
    "freeze_mappings",
    "json_data",
    "read_only",
]

ID_PATTERN: Final = r"^[a-z0-9]+(?:[-_.][a-z0-9]+)*$"
"""Ids are short readable slugs: lowercase letters and digits joined by ``-``, ``_`` or ``.``."""

Id: TypeAlias = Annotated[StrictStr, StringConstraints(pattern=ID_PATTERN, max_length=64)]
"""A slug naming one object, unique across the whole case (``qaani-visit-2020``)."""

TEXT_PATTERN: Final = r"\S"
"""Text holds at least one visible character."""

Text: TypeAlias = Annotated[StrictStr, StringConstraints(pattern=TEXT_PATTERN)]
"""Free text with at least one visible character."""

Tag: TypeAlias = Annotated[StrictStr, StringConstraints(pattern=r"^\S(?:.*\S)?$", max_length=64)]
"""A short label, without leading or trailing white space (``jcpoa``, ``rocket attack``)."""

Flag: TypeAlias = StrictBool
"""``true`` or ``false``; in YAML 1.2 ``yes``/``no``/``on``/``off`` are strings, not flags."""

Probability: TypeAlias = Annotated[StrictFloat, Field(ge=0.0, le=1.0)]
"""A probability in [0, 1] (an integer 0 or 1 is accepted)."""

Positive: TypeAlias = Annotated[StrictFloat, Field(gt=0.0, allow_inf_nan=False)]
"""A finite number greater than 0, e.g. a likelihood ratio."""

Credibility: TypeAlias = Annotated[StrictInt, Field(ge=1, le=6)]
"""Admiralty information credibility: 1 confirmed, 2 probably true, 3 possibly true,
4 doubtful, 5 improbable, 6 cannot be judged."""

Reliability: TypeAlias = Literal["A", "B", "C", "D", "E", "F"]
"""Admiralty source reliability: A completely reliable, B usually reliable, C fairly
reliable, D not usually reliable, E unreliable, F cannot be judged."""

Rating: TypeAlias = Literal["CC", "C", "N", "I", "II", "NA"]
"""ACH consistency of one item with one hypothesis: very consistent, consistent,
neutral, inconsistent, very inconsistent, not applicable."""

RATINGS: Final[tuple[Rating, ...]] = ("CC", "C", "N", "I", "II", "NA")
"""The ratings from most consistent to not applicable."""

Stance: TypeAlias = Literal["supports", "contradicts", "neutral"]
"""How an item bears on a hypothesis, in words."""

Relevance: TypeAlias = Literal["low", "medium", "high"]
"""How much an item matters to a hypothesis (ACH weights 1/sqrt(2), 1, sqrt(2))."""

EvidenceKind: TypeAlias = Literal["statement", "event", "report", "assessment", "data"]
"""What an evidence item is: something said, something that happened, a report of
it, someone's assessment, or data."""

ActorKind: TypeAlias = Literal["person", "organisation", "state"]
"""What an actor is."""

AssumptionStatus: TypeAlias = Literal["unchecked", "solid", "caveated", "unsupported"]
"""Key-assumptions-check verdicts (Heuer & Pherson): not yet checked, solid,
correct with caveats, unsupported."""

Expectation: TypeAlias = Literal["likely", "unlikely", "neutral"]
"""What a scenario expects of an indicator, in words."""

ConsistencyWord: TypeAlias = Literal["consistent", "inconsistent"]
"""A cross-consistency verdict on a pair of driver states, in words (scores 1 and 0)."""

StateKey: TypeAlias = Annotated[
    StrictStr,
    StringConstraints(pattern=f"^{ID_PATTERN[1:-1]}={ID_PATTERN[1:-1]}$", max_length=129),
]
"""One state of one driver, written ``driver=state`` (both ids), e.g. ``us-posture=withdraw``."""

_URL_UNSAFE: Final = r"\s\x00-\x1F\x7F-\x9F\"'<>\\`"
_URL_PATTERN: Final = rf"^https?://[^{_URL_UNSAFE}/?#]+[^{_URL_UNSAFE}]*$"

_URL_BAD: Final = re.compile(rf"[{_URL_UNSAFE}]")


def _url_characters(value: object) -> object:
    """Refuse, with a clear message, characters that could break out of an attribute."""
    if isinstance(value, str) and (bad := _URL_BAD.search(value)):
        raise ValueError(
            f"a URL must not contain {bad.group()!r} (quotes, angle brackets, backslashes, "
            "backticks, spaces and control characters are refused): percent-encode it, "
            "e.g. %20 for a space, %22 for a double quote"
        )
    return value


Url: TypeAlias = Annotated[
    StrictStr,
    StringConstraints(pattern=_URL_PATTERN, max_length=2048),
    BeforeValidator(_url_characters),
]
"""An absolute http or https URL; other schemes (``javascript:``, ``file:``) are refused.

Quotes, angle brackets, backslashes, backticks, white space and control characters
are refused too (percent-encode them: ``%22``, ``%3C``, ``%20``), so a URL can never
close the attribute or the element it is written into.
"""

Sha256: TypeAlias = Annotated[StrictStr, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
"""A lowercase hexadecimal SHA-256 digest."""

LanguageTag: TypeAlias = Annotated[
    StrictStr, StringConstraints(pattern=r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
]
"""A BCP 47 language tag such as ``en`` or ``ar-IQ``."""


def _relative_path(value: str) -> str:
    parts = value.replace("\\", "/").split("/")
    if value.startswith(("/", "\\")) or (len(value) > 1 and value[1] == ":"):
        raise ValueError("must be relative to the case file, not absolute")
    if ".." in parts:
        raise ValueError("must not climb out of the case's folder with '..'")
    if value.strip() == "" or any(part == "" for part in parts[:-1]):
        raise ValueError("must be a non-empty path without empty segments")
    return value


RelativePath: TypeAlias = Annotated[StrictStr, AfterValidator(_relative_path)]
"""A path relative to the case file that stays below the case's folder."""

# A calendar-exact day, month or year: day 29 of February only in leap years.
_LEAP: Final = r"(?:\d\d(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)"
_DAY: Final = (
    r"\d{4}-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])"
    r"|(?:0[13-9]|1[0-2])-(?:29|30)"
    r"|(?:0[13578]|1[02])-31)"
    rf"|{_LEAP}-02-29"
)
_PARTIAL: Final = rf"(?:{_DAY}|\d{{4}}-(?:0[1-9]|1[0-2])|\d{{4}})"


def _one_bound(text: str) -> tuple[dt.date, dt.date]:
    year = int(text[:4])
    if len(text) == 4:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    month = int(text[5:7])
    if len(text) == 7:
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    day = dt.date(year, month, int(text[8:10]))  # raises on 2021-02-30
    return day, day


def date_bounds(value: str) -> tuple[dt.date, dt.date]:
    """Return the first and last day a `PartialDate` can mean.

    Args:
        value: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or a range ``START/END`` of those.

    Returns:
        The earliest and latest calendar days covered, inclusive.

    Raises:
        ValueError: The value is not a valid calendar date or range.

    Examples:
        >>> date_bounds("2020")
        (datetime.date(2020, 1, 1), datetime.date(2020, 12, 31))
    """
    start, _, end = value.partition("/")
    first, last = _one_bound(start)
    if end:
        _, last = _one_bound(end)
        if last < first:
            raise ValueError(f"range {value!r} ends before it starts")
    return first, last


def _check_range(value: str) -> str:
    if "/" in value:  # single dates are already exact by the pattern
        date_bounds(value)
    return value


PARTIAL_DATE_PATTERN: Final = rf"^{_PARTIAL}(?:/{_PARTIAL})?$"
"""Calendar-exact ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, or a range ``START/END`` of those."""

PartialDate: TypeAlias = Annotated[
    StrictStr, StringConstraints(pattern=PARTIAL_DATE_PATTERN), AfterValidator(_check_range)
]
"""A date as precise as it is known: ``2020``, ``2020-06``, ``2020-06-25``, or an ISO 8601
range ``2020-06-25/2020-06-29``. Kept as written so files round-trip exactly."""


def _day(value: object) -> object:
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value) if len(value) == 10 else value
        except ValueError:
            return value  # let the date validator report it
    if isinstance(value, dt.datetime):
        raise ValueError("must be a calendar day, not a date and time")
    return value


Day: TypeAlias = Annotated[dt.date, BeforeValidator(_day), Field(strict=True)]
"""One calendar day, written ``YYYY-MM-DD`` in files."""

K = TypeVar("K")
V = TypeVar("V")
K2 = TypeVar("K2")
V2 = TypeVar("V2")
T = TypeVar("T")


class ReadOnlyMap(Mapping[K, V]):
    """A mapping no one can change, that still copies, deep-copies and pickles.

    (``types.MappingProxyType`` is read-only too, but neither pickle nor ``deepcopy``
    can copy it, so a case or result holding one could not be copied deeply.) As with
    ``MappingProxyType``, ``|`` and `copy` give a plain dict to change; the repr says
    what it is, so that no one tries to change it in place.
    Complexity: as the dict it wraps.

    Examples:
        >>> scores = ReadOnlyMap({"defy": 0.5})
        >>> scores
        ReadOnlyMap({'defy': 0.5})
        >>> scores | {"control": 0.25}
        {'defy': 0.5, 'control': 0.25}
        >>> scores.copy()
        {'defy': 0.5}
    """

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[K, V] | None = None) -> None:
        self._data: dict[K, V] = dict(data or {})

    def __getitem__(self, key: K) -> V:
        return self._data[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._data!r})"

    def __or__(self, other: Mapping[K2, V2]) -> dict[K | K2, V | V2]:
        if not isinstance(other, Mapping):
            return NotImplemented
        merged: dict[K | K2, V | V2] = dict(self._data.items())
        merged.update(other.items())
        return merged

    def __ror__(self, other: Mapping[K2, V2]) -> dict[K | K2, V | V2]:
        if not isinstance(other, Mapping):
            return NotImplemented
        merged: dict[K | K2, V | V2] = dict(other.items())
        merged.update(self._data.items())
        return merged

    def __ior__(self, other: object) -> NoReturn:
        raise TypeError(f"'|=' is not supported by {type(self).__name__}; use '|' instead")

    def copy(self) -> dict[K, V]:
        """A plain dict with the same items, to change at will."""
        return dict(self._data)

    def __reduce__(self) -> tuple[type[ReadOnlyMap[K, V]], tuple[dict[K, V]]]:
        return (type(self), (self._data,))


def read_only(value: Mapping[K, V]) -> ReadOnlyMap[K, V]:
    """A read-only view of a copy of `value`: neither the caller nor anyone else can change it.

    Frozen models and results call it on every mapping they are given (``frozen``
    freezes the attributes, not a dict they hold).

    Examples:
        >>> ratings = read_only({("e1", "h1"): "C"})
        >>> ratings[("e1", "h1")]
        'C'
        >>> ratings[("e1", "h1")] = "I"
        Traceback (most recent call last):
        ...
        TypeError: 'ReadOnlyMap' object does not support item assignment
    """
    return ReadOnlyMap(value)


def freeze_mappings(record: Any) -> None:
    """Make every mapping field of a frozen dataclass read-only (`read_only`), in place.

    For ``__post_init__``: ``frozen`` freezes the attributes, not a dict they hold. The
    fields are found, not listed, so a mapping field added later is frozen with the rest.
    Complexity: O(fields + the items of their mappings).

    Examples:
        >>> from dataclasses import dataclass
        >>> @dataclass(frozen=True)
        ... class Scores:
        ...     set: str
        ...     by_hypothesis: Mapping[str, float]
        ...     def __post_init__(self) -> None:
        ...         freeze_mappings(self)
        >>> Scores("q", {"a": 0.5}).by_hypothesis
        ReadOnlyMap({'a': 0.5})
    """
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        if isinstance(value, Mapping):
            object.__setattr__(record, f.name, read_only(value))


def json_data(value: Any) -> Any:
    """`value` as JSON data, for a result's ``to_json()``.

    Dataclasses become objects (their fields in order), mappings objects, tuples,
    lists and sets arrays (sets sorted): the shape ``dataclasses.asdict`` gives, for
    read-only mappings too. An object's keys are text, as JSON has them: a number,
    ``True``, ``False`` or ``None`` as key becomes the text ``json.dumps`` writes
    (``"1"``, ``"true"``, ``"null"``), so that the data is what reading the JSON back
    gives. Other values stay as they are.

    Raises:
        TypeError: A key is neither text nor one of those, e.g. a pair: JSON has no
            such key, and no one way to write one (nest the pair's parts instead).

    Examples:
        >>> from dataclasses import dataclass
        >>> @dataclass(frozen=True)
        ... class Row:
        ...     id: str
        ...     scores: Mapping[str, float]
        >>> json_data((Row("a", read_only({"x": 0.5})),))
        [{'id': 'a', 'scores': {'x': 0.5}}]
        >>> json_data({1: "confirmed", None: "unknown"})
        {'1': 'confirmed', 'null': 'unknown'}
    """
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: json_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {_json_key(key): json_data(item) for key, item in value.items()}
    if isinstance(value, tuple | list):
        return [json_data(item) for item in value]
    if isinstance(value, frozenset | set):
        return sorted(json_data(item) for item in value)
    return value


def _json_key(key: object) -> str:
    """A mapping's key as the key of a JSON object."""
    if isinstance(key, str):
        return key
    if key is None or isinstance(key, int | float):  # bool is an int
        return json.dumps(key)
    raise TypeError(
        f"a JSON object's keys are text, not {type(key).__name__} ({key!r}): "
        "nest the data by each part of the key instead"
    )


EMPTY: Final[Any] = ()
"""The empty default of a `TupleOf` field: ``()``, typed so that type checkers accept it."""

if TYPE_CHECKING:

    class TupleOf(Generic[T]):
        """Typing view: read as ``tuple[T, ...]``, given any ``Sequence[T]``."""

        def __get__(self, instance: object, owner: Any, /) -> tuple[T, ...]: ...
        def __set__(self, instance: object, value: Sequence[T], /) -> None: ...

    class PairOf(Generic[T]):
        """Typing view: read as ``tuple[T, T]``, given any ``Sequence[T]``."""

        def __get__(self, instance: object, owner: Any, /) -> tuple[T, T]: ...
        def __set__(self, instance: object, value: Sequence[T], /) -> None: ...

else:

    class TupleOf:
        """A field stored as a tuple (frozen, hashable) that accepts any sequence.

        ``TupleOf[T]`` *is* ``tuple[T, ...]`` at run time, so that validation, the JSON
        Schema and the stored value are those of a tuple (pydantic converts a list). Type
        checkers see a descriptor instead: the attribute reads as ``tuple[T, ...]`` and the
        constructor takes any ``Sequence[T]``, so ``Source(authors=["A. Author"])`` passes
        ``mypy --strict``. Declare an empty default as `EMPTY` (a bare ``= ()`` would be
        checked against the descriptor). For records (and pydantic dataclasses) only:
        mypy reads the descriptor of a plain dataclass's field only when it has a
        default, and pydantic's plugin leaves its type parameter unbound on a
        `BaseModel`, whose typed ``__init__`` is therefore written out (`Case`).

        Examples:
            >>> TupleOf[str]
            tuple[str, ...]
            >>> from scenarios import Source
            >>> Source(id="s", title="T", authors=["A. Author"]).authors
            ('A. Author',)
        """

        def __class_getitem__(cls, item: Any) -> Any:
            return tuple[item, ...]

    class PairOf:
        """A field stored as a tuple of two that accepts any sequence of two.

        Like `TupleOf`, for ``tuple[T, T]``: the attribute reads as a pair, the
        constructor takes any ``Sequence[T]`` (validation checks there are two).

        Examples:
            >>> PairOf[str]
            tuple[str, str]
        """

        def __class_getitem__(cls, item: Any) -> Any:
            return tuple[item, item]


def _thaw(value: Mapping[Any, Any], handler: SerializerFunctionWrapHandler) -> Any:
    return handler(dict(value))


FrozenMap: TypeAlias = Annotated[
    Mapping[K, V],
    AfterValidator(read_only),
    WrapSerializer(_thaw),
]
"""A read-only mapping (models are frozen, and a plain dict would not be)."""
