"""The check registry, the plugins it loads, and the context every check reads from."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from importlib.metadata import entry_points
from typing import Final, TypeAlias, overload

from scenarios.checks._findings import CheckInfo, Finding
from scenarios.checks._options import CheckOptions
from scenarios.io import SourceTexts
from scenarios.model import Case, references
from scenarios.model._integrity import COLLECTIONS
from scenarios.provenance import (
    AnchoringReport,
    Lineage,
    NearDuplicate,
    anchor_case,
    near_duplicates,
)

__all__ = [
    "CATALOGUE",
    "ENTRY_POINT_GROUP",
    "REGISTRY",
    "Catalogue",
    "CheckContext",
    "CheckFunction",
    "register",
    "registered",
]


@dataclass
class CheckContext:
    """What checks read: the case, its source texts, and what is derived from them once.

    Attributes:
        case: The case (possibly with integrity problems).
        texts: The source texts found, if any were looked for.
        options: The checks' thresholds.
    """

    case: Case
    texts: SourceTexts = field(default_factory=SourceTexts)
    options: CheckOptions = field(default_factory=CheckOptions)

    @cached_property
    def anchoring(self) -> AnchoringReport:
        """Every quote anchored in the texts that were found."""
        return anchor_case(self.case, self.texts.texts)

    @cached_property
    def duplicates(self) -> list[NearDuplicate]:
        """Near-duplicate pairs among the texts that were found."""
        return near_duplicates(self.texts.texts)

    @cached_property
    def lineage(self) -> Lineage:
        """Declared lineage only (what the analyst claims)."""
        return Lineage.of(self.case)

    @cached_property
    def lineage_with_copies(self) -> Lineage:
        """Declared lineage, with near-duplicate texts joined into one group."""
        return Lineage.of(self.case, same=[(d.a, d.b) for d in self.duplicates])

    @cached_property
    def referenced(self) -> frozenset[str]:
        """Ids that another object names, with every sub-hypothesis (it names its parent).

        The references are those the model's ``RefTo`` markers declare (``references``).
        Complexity: O(references).
        """
        used = {reference.target for reference in references(self.case)}
        used.update(h.id for h in self.case.hypotheses if h.parent)
        return frozenset(used)

    @cached_property
    def positions(self) -> Mapping[str, Mapping[str, int]]:
        """Position of each object in its collection, by collection and id."""
        return {
            name: {item.id: i for i, item in enumerate(getattr(self.case, name))}
            for name, kind in COLLECTIONS.items()
            if kind is not None
        }

    def path(self, collection: str, id: str, *rest: str | int) -> tuple[str | int, ...]:
        """The document path of an object (and a field in it), by id."""
        return (collection, self.positions[collection].get(id, 0), *rest)


CheckFunction: TypeAlias = Callable[[CheckContext], Iterable[Finding]]
"""A check: reads the context, yields findings of the catalogue entries it is registered with."""

ENTRY_POINT_GROUP: Final = "scenarios.checks"
"""The entry-point group third-party checks are found in (each names a module to import)."""

REGISTRY: list[tuple[CheckInfo, CheckFunction]] = []
"""Every registered check with its catalogue entry, in registration order (plugins not
loaded yet: `registered()` loads them first)."""

_CODE: Final = re.compile(r"[A-Z]{1,4}[0-9]{3}")
_NAME: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_plugins_loaded = False


def register(*infos: CheckInfo) -> Callable[[CheckFunction], CheckFunction]:
    """Register a function that produces the findings of one or more catalogue entries.

    The catalogue's own families register this way, and so can your package: import
    the module that registers (a plugin installed with an entry point in the group
    ``scenarios.checks`` is imported when the checks first run), and `check` runs the
    function, ``scenarios check`` reports and filters its findings, and
    `scenarios.strategies.defective_cases` draws cases with its `CheckInfo.defect`.

    Args:
        *infos: The catalogue entries whose findings the function yields. Codes are one
            to four capital letters and three digits (``X001``), names kebab-case, and
            both unique across the catalogue.

    Raises:
        ValueError: No entry, or a code or name that is malformed or already taken.

    Examples:
        >>> from scenarios.checks import CheckInfo, register
        >>> @register(CheckInfo("R001", "mine", "warning", "Mine.", "Fix it."))
        ... def mine(context):
        ...     return []
        Traceback (most recent call last):
        ...
        ValueError: check code 'R001' is taken by 'duplicate-id'; choose another code
    """
    if not infos:
        raise ValueError("register() needs at least one CheckInfo")
    taken = {info.code: info for info, _ in REGISTRY}
    names = {info.name: info for info, _ in REGISTRY}
    for info in infos:
        if not isinstance(info, CheckInfo):
            raise ValueError(f"register() takes CheckInfo entries, not {info!r}")
        if not _CODE.fullmatch(info.code):
            raise ValueError(
                f"check code {info.code!r} must be 1 to 4 capital letters and 3 digits (X001)"
            )
        if not _NAME.fullmatch(info.name):
            raise ValueError(f"check name {info.name!r} must be kebab-case (quote-not-found)")
        if info.code in taken:
            raise ValueError(
                f"check code {info.code!r} is taken by {taken[info.code].name!r}; "
                "choose another code"
            )
        if info.name in names:
            raise ValueError(
                f"check name {info.name!r} is taken by {names[info.name].code}; choose another name"
            )
        taken[info.code], names[info.name] = info, info

    def decorate(function: CheckFunction) -> CheckFunction:
        for info in infos:
            REGISTRY.append((info, function))
        return function

    return decorate


def load_plugins() -> None:
    """Import, once, every module named in the ``scenarios.checks`` entry-point group.

    Raises:
        ImportError: A plugin failed to import (its name, the module and why).
    """
    global _plugins_loaded  # noqa: PLW0603 - one flag: plugins load once per process
    if _plugins_loaded:
        return
    _plugins_loaded = True  # first, so that a plugin that runs the checks does not recurse
    for point in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda p: p.name):
        try:
            point.load()
        except Exception as exc:
            raise ImportError(
                f"the scenarios.checks plugin {point.name!r} ({point.value}) failed to load: "
                f"{type(exc).__name__}: {exc}"
            ) from exc


def registered() -> list[tuple[CheckInfo, CheckFunction]]:
    """`REGISTRY`, once the plugins are loaded."""
    load_plugins()
    return REGISTRY


class Catalogue(Sequence[CheckInfo]):
    """Every registered check's entry, by code: a read-only view that follows `register`."""

    __slots__ = ("_entries", "_size")

    def __init__(self) -> None:
        self._size = -1
        self._entries: tuple[CheckInfo, ...] = ()

    def _current(self) -> tuple[CheckInfo, ...]:
        found = registered()
        if len(found) != self._size:
            self._entries = tuple(sorted({info for info, _ in found}, key=lambda c: c.code))
            self._size = len(found)
        return self._entries

    @overload
    def __getitem__(self, index: int) -> CheckInfo: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[CheckInfo, ...]: ...
    def __getitem__(self, index: int | slice) -> CheckInfo | tuple[CheckInfo, ...]:
        return self._current()[index]

    def __len__(self) -> int:
        return len(self._current())

    def __iter__(self) -> Iterator[CheckInfo]:
        return iter(self._current())

    def __repr__(self) -> str:
        return f"<catalogue of {len(self)} checks: {' '.join(c.code for c in self)}>"


CATALOGUE: Final[Catalogue] = Catalogue()
"""Every check, by code (the catalogue's own and those registered since)."""
