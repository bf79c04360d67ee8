"""Acme's house rule as a check: every competing hypothesis says what it means."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scenarios.checks import CheckContext, CheckInfo, Finding, register


def _undescribed(data: dict[str, Any], texts: dict[str, str]) -> str:
    """The defect: a set of two hypotheses without descriptions (ids start with x-)."""
    data["hypotheses"] += [{"id": "x-h1", "statement": "One."}, {"id": "x-h2", "statement": "Two."}]
    data["hypothesis_sets"].append(
        {"id": "x-set", "question": "Which?", "hypotheses": ["x-h1", "x-h2"]}
    )
    return "a set whose hypotheses do not say what they mean"


UNDESCRIBED = CheckInfo(
    "ACME001",
    "set-member-undescribed",
    "warning",
    "A hypothesis of a set has no description, so readers cannot tell what would count against it.",
    "Describe what the hypothesis means and what evidence would count against it.",
    "meta: {title: Example}\n"
    "hypotheses: [{id: a, statement: One.}, {id: b, statement: Two.}]\n"
    "hypothesis_sets: [{id: q, question: Which?, hypotheses: [a, b]}]\n",
    defect=_undescribed,
)


@register(UNDESCRIBED)
def undescribed(context: CheckContext) -> Iterator[Finding]:
    """Members of a set without a description."""
    members = {h for group in context.case.hypothesis_sets for h in group.hypotheses}
    for i, hypothesis in enumerate(context.case.hypotheses):
        if hypothesis.id in members and not hypothesis.description:
            yield UNDESCRIBED.finding(
                f"hypothesis {hypothesis.id!r} is in a set but has no description",
                (hypothesis.id,),
                ("hypotheses", i, "description"),
            )
