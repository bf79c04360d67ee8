"""The posteriors are calibrated in a simulated world whose truth is known.

See `tests/analysis/simulated_world.py` for the world: mixed reliability, credibility and
copies. A model that ignored the grades (every source and item taken as true) is
shown badly calibrated on the same worlds, so the test can fail.
"""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from scenarios.analysis import GradeModel
from tests.analysis.simulated_world import calibration, forecasts

NAIVE = GradeModel(
    reliability=dict.fromkeys("ABCDEF", 1.0), credibility=dict.fromkeys(range(1, 7), 1.0)
)


@settings(max_examples=3, derandomize=True)
@given(
    seed=st.integers(0, 2**32 - 1),
    copy_rate=st.floats(0, 0.6),
    letters=st.sampled_from(["ABCDEF", "AB", "CD", "DEF", "ABF"]),
)
def test_posteriors_are_calibrated(seed: int, copy_rate: float, letters: str) -> None:
    table = calibration(
        forecasts(
            random.Random(seed),
            500,
            sources=(2, 7),
            facts=(1, 5),
            copy_rate=copy_rate,
            letters=letters,
        )
    )
    assert table.ece <= 0.05, table
    assert table.top_count < 20 or table.top_false <= 0.10, table


def test_ignoring_the_grades_is_not_calibrated() -> None:
    options = {"sources": (3, 7), "facts": (2, 5), "copy_rate": 0.3}
    naive = calibration(forecasts(random.Random(7), 300, model=NAIVE, **options))
    graded = calibration(forecasts(random.Random(7), 300, **options))  # type: ignore[arg-type]
    assert naive.ece > 0.08
    assert naive.top_false > 0.15
    assert graded.ece < naive.ece / 2
