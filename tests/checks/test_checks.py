"""The check catalogue: every example flags its own check, and the docs show the catalogue."""

from __future__ import annotations

from pathlib import Path

import pytest

from scenarios import Case, CaseMeta, Indicator, Scenario, loads
from scenarios.checks import CATALOGUE, CheckInfo, check
from scenarios.checks.docs import checks_page
from scenarios.io import SourceTexts

WITH_EXAMPLES = [info for info in CATALOGUE if info.example]

# What an example may show besides its own finding. H001 (a hypothesis without evidence)
# is about incompleteness, and minimal examples have no evidence; S002 (copies counted as
# independent) cannot happen without undeclared copies, which is S001; and when the only
# item of a set of two is rated alike against both (L003), nothing tells them apart (V001).
ALSO_ALLOWED = {"H001"}
IMPLIED = {"S002": {"S001"}, "L003": {"V001"}}


def run_example(info: CheckInfo) -> set[tuple[str, str]]:
    case = loads(info.example, format="yaml", integrity=False)
    texts = SourceTexts(texts=dict(info.example_texts))
    return {(f.code, f.severity) for f in check(case, texts=texts)}


def test_codes_are_unique_and_well_formed() -> None:
    codes = [info.code for info in CATALOGUE]
    assert len(codes) == len(set(codes))
    assert all(len(code) == 4 and code[0].isupper() and code[1:].isdigit() for code in codes)
    assert len({info.name for info in CATALOGUE}) == len(CATALOGUE)


def test_every_check_has_an_example_but_those_that_need_files() -> None:
    # both need files on disk: an unusable text, a text looked for and not found
    assert [info.code for info in CATALOGUE if not info.example] == ["Q005", "Q006"]


@pytest.mark.parametrize("info", WITH_EXAMPLES, ids=lambda info: info.code)
def test_each_example_is_flagged_by_its_check_and_no_other_problem(info: CheckInfo) -> None:
    found = run_example(info)
    assert (info.code, info.severity) in found
    others = {code for code, severity in found if code != info.code and severity != "info"}
    allowed = ALSO_ALLOWED | IMPLIED.get(info.code, set())
    assert others <= allowed, f"{info.code}'s example also shows {others - allowed}"


def test_the_checks_page_shows_every_example(root: Path) -> None:
    page = (root / "docs" / "checks.md").read_text(encoding="utf-8")
    assert page == checks_page(), "regenerate docs/checks.md: python -m scenarios.checks.docs"


def test_an_indicator_expected_alike_in_words_and_numbers_is_flat() -> None:
    case = Case(
        meta=CaseMeta(title="t"),
        scenarios=(Scenario(id="a", name="A"), Scenario(id="b", name="B")),
        indicators=(Indicator(id="i", name="I", expectations={"a": "likely", "b": 0.8}),),
    )
    (finding,) = [f for f in check(case) if f.code == "C002"]
    assert finding.message == "indicator 'i' is expected likely in every scenario"
