"""The pandas tables are typed as DataFrames (must pass ``mypy --strict``)."""

from __future__ import annotations

from typing import assert_type

import pandas

from scenarios import Case, ach
from scenarios.io import evidence_frame, links_frame
from scenarios.render import ach_dataframe


def frames(case: Case) -> None:
    """Never called: only type-checked."""
    assert_type(evidence_frame(case), pandas.DataFrame)
    assert_type(links_frame(case), pandas.DataFrame)
    assert_type(ach_dataframe(case, ach(case, "q")), pandas.DataFrame)
