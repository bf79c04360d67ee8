"""Acme's tooling, tested against every case the scenarios strategies can draw."""

from __future__ import annotations

from acme_review import summary_rows
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.stateful import invariant

from scenarios import CATALOGUE, Case, check
from scenarios.strategies import CaseMachine, DefectiveCase, cases, defective_cases


def test_the_house_rule_joined_the_catalogue() -> None:
    # Loaded through the package's entry point: nothing here imports acme_review.checks.
    assert "ACME001" in {info.code for info in CATALOGUE}


@given(st.from_type(Case))
def test_one_row_per_set_naming_every_hypothesis(case: Case) -> None:
    rows = summary_rows(case)
    assert [row["set"] for row in rows] == [group.id for group in case.hypothesis_sets]
    for row, group in zip(rows, case.hypothesis_sets, strict=True):
        assert row["hypotheses"] == ", ".join(group.hypotheses)


@given(cases(min_sets=1))
def test_the_rule_flags_exactly_the_undescribed_members(case: Case) -> None:
    members = {h for group in case.hypothesis_sets for h in group.hypotheses}
    undescribed = {h.id for h in case.hypotheses if h.id in members and not h.description}
    flagged = {f.objects[0] for f in check(case, select=["ACME"])}
    assert flagged == undescribed


@given(defective_cases(codes=["ACME001"]))
def test_the_rule_finds_its_defect(drawn: DefectiveCase) -> None:
    found = check(drawn.case, texts=drawn.texts, select=["ACME001"])
    assert {"x-h1", "x-h2"} <= {f.objects[0] for f in found}, drawn.defect


class SummaryMachine(CaseMachine):
    """Every state of a case edited step by step summarises: one row per set."""

    @invariant()
    def one_row_per_set(self) -> None:
        assert len(summary_rows(self.case)) == len(self.case.hypothesis_sets)


TestSummary = SummaryMachine.TestCase
