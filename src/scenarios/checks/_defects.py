"""Building blocks of the defect injectors that sit beside each check (`CheckInfo.defect`).

An injector receives a valid case as JSON-like data (every collection present, as a
list) and its source texts by id, both to be changed in place; it adds one defect,
with ids starting ``x-`` so that it cannot collide with the case's own, and returns
what it did in words. `scenarios.strategies.defective_cases` draws a valid case and
applies the injector of a check, so that the check can be tested against it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final, TypeAlias

__all__ = [
    "SOURCE",
    "TEXT",
    "Data",
    "Defect",
    "evidence",
    "field",
    "hypotheses",
    "linked_item",
    "rate",
    "set_of",
    "with_source",
]

Data: TypeAlias = dict[str, Any]
"""A case as JSON-like data, every collection present as a list."""

Defect: TypeAlias = Callable[[Data, dict[str, str]], str]
"""Injects one defect into a case's data and its texts (by source id); says what, in words."""

SOURCE: Final = {"id": "x-src", "title": "Injected source"}
TEXT: Final = "the injected text says what it says and nothing more than that today"


def evidence(eid: str, source: str = "x-src", text: str = "injected text", **extra: Any) -> Data:
    """An evidence item quoting `text` from `source`."""
    return {
        "id": eid,
        "claim": "An injected claim.",
        "quotes": [{"source": source, "text": text}],
        **extra,
    }


def hypotheses(*hids: str) -> list[Data]:
    """Hypotheses with these ids."""
    return [{"id": h, "statement": f"Injected hypothesis {h}."} for h in hids]


def with_source(data: Data, texts: dict[str, str]) -> None:
    """Add the source ``x-src`` with the text `TEXT`."""
    data["sources"].append(dict(SOURCE))
    texts["x-src"] = TEXT


def linked_item(data: Data, texts: dict[str, str]) -> None:
    """An item ``x-e``, quoting an injected source, linked C to a hypothesis ``x-h``."""
    with_source(data, texts)
    data["evidence"].append(evidence("x-e"))
    data["hypotheses"] += hypotheses("x-h")
    data["links"].append({"evidence": "x-e", "hypothesis": "x-h", "rating": "C"})


def field(data: Data, *consistency: Data) -> None:
    """Two drivers ``x-us`` (stay, leave) and ``x-ir`` (push, calm), and these assessments."""
    data["drivers"] += [
        {
            "id": "x-us",
            "name": "U.S.",
            "states": [{"id": "stay", "name": "Stay"}, {"id": "leave", "name": "Leave"}],
        },
        {
            "id": "x-ir",
            "name": "Iran",
            "states": [{"id": "push", "name": "Push"}, {"id": "calm", "name": "Calm"}],
        },
    ]
    data["consistency"] += consistency


def set_of(data: Data, *members: str, exhaustive: bool = False) -> None:
    """Hypotheses `members` in a set ``x-set``."""
    data["hypotheses"] += hypotheses(*members)
    data["hypothesis_sets"].append(
        {"id": "x-set", "question": "Q?", "hypotheses": list(members), "exhaustive": exhaustive}
    )


def rate(data: Data, item: str, **ratings: str) -> None:
    """Link `item` to hypotheses ``x-<name>`` with the ratings given by name."""
    data["links"] += [
        {"evidence": item, "hypothesis": f"x-{h}", "rating": r} for h, r in ratings.items()
    ]
