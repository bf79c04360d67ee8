"""The review checks (V): clean drawn cases pass, injected defects are found, the worked
case and the bridge example are flagged as a reviewer would, and the thresholds move."""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scenarios import Case, Hypothesis, check, load, loads
from scenarios.checks import CATALOGUE, CheckOptions
from scenarios.checks.review import CHECKS, content_words
from scenarios.cli import main
from scenarios.io import SourceTexts, read_source_texts
from scenarios.strategies import DefectiveCase, SourcedCase, defective_cases, sourced_cases
from tests.support import BRIDGE, ROOT

SEEDS = ROOT.parent / "shared" / "seeds"
BRIDGE_TEXTS = ROOT / "examples" / "bridge_collapse" / "texts"
CODES = [info.code for info in CHECKS]


def review(case: Case, texts: SourceTexts | None = None, **options: float) -> list[str]:
    found = check(case, texts=texts, options=CheckOptions(**options))  # type: ignore[arg-type]
    return [f.code for f in found if f.code.startswith("V")]


def bridge() -> tuple[Case, SourceTexts]:
    case = load(BRIDGE)
    return case, read_source_texts(case, sources_dir=BRIDGE_TEXTS)


def test_the_family_is_in_the_catalogue() -> None:
    assert [f"V00{k}" for k in range(1, 10)] == CODES
    assert set(CODES) <= {info.code for info in CATALOGUE}


# -- properties ------------------------------------------------------------------------


@given(sourced_cases(warning_free=True))
def test_a_clean_drawn_case_is_not_flagged(drawn: SourcedCase) -> None:
    assert review(drawn.case, drawn.texts) == []


@pytest.mark.parametrize("code", CODES)
@settings(max_examples=15)
@given(data=st.data())
def test_an_injected_defect_is_found_and_named(code: str, data: st.DataObject) -> None:
    drawn: DefectiveCase = data.draw(
        defective_cases(codes=[code], max_evidence=4, warning_free=True)
    )
    findings = [f for f in check(drawn.case, texts=drawn.texts) if f.code == code]
    assert len(findings) == 1, drawn.defect
    (finding,) = findings
    assert any(name.startswith("x-") for name in finding.objects), finding.objects
    assert not [f for f in check(drawn.case, texts=drawn.texts) if f.code in set(CODES) - {code}]


# -- the examples ----------------------------------------------------------------------


def test_the_bridge_example_fires_each_review_check_once_and_nothing_else() -> None:
    case, texts = bridge()
    assert texts.problems == ()
    assert not texts.missing
    found = check(case, texts=texts)
    assert sorted(f.code for f in found) == CODES
    assert {f.severity for f in found} == {"warning"}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed texts are not beside the repository")
def test_the_worked_case_passes_the_review_it_was_rebuilt_for(example_case: Case) -> None:
    # Issue 15 rebuilt the case after the review: its periods, exclusive sets, NA links and
    # collapsed episodes leave none of the review's findings but one V008, which its notes
    # explain (one D-graded article on al-Sadr moves accommodation just under 20 %).
    case = example_case
    found = check(case, texts=read_source_texts(case, sources_dir=SEEDS))
    review_found = [f for f in found if f.code.startswith("V")]
    assert [(f.code, f.objects[0]) for f in review_found] == [("V008", "sadr-and-militias")]
    (thin,) = review_found
    assert "militias-accommodate-sadr" in thin.message
    assert "one lineage ('seed-002')" in thin.message
    # Every hypothesis says when it is about, so V002 has something to test.
    assert all(h.period for h in case.hypotheses)
    bluff = case.get("threats-are-bluff", Hypothesis)
    assert bluff.period == "2021-10/2022-12"
    assert not [f for f in found if f.severity == "error"]  # `make demo` still passes


def test_select_and_ignore_take_the_new_codes() -> None:
    def run(*argv: str) -> list[str]:
        out = io.StringIO()
        main(["check", str(BRIDGE), "--sources", str(BRIDGE_TEXTS), *argv], out=out)
        return [row["code"] for row in json.loads(out.getvalue())]

    assert sorted(run("--format", "json", "--select", "V")) == CODES
    assert run("--format", "json", "--select", "V006,V008") == ["V006", "V008"]
    assert run("--format", "json", "--ignore", "V") == []
    assert "V003" not in run("--format", "json", "--ignore", "V003")


# -- thresholds ------------------------------------------------------------------------


def test_thresholds_move_the_findings() -> None:
    case, texts = bridge()
    assert "V006" not in review(case, texts, untested_ratio=0.1)
    assert "V006" not in review(case, texts, untested_min_rated=8)
    assert "V008" not in review(case, texts, min_lineages=1)
    assert "V008" not in review(case, texts, extreme_above=0.95, extreme_below=0.05)


def test_options_are_checked() -> None:
    with pytest.raises(ValueError, match="untested_ratio=0 must be a share"):
        CheckOptions(untested_ratio=0)
    with pytest.raises(ValueError, match="min_lineages=0 must be a whole number"):
        CheckOptions(min_lineages=0)


# -- the rules, one by one -------------------------------------------------------------

_BASE = """meta: {title: t}
sources: [{id: s, title: S, reliability: B}, {id: t, title: T, reliability: B}]
"""


def findings(yaml: str, code: str) -> list[tuple[str, str]]:
    return [
        (f.severity, f.message) for f in check(loads(_BASE + yaml, format="yaml")) if f.code == code
    ]


def test_v001_says_overlap_when_one_refines_the_other() -> None:
    (found,) = findings(
        """evidence: [{id: e, claim: c, quotes: [{source: s, text: q}]}]
hypotheses: [{id: a, statement: A.}, {id: b, statement: B., parent: a}]
hypothesis_sets: [{id: q, question: Q?, hypotheses: [a, b]}]
links: [{evidence: e, hypothesis: a, rating: I}, {evidence: e, hypothesis: b, rating: I}]
""",
        "V001",
    )
    assert "they overlap: 'b' refines 'a'" in found[1]


def test_v001_counts_an_unrated_item_as_neutral() -> None:
    assert not findings(
        """evidence:
  - {id: e1, claim: c, quotes: [{source: s, text: q}]}
  - {id: e2, claim: d, quotes: [{source: t, text: q}]}
hypotheses: [{id: a, statement: A.}, {id: b, statement: B.}]
hypothesis_sets: [{id: q, question: Q?, hypotheses: [a, b]}]
links:
  - {evidence: e1, hypothesis: a, rating: C}
  - {evidence: e1, hypothesis: b, rating: C}
  - {evidence: e2, hypothesis: a, rating: I}
""",
        "V001",
    )


def test_v002_bounds_an_undated_item_by_its_report_and_sources() -> None:
    (found,) = findings(
        """evidence:
  - {id: e1, claim: c, quotes: [{source: s, text: q}], reported: 2021-03}
  - {id: e2, claim: d, quotes: [{source: t, text: q}]}
  - {id: e3, claim: e, quotes: [{source: t, text: q}], occurred: 2021-11}
  - {id: e4, claim: f, quotes: [{source: t, text: q}], occurred: 2020-01}
hypotheses: [{id: h, statement: H., period: 2021-10/2022-12}]
links:
  - {evidence: e1, hypothesis: h, rating: C}
  - {evidence: e2, hypothesis: h, rating: I}
  - {evidence: e3, hypothesis: h, rating: I}
  - {evidence: e4, hypothesis: h, rating: NA}
""",
        "V002",
    )
    assert found[1].endswith(
        "1 item from outside that time is rated against it (0 I or II): e1 (reported 2021-03, C)"
    )


def test_v003_finds_a_restated_hypothesis() -> None:
    (found,) = findings(
        """evidence:
  - {id: e, claim: A researcher expects direct confrontation between al-Sadr and the militias.,
     quotes: [{source: s, text: q}], kind: assessment}
hypotheses: [{id: h, statement: Al-Sadr and the militias move to direct confrontation.}]
links: [{evidence: e, hypothesis: h, rating: C}]
""",
        "V003",
    )
    assert "circular support" in found[1]
    assert sorted(content_words("The militias' threats are a bluff.")) == [
        "bluff",
        "militia",
        "threat",
    ]


def test_v004_is_an_error_in_an_exhaustive_set() -> None:
    (found,) = findings(
        """evidence: [{id: e, claim: c, quotes: [{source: s, text: q}]}]
hypotheses: [{id: a, statement: A.}, {id: b, statement: B.}]
hypothesis_sets: [{id: q, question: Q?, hypotheses: [a, b], exhaustive: true}]
links: [{evidence: e, hypothesis: a, rating: I}, {evidence: e, hypothesis: b, rating: II}]
""",
        "V004",
    )
    assert found[0] == "error"
    assert "marked exhaustive" in found[1]


def test_v005_joins_an_event_with_items_of_its_actors_dates_and_lineage() -> None:
    yaml = """actors: [{id: kh, name: Kataib Hezbollah}]
evidence:
  - {id: e1, claim: Fighters ringed the office., quotes: [{source: s, text: q}], kind: event,
     occurred: 2020-06-25/2020-06-29, actors: [kh]}
  - {id: e2, claim: A leader warned the premier., quotes: [{source: s, text: r}],
     occurred: 2020-06-26, actors: [kh]}
  - {id: e3, claim: The premier vowed control., quotes: [{source: s, text: v}],
     occurred: 2020-05, actors: [kh]}
  - {id: e4, claim: A statement elsewhere., quotes: [{source: t, text: w}],
     occurred: 2020-06-27, actors: [kh]}
hypotheses: [{id: a, statement: A.}, {id: b, statement: B.}]
hypothesis_sets: [{id: q, question: Q?, hypotheses: [a, b]}]
links:
  - {evidence: e1, hypothesis: a, rating: C}
  - {evidence: e2, hypothesis: a, rating: C}
  - {evidence: e3, hypothesis: a, rating: C}
  - {evidence: e4, hypothesis: b, rating: C}
"""
    (found,) = findings(yaml, "V005")
    assert "counts one happening twice: e1, e2" in found[1]  # e3 is a month early, e4 elsewhere


def test_v007_accepts_a_negation_that_names_the_rival() -> None:
    yaml = """hypotheses: [{id: a, statement: A.}, {id: b, statement: B.}, {id: c, statement: C.}]
hypothesis_sets:
  - {id: two, question: Q?, hypotheses: [a, b], exhaustive: true}
  - {id: three, question: R?, hypotheses: [c, a]}
scenarios:
  - {id: s1, name: Not a, assumes: {a: false}}
  - {id: s2, name: Not a but c, assumes: {a: false, c: true}}
"""
    found = findings(yaml, "V007")
    assert len(found) == 1  # s1 in `three` (not exhaustive); `two` leaves b alone
    assert "scenario 's1'" in found[0][1]
    assert "set 'three'" in found[0][1]


def test_v009_finds_an_unchecked_assumption_the_evidence_bears_on() -> None:
    (found,) = findings(
        """evidence: [{id: e, claim: c, quotes: [{source: s, text: q}]}]
assumptions: [{id: a, statement: A., supports: [h]}]
hypotheses: [{id: h, statement: H.}]
arguments: [{id: g, premises: [e], conclusion: a, stance: con}]
links: [{evidence: e, hypothesis: h, rating: C}]
""",
        "V009",
    )
    assert "unchecked, but evidence bears on it (e)" in found[1]
