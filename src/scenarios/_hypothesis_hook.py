"""Hypothesis' entry point: `st.from_type` of a `Case` and of every record draws valid ones.

`Case` draws from `scenarios.strategies.cases()`; each record (`Source`, `Evidence`,
`Hypothesis`, `Link`...) from a standalone strategy of `scenarios.strategies`, whose
references name ids a case would hold. Without this, Hypothesis would build records
from their type hints and fail their validation.

Kept apart and lazy because Hypothesis calls it while Hypothesis itself is being
imported, possibly from `scenarios.strategies`: the strategies are looked up on first use.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

__all__: list[str] = []


def _strategy_for(kind: type[Any]) -> Any:
    strategies = importlib.import_module("scenarios.strategies")
    if kind.__name__ == "Case":
        return strategies.cases()
    return importlib.import_module("scenarios.strategies._parts").RECORDS[kind]


def _later(kind: type[Any]) -> Callable[[], Any]:
    def strategy() -> Any:
        return _strategy_for(kind)

    return strategy


def _hypothesis_setup_hook() -> None:
    from hypothesis import strategies as st  # noqa: PLC0415 - imported when Hypothesis asks

    from scenarios import model  # noqa: PLC0415

    kinds = [getattr(model, name) for name in model.__all__]
    for kind in kinds:
        if isinstance(kind, type) and kind.__name__ not in ("CaseBuilder", "IntegrityProblem"):
            st.register_type_strategy(kind, st.deferred(_later(kind)))
