"""Hypothesis' entry point: register `scenarios.strategies.cases()` for `st.from_type(Case)`.

Kept apart and lazy because Hypothesis calls it while Hypothesis itself is being
imported, possibly from `scenarios.strategies`: the strategy is looked up on first use.
"""

from __future__ import annotations

import importlib

__all__: list[str] = []


def _hypothesis_setup_hook() -> None:
    from hypothesis import strategies as st  # noqa: PLC0415 - imported when Hypothesis asks

    from scenarios.model.case import Case  # noqa: PLC0415

    st.register_type_strategy(
        Case, st.deferred(lambda: importlib.import_module("scenarios.strategies").cases())
    )
