"""Hypothesis strategies for property-testing cases: yours and the library's own.

Strategies follow Hypothesis' own style: plural nouns, keyword-only typed options,
``min_``/``max_`` sizes, and arguments checked when the strategy is made (an
``InvalidArgument`` names what is wrong), not when it is drawn. They are registered
through Hypothesis' entry point, so ``st.from_type(Case)`` (and ``st.from_type`` of every
record: `Source`, `Evidence`, `Hypothesis`, `Link`...) works without importing this
module.

- `sourced_cases()`: a valid case of the whole model, with the texts of its sources:
  sources with lineages, evidence, hypotheses in sets with priors, links of every
  rating, actors, arguments, assumptions, scenarios with indicators and observations,
  events, drivers, partial dates and ranges. `cases()` is the same without the texts;
  both take options for what a test needs (``min_sets=1``, ``warning_free=True``,
  ``include=[...]``, ``texts="hostile"``).
- `defective_cases()`: a valid case with one known defect injected, and the code
  of the finding it must cause (`DEFECTS`: each check's own injector, plugins' too).
- `fields()`: a case holding only a morphological field (drivers, states and
  cross-consistency assessments).
- `ids()`, `source_texts()`, `sources()`, `quotes()`, `evidences()`,
  `hypotheses()`, `links()`: the parts.
- `CaseMachine`: a stateful test of a case edited step by step, to subclass.

Shrinking: every object can be deleted without breaking a reference, texts shrink
to a few words, ratings towards ``C``, optional fields to absent and dates to ``2019``,
so a failing case shrinks to a handful of short, readable objects, and a `Case` shows
itself compactly (its ids and counts). For the whole failing case, write
``note(scenarios.dumps(case))`` in the test: Hypothesis prints it as YAML.

Examples:
    >>> from hypothesis import given, settings
    >>> from scenarios import check
    >>> @settings(max_examples=10)
    ... @given(sourced_cases())
    ... def test_no_errors(drawn):
    ...     assert not [f for f in check(drawn.case, texts=drawn.texts) if f.severity == "error"]
    >>> test_no_errors()
"""

from __future__ import annotations

from scenarios.strategies._cases import (
    PARTS,
    Part,
    SourcedCase,
    cases,
    fields,
    sourced_cases,
)
from scenarios.strategies._defects import DEFECTS, DefectiveCase, defective_cases
from scenarios.strategies._machine import CaseMachine
from scenarios.strategies._parts import (
    evidences,
    hypotheses,
    ids,
    links,
    quotes,
    source_texts,
    sources,
)
from scenarios.strategies._texts import TextMode

__all__ = [
    "DEFECTS",
    "PARTS",
    "CaseMachine",
    "DefectiveCase",
    "Part",
    "SourcedCase",
    "TextMode",
    "cases",
    "defective_cases",
    "evidences",
    "fields",
    "hypotheses",
    "ids",
    "links",
    "quotes",
    "source_texts",
    "sourced_cases",
    "sources",
]
